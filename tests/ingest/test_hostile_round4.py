"""Hostile input, round 4 (docs/INGEST.md): each class found by probing `factsieve run` that ended
the run with a traceback, hung or lost records, at the ingest level."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from factsieve import vocabulary as codes
from factsieve.batch.pipeline import process_batch
from factsieve.ingest.sources import discover
from factsieve.output import tables

NOW = pd.Timestamp("2026-03-01", tz="UTC")
STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year."
)


def _batch(raw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every file under ``raw`` through ingest, clean and the pandera schemas, as a run does."""
    res = process_batch(discover(raw), "run-1", NOW)
    assert res.input_records == len(res.documents) + len(res.rejects)
    return res.documents, tables.conform(res.rejects, "rejects")


def test_parquet_dates_python_cannot_hold_are_null_and_the_rows_kept(tmp_path):
    """A date32 of year ~2.9 million or a timestamp in milliseconds past year 9999 raised OverflowError in pyarrow's
    conversion, which ended the whole run (exit 1, nothing written)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    pq.write_table(
        pa.table(
            {
                "published": pa.array([-(2**30), 2**30, 19_800], type=pa.date32()),
                "updated": pa.array([2**62, 0, 0], type=pa.timestamp("ms")),
                "text": [STORY + " One.", STORY + " Two.", STORY + " Three."],
            }
        ),
        raw / "dates.parquet",
    )
    docs, rejects = _batch(raw)
    assert rejects.empty
    assert list(docs["record_key"]) == ["row:1", "row:2", "row:3"]
    assert docs["published_at"].isna().tolist() == [True, True, False]
    assert str(docs["published_at"].iloc[2])[:10] == "2024-03-18"


def test_utf32_without_a_byte_order_mark_is_decoded(tmp_path):
    """UTF-32 without BOM was a ``binary`` reject ("control bytes found"), its text lost; with a BOM
    it was read. Random bytes with NULs stay rejected."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text = STORY + " Café owners, Zürich and €5 fares.\n"
    (raw / "le.txt").write_bytes(text.encode("utf-32-le"))
    (raw / "be.jsonl").write_bytes(('{"text": "' + text.strip() + '"}\n').encode("utf-32-be"))
    (raw / "noise.txt").write_bytes(b"\xff\xff\xff\x7f\x00\x01\x02\x03" * 40)
    docs, rejects = _batch(raw)
    by_file = docs.set_index(docs["source_uri"].str.rsplit("/", n=1).str[-1])
    assert by_file.loc["le.txt", "encoding"] == "utf-32-le"
    assert "Zürich and €5 fares." in by_file.loc["le.txt", "text"]
    assert by_file.loc["be.jsonl", "text"].endswith("Zürich and €5 fares.")
    assert list(rejects["reason"]) == [codes.BINARY]


def test_the_output_folder_inside_raw_is_not_discovered(tmp_path):
    """`factsieve run . --out output` read its own Parquet parts, report and state as input on the
    next run; the folder given as ``skip`` (the run's --out) is left out, by its real path, for a
    plain folder and a file:// URL alike; a folder that only shares the name prefix is read."""
    raw = tmp_path / "raw"
    (raw / "output" / "documents").mkdir(parents=True)
    (raw / "output" / "documents" / "part-1.parquet").write_bytes(b"PAR1")
    (raw / "output" / "reports").mkdir()
    (raw / "output" / "reports" / "latest.html").write_text("<html></html>", encoding="utf-8")
    (raw / "output-2024").mkdir()
    (raw / "output-2024" / "story.txt").write_text(STORY, encoding="utf-8")
    (raw / "story.txt").write_text(STORY, encoding="utf-8")
    for root in (raw, f"file://{raw}"):
        everything = {f.rel for f in discover(root)}
        assert "output/reports/latest.html" in everything
        kept = {f.rel for f in discover(root, skip=(raw / "output" / ".." / "output",))}
        assert kept == {"story.txt", "output-2024/story.txt"}


