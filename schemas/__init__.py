"""pandera schemas of every factsieve output table — the contract analysts rely on.

``TABLES`` maps each table name to its DataFrameModel; ``arrow_schema(name)`` gives
the exact Arrow schema the Parquet files are written with.
"""

from __future__ import annotations

import sys

import pyarrow as pa

from schemas.documents import DocumentsSchema
from schemas.duplicates import DuplicatesSchema
from schemas.rejects import RejectsSchema
from schemas.runs import RunsSchema
from schemas.sentences import SentencesSchema

# Bump on any change to a table's columns or their meaning (semver: major = breaking).
SCHEMA_VERSION = "1.3.0"

TABLES = {
    "documents": DocumentsSchema,
    "sentences": SentencesSchema,
    "duplicates": DuplicatesSchema,
    "rejects": RejectsSchema,
    "runs": RunsSchema,
}


# Libraries whose pandera typing modules pandera imports to recognise their annotations.
_OTHER_FRAME_LIBRARIES = ("dask", "modin", "pyspark", "geopandas")


def _pandas_annotations_unless_others_loaded() -> None:
    """Let pandera recognise Series/Index annotations without importing dask first.

    pandera (0.35) decides whether a model field is a Series or an Index by comparing its
    annotation with every supported dataframe library's types, and for that imports
    dask.dataframe whenever dask is installed (prefect-dask installs it): ~1 CPU-s, in every
    thread that first validates (pandera caches a model's schema per thread: each Prefect task
    thread, each worker). Our models use pandas types only. The replacements answer with the
    pandas types while none of those libraries is imported; a model annotated with, say,
    ``pandera.typing.dask.Series`` has imported dask already, and then pandera's own answer
    is used, so other pandera users in the process see no difference.
    """
    try:
        from pandera.api.pandas import model
        from pandera.typing import Index, Series
    except ImportError:  # pandera moved them: leave pandera as it is
        return
    for name, pandas_types in (("get_series_types", {Series}), ("get_index_types", {Index})):
        original = getattr(model, name, None)
        if original is None or getattr(original, "_factsieve", False):
            continue

        def types(original=original, pandas_types=frozenset(pandas_types)):
            if any(lib in sys.modules for lib in _OTHER_FRAME_LIBRARIES):
                return original()
            return pandas_types

        types._factsieve = True
        setattr(model, name, types)


_pandas_annotations_unless_others_loaded()


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``, derived from its pandera model (column order kept)."""
    model = TABLES[table].to_schema()
    fields = [
        pa.field(name, col.dtype.type.pyarrow_dtype, nullable=bool(col.nullable))
        for name, col in model.columns.items()
    ]
    return pa.schema(fields, metadata={"factsieve.table": table, "factsieve.schema_version": SCHEMA_VERSION})
