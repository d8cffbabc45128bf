"""The raw folder a random sequence starts from (tests/output/latest_sequences.py): the project's
raw/ plus articles and records written in the formats the readers take, and the texts the
operations (tests/output/latest_operations.py) add and edit with."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

COFFEE = """Coffee council raises harvest forecast after late rains
SAN SALVADOR, June 3 – The Salvadoran Coffee Council raised its forecast for the 2024-25 harvest to 720,000 bags on Monday, citing better rainfall in the western highlands.

Council director Ana María Velasco said growers in Ahuachapán and Santa Ana had reported fuller cherries than a year ago. “The rains came late, but they came,” she told reporters.

The council said export revenue could reach $410 million if New York futures stay near current levels. Exporters said shipping costs had fallen 15 percent since January.

Farm workers' unions asked the council to raise the minimum picking wage before the harvest begins in October."""

BRIDGE = """Bridge on Pan-American Highway reopens after repairs
SAN MIGUEL, June 5 – The Ministry of Public Works reopened the bridge over the Río Grande de San Miguel on Wednesday, four months after a truck damaged one of its supports.

Repairs cost $3.4 million and were paid from the emergency road fund, the ministry said in a statement. Traffic had been diverted through Chinameca, adding about 40 minutes to the journey to the Honduran border.

Freight companies said the detour had cost them about $12,000 a day in fuel and overtime. Minister Romeo Rodríguez said inspectors would check the bridge every three months."""

BUDGET = """Assembly approves supplementary budget for schools
SAN SALVADOR, June 7 – The Legislative Assembly approved a $46 million supplementary budget on Friday to repair 312 public schools before the rainy season.

The measure passed with 58 votes in favour and 20 against. Opposition deputies said the money should have gone to teachers' salaries, which have not risen since 2022.

Education Minister José Mauricio Pineda said work would start at the 80 schools in the worst condition. “Children cannot learn under leaking roofs,” he told the assembly.

The ministry will publish the list of schools and contractors on its website next week, Pineda said."""

# The same story as BUDGET, run by another site: a new lead, the middle kept, the end cut.
BUDGET_REWRITE = """Lawmakers back $46 million plan to fix leaking schools
Deputies voted on Friday to spend more on school buildings as the rainy season nears.

The measure passed with 58 votes in favour and 20 against. Opposition deputies said the money should have gone to teachers' salaries, which have not risen since 2022.

Education Minister José Mauricio Pineda said work would start at the 80 schools in the worst condition. “Children cannot learn under leaking roofs,” he told the assembly."""

HOSPITAL = """New hospital in Nejapa to open in September, ministry says
NEJAPA, June 10 – A 120-bed hospital under construction in Nejapa will open in September, the Ministry of Health said on Monday, two months later than planned.

The $58 million project was delayed by a shortage of steel and by heavy rains in May, vice-minister Carla Molina said. The hospital will serve about 250,000 people in the north of the capital.

Doctors' associations said the ministry had not yet hired the 400 nurses the hospital needs. Molina said recruitment would begin in July."""

EXTRA_ARTICLES = [COFFEE, BRIDGE, BUDGET, BUDGET_REWRITE, HOSPITAL]

# Sentences an edit adds: a correction, an update, a new fact.
EDIT_SENTENCES = [
    "This article was corrected on June 12 to fix the name of a minister.",
    "The ministry confirmed the figures in a statement on Tuesday evening.",
    "Officials said a final decision would be announced after the holiday weekend.",
    "Opposition lawmakers said they would ask the audit office to review the contract.",
    "Shares in the operator closed 2.3 percent higher on Thursday.",
]

RECORDS = [
    {
        "id": "wire-0603-coffee",
        "title": "Coffee council raises harvest forecast",
        "published": "2024-06-03T15:10:00Z",
        "text": COFFEE.split("\n", 1)[1].strip(),
    },
    {
        "id": "wire-0605-bridge",
        "title": "Bridge on Pan-American Highway reopens",
        "published": "2024-06-05T12:00:00Z",
        "text": BRIDGE.split("\n", 1)[1].strip(),
    },
    {
        "id": "wire-0610-hospital",
        "title": "Nejapa hospital to open in September",
        "published": "2024-06-10T17:45:00Z",
        "text": HOSPITAL.split("\n", 1)[1].strip(),
    },
]

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def html_page(article: str) -> str:
    title, body = article.split("\n", 1)
    paras = "\n".join(f"<p>{p.strip()}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | Coastal Daily</title>'
        '</head>\n<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>\n'
        f"<article><h1>{title}</h1>\n{paras}\n</article>\n"
        "<footer><p>© 2024 Coastal Daily. All rights reserved.</p></footer></body></html>\n"
    )


def csv_text(records: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "title", "published", "text"], lineterminator="\n")
    w.writeheader()
    w.writerows(records)
    return buf.getvalue()


