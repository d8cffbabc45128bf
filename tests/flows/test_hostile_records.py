"""Hostile records, round 10 (docs/OPERATIONS.md "Hostile records, round 10"): one record whose
CONTENT is hostile to a stage after reading must end as a document (cut, and counted) or a reject
with a specific reason, within a bounded time, and the run goes on with the other records.

On main 0280ee7: a page of 100,000 table cells (1 MB) kept trafilatura's jusText fallback busy for
~10 CPU-minutes and a page of 1,000,000 ``<p>`` for longer (the run stalled; quadratic); a record's
1 MB title went into every table as is; a line with no sentence end (2 MB) was one sentence; a
document of 600,000 two-letter lines was 600,000 sentences; a stage that raised on one record
failed its whole batch (and the run)."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from factsieve import vocabulary as codes
from factsieve.batch import limits, pipeline
from factsieve.batch.budget import OverBudget, cpu_budget
from factsieve.ingest.html import main_text
from factsieve.ingest.sources import discover
from factsieve.output import tables
from tests.flows.test_latest_round9 import _ok, factsieve_run

NOW = pd.Timestamp("2026-12-07", tz="UTC")
STORY = (
    "The harbour authority said on Tuesday that the north quay would reopen in March after repairs "
    "costing 4.2 million pounds. Pilots returned to work on Monday after a pay deal, the union said."
)


def _batch(raw) -> pipeline.BatchResult:
    res = pipeline.process_batch(discover(raw), "run-1", NOW)
    assert res.input_records == len(res.documents) + len(res.rejects)
    tables.conform(res.sentences, "sentences")
    tables.conform(res.rejects, "rejects")
    return res


def _table_page(cells: int) -> str:
    rows = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * (cells // 100)
    return f"<html><body><table>{rows}</table><p>{STORY}</p></body></html>"


def test_the_cpu_budget_stops_a_runaway_loop_and_leaves_nothing_pending():
    t = time.thread_time()
    with pytest.raises(OverBudget), cpu_budget(0.5):
        while True:
            pass
    assert 0.5 <= time.thread_time() - t < 3
    with cpu_budget(5):
        sum(range(1000))
    time.sleep(0.6)  # past the watchdog's tick: no late exception in unrelated code
    sum(range(1000))


def test_a_huge_table_or_a_million_paragraphs_is_read_in_linear_time():
    """Time at 1x and 4x the size: the ratio of a linear pass is ~4, jusText's was ~16."""

    def cpu(html: str) -> float:
        t = time.thread_time()
        assert main_text(html) is not None
        return time.thread_time() - t

    small, big = cpu(_table_page(25_000)), cpu(_table_page(100_000))
    assert big < 8 * max(small, 0.05) and big < 20, (small, big)
    paragraphs = "<html><body>" + "<p>Short line.</p>" * 200_000 + "</body></html>"
    assert cpu(paragraphs) < 40


