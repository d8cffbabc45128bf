"""The raw folder a random sequence starts from (tests/output/latest_sequences.py): the project's
raw/ plus articles and records written in the formats the readers take, and the texts the
operations (tests/output/latest_operations.py) add and edit with."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from pathlib import Path

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


def build_raw(repo_raw: Path, dest: Path) -> None:
    """The starting folder: the project's raw/ (text, HTML, JSONL, cp1252, an empty and a binary
    file, an exact copy and a near-copy) plus a CSV, a gzipped text, a story rewrite, a JSONL
    without ids and a nested folder."""
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
