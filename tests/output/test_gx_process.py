"""The GX checker process (factsieve.output.gx_process): the same checks as in-process, run in a
process of its own; a dead checker is a failed outcome, never a hang; an unused one goes away.
Also: the stored suites are replaced only when the expectations change (factsieve.output.checks)."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from factsieve.output import gx_process
from factsieve.output.checks import CRITICAL, GxBounds, run_checks
from tests.conftest import RAW
from tests.output.test_report import write_run

RUN = "20240301T000000Z-dddddd"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write_run(RAW, tmp_path_factory.mktemp("gx-process-sample"), RUN)


@pytest.fixture(autouse=True)
def no_warm_checker_left():
    yield
    gx_process.discard()


def _comparable(outcome) -> list[dict]:
    return json.loads(outcome.detail_json())


def test_checker_process_gives_the_in_process_outcome(sample, tmp_path):
    bounds = GxBounds(max_reject_rate=0.1)  # one warning fails: the outcome is not trivially "passed"
    here = run_checks(sample, tmp_path / "here", RUN, bounds)
    gx_process.prestart()
    checker = gx_process._warm
    there = gx_process.run_checks(sample, tmp_path / "there", RUN, bounds)
    assert there.status == here.status == "warning"
    assert _comparable(there) == _comparable(here)
    assert (
        there.docs_path
        == tmp_path / "there" / "reports" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    )
    assert there.docs_path.exists()
    # The checker defers scipy and altair (gx_process.LAZY_PACKAGES); its Data Docs have the same pages.
    pages = [
        sorted(p.relative_to(o.docs_path.parent).parts[:2] for p in o.docs_path.parent.rglob("*.html"))
        for o in (here, there)
    ]
    assert pages[0] == pages[1] and len(pages[0]) > 5
    assert checker.proc.returncode == 0  # it answered and ended
    assert gx_process._warm is None  # used once


def test_without_a_checker_the_checks_run_in_this_process(sample, tmp_path):
    assert gx_process._warm is None
    outcome = gx_process.run_checks(sample, tmp_path, RUN, GxBounds())
    assert outcome.status == "passed"


def test_a_dead_checker_is_a_failed_outcome_with_its_reason(sample, tmp_path):
    gx_process.prestart()
    checker = gx_process._warm
    os.kill(checker.proc.pid, signal.SIGKILL)
    checker.proc.wait(timeout=30)
    started = time.monotonic()
    outcome = gx_process.run_checks(sample, tmp_path, RUN, GxBounds())
    assert time.monotonic() - started < 30
    assert outcome.status == "failed"
    [result] = outcome.results
    assert result["severity"] == CRITICAL and not result["success"]
    assert f"ended with code {-signal.SIGKILL}" in result["reason"], result


def test_a_checker_nobody_asks_ends_when_discarded(tmp_path):
    gx_process.prestart()
    checker = gx_process._warm
    gx_process.discard()
    assert checker.proc.poll() is not None
    assert gx_process._warm is None


def test_changed_bounds_replace_the_stored_suite_and_back(sample, tmp_path):
    suites = tmp_path / "reports" / "gx" / "expectations"
    assert run_checks(sample, tmp_path, RUN).status == "passed"
    written = {p.name: p.stat().st_mtime_ns for p in suites.glob("*.json")}
    assert len(written) == 5
    # Unchanged expectations: the stored suites are used as they are.
    assert run_checks(sample, tmp_path, RUN).status == "passed"
    assert {p.name: p.stat().st_mtime_ns for p in suites.glob("*.json")} == written
    # A changed bound applies at once, and changing it back applies too.
    strict = run_checks(sample, tmp_path, RUN, GxBounds(max_reject_rate=0.1))
    assert strict.status == "warning"
    assert run_checks(sample, tmp_path, RUN).status == "passed"
