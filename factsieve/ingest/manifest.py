"""Incremental runs: a manifest of the inputs each committed run processed.

For every file a run processes, the manifest records its URI, size, modification
time and a content hash (xxh3-128). The next run skips a file whose size and mtime
are unchanged; when they changed it hashes the bytes and skips the file if the
content is the same (a `touch`), or processes it again as a new version.

A new version's records get new doc_ids (the id covers the raw text), so the old
rows stay where they are, under their own run_id. A file of an earlier run that is no
longer found under RAW gets a tombstone: a row with ``removed = true``. So the manifest
says, for every input, which committed run's rows are live (``Entry.run_id``), and the
latest view (factsieve.output.latest) keeps exactly those. The manifest is published with the
run (under output/_state/manifest/) and removed with it if the run does not commit, so a
crashed run's inputs are processed again next time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import fsspec
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
        # A tombstone: the file was gone in this run (manifests written before it have no column).
        ("removed", pa.bool_()),
    ]
)


class Entry(NamedTuple):
    size: int
    mtime: float | None
    content_hash: str
    run_id: str  # the committed run whose rows for this file are live


def content_hash(inp: InputFile) -> str:
    h = xxhash.xxh3_128()
    h.update(inp.read_bytes())
    return h.hexdigest()


@dataclass(slots=True)
class Plan:
    new: list[InputFile] = field(default_factory=list)
    changed: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # URIs of live inputs no longer found
    hashes: dict[str, str] = field(default_factory=dict)  # uri -> content hash of files to process

    @property
    def to_process(self) -> list[InputFile]:
        return sorted(self.new + self.changed, key=lambda f: f.uri)


def manifest_root(out: Path) -> Path:
    return out.joinpath(*MANIFEST_DIR)


def load(out: Path, committed: list[str]) -> dict[str, Entry]:
    """The live inputs after the committed runs (oldest first): their latest Entry, tombstoned
    ones left out."""
    seen: dict[str, Entry] = {}
    root = manifest_root(out)
    for run_id in committed:
        path = root / f"part-{run_id}.parquet"
        if not path.exists():
            continue
        t = pq.read_table(path).to_pydict()
        removed = t.get("removed") or [False] * len(t["uri"])
        for uri, size, mtime, h, gone in zip(
            t["uri"], t["size"], t["mtime"], t["content_hash"], removed, strict=True
        ):
            if gone:
                seen.pop(uri, None)
            else:
                seen[uri] = Entry(size, mtime, h, run_id)
    return seen


def in_scope(raw: str | Path) -> Callable[[str], bool]:
    """Whether a URI lies under RAW: only those can be found missing by a run over RAW (a run over
    another folder into the same output does not remove this one's inputs)."""
    raw_s = str(raw)
    if "://" in raw_s:
        fs, root = fsspec.core.url_to_fs(raw_s)
        base = fs.unstrip_protocol(root).rstrip("/")
        return lambda uri: uri == base or uri.startswith(base + "/")
    base = str(Path(raw_s))
    return lambda uri: uri == base or uri.startswith(base.rstrip(os.sep) + os.sep)


def plan(
    files: list[InputFile],
    previous: dict[str, Entry],
    scope: Callable[[str], bool] | None = None,
    reprocess: bool = False,
) -> Plan:
    """Split the discovered files into new, changed and unchanged; live inputs in ``scope`` that were
    not discovered are removed. With ``reprocess`` nothing is unchanged."""
    p = Plan()
    found = {f.uri for f in files}
    p.removed = sorted(u for u in previous if u not in found and (scope is None or scope(u)))
    for f in files:
        prev = previous.get(f.uri)
        if reprocess and prev is not None:
            p.changed.append(f)
            p.hashes[f.uri] = _hash_or_blank(f)
            continue
        if prev is not None and prev[0] == f.size and prev[1] == f.mtime and f.mtime is not None:
            p.unchanged.append(f)
            continue
        h = _hash_or_blank(f)
        if prev is None:
            p.new.append(f)
        elif h and h == prev[2]:
            p.unchanged.append(f)
            continue
        else:
            p.changed.append(f)
        p.hashes[f.uri] = h
    return p


def _hash_or_blank(f: InputFile) -> str:
    """The content hash, or for a file that is never or cannot be read (a link out of RAW, a FIFO,
    a dangling link, a folder that cannot be listed: no mtime, no content) a stand-in naming why.
    The same reason next run means the same reject: the file is unchanged, not reprocessed on
    every run; a link pointed elsewhere, or a file readable again, gets a new one."""
    if f.refused:
        return "refused:" + xxhash.xxh3_128(f"{f.refused}\0{f.refused_detail}".encode()).hexdigest()
    try:
        return content_hash(f)
    except OSError as exc:  # unreadable now: ingest will reject it with read_error
        return f"unreadable:{exc.errno}"


def table(files: list[InputFile], hashes: dict[str, str], run_id: str, removed: list[str] = ()) -> pa.Table:
    """The run's manifest part: the files it processed, then a tombstone per removed input."""
    n = len(files) + len(removed)
    return pa.table(
        {
            "uri": [f.uri for f in files] + list(removed),
            "size": [f.size for f in files] + [0] * len(removed),
            "mtime": [f.mtime for f in files] + [None] * len(removed),
            "content_hash": [hashes.get(f.uri, "") for f in files] + [""] * len(removed),
            "run_id": [run_id] * n,
            "removed": [False] * len(files) + [True] * len(removed),
        },
        schema=SCHEMA,
    )
