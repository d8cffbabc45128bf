"""zip and tar archives as distributed (``bbc-fulltext.zip``, ``20news-bydate.tar.gz``, Kaggle
``.zip`` of CSV/JSON): their members, each to be read as a file of its name
(``factsieve.ingest.read``), or why a member is not read.

Safety first, since an archive is made by someone else:

- nothing is extracted under the member's name: a member's bytes go to a temporary file whose name
  is a number (or straight to memory), so ``../../etc/cron.d/x``, ``/abs/path`` or a link can never
  be written or followed; such members are ``unsafe_member`` rejects, as are links and devices;
- a byte budget per member (``max_file_bytes``, as for a file on disk: ``too_large``) and per
  archive (``compressed.stream_cap``: ``max_gzip_ratio`` times the archive's size, at least
  ``max_file_bytes``): a zip bomb of overlapping entries stops there, its remaining members one
  ``too_large`` reject;
- encrypted zip members are ``encrypted`` rejects (no password is tried);
- folders, ``__MACOSX/`` resource forks, ``.DS_Store`` and other hidden files are passed over and
  counted (``Skipped``), as discovery passes them over on disk.

zip members are read by index from the central directory, so a large zip is cut into parts of
members (``member_sizes``: the planner in ``factsieve.ingest.parts``). A tar is one stream (gzip,
bzip2, xz or zstd around it: ``factsieve.ingest.compressed``) with no index, but each member starts
with its own header: a large tar (a compressed one once spooled decompressed) is cut into parts at
member headers (``tar_offsets``), each read in stream mode from its first header to the next part's.
"""

from __future__ import annotations

import bisect
import datetime as dt
import errno
import lzma
import os
import posixpath
import stat
import struct
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from factsieve.ingest import compressed
from factsieve.vocabulary import BINARY, ENCRYPTED, TOO_LARGE, UNSAFE_MEMBER, UNSUPPORTED_FORMAT

# Names (after lower-casing) that make a file an archive this module reads.
# .tar.Z/.taz (compress) and .tar.lz4 since round 9
_TAR_SUFFIXES = (
    ".tar",
    ".tgz",
    ".tar.gz",
    ".tar.bz2",
    ".tbz2",
    ".tar.xz",
    ".txz",
    ".tar.zst",
    ".tar.z",
    ".taz",
    ".tar.lz4",
)
_HIDDEN_NAMES = frozenset({"Thumbs.db", "desktop.ini"})
_COPY_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Member:
    """A member to read: its name in the archive and a temporary file holding its bytes (removed
    when the iteration moves on)."""

    name: str
    path: str
    size: int
    mtime: float | None


@dataclass(frozen=True, slots=True)
class Refused:
    """A member that is not read, or the rest of an archive that cannot be (``name`` then says
    from where), with its reason code."""

    name: str
    reason: str
    detail: str
    nbytes: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """A member that is no input: a folder, a resource fork, a hidden file."""

    kind: str


class Unreadable(Exception):
    """The archive as a whole cannot be opened (truncated download, damaged, not what its name says)."""


def kind_of_name(name: str) -> str | None:
    """``"zip"`` or ``"tar"`` when a file name says it is an archive that is read, else None."""
    lower = name.lower()
    if lower.endswith(".zip"):
        return "zip"
    return "tar" if lower.endswith(_TAR_SUFFIXES) else None