def jsonl_text(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def parquet_bytes(records: list[dict]) -> bytes:
    cols = ("id", "title", "published", "text")
    buf = io.BytesIO()
    pq.write_table(pa.table({c: [str(r.get(c, "")) for r in records] for c in cols}), buf)
    return buf.getvalue()


def _rss(records: list[dict]) -> str:
    items = "".join(
        f'<item><title>{r["title"]}</title><guid isPermaLink="false">{r["id"]}</guid>'
        f"<pubDate>{r['pubdate']}</pubDate><description>{r['text']}</description></item>\n"
        for r in records
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Coastal Wire</title>'
        f"<link>https://wire.example.com/</link><description>Top stories</description>\n{items}</channel></rss>\n"
    )


def _sgml(records: list[dict]) -> str:
    return "".join(
        f'<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="{5544 + k}" NEWID="{k + 1}">\n'
        f"<DATE>{r['reuters_date']}</DATE>\n<TOPICS><D>economy</D></TOPICS>\n<TEXT>&#2;\n"
        f"<TITLE>{r['title'].upper()}</TITLE>\n<DATELINE>    SAN SALVADOR, June 3 - </DATELINE><BODY>{r['text']}\n"
        " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        for k, r in enumerate(records)
    )


# Two stories of exactly the same length (only figures differ): the pair a swap, a ``cp -p`` or a
# hard link needs to keep size and mtime (tests/output/latest_operations.py).
PORT_FEES = """Port authority raises container fees by 14 percent
ACAJUTLA, June 12 – The port authority raised container handling fees by 14 percent on Wednesday, the first rise since 2019.

Shipping agents said the increase would add about $35 to the cost of each container. The authority said the money would pay for two new cranes due in 2025."""
PORT_FEES_LATER = PORT_FEES.replace("14 percent", "16 percent").replace("$35", "$41")
assert len(PORT_FEES) == len(PORT_FEES_LATER)

_DATED = [
    ("Mon, 03 Jun 2024 15:10:00 +0000", "3-JUN-2024 15:10:00.00"),
    ("Wed, 05 Jun 2024 12:00:00 +0000", "5-JUN-2024 12:00:00.00"),
    ("Mon, 10 Jun 2024 17:45:00 +0000", "10-JUN-2024 17:45:00.00"),
]
WIRE = [{**r, "pubdate": d, "reuters_date": rd} for r, (d, rd) in zip(RECORDS, _DATED, strict=True)]


def _add_newer_formats(dest: Path) -> None:
    """The inputs of the newer readers: an RSS feed (.xml), Reuters SGML (.sgm), a gzipped CSV, a
    Parquet table, and two same-size stories with the same mtime."""
    (dest / "feeds" / "coastal-wire.xml").write_text(_rss(WIRE[:2]), encoding="utf-8")
    (dest / "reuters").mkdir()
    (dest / "reuters" / "reut2-000.sgm").write_text(_sgml(WIRE[1:]), encoding="utf-8")
    (dest / "tables" / "wire-2024-05.csv.gz").write_bytes(
        gzip.compress(csv_text(RECORDS[1:]).encode(), mtime=0)
    )
    (dest / "tables" / "wire-2024-04.parquet").write_bytes(parquet_bytes([RECORDS[0], RECORDS[2]]))
    for rel, text in (
        ("news/2024-06-12-port-fees.txt", PORT_FEES),
        ("news/2024-06-13-port-fees.txt", PORT_FEES_LATER),
    ):
        (dest / rel).write_text(text, encoding="utf-8")
        os.utime(dest / rel, ns=(1_718_200_000_000_000_000, 1_718_200_000_000_000_000))


def build_raw(repo_raw: Path, dest: Path, newer_formats: bool = False) -> None:
    """The starting folder: the project's raw/ (text, HTML, JSONL, cp1252, an empty and a binary
    file, an exact copy and a near-copy) plus a CSV, a gzipped text, a story rewrite, a JSONL
    without ids and a nested folder; with ``newer_formats`` also the newer readers' inputs and a
    same-size pair (_add_newer_formats)."""
    shutil.copytree(repo_raw, dest)
    (dest / "tables").mkdir()
    (dest / "tables" / "wire-2024-06.csv").write_text(csv_text(RECORDS[:2]), encoding="utf-8")
    nested = dest / "archive" / "2024" / "06"
    nested.mkdir(parents=True)
    (nested / "schools-budget.txt.gz").write_bytes(gzip.compress(BUDGET.encode(), mtime=0))
    (dest / "web" / "schools-budget-rewrite.html").write_text(html_page(BUDGET_REWRITE), encoding="utf-8")
    blog = [{"title": "Hospital delay", "text": HOSPITAL.split("\n", 1)[1].strip()}]
    blog.append({"title": "Bridge reopens", "text": BRIDGE.split("\n", 1)[1].strip()})
    (dest / "feeds" / "blog-roll.jsonl").write_text(jsonl_text(blog), encoding="utf-8")
    if newer_formats:
        _add_newer_formats(dest)
