"""Round 8's leftovers (docs/INGEST.md "Round 8's leftovers"): records rejected ``missing_text`` stay
rejected after a release adds the alias that reads them; a changed ``--exclude`` does not reach a tar
found by its content; a zip under a name that selects no reader is ``unsupported_format``; a Parquet
row (or CSV row) whose plain text is null is ``missing_text`` though its HTML column holds the page."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from tests.ingest.corpus_builders import ARTICLES, bbc_story
from tests.ingest.test_hostile_round7 import _parts_match_whole
from tests.ingest.test_public_formats import AP
from tests.ingest.test_round7_leftovers import _PAGE, _PARAS, _is_the_story, _tar_bytes


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.stat().st_size, None, rel=path.name), limits)


def _stories(n: int) -> dict[str, str]:
    return {
        f"news/{i:03d}.txt": bbc_story(f"{ARTICLES[i % 4][0]} ({i})", ARTICLES[i % 4][1]) for i in range(n)
    }


def _zip_bytes(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _story_text(i: int) -> str:
    return " ".join(ARTICLES[i % 4][1])


def _curate(raw: Path, out: Path, **limits) -> dict:
    from factsieve.config import RunConfig
    from flows.curate import curate

    # one process: a patched release holds
    return curate(raw=str(raw), out=str(out), config=RunConfig(workers=1, limits=IngestLimits(**limits)))


def _latest(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / "latest" / table)


# --- 1. missing_text rows are read again when the readers can now read them -----------------------


def test_missing_text_rows_are_read_again_after_a_release_adds_the_alias(
    prefect_harness, tmp_path, monkeypatch
):
    """Before, a run after the release left ``feed.jsonl``'s record rejected until the file changed
    (the manifest re-read only ``unsupported_format`` rows)."""
    from factsieve.ingest import records

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "text": _story_text(0)})
        + "\n"
        + json.dumps({"id": "a2", "article_text": _story_text(1)})
        + "\n"
    )
    (raw / "plain.jsonl").write_text(json.dumps({"id": "p1", "text": _story_text(2)}) + "\n")  # no reject
    (raw / "summary.jsonl").write_text(json.dumps({"id": "s1", "summary": "Shares rose."}) + "\n")
    older = tuple(a for a in records.FIELD_ALIASES["text"] if a != "article_text")
    with monkeypatch.context() as m:  # a release before "article_text" was an alias
        m.setitem(records.FIELD_ALIASES, "text", older)
        assert _curate(raw, out)["status"] == "succeeded"
    before = _latest(out, "rejects")
    assert sorted(zip(before["record_key"], before["reason"], strict=True)) == [
        ("a2", "missing_text"),
        ("s1", "missing_text"),
    ]
    again = _curate(raw, out)
    # feed.jsonl and summary.jsonl had missing_text rows under other readers; plain.jsonl had none
    assert (again["changed_files"], again["unchanged_files"]) == (2, 1)
    assert sorted(_latest(out, "documents")["record_key"]) == ["a1", "a2", "p1"]
    assert list(_latest(out, "rejects")["record_key"]) == ["s1"]  # still no text: stays, once
    assert _curate(raw, out)["status"] == "unchanged"


def test_the_readers_fingerprint_follows_the_text_aliases(monkeypatch):
    from factsieve.ingest import manifest, records

    now = manifest.readers_fingerprint()
    assert now == manifest.readers_fingerprint()  # deterministic
    m = monkeypatch
    m.setitem(records.FIELD_ALIASES, "text", (*records.FIELD_ALIASES["text"], "story_body"))
    assert manifest.readers_fingerprint() != now


# --- 2. a changed --exclude reaches a tar found by content ---------------------------------------


def test_a_changed_exclude_reads_a_tar_found_by_content_again(prefect_harness, tmp_path):
    """Before, ``corpus.gz`` (a gzipped tar) stayed unchanged under a new ``--exclude``: its settings
    fingerprint held ``exclude`` only for names that say archive. A TREC file with no extension is
    no archive: it is not read again for it."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "corpus.gz").write_bytes(gzip.compress(_tar_bytes(_stories(4)), mtime=0))
    (raw / "dump").write_bytes(_tar_bytes(_stories(3)))  # a tar, not compressed, no extension
    (raw / "AP880212").write_text(AP)
    first = _curate(raw, out)
    assert first["status"] == "succeeded"
    keys = set(_latest(out, "documents")["record_key"])
    assert {"news/001.txt", "news/002.txt"} <= keys
    again = _curate(raw, out, exclude=("news/001.txt",))
    assert (again["changed_files"], again["unchanged_files"]) == (2, 1)
    docs = _latest(out, "documents")
    assert "news/001.txt" not in set(docs["record_key"])
    assert (docs["source_uri"].str.endswith("corpus.gz") & (docs["record_key"] == "news/002.txt")).any()
    assert _curate(raw, out, exclude=("news/001.txt",))["status"] == "unchanged"
    back = _curate(raw, out)  # the pattern dropped: read again, the member is back
    assert back["changed_files"] == 2
    assert set(_latest(out, "documents")["record_key"]) == keys


# --- 3. a zip under a name that selects no reader -------------------------------------------------


@pytest.mark.parametrize("name", ["corpus", "news.dat", "bundle.v2"])
def test_a_zip_under_a_name_that_selects_no_reader_is_read_as_a_zip(tmp_path, name):
    """Such a zip was ``unsupported_format`` ("no reader for '.dat' files")."""
    path = tmp_path / name
    path.write_bytes(_zip_bytes(_stories(3)))
    res = _read(path)
    assert not res.rejects, [(r.reason, r.detail) for r in res.rejects]
    assert sorted(d.record_key for d in res.docs) == ["news/000.txt", "news/001.txt", "news/002.txt"]
    assert all(d.source_uri == str(path) for d in res.docs)
    assert ingest.archive_kind(InputFile(str(path), path.stat().st_size, None, rel=name)) == "zip"
    # an earlier unsupported_format row of it is read again (manifest.plan asks reader_takes)
    assert ingest.reader_takes(InputFile(str(path), path.stat().st_size, None, rel=name))