def members(
    fh: BinaryIO,
    kind: str,
    member_cap: int,
    archive_cap: int,
    first: int = 0,
    stop: int | None = None,
    left_out: Callable[[str], str | None] = lambda name: None,
) -> Iterator[Member | Refused | Skipped]:
    """The members of the archive ``fh`` (a zip's members ``first`` to ``stop`` by index; a tar's
    all, or with ``stop`` those whose headers lie in bytes [first, stop) of an uncompressed tar), in
    archive order. Raises ``Unreadable`` when the archive cannot be opened at all. ``left_out``:
    the passed-over kind of a member name the run leaves out (``--exclude``), before its bytes are
    read, so they count against no budget."""
    with tempfile.TemporaryDirectory(prefix="factsieve-member-") as tmp:
        if kind == "zip":
            found = _zip_members(fh, first, stop)
        else:
            found = _tar_members(fh if stop is None else _Window(fh, first, stop), archive_cap)
        spent = 0
        for n, entry in enumerate(found):
            if not isinstance(entry, _Entry):
                yield entry
                continue
            if (kind_left := left_out(entry.name)) is not None:
                yield Skipped(kind_left)
                continue
            if spent > archive_cap:
                yield Refused(entry.name, TOO_LARGE, _over_budget(archive_cap), 0)
                return
            path = os.path.join(tmp, f"member-{n}")  # never the member's own name
            got = _copy(entry, path, member_cap)
            if isinstance(got, Refused):
                if os.path.exists(path):
                    os.unlink(path)  # a bomb's first max_file_bytes must not wait for the end
                yield got
                continue
            spent += got
            yield Member(entry.name, path, got, entry.mtime)
            os.unlink(path)


def is_tar_header(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes, decompressed) starts with a tar member header: its
    checksum holds (a v7, ustar, GNU or pax tar; a text or binary file almost never matches it)."""
    if len(head) < tarfile.BLOCKSIZE or not head[:100].strip(b"\0"):
        return False
    try:
        tarfile.TarInfo.frombuf(head[: tarfile.BLOCKSIZE], "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True


# First members (or their folders) of formats that are zips but not archives of files: OOXML (docx,
# xlsx, pptx), OpenDocument and EPUB ("mimetype"), Java and Android packages. Such a file under a
# name that selects no reader stays unsupported_format, not a run of rejects of its XML parts.
_PACKAGE_FIRST = (b"[Content_Types].xml", b"_rels/", b"mimetype", b"META-INF/", b"AndroidManifest.xml")


def is_zip_start(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes, as stored: not decompressed) opens a zip archive of
    files: a local file header whose member is not a document's or package's part (``_PACKAGE_FIRST``),
    or the end record alone (an empty zip)."""
    if head.startswith(b"PK\x05\x06"):
        return True
    if not head.startswith(b"PK\x03\x04") or len(head) < 30:
        return False
    name_len = int.from_bytes(head[26:28], "little")
    return not head[30 : 30 + name_len].startswith(_PACKAGE_FIRST)


def any_read_after(
    fh: BinaryIO, kind: str, start: int, left_out: Callable[[str], str | None] = lambda name: None
) -> bool:
    """Whether the archive ``fh`` holds, from ``start`` on (a zip's member number, an uncompressed
    tar's header offset: where the next part starts), a member that is not passed over: one a
    later part reads or refuses, so that part writes a row. Headers only, stopping at the first
    such member; nothing is copied. A tar that breaks there counts as one (its part says so)."""
    if kind == "zip":
        found = _zip_members(fh, start, None)
    else:
        size = fh.seek(0, os.SEEK_END)
        found = _tar_members(_Window(fh, start, size), size)  # a window is not decompressed: no cap
    try:
        for entry in found:
            if isinstance(entry, Refused) or (isinstance(entry, _Entry) and left_out(entry.name) is None):
                return True
    except Unreadable:
        return True
    return False


def _over_budget(cap: int) -> str:
    return (
        f"the archive's members expand past {cap:,} bytes (max_gzip_ratio times its size, at least "
        "max_file_bytes): a zip bomb, or an archive to unpack first; this member and the rest are not read"
    )


@dataclass(slots=True)
class _Entry:
    name: str
    open: object  # () -> a readable of the member's bytes
    declared: int  # the size the archive states (a zip bomb may state less)
    mtime: float | None


