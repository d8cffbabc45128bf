"""The temporary Prefect server's own process (started by flows/server.py as a script, not
imported by the CLI): Prefect's API application under uvicorn, as Prefect runs it, without the
database migration check on a database factsieve has already seen at head.

Why: on every start Prefect's server runs Alembic's upgrade to head (``run_migrations`` in
``prefect.server.api.server``), which loads every migration script to learn that there is
nothing to do: ~0.5 CPU-s of the temporary server's start, and a one-file run waits for that
start. The check is skipped only when all of this holds, else the server migrates as always:

- the database is Prefect's default SQLite file in its home (``sqlite+aiosqlite:///HOME/prefect.db``,
  resolved by Prefect's own settings: environment, profile, prefect.toml) — never another URL;
- a marker in the home (``factsieve-database.json``), written by this script after a start whose
  migrations succeeded, names the same database file and the same Prefect version;
- the file's ``alembic_version`` (read with sqlite3, read-only) is the revision the marker recorded:
  a deleted, replaced or downgraded database migrates.

Same Prefect version means the same migration head, so a database recorded at that head needs no
upgrade. A write of the marker that fails leaves the next start migrating (the safe side).
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    # Run as a file: its folder (flows/) is first on sys.path; nothing here should shadow a
    # top-level module the server imports.
    del sys.path[0]

import argparse
import contextlib
import json
import os
import sqlite3
from pathlib import Path

MARKER_NAME = "factsieve-database.json"
# The line the server writes to its output when it skips the check (its output goes to the
# temporary file flows/server.py keeps; tests read it).
SKIP_NOTE = "factsieve: database at the recorded head; migration check skipped"


def alembic_revision(db: Path) -> str | None:
    """The ``alembic_version`` of the SQLite file ``db``; None when it is missing or unreadable.
    Read-only: a missing file is not created."""
    if not db.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    return rows[0][0] if len(rows) == 1 else None


def default_database(home: Path, url: str | None) -> Path | None:
    """The SQLite file when ``url`` is Prefect's default database in ``home``, else None."""
    db = home / "prefect.db"
    return db if url == f"sqlite+aiosqlite:///{home}/prefect.db" else None


def _read_marker(home: Path) -> dict:
    try:
        rec = json.loads((home / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return rec if isinstance(rec, dict) else {}


def can_skip_migrations(home: Path, url: str | None, prefect_version: str) -> bool:
    """True only when the database is the default SQLite file in ``home`` and the marker
    records this file, this Prefect version and the revision the file is at now."""
    db = default_database(home, url)
    if db is None:
        return False
    rec = _read_marker(home)
    revision = alembic_revision(db)
    return (
        revision is not None
        and rec.get("database") == str(db)
        and rec.get("prefect") == prefect_version
        and rec.get("alembic") == revision
    )


def record_head(home: Path, url: str | None, prefect_version: str) -> None:
    """After a start whose migrations ran: record the default database's revision (now Prefect's
    head) for the next start. Nothing is recorded for another database."""
    db = default_database(home, url)
    revision = alembic_revision(db) if db is not None else None
    if revision is None:
        return
    rec = {"database": str(db), "prefect": prefect_version, "alembic": revision}
    tmp = home / f".{MARKER_NAME}.{os.getpid()}.tmp"
    with contextlib.suppress(OSError):  # not recorded: the next start migrates, as Prefect would
        tmp.write_text(json.dumps(rec), encoding="utf-8")
        tmp.replace(home / MARKER_NAME)  # readers never see a half-written marker
    tmp.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Prefect's API server for one factsieve run")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    import prefect
    import uvicorn
    from prefect.settings import (
        PREFECT_API_DATABASE_MIGRATE_ON_START,
        get_current_settings,
        temporary_settings,
    )

    settings = get_current_settings()
    home = Path(settings.home)
    url = settings.server.database.connection_url
    url = url.get_secret_value() if url is not None else None
    skip = settings.server.database.migrate_on_start and can_skip_migrations(home, url, prefect.__version__)

    class Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            # Prefect's lifespan (migrations included) has run when uvicorn marks the server
            # started; a failed lifespan leaves it unstarted and records nothing.
            await super().startup(sockets=sockets)
            if self.started and not skip and settings.server.database.migrate_on_start:
                record_head(home, url, prefect.__version__)

    config = uvicorn.Config(
        "prefect.server.api.server:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        log_level="error",
        lifespan="on",
    )
    # The setting through Prefect's own override (validated like any profile value); the server's
    # event loop runs in this context, so its lifespan reads it.
    updates = {PREFECT_API_DATABASE_MIGRATE_ON_START: False} if skip else {}
    with temporary_settings(updates=updates):
        if skip:
            print(SKIP_NOTE, file=sys.stderr, flush=True)
        Server(config).run()


if __name__ == "__main__":
    main()