def test_a_zip_by_content_inside_an_archive_is_a_level_of_nesting(tmp_path):
    inner = _zip_bytes(_stories(2))
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip_bytes({"bundle": inner, "deep.tar": _tar_bytes({"x/bundle": inner})}))
    res = _read(path)
    assert sorted(d.record_key for d in res.docs) == ["bundle!news/000.txt", "bundle!news/001.txt"]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("deep.tar!x/bundle", codes.NESTED_ARCHIVE)]


def test_a_large_zip_by_content_is_read_in_parts_as_whole(tmp_path):
    path = tmp_path / "corpus"
    path.write_bytes(_zip_bytes(_stories(40)))
    cut = _parts_match_whole(path)
    assert len(cut) >= 3 and len(_read(path).docs) == 40


def test_a_gzipped_zip_or_an_office_file_stays_unsupported_format(tmp_path):
    docx = _zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    for name, data in (("corpus.gz", gzip.compress(_zip_bytes(_stories(2)), mtime=0)), ("report.docx", docx)):
        path = tmp_path / name
        path.write_bytes(data)
        [rej] = _read(path).rejects
        assert rej.reason == codes.UNSUPPORTED_FORMAT, (name, rej.detail)


def test_zip_bytes_under_a_name_that_selects_a_reader_stay_its_binary_reject(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(_zip_bytes(_stories(1)))
    [rej] = _read(path).rejects
    assert rej.reason == codes.BINARY and "zip" in rej.detail


def test_a_damaged_zip_by_content_is_a_corrupt_file_not_a_traceback(tmp_path):
    path = tmp_path / "corpus"
    path.write_bytes(_zip_bytes(_stories(3))[:300])  # a local header, no central directory
    [rej] = _read(path).rejects
    assert rej.reason == codes.CORRUPT_FILE and "zip" in rej.detail


# --- 4. Parquet and CSV: the HTML column when the plain text is null ---------------------------


def _page_rows() -> list[dict]:
    return [
        {
            "id": "plain",
            "text": "The port reopened on Monday after the storm, officials said.",
            "html": _PAGE,
        },
        {"id": "page", "text": None, "html": _PAGE},
        {"id": "none", "text": None, "html": None},
    ]


def test_a_parquet_row_whose_text_is_null_falls_back_to_its_html_column(tmp_path):
    """The ``page`` row was missing_text ("'text' is null") though its html column held the story."""
    pq.write_table(pa.Table.from_pylist(_page_rows()), tmp_path / "n.parquet")
    res = _read(tmp_path / "n.parquet")
    docs = {d.record_key: d for d in res.docs}
    assert docs["plain"].text == "The port reopened on Monday after the storm, officials said."
    assert docs["plain"].raw_bytes < len(_PAGE)  # a row with its text: the page is not its source
    _is_the_story(docs["page"].text)
    assert [(r.record_key, r.reason) for r in res.rejects] == [("none", codes.MISSING_TEXT)]


def test_parquet_reads_the_page_column_only_in_row_groups_with_a_null_text(tmp_path):
    """Row groups whose text column has no null (its statistics say so) do not read the page column;
    numbering and keys run on across groups as before."""
    rows = [{"id": f"r{i}", "text": f"Story {i}: {_PARAS[i % 3]}", "html": _PAGE} for i in range(6)]
    rows[4]["text"] = None
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "n.parquet", row_group_size=2)
    res = _read(tmp_path / "n.parquet")
    assert not res.rejects
    got = {d.record_key: d.text for d in res.docs}
    assert [k for k in got] == [f"r{i}" for i in range(6)]
    _is_the_story(got["r4"])
    assert got["r5"] == f"Story 5: {_PARAS[2]}"
    # the same rows in parts of row groups, as a run reads a large file
    whole = InputFile(
        str(tmp_path / "n.parquet"), (tmp_path / "n.parquet").stat().st_size, None, rel="n.parquet"
    )
    cut = splitting.split_parts(whole, 1)
    assert len(cut) == 3
    taken: set[str] = set()
    texts = {}
    for part in cut:
        r = ingest.read_input(part, IngestLimits(), taken)
        taken |= r.keys or set()
        texts |= {d.record_key: d.text for d in r.docs}
    assert texts == got


def test_a_configured_text_field_does_not_fall_back(tmp_path):
    pq.write_table(pa.Table.from_pylist(_page_rows()), tmp_path / "n.parquet")
    res = _read(tmp_path / "n.parquet", IngestLimits(text_field="text"))
    assert sorted(r.record_key for r in res.rejects) == ["none", "page"]


def test_a_csv_row_whose_text_is_empty_falls_back_to_its_html_column(tmp_path):
    """A CSV cell cannot be null: an empty one is the row's missing text. The ``page`` row was an
    ``empty`` reject ("'text' is empty") though its html column held the story."""
    with (tmp_path / "n.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text", "html"])
        w.writeheader()
        w.writerows([{k: v or "" for k, v in r.items()} for r in _page_rows()])
    res = _read(tmp_path / "n.csv")
    docs = {d.record_key: d.text for d in res.docs}
    assert docs["plain"] == "The port reopened on Monday after the storm, officials said."
    _is_the_story(docs["page"])
    assert [(r.record_key, r.reason) for r in res.rejects] == [("none", codes.EMPTY)]  # as before
