"""Build large files in the distributed formats of public news corpora from ../shared (BBC and Reuters
texts, drawn with seed 7) in a folder OUTSIDE the project, for ``benchmarks/read_bench.py``:

- ``afp_eng_199405``: Gigaword SGML, ``<DOC id=… type=…>`` with ``<P>`` paragraphs (1 in 10 an
  ``advis``), and ``afp_eng_199405.gz``, the same gzipped;
- ``AP880212``: TREC-disk SGML as AP writes it (wrapped at 72 columns, paragraphs indented);
- ``list.mbox``: one message per text, every other one a reply that quotes the previous one and
  ends with a signature;
- ``nitf.tar.gz``: one NITF file per text, as the NYT Annotated Corpus ships a month
  (``1987/03/12/0004217.xml`` …), lead paragraph and full text.

    .venv/bin/python -m benchmarks.build_public_formats /tmp/public --mb 30
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import random
import tarfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.build_feeds import _texts


def _paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.replace("\r", "").split("\n") if p.strip()]


def _gigaword(texts, rng: random.Random) -> Iterator[str]:
    for n in itertools.count(1):
        title, body = rng.choice(texts)
        kind = "advis" if n % 10 == 0 else "story"
        paras = "".join(f"<P>\n{textwrap.fill(escape(p), 72)}\n</P>\n" for p in _paragraphs(body))
        yield (
            f'<DOC id="AFP_ENG_199405{1 + n % 28:02d}.{n:04d}" type="{kind}" >\n'
            f"<HEADLINE>\n{escape(title)}\n</HEADLINE>\n<DATELINE>\nPARIS, May 12 (AFP)\n</DATELINE>\n"
            f"<TEXT>\n{paras}</TEXT>\n</DOC>\n"
        )


def _ap(texts, rng: random.Random) -> Iterator[str]:
    for n in itertools.count(1):
        title, body = rng.choice(texts)
        text = "\n".join(
            textwrap.fill(p, 72, initial_indent="   ").replace("&", "&amp;") for p in _paragraphs(body)
        )
        yield (
            f"<DOC>\n<DOCNO> AP880212-{n:04d} </DOCNO>\n<FILEID>AP-NR-02-12-88 2344EST</FILEID>\n"
            f"<HEAD>{escape(title)}</HEAD>\n<DATELINE>PORTLAND, Maine (AP) </DATELINE>\n"
            f"<TEXT>\n{text}\n</TEXT>\n</DOC>\n"
        )


def _mbox(texts, rng: random.Random) -> Iterator[str]:
    previous = ""
    for n in itertools.count(1):
        title, body = rng.choice(texts)
        text = "\n".join(textwrap.fill(p, 72) for p in _paragraphs(body))
        if n % 2 == 0 and previous:
            quoted = "\n".join("> " + line for line in previous.splitlines()[:8])
            text = (
                f"On Tue, 5 Mar 2024, desk{n - 1}@example.org wrote:\n{quoted}\n\n{text}\n\n-- \nDesk {n}\n"
            )
            title = "Re: " + title
        previous = text
        yield (
            f"From desk{n}@example.org Tue Mar  5 09:15:00 2024\nFrom: desk{n}@example.org\n"
            f"Subject: {' '.join(title.split())}\nMessage-ID: <{n}@example.org>\n"
            f"Date: Tue, 5 Mar 2024 09:{n % 60:02d}:00 +0000\n\n"
            + "\n".join(">" + line if line.startswith("From ") else line for line in text.splitlines())
            + "\n\n"
        )


def _nitf(texts, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """(member name, NITF file) per text, as the NYT Annotated Corpus ships a month."""
    for n in itertools.count(1):
        title, body = rng.choice(texts)
        paras = _paragraphs(body)
        full = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
        doc = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">\n'
            f'<nitf version="-//IPTC//DTD NITF 3.3//EN"><head><title>{escape(title)}</title>'
            f'<docdata><doc-id id-string="{n:07d}"/></docdata>'
            f'<pubdata date.publication="19870312T000000" name="The Example Times"/></head>'
            f"<body><body.head><hedline><hl1>{escape(title)}</hl1></hedline></body.head><body.content>"
            f'<block class="lead_paragraph"><p>{escape(paras[0] if paras else "")}</p></block>'
            f'<block class="full_text">{full}</block></body.content></body></nitf>\n'
        ).encode()
        yield f"1987/03/{1 + n % 28:02d}/{n:07d}.xml", doc


def _until(items: Iterator, limit: int, size: Callable) -> Iterator:
    """``items`` until their sizes sum to ``limit`` or more (the last one included)."""
    total = 0
    for item in items:
        yield item
        total += size(item)
        if total >= limit:
            return


def _write_text(path: Path, docs: Iterator[str], limit: int) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for doc in _until(docs, limit, lambda d: len(d.encode())):
            fh.write(doc)
            n += 1
    return n


def _write_tar(path: Path, files: Iterator[tuple[str, bytes]], limit: int) -> int:
    n = 0
    with tarfile.open(path, "w:gz") as tar:
        for name, doc in _until(files, limit, lambda f: len(f[1])):
            info = tarfile.TarInfo(name)
            info.size = len(doc)
            tar.addfile(info, io.BytesIO(doc))
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=int, default=30, help="megabytes of text per file (uncompressed)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    texts = _texts()
    limit = args.mb * 1024 * 1024
    for name, make, write in (
        ("afp_eng_199405", _gigaword, _write_text),
        ("AP880212", _ap, _write_text),
        ("list.mbox", _mbox, _write_text),
        ("nitf.tar.gz", _nitf, _write_tar),
    ):
        n = write(args.out / name, make(texts, random.Random(7)), limit)
        print(f"{name}: {n:,} records, {(args.out / name).stat().st_size:,} bytes")
    data = (args.out / "afp_eng_199405").read_bytes()
    (args.out / "afp_eng_199405.gz").write_bytes(gzip.compress(data, 6))
    print(f"afp_eng_199405.gz: {(args.out / 'afp_eng_199405.gz').stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
