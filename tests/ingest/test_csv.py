"""CSV and TSV corpora (factsieve.ingest.delimited, read._read_csv): a record per row with the
JSON field rules, a reject with its line number per row that cannot be framed, a specific reject
for a file without a header, and parts cut after rows that give the rows of the whole file."""

from __future__ import annotations

import csv
import gzip
import io
import random

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

STORIES = [
    (
        "Port strike ends",
        'Dock workers in Valparaiso ended a nine-day strike, the union said, after the port agreed to raise night pay.\n\nShipping lines said "it will take a week" to clear the backlog.',
    ),
    (
        "Rates on hold",
        "The central bank held its main rate at 5.25 percent on Thursday, the fourth hold in a row.",
    ),
    (
        "Grain exports up",
        "The ministry said grain exports rose 8 percent in March from a year earlier; wheat led the rise.",
    ),
    (
        "Rail vote",
        "Officials said the rail contract vote passed with 62 percent of members in favour, ending a dispute.",
    ),
]


def _input(path) -> InputFile:
    return InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)


def _kaggle(n: int, delimiter: str = ",", seed: int = 3) -> str:
    """A Kaggle-style fake/real news table: title,text,subject,date, written by the csv module
    (quoted line breaks, commas and doubled quotes inside fields), CRLF row ends."""
    rng = random.Random(seed)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(["title", "text", "subject", "date"])
    for i in range(n):
        title, text = rng.choice(STORIES)
        w.writerow([f"{title} ({i})", text, "worldnews", f"December {1 + i % 28}, 2017"])
    return buf.getvalue()


def _read(path, limits=IngestLimits()):
    return read.read_input(_input(path), limits)


def test_a_kaggle_style_csv_is_one_document_per_row(tmp_path):
    path = tmp_path / "Fake.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _kaggle(20).encode("utf-8"))  # Excel's BOM
    res = _read(path)
    assert not res.rejects and len(res.docs) == 20
    first = res.docs[0]
    assert (first.format, first.record_key, first.encoding) == ("csv", "line:2", "utf-8")
    # a quoted field keeps its commas, line breaks and quotes; the date column is 'published'
    port = next(d for d in res.docs if d.title.startswith("Port strike ends"))
    assert 'said "it will take a week"' in port.text and "\n" in port.text
    assert str(port.published_at.date()).startswith("2017-12")
    # keys are the line each row starts on: a row with a quoted line break spans two lines
    lines = [int(d.record_key.split(":")[1]) for d in res.docs]
    assert lines == sorted(lines) and lines[-1] > 21


def test_tsv_and_semicolon_csv(tmp_path):
    (tmp_path / "news.tsv").write_text(_kaggle(5, "\t"), encoding="utf-8")
    # a European export: ';' between fields, commas inside the text
    (tmp_path / "export.csv").write_text(
        "headline;body;date\nHafen;Die Regierung sagte am Montag, dass die Steuern steigen.;2020-01-06\n",
        encoding="cp1252",
    )
    # TSV written without quoting: a field that only starts with a quote is text
    (tmp_path / "plain.tsv").write_text('title\ttext\n"Quoted" headline\tMarkets rose, traders said.\n')
    tsv = _read(tmp_path / "news.tsv")
    assert len(tsv.docs) == 5 and {d.format for d in tsv.docs} == {"tsv"}
    eu = _read(tmp_path / "export.csv")
    assert [(d.title, d.text) for d in eu.docs] == [
        ("Hafen", "Die Regierung sagte am Montag, dass die Steuern steigen.")
    ]
    plain = _read(tmp_path / "plain.tsv")
    assert [(d.title, d.text) for d in plain.docs] == [('"Quoted" headline', "Markets rose, traders said.")]


