"""Public news corpora in the formats they are distributed in (round 10): TREC-disk and Gigaword
``<DOC>`` SGML (no extension, bare ``.gz``), e-mail and Usenet messages (20 Newsgroups, ``.eml``,
mbox), news articles as XML (NITF of the NYT Annotated Corpus, RCV1 ``<newsitem>``, TEI and
trafilatura XML), CNN/DailyMail ``.story`` files; and what a file whose name selects no reader
becomes (its content decides; junk stays a reject).

Every fixture is written here in the corpus's framing with invented text (none is copied)."""

from __future__ import annotations

import base64
import gzip
import io
import tarfile

import trafilatura

from factsieve import vocabulary as codes
from factsieve.ingest import read as ingest
from factsieve.ingest.mail import own_words
from factsieve.ingest.sources import InputFile
from tests.ingest.corpus_builders import NEWSGROUP_POSTS, newsgroups_tar


def _read(tmp_path, name: str, data: bytes | str, **limits) -> ingest.IngestResult:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return ingest.read_input(
        InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel=name), ingest.IngestLimits(**limits)
    )


def _by_key(res: ingest.IngestResult) -> tuple[dict, dict]:
    return {d.record_key: d for d in res.docs}, {r.record_key: r for r in res.rejects}


# ---------------------------------------------------------------- TREC disks and Gigaword

AP = """<DOC>
<DOCNO> AP880212-0001 </DOCNO>
<FILEID>AP-NR-02-12-88 2344EST</FILEID>
<FIRST>r a PM-Harbour 02-12 0412</FIRST>
<SECOND>PM-Harbour,0420</SECOND>
<HEAD>Council Approves Harbour Plan After Long Debate</HEAD>
<BYLINE>By MARTHA KLINE</BYLINE>
<BYLINE>Associated Press Writer</BYLINE>
<DATELINE>PORTLAND, Maine (AP) </DATELINE>
<TEXT>
   The city council voted 7-2 on Friday to approve a plan to dredge the
harbour, ending a debate that lasted more than three years and dividing
the waterfront businesses that depend on the deeper channel.
   ``We have waited long enough,'' said council member Ruth Avery, who
sponsored the measure and argued that the shipping lines would leave.
</TEXT>
<TEXT>
   Opponents said they would ask the state to review the vote.
</TEXT>
</DOC>
<DOC>
<DOCNO> AP880212-0002 </DOCNO>
<FILEID>AP-NR-02-12-88 2351EST</FILEID>
<HEAD>Storm Closes Schools</HEAD>
<TEXT>
   Schools across the county were closed on Friday after a storm left
eight inches of snow on the roads, county officials said.
</TEXT>
</DOC>
<DOC>
<DOCNO> AP880212-0003 </DOCNO>
<FILEID>AP-NR-02-12-88 2359EST</FILEID>
<HEAD>Today in History</HEAD>
</DOC>
"""


def test_trec_ap_file_with_no_extension_is_one_document_per_doc(tmp_path):
    docs, rejects = _by_key(_read(tmp_path, "AP/AP880212", AP))
    assert list(docs) == ["AP880212-0001", "AP880212-0002"]
    first = docs["AP880212-0001"]
    assert first.format == "trec"
    assert first.title == "Council Approves Harbour Plan After Long Debate"
    assert str(first.published_at.date()) == "1988-02-12"  # the DOCNO's date: AP has no DATE field
    # both <TEXT> blocks, the wire's indented paragraph starts kept for the unwrapper, `` '' as quotes
    assert '\n   "We have waited long enough," said council member Ruth Avery' in first.text
    assert first.text.endswith("Opponents said they would ask the state to review the vote.")
    assert "PORTLAND" not in first.text and "FILEID" not in first.text and "<" not in first.text
    [brief] = rejects.values()
    assert (
        brief.reason == codes.NO_BODY
        and "AP880212-0003" in brief.detail
        and "Today in History" in brief.detail
    )


