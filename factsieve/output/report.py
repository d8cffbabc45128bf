"""The per-run data-quality report: one self-contained HTML page.

``build_report`` reads a committed run's tables (never staging) and writes
``<out>/reports/run-<id>.html``, and ``reports/latest.html`` when the run is the newest
committed one. ``summarize_run`` streams the tables a record batch at a time into a small
``RunSummary`` (memory does not grow with the run); ``render_report`` is pure: summary in,
HTML string out.

Self-contained means: the CSS is inline, the charts are inline SVG drawn here, there is
no script, and nothing is fetched — the page opens offline from a file. Every string that
comes from the data is escaped with html.escape, so a document containing ``<script>``
shows as text, and control and bidi-override characters show as ``\\x00`` / ``\\u202e`` escapes
(factsieve.text.visible), so a sample cannot reorder or hide what the page shows. docs/REPORT.md explains each section.
"""

from __future__ import annotations

import html
import itertools
import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import schemas
from factsieve.output import publish, svg
from factsieve.output.metrics import RunCounts, rates
from factsieve.text.visible import visible
from factsieve.vocabulary import LABELS

REPORTS_DIR = "reports"
LATEST = "latest.html"
LOWEST_QUALITY_DOCS = 5  # documents shown sentence by sentence
MAX_SENTENCES_SHOWN = 80  # per document in that section
MAX_CLUSTERS = 20
MAX_CHANGES = 50  # removed/replaced documents listed
MAX_MEMBERS = 10  # per cluster
REJECT_EXAMPLES = 3  # per reason
DRIFT_ALERT = 0.05  # absolute change of a rate/share/mean quality that is flagged in the drift table
GX_DOCS_REL = "gx/uncommitted/data_docs/local_site/index.html"  # relative to reports/

LABEL_COLORS = {
    "reported": "#4e79a7",
    "attributed": "#59a14f",
    "speculative": "#e15759",
    "opinion": "#f28e2b",
    "filler": "#b07aa1",
    "boilerplate": "#9c755f",
}


class ReportError(Exception):
    """No such committed run (or none at all) under the output folder."""


def _e(v: Any) -> str:
    """Data as HTML text: escaped, with control and bidi characters shown as escapes."""
    return html.escape(visible("" if v is None else str(v)), quote=True)


def _json(v: Any, default: Any) -> Any:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return default
    try:
        return json.loads(v)
    except (TypeError, ValueError):
        return default


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.1%}"


def _n(v: Any) -> str:
    try:
        return f"{int(v):,}"
    except (TypeError, ValueError):
        return _e(v)


def _cell(v: Any) -> Any:
    """A pandas/Arrow cell as a plain Python value (None for missing)."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


# --- reading ---------------------------------------------------------------------------------
#
# The page shows counts, shares and a few dozen rows, so it is built without ever holding a
# table: each committed part is read a record batch at a time (never more than one row group,
# which publish writes at 64 Ki rows), only the columns needed, and folded into the small
# summaries below. What stays in memory is one batch, counters keyed by label / reason / tier /
# flag / cue, the LOWEST_QUALITY_DOCS lowest documents, the REJECT_EXAMPLES examples per reason,
# the cluster sizes of the duplicates table and the rows actually shown on the page.

BATCH_ROWS = 64 * 1024  # rows per record batch (tests lower it to exercise the merging)
HEAVY_DOCUMENT_COLUMNS = ("text", "removed_text")  # never read for the report
QUALITY_BINS = 10  # histogram of quality scores over [0, 1]
LOWEST_COLUMNS = [
    "doc_id",
    "title",
    "source_uri",
    "record_key",
    "quality_score",
    "quality_tier",
    "quality_flags",
    "removed_lines",
    *(f"ratio_{lab}" for lab in LABELS),
]
LOWEST_SENTENCE_COLUMNS = ["doc_id", "sent_index", "label", "deciding_cue", "text", "cues"]
# how the duplicate clusters and stories name a document (url, date: a story member's site and day)
NAME_COLUMNS = ["doc_id", "title", "source_uri", "url", "published_at"]
MAX_STORIES = 10


def _part(out: Path, table: str, run_id: str) -> Path:
    return out / table / publish.part_name(run_id)


def _record_batches(path: Path, columns: list[str]) -> Iterator[pa.RecordBatch]:
    """The columns of one committed part, a record batch at a time (a batch never spans two
    row groups). A part that does not exist reads as no rows."""
    if not path.exists():
        return
    pf = pq.ParquetFile(path)
    for rg in range(pf.metadata.num_row_groups):
        yield from pf.iter_batches(batch_size=BATCH_ROWS, row_groups=[rg], columns=columns)


def _rows_where(path: Path, table: str, key: str, values: set[str], columns: list[str]) -> pa.Table:
    """The rows of a part whose ``key`` is one of ``values``, in table order. Row group by row
    group: the key column first, the other columns only of row groups holding a match."""
    found = []
    if values and path.exists():
        wanted = pa.array(sorted(values), pa.string())
        pf = pq.ParquetFile(path)
        for rg in range(pf.metadata.num_row_groups):
            mask = pc.is_in(pf.read_row_group(rg, columns=[key]).column(key), value_set=wanted)
            if pc.any(mask).as_py():
                found.append(pf.read_row_group(rg, columns=columns).filter(mask))
    if not found:
        return schemas.arrow_schema(table).empty_table().select(columns)
    return pa.concat_tables(found)


def _encoding_labels(b: pa.RecordBatch) -> pa.Array:
    """The encoding as the report counts it: a guess keeps its "?" ("cp1257?"), so it is a row of
    its own, marked to check (written so before schema 1.3; since then encoding_uncertain says it)."""
    if "encoding_uncertain" not in b.schema.names:
        return b["encoding"]
    return pc.if_else(
        b["encoding_uncertain"], pc.binary_join_element_wise(b["encoding"], "?", ""), b["encoding"]
    )


def _count_into(counts: dict[str, int], values: pa.Array | pa.ChunkedArray) -> None:
    """Add the value counts of ``values`` (nulls left out) to ``counts``. Batches are added in
    table order and a dict keeps insertion order, so ``counts`` lists values in order of first
    appearance — what pandas' value_counts breaks ties by."""
    vc = pc.value_counts(values)
    for value, n in zip(vc.field("values").to_pylist(), vc.field("counts").to_pylist(), strict=True):
        if value is not None:
            counts[value] = counts.get(value, 0) + n


def ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Most frequent first, ties in order of first appearance: pandas' ``value_counts()``."""
    return sorted(counts.items(), key=lambda kv: -kv[1])


def _quality_bin_counts(scores: np.ndarray, bins: int = QUALITY_BINS) -> np.ndarray:
    """How many scores fall in each bin, binned exactly as svg.histogram bins over [0, 1]
    (out-of-range scores clamped into the end bins, NaN left out)."""
    lo, span = 0.0, 1.0
    scores = scores[~np.isnan(scores)]
    k = np.clip(np.trunc((scores - lo) / span * bins), 0, bins - 1).astype(np.int64)
    return np.bincount(k, minlength=bins)


def _bin_centres(counts: list[int]) -> Iterator[float]:
    """One value per document, at the centre of its bin: svg.histogram draws the same bars
    from these as from the scores themselves, without the scores being held."""
    bins = len(counts)
    return itertools.chain.from_iterable(itertools.repeat((i + 0.5) / bins, n) for i, n in enumerate(counts))


@dataclass(slots=True)
class DocumentStats:
    """What the page shows of a run's documents."""

    rows: int = 0
    canonical: int = 0
    quality_sum: float = 0.0
    quality_count: int = 0  # non-null scores
    tiers: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)  # documents per quality flag, first appearance order
    quality_bins: list[int] = field(default_factory=lambda: [0] * QUALITY_BINS)
    lowest: pd.DataFrame | None = None  # LOWEST_COLUMNS of the lowest-scoring documents, lowest first
    names: dict[str, dict] = field(default_factory=dict)  # doc_id -> NAME_COLUMNS of documents asked for
    encodings: dict[str, int] = field(default_factory=dict)  # documents per input encoding


@dataclass(slots=True)
class SentenceStats:
    rows: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    decided: int = 0  # sentences with a deciding cue
    speculative_cues: dict[str, int] = field(default_factory=dict)  # lower-cased deciding cue -> sentences


@dataclass(slots=True)
class RejectStats:
    rows: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # first appearance order
    examples: dict[str, list[dict]] = field(default_factory=dict)  # the first REJECT_EXAMPLES rows per reason


@dataclass(slots=True)
class DuplicateStats:
    rows: int = 0
    methods: dict[str, int] = field(default_factory=dict)  # first appearance order
    clusters: int = 0
    largest: list[str] = field(default_factory=list)  # the MAX_CLUSTERS largest cluster ids, in page order
    shown: pd.DataFrame | None = None  # every row of those clusters, in table order


@dataclass(slots=True)
class RunSummary:
    """Everything render_report needs of a run's tables: counts and the few rows on the page."""

    documents: DocumentStats
    sentences: SentenceStats
    rejects: RejectStats
    duplicates: DuplicateStats
    lowest_sentences: pd.DataFrame  # LOWEST_SENTENCE_COLUMNS of the lowest documents' sentences
    names: dict[str, dict]  # doc_id -> NAME_COLUMNS (+ "_earlier") of documents in shown clusters/stories
    # the first MAX_CHANGES documents the run removed or replaced (factsieve.output.latest.changes)
    changes: pd.DataFrame | None = None
    stories: DuplicateStats = field(default_factory=DuplicateStats)

    @property
    def metrics(self) -> dict[str, float]:
        return summary_metrics(self.documents, self.sentences, self.rejects)


def summary_metrics(docs: DocumentStats, sents: SentenceStats, rejects: RejectStats) -> dict[str, float]:
    """The rates checks.derived_metrics gives the GX gate, from the streamed counts."""
    return rates(
        RunCounts(
            documents=docs.rows,
            non_canonical=docs.rows - docs.canonical,
            quality_sum=docs.quality_sum,
            quality_count=docs.quality_count,
            low_tier=docs.tiers.get("low", 0),
            rejects=rejects.rows,
            sentences=sents.rows,
            labels=sents.labels,
        )
    )


def _keep_lowest(best: pa.Table | None, batch: pa.RecordBatch) -> pa.Table:
    """The LOWEST_QUALITY_DOCS lowest rows of the rows kept so far and a new batch, in the
    order of lowest_documents (earlier rows first on ties, as in one sort of the whole table)."""
    rows = pa.Table.from_batches([batch])
    if best is None:
        best = rows.slice(0, 0)
    elif best.num_rows >= LOWEST_QUALITY_DOCS:
        worst = best["quality_score"][-1].as_py()  # best is in page order: its last row is the worst
        if worst is not None and not math.isnan(worst):
            # only a score up to the worst one kept can enter (NaN and null sort last)
            rows = rows.filter(pc.less_equal(rows["quality_score"], worst))
    rows = pa.concat_tables([best, rows])
    keys = rows.select(["quality_score", "doc_id"]).to_pandas(types_mapper=pd.ArrowDtype)
    return rows.take(lowest_documents(keys).index.to_numpy())


def document_stats(path: Path, *, page: bool = True, names_of: set[str] | None = None) -> DocumentStats:
    """One pass over a documents part. ``page=False`` reads only what the drift metrics need;
    ``names_of``: doc ids whose title and source to keep (the documents the duplicates name)."""
    columns = ["is_canonical", "quality_score", "quality_tier"]
    if page:
        columns = list(dict.fromkeys([*columns, *LOWEST_COLUMNS, *NAME_COLUMNS, "encoding"]))
        if path.exists() and "encoding_uncertain" in pq.read_schema(path).names:  # schema 1.3
            columns.append("encoding_uncertain")
    wanted = pa.array(sorted(names_of), pa.string()) if names_of else None
    s = DocumentStats()
    best = None
    for b in _record_batches(path, columns):
        s.rows += b.num_rows
        s.canonical += pc.sum(b["is_canonical"]).as_py() or 0
        scores = b["quality_score"]
        s.quality_sum += pc.sum(scores).as_py() or 0.0
        s.quality_count += len(scores) - scores.null_count
        _count_into(s.tiers, b["quality_tier"])
        if not page:
            continue
        _count_into(s.flags, pc.list_flatten(b["quality_flags"]))
        _count_into(s.encodings, _encoding_labels(b))
        bins = _quality_bin_counts(scores.to_numpy(zero_copy_only=False).astype("float64"))
        s.quality_bins = [a + int(n) for a, n in zip(s.quality_bins, bins, strict=True)]
        best = _keep_lowest(best, b.select(LOWEST_COLUMNS))
        if wanted is not None:
            hits = b.select(NAME_COLUMNS).filter(pc.is_in(b["doc_id"], value_set=wanted))
            s.names.update((r["doc_id"], r) for r in hits.to_pylist())
    if page:
        table = (
            best
            if best is not None
            else schemas.arrow_schema("documents").empty_table().select(LOWEST_COLUMNS)
        )
        s.lowest = lowest_documents(table.to_pandas(types_mapper=pd.ArrowDtype))
    return s


