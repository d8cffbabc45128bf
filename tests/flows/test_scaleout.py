"""Scale-out as docs/OPERATIONS.md (Scale-out) describes it, on one machine.

Inputs sit in an S3 bucket and are read through s3fs from a local S3-compatible server (moto's, on
127.0.0.1); a Dask scheduler with two single-threaded, nanny-managed worker processes
(``distributed.LocalCluster``: the same scheduler and workers ``dask scheduler`` and ``dask worker``
start) runs the batches; the real ``factsieve run s3://… --runner dask:tcp://…`` command drives it.
The workers read the bucket themselves, configured only by environment variables, as remote
workers would be. The flow's tables must equal those of the default runner on the same input.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time

import pandas as pd
import pytest

from tests.conftest import RAW, REPO, factsieve
from tests.ingest.test_read import _wire_feed

pytestmark = pytest.mark.slow

pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")
distributed = pytest.importorskip("distributed")

BUCKET = "factsieve-raw"
URL = f"s3://{BUCKET}/raw"
TABLES = ("documents", "sentences", "duplicates", "rejects")
# What differs between two runs of the same input: the run's id and clock.
PER_RUN = ["run_id", "ingested_at"]
# Batches of about 12 kB: the 400-record feed is read in parts (ranged reads from the bucket) and
# the files spread over both workers.
CONFIG = "batch_bytes = 12000\nbatch_files = 3\n"


@pytest.fixture(scope="module")
def s3():
    """A local S3 server holding raw/ plus a wire feed large enough to be split, and the
    environment a worker needs to read it (credentials and endpoint, nothing else)."""
    import s3fs

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per S3 request otherwise
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ACCESS_KEY_ID": "factsieve-test",
        "AWS_SECRET_ACCESS_KEY": "factsieve-test",
        "AWS_DEFAULT_REGION": "us-east-1",
        # fsspec's per-protocol setting from the environment: S3FileSystem(endpoint_url=...)
        "FSSPEC_S3_ENDPOINT_URL": f"http://{host}:{port}",
    }
    fs = s3fs.S3FileSystem(
        key=env["AWS_ACCESS_KEY_ID"],
        secret=env["AWS_SECRET_ACCESS_KEY"],
        endpoint_url=env["FSSPEC_S3_ENDPOINT_URL"],
    )
    fs.mkdir(BUCKET)
    for path in sorted(p for p in RAW.rglob("*") if p.is_file()):
        fs.pipe(f"{BUCKET}/raw/{path.relative_to(RAW).as_posix()}", path.read_bytes())
    fs.pipe(f"{BUCKET}/raw/feeds/wire-big.jsonl", _wire_feed(400).encode())
    # Set while the module runs: the cluster's worker processes and the CLI inherit it.
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        yield env
    server.stop()


@pytest.fixture(scope="module")
def cluster(s3):
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as c,
        distributed.Client(c, set_as_default=False) as client,
    ):
        yield c, client


@pytest.fixture(scope="module")
def prefect_env(prefect_harness, tmp_path_factory):
    """The CLI's environment: the session's Prefect API (no temporary server per run) and a
    config with small batches."""
    from prefect.settings import PREFECT_API_URL

    config = tmp_path_factory.mktemp("scaleout-config") / "small-batches.toml"
    config.write_text(CONFIG)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_HOME": str(REPO / ".prefect")}
    return env, config


def _run(out, *args, env):
    env, config = env
    return factsieve("run", URL, "--out", str(out), "--config", str(config), "--quiet", *args, env=env)


def _tables(out) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name).drop(columns=PER_RUN, errors="ignore") for name in TABLES}


@pytest.fixture(scope="module")
def reference(s3, prefect_env, tmp_path_factory):
    """The default runner (threads + worker-process pool) over the same bucket."""
    out = tmp_path_factory.mktemp("scaleout-ref")
    res = _run(out, env=prefect_env)
    assert res.returncode == 0, res.stderr
    tables = _tables(out)
    assert tables["documents"]["source_uri"].str.startswith(f"s3://{BUCKET}/raw/").all()
    assert len(tables["documents"]) > 350 and len(tables["rejects"]) > 20
    return tables


def _assert_same_tables(reference: dict[str, pd.DataFrame], out) -> None:
    got = _tables(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(reference[name], got[name], obj=name)


def _executed(client) -> dict[str, int]:
    return client.run(lambda dask_worker: dask_worker.state.executed_count)


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


def test_cluster_address_and_s3_input_match_the_default_runner(cluster, reference, prefect_env, tmp_path):
    c, client = cluster
    before = _executed(client)
    res = _run(tmp_path, "--runner", f"dask:{c.scheduler_address}", env=prefect_env)
    assert res.returncode == 0, res.stderr
    _no_traceback(res.stderr)
    _assert_same_tables(reference, tmp_path)
    # Every batch ran on the cluster, and on both of its workers.
    batches = json.loads(pd.read_parquet(tmp_path / "runs")["stage_counts"][0])["ingest"]["batches"]
    after = _executed(client)
    assert batches >= 6 and sum(after.values()) - sum(before.values()) == batches
    assert all(after[w] > before.get(w, 0) for w in after), (before, after)


def test_a_worker_killed_mid_batch_is_replaced_and_the_batch_rerun(cluster, reference, prefect_env, tmp_path):
    """SIGKILL a worker process while it runs a batch: its nanny starts a new one, the scheduler
    reruns the lost batch, and the run's tables are those of an undisturbed run."""
    c, client = cluster
    killed: list[int] = []
    pids = client.run(os.getpid)  # worker address -> process id

    def kill_one_busy_worker() -> None:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            busy = [w for w, keys in client.processing().items() if keys]
            if busy:
                pid = pids[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_busy_worker, daemon=True)
    killer.start()
    res = _run(tmp_path, "--runner", f"dask:{c.scheduler_address}", env=prefect_env)
    killer.join(5)
    assert killed, "no batch was seen running on a worker"
    assert res.returncode == 0, res.stderr
    _no_traceback(res.stderr)
    _assert_same_tables(reference, tmp_path)
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.run(os.getpid).values()


