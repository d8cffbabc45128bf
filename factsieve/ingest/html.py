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
_HUGE_VALUE = re.compile(rf"""=\s*(?:"[^"]{{{_MAX_VALUE_CHARS},}}"|'[^']{{{_MAX_VALUE_CHARS},}}')""")


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
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip() or _only_links(html, text):
        return None
    return Extracted(text, extracted.title or None, extracted.url or None, extracted.date)