WSJ_LA_FT = """<DOC>
<DOCNO> WSJ870324-0001 </DOCNO>
<DD> 03/24/87 </DD>
<HL> Harbour Authority Sets Bond Sale
----
By Thomas Reed
Staff Reporter of The Wall Street Journal </HL>
<TEXT>
   The Harbour Authority said it will sell $120 million of bonds next month
to pay for dredging, its first sale since 1982.
</TEXT>
</DOC>
<DOC>
<DOCNO> LA010189-0001 </DOCNO>
<DOCID> 1 </DOCID>
<DATE>
<P>
January 1, 1989, Sunday, Home Edition
</P>
</DATE>
<SECTION>
<P>
Metro; Part 2; Page 1; Column 1
</P>
</SECTION>
<HEADLINE>
<P>
PARADE ROUTE CHANGED AFTER BRIDGE REPAIRS
</P>
</HEADLINE>
<TEXT>
<P>
Organizers moved the route of Monday's parade after the city closed the
Colorado Street bridge for repairs, a spokeswoman said.
</P>
<P>
The floats will now turn south at Orange Grove Boulevard.
</P>
</TEXT>
</DOC>
<DOC>
<DOCNO>FT911-3</DOCNO>
<PROFILE>_AN-BEOA7AAIFT</PROFILE>
<DATE>910514
</DATE>
<HEADLINE>
FT  14 MAY 91 / Port strike ends after two weeks
</HEADLINE>
<TEXT>
Dock workers voted to return to work on Monday after the port company
raised its pay offer, the union said.
</TEXT>
</DOC>
"""


def test_wsj_la_times_and_ft_headlines_and_dates(tmp_path):
    docs, _ = _by_key(_read(tmp_path, "disk4/mixed", WSJ_LA_FT))
    wsj, la, ft = docs["WSJ870324-0001"], docs["LA010189-0001"], docs["FT911-3"]
    assert wsj.title == "Harbour Authority Sets Bond Sale"  # the byline after the dashes is not the title
    assert str(wsj.published_at.date()) == "1987-03-24"
    assert la.title and la.title.lower() == "parade route changed after bridge repairs"
    assert str(la.published_at.date()) == "1989-01-01"  # "January 1, 1989, Sunday, Home Edition"
    # <P> paragraphs one a line, their wrapping undone
    assert la.text.splitlines() == [
        "Organizers moved the route of Monday's parade after the city closed the Colorado Street "
        "bridge for repairs, a spokeswoman said.",
        "The floats will now turn south at Orange Grove Boulevard.",
    ]
    assert ft.title == "Port strike ends after two weeks" and str(ft.published_at.date()) == "1991-05-14"


GIGAWORD = """<DOC id="AFP_ENG_19940512.0004" type="story" >
<HEADLINE>
Council approves harbour plan
</HEADLINE>
<DATELINE>
PORTLAND, May 12 (AFP)
</DATELINE>
<TEXT>
<P>
The city council voted 7-2 on Thursday to approve the harbour plan, the
mayor said, after three years of debate.
</P>
<P>
Work is due to start in June, officials said, and shipping lines &AMP; ferry
operators welcomed the vote.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ENG_19940512.0005" type="advis" >
<HEADLINE>
Editors: corrected slug on harbour story
</HEADLINE>
<TEXT>
<P>
Please note the corrected slug.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ENG_19940512.0006" type="multi" >
<HEADLINE>
News in brief
</HEADLINE>
<TEXT>
<P>
PARIS -- Bakers struck for a day.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ENG_19940512.0007" type="story" >
<HEADLINE>
Storm moves east
</HEADLINE>
<TEXT>
<P>
The storm moved east overnight, forecasters said, and
"""


def test_gigaword_bare_gz_stories_other_types_and_a_cut_file(tmp_path):
    res = _read(tmp_path, "afp_eng/afp_eng_199405.gz", gzip.compress(GIGAWORD.encode()))
    docs, rejects = _by_key(res)
    [story] = docs.values()
    assert story.record_key == "AFP_ENG_19940512.0004" and story.format == "trec"
    assert story.title == "Council approves harbour plan"
    assert str(story.published_at.date()) == "1994-05-12"  # from the id
    assert story.text.splitlines()[1] == (
        "Work is due to start in June, officials said, and shipping lines & ferry operators welcomed the vote."
    )
    assert rejects["AFP_ENG_19940512.0005"].reason == codes.NOT_A_STORY
    assert 'type="advis": an advisory to editors' in rejects["AFP_ENG_19940512.0005"].detail
    assert rejects["AFP_ENG_19940512.0006"].reason == codes.NOT_A_STORY
    # the download ends inside the last <DOC>: a reject, not a shorter story
    cut = rejects["AFP_ENG_19940512.0007"]
    assert cut.reason == codes.MALFORMED_XML and "truncated download" in cut.detail
    assert len(res.docs) + len(res.rejects) == 4