def test_bad_rows_are_rejects_with_their_line_and_the_file_goes_on(tmp_path):
    path = tmp_path / "scrape.csv"
    path.write_text(
        "id,title,text\r\n"
        'a1,Storm,"The storm, officials said, cut power to 40,000 homes."\r\n'
        'a2,Broken,"an opening quote never closed, then the row ends\r\n'
        "a3,Next,Ordinary text about the markets on Monday.\r\n"
        "a4,Too few\r\n"
        "a5,Too many,Text,extra,cells\r\n"
        "a6,Trailing,Trailing commas from a spreadsheet are empty columns.,,\r\n"
        "\r\n"
        'a7,Empty,""\r\n'
        ",No id,A row without an id is keyed by its line.\r\n",
        encoding="utf-8",
    )
    res = _read(path)
    assert [d.record_key for d in res.docs] == ["a1", "a3", "a6", "line:10"]
    rejects = {r.record_key: (r.reason, r.detail) for r in res.rejects}
    assert rejects["line:3"][0] == codes.MALFORMED_CSV and rejects["line:3"][1].startswith(
        "line 3: not a row"
    )
    assert rejects["line:5"] == (
        codes.MALFORMED_CSV,
        "line 5: 2 fields, the header has 3 (an unquoted ',' in a field, or one missing?)",
    )
    assert rejects["line:6"][0] == codes.MALFORMED_CSV
    assert rejects["a7"][0] == codes.EMPTY
    assert len(res.docs) + len(res.rejects) == 8  # every row but the blank line