def _copy(entry: _Entry, path: str, cap: int) -> int | Refused:
    """Write the member's bytes to ``path``, at most ``cap`` of them: its size, or why not."""
    if entry.declared > cap:
        detail = f"{entry.declared:,} bytes > limit {cap:,} (max_file_bytes)"
        return Refused(entry.name, TOO_LARGE, detail, entry.declared)
    written = 0
    try:
        with entry.open() as src, open(path, "wb") as dst:
            while block := src.read(_COPY_BLOCK):
                written += len(block)
                if written > cap:
                    detail = (
                        f"expands past {cap:,} bytes (stopped there; the archive says {entry.declared:,})"
                    )
                    return Refused(entry.name, TOO_LARGE, detail, entry.declared)
                dst.write(block)
    except NotImplementedError as exc:  # zip methods Python lacks (deflate64, implode, PPMd)
        return Refused(
            entry.name, UNSUPPORTED_FORMAT, f"{exc}: repack the archive with deflate", entry.declared
        )
    except compressed.Expands as exc:  # the tar stream's budget (_tar_members)
        detail = f"the archive's stream {exc}: a bomb, or an archive to unpack first (max_gzip_ratio)"
        return Refused(entry.name, TOO_LARGE, detail, entry.declared)
    except _DAMAGED as exc:
        # EINVAL is the archive's: a damaged zip directory gives a member a negative offset, and the
        # seek to it failed the whole run after 26 s of retries (round 9 probe, a mutated zip).
        if type(exc) is OSError and exc.errno not in (None, errno.EINVAL):
            raise  # the disk (the temporary folder), not the archive: the flow retries
        detail = f"a damaged member ({type(exc).__name__}: {exc})"
        return Refused(entry.name, BINARY, detail, entry.declared)
    return written


# What reading a damaged member raises: a bad CRC, truncated deflate/bzip2/lzma data in a zip,
# a tar stream cut short. A plain OSError with an errno is the disk's, not the archive's.
_DAMAGED = (
    zipfile.BadZipFile,
    tarfile.TarError,
    compressed.Corrupt,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    OSError,
)


def _unsafe_name(name: str) -> str | None:
    """Why a member name must not be used as a path, or None."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if ".." in name.replace("\\", "/").split("/"):
        return "a path with '..' (it points outside the archive)"
    if "\x00" in name:
        return "a NUL byte in the name"
    return None


def _hidden(name: str) -> str | None:
    """What kind of no-input a member name is (a resource fork, a hidden file), or None."""
    # "." parts are no names: `tar -cf x.tar -C dir .` stores every member as "./name" (round 7:
    # all its members were passed over as hidden files).
    parts = [p for p in name.replace("\\", "/").split("/") if p and p != "."]
    if parts and parts[0] == "__MACOSX":
        return "__MACOSX/ resource fork"
    if any(p.startswith(".") or p.endswith("~") or p in _HIDDEN_NAMES for p in parts):
        return "hidden file"
    return None


def _screened(name: str, is_dir: bool, link: str | None) -> Refused | Skipped | None:
    """The member's fate before its bytes are read: passed over, refused, or None (read it)."""
    if is_dir:
        return Skipped("folder")
    unsafe = _unsafe_name(name)
    if unsafe is None and link is not None:
        unsafe = link
    if unsafe is not None:
        return Refused(name, UNSAFE_MEMBER, f"{unsafe}: never extracted or followed")
    hidden = _hidden(name)
    return Skipped(hidden) if hidden else None


def _zip_members(fh: BinaryIO, first: int, stop: int | None) -> Iterator[_Entry | Refused | Skipped]:
    z = open_zip(fh)
    for info in z.infolist()[first:stop]:
        kind = stat.S_IFMT(info.external_attr >> 16)  # Unix file type; 0 when the writer set none
        link = None
        if kind == stat.S_IFLNK:
            link = "a symbolic link"
        elif kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            link = "a device, FIFO or socket"
        found = _screened(info.filename, info.is_dir(), link)
        if found is not None:
            yield found
        elif info.flag_bits & 0x1:
            detail = "an encrypted member: no password is tried (unpack it with the password first)"
            yield Refused(info.filename, ENCRYPTED, detail, info.file_size)
        else:
            mtime = _zip_time(info)
            yield _Entry(info.filename, lambda info=info: z.open(info), info.file_size, mtime)