def sentence_stats(path: Path, *, page: bool = True) -> SentenceStats:
    """One pass over a sentences part (``page=False``: labels only, for the drift metrics)."""
    s = SentenceStats()
    for b in _record_batches(path, ["label", "deciding_cue"] if page else ["label"]):
        s.rows += b.num_rows
        _count_into(s.labels, b["label"])
        if page:
            cue = b["deciding_cue"]
            s.decided += len(cue) - cue.null_count
            # lower-cased with Arrow's utf8_lower, as pandas' .str.lower does for these columns
            _count_into(s.speculative_cues, pc.utf8_lower(cue.filter(pc.equal(b["label"], "speculative"))))
    return s


def reject_stats(path: Path, *, page: bool = True) -> RejectStats:
    """One pass over a rejects part: counts per reason and the first examples of each."""
    columns = ["reason", "source_uri", "record_key", "detail", "sample", "raw_bytes"] if page else ["reason"]
    s = RejectStats()
    for b in _record_batches(path, columns):
        s.rows += b.num_rows
        _count_into(s.reasons, b["reason"])
        if not page:
            continue
        for reason in pc.unique(b["reason"].drop_null()).to_pylist():
            shown = s.examples.setdefault(reason, [])
            if len(shown) < REJECT_EXAMPLES:
                idx = pc.indices_nonzero(pc.equal(b["reason"], reason))[: REJECT_EXAMPLES - len(shown)]
                shown.extend(b.take(idx).to_pylist())
    return s


def duplicate_stats(path: Path, level: str = "copy") -> DuplicateStats:
    """Counts of one level (copy clusters or stories) of the duplicates part, then the rows of its
    MAX_CLUSTERS largest groups."""
    s = DuplicateStats()
    sizes = pa.table({"cluster_id": pa.array([], pa.string()), "n": pa.array([], pa.int64())})
    for b in _record_batches(path, ["level", "cluster_id", "method"]):
        b = b.filter(pc.equal(b["level"], level))
        s.rows += b.num_rows
        _count_into(s.methods, b["method"])
        vc = pc.value_counts(b["cluster_id"])
        sizes = (
            pa.concat_tables([sizes, pa.table({"cluster_id": vc.field("values"), "n": vc.field("counts")})])
            .group_by("cluster_id")
            .aggregate([("n", "sum")])
            .rename_columns({"n_sum": "n"})
            .select(["cluster_id", "n"])
        )
    s.clusters = sizes.num_rows
    # largest first, then by id: the order of the page
    order = pc.sort_indices(sizes, sort_keys=[("n", "descending"), ("cluster_id", "ascending")])
    s.largest = sizes.take(order[:MAX_CLUSTERS]).column("cluster_id").to_pylist()
    columns = schemas.arrow_schema("duplicates").names
    shown = _rows_where(path, "duplicates", "cluster_id", set(s.largest), columns)
    s.shown = shown.filter(pc.equal(shown["level"], level)).to_pandas(types_mapper=pd.ArrowDtype)
    return s


def _run_row(out: Path, run_id: str) -> dict:
    rows = publish.read_table(out, "runs", run_id).to_pylist()
    if not rows:
        raise ReportError(f"run {run_id} has no runs row under {out}")
    return rows[0]


def run_metrics(out: Path, run_id: str) -> dict[str, float]:
    """The drift metrics of a committed run, streaming only the columns they need."""
    return summary_metrics(
        document_stats(_part(out, "documents", run_id), page=False),
        sentence_stats(_part(out, "sentences", run_id), page=False),
        reject_stats(_part(out, "rejects", run_id), page=False),
    )


def _earlier_documents(out: Path, doc_ids: set[str], skip_run: str) -> dict[str, dict]:
    """title/source of canonical copies ingested by other runs (duplicates of old documents),
    the first run holding a document winning."""
    found: dict[str, dict] = {}
    for rid in publish.committed_run_ids(out):
        if rid == skip_run or not doc_ids:
            continue
        hits = _rows_where(_part(out, "documents", rid), "documents", "doc_id", doc_ids, NAME_COLUMNS)
        for r in hits.to_pylist():
            found.setdefault(r["doc_id"], r)
        doc_ids = doc_ids - set(found)
    return found


def summarize_run(out: Path, run_id: str) -> RunSummary:
    """Read one committed run's tables into a RunSummary, a batch at a time."""
    out = Path(out)
    dups = duplicate_stats(_part(out, "duplicates", run_id))
    stories = duplicate_stats(_part(out, "duplicates", run_id), "story")
    named: set[str] = set()
    for st in (dups, stories):
        shown = st.shown if st.shown is not None else pd.DataFrame()
        if len(shown):
            named |= set(shown["doc_id"].astype(str)) | set(shown["canonical_doc_id"].astype(str))
    docs = document_stats(_part(out, "documents", run_id), names_of=named)
    low_ids = set(docs.lowest["doc_id"].astype(str)) if docs.lowest is not None else set()
    lowest_sentences = _rows_where(
        _part(out, "sentences", run_id), "sentences", "doc_id", low_ids, LOWEST_SENTENCE_COLUMNS
    ).to_pandas(types_mapper=pd.ArrowDtype)
    names = dict(docs.names)
    for doc_id, r in _earlier_documents(out, named - set(names), run_id).items():
        names.setdefault(doc_id, {**r, "_earlier": True})
    changes_part = out / "_state" / "changes" / publish.part_name(run_id)
    changes = pq.read_table(changes_part).slice(0, MAX_CHANGES).to_pandas() if changes_part.exists() else None
    return RunSummary(
        changes=changes,
        documents=docs,
        sentences=sentence_stats(_part(out, "sentences", run_id)),
        rejects=reject_stats(_part(out, "rejects", run_id)),
        duplicates=dups,
        lowest_sentences=lowest_sentences,
        names=names,
        stories=stories,
    )


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def build_report(out: Path, run_id: str | None = None) -> Path:
    """Write the report of a committed run (default: the newest) and return its path."""
    out = Path(out)
    committed = publish.committed_run_ids(out)
    if not committed:
        raise ReportError(f"no committed run under {out}: run `factsieve run` first")
    if run_id is None:
        run_id = committed[-1]
    elif run_id not in committed:
        raise ReportError(f"run {run_id} is not a committed run under {out} (latest: {committed[-1]})")
    run = _run_row(out, run_id)
    summary = summarize_run(out, run_id)
    previous = None
    idx = committed.index(run_id)
    if idx > 0:
        prev_id = committed[idx - 1]
        previous = {**_run_row(out, prev_id), "metrics": run_metrics(out, prev_id)}
    reports = out / REPORTS_DIR
    reports.mkdir(parents=True, exist_ok=True)
    page = render_report(run, summary, previous, gx_docs=(reports / GX_DOCS_REL).exists())
    path = reports / f"run-{run_id}.html"
    _atomic_write(path, page)
    if run_id == committed[-1]:  # latest.html always shows the newest run, not the last one rendered
        _atomic_write(reports / LATEST, page)
    return path


