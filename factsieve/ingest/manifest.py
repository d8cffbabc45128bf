"""Incremental runs: a manifest of the inputs each committed run processed.

For every file a run processes, the manifest records its URI, size, modification
time, a content hash (xxh3-128) and what else says the bytes are the same without reading
them: for a local file its inode, device and ctime (which no user tool sets back: an edit, a
rename onto the name, a chmod or ``touch -r`` all move it), for an object store the ETag or
version id of its listing. The next run skips a file whose recorded stat identity is unchanged
(local: size, mtime_ns, inode, device, ctime_ns; object store: size and tag; an object store
whose listing has no tag: size and mtime); otherwise it hashes the bytes and skips the file if
the content is the same (a ``touch``, a ``cp -p`` of the same bytes, a manifest written before
these columns), or processes it again as a new version. A file skipped after a hash gets a
refresh row (its new stat identity, the same hash and the same live ``run_id``), so the next run
trusts its stat again instead of hashing it on every run.

A new version's records get new doc_ids (the id covers the raw text), so the old
rows stay where they are, under their own run_id. A file of an earlier run that is no
longer found under RAW gets a tombstone: a row with ``removed = true``. So the manifest
says, for every input, which committed run's rows are live (``Entry.run_id``), and the
latest view (factsieve.output.latest) keeps exactly those. The manifest is published with the
run (under output/_state/manifest/) and removed with it if the run does not commit, so a
crashed run's inputs are processed again next time.

Each entry also records the ingest settings the file was read under (``settings``: the
``IngestLimits`` fields that change what a file yields, as canonical JSON). A file whose recorded
settings differ from the run's is processed again like a changed file (reason
``settings_changed``): otherwise the latest view would silently mix documents read under two
settings. Manifest parts written before the column take the settings from their run's
``parameters`` in the runs table; see ``load``.
"""

from __future__ import annotations

import json
import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from factsieve import vocabulary as codes
from factsieve.ingest import archives, compressed
from factsieve.ingest.parts import rejected_unread
from factsieve.ingest.read import archive_kind, format_of_name, reader_takes
from factsieve.ingest.records import FIELD_ALIASES, HTML_TEXT_FIELDS
from factsieve.ingest.sources import InputFile, as_local, local_root
from factsieve.params import IngestLimits

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
        # The output-affecting ingest settings the file was read under (settings_fingerprint); null
        # for a tombstone. Manifests written before it have no column.
        ("settings", pa.string()),
        # The stat identity (docs/OPERATIONS.md, "How a changed input is found"); null where
        # unknown: not a local file, a ctime too recent to trust, a manifest written before them.
        ("mtime_ns", pa.int64()),
        ("ctime_ns", pa.int64()),
        ("inode", pa.uint64()),
        ("device", pa.uint64()),
        # An object store's version tag from its listing ("ETag=..."); null for a local file.
        ("etag", pa.string()),
        # What the readers took a record's text from when the file was read (readers_fingerprint);
        # null for a tombstone. Manifests written before it have no column.
        ("readers", pa.string()),
    ]
)
# The columns of the stat identity, as in SCHEMA and Entry.
_IDENTITY = ("mtime_ns", "ctime_ns", "inode", "device", "etag")

# The IngestLimits fields that change what a file yields, and those that do not. Every field is in
# exactly one (tests/ingest/test_manifest_settings.py): a new setting must be classified. Today all
# of them change output: a size limit (max_gzip_ratio too) turns a file or record into a too_large
# reject or lets it through, text_field picks the text. Speed-only settings (batch_bytes, workers) are not limits.
OUTPUT_SETTINGS = (
    "max_file_bytes",
    "max_record_chars",
    "min_text_chars",
    "text_field",
    "max_gzip_ratio",
    "title_field",
    "exclude",
)
# Fields of records (text_field, title_field) count only for files whose records have fields.
_FIELD_SETTINGS = ("text_field", "title_field")
# Settings added after the manifest recorded settings: left out of a fingerprint at their default,
# so the fingerprints written before them still match and an upgrade reprocesses nothing.
_ADDED_LATER = {"title_field": ""}
SPEED_SETTINGS: tuple[str, ...] = ()
# Formats whose records have fields, so text_field picks their text: JSON (a .txt may hold it) and tables.
JSON_READ_FORMATS = frozenset({"jsonl", "json", "text", "csv", "tsv", "parquet", "arrow"})

