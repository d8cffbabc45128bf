"""Which Prefect API a run uses (flows/server.py): PREFECT_API_URL, the server `factsieve server`
recorded, else a temporary one; real processes, a real Prefect server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from flows import server
from tests.conftest import RAW, REPO, factsieve


def test_an_explicit_api_url_wins_and_nothing_is_started(monkeypatch, tmp_path):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    with server.api_for_run() as api:
        assert isinstance(api, server.RunningServer)
        assert os.environ["PREFECT_API_URL"] == "http://127.0.0.1:9/api"


def test_a_stale_record_is_ignored(monkeypatch, tmp_path):
    """A record whose server is gone (its pid ended, e.g. after a reboot) does not stop a run."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (tmp_path / server.RECORD_NAME).write_text(json.dumps({"url": "http://127.0.0.1:9/api", "pid": gone.pid}))
    assert server.recorded_server() is None
    (tmp_path / server.RECORD_NAME).write_text("{not json")
    assert server.recorded_server() is None


@pytest.mark.slow
def test_a_background_server_is_found_by_later_runs_and_stopped(tmp_path):
    """`factsieve server` records its URL under PREFECT_HOME; a run without PREFECT_API_URL uses
    it (its flow run is in that server's database, as the UI shows it); --stop ends it."""
    import httpx

    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(home)
    started = factsieve("server", "--port", "0", env=env)
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        record = json.loads((home / "factsieve-server.json").read_text(encoding="utf-8"))
        assert record["url"] in started.stdout

        out = tmp_path / "out"
        res = factsieve("run", str(RAW / "news"), "--out", str(out), "--json", env=env)
        assert res.returncode == 0, res.stderr[-2000:]
        run_id = json.loads(res.stdout)["run_id"]
        flow_runs = httpx.post(f"{record['url']}/flow_runs/filter", json={}, timeout=30).json()
        assert any(r["flow_id"] and r["state_type"] == "COMPLETED" for r in flow_runs), flow_runs
        assert (out / "runs" / f"part-{run_id}.parquet").exists()
    finally:
        stopped = factsieve("server", "--stop", env=env)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not (home / "factsieve-server.json").exists()
    assert not server._alive(record["pid"])  # gone (or a zombie its new parent has yet to reap)


@pytest.mark.slow
def test_a_temporary_server_that_fails_keeps_its_output_off_stderr_and_in_the_error(tmp_path):
    """The temporary server's output is its own (a shutdown traceback from Prefect's services
    once reached a killed run's stderr); when it cannot start, its output is in the error."""
    home = tmp_path / "not-a-directory"
    home.write_text("a file where the Prefect home should be", encoding="utf-8")
    script = (
        "from flows import server\n"
        "s = server.TemporaryServer.start()\n"
        "try:\n"
        "    s.wait(timeout=120)\n"
        "except server.ServerError as exc:\n"
        "    print(exc)\n"
        "finally:\n"
        "    s.stop()\n"
    )
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    res = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=180
    )
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert "the Prefect server exited with code" in res.stdout
    assert "its output ends:" in res.stdout and "Application startup failed" in res.stdout