def test_trec_under_sgm_and_txt_names_is_read_as_trec(tmp_path):
    for name in ("ap880212.sgm", "ap880212.txt"):
        docs, _ = _by_key(_read(tmp_path, name, AP))
        assert list(docs) == ["AP880212-0001", "AP880212-0002"], name
        assert {d.format for d in docs.values()} == {"trec"}


def test_trec_with_missing_docno_and_unclosed_field_keeps_the_rest(tmp_path):
    text = (
        "<DOC>\n<HEAD>Bridge reopens\n<TEXT>\n   The bridge reopened on Monday after repairs that took\n"
        "two months, the transport department said.\n</TEXT>\n</DOC>\n"
    ) + AP
    docs, _ = _by_key(_read(tmp_path, "AP880213", text))
    assert list(docs)[:1] == ["doc:1"] and docs["doc:1"].title == "Bridge reopens"
    assert "AP880212-0001" in docs


def test_trec_file_in_cp1252_is_decoded(tmp_path):
    data = AP.replace("Ruth Avery", "Ruth Aver\u00e9").replace("``", "\u201c").encode("cp1252")
    docs, _ = _by_key(_read(tmp_path, "AP880214", data))
    assert "Ruth Aver\u00e9" in docs["AP880212-0001"].text


# ---------------------------------------------------------------- e-mail, Usenet, mbox

POST = """From: henry@zoo.example.edu (Henry Spencer)
Subject: Re: Shuttle launch costs
Organization: U of Example Zoology
Date: Mon, 5 Apr 1993 18:22:01 GMT
Lines: 14

In article <1993Apr5.1234@abc.example.edu> someone@abc.example.edu writes:
>How much does a launch cost?
>And who pays for it?

NASA's own figures put the marginal cost of a shuttle flight at about $400 million,
though the agency's budget office said the full cost is far higher.

| Quoted from an older reply in the thread.

--
Henry Spencer at U of Example Zoology
henry@zoo.example.edu   utzoo!henry
"""


def test_newsgroup_post_with_no_extension_is_the_authors_own_words(tmp_path):
    [doc] = _read(tmp_path, "sci.space/60804", POST).docs
    assert doc.format == "email" and doc.record_key == ""
    assert doc.title == "Re: Shuttle launch costs"
    assert str(doc.published_at) == "1993-04-05 18:22:01+00:00"
    assert doc.text == (
        "NASA's own figures put the marginal cost of a shuttle flight at about $400 million,\n"
        "though the agency's budget office said the full cost is far higher."
    )


def test_quotes_and_signature_are_dropped_but_prose_that_resembles_them_is_not():
    text, dropped = own_words(
        "On Tue, 6 Apr 1993, Jim Green wrote:\n> The dealer said 8 percent.\n\n"
        "The trade press wrote: prices will rise.\nThe board said: no comment.\nThe minister wrote:\n"
        "The budget is final.\n-- \nJim\n"
    )
    assert text == (
        "The trade press wrote: prices will rise.\nThe board said: no comment.\nThe minister wrote:\n"
        "The budget is final."
    )
    assert dropped == 4  # attribution, quote, "-- ", "Jim"


def test_post_with_only_quotes_is_missing_text(tmp_path):
    data = "From: a@b.example.org\nSubject: Re: vote\n\nIn article <x@y> a@b writes:\n>The vote is Tuesday.\n"
    [rej] = _read(tmp_path, "talk.politics.misc/178452", data).rejects
    assert rej.reason == codes.MISSING_TEXT and "only quoted text" in rej.detail


def test_mime_eml_base64_utf8_part_encoded_subject_and_attachment(tmp_path):
    body = "Der Stadtrat hat den Hafenplan am Dienstag gebilligt, sagte die Bürgermeisterin.\n"
    data = (
        "From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@example.de>\n"
        "To: desk@example.de\nSubject: =?utf-8?q?Hafenplan_gebilligt_=E2=80=93_Stadtrat?=\n"
        "Date: Tue, 05 Mar 2024 09:15:00 +0100\nMessage-ID: <abc123@example.de>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XYZ"\n\n--XYZ\n'
        'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
        + base64.encodebytes(body.encode()).decode()
        + '--XYZ\nContent-Type: text/plain; name="notes.txt"\nContent-Disposition: attachment\n\n'
        "attachment text that is not the message\n--XYZ--\n"
    )
    [doc] = _read(tmp_path, "tips/0001.eml", data).docs
    assert doc.text == body.strip() and doc.title == "Hafenplan gebilligt – Stadtrat"
    assert str(doc.published_at) == "2024-03-05 08:15:00+00:00"


