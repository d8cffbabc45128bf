"""Files that are never read or cannot be read (a link out of RAW, a FIFO, a dangling link) have no
mtime or content hash; a rerun over the same RAW must still find them unchanged, not reprocess
them every time, and must notice when one changes."""

from __future__ import annotations

import os
import sys

import pytest

from factsieve.ingest import manifest
from factsieve.ingest.manifest import Entry
from factsieve.ingest.sources import discover

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="FIFOs and links: Linux")


def _previous(files) -> dict[str, Entry]:
    """What a committed first run over ``files`` left in the manifest."""
    first = manifest.plan(files, {})
    t = manifest.table(first.to_process, first.hashes, "run-1").to_pydict()
    return {
        u: Entry(s, m, h, "run-1")
        for u, s, m, h in zip(t["uri"], t["size"], t["mtime"], t["content_hash"], strict=True)
    }


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(
        "The council approved the budget on Friday, officials said.\n", encoding="utf-8"
    )
    secret = tmp_path / "secret.txt"
    secret.write_text("never read", encoding="utf-8")
    (raw / "link-out.txt").symlink_to(secret)
    (raw / "dangling.txt").symlink_to(raw / "nowhere.txt")
    os.mkfifo(raw / "fifo.txt")
    return raw


def test_a_rerun_finds_refused_and_unreadable_files_unchanged(raw):
    files = discover(raw)
    again = manifest.plan(discover(raw), _previous(files))
    assert not again.new and not again.changed and len(again.unchanged) == 4


def test_a_link_pointed_elsewhere_or_a_dangling_link_that_resolves_is_changed(raw, tmp_path):
    previous = _previous(discover(raw))
    other = tmp_path / "other.txt"
    other.write_text("also outside", encoding="utf-8")
    (raw / "link-out.txt").unlink()
    (raw / "link-out.txt").symlink_to(other)
    (raw / "nowhere.txt").write_text("Now the link resolves, the minister said.\n", encoding="utf-8")
    again = manifest.plan(discover(raw), previous)
    assert sorted(f.rel for f in again.changed) == ["dangling.txt", "link-out.txt"]
    assert [f.rel for f in again.new] == ["nowhere.txt"]


def test_a_link_into_proc_self_is_described_without_the_pid(tmp_path):
    # realpath gives /proc/<pid>/environ, a new pid every run: the reject's detail and the
    # manifest's stand-in hash changed each time, so the link was reprocessed on every rerun
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "environ.txt").symlink_to("/proc/self/environ")
    [f] = discover(raw)
    assert f.refused == "outside_raw"
    assert "/proc/self/environ" in f.refused_detail and str(os.getpid()) not in f.refused_detail