def test_losing_the_scheduler_mid_run_fails_in_one_line_and_publishes_nothing(s3, prefect_env, tmp_path):
    from factsieve.output.publish import committed_run_ids

    out = tmp_path / "out"
    lost = threading.Event()
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as c:
        address = c.scheduler_address

        def close_when_busy() -> None:
            with distributed.Client(c, set_as_default=False) as client:
                deadline = time.monotonic() + 240
                while time.monotonic() < deadline and not any(client.processing().values()):
                    time.sleep(0.05)
            c.close()
            lost.set()

        closer = threading.Thread(target=close_when_busy, daemon=True)
        closer.start()
        res = _run(out, "--runner", f"dask:{address}", env=prefect_env)
        closer.join(60)
    assert lost.is_set()
    assert res.returncode == 1, res.stderr
    _no_traceback(res.stderr)
    errors = [line for line in res.stderr.splitlines() if line.startswith("factsieve: error:")]
    assert len(errors) == 1, res.stderr
    # Nothing committed, no latest view: only the run's staging folder, which the next run removes
    # (tests/flows/test_curate_reruns.py kills runs at every step of the commit protocol).
    assert committed_run_ids(out) == [] and not (out / "latest").exists()
    assert not any((out / name).exists() for name in TABLES)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (f"tcp://127.0.0.1:{_free_port()}", "cannot use the Dask scheduler at tcp://127.0.0.1:"),
        ("tcp://127.0.0.1", "is not a Dask scheduler address: missing port number"),
    ],
)
def test_an_unusable_scheduler_address_is_one_line_before_any_output(
    s3, prefect_env, tmp_path, address, message
):
    out = tmp_path / "out"
    t0 = time.monotonic()
    res = _run(out, "--runner", f"dask:{address}", env=prefect_env)
    assert res.returncode == 2, res.stderr
    _no_traceback(res.stderr)
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert res.stderr.startswith("factsieve: error: ") and message in res.stderr
    assert not out.exists()  # refused before the flow started: no lock, no staging, nothing
    assert time.monotonic() - t0 < 120


def test_a_scheduler_without_workers_is_refused(s3, prefect_env, tmp_path):
    """Its batches would wait forever: refused after the probe's wait instead."""
    with distributed.LocalCluster(n_workers=0, dashboard_address=None, host="127.0.0.1") as c:
        res = _run(tmp_path / "out", "--runner", f"dask:{c.scheduler_address}", env=prefect_env)
    assert res.returncode == 2, res.stderr
    assert "no worker connected to it within" in res.stderr
    assert not (tmp_path / "out").exists()