# Why a file is processed again (the changes table's ``reason``; tombstoned inputs: input_removed).
# reader_added: its live row is an unsupported_format reject, and a reader takes its name now; or
# it has rejects of READER_REJECTS and was read under other readers (readers_fingerprint).
CONTENT_CHANGED, SETTINGS_CHANGED, REPROCESS, INPUT_REMOVED, READER_ADDED = (
    "content_changed",
    "settings_changed",
    "reprocess",
    "input_removed",
    "reader_added",
)


class Entry(NamedTuple):
    size: int
    mtime: float | None
    content_hash: str
    run_id: str  # the committed run whose rows for this file are live
    settings: str | None = None  # settings_fingerprint it was read under; None: unknown
    # The stat identity (SCHEMA); None where unknown, which makes the next run hash the file.
    mtime_ns: int | None = None
    ctime_ns: int | None = None
    inode: int | None = None
    device: int | None = None
    etag: str | None = None
    readers: str | None = None  # readers_fingerprint it was read under; None: before round 8


# Raise it when the readers change what they accept (a new format, encoding or record shape read,
# a reject they no longer make): every input with a live reject of READER_REJECTS is then read again
# once, by the next run after the upgrade (reason reader_added), and gets the new readers' outcome.
# An input whose documents were all accepted is not read again (that would be every input: use
# --reprocess). 2 (round 17): rounds 9-16's readers (13 rejects of round 10's probe are read now).
READERS_REVISION = 2

# The reject reasons a reader decides from a file's bytes and a later reader may decide otherwise.
# Not: empty, too_large, read_error, outside_raw, special_file (the file or the settings decide),
# unsafe_xml, unsafe_member, encrypted, nested_archive, not_a_story, http_status (a policy, not a
# reader's limit), only_boilerplate (the cleaner), processing_timeout (a re-read costs its budget again).
READER_REJECTS: tuple[str, ...] = (
    codes.BINARY,
    codes.UNDECODABLE,
    codes.MALFORMED_JSON,
    codes.MALFORMED_RECORD,
    codes.MALFORMED_CSV,
    codes.NO_HEADER,
    codes.CORRUPT_FILE,
    codes.MISSING_TEXT,
    codes.UNSUPPORTED_FORMAT,
    codes.NO_MAIN_TEXT,
    codes.INVALID_JSON_VALUE,
    codes.UNSUPPORTED_XML,
    codes.MALFORMED_XML,
    codes.NO_BODY,
    codes.UNSUPPORTED_PAYLOAD,
    codes.PROCESSING_ERROR,
)


def readers_fingerprint() -> str:
    """What the readers take a record's text from: the text field's aliases in their order, the
    fields read as HTML, ``READERS_REVISION``. A file with a live reject of READER_REJECTS that was
    read under another (or, before round 8, none recorded) is read again (``plan``): a release that
    adds an alias or a reader may read the record now. Computed at each call, from the aliases as
    they are."""
    spec = {"text": FIELD_ALIASES["text"], "html": HTML_TEXT_FIELDS, "revision": READERS_REVISION}
    return xxhash.xxh3_64_hexdigest(json.dumps(spec, sort_keys=True).encode())


