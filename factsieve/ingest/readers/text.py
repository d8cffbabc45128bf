"""A plain-text file (``.txt``, ``.text``, ``.story``): one document, its title and date from its first lines."""

from __future__ import annotations

import logging

from factsieve.ingest.dates import published_in_text
from factsieve.ingest.readers.base import (
    IngestResult,
    RawDoc,
    Reject,
    sample_of,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.clean import nel_as_line_end
from factsieve.text.title import tidy_title, title_from_text
from factsieve.vocabulary import (
    EMPTY,
    TOO_LARGE,
)

log = logging.getLogger(__name__)


def read_text(
    inp: InputFile, data: bytes, text: str, enc: str, limits: IngestLimits, fmt: str
) -> IngestResult:
    res = IngestResult()
    if len(text) > limits.max_record_chars:
        res.rejects.append(
            Reject(
                inp.uri,
                "",
                fmt,
                TOO_LARGE,
                f"{len(text):,} characters > limit {limits.max_record_chars:,}",
                len(data),
                sample_of(text),
            )
        )
        return res
    if not text.strip():
        res.rejects.append(Reject(inp.uri, "", fmt, EMPTY, "only whitespace after decoding", len(data), ""))
        return res
    # The title is looked for in lines: an old Mac's CR-only line ends made the whole text one line,
    # and no title was found (round 6). The text itself keeps its bytes' line ends; cleaning unifies them.
    lines = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    lines = nel_as_line_end(lines)  # U+0085 line ends (round 7), as cleaning reads them
    res.docs.append(
        RawDoc(
            inp.uri,
            "",
            fmt,
            text,
            enc,
            len(data),
            title=tidy_title(title_from_text(lines)),
            published_at=published_in_text(lines),  # a "Published: …" line at the top, if any
        )
    )
    return res
