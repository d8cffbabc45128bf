"""Round 17, what ingest reports, through the real CLI (docs/INGEST.md "Round 17", docs/OPERATIONS.md
"Readers that improve"):

- hidden files and folders are passed over and counted, like every other passed-over class;
- an input an older release's readers rejected is read again once when the readers change
  (``manifest.READERS_REVISION``), and only such inputs: the accepted ones are not;
- ``documents.encoding`` is the codec name, its uncertainty the boolean ``encoding_uncertain``; a
  part written before (schema 1.2, "cp1252?") reads in the new layout in the latest view.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from factsieve.ingest import manifest
from factsieve.ingest.sources import discover
from factsieve.output import latest
from tests.conftest import factsieve

PORT = (
    "Dock workers at the port of Felixstowe walked out on Monday over pay, the port authority said. "
    "The strike is expected to last three days and could delay container traffic across the country.\n"
)
BUDGET = (
    "The council approved its budget for next year on Tuesday, raising spending on schools by four "
    "percent. Opposition members said the plan relied on optimistic forecasts of business rates.\n"
)


def _run(raw: Path, out: Path) -> dict:
    res = factsieve("run", str(raw), "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    return json.loads(res.stdout)


def test_hidden_files_and_folders_are_counted_not_silently_left_out(tmp_path):
    raw = tmp_path / "raw"
    (raw / "desk" / ".git" / "objects").mkdir(parents=True)
    (raw / "desk" / ".git" / "objects" / "ab12").write_bytes(b"x\x9c\x01\x00")
    (raw / "desk" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (raw / "port.txt").write_text(PORT)
    (raw / "desk" / "budget.txt").write_text(BUDGET)
    (raw / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (raw / "desk" / ".budget.txt.swp").write_bytes(b"b0VIM 9.0")
    (raw / "desk" / "budget.txt~").write_text(BUDGET)
    (raw / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    summary = _run(raw, tmp_path / "out")
    counted = {"hidden file": 4, "hidden folder (not listed)": 1}
    assert (summary["documents"], summary["rejects"]) == (2, 0)
    assert summary["passed_over"] == counted
    runs = pd.read_parquet(tmp_path / "out" / "runs")
    assert json.loads(runs["stage_counts"].iloc[-1])["ingest"]["passed_over"] == counted
    text = factsieve("run", str(raw), "--out", str(tmp_path / "out2")).stdout
    assert "passed over (not records): hidden file 4, hidden folder (not listed) 1" in text
    # A second run reads nothing and still says what it passed over.
    again = factsieve("run", str(raw), "--out", str(tmp_path / "out2")).stdout
    assert "nothing new" in again and "passed over: hidden file 4, hidden folder (not listed) 1" in again


def _age_readers(out: Path) -> None:
    """Make the committed manifest say its inputs were read by an older release's readers (another
    readers fingerprint): what every output folder written before READERS_REVISION 2 holds."""
    for part in (out / "_state" / "manifest").glob("*.parquet"):
        t = pq.read_table(part)
        old = pa.array(["0123456789abcdef" if r is not None else None for r in t["readers"].to_pylist()])
        pq.write_table(t.set_column(t.schema.get_field_index("readers"), "readers", old), part)


def test_earlier_rejects_are_read_again_once_when_the_readers_change(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "port.txt").write_text(PORT)
    (raw / "budget.txt").write_text(BUDGET)
    (raw / "wire.jsonl").write_text(json.dumps({"text": PORT}) + "\n" + '{"text": "cut off mid-rec\n')
    (raw / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    out = tmp_path / "out"
    first = _run(raw, out)
    assert (first["documents"], first["rejects"]) == (3, 2)
    assert _run(raw, out)["status"] == "unchanged"  # same readers: nothing read again

    _age_readers(out)
    upgraded = _run(raw, out)
    # Only the inputs with a live reject of the readers' reasons are read again (wire.jsonl,
    # notes.docx); port.txt and budget.txt are not, though their manifest rows are as old.
    assert (upgraded["changed_files"], upgraded["unchanged_files"]) == (2, 2)
    docs = pd.read_parquet(out / "latest" / "documents")
    assert sorted(Path(u).name for u in docs["source_uri"]) == ["budget.txt", "port.txt", "wire.jsonl"]
    rejects = pd.read_parquet(out / "latest" / "rejects")
    assert sorted(Path(u).name for u in rejects["source_uri"]) == ["notes.docx", "wire.jsonl"]
    # Read once: the next run finds the new readers' fingerprint and reads nothing.
    assert _run(raw, out)["status"] == "unchanged"


def test_plan_reads_again_only_rejected_inputs_of_older_readers(tmp_path):
    """Same bytes throughout: the accepted input and the one rejected under today's readers stay;
    the one rejected under older readers is read again."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in (("ok.txt", PORT), ("bad.jsonl", '{"text": "cut'), ("new-readers.jsonl", '{"text": 1')):
        (raw / name).write_text(text)
    files = discover(raw)
    hashes = manifest.plan(files, {}).hashes  # what a first run records
    readers = {"ok.txt": "older", "bad.jsonl": "older", "new-readers.jsonl": manifest.readers_fingerprint()}
    previous = {
        f.uri: manifest.Entry(f.size, f.mtime, hashes[f.uri], "r1", readers=readers[f.rel]) for f in files
    }
    uri = {f.rel: f.uri for f in files}
    p = manifest.plan(files, previous, rejected={uri["bad.jsonl"], uri["new-readers.jsonl"]})
    assert [f.rel for f in p.changed] == ["bad.jsonl"]
    assert p.reasons == {uri["bad.jsonl"]: manifest.READER_ADDED}
    assert sorted(f.rel for f in p.unchanged) == ["new-readers.jsonl", "ok.txt"]


def test_encoding_and_its_uncertainty_are_two_columns(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "port.txt").write_text(PORT)
    # One Polish letter cannot tell cp1250 from cp1252 ("Gdañsku"): the decoder's close call.
    (raw / "strajk.txt").write_bytes("Strajk w porcie w Gdańsku\n".encode("cp1250"))
    _run(raw, tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents").set_index(
        pd.read_parquet(tmp_path / "out" / "documents")["source_uri"].map(lambda u: Path(u).name)
    )
    assert docs.loc["port.txt", ["encoding", "encoding_uncertain"]].tolist() == ["utf-8", False]
    assert docs.loc["strajk.txt", "encoding_uncertain"]
    assert not docs["encoding"].str.contains("?", regex=False).any()
    report = next((tmp_path / "out" / "reports").glob("run-*.html")).read_text()
    assert "uncertain guess: check these documents" in report


def _filler(f: pa.Field) -> pa.Array:
    if f.nullable:
        return pa.nulls(2, f.type)
    if pa.types.is_timestamp(f.type):
        return pa.array([0, 0], pa.int64()).cast(f.type)
    value = {"string": "", "bool": False, "double": 0.0}.get(
        str(f.type), [] if pa.types.is_list(f.type) else 0
    )
    return pa.array([value, value], f.type)


def test_a_documents_part_of_schema_1_2_reads_in_the_new_layout():
    schema = schemas.arrow_schema("documents")
    old = pa.schema([f for f in schema if f.name != "encoding_uncertain"])
    rows = {f.name: _filler(f) for f in old}
    rows["doc_id"] = pa.array(["a" * 32, "b" * 32])
    rows["encoding"] = pa.array(["cp1252?", "utf-8+cp1250?"])
    t = latest._current_layout(pa.table(rows, schema=old), "documents")
    assert t.schema.names == schema.names
    assert t["encoding"].to_pylist() == ["cp1252", "utf-8+cp1250"]
    assert t["encoding_uncertain"].to_pylist() == [True, True]
