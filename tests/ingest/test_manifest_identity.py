"""Change detection by stat identity: a local file is unchanged only if its size, mtime_ns, inode,
device and ctime_ns are all as recorded, so the changes that keep size and mtime (a swap of two
same-size files with their mtimes put back, an edit in place that restores the mtime, ``cp -p``,
a hard link to another file) are seen; a change of stat alone costs a hash, not a re-read, and a
refresh row, so it costs it once. A manifest written before these columns works: its files are
hashed once, none is reprocessed."""

from __future__ import annotations

import dataclasses
import os
import shutil

import fsspec
import pyarrow.parquet as pq
import pytest

from factsieve.ingest import manifest, sources
from factsieve.ingest.sources import discover

RAIL = "Rail union backs the new contract, officials said on Friday.\n"
PORT = "Port of Acajutla expansion approved by lawmakers on Tuesday.\n"  # same length as RAIL
MTIME_NS = 1_717_400_000_123_456_789


@pytest.fixture
def trusted_now(monkeypatch):
    """Trust a ctime from the moment the file is written (by default one younger than 2 s is
    hashed again next run, sources._RACY_NS): these tests change files right after a run."""
    monkeypatch.setattr(sources, "_RACY_NS", 0)


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    assert len(RAIL) == len(PORT)
    for name, text in (("rail.txt", RAIL), ("port.txt", PORT), ("budget.txt", "Assembly approves budget.\n")):
        (raw / name).write_text(text, encoding="utf-8")
        os.utime(raw / name, ns=(MTIME_NS, MTIME_NS))
    return raw


class Runs:
    """Commits manifest parts the way the flow does (plan, then table with the refresh rows) and
    counts the content hashes each plan computes."""

    def __init__(self, out, raw, monkeypatch):
        self.out, self.raw, self.committed, self.hashed = out, raw, [], []
        real = manifest.content_hash

        def counting(inp):
            self.hashed.append(inp.name)
            return real(inp)

        monkeypatch.setattr(manifest, "content_hash", counting)

    def plan(self) -> manifest.Plan:
        self.hashed.clear()
        return manifest.plan(discover(self.raw), manifest.load(self.out, self.committed))

    def commit(self, p: manifest.Plan, drop: tuple[str, ...] = ()) -> None:
        run_id = f"run-{len(self.committed) + 1}"
        t = manifest.table(p.to_process, p.hashes, run_id, p.removed, refreshed=p.refreshed).drop(list(drop))
        root = manifest.manifest_root(self.out)
        root.mkdir(parents=True, exist_ok=True)
        pq.write_table(t, root / f"part-{run_id}.parquet")
        self.committed.append(run_id)


@pytest.fixture
def runs(tmp_path, raw, monkeypatch):
    r = Runs(tmp_path / "out", raw, monkeypatch)
    r.commit(r.plan())
    return r


def _changed(p: manifest.Plan) -> dict[str, str]:
    return {os.path.basename(u): why for u, why in p.reasons.items()}


def test_an_unchanged_folder_is_not_hashed(trusted_now, runs):
    p = runs.plan()
    assert (len(p.unchanged), p.to_process, runs.hashed, p.refreshed) == (3, [], [], [])


def test_two_same_size_files_swapped_with_their_mtimes_put_back_are_both_changed(trusted_now, raw, runs):
    os.rename(raw / "rail.txt", raw / "swap.tmp")
    os.rename(raw / "port.txt", raw / "rail.txt")
    os.rename(raw / "swap.tmp", raw / "port.txt")
    for name in ("rail.txt", "port.txt"):
        os.utime(raw / name, ns=(MTIME_NS, MTIME_NS))
    p = runs.plan()
    assert _changed(p) == {"rail.txt": "content_changed", "port.txt": "content_changed"}
    assert (raw / "rail.txt").stat().st_size == len(RAIL)  # size and mtime as recorded


def test_an_edit_in_place_that_keeps_size_and_mtime_is_changed(trusted_now, raw, runs):
    with open(raw / "rail.txt", "r+b") as fh:  # same inode, same length
        fh.write(RAIL.replace("Friday", "Monday").encode())
    os.utime(raw / "rail.txt", ns=(MTIME_NS, MTIME_NS))  # as rsync -t or touch -r leave it
    assert _changed(runs.plan()) == {"rail.txt": "content_changed"}


def test_cp_p_over_a_file_and_a_hard_link_to_another_file_are_changed(trusted_now, raw, runs):
    shutil.copy2(raw / "port.txt", raw / "rail.txt")  # cp -p: the bytes and the mtime of port.txt
    os.unlink(raw / "budget.txt")
    os.link(raw / "port.txt", raw / "budget.txt")
    p = runs.plan()
    assert _changed(p) == {"rail.txt": "content_changed", "budget.txt": "content_changed"}
    # port.txt's link count, hence its ctime, changed: hashed, same bytes, refreshed
    assert [f.name for f in p.unchanged] == ["port.txt"]
    assert [f.name for f, _ in p.refreshed] == ["port.txt"]


