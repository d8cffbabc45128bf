"""RSS and Atom feeds: one record per item, streamed (``factsieve.ingest.feeds``). A whole file whose
root is no feed's raises ``feeds.NotAFeed``: the dispatcher tries it as one news article."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from factsieve.ingest import (
    compressed,
    feeds,
)
from factsieve.ingest.decode import looks_utf16
from factsieve.ingest.readers.base import (
    IngestResult,
    file_reject,
    permanent,
    sample_of,
)
from factsieve.ingest.readers.entries import (
    FIXED_FIELDS,
    Entry,
    read_records,
    rejected_by_id,
)
from factsieve.ingest.sniff import binary_format, looks_binary
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    BINARY,
    EMPTY,
    MALFORMED_XML,
    MISSING_TEXT,
    READ_ERROR,
    TOO_LARGE,
    UNSAFE_XML,
    UNSUPPORTED_XML,
)

log = logging.getLogger(__name__)


# WordPress items that are a site's furniture, not its writing (wp:post_type other than these):
# passed over and counted as "WordPress <type> item".
_WXR_WRITING = frozenset({"post", "page"})


def _feed_entries(found: Iterable[feeds.Item | feeds.Broken], skipped: Counter[str]) -> Iterator[Entry]:
    """``Entry`` per feed item (keyed ``item:N`` when it has no guid, id or link), the break of the
    XML as a reject for the rest of the file, a gzip stream that stops (a bomb, damage) likewise.
    A WordPress export's attachments, menu entries and the like are counted in ``skipped``."""
    position = 0  # the next item's number, once an item was read
    try:
        for item in found:
            position = item.position + 1
            if isinstance(item, feeds.Broken):
                yield f"item:{item.position}", item.position, "", None, (MALFORMED_XML, item.detail)
                continue
            rec = {k: v for k, v in item.record.items() if v is not None}
            kind = rec.pop(feeds.WXR_KIND, None)
            if kind is not None and kind not in _WXR_WRITING:
                skipped[f"WordPress {visible(kind)[:40]} item"] += 1
                continue
            if "id" not in rec and "url" in rec:
                rec["id"] = rec["url"]  # the link is the item's identity when it has no guid
            problem = None if "text" in rec else (MISSING_TEXT, _no_item_text(rec))
            yield (
                rejected_by_id(rec, problem, f"item:{item.position}"),
                item.position,
                item.source,
                rec,
                problem,
            )
    except (compressed.Expands, compressed.Corrupt) as exc:
        if not position:
            raise  # before any item: the file's reject (read_feed)
        reason = TOO_LARGE if isinstance(exc, compressed.Expands) else BINARY
        yield (
            f"item:{position}",
            position,
            "",
            None,
            (reason, f"compressed data {exc}; the rest of the file is not read"),
        )


def _no_item_text(rec: dict) -> str:
    which = rec.get("title") or rec.get("url") or "the item"
    return f"no content:encoded, content, description or summary: {visible(which)[:80]} has no text"


def read_feed(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """One document or reject per item of an RSS or Atom feed (``factsieve.ingest.feeds``),
    streamed from the file (gzip decompressed on the way, within the streamed bomb guard); a part
    is a range of item numbers. The fields are read as a JSON record's are."""
    fmt = "feed"
    first, stop = (inp.start, inp.end) if inp.is_part else (1, None)
    codec = None
    try:
        with inp.open() as raw:
            head = raw.read(8192)
            raw.seek(0)
            if not head.strip() and len(head) < 8192:  # as for every format: empty, not malformed
                detail = "file has no content" if not head else "file has only whitespace"
                return file_reject(inp, fmt, EMPTY, detail, inp.size)
            codec = compressed.codec_of(head)
            kind = binary_format(head) if codec is None else None
            if kind is None and codec is None and looks_binary(head) and not looks_utf16(head):
                # NULs or control bytes (a preallocated or zeroed file): not a feed that broke
                kind = "control bytes"
            if kind is not None:
                detail = (
                    f"{kind} under a '{inp.suffix or 'no extension'}' name: not a feed (convert it first)"
                )
                return file_reject(inp, fmt, BINARY, detail, inp.size, sample_of(head, 40))
            fh = raw
            if codec is not None:
                cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
                fh = compressed.DecompressReader(raw, cap)
            skipped: Counter[str] = Counter()
            entries = _feed_entries(feeds.items(fh, first, stop), skipped)
            res = read_records(
                inp, entries, "utf-8", replace(limits, **FIXED_FIELDS), fmt, taken, unit="item"
            )
            res.skipped.update(skipped)
    except feeds.NotAFeed as exc:
        if not inp.is_part:  # the dispatcher tries it as a news article (NITF, RCV1, TEI)
            raise
        return file_reject(inp, fmt, UNSUPPORTED_XML, f"{exc}: only RSS and Atom feeds are read", inp.size)
    except feeds.Unsafe as exc:
        return file_reject(inp, fmt, UNSAFE_XML, str(exc), inp.size)
    except feeds.Malformed as exc:
        return file_reject(inp, fmt, MALFORMED_XML, f"not well-formed XML at {exc}", inp.size)
    except (compressed.Expands, compressed.Corrupt) as exc:
        reason = TOO_LARGE if isinstance(exc, compressed.Expands) else BINARY
        return file_reject(inp, fmt, reason, f"{codec} data {exc}", inp.size)
    except OSError as exc:
        if not permanent(exc):
            raise
        return file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
    return res if res.docs or res.rejects else file_reject(inp, fmt, EMPTY, "a feed with no items", inp.size)
