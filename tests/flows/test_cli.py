"""The command line as a user runs it: a real subprocess, real Prefect, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import REPO, factsieve, shared_path


def _factsieve(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return factsieve(*args, env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}, timeout=timeout)


def test_missing_raw_exits_2_with_one_line_reason(tmp_path):
    res = _factsieve("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "does not exist" in res.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["--workers", "-3"], None, "workers must be between 0 and 1024, got -3"),
        ([], "batch_bytes = -1\n", "batch_bytes must be >= 1, got -1"),
        ([], '[limits]\nmax_file_bytes = "64MB"\n', "[limits] max_file_bytes must be an integer"),
    ],
)
def test_bad_settings_exit_2_with_one_line_naming_the_key(tmp_path, args, config, message):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("The council met on Friday.", encoding="utf-8")
    if config is not None:
        (tmp_path / "c.toml").write_text(config, encoding="utf-8")
        args = [*args, "--config", str(tmp_path / "c.toml")]
    res = _factsieve("run", str(raw), "--out", str(tmp_path / "out"), *args)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and message in res.stderr
    assert not (tmp_path / "out").exists()


def test_data_dictionary_is_up_to_date():
    res = _factsieve("dictionary", "--check")
    assert res.returncode == 0, res.stderr


@pytest.mark.slow
@pytest.mark.shared
def test_seeds_through_the_cli(tmp_path):
    seeds = shared_path("seeds")
    out = tmp_path / "out"
    res = _factsieve("run", str(seeds), "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr[-2000:]
    summary = json.loads(res.stdout)
    assert summary["documents"] == 2 and summary["rejects"] == 0

    docs = pd.read_parquet(out / "documents")
    sents = pd.read_parquet(out / "sentences")
    reported = docs[docs["source_uri"].str.contains("000_")].iloc[0]
    seo = docs[docs["source_uri"].str.contains("003_")].iloc[0]

    assert reported["quality_tier"] == "high"
    # the reported article's one speculative sentence is its agentless forecast ("… are expected to
    # remain significant points of discussion"): no source is named, so it is the author's own (#17)
    rep_spec = sents[(sents["doc_id"] == reported["doc_id"]) & (sents["label"] == "speculative")]
    assert rep_spec["text"].str.contains("are expected to remain").tolist() == [True]
    assert seo["quality_score"] < reported["quality_score"] and seo["quality_tier"] == "low"
    assert "speculative_padding" in seo["quality_flags"]
    # the Related News tail is dropped from the clean text, and kept for audit
    assert "Related News" not in seo["text"] and "47 Views" not in seo["text"]
    assert "Alex Braham - Nov 14, 2025 47 Views -" in seo["removed_text"]

    s = sents[sents["doc_id"] == seo["doc_id"]]
    spec = s[s["label"] == "speculative"]
    # every "likely"/"probably" sentence of the author is marked speculative, one by one, with its cue
    for needle in (
        "they likely discussed a wide range of issues",
        "They also probably talked about the challenges",
        "She likely offered support for initiatives",
        "Harris likely announced new initiatives",
    ):
        [row] = spec[spec["text"].str.contains(needle, regex=False)].to_dict("records")
        assert row["deciding_cue"] and row["deciding_cue"].lower() in row["text"].lower()
    assert len(spec) >= 9
    fill = s[s["label"] == "filler"]["text"]
    assert any("grab your coffee" in t for t in fill)
    r = sents[sents["doc_id"] == reported["doc_id"]]
    blinken = r[r["text"].str.startswith("Secretary Blinken echoed")].iloc[0]
    assert blinken["label"] == "attributed" and blinken["source"] and "Blinken" in blinken["source"]


def test_run_with_a_missing_or_foreign_model_exits_2_before_any_work(tmp_path):
    res = _factsieve("run", "raw", "--out", str(tmp_path / "out"), "--model", str(tmp_path / "none.npz"))
    assert res.returncode == 2 and "model file not found" in res.stderr
    foreign = tmp_path / "foreign.npz"
    foreign.write_bytes(b"PK\x03\x04 not a model")
    res = _factsieve("run", "raw", "--out", str(tmp_path / "out"), "--model", str(foreign))
    assert res.returncode == 2 and "not a factsieve model file" in res.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "stdin", "where"),
    [(["explain", ""], "", "the text"), (["explain", "-"], " \n\n", "standard input")],
)
def test_explain_of_empty_text_says_so_and_exits_2(monkeypatch, capsys, argv, stdin, where):
    # It printed an empty line and exited 0: `factsieve explain - < empty.txt` looked like success.
    import io

    from flows.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(argv) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == f"factsieve: error: {where} is empty: nothing to label"
    monkeypatch.setattr("sys.stdin", io.StringIO("Prices should ease next quarter.\n"))
    assert main(["explain", "-"]) == 0
    assert "speculative" in capsys.readouterr().out


def test_a_folder_with_no_input_files_says_so_not_nothing_new(tmp_path):
    # "nothing new under X (0 files unchanged since earlier runs)" for a first run over an empty
    # folder (or one of dot-files only) read as if an earlier run had taken the files.
    raw = tmp_path / "export"
    raw.mkdir()
    (raw / ".council-budget.txt").write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    res = _factsieve("run", str(raw), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    # Passed over, but counted (round 17): a dot file was left out with no count anywhere.
    assert (
        f"no input files under {raw} (names starting with '.' are not read; passed over: hidden file 1)"
        in res.stdout
    )
    assert "nothing new" not in res.stdout


def test_prefects_drain_notice_is_not_printed_but_its_dropped_items_warning_is():
    # "WARNING | EventsWorker - Still processing items: 3 items remaining..." ended about one
    # no-op run in three (Prefect logs it at once when it drains events at exit). In a child
    # process: Prefect's logging set-up is global to a process.
    script = (
        "import logging\n"
        "from prefect.logging.configuration import setup_logging\n"
        "from flows.cli import _quiet_console_logging\n"
        "setup_logging()\n"
        "_quiet_console_logging()\n"
        "worker = logging.getLogger('EventsWorker')\n"
        "worker.warning('Still processing items: 3 items remaining...')\n"
        "worker.warning('Service %r queue is full (%d items), dropping item', 'EventsWorker', 5000)\n"
    )
    env = {**os.environ, "PREFECT_HOME": str(REPO / ".prefect")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "Still processing items" not in done.stderr
    assert "queue is full (5000 items), dropping item" in done.stderr  # the filter is this narrow


@pytest.mark.parametrize("value", ["-1", "-0.5", "nan", "soon"])
def test_progress_seconds_must_be_zero_or_more(value, capsys):
    # -1 was taken and printed a progress line on every update of a long run (found by the user
    # trial); 0 asks for exactly that and stays allowed.
    from flows.cli import build_parser

    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["run", "raw", "--progress-seconds", value])
    assert stop.value.code == 2
    assert "--progress-seconds" in capsys.readouterr().err
    assert build_parser().parse_args(["run", "raw", "--progress-seconds", "2.5"]).progress_seconds == 2.5
    assert build_parser().parse_args(["run", "raw", "--progress-seconds", "0"]).progress_seconds == 0


@pytest.mark.parametrize("value", ["*", "", "/", "./**"])
def test_an_exclude_that_leaves_out_everything_names_the_option(value, capsys):
    # These were refused, but by the config check, so the message said "config: [limits] exclude …"
    # about an option typed on the command line.
    from flows.cli import build_parser

    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["run", "raw", "--exclude", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--exclude" in err and "every input" in err
    assert build_parser().parse_args(["run", "raw", "--exclude", "*.md", "--exclude", "drafts"]).exclude == [
        "*.md",
        "drafts",
    ]
