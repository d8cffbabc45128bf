"""Give frames the exact Arrow types of their table schema, and validate them.

Stages build frames with plain Python values; ``typed`` converts them once through
Arrow with the schema derived from the pandera model, so every table on disk has the
same types whatever produced it.
"""

from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa
import pyarrow as pyarrow

import schemas

STAGE1_DOC_COLUMNS = [
    "doc_id",
    "run_id",
    "source_uri",
    "record_key",
    "format",
    "encoding",
    "encoding_uncertain",
    "ingested_at",
    "title",
    "url",
    "published_at",
    "language",
    "text",
    "raw_bytes",
    "raw_chars",
    "clean_chars",
    "word_count",
    "removed_lines",
    "removed_chars",
    "removed_text",
    "removed_reasons",
    "unicode_fixed",
]
REJECT_COLUMNS = list(schemas.arrow_schema("rejects").names)


class ValidationFailed(Exception):
    """A table broke its schema; ``report`` is a readable summary of every failure."""

    def __init__(self, table: str, report: str, failure_cases: pd.DataFrame | None = None):
        super().__init__(f"table '{table}' failed schema validation:\n{report}")
        self.table = table
        self.report = report
        self.failure_cases = failure_cases


def to_arrow(df: pd.DataFrame, table: str) -> pyarrow.Table:
    schema = schemas.arrow_schema(table)
    arrow = pyarrow.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
    # Drop pandas' own metadata: it records "list<...>[pyarrow]" dtype strings that
    # pd.read_parquet cannot parse back. The Arrow schema alone is the contract.
    return arrow.replace_schema_metadata(schema.metadata)


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The frame with exactly the table's columns, in order, as Arrow-backed dtypes."""
    return to_arrow(df, table).to_pandas(types_mapper=pd.ArrowDtype)


def empty(table: str) -> pd.DataFrame:
    return schemas.arrow_schema(table).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def _summarise(exc: pa.errors.SchemaErrors, limit: int = 20) -> str:
    fc = exc.failure_cases
    lines = []
    grouped = fc.groupby(["column", "check"], dropna=False, sort=True)
    for (column, check), grp in grouped:
        examples = ", ".join(repr(v)[:60] for v in grp["failure_case"].head(3))
        lines.append(f"- column {column!s}: check {check!s} failed for {len(grp)} row(s); e.g. {examples}")
        if len(lines) >= limit:
            lines.append(f"- … {len(grouped) - limit} more")
            break
    return "\n".join(lines)


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Validate lazily (all failures at once); raise ValidationFailed with a readable report."""
    try:
        return schemas.TABLES[table].validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ValidationFailed(table, _summarise(exc), exc.failure_cases) from None


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The frame as it is written: the table's exact columns and Arrow types (``typed``),
    validated against its schema (``validate``)."""
    return validate(typed(df, table), table)


def warm_up() -> None:
    """Validate an empty frame of every table once: pandera imports what validation needs
    (its strategies module, and hypothesis when installed: ~110 modules) on the first call.
    Done up front where that first call would otherwise race another thread's imports
    (two threads importing at once are many times slower) or repeat in every worker."""
    for table in schemas.TABLES:
        validate(empty(table), table)


def json_cell(obj) -> str:
    """Deterministic JSON for the runs table's object columns."""
    return json.dumps(obj, sort_keys=True, default=str)