def settings_fingerprint(limits: IngestLimits | Mapping, uri: str, archive_by_content: bool = False) -> str:
    """The ingest settings that change what the file at ``uri`` yields, as canonical JSON (readable
    in the manifest, compared as a string). text_field counts only for files that may be read as
    JSON: .jsonl, .json and .txt (a .txt holding JSON Lines is read as JSON Lines), also gzipped;
    an HTML page or a WET file is not read again for it. max_gzip_ratio counts only for .gz files. A mapping is a run's recorded
    ``parameters["limits"]``: a field it lacks was added later, and the run read as that field's
    default does (text_field "" = "text" and its aliases)."""
    name = posixpath.basename(uri.rstrip("/"))
    skip = set()
    if format_of_name(name) not in JSON_READ_FORMATS:
        skip.update(_FIELD_SETTINGS)
    if not name.lower().endswith(".gz"):
        skip.add("max_gzip_ratio")
    # Exclude patterns change what an archive yields (its members are matched); a file on disk
    # left out is not listed at all (then it is gone from the latest view, as a removed file). Kept
    # even when empty: archives read before round 7 read their README members, which are now
    # passed over, so each is read again once (settings_changed).
    # An archive found by its content (a tar as corpus.gz, a zip as news.dat: ``archive_by_content``)
    # counts it too, but only when patterns are set: its fingerprints from before round 8 hold none,
    # and an upgrade must not read every such archive again.
    by_content = archive_by_content and bool(_value(limits, "exclude"))
    if archives.kind_of_name(name) is None and not by_content:
        skip.add("exclude")
    keys = [k for k in OUTPUT_SETTINGS if k not in skip]
    default = IngestLimits()
    if isinstance(limits, Mapping):
        values = {k: limits.get(k, getattr(default, k)) for k in keys}
    else:
        values = {k: getattr(limits, k) for k in keys}
    values = {k: v for k, v in values.items() if k not in _ADDED_LATER or v != _ADDED_LATER[k]}
    # max_gzip_ratio also caps a Parquet row group (a column bomb), an archive's members and the
    # other compressions (.bz2, .xz, .zst, .lz4, .Z). For those it counts only away from its
    # default, as a setting added later does (round 9): fingerprints written before still match, so
    # an upgrade reads nothing again, while a changed ratio reads again what it refused before.
    ratio = _value(limits, "max_gzip_ratio")
    if "max_gzip_ratio" in skip and ratio != default.max_gzip_ratio and _ratio_caps(name, by_content):
        values["max_gzip_ratio"] = ratio
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _ratio_caps(name: str, archive_by_content: bool) -> bool:
    """Whether max_gzip_ratio bounds what the file named ``name`` yields (besides ``.gz``)."""
    suffix = posixpath.splitext(name)[1].lower()
    return (
        format_of_name(name) == "parquet"
        or suffix in compressed.SUFFIXES
        or archives.kind_of_name(name) is not None
        or archive_by_content
    )


def _value(limits: IngestLimits | Mapping, key: str) -> object:
    if isinstance(limits, Mapping):
        return limits.get(key, getattr(IngestLimits(), key))
    return getattr(limits, key)


def _archive_by_content(f: InputFile, limits: IngestLimits | None) -> bool:
    """Whether ``f`` is an archive by its content only, when that can change its fingerprint: with
    ``--exclude`` patterns set (else no file is opened for it)."""
    return (
        bool(limits is not None and limits.exclude)
        and archives.kind_of_name(f.name) is None
        and (archive_kind(f) is not None)
    )


def _run_limits(out: Path, run_id: str) -> dict | None:
    """The limits a committed run used, from its runs row's ``parameters`` (recorded since the first
    runs table); None when that row cannot say."""
    try:
        path = out / "runs" / f"part-{run_id}.parquet"
        cell = pq.read_table(path, columns=["parameters"]).column(0)[0].as_py()
        limits = json.loads(cell).get("limits")
    except (OSError, KeyError, IndexError, ValueError, AttributeError, pa.ArrowException):
        return None
    return limits if isinstance(limits, dict) else None


def content_hash(inp: InputFile) -> str:
    """The file's xxh3-128, read in 8 MB blocks: a 400 MB WET file or a GB Parquet file is read in
    parts by the workers and must not be held whole here (the digest is the same).

    A local file is hashed over the size discovery saw, not to its end: a file appended between the
    listing and the hash (a writer still at work) got the hash of its new bytes beside the old size,
    so the next run, finding the new size, hashed the same bytes, called the file unchanged and
    never read the records appended meanwhile (round 6). Now the hashes differ and it is read."""
    h = xxhash.xxh3_128()
    left = inp.size if inp.inode is not None else -1  # -1: to the end (an object store's version)
    with inp.open() as fh:
        while left and (block := fh.read(_HASH_BLOCK if left < 0 else min(_HASH_BLOCK, left))):
            h.update(block)
            left = left - len(block) if left > 0 else left
    return h.hexdigest()


_HASH_BLOCK = 8 * 1024 * 1024


@dataclass(slots=True)
class Plan:
    new: list[InputFile] = field(default_factory=list)
    changed: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # URIs of live inputs no longer found
    hashes: dict[str, str] = field(default_factory=dict)  # uri -> content hash of files to process
    reasons: dict[str, str] = field(default_factory=dict)  # uri of a changed file -> why
    # Unchanged files whose stat identity changed (hashed, same bytes), with their live entry:
    # written as refresh rows so the next run trusts the new stat.
    refreshed: list[tuple[InputFile, Entry]] = field(default_factory=list)

    @property
    def settings_changed(self) -> int:
        return sum(r == SETTINGS_CHANGED for r in self.reasons.values())

    @property
    def to_process(self) -> list[InputFile]:
        return sorted(self.new + self.changed, key=lambda f: f.uri)


