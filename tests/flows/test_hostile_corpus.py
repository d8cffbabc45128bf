"""A hostile raw folder, written by the test, through the real CLI: the run goes on and exits 0,
prints no traceback, and every input record ends in exactly one of documents or rejects."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from factsieve.vocabulary import REASON_CODES
from tests.conftest import REPO

STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)
EN_1252 = "The minister said “it’s a good day” – prices rose 3 percent to £1.20.\r\n"


def _write_corpus(raw) -> dict[str, int]:
    """Write the corpus; returns the number of input records per file name (relative path)."""
    raw.mkdir()
    records: dict[str, int] = {}

    def put(name: str | bytes, data: bytes, n: int = 1) -> None:
        path = os.path.join(os.fsencode(raw), os.fsencode(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        records[os.fsdecode(name)] = n

    # bytes and encodings
    put("ok.txt", STORY.encode())
    put("truncated-utf8.txt", STORY.encode()[:-1] + "café".encode()[:-1])
    put("nul-in-text.txt", STORY.encode() + b"\x00" * 3 + STORY.encode())
    put("cp1252.txt", EN_1252.encode("cp1252") * 3)
    put("utf16-no-bom.txt", STORY.encode("utf-16-le"))
    put("utf16-be-bom.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"))
    put("mixed-lines.txt", EN_1252.encode() + EN_1252.encode("cp1252") + STORY.encode())
    put(
        "koi8.txt",
        "Правительство России заявило сегодня, что рост экономики составит три процента.\n".encode("koi8-r"),
    )
    put("bom-only.txt", codecs.BOM_UTF8)
    put("empty.txt", b"")
    put("blank.txt", b" \r\n\t\n")
    put("png-as.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    put("bidi-and-controls.txt", ("\u202eevil\u202c \x07\x1b[2J " + STORY).encode())
    put("script.html", b"<html><body><script>while(1){}</script></body></html>")
    put("deep.html", b"<div>" * 5000 + STORY.encode() + b"</div>" * 5000)
    put("report.pdf", b"%PDF-1.4 not supported")
    # content that is not what the name says (factsieve/ingest/sniff.py)
    put("gzip-as.txt", gzip.compress(STORY.encode() * 20))
    put("ascii-pdf-as.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Hello) Tj ET\n%%EOF\n")
    put(
        "page-as.txt",
        b"<!DOCTYPE html><html><head><title>Bus plan</title></head><body><article><p>"
        + STORY.encode() * 3
        + b"</p></article></body></html>",
    )
    put(
        "feed-as.txt",
        (json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY + " More."}) + "\n").encode(),
        2,
    )
    # compressed inputs and JSON as dumps ship it (factsieve/ingest/compressed.py, records.py)
    put(
        "feeds/crawl.jsonl.gz",
        gzip.compress(b"".join(json.dumps({"text": STORY + str(i)}).encode() + b"\n" for i in range(3))),
        3,
    )
    put("bomb.txt.gz", gzip.compress(b"A" * (80 * 1024 * 1024)))  # 80 MB > max_file_bytes
    put("cut.jsonl.gz", gzip.compress(json.dumps({"text": STORY * 50}).encode())[:60])
    put("corpus.tar.gz", gzip.compress(b"story.txt" + b"\x00" * 503))
    put(
        "feeds/api.json",
        json.dumps({"status": "ok", "articles": [{"content": STORY}, {"content": None}]}).encode(),
        2,
    )
    put(
        "feeds/html-body.jsonl",
        json.dumps({"text": f"<p>{STORY}</p><script>x()</script><p>Ruiz &amp; aides.</p>"}).encode(),
    )
    put("huge-record.txt", b"word " * 500_000)  # 2.5 M characters > max_record_chars
    # JSON Lines: every kind of surprise
    lines = [
        json.dumps({"id": "line:2", "text": STORY}),  # the next line's default key
        json.dumps({"text": STORY + " Second."}),
        '{"text": "x", "n": ' + "9" * 5000 + "}",  # beyond the int-digits limit
        "[" * 100_000,  # beyond the recursion limit
        '{"id": "\\udfff", "title": "T\\ud800", "url": "\\udc00", "text": "Lone \\udfff surrogate in text."}',
        json.dumps({"id": "dup", "text": STORY + " One."}),
        json.dumps({"id": "dup", "text": STORY + " Two."}),
        json.dumps({"id": "dup@line:7", "text": STORY + " Three."}),
        json.dumps({"id": [1], "text": STORY}),
        json.dumps({"id": True, "text": STORY}),
        json.dumps({"title": 5, "text": STORY}),
        json.dumps({"published": 1_700_000_000, "text": STORY}),
        json.dumps({"published": "now", "text": STORY + " Now."}),
        json.dumps({"published": "9999-12-31", "text": STORY + " Far."}),
        json.dumps({"text": None}),
        json.dumps({"text": ""}),
        json.dumps([1, 2, 3]),
        '"just a string"',
        "NaN",
        '{"text": "truncated',
        json.dumps({"text": "NUL \u0000 inside a JSON string, escaped."}),
        json.dumps({"text": "a" * 2_100_000}),  # a huge record
    ]
    put(
        "feeds/hostile.jsonl", "\n".join(lines).encode() + b"\n\n  \r\n", len(lines)
    )  # blank lines: no records
    # JSON Lines as writers get them wrong (factsieve/ingest/jsondoc.py, read._jsonl_lines)
    put(
        "feeds/bom-every-line.jsonl",
        b"".join(codecs.BOM_UTF8 + json.dumps({"text": STORY + str(i)}).encode() + b"\n" for i in range(3)),
        3,
    )
    put(
        "feeds/mac-cr.jsonl",
        b"\r".join(json.dumps({"text": STORY + str(i)}).encode() for i in range(3)) + b"\r",
        3,
    )
    put(
        "feeds/pretty.jsonl",
        json.dumps([{"id": "p1", "text": STORY}, {"text": STORY + " Two."}], indent=2).encode(),
        2,
    )
    put("feeds/crlf.jsonl", b'{"text": "CRLF line one."}\r\n{"text": "CRLF line two."}\r\n', 2)
    put("feeds/invalid-utf8.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9 \xff"}\n', 2)
    # a 100 MB line between two small ones: split into parts (larger than a batch), too large as a record
    big = b'{"text": "' + b"x" * (100 * 1024 * 1024) + b'"}'
    put(
        "feeds/100mb-line.jsonl",
        json.dumps({"text": STORY}).encode()
        + b"\n"
        + big
        + b"\n"
        + json.dumps({"text": STORY + "!"}).encode()
        + b"\n",
        3,
    )
    # names
    put("new\nline.txt", STORY.encode())
    put("-rf.txt", STORY.encode())
    put("--help.jsonl", json.dumps({"text": STORY}).encode() + b"\n")
    put("x" * 240 + ".txt", STORY.encode())
    put(b"bad\xffname.txt", STORY.encode())
    put(b"caf\xe9/inside.txt", STORY.encode())
    put("\u202etxt.exe.txt", STORY.encode())
    put("spaces and 'quotes\".txt", STORY.encode())
    # links and special files
    outside = raw.parent / "outside-secret.txt"
    outside.write_text("SECRET=hunter2 must never be read.", encoding="utf-8")
    (raw / "link-out.txt").symlink_to(outside)
    (raw / "environ.txt").symlink_to("/proc/self/environ")
    (raw / "dangling.txt").symlink_to(raw / "nowhere.txt")
    os.mkfifo(raw / "fifo.txt")
    records.update({"link-out.txt": 1, "environ.txt": 1, "dangling.txt": 1, "fifo.txt": 1})
    return records


def _run(raw, out) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "--json"],
        cwd=REPO,
        env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")},
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="FIFOs, /proc and byte file names: Linux")
def test_hostile_corpus_through_the_cli(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    expected = _write_corpus(raw)
    res = _run(raw, out)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    summary = json.loads(res.stdout)
    docs = pd.read_parquet(out / "documents")
    rejects = pd.read_parquet(out / "rejects")

    # the accounting invariant, as a whole and per file
    assert summary["input_records"] == sum(expected.values()) == len(docs) + len(rejects)
    assert summary["input_files"] == len(expected)
    assert set(rejects["reason"]) <= set(REASON_CODES)
    both = pd.concat([docs[["source_uri", "record_key"]], rejects[["source_uri", "record_key"]]])
    assert not both.duplicated().any()
    prefix = str(raw) + "/"
    per_file = both["source_uri"].str.removeprefix(prefix).value_counts().to_dict()
    shown = {
        name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"): n
        for name, n in expected.items()
    }
    assert per_file == shown

    def reason(name: str, key: str = "") -> str:
        row = rejects[(rejects["source_uri"] == prefix + name) & (rejects["record_key"] == key)]
        assert len(row) == 1, (name, key, rejects[["source_uri", "record_key", "reason"]])
        return row["reason"].iloc[0]

    assert reason("link-out.txt") == reason("environ.txt") == "outside_raw"
    assert reason("fifo.txt") == "special_file" and reason("dangling.txt") == "read_error"
    assert reason("png-as.txt") == reason("nul-in-text.txt") == "binary"
    assert (
        reason("feeds/hostile.jsonl", "line:3")
        == reason("feeds/hostile.jsonl", "line:4")
        == "invalid_json_value"
    )
    assert reason("feeds/100mb-line.jsonl", "line:2") == "too_large"
    assert reason("huge-record.txt") == "too_large"
    assert reason("ascii-pdf-as.txt") == reason("cut.jsonl.gz") == "binary"
    # a tar header with no checksum: archives are read now, this one cannot be
    assert reason("bomb.txt.gz") == "too_large" and reason("corpus.tar.gz") == "corrupt_file"
    assert reason("feeds/api.json", "line:1.2") == "missing_text"
    everything = " ".join(rejects["sample"]) + " ".join(rejects["detail"]) + " ".join(docs["text"])
    assert "hunter2" not in everything and "PATH=" not in everything

    by_name = docs.set_index(docs["source_uri"].str.removeprefix(prefix))
    assert by_name.loc["utf16-no-bom.txt", "encoding"] == "utf-16-le"
    assert by_name.loc["cp1252.txt", "encoding"] == "cp1252"
    assert "“it’s a good day”" in by_name.loc["cp1252.txt", "text"]
    assert by_name.loc["mixed-lines.txt", "encoding"] == "utf-8+cp1252"
    assert "bad\\xffname.txt" in by_name.index and "caf\\xe9/inside.txt" in by_name.index
    assert by_name.loc["page-as.txt", "format"] == "html" and "<" not in by_name.loc["page-as.txt", "text"]
    assert (docs["source_uri"] == prefix + "feed-as.txt").sum() == 2
    assert (docs["source_uri"] == prefix + "feeds/crawl.jsonl.gz").sum() == 3
    assert by_name.loc["gzip-as.txt", "text"].startswith(STORY.strip()[:40])
    assert by_name.loc["feeds/html-body.jsonl", "text"].splitlines()[-1] == "Ruiz & aides."
    for name in ("bom-every-line", "mac-cr", "pretty"):  # every record a document
        assert not rejects["source_uri"].str.endswith(f"feeds/{name}.jsonl").any()
    hostile = docs[docs["source_uri"] == prefix + "feeds/hostile.jsonl"].set_index("record_key")
    assert {"line:2", "line:2@line:2", "dup", "dup@line:7", "dup@line:7@line:8", "\\udfff"} <= set(
        hostile.index
    )
    # "now", 9999-12-31 and no date at all are empty; epoch seconds are that instant (round 17)
    assert hostile["published_at"].dropna().tolist() == [pd.Timestamp(1_700_000_000, unit="s", tz="UTC")]
    page = (out / "reports" / "latest.html").read_text(encoding="utf-8")
    assert "\u202e" not in page and "\x1b" not in page and "\\u202e" in page

    # a second run processes nothing: links out of RAW, the FIFO and the dangling link included
    again = _run(raw, out)
    assert again.returncode == 0, again.stderr[-3000:]
    rerun = json.loads(again.stdout)
    assert (rerun["status"], rerun["unchanged_files"]) == ("unchanged", len(expected))
