"""Hostile input, round 5 (docs/INGEST.md): classes the earlier rounds did not probe, each through
ingest, cleaning and the rejects schema as a run does. Every record ends in documents or rejects."""

from __future__ import annotations

import json
import unicodedata

import pandas as pd

from factsieve import vocabulary as codes
from tests.ingest.test_hostile_round4 import STORY, _batch  # the same run-like batch and story


def _by_file(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index(frame["source_uri"].astype(str).str.rsplit("/", n=1).str[-1])


def test_a_zeroed_file_named_as_a_feed_is_binary_not_malformed_xml(tmp_path):
    # A preallocated or zeroed download (2 GB of NULs in the probe): before, `malformed_xml` "Start
    # tag expected", as if a feed had broken.
    (tmp_path / "zeros.xml").write_bytes(b"\x00" * 100_000)
    (tmp_path / "utf16.rss").write_text(
        f'<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>Bus</title>'
        f"<description>{STORY}</description></item></channel></rss>",
        encoding="utf-16",
    )
    docs, rejects = _batch(tmp_path)
    [rej] = rejects.itertuples()
    assert (rej.reason, rej.detail) == (
        codes.BINARY,
        "control bytes under a '.xml' name: not a feed (convert it first)",
    )
    assert docs["text"].tolist() == [STORY]  # a UTF-16 feed (NULs) is still a feed


def test_blank_and_null_shapes_each_leave_a_row(tmp_path):
    (tmp_path / "blank_lines.jsonl").write_text("\n" * 1_000_000)
    (tmp_path / "blank_then_one.jsonl").write_text("\n" * 1_000_000 + json.dumps({"text": STORY}) + "\n")
    (tmp_path / "rows.csv").write_text("id,text\n" + "\n" * 200_000 + f'7,"{STORY}"\n')
    (tmp_path / "spaces.jsonl").write_text(" " * 5_000_000)
    fields = ("id", "text", "title", "url", "published")
    (tmp_path / "nulls.jsonl").write_text(json.dumps(dict.fromkeys(fields)) + "\n")
    for name, value in (("string.json", '"a story"'), ("number.json", "42"), ("null.json", "null")):
        (tmp_path / name).write_text(value)
    docs, rejects = _batch(tmp_path)
    assert _by_file(docs)["record_key"].to_dict() == {"blank_then_one.jsonl": "line:1000001", "rows.csv": "7"}
    assert _by_file(rejects)["reason"].to_dict() == {
        "blank_lines.jsonl": codes.EMPTY,
        "spaces.jsonl": codes.EMPTY,
        "nulls.jsonl": codes.MISSING_TEXT,
        "string.json": codes.MALFORMED_RECORD,
        "number.json": codes.MALFORMED_RECORD,
        "null.json": codes.MALFORMED_RECORD,
    }


def test_two_spellings_of_one_name_are_two_inputs(tmp_path):
    # "café.txt" composed (NFC) and decomposed (NFD, as macOS writes it) in one folder: two files on
    # Linux, two documents whose source_uri keep their own bytes.
    for form, day in (("NFC", "Friday"), ("NFD", "Monday")):
        (tmp_path / unicodedata.normalize(form, "café.txt")).write_text(
            f"Café plan\n\n{STORY.replace('Friday', day)}"
        )
    (tmp_path / " .txt").write_text(f"A name of one space\n\n{STORY}")
    docs, rejects = _batch(tmp_path)
    assert rejects.empty and len(docs) == 3
    assert {unicodedata.normalize("NFC", u.rsplit("/", 1)[-1]) for u in docs["source_uri"]} == {
        "café.txt",
        " .txt",
    }
    assert docs["source_uri"].nunique() == 3
