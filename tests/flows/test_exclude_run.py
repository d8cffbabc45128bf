"""`factsieve run --exclude GLOB` through the real CLI (round 7): inputs and archive members left
out are counted as passed over in the summary, the runs row and the report; a second run with the
same patterns is unchanged; a run without them reads what they left out (new files, and the archive
again for its changed settings), and the latest view is a first run's without patterns."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import REPO, factsieve
from tests.ingest.corpus_builders import ARTICLES, bbc_story, bbc_zip

pytestmark = pytest.mark.slow


def _run(raw, out, config, *extra) -> dict:
    res = factsieve(
        "run", str(raw), "--out", str(out), "--config", str(config), "--json", *extra,
        env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def _keys(out) -> set[tuple[str, str]]:
    docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key"])
    return {(os.path.basename(u), k) for u, k in zip(docs["source_uri"], docs["record_key"], strict=True)}


def test_excluded_inputs_are_counted_and_a_changed_exclude_reads_them(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    (raw / "drafts").mkdir(parents=True)
    (raw / "a.txt").write_text(bbc_story(*ARTICLES[0]))
    (raw / "drafts" / "b.txt").write_text(bbc_story(*ARTICLES[1]))
    (raw / "README.txt").write_text("News stories collected in 2024 for a study. Licence: CC-BY 4.0.\n")
    stories = {"news/c.txt": bbc_story(*ARTICLES[2]), "news/drafts/d.txt": bbc_story(*ARTICLES[3])}
    bbc_zip(raw / "news.zip", stories)
    config = tmp_path / "run.toml"
    config.write_text("[gx]\nmax_duplicate_rate = 1.0\n")

    first = _run(raw, out, config, "--exclude", "drafts")
    assert _keys(out) == {("a.txt", ""), ("news.zip", "news/c.txt")}
    passed = first["passed_over"]
    assert (passed["excluded (--exclude)"], passed["corpus README or licence"]) == (2, 1)  # b.txt, d.txt
    [row] = pd.read_parquet(out / "runs").itertuples()
    assert json.loads(row.stage_counts)["ingest"]["passed_over"] == passed
    assert json.loads(row.parameters)["limits"]["exclude"] == ["drafts"]
    assert "excluded (--exclude)" in Path(first["report"]).read_text(encoding="utf-8")

    again = _run(raw, out, config, "--exclude", "drafts")
    assert (again["status"], again["unchanged_files"]) == ("unchanged", 2)
    assert again["left_out_files"] == {"excluded (--exclude)": 1, "corpus README or licence": 1}

    third = _run(raw, out, config)
    assert (third["new_files"], third["changed_files"], third["settings_changed_files"]) == (1, 1, 1)
    assert _keys(out) == {
        ("a.txt", ""),
        ("b.txt", ""),
        ("news.zip", "news/c.txt"),
        ("news.zip", "news/drafts/d.txt"),
    }
