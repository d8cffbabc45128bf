"""Great Expectations checks over a run's tables, before they are published.

One expectation suite per output table (``factsieve-<table>``), run as validation
definitions over the run's frames, results stored and Data Docs built in a file
context rooted at ``<out>/reports/gx/`` (GX's own files never land in the repo).

Every expectation has a severity (GX 1.x ``severity``):

- ``critical``: the data is wrong (ids missing or repeated, a label outside the label
  set, a score outside [0, 1], a sentence past the end of its document, records lost).
  The run is marked failed.
- ``warning``: the data is legal but unusual for this corpus (reject, duplicate or
  label shares outside ``GxBounds``). Shown in the report; the run succeeds.

``run_checks`` never raises for data problems: a GX error becomes status "failed"
with the reason. docs/REPORT.md lists every expectation with its bound.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from factsieve.output.metrics import RunCounts, rates
from factsieve.params import GxBounds
from factsieve.vocabulary import FORMATS, LABELS, REASON_CODES, TIERS

log = logging.getLogger(__name__)

CRITICAL = "critical"
WARNING = "warning"
TABLES = ("documents", "sentences", "duplicates", "rejects", "runs")
DUP_METHODS = ("canonical", "exact", "near", "contained", "rewrite")
RUN_STATUSES = ("succeeded", "failed")
DATASOURCE = "factsieve"
BATCH = "run"


@dataclass
class GxOutcome:
    status: str  # "passed" | "warning" | "failed"
    results: list[dict]  # table, expectation, severity, success, observed, reason
    docs_path: Path | None  # index.html of the Data Docs
    seconds: float = 0.0

    def detail_json(self) -> str:
        """The runs.gx_detail cell: JSON list, one object per expectation."""
        return json.dumps(self.results, sort_keys=True, default=str)


@dataclass(frozen=True)
class Spec:
    """One expectation: the GX class name, its kwargs, severity and a one-line meaning."""

    table: str
    expectation: str
    kwargs: dict[str, Any]
    severity: str
    description: str

    @property
    def label(self) -> str:
        """Human name shown in gx_detail and the report: the GX name plus its column(s)."""
        cols = [str(self.kwargs[k]) for k in ("column", "column_A", "column_B") if k in self.kwargs]
        if "column_list" in self.kwargs:
            cols.append("+".join(self.kwargs["column_list"]))
        return f"{self.expectation}({', '.join(cols)})" if cols else self.expectation


# --- frames as GX sees them ------------------------------------------------------------------


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Arrow-typed frame -> numpy/object columns GX's pandas engine handles; list columns dropped."""
    out: dict[str, Any] = {}
    for col in df.columns:
        s = df[col]
        dtype = s.dtype
        if isinstance(dtype, pd.ArrowDtype):
            t = dtype.pyarrow_dtype
            if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t):
                continue
            if pa.types.is_integer(t) or pa.types.is_floating(t):
                out[col] = (
                    s.to_numpy(dtype="float64", na_value=np.nan)
                    if s.isna().any() or pa.types.is_floating(t)
                    else s.to_numpy(dtype="int64")
                )
                continue
            if pa.types.is_boolean(t):
                out[col] = (
                    s.to_numpy(dtype=object, na_value=None) if s.isna().any() else s.to_numpy(dtype=bool)
                )
                continue
            if pa.types.is_timestamp(t):
                out[col] = pd.to_datetime(s.astype("datetime64[us, UTC]"), utc=True)
                continue
            out[col] = s.to_numpy(dtype=object, na_value=None)
            continue
        if (
            s.dtype == object
            and len(s)
            and isinstance(s.dropna().iloc[0] if s.notna().any() else None, list | dict | np.ndarray)
        ):
            continue
        if isinstance(dtype, pd.StringDtype):
            out[col] = s.to_numpy(dtype=object, na_value=None)
            continue
        out[col] = s.to_numpy()
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name] if name in df.columns else pd.Series([], dtype=object)


