"""What a one-file run with the temporary server skips (issue #19, start-up round 5): the
database migration check on a database factsieve recorded at head (flows/server_process.py) and
Prefect's flow-run heartbeats (flows/cli.py). Real SQLite files, real Prefect servers and runs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flows import server, server_process
from tests.conftest import RAW, REPO, factsieve

VERSION = "3.8.8"
HEAD = "a3b9c7d2e5f1"


def sqlite_url(home: Path) -> str:
    return f"sqlite+aiosqlite:///{home}/prefect.db"


def make_db(path: Path, revision: str | None) -> None:
    """A SQLite database whose ``alembic_version`` is ``revision`` (no such table with None)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE flow_run (id TEXT PRIMARY KEY)")
        if revision is not None:
            conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
            conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    conn.close()


@pytest.fixture
def recorded(tmp_path) -> Path:
    """A home whose default database is at HEAD and recorded so by an earlier start."""
    make_db(tmp_path / "prefect.db", HEAD)
    server_process.record_head(tmp_path, sqlite_url(tmp_path), VERSION)
    return tmp_path


def test_a_recorded_database_at_the_same_head_and_version_skips(recorded):
    marker = json.loads((recorded / server_process.MARKER_NAME).read_text(encoding="utf-8"))
    assert marker == {"database": str(recorded / "prefect.db"), "prefect": VERSION, "alembic": HEAD}
    assert server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)


def test_a_fresh_home_migrates(tmp_path):
    assert not server_process.can_skip_migrations(tmp_path, sqlite_url(tmp_path), VERSION)
    assert not (tmp_path / "prefect.db").exists()  # the check creates nothing
    make_db(tmp_path / "prefect.db", HEAD)  # a database no start of ours recorded
    assert not server_process.can_skip_migrations(tmp_path, sqlite_url(tmp_path), VERSION)


def test_another_prefect_version_migrates(recorded):
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), "3.9.0")


def test_a_replaced_or_deleted_database_migrates(recorded):
    db = recorded / "prefect.db"
    db.unlink()
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)
    make_db(db, "0f1e2d3c4b5a")  # an older revision put in its place
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)
    db.unlink()
    make_db(db, None)  # no alembic_version at all
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)
    db.unlink()
    db.write_bytes(b"not a database, whatever its name says")
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)


def test_another_database_url_migrates_and_is_never_recorded(recorded, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    make_db(elsewhere / "prefect.db", HEAD)
    for url in (
        f"sqlite+aiosqlite:///{elsewhere}/prefect.db",  # a SQLite file outside the home
        "postgresql+asyncpg://prefect:secret@db.example:5432/prefect",
        None,
    ):
        assert not server_process.can_skip_migrations(recorded, url, VERSION), url
    before = (recorded / server_process.MARKER_NAME).read_text(encoding="utf-8")
    server_process.record_head(recorded, f"sqlite+aiosqlite:///{elsewhere}/prefect.db", "3.9.0")
    assert (recorded / server_process.MARKER_NAME).read_text(encoding="utf-8") == before


def test_a_damaged_marker_migrates(recorded):
    (recorded / server_process.MARKER_NAME).write_text("{half a rec", encoding="utf-8")
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)
    (recorded / server_process.MARKER_NAME).write_text(json.dumps(["a", "list"]), encoding="utf-8")
    assert not server_process.can_skip_migrations(recorded, sqlite_url(recorded), VERSION)


def _start(home: Path, monkeypatch, **env: str) -> tuple[str, dict]:
    """Start and stop a real temporary server in ``home``; its output and the marker after."""
    monkeypatch.setenv("PREFECT_HOME", str(home))
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    s = server.TemporaryServer.start()
    try:
        s.wait(timeout=240)
        import httpx

        # The API works on the database it found: a query over a table the migrations create.
        assert httpx.post(f"{s.api_url}/flow_runs/filter", json={}, timeout=30).status_code == 200
        out = s.log_tail()
    finally:
        s.stop()
    marker = home / server_process.MARKER_NAME
    return out, json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else {}


