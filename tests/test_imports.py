"""What a process pays to import the domain code: the CLI, every batch worker and every test
process import it, so avoidable heavy imports cost each of them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CHECK = """
import sys, threading
import pandas as pd
from factsieve.batch import pipeline
from factsieve.output import tables
docs = pipeline.process_batch([], "r", pd.Timestamp("2026-11-23", tz="UTC"))
tables.conform(docs.sentences, "sentences")
# pandera builds a model's schema once per thread: a task thread validates too
t = threading.Thread(target=tables.validate, args=(tables.empty("documents"), "documents"))
t.start(); t.join()
print("dask" in sys.modules)
import pandera.api.pandas.model as m
import dask.dataframe  # a pandera user of dask types has imported it: pandera's own answer
print(len(m.get_series_types()) > 1, len(m.get_index_types()) > 1)
"""


def test_building_and_using_the_schemas_does_not_import_dask():
    # pandera imports dask.dataframe (~1 s) to recognise dask annotations when dask is installed
    # (it is: prefect-dask); schemas/__init__.py answers with the pandas types until dask is loaded.
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    ).stdout.split()
    assert out == ["False", "True", "True"]
