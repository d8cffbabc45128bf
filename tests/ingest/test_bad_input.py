"""Hostile single inputs at the ingest level: each ends in exactly one of documents or rejects,
with a specific reason, and every string that reaches a table can be written as UTF-8."""

from __future__ import annotations

import json
import os
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsieve import vocabulary as codes
from factsieve.batch.pipeline import process_batch
from factsieve.ingest.sources import SourceError, discover
from factsieve.output import tables

NOW = pd.Timestamp("2026-03-01", tz="UTC")
SENTENCE = "The council approved the budget on Friday, officials said."


def _batch(raw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every file under ``raw`` through ingest, clean and the pandera schemas, as a run does."""
    files = discover(raw)
    res = process_batch(files, "run-1", NOW)
    assert res.input_records == len(res.documents) + len(res.rejects)
    rejects = tables.conform(res.rejects, "rejects")
    for frame in (res.documents, rejects):
        for col in frame.columns:
            for v in frame[col]:
                if isinstance(v, str):
                    v.encode("utf-8")  # Parquet and the HTML report need valid UTF-8
    return res.documents, rejects


def _jsonl(tmp_path, *lines: str, name: str = "feed.jsonl"):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    (raw / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return raw


def test_integer_beyond_the_digit_limit_is_a_reject_and_the_file_goes_on(tmp_path):
    raw = _jsonl(
        tmp_path,
        json.dumps({"text": SENTENCE, "views": 1}),
        '{"text": "x", "views": ' + "7" * 5000 + "}",
        json.dumps({"text": SENTENCE + " Again."}),
    )
    docs, rejects = _batch(raw)
    assert list(docs["record_key"]) == ["line:1", "line:3"]
    [rej] = rejects.itertuples()
    assert (rej.reason, rej.record_key) == (codes.INVALID_JSON_VALUE, "line:2")
    assert "4300 digits" in rej.detail


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_nesting_beyond_the_recursion_limit_is_a_reject(tmp_path, opener):
    raw = _jsonl(tmp_path, opener * 100_000, json.dumps({"text": SENTENCE}))
    docs, rejects = _batch(raw)
    assert list(docs["record_key"]) == ["line:2"]
    assert list(rejects["reason"]) == [codes.INVALID_JSON_VALUE]
    assert "nested deeper" in rejects["detail"][0]


@pytest.mark.parametrize("field", ["title", "id", "url", "text"])
def test_lone_surrogates_in_any_string_field_are_written_safely(tmp_path, field):
    rec = {"text": SENTENCE, "title": "Budget", "id": "a1", "url": "https://example.com/a"}
    raw_line = json.dumps(rec).replace(f'"{rec[field]}"', f'"{rec[field][:2]}\\udfff{rec[field][2:]}"')
    raw = _jsonl(tmp_path, raw_line)
    docs, rejects = _batch(raw)
    assert rejects.empty
    [doc] = docs.to_dict("records")
    if field == "id":  # escaped, not replaced: ids differing only in the surrogate stay apart
        assert doc["record_key"] == "a1\\udfff"
    else:
        assert "\ufffd" in doc[field]


def test_explicit_id_equal_to_another_lines_default_key_gets_its_own_key(tmp_path):
    raw = _jsonl(
        tmp_path,
        json.dumps({"id": "line:2", "text": SENTENCE}),
        json.dumps({"text": SENTENCE}),  # default key line:2: taken
        json.dumps({"id": "line:2", "text": SENTENCE + " Three."}),
        json.dumps({"id": "line:2@line:2", "text": SENTENCE + " Four."}),
        "{broken",
        json.dumps({"id": "line:5", "text": SENTENCE + " Six."}),  # the broken line's key
    )
    docs, rejects = _batch(raw)
    keys = list(docs["record_key"]) + list(rejects["record_key"])
    assert len(keys) == 6 and len(set(keys)) == 6
    assert list(docs["record_key"])[:2] == ["line:2", "line:2@line:2"]
    assert docs["doc_id"].is_unique


@pytest.mark.parametrize(
    ("record", "detail"),
    [
        ({"text": ["a", 2]}, "'text' is list"),  # a list of strings is paragraphs (test_json_sources)
        ({"text": 20240603}, "'text' is int"),
        ("just a string", "got str"),
        (None, "got null"),
    ],
)
def test_wrong_json_types_are_malformed_records_naming_the_field(tmp_path, record, detail):
    raw = _jsonl(tmp_path, json.dumps(record))
    docs, rejects = _batch(raw)
    assert docs.empty
    assert list(rejects["reason"]) == [codes.MALFORMED_RECORD]
    assert detail in rejects["detail"][0]


@pytest.mark.parametrize(
    ("record", "key", "title"),
    [
        ({"text": SENTENCE, "id": [1, 2]}, "line:1", None),
        ({"text": SENTENCE, "id": True}, "line:1", None),
        ({"text": SENTENCE, "id": 1.5}, "1.5", None),
        ({"text": SENTENCE, "title": {"en": "Budget"}}, "line:1", None),
        ({"text": SENTENCE, "url": 7}, "line:1", None),
        ({"text": SENTENCE, "title": 2024}, "line:1", "2024"),
    ],
)
def test_metadata_of_another_type_never_rejects_a_good_text(tmp_path, record, key, title):
    """Round 17 (docs/INGEST.md "Dataset exports, round 17"): before, each was a malformed_record;
    the article is kept, a value with a reading read so, one without dropped (and counted)."""
    raw = _jsonl(tmp_path, json.dumps(record))
    docs, rejects = _batch(raw)
    assert rejects.empty and list(docs["record_key"]) == [key]
    if title is not None:
        assert list(docs["title"]) == [title]


def test_integer_id_is_a_key_and_null_optional_fields_are_absent(tmp_path):
    raw = _jsonl(tmp_path, json.dumps({"id": 42, "text": SENTENCE, "title": None, "published": None}))
    docs, rejects = _batch(raw)
    assert rejects.empty and list(docs["record_key"]) == ["42"]


def test_file_and_folder_names_that_are_not_utf8_are_read_under_an_escaped_name(tmp_path):
    raw = tmp_path / "raw"
    folder = os.path.join(os.fsencode(raw), b"caf\xe9")
    os.makedirs(folder)
    with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as fh:
        fh.write(SENTENCE.encode())
    docs, rejects = _batch(raw)
    assert rejects.empty
    [doc] = docs.to_dict("records")
    assert doc["source_uri"].endswith("/caf\\xe9/bad\\xffname.txt")
    assert doc["text"] == SENTENCE


def test_symlinks_out_of_raw_and_system_files_are_refused_unread(tmp_path):
    raw = tmp_path / "raw"
    (raw / "inside").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("PASSWORD=hunter2 is the secret of the outside file.")
    (raw / "inside" / "story.txt").write_text(SENTENCE)
    (raw / "leak.txt").symlink_to(secret)
    (raw / "environ.txt").symlink_to("/proc/self/environ")
    (raw / "parent").symlink_to(tmp_path, target_is_directory=True)
    (raw / "alias.txt").symlink_to(raw / "inside" / "story.txt")  # inside RAW: read
    (raw / "loop").symlink_to(raw / "inside", target_is_directory=True)  # inside: not walked twice
    (raw / "gone.txt").symlink_to(raw / "deleted.txt")
    (raw / "loop-a.txt").symlink_to(raw / "loop-b.txt")
    (raw / "loop-b.txt").symlink_to(raw / "loop-a.txt")
    os.mkfifo(raw / "pipe.txt")
    docs, rejects = _batch(raw)
    assert sorted(u.rsplit("/", 1)[-1] for u in docs["source_uri"]) == ["alias.txt", "story.txt"]
    reasons = {u.rsplit("/", 1)[-1]: r for u, r in zip(rejects["source_uri"], rejects["reason"], strict=True)}
    assert reasons == {
        "leak.txt": codes.OUTSIDE_RAW,
        "environ.txt": codes.OUTSIDE_RAW,
        "parent": codes.OUTSIDE_RAW,
        "gone.txt": codes.READ_ERROR,
        "loop-a.txt": codes.READ_ERROR,
        "loop-b.txt": codes.READ_ERROR,
        "pipe.txt": codes.SPECIAL_FILE,
    }
    everything = " ".join(rejects["sample"]) + " ".join(rejects["detail"])
    assert "hunter2" not in everything and "PATH=" not in everything


@pytest.mark.parametrize("raw", ["/proc/self/environ", "/proc", "/dev/stdin", "file:///proc/self/environ"])
def test_system_paths_are_never_raw(raw):
    with pytest.raises(SourceError, match="system path"):
        discover(raw)


def test_fsspec_local_urls_follow_the_same_link_policy(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(SENTENCE)
    (raw / "environ.txt").symlink_to("/proc/self/environ")
    files = {f.rel: f for f in discover(f"file://{raw}")}
    assert files["environ.txt"].refused == codes.OUTSIDE_RAW
    with pytest.raises(PermissionError):
        files["environ.txt"].read_bytes()
    assert files["story.txt"].read_bytes() == SENTENCE.encode()


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-04-15T10:00:00+02:00", "2024-04-15 08:00:00+00:00"),
        ("Sun, 01 Mar 2026 10:00:00 GMT", "2026-03-01 10:00:00+00:00"),
        ("2026-03-01T18:00:00-05:00", "2026-03-01 23:00:00+00:00"),  # hours after NOW: allowed
        ("now", None),
        ("today", None),
        ("Yesterday", None),
        ("3 hours ago", None),
        ("9999-12-31", None),
        ("2026-03-03T00:00:01Z", None),  # more than a day after the ingest time
        ("2200-01-01", None),
        ("1899-12-31", None),
        ("0001-01-01", None),
        ("not a date 12", None),
        ("", None),
    ],
)
def test_publication_dates_outside_the_sane_window_or_relative_are_null(tmp_path, published, expected):
    raw = _jsonl(tmp_path, json.dumps({"text": SENTENCE, "published": published}))
    docs, rejects = _batch(raw)
    assert rejects.empty
    value = docs["published_at"][0]
    assert (None if value is None or pd.isna(value) else str(value)) == expected


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
hostile_record = st.fixed_dictionaries(
    {},
    optional={name: json_values for name in ("id", "text", "title", "url", "published")}
    | {"text": st.text(max_size=200) | json_values},
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(hostile_record | json_values, min_size=1, max_size=8))
def test_any_json_values_in_any_field_end_in_exactly_one_table_and_are_writable(tmp_path, records):
    """Lone surrogates included (st.characters with no codec), NaN/Infinity, nesting, every type."""
    lines = [json.dumps(r) for r in records]  # ensure_ascii: surrogates become \\udxxx escapes
    docs, rejects = _batch(_jsonl(tmp_path, *lines))  # the same file each example: overwritten
    # a one-line file holding an array of objects is an array of records (docs/INGEST.md)
    only = records[0] if len(records) == 1 else None
    one_array = isinstance(only, list) and bool(only) and all(isinstance(v, dict) for v in only)
    assert len(docs) + len(rejects) == (len(only) if one_array else len(lines))
    keys = list(docs["record_key"]) + list(rejects["record_key"])
    assert len(set(keys)) == len(keys)


def test_a_file_with_a_non_utf8_name_that_vanishes_is_a_writable_read_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    path = os.path.join(os.fsencode(raw), b"gone\xff.txt")
    with open(path, "wb") as fh:
        fh.write(SENTENCE.encode())
    files = discover(raw)
    os.remove(path)  # after planning, before reading
    res = process_batch(files, "run-1", NOW)
    rejects = tables.validate(tables.typed(res.rejects, "rejects"), "rejects")
    [rej] = rejects.to_dict("records")
    assert rej["reason"] == codes.READ_ERROR and "gone\\udcff.txt" in rej["detail"]
    rej["detail"].encode("utf-8")


def _nest(root, name: str, depth: int) -> str:
    """``depth`` nested folders called ``name`` under ``root`` (made relative to each other: the
    full path may be longer than the OS accepts), holding one story; returns the last folder's
    path relative to ``root``."""
    here = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=here)
            nxt = os.open(name, os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = nxt
        fd = os.open("story.txt", os.O_WRONLY | os.O_CREAT, dir_fd=here)
        os.write(fd, (SENTENCE + "\n").encode())
        os.close(fd)
    finally:
        os.close(here)
    return "/".join([name] * depth)


@pytest.mark.skipif(os.name != "posix", reason="dir_fd and PATH_MAX: POSIX")
def test_folders_deeper_than_the_recursion_limit_are_walked(tmp_path):
    # Path.rglob recursed once per level: ~1,000 levels raised RecursionError and the run died.
    # The same with 400 levels under a recursion limit of 300: a tree 1,000 deep would also break
    # shutil.rmtree, and so pytest's cleanup of old temporary folders, if a run were killed.
    raw = tmp_path / "raw"
    raw.mkdir()
    inner = _nest(raw, "d", 400)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        files = discover(raw)
    finally:
        sys.setrecursionlimit(limit)
    assert [f.rel for f in files] == [inner + "/story.txt"]
    docs, rejects = _batch(raw)
    assert list(docs["record_key"]) == [""] and rejects.empty


@pytest.mark.skipif(os.name != "posix", reason="dir_fd and PATH_MAX: POSIX")
def test_a_folder_beyond_the_path_length_limit_is_a_read_error_not_a_crash(tmp_path):
    # 20 folders of 250 characters: past PATH_MAX (4,096), os.scandir raises ENAMETOOLONG
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    _nest(raw, "n" * 250, 20)
    docs, rejects = _batch(raw)
    assert [u.rsplit("/", 1)[-1] for u in docs["source_uri"]] == ["ok.txt"]
    [rej] = rejects.itertuples()
    assert rej.reason == codes.READ_ERROR and "folder cannot be listed" in rej.detail
    assert "too long" in rej.detail
