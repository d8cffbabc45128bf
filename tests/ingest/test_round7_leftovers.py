"""Round 7's leftovers (docs/INGEST.md "Round 7's leftovers"): a spurious `empty` row for a large
archive whose first part held only passed-over members, a tar gzipped under a plain `.gz` name, and
records whose text is only in an HTML field."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from tests.ingest.corpus_builders import ARTICLES, bbc_story
from tests.ingest.test_hostile_round7 import _parts_match_whole


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.stat().st_size, None, rel=path.name), limits)


def _stories(n: int) -> dict[str, str]:
    return {
        f"news/{i:03d}.txt": bbc_story(f"{ARTICLES[i % 4][0]} ({i})", ARTICLES[i % 4][1]) for i in range(n)
    }


# Passed over: a hidden editor folder's files, large enough to fill the first part on their own.
_HIDDEN = {f".cache/scratch-{i}.txt": "scratch notes, not a story " * 400 for i in range(4)}


def _tar(path: Path, files: dict[str, str]) -> None:
    with tarfile.open(path, "w") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1_700_000_000
            tar.addfile(info, io.BytesIO(data))


# --- 1. No reject row for what is not lost --------------------------------------------------------


@pytest.mark.parametrize("kind", ["tar", "zip"])
def test_a_first_part_of_only_passed_over_members_writes_no_row(tmp_path, kind):
    """Parts are read apart: the first part, holding only hidden files, said "an archive with no
    file to read" though its later parts held 12 stories."""
    files = {**_HIDDEN, **_stories(12)}
    path = tmp_path / f"news.{kind}"
    if kind == "tar":
        _tar(path, files)
    else:
        with zipfile.ZipFile(path, "w") as z:
            for name, text in files.items():
                z.writestr(name, text)
    cut = _parts_match_whole(path)
    assert len(cut) >= 3
    first = ingest.read_input(cut[0])
    assert not first.docs and not first.rejects and first.skipped["hidden file"] >= 1
    whole = _read(path)
    assert len(whole.docs) == 12 and not whole.rejects


def test_an_archive_of_only_passed_over_members_in_parts_still_says_so(tmp_path):
    path = tmp_path / "drafts.tar"
    _tar(path, {**_HIDDEN, **{f"drafts/{k}": v for k, v in _stories(6).items()}})
    limits = IngestLimits(exclude=("drafts",))
    cut = splitting.split_parts(InputFile(str(path), path.stat().st_size, None, rel=path.name), 8192)
    assert len(cut) >= 3
    got = [ingest.read_input(p, limits) for p in cut]
    rows = [(r.reason, r.detail) for res in got for r in res.rejects]
    assert not any(res.docs for res in got)
    # one row, the first part's, naming what that part held (the parts are read apart)
    assert rows == [(codes.EMPTY, "an archive with no file to read (it holds 1 hidden file)")]
    # the later parts' members are counted where they are read
    assert sum(res.skipped["excluded (--exclude)"] for res in got) == 6


def test_a_refused_member_in_a_later_part_is_the_archives_row(tmp_path):
    """A later part that only refuses (an unsafe name) writes that row: the first part says nothing."""
    path = tmp_path / "news.tar"
    _tar(path, {**_HIDDEN, "../../etc/evil.txt": "x" * 9000})
    cut = splitting.split_parts(InputFile(str(path), path.stat().st_size, None, rel=path.name), 8192)
    got = [ingest.read_input(p) for p in cut]
    assert [r.reason for res in got for r in res.rejects] == [codes.UNSAFE_MEMBER]
