"""The run report: built from tables the real domain functions produce and publish.

``write_run`` mirrors flows/curate.py without Prefect, in one batch: process_batch -> deduplicate ->
dedup columns and scores -> tables.conform -> (GX) -> publish into tmp_path.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import schemas
from factsieve import dedup
from factsieve.batch import pipeline
from factsieve.config import RunConfig
from factsieve.ingest.sources import discover
from factsieve.output import publish, report, svg, tables
from factsieve.output.checks import derived_metrics
from factsieve.score import base_quality, label_stats, score_from_stats
from tests.conftest import RAW

XSS_TEXT = (
    "Mayor <script>alert(1)</script> speech explained\n\n"
    "They likely discussed the budget <script>alert(1)</script> behind closed doors.\n"
    "The council probably talked about the roads too.\n"
    "So, grab your coffee, and let's get started!\n"
)
XSS_JSONL = '{"id": "bad-1", "title": "<script>alert(2)</script>", "text": "unterminated\n'


def write_run(raw: Path, out: Path, run_id: str, *, gx: bool = False, bounds=None) -> dict[str, pd.DataFrame]:
    """One run over RAW published under OUT, as the flow does it; returns the validated frames."""
    cfg = RunConfig()
    started = pd.Timestamp(pd.to_datetime(run_id[:15], format="%Y%m%dT%H%M%S", utc=True))
    files = discover(str(raw))
    res = pipeline.process_batch(files, run_id, started, cfg.limits)
    docs = res.documents.sort_values(["source_uri", "record_key"], kind="stable").reset_index(drop=True)
    rejects = res.rejects.sort_values(["source_uri", "record_key"], kind="stable").reset_index(drop=True)
    sentences = res.sentences
    state_out = publish.staging_dir(out, run_id) / "dedup_state"
    frame = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "text": docs["text"],
            "quality_score": base_quality(docs, label_stats(sentences, docs["doc_id"])).to_numpy(),
            "published_at": pd.to_datetime(docs["published_at"], utc=True),
        }
    )
    dd = dedup.deduplicate(frame, cfg.dedup, state_in=publish.latest_dedup_state(out), state_out=state_out)
    documents = docs.join(dd.assignments.reset_index(drop=True)[pipeline.DEDUP_COLUMNS])
    documents = pd.concat(
        [documents, score_from_stats(documents, label_stats(sentences, docs["doc_id"]))], axis=1
    )
    duplicates = dd.duplicates.assign(run_id=run_id)
    labels = sentences["label"].astype(str).value_counts().sort_index().to_dict()
    run_row = {
        "run_id": run_id,
        "status": "succeeded",
        "started_at": started,
        "finished_at": started + pd.Timedelta(seconds=2),
        "raw": str(raw),
        "parameters": tables.json_cell({"raw": str(raw), **asdict(cfg)}),
        "input_files": len(files),
        "input_records": res.input_records,
        "documents": len(documents),
        "rejects": len(rejects),
        "sentences": len(sentences),
        "exact_duplicates": int((documents["dup_method"] == "exact").sum()),
        "near_duplicates": int((documents["dup_method"] == "near").sum()),
        "removed_files": 0,
        "removed_documents": 0,
        "replaced_documents": 0,
        "stage_seconds": tables.json_cell({"startup": 2.5, "ingest_segment_classify": 0.5, "dedup": 0.1}),
        "command_seconds": 3.4,
        "stage_counts": tables.json_cell({"labels": labels}),
        "versions": tables.json_cell({"factsieve": "test"}),
        "validation": "passed",
        "gx_status": "skipped",
        "gx_detail": "[]",
        "schema_version": schemas.SCHEMA_VERSION,
    }
    frames = {
        "documents": documents,
        "sentences": sentences,
        "duplicates": duplicates,
        "rejects": rejects,
        "runs": pd.DataFrame([run_row]),
    }
    validated = {name: tables.conform(df, name) for name, df in frames.items()}
    if gx:
        from factsieve.output.checks import GxBounds, run_checks

        outcome = run_checks(validated, out, run_id, bounds or GxBounds())
        run_row.update(
            gx_status=outcome.status,
            gx_detail=outcome.detail_json(),
            status="failed" if outcome.status == "failed" else "succeeded",
        )
        validated["runs"] = tables.typed(pd.DataFrame([run_row]), "runs")
    publish.publish(
        out,
        run_id,
        {n: tables.to_arrow(df, n) for n, df in validated.items()},
        state_out if state_out.is_dir() else None,
    )
    return validated


def raw_with_xss(tmp: Path, subdirs: tuple[str, ...] = ("feeds", "misc", "seo", "syndicated", "web")) -> Path:
    raw = tmp / "raw"
    for sub in subdirs:
        shutil.copytree(RAW / sub, raw / sub)
    (raw / "seo" / "mayor-speech-explained.txt").write_text(XSS_TEXT, encoding="utf-8")
    (raw / "feeds" / "broken.jsonl").write_text(XSS_JSONL, encoding="utf-8")
    return raw


RUN1 = "20240101T000000Z-aaaaaa"
RUN2 = "20240102T000000Z-bbbbbb"


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run 1: raw/news and raw/legacy. Run 2: the rest of raw/ plus a document and a record with
    <script> in them. Run 2's wire copy duplicates a run-1 article (canonical from an earlier run)."""
    tmp = tmp_path_factory.mktemp("report")
    raw1 = tmp / "raw1"
    for sub in ("news", "legacy"):
        shutil.copytree(RAW / sub, raw1 / sub)
    out = tmp / "out"
    f1 = write_run(raw1, out, RUN1)
    f2 = write_run(raw_with_xss(tmp), out, RUN2)
    path = report.build_report(out)
    return out, f1, f2, path, path.read_text(encoding="utf-8")