def test_a_touch_or_chmod_costs_one_hash_and_then_none(trusted_now, raw, runs):
    os.utime(raw / "rail.txt")  # touch
    os.chmod(raw / "port.txt", 0o600)
    p = runs.plan()
    assert (p.to_process, sorted(runs.hashed)) == ([], ["port.txt", "rail.txt"])
    assert sorted(f.name for f, _ in p.refreshed) == ["port.txt", "rail.txt"]
    runs.commit(p)
    live = manifest.load(runs.out, runs.committed)
    # the refresh rows keep the rows of run-1 live: the bytes were processed there
    assert {e.run_id for e in live.values()} == {"run-1"}
    again = runs.plan()
    assert (again.to_process, runs.hashed, again.refreshed) == ([], [], [])


def test_a_manifest_without_the_stat_columns_is_hashed_once_and_nothing_reprocessed(
    trusted_now, tmp_path, raw, monkeypatch
):
    old = Runs(tmp_path / "old", raw, monkeypatch)
    # The columns main wrote before the stat identity (504dbdb: uri ... settings).
    old.commit(old.plan(), drop=(*manifest._IDENTITY, "readers"))  # and the readers column (round 8)
    assert pq.read_schema(manifest.manifest_root(old.out) / "part-run-1.parquet").names == [
        "uri",
        "size",
        "mtime",
        "content_hash",
        "run_id",
        "removed",
        "settings",
    ]
    (raw / "rail.txt").write_text(PORT, encoding="utf-8")  # and one real change meanwhile
    os.utime(raw / "rail.txt", ns=(MTIME_NS, MTIME_NS))
    p = old.plan()
    assert _changed(p) == {"rail.txt": "content_changed"}
    assert sorted(old.hashed) == ["budget.txt", "port.txt", "rail.txt"]
    assert sorted(f.name for f, _ in p.refreshed) == ["budget.txt", "port.txt"]
    old.commit(p)
    after = old.plan()
    assert (after.to_process, old.hashed) == ([], [])


def test_a_ctime_younger_than_the_listing_margin_is_not_trusted(raw, tmp_path, monkeypatch):
    """A same-size edit in the clock tick after a run read the file would keep every stat field
    (git's racy-clean case): a fresh ctime is recorded as unknown and the next run hashes."""
    (raw / "new.txt").write_text(RAIL, encoding="utf-8")
    [fresh] = [f for f in discover(raw) if f.name == "new.txt"]
    assert fresh.inode is not None and fresh.ctime_ns is None
    r = Runs(tmp_path / "out", raw, monkeypatch)
    r.commit(r.plan())
    [entry] = [e for u, e in manifest.load(r.out, r.committed).items() if u.endswith("new.txt")]
    assert entry.ctime_ns is None and entry.inode == fresh.inode
    p = r.plan()
    assert "new.txt" in r.hashed and not p.to_process


@pytest.mark.parametrize(
    ("info", "tag"),
    [
        (
            {"name": "b/a.jsonl", "size": 9, "ETag": '"9b2cf535f27731c974343645a3985328"'},
            'ETag="9b2cf535f27731c974343645a3985328"',
        ),
        ({"name": "b/a.jsonl", "size": 9, "ETag": '"x"', "VersionId": "3HL4kqtJl"}, "VersionId=3HL4kqtJl"),
        (
            {"name": "b/a.jsonl", "size": 9, "generation": "1717400000123456", "md5Hash": "m"},
            "generation=1717400000123456",
        ),
        ({"name": "b/a.jsonl", "size": 9, "created": 1717400000.0}, ""),
    ],
    ids=["s3", "s3-versioned", "gcs", "memory"],
)
def test_an_object_store_listing_gives_its_version_tag(info, tag):
    assert sources._object_tag(info) == tag


def test_an_object_whose_tag_changed_is_hashed_and_one_whose_tag_stayed_is_not(monkeypatch):
    fs = fsspec.filesystem("memory")
    fs.pipe({"/tags/raw/a.txt": RAIL.encode(), "/tags/raw/b.txt": PORT.encode()})
    files = discover("memory:///tags/raw")
    assert all(f.inode is None and f.etag == "" for f in files)  # memory:// lists no tag
    tagged = [dataclasses.replace(f, etag=f'ETag="{f.name}-1"') for f in files]
    first = manifest.plan(tagged, {})
    previous = {
        r["uri"]: manifest.Entry(r["size"], r["mtime"], r["content_hash"], "run-1", etag=r["etag"])
        for r in manifest.table(first.to_process, first.hashes, "run-1").to_pylist()
    }
    hashed = []
    real = manifest.content_hash
    monkeypatch.setattr(manifest, "content_hash", lambda inp: hashed.append(inp.name) or real(inp))
    same = manifest.plan(tagged, previous)
    assert (same.to_process, hashed) == ([], [])
    # b re-uploaded with the same bytes (a new ETag): hashed, unchanged, refreshed
    retagged = [tagged[0], dataclasses.replace(tagged[1], etag='ETag="b.txt-2"')]
    p = manifest.plan(retagged, previous)
    assert (p.to_process, hashed, [f.etag for f, _ in p.refreshed]) == ([], ["b.txt"], ['ETag="b.txt-2"'])
