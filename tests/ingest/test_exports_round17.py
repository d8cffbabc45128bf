"""Public dataset exports read as a user expects (round 17; docs/INGEST.md "Dataset exports, round
17"): field names in any case and spacing, metadata of an unexpected type that no longer rejects a
good article, escaped line breaks of database and spreadsheet exports, Excel's "Unicode text"."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

FERRY = (
    "A ferry carrying 212 passengers ran aground off the island of Arran on Friday morning, the coastguard "
    "said. Nobody was hurt and the vessel was towed back to Ardrossan by early afternoon."
)
WAGES = (
    "Average weekly wages rose by 4.1 percent in the three months to September, the statistics office "
    "said, the slowest pace in two years as vacancies fell for a ninth quarter."
)
FLOODS = (
    "Heavy rain flooded more than 300 homes in the Po valley overnight, and the regional government "
    "declared a state of emergency. Schools in Modena and Parma stayed closed on Thursday."
)
STORIES = [FERRY, WAGES, FLOODS]
# Two paragraphs each: a paragraph break must survive an export that escapes it.
LONG = [
    FERRY + "\n\nThe operator said sailings would resume on Saturday after an inspection of the hull.",
    WAGES + "\n\nEconomists had expected 4.3 percent. The central bank meets again in December.",
    FLOODS + "\n\nFirefighters rescued 40 people from rooftops in the town of Carpi overnight.",
]


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.lstat().st_size, None, rel=path.name), limits)


def _csv(rows: list[list[object]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _one_doc(tmp_path: Path, rec: dict) -> ingest.RawDoc:
    (tmp_path / "one.jsonl").write_text(json.dumps(rec) + "\n")
    [doc] = _read(tmp_path / "one.jsonl").docs
    return doc


# --- (A) field names in any case and spacing ------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Text", "TEXT", "Body", "Article Text", "content ", "article-text", "Maintext"]
)
def test_a_csv_text_column_in_any_case_or_spacing_is_read(tmp_path, name):
    (tmp_path / "news.csv").write_text(
        _csv([["Headline", name], *[[f"Story {i}", t] for i, t in enumerate(STORIES)]])
    )
    res = _read(tmp_path / "news.csv")
    assert not res.rejects
    assert [(d.title, d.text) for d in res.docs] == [(f"Story {i}", t) for i, t in enumerate(STORIES)]


def test_capitalised_json_keys_name_the_text_title_date_and_url(tmp_path):
    rec = {
        "ID": "bbc-17",
        "Title": "Ferry runs aground",
        "Article Text": FERRY,
        "Date Published": "2024-03-05T08:00:00Z",
        "URL": "https://news.example.org/ferry",
    }
    doc = _one_doc(tmp_path, rec)
    assert (doc.record_key, doc.title, doc.text, doc.url) == (
        "bbc-17",
        "Ferry runs aground",
        FERRY,
        "https://news.example.org/ferry",
    )
    assert doc.published_at == pd.Timestamp("2024-03-05T08:00:00Z")


def test_an_exact_name_wins_over_one_that_only_folds_to_it(tmp_path):
    related = "Related: see our live coverage of the storm."
    doc = _one_doc(tmp_path, {"Text": related, "text": WAGES, "Title": "Wages", "title": "Pay"})
    assert (doc.text, doc.title) == (WAGES, "Pay")


def test_two_columns_folding_to_the_text_are_a_clear_reject(tmp_path):
    (tmp_path / "two.csv").write_text(_csv([["Text", "TEXT"], [FERRY, WAGES]]))
    [rej] = _read(tmp_path / "two.csv").rejects
    assert rej.reason == codes.MISSING_TEXT
    assert "'Text' and 'TEXT' both name the text" in rej.detail and "--text-field" in rej.detail
    (tmp_path / "two.jsonl").write_text(json.dumps({"Text": FERRY, "TEXT": WAGES}) + "\n")
    [rej] = _read(tmp_path / "two.jsonl").rejects
    assert "'Text' and 'TEXT' both name the text" in rej.detail
    # the configured field settles it
    res = _read(tmp_path / "two.csv", IngestLimits(text_field="TEXT"))
    assert [d.text for d in res.docs] == [WAGES]


def test_a_null_text_under_a_folded_name_is_named(tmp_path):
    (tmp_path / "n.jsonl").write_text(json.dumps({"ID": "x1", "Text": None, "Title": "Ferry"}) + "\n")
    [rej] = _read(tmp_path / "n.jsonl").rejects
    assert (rej.reason, rej.detail) == (codes.MISSING_TEXT, "line 1: 'Text' is null")


def test_kaggle_news_csv_with_heading_article_and_newstype(tmp_path):
    rows = [["Article", "Date", "Heading", "NewsType"]] + [
        [t, "1/1/2015", f"Heading {i}", "business"] for i, t in enumerate(STORIES)
    ]
    (tmp_path / "Articles.csv").write_text(_csv(rows))
    res = _read(tmp_path / "Articles.csv")
    assert not res.rejects
    assert [(d.title, d.text) for d in res.docs] == [(f"Heading {i}", t) for i, t in enumerate(STORIES)]


@pytest.mark.parametrize("field", ["maintext", "body_text", "article_body", "articleBody", "story"])
def test_text_fields_of_well_known_dumps(tmp_path, field):
    (tmp_path / "d.jsonl").write_text(
        json.dumps({field: FLOODS, "date_publish": "2024-03-05 08:00:00"}) + "\n"
    )
    [doc] = _read(tmp_path / "d.jsonl").docs
    assert doc.text == FLOODS and doc.published_at == pd.Timestamp("2024-03-05T08:00:00Z")


def test_text_as_a_list_of_paragraph_objects(tmp_path):
    blocks = [
        {"type": "paragraph", "text": FERRY},
        {"type": "image", "url": "https://cdn.example.org/ferry.jpg", "caption": None},
        {"type": "paragraph", "text": "The operator said sailings would resume on Saturday."},
    ]
    (tmp_path / "cms.json").write_text(json.dumps([{"title": "Ferry", "content": blocks}]))
    [doc] = _read(tmp_path / "cms.json").docs
    assert doc.text == FERRY + "\n\nThe operator said sailings would resume on Saturday."


def test_a_parquet_file_with_capitalised_columns(tmp_path):
    pd.DataFrame({"Headline": ["Ferry", "Wages"], "Body": [FERRY, WAGES]}).to_parquet(tmp_path / "n.parquet")
    res = _read(tmp_path / "n.parquet")
    assert not res.rejects and [(d.title, d.text) for d in res.docs] == [("Ferry", FERRY), ("Wages", WAGES)]


# --- (B) metadata of an unexpected type ------------------------------------------------------------


def test_metadata_with_one_clear_reading_is_read_so(tmp_path):
    recs = [
        {"id": 3.0, "title": 1984, "text": FERRY, "published": 1709625600},
        {"id": 12345678901234567890, "title": "Wages", "text": WAGES, "date": 1709625600000},
        {"id": 5, "title": 2012.0, "text": FLOODS, "published": 1709625600.5, "url": ["https://e.org/f"]},
    ]
    (tmp_path / "pandas.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = _read(tmp_path / "pandas.jsonl")
    assert not res.rejects and not res.skipped
    assert [(d.record_key, d.title) for d in res.docs] == [
        ("3", "1984"),
        ("12345678901234567890", "Wages"),
        ("5", "2012"),
    ]
    assert [d.published_at for d in res.docs] == [
        pd.Timestamp("2024-03-05T08:00:00Z"),
        pd.Timestamp("2024-03-05T08:00:00Z"),
        pd.Timestamp("2024-03-05T08:00:00.5Z"),
    ]
    assert res.docs[2].url == "https://e.org/f"


def test_metadata_with_no_reading_is_dropped_and_counted_never_the_article(tmp_path):
    recs = [
        {"id": ["a", "b"], "text": FERRY, "author": ["Ann Lee", "Raj Patel"]},
        {"id": "w1", "title": {"en": "Wages"}, "text": WAGES, "published": None, "author": {"name": "X"}},
        {"id": "f1", "text": FLOODS, "published": True, "url": 17},
        {"id": float("nan"), "text": FERRY + " Updated.", "published": 2024},
    ]
    (tmp_path / "odd.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = _read(tmp_path / "odd.jsonl")
    assert not res.rejects
    assert [d.text for d in res.docs] == [FERRY, WAGES, FLOODS, FERRY + " Updated."]
    assert all(d.published_at is None for d in res.docs)
    assert dict(res.skipped) == {
        "metadata dropped: id list": 1,
        "metadata dropped: title dict": 1,
        "metadata dropped: published bool": 1,
        "metadata dropped: url int": 1,
        "metadata dropped: published int": 1,
    }


def test_a_csv_date_column_in_epoch_seconds(tmp_path):
    (tmp_path / "e.csv").write_text(
        _csv([["id", "Date", "Text"], ["1", "1709625600", FERRY], ["2", "", WAGES]])
    )
    res = _read(tmp_path / "e.csv")
    assert [d.published_at for d in res.docs] == [pd.Timestamp("2024-03-05T08:00:00Z"), None]


def test_a_record_whose_text_is_unusable_is_still_rejected(tmp_path):
    (tmp_path / "bad.jsonl").write_text(
        json.dumps({"id": 3.0, "text": 42}) + "\n" + json.dumps({"text": " "}) + "\n"
    )
    assert [r.reason for r in _read(tmp_path / "bad.jsonl").rejects] == [codes.MALFORMED_RECORD, codes.EMPTY]


# --- (C) escaped line breaks ------------------------------------------------------------------------


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def test_mysql_batch_tsv_with_escaped_paragraphs_and_backslashes(tmp_path):
    lines = ["id\ttitle\tbody\tsection"]
    for i, t in enumerate(LONG):
        title = _escape(f"Markets\\Europe {i}")
        lines.append(f"{i}\t{title}\t{_escape(t)}\tNULL")
    (tmp_path / "mysql.tsv").write_text("\n".join(lines) + "\n")
    res = _read(tmp_path / "mysql.tsv")
    assert not res.rejects
    assert [d.text for d in res.docs] == LONG
    assert res.docs[0].title == "Markets\\Europe 0"  # an escaped backslash is one backslash


def test_postgres_copy_text_with_null_cells(tmp_path):
    lines = ["id\ttitle\tbody\tpublished"]
    lines += [f"{i}\t\\N\t{_escape(t)}\t\\N" for i, t in enumerate(STORIES[:2])]  # short texts: \N decides
    lines.append(
        f"9\tFloods\t{_escape(FLOODS + chr(10) + chr(10) + 'Schools reopen on Monday.')}\t2024-03-05"
    )
    (tmp_path / "copy.tsv").write_text("\n".join(lines) + "\n")
    res = _read(tmp_path / "copy.tsv")
    assert not res.rejects
    assert [d.text for d in res.docs] == [*STORIES[:2], FLOODS + "\n\nSchools reopen on Monday."]
    assert res.docs[0].title != "\\N" and res.docs[0].published_at is None


def test_a_csv_dump_with_literal_backslash_n_between_paragraphs(tmp_path):
    rows = [["title", "text"]] + [[f"T{i}", t.replace("\n", "\\n")] for i, t in enumerate(LONG)]
    (tmp_path / "dump.csv").write_text(_csv(rows))
    assert [d.text for d in _read(tmp_path / "dump.csv").docs] == LONG


TECH = [
    "Microsoft said on Tuesday that a flaw in how Windows parsed paths such as C:\\new\\temp\\notes.txt let "
    "attackers run code. The company shipped a fix in its monthly update and urged administrators to "
    "install it quickly, adding that it had seen no attacks using the flaw.",
    'Python 3.13 changes how print handles the "\\n" line ending on Windows, the release notes say. '
    "Developers who split logs on a newline should test their scripts before upgrading, the core team "
    "advised in a post on Monday.",
    "The paper typesets its proofs in LaTeX, using \\newcommand for notation and \\nabla for the gradient; "
    "its regex for dates, \\d{4}-\\d{2}, is in the appendix. Reviewers praised the clarity of the "
    "argument and the care taken with the experiments.",
]


@pytest.mark.parametrize("delimiter,name", [(",", "tech.csv"), ("\t", "tech.tsv")])
def test_ordinary_text_with_backslashes_is_left_as_written(tmp_path, delimiter, name):
    (tmp_path / name).write_text(
        _csv([["title", "text"], *[[f"T{i}", t] for i, t in enumerate(TECH)]], delimiter)
    )
    assert [d.text for d in _read(tmp_path / name).docs] == TECH


# --- (D) Excel "Unicode text" -------------------------------------------------------------------------


def test_excel_unicode_text_export(tmp_path):
    """Excel's "Unicode Text (*.txt)": UTF-16LE with a BOM, tabs, CRLF, multi-line cells quoted, the
    header as the user typed it."""
    rows = [["Headline", "Article Text", "Published"]] + [
        [f"Story {i}", t, "05/03/2024"] for i, t in enumerate(LONG)
    ]
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(rows)
    data = "\ufeff" + buf.getvalue().replace("\n\n", "\r\n\r\n").replace("\r\r\n", "\r\n")
    (tmp_path / "export.tsv").write_bytes(data.encode("utf-16-le"))
    (tmp_path / "export.txt").write_bytes(data.encode("utf-16-le"))
    for name in ("export.tsv", "export.txt"):
        res = _read(tmp_path / name)
        assert not res.rejects, name
        assert [(d.title, d.text.replace("\r\n", "\n")) for d in res.docs] == [
            (f"Story {i}", t) for i, t in enumerate(LONG)
        ], name
