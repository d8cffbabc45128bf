"""The per-batch stages as plain functions: ingest → clean → segment → classify.

``process_batch`` turns a list of input files into three pandas frames (documents
without scores, sentences, rejects); ``run_batch`` adds pandera validation and the dedup
features, the work of one batch on a worker. The run's documents get their dedup result and
scores once every batch is in (factsieve.output.assemble). No Prefect here.
"""

from __future__ import annotations

import os
import posixpath
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import xxhash

import schemas
from factsieve import classify, dedup
from factsieve.batch import limits as caps
from factsieve.batch.budget import OverBudget, cpu_budget, seconds_for
from factsieve.ingest import compressed
from factsieve.ingest.read import (
    IngestLimits,
    IngestResult,
    RawDoc,
    Reject,
    archive_kind,
    file_reject,
    input_format,
    published_within,
    read_input,
)
from factsieve.ingest.sources import InputFile
from factsieve.output import tables
from factsieve.text.clean import clean_text
from factsieve.text.language import detect_language
from factsieve.text.segment import split_sentences
from factsieve.text.visible import visible
from factsieve.vocabulary import EMPTY, ONLY_BOILERPLATE, PROCESSING_ERROR, PROCESSING_TIMEOUT

if TYPE_CHECKING:
    from factsieve.classify.model import LinearModel

_SENTENCE_SCHEMA = schemas.arrow_schema("sentences")


@dataclass(slots=True)
class BatchResult:
    documents: pd.DataFrame
    sentences: pd.DataFrame
    rejects: pd.DataFrame
    seconds: dict[str, float] = field(default_factory=dict)
    input_records: int = 0
    # True once sentences and rejects passed pandera (done on the worker by ``run_batch``).
    validated: bool = False
    # Record keys used by parts of split JSONL files, by file URI (factsieve.ingest.parts.split_parts).
    part_keys: dict[str, set[str]] = field(default_factory=dict)
    # Primary labels a trained model changed (``factsieve run --model``).
    model_changes: int = 0
    # What ingest passed over as no record, by kind (an archive's folders and hidden files, a WARC
    # file's request records: ``IngestResult.skipped``), for the runs table's stage_counts.
    passed_over: dict[str, int] = field(default_factory=dict)
    # What the record limits cut, by kind (factsieve.batch.limits): titles, sentences, documents.
    limited: dict[str, int] = field(default_factory=dict)


def make_doc_id(rel: str, record_key: str, text: str) -> str:
    """Stable id from where the record sits within RAW and its raw text."""
    h = xxhash.xxh3_128()
    for part in (rel, "\x1f", record_key, "\x1f", text):
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# A document's sentence spans and, for each, whether it starts inside an earlier sentence's quotation.
Segmented = tuple[list[tuple[int, int]], list[bool]]