def test_html_only_eml_is_its_main_text_and_headerless_eml_is_malformed(tmp_path):
    html = (
        "<html><body><p>The port authority said on Monday that container traffic rose 12 percent "
        "in the first quarter, the biggest rise since 2019.</p><p>Unsubscribe | View in browser</p>"
        "</body></html>"
    )
    data = (
        "From: news@port.example.com\nSubject: Quarterly traffic\nContent-Type: text/html; charset=utf-8\n\n"
        + html
    )
    [doc] = _read(tmp_path, "newsletter.eml", data).docs
    assert "container traffic rose 12 percent" in doc.text and "<p>" not in doc.text
    [rej] = _read(tmp_path, "notes.eml", "Just a note with no headers at all.\n").rejects
    assert rej.reason == codes.MALFORMED_RECORD and "no message headers" in rej.detail


MBOX = """From jm@example.org Tue Mar  5 09:15:00 2024
From: jm@example.org
Subject: Harbour vote
Message-ID: <m1@example.org>
Date: Tue, 5 Mar 2024 09:15:00 +0000

The council approved the harbour plan by seven votes to two, the clerk said.
>From the gallery, residents applauded the result.

From ab@example.org Tue Mar  5 10:00:00 2024
From: ab@example.org
Subject: Re: Harbour vote
Date: Tue, 5 Mar 2024 10:00:00 +0000

Jim wrote:
> The council approved the harbour plan.

From ab@example.org Tue Mar  5 11:00:00 2024
From: ab@example.org
Subject: Ferry timetable
Message-ID: <m1@example.org>

The ferry company said the winter timetable starts on 1 November.
"""


def test_mbox_is_one_record_per_message(tmp_path):
    res = _read(tmp_path, "list-archive.mbox", MBOX)
    docs, rejects = _by_key(res)
    assert list(docs) == ["<m1@example.org>", "<m1@example.org>@message:3"]  # a repeated id stays apart
    assert docs["<m1@example.org>"].text.endswith("From the gallery, residents applauded the result.")
    assert rejects["message:2"].reason == codes.MISSING_TEXT  # only a quote
    assert {d.format for d in res.docs} == {"email"}


def test_newsgroups_tar_members_are_messages(tmp_path):
    path = tmp_path / "20news-bydate.tar.gz"
    newsgroups_tar(path)
    res = _read(tmp_path, "20news-bydate.tar.gz", path.read_bytes())
    assert [d.record_key for d in res.docs] == [f"20news-bydate-train/{n}" for n, _ in NEWSGROUP_POSTS]
    assert {d.format for d in res.docs} == {"email"}
    space = res.docs[0]
    assert space.title == "Re: Shuttle launch costs" and not space.text.startswith(("From:", "In article"))
    assert "How much does a launch cost" not in space.text


# ---------------------------------------------------------------- news XML

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">
<nitf change.date="June 10, 2005" change.time="19:30" version="-//IPTC//DTD NITF 3.3//EN">
  <head>
    <title>Harbour Plan Wins Approval</title>
    <meta content="12" name="publication_day_of_month"/>
    <meta content="1987" name="publication_year"/>
    <docdata>
      <doc-id id-string="0004217"/>
      <doc.copyright holder="The Example Times" year="1987"/>
    </docdata>
    <pubdata date.publication="19870312T000000" ex-ref="http://query.example.com/gst/fullpage.html?res=0004217"
      item-length="412" name="The Example Times" unit-of-measure="word"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>HARBOUR PLAN WINS APPROVAL AFTER LONG DEBATE</hl1></hedline>
      <byline class="print_byline">By MARTHA KLINE</byline>
    </body.head>
    <body.content>
      <block class="lead_paragraph">
        <p>The city council approved the harbour plan on Tuesday.</p>
      </block>
      <block class="full_text">
        <p>The city council approved the harbour plan on Tuesday.</p>
        <p>The vote, 7 to 2, ended a debate that lasted &quot;more than three years,&quot; the
        clerk said.</p>
      </block>
    </body.content>
  </body>