def derived_metrics(frames: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Run-level rates the warning expectations bound (the report shows the same: metrics.rates)."""
    docs = frames.get("documents", pd.DataFrame())
    sents = frames.get("sentences", pd.DataFrame())
    scores = pd.to_numeric(_col(docs, "quality_score"), errors="coerce")
    return rates(
        RunCounts(
            documents=len(docs),
            non_canonical=int((~_col(docs, "is_canonical").astype(bool)).sum()),
            quality_sum=float(scores.sum()),
            quality_count=int(scores.count()),
            low_tier=int((_col(docs, "quality_tier").astype(str) == "low").sum()),
            rejects=len(frames.get("rejects", pd.DataFrame())),
            sentences=len(sents),
            labels=_col(sents, "label").astype(str).value_counts().to_dict(),
        )
    )


def _doc_clean_chars(docs: pd.DataFrame, doc_ids: pd.Series) -> np.ndarray:
    """clean_chars of each sentence's document as float64, NaN where the document is missing."""
    if "doc_id" not in docs.columns or "clean_chars" not in docs.columns:
        return np.full(len(doc_ids), np.nan)
    index = pd.Index(docs["doc_id"])
    if index.is_unique:  # always, unless the ids check below fails: one hash lookup per sentence
        at = index.get_indexer(doc_ids)
        lengths = np.asarray(docs["clean_chars"], dtype="float64")
        return np.where(at >= 0, lengths[at], np.nan)
    # Repeated document ids (a critical failure of their own): the last row's length, as a dict.
    lengths = dict(zip(docs["doc_id"], docs["clean_chars"], strict=False))
    return pd.array([lengths.get(d) for d in doc_ids], dtype="float64").to_numpy(
        dtype="float64", na_value=np.nan
    )


def gx_frames(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The five frames GX validates: plain dtypes, plus derived columns.

    sentences gains ``doc_clean_chars`` (clean_chars of its document, null when the document
    is missing) so offsets can be checked with a column-pair expectation; runs gains the
    derived rates of ``derived_metrics`` and ``accounting_gap`` (input_records - documents -
    rejects, from the actual frames).
    """
    given = dict(frames)
    if "sentences" in given:
        # Only the columns its expectations read: the sample's text and cue columns were half
        # the stage's conversion and most of GX's fingerprint hash of the frame, and no check
        # looks at them. A checked column that is missing stays missing (GX says so).
        sents_in = given["sentences"]
        given["sentences"] = sents_in[[c for c in sents_in.columns if c in SENTENCE_COLUMNS]]
    plain = {name: _plain(given[name]) if name in given else pd.DataFrame() for name in TABLES}
    docs, sents = plain["documents"], plain["sentences"]
    if "doc_id" in sents.columns:
        sents["doc_clean_chars"] = _doc_clean_chars(docs, sents["doc_id"])
    runs = plain["runs"]
    if len(runs):
        for k, v in derived_metrics(frames).items():
            runs[k] = v
        records = runs["input_records"].astype("float64") if "input_records" in runs.columns else 0.0
        runs["accounting_gap"] = records - len(docs) - len(plain["rejects"])
    return plain


# --- the suites ------------------------------------------------------------------------------


# Long on purpose: a flat, declarative list of every expectation in report order — one place
# where a maintainer reads every check and its severity; there is no logic to split out.
def specs(bounds: GxBounds, input_records: int | None = None, kept_documents: int = 0) -> list[Spec]:
    """Every expectation, in report order. The row-count checks of documents and sentences are
    warnings, not critical, when ``input_records`` is 0 (a run over no input is not broken) or when
    the dataset keeps ``kept_documents`` > 0 from earlier runs: an incremental run whose only new
    file is rejected has every record accounted for in rejects, and the latest view still holds
    documents — unusual, not wrong (a scheduled run must not fail on one bad file)."""
    empty_ok = input_records == 0 or kept_documents > 0
    rows = WARNING if empty_ok else CRITICAL
    out: list[Spec] = []

    def add(table: str, expectation: str, severity: str, description: str, **kwargs: Any) -> None:
        out.append(Spec(table, expectation, kwargs, severity, description))

    # documents
    add(
        "documents",
        "ExpectTableRowCountToBeBetween",
        rows,
        f"the run kept at least {bounds.min_documents} document(s)",
        min_value=bounds.min_documents,
    )
    add("documents", "ExpectColumnValuesToNotBeNull", CRITICAL, "every document has an id", column="doc_id")
    add("documents", "ExpectColumnValuesToBeUnique", CRITICAL, "document ids are unique", column="doc_id")
    add(
        "documents",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every document names its canonical copy",
        column="canonical_doc_id",
    )
    add(
        "documents",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "format is a known input format",
        column="format",
        value_set=list(FORMATS),
    )
    add(
        "documents",
        "ExpectColumnValuesToNotMatchRegex",
        CRITICAL,
        "encoding is a codec name, its uncertainty in encoding_uncertain (no trailing '?')",
        column="encoding",
        regex=r"\?",
    )
    add(
        "documents",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every document says whether its encoding is a guess",
        column="encoding_uncertain",
    )
    add(
        "documents",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "quality score within [0, 1]",
        column="quality_score",
        min_value=0.0,
        max_value=1.0,
    )
    add(
        "documents",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "tier is high, medium or low",
        column="quality_tier",
        value_set=list(TIERS),
    )
    add(
        "documents",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "duplicate similarity within [0, 1]",
        column="dup_similarity",
        min_value=0.0,
        max_value=1.0,
    )
    for lab in LABELS:
        add(
            "documents",
            "ExpectColumnValuesToBeBetween",
            CRITICAL,
            f"share of {lab} sentences within [0, 1]",
            column=f"ratio_{lab}",
            min_value=0.0,
            max_value=1.0,
        )
    add(
        "documents",
        "ExpectColumnMeanToBeBetween",
        WARNING,
        f"mean quality score at least {bounds.min_mean_quality}",
        column="quality_score",
        min_value=bounds.min_mean_quality,
    )

    # sentences
    add(
        "sentences",
        "ExpectTableRowCountToBeBetween",
        rows,
        "the run produced at least one sentence",
        min_value=1,
    )
    add(
        "sentences",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every sentence has a document id",
        column="doc_id",
    )
    add(
        "sentences",
        "ExpectCompoundColumnsToBeUnique",
        CRITICAL,
        "(doc_id, sent_index) is unique",
        column_list=["doc_id", "sent_index"],
    )
    add(
        "sentences",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "label is one of the six labels",
        column="label",
        value_set=list(LABELS),
    )
    add(
        "sentences",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "confidence within [0, 1]",
        column="confidence",
        min_value=0.0,
        max_value=1.0,
    )
    add(
        "sentences",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "start offset is not negative",
        column="start",
        min_value=0,
    )
    add(
        "sentences",
        "ExpectColumnPairValuesAToBeGreaterThanB",
        CRITICAL,
        "end offset after start offset",
        column_A="end",
        column_B="start",
        or_equal=False,
    )
    add(
        "sentences",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every sentence's document is in documents",
        column="doc_clean_chars",
    )
    add(
        "sentences",
        "ExpectColumnPairValuesAToBeGreaterThanB",
        CRITICAL,
        "end offset within the clean text of its document (end <= clean_chars)",
        column_A="doc_clean_chars",
        column_B="end",
        or_equal=True,
        ignore_row_if="either_value_is_missing",
    )

    # duplicates
    add(
        "duplicates",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every member has a cluster id",
        column="cluster_id",
    )
    add(
        "duplicates",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every member has a document id",
        column="doc_id",
    )
    add(
        "duplicates",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every cluster names its canonical copy",
        column="canonical_doc_id",
    )
    add(
        "duplicates",
        "ExpectCompoundColumnsToBeUnique",
        CRITICAL,
        "(level, cluster_id, doc_id) is unique",
        column_list=["level", "cluster_id", "doc_id"],
    )
    add(
        "duplicates",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "similarity within [0, 1]",
        column="similarity",
        min_value=0.0,
        max_value=1.0,
    )
    add(
        "duplicates",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "method is canonical, exact or near",
        column="method",
        value_set=list(DUP_METHODS),
    )

    # rejects
    add(
        "rejects",
        "ExpectColumnValuesToNotBeNull",
        CRITICAL,
        "every reject names its input",
        column="source_uri",
    )
    add(
        "rejects",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "reason is a documented reason code",
        column="reason",
        value_set=list(REASON_CODES),
    )
    add("rejects", "ExpectColumnValuesToNotBeNull", CRITICAL, "every reject has a detail", column="detail")

    # runs (one row, with the derived rates)
    add("runs", "ExpectTableRowCountToEqual", CRITICAL, "exactly one runs row", value=1)
    add("runs", "ExpectColumnValuesToNotBeNull", CRITICAL, "the run has an id", column="run_id")
    add(
        "runs",
        "ExpectColumnValuesToBeInSet",
        CRITICAL,
        "run status is succeeded or failed",
        column="status",
        value_set=list(RUN_STATUSES),
    )
    add(
        "runs",
        "ExpectColumnValuesToBeBetween",
        CRITICAL,
        "every input record is in documents or rejects (input_records - documents - rejects == 0)",
        column="accounting_gap",
        min_value=0,
        max_value=0,
    )
    add(
        "runs",
        "ExpectColumnValuesToBeBetween",
        WARNING,
        f"reject rate at most {bounds.max_reject_rate:.0%}",
        column="reject_rate",
        min_value=0.0,
        max_value=bounds.max_reject_rate,
    )
    add(
        "runs",
        "ExpectColumnValuesToBeBetween",
        WARNING,
        f"duplicate rate at most {bounds.max_duplicate_rate:.0%}",
        column="duplicate_rate",
        min_value=0.0,
        max_value=bounds.max_duplicate_rate,
    )
    add(
        "runs",
        "ExpectColumnValuesToBeBetween",
        WARNING,
        f"low-tier share at most {bounds.max_low_tier_share:.0%}",
        column="low_tier_share",
        min_value=0.0,
        max_value=bounds.max_low_tier_share,
    )
    add(
        "runs",
        "ExpectColumnValuesToBeBetween",
        WARNING,
        f"reported + attributed share at least {bounds.min_supported_share:.0%}",
        column="supported_share",
        min_value=bounds.min_supported_share,
        max_value=1.0,
    )
    for lab in LABELS:
        lo, hi = bounds.label_share_bounds.get(lab, (0.0, 1.0))
        if (lo, hi) == (0.0, 1.0):
            continue
        add(
            "runs",
            "ExpectColumnValuesToBeBetween",
            WARNING,
            f"{lab} share of sentences within [{lo:.0%}, {hi:.0%}]",
            column=f"share_{lab}",
            min_value=lo,
            max_value=hi,
        )
    return out


def checked_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` its expectations read (whatever the bounds), in spec order;
    ``doc_clean_chars`` of sentences is derived from documents, not read."""
    cols: dict[str, None] = {}
    for s in specs(GxBounds()):
        if s.table == table:
            for key in ("column", "column_A", "column_B"):
                if key in s.kwargs:
                    cols[str(s.kwargs[key])] = None
            cols.update(dict.fromkeys(s.kwargs.get("column_list", ())))
    return tuple(c for c in cols if c != "doc_clean_chars")


# What the run reads back from its sentences file for GX (factsieve.output.assemble).
SENTENCE_COLUMNS = checked_columns("sentences")


# --- running ---------------------------------------------------------------------------------


def _jsonable(v: Any) -> Any:
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    if isinstance(v, np.generic):
        return _jsonable(v.item())
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if v is None or isinstance(v, bool | int | float | str):
        return v
    return str(v)


def _is_share(spec: Spec, value: Any) -> bool:
    column = str(spec.kwargs.get("column", ""))
    return isinstance(value, int | float) and column.endswith(("_rate", "_share"))


def _fmt(v: Any) -> str:
    if v is None:  # a mean or a share of no rows: "observed None" read as a bug
        return "nothing (no rows)"
    if isinstance(v, float):
        return f"{v:.4g}"
    return repr(v)[:80]


def _observed_and_reason(spec: Spec, success: bool, res: dict, exc_info: dict | None) -> tuple[Any, str]:
    if exc_info and exc_info.get("raised_exception"):
        msg = (exc_info.get("exception_message") or "GX raised an exception").splitlines()[0][:300]
        return None, f"could not evaluate: {msg}"
    if "observed_value" in res:
        observed = _jsonable(res["observed_value"])
        if success:
            return observed, ""
        return observed, f"observed {_fmt(res['observed_value'])}; expected {spec.description}"
    if "unexpected_count" in res:
        n = int(res.get("unexpected_count") or 0)
        total = int(res.get("element_count") or 0)
        examples = _jsonable(list(res.get("partial_unexpected_list") or [])[:5])
        observed = {"unexpected": n, "of": total, "examples": examples}
        if success:
            return observed, ""
        if total == 1 and len(examples) == 1:
            # The runs table's checks see one row: "1 of 1 rows break it (e.g. 1)" for a reject
            # rate of 100% read as a count; say the value, as a share when the column is one.
            value = examples[0]
            shown = f"{value:.0%}" if _is_share(spec, value) else _fmt(value)
            return observed, f"observed {shown}; expected {spec.description}"
        ex = ", ".join(_fmt(x) for x in examples)
        return observed, f"{n} of {total} rows break it (e.g. {ex}); expected {spec.description}"
    return None, "" if success else f"failed; expected {spec.description}"


def _status(results: list[dict]) -> str:
    failed = [r for r in results if not r["success"]]
    if any(r["severity"] == CRITICAL for r in failed):
        return "failed"
    return "warning" if failed else "passed"


def _context(root: Path):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    root.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(root))
    if context.variables.progress_bars is None or context.variables.analytics_enabled is not False:
        context.variables.progress_bars = ProgressBarsConfig(globally=False)  # no tqdm in flow logs
        context.variables.analytics_enabled = False
        context.variables.save()
    return context


def preload_in_background() -> threading.Thread:
    """Import Great Expectations on a background thread (~3.5 s here) while the flow's process
    has little else to do: its batch work runs on worker processes. ``run_checks`` imports it
    again, which then costs nothing (or waits for the import to finish)."""

    def _import() -> None:
        try:
            import great_expectations  # noqa: F401
        except Exception:  # noqa: BLE001 - run_checks imports it again and reports any failure
            pass

    thread = threading.Thread(target=_import, name="gx-import", daemon=True)
    thread.start()
    return thread


def _data_docs_index(root: Path) -> Path | None:
    p = root / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    return p if p.exists() else None


def prune_results(context, keep_runs: int, current: str) -> list[str]:
    """Delete stored validation results of all but the ``keep_runs`` most recent runs (by run
    time; ``current`` is always kept). Their Data Docs pages go with the next docs build (GX
    removes pages whose result is gone). Returns the run names removed, oldest first."""
    store = context.validation_results_store
    keys = store.list_keys()
    latest: dict[str, object] = {}
    for k in keys:
        name, when = k.run_id.run_name, k.run_id.run_time
        if name not in latest or when > latest[name]:
            latest[name] = when
    ordered = sorted(latest, key=lambda n: (n == current, latest[n], n))
    expired = set(ordered[: max(len(ordered) - max(keep_runs, 1), 0)])
    for k in keys:
        if k.run_id.run_name in expired:
            store.remove_key(k)
    return [n for n in ordered if n in expired]


def _validate_with_gx(
    plain: dict[str, pd.DataFrame], all_specs: list[Spec], root: Path, run_id: str, keep_runs: int
) -> list[dict]:
    from great_expectations.core.run_identifier import RunIdentifier

    context = _context(root)
    try:
        ds = context.data_sources.get(DATASOURCE)
    except Exception:  # noqa: BLE001 - absent on the first run (GX raises its own KeyError/LookupError kinds)
        ds = context.data_sources.add_or_update_pandas(name=DATASOURCE)
    run_identifier = RunIdentifier(run_name=run_id, run_time=datetime.now(UTC))
    results: list[dict] = []
    for table in TABLES:
        table_specs = [s for s in all_specs if s.table == table]
        vd = _validation_definition(context, ds, table, table_specs)
        frame = plain[table]
        if frame.shape[1] == 0:  # GX needs a frame with columns; an absent table is all-missing
            frame = pd.DataFrame({"_absent": pd.Series([], dtype=object)})
        res = vd.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY", run_id=run_identifier)
        for r in res.results:
            cfg = r.expectation_config
            spec = _match(table_specs, cfg)
            observed, reason = _observed_and_reason(
                spec, bool(r.success), dict(r.result or {}), dict(r.exception_info or {})
            )
            results.append(
                {
                    "table": table,
                    "expectation": spec.label,
                    "severity": spec.severity,
                    "success": bool(r.success),
                    "observed": observed,
                    "reason": reason,
                    "description": spec.description,
                    "_spec": id(spec),
                }
            )
    order = {id(s): i for i, s in enumerate(all_specs)}
    results.sort(key=lambda r: order[r.pop("_spec")])
    try:
        removed = prune_results(context, keep_runs, run_id)
        if removed:
            log.info("GX results of %d old run(s) deleted (keep_runs=%d)", len(removed), keep_runs)
    except Exception as exc:  # noqa: BLE001 - the results stand; the history is just longer
        log.warning("old GX results could not be deleted: %s", exc)
    try:
        ids = [
            k
            for k in context.validation_results_store.list_keys()
            if getattr(k.run_id, "run_name", None) == run_id
        ]
        # Incremental: render this run's results (and the index) instead of every stored run.
        context.build_data_docs(resource_identifiers=ids or None)
    except Exception as exc:  # noqa: BLE001 - docs are a convenience; the results stand without them
        log.warning("GX Data Docs could not be built: %s", exc)
    return results


def _fingerprint(table_specs: list[Spec]) -> str:
    """A digest of a table's expectations, kept in its stored suite's meta."""
    rows = [[s.expectation, s.kwargs, s.severity, s.description] for s in table_specs]
    return hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _validation_definition(context, ds, table: str, table_specs: list[Spec]):
    """The stored validation definition of ``table`` when its suite holds exactly these
    expectations; else suite and definition (re)written from ``table_specs``.

    Suites are defined here in code; the stored copy is replaced only when they changed (a new
    bound, another GX version): deleting and re-adding five suites, assets and definitions on
    every run was a third of the checks' CPU on a small run.
    """
    import great_expectations as gx

    name = f"factsieve-{table}"
    fingerprint = _fingerprint(table_specs)
    try:
        stored = context.validation_definitions.get(name)
        if stored.suite.meta.get("fingerprint") == fingerprint and stored.data.data_asset.name == table:
            return stored
    except Exception:  # noqa: BLE001 - absent, unreadable or stale: written afresh below
        pass
    try:
        asset = ds.get_asset(table)
    except LookupError:
        asset = ds.add_dataframe_asset(name=table)
    try:
        batch_def = asset.get_batch_definition(BATCH)
    except (KeyError, LookupError):
        batch_def = asset.add_batch_definition_whole_dataframe(BATCH)
    for factory in (context.validation_definitions, context.suites):
        try:
            factory.delete(name)
        except Exception:  # noqa: BLE001 - absent on the first run
            pass
    meta = {"factsieve": "generated by factsieve.output.checks", "fingerprint": fingerprint}
    suite = gx.ExpectationSuite(name=name, meta=meta)
    for s in table_specs:
        cls = getattr(gx.expectations, s.expectation)
        suite.add_expectation(cls(**s.kwargs, severity=s.severity, description=s.description))
    suite = context.suites.add(suite)
    return context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch_def, suite=suite))


