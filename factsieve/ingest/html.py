"""Main text of HTML: a whole page (``.html`` files) or the markup a JSON record's text field holds.

Public news dumps often store the article body as HTML (``"<p>…</p><p>…</p>"``, with entities,
share buttons and related-links lists): read as plain text, the tags, ``&amp;`` and the furniture
would be the document. ``is_markup`` decides cheaply, by content, whether a text is such markup;
``main_text`` extracts the article with trafilatura, the same extractor as for pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tags of article markup: a closing block or inline tag, a <br>, an opening <p>. Two of them are
# needed, so a story that mentions "<p>" once, or "a < b > c", stays text.
_MARKUP = re.compile(
    r"</(?:p|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article"
    r"|table|tr|td|script|style|noscript)\s*>|<br\s*/?>|<p[\s>]",
    re.IGNORECASE,
)
_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_HEAD_CHARS = 20_000  # markup shows at the start; a long plain text is not scanned to its end

# An attribute value this long holds no article text: an inline image, font or video as a data:
# URI (pages saved "complete", SingleFile). libxml2 stops at a value over 10,000,000 characters and
# trafilatura then got nothing after it: a page with a 12 MB inline image lost the paragraphs
# below it, silently, and one with a 50 MB attribute was a no_main_text reject.
_MAX_VALUE_CHARS = 1_000_000
_MAX_FALLBACK_TAGS = 20_000  # "<" in a page (opening and closing tags) past which no fallback runs
_HUGE_VALUE = re.compile(rf"""=\s*(?:"[^"]{{{_MAX_VALUE_CHARS},}}"|'[^']{{{_MAX_VALUE_CHARS},}}')""")


# libxml2's HTML parser (under lxml and trafilatura) stops descending at 256 levels and drops the
# text below; the text after such a run of nesting was lost too (100,000 nested <div>s around an
# article: no_main_text; an article with a 100,000-deep <span> in it: the paragraphs after it
# silently gone). Tags opening deeper than _FLAT_DEPTH are dropped, their text kept, before
# extraction: the article reads as it would with sane markup.
_PARSER_DEPTH = 255
_FLAT_DEPTH = 64
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)[^<>]*>?")  # [^<>]: an unclosed "<a" ends at the next "<"
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements HTML closes when a sibling opens ("<p>a<p>b"): not deeper nesting.
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option".split())
_CLOSE_SEARCH = 16  # how far down the open elements a closing tag is matched
# Paragraphs, headings and list items under the flattened containers keep their tags (and so the
# line breaks between them), within some room of their own.
_TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th br".split())
_BLOCK_ROOM = 32
# libxml2 stops at a text node over 10,000,000 characters (without its "huge" option, which would
# lift every other limit too).
PARSER_TEXT_NODE_CHARS = 10_000_000


def _close_siblings(stack: list[str], name: str) -> None:
    """Close what opening ``name`` closes in HTML: an open <p> before a block, and an open element
    of the same name (``<li>a<li>b``) with the implicitly closed ones above it (``<li><p>a<li>``)."""
    if stack and stack[-1] == "p":
        stack.pop()
    if name in _SELF_CLOSING_SIBLINGS:
        for k in range(len(stack) - 1, max(-1, len(stack) - 5), -1):
            if stack[k] == name:
                del stack[k:]
                return
            if stack[k] not in _SELF_CLOSING_SIBLINGS:
                return


def _flattened(html: str) -> str | None:
    """``html`` with the tags that open deeper than ``_FLAT_DEPTH`` (and their closing tags)
    removed, when its nesting passes the parser's depth; else None. One pass over the tags."""
    if html.count("<") <= _PARSER_DEPTH:
        return None
    stack: list[str] = []
    deeper = deepest = 0  # elements open below the kept ones; the most at once
    drop: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):  # a closing tag: the nearest open element of its name
            for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _CLOSE_SEARCH), -1):
                if stack[k] == name:
                    del stack[k:]
                    break
            else:
                drop.append(m.span())  # closes a dropped element, or nothing open
                deeper = max(0, deeper - 1)
            continue
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        if name in _SELF_CLOSING_SIBLINGS or name in _TEXT_BLOCKS:
            _close_siblings(stack, name)
        if len(stack) >= (_FLAT_DEPTH + _BLOCK_ROOM if name in _TEXT_BLOCKS else _FLAT_DEPTH):
            drop.append(m.span())
            deeper += 1
            deepest = max(deepest, len(stack) + deeper)
            continue
        stack.append(name)
    if deepest <= _PARSER_DEPTH:
        return None
    out, pos = [], 0
    for start, end in drop:
        out.append(html[pos:start])
        pos = end
    out.append(html[pos:])
    return "".join(out)


