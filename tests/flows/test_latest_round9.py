"""Round 9 of the latest view (docs/OPERATIONS.md, "Latest view, round 9 probe"): the same input
folder named in other ways, renamed, or reached through a link, and dedup settings changed between
runs — each through the real CLI (`factsieve run` in a subprocess) and checked against a run from
scratch over the folder as it is (tests/output/latest_checks.py).

On main a84761a the URIs were the path as given: a run over `/abs/raw` after one over `raw` found
every file new and could not remove the old names (outside its RAW), so every document was live
twice; a renamed RAW left its old names live for good; a changed `[dedup]` setting failed the run
with exit 1 after the whole batch stage."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from factsieve.ingest import manifest
from factsieve.ingest.sources import discover
from factsieve.output import publish
from tests.conftest import REPO
from tests.output.latest_checks import compare, view
from tests.output.latest_raw_folder import build_raw

pytestmark = pytest.mark.slow


def factsieve_run(raw: str, out: Path, cwd: Path, *extra: str) -> tuple[int, dict, str]:
    """``factsieve run RAW --out OUT --json`` from the folder ``cwd`` (RAW as a user typed it), on
    the session's Prefect API; the exit code, the summary and standard error."""
    from prefect.settings import PREFECT_API_URL

    env = {
        **os.environ,
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_HOME": str(REPO / ".prefect"),
        "PYTHONPATH": str(REPO),
    }
    p = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", raw, "--out", str(out), "--json", *extra],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )
    summary = json.loads(p.stdout) if p.stdout.strip().startswith("{") else {}
    return p.returncode, summary, p.stderr


def _ok(result: tuple[int, dict, str], status: str = "succeeded") -> dict:
    rc, summary, err = result
    assert rc == 0 and summary.get("status") == status, (rc, summary.get("status"), err[-800:])
    return summary


def _same_as_fresh(out: Path, raw: Path, work: Path, name: str) -> None:
    """The view of ``out`` is what a run from scratch over ``raw`` (by its absolute path) gives,
    each document once; the arrival order is one run, as every test here changes only names."""
    rc, _, err = factsieve_run(str(raw), work / name, work)
    assert rc == 0, err[-800:]
    inc, fresh = view(out), view(work / name)
    assert inc["documents"]["doc_id"].is_unique
    assert set(inc["documents"]["source_uri"]) | set(inc["rejects"]["source_uri"]) <= {
        str(p) for p in raw.rglob("*") if p.is_file() or p.is_symlink()
    }
    assert compare(inc, fresh, dict.fromkeys(inc["documents"]["doc_id"], 0)) == []


@pytest.fixture
def work(tmp_path) -> Path:
    build_raw(REPO / "raw", tmp_path / "raw", newer_formats=True)
    (tmp_path / "raw" / "news" / "deep").mkdir()
    return tmp_path


def test_the_same_folder_named_four_ways_is_one_set_of_inputs(prefect_harness, work):
    """`raw` from its parent, `./raw/`, the absolute path and `../../raw` from inside it: the first
    run reads, the others find nothing changed, and the view holds each document once. No run
    writes into RAW: every file's bytes and mtime are as before."""

    def snapshot() -> dict:
        files = sorted((work / "raw").rglob("*"))
        return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.is_file()}

    before = snapshot()
    out = work / "out"
    first = _ok(factsieve_run("raw", out, work))
    assert first["new_files"] >= 20
    for raw, cwd in (
        ("./raw/", work),
        (str(work / "raw"), work / "raw"),
        ("../../raw", work / "raw" / "news"),
    ):
        again = _ok(factsieve_run(raw, out, cwd), "unchanged")
        assert again["new_files"] == again["removed_files"] == 0, raw
    docs = view(out)["documents"]
    assert docs["doc_id"].is_unique and docs["source_uri"].str.startswith(str(work / "raw") + "/").all()
    _same_as_fresh(out, work / "raw", work, "fresh")
    assert snapshot() == before


def test_a_renamed_input_folder_leaves_no_old_names_behind(prefect_harness, work):
    """`mv raw raw-2024-06`, then a run over the new name: the old names are removed (their files
    are found here, same inodes), the documents are live once, under the new names."""
    out = work / "out"
    first = _ok(factsieve_run("raw", out, work))
    os.rename(work / "raw", work / "raw-2024-06")
    moved = _ok(factsieve_run("raw-2024-06", out, work))
    assert moved["removed_files"] == moved["new_files"] == first["input_files"]
    _same_as_fresh(out, work / "raw-2024-06", work, "fresh")
    _ok(factsieve_run("raw-2024-06", out, work), "unchanged")
    # the old names are tombstoned in the manifest: nothing outside the new folder is live
    live = manifest.load(out, publish.committed_run_ids(out))
    assert all(u.startswith(str(work / "raw-2024-06") + "/") for u in live)


def test_a_folder_reached_through_a_link_and_by_its_real_path_is_live_once(prefect_harness, work):
    """RAW renamed with a link left at the old name (`raw -> snapshot-1`), then run by its real
    name: the same folder entries, so the link's names leave and the real ones are read."""
    out = work / "out"
    _ok(factsieve_run("raw", out, work))
    os.rename(work / "raw", work / "snapshot-1")
    os.symlink("snapshot-1", work / "raw")
    _ok(factsieve_run("raw", out, work), "unchanged")  # the link keeps its name: same inputs
    real = _ok(factsieve_run(str(work / "snapshot-1"), out, work))
    assert real["removed_files"] == real["new_files"] >= 20
    _same_as_fresh(out, work / "snapshot-1", work, "fresh")


