"""Hostile input, round 9 (docs/INGEST.md "Round 8's leftovers, done", "Hostile input, round 9"),
through the real CLI: a folder of the formats the round reads now (.Z, lz4, RS- and NUL-framed JSON,
JSONP, a NewsML-G2 delivery, a zipped Hugging Face folder, pandas JSON, XHTML under .xml) and a
database it names. Exit 0, each file's documents or its reject, the metadata passed over and
counted, raw files byte-identical, a second run ``unchanged``."""

from __future__ import annotations

import json
import zipfile

import lz4.frame
import pandas as pd
import pyarrow as pa
import pytest

from tests.flows.hostile_run import check_run
from tests.ingest.test_hostile_round9 import (
    _G2,
    HARBOUR,
    RAIL,
    STORIES,
    _hf_folder,
    _jsonl,
    _lzw_compress,
    _news_item,
)


def _write(raw) -> tuple[dict[str, int], dict[str, str]]:
    raw.mkdir()
    good = {
        "wire.jsonl.Z": 3,
        "dump.jsonl.lz4": 3,
        "seq.json": 3,
        "nul.jsonl": 3,
        "api.json": 3,
        "delivery.xml": 2,
        "ds.zip": 3,
        "frame.json": 2,
        "page.xml": 1,
    }
    (raw / "wire.jsonl.Z").write_bytes(_lzw_compress(_jsonl(*STORIES)))
    (raw / "dump.jsonl.lz4").write_bytes(lz4.frame.compress(_jsonl(*STORIES)))
    (raw / "seq.json").write_bytes(
        b"".join(b"\x1e" + json.dumps({"text": t}).encode() + b"\n" for t in STORIES)
    )
    (raw / "nul.jsonl").write_bytes(b"\x00".join(json.dumps({"text": t}).encode() for t in STORIES))
    (raw / "api.json").write_text("cb(" + json.dumps({"articles": [{"content": t} for t in STORIES]}) + ");")
    items = "".join(
        _news_item(f"urn:n:{i}", f"Item {i}", f"<inlineData>{t}</inlineData>")
        for i, t in enumerate([HARBOUR, RAIL])
    )
    (raw / "delivery.xml").write_text(
        f'<newsMessage xmlns="{_G2}"><itemSet><packageItem guid="p"/>{items}</itemSet></newsMessage>'
    )
    _hf_folder(raw.parent / "src" / "ds", pa.table({"text": STORIES}))
    with zipfile.ZipFile(raw / "ds.zip", "w") as z:
        for p in sorted((raw.parent / "src").rglob("*")):
            z.write(p, p.relative_to(raw.parent / "src").as_posix())
    pd.DataFrame({"id": ["p1", "p2"], "text": [HARBOUR, RAIL]}).to_json(raw / "frame.json")
    (raw / "page.xml").write_text(
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{HARBOUR}</p></body></html>'
    )
    (raw / "news.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    return good, {"news.sqlite": "unsupported_format"}


@pytest.mark.slow
def test_round9_formats_through_the_cli(tmp_path):
    good, bad = _write(tmp_path / "raw")
    passed_over = {"NewsML-G2 packageItem": 1, "dataset metadata (Hugging Face)": 2, "folder": 1}
    check_run(tmp_path / "raw", tmp_path / "out", good, bad, passed_over)
