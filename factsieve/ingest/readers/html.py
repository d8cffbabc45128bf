"""An HTML page (``.html``, ``.htm``): one document, its main text, title and date by trafilatura
(``factsieve.ingest.html``)."""

from __future__ import annotations

import logging
import re

from factsieve.ingest.dates import parse_published
from factsieve.ingest.html import PARSER_TEXT_NODE_CHARS, longest_text_node, main_text
from factsieve.ingest.readers.base import (
    IngestResult,
    RawDoc,
    Reject,
    file_reject,
    sample_of,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.title import tidy_title
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    NO_MAIN_TEXT,
    TOO_LARGE,
)

log = logging.getLogger(__name__)

# <meta http-equiv="refresh" content="0; url=…">: a page that only sends the browser on (round 9).
_REFRESH = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["'][^"']*?url\s*=\s*['"]?([^"'>\s]+)""",
    re.IGNORECASE,
)


def read_html(
    inp: InputFile, data: bytes, html: str, enc: str, limits: IngestLimits, fmt: str
) -> IngestResult:
    res = IngestResult()
    longest = longest_text_node(html)
    if longest > PARSER_TEXT_NODE_CHARS:
        # The parser drops such a node: the page's text would be missing it, silently (and it is
        # more than a record may hold unless max_record_chars is raised past the parser's limit).
        detail = (
            f"a text node of up to {longest:,} characters: the HTML parser reads at most "
            f"{PARSER_TEXT_NODE_CHARS:,} (max_record_chars: {limits.max_record_chars:,})"
        )
        return file_reject(inp, fmt, TOO_LARGE, detail, len(data), sample_of(html))
    extracted = main_text(html)
    if extracted is None:
        refresh = _REFRESH.search(html[:8192])
        res.rejects.append(
            Reject(
                inp.uri,
                "",
                fmt,
                NO_MAIN_TEXT,
                f"a redirect page (meta refresh to {visible(refresh.group(1)[:200])}): no text of its own"
                if refresh
                else "trafilatura found no main text in the page (or only link texts: a navigation page)",
                len(data),
                sample_of(html),
            )
        )
        return res
    text = extracted.text
    if len(text) > limits.max_record_chars:
        res.rejects.append(
            Reject(inp.uri, "", fmt, TOO_LARGE, f"{len(text):,} characters", len(data), sample_of(text))
        )
        return res
    res.docs.append(
        RawDoc(
            inp.uri,
            "",
            fmt,
            text,
            enc,
            len(data),
            title=tidy_title(extracted.title),
            url=extracted.url,
            published_at=parse_published(extracted.date),
        )
    )
    return res