def _match(table_specs: list[Spec], cfg) -> Spec:
    """The Spec a GX result belongs to (by class and kwargs)."""
    kwargs = dict(cfg.kwargs)
    etype = cfg.type  # snake_case, e.g. expect_column_values_to_be_between
    for s in table_specs:
        if _snake(s.expectation) != etype:
            continue
        if all(kwargs.get(k) == v for k, v in s.kwargs.items()):
            return s
    raise LookupError(f"no spec for {etype} {kwargs}")


def _snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def run_checks(
    frames: dict[str, pd.DataFrame],
    out: Path,
    run_id: str,
    bounds: GxBounds | None = None,
    kept_documents: int = 0,
) -> GxOutcome:
    """Validate the run's frames with GX; store results and Data Docs under ``<out>/reports/gx``.

    Never raises for data problems: anything GX cannot evaluate is a failed critical result,
    and an error of GX itself gives status "failed" with the reason.
    """
    bounds = bounds or GxBounds()
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    t0 = time.perf_counter()
    out = Path(out)
    root = out / "reports"
    try:
        runs = frames.get("runs")
        records = (
            int(runs["input_records"].iloc[0])
            if runs is not None and len(runs) and "input_records" in runs
            else None
        )
        all_specs = specs(bounds, records, kept_documents)
        plain = gx_frames(frames)
        results = _validate_with_gx(plain, all_specs, root, run_id, bounds.keep_runs)
    except Exception as exc:  # noqa: BLE001 - the run must get an outcome, not a traceback
        log.exception("GX checks could not run")
        reason = f"GX checks could not run: {type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
        return failed_outcome(reason, root, time.perf_counter() - t0)
    return GxOutcome(_status(results), results, _data_docs_index(root), time.perf_counter() - t0)


def failed_outcome(reason: str, root: Path, seconds: float = 0.0) -> GxOutcome:
    """The outcome of checks that could not run: one failed critical result saying why."""
    result = {
        "table": "*",
        "expectation": "run_checks",
        "severity": CRITICAL,
        "success": False,
        "observed": None,
        "reason": reason,
        "description": "the GX checks ran",
    }
    return GxOutcome("failed", [result], _data_docs_index(root), seconds)