def manifest_root(out: Path) -> Path:
    return out.joinpath(*MANIFEST_DIR)


def load(out: Path, committed: list[str]) -> dict[str, Entry]:
    """The live inputs after the committed runs (oldest first): their latest Entry, tombstoned
    ones left out.

    A part written before the ``settings`` column takes its run's settings from the runs table:
    every run since the first records its limits in ``parameters``, so an upgrade neither
    reprocesses the whole corpus nor misses a setting changed at the same time. Only where that row
    cannot say is an entry's settings unknown (None), and ``plan`` does not reprocess it."""
    seen: dict[str, Entry] = {}
    root = manifest_root(out)
    for run_id in committed:
        path = root / f"part-{run_id}.parquet"
        if not path.exists():
            continue
        t = pq.read_table(path).to_pydict()
        n = len(t["uri"])
        removed = t.get("removed") or [False] * n
        settings = t.get("settings")
        if settings is None:
            limits = _run_limits(out, run_id)
            settings = [None if limits is None else settings_fingerprint(limits, u) for u in t["uri"]]
        # Parts written before the stat identity have none: their files are hashed once. Parts
        # written before the readers fingerprint: None (their missing_text rows are read again once).
        stamps = zip(*(t.get(c) or [None] * n for c in (*_IDENTITY, "readers")), strict=True)
        for uri, size, mtime, h, live_run, gone, used, stamp in zip(
            t["uri"],
            t["size"],
            t["mtime"],
            t["content_hash"],
            t["run_id"],
            removed,
            settings,
            stamps,
            strict=True,
        ):
            if gone:
                seen.pop(uri, None)
            else:
                # run_id is the part's own but in a refresh row, which names the run still live.
                seen[uri] = Entry(size, mtime, h, live_run or run_id, used, *stamp)
    return seen


def in_scope(raw: str | Path) -> Callable[[str], bool]:
    """Whether a URI lies under RAW: only those can be found missing by a run over RAW (a run over
    another folder into the same output does not remove this one's inputs)."""
    raw_s = as_local(str(raw))
    if "://" in raw_s:
        fs, root = fsspec.core.url_to_fs(raw_s)
        base = fs.unstrip_protocol(root).rstrip("/")
        return lambda uri: uri == base or uri.startswith(base + "/")
    base = local_root(raw_s)  # as discover spells the URIs
    return lambda uri: uri == base or uri.startswith(base.rstrip(os.sep) + os.sep)


def plan(
    files: list[InputFile],
    previous: dict[str, Entry],
    scope: Callable[[str], bool] | None = None,
    reprocess: bool = False,
    settings: IngestLimits | None = None,
    unread: set[str] | frozenset[str] = frozenset(),
    rejected: set[str] | frozenset[str] = frozenset(),
) -> Plan:
    """Split the discovered files into new, changed and unchanged; live inputs in ``scope`` that were
    not discovered are removed. With ``reprocess`` nothing is unchanged. With ``settings`` (this
    run's limits) a file read under other known settings (settings_fingerprint) is changed even
    when its bytes are not. ``unread``: the inputs whose live row is an unsupported_format reject
    (latest.unread_inputs); one a reader takes now, by its name or its content (a release added
    it), is changed too, else its old reject would stay live until --reprocess. ``rejected``: the
    inputs with a live reject of READER_REJECTS (latest.rejected_inputs); one read under other
    readers (``readers_fingerprint``: a release added a text alias or raised READERS_REVISION since)
    is changed too. ``Plan.reasons`` says why each changed file is processed again."""
    p = Plan()
    readers = readers_fingerprint() if rejected else None
    found = {f.uri for f in files}
    p.removed = sorted(u for u in previous if u not in found and (scope is None or scope(u)))
    if scope is not None:
        p.removed = sorted({*p.removed, *found_elsewhere(previous, files, found, scope)})
    for f in files:
        prev = previous.get(f.uri)
        if prev is None:
            p.new.append(f)
            p.hashes[f.uri] = _fingerprint(f, settings)
            continue
        reason = _why_again(f, prev, reprocess, settings)
        h = None
        if reason == CONTENT_CHANGED:  # only a suspicion: the hash says
            h = _fingerprint(f, settings)
            if h and h == prev.content_hash:
                reason = None  # a touch, a chmod, a copy of the same bytes
        if reason is None and f.uri in unread and reader_takes(f):
            reason = READER_ADDED
        if reason is None and f.uri in rejected and prev.readers != readers:
            reason = READER_ADDED
        if reason is None:
            p.unchanged.append(f)
            if h is not None and _stamp(f) != _stamp(prev):
                p.refreshed.append((f, prev))
            continue
        p.hashes[f.uri] = _fingerprint(f, settings) if h is None else h
        p.changed.append(f)
        p.reasons[f.uri] = reason
    if scope is not None:
        p.removed = sorted({*p.removed, *copied_here(previous, p, found, scope)})
    return p


