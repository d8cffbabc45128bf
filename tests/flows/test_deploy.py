"""Scheduling: `factsieve serve` registers a cron deployment with the Prefect API."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def test_bad_cron_is_refused_with_one_line():
    res = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--cron", "every tuesday"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert res.returncode == 2
    assert "invalid cron expression" in res.stderr and res.stderr.strip().count("\n") == 0


async def _read_deployment(name: str):
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return await client.read_deployment_by_name(name)


def test_serve_registers_a_scheduled_deployment(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_HOME": str(REPO / ".prefect")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            str(REPO / "raw"),
            "--out",
            str(tmp_path / "out"),
            "--cron",
            "*/15 * * * *",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deployment = None
        deadline = time.monotonic() + 240  # generous: a loaded CI machine starts serve slowly
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                deployment = asyncio.run(_read_deployment("curate/factsieve-scheduled"))
                break
            except Exception:  # not registered yet
                time.sleep(1)
        assert deployment is not None, (
            proc.stdout.read() if proc.poll() is not None else "serve did not register in 240 s"
        )
        [sched] = deployment.schedules
        assert sched.schedule.cron == "*/15 * * * *"
        assert sched.active
        assert deployment.parameters == {"raw": str(REPO / "raw"), "out": str(tmp_path / "out")}
        assert (
            deployment.global_concurrency_limit is not None and deployment.global_concurrency_limit.limit == 1
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_prefect_yaml_deploys_the_same_schedule(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    async def create_pool():
        async with get_client() as client:
            try:
                await client.create_work_pool(WorkPoolCreate(name="factsieve-pool", type="process"))
            except Exception:  # already there from an earlier test in this session
                pass

    asyncio.run(create_pool())
    env = {
        **os.environ,
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_HOME": str(REPO / ".prefect"),
        "FACTSIEVE_HOME": str(REPO),
    }
    res = subprocess.run(
        [str(REPO / ".venv" / "bin" / "prefect"), "--no-prompt", "deploy", "--all"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    deployment = asyncio.run(_read_deployment("curate/factsieve-scheduled"))
    assert deployment.work_pool_name == "factsieve-pool"
    assert deployment.entrypoint == "flows/curate.py:curate"
    [sched] = deployment.schedules
    assert sched.schedule.cron == "0 * * * *"
