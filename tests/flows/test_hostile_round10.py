"""Hostile input, round 10 (docs/INGEST.md "Round 9's leftovers, done", "Hostile input, round 10"),
through the real CLI: a folder of the classes the round reads now or names (a zip whose UTF-8 flag
lies, lz4 after a skippable frame, JSON with comments, Feather v1, MIND's news.tsv, a WARC resource
record, mongoexport JSON, a page saved as .json with its assets folder, Spark's markers, desktop
leftovers, a Word document). Exit 0, each file's documents or its reject, the passed-over counts,
raw files byte-identical, a second run ``unchanged``."""

from __future__ import annotations

import json
import struct

import lz4.frame
import pandas as pd
import pyarrow.feather as feather
import pytest

from tests.flows.hostile_run import check_run
from tests.ingest.test_hostile_round10 import (
    BUDGET,
    LANDSLIP,
    PORT,
    STORIES,
    _jsonl,
    _ooxml,
    _warc,
    _zip_with_lying_flag,
)


def _write(raw) -> tuple[dict[str, int], dict[str, str]]:
    raw.mkdir()
    (raw / "wire.zip").write_bytes(_zip_with_lying_flag())
    skippable = struct.pack("<II", 0x184D2A50, 8) + b"lz4-java"
    (raw / "dump.jsonl.lz4").write_bytes(skippable + lz4.frame.compress(_jsonl(*STORIES)))
    (raw / "cms.json").write_text(
        "// CMS export\n[\n" + "".join(f"  {json.dumps({'text': t})}, // story\n" for t in STORIES) + "]\n"
    )
    frame = pd.DataFrame({"text": STORIES})
    with pytest.warns(DeprecationWarning):
        feather.write_feather(frame, str(raw / "old.feather"), version=1)
    (raw / "news.tsv").write_text(
        f"N1001\tnews\tnewsworld\tPort strike\t{PORT}\thttps://assets.msn.com/labs/mind/N1001.html\t[]\t[]\n"
    )
    page = f"<html><head><title>Budget</title></head><body><article><p>{BUDGET}</p></article></body></html>"
    (raw / "crawl.warc").write_bytes(
        _warc("resource", "https://news.example.org/b", page.encode(), "text/html")
    )
    (raw / "mongo.json").write_text(
        json.dumps({"text": LANDSLIP, "published": {"$date": "2024-03-05T08:00:00Z"}})
    )
    (raw / "saved").mkdir()
    (raw / "saved" / "story.json").write_text(
        f"<!DOCTYPE html><html><body><article><p>{PORT}</p></article></body></html>"
    )
    (raw / "saved" / "story.html").write_text(page)
    (raw / "saved" / "story_files").mkdir()
    (raw / "saved" / "story_files" / "app.js.download").write_text("!function(){}();")
    (raw / "spark").mkdir()
    (raw / "spark" / "_SUCCESS").write_bytes(b"")
    (raw / "spark" / "part-00000-7d1e-c000.json").write_bytes(_jsonl(BUDGET))
    (raw / "~$notes.docx").write_bytes(b"\x05Jo Li" + b"\x00" * 50)
    (raw / "notes.docx").write_bytes(_ooxml("word/document.xml"))
    good = {
        "wire.zip": 3,
        "dump.jsonl.lz4": 3,
        "cms.json": 3,
        "old.feather": 3,
        "news.tsv": 1,
        "crawl.warc": 1,
        "mongo.json": 1,
        "saved/story.json": 1,
        "saved/story.html": 1,
        "spark/part-00000-7d1e-c000.json": 1,
    }
    return good, {"notes.docx": "unsupported_format"}


@pytest.mark.slow
def test_round10_classes_through_the_cli(tmp_path):
    good, bad = _write(tmp_path / "raw")
    passed_over = {
        "JSON comment": 4,
        "JSON trailing comma": 1,
        "Office lock file or Windows Zone.Identifier": 1,
        "job marker (Spark, Hadoop)": 1,
        "saved page's assets (NAME_files/)": 1,
    }
    docs = check_run(tmp_path / "raw", tmp_path / "out", good, bad, passed_over)
    assert docs.loc[docs.source_uri.str.endswith("mongo.json"), "published_at"].notna().all()
