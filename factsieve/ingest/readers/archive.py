"""Zip and tar archives: each member read as a file of its name, by a member reader the dispatcher
passes in (it reads a member as any input: readers never import the dispatcher)."""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from factsieve.ingest import (
    archives,
    compressed,
    exclude,
)
from factsieve.ingest.formats import format_of_name
from factsieve.ingest.readers.base import (
    IngestResult,
    Reject,
    file_reject,
    permanent,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    CORRUPT_FILE,
    EMPTY,
    READ_ERROR,
)

log = logging.getLogger(__name__)

# The dispatcher's reading of one member (archive, member, limits): its records, as of a file
MemberReader = Callable[[InputFile, archives.Member, IngestLimits], IngestResult]


def read_archive(
    inp: InputFile, kind: str, limits: IngestLimits, read_member: MemberReader, taken: set[str] | None = None
) -> IngestResult:
    """The documents and rejects of every member of a zip or tar archive (or of the members of a
    part of a large zip: ``start``/``end`` are member numbers), each member's records by
    ``read_member`` (the dispatcher's: a member is read as a file of its name). Their ``source_uri``
    is the archive (the input the manifest and the
    latest view know), their record key the member's name (``bbc/business/001.txt``), followed by
    ``!`` and the record's own key in a member of several records (``news.jsonl!line:3``). A name an
    earlier member had (a zip or tar may hold it twice: appended, ``zip -u``) is
    keyed ``name@member:N`` (N: its number in the archive), as a repeated JSONL id is, so keys stay
    unique per file; ``taken``: the keys earlier parts of the archive used."""
    res = IngestResult()
    first, stop = (inp.start, inp.end) if inp.is_part else (0, None)
    names = _MemberNames(inp.first_line - 1 if inp.is_part else 0, taken)
    cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
    left_out = partial(exclude.passed_over, patterns=limits.exclude)
    # A zipped or tarred Hugging Face save_to_disk folder: its metadata members are passed over as
    # on disk (round 9). A zip's names are all known first; a tar's metadata member is read and
    # held until the end of the part shows whether an .arrow shard lies in its folder or below.
    held: list[tuple[str, str, IngestResult]] = []
    names_seen: list[str] = []
    try:
        with inp.open() as fh:
            if kind == "zip":
                meta = exclude.dataset_meta_names(archives.zip_names(fh))
                left_out = partial(_left_out_or_meta, left_out=left_out, meta=meta)
            for m in archives.members(fh, kind, limits.max_file_bytes, cap, first, stop, left_out):
                if isinstance(m, archives.Skipped):
                    names.next(None)
                    res.skipped[m.kind] += 1
                    continue
                names_seen.append(m.name)
                if isinstance(m, archives.Refused):
                    fmt = (
                        format_of_name(m.name) or posixpath.splitext(m.name)[1].lstrip(".").lower() or "none"
                    )
                    key = names.next(m.name)
                    res.rejects.append(Reject(inp.uri, key, fmt, m.reason, m.detail, m.nbytes))
                elif kind == "tar" and exclude.is_dataset_meta_name(m.name):
                    held.append((m.name, names.next(m.name), read_member(inp, m, limits)))
                else:
                    _add_member(res, inp, names.next(m.name), read_member(inp, m, limits))
    except archives.Unreadable as exc:
        detail = f"not a {kind} archive that can be read (truncated or damaged: {exc})"
        return file_reject(inp, "archive", CORRUPT_FILE, detail, inp.size)
    except OSError as exc:
        if not permanent(exc):
            raise
        return file_reject(inp, "archive", READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
    _add_held(res, inp, held, names_seen)
    if res.skipped:
        log.info("%s: passed over %s", inp.uri, dict(sorted(res.skipped.items())))
    if inp.is_part:
        res.keys = {d.record_key for d in res.docs} | {r.record_key for r in res.rejects}
    # The archive must leave a row, and say what it held. Of a large archive read in parts, only the
    # first part says so: a later part of only passed-over members (folders, --exclude) is no reject,
    # and the first part is none either when a later part writes a row (round 7 left one `empty`
    # row for an archive whose documents all lay after its first part).
    if not res.docs and not res.rejects and (not inp.is_part or _nothing_after(inp, kind, left_out)):
        held = ", ".join(f"{n} {k}" for k, n in sorted(res.skipped.items())) or "nothing"
        return file_reject(
            inp, "archive", EMPTY, f"an archive with no file to read (it holds {held})", inp.size
        )
    return res


def _add_held(
    res: IngestResult, inp: InputFile, held: list[tuple[str, str, IngestResult]], names_seen: list[str]
) -> None:
    """A tar's held metadata members (``held``: name, key, records): passed over where an ``.arrow``
    shard lies in their folder or below, else added as read."""
    arrows = exclude.arrow_dirs(names_seen)
    if inp.is_part and any(posixpath.dirname(name) not in arrows for name, _, _ in held):
        # the shard may lie in another part (round 9 left such metadata read as JSON rejects): the
        # whole tar's headers say, read only for a part holding metadata with no shard of its own
        arrows = exclude.arrow_dirs(_whole_tar_names(inp))
    for name, key, found in held:
        if posixpath.dirname(name) in arrows:
            res.skipped[exclude.DATASET_META] += 1
        else:
            _add_member(res, inp, key, found)


def _whole_tar_names(inp: InputFile) -> list[str]:
    try:
        with inp.open() as fh:
            return archives.tar_names(fh)
    except OSError:
        return []  # the metadata is read as what it is, as before


def _left_out_or_meta(name: str, left_out, meta: set[str]) -> str | None:
    return left_out(name) or (exclude.DATASET_META if name in meta else None)


def _nothing_after(inp: InputFile, kind: str, left_out) -> bool:
    """Whether ``inp`` is the first part of its archive and no later part reads or refuses a member."""
    if inp.first_line != 1:
        return False
    try:
        with inp.open() as fh:
            return not archives.any_read_after(fh, kind, inp.end, left_out)
    except OSError:
        return True  # the later parts meet the same error and report it; this part says what it held


class _MemberNames:
    """Record keys of an archive's members in archive order: the name, or ``name@member:N`` for a
    name used before (N counts every entry from 1, folders and passed-over members included, so a
    part starting at entry ``base + 1`` numbers as a whole read does)."""

    def __init__(self, base: int, taken: set[str] | None) -> None:
        self.n = base
        # An earlier part's keys: a member's name, or name!record key (a multi-record member)
        self.used = {k.split("!", 1)[0] for k in taken or ()}

    def next(self, name: str | None) -> str:
        self.n += 1
        if name is None:
            return ""
        key = name if name not in self.used else f"{name}@member:{self.n}"
        self.used.add(key)
        return key


def _add_member(res: IngestResult, inp: InputFile, name: str, found: IngestResult) -> None:
    """``found`` (a member's records) as records of the archive ``inp``, keyed by member name."""
    for doc in found.docs:
        res.docs.append(replace(doc, source_uri=inp.uri, record_key=_member_key(name, doc.record_key)))
    for rej in found.rejects:
        res.rejects.append(replace(rej, source_uri=inp.uri, record_key=_member_key(name, rej.record_key)))
    res.skipped.update(found.skipped)


def _member_key(name: str, key: str) -> str:
    return f"{name}!{key}" if key else name
