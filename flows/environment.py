"""Prefect's environment defaults, in one place: the CLI, the tests and the benchmarks set them
before Prefect is imported (Prefect reads its settings at import)."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def default_prefect_home() -> Path:
    """``.prefect`` in the project when run from a checkout, else in the working directory
    (an installed wheel has no project folder to keep state in)."""
    root = PROJECT_ROOT if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd()
    return root / ".prefect"


def set_prefect_defaults(env: MutableMapping[str, str] | None = None, home: Path | None = None) -> None:
    """Keep Prefect's state in ``home`` (default_prefect_home()), its telemetry off and its
    logging to warnings; a variable already set wins. ``env`` defaults to os.environ (pass
    a dict to prepare a child process's environment)."""
    env = os.environ if env is None else env
    env.setdefault("PREFECT_HOME", str(home or default_prefect_home()))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary server takes 11-23 s to start on a busy 2-core machine (and creates its
    # database on the first start in a fresh home); Prefect's 20 s default made runs fail
    # with "Timed out while attempting to connect".
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