def longest_text_node(html: str) -> int:
    """The length of the longest text between two tags (attribute values are not text: a page saved
    "complete" holds megabytes of data: URIs); only a page longer than the parser's text-node limit
    is scanned, one ``find`` per tag."""
    if len(html) <= PARSER_TEXT_NODE_CHARS:
        return len(html)
    longest = start = 0
    while True:
        lt = html.find("<", start)
        longest = max(longest, (len(html) if lt == -1 else lt) - start)
        gt = html.find(">", lt) if lt != -1 else -1
        if gt == -1:
            return longest
        start = gt + 1


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    url: str | None
    date: str | None


def is_markup(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than text that mentions a tag."""
    if "<" not in text:
        return False
    matches = _MARKUP.finditer(text, 0, _HEAD_CHARS)
    return next(matches, None) is not None and next(matches, None) is not None


# A record's field that opens with an element (a CMS export's `<div class="story">…</div>`, a
# `<span>` or an `<img>` before the text) is markup even with one tag of ``_MARKUP`` or none:
# read as text it was a document of tags (round 7's leftovers).
_OPENING_TAG = re.compile(
    r"\A\s*<(?:!doctype|html|head|body|main|article|section|header|div|span|p|a|b|i|em|strong|font|center"
    r"|img|figure|picture|h[1-6]|table|ul|ol|li|blockquote|br|hr)[\s>/]",
    re.IGNORECASE,
)


def is_field_markup(text: str, html_field: bool = False) -> bool:
    """Whether a record's text field holds HTML: ``is_markup``, or it opens with an element; any
    tag at all when the field is named as HTML (``html_field``: ``body_html``, ...)."""
    if "<" not in text:
        return False
    if is_markup(text) or _OPENING_TAG.match(text):
        return True
    return html_field and re.search(r"<[A-Za-z!/]", text) is not None


def _only_links(html: str, text: str) -> bool:
    """Whether every line of ``text`` is the text of one of the page's links: a navigation page, a
    site map or a section front with no article, where trafilatura falls back to the menus. A
    story that quotes a linked headline has other lines too."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # empty or not a tree at all
        return False
    links = {" ".join(a.text_content().split()) for a in root.iter("a")}
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return bool(links) and all(line in links for line in lines)


def main_text(html: str, fragment: bool = False) -> Extracted | None:
    """The main text (boilerplate removed, entities decoded), title, URL and date of ``html``, or
    None when trafilatura finds no main text, or only the texts of links (menus). ``fragment``: markup from a record's field, read as
    a page's body unless it is a whole page."""
    import trafilatura  # imported lazily: it pulls in lxml and date parsers (~0.3 s)

    if fragment and not _PAGE.search(html, 0, _HEAD_CHARS):
        html = f"<html><body>{html}</body></html>"
    if len(html) > _MAX_VALUE_CHARS:
        html = _HUGE_VALUE.sub('=""', html)
    html = _flattened(html) or html
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        # trafilatura's fallbacks are quadratic in a run of short elements (jusText looks for each
        # one's nearest long neighbour): a 1 MB table of 100,000 cells took ~10 CPU-minutes, 1M
        # <p> elements longer. Past _MAX_FALLBACK_TAGS tags only its own linear pass runs (~2-5 CPU-s
        # per MB); a news page has a few thousand (docs/OPERATIONS.md "Hostile records, round 10").
        fast=html.count("<") > _MAX_FALLBACK_TAGS,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip() or _only_links(html, text):
        return None
    return Extracted(text, extracted.title or None, extracted.url or None, extracted.date)
