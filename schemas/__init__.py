"""pandera schemas of every factsieve output table — the contract analysts rely on.

``TABLES`` maps each table name to its DataFrameModel; ``arrow_schema(name)`` gives
the exact Arrow schema the Parquet files are written with.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

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


@contextlib.contextmanager
def _pandas_annotations_only() -> Iterator[None]:
    """While pandera builds our models' schemas, recognise only pandas Series/Index annotations.

    pandera (0.35) decides whether a field is a Series or an Index by comparing its annotation
    with every supported dataframe library's types, and imports dask.dataframe for that
    whenever dask is installed (prefect-dask installs it): ~1 CPU-s in each process that builds
    a schema (the CLI, every worker, every test process). Our models use pandas types only.
    The patch lasts only while the schemas are built (pandera caches them per model): other
    pandera users in the same process see pandera unchanged.
    """
    try:
        from pandera.api.pandas import model
        from pandera.typing import Index, Series
    except ImportError:  # pandera moved them: build the schemas the ordinary way
        yield
        return
    saved = {name: getattr(model, name, None) for name in ("get_series_types", "get_index_types")}
    if None in saved.values():
        yield
        return
    model.get_series_types = lambda: {Series}
    model.get_index_types = lambda: {Index}
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(model, name, fn)


with _pandas_annotations_only():
    for _model in TABLES.values():
        _model.to_schema()


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``, derived from its pandera model (column order kept)."""
    model = TABLES[table].to_schema()
    fields = [
        pa.field(name, col.dtype.type.pyarrow_dtype, nullable=bool(col.nullable))
        for name, col in model.columns.items()
    ]
    return pa.schema(fields, metadata={"factsieve.table": table, "factsieve.schema_version": SCHEMA_VERSION})
