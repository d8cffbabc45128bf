"""Build a ~100 MB zip of news stories and a ~100 MB WARC of HTTP responses from ../shared (BBC and
Reuters texts) in a folder OUTSIDE the project, for ``benchmarks/read_bench.py``:

- ``news-fulltext.zip``: stories as bbc-fulltext.zip holds them (``bbc/<topic>/NNNNNN.txt``: the
  headline, a blank line, paragraphs; cp1252), deflated, with folder entries;
- ``CC-NEWS-bench.warc``: request/response pairs as CC-NEWS holds them, each response an article
  page (navigation, scripts, the story in <article>, a footer), 1 in 20 a 404 and 1 in 20 an image;
  ``CC-NEWS-bench.warc.gz``: the same, one gzip member per record.

    .venv/bin/python benchmarks/build_archives.py /tmp/archives --zip-mb 100 --warc-mb 100

Texts are drawn with seed 7. The layouts are those the readers are tested against
(tests/ingest/corpus_builders.py).
"""

from __future__ import annotations

import argparse
import gzip
import html
import random
import zipfile
from pathlib import Path

from build_feeds import _texts

from tests.ingest.corpus_builders import article_html, bbc_story, http_response, warc_fetch, warcinfo

# What a news page carries besides its story (scripts, styles, menus): real CC-NEWS pages are
# mostly markup, ~5-20 times their text.
_CHROME = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    + "gtag('js',new Date());gtag('config','G-XXXXXXX');</script>" * 20
    + "<style>" + ".nav a{color:#333;padding:4px 8px}.footer{font-size:12px}" * 60 + "</style>"
    + "<ul class='menu'>" + "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(60)) + "</ul>"
)  # fmt: skip


def _paragraphs(body: str) -> list[str]:
    return [html.escape(p.strip()) for p in body.split("\n") if p.strip()] or [html.escape(body)]


def build_zip(path: Path, texts: list[tuple[str, str]], megabytes: int) -> tuple[int, int]:
    rng = random.Random(7)
    topics = ["business", "entertainment", "politics", "sport", "tech"]
    written = n = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("bbc/"), b"")
        for t in topics:
            z.writestr(zipfile.ZipInfo(f"bbc/{t}/"), b"")
        while written < megabytes * 1_000_000:
            title, body = rng.choice(texts)
            n += 1
            data = bbc_story(title, [p for p in body.split("\n") if p.strip()]).encode("cp1252", "replace")
            z.writestr(f"bbc/{topics[n % 5]}/{n:06d}.txt", data)
            written += len(data)
    return n, written


def build_warc(path: Path, texts: list[tuple[str, str]], megabytes: int) -> int:
    rng = random.Random(7)
    n = 0
    with open(path, "wb") as fh:
        size = fh.write(warcinfo(path.name))
        while size < megabytes * 1_000_000:
            n += 1
            uri = f"https://news{n % 50}.example.com/article/{n}"
            date = f"2024-01-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z"
            if n % 20 == 7:
                response = http_response(
                    "404 Not Found", {"Content-Type": "text/html"}, b"<html>Not found</html>"
                )
            elif n % 20 == 13:
                response = http_response(
                    "200 OK", {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0" + rng.randbytes(20_000)
                )
            else:
                title, body = rng.choice(texts)
                page = article_html(html.escape(title), _paragraphs(body)).replace("<nav>", _CHROME + "<nav>")
                response = http_response(
                    "200 OK", {"Content-Type": "text/html; charset=utf-8"}, page.encode()
                )
            size += fh.write(warc_fetch(f"bench-{n:07d}", uri, response, date))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--zip-mb", type=int, default=100)
    ap.add_argument("--warc-mb", type=int, default=100)
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    texts = _texts()
    n, written = build_zip(args.folder / "news-fulltext.zip", texts, args.zip_mb)
    print("news-fulltext.zip", n, "stories,", written, "bytes of text")
    warc = args.folder / "CC-NEWS-bench.warc"
    print(warc.name, build_warc(warc, texts, args.warc_mb), "fetches")
    records = warc.read_bytes().split(b"WARC/1.0\r\n")[1:]
    with open(warc.with_name(warc.name + ".gz"), "wb") as fh:
        for r in records:
            fh.write(gzip.compress(b"WARC/1.0\r\n" + r, 6))


if __name__ == "__main__":
    main()
