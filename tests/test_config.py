from __future__ import annotations

import json

import pandas as pd
import pytest

from factsieve.config import ConfigError, RunConfig
from tests.conftest import RAW


def test_toml_overrides_defaults(tmp_path):
    p = tmp_path / "factsieve.toml"
    p.write_text(
        "batch_files = 50\n[limits]\nmax_file_bytes = 1024\n[dedup]\nthreshold = 0.8\n"
        "[gx]\nmax_reject_rate = 0.2\nlabel_share_bounds = { speculative = [0.0, 0.1] }\n",
        encoding="utf-8",
    )
    cfg = RunConfig.from_toml(p)
    assert cfg.batch_files == 50 and cfg.limits.max_file_bytes == 1024 and cfg.dedup.threshold == 0.8
    assert cfg.gx.max_reject_rate == 0.2
    assert cfg.gx.label_share_bounds["speculative"] == (0.0, 0.1)
    assert cfg.gx.label_share_bounds["reported"] == RunConfig().gx.label_share_bounds["reported"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("batchsize = 3\n", "unknown setting 'batchsize'"),
        ("[dedup]\nthreshhold = 0.8\n", "threshhold"),
        ("[dedup]\nbands = 40\nrows = 3\n", "bands*rows"),
        ("dedup = 3\n", "must be a table"),
        ("not toml at all [\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, text, message):
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises((ConfigError, ValueError), match=message.replace("*", r"\*")):
        RunConfig.from_toml(p)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("batch_bytes = -1\n", "batch_bytes must be >= 1, got -1"),
        ("batch_bytes = 0\n", "batch_bytes must be >= 1, got 0"),
        ('batch_bytes = "8MB"\n', "batch_bytes must be an integer, got '8MB'"),
        ("batch_bytes = 1.5\n", "batch_bytes must be an integer"),
        ("batch_files = true\n", "batch_files must be an integer, got True"),
        ("workers = -3\n", "workers must be between 0 and 1024, got -3"),
        ("model = 3\n", "model must be a file path"),
        ("[limits]\nmax_file_bytes = -5\n", "[limits] max_file_bytes must be >= 1, got -5"),
        ("[limits]\nmax_record_chars = 0\n", "[limits] max_record_chars must be >= 1"),
        ("[limits]\ntext_field = 3\n", "[limits] text_field must be a field name (a string), got 3"),
        ("[dedup]\nthreshold = 1.5\n", "[dedup] threshold must be between 0.0 and 1.0, got 1.5"),
        ("[dedup]\nthreshold = nan\n", "[dedup] threshold must be a number, got nan"),
        ('[dedup]\nseed = "x"\n', "[dedup] seed must be an integer"),
        ("[dedup]\nworkers = 0\n", "[dedup] workers must be between 1 and 1024"),
        ("[gx]\nmax_reject_rate = -0.1\n", "[gx] max_reject_rate must be between 0.0 and 1.0"),
        ("[gx]\nkeep_runs = 0\n", "[gx] keep_runs must be >= 1"),
        (
            "[gx]\nlabel_share_bounds = { speculative = [0.5, 0.1] }\n",
            "label_share_bounds.speculative must be",
        ),
        ("[gx]\nlabel_share_bounds = { rumour = [0.0, 0.1] }\n", "rumour: unknown label"),
        ('[gx]\nlabel_share_bounds = { opinion = ["a", "b"] }\n', "label_share_bounds.opinion must be"),
        ("[gx]\nlabel_share_bounds = 3\n", "label_share_bounds must be a table"),
    ],
)
def test_every_value_is_type_and_range_checked_naming_the_key(tmp_path, text, message):
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        RunConfig.from_toml(p)
    assert message in str(info.value)
    assert str(info.value).startswith(str(p)) and "\n" not in str(info.value)


def test_text_field_from_the_file_and_from_the_command_line(tmp_path):
    from flows.cli import _config, build_parser

    p = tmp_path / "c.toml"
    p.write_text('[limits]\ntext_field = "maintext"\n', encoding="utf-8")
    assert RunConfig.from_toml(p).limits.text_field == "maintext"
    args = build_parser().parse_args(["run", "raw", "--config", str(p), "--text-field", "fields.bodyText"])
    assert _config(args).limits.text_field == "fields.bodyText"  # the command line wins
    assert (
        _config(build_parser().parse_args(["run", "raw", "--config", str(p)])).limits.text_field == "maintext"
    )


def test_float_settings_take_integers_and_defaults_validate():
    RunConfig().validate()
    assert RunConfig.from_dict({"dedup": {"threshold": 1}, "gx": {"max_reject_rate": 0}}).dedup.threshold == 1


@pytest.mark.slow
def test_critical_expectation_marks_the_run_failed(prefect_harness, tmp_path):
    """A run whose tables break a critical GX expectation is published as failed, with the reason."""
    from flows.curate import curate

    cfg = RunConfig.from_dict({"gx": {"min_documents": 1000}})
    summary = curate(raw=str(RAW), out=str(tmp_path), config=cfg)
    assert summary["status"] == "failed" and summary["gx_status"] == "failed"
    runs = pd.read_parquet(tmp_path / "runs")
    assert list(runs["status"]) == ["failed"] and list(runs["gx_status"]) == ["failed"]
    detail = json.loads(runs["gx_detail"].iloc[0])
    failed = [r for r in detail if not r["success"]]
    assert failed and all(r["severity"] == "critical" for r in failed)
    assert any(r["table"] == "documents" for r in failed)
    assert (tmp_path / "reports" / "latest.html").exists()
