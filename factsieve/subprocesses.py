"""Helper processes a command starts (a temporary Prefect server, the GX checker): stopping one
and reading the end of its captured output. Standard library only: used before heavy imports."""

from __future__ import annotations

import os
import subprocess
from typing import IO


def stop(proc: subprocess.Popen, grace: float = 0.0, timeout: float = 10.0) -> None:
    """Give ``proc`` ``grace`` seconds to end by itself, then SIGTERM, then SIGKILL after ``timeout``."""
    try:
        proc.wait(timeout=grace)
        return
    except subprocess.TimeoutExpired:
        proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def tail(log: IO[bytes], limit: int) -> str:
    """The last ``limit`` bytes written to ``log`` (a binary file open for reading), decoded."""
    log.flush()
    size = log.seek(0, os.SEEK_END)
    log.seek(max(0, size - limit))
    return log.read().decode("utf-8", errors="replace").strip()
