"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one record per ``<item>`` / ``<entry>``.

A scraped-news folder holds feeds as often as pages (``.xml``, ``.rss``, ``.atom``). A feed is
told by its root element (``rss``, ``rdf:RDF``, Atom ``feed``), not its name: another XML file is
``NotAFeed`` naming its root, so the reader can say so.

**Safe XML.** Feeds come from anywhere, so the parser never resolves entities, never loads a DTD
and never touches the network (lxml ``resolve_entities=False, load_dtd=False, no_network=True``;
``huge_tree=False`` keeps libxml2's limits on depth and text-node size). A file whose DOCTYPE
declares entities (``<!ENTITY …>``: the billion-laughs bomb, an external entity pointing at
``/etc/passwd`` or an intranet URL) is ``Unsafe`` before any item is read: no feed needs them, and
expanding nothing would still leave the references in the text. A reference to an entity the file
does not declare (RSS 0.91's ``&eacute;`` under the Netscape DTD) becomes that HTML character.

**Streaming.** ``iterparse`` reads the file in blocks and each item is dropped once read, so memory
is an item, not the feed. ``first``/``stop`` select items by position: a large feed is read in
parts of items (``factsieve.ingest.parts``), each part parsing the file and skipping the items
before its own (the parse is cheap; extracting the items' HTML is what the workers share).

**Malformed XML** (truncated download, a byte the declared encoding cannot hold, mixed encodings):
the items before the break are records, and the break is one ``Broken`` record for the rest of the
file, with the parser's line and column. When nothing was read before the break the whole file is
``Malformed``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from factsieve.ingest.feed_bytes import LegacyLinesAsUtf8
from factsieve.ingest.html import is_markup

ATOM = "http://www.w3.org/2005/Atom"
_RSS1 = "http://purl.org/rss/1.0/"
_RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
# A WordPress export (WXR: RSS with wp:* elements, namespace http://wordpress.org/export/1.x/) lists
# a site's attachments, menu entries, revisions and blocks as items beside its posts and pages; the
# record's WXR_KIND field holds an item's wp:post_type (round 10: each was a missing_text reject).
_WXR_TYPE = "}post_type"
_WXR_KIND = "wp_post_type"
WXR_KIND = _WXR_KIND
_XHTML = "http://www.w3.org/1999/xhtml"

# root tag -> the tag of its records
_ITEMS = {
    "rss": frozenset({"item"}),
    f"{{{_RDF}}}RDF": frozenset({f"{{{_RSS1}}}item", f"{{{_RSS090}}}item", "item"}),
    f"{{{ATOM}}}feed": frozenset({f"{{{ATOM}}}entry"}),
}
_TAG = re.compile(r"<[A-Za-z/!]")


class NotAFeed(Exception):
    """Well-formed XML whose root element is not a feed's; the message names the root."""


class Unsafe(Exception):
    """The DOCTYPE declares entities: the file is not read."""


class Malformed(Exception):
    """The XML breaks before the first item; the message has the parser's line and column."""


@dataclass(frozen=True, slots=True)
class Item:
    position: int  # 1-based number of the item in the file
    line: int  # line of its start tag (0 when the parser could not tell)
    record: dict  # id, text, title, url, published: the fields a JSON record has
    source: str  # the item as XML: its size and a reject's sample


@dataclass(frozen=True, slots=True)
class Broken:
    """The XML breaks after ``position - 1`` items: the rest of the file is not read."""

    position: int
    detail: str


def _entity(name: str) -> str:
    """An undeclared entity reference as the HTML character it names (RSS 0.91 feeds use HTML's
    under the Netscape DTD), else nothing. Never an expansion: one character at most."""
    text = html.unescape(f"&{name};")
    return "" if text.startswith("&") else text


def _text(el) -> str:
    """The text of ``el`` and its descendants, undeclared entity references as their character."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child, etree._Entity):
            out.append(_entity(child.name))
        elif isinstance(child.tag, str):
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


# The text of an element as every XML reader here takes it (factsieve.ingest.news_xml too).
text_of = _text


def _strip_tags(markup: str) -> str:
    """Text of HTML too slight for the main-text extractor (a teaser with one ``<img>`` or ``<b>``,
    entities): tags dropped, entities decoded."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.unescape(markup)
    etree.strip_elements(root, "script", "style", with_tail=False)
    return root.text_content()


def _html_field(markup: str) -> str:
    """A field that holds HTML (RSS ``description`` and ``content:encoded``, Atom ``type="html"``):
    article markup is left whole for the main-text extractor (``factsieve.ingest.html``, as for a
    JSON record's HTML body); a slight fragment or escaped text is reduced to its text here."""
    if is_markup(markup):
        return markup
    if _TAG.search(markup):
        return _strip_tags(markup)
    return html.unescape(markup) if "&" in markup else markup  # escaped text ("AT&amp;T", "&lt;BP&gt;")


def _atom_text(el) -> str:
    """An Atom text construct (``title``, ``summary``, ``content``) by its ``type``: ``xhtml`` is
    a ``div`` of XHTML elements, ``html`` escaped markup, ``text`` (the default) plain text."""
    kind = el.get("type", "text").lower()
    if kind == "xhtml":
        markup = "".join(
            etree.tostring(child, method="html", encoding="unicode", with_tail=True)
            for child in el
            if isinstance(child.tag, str)
        )
        return _html_field(markup or el.text or "")
    text = _text(el)
    return _html_field(text) if kind in ("html", "text/html") else text


def _first(el, *tags: str):
    for tag in tags:
        found = el.find(tag)
        if found is not None:
            return found
    return None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _title(value: str | None) -> str | None:
    """A title as one line of text: markup kept for the main-text extractor is no title's (an Atom
    ``type="xhtml"`` title was its ``<div xmlns=…>`` markup, round 9)."""
    return _clean(_strip_tags(value) if value and _TAG.search(value) else value)


def _rss_record(el, ns: str) -> dict:
    """The fields of an RSS 2.0 / 0.9x item (``ns`` ""), or of an RSS 1.0 item (``ns`` its
    namespace in braces): the text is ``content:encoded``, else ``description``."""
    content = el.find(_CONTENT)
    description = el.find(f"{ns}description")
    text = None
    if content is not None and _text(content).strip():
        text = _html_field(_text(content))
    elif description is not None:
        text = _html_field(_text(description))
    guid = el.find("guid")
    date = _first(el, f"{ns}pubDate", _DC_DATE, "pubDate")
    kind = next((c for c in el if isinstance(c.tag, str) and c.tag.endswith(_WXR_TYPE)), None)
    return {
        _WXR_KIND: _clean(_text(kind)) if kind is not None else None,
        "id": _clean(_text(guid)) if guid is not None else _clean(el.get(f"{{{_RDF}}}about")),
        "text": text,
        "title": _title(_html_field(_text(t))) if (t := el.find(f"{ns}title")) is not None else None,
        "url": _clean(_text(link)) if (link := el.find(f"{ns}link")) is not None else None,
        "published": _clean(_text(date)) if date is not None else None,
    }


def _atom_link(el) -> str | None:
    """The entry's own page: the ``alternate`` link (a link without ``rel`` is one), else the
    first link with an address."""
    links = el.findall(f"{{{ATOM}}}link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href").strip()
    return next((link.get("href").strip() for link in links if link.get("href")), None)


def _atom_record(el) -> dict:
    """The fields of an Atom entry: the text is ``content`` (unless it points elsewhere with
    ``src``), else ``summary``; the date ``published``, else ``updated``."""
    content = el.find(f"{{{ATOM}}}content")
    summary = el.find(f"{{{ATOM}}}summary")
    text = None
    if content is not None and content.get("src") is None and _atom_text(content).strip():
        text = _atom_text(content)
    elif summary is not None:
        text = _atom_text(summary)
    date = _first(el, f"{{{ATOM}}}published", f"{{{ATOM}}}updated")
    title = el.find(f"{{{ATOM}}}title")
    ident = el.find(f"{{{ATOM}}}id")
    return {
        "id": _clean(_text(ident)) if ident is not None else None,
        "text": text,
        "title": _title(_atom_text(title)) if title is not None else None,
        "url": _atom_link(el),
        "published": _clean(_text(date)) if date is not None else None,
    }


def _record(el) -> dict:
    tag = el.tag
    if tag == f"{{{ATOM}}}entry":
        return _atom_record(el)
    return _rss_record(el, tag[: tag.index("}") + 1] if tag.startswith("{") else "")


# lxml settings of every XML reader here (feeds, factsieve.ingest.news_xml): nothing expanded,
# no DTD loaded, no network, libxml2's limits on depth and text-node size kept.
SAFE_XML = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def check_entities(root) -> None:
    """Raises ``Unsafe`` when the document of ``root`` declares entities in its DOCTYPE."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        names = ", ".join(e.name for e in list(dtd.iterentities())[:5])
        raise Unsafe(
            f"the DOCTYPE declares entities ({names}): not expanded and not read (entity expansion "
            "bombs and external entities are how XML files attack their readers)"
        )


def _check_root(root) -> frozenset[str]:
    """The item tags of ``root``'s feed type; raises when the file is not a feed or declares entities."""
    check_entities(root)
    tag = root.tag if isinstance(root.tag, str) else ""
    found = _ITEMS.get(tag)
    if found is None:
        ns, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
        shown = f"<{local}> (namespace {ns})" if ns else f"<{local}>"
        raise NotAFeed(f"root element {shown}, not a feed's <rss>, <rdf:RDF> or Atom <feed>")
    return found


def _where(exc: etree.XMLSyntaxError) -> str:
    line, column = exc.position
    # libxml2's message may quote the text after the error on further lines: the first says it
    message = (
        str(exc.msg or exc).splitlines()[0].split(", line ")[0].rstrip(".") if str(exc.msg or exc) else "?"
    )
    return f"line {line}, column {column}: {message}"


# Only the elements that matter reach Python (a root that may be a feed's, an item): the parser
# skips the rest in C, which makes skipping the items before a part's own ~5x cheaper.
_EVENT_TAGS = sorted({*_ITEMS, *(tag for tags in _ITEMS.values() for tag in tags)})


def _item_elements(fh: BinaryIO) -> Iterator:
    """The item elements of the feed in ``fh`` in order, each dropped (with the ones before it)
    once the consumer is done with it: memory stays one item. Raises ``NotAFeed`` or ``Unsafe``
    at the root, ``etree.XMLSyntaxError`` where the XML breaks."""
    parser = etree.iterparse(
        LegacyLinesAsUtf8(fh),  # stray cp1252 lines in a UTF-8 feed no longer break it
        events=("start", "end"),
        tag=_EVENT_TAGS,
        **SAFE_XML,
    )
    wanted: frozenset[str] | None = None
    try:
        for event, el in parser:
            if wanted is None:
                wanted = _check_root(el.getroottree().getroot())
            if event == "end" and el.tag in wanted:
                yield el
                el.clear(keep_tail=False)
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError:
        if wanted is None and parser.root is not None:
            _check_root(parser.root)  # entities declared, or not a feed, said before the break
        raise
    if wanted is None:
        _check_root(parser.root)  # a document with no element a feed has: what its root is


def items(fh: BinaryIO, first: int = 1, stop: int | None = None) -> Iterator[Item | Broken]:
    """The items of the feed in ``fh`` numbered ``first`` to ``stop - 1`` (``stop`` None: to the
    end), then a ``Broken`` when the XML breaks after item ``first - 1``. Raises ``NotAFeed``,
    ``Unsafe``, or ``Malformed`` when the XML breaks before any item."""
    position = 0
    try:
        for position, el in enumerate(_item_elements(fh), start=1):  # noqa: B007 — read after the loop
            if stop is not None and position >= stop:
                return
            if position >= first:
                source = etree.tostring(el, encoding="unicode", with_tail=False)
                yield Item(position, el.sourceline or 0, _record(el), source)
    except etree.XMLSyntaxError as exc:
        if position == 0:
            raise Malformed(_where(exc)) from None
        if position + 1 >= first:
            yield Broken(position + 1, f"the XML breaks at {_where(exc)}; the rest of the file is not read")


def count(fh: BinaryIO) -> int:
    """How many items the feed in ``fh`` holds before its end or first break (0 when it is not a
    feed that can be read): the planning pass of a feed read in parts."""
    n = 0
    try:
        for _ in _item_elements(fh):
            n += 1
    except (NotAFeed, Unsafe, etree.XMLSyntaxError):
        pass
    return n
