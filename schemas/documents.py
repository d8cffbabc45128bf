"""The documents table: one row per usable input record, duplicates included (flagged)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from factsieve.vocabulary import FLAGS, FORMATS, LABELS, TIERS
from schemas._types import BOOL, FLOAT64, INT32, INT64, STRING, STRING_LIST, TIMESTAMP


class DocumentsSchema(pa.DataFrameModel):
    """One row per document. Duplicates and low-quality documents are kept and flagged;
    filter on is_canonical and quality_tier to get the clean subset."""

    doc_id: Series[STRING] = pa.Field(
        unique=True,
        str_length={"min_value": 32, "max_value": 32},
        description="Stable id: xxh3-128 of (path within RAW, record key, raw text).",
    )
    run_id: Series[STRING] = pa.Field(description="Run that ingested the document; join to runs.run_id.")
    source_uri: Series[STRING] = pa.Field(description="Input file the document came from.")
    record_key: Series[STRING] = pa.Field(
        description="Record within a multi-record file (JSONL id or 'line:N'); '' otherwise."
    )
    format: Series[STRING] = pa.Field(
        isin=list(FORMATS),
        description="Input format: text, html, jsonl, json, wet (Common Crawl), csv, tsv, parquet, arrow (Arrow IPC: Feather, Hugging Face save_to_disk), feed (RSS/Atom), sgml (Reuters-21578), warc (HTTP responses: CC-NEWS), trec (TREC-disk and Gigaword <DOC> SGML), email (e-mail, Usenet, mbox) or newsxml (NITF, RCV1, TEI, trafilatura XML, NewsML-G2); a zip/tar member has the format of its own name.",
    )
    encoding: Series[STRING] = pa.Field(
        description=(
            "Detected encoding of the input bytes (a Python codec name; 'utf-8+cp1252' when lines "
            "differ). Whether it is a sure reading or a guess is in encoding_uncertain (before schema "
            "1.3 a trailing '?' marked a guess; the latest view rewrites such rows)."
        ),
    )
    encoding_uncertain: Series[BOOL] = pa.Field(
        description=(
            "True when the decoder was unsure of encoding: Latin code pages (or a line's reading in a "
            "mixed file) that read the bytes almost equally well; the report lists such documents to check."
        )
    )
    ingested_at: Series[TIMESTAMP] = pa.Field(description="When the run read the document (UTC).")
    title: Series[STRING] = pa.Field(
        nullable=True,
        description="Title (HTML <title>/metadata, JSONL 'title', or a headline-like first line).",
    )
    url: Series[STRING] = pa.Field(nullable=True, description="Canonical URL when the input names one.")
    published_at: Series[TIMESTAMP] = pa.Field(
        nullable=True, description="Publication time (UTC) when known."
    )
    language: Series[STRING] = pa.Field(
        description="'en'; 'de', 'fr', 'es', 'it', 'pt' or 'nl' for a text in one of those; else 'und' (undetermined)."
    )
    text: Series[STRING] = pa.Field(
        description="Clean text: one paragraph or heading per line; sentence offsets index into it."
    )
    raw_bytes: Series[INT64] = pa.Field(ge=0, description="Size of the input record in bytes.")
    raw_chars: Series[INT64] = pa.Field(ge=0, description="Characters after decoding, before cleaning.")
    clean_chars: Series[INT64] = pa.Field(ge=0, description="Characters of the clean text.")
    word_count: Series[INT64] = pa.Field(ge=0, description="Whitespace-separated words in the clean text.")
    sentence_count: Series[INT32] = pa.Field(ge=0, description="Rows of this document in sentences.")
    removed_lines: Series[INT32] = pa.Field(ge=0, description="Boilerplate lines removed by the cleaner.")
    removed_chars: Series[INT64] = pa.Field(ge=0, description="Characters in the removed lines.")
    removed_text: Series[STRING] = pa.Field(description="The removed lines, newline-joined, for audit.")
    removed_reasons: Series[STRING_LIST] = pa.Field(
        description="Reason per removed line, in order (lone_punctuation, counter_byline, related_block, prompt, navigation, furniture)."
    )
    unicode_fixed: Series[BOOL] = pa.Field(description="ftfy repaired mojibake or other Unicode damage.")
    content_hash: Series[STRING] = pa.Field(
        description="Hash of the normalised clean text; equal hashes are exact duplicates."
    )
    dup_cluster_id: Series[STRING] = pa.Field(
        nullable=True, description="Duplicate cluster (null when the document has no duplicate)."
    )
    canonical_doc_id: Series[STRING] = pa.Field(
        description="The cluster's kept copy; the document itself when canonical or unique."
    )
    is_canonical: Series[BOOL] = pa.Field(description="False for duplicates of another document.")
    dup_method: Series[STRING] = pa.Field(
        nullable=True, isin=["exact", "near"], description="exact or near for duplicates; null otherwise."
    )
    dup_similarity: Series[FLOAT64] = pa.Field(
        nullable=True, ge=0, le=1, description="Similarity to the canonical copy; null when not in a cluster."
    )
    story_id: Series[STRING] = pa.Field(
        description="Story: documents sharing a source text (copies, rewrites, truncations, extensions) share it; "
        "it is the doc_id of the story's canonical, so a document alone in its story has its own doc_id."
    )
    ratio_reported: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Share of sentences labelled reported."
    )
    ratio_attributed: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Share of sentences labelled attributed."
    )
    ratio_speculative: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Share of sentences labelled speculative."
    )
    ratio_opinion: Series[FLOAT64] = pa.Field(ge=0, le=1, description="Share of sentences labelled opinion.")
    ratio_filler: Series[FLOAT64] = pa.Field(ge=0, le=1, description="Share of sentences labelled filler.")
    ratio_boilerplate: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Share of sentences labelled boilerplate."
    )
    quality_score: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Quality in [0, 1]; see docs/ANALYSTS.md for the formula."
    )
    quality_tier: Series[STRING] = pa.Field(
        isin=list(TIERS), description="high (>= 0.7), medium (>= 0.4) or low."
    )
    quality_flags: Series[STRING_LIST] = pa.Field(description="Any of: " + ", ".join(FLAGS) + ".")

    @pa.dataframe_check(description="Label ratios sum to 1 (or 0 for a document with no sentences).")
    def ratios_sum_to_one(cls, df: pd.DataFrame) -> pd.Series:
        total = sum(df[f"ratio_{lab}"].astype("float64") for lab in LABELS)
        return ((total - 1.0).abs() < 1e-6) | (total == 0)

    @pa.dataframe_check(description="A canonical document points to itself.")
    def canonical_points_to_self(cls, df: pd.DataFrame) -> pd.Series:
        return ~df["is_canonical"].astype(bool) | (df["canonical_doc_id"] == df["doc_id"]).astype(bool)

    class Config:
        strict = True
        coerce = False
