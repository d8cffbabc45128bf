"""The sentences table: every sentence of every document, labelled and explained."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from factsieve.vocabulary import LABELS
from schemas._types import BOOL, CUE_LIST, FLOAT64, INT32, STRING


class SentencesSchema(pa.DataFrameModel):
    """One row per sentence. ``text == documents.text[start:end]`` for the same doc_id."""

    doc_id: Series[STRING] = pa.Field(description="Document; join to documents.doc_id.")
    run_id: Series[STRING] = pa.Field(description="Run that produced the row.")
    sent_index: Series[INT32] = pa.Field(
        ge=0, description="Position of the sentence in its document, from 0."
    )
    start: Series[INT32] = pa.Field(
        ge=0, description="Character offset of the first character in documents.text."
    )
    end: Series[INT32] = pa.Field(
        ge=1, description="Character offset one past the last character in documents.text."
    )
    text: Series[STRING] = pa.Field(str_length={"min_value": 1}, description="The sentence.")
    label: Series[STRING] = pa.Field(
        isin=list(LABELS), description="Primary label: " + ", ".join(LABELS) + "."
    )
    confidence: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Classifier confidence in the primary label."
    )
    hedged: Series[BOOL] = pa.Field(
        description="Contains a hedge cue (likely, probably, may have, ...), whoever says it."
    )
    attributed: Series[BOOL] = pa.Field(
        description="Tied to a source: speech verb, quotation or 'according to'."
    )
    quoted: Series[BOOL] = pa.Field(description="Contains quoted speech.")
    opinion: Series[BOOL] = pa.Field(description="Contains an evaluative cue of the author.")
    cues: Series[CUE_LIST] = pa.Field(
        description="Every cue found: kind, text and [start, end) offsets within the sentence text."
    )
    deciding_cue: Series[STRING] = pa.Field(
        nullable=True, description="The cue that decided the primary label (null for plain reported)."
    )
    source: Series[STRING] = pa.Field(
        nullable=True, description="The named source of an attributed claim, when one is named."
    )

    @pa.dataframe_check(description="Offsets are ordered and match the text length.")
    def offsets_match_text(cls, df: pd.DataFrame) -> pd.Series:
        start = df["start"].astype("int64")
        end = df["end"].astype("int64")
        return (end > start) & ((end - start) == df["text"].str.len().astype("int64"))

    class Config:
        strict = True
        coerce = False
        unique = ["doc_id", "sent_index"]
