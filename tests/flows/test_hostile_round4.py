"""Hostile input, round 4 (docs/INGEST.md), through the real CLI: a folder of the nastiest files
the round's probe found (names, links, sockets, encodings, Parquet dates, archives under text
names, nesting) and the run's own output folder inside RAW. The run exits 0 without a traceback,
every bad file leaves a rejects row with its code, every good file's documents are there, the raw
files are byte-identical afterwards, and a second run reads nothing of its own output."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import socket
import sys
import tarfile
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import factsieve

STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)


def _archives() -> dict[str, bytes]:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("a.txt", STORY)
    tarred = io.BytesIO()
    with tarfile.open(fileobj=tarred, mode="w") as tf:
        info = tarfile.TarInfo("story.txt")
        info.size = len(STORY)
        tf.addfile(info, io.BytesIO(STORY.encode()))
    return {"zip-as.jsonl": zipped.getvalue(), "tar-as.txt": tarred.getvalue()}


def _write(raw) -> tuple[dict[str, int], dict[str, str]]:
    """The folder; returns documents expected per good file and the reason per bad file."""
    good: dict[str, int] = {}
    bad: dict[str, str] = {}

    def put(name: str, data: bytes, docs: int = 0, reason: str = "") -> None:
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if reason:
            bad[name] = reason
        else:
            good[name] = docs

    raw.mkdir()
    # names
    put("n" * 251 + ".txt", STORY.encode(), 1)
    put("tab\tname.txt", (STORY + "Tab.").encode(), 1)
    put("Case.txt", (STORY + "Upper.").encode(), 1)
    put("case.txt", (STORY + "Lower.").encode(), 1)
    put("folder.jsonl/inner.txt", (STORY + "Inner.").encode(), 1)
    put("story.txt ", STORY.encode(), reason="unsupported_format")
    # links and special files
    (raw / "loop-a.txt").symlink_to("loop-b.txt")
    (raw / "loop-b.txt").symlink_to("loop-a.txt")
    bad.update({"loop-a.txt": "read_error", "loop-b.txt": "read_error"})
    here = os.getcwd()
    os.chdir(raw)  # a socket's path is limited to 108 bytes: bind it by its relative name
    try:
        socket.socket(socket.AF_UNIX).bind("sock.txt")
    finally:
        os.chdir(here)
    bad["sock.txt"] = "special_file"
    # encodings: UTF-32 without a byte-order mark was a binary reject
    put("utf32-nobom.txt", (STORY + "Zürich.").encode("utf-32-le"), 1)
    put(
        "utf16-lone-surrogate.txt",
        b"\xff\xfe" + "ok \ud800".encode("utf-16-le", "surrogatepass"),
        reason="undecodable",
    )
    # Parquet: a date Python cannot hold ended the whole run (OverflowError)
    pq.write_table(
        pa.table({"published": pa.array([2**30, 19_800], type=pa.date32()), "text": [STORY, STORY + "Two."]}),
        raw / "dates.parquet",
    )
    good["dates.parquet"] = 2
    put("magic-only.parquet", b"PAR1PAR1", reason="corrupt_file")
    # archives and gzip oddities under readable names
    for name, data in _archives().items():
        put(name, data, reason="binary")
    put("trailing-garbage.txt.gz", gzip.compress(STORY.encode()) + b"GARBAGE", reason="binary")
    put("multi.jsonl.gz", gzip.compress(json.dumps({"text": STORY}).encode() + b"\n") * 2, 2)
    # JSON and HTML nesting, NaN
    put("deep.json", b"[" * 200_000 + b"]" * 200_000, reason="invalid_json_value")
    put("nan-text.jsonl", b'{"text": NaN}\n', reason="malformed_record")
    put(  # round 5: read past the HTML parser's depth limit (was no_main_text)
        "nested.html",
        b"<html><body>" + b"<div>" * 100_000 + STORY.encode() + b"</div>" * 100_000,
        1,
    )
    put("nul.csv", b'title,text\nBus,"' + STORY.strip().encode() + b'\x00"\n', reason="binary")
    return good, bad


def _hashes(raw) -> dict[str, str]:
    out = {}
    for folder, _dirs, files in os.walk(raw):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path) and "/output" not in path:
                with open(path, "rb") as fh:
                    out[path] = hashlib.sha256(fh.read()).hexdigest()
    return out


def _run(raw, out):
    return factsieve("run", str(raw), "--out", str(out), "--json")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="sockets and symbolic link loops: Linux")
def test_round4_hostile_folder_through_the_cli(tmp_path):
    raw = tmp_path / "raw"
    good, bad = _write(raw)
    out = raw / "output"  # inside RAW: `factsieve run . --out output`
    before = _hashes(raw)
    res = _run(raw, out)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    summary = json.loads(res.stdout)
    assert summary["input_files"] == len(good) + len(bad)
    docs = pd.read_parquet(out / "documents")
    rejects = pd.read_parquet(out / "rejects")
    prefix = str(raw) + "/"
    for name, reason in bad.items():
        rows = rejects[rejects["source_uri"] == prefix + name]
        assert list(rows["reason"].unique()) == [reason], (name, rows[["reason", "detail"]])
        assert not (docs["source_uri"] == prefix + name).any()
    shown = docs["source_uri"].str.removeprefix(prefix).str.replace("\\t", "\t", regex=False)
    assert shown.value_counts().to_dict() == good
    utf32 = docs[shown == "utf32-nobom.txt"].iloc[0]
    assert (utf32["encoding"], utf32["text"].endswith("Zürich.")) == ("utf-32-le", True)
    dates = docs[shown == "dates.parquet"].sort_values("record_key")
    assert dates["published_at"].isna().tolist() == [True, False]
    assert _hashes(raw) == before  # raw files only read

    # The second run lists the same inputs, not the output folder the first one wrote inside RAW.
    again = _run(raw, out)
    assert again.returncode == 0, again.stderr[-3000:]
    rerun = json.loads(again.stdout)
    assert (rerun["status"], rerun["input_files"], rerun["new_files"]) == (
        "unchanged",
        len(good) + len(bad),
        0,
    )


def test_an_out_that_is_a_file_is_a_usage_error_and_the_file_is_kept(tmp_path):
    """Was exit 1 with "FileExistsError: [Errno 17] File exists", after Prefect's start-up."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "output"
    out.write_text("notes, not a folder\n", encoding="utf-8")
    res = _run(raw, out)
    assert res.returncode == 2
    assert (
        res.stderr.strip().splitlines()[-1] == f"factsieve: error: --out '{out}' exists and is not a folder"
    )
    assert out.read_text(encoding="utf-8") == "notes, not a folder\n"
