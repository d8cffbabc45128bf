"""Discover input files in a local folder, a single file, or any fsspec URL.

Discovery is deterministic (sorted by URI) so the same raw folder always yields the
same document order and the same output.

What discovery refuses to read (docs/INGEST.md): a symlink whose target lies outside RAW,
anything under /proc, /sys or /dev, and files that are not regular files (FIFOs, sockets,
devices). Such a file is still listed, with ``refused`` set, so ingest turns it into a
rejects row instead of it vanishing; opening it raises PermissionError, so no caller
(ingest, the manifest's content hash) can read it by accident. Symbolic links to folders
are not followed (their targets inside RAW are listed anyway, outside RAW they are refused).
A file name that is not valid UTF-8 keeps its bytes for opening (``path``) and shows them
backslash-escaped (``\\xff``) in ``uri`` and ``rel``, which are written to Parquet.

Each file carries what the manifest needs to tell whether it changed without reading it
(factsieve.ingest.manifest, docs/OPERATIONS.md "How a changed input is found"): for a local
file its size, mtime_ns, inode, device and ctime_ns; for an object store the ETag, version id or
MD5 its listing gives.
"""

from __future__ import annotations

import os
import posixpath
import stat
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fsspec

from factsieve.vocabulary import OUTSIDE_RAW, READ_ERROR, SPECIAL_FILE

# OS and editor droppings that are never inputs.
_IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini"})
# Kernel and device file systems: reading them leaks the machine's state (/proc/self/environ)
# or blocks forever (/dev/stdin), whatever a link or a URL says.
_SYSTEM_ROOTS = ("/proc", "/sys", "/dev")
# A ctime this close to the listing (or later) is not trusted: a same-size edit within the same
# clock tick (the kernel stamps ctime from a coarse clock, 1-10 ms; some file systems keep whole
# seconds) after the file was read would leave it as it was. Such a file's ctime_ns is None, so the
# manifest hashes it again on the next run (git's "racy clean" rule). 2 s covers 1 s stamps.
_RACY_NS = 2_000_000_000
# Keys of an fsspec listing that change whenever an object's bytes do, most specific first:
# S3 (VersionId, ETag), GCS (generation, md5Hash, etag), Azure (version_id, etag), HTTP (ETag).
_OBJECT_TAG_KEYS = ("VersionId", "version_id", "generation", "md5Hash", "ETag", "etag", "content_md5")


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
    # A part of a large JSONL file (factsieve.ingest.parts.split_parts): bytes [start, end), whose
    # first line is line number first_line of the file. end == -1: the whole file.
    start: int = 0
    end: int = -1
    first_line: int = 1
    # The OS path to open when ``uri`` is an escaped form of a name that is not valid UTF-8.
    path: str = ""
    # Why discovery will not read this file (OUTSIDE_RAW, SPECIAL_FILE), and the detail.
    refused: str = ""
    refused_detail: str = ""
    # A local file's identity besides size (manifest change detection). ctime_ns is None when it
    # was too recent to trust at listing time (_RACY_NS) or the file is not local.
    mtime_ns: int | None = None
    ctime_ns: int | None = None
    inode: int | None = None
    device: int | None = None
    # An object store's tag for this version of the object ("ETag=..."), "" when the listing has none.
    etag: str = ""

    @property
    def is_part(self) -> bool:
        return self.end >= 0

    @property
    def name(self) -> str:
        return posixpath.basename(self.uri.rstrip("/"))

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.name)[1].lower()

    def _check_readable(self) -> None:
        if self.refused:
            raise PermissionError(f"not read ({self.refused}): {self.refused_detail}")

    def open(self):
        self._check_readable()
        if self.protocol == "file":
            return open(self.path or self.uri, "rb")
        return fsspec.open(self.path or self.uri, "rb").open()

    def read_bytes(self) -> bytes:
        """The file's bytes, or the part's."""
        self._check_readable()
        if not self.is_part and self.protocol == "file":
            return Path(self.path or self.uri).read_bytes()
        with self.open() as fh:
            if not self.is_part:
                return fh.read()
            fh.seek(self.start)
            return fh.read(self.end - self.start)


# What discovery passes over, as the run counts it (stage_counts.ingest.passed_over, the CLI summary):
# the same words as an archive's members ("hidden file"). A hidden folder (.git, .cache) is counted
# once and not listed: its files are no input, and .git alone can hold 100,000 of them.
HIDDEN_FILE = "hidden file"
HIDDEN_FOLDER = "hidden folder (not listed)"


def _hidden_name(name: str) -> bool:
    return name.startswith(".") or name in _IGNORED_NAMES or name.endswith("~")


def _is_hidden(rel: str) -> bool:
    return any(_hidden_name(part) for part in rel.split("/"))