# --- rendering -------------------------------------------------------------------------------

CSS = """
:root { --ok:#2e7d32; --warn:#b26a00; --bad:#c62828; --muted:#666; --line:#ddd; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.5rem; margin: 8px 0; } h2 { font-size: 1.2rem; margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
nav a { margin-right: 12px; font-size: .9rem; }
table { border-collapse: collapse; margin: 8px 0; font-size: .9rem; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; color: #fff; font-size: .85rem; font-weight: 600; }
.ok { background: var(--ok); } .warning { background: var(--warn); } .bad { background: var(--bad); } .skipped { background: #888; }
.summary { background: #fff; border: 1px solid var(--line); padding: 12px 16px; border-radius: 6px; }
.summary li { margin: 3px 0; }
.muted { color: var(--muted); } .small { font-size: .85rem; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; }
.sample { white-space: pre-wrap; word-break: break-all; max-width: 420px; display: inline-block; }
.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.sent { margin: 3px 0; line-height: 1.5; }
.tag { display: inline-block; min-width: 84px; font-size: .72rem; color: #fff; border-radius: 3px; padding: 0 4px; margin-right: 6px; text-align: center; }
mark.speculative { background: #fde2e1; outline: 1px solid #e15759; }
.cue { border-bottom: 2px dotted #888; }
.cue.deciding { border-bottom: 2px solid #c62828; font-weight: 600; }
.why { color: var(--muted); font-size: .8rem; margin-left: 6px; }
.drift { font-weight: 600; color: var(--bad); }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.charts > div { flex: 1 1 420px; }
details summary { cursor: pointer; }
"""


def _badge(text: str, kind: str) -> str:
    return f'<span class="badge {kind}">{_e(text)}</span>'


def _status_kind(status: str) -> str:
    return {"succeeded": "ok", "passed": "ok", "warning": "warning", "failed": "bad"}.get(status, "skipped")


