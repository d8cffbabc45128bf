"""News articles as XML documents, one article a file, as public corpora and extractors ship them:

- **NITF** (IPTC's News Industry Text Format; the New York Times Annotated Corpus, LDC2008T19:
  ``data/1987/01/01/0000000.xml``): ``<nitf><head><title>``, ``<pubdata date.publication=…>``,
  ``<doc-id id-string=…>``; ``<body.head><hedline><hl1>``; ``<body.content><block
  class="full_text"><p>`` (a ``lead_paragraph`` block repeats the story's first paragraphs);
- **Reuters Corpus Volume 1** (RCV1, ``2286newsML.xml``): ``<newsitem itemid=… date=…>`` with
  ``<headline>``, ``<text><p>``;
- **TEI** as trafilatura writes it (``output_format="xmltei"``): ``<TEI><teiHeader>`` with the
  title, date and URL; ``<text><body><div type="entry">`` (``div type="comments"`` is readers');
- **NewsML-G2** (IPTC; agency deliveries): ``<newsItem guid=…>`` with ``contentMeta/headline`` and
  the story inline in ``contentSet`` (NITF, XHTML or plain text); a ``<newsMessage>`` (a delivery
  of several items in ``itemSet``, round 9) is one article per ``newsItem``;
- **trafilatura's XML** (``output_format="xml"``): ``<doc title=… date=… url=…><main>``
  (``<comments>`` is readers').

The same safe parser settings as feeds (``factsieve.ingest.feeds``): no entity is expanded, no DTD
loaded, no network touched; a DOCTYPE that declares entities is ``Unsafe`` (NITF's DOCTYPE names
an external DTD and declares none: read). Paragraph-level elements become one line each.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from factsieve.ingest.feeds import SAFE_XML, Malformed, NotAFeed, check_entities, text_of

_TEI = "{http://www.tei-c.org/ns/1.0}"
# Elements whose text is one line of the document (when they hold no such element themselves).
_BLOCKS = frozenset({"p", "head", "ab", "item", "quote", "l", "hl2", "td", "lg"})
ROOTS = ("nitf", "newsitem", "TEI", "doc", "newsItem", "newsMessage")
# NewsML-G2 (IPTC; what AP, AFP, Reuters and dpa deliver): the News Architecture namespace.
_G2 = "{http://iptc.org/std/nar/2006-10-01/}"


@dataclass(frozen=True, slots=True)
class Article:
    kind: str  # nitf, rcv1, tei, trafilatura
    record: dict  # id, text, title, url, published: the fields a JSON record has (text None: none)
    where: str  # where the text was looked for, for a reject's detail


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _one_line(el) -> str | None:
    if el is None:
        return None
    value = " ".join(text_of(el).split())
    return value or None


def _lines(container) -> str | None:
    """The text of ``container``: each innermost paragraph-level element a line."""
    if container is None:
        return None
    out = []
    for el in container.iter():
        if _local(el.tag) in _BLOCKS and not any(_local(c.tag) in _BLOCKS for c in el.iterdescendants()):
            line = _one_line(el)
            if line:
                out.append(line)
    if not out:  # text with no paragraph elements at all
        line = _one_line(container)
        return line
    return "\n".join(out)


def _nitf(root) -> Article:
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""

    def q(path: str) -> str:
        return "/".join(f"{ns}{step}" if step and step[0].isalpha() else step for step in path.split("/"))

    blocks = root.findall(q(".//body.content/block"))
    full = [b for b in blocks if b.get("class") == "full_text"]
    leads = [b for b in blocks if b.get("class") in ("lead_paragraph", "online_lead_paragraph")]
    # full_text holds the whole story and begins with what lead_paragraph repeats: never both.
    chosen = full or leads[:1] or [b for b in blocks if b.get("class") not in ("lead_paragraph",)]
    text = "\n".join(t for t in (_lines(b) for b in chosen) if t) or None
    pubdata = root.find(q("head/pubdata"))
    issue = root.find(q("head/docdata/date.issue"))
    published = (pubdata.get("date.publication") if pubdata is not None else None) or (
        issue.get("norm") if issue is not None else None
    )
    doc_id = root.find(q("head/docdata/doc-id"))
    title = _one_line(root.find(q(".//body.head/hedline/hl1"))) or _one_line(root.find(q("head/title")))
    return Article(
        "nitf",
        {
            "id": doc_id.get("id-string") if doc_id is not None else None,
            "text": text,
            "title": title,
            "url": (pubdata.get("ex-ref") if pubdata is not None else None) or None,
            "published": _nitf_date(published),
        },
        "<body.content> blocks (full_text, lead_paragraph)",
    )


def _nitf_date(value: str | None) -> str | None:
    """NITF's ISO 8601 basic form (``19870101T000000``) as the extended form dates.py reads."""
    if value and len(value) >= 8 and value[:8].isdigit():
        date = f"{value[:4]}-{value[4:6]}-{value[6:8]}"
        rest = value[8:]
        if rest.startswith("T") and rest[1:7].isdigit():
            return f"{date}T{rest[1:3]}:{rest[3:5]}:{rest[5:7]}{rest[7:]}"
        return date
    return value