def _section(page: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}">(.*?)</section>', page, re.S)
    assert m, f"section {sid} missing"
    return m.group(1)


def test_report_written_for_latest_run_and_copied_to_latest(two_runs):
    out, _, _, path, page = two_runs
    assert path == out / "reports" / f"run-{RUN2}.html"
    assert (out / "reports" / "latest.html").read_text(encoding="utf-8") == page
    assert not list((out / "reports").glob("*.tmp")) and not list((out / "reports").glob(".*.tmp"))


def test_every_section_present(two_runs):
    page = two_runs[4]
    for sid, _title in report.SECTIONS:
        _section(page, sid)
    assert page.count("<svg") >= 6  # stages, rejects, labels, histogram, tiers, drift


def test_counts_per_stage_match_tables(two_runs):
    _, _, f2, _, page = two_runs
    run = f2["runs"].iloc[0]
    stages = _section(page, "stages")
    for name, n in [
        ("input files", run["input_files"]),
        ("input records", run["input_records"]),
        ("rejected records", len(f2["rejects"])),
        ("documents", len(f2["documents"])),
        ("canonical documents", int(f2["documents"]["is_canonical"].sum())),
        ("sentences", len(f2["sentences"])),
    ]:
        assert f'<td>{name}</td><td class="num">{int(n):,}</td>' in stages, name
    assert int(run["input_records"]) == len(f2["documents"]) + len(f2["rejects"])


def test_rejects_grouped_by_reason_with_examples(two_runs):
    _, _, f2, _, page = two_runs
    sec = _section(page, "rejects")
    counts = f2["rejects"]["reason"].astype(str).value_counts()
    assert len(counts) >= 3
    for reason, n in counts.items():
        assert re.search(rf"<h3>{reason} — {n}\b", sec), reason
    assert "raw/misc/empty.txt" in sec and "file has no content" in sec


