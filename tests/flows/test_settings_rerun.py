"""A run after an ingest setting changed reads again the files the setting changes (#manifest
settings): through the real CLI, a run, a run with another --text-field, then one more."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO, factsieve

pytestmark = pytest.mark.slow

SUMMARIES = {
    "cb-0412": (
        "The central bank held its main rate for a fourth meeting, saying wage growth was still too "
        "strong for a cut before the summer, while inflation slowed to 3.1 percent in March."
    ),
    "port-0413": (
        "Dock workers in Valparaiso ended a nine-day strike on Saturday after the port authority agreed "
        "to raise night-shift pay by 8 percent and to add two rest days a month."
    ),
}
ARTICLES = {
    "cb-0412": (
        "The central bank kept its benchmark rate at 5.25 percent on Thursday, its fourth hold in a "
        "row. Governor Elena Ruiz said inflation had eased to 3.1 percent in March but that wage "
        "growth remained too strong to cut borrowing costs before the summer."
    ),
    "port-0413": (
        "Dock workers at the port of Valparaiso returned to work on Saturday after a nine-day strike, "
        "the union said. The agreement raises night-shift pay by 8 percent and adds two rest days a "
        "month, according to a statement from the port authority."
    ),
}
PAGE = (
    "<html><head><title>Rail union backs contract</title></head><body><article><h1>Rail union backs "
    "contract</h1><p>Members of the rail union voted 62 percent in favour of a three-year contract on "
    "Friday, ending a dispute that had halted freight traffic for two weeks, union officials said."
    "</p></article></body></html>"
)


def _cli(*args: str) -> dict:
    res = factsieve(
        "run", *args, "--json", env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}, timeout=300
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def _raw(root: Path) -> Path:
    raw = root / "raw"
    raw.mkdir()
    lines = [json.dumps({"id": k, "text": SUMMARIES[k], "maintext": ARTICLES[k]}) for k in SUMMARIES]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "rail.html").write_text(PAGE, encoding="utf-8")
    return raw


def _live_texts(out: Path) -> dict[tuple[str, str], str]:
    docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key", "text"])
    return {(Path(u).name, k): t for u, k, t in docs.itertuples(index=False)}


def _stage_counts(out: Path) -> list[dict]:
    runs = pd.read_parquet(out / "runs").sort_values("run_id")
    return [json.loads(c)["discover"] for c in runs["stage_counts"]]


def test_another_text_field_reprocesses_the_json_files_and_the_latest_view_follows(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"

    first = _cli(str(raw), "--out", str(out))
    assert first["status"] == "succeeded" and first["new_files"] == 2
    assert {k: t for (name, k), t in _live_texts(out).items() if name == "feed.jsonl"} == {
        k: v for k, v in SUMMARIES.items()
    }

    # Same bytes, another text field: the feed is read again, the HTML page is not (no JSON in it).
    second = _cli(str(raw), "--out", str(out), "--text-field", "maintext")
    assert (second["new_files"], second["changed_files"], second["unchanged_files"]) == (0, 1, 1)
    assert second["settings_changed_files"] == 1
    live = _live_texts(out)
    assert {k: t for (name, k), t in live.items() if name == "feed.jsonl"} == {
        k: v for k, v in ARTICLES.items()
    }
    assert any(name == "rail.html" and "62 percent" in t for (name, _), t in live.items())
    # the latest view is what a first run with the new setting gives
    fresh = tmp_path / "fresh"
    _cli(str(raw), "--out", str(fresh), "--text-field", "maintext")
    assert live == _live_texts(fresh)

    # the runs table and the changes table say why
    assert _stage_counts(out)[-1]["settings_changed"] == 1
    changes = pq.read_table(out / "_state" / "changes" / f"part-{second['run_id']}.parquet").to_pandas()
    assert sorted(changes["record_key"]) == ["cb-0412", "port-0413"]
    assert set(changes["change"]) == {"replaced"} and set(changes["reason"]) == {"settings_changed"}
    manifest = pq.read_table(out / "_state" / "manifest" / f"part-{second['run_id']}.parquet").to_pylist()
    assert [(Path(r["uri"]).name, json.loads(r["settings"])["text_field"]) for r in manifest] == [
        ("feed.jsonl", "maintext")
    ]

    # The same settings again: nothing to do.
    third = _cli(str(raw), "--out", str(out), "--text-field", "maintext")
    assert third["status"] == "unchanged" and third["unchanged_files"] == 2
    assert len(pd.read_parquet(out / "runs")) == 2


def test_an_old_manifest_without_settings_takes_them_from_the_runs_table(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    first = _cli(str(raw), "--out", str(out), "--text-field", "maintext")
    # as written before the settings column
    part = out / "_state" / "manifest" / f"part-{first['run_id']}.parquet"
    pq.write_table(pq.read_table(part).drop(["settings"]), part)

    same = _cli(str(raw), "--out", str(out), "--text-field", "maintext")
    assert same["status"] == "unchanged"  # the runs row says maintext: no upgrade reprocessing
    other = _cli(str(raw), "--out", str(out))
    assert (other["changed_files"], other["settings_changed_files"]) == (1, 1)


def test_a_title_field_reprocesses_the_record_files_and_names_their_titles(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    # a news-please style dump: 'title' is the page title with the site's name, the headline apart
    lines = [
        json.dumps(
            {
                "id": k,
                "title": f"{k} | Example News",
                "headline_main": k.split("-")[0].upper() + " story",
                "text": ARTICLES[k],
            }
        )
        for k in ARTICLES
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "feed.csv").write_text(
        "id,title,headline_main,text\n"
        + "".join(f'c{k},"{k} | Example News",{k} csv,"{t}"\n' for k, t in ARTICLES.items())
    )
    (raw / "rail.html").write_text(PAGE, encoding="utf-8")

    def titles():
        docs = pd.read_parquet(out / "latest" / "documents", columns=["source_uri", "record_key", "title"])
        return {(Path(u).name, k): t for u, k, t in docs.itertuples(index=False)}

    first = _cli(str(raw), "--out", str(out))
    assert first["new_files"] == 3 and titles()[("feed.jsonl", "cb-0412")] == "cb-0412 | Example News"
    second = _cli(str(raw), "--out", str(out), "--title-field", "headline_main")
    assert (second["changed_files"], second["settings_changed_files"], second["unchanged_files"]) == (2, 2, 1)
    got = titles()
    assert got[("feed.jsonl", "cb-0412")] == "CB story" and got[("feed.csv", "ccb-0412")] == "cb-0412 csv"
    assert got[("rail.html", "")] == "Rail union backs contract"
    manifest = pq.read_table(out / "_state" / "manifest" / f"part-{second['run_id']}.parquet").to_pylist()
    assert {json.loads(r["settings"])["title_field"] for r in manifest} == {"headline_main"}
    third = _cli(str(raw), "--out", str(out), "--title-field", "headline_main")
    assert third["status"] == "unchanged"