def _rcv1(root) -> Article:
    return Article(
        "rcv1",
        {
            "id": root.get("itemid"),
            "text": _lines(root.find("text")),
            "title": _one_line(root.find("headline")) or _one_line(root.find("title")),
            "url": None,
            "published": root.get("date"),
        },
        "<text>",
    )


def _tei(root) -> Article:
    header = root.find(f"{_TEI}teiHeader")
    title = date = url = None
    if header is not None:
        titles = header.findall(f".//{_TEI}titleStmt/{_TEI}title")
        main = [t for t in titles if t.get("type") == "main"] or titles
        title = _one_line(main[0]) if main else None
        dates = [d for d in header.iter(f"{_TEI}date") if d.get("type") != "download"]
        date = _one_line(dates[0]) if dates else None
        ptr = header.find(f".//{_TEI}ptr[@type='URL']")
        url = ptr.get("target") if ptr is not None else None
    body = root.find(f"{_TEI}text/{_TEI}body")
    entries = [] if body is None else [d for d in body if d.get("type") != "comments"]
    text = "\n".join(t for t in (_lines(d) for d in entries) if t) or None
    ident = header.find(f".//{_TEI}idno") if header is not None else None
    return Article(
        "tei",
        {"id": _one_line(ident), "text": text, "title": title, "url": url, "published": date},
        '<text><body> (not <div type="comments">)',
    )


def _trafilatura(root) -> Article:
    return Article(
        "trafilatura",
        {
            "id": root.get("id") or None,
            "text": _lines(root.find("main")),
            "title": root.get("title") or None,
            "url": root.get("url") or root.get("source") or None,
            "published": root.get("date") or None,
        },
        "<main>",
    )


def _g2(root) -> Article:
    """A NewsML-G2 ``<newsItem>``: title ``contentMeta/headline``, date ``itemMeta/firstCreated``
    else ``contentMeta/contentCreated`` else ``itemMeta/versionCreated``, id ``@guid``; text the
    ``contentSet``'s inline content: NITF's ``<body.content>``, an XHTML ``<body>``, or plain text
    (``inlineData``). Remote content (``remoteContent``: a link to a rendition) is no text."""
    meta, content = root.find(f"{_G2}itemMeta"), root.find(f"{_G2}contentMeta")

    def first(parent, *names: str) -> str | None:
        for name in names:
            found = _one_line(parent.find(f"{_G2}{name}")) if parent is not None else None
            if found:
                return found
        return None

    text = None
    for inline in root.iterfind(f"{_G2}contentSet/{_G2}inlineXML"):
        body = next((e for e in inline.iter() if _local(e.tag) in ("body.content", "body")), inline)
        text = _lines(body)
        if text:
            break
    if not text:
        data = root.find(f"{_G2}contentSet/{_G2}inlineData")
        text = (text_of(data).strip() or None) if data is not None else None
    published = (
        first(meta, "firstCreated") or first(content, "contentCreated") or first(meta, "versionCreated")
    )
    return Article(
        "newsml-g2",
        {
            "id": root.get("guid"),
            "text": text,
            "title": first(content, "headline"),
            "url": None,
            "published": published,
        },
        "<contentSet> (inlineXML, inlineData)",
    )


