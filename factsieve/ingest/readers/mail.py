"""E-mail and Usenet messages (``.eml``) and mboxes: one record per message (``factsieve.ingest.mail``)."""

from __future__ import annotations

import logging
from dataclasses import replace

from factsieve.ingest import (
    mail,
)
from factsieve.ingest.readers.base import (
    IngestResult,
    file_reject,
    sample_of,
)
from factsieve.ingest.readers.entries import (
    FIXED_FIELDS,
    read_records,
    rejected_by_id,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    EMPTY,
    MALFORMED_RECORD,
    MISSING_TEXT,
)

log = logging.getLogger(__name__)


def read_email(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """An e-mail or Usenet message (one document, key ``""``) or an mbox (one per message, keyed by
    Message-ID, else ``message:N``): ``factsieve.ingest.mail``. Parsed from the bytes (MIME parts
    declare their own charsets). A message with no headers is ``malformed_record``; one with no
    text part, or only quoted text, ``missing_text``."""
    fmt = "email"
    mbox = mail.looks_like_mbox(data[:8192])
    found = list(mail.mbox_messages(data, inp.first_line if inp.is_part else 1)) if mbox else [(1, data)]
    entries = []
    for position, raw in found:
        default = f"message:{position}" if mbox else ""
        if not mail.looks_like_message(raw[:8192]) and not (mbox and mail.has_headers(raw)):
            detail = "no message headers (From: and Subject:, Date:, Newsgroups: …) before a blank line"
            if mbox and raw.strip() and b"\n\n" not in raw.replace(b"\r\n", b"\n"):
                detail = "the headers never end (no blank line): the file is cut inside this message"
            entries.append((default, position, sample_of(raw), None, (MALFORMED_RECORD, detail)))
            continue
        post = mail.message(raw, position)
        rec = {k: v for k, v in post.record.items() if v is not None and (mbox or k != "id")}
        problem = (MISSING_TEXT, post.problem) if post.problem else None
        entries.append((rejected_by_id(rec, problem, default), position, post.source, rec, problem))
    if not entries:
        return file_reject(inp, fmt, EMPTY, "an mbox with no message", len(data))
    return read_records(inp, entries, enc, replace(limits, **FIXED_FIELDS), fmt, taken, unit="message")
