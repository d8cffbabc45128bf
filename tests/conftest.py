from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.environment import set_prefect_defaults

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTSIEVE_SHARED", REPO.parent / "shared"))
RAW = REPO / "raw"

set_prefect_defaults(home=REPO / ".prefect")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared not available)")
    return p


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (~11 s once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_run(prefect_harness, tmp_path_factory):
    """One real flow run over raw/, shared by the tests that read its tables."""
    import pandas as pd

    from flows.curate import curate

    out = tmp_path_factory.mktemp("sample-out")
    summary = curate(raw=str(RAW), out=str(out))
    tables = {
        name: pd.read_parquet(out / name)
        for name in ("documents", "sentences", "duplicates", "rejects", "runs")
    }
    return summary, tables, out