</nitf>
"""


def test_nitf_article_full_text_title_date_url(tmp_path):
    [doc] = _read(tmp_path, "data/1987/03/12/0004217.xml", NITF).docs
    assert doc.format == "newsxml" and doc.record_key == ""
    assert doc.title == "HARBOUR PLAN WINS APPROVAL AFTER LONG DEBATE"
    assert str(doc.published_at.date()) == "1987-03-12"
    assert doc.url == "http://query.example.com/gst/fullpage.html?res=0004217"
    # full_text only: the lead paragraph it repeats is not there twice
    assert doc.text.splitlines() == [
        "The city council approved the harbour plan on Tuesday.",
        'The vote, 7 to 2, ended a debate that lasted "more than three years," the clerk said.',
    ]


def test_nitf_broken_forms(tmp_path):
    lead_only = (
        NITF.replace('<block class="full_text">', '<block class="other">')
        .replace("<p>The vote", "<x>The vote")
        .replace("clerk said.</p>", "clerk said.</x>")
    )
    [doc] = _read(tmp_path, "lead.xml", lead_only).docs
    assert "approved the harbour plan" in doc.text
    no_body = NITF.split("<body.content>")[0] + "</body></nitf>\n"
    [rej] = _read(tmp_path, "nobody.xml", no_body).rejects
    assert rej.reason == codes.MISSING_TEXT and "body.content" in rej.detail
    [rej] = _read(tmp_path, "cut.xml", NITF[: len(NITF) // 2 + 200]).rejects
    assert rej.reason == codes.MALFORMED_XML and "line" in rej.detail
    bomb = NITF.replace(
        '<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">',
        '<!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    ).replace("Tuesday.</p>", "Tuesday &b;.</p>")
    [rej] = _read(tmp_path, "bomb.xml", bomb).rejects
    assert rej.reason == codes.UNSAFE_XML


RCV1 = """<?xml version="1.0" encoding="iso-8859-1" ?>
<newsitem itemid="2286" id="root" date="1996-08-20" xml:lang="en">
<title>PORTUGAL: Ferry operator raises fares by 4 pct.</title>
<headline>Ferry operator raises fares by 4 pct.</headline>
<byline>Ana Costa</byline>
<dateline>LISBON 1996-08-20</dateline>
<text>
<p>Lisbon's main ferry operator said on Tuesday it would raise fares by 4 percent from September,
citing higher fuel costs.</p>
<p>The company carried 21 million passengers last year, a spokesman said.</p>
</text>
<copyright>(c) Example Limited 1996</copyright>
<metadata><codes class="bip:topics:1.0"><code code="C13"/></codes></metadata>
</newsitem>
"""


def test_rcv1_newsitem_in_latin1(tmp_path):
    data = RCV1.replace("Lisbon's", "Lisboa\u2019s".replace("\u2019", "'")).replace("Costa", "Conceição")
    [doc] = _read(tmp_path, "19960820/2286newsML.xml", data.encode("iso-8859-1")).docs
    assert doc.title == "Ferry operator raises fares by 4 pct."
    assert str(doc.published_at.date()) == "1996-08-20"
    assert doc.text.startswith("Lisboa's main ferry operator said on Tuesday")
    assert "C13" not in doc.text and "Example Limited" not in doc.text


PAGE = """<html><head><title>Council approves harbour plan | Example News</title>
<meta name="date" content="2024-03-05"><link rel="canonical" href="https://news.example.org/harbour"></head>
<body><article><h1>Council approves harbour plan</h1>
<p>The city council voted 7-2 on Tuesday to approve the harbour plan, the mayor said after the meeting.</p>
<p>Work is due to start in June and will cost 4 million euros, according to the budget office.</p>
</article><div class="comments"><p>Great article, thanks for writing it!</p></div></body></html>"""


def test_trafilatura_tei_and_xml_outputs_without_comments(tmp_path):
    for fmt in ("xmltei", "xml"):
        out = trafilatura.extract(PAGE, output_format=fmt, with_metadata=True, include_comments=True)
        [doc] = _read(tmp_path, f"extracted-{fmt}.xml", out).docs
        assert doc.format == "newsxml", fmt
        assert "voted 7-2 on Tuesday" in doc.text and "Great article" not in doc.text, fmt
        assert doc.title == "Council approves harbour plan" and doc.url == "https://news.example.org/harbour"
        assert str(doc.published_at.date()) == "2024-03-05", fmt


def test_other_xml_stays_unsupported_xml_naming_its_root(tmp_path):
    [rej] = _read(tmp_path, "logo.xml", '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>').rejects
    assert rej.reason == codes.UNSUPPORTED_XML and "<svg>" in rej.detail and "NITF" in rej.detail


# ---------------------------------------------------------------- .story and names that say nothing

STORY = """(CNN) -- The city council approved the harbour plan on Tuesday, ending three years of debate.