def copied_here(
    previous: dict[str, Entry], p: Plan, found: set[str], scope: Callable[[str], bool]
) -> list[str]:
    """Live inputs outside this run's RAW whose file is gone and whose name and bytes a new file of
    this run has: a folder copied here (``cp -r``: new inodes, new mtimes, so ``found_elsewhere``
    cannot tell) and the original deleted. Its old names stayed live beside the copy's, every
    document twice (round 9's leftover). A name merely vanished (an unmounted disk) with no copy
    here stays, as before; so does an original still there (two folders may feed one output).
    Costs one ``lstat`` per live input outside RAW, nothing when there is none."""
    outside = [u for u in previous if u not in found and u not in p.removed and not scope(u)]
    if not outside or not p.new:
        return []
    arrived = {(posixpath.basename(f.uri), p.hashes.get(f.uri)) for f in p.new}
    gone = []
    for uri in outside:
        path = _local_path(uri)
        if path is None or os.path.lexists(path):
            continue
        if (posixpath.basename(uri), previous[uri].content_hash) in arrived:
            gone.append(uri)
    return gone


def _local_path(uri: str) -> str | None:
    """The OS path of a local input's URI (a ``file://`` URL's path), None for other stores."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    return None if "://" in uri else uri


def found_elsewhere(
    previous: dict[str, Entry], files: list[InputFile], found: set[str], scope: Callable[[str], bool]
) -> list[str]:
    """Live inputs outside this run's RAW that are files this run lists under another name: their
    old name is removed (its rows leave the view) as a rename inside RAW is, and the file is
    processed under its new name. Without this, an input listed under two names stayed live twice,
    every document with it (the round 9 probe):

    * the same folder entry reached by another spelling of its folder (a link to RAW, RAW renamed
      with a link left at the old name, a relative URI an earlier release recorded, a ``file://``
      URL): same real folder, same name;
    * a file moved here, RAW renamed or moved: the old name is gone, and its device and inode are
      those of a file this run lists under a name no live input has.

    Inputs of another RAW that are still there (two folders may feed one output) stay live, and so
    do those whose name merely vanished (an unmounted disk): only a file found here again counts.
    Nothing is done (no stat, no realpath) when every live input is in this run's scope."""
    outside = [u for u in previous if u not in found and not scope(u) and _local_path(u) is not None]
    if not outside:
        return []
    real_dirs: dict[str, str] = {}

    def entry_key(path: str, name: str) -> tuple[str, str]:
        folder = os.path.dirname(path)
        if folder not in real_dirs:
            real_dirs[folder] = os.path.realpath(folder)
        return real_dirs[folder], name

    here = {entry_key(f.path or f.uri, posixpath.basename(f.uri)) for f in files if f.protocol == "file"}
    new_inodes = {(f.device, f.inode) for f in files if f.inode is not None and f.uri not in previous}
    gone = []
    for uri in outside:
        path = _local_path(uri)
        if entry_key(path, posixpath.basename(uri)) in here:
            gone.append(uri)
            continue
        e = previous[uri]
        if e.inode is not None and (e.device, e.inode) in new_inodes and not os.path.lexists(path):
            gone.append(uri)
    return gone


def _why_again(f: InputFile, prev: Entry, reprocess: bool, settings: IngestLimits | None) -> str | None:
    """Why a file of an earlier run may need processing again (None: it does not). CONTENT_CHANGED
    is only a suspicion, confirmed by the hash; settings that differ are checked before the cheap
    size and mtime test, since same bytes read under other settings yield other documents."""
    if reprocess:
        return REPROCESS
    if (
        settings is not None
        and prev.settings is not None
        and prev.settings != settings_fingerprint(settings, f.uri, _archive_by_content(f, settings))
    ):
        return SETTINGS_CHANGED
    return None if _same_stat(f, prev) else CONTENT_CHANGED


