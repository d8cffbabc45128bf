"""One news article as an XML document: NITF, RCV1, TEI (``factsieve.ingest.news_xml``)."""

from __future__ import annotations

import logging
from dataclasses import replace

from factsieve.ingest import (
    compressed,
    feeds,
    news_xml,
)
from factsieve.ingest.decode import decode_bytes
from factsieve.ingest.readers.base import (
    IngestResult,
    decompressed,
    file_reject,
    whole_bytes,
)
from factsieve.ingest.readers.entries import (
    FIXED_FIELDS,
    read_records,
)
from factsieve.ingest.readers.html import read_html
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    MALFORMED_XML,
    MISSING_TEXT,
    UNSAFE_XML,
    UNSUPPORTED_XML,
)

log = logging.getLogger(__name__)


def read_news_xml(inp: InputFile, limits: IngestLimits) -> IngestResult:
    """A news article as one XML document: NITF (NYT Annotated Corpus), RCV1, TEI or trafilatura
    XML (``factsieve.ingest.news_xml``), read whole within ``max_file_bytes``. Any other root is
    ``unsupported_xml`` naming it."""
    fmt = "newsxml"
    data = whole_bytes(inp, fmt, limits)
    if isinstance(data, IngestResult):
        return data
    codec = compressed.codec_of(data[:16])
    if codec is not None:
        data = decompressed(inp, fmt, data, limits, codec)
        if isinstance(data, IngestResult):
            return data
    try:
        arts, others = news_xml.articles(data)
    except feeds.NotAFeed as exc:
        if news_xml.is_xhtml(data):  # a web page saved as XML (round 9): its main text, as a page's
            try:
                body, enc = decode_bytes(data)
            except UnicodeError:
                body, enc = data.decode("utf-8", "replace"), "utf-8"
            return read_html(inp, data, body, enc, limits, "html")
        return file_reject(inp, "feed", UNSUPPORTED_XML, f"{exc}: not read", len(data))
    except feeds.Unsafe as exc:
        return file_reject(inp, fmt, UNSAFE_XML, str(exc), len(data))
    except feeds.Malformed as exc:
        return file_reject(inp, fmt, MALFORMED_XML, f"not well-formed XML at {exc}", len(data))
    source = data[:2000].decode("utf-8", "replace")
    if len(arts) == 1 and not others:  # one article: the file is the record, keyed ""
        entries = [("", 1, source, _fields(arts[0], keep_id=False), _problem(arts[0]))]
        unit = "document"
    else:  # a NewsML-G2 newsMessage: an item each, keyed by its guid (round 9)
        entries = [
            (f"item:{k}", k, source, _fields(a, keep_id=True), _problem(a)) for k, a in enumerate(arts, 1)
        ]
        unit = "item"
    res = read_records(inp, entries, "utf-8", replace(limits, **FIXED_FIELDS), fmt, unit=unit)
    res.skipped.update(others)  # a message's package and concept items: no story, counted
    for doc in res.docs:
        doc.raw_bytes = len(data) if unit == "document" else len(doc.text.encode("utf-8"))
    return res


def _fields(art: news_xml.Article, keep_id: bool) -> dict:
    return {k: v for k, v in art.record.items() if v is not None and (keep_id or k != "id")}


def _problem(art: news_xml.Article) -> tuple[str, str] | None:
    return (
        None if art.record.get("text") is not None else (MISSING_TEXT, f"no text in {art.where} ({art.kind})")
    )