def _document_row(
    inp: InputFile, doc: RawDoc, run_id: str, ingested_at: pd.Timestamp, limited: Counter[str]
) -> tuple[dict, str, Segmented] | Reject:
    """The document's row, clean text and sentences, or its reject; cuts counted in ``limited``."""
    cleaned = clean_text(doc.text)
    text = cleaned.text
    if not text and not cleaned.removed:
        # Nothing but invisible characters (zero-width spaces, soft hyphens, bidi marks) with
        # whitespace: before, "only_boilerplate: all 0 lines were boilerplate ()".
        detail = "no text once invisible characters (zero-width spaces, soft hyphens, …) are removed"
        return Reject(
            doc.source_uri, doc.record_key, doc.format, EMPTY, detail, doc.raw_bytes, visible(doc.text[:120])
        )
    if not text:
        reasons = sorted({reason for reason, _ in cleaned.removed})
        return Reject(
            doc.source_uri,
            doc.record_key,
            doc.format,
            ONLY_BOILERPLATE,
            f"all {len(cleaned.removed)} lines were boilerplate ({', '.join(reasons)})",
            doc.raw_bytes,
            visible(doc.text[:120]),
        )
    spans, cut = caps.bounded_spans(text, split_sentences(text))
    limited["sentences_cut"] += cut
    removed_reasons = [reason for reason, _ in cleaned.removed]
    removed_chars = cleaned.removed_chars
    if len(spans) > caps.MAX_SENTENCES:
        # The rest of the text goes as a removed line would: text and sentences still agree.
        end = spans[caps.MAX_SENTENCES - 1][1]
        removed_chars += len(text) - end
        removed_reasons.append(caps.SENTENCE_LIMIT)
        text, spans = text[:end], spans[: caps.MAX_SENTENCES]
        limited["documents_cut"] += 1
    title, title_cut = caps.cut_title(doc.title)
    limited["titles_cut"] += title_cut
    row = {
        "doc_id": make_doc_id(inp.rel or inp.uri, doc.record_key, doc.text),
        "run_id": run_id,
        "source_uri": doc.source_uri,
        "record_key": doc.record_key,
        "format": doc.format,
        # The decoder marks a close call with "?" ("cp1257?"): a column of its own, so an analyst
        # filtering on the codec gets every document in it (round 17).
        "encoding": doc.encoding.replace("?", ""),
        "encoding_uncertain": "?" in doc.encoding,
        "ingested_at": ingested_at,
        "title": title,
        "url": doc.url,
        "published_at": published_within(doc.published_at, ingested_at),
        "language": detect_language(text),
        "text": text,
        "raw_bytes": doc.raw_bytes,
        "raw_chars": len(doc.text),
        "clean_chars": len(text),
        "word_count": cleaned.words if len(text) == len(cleaned.text) else len(text.split()),
        "removed_lines": len(removed_reasons),
        "removed_chars": removed_chars,
        "removed_text": cleaned.removed_text,
        "removed_reasons": removed_reasons,
        "unicode_fixed": cleaned.fixed_unicode,
    }
    return row, text, (spans, classify.quote_context(text, spans))


def _failure(what: str, exc: BaseException, budget_s: float) -> tuple[str, str]:
    """The reject reason and detail of a stage that raised or ran over its budget on a record."""
    if isinstance(exc, OverBudget):
        return (
            PROCESSING_TIMEOUT,
            f"{what} used more than its {budget_s:,.0f} CPU-s budget; left out, the run went on",
        )
    # Where it was raised (the innermost frame of our code): the owners' first question.
    ours = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if "/factsieve/" in f.filename and "site-packages" not in f.filename
    ]
    where = f" in {posixpath.basename(ours[-1].filename)}:{ours[-1].name}" if ours else ""
    return PROCESSING_ERROR, f"{what} failed{where}: {type(exc).__name__}: {visible(str(exc)[:200])}"


def _input_chars(inp: InputFile) -> int:
    """What a file's reading budget is measured on: its bytes, 20x for a compressed file or an
    archive (news text packs 3-5:1, and members are read within the archive's one budget). An
    archive as ``read_input`` finds it (``archive_kind``: by its name or, for a name no reader takes,
    its content: a tar saved as ``corpus.gz``), not by its name alone as before round 17."""
    size = (inp.end - inp.start) if inp.is_part else inp.size
    packed = archive_kind(inp) is not None or posixpath.splitext(inp.uri.lower())[1] in compressed.SUFFIXES
    return size * 20 if packed else size


def _read_guarded(inp: InputFile, limits: IngestLimits, earlier: set[str] | None) -> IngestResult:
    """``read_input``; a reader that raises (but for a transient OSError, which the flow
    retries) or runs over its budget makes the file (or part) one reject."""
    budget_s = seconds_for(_input_chars(inp), caps.READ_BASE_S, caps.READ_PER_MB_S)
    try:
        with cpu_budget(budget_s):
            return read_input(inp, limits, earlier)
    except OSError:
        raise
    except (Exception, OverBudget) as exc:
        reason, detail = _failure("reading", exc, budget_s)
        size = (inp.end - inp.start) if inp.is_part else inp.size
        return file_reject(inp, input_format(inp) or "none", reason, detail, size)