def open_zip(fh: BinaryIO) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(fh)
    except UnicodeDecodeError as exc:
        # The writer set the UTF-8 name flag over names in a legacy code page (old Windows zippers,
        # some Java tools; round 9: one corrupt_file for every member). zipfile decodes every name
        # strictly and cannot list such an archive; read it through a view whose lying flags are
        # cleared, so those names are read as cp437 as unflagged names always are (round 10).
        why = f"{exc.reason} at byte {exc.start}: {exc.object[:60]!r}"
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise Unreadable(f"{type(exc).__name__}: {exc}") from None
    try:
        return _LyingFlagView.open(fh)
    except (zipfile.BadZipFile, EOFError, ValueError, UnicodeDecodeError, struct.error):
        raise Unreadable(
            f"a member name is not UTF-8 though the archive flags it so ({why}): repack it with UTF-8 names"
        ) from None


class _LyingFlagView:
    """The zip ``fh`` as zipfile should see it when some names flagged UTF-8 are not: the flag's
    bit (general purpose bit 11) cleared in those members' central-directory and local headers,
    every other byte as stored. Nothing is written; a read over a patched byte returns it patched."""

    _FLAG_HIGH = 0x08  # bit 11 of the little-endian flags: bit 3 of their second byte

    def __init__(self, fh: BinaryIO, cleared: set[int]) -> None:
        self._fh = fh
        self._cleared = sorted(cleared)  # a read looks up its span by bisection: many members, many reads

    @classmethod
    def open(cls, fh: BinaryIO) -> zipfile.ZipFile:
        endrec = zipfile._EndRecData(fh)  # zipfile's own end-record search (zip64, comments, stubs)
        if not endrec:
            raise zipfile.BadZipFile("File is not a zip file")
        size_cd, offset_cd = endrec[zipfile._ECD_SIZE], endrec[zipfile._ECD_OFFSET]
        concat = endrec[zipfile._ECD_LOCATION] - size_cd - offset_cd
        if endrec[zipfile._ECD_SIGNATURE] == zipfile.stringEndArchive64:
            concat -= zipfile.sizeEndCentDir64 + zipfile.sizeEndCentDir64Locator
        start = offset_cd + concat
        fh.seek(start)
        directory = fh.read(size_cd)
        cleared, lying, at, n = set(), set(), 0, 0
        while at + 46 <= len(directory) and directory[at : at + 4] == b"PK\x01\x02":
            name_len, extra_len, comment_len = struct.unpack("<HHH", directory[at + 28 : at + 34])
            name = directory[at + 46 : at + 46 + name_len]
            if directory[at + 9] & cls._FLAG_HIGH and not _is_utf8(name):
                cleared.add(start + at + 9)
                lying.add(n)
            at += 46 + name_len + extra_len + comment_len
            n += 1
        view = cls(fh, cleared)
        z = zipfile.ZipFile(view)
        infos = z.infolist()
        # the local headers' flags, where zipfile found them (zip64 and stubs resolved)
        view._cleared = sorted(cleared | {infos[i].header_offset + 7 for i in lying})
        return z

    def read(self, n: int = -1) -> bytes:
        at = self._fh.tell()
        data = self._fh.read(n)
        first = bisect.bisect_left(self._cleared, at)
        last = bisect.bisect_left(self._cleared, at + len(data), first)
        if first == last:
            return data
        out = bytearray(data)
        for p in self._cleared[first:last]:
            out[p - at] &= ~self._FLAG_HIGH & 0xFF
        return bytes(out)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return True


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def zip_names(fh: BinaryIO) -> list[str]:
    """Every member name of the zip ``fh`` (its central directory), whatever part is read."""
    names = [info.filename for info in open_zip(fh).infolist()]
    fh.seek(0)
    return names


