"""A gzip JSON Lines file larger than a batch is streamed into parts (factsieve.ingest.read.
split_gzip_parts): the parts give the records reading the file whole gives, a file far beyond
max_file_bytes is read instead of rejected, and the bomb guard is a ratio of the compressed size."""

from __future__ import annotations

import gzip
import json
import os
import random

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

SENTENCES = [
    "The central bank held its main rate at 5.25 percent on Thursday, the fourth hold in a row.",
    "Dock workers in Valparaiso ended a nine-day strike after the port agreed to raise night pay.",
    "Officials said the rail contract vote passed with 62 percent of members in favour.",
    "The ministry said grain exports rose 8 percent in March from a year earlier.",
    "Analysts expect the council to approve the transport budget when it meets next week.",
]


def _feed(n: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        rec = {"title": f"Brief {i}", "text": " ".join(rng.choices(SENTENCES, k=rng.randint(2, 9)))}
        if i % 3:  # some records have an id, the others are keyed by line number
            rec["id"] = f"w-{i}"
        lines.append(json.dumps(rec, ensure_ascii=False))
    lines.insert(40, "")  # a blank line: line numbers after it must stay right
    lines.insert(90, "{not json")  # a bad line: its reject keeps its line number
    return ("\n".join(lines) + "\n").encode("utf-8")


def _input(path) -> InputFile:
    return InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)


def _read_parts(parts: list[InputFile], limits: IngestLimits):
    docs, rejects, taken = [], [], set()
    for p in parts:
        r = read.read_input(p, limits, taken if p.is_part else None)
        docs += [(d.record_key, d.title, d.text) for d in r.docs]
        rejects += [(x.record_key, x.reason) for x in r.rejects]
        taken.update(d.record_key for d in r.docs)
    return docs, rejects


@pytest.mark.parametrize("name", ["feed.jsonl.gz", "feed.json.gz"])
def test_parts_of_a_gzip_feed_give_the_records_of_the_whole_file(tmp_path, name):
    body = _feed(300)
    path = tmp_path / name
    path.write_bytes(gzip.compress(body))
    whole = _read_parts([_input(path)], IngestLimits())
    spool = tmp_path / "spool"
    parts = splitting.split_gzip_parts(_input(path), 4096, IngestLimits(), spool)
    assert len(parts) > 5 and all(p.is_part and p.uri == str(path) for p in parts)
    assert sum(p.size for p in parts) == len(body)  # every byte, once
    assert _read_parts(parts, IngestLimits()) == whole
    assert len(whole[0]) == 300 and whole[1] == [("line:91", codes.MALFORMED_JSON)]
    assert {p.format for p in read.read_input(parts[0], IngestLimits()).docs} == {read.format_of_name(name)}


def test_a_gzip_feed_beyond_max_file_bytes_is_read_in_parts_not_rejected(tmp_path):
    body = _feed(300)
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(body))
    small = IngestLimits(max_file_bytes=len(body) // 4)
    assert [x.reason for x in read.read_input(_input(path), small).rejects] == [codes.TOO_LARGE]  # read whole
    parts = splitting.split_gzip_parts(_input(path), 4096, small, tmp_path / "spool")
    docs, _ = _read_parts(parts, small)
    assert len(docs) == 300


def test_a_bomb_stops_at_the_ratio_and_leaves_no_spool(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    line = json.dumps({"text": "x" * 1000}).encode() + b"\n"
    path.write_bytes(gzip.compress(line * 20_000))  # 20 MB from ~60 KB: ratio ~300
    spool = tmp_path / "spool"
    limits = IngestLimits(max_file_bytes=1_000_000, max_gzip_ratio=50)
    [one] = splitting.split_gzip_parts(_input(path), 65536, limits, spool)
    [rej] = read.read_input(one, limits).rejects
    assert rej.reason == codes.TOO_LARGE and "max_gzip_ratio" in rej.detail
    assert not spool.exists() or not any(spool.rglob("*"))
    # a higher ratio lets the same file through
    assert len(splitting.split_gzip_parts(_input(path), 65536, IngestLimits(max_gzip_ratio=1000), spool)) > 1


def test_damaged_gzip_is_one_binary_reject(tmp_path):
    data = gzip.compress(_feed(300))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    [one] = splitting.split_gzip_parts(_input(path), 4096, IngestLimits(), tmp_path / "spool")
    [rej] = read.read_input(one, IngestLimits()).rejects
    assert rej.reason == codes.BINARY and "does not decompress" in rej.detail
    assert not any((tmp_path / "spool").rglob("*.jsonl"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("small.jsonl.gz", _feed(1)),  # one part: read whole as before, nothing spooled
        (
            "pretty.json.gz",
            json.dumps(
                {
                    "articles": json.loads(
                        "[" + ",".join(json.dumps({"text": s}) for s in SENTENCES * 40) + "]"
                    )
                },
                indent=2,
            ).encode(),
        ),
        (
            "latin.jsonl.gz",
            "\n".join(
                json.dumps({"text": "Caf\u00e9 " + s}, ensure_ascii=False) for s in SENTENCES * 40
            ).encode("cp1252"),
        ),
        ("story.txt.gz", (" ".join(SENTENCES) + "\n").encode() * 200),
    ],
)
def test_files_that_must_be_read_whole_are_not_streamed(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    spool = tmp_path / "spool"
    assert splitting.split_gzip_parts(_input(path), 1024, IngestLimits(), spool) == [_input(path)]
    assert not spool.exists() or not os.listdir(spool)
