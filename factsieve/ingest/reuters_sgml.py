"""Reuters-21578 as it is distributed: ``reut2-000.sgm`` … ``reut2-021.sgm``, SGML, one
``<REUTERS>`` element per article and no root element, so not XML an XML parser accepts.

An element looks like this (the ``UNKNOWN`` block and the ``&#2;``/``&#3;`` start- and
end-of-text markers are teletype residue)::

    <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
    <DATE>26-FEB-1987 15:01:01.79</DATE>
    <TOPICS><D>cocoa</D></TOPICS>
    …
    <TEXT>&#2;
    <TITLE>BAHIA COCOA REVIEW</TITLE>
    <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
    …
     Reuter
    &#3;</BODY></TEXT>
    </REUTERS>

``TYPE="BRIEF"`` elements are a headline and no ``BODY``; ``TYPE="UNPROC"`` ones hold their text
directly in ``TEXT``. The corpus has a few damaged elements (an unclosed tag), so elements and
fields are found by their start tags, each ending at its end tag or, when that is missing, where
the next tag starts: one broken tag costs its field, never the rest of the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_START = re.compile(r"<REUTERS\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"([A-Za-z]+)\s*=\s*\"([^\"]*)\"")
_TEXT = re.compile(r"<TEXT\b([^>]*)>(.*?)(?:</TEXT>|(?=</REUTERS>)|\Z)", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^<>]*>")
# Teletype control characters the corpus writes as character references (&#2; &#3; &#5; &#22;
# &#31; …): never text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Article:
    position: int  # 1-based number of the <REUTERS> element in the file
    newid: str
    record: dict  # id, text, title, published: the fields a JSON record has (text None: no body)
    kind: str  # TEXT's TYPE: NORM (the default), BRIEF, UNPROC
    source: str  # the element as written: its size and a reject's sample


def _field(name: str, block: str) -> str | None:
    """The content of ``<name>`` in ``block``: to its end tag, or to the next tag when it has none."""
    found = re.search(rf"<{name}>(.*?)(?:</{name}>|(?=<[A-Za-z/])|\Z)", block, re.IGNORECASE | re.DOTALL)
    return found.group(1) if found else None


def _plain(value: str | None) -> str | None:
    """Entities decoded (``&lt;`` is the corpus's ``<``, as in ``<BP>``), control characters gone."""
    if value is None:
        return None
    return _CONTROLS.sub("", html.unescape(value)).strip()


def _body(text_attrs: str, text_block: str) -> tuple[str, str | None]:
    """The element's kind and its body: ``BODY``'s content, or an UNPROC element's whole text."""
    kind = (dict(_ATTR.findall(text_attrs)).get("TYPE") or "NORM").upper()
    body = _field("BODY", text_block)
    if body is None and kind == "UNPROC":
        body = _TAGS.sub("", text_block)
    return kind, _plain(body)


def articles(text: str, first: int = 1) -> Iterator[Article]:
    """The ``<REUTERS>`` elements of ``text`` as articles, numbered from ``first``. The body keeps
    the " Reuter" sign-off, as the corpus's JSON Lines exports do (the cleaner labels it
    boilerplate), so both forms of the corpus give the same documents."""
    starts = list(_START.finditer(text))
    for n, start in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        element = text[start.start() : end]
        close = element.upper().find("</REUTERS>")
        block = element[: close if close >= 0 else len(element)]
        attrs = dict(_ATTR.findall(start.group(1)))
        found = _TEXT.search(block)
        kind, body = _body(found.group(1), found.group(2)) if found else ("NORM", None)
        text_block = found.group(2) if found else ""
        record = {
            "id": attrs.get("NEWID") or None,
            "text": body,
            "title": _plain(_field("TITLE", text_block)) or None,
            "published": _plain(_field("DATE", block)) or None,
        }
        yield Article(first + n, attrs.get("NEWID", ""), record, kind, element.rstrip())


def element_starts(data: bytes) -> list[int]:
    """Byte offsets at which the ``<REUTERS`` elements of ``data`` start: where a large file may
    be cut into parts."""
    return [m.start() for m in re.finditer(rb"<REUTERS\b", data, re.IGNORECASE)]