def member_sizes(fh: BinaryIO) -> list[int]:
    """The declared size of each zip member, by index (for cutting a large zip into parts)."""
    return [info.file_size for info in open_zip(fh).infolist()]


def _zip_time(info: zipfile.ZipInfo) -> float | None:
    try:
        return dt.datetime(*info.date_time, tzinfo=dt.UTC).timestamp()
    except ValueError:
        return None


class _Window:
    """Bytes [start, stop) of ``fh`` as a stream of their own: a part of a tar (``tar_offsets``), which
    tarfile's stream mode reads from its first member header to its end as a whole tar. A part after
    the first starts with the tar's leading global pax headers (``git archive`` writes one): their
    settings apply to every member, as in a whole read."""

    def __init__(self, fh: BinaryIO, start: int, stop: int) -> None:
        self.last = fh.seek(0, os.SEEK_END) <= stop  # the file's last part: it must end as a tar does
        self.prefix = _global_headers(fh) if start > 0 else b""
        fh.seek(start)
        self.fh, self.left = fh, stop - start

    def read(self, n: int = -1) -> bytes:
        if self.prefix:
            block, self.prefix = (
                (self.prefix, b"")
                if n < 0 or n >= len(self.prefix)
                else (
                    self.prefix[:n],
                    self.prefix[n:],
                )
            )
            return block
        block = self.fh.read(self.left if n < 0 else min(n, self.left))
        self.left -= len(block)
        return block


