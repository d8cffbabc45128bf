"""The manifest records the ingest settings each file was read under; a file read under other
settings is processed again (reason settings_changed), an old manifest takes them from the runs
table, and settings nobody recorded are not a reason to reprocess."""

from __future__ import annotations

import json
import os
import time
from dataclasses import fields

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve.ingest import manifest
from factsieve.ingest.sources import discover
from factsieve.params import IngestLimits

MAINTEXT = IngestLimits(text_field="maintext")


def test_every_ingest_limit_is_classified_as_changing_output_or_not():
    names = {f.name for f in fields(IngestLimits)}
    assert set(manifest.OUTPUT_SETTINGS) | set(manifest.SPEED_SETTINGS) == names
    assert not set(manifest.OUTPUT_SETTINGS) & set(manifest.SPEED_SETTINGS)


@pytest.mark.parametrize(
    ("name", "text_field_counts"),
    [
        ("feed.jsonl", True),
        ("page.json", True),
        ("notes.txt", True),  # may hold JSON Lines, then read as such
        ("dump.jsonl.gz", True),
        ("Fake.csv", True),  # the text column is the configured field
        ("news.tsv.gz", True),
        ("train-00000-of-00001.parquet", True),
        ("story.html", False),
        ("CC-MAIN-1.warc.wet.gz", False),
        ("scan.pdf", False),
    ],
)
def test_text_field_counts_only_for_files_that_may_be_read_as_json(name, text_field_counts):
    uri = f"/data/raw/{name}"
    same = manifest.settings_fingerprint(IngestLimits(), uri) == manifest.settings_fingerprint(MAINTEXT, uri)
    assert same is not text_field_counts
    smaller = IngestLimits(max_record_chars=1000)
    assert manifest.settings_fingerprint(IngestLimits(), uri) != manifest.settings_fingerprint(smaller, uri)


def test_a_recorded_runs_limits_missing_a_later_field_read_as_its_default():
    old = {"max_file_bytes": 64 * 1024 * 1024, "max_record_chars": 2_000_000, "min_text_chars": 1}
    assert manifest.settings_fingerprint(old, "/r/a.jsonl") == manifest.settings_fingerprint(
        IngestLimits(), "/r/a.jsonl"
    )


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "feed.jsonl").write_text('{"id": 1, "text": "Short.", "maintext": "The long text."}\n')
    (raw / "page.html").write_text("<p>Rail union backs contract, officials said on Friday.</p>")
    return raw


def _commit(out, raw, run_id, limits, *, with_settings=True, parameters=None):
    """Write what a committed run over ``raw`` with ``limits`` leaves: its manifest part and runs row."""
    files = discover(raw)
    p = manifest.plan(files, {})
    t = manifest.table(p.to_process, p.hashes, run_id, settings=limits)
    if not with_settings:
        t = t.drop(["settings"])
    root = manifest.manifest_root(out)
    root.mkdir(parents=True, exist_ok=True)
    pq.write_table(t, root / f"part-{run_id}.parquet")
    (out / "runs").mkdir(exist_ok=True)
    params = (
        {"limits": {f.name: getattr(limits, f.name) for f in fields(limits)}}
        if parameters is None
        else parameters
    )
    pq.write_table(
        pa.table({"run_id": [run_id], "parameters": [json.dumps(params)]}),
        out / "runs" / f"part-{run_id}.parquet",
    )


def _plan(out, raw, limits):
    return manifest.plan(discover(raw), manifest.load(out, ["run-1"]), settings=limits)


def test_other_settings_reprocess_the_files_they_change_with_the_reason(tmp_path, raw):
    out = tmp_path / "out"
    _commit(out, raw, "run-1", IngestLimits())
    assert _plan(out, raw, IngestLimits()).to_process == []

    again = _plan(out, raw, MAINTEXT)
    assert [f.name for f in again.changed] == ["feed.jsonl"]
    assert again.reasons == {again.changed[0].uri: manifest.SETTINGS_CHANGED}
    assert again.hashes[again.changed[0].uri]  # the manifest gets its content hash
    assert [f.name for f in again.unchanged] == ["page.html"]

    # a size limit changes what every file yields
    assert len(_plan(out, raw, IngestLimits(max_file_bytes=10)).changed) == 2


def test_an_edit_is_content_changed_and_reprocess_says_so(tmp_path, raw):
    out = tmp_path / "out"
    _commit(out, raw, "run-1", IngestLimits())
    (raw / "page.html").write_text("<p>Rail union rejects contract, officials said on Friday.</p>")
    p = _plan(out, raw, IngestLimits())
    assert [(f.name, p.reasons[f.uri]) for f in p.changed] == [("page.html", manifest.CONTENT_CHANGED)]
    p = manifest.plan(discover(raw), manifest.load(out, ["run-1"]), reprocess=True, settings=IngestLimits())
    assert set(p.reasons.values()) == {manifest.REPROCESS} and len(p.changed) == 2


def test_a_touch_under_the_same_settings_is_unchanged(tmp_path, raw):
    out = tmp_path / "out"
    _commit(out, raw, "run-1", MAINTEXT)
    later = time.time() + 30
    os.utime(raw / "feed.jsonl", (later, later))
    p = _plan(out, raw, MAINTEXT)
    assert p.to_process == [] and p.hashes == {}


def test_an_old_manifest_takes_the_settings_from_its_runs_row(tmp_path, raw):
    out = tmp_path / "out"
    _commit(out, raw, "run-1", MAINTEXT, with_settings=False)
    [entry] = [e for u, e in manifest.load(out, ["run-1"]).items() if u.endswith("feed.jsonl")]
    assert json.loads(entry.settings)["text_field"] == "maintext"
    assert _plan(out, raw, MAINTEXT).to_process == []
    assert [f.name for f in _plan(out, raw, IngestLimits()).changed] == ["feed.jsonl"]


def test_settings_nobody_recorded_are_unknown_and_not_a_reason_to_reprocess(tmp_path, raw):
    out = tmp_path / "out"
    _commit(out, raw, "run-1", IngestLimits(), with_settings=False, parameters={"raw": "elsewhere"})
    assert all(e.settings is None for e in manifest.load(out, ["run-1"]).values())
    assert _plan(out, raw, MAINTEXT).to_process == []


def test_title_field_counts_for_record_files_and_is_absent_at_its_default():
    headline = IngestLimits(title_field="headline_main")
    for name, counts in [
        ("feed.jsonl", True),
        ("Fake.csv", True),
        ("x.parquet", True),
        ("story.html", False),
    ]:
        uri = f"/data/raw/{name}"
        same = manifest.settings_fingerprint(IngestLimits(), uri) == manifest.settings_fingerprint(
            headline, uri
        )
        assert same is not counts
    # a fingerprint recorded before the setting existed still matches at its default: no upgrade reprocessing
    before = '{"max_file_bytes":67108864,"max_record_chars":2000000,"min_text_chars":1,"text_field":""}'
    assert manifest.settings_fingerprint(IngestLimits(), "/data/raw/feed.jsonl") == before