def _document_guarded(
    inp: InputFile, doc: RawDoc, run_id: str, ingested_at: pd.Timestamp, limited: Counter[str]
) -> tuple[dict, str, Segmented] | Reject:
    """``_document_row`` within its budget; a stage that raises on the record makes it a reject."""
    # Not a str only through a reader's bug: the guard itself must not raise on it.
    raw_text = doc.text if isinstance(doc.text, str) else ""
    budget_s = seconds_for(len(raw_text), caps.RECORD_BASE_S, caps.RECORD_PER_MB_S)
    counted: Counter[str] = Counter()  # added to ``limited`` only when the record becomes a document
    try:
        with cpu_budget(budget_s):
            made = _document_row(inp, doc, run_id, ingested_at, counted)
        limited.update(counted)
        return made
    except (Exception, OverBudget) as exc:
        reason, detail = _failure("cleaning or segmentation", exc, budget_s)
        return Reject(
            doc.source_uri, doc.record_key, doc.format, reason, detail, doc.raw_bytes, visible(raw_text[:120])
        )


def _reject_row(rej: Reject, run_id: str, ingested_at: pd.Timestamp) -> dict:
    return {
        "run_id": run_id,
        "source_uri": rej.source_uri,
        "record_key": rej.record_key,
        "format": rej.format,
        "reason": rej.reason,
        "detail": rej.detail,
        "raw_bytes": rej.raw_bytes,
        "sample": rej.sample,
        "ingested_at": ingested_at,
    }


# Long on purpose: the hot path of the batch stage builds each Arrow column in one loop over
# the sentences (the alternatives tried, attrgetter+zip columns and flattened cue lists,
# measured slower: docs/EVALUATION.md "Speed").
def sentence_rows(
    doc_ids: list[str],
    texts: list[str],
    run_id: str,
    model: LinearModel | None = None,
    segmented: list[Segmented] | None = None,
) -> pd.DataFrame:
    """Segment and classify the texts; one row per sentence, cues as lists of structs.

    The frame is built as Arrow arrays with the sentences table's schema (pd.ArrowDtype columns):
    about 5× less memory than Python objects (a dict per cue) for the flow to hold and for the process
    runner to pickle back, and the later ``tables.typed`` call converts without copying.
    With a trained ``model`` (factsieve.classify.model.overrule) the model overrules the rules on its task;
    ``df.attrs["model_changes"]`` counts the labels it changed. ``segmented``: each text's sentence
    spans and quote flags as ``_document_row`` made them (else split here, long sentences cut).
    """
    if len(doc_ids) != len(texts):
        raise ValueError(f"{len(doc_ids)} doc_ids for {len(texts)} texts")
    doc_index: list[int] = []
    idx: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    sents: list[str] = []
    # Whether each sentence starts inside a quotation opened by an earlier one: the middle
    # of a multi-sentence quote is the speaker's, not the author's.
    continued: list[bool] = []
    for d, text in enumerate(texts):
        if segmented is None:
            spans = caps.bounded_spans(text, split_sentences(text))[0]
            quoted = classify.quote_context(text, spans)
        else:
            spans, quoted = segmented[d]
        n = len(spans)
        if not n:
            continue
        continued.extend(quoted)
        doc_index.extend([d] * n)
        idx.extend(range(n))
        for s, e in spans:
            starts.append(s)
            ends.append(e)
            sents.append(text[s:e])
    labels = classify.classify_batch(sents, continued)
    n = len(sents)
    cue_offsets = [0] * (n + 1)
    kinds: list[str] = []
    cue_texts: list[str] = []
    cue_starts: list[int] = []
    cue_ends: list[int] = []
    for i, lab in enumerate(labels):
        for c in lab.cues:
            kinds.append(c.kind)
            cue_texts.append(c.text)
            cue_starts.append(c.start)
            cue_ends.append(c.end)
        cue_offsets[i + 1] = len(kinds)
    cols = SimpleNamespace(
        label=[lab.label for lab in labels],
        confidence=[lab.confidence for lab in labels],
        hedged=[lab.hedged for lab in labels],
        opinion=[lab.opinion for lab in labels],
        deciding_cue=[lab.deciding_cue for lab in labels],
    )
    changes = 0
    if model is not None:
        from factsieve.classify.model import overrule  # scikit-learn: imported only with a model (~1.7 s)

        changes = overrule(model, sents, labels, cols)
    schema = _SENTENCE_SCHEMA
    cue_struct = pa.StructArray.from_arrays(
        [
            pa.array(kinds, pa.string()),
            pa.array(cue_texts, pa.string()),
            pa.array(cue_starts, pa.int32()),
            pa.array(cue_ends, pa.int32()),
        ],
        fields=list(schema.field("cues").type.value_type),
    )
    columns = {
        "doc_id": pa.array(doc_ids, pa.string()).take(pa.array(doc_index, pa.int32())),
        "run_id": pa.array([run_id] * n, pa.string()),
        "sent_index": pa.array(idx, pa.int32()),
        "start": pa.array(starts, pa.int32()),
        "end": pa.array(ends, pa.int32()),
        "text": pa.array(sents, pa.string()),
        "label": pa.array(cols.label, pa.string()),
        "confidence": pa.array(cols.confidence, pa.float64()),
        "hedged": pa.array(cols.hedged, pa.bool_()),
        "attributed": pa.array([lab.attributed for lab in labels], pa.bool_()),
        "quoted": pa.array([lab.quoted for lab in labels], pa.bool_()),
        "opinion": pa.array(cols.opinion, pa.bool_()),
        "cues": pa.ListArray.from_arrays(pa.array(cue_offsets, pa.int32()), cue_struct),
        "deciding_cue": pa.array(cols.deciding_cue, pa.string()),
        "source": pa.array([lab.source for lab in labels], pa.string()),
    }
    table = pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema)
    frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    frame.attrs["model_changes"] = changes
    return frame