def _table(headers: list[str], rows: list[list[str]], num: set[int] | None = None, cls: str = "") -> str:
    num = num or set()
    head = "".join(
        f'<th class="num">{_e(h)}</th>' if i in num else f"<th>{_e(h)}</th>" for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{c}</td>' if i in num else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _section(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}"><h2>{_e(title)}</h2>{body}</section>'


def _gx_results(run: dict) -> list[dict]:
    detail = _json(run.get("gx_detail"), [])
    return [r for r in detail if isinstance(r, dict)] if isinstance(detail, list) else []


def _summary(run: dict, s: RunSummary, metrics: dict, drifted: list[str]) -> str:
    gx = _gx_results(run)
    crit = [r for r in gx if not r.get("success") and r.get("severity") == "critical"]
    warn = [r for r in gx if not r.get("success") and r.get("severity") != "critical"]
    reasons = ranked(s.rejects.reasons)
    items = [
        f"<li><b>Outcome:</b> run {_badge(run.get('status', '?'), _status_kind(str(run.get('status'))))} · "
        f"Great Expectations {_badge(run.get('gx_status', 'skipped'), _status_kind(str(run.get('gx_status'))))} "
        f"({len(crit)} critical failure(s), {len(warn)} warning(s))</li>",
        f"<li><b>In:</b> {_n(run.get('input_files'))} files, {_n(run.get('input_records'))} records</li>",
        f"<li><b>Out:</b> {_n(s.documents.rows)} documents ({_n(s.documents.canonical)} canonical), "
        f"{_n(s.sentences.rows)} sentences</li>",
        f"<li><b>Rejected:</b> {_n(s.rejects.rows)} ({_pct(metrics['reject_rate'])})"
        + (": " + ", ".join(f"{_e(k)} {v}" for k, v in reasons) if reasons else "")
        + "</li>",
        f"<li><b>Changed inputs:</b> {_n(run.get('removed_documents') or 0)} documents removed, "
        f"{_n(run.get('replaced_documents') or 0)} replaced by a new version "
        f"({_n(run.get('removed_files') or 0)} input files gone)</li>",
        f"<li><b>Duplicates:</b> {_n(run.get('exact_duplicates'))} exact, {_n(run.get('near_duplicates'))} near "
        f"({_pct(metrics['duplicate_rate'])} of documents)</li>",
        f"<li><b>Quality:</b> mean {metrics['mean_quality']:.3f}, {_pct(metrics['low_tier_share'])} low tier; "
        f"{_pct(metrics['share_speculative'])} of sentences speculative</li>",
        "<li><b>Drift vs previous run:</b> "
        + (f'<span class="drift">{_e(", ".join(drifted))}</span>' if drifted else "nothing beyond ±5 points")
        + "</li>",
    ]
    if crit:
        items.append(
            "<li><b>Why it failed:</b><ul>"
            + "".join(
                f"<li>{_e(r.get('table'))} · {_e(r.get('expectation'))}: {_e(r.get('reason'))}</li>"
                for r in crit
            )
            + "</ul></li>"
        )
    return '<div class="summary"><ul>' + "".join(items) + "</ul></div>"


def _stages(run: dict, s: RunSummary) -> str:
    stages = [
        ("input files", run.get("input_files") or 0),
        ("input records", run.get("input_records") or 0),
        ("rejected records", s.rejects.rows),
        ("documents", s.documents.rows),
        ("canonical documents", s.documents.canonical),
        ("sentences", s.sentences.rows),
    ]
    chart = svg.bar_chart([(k, float(v)) for k, v in stages], title="Records through the stages")
    seconds = _json(run.get("stage_seconds"), {}) or {}
    rows = [[_e(k), _n(v)] for k, v in stages]
    sec_rows = [[_e(k), f"{float(v):.3f}"] for k, v in seconds.items()] if isinstance(seconds, dict) else []
    started, finished = run.get("started_at"), run.get("finished_at")
    # The whole command (start-up included) when recorded; runs written before it: the flow's span.
    wall = run.get("command_seconds")
    if wall is None and isinstance(started, datetime) and isinstance(finished, datetime):
        wall = (finished - started).total_seconds()
    startup = seconds.get("startup") if isinstance(seconds, dict) else None
    return (
        '<div class="charts"><div>'
        + chart
        + "</div><div>"
        + _table(["stage", "count"], rows, {1})
        + ("<h3>Seconds per stage</h3>" + _table(["stage", "seconds"], sec_rows, {1}) if sec_rows else "")
        + _encodings(s)
        + _passed_over(run)
        + (
            f'<p class="small muted">wall time {float(wall):.1f} s'
            + (f" (start-up {float(startup):.1f} s included)" if startup is not None else "")
            + "</p>"
            if wall is not None
            else ""
        )
        + "</div></div>"
    )


def _passed_over(run: dict) -> str:
    """What ingest passed over as no record (an archive's folders and hidden files, a WARC file's
    request records), from the runs row's ``stage_counts.ingest.passed_over``: not in documents or
    rejects, so shown here, or their absence would look like loss."""
    counts = _json(run.get("stage_counts"), {}) or {}
    found = (counts.get("ingest") or {}).get("passed_over") if isinstance(counts, dict) else None
    if not isinstance(found, dict) or not found:
        return ""
    rows = [[_e(k), _n(v)] for k, v in ranked(found)]
    return "<h3>Passed over (not records)</h3>" + _table(["kind", "count"], rows, {1})


# Encodings news is written in (factsieve.ingest.decode names them with Python's codec names). Any other
# (a DOS or Mac code page, big5hkscs for an English site) is most likely a wrong guess: the page
# marks it so a maintainer looks at those documents.
_USUAL_ENCODING_PREFIXES = (
    "utf-",
    "cp125",
    "cp874",
    "koi8",
    "iso8859-",
    "latin-1",
    "shift_jis",
    "cp932",
    "euc_",
    "cp949",
    "gb",
    "big5",
    "iso2022",
)


def _encodings(s: RunSummary) -> str:
    total = sum(s.documents.encodings.values())
    if not total:
        return ""
    rows = []
    for enc, n in ranked(s.documents.encodings):
        usual = all(part.startswith(_USUAL_ENCODING_PREFIXES) for part in enc.split("+"))  # utf-8+cp1252
        note = "" if usual else " " + _badge("unusual: check these documents", "warning")
        if enc.endswith("?"):  # the decoder's close call between code pages (docs/INGEST.md, round 15)
            note = " " + _badge("uncertain guess: check these documents", "warning")
        rows.append([f'<span class="mono">{_e(enc)}</span>{note}', _n(n), _pct(n / total)])
    return "<h3>Documents per input encoding</h3>" + _table(["encoding", "documents", "share"], rows, {1, 2})


def _changes(run: dict, s: RunSummary) -> str:
    removed, replaced = run.get("removed_documents") or 0, run.get("replaced_documents") or 0
    head = (
        f"<p>{_n(removed)} live documents removed (input gone or renamed, record deleted or now a reject), "
        f"{_n(replaced)} replaced by a new version; {_n(run.get('removed_files') or 0)} input files no "
        "longer found. History keeps their rows; <code>latest/</code> no longer shows them.</p>"
    )
    if s.changes is None or not len(s.changes):
        return head + '<p class="muted">No document was removed or replaced by this run.</p>'
    rows = [
        [
            _e(r["change"]),
            f'<span class="mono">{_e(r["source_uri"])}</span>',
            _e(r["record_key"]),
            f'<span class="mono">{_e(r["doc_id"])}</span>',
            f'<span class="mono">{_e(r["new_doc_id"] or "")}</span>',
            _e(r.get("reason") or ""),  # runs before the reason column have none
        ]
        for r in s.changes.to_dict("records")
    ]
    more = removed + replaced - len(rows)
    return (
        head
        + _table(["change", "source", "record key", "doc_id", "new doc_id", "why"], rows)
        + (f'<p class="small muted">and {_n(more)} more (output/_state/changes/)</p>' if more > 0 else "")
    )


def _rejects(s: RunSummary) -> str:
    if not s.rejects.rows:
        return "<p>No input was rejected.</p>"
    counts = ranked(s.rejects.reasons)
    chart = svg.bar_chart([(k, float(v)) for k, v in counts], title="Rejected records by reason")
    blocks = []
    for reason, n in counts:
        ex = s.rejects.examples.get(reason, [])  # the first REJECT_EXAMPLES rows of the reason
        rows = [
            [
                f'<span class="mono">{_e(r["source_uri"])}</span>'
                + (f' <span class="muted">[{_e(r["record_key"])}]</span>' if r["record_key"] else ""),
                _e(r["detail"]),
                f'<span class="sample mono">{_e(_cell(r["sample"]) or "")}</span>',
                _n(r["raw_bytes"]),
            ]
            for r in ex
        ]
        more = f' <span class="muted small">(showing {len(ex)} of {n})</span>' if n > len(ex) else ""
        blocks.append(
            f"<h3>{_e(reason)} — {n}{more}</h3>" + _table(["input", "detail", "sample", "bytes"], rows, {3})
        )
    return chart + "".join(blocks)


def _doc_name(doc_id: str, lookup: dict[str, dict]) -> str:
    d = lookup.get(doc_id)
    if d is None:
        return f'<span class="mono">{_e(doc_id[:12])}</span>'
    title = _cell(d.get("title")) or "(untitled)"
    earlier = ' <span class="muted small">(earlier run)</span>' if d.get("_earlier") else ""
    return f'{_e(title)}{earlier}<br><span class="mono small muted">{_e(d.get("source_uri"))} · {_e(doc_id[:12])}</span>'


def _member_table(rest: pd.DataFrame, headers: list[str], cells, num: set[int]) -> str:
    """The first MAX_MEMBERS members of a cluster or story as a table, and how many more there are."""
    rows = [cells(m) for _, m in rest.head(MAX_MEMBERS).iterrows()]
    more = (
        f'<p class="small muted">… {len(rest) - MAX_MEMBERS} more members</p>'
        if len(rest) > MAX_MEMBERS
        else ""
    )
    return _table(headers, rows, num) + more


def _duplicates(s: RunSummary) -> str:
    stats = s.duplicates
    if not stats.rows or stats.shown is None:
        return "<p>No duplicate clusters in this run.</p>"
    dup = stats.shown  # the rows of the largest clusters, in table order
    groups = pd.Series(range(len(dup))).groupby(dup["cluster_id"].astype(str).to_numpy(), sort=False).indices
    lookup = s.names
    n_clusters = stats.clusters
    head = (
        f"<p>{n_clusters} cluster(s), {stats.rows} member rows "
        f"({', '.join(f'{_e(k)} {v}' for k, v in ranked(stats.methods))}). Largest first; "
        "the canonical copy is the one kept for analysis (is_canonical).</p>"
    )
    blocks = []
    for cid in stats.largest:
        members = dup.iloc[groups[cid]]
        canon = str(members["canonical_doc_id"].iloc[0])
        rest = members[members["doc_id"].astype(str) != canon].sort_values("similarity", ascending=False)

        def cells(m: pd.Series) -> list[str]:
            return [
                _doc_name(str(m["doc_id"]), lookup),
                _e(m["method"]),
                f"{float(m['similarity']):.3f}",
                "yes" if bool(m["is_new"]) else "no",
            ]

        blocks.append(
            f"<h3>{_e(cid)} — {len(members)} documents</h3><p><b>Canonical:</b> {_doc_name(canon, lookup)}</p>"
            + _member_table(rest, ["duplicate", "method", "similarity", "new in this run"], cells, {2})
        )
    if n_clusters > MAX_CLUSTERS:
        blocks.append(f'<p class="muted">… {n_clusters - MAX_CLUSTERS} smaller clusters not shown.</p>')
    return head + "".join(blocks)


def _site(d: dict | None) -> str:
    """Host of the document's url (else of its source_uri); for a local file, its folder."""
    if d is None:
        return ""
    for uri in (d.get("url"), d.get("source_uri")):
        if uri:
            parsed = urlsplit(str(uri))
            if parsed.netloc:
                return parsed.netloc.removeprefix("www.")
    src = str(d.get("source_uri") or "")
    return src.rsplit("/", 1)[0] + "/" if "/" in src else src


def _day(d: dict | None) -> str:
    value = (d or {}).get("published_at")
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _stories(s: RunSummary) -> str:
    stats = s.stories
    if not stats.rows or stats.shown is None:
        return "<p>No story with more than one document in this run.</p>"
    st = stats.shown
    groups = pd.Series(range(len(st))).groupby(st["cluster_id"].astype(str).to_numpy(), sort=False).indices
    lookup = s.names
    head = (
        f"<p>{stats.clusters} stor{'y' if stats.clusters == 1 else 'ies'} with new members, {stats.rows} member "
        f"rows ({', '.join(f'{_e(k)} {v}' for k, v in ranked(stats.methods))}). A story is the documents that "
        "share a source text — copies plus rewrites, truncations and extensions (containment of the shorter "
        "text); the copy kept is the story's canonical (documents.story_id = its doc_id).</p>"
    )
    blocks = []
    for sid in stats.largest[:MAX_STORIES]:
        members = st.iloc[groups[sid]]
        rest = members[members["doc_id"].astype(str) != sid].sort_values("containment", ascending=False)
        sites = {_site(lookup.get(str(d))) for d in members["doc_id"].astype(str)}
        kept = lookup.get(sid)

        def cells(m: pd.Series) -> list[str]:
            return [
                _doc_name(str(m["doc_id"]), lookup),
                _e(_site(lookup.get(str(m["doc_id"])))),
                _e(_day(lookup.get(str(m["doc_id"])))),
                _e(m["method"]),
                f"{float(m['containment']):.3f}",
                f"{float(m['similarity']):.3f}",
                "yes" if bool(m["is_new"]) else "no",
            ]

        headers = ["member", "site", "published", "method", "containment", "jaccard", "new in this run"]
        blocks.append(
            f"<h3>story {_e(sid[:12])} — {len(members)} documents, {len(sites)} site(s)</h3>"
            f"<p><b>Copy kept:</b> {_doc_name(sid, lookup)} · {_e(_site(kept))} · {_e(_day(kept))}</p>"
            + _member_table(rest, headers, cells, {4, 5})
        )
    if stats.clusters > MAX_STORIES:
        blocks.append(f'<p class="muted">… {stats.clusters - MAX_STORIES} smaller stories not shown.</p>')
    return head + "".join(blocks)


def _labels(s: RunSummary, metrics: dict) -> str:
    counts = s.sentences.labels
    items = [(lab, float(counts.get(lab, 0))) for lab in LABELS]
    chart = svg.bar_chart(items, title="Sentences per label", colors=[LABEL_COLORS[lab] for lab in LABELS])
    rows = [
        [
            f'<span class="tag" style="background:{LABEL_COLORS[lab]}">{_e(lab)}</span>',
            _n(counts.get(lab, 0)),
            _pct(metrics[f"share_{lab}"]),
        ]
        for lab in LABELS
    ]
    top = ranked(s.sentences.speculative_cues)[:10]
    cue_rows = [[f"<code>{_e(k)}</code>", _n(v)] for k, v in top]
    return (
        '<div class="charts"><div>'
        + chart
        + "</div><div>"
        + _table(["label", "sentences", "share"], rows, {1, 2})
        + f'<p class="small muted">{_n(s.sentences.decided)} sentences were decided by a cue; the rest are plain reported.</p>'
        + (
            "<h3>Cues that decided speculative sentences</h3>" + _table(["cue", "sentences"], cue_rows, {1})
            if cue_rows
            else ""
        )
        + "</div></div>"
    )


def _quality(s: RunSummary) -> str:
    docs = s.documents
    if not docs.rows:
        return "<p>No documents.</p>"
    hist = svg.histogram(
        _bin_centres(docs.quality_bins),
        title="Quality score of documents",
        bins=QUALITY_BINS,
        x_label="quality score",
    )
    tiers = docs.tiers
    tier_chart = svg.bar_chart(
        [(t, float(tiers.get(t, 0))) for t in ("high", "medium", "low")],
        title="Documents per tier",
        colors=["#2e7d32", "#b26a00", "#c62828"],
    )
    flag_rows = [[f"<code>{_e(k)}</code>", _n(v)] for k, v in ranked(docs.flags)]
    return (
        '<div class="charts"><div>'
        + hist
        + "</div><div>"
        + tier_chart
        + (
            "<h3>Quality flags</h3>" + _table(["flag", "documents"], flag_rows, {1})
            if flag_rows
            else "<p>No quality flags.</p>"
        )
        + "</div></div>"
    )


def _deciding_span(cues: list[dict], deciding: str | None) -> int | None:
    if not deciding:
        return None
    d = deciding.lower()
    for i, c in enumerate(cues):
        if str(c.get("text", "")).lower() == d:
            return i
    for i, c in enumerate(cues):
        if d in str(c.get("text", "")).lower():
            return i
    return None


def highlight_sentence(text: str, cues: list[dict], deciding: str | None) -> str:
    """The sentence as escaped HTML, each cue span wrapped; the deciding cue stands out."""
    dec = _deciding_span(cues, deciding)
    spans = sorted(
        (
            (int(c["start"]), int(c["end"]), str(c.get("kind", "")), i == dec)
            for i, c in enumerate(cues)
            if c.get("start") is not None
            and c.get("end") is not None
            and 0 <= int(c["start"]) < int(c["end"]) <= len(text)
        ),
        key=lambda s: (s[0], -s[1]),
    )
    out, pos = [], 0
    for start, end, kind, is_dec in spans:
        if start < pos:  # overlapping cue: the earlier (longer) one is shown
            continue
        out.append(_e(text[pos:start]))
        cls = "cue deciding" if is_dec else "cue"
        out.append(f'<span class="{cls}" title="{_e(kind)} cue">{_e(text[start:end])}</span>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _cue_list(v: Any) -> list[dict]:
    if v is None or isinstance(v, float):
        return []
    return [dict(c) for c in v]


def lowest_documents(docs: pd.DataFrame) -> pd.DataFrame:
    return (
        docs.assign(_q=docs["quality_score"].astype("float64"))
        .sort_values(["_q", "doc_id"])
        .head(LOWEST_QUALITY_DOCS)
    )


def _lowest(s: RunSummary) -> str:
    low = s.documents.lowest
    if not s.documents.rows or low is None:
        return "<p>No documents.</p>"
    sents = s.lowest_sentences  # every sentence of the lowest documents, nothing else
    wanted = set(low["doc_id"].astype(str))
    mine = sents[sents["doc_id"].isin(wanted)] if len(sents) else sents
    by_doc = {k: g for k, g in mine.groupby(mine["doc_id"].astype(str), sort=False)} if len(mine) else {}
    blocks = [
        f"<p>The {len(low)} lowest-scoring documents, sentence by sentence. "
        '<mark class="speculative">Speculative</mark> sentences are highlighted; cues are underlined, '
        '<span class="cue deciding">the deciding cue</span> in bold.</p>'
    ]
    for _, d in low.iterrows():
        doc_id = str(d["doc_id"])
        flags = ", ".join(str(f) for f in (d["quality_flags"] if d["quality_flags"] is not None else []))
        ratios = ", ".join(
            f"{lab} {float(d[f'ratio_{lab}']):.0%}" for lab in LABELS if float(d[f"ratio_{lab}"]) > 0
        )
        g = by_doc.get(doc_id)
        lines = []
        if g is not None:
            for _, s in g.sort_values("sent_index").head(MAX_SENTENCES_SHOWN).iterrows():
                lab = str(s["label"])
                deciding = _cell(s["deciding_cue"])
                body = highlight_sentence(str(s["text"]), _cue_list(s["cues"]), deciding)
                if lab == "speculative":
                    body = f'<mark class="speculative">{body}</mark>'
                why = f'<span class="why">decided by “{_e(deciding)}”</span>' if deciding else ""
                lines.append(
                    f'<div class="sent"><span class="tag" style="background:{LABEL_COLORS.get(lab, "#777")}">'
                    f"{_e(lab)}</span>{body}{why}</div>"
                )
            if len(g) > MAX_SENTENCES_SHOWN:
                lines.append(f'<p class="small muted">… {len(g) - MAX_SENTENCES_SHOWN} more sentences</p>')
        removed = int(d["removed_lines"]) if _cell(d["removed_lines"]) is not None else 0
        blocks.append(
            f'<div class="doc"><h3>{_e(_cell(d["title"]) or "(untitled)")} — quality {float(d["quality_score"]):.2f} '
            f'({_e(d["quality_tier"])})</h3><p class="small muted mono">{_e(d["source_uri"])} '
            f"{_e(d['record_key'])} · {_e(doc_id)}</p>"
            f'<p class="small">flags: {_e(flags or "none")} · labels: {_e(ratios or "none")} · '
            f"{removed} boilerplate line(s) removed before segmentation</p>" + "".join(lines) + "</div>"
        )
    return "".join(blocks)


def _gx(run: dict, gx_docs: bool) -> str:
    status = str(run.get("gx_status") or "skipped")
    results = _gx_results(run)
    head = f"<p>Outcome {_badge(status, _status_kind(status))}. "
    if gx_docs:
        head += (
            f'Full Great Expectations Data Docs: <a href="{_e(GX_DOCS_REL)}">{_e(GX_DOCS_REL)}</a> '
            '<span class="small muted">(GX\'s pages load their styles from a CDN)</span>.'
        )
    head += "</p>"
    if not results:
        return head + "<p>No expectation results were recorded for this run.</p>"
    rank = {(False, "critical"): 0, (False, "warning"): 1}
    ordered = sorted(results, key=lambda r: rank.get((bool(r.get("success")), str(r.get("severity"))), 2))
    rows = []
    for r in ordered:
        ok = bool(r.get("success"))
        sev = str(r.get("severity"))
        verdict = (
            _badge("pass", "ok")
            if ok
            else _badge("fail" if sev == "critical" else "warn", "bad" if sev == "critical" else "warning")
        )
        observed = r.get("observed")
        if isinstance(observed, dict) and "unexpected" in observed:
            obs = f"{observed.get('unexpected')} of {observed.get('of')} rows unexpected"
        elif isinstance(observed, float):
            obs = f"{observed:.4g}"
        else:
            obs = json.dumps(observed, default=str) if observed is not None else "–"
        rows.append(
            [
                verdict,
                _e(r.get("table")),
                f"<code>{_e(r.get('expectation'))}</code>"
                + (
                    f'<br><span class="small muted">{_e(r.get("description"))}</span>'
                    if r.get("description")
                    else ""
                ),
                _e(sev),
                _e(obs),
                _e(r.get("reason") or ""),
            ]
        )
    n_fail = sum(1 for r in results if not r.get("success"))
    return (
        head
        + f"<p>{len(results) - n_fail} of {len(results)} expectations met.</p>"
        + _table(["result", "table", "expectation", "severity", "observed", "reason"], rows)
    )


DRIFT_KEYS = [
    ("reject_rate", "reject rate"),
    ("duplicate_rate", "duplicate rate"),
    ("mean_quality", "mean quality"),
    ("low_tier_share", "low-tier share"),
] + [(f"share_{lab}", f"{lab} share") for lab in LABELS]


def drift_rows(metrics: dict, prev: dict | None) -> list[tuple[str, float | None, float, float | None, bool]]:
    """(name, previous, this, delta, flagged) per drift metric; flagged when |delta| >= DRIFT_ALERT."""
    out = []
    for key, name in DRIFT_KEYS:
        cur = float(metrics.get(key, 0.0))
        p = float(prev[key]) if prev and key in prev else None
        delta = cur - p if p is not None else None
        out.append((name, p, cur, delta, delta is not None and abs(delta) >= DRIFT_ALERT - 1e-12))
    return out


def _drift(run: dict, metrics: dict, previous: dict | None) -> str:
    if not previous:
        return "<p>This is the first committed run: nothing to compare with.</p>"
    pm = previous.get("metrics") or {}
    rows_data = drift_rows(metrics, pm)
    rows = []
    for name, p, cur, delta, flagged in rows_data:
        fmt = (lambda v: f"{v:.3f}") if name == "mean quality" else _pct
        d = (
            "–"
            if delta is None
            else (f"{delta:+.3f}" if name == "mean quality" else f"{delta * 100:+.1f} pts")
        )
        rows.append(
            [
                _e(name),
                fmt(p) if p is not None else "–",
                fmt(cur),
                f'<span class="drift">{d} ⚠</span>' if flagged else d,
            ]
        )
    chart = svg.grouped_bars(
        list(LABELS),
        {
            f"previous ({previous.get('run_id')})": [float(pm.get(f"share_{lab}", 0.0)) for lab in LABELS],
            "this run": [float(metrics[f"share_{lab}"]) for lab in LABELS],
        },
        title="Label shares: previous vs this run",
    )
    counts = [
        [_e(k), _n(previous.get(k)), _n(run.get(k))]
        for k in ("input_records", "documents", "rejects", "sentences")
    ]
    return (
        f"<p>Compared with the previous committed run <code>{_e(previous.get('run_id'))}</code> "
        f"(status {_e(previous.get('status'))}). Changes of {DRIFT_ALERT * 100:.0f} points or more are flagged ⚠.</p>"
        '<div class="charts"><div>'
        + _table(["metric", "previous", "this run", "change"], rows, {1, 2, 3})
        + _table(["count", "previous", "this run"], counts, {1, 2})
        + "</div><div>"
        + chart
        + "</div></div>"
    )


def _run_info(run: dict) -> str:
    versions = _json(run.get("versions"), {}) or {}
    params = _json(run.get("parameters"), {}) or {}
    rows = [
        [_e(k), f"<code>{_e(v)}</code>"]
        for k, v in (
            ("raw", run.get("raw")),
            ("started", run.get("started_at")),
            ("finished", run.get("finished_at")),
            ("schema version", run.get("schema_version")),
            ("pandera validation", run.get("validation")),
        )
    ]
    return (
        "<details><summary>Parameters and versions</summary>"
        + _table(["", ""], rows)
        + f'<pre class="mono small">{_e(json.dumps(params, indent=2, sort_keys=True, default=str))}</pre>'
        + _table(["library", "version"], [[_e(k), _e(v)] for k, v in sorted(versions.items())])
        + "</details>"
    )


SECTIONS = [
    ("summary", "Summary"),
    ("stages", "Counts per stage"),
    ("changes", "Removed and replaced documents"),
    ("rejects", "Rejects"),
    ("duplicates", "Duplicate clusters"),
    ("stories", "Stories"),
    ("labels", "Labels"),
    ("quality", "Quality"),
    ("lowest", "Lowest-quality documents"),
    ("gx", "Great Expectations"),
    ("drift", "Drift against the previous run"),
]


def render_report(run: dict, summary: RunSummary, previous: dict | None, *, gx_docs: bool = False) -> str:
    """The report page. ``run`` is the runs row; ``summary`` what summarize_run read of this
    run's documents, sentences, duplicates and rejects; ``previous`` the previous committed runs
    row with a "metrics" dict, or None."""
    metrics = summary.metrics
    drifted = (
        [name for name, _, _, _, flagged in drift_rows(metrics, (previous or {}).get("metrics")) if flagged]
        if previous
        else []
    )
    run_id = str(run.get("run_id"))
    body = {
        "summary": _summary(run, summary, metrics, drifted) + _run_info(run),
        "stages": _stages(run, summary),
        "changes": _changes(run, summary),
        "rejects": _rejects(summary),
        "duplicates": _duplicates(summary),
        "stories": _stories(summary),
        "labels": _labels(summary, metrics),
        "quality": _quality(summary),
        "lowest": _lowest(summary),
        "gx": _gx(run, gx_docs),
        "drift": _drift(run, metrics, previous),
    }
    nav = "".join(f'<a href="#{sid}">{_e(title)}</a>' for sid, title in SECTIONS)
    sections = "".join(_section(sid, title, body[sid]) for sid, title in SECTIONS)
    status = str(run.get("status"))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factsieve run {_e(run_id)} — {_e(status)}</title><style>{CSS}</style></head><body><main>"
        f"<h1>factsieve run <code>{_e(run_id)}</code> {_badge(status, _status_kind(status))}</h1>"
        f"<nav>{nav}</nav>{sections}"
        '<p class="small muted">Generated by <code>factsieve report</code> from the committed tables; '
        "rebuild any run's page with <code>factsieve report --run RUN_ID</code>.</p>"
        "</main></body></html>\n"
    )