def test_an_overlong_csv_line_is_planned_in_bounded_memory(tmp_path):
    """Planning held a whole physical line, decoded and joined: a 400 MB quoted field took 3.2 GB
    (a 1 GB field, ~8 GB). Now a line longer than 4 x max_record_chars bytes is read in pieces cut
    between UTF-8 characters, each a ``too_large`` row; the rows after it are documents. Scaled
    down here: a 6 MB field of 2- and 3-byte characters, 100,000-character records, 1 MB parts."""
    import tracemalloc

    from factsieve.ingest.parts import split_parts
    from factsieve.params import IngestLimits

    raw = tmp_path / "raw"
    raw.mkdir()
    field = "é€" * 1_200_000  # 6 MB of UTF-8
    body = f'title,text\nFirst,"{STORY}"\nHuge,"{field}"\nLast,"{STORY} Last."\n'
    (raw / "dump.csv").write_text(body, encoding="utf-8")
    limits = IngestLimits(max_record_chars=100_000)
    [whole] = discover(raw)
    tracemalloc.start()
    parts = split_parts(whole, 1 << 20, limits.max_record_chars)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 3_000_000  # a 400 KB piece at a time, not the 6 MB line (before: 27 MB)
    assert len(parts) > 1 and parts[0].start == 0 and parts[-1].end == len(body.encode())
    res = process_batch(parts, "run-1", NOW, limits)
    docs = res.documents.sort_values("record_key")
    assert docs["text"].str.startswith("The city council").all()
    assert list(docs["record_key"]) == ["line:2", "line:4"]
    assert set(res.rejects["reason"]) == {codes.TOO_LARGE}
    assert res.rejects["raw_bytes"].sum() == len(f'Huge,"{field}"\n'.encode())


def test_a_page_with_a_huge_inline_image_keeps_the_text_after_it(tmp_path):
    """A page saved "complete" embeds its images as data: URIs. libxml2 stops at an attribute value
    over 10,000,000 characters: a 12 MB inline image lost every paragraph below it, silently (and a
    50 MB one in the paragraph's own attribute made the page a no_main_text reject)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    above = f"<p>{STORY}</p>"
    below = "<p>The mayor said the new routes open in May, and fares will not change this year.</p>"
    image = '<img alt="bus" src="data:image/png;base64,' + "A" * 12_000_000 + '">'
    (raw / "saved.html").write_text(
        f"<html><head><title>Bus plan</title></head><body><article><h1>Bus plan</h1>{above}{image}"
        f"{below}</article></body></html>",
        encoding="utf-8",
    )
    (raw / "attr.html").write_text(
        f'<html><body><article><p title="{"x" * 11_000_000}">{STORY}</p></article></body></html>',
        encoding="utf-8",
    )
    docs, rejects = _batch(raw)
    assert rejects.empty
    by_file = docs.set_index(docs["source_uri"].str.rsplit("/", n=1).str[-1])
    assert "fares will not change" in by_file.loc["saved.html", "text"]
    assert "Mayor Ana Ruiz" in by_file.loc["saved.html", "text"]
    assert "Mayor Ana Ruiz" in by_file.loc["attr.html", "text"]


def test_a_file_truncated_after_planning_leaves_a_reject_per_part(tmp_path):
    """A JSONL file cut into parts, then truncated (a writer rotating it) before the parts were
    read: the parts past the new end read no bytes, so their records vanished from the run with no
    reject. Now each short part is a read_error keyed by its first line; the next run sees the
    new size and reads the file again (manifest)."""
    import json
    import os

    from factsieve.ingest.parts import split_parts

    raw = tmp_path / "raw"
    raw.mkdir()
    feed = raw / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"text": f"{STORY} {i}"}) + "\n" for i in range(3000)), encoding="utf-8"
    )
    [whole] = discover(raw)
    parts = split_parts(whole, 100_000)
    assert len(parts) >= 4
    os.truncate(feed, parts[1].start + 50)
    res = process_batch(parts, "run-1", NOW)
    rejects = tables.conform(res.rejects, "rejects")
    assert len(res.documents) == parts[1].first_line - 1  # the first part, whole
    assert list(rejects["record_key"]) == [f"line:{p.first_line}" for p in parts[1:]]
    assert set(rejects["reason"]) == {codes.READ_ERROR}
    assert "the file shrank while the run read it (50 bytes of this part left)" in rejects["detail"][0]
    assert rejects["raw_bytes"].sum() == parts[-1].end - parts[1].start


def test_a_parquet_file_damaged_after_planning_gives_one_distinct_reject_per_part(tmp_path):
    """Each part's corrupt_file reject was keyed "", as the file's: 10 rejects with one key."""
    import os

    from factsieve.ingest.parts import split_parts

    raw = tmp_path / "raw"
    raw.mkdir()
    path = raw / "dump.parquet"
    pq.write_table(pa.table({"text": [f"{STORY} {i}" for i in range(6000)]}), path, row_group_size=1000)
    [whole] = discover(raw)
    parts = split_parts(whole, 50_000)
    assert len(parts) == 6
    os.truncate(path, os.path.getsize(path) // 2)  # the footer is gone
    res = process_batch(parts, "run-1", NOW)
    assert res.documents.empty
    assert list(res.rejects["record_key"]) == [f"row:{p.first_line}" for p in parts]
    assert set(res.rejects["reason"]) == {codes.CORRUPT_FILE}
