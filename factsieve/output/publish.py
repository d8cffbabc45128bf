"""Crash-safe output: a lock, a staging area, and a publish step readers never see half-done.

Layout of the output folder::

    output/<table>/part-<run_id>.parquet   one file per run per table (documents, sentences,
                                           duplicates, rejects, runs)
    output/_state/dedup/<run_id>/          dedup index after that run (read by the next run)
    output/_state/manifest/part-<run_id>.parquet  inputs the run processed or found removed
    output/_state/changes/part-<run_id>.parquet   documents the run removed or replaced
    output/_state/latest/<run_id>/<table>/  the live rows as of that run (factsieve.output.latest)
    output/latest -> _state/latest/<run_id>  symlink to the newest committed run's version
    output/_staging/<run_id>/               a run in progress (never read by anyone)
    output/.lock                            held (flock) by the run in progress

Commit protocol: every file is written and fsynced in staging, then moved into place
with ``os.replace`` (atomic on one filesystem), then the run's latest view is built
(from the history parts just moved, hard-linking what did not change) and moved into
place, then the runs file: the commit point. A run exists for readers once its runs row
exists. A crash before that leaves files that the next run removes in ``recover`` — so
the next run produces exactly what an uninterrupted run would have. Right after the
commit the ``latest`` symlink is swapped to the new version (one atomic rename); a crash
between the commit and the swap is finished by the next run (factsieve.output.latest.ensure). Folders starting with "_" or "." are skipped by pyarrow, DuckDB and Polars
dataset readers.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas

DATA_TABLES = ("documents", "sentences", "duplicates", "rejects")
COMMIT_TABLE = "runs"
ZSTD_LEVEL = 3
ROW_GROUP_ROWS = 64 * 1024
LATEST_LINK = "latest"
# Versions of the latest view kept besides the current one: a reader that resolved the link just
# before a swap still finds its files for the length of a run.
KEEP_LATEST_VERSIONS = 1


class OutputLocked(Exception):
    """Another run holds the output folder."""


def part_name(run_id: str) -> str:
    return f"part-{run_id}.parquet"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write and fsync one Parquet file (zstd)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(
        table, path, compression="zstd", compression_level=ZSTD_LEVEL, row_group_size=ROW_GROUP_ROWS
    )
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


class StagedTable:
    """One Parquet file in staging, written batch by batch (one row group per batch or more).

    Lets the flow write each batch's rows as they arrive instead of holding a whole run
    in memory; the file only becomes visible to readers when ``publish`` moves it.
    """

    def __init__(self, path: Path, schema: pa.Schema, compression: str = "zstd"):
        self.path = path
        self.schema = schema
        self.rows = 0
        # "none" only for files the flow reads back and writes again (factsieve.batch.staged).
        self.compression = compression
        self._writer: pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            level = ZSTD_LEVEL if self.compression == "zstd" else None
            self._writer = pq.ParquetWriter(
                self.path, self.schema, compression=self.compression, compression_level=level
            )
        if table.num_rows:
            self._writer.write_table(table.cast(self.schema), row_group_size=ROW_GROUP_ROWS)
            self.rows += table.num_rows

    def close(self) -> Path:
        if self._writer is None:
            write_parquet(self.schema.empty_table(), self.path)
        else:
            self._writer.close()
            with open(self.path, "rb") as fh:
                os.fsync(fh.fileno())
        return self.path


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[Path]:
    """Hold an exclusive lock on ``out`` for the duration of a run.

    flock is released by the kernel when the process dies, so a crashed run never
    leaves a stale lock behind; the file only carries who holds it, for the message.
    """
    out.mkdir(parents=True, exist_ok=True)
    lock_path = out / ".lock"
    fh = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown holder"
            raise OutputLocked(
                f"another factsieve run is writing to {out} ({holder}); try again when it ends"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                }
            )
        )
        fh.flush()
        yield lock_path
    finally:
        fh.close()


def committed_run_ids(out: Path | str) -> list[str]:
    """Run ids with a runs file, oldest first (run ids sort by start time)."""
    runs_dir = Path(out) / COMMIT_TABLE
    if not runs_dir.is_dir():
        return []
    return sorted(p.name[len("part-") : -len(".parquet")] for p in runs_dir.glob("part-*.parquet"))


@dataclass(slots=True)
class Recovery:
    removed_staging: list[str]
    removed_parts: list[str]


def recover(out: Path) -> Recovery:
    """Remove what a crashed run left: staging folders and parts of uncommitted runs."""
    removed_staging: list[str] = []
    staging = out / "_staging"
    if staging.is_dir():
        for d in sorted(staging.iterdir()):
            shutil.rmtree(d, ignore_errors=True)
            removed_staging.append(d.name)
    committed = set(committed_run_ids(out))
    removed_parts: list[str] = []
    for table in DATA_TABLES:
        tdir = out / table
        if not tdir.is_dir():
            continue
        for p in sorted(tdir.glob("part-*.parquet")):
            if p.name[len("part-") : -len(".parquet")] not in committed:
                p.unlink()
                removed_parts.append(f"{table}/{p.name}")
    state_root = out / "_state"
    if state_root.is_dir():
        for kind in sorted(p for p in state_root.iterdir() if p.is_dir()):
            for entry in sorted(kind.iterdir()):
                run_id = entry.name.removeprefix("part-").removesuffix(".parquet")
                if run_id not in committed:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink()
                    removed_parts.append(f"_state/{kind.name}/{entry.name}")
    return Recovery(removed_staging, removed_parts)


def staging_dir(out: Path, run_id: str) -> Path:
    d = out / "_staging" / run_id
    d.mkdir(parents=True, exist_ok=True)
    return d


def latest_dedup_state(out: Path, upto: str | None = None) -> Path | None:
    """The dedup state of the newest committed run (up to run ``upto``) that has one."""
    for run_id in reversed(committed_run_ids(out)):
        if upto is not None and run_id > upto:
            continue
        d = out / "_state" / "dedup" / run_id
        if d.is_dir():
            return d
    return None


def crash_point(name: str) -> None:
    """Die like a SIGKILL at a named point when FACTSIEVE_CRASH_AT names it.

    Only the crash-safety tests set the variable; it lets them kill a real run at
    exact points of the commit protocol instead of guessing with timers.
    """
    if os.environ.get("FACTSIEVE_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def publish(
    out: Path,
    run_id: str,
    tables: dict[str, pa.Table | Path],
    dedup_state: Path | None = None,
    state_tables: dict[str, pa.Table] | None = None,
    build_latest: Callable[[Path], object] | None = None,
) -> dict[str, Path]:
    """Stage every table, then move them into place, the runs table last.

    A table is an Arrow table (written to staging here) or the Path of a file already
    written and closed in this run's staging folder (see ``StagedTable``).

    ``state_tables`` maps a state kind (e.g. "manifest") to a table written as
    output/_state/<kind>/part-<run_id>.parquet and committed with the run.

    ``build_latest(folder)`` writes the run's latest view into a new folder once every other file
    is in place; it is committed with the run and ``output/latest`` points at it after the commit.
    """
    stage = staging_dir(out, run_id)
    staged: dict[str, Path] = {}
    for name in (*DATA_TABLES, COMMIT_TABLE):
        table = tables[name]
        if isinstance(table, Path):
            staged[name] = table
            continue
        path = stage / name / part_name(run_id)
        write_parquet(table, path)
        staged[name] = path
    for kind, table in (state_tables or {}).items():
        write_parquet(table, stage / "_state" / kind / part_name(run_id))
    crash_point("staged")
    final: dict[str, Path] = {}
    for name in DATA_TABLES:
        dest = out / name / part_name(run_id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged[name], dest)
        fsync_dir(dest.parent)
        final[name] = dest
        crash_point(f"published-{name}")
    for kind in state_tables or {}:
        dest = out / "_state" / kind / part_name(run_id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / "_state" / kind / part_name(run_id), dest)
    if dedup_state is not None and dedup_state.is_dir():
        dest_state = out / "_state" / "dedup" / run_id
        dest_state.parent.mkdir(parents=True, exist_ok=True)
        os.replace(dedup_state, dest_state)
    if build_latest is not None:
        build_latest(stage / "latest")
        crash_point("latest-built")
        dest_latest = latest_versions(out) / run_id
        dest_latest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / "latest", dest_latest)
        fsync_dir(dest_latest.parent)
    crash_point("before-commit")
    dest = out / COMMIT_TABLE / part_name(run_id)
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged[COMMIT_TABLE], dest)  # the commit point
    fsync_dir(dest.parent)
    final[COMMIT_TABLE] = dest
    crash_point("committed")
    if build_latest is not None:
        point_latest(out, run_id)
        final[LATEST_LINK] = out / LATEST_LINK
    shutil.rmtree(stage, ignore_errors=True)
    return final


def latest_versions(out: Path) -> Path:
    return out / "_state" / "latest"


def point_latest(out: Path, run_id: str) -> None:
    """Swap output/latest to run_id's version with one rename (readers see the old or the new
    link, never none), then drop versions older than the ones kept."""
    tmp = out / f".latest-{run_id}.tmp"  # a dot name: never read as data
    tmp.unlink(missing_ok=True)
    # relative, so the output folder can be moved or mounted elsewhere
    os.symlink(os.path.join("_state", "latest", run_id), tmp)
    os.replace(tmp, out / LATEST_LINK)
    fsync_dir(out)
    versions = sorted(p.name for p in latest_versions(out).iterdir() if p.is_dir())
    older = [v for v in versions if v < run_id]
    for v in older[: max(0, len(older) - KEEP_LATEST_VERSIONS)]:
        shutil.rmtree(latest_versions(out) / v, ignore_errors=True)


def read_table(out: Path, table: str, run_id: str | None = None) -> pa.Table:
    """Read a table's committed parts (optionally one run's), never a staging file."""
    committed = committed_run_ids(out)
    if run_id is not None:
        committed = [r for r in committed if r == run_id]
    paths = [out / table / part_name(r) for r in committed if (out / table / part_name(r)).exists()]
    if not paths:
        return schemas.arrow_schema(table).empty_table()
    # Parts written before a column was added lack it: read as nulls there (schema evolution).
    return pa.concat_tables([pq.read_table(p) for p in paths], promote_options="default")
