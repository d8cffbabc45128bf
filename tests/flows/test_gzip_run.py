"""A gzip JSON Lines dump and a gzip WET file larger than max_file_bytes through the real CLI:
streamed into parts that the batch stage shares out, every record a document, the spool gone
after the run."""

from __future__ import annotations

import gzip
import json
import os

import pandas as pd
import pytest

from tests.conftest import REPO, factsieve
from tests.ingest.test_gzip_stream import _feed

pytestmark = pytest.mark.slow


def _run(raw, out, config) -> dict:
    res = factsieve(
        "run", str(raw), "--out", str(out), "--config", str(config), "--json",
        env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def _config(tmp_path, max_file_bytes: int):
    """Batches of ~16 KB and a file limit below the dump; the briefs share sentences, so the
    duplicate-rate check is not what these tests are about."""
    config = tmp_path / "run.toml"
    config.write_text(
        f"batch_bytes = 16384\n[limits]\nmax_file_bytes = {max_file_bytes}\n[gx]\nmax_duplicate_rate = 1.0\n"
    )
    return config


def test_a_gzip_dump_beyond_max_file_bytes_is_read_in_parts(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    body = _feed(300)
    (raw / "dump.jsonl.gz").write_bytes(gzip.compress(body))
    config = _config(tmp_path, len(body) // 4)  # a quarter of the dump
    summary = _run(raw, out, config)
    assert (summary["documents"], summary["rejects"]) == (300, 1)  # the one bad line
    runs = pd.read_parquet(out / "runs")
    assert json.loads(runs["stage_counts"].iloc[0])["ingest"]["batches"] > 1
    docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key", "format"])
    assert set(docs["source_uri"].map(os.path.basename)) == {"dump.jsonl.gz"}
    assert set(docs["format"]) == {"jsonl"} and docs["record_key"].is_unique
    assert not any((out / "_staging").rglob("*.jsonl"))


def test_a_wet_gz_beyond_max_file_bytes_is_read_in_parts(tmp_path):
    from tests.ingest.test_wet import _big_wet

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    body = _big_wet(300)
    (raw / "CC-MAIN-20230127-00000.warc.wet.gz").write_bytes(gzip.compress(body))
    config = _config(tmp_path, len(body) // 4)
    summary = _run(raw, out, config)
    assert (summary["documents"], summary["rejects"], summary["input_records"]) == (300, 1, 301)
    runs = pd.read_parquet(out / "runs")
    assert json.loads(runs["stage_counts"].iloc[0])["ingest"]["batches"] > 1
    docs = pd.read_parquet(out / "latest" / "documents", columns=["record_key", "format", "url"])
    assert set(docs["format"]) == {"wet"} and docs["record_key"].is_unique and docs["url"].notna().all()
    assert not any((out / "_staging").rglob("*.wet"))
    assert _run(raw, out, config)["status"] == "unchanged"
