"""RSS and Atom feeds: one document per item/entry, text from the article HTML (content:encoded,
Atom content) else the description/summary, dates through ingest/dates.py, keys guid/id else link
else position. Another XML file, a hostile DOCTYPE, broken XML and items with no text are rejects
with a specific reason, never a traceback or silent loss."""

from __future__ import annotations

import gzip
import resource
import time

import pandas as pd

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Example News</title><link>https://news.example.com/</link><description>Top stories</description>
<item>
  <title>Port strike ends after three weeks</title>
  <link>https://news.example.com/port-strike</link>
  <guid isPermaLink="false">ex-1001</guid>
  <pubDate>Mon, 03 Jun 2024 09:30:00 +0100</pubDate>
  <description>Dock workers return on Monday.</description>
  <content:encoded><![CDATA[<p>Dock workers at the port voted to end their three-week strike on Monday, the union said.</p>
<p>Ships waiting offshore began unloading within hours, officials said.</p>
<div class="share"><a href="/share">Share</a></div><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Council backs &amp; funds bus plan</title>
  <link>https://news.example.com/bus-plan</link>
  <dc:date>2024-06-04T10:00:00Z</dc:date>
  <description>&lt;img src="bus.jpg"/&gt;The council voted 7-2 to add 40 buses &amp;amp; two routes, officials said.</description>
</item>
<item><title>Photo gallery: the week in pictures</title><link>https://news.example.com/gallery</link></item>
<item><description>Rain is expected across the north on Friday, forecasters at &amp;lt;MetCo&amp;gt; said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:feed</id><updated>2024-06-05T12:00:00Z</updated>
  <entry>
    <title type="html">Rates &lt;b&gt;held&lt;/b&gt; at 4.5%</title>
    <link rel="self" href="https://atom.example.com/api/1"/>
    <link rel="alternate" href="https://atom.example.com/rates"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2024-06-05T12:00:00Z</updated><published>2024-06-05T08:00:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The central bank held rates at 4.5 percent on Wednesday, its governor said.</p><p>Markets had expected the move.</p></div></content>
  </entry>
  <entry>
    <title>Factory output rises</title><id>tag:atom.example.com,2024:2</id>
    <updated>2024-06-06T12:00:00Z</updated>
    <summary>Factory output rose 2 percent in May, the statistics office said.</summary>
  </entry>
  <entry>
    <title>Port reopens</title><id>tag:atom.example.com,2024:3</id><updated>2024-06-07T12:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The port reopened on Friday &amp; ships sailed.</div></content>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.com/"><title>RDF News</title></channel>
<item rdf:about="https://rdf.example.com/harvest">
  <title>Harvest begins early</title><link>https://rdf.example.com/harvest</link>
  <description>Farmers began the wheat harvest two weeks early, the ministry said.</description>
  <dc:date>2024-07-01T06:00:00+02:00</dc:date>
</item>
</rdf:RDF>
"""


def _read(tmp_path, name: str, data: bytes | str, **limits) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return ingest.read_input(
        InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel=name), ingest.IngestLimits(**limits)
    )


def test_rss_items_are_documents_with_title_link_date_and_key(tmp_path):
    res = _read(tmp_path, "news.rss", RSS)
    by_key = {d.record_key: d for d in res.docs}
    assert list(by_key) == ["ex-1001", "https://news.example.com/bus-plan", "item:4"]
    strike = by_key["ex-1001"]
    assert (strike.format, strike.title, strike.url) == (
        "feed",
        "Port strike ends after three weeks",
        "https://news.example.com/port-strike",
    )
    assert strike.published_at == pd.Timestamp("2024-06-03 08:30", tz="UTC")
    # content:encoded wins over the description and goes through the HTML main-text path
    assert strike.text.splitlines()[0].startswith("Dock workers at the port voted")
    assert "Share" not in strike.text and "track()" not in strike.text and "<p>" not in strike.text
    bus = by_key["https://news.example.com/bus-plan"]
    assert bus.title == "Council backs & funds bus plan"
    assert bus.text == "The council voted 7-2 to add 40 buses & two routes, officials said."
    assert bus.published_at == pd.Timestamp("2024-06-04 10:00", tz="UTC")
    # no guid and no link: the key is the position (a one-sentence text gives no title to guess)
    assert (by_key["item:4"].url, by_key["item:4"].title) == (None, None)
    # escaped twice (HTML in XML): the text says "<MetCo>", not a tag
    assert (
        by_key["item:4"].text == "Rain is expected across the north on Friday, forecasters at <MetCo> said."
    )
    [gallery] = res.rejects
    assert (gallery.record_key, gallery.reason) == ("https://news.example.com/gallery", codes.MISSING_TEXT)
    assert "Photo gallery" in gallery.detail and gallery.detail.startswith("item 3:")


def test_atom_entries_and_rdf_items(tmp_path):
    res = _read(tmp_path, "blog.atom", ATOM)
    assert not res.rejects
    rates, output, port = res.docs
    assert port.text == "The port reopened on Friday & ships sailed."  # one <div>: its text, no tags
    assert (rates.record_key, rates.title, rates.url) == (
        "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a",
        "Rates held at 4.5%",
        "https://atom.example.com/rates",
    )
    assert rates.published_at == pd.Timestamp("2024-06-05 08:00", tz="UTC")  # published over updated
    assert (
        rates.text
        == "The central bank held rates at 4.5 percent on Wednesday, its governor said.\nMarkets had expected the move."
    )
    assert (output.record_key, output.url, output.published_at) == (
        "tag:atom.example.com,2024:2",
        None,
        pd.Timestamp("2024-06-06 12:00", tz="UTC"),
    )
    [harvest] = _read(tmp_path, "rdf.xml", RDF).docs
    assert (harvest.record_key, harvest.title, harvest.published_at) == (
        "https://rdf.example.com/harvest",
        "Harvest begins early",
        pd.Timestamp("2024-07-01 04:00", tz="UTC"),
    )


def test_xml_that_is_not_a_feed_names_its_root(tmp_path):
    svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect width="4"/></svg>\n'
    [rej] = _read(tmp_path, "logo.xml", svg).rejects
    assert rej.reason == codes.UNSUPPORTED_XML
    assert rej.detail.startswith("root element <svg> (namespace http://www.w3.org/2000/svg), not a feed's")
    [rej] = _read(
        tmp_path, "sitemap.xml", "<urlset><url><loc>https://x.example/</loc></url></urlset>"
    ).rejects
    assert (rej.reason, rej.detail.split(",")[0]) == (codes.UNSUPPORTED_XML, "root element <urlset>")


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>x</title>
<item><title>Laugh</title><description>Before &lol9; after.</description></item>
</channel></rss>
"""


def test_entity_bombs_and_external_entities_are_refused_quickly(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-0451")
    xxe = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">\n'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/feed">]>\n<rss version="2.0"><channel>\n'
        "<item><title>Leak</title><description>Here: &xxe; and &net; end.</description></item>\n"
        "</channel></rss>\n"
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    for name, data in [
        ("laughs.xml", LAUGHS),
        ("xxe.rss", xxe),
        ("laughs.xml.gz", gzip.compress(LAUGHS.encode())),
    ]:
        res = _read(tmp_path, name, data)
        assert not res.docs
        [rej] = res.rejects
        assert rej.reason == codes.UNSAFE_XML and "declares entities" in rej.detail
        assert "TOPSECRET" not in rej.detail + rej.sample
    assert time.process_time() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KB: no expansion


def test_an_external_dtd_is_never_loaded(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY sentinel "LOADED-FROM-DISK">')
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file://{dtd}">\n<rss version="0.91"><channel>\n'
        "<item><title>Caf&eacute; opens</title><description>A caf&eacute; opened &sentinel; on Main Street, "
        "its owner said.</description></item>\n</channel></rss>\n"
    )
    [doc] = _read(tmp_path, "old.rss", feed).docs
    # RSS 0.91's HTML entities are read as their characters; the DTD's entity is not there
    assert doc.title == "Café opens"
    assert doc.text == "A café opened  on Main Street, its owner said."


def test_broken_xml_keeps_the_items_before_the_break(tmp_path):
    broken = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<rss><channel>\n'
        b"<item><title>One</title><description>First story text, officials said.</description></item>\n"
        b"<item><title>Two</title><description>Second <b quoted text.</description></item>\n"
        b"<item><title>Three</title><description>Third story.</description></item>\n"
        b"</channel></rss>\n"
    )
    res = _read(tmp_path, "broken.xml", broken)
    assert [d.title for d in res.docs] == ["One"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("item:2", codes.MALFORMED_XML)
    assert rej.detail.startswith("item 2: the XML breaks at line 4, column ")
    assert rej.detail.endswith("; the rest of the file is not read")
    # A cp1252 line in a feed declared UTF-8 (round 5): read in its own encoding, not a break.
    mixed = broken.replace(b"Second <b quoted text.", b"Second \x93quoted\x94 text, caf\xe9.")
    res = _read(tmp_path, "mixed.xml", mixed)
    assert [d.title for d in res.docs] == ["One", "Two", "Three"]
    assert res.docs[1].text == "Second “quoted” text, café." and not res.rejects
    # A feed declared in another encoding is that encoding's: the same bytes break as before.
    latin = mixed.replace(b'encoding="utf-8"', b'encoding="us-ascii"')
    res = _read(tmp_path, "ascii.xml", latin)
    assert "Two" not in [d.title for d in res.docs]
    assert [r.reason for r in res.rejects] == [codes.MALFORMED_XML]
    # cut inside the first item: nothing before the break, one reject for the file
    [rej] = _read(tmp_path, "cut.rss", RSS[:700]).rejects
    assert (rej.record_key, rej.reason) == ("", codes.MALFORMED_XML)
    assert rej.detail == "not well-formed XML at line 12, column 36: CData section not finished"
    # truncated after two items: both read, the rest one reject
    res = _read(tmp_path, "trunc.rss", RSS[: RSS.index("<item><title>Photo") + 20])
    assert [d.record_key for d in res.docs] == ["ex-1001", "https://news.example.com/bus-plan"]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("item:3", codes.MALFORMED_XML)]
    [rej] = _read(tmp_path, "enc.xml", '<?xml version="1.0" encoding="x-bogus"?><rss/>').rejects
    assert (rej.reason, rej.detail) == (
        codes.MALFORMED_XML,
        "not well-formed XML at line 1, column 39: Unsupported encoding: x-bogus",
    )


def test_gzip_feeds_binary_and_empty_feeds(tmp_path):
    res = _read(tmp_path, "news.rss.gz", gzip.compress(RSS.encode()))
    assert len(res.docs) == 3 and [r.reason for r in res.rejects] == [codes.MISSING_TEXT]
    # a bomb after the items: they are read, the stream stops at the cap (100 x its ~30 KB)
    bomb = gzip.compress(RSS[: RSS.index("</channel>")].encode() + b" " * 30_000_000)
    res = _read(tmp_path, "bomb.xml.gz", bomb, max_file_bytes=1_000_000)
    assert len(res.docs) == 3
    assert [(r.record_key, r.reason) for r in res.rejects] == [
        ("https://news.example.com/gallery", codes.MISSING_TEXT),
        ("item:5", codes.TOO_LARGE),
    ]
    assert "expands past" in res.rejects[1].detail
    # a bomb before any item: one reject for the file
    [rej] = _read(
        tmp_path, "bomb2.rss.gz", gzip.compress(b"<rss>" + b" " * 30_000_000), max_file_bytes=1_000_000
    ).rejects
    assert (rej.record_key, rej.reason) == ("", codes.TOO_LARGE)
    [rej] = _read(tmp_path, "scan.xml", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj").rejects
    assert (rej.reason, rej.detail) == (
        codes.BINARY,
        "a PDF document under a '.xml' name: not a feed (convert it first)",
    )
    [rej] = _read(
        tmp_path, "none.rss", '<rss version="2.0"><channel><title>x</title></channel></rss>'
    ).rejects
    assert (rej.reason, rej.detail) == (codes.EMPTY, "a feed with no items")
    for name, data, detail in [
        ("empty.xml", "", "file has no content"),
        ("blank.rss", " \n\n", "file has only whitespace"),
    ]:
        [rej] = _read(tmp_path, name, data).rejects
        assert (rej.reason, rej.detail) == (codes.EMPTY, detail)
    # libxml2's limits hold (huge_tree=False): nesting past 256 levels, a text node past 10 MB
    deep = (
        "<rss><channel><item><description>"
        + "<b>" * 10_000
        + "deep"
        + "</b>" * 10_000
        + "</description></item></channel></rss>"
    )
    [rej] = _read(tmp_path, "deep.xml", deep).rejects
    assert rej.reason == codes.MALFORMED_XML and "Excessive depth in document: 256" in rej.detail
    huge = RSS.replace("Dock workers return on Monday.", "a" * 11_000_000)
    [rej] = _read(tmp_path, "huge.rss", huge).rejects
    assert rej.reason == codes.MALFORMED_XML and "Text node too long" in rej.detail


def _big_feed(n: int, broken: bool = False) -> str:
    items = "".join(
        f"<item><title>Story {i} of the day</title><guid>g-{i}</guid>"
        f"<link>https://news.example.com/{i}</link><pubDate>Mon, 03 Jun 2024 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>Officials said on Monday that plan {i} would go ahead, the council confirmed.</description></item>\n"
        for i in range(1, n + 1)
    )
    tail = "<item><title>cut" if broken else "</channel></rss>\n"
    return f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n{items}{tail}'


def _read_parts(found: list[InputFile]) -> tuple[list, list]:
    taken: set[str] = set()
    docs, rejects = [], []
    for part in found:
        res = ingest.read_input(part, taken=taken)
        taken |= res.keys or set()
        docs += res.docs
        rejects += res.rejects
    return docs, rejects


def test_a_large_feed_is_read_in_parts_of_items_with_the_documents_of_a_whole_read(tmp_path):
    for name, broken in [("big.rss", False), ("big-cut.xml", True), ("big.rss.gz", False)]:
        data = _big_feed(300, broken).encode()
        p = tmp_path / name
        p.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        inp = InputFile(str(p), p.stat().st_size, None, rel=name)
        whole = ingest.read_input(inp)
        found = splitting.split_gzip_parts(inp, 8192, ingest.IngestLimits(), tmp_path / "spool")
        found = [part for f in found for part in splitting.split_parts(f, 8192)]
        assert len(found) >= 5 and all(f.is_part for f in found)
        docs, rejects = _read_parts(found)
        assert len(docs) == 300
        assert [(d.record_key, d.text, d.title, d.published_at) for d in docs] == [
            (d.record_key, d.text, d.title, d.published_at) for d in whole.docs
        ]
        assert [(r.record_key, r.detail) for r in rejects] == [
            (r.record_key, r.detail) for r in whole.rejects
        ]
        assert [r.record_key for r in rejects] == (["item:301"] if broken else [])
