"""TREC-style SGML news as the TREC disks and LDC's Gigaword ship it: ``<DOC>`` elements one after
another with no root element, in files with no extension (``AP880212``, ``WSJ870324``,
``LA010189``, ``FT911_1``) or gzipped monthly files (``afp_eng_199405.gz``). Not XML: bare ``&``,
upper-case entities (``&AMP;``), SGML entities (``&hyph;``), unclosed paragraphs.

The TREC disks (AP, WSJ, FT, LA Times, FBIS)::

    <DOC>
    <DOCNO> AP880212-0001 </DOCNO>
    <FILEID>AP-NR-02-12-88 2344EST</FILEID>
    <HEAD>Council Approves Harbour Plan</HEAD>
    <DATELINE>PORTLAND, Maine (AP) </DATELINE>
    <TEXT>
       The city council voted 7-2 on Tuesday ...
    </TEXT>
    </DOC>

English Gigaword (``type`` is ``story``, ``multi``, ``advis`` or ``other``)::

    <DOC id="AFP_ENG_19940512.0004" type="story">
    <HEADLINE>
    Council approves harbour plan
    </HEADLINE>
    <DATELINE>PORTLAND, May 12 (AFP)</DATELINE>
    <TEXT>
    <P>
    The city council voted ...
    </P>
    </TEXT>
    </DOC>

As in ``reuters_sgml``, elements and fields are found by their start tags, each ending at its end
tag or, when that is missing, where the next field starts: a broken tag costs its field, not the
file. A ``<DOC>`` the file ends inside (no ``</DOC>``: a truncated download) is reported as cut,
never read as a shorter story.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

# A <DOC> start tag at the start of a line (TREC and Gigaword write one a line); "<DOCNO>",
# "<DOCID>" are not starts.
_START = re.compile(r"^[ \t]*<DOC(?=[\s>])([^>]*)>", re.IGNORECASE | re.MULTILINE)
_START_BYTES = re.compile(rb"^[ \t]*<DOC(?=[\s>])", re.IGNORECASE | re.MULTILINE)
_END = re.compile(r"</DOC\s*>", re.IGNORECASE)
_ATTR = re.compile(r"([A-Za-z_.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_TAGS = re.compile(r"<[^<>]*>")
_PARAGRAPH = re.compile(r"<P\b[^>]*>(.*?)(?:</P\s*>|(?=<P\b)|\Z)", re.IGNORECASE | re.DOTALL)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Fields, in the order they are looked for. A headline: Gigaword and FT HEADLINE, AP HEAD, WSJ HL,
# LA Times HEADLINE (paragraphs), FBIS TI/H3, Ziff TITLE.
_TITLE_TAGS = ("HEADLINE", "HEAD", "HL", "TTL", "TITLE", "TI", "H3")
_DATE_TAGS = ("DATE_TIME", "DATE", "DATE1", "DD")
# SGML entities of the TREC disks (Federal Register, FBIS) that HTML does not know.
_SGML_ENTITIES = {
    "&hyph;": "-",
    "&blank;": " ",
    "&space;": " ",
    "&bull;": "\u2022",
    "&cir;": "\u25cb",
    "&rsquo;": "\u2019",
    "&lsquo;": "\u2018",
}
_SGML_ENTITY = re.compile("|".join(map(re.escape, _SGML_ENTITIES)))
# Dates a DOCNO or id carries: Gigaword AFP_ENG_19940512.0004 (YYYYMMDD), AP880212-0001 and
# WSJ870324-0001 (YYMMDD), LA010189-0001 (MMDDYY). An FT headline opens with "FT  14 MAY 91 / ".
_GIGAWORD_ID = re.compile(r"_(\d{4})(\d\d)(\d\d)\.\d+$")
_YYMMDD_ID = re.compile(r"^(?:AP|WSJ)(\d\d)(\d\d)(\d\d)-\d+$", re.IGNORECASE)
_MMDDYY_ID = re.compile(r"^LA(\d\d)(\d\d)(\d\d)-\d+$", re.IGNORECASE)
_FT_HEADLINE = re.compile(r"^FT\s+(\d{1,2}\s+[A-Z]{3}\s+\d\d)\s*/\s*", re.IGNORECASE)
_YYMMDD = re.compile(r"^\s*(\d\d)(\d\d)(\d\d)\s*$")
# A date followed by what LA Times adds: "January 1, 1989, Sunday, Home Edition".
_LEADING_DATE = re.compile(r"^\s*([A-Z][a-z]+\.? \d{1,2}, \d{4})\b")


@dataclass(frozen=True, slots=True)
class Doc:
    position: int  # 1-based number of the <DOC> element in the file
    docno: str  # DOCNO (TREC) or the id attribute (Gigaword); "" when it has none
    record: dict  # id, text, title, published: the fields a JSON record has (text None: no text)
    kind: str  # Gigaword's type attribute, lower case ("story", "advis", ...); "" on the TREC disks
    cut: bool  # the file ends inside this element (no </DOC>)
    source: str  # the element as written: its size and a reject's sample


def looks_like(text: str) -> bool:
    """Whether decoded text opens as TREC/Gigaword SGML: its first tag is a ``<DOC>`` start tag
    followed by a DOCNO or an id (a text that mentions "<DOC>" further on is not)."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    found = _START.match(head)
    if not found:
        return False
    return "id" in _attrs(found.group(1)) or re.search(r"<DOCNO>", head, re.IGNORECASE) is not None


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(raw)}