def _hidden_counted(rel: str, passed_over: Counter[str] | None, folders: set[str]) -> bool:
    """Whether the file at ``rel`` of an object-store listing is hidden; if so it is counted (the
    listing has a hidden folder's files, not the folder): as a file, or once as the first hidden
    folder on its path."""
    if not _is_hidden(rel):
        return False
    if passed_over is None:
        return True
    parts = rel.split("/")
    for i, part in enumerate(parts[:-1]):
        if _hidden_name(part):
            folder = "/".join(parts[: i + 1])
            if folder not in folders:
                folders.add(folder)
                passed_over[HIDDEN_FOLDER] += 1
            return True
    passed_over[HIDDEN_FILE] += 1
    return True


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


def _object_tag(info: dict) -> str:
    """The first of the listing's keys that changes with the object's bytes, as ``key=value``."""
    for key in _OBJECT_TAG_KEYS:
        v = info.get(key)
        if v not in (None, ""):
            return f"{key}={v}"
    return ""


def _identity(st: os.stat_result, listed_ns: int) -> dict:
    """A local file's stat identity for the manifest: what no user tool sets back (inode, device,
    ctime) besides what they do (size, mtime)."""
    ctime = st.st_ctime_ns if st.st_ctime_ns < listed_ns - _RACY_NS else None
    return {"mtime_ns": st.st_mtime_ns, "ctime_ns": ctime, "inode": st.st_ino, "device": st.st_dev}


