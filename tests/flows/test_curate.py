"""The real curate flow on raw/: a Prefect flow run, real Parquet, real pandera."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import RAW

pytestmark = pytest.mark.slow


@pytest.fixture
def run(sample_run):
    return sample_run


def _doc(tables, suffix: str) -> pd.Series:
    docs = tables["documents"]
    [row] = docs[docs["source_uri"].str.endswith(suffix)].to_dict("records")
    return pd.Series(row)


def test_accounting_every_record_in_documents_or_rejects(run):
    summary, t, _ = run
    runs = t["runs"]
    assert len(runs) == 1
    r = runs.iloc[0]
    assert r["status"] == "succeeded"
    assert r["input_records"] == len(t["documents"]) + len(t["rejects"]) == summary["input_records"]
    # 9 single-document files + 3 usable JSONL records; 2 rejected files + 3 rejected JSONL records
    assert len(t["documents"]) == 10
    assert r["input_files"] == 10
    assert r["sentences"] == len(t["sentences"])


def test_rejects_have_specific_reasons(run):
    _, t, _ = run
    rej = t["rejects"]
    got = {
        (uri.split("/raw/")[-1], key, reason)
        for uri, key, reason in rej[["source_uri", "record_key", "reason"]].itertuples(index=False)
    }
    assert got == {
        ("misc/empty.txt", "", "empty"),
        ("misc/scanner-output.txt", "", "binary"),
        ("feeds/wire-2024-04.jsonl", "line:4", "malformed_json"),
        ("feeds/wire-2024-04.jsonl", "wire-0417-empty-text", "empty"),
        ("feeds/wire-2024-04.jsonl", "wire-0418-no-text", "missing_text"),
    }


def test_seo_piece_speculation_is_labelled_with_cues(run):
    _, t, _ = run
    seo = _doc(t, "seo/harris-visit-explained.txt")
    s = t["sentences"][t["sentences"]["doc_id"] == seo["doc_id"]]
    spec = s[s["label"] == "speculative"]
    assert len(spec) >= 7
    for text in (
        "They likely discussed migration, corruption and economic investment.",
        "The two leaders probably talked about new programs for young people in rural areas.",
    ):
        [row] = spec[spec["text"] == text].to_dict("records")
        cue_texts = {c["text"].lower() for c in row["cues"] if c["kind"] == "hedge"}
        assert row["deciding_cue"].lower() in cue_texts
        assert row["hedged"]
        for c in row["cues"]:
            assert text[c["start"] : c["end"]] == c["text"]
    assert "filler" in set(s["label"])
    # the related-news tail is gone from the clean text but kept for audit
    assert "Related News" not in seo["text"] and "88 Views" not in seo["text"]
    assert "88 Views" in seo["removed_text"]
    assert "speculative_padding" in seo["quality_flags"] and "reader_filler" in seo["quality_flags"]


def test_seo_quality_below_reported_article(run):
    _, t, _ = run
    seo = _doc(t, "seo/harris-visit-explained.txt")
    article = _doc(t, "news/2024-03-12-el-salvador-talks.txt")
    assert seo["quality_score"] < 0.5 <= article["quality_score"]
    assert seo["quality_tier"] == "low"
    assert article["ratio_speculative"] == 0


def test_exact_copy_points_to_its_canonical(run):
    _, t, _ = run
    a = _doc(t, "news/2024-03-12-el-salvador-talks.txt")
    b = _doc(t, "syndicated/wire-copy-el-salvador-talks.txt")
    assert a["content_hash"] == b["content_hash"]
    assert a["dup_cluster_id"] == b["dup_cluster_id"] is not None
    dup, canon = (a, b) if not a["is_canonical"] else (b, a)
    assert canon["is_canonical"] and not dup["is_canonical"]
    assert dup["canonical_doc_id"] == canon["doc_id"] and dup["dup_method"] == "exact"
    assert "duplicate" in dup["quality_flags"]
    d = t["duplicates"]
    members = d[d["cluster_id"] == a["dup_cluster_id"]]
    assert set(members["doc_id"]) == {a["doc_id"], b["doc_id"]}
    assert set(members["method"]) == {"canonical", "exact"}


def test_sentence_offsets_index_the_clean_text(run):
    _, t, _ = run
    text_by_doc = dict(zip(t["documents"]["doc_id"], t["documents"]["text"], strict=True))
    for row in t["sentences"].itertuples(index=False):
        assert text_by_doc[row.doc_id][row.start : row.end] == row.text


def test_cp1252_and_html_inputs(run):
    _, t, _ = run
    legacy = _doc(t, "legacy/council-budget-cp1252.txt")
    assert legacy["encoding"] == "cp1252"
    assert "José Peña" in legacy["text"] and "€48 million" in legacy["text"]
    page = _doc(t, "web/port-expansion-acajutla.html")
    assert page["title"].startswith("Acajutla port expansion")
    assert page["published_at"].year == 2024
    assert "Privacy policy" not in page["text"] and "Home" not in page["text"].split("\n")[0]


def test_parquet_files_are_zstd_with_schema_version(run):
    _, _, out = run
    import schemas

    for name in schemas.TABLES:
        [path] = list((out / name).glob("part-*.parquet"))
        meta = pq.read_metadata(path)
        assert meta.row_group(0).column(0).compression == "ZSTD"
        kv = pq.read_schema(path).metadata
        assert kv[b"factsieve.schema_version"].decode() == schemas.SCHEMA_VERSION
        assert not list((out / "_staging").glob("*"))


def test_second_run_adds_a_run_and_is_deterministic(run, tmp_path):
    from flows.curate import curate

    _, first, _ = run
    curate(raw=str(RAW), out=str(tmp_path))
    again = pd.read_parquet(tmp_path / "documents")
    cols = ["doc_id", "text", "quality_score", "quality_flags", "canonical_doc_id", "dup_cluster_id"]
    pd.testing.assert_frame_equal(first["documents"][cols], again[cols])
    s_cols = ["doc_id", "sent_index", "start", "end", "label", "deciding_cue"]
    pd.testing.assert_frame_equal(first["sentences"][s_cols], pd.read_parquet(tmp_path / "sentences")[s_cols])


def test_run_with_a_trained_model_records_its_changes(prefect_harness, tmp_path):
    from factsieve.classify import model
    from factsieve.config import RunConfig
    from flows.curate import curate
    from tests.classify.test_model import _constant_model

    path = model.save(_constant_model("hedge", 4.0), tmp_path / "hedge")
    summary = curate(raw=str(RAW), out=str(tmp_path / "out"), config=RunConfig(model=str(path)))
    runs = pd.read_parquet(tmp_path / "out" / "runs")
    changed = json.loads(runs["stage_counts"][0])["labels_changed_by_model"]
    assert json.loads(runs["parameters"][0])["model"] == str(path)
    sents = pd.read_parquet(tmp_path / "out" / "sentences")
    by_model = sents[sents["deciding_cue"] == "model:hedge"]
    assert changed == len(by_model) > 10
    assert set(by_model["label"]) == {"speculative"} and summary["labels"].get("reported", 0) == 0