def test_a_field_past_max_record_chars_is_too_large_and_the_next_row_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text(
        'title,text\nBig,"' + "word " * 30_000 + '"\nSmall,"Officials said the port reopened on Monday."\n'
    )
    res = _read(path, IngestLimits(max_record_chars=10_000))
    assert [d.title for d in res.docs] == ["Small"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("line:2", codes.TOO_LARGE)
    assert rej.detail.startswith("line 2: a field of more than 10,000 characters (limit max_record_chars)")
    # a header and no rows leaves one row for the file
    (tmp_path / "header_only.csv").write_text("title,text,date\r\n")
    [rej] = _read(tmp_path / "header_only.csv").rejects
    assert (rej.reason, rej.detail) == (codes.EMPTY, "a header and no rows")


def test_a_file_without_a_header_is_one_specific_reject(tmp_path):
    # AG News ships without a header: class, title, description
    (tmp_path / "train.csv").write_text(
        '"3","Wall St. Bears Claw Back Into the Black (Reuters)","Reuters - Short-sellers, Wall Street\'s dwindling band of ultra-cynics, are seeing green again."\n'
    )
    (tmp_path / "labels.csv").write_text("label,score\npositive,0.9\n")
    res = _read(tmp_path / "train.csv")
    [rej] = res.rejects
    assert rej.reason == codes.NO_HEADER and not res.docs
    assert "the first row holds long values, not column names ('3', 'Wall St. Bears" in rej.detail
    [rej] = _read(tmp_path / "labels.csv").rejects
    assert (rej.reason, rej.detail) == (
        codes.MISSING_TEXT,
        "no 'text' column or alias (body, content, article, …; columns: label, score)",
    )


def test_text_field_names_the_column(tmp_path):
    path = tmp_path / "cnn.csv"
    path.write_text('id,article,highlights\nx1,"Full story: the council met on Monday.",The council met.\n')
    assert [d.text for d in _read(path).docs] == ["Full story: the council met on Monday."]
    limits = IngestLimits(text_field="highlights")
    assert [d.text for d in _read(path, limits).docs] == ["The council met."]
    [rej] = _read(path, IngestLimits(text_field="summary")).rejects
    assert rej.detail == "no column 'summary' (the configured text field; columns: id, article, highlights)"


def test_a_gzip_csv_is_read(tmp_path):
    path = tmp_path / "True.csv.gz"
    path.write_bytes(gzip.compress(_kaggle(7).encode()))
    res = _read(path)
    assert len(res.docs) == 7 and {d.format for d in res.docs} == {"csv"}


def _read_parts(parts, limits=IngestLimits()):
    docs, rejects, taken = [], [], set()
    for p in parts:
        r = read.read_input(p, limits, taken if p.is_part else None)
        docs += [(d.record_key, d.title, d.text) for d in r.docs]
        rejects += [(x.record_key, x.reason, x.detail) for x in r.rejects]
        if r.keys:
            taken |= r.keys
    return docs, rejects


@pytest.mark.parametrize("name,delimiter", [("big.csv", ","), ("big.tsv", "\t")])
def test_parts_cut_after_rows_give_the_rows_of_the_whole_file(tmp_path, name, delimiter):
    lines = _kaggle(400, delimiter).splitlines(keepends=True)
    lines.insert(150, 'x,"a quote never closed, then more\r\n')  # a bad row inside a part
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    whole = _read_parts([_input(path)])
    parts = splitting.split_parts(_input(path), 4096)
    assert len(parts) > 10 and all(p.is_part for p in parts)
    assert _read_parts(parts) == whole
    assert len(whole[0]) == 400 and [r[1] for r in whole[1]] == [codes.MALFORMED_CSV]
    # every cut falls after a row: no part starts inside a quoted line break
    body = path.read_bytes()
    for p in parts[1:]:
        assert body[p.start - 1 : p.start] == b"\n" and body[p.start - 2 : p.start] == b"\r\n"


def test_files_read_whole_are_not_cut(tmp_path):
    (tmp_path / "legacy.csv").write_bytes(_kaggle(100).replace("Valparaiso", "Valparaíso").encode("cp1252"))
    (tmp_path / "noheader.csv").write_text("".join(_kaggle(100).splitlines(keepends=True)[1:]))
    for name in ("legacy.csv", "noheader.csv"):
        assert splitting.split_parts(_input(tmp_path / name), 2048) == [_input(tmp_path / name)]


@pytest.mark.parametrize("name,delimiter", [("big.csv.gz", ","), ("big.tsv.gz", "\t")])
def test_a_large_gzip_csv_is_streamed_into_parts_with_the_rows_of_a_whole_read(tmp_path, name, delimiter):
    lines = _kaggle(400, delimiter).splitlines(keepends=True)
    lines.insert(150, 'x,"a quote never closed, then more\r\n')
    body = "".join(lines).encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(body))
    whole = _read_parts([_input(path)])
    # more than max_file_bytes decompressed: read whole it is one too_large reject; streamed, its rows
    limits = IngestLimits(max_file_bytes=len(body) // 3)
    assert [r[1] for r in _read_parts([_input(path)], limits)[1]] == [codes.TOO_LARGE]
    spool = tmp_path / "spool"
    parts = splitting.split_gzip_parts(_input(path), 4096, limits, spool)
    assert len(parts) > 10 and all(p.is_part and p.path.startswith(str(spool)) for p in parts)
    assert _read_parts(parts, limits) == whole
    assert len(whole[0]) == 400 and [r[1] for r in whole[1]] == [codes.MALFORMED_CSV]
    # a legacy-encoded gzip CSV cannot be cut (decoding needs the whole file): read whole, as before
    legacy = tmp_path / "legacy.csv.gz"
    legacy.write_bytes(gzip.compress(_kaggle(100).replace("Valparaiso", "Valparaíso").encode("cp1252")))
    assert splitting.split_gzip_parts(_input(legacy), 2048, IngestLimits(), spool) == [_input(legacy)]


def test_a_reject_detail_names_the_column_the_text_was_read_from(tmp_path):
    # A Reuters export with a 'body' column: a row with an empty body said "'text' is empty",
    # naming a column the file does not have.
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["newid", "title", "body"])
    w.writerow(["1", "BAHIA COCOA REVIEW", "Showers continued throughout the week in the Bahia cocoa zone."])
    w.writerow(["2", "U.S. TREASURY BALANCE", ""])
    w.writerow(["3", "CORN EXPORTS", "  "])
    (tmp_path / "reuters.csv").write_text(buf.getvalue(), encoding="utf-8")
    res = _read(tmp_path / "reuters.csv")
    assert len(res.docs) == 1
    assert [(r.reason, r.detail) for r in res.rejects] == [
        (codes.EMPTY, "line 3: 'body' is empty"),
        (codes.EMPTY, "line 4: 'body' is empty"),
    ]
    (tmp_path / "plain.csv").write_text("title,text\nRates on hold,\n", encoding="utf-8")
    assert [r.detail for r in _read(tmp_path / "plain.csv").rejects] == ["line 2: 'text' is empty"]