def test_duplicate_clusters_largest_first_with_canonical(two_runs):
    _, _, f2, _, page = two_runs
    sec = _section(page, "duplicates")
    dup = f2["duplicates"][f2["duplicates"]["level"] == "copy"]
    n_clusters = dup["cluster_id"].nunique()
    assert n_clusters >= 2
    assert f"{n_clusters} cluster(s)" in sec
    sizes = [int(n) for n in re.findall(r"<h3>dup-[0-9a-f]+ — (\d+) documents</h3>", sec)]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == n_clusters
    assert sec.count("<b>Canonical:</b>") == n_clusters
    # the wire copy's canonical was ingested by run 1
    assert re.search(
        r"<b>Canonical:</b> El Salvador and US agree to expand port and customs cooperation "
        r'<span class="muted small">\(earlier run\)</span>',
        sec,
    )


def test_label_distribution_and_quality(two_runs):
    _, _, f2, _, page = two_runs
    labels = _section(page, "labels")
    counts = f2["sentences"]["label"].astype(str).value_counts()
    for lab, n in counts.items():
        assert re.search(rf">{lab}</span></td><td class=\"num\">{n:,}</td>", labels), lab
    assert "likely" in labels  # a cue that decided speculative sentences
    quality = _section(page, "quality")
    assert "Quality score of documents" in quality
    hist_total = sum(
        int(n)
        for n in re.findall(
            r"</title></rect><text [^>]*>(\d+)</text>", quality.split("Documents per tier")[0]
        )
    )
    assert hist_total == len(f2["documents"])


def test_lowest_quality_documents_highlight_speculation_with_deciding_cue(two_runs):
    _, _, f2, _, page = two_runs
    sec = _section(page, "lowest")
    assert "harris-visit-explained.txt" in sec
    assert sec.count('<mark class="speculative">') >= 5
    assert '<span class="cue deciding" title="hedge cue">likely</span>' in sec
    assert "decided by “likely”" in sec


def test_gx_section_without_results_and_drift_against_previous_run(two_runs):
    _, _, f2, _, page = two_runs
    assert "No expectation results were recorded" in _section(page, "gx")
    drift = _section(page, "drift")
    assert RUN1 in drift
    assert "⚠" in drift  # run 1 had no rejects, run 2 has several: the reject rate drifted
    assert re.search(r"<td>reject rate</td><td class=\"num\">0\.0%</td>", drift)


