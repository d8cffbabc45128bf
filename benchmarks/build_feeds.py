"""Build large RSS feeds and a Reuters-21578 ``.sgm`` file from ../shared (BBC and Reuters texts) in
a folder OUTSIDE the project, for ``benchmarks/read_bench.py``:

- ``feed-plain.rss``: items whose text is a plain ``<description>`` (the XML parse and record path);
- ``feed-html.rss``: items whose text is ``content:encoded`` HTML paragraphs (the main-text path);
- ``reut2-all.sgm``: the Reuters JSON Lines export written back in the corpus's SGML layout.

    .venv/bin/python benchmarks/build_feeds.py /tmp/feeds --plain-mb 100 --html-mb 10

Texts are drawn with seed 7; each item has a guid, link, pubDate and title.
"""

from __future__ import annotations

import argparse
import html
import json
import random
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora"


def _texts() -> list[tuple[str, str]]:
    """(title, body) of every BBC story and every Reuters article with a body."""
    out = []
    for p in sorted((SHARED / "bbc").glob("*/*.txt")):
        title, _, body = p.read_text(encoding="latin-1").partition("\n")
        out.append((title.strip(), body.strip()))
    with open(SHARED / "reuters21578" / "reuters21578_articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("body"):
                out.append((r.get("title") or "", r["body"]))
    return out


def _feed(path: Path, texts: list[tuple[str, str]], megabytes: int, as_html: bool) -> int:
    rng = random.Random(7)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>\n'
        )
        while fh.tell() < megabytes * 1_000_000:
            title, body = rng.choice(texts)
            n += 1
            if as_html:
                paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
                text = f"<content:encoded><![CDATA[{paras}]]></content:encoded>"
            else:
                # a description is HTML: its text is escaped for HTML, then for XML, as feeds do
                text = f"<description>{escape(html.escape(body, quote=False))}</description>"
            fh.write(
                f"<item><title>{escape(title)}</title><link>https://bench.example.com/{n}</link>"
                f"<guid>bench-{n}</guid><pubDate>Mon, 03 Jun 2024 09:{n % 60:02d}:00 GMT</pubDate>{text}</item>\n"
            )
        fh.write("</channel></rss>\n")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--plain-mb", type=int, default=100)
    ap.add_argument("--html-mb", type=int, default=10)
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    texts = _texts()
    print("feed-plain.rss", _feed(args.folder / "feed-plain.rss", texts, args.plain_mb, False), "items")
    print("feed-html.rss", _feed(args.folder / "feed-html.rss", texts, args.html_mb, True), "items")
    # the layout the SGML reader is tested against, built by the same function
    from tests.ingest.corpus_builders import sgml_from_jsonl

    with open(SHARED / "reuters21578" / "reuters21578_articles.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    (args.folder / "reut2-all.sgm").write_text(sgml_from_jsonl(records), encoding="utf-8")
    print("reut2-all.sgm", len(records), "elements")


if __name__ == "__main__":
    main()
