"""Builders of corpora in the shapes they are distributed in, shared by the ingest tests and the
reading-speed benchmarks (benchmarks/build_feeds.py): a benchmark must measure the layout the
readers are tested against, and must not import a test module to get it."""

from __future__ import annotations

import html


def sgml_from_jsonl(records: list[dict]) -> str:
    """SGML in the corpus's layout rebuilt from its JSON Lines export (entities escaped as the
    corpus escapes them)."""
    out = ['<!DOCTYPE lewis SYSTEM "lewis.dtd">\n']
    for r in records:
        kind = r.get("text_type") or "NORM"
        attr = "" if kind == "NORM" else f' TYPE="{kind}"'
        title = f"<TITLE>{html.escape(r['title'], quote=False)}</TITLE>\n" if r.get("title") else ""
        dateline = (
            f"<DATELINE>    {html.escape(r['dateline'], quote=False)} </DATELINE>"
            if r.get("dateline")
            else ""
        )
        body = html.escape(r["body"], quote=False) if r.get("body") is not None else None
        if kind == "UNPROC":
            text = f"{body}\n&#3;"
        else:
            text = f"{title}{dateline}<BODY>{body}\n&#3;</BODY>" if body is not None else f"******{title}"
        out.append(
            f'<REUTERS TOPICS="NO" LEWISSPLIT="{r.get("lewissplit", "")}" NEWID="{r["newid"]}">\n'
            f"<DATE>{r['date']}</DATE>\n<TEXT{attr}>&#2;\n{text}</TEXT>\n</REUTERS>\n"
        )
    return "".join(out)


# News articles as a crawler, a zip of files or a mailing-list archive delivers them: a headline
# and paragraphs of reported text (BBC-corpus style), varied enough for the main-text extractor.
ARTICLES = [
    (
        "Ad sales boost Time Warner profit",
        [
            "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three "
            "months to December, from $639m year-earlier.",
            "The firm, which is now one of the biggest investors in Google, benefited from sales of "
            "high-speed internet connections and higher advert sales, the company said.",
            "Time Warner said on Friday that it now owns 8% of search-engine Google, and its own "
            "internet business, AOL, had mixed fortunes over the quarter.",
        ],
    ),
    (
        "Dollar gains on Greenspan speech",
        [
            "The dollar has hit its highest level against the euro in almost three months after the "
            "Federal Reserve head said the US trade deficit is set to stabilise.",
            "And Alan Greenspan highlighted the US government's willingness to curb spending and "
            "rising household savings as factors which may help to reduce it.",
            "In late trading in New York, the dollar reached $1.2871 against the euro, from $1.2974 "
            "on Thursday, traders said.",
        ],
    ),
    (
        "Council approves harbour wall repairs",
        [
            "Councillors voted on Tuesday to spend 2.4 million pounds repairing the harbour wall, "
            "which was damaged in the January storms, the council said in a statement.",
            "Work will start in April and is expected to take eight months, according to the "
            "engineer's report presented to the meeting.",
            "Fishing crews said the repairs were overdue. “We have been waiting two winters for "
            "this,” said the chairman of the local fishermen's association.",
        ],
    ),
    (
        "Rail fares to rise by 3.1% in March",
        [
            "Rail fares in England and Wales will rise by an average of 3.1% from March, the "
            "industry body announced on Wednesday.",
            "Passenger groups said the increase was unfair after a year of cancellations, while "
            "operators said the money would pay for new trains and longer platforms.",
            "The government said regulated fares, including season tickets, were capped in line "
            "with inflation, officials confirmed.",
        ],
    ),
]


def article_html(title: str, paragraphs: list[str], charset: str = "utf-8", published: str = "") -> str:
    """A news page as sites serve it: navigation, the article, a footer of links."""
    meta = f'<meta charset="{charset}">' if charset else ""
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head>{meta}{date}<title>{title} - Example News</title></head>\n'
        '<body><nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav>\n'
        f"<article><h1>{title}</h1>\n{body}</article>\n"
        '<footer><a href="/about">About us</a> <a href="/privacy">Privacy</a> © Example News</footer>'
        "</body></html>\n"
    )


def http_response(status: str, headers: dict[str, str], body: bytes) -> bytes:
    """An HTTP/1.1 response as a crawler stores it in a WARC response record."""
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body


