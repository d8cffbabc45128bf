"""Great Expectations checks on real tables from raw/, and on tables broken after pandera."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from factsieve.output import checks as quality_checks
from factsieve.output import report, tables
from factsieve.output.checks import CRITICAL, WARNING, GxBounds, run_checks
from tests.conftest import RAW
from tests.output.test_report import write_run

RUN = "20240301T000000Z-cccccc"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("gx-sample")
    return write_run(RAW, out, RUN)


def _copy(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {k: v.copy() for k, v in frames.items()}


def _result(outcome, table: str, expectation: str) -> dict:
    hits = [r for r in outcome.results if r["table"] == table and r["expectation"] == expectation]
    assert len(hits) == 1, (
        table,
        expectation,
        [r["expectation"] for r in outcome.results if r["table"] == table],
    )
    return hits[0]


def test_sample_run_passes_and_builds_data_docs(sample, tmp_path):
    outcome = run_checks(sample, tmp_path, RUN)
    failed = [r for r in outcome.results if not r["success"]]
    assert outcome.status == "passed", failed
    assert len(outcome.results) == len(quality_checks.specs(GxBounds(), 15))
    assert {r["table"] for r in outcome.results} == set(quality_checks.TABLES)
    for r in outcome.results:
        assert set(r) >= {"table", "expectation", "severity", "success", "observed", "reason"}
        assert r["severity"] in (CRITICAL, WARNING)
    assert (
        outcome.docs_path
        == tmp_path / "reports" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    )
    assert outcome.docs_path.exists()
    assert list((tmp_path / "reports" / "gx" / "uncommitted" / "validations").rglob("*.json"))
    # the runs row accepts the outcome
    row = sample["runs"].iloc[0].to_dict() | {"gx_status": outcome.status, "gx_detail": outcome.detail_json()}
    tables.conform(pd.DataFrame([row]), "runs")
    assert json.loads(row["gx_detail"])[0]["table"] == "documents"


def test_only_the_newest_runs_results_and_data_docs_pages_are_kept(sample, tmp_path):
    gx_dir = tmp_path / "reports" / "gx" / "uncommitted"
    names = [f"2024030{d}T000000Z-cccccc" for d in range(1, 5)]
    for name in names:
        outcome = run_checks(sample, tmp_path, name, GxBounds(keep_runs=2))
        assert outcome.status == "passed"
    stored = {p.parent.parent.name for p in (gx_dir / "validations").rglob("*.json")}
    assert stored == set(names[2:])
    pages = {
        p.parent.parent.name for p in (gx_dir / "data_docs" / "local_site" / "validations").rglob("*.html")
    }
    assert pages == set(names[2:])
    index = (gx_dir / "data_docs" / "local_site" / "index.html").read_text(encoding="utf-8")
    assert names[3] in index and names[2] in index
    assert names[0] not in index and names[1] not in index


def test_label_outside_set_and_score_above_one_are_critical(sample, tmp_path):
    broken = _copy(sample)
    broken["sentences"].loc[3, "label"] = "rumour"
    broken["documents"].loc[0, "quality_score"] = 1.5
    outcome = run_checks(broken, tmp_path, RUN)
    assert outcome.status == "failed"
    label = _result(outcome, "sentences", "ExpectColumnValuesToBeInSet(label)")
    assert not label["success"] and label["severity"] == CRITICAL
    assert "'rumour'" in label["reason"] and label["observed"]["unexpected"] == 1
    score = _result(outcome, "documents", "ExpectColumnValuesToBeBetween(quality_score)")
    assert not score["success"] and score["severity"] == CRITICAL and "1.5" in score["reason"]
    # everything else still passes: one broken cell breaks only its own expectation(s)
    others = [r for r in outcome.results if not r["success"] and r not in (label, score)]
    assert all(r["severity"] == WARNING for r in others), others


def test_sentence_past_the_end_of_its_document_is_critical(sample, tmp_path):
    broken = _copy(sample)
    doc0 = broken["documents"].loc[0, "doc_id"]
    broken["documents"].loc[0, "clean_chars"] = 10  # shorter than its sentences' end offsets
    outcome = run_checks(broken, tmp_path, RUN)
    assert outcome.status == "failed"
    r = _result(outcome, "sentences", "ExpectColumnPairValuesAToBeGreaterThanB(doc_clean_chars, end)")
    n_doc0 = int((sample["sentences"]["doc_id"] == doc0).sum())
    assert not r["success"] and r["observed"]["unexpected"] == n_doc0


def test_orphan_sentence_and_repeated_doc_id_are_critical(sample, tmp_path):
    broken = _copy(sample)
    broken["sentences"].loc[0, "doc_id"] = "f" * 32
    broken["documents"].loc[1, "doc_id"] = broken["documents"].loc[2, "doc_id"]
    outcome = run_checks(broken, tmp_path, RUN)
    assert outcome.status == "failed"
    assert not _result(outcome, "sentences", "ExpectColumnValuesToNotBeNull(doc_clean_chars)")["success"]
    assert not _result(outcome, "documents", "ExpectColumnValuesToBeUnique(doc_id)")["success"]


def test_breach_of_warning_bound_only_gives_warning(sample, tmp_path):
    outcome = run_checks(
        sample, tmp_path, RUN, GxBounds(max_reject_rate=0.1, label_share_bounds={"speculative": (0.0, 0.02)})
    )
    assert outcome.status == "warning"
    rej = _result(outcome, "runs", "ExpectColumnValuesToBeBetween(reject_rate)")
    assert not rej["success"] and rej["severity"] == WARNING
    assert re.search(r"\b0\.333", json.dumps(rej)), rej  # 5 rejects of 15 records
    spec = _result(outcome, "runs", "ExpectColumnValuesToBeBetween(share_speculative)")
    assert not spec["success"] and spec["severity"] == WARNING
    assert all(r["success"] for r in outcome.results if r["severity"] == CRITICAL)


def test_missing_column_fails_without_raising(sample, tmp_path):
    broken = _copy(sample)
    broken["sentences"] = broken["sentences"].drop(columns=["label"])
    outcome = run_checks(broken, tmp_path, RUN)
    assert outcome.status == "failed"
    r = _result(outcome, "sentences", "ExpectColumnValuesToBeInSet(label)")
    assert not r["success"] and r["reason"]


def test_gx_internal_error_gives_failed_with_reason(sample, tmp_path, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("store unavailable")

    monkeypatch.setattr(quality_checks, "_validate_with_gx", boom)
    outcome = run_checks(sample, tmp_path, RUN)
    assert outcome.status == "failed"
    assert outcome.results[0]["severity"] == CRITICAL and "store unavailable" in outcome.results[0]["reason"]


def test_empty_run_row_counts_are_warnings_only():
    relaxed = {
        s.label: s.severity
        for s in quality_checks.specs(GxBounds(), input_records=0)
        if s.table in ("documents", "sentences")
    }
    assert relaxed["ExpectTableRowCountToBeBetween"] == WARNING
    strict = {
        s.label: s.severity
        for s in quality_checks.specs(GxBounds(), input_records=5)
        if s.table == "documents"
    }
    assert strict["ExpectTableRowCountToBeBetween"] == CRITICAL


def test_row_counts_are_warnings_when_earlier_runs_documents_are_kept():
    """An incremental run whose new records are all rejected: unusual, not wrong, while the
    latest view keeps documents; on a dataset with none it is still critical."""
    counts = [
        s
        for s in quality_checks.specs(GxBounds(), 1, kept_documents=12)
        if s.label == "ExpectTableRowCountToBeBetween"
    ]
    assert {s.table for s in counts} >= {"documents", "sentences"}
    assert {s.severity for s in counts if s.table in ("documents", "sentences")} == {WARNING}
    first = [
        s
        for s in quality_checks.specs(GxBounds(), 1, kept_documents=0)
        if s.label == "ExpectTableRowCountToBeBetween"
    ]
    assert {s.severity for s in first if s.table in ("documents", "sentences")} == {CRITICAL}


def test_published_run_with_gx_shows_results_in_report(tmp_path):
    write_run(RAW, tmp_path, RUN, gx=True, bounds=GxBounds(max_reject_rate=0.1))
    page = report.build_report(tmp_path).read_text(encoding="utf-8")
    gx = re.search(r'<section id="gx">(.*?)</section>', page, re.S).group(1)
    assert '<span class="badge warning">warning</span>' in gx
    assert '<span class="badge warning">warn</span>' in gx and "reject_rate" in gx
    assert f'href="{report.GX_DOCS_REL}"' in gx
    assert (tmp_path / "reports" / report.GX_DOCS_REL).exists()


@pytest.mark.slow
def test_gx_gate_and_report_compute_the_same_rates_on_a_real_flow_run(sample_run):
    """The gate counts whole frames, the report streams the committed Parquet: one formula
    (metrics.rates), so on a real run they give the same numbers."""
    summary, frames, out = sample_run
    gate = quality_checks.derived_metrics(frames)
    page = report.run_metrics(out, summary["run_id"])
    assert list(page) == list(gate)
    for key, value in gate.items():
        assert page[key] == pytest.approx(value, rel=1e-12), key
    # raw/ has rejects, copies and low-quality pages: the rates compared are not all zero
    assert gate["reject_rate"] > 0 and gate["duplicate_rate"] > 0 and gate["low_tier_share"] > 0
    assert 0 < gate["mean_quality"] < 1 and gate["supported_share"] > 0


def test_a_check_on_the_one_row_runs_table_or_on_no_documents_says_the_value(sample, tmp_path):
    # Read on a run whose records were all rejected: "[warning] runs: 1 of 1 rows break it (e.g. 1);
    # expected reject rate at most 50%" (a count? a rate?) and "documents: observed None".
    frames = _copy(sample)
    frames["documents"] = frames["documents"].iloc[0:0]
    frames["sentences"] = frames["sentences"].iloc[0:0]
    outcome = run_checks(frames, tmp_path, RUN, GxBounds(max_reject_rate=0.1))
    rej = _result(outcome, "runs", "ExpectColumnValuesToBeBetween(reject_rate)")
    assert rej["reason"] == "observed 100%; expected reject rate at most 10%"  # 5 rejects, no documents
    mean = _result(outcome, "documents", "ExpectColumnMeanToBeBetween(quality_score)")
    assert mean["reason"] == "observed nothing (no rows); expected mean quality score at least 0.3"


def test_the_checked_sentence_columns_alone_catch_what_the_whole_table_does(sample, tmp_path):
    """The run sends GX only the sentence columns its expectations read (no text, no cues):
    a broken table fails the same expectations, with the same counts, either way."""
    assert set(quality_checks.SENTENCE_COLUMNS) == {
        "doc_id",
        "sent_index",
        "start",
        "end",
        "label",
        "confidence",
    }
    broken = _copy(sample)
    s = broken["sentences"]
    s.loc[1, "sent_index"] = s.loc[0, "sent_index"]
    s.loc[1, "doc_id"] = s.loc[0, "doc_id"]  # a repeated (doc_id, sent_index)
    s.loc[2, "start"] = -4
    s.loc[3, "end"] = s.loc[3, "start"]  # an empty span
    s.loc[4, "doc_id"] = "e" * 32  # a sentence of no document
    s.loc[5, "confidence"] = 1.25
    whole = run_checks(broken, tmp_path / "whole", RUN)
    narrow = dict(broken, sentences=s[list(quality_checks.SENTENCE_COLUMNS)])
    checked = run_checks(narrow, tmp_path / "narrow", RUN)
    assert whole.status == checked.status == "failed"
    assert whole.detail_json() == checked.detail_json()
    failed = {r["expectation"] for r in checked.results if not r["success"] and r["table"] == "sentences"}
    assert failed == {
        "ExpectCompoundColumnsToBeUnique(doc_id+sent_index)",
        "ExpectColumnValuesToBeBetween(start)",
        "ExpectColumnPairValuesAToBeGreaterThanB(end, start)",
        "ExpectColumnValuesToNotBeNull(doc_clean_chars)",
        "ExpectColumnValuesToBeBetween(confidence)",
    }


def test_document_lengths_by_lookup_match_the_dict_with_repeated_or_missing_ids():
    docs = pd.DataFrame(
        {"doc_id": ["a1", "b2", "c3"], "clean_chars": pd.array([120, 4000, 75], dtype="int64")}
    )
    ids = pd.Series(["b2", "a1", "zz", None, "c3", "b2"], dtype=object)
    got = quality_checks._doc_clean_chars(docs, ids)
    assert got[[0, 1, 4, 5]].tolist() == [4000.0, 120.0, 75.0, 4000.0]
    assert pd.isna(got[[2, 3]]).all()  # no such document; a null id
    # Repeated ids (the uniqueness check fails on them): the last row's length, as before.
    repeated = pd.DataFrame({"doc_id": ["a1", "a1"], "clean_chars": [10, 20]})
    assert quality_checks._doc_clean_chars(repeated, pd.Series(["a1", "q"])).tolist()[0] == 20.0
    assert pd.isna(quality_checks._doc_clean_chars(docs.drop(columns=["clean_chars"]), ids)).all()
