"""Compressed inputs (``.txt.gz``, ``.jsonl.gz``, ``.json.gz``, ``.jsonl.bz2``, ``.jsonl.xz``,
``.jsonl.zst``, and such data under a plain name) are read in blocks with a cap on what they expand
to; a decompression bomb, a truncated stream and unread archives (7-Zip, RAR) are rejects that say
what they are. The raw file is never changed. zip and tar: tests/ingest/test_archives.py."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import json
import lzma

import pytest
import zstandard

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


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        (
            "corpus.7z",
            b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(40),
            "a 7-Zip archive: not read (zip and tar archives are",
        ),
        ("corpus.rar", b"Rar!\x1a\x07\x01\x00" + bytes(40), "a RAR archive: not read"),
        ("data.yaml.gz", gzip.compress(b"a:\n  b: 1\n"), "gzip of a '.yaml' file: no reader for it"),
        ("data.yaml.zst", zstandard.compress(b"a:\n  b: 1\n"), "zstd of a '.yaml' file: no reader for it"),
        ("blob.gz", gzip.compress(STORY.encode()), "gzip of a 'no extension' file"),
    ],
)
def test_unread_archives_and_unknown_compressed_files_are_rejects_naming_them(tmp_path, name, data, says):
    [rej] = _read(tmp_path, name, data).rejects
    assert rej.reason == codes.UNSUPPORTED_FORMAT and says in rej.detail


_COMPRESS = {
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda b: zstandard.ZstdCompressor(level=3).compress(b),
}


@pytest.mark.parametrize("suffix", list(_COMPRESS))
def test_bz2_xz_and_zstd_are_read_like_gzip(tmp_path, suffix):
    lines = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
    pack = _COMPRESS[suffix]
    res = _read(tmp_path, f"enwiki-news.jsonl{suffix}", pack(lines))
    assert [d.record_key for d in res.docs] == ["cc-0", "cc-1", "cc-2"] and not res.rejects
    # a cp1252 story under a plain .txt name: the content decides, then the decoder
    [doc] = _read(tmp_path, "story.txt", pack(STORY.replace("said", "said \u2013").encode("cp1252"))).docs
    assert "said \u2013" in doc.text and doc.encoding == "cp1252"
    # several streams or frames joined with cat are read whole, as bunzip2, xz and zstd do
    joined = pack(lines[:200]) + pack(lines[200:])
    assert len(_read(tmp_path, f"joined.jsonl{suffix}", joined).docs) == 3
    bomb = _read(
        tmp_path, f"bomb.txt{suffix}", pack(b"A" * (6 * 1024 * 1024)), max_file_bytes=4 * 1024 * 1024
    )
    [rej] = bomb.rejects
    assert rej.reason == codes.TOO_LARGE and "decompression bomb" in rej.detail
    cut = pack(lines * 40)
    [rej] = _read(tmp_path, f"cut.jsonl{suffix}", cut[: len(cut) // 2]).rejects
    assert rej.reason == codes.BINARY and "truncated or damaged" in rej.detail


@pytest.mark.parametrize("suffix", list(_COMPRESS))
def test_large_bz2_xz_and_zstd_json_lines_are_streamed_into_parts(tmp_path, suffix):
    from factsieve.ingest import parts as splitting

    records = [{"id": f"w-{i}", "title": f"Brief {i}", "text": STORY + f"Item {i}."} for i in range(400)]
    p = tmp_path / f"pile-00.jsonl{suffix}"
    p.write_bytes(_COMPRESS[suffix]("".join(json.dumps(r) + "\n" for r in records).encode()))
    inp = InputFile(str(p), p.stat().st_size, None, rel=p.name)
    found = splitting.split_gzip_parts(inp, 8192, IngestLimits(), tmp_path / "spool")
    assert len(found) > 5 and all(f.is_part for f in found)
    keys = [d.record_key for part in found for d in ingest.read_input(part).docs]
    assert keys == [d.record_key for d in ingest.read_input(inp).docs] == [r["id"] for r in records]
