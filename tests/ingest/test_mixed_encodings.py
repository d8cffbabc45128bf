"""Encodings mixed inside one file (round 5): each line, or each block of lines, in its own.

A UTF-8 file appended to by two legacy tools (a cp1252 line and a KOI8-R line), two JSON Lines
exports concatenated where one was UTF-16, a cp1252 line pasted into a UTF-8 feed. Before: one
legacy codec for every non-UTF-8 line ("cafИ"), the whole file read as UTF-16 or rejected as
binary, the feed's items after the bad byte lost.
"""

from __future__ import annotations

import json

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import decode
from factsieve.ingest.read import read_input
from factsieve.ingest.sources import InputFile

FRENCH = "Le café est ouvert à Zürich, a dit le maire — “enfin”."
RUSSIAN = "Цены на нефть выросли в понедельник, сообщили в министерстве."
ENGLISH = "Officials said the port would reopen on Monday — “at last”, é."


def _line(key: str, text: str) -> str:
    return json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n"


def _read(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return read_input(InputFile(str(p), len(data), 0.0, rel=name))


def test_two_legacy_encodings_in_one_utf8_file_each_line_in_its_own(tmp_path):
    data = (
        _line("fr", FRENCH).encode("cp1252")
        + _line("ru", RUSSIAN).encode("koi8-r")
        + _line("en", ENGLISH).encode()
    )
    found = decode.decode_text(data)
    assert found.text == _line("fr", FRENCH) + _line("ru", RUSSIAN) + _line("en", ENGLISH)
    assert set(found.encoding.split("+")) == {"utf-8", "cp1252", "koi8-r"} and not found.doubtful_lines
    res = _read(tmp_path, "mixed.jsonl", data)
    assert [(d.record_key, d.text) for d in res.docs] == [("fr", FRENCH), ("ru", RUSSIAN), ("en", ENGLISH)]
    # the same lines in a plain text: one document, every line right
    text = _read(
        tmp_path,
        "mixed.txt",
        b"\n".join(
            t.encode(c)
            for t, c in [("Port news", "utf-8"), (FRENCH, "cp1252"), (RUSSIAN, "koi8-r"), (ENGLISH, "utf-8")]
        ),
    )
    [doc] = text.docs
    assert doc.text == "\n".join(["Port news", FRENCH, RUSSIAN, ENGLISH])


def test_legacy_lines_in_one_encoding_are_decoded_as_before():
    # The decoding benchmark's case: UTF-8 with a few cp1252 lines (the group decides; no line is
    # detected alone when the group's reading looks right).
    lines = [FRENCH + "\n", "Sales fell 3% – the first fall since 2019.\n", ENGLISH + "\n"]
    data = lines[0].encode("cp1252") + lines[1].encode("cp1252") + lines[2].encode()
    assert decode.decode_text(data) == decode.Decoded("".join(lines), "utf-8+cp1252")


def test_a_line_no_encoding_reads_is_its_records_reject_and_the_rest_is_kept(tmp_path):
    bad = b'{"id": "x", "text": "Zu\xcc\xcb\xcd\xe8\xa2 \x90\x9d"}\n'
    data = _line("a", ENGLISH).encode() + bad + _line("b", FRENCH).encode()
    res = _read(tmp_path, "feed.jsonl", data)
    assert [d.record_key for d in res.docs] == ["a", "b"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("line:2", codes.UNDECODABLE)
    assert rej.detail.startswith("line 2: bytes in no encoding")
    # CSV: the row on that line
    csv = (
        b"id,text\n"
        + b"1,Officials said it.\n"
        + b"2,Zu\xcc\xcb\xcd\xe8\xa2 \x90\x9d\n"
        + "3,Le café.\n".encode()
    )
    res = _read(tmp_path, "rows.csv", csv)
    assert [d.record_key for d in res.docs] == ["1", "3"]
    assert [(r.reason, r.detail[:7]) for r in res.rejects] == [(codes.UNDECODABLE, "line 3:")]
    # a plain text is one record: as before, no encoding fits it and it is undecodable
    [rej] = _read(tmp_path, "story.txt", ENGLISH.encode() + b"\n" + bad).rejects
    assert rej.reason == codes.UNDECODABLE


@pytest.mark.parametrize(
    ("codec", "label"),
    [("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
)
def test_a_utf16_export_appended_to_a_utf8_one_keeps_every_record(tmp_path, codec, label):
    utf8 = "".join(_line(f"u{i}", ENGLISH) for i in range(3))
    utf16 = "".join(_line(f"w{i}", RUSSIAN) for i in range(3)) + "{broken\n"
    tail = "".join(_line(f"z{i}", FRENCH) for i in range(2))
    res = _read(tmp_path, "two.jsonl", utf8.encode() + utf16.encode(codec) + tail.encode())
    assert [d.record_key for d in res.docs] == ["u0", "u1", "u2", "w0", "w1", "w2", "z0", "z1"]
    assert [d.text for d in res.docs] == [ENGLISH] * 3 + [RUSSIAN] * 3 + [FRENCH] * 2
    assert {d.encoding for d in res.docs} == {f"utf-8+{label}"}
    # line numbers are the file's: the broken line is the seventh
    assert [(r.record_key, r.reason) for r in res.rejects] == [("line:7", codes.MALFORMED_JSON)]


def test_a_whole_utf16_file_is_read_as_before(tmp_path):
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        data = "".join(_line(f"w{i}", RUSSIAN) for i in range(3)).encode(codec)
        assert decode.utf16_blocks(data) is None
        res = _read(tmp_path, "w.jsonl", data)
        assert [d.text for d in res.docs] == [RUSSIAN] * 3 and not res.rejects
