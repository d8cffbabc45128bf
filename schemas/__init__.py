"""pandera schemas of every factsieve output table — the contract analysts rely on.

``TABLES`` maps each table name to its DataFrameModel; ``arrow_schema(name)`` gives
the exact Arrow schema the Parquet files are written with.
"""

from __future__ import annotations

import pyarrow as pa

from schemas.documents import DocumentsSchema
from schemas.duplicates import DuplicatesSchema
from schemas.rejects import RejectsSchema
from schemas.runs import RunsSchema
from schemas.sentences import SentencesSchema

# Bump on any change to a table's columns or their meaning (semver: major = breaking).
SCHEMA_VERSION = "1.0.0"

TABLES = {
    "documents": DocumentsSchema,
    "sentences": SentencesSchema,
    "duplicates": DuplicatesSchema,
    "rejects": RejectsSchema,
    "runs": RunsSchema,
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``, derived from its pandera model (column order kept)."""
    model = TABLES[table].to_schema()
    fields = [
        pa.field(name, col.dtype.type.pyarrow_dtype, nullable=bool(col.nullable))
        for name, col in model.columns.items()
    ]
    return pa.schema(fields, metadata={"factsieve.table": table, "factsieve.schema_version": SCHEMA_VERSION})
