"""--title-field / [limits] title_field: a record's title from a named field (dotted for nested
objects) instead of 'title' and 'headline', for JSON, CSV and Parquet records alike."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve.config import ConfigError, RunConfig
from factsieve.ingest import read
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

TEXT = "Dock workers in Valparaiso ended a nine-day strike on Saturday, the union said."
HEADLINE = IngestLimits(title_field="headline_main")


def _read(path, limits):
    return read.read_input(
        InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name), limits
    )


def test_the_title_comes_from_the_configured_field(tmp_path):
    recs = [
        {"id": "a", "title": "Port strike | Example News", "headline_main": "Port strike ends", "text": TEXT},
        {"id": "b", "title": "Rates | Example News", "text": TEXT},  # no such field: guessed from the text
        {"id": "c", "headline_main": 7, "text": TEXT},  # a number: its digits (round 17)
        {"id": "d", "headline_main": {"en": "Rates"}, "text": TEXT},  # no reading: dropped, counted
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    res = _read(tmp_path / "feed.jsonl", HEADLINE)
    assert [(d.record_key, d.title) for d in res.docs] == [
        ("a", "Port strike ends"),
        ("b", None),
        ("c", "7"),
        ("d", None),
    ]
    assert not res.rejects and dict(res.skipped) == {"metadata dropped: title dict": 1}
    # without the setting, 'title' as before (its site name dropped, as for every title: tidy_title)
    assert [d.title for d in _read(tmp_path / "feed.jsonl", IngestLimits()).docs][0] == "Port strike"


def test_dotted_title_field_in_json_and_parquet_and_csv_columns(tmp_path):
    (tmp_path / "nested.json").write_text(
        json.dumps({"text": TEXT, "meta": {"headline": {"main": "Port strike ends"}}})
    )
    assert [
        d.title for d in _read(tmp_path / "nested.json", IngestLimits(title_field="meta.headline.main")).docs
    ] == ["Port strike ends"]
    pq.write_table(
        pa.table({"text": [TEXT], "meta": [{"headline": "Port strike ends", "kicker": "Chile"}]}),
        tmp_path / "t.parquet",
    )
    assert [
        d.title for d in _read(tmp_path / "t.parquet", IngestLimits(title_field="meta.headline")).docs
    ] == ["Port strike ends"]
    (tmp_path / "t.csv").write_text(f'title,headline_main,text\nSite title,Port strike ends,"{TEXT}"\n')
    assert [d.title for d in _read(tmp_path / "t.csv", HEADLINE).docs] == ["Port strike ends"]


def test_the_config_key_is_checked(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('[limits]\ntitle_field = "headline_main"\n')
    assert RunConfig.from_toml(good).limits.title_field == "headline_main"
    bad = tmp_path / "bad.toml"
    bad.write_text("[limits]\ntitle_field = 3\n")
    with pytest.raises(ConfigError, match=r"\[limits\] title_field must be a field name \(a string\), got 3"):
        RunConfig.from_toml(bad)