@pytest.mark.slow
def test_real_servers_migrate_a_fresh_home_then_skip_then_migrate_a_deleted_database(tmp_path, monkeypatch):
    import prefect

    home = tmp_path / "home"
    out, marker = _start(home, monkeypatch)
    assert server_process.SKIP_NOTE not in out
    revision = server_process.alembic_revision(home / "prefect.db")
    assert revision and marker == {
        "database": str(home / "prefect.db"),
        "prefect": prefect.__version__,
        "alembic": revision,
    }

    out, _ = _start(home, monkeypatch)
    assert server_process.SKIP_NOTE in out

    for name in ("prefect.db", "prefect.db-wal", "prefect.db-shm"):
        (home / name).unlink(missing_ok=True)
    out, marker = _start(home, monkeypatch)
    assert server_process.SKIP_NOTE not in out  # migrated: the query above found its tables
    assert marker["alembic"] == server_process.alembic_revision(home / "prefect.db") == revision

    # Another database (a SQLite file outside the home): migrated, never recorded.
    other = tmp_path / "other.db"
    out, after = _start(home, monkeypatch, PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{other}")
    assert server_process.SKIP_NOTE not in out and server_process.alembic_revision(other) == revision
    assert after == marker


def test_heartbeats_are_off_for_a_temporary_server_only(monkeypatch):
    from prefect.settings import get_current_settings

    from flows.cli import _run_settings

    default = get_current_settings().flows.heartbeat_frequency
    temporary = server.TemporaryServer("http://127.0.0.1:9/api", proc=None)  # type: ignore[arg-type]
    with _run_settings(temporary):
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == default
    with _run_settings(server.RunningServer()):
        assert get_current_settings().flows.heartbeat_frequency == default is not None


@pytest.mark.slow
def test_a_run_on_the_temporary_server_is_recorded_without_heartbeats(tmp_path):
    """The flow run, its task runs and its state events are in the temporary server's database
    (what the UI shows); no heartbeat event is: nobody outlives the server to watch them."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), FACTSIEVE_NO_WARM="1")
    res = factsieve("run", str(RAW / "news"), "--out", str(tmp_path / "out"), "--json", env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    with sqlite3.connect(f"{(home / 'prefect.db').as_uri()}?mode=ro", uri=True) as conn:
        flow_runs = [state for (state,) in conn.execute("SELECT state_type FROM flow_run")]
        tasks = {name.rsplit("-", 1)[0] for (name,) in conn.execute("SELECT name FROM task_run")}
        events = dict(conn.execute("SELECT event, count(*) FROM events GROUP BY event").fetchall())
    conn.close()
    assert flow_runs == ["COMPLETED"]
    assert {"discover", "ingest-clean-segment-classify", "great-expectations", "publish", "report"} <= tasks
    assert events.get("prefect.flow-run.Completed") == 1, events  # events were persisted...
    assert "prefect.flow-run.heartbeat" not in events  # ...and no heartbeat among them


def test_the_temporary_server_starts_before_the_heavy_imports(tmp_path):
    """The server's start-up is the longest path of a small run: it is started before this
    process imports pandas, pandera or Prefect (they used to come first, ~1 s). A server that
    cannot start is one line and exit 1."""
    script = (
        "import json, sys\n"
        "from flows import cli, server\n"
        "def start(cls):\n"
        "    seen = {m: m in sys.modules for m in ('pandas', 'pandera', 'prefect', 'pyarrow')}\n"
        "    print(json.dumps(seen), flush=True)\n"
        "    raise server.ServerError('no server in this test')\n"
        "server.TemporaryServer.start = classmethod(start)\n"
        f"sys.exit(cli.main(['run', {str(RAW / 'news')!r}, '--out', {str(tmp_path / 'out')!r}, '--cold']))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "home"), FACTSIEVE_NO_SUPERVISOR="1")
    res = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 1, res.stderr[-2000:]
    assert json.loads(res.stdout.splitlines()[0]) == dict.fromkeys(
        ("pandas", "pandera", "prefect", "pyarrow"), False
    )
    assert res.stderr.strip() == "factsieve: error: ServerError: no server in this test"
    assert not (tmp_path / "out").exists()
