"""Property-based: whatever bytes arrive, every record ends in documents or rejects, and nothing raises."""

from __future__ import annotations

import json

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsieve.batch.pipeline import process_batch
from factsieve.ingest.sources import InputFile
from factsieve.vocabulary import REASON_CODES

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ENCODINGS = ["utf-8", "utf-16", "cp1252", "latin-1", "shift_jis", "koi8-r", "utf-32"]
NOW = pd.Timestamp("2026-01-01", tz="UTC")


def _write(tmp_path, name: str, data: bytes) -> InputFile:
    p = tmp_path / name
    p.write_bytes(data)
    return InputFile(str(p), len(data), p.stat().st_mtime, rel=name)


def _check_accounting(inputs: list[InputFile], expected_records: int | None = None):
    res = process_batch(inputs, "run", NOW)
    assert res.input_records == len(res.documents) + len(res.rejects)
    if expected_records is not None:
        assert res.input_records == expected_records
    assert set(res.rejects["reason"]) <= set(REASON_CODES)
    assert (res.rejects["detail"].str.len() > 0).all()
    return res


@SETTINGS
@given(data=st.binary(max_size=4096), ext=st.sampled_from([".txt", ".html", ".jsonl", ".bin"]))
def test_random_bytes_never_raise(tmp_path, data, ext):
    _check_accounting([_write(tmp_path, f"x{ext}", data)], expected_records=None if ext == ".jsonl" else 1)


@SETTINGS
@given(text=st.text(min_size=0, max_size=800), encoding=st.sampled_from(ENCODINGS))
def test_random_text_in_random_encodings(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    _check_accounting([_write(tmp_path, "t.txt", data)], expected_records=1)


record = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=10), st.integers(), st.none()),
        "text": st.one_of(
            st.text(max_size=300), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=2)
        ),
        "title": st.one_of(st.text(max_size=30), st.none(), st.integers()),
        "url": st.one_of(st.text(max_size=30), st.none()),
        "published": st.one_of(st.text(max_size=30), st.none(), st.integers(), st.floats(allow_nan=True)),
    },
)


@SETTINGS
@given(
    records=st.lists(st.one_of(record, st.integers(), st.text(max_size=20)), max_size=12),
    cut=st.integers(min_value=0, max_value=4000),
    junk=st.sampled_from(["", "{", "\x00", "]]", "\n\n"]),
)
def test_truncated_and_malformed_jsonl(tmp_path, records, cut, junk):
    body = "\n".join(json.dumps(r) for r in records)
    body = body[: max(cut, 0)] + junk
    lines = [line for line in body.splitlines() if line.strip()]
    data = body.encode("utf-8", "surrogatepass")
    res = _check_accounting([_write(tmp_path, "f.jsonl", data)])
    if "\x00" not in body and data.strip():
        assert res.input_records == len(lines)


def test_huge_line_and_many_files(tmp_path):
    huge = ("word " * 600_000).encode()  # a 3 MB single line
    inputs = [
        _write(tmp_path, "huge.txt", huge),
        _write(tmp_path, "huge.jsonl", json.dumps({"text": "a " * 1_200_000}).encode()),
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "ok.txt", b"The council approved the budget on Monday, the mayor said.\n"),
    ]
    res = _check_accounting(inputs, expected_records=4)
    reasons = dict(
        zip(res.rejects["source_uri"].str.rsplit("/", n=1).str[-1], res.rejects["reason"], strict=True)
    )
    assert reasons == {"huge.txt": "too_large", "huge.jsonl": "too_large", "empty.txt": "empty"}
    assert list(res.documents["text"]) == ["The council approved the budget on Monday, the mayor said."]
