"""Common Crawl WET files and WARC files of HTTP responses (CC-NEWS): one record per page
(``factsieve.ingest.warc``, ``factsieve.ingest.warc_http``)."""

from __future__ import annotations

import logging

from factsieve.ingest import (
    warc,
    warc_http,
)
from factsieve.ingest.dates import parse_published, published_in_text
from factsieve.ingest.html import main_text
from factsieve.ingest.readers.base import (
    IngestResult,
    RawDoc,
    Reject,
    sample_of,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.title import tidy_title, title_from_text
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    EMPTY,
    MALFORMED_RECORD,
    NO_MAIN_TEXT,
    TOO_LARGE,
)

log = logging.getLogger(__name__)


def read_wet(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """One document per ``conversion`` record of a Common Crawl WET file (``factsieve.ingest.warc``),
    and per ``response`` record of a WARC file (``_warc_page``), keyed by its WARC-Record-ID; the
    crawl's ``warcinfo`` record describes the file and is no input, nor are a WARC file's
    ``request``, ``metadata`` and ``revisit`` records (counted in ``skipped``). A part
    (``_wet_parts``) starts at a record; offsets are the file's (decompressed) offsets."""
    res = IngestResult()
    seen: set[str] = set(taken or ())
    base = inp.start if inp.is_part else 0
    passed_over = warc.NOT_PAGES if fmt == "warc" else {"warcinfo"}
    for rec in warc.records(data):
        if not rec.problem and rec.kind in passed_over:
            res.skipped[f"{rec.kind} record"] += 1
            continue
        if fmt == "warc" and rec.kind == "resource" and rec.uri.startswith("dns:"):
            res.skipped["dns resource record"] += 1  # Heritrix's host lookups: one per host crawled
            continue
        offset = base + rec.offset
        key = rec.record_id or f"offset:{offset}"
        while key in seen:
            key = f"{key}@offset:{offset}"
        seen.add(key)
        where, nbytes = f"record at byte {offset:,}", len(rec.body)
        if fmt == "warc" and rec.kind in ("response", "resource") and not rec.problem:
            found = _warc_page(inp, key, rec, where, limits)
            (res.docs if isinstance(found, RawDoc) else res.rejects).append(found)
            continue
        text = rec.body.decode("utf-8", "replace")  # WET text is UTF-8 by specification
        if rec.problem:
            detail = f"{where}: {rec.problem}; its {nbytes:,} bytes to the end are not read"
            problem: tuple[str, str] | None = (MALFORMED_RECORD, detail)
        elif rec.kind != "conversion":
            problem = (MALFORMED_RECORD, f"{where}: WARC-Type '{visible(rec.kind)}' is not a page's text")
        elif not text.strip():
            problem = (EMPTY, f"{where}: no text")
        elif len(text) > limits.max_record_chars:
            problem = (TOO_LARGE, f"{where}: {len(text):,} characters > limit {limits.max_record_chars:,}")
        else:
            problem = None
        if problem is not None:
            res.rejects.append(Reject(inp.uri, key, fmt, *problem, nbytes, sample_of(text)))
            continue
        title = tidy_title(title_from_text(text))
        res.docs.append(RawDoc(inp.uri, key, fmt, text, "utf-8", nbytes, title=title, url=rec.uri or None))
    if inp.is_part:
        res.keys = seen - set(taken or ())
    if res.skipped:
        log.info("%s: passed over %s", inp.uri, dict(sorted(res.skipped.items())))
    return res


def _warc_page(
    inp: InputFile, key: str, rec: warc.WarcRecord, where: str, limits: IngestLimits
) -> RawDoc | Reject:
    """The document of a WARC ``response`` record (or ``resource``: the page itself): its HTTP payload decoded
    (``factsieve.ingest.warc_http``), an HTML page's main text by the same path as an ``.html``
    file; the URL is WARC-Target-URI, the date the page's own, else WARC-Date (when it was fetched:
    CC-NEWS fetches articles within hours of publication). Or the record's reject."""
    nbytes, fmt = len(rec.body), "warc"
    if rec.kind == "resource":
        page = warc_http.resource_page(rec.body, rec.content_type)
    else:
        page = warc_http.page_of(rec.body, limits.max_file_bytes)
    if isinstance(page, tuple):
        reason, detail = page
        return Reject(inp.uri, key, fmt, reason, f"{where}: {detail}", nbytes, sample_of(rec.uri))
    if page.kind == "html":
        extracted = main_text(page.text)
        if extracted is None:
            detail = f"{where}: trafilatura found no main text in the page"
            return Reject(inp.uri, key, fmt, NO_MAIN_TEXT, detail, nbytes, sample_of(rec.uri))
        text, title, date = extracted.text, extracted.title, parse_published(extracted.date)
    else:
        text, title, date = page.text, title_from_text(page.text), published_in_text(page.text)
    if not text.strip():
        return Reject(inp.uri, key, fmt, EMPTY, f"{where}: the page has no text", nbytes, sample_of(rec.uri))
    if len(text) > limits.max_record_chars:
        detail = f"{where}: {len(text):,} characters > limit {limits.max_record_chars:,}"
        return Reject(inp.uri, key, fmt, TOO_LARGE, detail, nbytes, sample_of(text))
    return RawDoc(
        inp.uri,
        key,
        fmt,
        text,
        page.encoding,
        nbytes,
        title=tidy_title(title),
        url=rec.uri or None,
        published_at=date if date is not None else parse_published(rec.date),
    )
