"""Corpora as distributed, through the real CLI (a Prefect flow run): a zip shaped like
bbc-fulltext.zip, a 20 Newsgroups-like tar.gz and a CC-NEWS-like WARC of 3 responses. Documents and
rejects account for every record; the latest view follows a changed archive (a story edited, one
removed, a member with no reader added) and a removed one, and a rerun finds nothing new."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from factsieve.ingest.read import read_input
from factsieve.ingest.sources import discover
from tests.flows.test_gzip_run import _run
from tests.ingest.corpus_builders import ARTICLES, NEWSGROUP_POSTS, bbc_story, bbc_zip, newsgroups_tar
from tests.ingest.test_archives import BBC
from tests.ingest.test_warc_responses import NAME, _per_record_gzip, _three_responses

pytestmark = pytest.mark.slow


def _latest(out) -> tuple[set, set]:
    docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key", "text"])
    rejects = pd.read_parquet(out / "latest" / "rejects", columns=["source_uri", "record_key", "reason"])
    name = os.path.basename
    return (
        {(name(u), k) for u, k in zip(docs["source_uri"], docs["record_key"], strict=True)},
        {
            (name(u), k, r)
            for u, k, r in zip(rejects["source_uri"], rejects["record_key"], rejects["reason"], strict=True)
        },
    )


def test_zip_tar_and_warc_corpora_through_the_cli_and_the_latest_view(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    bbc_zip(raw / "bbc-fulltext.zip", BBC)
    newsgroups_tar(raw / "20news-bydate.tar.gz")
    (raw / (NAME + ".gz")).write_bytes(_per_record_gzip(_three_responses()))
    config = tmp_path / "run.toml"
    config.write_text("[gx]\nmax_duplicate_rate = 1.0\n")

    summary = _run(raw, out, config)
    # 3 + 3 + 1 documents (the zip's README.TXT is passed over: round 7); the 404 and the image are
    # the WARC's rejects: 3 responses, 3 rows
    assert (summary["documents"], summary["rejects"], summary["input_records"]) == (7, 2, 9)
    docs, rejects = _latest(out)
    assert docs == {
        *(("bbc-fulltext.zip", k) for k in BBC if k != "bbc/README.TXT"),
        *(("20news-bydate.tar.gz", f"20news-bydate-train/{n}") for n, _ in NEWSGROUP_POSTS),
        (NAME + ".gz", "r-1"),
    }
    assert rejects == {(NAME + ".gz", "r-2", "http_status"), (NAME + ".gz", "r-3", "unsupported_payload")}
    # what is no record (folders, __MACOSX/, .DS_Store, the WARC's requests and warcinfo) is counted
    # in the summary, the runs row and the report, as reading each file says
    expected: Counter[str] = Counter()
    for f in discover(raw):
        expected.update(read_input(f).skipped)
    assert summary["passed_over"] == dict(sorted(expected.items())) and expected["request record"] == 3
    assert expected["corpus README or licence"] == 1
    [row] = pd.read_parquet(out / "runs").itertuples()
    assert json.loads(row.stage_counts)["ingest"]["passed_over"] == summary["passed_over"]
    assert "Passed over (not records)" in Path(summary["report"]).read_text(encoding="utf-8")

    # the archive changes: one story edited, one removed, a photo (no reader) added
    changed = {k: v for k, v in BBC.items() if k != "bbc/politics/001.txt"}
    changed["bbc/business/001.txt"] = bbc_story(ARTICLES[3][0], ARTICLES[3][1])
    bbc_zip(raw / "bbc-fulltext.zip", changed, extra={"bbc/photos/ceo.jpg": b"\xff\xd8\xff\xe0" + bytes(64)})
    (raw / "20news-bydate.tar.gz").unlink()
    again = _run(raw, out, config)
    assert again["changed_files"] == 1 and again["removed_files"] == 1
    docs, rejects = _latest(out)
    assert docs == {
        *(("bbc-fulltext.zip", k) for k in changed if k != "bbc/README.TXT"),
        (NAME + ".gz", "r-1"),
    }
    assert ("bbc-fulltext.zip", "bbc/photos/ceo.jpg", "unsupported_format") in rejects
    text = pd.read_parquet(
        out / "latest" / "documents", filters=[("record_key", "=", "bbc/business/001.txt")]
    )
    assert text["title"].tolist() == [ARTICLES[3][0]]

    # a member with no reader does not make the archive "unread": the next run has nothing to do
    third = _run(raw, out, config)
    assert (third["status"], third["unchanged_files"]) == ("unchanged", 2)