def test_no_network_references(two_runs):
    page = two_runs[4]
    assert not re.search(r"""(src|href|xlink:href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "@import" not in page
    assert "<script" not in page.lower()
    assert "<link" not in page.lower() and "<img" not in page.lower() and "<iframe" not in page.lower()


def test_document_text_is_escaped(two_runs):
    page = two_runs[4]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # document text and title
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # a rejected record's sample
    assert "<script>" not in page


def test_first_run_has_nothing_to_compare(two_runs):
    out = two_runs[0]
    path = report.build_report(out, RUN1)
    page = path.read_text(encoding="utf-8")
    assert path.name == f"run-{RUN1}.html"
    assert "first committed run" in _section(page, "drift")
    # latest.html keeps showing the newest run
    assert RUN2 in (out / "reports" / "latest.html").read_text(encoding="utf-8")


def test_unknown_run_and_empty_output_are_clear_errors(tmp_path, two_runs):
    with pytest.raises(report.ReportError, match="no committed run"):
        report.build_report(tmp_path / "nothing")
    with pytest.raises(report.ReportError, match="not a committed run"):
        report.build_report(two_runs[0], "20000101T000000Z-zzzzzz")


def test_highlight_sentence_escapes_and_marks_deciding_cue():
    text = "They <b>likely</b> met, reportedly."
    cues = [
        {"kind": "hedge", "text": "likely", "start": 8, "end": 14},
        {"kind": "hedge", "text": "reportedly", "start": 24, "end": 34},
    ]
    out = report.highlight_sentence(text, cues, "likely")
    assert out == (
        'They &lt;b&gt;<span class="cue deciding" title="hedge cue">likely</span>&lt;/b&gt; met, '
        '<span class="cue" title="hedge cue">reportedly</span>.'
    )
    # offsets past the text are ignored rather than breaking the page
    assert (
        report.highlight_sentence("short", [{"kind": "x", "text": "y", "start": 3, "end": 99}], None)
        == "short"
    )


def test_render_report_is_pure_and_shows_failed_gx(two_runs):
    _, _, f2, _, _ = two_runs
    run = f2["runs"].iloc[0].to_dict()
    run.update(
        status="failed",
        gx_status="failed",
        gx_detail=(
            '[{"table": "sentences", "expectation": "ExpectColumnValuesToBeInSet(label)", "severity": "critical",'
            ' "success": false, "observed": {"unexpected": 1, "of": 9, "examples": ["rumour"]},'
            ' "reason": "1 of 9 rows break it (e.g. \'rumour\')"}]'
        ),
    )
    page = report.render_report(run, report.summarize_run(two_runs[0], RUN2), None)
    assert '<span class="badge bad">failed</span>' in page
    assert "Why it failed" in _section(page, "summary")
    gx = _section(page, "gx")
    assert "ExpectColumnValuesToBeInSet(label)" in gx and "1 of 9 rows unexpected" in gx
    assert '<span class="badge bad">fail</span>' in gx


def test_metrics_from_counts_equal_derived_metrics(two_runs):
    """The report's drift metrics come from streamed counts; they are derived_metrics' numbers."""
    out, f1, f2, _, _ = two_runs
    for run_id, frames in ((RUN1, f1), (RUN2, f2)):
        expected = derived_metrics(frames)
        for got in (report.summarize_run(out, run_id).metrics, report.run_metrics(out, run_id)):
            assert list(got) == list(expected)
            for key, value in expected.items():
                # a sum of floats may differ in the last bit with the order of addition
                assert got[key] == (pytest.approx(value, rel=1e-12) if key == "mean_quality" else value), key
    empty = report.summary_metrics(report.DocumentStats(), report.SentenceStats(), report.RejectStats())
    assert empty == derived_metrics({})


def _rewrite_in_small_row_groups(out: Path, rows: int) -> None:
    for part in out.glob("*/part-*.parquet"):
        table = pq.read_table(part)
        pq.write_table(table, part, row_group_size=rows)


def test_page_does_not_depend_on_batches_or_row_groups(two_runs, tmp_path, monkeypatch):
    """Counters, the lowest documents, the histogram, the reject examples and the cluster sizes
    are merged batch by batch: tiny row groups and batches give the very same page."""
    src, _, _, _, page = two_runs
    out = tmp_path / "out"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("reports"))
    _rewrite_in_small_row_groups(out, 5)
    monkeypatch.setattr(report, "BATCH_ROWS", 3)
    assert report.build_report(out, RUN2).read_text(encoding="utf-8") == page
    assert pq.ParquetFile(out / "sentences" / publish.part_name(RUN2)).metadata.num_row_groups > 10


def test_reads_only_the_columns_it_needs(two_runs, tmp_path, monkeypatch):
    """Document text is never read; sentence text and cues only for the rows on the page."""
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out, ignore=shutil.ignore_patterns("reports"))
    scanned, looked_up = [], []
    batches, rows_where = report._record_batches, report._rows_where

    def spy_batches(path, columns):
        scanned.append((path.parent.name, tuple(columns)))
        return batches(path, columns)

    def spy_rows_where(path, table, key, values, columns):
        found = rows_where(path, table, key, values, columns)
        looked_up.append((table, tuple(columns), found.num_rows))
        return found

    monkeypatch.setattr(report, "_record_batches", spy_batches)
    monkeypatch.setattr(report, "_rows_where", spy_rows_where)
    report.build_report(out, RUN2)
    assert {t for t, _ in scanned} == {"documents", "sentences", "duplicates", "rejects"}
    for table, columns in scanned:
        assert not set(columns) & {*report.HEAVY_DOCUMENT_COLUMNS, "cues"}, (table, columns)
    sentence_rows = [n for t, cols, n in looked_up if t == "sentences" and "text" in cols]
    assert len(sentence_rows) == 1 and 0 < sentence_rows[0] < len(two_runs[2]["sentences"])


def test_value_counts_merged_across_batches_rank_like_pandas():
    rng = random.Random(7)
    for _ in range(50):
        values = [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 200))]
        counts: dict[str, int] = {}
        for i in range(0, len(values), 9):
            report._count_into(counts, pa.array(values[i : i + 9] + [None]))
        assert report.ranked(counts) == list(pd.Series(values, dtype=object).value_counts().items())


def test_histogram_from_bin_counts_equals_histogram_of_scores():
    rng = random.Random(3)
    scores = [rng.random() for _ in range(500)] + [i / 10 for i in range(11)] + [0.3, 0.7, float("nan")]
    bins = report._quality_bin_counts(np.array(scores, dtype="float64"))
    assert sum(bins) == len(scores) - 1
    assert svg.histogram(
        report._bin_centres([int(n) for n in bins]), title="q", x_label="x"
    ) == svg.histogram(scores, title="q", x_label="x")


def test_prefect_artifacts_created_inside_a_flow_run(prefect_harness, two_runs):
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterKey,
        FlowRunFilter,
        FlowRunFilterId,
    )

    from flows import artifacts

    _, _, f2, path, _ = two_runs
    summary = {
        "run_id": RUN2,
        "status": "succeeded",
        "raw": "raw",
        "input_files": 12,
        "input_records": 18,
        "documents": len(f2["documents"]),
        "canonical_documents": 7,
        "sentences": len(f2["sentences"]),
        "rejects": len(f2["rejects"]),
        "reject_reasons": {"empty": 2, "malformed_json": 2},
        "labels": {"reported": 30, "speculative": 11},
        "exact_duplicates": 1,
        "near_duplicates": 1,
        "gx_status": "warning",
        "gx_detail": '[{"table": "runs", "expectation": "ExpectColumnValuesToBeBetween(reject_rate)",'
        ' "severity": "warning", "success": false, "reason": "observed 0.33 | more"}]',
    }

    @flow
    def emit() -> str:
        from prefect.runtime import flow_run

        artifacts.publish_artifacts(summary, path)
        return flow_run.id

    run_id = emit()
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(
                    any_=[artifacts.SUMMARY_KEY, artifacts.COUNTS_KEY, artifacts.REPORT_KEY]
                )
            ),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id])),
        )
    by_key = {a.key: a for a in found}
    assert set(by_key) == {artifacts.SUMMARY_KEY, artifacts.COUNTS_KEY, artifacts.REPORT_KEY}
    assert by_key[artifacts.SUMMARY_KEY].type == "markdown"
    assert (
        "**warning**" in by_key[artifacts.SUMMARY_KEY].data
        and "observed 0.33 \\| more" in by_key[artifacts.SUMMARY_KEY].data
    )
    assert by_key[artifacts.COUNTS_KEY].type == "table" and "malformed_json" in str(
        by_key[artifacts.COUNTS_KEY].data
    )
    assert by_key[artifacts.REPORT_KEY].type == "markdown" or by_key[artifacts.REPORT_KEY].type == "link"
    assert path.resolve().as_uri() in str(by_key[artifacts.REPORT_KEY].data)
    assert all(re.fullmatch(r"[a-z0-9-]+", k) for k in by_key)


def test_stories_show_sites_dates_and_the_copy_kept(tmp_path):
    """A press release on one site, then a truncated rewrite and an extended rewrite on two others
    in a later run: the report's story section lists all three with their sites and days."""
    import json

    from tests.dedup.test_story import NEW_LEAD, RELEASE, STORY, text

    def jsonl(path: Path, records: list[dict]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def rec(i: str, site: str, day: str, body: str) -> dict:
        return {
            "id": i,
            "url": f"https://www.{site}/energy/{i}",
            "title": f"Harwick battery ({i})",
            "published": f"2023-12-{day}T09:00:00Z",  # before the runs: later dates are dropped
            "text": body,
        }

    out = tmp_path / "out"
    jsonl(tmp_path / "raw1" / "wire.jsonl", [rec("release", "grid-news.example", "02", text(RELEASE))])
    write_run(tmp_path / "raw1", out, RUN1)
    jsonl(
        tmp_path / "raw2" / "sites.jsonl",
        [
            rec("short", "valley-post.example", "03", text([NEW_LEAD, *RELEASE[:3]])),
            rec("long", "energy-daily.example.org", "04", text([*RELEASE, STORY])),
        ],
    )
    f2 = write_run(tmp_path / "raw2", out, RUN2)
    docs = f2["documents"].set_index("source_uri")
    assert docs["story_id"].nunique() == 1 and docs["dup_cluster_id"].isna().all()
    page = report.build_report(out).read_text(encoding="utf-8")
    sec = _section(page, "stories")
    assert "1 story with new members, 3 member rows" in sec
    assert re.search(r"<h3>story [0-9a-f]{12} — 3 documents, 3 site\(s\)</h3>", sec)
    kept = sec.split("<b>Copy kept:</b>")[1].split("</p>")[0]
    assert "Harwick battery (release)" in kept and "(earlier run)" in kept
    assert "grid-news.example" in kept and "2023-12-02" in kept
    for site, day in (("valley-post.example", "2023-12-03"), ("energy-daily.example.org", "2023-12-04")):
        assert re.search(rf"<td>{re.escape(site)}</td><td>{day}</td><td>contained</td>", sec), site


HIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2066-\u2069]")


def test_control_and_bidi_characters_never_reach_the_page_and_encodings_are_counted(tmp_path):
    """A reject sample full of NULs and control bytes, a title and a file name with right-to-left
    overrides: the page shows them as escapes, so nothing is hidden or reordered."""
    raw = tmp_path / "raw"
    raw.mkdir()
    story = "The council approved the budget on Friday, officials said.\nThe vote was close.\n"
    (raw / "\u202eexe.txt").write_bytes(("“Budget” vote – " + story).encode("cp1252"))
    (raw / "moscow.txt").write_bytes(
        ("Правительство России заявило сегодня, что рост составит три процента.\n" * 3).encode("koi8-r")
    )
    (raw / "blob.txt").write_bytes(b"MZ\x00\x01\x02\x1b[31m" + bytes(range(32)) * 20)
    (raw / "feed.jsonl").write_text(
        '{"id": "a\\u202eb", "title": "Vote \\u2066hidden\\u2069 \\u0007bell", "text": "'
        + story.replace("\n", " ")
        + '"}\n'
        '{"text": "", "id": "empty\\u0000nul"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_id = "20240103T000000Z-cccccc"
    frames = write_run(raw, out, run_id)
    assert set(frames["rejects"]["reason"]) == {"binary", "empty"}
    page = report.build_report(out, run_id).read_text(encoding="utf-8")
    assert not HIDDEN_CHARS.search(page)
    assert "\\u202eexe.txt" in page  # a file name: shown escaped
    # a title is repaired at ingest as the text is (factsieve.text.title.tidy_title): isolates and
    # the bell are removed, not only escaped on the page
    assert "Vote hidden bell" in page
    assert "MZ\\x00\\x01\\x02\\x1b[31m" in page  # the binary file's sample, escaped at ingest
    encodings = _section(page, "stages")
    assert "Documents per input encoding" in encodings
    for enc in ("cp1252", "koi8-r", "utf-8"):
        assert f'<span class="mono">{enc}</span>' in encodings
    assert "unusual" not in encodings


def test_unusual_encodings_are_marked():
    stats = report.DocumentStats(
        encodings={"cp1252": 40, "utf-8+cp1252": 3, "mac_iceland": 2, "utf-8+cp850": 1}
    )
    summary = report.RunSummary(
        stats, report.SentenceStats(), report.RejectStats(), report.DuplicateStats(), pd.DataFrame(), {}
    )
    html = report._encodings(summary)
    assert html.count("unusual") == 2 and html.index("mac_iceland") < html.index("unusual")
    assert html.index("utf-8+cp1252") < html.index("unusual") < html.index("utf-8+cp850")
