"""gzip-compressed inputs (``.txt.gz``, ``.jsonl.gz``, ``.json.gz``, and gzip data under a plain
name) are read in blocks with a cap on what they expand to; a decompression bomb, a truncated
stream and archives are rejects that say what they are. The raw file is never changed."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import zipfile

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)
RECORDS = [{"id": f"cc-{i}", "title": f"Bus plan {i}", "text": STORY + f"Update {i}."} for i in range(3)]


def _read(tmp_path, name: str, data: bytes, **limits) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data)
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    res = ingest.read_input(InputFile(str(p), len(data), p.stat().st_mtime, rel=name), IngestLimits(**limits))
    assert hashlib.sha256(p.read_bytes()).hexdigest() == before  # only read
    return res


@pytest.mark.parametrize(
    ("name", "content", "fmt", "n"),
    [
        ("story.txt.gz", STORY.encode("cp1252"), "text", 1),
        ("crawl.jsonl.gz", "".join(json.dumps(r) + "\n" for r in RECORDS).encode(), "jsonl", 3),
        ("api.json.gz", json.dumps({"articles": RECORDS}).encode(), "json", 3),
        (
            "page.html.gz",
            f"<html><body><article><p>{STORY * 3}</p></article></body></html>".encode(),
            "html",
            1,
        ),
        # gzip under a plain name (a download saved without its .gz), and a .gz whose content a
        # browser already decompressed: the content decides
        ("story.txt", STORY.encode(), "text", 1),
        ("plain.jsonl.gz", None, "jsonl", 3),
    ],
)
def test_gzip_inputs_are_read_as_their_content(tmp_path, name, content, fmt, n):
    if content is None:  # not compressed at all
        data = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
    else:
        data = gzip.compress(content, mtime=0)
    res = _read(tmp_path, name, data)
    assert not res.rejects and len(res.docs) == n
    assert {d.format for d in res.docs} == {fmt}
    assert all(STORY.strip()[:40] in d.text for d in res.docs)


def test_multi_member_gzip_is_read_whole(tmp_path):
    # `cat a.gz b.gz > c.gz` is valid gzip; gunzip reads both members
    data = gzip.compress(json.dumps(RECORDS[0]).encode() + b"\n") + gzip.compress(
        json.dumps(RECORDS[1]).encode() + b"\n"
    )
    assert [d.record_key for d in _read(tmp_path, "joined.jsonl.gz", data).docs] == ["cc-0", "cc-1"]


def test_a_decompression_bomb_stops_at_the_cap(tmp_path):
    bomb = gzip.compress(b"A" * (20 * 1024 * 1024), compresslevel=9)  # 20 MB from ~20 KB
    assert len(bomb) < 64 * 1024
    res = _read(tmp_path, "bomb.txt.gz", bomb, max_file_bytes=4 * 1024 * 1024)
    [rej] = res.rejects
    assert rej.reason == codes.TOO_LARGE and "decompression bomb" in rej.detail and "4,194,304" in rej.detail


def test_truncated_gzip_is_a_binary_reject_that_says_so(tmp_path):
    data = gzip.compress(("".join(json.dumps(r) + "\n" for r in RECORDS) * 50).encode())
    [rej] = _read(tmp_path, "cut.jsonl.gz", data[: len(data) // 2]).rejects
    assert rej.reason == codes.BINARY and "truncated or damaged" in rej.detail


def _tar_gz() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("story.txt")
        info.size = len(STORY)
        tar.addfile(info, io.BytesIO(STORY.encode()))
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("story.txt", STORY)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("corpus.tar.gz", _tar_gz(), "a gzip-compressed tar archive: archives are not read"),
        ("corpus.tgz", _tar_gz(), "a gzip-compressed tar archive"),
        ("corpus.zip", _zip(), "a zip archive: archives are not read"),
        ("data.yaml.gz", gzip.compress(b"a:\n  b: 1\n"), "gzip of a '.yaml' file: no reader for it"),
        ("blob.gz", gzip.compress(STORY.encode()), "gzip of a 'no extension' file"),
    ],
)
def test_archives_and_unknown_compressed_files_are_rejects_naming_them(tmp_path, name, data, says):
    [rej] = _read(tmp_path, name, data).rejects
    assert rej.reason == codes.UNSUPPORTED_FORMAT and says in rej.detail
