"""Discover input files in a local folder, a single file, or any fsspec URL.

Discovery is deterministic (sorted by URI) so the same raw folder always yields the
same document order and the same output.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import fsspec

# OS and editor droppings that are never inputs.
_IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini"})


class SourceError(Exception):
    """The raw location as a whole cannot be read (missing, not a file or folder)."""


@dataclass(frozen=True, slots=True)
class InputFile:
    uri: str
    size: int
    mtime: float | None
    protocol: str = "file"
    # Path relative to the raw root: part of the doc_id, so ids do not depend on
    # where the raw folder is mounted.
    rel: str = ""
    # A part of a large JSONL file (factsieve.ingest.read.split_parts): bytes [start, end), whose
    # first line is line number first_line of the file. end == -1: the whole file.
    start: int = 0
    end: int = -1
    first_line: int = 1

    @property
    def is_part(self) -> bool:
        return self.end >= 0

    @property
    def name(self) -> str:
        return posixpath.basename(self.uri.rstrip("/"))

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.name)[1].lower()

    def open(self):
        return open(self.uri, "rb") if self.protocol == "file" else fsspec.open(self.uri, "rb").open()

    def read_bytes(self) -> bytes:
        """The file's bytes, or the part's."""
        if not self.is_part and self.protocol == "file":
            return Path(self.uri).read_bytes()
        with self.open() as fh:
            if not self.is_part:
                return fh.read()
            fh.seek(self.start)
            return fh.read(self.end - self.start)


def _is_hidden(rel: str) -> bool:
    return any(
        part.startswith(".") or part in _IGNORED_NAMES or part.endswith("~") for part in rel.split("/")
    )


def _mtime(info: dict) -> float | None:
    for key in ("mtime", "LastModified", "updated", "created"):
        v = info.get(key)
        if v is None:
            continue
        if hasattr(v, "timestamp"):
            return float(v.timestamp())
        try:
            return float(v)
        except (TypeError, ValueError):
            continue
    return None


def discover(raw: str | Path) -> list[InputFile]:
    """List the input files under ``raw`` (a folder, read recursively, or one file)."""
    raw_s = str(raw)
    if "://" not in raw_s:
        p = Path(raw_s)
        if not p.exists():
            raise SourceError(f"raw input '{raw_s}' does not exist")
        if p.is_file():
            st = p.stat()
            return [InputFile(str(p), st.st_size, st.st_mtime, rel=p.name)]
        if not p.is_dir():
            raise SourceError(f"raw input '{raw_s}' is neither a file nor a folder")
        files = []
        for f in p.rglob("*"):
            rel = f.relative_to(p).as_posix()
            if _is_hidden(rel) or not f.is_file():
                continue
            st = f.stat()
            files.append(InputFile(str(f), st.st_size, st.st_mtime, rel=rel))
        return sorted(files, key=lambda f: f.uri)

    fs, root = fsspec.core.url_to_fs(raw_s)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    if not fs.exists(root):
        raise SourceError(f"raw input '{raw_s}' does not exist")

    def _uri(path: str) -> str:
        return fs.unstrip_protocol(path)

    if fs.isfile(root):
        info = fs.info(root)
        return [
            InputFile(
                _uri(root), int(info.get("size") or 0), _mtime(info), protocol, posixpath.basename(root)
            )
        ]
    files = []
    for path, info in fs.find(root, detail=True).items():
        rel = posixpath.relpath(path, root)
        if _is_hidden(rel) or info.get("type") == "directory":
            continue
        files.append(InputFile(_uri(path), int(info.get("size") or 0), _mtime(info), protocol, rel))
    return sorted(files, key=lambda f: f.uri)
