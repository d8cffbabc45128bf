"""Feeds and Reuters-21578 SGML through the real CLI (a Prefect flow run): a folder holding an RSS
feed, a gzip Atom feed, a large feed read in parts, an .sgm file, XML that is not a feed, a
billion-laughs file and a .csv.gz streamed through the spool. Documents carry their titles and dates into the Parquet output, every
reject has its reason, input_records = documents + rejects, and a second run finds nothing new."""

from __future__ import annotations

import gzip
import json
import os

import pandas as pd
import pytest

from tests.flows.test_gzip_run import _run
from tests.ingest.test_csv import _kaggle
from tests.ingest.test_feeds import ATOM, LAUGHS, RSS, _big_feed
from tests.ingest.test_reuters_sgml import SGM

pytestmark = pytest.mark.slow


def test_feeds_sgml_and_hostile_xml_through_the_cli(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "news.rss").write_text(RSS, encoding="utf-8")
    (raw / "blog.atom.gz").write_bytes(gzip.compress(ATOM.encode()))
    (raw / "wire.xml").write_text(_big_feed(120), encoding="utf-8")  # ~30 KB: parts of items
    (raw / "reut2-000.sgm").write_text(SGM, encoding="utf-8")
    (raw / "Fake.csv.gz").write_bytes(gzip.compress(_kaggle(100).encode()))  # ~40 KB: spooled, cut
    (raw / "laughs.xml").write_text(LAUGHS, encoding="utf-8")
    (raw / "sitemap.xml").write_text(
        '<?xml version="1.0"?>\n<urlset><url><loc>https://x.example/</loc></url></urlset>\n'
    )
    config = tmp_path / "run.toml"
    # batches of ~8 KB: wire.xml is cut into parts; its stories share sentences
    config.write_text("batch_bytes = 8192\n[gx]\nmax_duplicate_rate = 1.0\n")
    summary = _run(raw, out, config)
    assert (summary["documents"], summary["rejects"]) == (3 + 3 + 120 + 3 + 100, 1 + 1 + 1 + 1)
    assert summary["input_records"] == 233
    counts = json.loads(pd.read_parquet(out / "runs")["stage_counts"].iloc[0])
    assert counts["ingest"]["batches"] > 2

    docs = pd.read_parquet(
        out / "latest" / "documents",
        columns=["source_uri", "record_key", "format", "title", "url", "published_at"],
    )
    docs["file"] = docs["source_uri"].map(os.path.basename)
    assert docs.groupby("file")["format"].agg(["first", "size"]).to_dict("index") == {
        "Fake.csv.gz": {"first": "csv", "size": 100},
        "blog.atom.gz": {"first": "feed", "size": 3},
        "news.rss": {"first": "feed", "size": 3},
        "reut2-000.sgm": {"first": "sgml", "size": 3},
        "wire.xml": {"first": "feed", "size": 120},
    }
    row = docs.set_index(["file", "record_key"])
    strike = row.loc[("news.rss", "ex-1001")]
    assert (strike["title"], strike["url"]) == (
        "Port strike ends after three weeks",
        "https://news.example.com/port-strike",
    )
    assert strike["published_at"] == pd.Timestamp("2024-06-03 08:30", tz="UTC")
    assert row.loc[("blog.atom.gz", "tag:atom.example.com,2024:2"), "title"] == "Factory output rises"
    cocoa = row.loc[("reut2-000.sgm", "101")]
    assert (cocoa["title"], cocoa["published_at"]) == (
        "PORT COCOA REVIEW",
        pd.Timestamp("1987-02-26 15:01:01.79", tz="UTC"),
    )
    assert sorted(row.loc["wire.xml"].index) == sorted(f"g-{i}" for i in range(1, 121))
    assert not any((out / "_staging").rglob("whole"))  # the .csv.gz spool is gone

    rejects = pd.read_parquet(out / "latest" / "rejects")
    got = set(
        zip(
            rejects["source_uri"].map(os.path.basename), rejects["record_key"], rejects["reason"], strict=True
        )
    )
    assert got == {
        ("news.rss", "https://news.example.com/gallery", "missing_text"),
        ("reut2-000.sgm", "102", "no_body"),
        ("laughs.xml", "", "unsafe_xml"),
        ("sitemap.xml", "", "unsupported_xml"),
    }
    again = _run(raw, out, config)
    assert (again["status"], again["unchanged_files"]) == ("unchanged", 7)
