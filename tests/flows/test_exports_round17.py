"""Public dataset exports, round 17 (docs/INGEST.md "Dataset exports, round 17"), through the real
CLI: one folder with a file of each class (capitalised and spaced field names, metadata of an
unexpected type, escaped line breaks of mysql/PostgreSQL exports, Excel's "Unicode text" saved as
.txt). Every article is a document, nothing is rejected for its metadata, the dropped metadata is
counted in the summary, and paragraph breaks survive."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from tests.conftest import factsieve
from tests.ingest.test_exports_round17 import FERRY, FLOODS, LONG, STORIES, TECH, WAGES, _escape


def _table(rows: list[list[object]], delimiter: str = ",", end: str = "\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=end).writerows(rows)
    return buf.getvalue()


@pytest.mark.slow
def test_exports_of_each_class_through_the_cli(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    # (A) header spelling
    (raw / "kaggle.csv").write_text(
        _table(
            [["Article", "Date", "Heading", "NewsType"], *[[t, "1/1/2015", "H", "business"] for t in STORIES]]
        )
    )
    (raw / "spaced.csv").write_text(
        _table([["Headline", "Article Text ", "URL"], [FERRY, "Ferry", "https://e.org/1"]])
    )
    # (B) metadata of an unexpected type
    recs = [
        {
            "id": 3.0,
            "Title": 1984,
            "Text": WAGES,
            "date_publish": 1709625600000,
            "authors": ["Ann Lee", "Raj Patel"],
        },
        {"id": ["x", "y"], "title": {"en": "Floods"}, "maintext": FLOODS, "published": True},
    ]
    (raw / "pandas.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    # (C) a PostgreSQL COPY export with escaped paragraphs and NULLs, and tech news left as written
    lines = ["id\ttitle\tbody\tpublished"] + [f"{i}\t\\N\t{_escape(t)}\t\\N" for i, t in enumerate(LONG)]
    (raw / "copy.tsv").write_text("\n".join(lines) + "\n")
    (raw / "tech.csv").write_text(_table([["title", "text"], *[[f"T{i}", t] for i, t in enumerate(TECH)]]))
    # (D) Excel "Unicode Text": UTF-16LE, BOM, tabs, CRLF, quoted multi-line cells, capitalised header
    excel = _table([["Headline", "Body"], *[["Wages", t] for t in LONG[:2]]], "\t", "\r\n")
    (raw / "Book1.txt").write_bytes(("\ufeff" + excel).encode("utf-16-le"))

    out = tmp_path / "out"
    res = factsieve("run", str(raw), "--out", str(out))
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    assert "rejects     0: none" in res.stdout
    assert "metadata    dropped, documents kept: id list 1, published bool 1, title dict 1" in res.stdout
    docs = pd.read_parquet(out / "documents")
    per_file = docs["source_uri"].str.removeprefix(str(raw) + "/").value_counts().to_dict()
    assert per_file == {
        "kaggle.csv": 3,
        "spaced.csv": 1,
        "pandas.jsonl": 2,
        "copy.tsv": 3,
        "tech.csv": 3,
        "Book1.txt": 2,
    }
    assert pd.read_parquet(out / "rejects").empty
    pandas_docs = docs[docs["source_uri"].str.endswith("pandas.jsonl")].sort_values("record_key")
    assert pandas_docs["record_key"].tolist() == ["3", "line:2"]
    assert pandas_docs["title"].iloc[0] == "1984"
    assert pandas_docs["published_at"].iloc[0] == pd.Timestamp("2024-03-05T08:00:00Z")
    # paragraph breaks survive: each COPY body's second paragraph starts a line of its own (the
    # cleaner writes a paragraph per line); on main they were a literal backslash-n inside a sentence
    copy = docs[docs["source_uri"].str.endswith("copy.tsv")].sort_values("record_key")
    for text, long in zip(copy["text"], LONG, strict=True):
        assert "\\n" not in text and "\n" + long.split("\n\n")[1][:30] in text
    tech = docs[docs["source_uri"].str.endswith("tech.csv")]
    assert tech["text"].str.contains(r"C:\new\temp", regex=False).any()