def _printable(name: str) -> str:
    """``name`` writable as UTF-8: bytes that were not UTF-8 (surrogate-escaped by the OS layer)
    as ``\\xNN``."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _in_any(path: str, folders: frozenset[str] | tuple[()]) -> bool:
    """Whether the local ``path`` lies in one of ``folders`` (real paths)."""
    return bool(folders) and any(_under(os.path.realpath(path), f) for f in folders)


def _system_path(real: str) -> bool:
    return any(_under(real, r) for r in _SYSTEM_ROOTS)


def _as_self(real: str) -> str:
    """``real`` with this process's ``/proc/<pid>`` written ``/proc/self``, as a link names it:
    the pid differs every run, and the reject's detail (and the manifest's record of it) must not."""
    own = f"/proc/{os.getpid()}"
    return "/proc/self" + real[len(own) :] if _under(real, own) else real


def _refusal(path: str, root_real: str) -> tuple[str, str] | None:
    """Why the local file at ``path`` (under a RAW folder whose real path is ``root_real``)
    must not be read, or None. ``None`` also for a broken link inside RAW: ingest reports it."""
    real = os.path.realpath(path)
    if _system_path(real):
        return OUTSIDE_RAW, f"resolves to {_printable(_as_self(real))}, a system path that is never read"
    if not _under(real, root_real):
        return (
            OUTSIDE_RAW,
            f"symbolic link to {_printable(real)}, outside RAW (links are not followed out of RAW)",
        )
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return SPECIAL_FILE, "not a regular file (FIFO, socket or device)"
    return None


def local_root(raw: str | Path) -> str:
    """RAW's absolute, lexically normalised path: the prefix of every local input's URI."""
    return os.path.abspath(as_local(str(raw)))


def as_local(raw: str) -> str:
    """RAW given as a ``file://`` URL, as the plain path it names (else RAW as given). One folder has
    one set of URIs however it is named: a run over ``file:///x/raw`` after one over ``/x/raw`` found
    every file under a new name and read the whole folder again (round 9's leftover)."""
    return (raw[len("file://") :] or "/") if raw.startswith("file://") else raw


def _local_file(
    path: str, rel: str, root_real: str, listed_ns: int, protocol: str = "file", uri: str = ""
) -> InputFile | None:
    """The InputFile for one entry of a local folder walk, or None for a folder."""
    refusal = _refusal(path, root_real)
    shown = uri or _printable(path)
    extra = {"path": path} if shown != path else {}
    if refusal is not None:
        return InputFile(
            shown, 0, None, protocol, _printable(rel), refused=refusal[0], refused_detail=refusal[1], **extra
        )
    try:
        st = os.stat(path)
    except OSError:  # a broken link inside RAW: listed, so ingest rejects it with read_error
        return InputFile(shown, 0, None, protocol, _printable(rel), **extra)
    if stat.S_ISDIR(st.st_mode):
        return None  # a folder, or a link to one inside RAW (its files are listed anyway)
    return InputFile(
        shown, st.st_size, st.st_mtime, protocol, _printable(rel), **extra, **_identity(st, listed_ns)
    )


def _walk(
    top: str, skip: frozenset[str] = frozenset(), passed_over: Counter[str] | None = None
) -> Iterator[tuple[str, str, InputFile | None]]:
    """``(path, rel, None)`` for every entry under the folder ``top`` that is not hidden, and
    ``("", "", reject)`` for a folder that cannot be listed.

    With a stack, not recursion: ``Path.rglob`` (Python 3.11) recurses once per level, so a
    folder ~1,000 levels deep raised RecursionError, and a path beyond PATH_MAX (4,096 bytes)
    raised OSError, ending the run with a traceback. Links to folders are not descended into
    (as ``rglob``); hidden folders are not either (everything in them is hidden), nor the folders
    in ``skip`` (real paths: the run's own output folder inside RAW). ``passed_over`` counts the
    hidden entries (HIDDEN_FILE, HIDDEN_FOLDER).
    """
    stack = [(top, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:  # too long a path, no permission, vanished
            shown, rel = _printable(folder), _printable(prefix.rstrip("/"))
            detail = f"folder cannot be listed ({type(exc).__name__}: {exc.strerror}); its files are not read"
            yield "", "", InputFile(shown, 0, None, rel=rel, refused=READ_ERROR, refused_detail=detail)
            continue
        for entry in entries:
            rel = prefix + entry.name
            try:
                descend = entry.is_dir(follow_symlinks=False)
            except OSError:
                descend = False
            if descend and skip and os.path.realpath(entry.path) in skip:
                continue  # the run's own output ("--out raw/.factsieve" too): not counted
            if _hidden_name(entry.name):
                if passed_over is not None:
                    passed_over[HIDDEN_FOLDER if descend else HIDDEN_FILE] += 1
                continue
            if descend:  # a folder is no input; its own listing reports it if that fails
                stack.append((entry.path, rel + "/"))
            else:
                yield entry.path, rel, None


def discover(  # noqa: C901 — two short paths (local, fsspec URL), each with its guards
    raw: str | Path, skip: tuple[str | Path, ...] = (), passed_over: Counter[str] | None = None
) -> list[InputFile]:
    """List the input files under ``raw`` (a folder, read recursively, or one file), except what
    lies in the local folders ``skip``: ``factsieve run . --out output`` used to read its own
    output on the next run (its Parquet parts, report and state files: 56 documents and 92
    rejects from 6 stories). ``passed_over`` counts the hidden files and folders not listed, by
    kind: before round 17 they were left out with no count anywhere."""
    raw_s = as_local(str(raw))
    listed_ns = time.time_ns()  # before any stat: see _RACY_NS
    skipped = frozenset(os.path.realpath(s) for s in skip if "://" not in str(s))
    if "://" not in raw_s:
        # Absolute URIs, however RAW is spelled: `raw`, `./raw/`, `../x/raw` or `/x/raw` from any
        # folder name each file once. They were the path as given, so a run over `/x/raw` after one
        # over `raw` found every file new, could not remove the old names (out of its scope) and
        # left every document live twice (docs/OPERATIONS.md, "Latest view, round 9 probe").
        # abspath, not realpath: RAW given through a link keeps the link's name (a `current` link
        # moved to the next snapshot is the same inputs, compared by content).
        p = Path(local_root(raw_s))
        if not p.exists():
            raise SourceError(f"raw input '{_printable(raw_s)}' does not exist")
        if _system_path(os.path.realpath(p)):
            raise SourceError(
                f"raw input '{_printable(raw_s)}' is a system path (/proc, /sys, /dev): never read"
            )
        if p.is_file():
            st = p.stat()
            shown = _printable(str(p))
            return [
                InputFile(
                    shown,
                    st.st_size,
                    st.st_mtime,
                    rel=_printable(p.name),
                    path=str(p) if shown != str(p) else "",
                    **_identity(st, listed_ns),
                )
            ]
        if not p.is_dir():
            raise SourceError(f"raw input '{_printable(raw_s)}' is neither a file nor a folder")
        root_real = os.path.realpath(p)
        files = []
        for path, rel, error in _walk(str(p), skipped, passed_over):
            if error is not None:
                files.append(error)
                continue
            inp = _local_file(path, rel, root_real, listed_ns)
            if inp is not None:
                files.append(inp)
        return sorted(files, key=lambda f: f.uri)

    fs, root = fsspec.core.url_to_fs(raw_s)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    local = protocol in ("file", "local")
    if local and _system_path(os.path.realpath(root)):
        raise SourceError(f"raw input '{_printable(raw_s)}' is a system path (/proc, /sys, /dev): never read")
    if not fs.exists(root):
        raise SourceError(f"raw input '{_printable(raw_s)}' does not exist")

    def _uri(path: str) -> str:
        return _printable(fs.unstrip_protocol(path))

    if fs.isfile(root):
        info = fs.info(root)
        stamp = _identity(os.stat(root), listed_ns) if local else {"etag": _object_tag(info)}
        return [
            InputFile(
                _uri(root),
                int(info.get("size") or 0),
                _mtime(info),
                protocol,
                _printable(posixpath.basename(root)),
                path=root if local else "",
                **stamp,
            )
        ]
    files = []
    root_real = os.path.realpath(root) if local else ""
    hidden_folders: set[str] = set()
    for path, info in fs.find(root, detail=True).items():
        rel = posixpath.relpath(path, root)
        if (
            info.get("type") == "directory"
            or _in_any(path, skipped if local else ())
            or _hidden_counted(rel, passed_over, hidden_folders)
        ):
            continue
        if local:
            # The same policy as a plain folder: no links out of RAW, no system or special files.
            inp = _local_file(path, rel, root_real, listed_ns, protocol, _uri(path))
            if inp is not None:
                files.append(inp)
            continue
        files.append(
            InputFile(
                _uri(path),
                int(info.get("size") or 0),
                _mtime(info),
                protocol,
                _printable(rel),
                etag=_object_tag(info),
            )
        )
    return sorted(files, key=lambda f: f.uri)
