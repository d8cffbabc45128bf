"""Incremental runs: a manifest of the inputs each committed run processed.

For every file a run processes, the manifest records its URI, size, modification
time and a content hash (xxh3-128). The next run skips a file whose size and mtime
are unchanged; when they changed it hashes the bytes and skips the file if the
content is the same (a `touch`), or processes it again as a new version.

A new version's records get new doc_ids (the id covers the raw text), so the old
rows stay where they are, under their own run_id; the latest version of a source is
the row with the newest run_id for its (source_uri, record_key). The manifest is
published with the run (under output/_state/manifest/) and removed with it if the
run does not commit, so a crashed run's inputs are processed again next time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from factsieve.ingest.sources import InputFile

MANIFEST_DIR = ("_state", "manifest")
SCHEMA = pa.schema(
    [
        ("uri", pa.string()),
        ("size", pa.int64()),
        ("mtime", pa.float64()),
        ("content_hash", pa.string()),
        ("run_id", pa.string()),
    ]
)


def content_hash(inp: InputFile) -> str:
    h = xxhash.xxh3_128()
    h.update(inp.read_bytes())
    return h.hexdigest()


@dataclass(slots=True)
class Plan:
    new: list[InputFile] = field(default_factory=list)
    changed: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # uri -> content hash of files to process

    @property
    def to_process(self) -> list[InputFile]:
        return sorted(self.new + self.changed, key=lambda f: f.uri)


def manifest_root(out: Path) -> Path:
    return out.joinpath(*MANIFEST_DIR)


def load(out: Path, committed: list[str]) -> dict[str, tuple[int, float | None, str]]:
    """Latest (size, mtime, content_hash) per URI over the committed runs, oldest first."""
    seen: dict[str, tuple[int, float | None, str]] = {}
    root = manifest_root(out)
    for run_id in committed:
        path = root / f"part-{run_id}.parquet"
        if not path.exists():
            continue
        t = pq.read_table(path).to_pydict()
        for uri, size, mtime, h in zip(t["uri"], t["size"], t["mtime"], t["content_hash"], strict=True):
            seen[uri] = (size, mtime, h)
    return seen


def plan(files: list[InputFile], previous: dict[str, tuple[int, float | None, str]]) -> Plan:
    """Split the discovered files into new, changed and unchanged."""
    p = Plan()
    for f in files:
        prev = previous.get(f.uri)
        if prev is not None and prev[0] == f.size and prev[1] == f.mtime and f.mtime is not None:
            p.unchanged.append(f)
            continue
        try:
            h = content_hash(f)
        except OSError:
            h = ""  # unreadable now: ingest will reject it with read_error
        if prev is None:
            p.new.append(f)
        elif h and h == prev[2]:
            p.unchanged.append(f)
            continue
        else:
            p.changed.append(f)
        p.hashes[f.uri] = h
    return p


def table(files: list[InputFile], hashes: dict[str, str], run_id: str) -> pa.Table:
    return pa.table(
        {
            "uri": [f.uri for f in files],
            "size": [f.size for f in files],
            "mtime": [f.mtime for f in files],
            "content_hash": [hashes.get(f.uri, "") for f in files],
            "run_id": [run_id] * len(files),
        },
        schema=SCHEMA,
    )