@cache
def _field_re(name: str) -> re.Pattern:
    return re.compile(
        rf"<{name}\b[^>]*>(.*?)(?:</{name}\s*>|(?=\n\s*<(?!P\b|/P\b)[A-Za-z])|\Z)", re.IGNORECASE | re.DOTALL
    )


def _field(name: str, block: str) -> str | None:
    """The content of the first ``<name>`` in ``block``: to its end tag, or to the next start tag
    of a field (a line opening with a tag that is not a paragraph) when it has none."""
    found = _field_re(name).search(block)
    return found.group(1) if found else None


_TEXT_START = re.compile(r"<TEXT\b[^>]*>", re.IGNORECASE)
_TEXT_END = re.compile(r"</TEXT\s*>", re.IGNORECASE)


def _texts(block: str) -> list[str]:
    """The content of each ``<TEXT>``: to its end tag, else to the next ``<TEXT>`` or the end."""
    out, pos = [], 0
    while start := _TEXT_START.search(block, pos):
        end = _TEXT_END.search(block, start.end())
        following = _TEXT_START.search(block, start.end())
        stop = min(m.start() for m in (end, following) if m) if (end or following) else len(block)
        out.append(block[start.end() : stop])
        pos = end.end() if end and end.start() == stop else stop
    return out


def _plain(value: str) -> str:
    """Tags dropped, entities decoded (HTML's and the SGML ones of the TREC disks), controls gone."""
    value = _SGML_ENTITY.sub(lambda m: _SGML_ENTITIES[m.group(0)], _TAGS.sub(" ", value))
    return _CONTROLS.sub("", html.unescape(value))


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(_plain(value).split()) or None


def _body(block: str) -> str | None:
    """The text of every ``<TEXT>`` (AP splits long stories into several): ``<P>`` paragraphs one a
    line (Gigaword, LA Times); text without paragraphs kept as wrapped, indents and all (the
    cleaner unwraps hard-wrapped lines by them). None when the element has no ``<TEXT>``."""
    texts = _texts(block)
    if not texts:
        return None
    out: list[str] = []
    for text in texts:
        paragraphs = _PARAGRAPH.findall(text)
        if paragraphs:
            out.extend(p for p in (_one_line(p) for p in paragraphs) if p)
        else:
            # Wire layout kept: paragraphs start indented, wrapped lines do not (ingest's unwrap
            # joins the wrapped lines by it; text/unwrap.py).
            lines = [line.rstrip() for line in _plain(text).splitlines()]
            out.append("\n".join(lines).strip("\n"))
    return "\n".join(part for part in out if part).strip("\n")


def _published(docno: str, block: str, title: str | None) -> str | None:
    """An ISO date from the element: a DATE field, else the FT headline's date, else the date the
    DOCNO or Gigaword id carries. None when none says one (ingest.dates decides the rest)."""
    for tag in _DATE_TAGS:
        value = _one_line(_field(tag, block))
        if value:
            if m := _YYMMDD.match(value):
                return f"19{m.group(1)}-{m.group(2)}-{m.group(3)}"
            if m := _LEADING_DATE.match(value):
                return m.group(1)
            return value
    if title and (m := _FT_HEADLINE.match(title)):
        return m.group(1)
    if m := _GIGAWORD_ID.search(docno):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if m := _YYMMDD_ID.match(docno):
        return f"19{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if m := _MMDDYY_ID.match(docno):
        return f"19{m.group(3)}-{m.group(1)}-{m.group(2)}"
    return None


def _title(block: str) -> str | None:
    """The headline; a WSJ ``HL`` also holds the byline after a line of dashes: cut there."""
    for tag in _TITLE_TAGS:
        raw = _field(tag, block)
        if raw is None:
            continue
        raw = re.split(r"\n\s*-{3,}", raw, maxsplit=1)[0]
        title = _one_line(raw)
        if title:
            return title
    return None


def docs(text: str, first: int = 1) -> Iterator[Doc]:
    """The ``<DOC>`` elements of ``text`` as documents, numbered from ``first``."""
    starts = list(_START.finditer(text))
    for n, start in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        element = text[start.start() : end]
        close = _END.search(element)
        block = element[: close.start() if close else len(element)]
        attrs = _attrs(start.group(1))
        # The fields a story is described by come before its text: looked for there only (a
        # missing tag is then not searched for through the whole story)
        text_at = _TEXT_START.search(block)
        head = block[: text_at.start()] if text_at else block
        docno = attrs.get("id") or _one_line(_field("DOCNO", head)) or ""
        title = _title(head)
        published = _published(docno, head, title)
        if title and (m := _FT_HEADLINE.match(title)):
            title = title[m.end() :] or None
        body = _body(block)
        if body and "``" in body:  # AP and WSJ write quotes as ``…'': the quote marks they are
            body = body.replace("``", '"').replace("''", '"')
        record = {"id": docno or None, "text": body, "title": title, "published": published}
        yield Doc(
            first + n,
            docno,
            record,
            attrs.get("type", "").lower(),
            cut=close is None and n + 1 == len(starts),
            source=element.rstrip(),
        )


def element_starts(data: bytes) -> list[int]:
    """Byte offsets at which the ``<DOC>`` elements of ``data`` start: where a large file may be cut."""
    return [m.start() for m in _START_BYTES.finditer(data)]