def process_batch(
    inputs: list[InputFile],
    run_id: str,
    ingested_at: pd.Timestamp,
    limits: IngestLimits | None = None,
    taken: dict[str, set[str]] | None = None,
    model_path: str | None = None,
) -> BatchResult:
    """Ingest, clean, segment and classify a batch of input files (or parts of files).

    ``taken``: by file URI, the record keys that earlier batches' parts of the file used.
    ``model_path``: a model from ``factsieve train`` that overrules the rules on its task.
    """
    limits = limits or IngestLimits()
    t0 = time.perf_counter()
    doc_rows: list[dict] = []
    texts: list[str] = []
    segmented: list[Segmented] = []
    reject_rows: list[dict] = []
    limited: Counter[str] = Counter()
    n_records = 0
    part_keys: dict[str, set[str]] = {}
    passed_over: Counter[str] = Counter()
    for inp in inputs:
        earlier = None
        if inp.is_part:
            earlier = (taken or {}).get(inp.uri, set()) | part_keys.get(inp.uri, set())
        res = _read_guarded(inp, limits, earlier)
        if res.keys is not None:
            part_keys.setdefault(inp.uri, set()).update(res.keys)
        n_records += len(res.docs) + len(res.rejects)
        passed_over.update(res.skipped)
        reject_rows.extend(_reject_row(r, run_id, ingested_at) for r in res.rejects)
        for doc in res.docs:
            made = _document_guarded(inp, doc, run_id, ingested_at, limited)
            if isinstance(made, Reject):
                reject_rows.append(_reject_row(made, run_id, ingested_at))
                continue
            row, text, parts = made
            doc_rows.append(row)
            texts.append(text)
            segmented.append(parts)
    t1 = time.perf_counter()
    model = None
    if model_path:
        from factsieve.classify.model import load_cached

        model = load_cached(model_path, os.stat(model_path).st_mtime_ns)
    sentences, failed = _classified(doc_rows, texts, segmented, run_id, model)
    for i, (reason, detail) in failed.items():
        row = doc_rows[i]
        rej = Reject(
            row["source_uri"],
            row["record_key"],
            row["format"],
            reason,
            detail,
            row["raw_bytes"],
            visible(texts[i][:120]),
        )
        reject_rows.append(_reject_row(rej, run_id, ingested_at))
    if failed:
        doc_rows = [r for i, r in enumerate(doc_rows) if i not in failed]
    t2 = time.perf_counter()
    return BatchResult(
        documents=pd.DataFrame(doc_rows, columns=tables.STAGE1_DOC_COLUMNS),
        sentences=sentences,
        rejects=pd.DataFrame(reject_rows, columns=tables.REJECT_COLUMNS),
        seconds={"ingest_clean": t1 - t0, "segment_classify": t2 - t1},
        input_records=n_records,
        part_keys=part_keys,
        model_changes=sentences.attrs.get("model_changes", 0),
        passed_over=dict(passed_over),
        limited=dict(sorted((k, n) for k, n in limited.items() if n)),
    )


