"""JSON Lines as real writers get it wrong: a BOM on every line, classic Mac line ends, and
files that are one JSON document (pretty-printed objects, an array, objects run together).
Each record ends as a document, keyed by the line it starts on; what is not JSON stays a
reject of its own."""

from __future__ import annotations

import codecs
import json

import pytest

from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.jsondoc import json_values
from factsieve.ingest.sources import InputFile

STORIES = [
    {"id": "p1", "text": "The port of Rotterdam handled 12 million tonnes in May, the authority said."},
    {"text": "Grain prices rose for a third week as dry weather hit the harvest, traders said."},
    {"id": 7, "text": "The central bank held rates at 4.5 percent, its governor told reporters."},
]


def _read(tmp_path, data: bytes, name: str = "feed.jsonl") -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data)
    return ingest.read_input(InputFile(str(p), len(data), p.stat().st_mtime, rel=name))


def _keys_and_texts(res) -> list[tuple[str, str]]:
    return [(d.record_key, d.text) for d in res.docs]


def test_a_bom_on_every_line_is_not_a_malformed_record(tmp_path):
    # per-record files, each written with a BOM, joined with `cat`
    data = b"".join(codecs.BOM_UTF8 + json.dumps(s).encode() + b"\r\n" for s in STORIES)
    res = _read(tmp_path, data)
    assert not res.rejects
    assert _keys_and_texts(res) == [
        ("p1", STORIES[0]["text"]),
        ("line:2", STORIES[1]["text"]),
        ("7", STORIES[2]["text"]),
    ]


def test_classic_mac_line_ends_separate_records(tmp_path):
    data = b"\r".join(json.dumps(s).encode() for s in STORIES) + b"\r"
    res = _read(tmp_path, data)
    assert not res.rejects
    assert [d.record_key for d in res.docs] == ["p1", "line:2", "7"]


def test_a_lone_cr_in_a_newline_file_does_not_split_a_record(tmp_path):
    # "\r" between tokens is JSON whitespace; with "\n" line ends the line stays whole
    data = (
        b'{"text": "Markets closed higher on Friday.",\r "id": "m1"}\n'
        + json.dumps(STORIES[1]).encode()
        + b"\n"
    )
    res = _read(tmp_path, data)
    assert not res.rejects and [d.record_key for d in res.docs] == ["m1", "line:2"]


@pytest.mark.parametrize(
    "shape, body, keys",
    [
        ("pretty objects", "\n".join(json.dumps(s, indent=2) for s in STORIES) + "\n", ["p1", "line:5", "7"]),
        ("pretty array", json.dumps(STORIES, indent=2), ["p1", "line:6", "7"]),
        ("one-line array", json.dumps(STORIES), ["p1", "line:1.2", "7"]),
        ("objects run together", "".join(json.dumps(s) for s in STORIES) + "\n", ["p1", "line:1.2", "7"]),
    ],
)
def test_a_file_that_is_one_json_document_gives_its_records(tmp_path, shape, body, keys):
    res = _read(tmp_path, body.encode())
    assert not res.rejects, shape
    assert [d.record_key for d in res.docs] == keys
    assert [d.text for d in res.docs] == [s["text"] for s in STORIES]
    assert all(d.raw_bytes > 60 for d in res.docs)  # each record's own bytes, not the file's


def test_a_document_that_does_not_parse_whole_keeps_its_line_rejects(tmp_path):
    # one trailing comma: JSON it is not; every line is a reject (nothing is silently dropped)
    body = json.dumps(STORIES, indent=2).replace('"p1",', '"p1",,', 1)
    res = _read(tmp_path, body.encode())
    assert not res.docs
    assert len(res.rejects) == len(body.splitlines())
    assert {r.reason for r in res.rejects} <= {ingest.MALFORMED_JSON}


def test_a_jsonl_file_with_one_broken_line_is_still_read_line_by_line(tmp_path):
    lines = [json.dumps(STORIES[0]), '{"text": "Cut off mid-rec', json.dumps(STORIES[1])]
    res = _read(tmp_path, "\n".join(lines).encode())
    assert [d.record_key for d in res.docs] == ["p1", "line:3"]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("line:2", ingest.MALFORMED_JSON)]


@pytest.mark.parametrize("body", ["[]", "[1,]", '{"a": 1,}', "[1] x", "[1", " \n "])
def test_json_values_refuses_what_is_not_a_sequence_of_values(body):
    assert json_values(body) is None


def test_large_pretty_printed_file_is_not_split_into_parts(tmp_path):
    body = json.dumps([{"text": f"{STORIES[i % 3]['text']} Item {i}."} for i in range(300)], indent=2)
    p = tmp_path / "big.jsonl"
    p.write_bytes(body.encode())
    inp = InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel="big.jsonl")
    assert splitting.split_parts(inp, target_bytes=2_000) == [inp]
    res = ingest.read_input(inp)
    assert len(res.docs) == 300 and not res.rejects


def test_a_record_without_text_names_the_fields_it_has(tmp_path):
    # no text under any name: the reject says which fields there are
    rec = {
        "newid": 30,
        "date": "26-FEB-1987 15:41:56.54",
        "title": "U.K. MONEY MARKET SHORTAGE",
        "body": None,
    }
    res = _read(tmp_path, (json.dumps(rec) + "\n" + json.dumps({"text": None}) + "\n").encode())
    assert [(r.reason, r.detail) for r in res.rejects] == [
        # round 7: the null field is named, not reported as a field the record lacks
        (ingest.MISSING_TEXT, "line 1: 'body' is null"),
        (ingest.MISSING_TEXT, "line 2: 'text' is null"),
    ]


def test_feeds_that_name_their_fields_otherwise_are_read(tmp_path):
    """Reuters-21578 as JSONL calls its text "body" and its id "newid"; news crawls use
    "content"/"maintext", "headline", "link", "date_publish". Each is read as its field when
    the field's own name is absent; an alias of another type is that feed's own field."""
    recs = [
        {
            "newid": 1,
            "date": "26-FEB-1987 15:01:01.79",
            "title": "BAHIA COCOA REVIEW",
            "body": "Showers continued throughout the week in the Bahia cocoa zone, the review said.",
        },
        {
            "article_id": "a-7",
            "headline": "Port strike ends",
            "link": "https://example.com/p",
            "date_publish": "2024-06-03T09:05:00Z",
            "maintext": "Dock workers returned on Monday after a deal on pay.",
        },
        {"id": "x1", "text": "The text field wins over the others.", "content": "ignored", "date": 20240603},
    ]
    res = _read(tmp_path, "\n".join(json.dumps(r) for r in recs).encode())
    assert not res.rejects
    a, b, c = res.docs
    assert (a.record_key, a.title, a.text[:8]) == ("1", "BAHIA COCOA REVIEW", "Showers ")
    assert str(a.published_at.date()) == "1987-02-26"
    assert (b.record_key, b.title, b.url) == ("a-7", "Port strike ends", "https://example.com/p")
    assert str(b.published_at) == "2024-06-03 09:05:00+00:00"
    assert (c.text, c.published_at) == ("The text field wins over the others.", None)