_READERS = {
    "nitf": _nitf,
    f"{_G2}newsItem": _g2,
    "newsitem": _rcv1,
    f"{_TEI}TEI": _tei,
    "TEI": _tei,
    "doc": _trafilatura,
}


def article(data: bytes) -> Article:
    """The article in the XML document ``data``. Raises ``NotAFeed`` (the root is no news
    format's), ``Unsafe`` (entities declared) or ``Malformed`` (line and column of the break)."""
    return _article(_root(data))


def articles(data: bytes) -> tuple[list[Article], Counter[str]]:
    """The articles in ``data``: one for an article's root, one per ``newsItem`` of a NewsML-G2
    ``newsMessage``, with the message's other items counted by kind (``packageItem``,
    ``conceptItem``, ``planningItem``: lists and metadata, no story). Raises as ``article``; a
    message with no ``newsItem`` is ``NotAFeed`` naming what it holds."""
    root = _root(data)
    if root.tag != f"{_G2}newsMessage":
        return [_article(root)], Counter()
    items, others = [], Counter()
    for item in root.iterfind(f"{_G2}itemSet/*"):
        if item.tag == f"{_G2}newsItem":
            items.append(_g2(item))
        elif isinstance(item.tag, str):
            others[f"NewsML-G2 {_local(item.tag)}"] += 1
    if not items:
        held = ", ".join(f"{k.split()[-1]} {n}" for k, n in sorted(others.items())) or "no item"
        raise NotAFeed(f"a NewsML-G2 <newsMessage> with no <newsItem> ({held})")
    return items, others


def _root(data: bytes):
    try:
        root = etree.fromstring(data, etree.XMLParser(**SAFE_XML))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = str(exc.msg or exc).splitlines()[0].split(", line ")[0].rstrip(".") if str(exc) else "?"
        raise Malformed(f"line {line}, column {column}: {message}") from None
    check_entities(root)
    return root


def _article(root) -> Article:
    tag = root.tag if isinstance(root.tag, str) else ""
    read = _READERS.get(tag) or _READERS.get(_local(tag) if _local(tag) in ("nitf", "newsitem") else "")
    if tag == "doc" and root.find("main") is None:
        read = None  # a <doc> that is not trafilatura's (TREC-like XML, a config file)
    if read is None:
        ns, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
        shown = f"<{local}> (namespace {ns})" if ns else f"<{local}>"
        raise NotAFeed(
            f"root element {shown}, not a feed's (<rss>, <rdf:RDF>, Atom <feed>) nor a news article's "
            "(NITF <nitf>, RCV1 <newsitem>, TEI <TEI>, trafilatura <doc>, NewsML-G2 <newsItem>)"
        )
    return read(root)


_XHTML_ROOT = re.compile(rb"<html[^>]*\sxmlns\s*=\s*[\"']http://www\.w3\.org/1999/xhtml[\"']")


def is_xhtml(data: bytes) -> bool:
    """Whether ``data`` is an XHTML page (an ``<html>`` root in the XHTML namespace): a web page
    saved under ``.xml``, read by the HTML reader."""
    return bool(_XHTML_ROOT.search(re.sub(rb"<[?!][^>]*>", b"", data[:8192])[:2048]))


def is_news_root(head: bytes) -> bool:
    """Whether the XML in ``head`` (a file's first bytes) has a news article's root element: the
    first element after the prolog (declaration, DOCTYPE, comments)."""
    found = re.search(rb"<([A-Za-z][\w.:-]*)[\s>/]", re.sub(rb"<[?!][^>]*>", b"", head[:8192]))
    local = found.group(1).split(b":")[-1].decode("ascii", "replace") if found else ""
    if local == "newsMessage":  # a delivery is news when it holds an item (not only packages)
        return b"newsItem" in head
    return local in ROOTS