def _classified(
    doc_rows: list[dict], texts: list[str], segmented: list[Segmented], run_id: str, model: LinearModel | None
) -> tuple[pd.DataFrame, dict[int, tuple[str, str]]]:
    """``sentence_rows`` of the batch, and the documents (by index) it had to leave out. The whole
    batch is classified at once (the fast path); only when that raises or runs over its budget is
    each document tried on its own, to find the one at fault, and the rest classified together
    again (the same rows the fast path gives them)."""
    ids = [r["doc_id"] for r in doc_rows]
    budget_s = seconds_for(sum(map(len, texts)), caps.RECORD_BASE_S, caps.RECORD_PER_MB_S)
    try:
        with cpu_budget(budget_s):
            return sentence_rows(ids, texts, run_id, model, segmented), {}
    except (Exception, OverBudget):
        pass
    failed: dict[int, tuple[str, str]] = {}
    for i, text in enumerate(texts):
        one_s = seconds_for(len(text), caps.RECORD_BASE_S, caps.RECORD_PER_MB_S)
        try:
            with cpu_budget(one_s):
                sentence_rows([ids[i]], [text], run_id, model, [segmented[i]])
        except (Exception, OverBudget) as exc:
            failed[i] = _failure("classification", exc, one_s)
    keep = [i for i in range(len(texts)) if i not in failed]
    sentences = sentence_rows(
        [ids[i] for i in keep], [texts[i] for i in keep], run_id, model, [segmented[i] for i in keep]
    )
    return sentences, failed


def run_batch(
    inputs: list[InputFile],
    run_id: str,
    ingested_at: pd.Timestamp,
    limits: IngestLimits,
    params: dedup.DedupParams,
    taken: dict[str, set[str]] | None = None,
    model_path: str | None = None,
) -> tuple[BatchResult, dedup.Features]:
    """Everything per document, on a worker: ``process_batch``, pandera validation of the
    batch's sentences and rejects, and the dedup features (so the global dedup step only
    buckets, verifies and clusters, and the flow's process only writes).

    A record id repeated across parts of a split file is noticed by the flow, which runs
    the batch again with ``taken`` (``key_clashes``); the result is then what reading the
    file whole gives.
    """
    result = process_batch(inputs, run_id, ingested_at, limits, taken, model_path)
    t0 = time.perf_counter()
    result.sentences = tables.conform(result.sentences, "sentences")
    result.rejects = tables.conform(result.rejects, "rejects")
    result.validated = True
    t1 = time.perf_counter()
    features = dedup.prepare(result.documents[["doc_id", "text"]], params)
    result.seconds.update(validate=t1 - t0, dedup_features=time.perf_counter() - t1)
    return result, features


def key_clashes(result: BatchResult, seen: dict[str, set[str]]) -> bool:
    """Whether the batch's parts reused a record key of an earlier part of their file."""
    return any(not keys.isdisjoint(seen.get(uri, ())) for uri, keys in result.part_keys.items())


# What deduplication adds to each document (factsieve.dedup.DedupResult.assignments).
DEDUP_COLUMNS = ["content_hash", *dedup.ROLE_COLUMNS]
