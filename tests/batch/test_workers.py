"""The batch stage's worker pool (factsieve.batch.workers): started ahead of the flow, taken once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factsieve.batch import workers
from factsieve.ingest.sources import InputFile
from flows.cli import _expected_pool


@pytest.fixture(autouse=True)
def _no_warm_pool_left():
    yield
    workers.discard_warm()


def test_batch_pool_takes_the_prestarted_pool_of_its_size():
    workers.prestart(2)
    warm = workers._warm[1]
    with workers.batch_pool(2) as pool_id:
        assert workers._pools[pool_id] is warm
        assert workers._warm is None
        pids = {workers.run(pool_id, os.getpid) for _ in range(4)}
        assert os.getpid() not in pids  # the work ran on the workers
    with pytest.raises(RuntimeError):  # closed with the block, like a pool batch_pool started
        warm.submit(int)


def test_a_prestarted_pool_of_another_size_is_left_and_discarded():
    workers.prestart(2)
    warm = workers._warm[1]
    with workers.batch_pool(3) as pool_id:
        assert workers._pools[pool_id] is not warm
    assert workers._warm is not None  # still waiting: discard_warm closes it
    workers.prestart(2)  # a second prestart while one waits starts nothing new
    assert workers._warm[1] is warm
    workers.discard_warm()
    assert workers._warm is None
    with pytest.raises(RuntimeError):
        warm.submit(int)


def _collector_state() -> tuple[tuple[int, int, int], int]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_workers_collect_young_objects_rarely_and_never_scan_the_preloaded_modules():
    """The workers' collector settings (batch/_worker_init.py); the caller's own stay Python's."""
    import gc

    with workers.batch_pool(2) as pool_id:
        threshold, frozen = workers.run(pool_id, _collector_state)
    assert threshold == (50_000, 20, 10)
    assert frozen > 10_000  # pandas, pyarrow, pandera and the classifier's tables, frozen
    assert gc.get_threshold() != threshold


def test_workers_run_this_processs_code_not_the_current_directorys(tmp_path, monkeypatch):
    """Python 3.11's fork server imports its preload with the current directory first on the path:
    run from a folder holding another ``factsieve`` (a second checkout), the workers ran that
    folder's code. They must run the code this process imports."""
    from multiprocessing import forkserver

    import factsieve

    fake = tmp_path / "factsieve"
    (fake / "batch").mkdir(parents=True)
    (fake / "__init__.py").write_text("OTHER_CHECKOUT = True\n")
    (fake / "batch" / "__init__.py").write_text("")
    (fake / "batch" / "_worker_init.py").write_text("OTHER_CHECKOUT = True\n")
    forkserver._forkserver._stop()  # a fork server started by an earlier test would be reused
    monkeypatch.chdir(tmp_path)
    environment = dict(os.environ)
    try:
        with workers.batch_pool(2) as pool_id:
            package = workers.run(pool_id, eval, "__import__('factsieve').__file__")
            preloaded = workers.run(
                pool_id, eval, "__import__('sys').modules['factsieve.batch._worker_init'].__file__"
            )
    finally:
        forkserver._forkserver._stop()
    assert package == factsieve.__file__
    assert not preloaded.startswith(str(tmp_path))
    assert dict(os.environ) == environment  # set for the fork server's start only


def test_no_pool_for_one_worker():
    workers.prestart(1)
    assert workers._warm is None
    with workers.batch_pool(1) as pool_id:
        assert pool_id is None
        assert workers.run(pool_id, os.getpid) == os.getpid()


def _files(*sizes: int) -> list[InputFile]:
    return [InputFile(f"file:///raw/{i}.jsonl", s, None, rel=f"{i}.jsonl") for i, s in enumerate(sizes)]


def test_expected_pool_follows_batches_and_cores():
    mb = 1 << 20
    assert _expected_pool(_files(3 * mb), 8 * mb, 2000, 0) == 1  # one batch: the flow runs it inline
    assert _expected_pool(_files(20 * mb), 8 * mb, 2000, 2) == 2
    assert _expected_pool(_files(20 * mb), 8 * mb, 2000, 1) == 1  # --workers 1
    assert _expected_pool(_files(*[100] * 5), 8 * mb, 2, 4) == 3  # capped by files per batch


def test_ctrl_c_while_the_pool_warms_up_is_no_traceback_and_leaves_no_warm_pool(tmp_path):
    # Ctrl-C in a run's start-up: the CLI's handler calls terminate_all, which kills the fork
    # server while the prestart thread waits for it to fork a worker. That printed "Exception
    # in thread factsieve-pool-prestart ... EOFError: unexpected EOF" under the one-line
    # "stopped by SIGINT". A preload that takes 3 s holds the fork server in its imports, so
    # terminate_all lands at that point every time. In a child process: the fork server and
    # its preload list are global to a process.
    (tmp_path / "slow_preload.py").write_text("import time\n\ntime.sleep(3)\n")
    script = (
        "import threading, time\n"
        "from factsieve.batch import workers\n"
        "workers.PRELOAD = ['slow_preload']\n"
        "workers.prestart(2)\n"
        "time.sleep(1)\n"
        "workers.terminate_all()\n"
        "[t.join(60) for t in threading.enumerate() if t.name == 'factsieve-pool-prestart']\n"
        "print('warm left:', workers._warm is not None)\n"
    )
    # PYTHONPATH, not sys.path: the fork server is a new interpreter and must find the module.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "warm left: False" in done.stdout  # batch_pool will start a fresh pool, not take this one
