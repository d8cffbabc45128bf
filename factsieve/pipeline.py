"""The per-batch stages as plain functions: ingest → clean → segment → classify.

``process_batch`` turns a list of input files into three pandas frames (documents
without scores, sentences, rejects). ``finish_documents`` adds the dedup result and
scores once every batch is in. No Prefect here: the flow in flows/ only orchestrates.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
import xxhash

from factsieve import classify, tables
from factsieve.clean import clean_text
from factsieve.ingest import ONLY_BOILERPLATE, IngestLimits, RawDoc, Reject, read_input
from factsieve.language import detect_language
from factsieve.score import score_documents
from factsieve.segment import split_sentences
from factsieve.sources import InputFile


@dataclass(slots=True)
class BatchResult:
    documents: pd.DataFrame
    sentences: pd.DataFrame
    rejects: pd.DataFrame
    seconds: dict[str, float] = field(default_factory=dict)
    input_records: int = 0


def make_doc_id(rel: str, record_key: str, text: str) -> str:
    """Stable id from where the record sits within RAW and its raw text."""
    h = xxhash.xxh3_128()
    for part in (rel, "\x1f", record_key, "\x1f", text):
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _document_row(
    inp: InputFile, doc: RawDoc, run_id: str, ingested_at: pd.Timestamp
) -> tuple[dict, str] | Reject:
    cleaned = clean_text(doc.text)
    text = cleaned.text
    if not text:
        reasons = sorted({reason for reason, _ in cleaned.removed})
        return Reject(
            doc.source_uri,
            doc.record_key,
            doc.format,
            ONLY_BOILERPLATE,
            f"all {len(cleaned.removed)} lines were boilerplate ({', '.join(reasons)})",
            doc.raw_bytes,
            doc.text[:120],
        )
    row = {
        "doc_id": make_doc_id(inp.rel or inp.uri, doc.record_key, doc.text),
        "run_id": run_id,
        "source_uri": doc.source_uri,
        "record_key": doc.record_key,
        "format": doc.format,
        "encoding": doc.encoding,
        "ingested_at": ingested_at,
        "title": doc.title,
        "url": doc.url,
        "published_at": doc.published_at,
        "language": detect_language(text),
        "text": text,
        "raw_bytes": doc.raw_bytes,
        "raw_chars": len(doc.text),
        "clean_chars": len(text),
        "word_count": len(text.split()),
        "removed_lines": len(cleaned.removed),
        "removed_chars": cleaned.removed_chars,
        "removed_text": cleaned.removed_text,
        "removed_reasons": [reason for reason, _ in cleaned.removed],
        "unicode_fixed": cleaned.fixed_unicode,
    }
    return row, text


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


def sentence_rows(doc_ids: list[str], texts: list[str], run_id: str) -> pd.DataFrame:
    """Segment and classify the texts; one row per sentence, cues as lists of structs."""
    d_ids: list[str] = []
    idx: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    sents: list[str] = []
    for doc_id, text in zip(doc_ids, texts, strict=True):
        for i, (s, e) in enumerate(split_sentences(text)):
            d_ids.append(doc_id)
            idx.append(i)
            starts.append(s)
            ends.append(e)
            sents.append(text[s:e])
    labels = classify.classify_batch(sents)
    return pd.DataFrame(
        {
            "doc_id": d_ids,
            "run_id": run_id,
            "sent_index": idx,
            "start": starts,
            "end": ends,
            "text": sents,
            "label": [lab.label for lab in labels],
            "confidence": [lab.confidence for lab in labels],
            "hedged": [lab.hedged for lab in labels],
            "attributed": [lab.attributed for lab in labels],
            "quoted": [lab.quoted for lab in labels],
            "opinion": [lab.opinion for lab in labels],
            "cues": [
                [{"kind": c.kind, "text": c.text, "start": c.start, "end": c.end} for c in lab.cues]
                for lab in labels
            ],
            "deciding_cue": [lab.deciding_cue for lab in labels],
            "source": [lab.source for lab in labels],
        }
    )


def process_batch(
    inputs: list[InputFile], run_id: str, ingested_at: pd.Timestamp, limits: IngestLimits | None = None
) -> BatchResult:
    """Ingest, clean, segment and classify a batch of input files."""
    limits = limits or IngestLimits()
    t0 = time.perf_counter()
    doc_rows: list[dict] = []
    texts: list[str] = []
    reject_rows: list[dict] = []
    n_records = 0
    for inp in inputs:
        res = read_input(inp, limits)
        n_records += len(res.docs) + len(res.rejects)
        reject_rows.extend(_reject_row(r, run_id, ingested_at) for r in res.rejects)
        for doc in res.docs:
            made = _document_row(inp, doc, run_id, ingested_at)
            if isinstance(made, Reject):
                reject_rows.append(_reject_row(made, run_id, ingested_at))
                continue
            row, text = made
            doc_rows.append(row)
            texts.append(text)
    t1 = time.perf_counter()
    sentences = sentence_rows([r["doc_id"] for r in doc_rows], texts, run_id)
    t2 = time.perf_counter()
    return BatchResult(
        documents=pd.DataFrame(doc_rows, columns=tables.STAGE1_DOC_COLUMNS),
        sentences=sentences,
        rejects=pd.DataFrame(reject_rows, columns=tables.REJECT_COLUMNS),
        seconds={"ingest_clean": t1 - t0, "segment_classify": t2 - t1},
        input_records=n_records,
    )


def finish_documents(docs: pd.DataFrame, sentences: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """Attach the dedup assignments and the scores to the documents."""
    dedup_cols = [
        "content_hash",
        "dup_cluster_id",
        "canonical_doc_id",
        "is_canonical",
        "dup_method",
        "dup_similarity",
    ]
    merged = docs.reset_index(drop=True).join(assignments.reset_index(drop=True)[dedup_cols])
    scores = score_documents(merged, sentences)
    return pd.concat([merged, scores], axis=1)


def label_counts(sentences: pd.DataFrame) -> dict[str, int]:
    return dict(sorted(Counter(sentences["label"].astype(str)).items())) if len(sentences) else {}
