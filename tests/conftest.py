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


def run_cli(raw, out, crash_at: str | None = None):
    """``factsieve run RAW --out OUT`` in a subprocess on the session's Prefect API; with crash_at, the
    run SIGKILLs itself at that point of the commit protocol (factsieve.output.publish.crash_point)."""
    import subprocess
    import sys

    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_HOME": str(REPO / ".prefect")}
    env.pop("FACTSIEVE_CRASH_AT", None)
    if crash_at:
        env["FACTSIEVE_CRASH_AT"] = crash_at
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
