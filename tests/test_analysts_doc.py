"""The examples in docs/ANALYSTS.md run against a real flow run's output."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

BLOCKS = re.findall(r"```python\n(.*?)```", (REPO / "docs" / "ANALYSTS.md").read_text(encoding="utf-8"), re.S)


def test_doc_has_pandas_duckdb_and_polars_examples():
    joined = "\n".join(BLOCKS)
    for lib in ("import pandas", "import duckdb", "import polars"):
        assert lib in joined


@pytest.mark.slow
@pytest.mark.parametrize("code", BLOCKS, ids=[b.split("\n", 1)[0] for b in BLOCKS])
def test_example_runs(sample_run, code):
    _, _, out = sample_run
    exec(compile(code, "ANALYSTS.md", "exec"), {"OUT": str(out)})
