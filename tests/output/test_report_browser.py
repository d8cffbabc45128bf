"""Open the report in headless Chromium, offline: the SVG plots render and the console stays clean.

Needs Debian's /usr/bin/chromium (scripts/install-chromium.sh installs it when run as root);
skips with the reason when it is absent.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from factsieve.output import report
from tests.output.test_report import raw_with_xss, write_run

CHROMIUM = os.environ.get("FACTSIEVE_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)),
    reason=f"{CHROMIUM} not found: install it with scripts/install-chromium.sh (as root) to run the browser test",
)


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(tmp)}
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def report_page(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    out = tmp / "out"
    write_run(raw_with_xss(tmp), out, "20240401T000000Z-dddddd")
    return report.build_report(out)


def test_report_renders_offline_with_svg_and_no_console_errors(report_page, tmp_path):
    url = report_page.resolve().as_uri()
    proc = _chromium(
        tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", url
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert "<main>" in dom and 'id="drift"' in dom
    assert len(re.findall(r"<svg class=\"chart\"", dom)) >= 5
    assert "<rect" in dom
    # the document that contains a script tag shows it as text; nothing executed or injected
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "<script" not in dom
    console = [ln for ln in proc.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert not console, console
    blocked = [ln for ln in proc.stderr.splitlines() if "net::ERR" in ln or "Failed to load resource" in ln]
    assert not blocked, blocked


def test_report_screenshot_is_not_blank(report_page, tmp_path):
    shot = tmp_path / "report.png"
    proc = _chromium(
        tmp_path, "--window-size=1200,2400", f"--screenshot={shot}", report_page.resolve().as_uri()
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page is a few KB


def test_console_error_would_be_caught(tmp_path):
    """The check above can fail: a page with a script error produces a console line."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction()</script></body></html>")
    proc = _chromium(
        tmp_path,
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=2000",
        "--dump-dom",
        page.resolve().as_uri(),
    )
    assert any("CONSOLE" in ln or "Uncaught" in ln for ln in proc.stderr.splitlines()), proc.stderr[-2000:]