def _global_headers(fh: BinaryIO) -> bytes:
    """The global pax headers (type ``g``) at the start of the tar ``fh``, as bytes: each a 512-byte
    header and its records padded to 512; b"" when it starts with a member."""
    out = b""
    fh.seek(0)
    while len(head := fh.read(512)) == 512 and head[156:157] == tarfile.XGLTYPE:
        try:
            size = int(head[124:136].rstrip(b"\0 ").decode("ascii") or "0", 8)
        except ValueError:
            break  # a damaged header: the part reads as it can, as a whole read would
        body = fh.read(-(-size // 512) * 512)
        out += head + body
    return out


def tar_offsets(fh: BinaryIO) -> list[tuple[int, int]] | None:
    """(offset of the first header, stated size) of each member of the uncompressed tar ``fh``, up
    to where it cannot be read further; None when it must be read whole: not a tar, or a global pax
    header after the first member (its settings apply to every later member, so a part starting
    after it would read them otherwise; leading ones, as ``git archive`` writes, each part reads
    first: ``_Window``). Headers only: the random-access mode seeks over the members' bytes."""
    try:
        tar = tarfile.open(fileobj=fh, mode="r:")
    except (tarfile.TarError, EOFError, OSError):
        return None
    found = []
    with tar:
        leading = dict(tar.pax_headers)  # read with the first member (tarfile.open reads it)
        while True:
            try:
                info = tar.next()
            except (tarfile.TarError, EOFError, OSError):
                break  # the part holding this spot reads to the end of the file and reports it
            if info is None:
                break
            found.append((info.offset, info.size))
            tar.members.clear()  # tarfile keeps every TarInfo: ~0.5 KB a member
        return None if tar.pax_headers != leading else found


def tar_names(fh: BinaryIO) -> list[str]:
    """Every member name of the uncompressed tar ``fh`` (a large tar read in parts, or one spooled
    decompressed), up to where it cannot be read further: headers only, seeking over the members'
    bytes. For a part that must know what the other parts hold (a Hugging Face folder's metadata
    in one part, its ``.arrow`` shard in another: round 10)."""
    names: list[str] = []
    try:
        with tarfile.open(fileobj=fh, mode="r:") as tar:
            while (info := tar.next()) is not None:
                names.append(info.name)
                tar.members.clear()
    except (tarfile.TarError, EOFError, OSError):
        pass  # the part holding the break reports it
    fh.seek(0)
    return names


def _tar_members(fh: BinaryIO, archive_cap: int) -> Iterator[_Entry | Refused | Skipped]:
    """A tar's members in stream order (``r|``: no seeking back, so a .tar.gz is decompressed
    once); the decompressed stream is capped at ``archive_cap``. ``fh`` may be a ``_Window``: a part
    starting at a member header."""
    stream = fh
    if not isinstance(fh, _Window):  # a part is of an uncompressed tar, or of a spooled one
        head = fh.read(16)
        fh.seek(0)
        stream = compressed.DecompressReader(fh, archive_cap) if compressed.codec_of(head) else fh
    last = "the start"
    try:
        tar = tarfile.open(fileobj=stream, mode="r|", tarinfo=_Watched)
    except (tarfile.TarError, compressed.Corrupt, EOFError) as exc:
        raise Unreadable(f"{type(exc).__name__}: {exc}") from None
    except compressed.Expands as exc:
        raise Unreadable(f"the tar stream {exc}") from None
    with tar:
        try:
            while (info := tar.next()) is not None:
                last = info.name
                yield from _tar_entry(tar, info)
                tar.members.clear()  # not looked up again: memory stays one member's
            ended = getattr(tar, _ENDED_BY, None)
            if ended is not None and ended is not tarfile.EOFHeaderError and _at_tail(fh):
                yield Refused(f"{last}!rest", BINARY, _no_end_marker(last, ended))
        except compressed.Expands:
            yield Refused(f"{last}!rest", TOO_LARGE, _over_budget(archive_cap))
        except (tarfile.TarError, compressed.Corrupt, EOFError) as exc:
            detail = f"the archive breaks after '{last}' ({type(exc).__name__}: {exc}): the rest is not read"
            yield Refused(f"{last}!rest", BINARY, detail)


# The attribute of a TarFile where _Watched notes the header error that ended it.
_ENDED_BY = "factsieve_ended_by"


class _Watched(tarfile.TarInfo):
    """TarInfo that notes on its TarFile which header error ended the iteration: tarfile ends on
    any header it cannot read past the first (a stream cut inside or before a header, a damaged
    header) just as on the end-of-archive zero blocks, so the members after a cut vanished without
    a reject (round 6)."""

    @classmethod
    def fromtarfile(cls, tar: tarfile.TarFile) -> tarfile.TarInfo:
        try:
            return super().fromtarfile(tar)
        except tarfile.HeaderError as exc:
            setattr(tar, _ENDED_BY, type(exc))
            raise


def _at_tail(fh: BinaryIO) -> bool:
    """Whether the stream ``fh`` ends where its file does: a whole tar, or the last part of one (the
    earlier parts end before a header, by design)."""
    return not isinstance(fh, _Window) or fh.last


def _no_end_marker(last: str, ended: type) -> str:
    why = {
        tarfile.EmptyHeaderError: "the file ends without tar's end-of-archive blocks",
        tarfile.TruncatedHeaderError: "the file ends inside a member header",
    }.get(ended, f"a header that cannot be read ({ended.__name__})")
    return (
        f"the archive breaks after '{last}': {why} (cut short: a truncated download or copy, or "
        "damaged); members after it, if any, are not read"
    )


def _tar_entry(tar: tarfile.TarFile, info: tarfile.TarInfo) -> Iterator[_Entry | Refused | Skipped]:
    link = None
    if info.issym() or info.islnk():
        link = f"a link to '{posixpath.normpath(info.linkname)}'"
    elif not (info.isreg() or info.isdir()):
        link = "a device, FIFO or socket"
    found = _screened(info.name, info.isdir(), link)
    if found is not None:
        yield found
        return
    yield _Entry(info.name, lambda: tar.extractfile(info), info.size, float(info.mtime))