def chunked(body: bytes, size: int = 700) -> bytes:
    """``body`` in Transfer-Encoding chunked form."""
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in pieces) + b"0\r\n\r\n"


def warc_record(
    kind: str, rid: str, block: bytes, uri: str = "", date: str = "2024-01-01T06:12:09Z"
) -> bytes:
    """One WARC/1.0 record; a ``response`` record's block is an HTTP message."""
    content_type = {
        "response": "application/http; msgtype=response",
        "request": "application/http; msgtype=request",
        "warcinfo": "application/warc-fields",
        "metadata": "application/warc-fields",
    }.get(kind, "text/plain")
    target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"{target}Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def warc_fetch(rid: str, uri: str, response: bytes, date: str = "2024-01-01T06:12:09Z") -> bytes:
    """The request and response records of one fetch, as CC-NEWS's crawler writes them."""
    host = uri.split("/")[2]
    request = f"GET /{uri.split('/', 3)[3]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: CCBot/2.0\r\n\r\n"
    return warc_record("request", f"{rid}-req", request.encode(), uri, date) + warc_record(
        "response", rid, response, uri, date
    )


def warcinfo(name: str) -> bytes:
    fields = f"software: StormCrawler 2.10\r\nformat: WARC File Format 1.1\r\nfilename: {name}\r\n"
    return warc_record("warcinfo", "info-0", fields.encode())


def bbc_story(title: str, paragraphs: list[str]) -> str:
    """A story file as bbc-fulltext.zip holds it: the headline, a blank line, paragraphs."""
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def bbc_zip(path, stories: dict[str, str], extra: dict[str, bytes] | None = None) -> None:
    """A zip shaped like bbc-fulltext.zip (bbc/<topic>/NNN.txt, folder entries, README.TXT), as
    zipped on a Mac (__MACOSX/ resource forks, .DS_Store). ``stories``: member name -> text,
    written in cp1252 (the corpus's £ is one byte)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        folders = sorted({"bbc/"} | {name.rsplit("/", 1)[0] + "/" for name in stories})
        for folder in folders:
            z.writestr(zipfile.ZipInfo(folder), b"")
        for name, text in stories.items():
            z.writestr(name, text.encode("cp1252"))
        z.writestr("bbc/.DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(64))
        z.writestr("__MACOSX/bbc/business/._001.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X" + bytes(40))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


NEWSGROUP_POSTS = [
    (
        "sci.space/60804",
        "From: henry@zoo.toronto.edu (Henry Spencer)\nSubject: Re: Shuttle launch costs\n"
        "Organization: U of Toronto Zoology\nLines: 6\n\n"
        "In article <1993Apr5.1234@abc.edu> someone writes:\n>How much does a launch cost?\n\n"
        "NASA's own figures put the marginal cost of a shuttle flight at about $400 million,\n"
        "though the agency's budget office said the full cost is far higher.\n",
    ),
    (
        "rec.autos/101551",
        "From: jgreen@amber.example.com (Jim Green)\nSubject: Dealer markup on new models\n"
        "Lines: 5\n\nThe dealer told me the markup on this year's model is 8 percent, and the\n"
        "manufacturer said prices will rise again in the autumn, according to the trade press.\n",
    ),
    (
        "talk.politics.misc/178451",
        "From: smith@news.example.org\nSubject: Re: Budget vote\nLines: 4\n\n"
        "The committee voted 12-9 to send the budget bill to the floor, officials said,\n"
        "and a final vote is expected next week.\n",
    ),
]


def newsgroups_tar(path, prefix: str = "20news-bydate-train", mode: str = "w:gz", extra=()) -> None:
    """A tar like 20news-bydate.tar.gz: one extensionless file per message under <group>/, with
    folder entries. ``extra``: TarInfo and bytes (or None) added after the posts."""
    import io
    import tarfile

    with tarfile.open(path, mode) as tar:
        for folder in sorted({prefix} | {f"{prefix}/{n.split('/')[0]}" for n, _ in NEWSGROUP_POSTS}):
            info = tarfile.TarInfo(folder)
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)
        for name, text in NEWSGROUP_POSTS:
            data = text.encode("latin-1")
            info = tarfile.TarInfo(f"{prefix}/{name}")
            info.size, info.mtime = len(data), 735_000_000
            tar.addfile(info, io.BytesIO(data))
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