def test_a_file_over_its_reading_budget_is_a_reject_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A page under the fallback cap whose jusText pass is slow (~5 CPU-s) against a 1 CPU-s budget:
    the page is one processing_timeout reject; the story beside it is a document."""
    monkeypatch.setattr(limits, "READ_BASE_S", 1.0)
    monkeypatch.setattr(limits, "READ_PER_MB_S", 0.0)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "cells.html").write_text(_table_page(9_800), encoding="utf-8")
    (raw / "story.txt").write_text("Quay to reopen in March\n" + STORY + "\n", encoding="utf-8")
    res = _batch(raw)
    [rej] = res.rejects.itertuples()
    assert rej.reason == codes.PROCESSING_TIMEOUT and rej.source_uri.endswith("cells.html")
    assert "reading used more than its 1 CPU-s budget" in rej.detail
    assert list(res.documents["source_uri"].str.rsplit("/", n=1).str[-1]) == ["story.txt"]


def test_a_stage_that_raises_on_one_record_makes_it_a_reject_naming_where():
    """A reader bug that hands cleaning a record with no text (None) raised in clean_text and
    failed the whole batch; now that record is a processing_error reject, the next one a document."""
    from collections import Counter

    from factsieve.ingest.read import RawDoc, Reject
    from factsieve.ingest.sources import InputFile

    inp = InputFile("/data/raw/wire.jsonl", 100, None, rel="wire.jsonl")
    bad = RawDoc(inp.uri, "line:1", "jsonl", None, "utf-8", 40)
    good = RawDoc(inp.uri, "line:2", "jsonl", STORY, "utf-8", 200)
    counted: Counter[str] = Counter()
    rej = pipeline._document_guarded(inp, bad, "run-1", NOW, counted)
    assert isinstance(rej, Reject) and rej.reason == codes.PROCESSING_ERROR
    assert rej.detail.startswith("cleaning or segmentation failed in clean.py:") and "TypeError" in rej.detail
    row, text, (spans, quoted) = pipeline._document_guarded(inp, good, "run-1", NOW, counted)
    assert row["record_key"] == "line:2" and len(spans) == len(quoted) == 2 and sum(counted.values()) == 0


def test_limits_cut_titles_sentences_and_documents_and_count_the_cuts(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    no_space = "x" * 1_200_000
    lines = "\n".join(f"Line {i} ok." for i in range(limits.MAX_SENTENCES + 7_000))
    records = [
        {"id": "title", "title": "Quay " * 200_000, "text": STORY},
        {"id": "token", "text": no_space},
        {"id": "lines", "text": lines},
        {"id": "story", "title": "Quay to reopen", "text": STORY},
    ]
    (raw / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    res = _batch(raw)
    docs = res.documents.set_index("record_key")
    sents = res.sentences
    assert len(docs.loc["title", "title"]) == limits.MAX_TITLE_CHARS and docs.loc["title", "title"].endswith(
        "…"
    )
    assert docs.loc["story", "title"] == "Quay to reopen"
    token = sents[sents["doc_id"] == docs.loc["token", "doc_id"]]
    assert (token["end"] - token["start"]).max() <= limits.MAX_SENTENCE_CHARS
    assert "".join(token["text"]) == no_space  # cut into pieces, nothing lost
    cut = sents[sents["doc_id"] == docs.loc["lines", "doc_id"]]
    assert len(cut) == limits.MAX_SENTENCES
    assert docs.loc["lines", "text"].endswith(f"Line {limits.MAX_SENTENCES - 1} ok.")
    assert limits.SENTENCE_LIMIT in list(docs.loc["lines", "removed_reasons"])
    assert docs.loc["lines", "removed_chars"] == len(lines) - len(docs.loc["lines", "text"])
    assert res.limited == {"documents_cut": 1, "sentences_cut": 1, "titles_cut": 1}


def test_bounded_spans_cut_at_a_space_and_keep_offsets():
    text = ("word " * 3_000).strip() + ". " + "y" * 12_000
    spans, cut = limits.bounded_spans(text, [(0, len(text))])
    assert cut == 1 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(0 < e - s <= limits.MAX_SENTENCE_CHARS for s, e in spans)
    assert text[spans[0][0] : spans[0][1]].endswith("word")  # at a space, not inside a word
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def _hostile_folder(raw) -> dict[str, str]:
    """One JSON Lines file of hostile records beside two pages; what each record must become."""
    raw.mkdir()
    records = {
        "long_line": "z" * 1_900_000,
        "tiny_sentences": "A b. " * 300_000,
        "zero_width": "\u200b".join(STORY * 20),
        "bidi": ("\u202e" + STORY + "\u202c ") * 200,
        "controls": ("\x00\x01\x1b\x85" + STORY + " ") * 200,
        "emoji": "\U0001f600\U0001f44d" * 50_000,
        "combining": "a" + "\u0301" * 10_000,
        "same_sentence": (STORY + " ") * 10_000,
        "scripts": " ".join(
            chr(b + i % 20) * 5 for i, b in enumerate([0x41, 0x391, 0x410, 0x5D0, 0x627] * 400)
        ),
    }
    lines = [json.dumps({"id": k, "text": v}) for k, v in records.items()]
    lines.append(
        json.dumps({"id": "title_markup", "title": "</td><script>alert('t')</script>", "text": STORY})
    )
    lines.append(json.dumps({"id": "title_huge", "title": "Quay " * 200_000, "text": STORY}))
    lines.append('{"id": "surrogates", "text": "' + ("\\ud800 " + STORY + " \\udfff") * 20 + '"}')
    (raw / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "cells.html").write_text(_table_page(100_000), encoding="utf-8")
    (raw / "paragraphs.html").write_text(
        "<html><head><title></td><script>alert(1)</script></title></head><body>"
        + "<p>x</p>" * 200_000
        + f"<p>{STORY}</p></body></html>",
        encoding="utf-8",
    )
    return records


@pytest.mark.slow
def test_hostile_records_through_the_cli(prefect_harness, tmp_path):
    """Every record ends as a document or a reject, the cuts are counted, the report shows the
    markup as text, and a second run finds nothing to do."""
    raw = tmp_path / "raw"
    records = _hostile_folder(raw)
    out = tmp_path / "out"
    t = time.monotonic()
    s = _ok(factsieve_run(str(raw), out, tmp_path))
    took = time.monotonic() - t
    docs = pd.read_parquet(out / "latest" / "documents")
    rejects = pd.read_parquet(out / "latest" / "rejects")
    keys = set(docs["record_key"]) | set(rejects["record_key"])
    assert {*records, "title_markup", "title_huge", "surrogates"} <= keys
    assert s["input_records"] == len(docs) + len(rejects)
    assert docs["title"].str.len().max() <= 1_000
    sents = pd.read_parquet(out / "latest" / "sentences", columns=["start", "end"])
    assert (sents["end"] - sents["start"]).max() <= 5_000
    assert s["limited"]["titles_cut"] == 1 and s["limited"]["sentences_cut"] >= 2
    report = (out / "reports" / f"run-{s['run_id']}.html").read_text(encoding="utf-8")
    assert "<script>alert" not in report and "&lt;script&gt;alert" in report
    assert took < 600, took
    _ok(factsieve_run(str(raw), out, tmp_path), "unchanged")
