"""A gzip JSON Lines dump larger than max_file_bytes through the real CLI: streamed into parts that
the batch stage shares out, every record a document, the spool gone after the run."""

from __future__ import annotations

import gzip
import json
import os

import pandas as pd
import pytest

from tests.conftest import REPO, factsieve
from tests.ingest.test_gzip_stream import _feed

pytestmark = pytest.mark.slow


def test_a_gzip_dump_beyond_max_file_bytes_is_read_in_parts(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    body = _feed(300)
    (raw / "dump.jsonl.gz").write_bytes(gzip.compress(body))
    config = tmp_path / "run.toml"
    # batches of ~16 KB, a file limit a quarter of the dump; the feed's briefs share sentences, so
    # the duplicate-rate check is not what this test is about
    config.write_text(
        f"batch_bytes = 16384\n[limits]\nmax_file_bytes = {len(body) // 4}\n[gx]\nmax_duplicate_rate = 1.0\n"
    )
    res = factsieve(
        "run", str(raw), "--out", str(out), "--config", str(config), "--json",
        env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    summary = json.loads(res.stdout)
    assert (summary["documents"], summary["rejects"]) == (300, 1)  # the one bad line
    runs = pd.read_parquet(out / "runs")
    assert json.loads(runs["stage_counts"].iloc[0])["ingest"]["batches"] > 1
    docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key", "format"])
    assert set(docs["source_uri"].map(os.path.basename)) == {"dump.jsonl.gz"}
    assert set(docs["format"]) == {"jsonl"} and docs["record_key"].is_unique
    assert not any((out / "_staging").rglob("*.jsonl"))
