"""What a process pays to import the domain code: the CLI, every batch worker and every test
process import it, so avoidable heavy imports cost each of them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CHECK = """
import sys
import pandas as pd
from factsieve import pipeline, tables
docs = pipeline.process_batch([], "r", pd.Timestamp("2026-11-23", tz="UTC"))
tables.validate(tables.typed(docs.sentences, "sentences"), "sentences")
import pandera.api.pandas.model as m
print("dask" in sys.modules, type(m.get_series_types).__name__, type(m.get_index_types).__name__)
"""


def test_building_and_using_the_schemas_does_not_import_dask():
    # pandera imports dask.dataframe (~1 s) to recognise dask annotations when dask is installed
    # (it is: prefect-dask); schemas/__init__.py builds our pandas-only models without that.
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    ).stdout.split()
    assert out[0] == "False"
    # pandera's own functions are back in place for other users in the process
    assert out[1:] == ["_lru_cache_wrapper", "_lru_cache_wrapper"]