def test_two_folders_feeding_one_output_still_keep_each_others_inputs(prefect_harness, work):
    """What the new rule must not do: a run over folder B does not remove folder A's inputs, not
    even a file A lost (B never saw it; A's next run removes it)."""
    out = work / "out"
    other = work / "other"
    other.mkdir()
    (other / "harbour.txt").write_text(
        "Harbour pilots end strike after pay deal\nPilots at the port of Acajutla returned to work on "
        "Monday after the port authority agreed to raise their pay by 9 percent, the union said.\n",
        encoding="utf-8",
    )
    _ok(factsieve_run("raw", out, work))
    (work / "raw" / "news" / "2024-05-02-rail-contract-vote.txt").unlink()
    b = _ok(factsieve_run("other", out, work))
    assert b["removed_files"] == 0 and b["new_files"] == 1

    def live(name: str) -> bool:  # by the end of the URI: main a84761a wrote them as typed
        return view(out)["documents"]["source_uri"].str.endswith(name).any()

    assert live("other/harbour.txt") and live("raw/news/2024-05-02-rail-contract-vote.txt")
    a = _ok(factsieve_run("raw", out, work))
    assert a["removed_files"] == 1
    assert live("other/harbour.txt") and not live("raw/news/2024-05-02-rail-contract-vote.txt")


def test_relative_uris_an_earlier_release_recorded_are_replaced_by_absolute_ones(tmp_path, monkeypatch):
    """A manifest written before URIs were absolute holds `raw/…` (relative to the folder the run
    was started from). A run from that folder finds the same entries and removes the old names;
    from elsewhere they are left alone (they name other files there)."""
    raw = tmp_path / "raw"
    (raw / "news").mkdir(parents=True)
    (raw / "news" / "a.txt").write_text("The council met on Monday and approved the plan.\n")
    monkeypatch.chdir(tmp_path)
    files = discover("raw")
    assert [f.uri for f in files] == [str(raw / "news" / "a.txt")]
    old = manifest.Entry(files[0].size, files[0].mtime, "h", "run-1")
    plan = manifest.plan(files, {"raw/news/a.txt": old}, manifest.in_scope("raw"))
    assert plan.removed == ["raw/news/a.txt"] and [f.uri for f in plan.new] == [files[0].uri]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    plan = manifest.plan(files, {"raw/news/a.txt": old}, manifest.in_scope(str(raw)))
    assert plan.removed == []


def test_a_changed_dedup_setting_is_refused_before_any_work(prefect_harness, work):
    """The dedup state holds signatures made under the first run's [dedup] settings; a run under
    others used to read and classify every new file, then fail in dedup with exit 1 and a
    traceback-length line. Now: exit 2 at once, one line naming the setting, nothing written."""
    out = work / "out"
    _ok(factsieve_run("raw", out, work))
    (work / "raw" / "news" / "added.txt").write_text(
        "Ministry extends school repair deadline\nThe Ministry of Education said on Tuesday that "
        "contractors would have until October to finish repairs at 80 schools, officials said.\n",
        encoding="utf-8",
    )
    cfg = work / "strict.toml"
    cfg.write_text("[dedup]\nthreshold = 0.5\n", encoding="utf-8")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    rc, summary, err = factsieve_run("raw", out, work, "--config", str(cfg))
    assert rc == 2 and summary == {}
    line = err.strip().splitlines()[-1]
    assert "threshold" in line and "0.5" in line and "--out" in line and "Traceback" not in err
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    # under the state's settings the run goes on and reads the new file
    assert _ok(factsieve_run("raw", out, work))["new_files"] == 1
    assert len(pd.read_parquet(out / "runs")) == 2


def _zip_with_a_shifted_directory(path: Path, members: dict[str, str], shift: int) -> None:
    """A zip whose end record says its central directory starts ``shift`` bytes later than it
    does (a damaged or badly concatenated archive): zipfile then places every member ``shift``
    bytes early, the first one before the start of the file."""
    import io
    import struct
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    data = bytearray(buf.getvalue())
    end = data.rindex(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, end + 16)
    struct.pack_into("<I", data, end + 16, offset + shift)
    path.write_bytes(bytes(data))


def test_a_zip_with_a_damaged_directory_is_a_reject_not_a_failed_run(prefect_harness, tmp_path):
    """Found by mutating the probe's inputs: a member placed before the start of its zip made the
    seek fail with EINVAL, which the archive reader took for the disk's error; the batch was
    retried for 26 s and the run ended with exit 1, nothing published. Now each member is a
    reject, the other files are documents and the run succeeds."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REPO / "raw" / "news" / "2024-03-12-el-salvador-talks.txt", raw / "talks.txt")
    _zip_with_a_shifted_directory(
        raw / "bundle.zip",
        {
            "coffee.txt": "Coffee council raises harvest forecast\nThe council raised its forecast on Monday.\n",
            "bridge.txt": "Bridge reopens after repairs\nThe ministry reopened the bridge on Wednesday.\n",
        },
        shift=109,
    )
    summary = _ok(factsieve_run("raw", tmp_path / "out", tmp_path))
    t = view(tmp_path / "out")
    assert list(t["documents"]["source_uri"]) == [str(raw / "talks.txt")]
    members = t["rejects"].set_index("record_key")
    assert sorted(members.index) == ["bridge.txt", "coffee.txt"]
    assert members.loc["coffee.txt", "detail"].startswith("a damaged member (OSError")
    assert summary["rejects"] == 2
    _ok(factsieve_run("raw", tmp_path / "out", tmp_path), "unchanged")
