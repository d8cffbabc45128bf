"""Tables of news (CSV, TSV, gzip CSV, Parquet) through the real CLI: a row per document or
reject, a large CSV and a Parquet file cut into parts the batches share, input_records = documents + rejects, and a
second run that finds nothing new."""

from __future__ import annotations

import gzip
import json
import os

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.flows.test_gzip_run import _run
from tests.ingest.test_csv import STORIES, _kaggle

pytestmark = pytest.mark.slow


def test_csv_and_tsv_corpora_through_the_cli(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    lines = _kaggle(300).splitlines(keepends=True)
    lines.insert(100, 'x,"a quote never closed, then more\r\n')
    (raw / "Fake.csv").write_text("".join(lines), encoding="utf-8")
    (raw / "news.tsv").write_text(_kaggle(20, "\t", seed=5), encoding="utf-8")
    (raw / "True.csv.gz").write_bytes(gzip.compress(_kaggle(30, seed=9).encode("cp1252")))
    (raw / "ag_news_train.csv").write_text(
        '"3","Wall St. Bears Claw Back Into the Black (Reuters)","Reuters - Short-sellers are seeing green again."\n'
    )
    # a Hugging Face style Parquet file of 6 row groups, and one cut short by a failed download
    rows = [
        {"id": f"cc-{i}", "title": STORIES[i % 4][0], "text": f"{STORIES[i % 4][1]} ({i})"}
        for i in range(120)
    ]
    pq.write_table(pa.Table.from_pylist(rows), raw / "cc_news.parquet", row_group_size=20)
    (raw / "partial.parquet").write_bytes((raw / "cc_news.parquet").read_bytes()[:3000])
    config = tmp_path / "run.toml"
    # batches of ~16 KB: Fake.csv (~60 KB) is cut into parts; the briefs share sentences
    config.write_text("batch_bytes = 16384\n[gx]\nmax_duplicate_rate = 1.0\n")
    summary = _run(raw, out, config)
    assert (summary["documents"], summary["rejects"]) == (470, 3)
    runs = pd.read_parquet(out / "runs")
    counts = json.loads(runs["stage_counts"].iloc[0])
    assert counts["ingest"]["batches"] > 2
    assert summary["input_records"] == 473
    docs = pd.read_parquet(
        out / "latest" / "documents", columns=["source_uri", "record_key", "format", "title"]
    )
    per_file = docs.groupby(docs["source_uri"].map(os.path.basename))["format"].agg(["first", "size"])
    assert per_file.to_dict("index") == {
        "Fake.csv": {"first": "csv", "size": 300},
        "True.csv.gz": {"first": "csv", "size": 30},
        "cc_news.parquet": {"first": "parquet", "size": 120},
        "news.tsv": {"first": "tsv", "size": 20},
    }
    assert docs.groupby("source_uri")["record_key"].apply(lambda k: k.is_unique).all()
    rejects = pd.read_parquet(
        out / "latest" / "rejects", columns=["source_uri", "record_key", "reason", "detail"]
    )
    got = {
        (os.path.basename(u), k, r)
        for u, k, r in rejects[["source_uri", "record_key", "reason"]].itertuples(index=False)
    }
    assert got == {
        ("Fake.csv", "line:101", "malformed_csv"),
        ("ag_news_train.csv", "", "no_header"),
        ("partial.parquet", "", "corrupt_file"),
    }
    again = _run(raw, out, config)
    assert (again["status"], again["unchanged_files"]) == ("unchanged", 6)
