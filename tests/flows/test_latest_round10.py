"""Round 10 of the latest view (docs/OPERATIONS.md, "Hostile records, round 10"): round 9's two
leftovers, through the real CLI and checked against a run from scratch over the folder as it is.

On main 0280ee7 a RAW named once as a path and once as a ``file://`` URL was one set of inputs, but
each switch read the whole folder again (the URIs differed by the scheme); and a folder copied
(``cp -r``: new inodes, new mtimes) whose original was then deleted left every old name live
beside the copy's, each document twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsieve.ingest import manifest
from factsieve.ingest.sources import as_local, discover
from factsieve.output import publish
from tests.conftest import REPO
from tests.flows.test_latest_round9 import _ok, _same_as_fresh, factsieve_run
from tests.output.latest_checks import view
from tests.output.latest_raw_folder import build_raw

pytestmark = pytest.mark.slow


@pytest.fixture
def work(tmp_path) -> Path:
    build_raw(REPO / "raw", tmp_path / "raw", newer_formats=True)
    return tmp_path


def test_a_path_and_its_file_url_are_the_same_inputs(prefect_harness, work):
    """`raw`, then `file:///…/raw`, then the plain path again: the second and third runs find
    nothing new or changed (main read every file again at each switch)."""
    out = work / "out"
    first = _ok(factsieve_run("raw", out, work))
    assert first["new_files"] >= 20
    url = _ok(factsieve_run(f"file://{work / 'raw'}", out, work), "unchanged")
    assert url["new_files"] == url["changed_files"] == url["removed_files"] == 0
    back = _ok(factsieve_run(str(work / "raw"), out, work), "unchanged")
    assert back["new_files"] == back["removed_files"] == 0
    docs = view(out)["documents"]
    assert docs["doc_id"].is_unique and docs["source_uri"].str.startswith(str(work / "raw") + "/").all()
    _same_as_fresh(out, work / "raw", work, "fresh")


def test_a_copied_folder_whose_original_is_deleted_leaves_no_old_names(prefect_harness, work):
    """`cp -r raw raw-copy && rm -r raw`, then a run over the copy: the old names are removed (their
    files are gone, and the copy has each one's name and bytes), each document is live once."""
    out = work / "out"
    first = _ok(factsieve_run("raw", out, work))
    shutil.copytree(work / "raw", work / "raw-copy", copy_function=shutil.copyfile)  # new mtimes too
    shutil.rmtree(work / "raw")
    copied = _ok(factsieve_run("raw-copy", out, work))
    assert copied["removed_files"] == copied["new_files"] == first["input_files"]
    _same_as_fresh(out, work / "raw-copy", work, "fresh")
    live = manifest.load(out, publish.committed_run_ids(out))
    assert all(u.startswith(str(work / "raw-copy") + "/") for u in live)
    _ok(factsieve_run("raw-copy", out, work), "unchanged")


def test_a_copy_beside_its_original_or_a_vanished_folder_keeps_the_old_names(tmp_path):
    """What the copy rule must not remove: the original's names while the original is still there
    (two folders may feed one output), nor names that vanished with no copy of theirs in this run
    (an unmounted disk)."""
    raw = tmp_path / "a"
    raw.mkdir()
    (raw / "one.txt").write_text("The council met on Monday and approved the harbour plan.\n")
    (raw / "two.txt").write_text("Pilots at the port returned to work after a pay deal.\n")
    shutil.copytree(raw, tmp_path / "b", copy_function=shutil.copyfile)
    old = {f.uri: manifest.Entry(f.size, f.mtime, manifest._hash_or_blank(f), "run-1") for f in discover(raw)}
    b = discover(tmp_path / "b")
    assert manifest.plan(b, old, manifest.in_scope(tmp_path / "b")).removed == []  # original still there
    (raw / "one.txt").unlink()
    (tmp_path / "b" / "two.txt").unlink()
    (raw / "two.txt").unlink()
    b = discover(tmp_path / "b")
    plan = manifest.plan(b, old, manifest.in_scope(tmp_path / "b"))
    assert plan.removed == [str(raw / "one.txt")]  # two.txt vanished with no copy here: stays


def test_file_urls_are_plain_paths():
    assert as_local("file:///data/raw") == "/data/raw"
    assert as_local("/data/raw") == "/data/raw"
    assert as_local("s3://bucket/raw") == "s3://bucket/raw"
    assert manifest.in_scope("file:///data/raw")("/data/raw/a.txt")
