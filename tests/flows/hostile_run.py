"""The check every hostile-input CLI test makes (rounds 9 and 10): one real ``factsieve run`` over a
folder its test wrote, exit 0 and no traceback, each file's documents or its one reject, the
passed-over counts, raw files byte-identical, and a second run ``unchanged``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from tests.conftest import factsieve


def _hashes(raw: Path) -> dict[str, str]:
    return {
        str(p.relative_to(raw)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in raw.rglob("*")
        if p.is_file()
    }


def check_run(
    raw: Path, out: Path, good: dict[str, int], bad: dict[str, str], passed_over: dict[str, int]
) -> pd.DataFrame:
    """Run the CLI over ``raw`` into ``out`` and check it: ``good`` documents per file, ``bad`` one
    reject reason per file, ``passed_over`` the summary's counts. Returns the documents table."""
    before = _hashes(raw)
    res = factsieve("run", str(raw), "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    summary = json.loads(res.stdout)
    assert summary["input_files"] == len(good) + len(bad)
    assert summary["passed_over"] == passed_over
    docs = pd.read_parquet(out / "documents")
    rejects = pd.read_parquet(out / "rejects")
    prefix = str(raw) + "/"
    assert docs["source_uri"].str.removeprefix(prefix).value_counts().to_dict() == good
    assert rejects["source_uri"].str.removeprefix(prefix).tolist() == list(bad)
    assert rejects["reason"].tolist() == list(bad.values())
    assert _hashes(raw) == before
    again = json.loads(factsieve("run", str(raw), "--out", str(out), "--json").stdout)
    assert (again["status"], again["new_files"], again["changed_files"]) == ("unchanged", 0, 0)
    return docs