"We have waited long enough," council member Ruth Avery said.

@highlight

Council approves harbour plan 7-2

@highlight

Work starts in June
"""


def test_cnn_dailymail_story_file_is_text(tmp_path):
    [doc] = _read(tmp_path, "cnn/stories/0a1b2c3d4e5f.story", STORY).docs
    assert doc.format == "text" and doc.text.startswith("(CNN) -- The city council")


def test_files_whose_content_has_no_known_shape_stay_rejects(tmp_path):
    junk = {
        "README": "This folder holds the corpus.\nSee LICENSE for the terms of use.\n",
        "build": "#!/bin/sh\nset -e\nmake all\n",
        "config": "from: staging\nsubject: nightly\n",  # keys, not a message: no From: + blank line body
        "data.bin": bytes(range(256)) * 8,
        "notes.gz": gzip.compress(b"Plain notes about the corpus, not a story.\n"),
        "mention": "The <DOC> tag opens every document in TREC files.\n",
    }
    for name, data in junk.items():
        [rej] = _read(tmp_path, name, data).rejects
        assert rej.reason == codes.UNSUPPORTED_FORMAT, name
        assert "no known shape" in rej.detail or "no reader" in rej.detail, name


def test_feed_and_nitf_with_no_extension_are_read(tmp_path):
    [doc] = _read(tmp_path, "0004217", NITF).docs
    assert doc.format == "newsxml"
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Vote</title>'
        "<description>The council approved the plan on Tuesday, the clerk said.</description></item>"
        "</channel></rss>"
    )
    [doc] = _read(tmp_path, "feed", rss).docs
    assert doc.format == "feed"


def test_tar_of_trec_disk_files_reads_each_member_by_its_content(tmp_path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, text in (
            ("AP/AP880212", AP),
            ("AP/CONTENTS", "Disk 1, volume 1: AP newswire, 1988.\n"),
            ("AP/README", "Disk 1, volume 1.\n"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            tar.addfile(info, io.BytesIO(text.encode()))
    res = _read(tmp_path, "disk1.tgz", buf.getvalue())
    docs, _ = _by_key(res)
    assert "AP/AP880212!AP880212-0001" in docs and docs["AP/AP880212!AP880212-0001"].format == "trec"
    # a member with no known shape is read as text, as extensionless members always were
    assert docs["AP/CONTENTS"].format == "text"
    assert "AP/README" not in docs  # a corpus's README is passed over (INGEST.md "Leaving files out")


def test_a_large_gigaword_month_is_read_in_parts_with_the_records_of_a_whole_read(tmp_path):
    from factsieve.ingest import parts as splitting
    from tests.ingest.test_feeds import _read_parts

    # 400 elements (every 7th an advisory), then GIGAWORD's own four: its story, advisory, multi, cut one
    elements = GIGAWORD.split("</DOC>\n")
    story, advisory = elements[0] + "</DOC>\n", elements[1] + "</DOC>\n"
    month = "".join(
        (advisory if n % 7 == 0 else story).replace("19940512.000", f"19940511.{n:04d}") for n in range(400)
    )
    month += GIGAWORD
    for name, data in (
        ("nyt_eng_199405", month.encode()),
        ("nyt_eng_199406.gz", gzip.compress(month.encode())),
    ):
        p = tmp_path / name
        p.write_bytes(data)
        inp = InputFile(str(p), p.stat().st_size, None, rel=name)
        whole = ingest.read_input(inp)
        found = splitting.split_gzip_parts(inp, 16384, ingest.IngestLimits(), tmp_path / "spool")
        found = [part for f in found for part in splitting.split_parts(f, 16384)]
        assert len(found) >= 5 and all(f.is_part for f in found), name
        docs, rejects = _read_parts(found)
        assert [(d.record_key, d.text, d.title, d.published_at, d.format) for d in docs] == [
            (d.record_key, d.text, d.title, d.published_at, d.format) for d in whole.docs
        ], name
        assert sorted((r.record_key, r.reason) for r in rejects) == sorted(
            (r.record_key, r.reason) for r in whole.rejects
        ), name
        assert len(whole.docs) == 400 - 58 + 1 and {r.reason for r in whole.rejects} == {
            codes.NOT_A_STORY,
            codes.MALFORMED_XML,
        }, name
