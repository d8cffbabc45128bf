"""E-mail and Usenet messages as corpora ship them: one RFC 822 message a file with no extension
(20 Newsgroups: ``20news-bydate-train/sci.space/60804``), ``.eml`` files, and mbox files
(``.mbox``; several messages, each opening with a ``From `` line).

A message is headers, a blank line, a body. The document is the author's own words: the headers
give the title (``Subject``), the date (``Date``) and the key (``Message-ID``); the body loses what
other people wrote or what is not the message's content:

- quoted lines (``> …``, ``| …``, ``: …`` as newsreaders quote) and the attribution line that
  introduces them ("In article <…>, x@y (Name) writes:", "On Tue, … Name wrote:");
- the signature: everything after the ``-- `` line (RFC 3676; ``--`` alone as many clients write it).

Otherwise a reply's quotes would be the author's sentences, and the same quoted text in every
reply of a thread would form false duplicate clusters. The count of lines dropped is in the result.

MIME is decoded by the standard library: base64 and quoted-printable, ``text/plain`` parts (HTML
parts only when there is no plain one), the declared charset; undeclared 8-bit bodies (most of 20
Newsgroups) go through ``factsieve.ingest.decode`` as any legacy text does.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import Message

from factsieve.ingest.decode import decode_bytes

# Header names that say a block of "Name: value" lines is a message's (a YAML or config file's
# keys are not these). A message needs From plus one of the others.
_MESSAGE_HEADERS = frozenset(
    {"subject", "newsgroups", "path", "message-id", "date", "xref", "to", "references", "in-reply-to"}
)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$")
_MBOX_FROM = re.compile(rb"^From \S+.*\d{4}\s*$")  # "From user@host Tue Apr  6 10:00:00 1993"
_MBOX_SPLIT = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
_QUOTED = re.compile(r"^\s{0,3}(?:>|\|(?!\|)|:(?=\s)|[A-Za-z]{1,3}>)")
_ATTRIBUTION = re.compile(
    r"^(?:In (?:article|message|<)\S*.*?(?:writes|wrote|said):?\s*$"
    r"|On .{6,120}(?:wrote|writes):?\s*$"
    r"|\S+@\S+.*\b(?:writes|wrote):\s*$"
    r"|.{1,80}\b(?:writes|wrote):\s*$)",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^--\s?$")


@dataclass(frozen=True, slots=True)
class Post:
    position: int  # 1-based number of the message in the file (1 for a single message)
    record: dict  # id, text, title, published: the fields a JSON record has
    problem: str  # why it has no text ("" when it has)
    dropped_lines: int  # quoted, attribution and signature lines left out of the text
    source: str  # the message's first bytes, for a reject's sample


def _header_names(head: bytes) -> list[str] | None:
    """The header names of the block ``head`` opens with, as written, or None when it is not a
    header block: a line that is not ``Name: value`` (nor a folded continuation) before the blank
    line that ends it, or no such blank line in ``head``."""
    names: list[str] = []
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    for line in lines[:-1]:  # the last may be cut by the head's end
        if not line.strip():
            return names
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header
        m = _HEADER_LINE.match(line)
        if not m:
            return None
        names.append(m.group(1).decode("ascii"))
    return None


def _is_message_block(names: list[str] | None, need_from: bool = True) -> bool:
    """From (spelled so, as mail and news software write it: a config's ``from:`` key is not) and
    one more header a message has."""
    if not names:
        return False
    lower = {n.lower() for n in names}
    return (not need_from or "From" in names) and bool(_MESSAGE_HEADERS & lower)


def looks_like_message(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) opens with a message's headers: From and one of
    Subject, Newsgroups, Path, Message-ID, Date …, before a blank line."""
    return _is_message_block(_header_names(head.lstrip(b"\xef\xbb\xbf")))


def has_headers(data: bytes) -> bool:
    """Whether ``data`` opens with a block of headers ended by a blank line (any names: an mbox
    message need not have a Subject)."""
    return bool(_header_names(data[:8192]))


def looks_like_mbox(head: bytes) -> bool:
    """Whether ``head`` opens as an mbox: a ``From `` envelope line, then a message's headers."""
    first, _, rest = head.lstrip(b"\xef\xbb\xbf").partition(b"\n")
    if not _MBOX_FROM.match(first.rstrip(b"\r")):
        return False
    return _is_message_block(_header_names(rest), need_from=False)


def _header(msg: Message, name: str) -> str | None:
    raw = msg.get(name)
    if raw is None:
        return None
    try:
        value = str(make_header(decode_header(str(raw))))  # =?utf-8?q?…?= encoded words
    except (ValueError, LookupError, UnicodeError):
        value = str(raw)
    return " ".join(value.split()) or None


def _payload_text(part: Message) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a lying or unknown charset: detected as undeclared bytes are
    return decode_bytes(payload)[0] if payload else ""


def _body(msg: Message) -> tuple[str, str]:
    """The message's text and its type (``plain``, ``html`` or "" when it has no text part)."""
    plain = [p for p in msg.walk() if p.get_content_type() == "text/plain" and not p.is_multipart()]
    if not msg.is_multipart() and msg.get_content_maintype() == "text" and not plain:
        plain = [msg]  # text/enriched and friends, or a bad Content-Type: its text
    if plain:
        return "\n".join(_payload_text(p) for p in plain if not _is_attachment(p)), "plain"
    pages = [p for p in msg.walk() if p.get_content_type() == "text/html"]
    if pages:
        return _payload_text(pages[0]), "html"
    return "", ""


def _is_attachment(part: Message) -> bool:
    return (part.get("Content-Disposition") or "").lower().startswith("attachment")


def own_words(body: str) -> tuple[str, int]:
    """``body`` without quoted lines, their attribution lines and the signature; how many lines
    were dropped."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if _SIGNATURE.match(line) and i > 0:
            dropped = sum(1 for x in lines[i:] if x.strip())
            lines = lines[:i]
            break
    else:
        dropped = 0
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _QUOTED.match(line):
            dropped += 1
            continue
        if ("wr" in line or "said" in line) and _ATTRIBUTION.match(line.strip()):  # cheap test first
            following = next((x for x in lines[i + 1 : i + 4] if x.strip()), "")
            if _QUOTED.match(following):
                dropped += 1
                continue
        kept.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return text, dropped


def message(data: bytes, position: int = 1) -> Post:
    """One message's fields from its bytes."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    body, kind = _body(msg)
    text, dropped = own_words(body) if kind == "plain" else (body.strip(), 0)
    record = {
        "id": _header(msg, "Message-ID"),
        "text": text or None,
        "title": _header(msg, "Subject"),
        "published": _header(msg, "Date"),
        "html": kind == "html",
    }
    problem = ""
    if not kind:
        types = sorted({p.get_content_type() for p in msg.walk() if not p.is_multipart()})
        problem = f"no text part (parts: {', '.join(types) or 'none'})"
    elif not text:
        problem = (
            f"only quoted text and a signature ({dropped} lines): no words of its own"
            if dropped
            else "the message has headers and no body"
        )
    head = data[:120].decode("utf-8", "backslashreplace")
    return Post(position, record, problem, dropped, head)


def _envelopes(data: bytes) -> list[re.Match[bytes]]:
    return [m for m in _MBOX_SPLIT.finditer(data) if _MBOX_FROM.match(m.group(0).rstrip(b"\r\n"))]


def mbox_starts(data: bytes) -> list[int]:
    """Byte offsets of the ``From `` lines that open the messages of an mbox: where a large one may be
    cut (``factsieve.ingest.parts``), by the rule ``mbox_messages`` reads it with."""
    return [m.start() for m in _envelopes(data)]


def mbox_messages(data: bytes, first: int = 1) -> Iterator[tuple[int, bytes]]:
    """The messages of an mbox as (number, bytes), each without its ``From `` line; ``>From `` lines
    (mboxrd/mboxo escaping) unescaped. Numbered from ``first`` (a part's first message number)."""
    starts = _envelopes(data)
    for n, start in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(data)
        chunk = data[start.end() : end]
        yield first + n, re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)