def _stamp(x: InputFile | Entry) -> tuple:
    return (x.size, x.mtime_ns, x.ctime_ns, x.inode, x.device, x.etag or None)


def _same_stat(f: InputFile, prev: Entry) -> bool:
    """Whether the file's stat says its bytes are those recorded, without reading them. Local:
    size, mtime_ns, inode, device and ctime_ns all equal (a swap or a hard link changes the inode,
    an edit, rename, chmod or ``touch -r`` the ctime, whatever the tool does to the mtime); a ctime
    unknown on either side (too recent, an old manifest) is no proof. An object store's tag
    (ETag, version id) changes with the bytes. Without either (an fsspec store whose listing gives
    no tag): size and mtime, as rsync and make trust."""
    if f.inode is not None:
        return f.ctime_ns is not None and _stamp(f) == _stamp(prev)
    if f.etag:
        return f.size == prev.size and f.etag == prev.etag
    return prev.size == f.size and prev.mtime == f.mtime and f.mtime is not None


def _fingerprint(f: InputFile, settings: IngestLimits | None) -> str:
    """The file's content hash (``_hash_or_blank``), or for a file over ``max_file_bytes`` that the
    run rejects without reading it (``parts.rejected_unread`` under ``settings``: too large to read
    whole, a feed of binary bytes, a Parquet file without its footer) a stand-in of its size, first
    and last 8 KB: all that decides its outcome. Such a file is not read whole to hash it (three 2 GB
    sparse files cost a run 77 s). A file that changes size, head or tail gets another stand-in, so
    it is read again (one that shrinks under the limit is read); a same-size edit in between yields
    the same reject, and is rightly unchanged; a changed ``max_file_bytes`` is ``settings_changed``."""
    if settings is None or f.refused or f.size <= settings.max_file_bytes:
        return _hash_or_blank(f)
    try:
        with f.open() as fh:
            head = fh.read(_HEAD_BYTES)
            fh.seek(max(f.size - _HEAD_BYTES, 0))
            tail = fh.read(_HEAD_BYTES)
    except OSError:
        return _hash_or_blank(f)
    if not rejected_unread(f, settings.max_file_bytes, head, tail):
        return _hash_or_blank(f)
    return "unread:" + xxhash.xxh3_128(f"{f.size}\0".encode() + head + b"\0" + tail).hexdigest()


# As much of a file as the planners look at to decide whether to cut it (parts._text_start).
_HEAD_BYTES = 8192


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


def table(
    files: list[InputFile],
    hashes: dict[str, str],
    run_id: str,
    removed: list[str] = (),
    settings: IngestLimits | None = None,
    refreshed: list[tuple[InputFile, Entry]] = (),
) -> pa.Table:
    """The run's manifest part: the files it processed (read under ``settings``), a refresh row per
    file found unchanged by its hash (``Plan.refreshed``: its new stat, its live entry's hash,
    run_id and settings), then a tombstone per removed input."""
    readers = readers_fingerprint()
    rows = [
        (
            f,
            hashes.get(f.uri, ""),
            run_id,
            None
            if settings is None
            else settings_fingerprint(settings, f.uri, _archive_by_content(f, settings)),
            readers,
        )
        for f in files
    ]
    rows += [(f, e.content_hash, e.run_id, e.settings, e.readers) for f, e in refreshed]
    gone = [None] * len(removed)
    return pa.table(
        {
            "uri": [f.uri for f, *_ in rows] + list(removed),
            "size": [f.size for f, *_ in rows] + [0] * len(removed),
            "mtime": [f.mtime for f, *_ in rows] + gone,
            "content_hash": [h for _, h, *_ in rows] + [""] * len(removed),
            "run_id": [r for _, _, r, *_ in rows] + [run_id] * len(removed),
            "removed": [False] * len(rows) + [True] * len(removed),
            "settings": [s for *_, s, _ in rows] + gone,
            **{c: [getattr(f, c) for f, *_ in rows] + gone for c in _IDENTITY[:-1]},
            "etag": [f.etag or None for f, *_ in rows] + gone,
            "readers": [r for *_, r in rows] + gone,
        },
        schema=SCHEMA,
    )
