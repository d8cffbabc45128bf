"""Random, seeded sequences of changes to a raw folder, each followed by a real run, and the
invariants the latest view must keep after every run (docs/OPERATIONS.md, "What the latest view
guarantees").

Shared by tests/output/test_latest_random.py (a few fixed seeds in CI) and
benchmarks/latest_soak.py (many seeds, for a soak). A sequence is deterministic for its seed: the
same operations on the same files, so a failing seed is replayed exactly.

The comparison is against a from-scratch run over the current raw folder (same path, so doc_ids
and source_uris are the same). What must be equal and what may differ:

* equal: every row of documents (but the duplicate roles), sentences and rejects, with every
  column but run_id and ingested_at (which run wrote a row is history, not content);
* equal: which live documents are copies of each other, and which share a story (the partitions);
* may differ: which member of a cluster or story is canonical, because an earlier run's canonical
  keeps its role while it lives (docs/DEDUP.md, "Cross-run rule"): the rule tested instead is that
  every member ranked above the canonical (quality_score, then published_at, then doc_id) arrived
  in a later run than the canonical, where "arrived" is the run that made the document live
  (again) — a from-scratch run has one arrival, so its canonical is the best-ranked member. Where
  the canonicals agree, the columns relative to the canonical (dup_method, dup_similarity,
  cluster_id, the duplicates rows) are equal too.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import xxhash

from factsieve.dedup.forget import ROLE_COLUMNS
from factsieve.ingest import manifest
from factsieve.output import publish

TABLES = ("documents", "sentences", "duplicates", "rejects")
RUN_SPECIFIC = ["run_id", "ingested_at", "is_new"]
KEYS = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sent_index"],
    "duplicates": ["level", "cluster_id", "doc_id"],
    "rejects": ["source_uri", "record_key"],
}

# --- the starting folder -------------------------------------------------------------------------

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


def _html(article: str) -> str:
    title, body = article.split("\n", 1)
    paras = "\n".join(f"<p>{p.strip()}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | Coastal Daily</title>'
        '</head>\n<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>\n'
        f"<article><h1>{title}</h1>\n{paras}\n</article>\n"
        "<footer><p>© 2024 Coastal Daily. All rights reserved.</p></footer></body></html>\n"
    )


def _csv(records: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "title", "published", "text"], lineterminator="\n")
    w.writeheader()
    w.writerows(records)
    return buf.getvalue()


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def build_raw(repo_raw: Path, dest: Path) -> None:
    """The starting folder: the project's raw/ (text, HTML, JSONL, cp1252, an empty and a binary
    file, an exact copy and a near-copy) plus a CSV, a gzipped text, a story rewrite, a JSONL
    without ids and a nested folder."""
    shutil.copytree(repo_raw, dest)
    (dest / "tables").mkdir()
    (dest / "tables" / "wire-2024-06.csv").write_text(_csv(RECORDS[:2]), encoding="utf-8")
    nested = dest / "archive" / "2024" / "06"
    nested.mkdir(parents=True)
    (nested / "schools-budget.txt.gz").write_bytes(gzip.compress(BUDGET.encode(), mtime=0))
    (dest / "web" / "schools-budget-rewrite.html").write_text(_html(BUDGET_REWRITE), encoding="utf-8")
    blog = [{"title": "Hospital delay", "text": HOSPITAL.split("\n", 1)[1].strip()}]
    blog.append({"title": "Bridge reopens", "text": BRIDGE.split("\n", 1)[1].strip()})
    (dest / "feeds" / "blog-roll.jsonl").write_text(_jsonl(blog), encoding="utf-8")


# --- operations ------------------------------------------------------------------------------------


@dataclass
class Folder:
    """The raw folder being changed, and what an operation needs to remember."""

    root: Path
    rng: random.Random
    deleted: dict[str, bytes] = field(default_factory=dict)  # rel path -> bytes, for restore
    added: int = 0

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file())

    def dirs(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_dir()) + [
            "",
            "incoming/2024-06",
        ]

    def pick(self, pred: Callable[[str], bool] = lambda _r: True) -> str | None:
        cands = [f for f in self.files() if pred(f)]
        return self.rng.choice(cands) if cands else None

    def free_name(self, folder: str, stem: str, suffix: str) -> str:
        for k in range(1, 1000):
            rel = os.path.join(folder, f"{stem}-{k}{suffix}") if folder else f"{stem}-{k}{suffix}"
            if not (self.root / rel).exists() and rel not in self.deleted:
                return rel
        raise RuntimeError("no free name")

    def write(self, rel: str, data: bytes) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        # A new inode with new bytes, as a scraper writing the file again would leave it.
        tmp = p.with_name(p.name + ".tmp-write")
        tmp.write_bytes(data)
        os.replace(tmp, p)


def _suffix(rel: str) -> str:
    name = os.path.basename(rel)
    inner, ext = os.path.splitext(name)
    return (os.path.splitext(inner)[1] + ext) if ext == ".gz" else ext


def _read_text(f: Folder, rel: str) -> str | None:
    data = (f.root / rel).read_bytes()
    if rel.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _write_text(f: Folder, rel: str, text: str) -> None:
    data = text.encode("utf-8")
    f.write(rel, gzip.compress(data, mtime=0) if rel.endswith(".gz") else data)


def _edit_prose(rng: random.Random, text: str, html: bool) -> str:
    sentence = rng.choice(EDIT_SENTENCES)
    kind = rng.choice(["append", "insert", "number", "cut"])
    if kind == "number" and re.search(r"\d+", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)
    if html:
        if kind == "cut" and text.count("<p>") > 3:
            head, _, tail = text.rpartition("<p>")
            return head + tail.split("</p>", 1)[1]
        return text.replace("</article>", f"<p>{sentence}</p>\n</article>", 1)
    paras = text.rstrip("\n").split("\n")
    if kind == "cut" and len(paras) > 4:
        return "\n".join(paras[:-2]) + "\n"
    if kind == "insert" and len(paras) > 1:
        return "\n".join([paras[0], sentence, *paras[1:]]) + "\n"
    return "\n".join([*paras, "", sentence]) + "\n"


def op_add(f: Folder) -> str:
    article = EXTRA_ARTICLES[f.added % len(EXTRA_ARTICLES)]
    f.added += 1
    kind = f.rng.choice([".txt", ".html", ".jsonl", ".csv", ".txt.gz"])
    folder = f.rng.choice(f.dirs())
    rel = f.free_name(folder, "added", kind)
    if kind == ".html":
        data = _html(article).encode()
    elif kind in (".jsonl", ".csv"):
        title, body = article.split("\n", 1)
        recs = [{"id": f"added-{f.added}", "title": title, "published": "2024-06-11T08:00:00Z", "text": body}]
        data = (_jsonl(recs) if kind == ".jsonl" else _csv(recs)).encode()
    else:
        data = article.encode() if kind == ".txt" else gzip.compress(article.encode(), mtime=0)
    f.write(rel, data)
    return f"add {rel}"


def op_edit_text(f: Folder) -> str | None:
    rel = f.pick(lambda r: _suffix(r) in (".txt", ".html", ".txt.gz", ".htm"))
    if rel is None:
        return None
    text = _read_text(f, rel)
    if not text or not text.strip():  # empty, binary or undecodable: fixed with a real article
        _write_text(f, rel, _html(COFFEE) if _suffix(rel) == ".html" else HOSPITAL)
        return f"fix {rel}"
    _write_text(f, rel, _edit_prose(f.rng, text, _suffix(rel) == ".html"))
    return f"edit {rel}"


def _records(f: Folder, rel: str) -> list[dict] | None:
    text = _read_text(f, rel)
    if text is None:
        return None
    if ".csv" in _suffix(rel):
        try:
            return list(csv.DictReader(io.StringIO(text)))
        except csv.Error:
            return None
    recs = []
    for line in text.split("\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict):
            recs.append(rec)
    return recs


def op_edit_record(f: Folder) -> str | None:
    rel = f.pick(lambda r: _suffix(r) in (".jsonl", ".csv", ".jsonl.gz", ".csv.gz"))
    recs = None if rel is None else _records(f, rel)
    if rel is None or recs is None:
        return None
    is_csv = ".csv" in _suffix(rel)
    kind = f.rng.choice(["edit", "delete", "add", "reorder"]) if recs else "add"
    if kind == "edit":
        r = f.rng.choice(recs)
        r["text"] = _edit_prose(f.rng, str(r.get("text", "")), False)
    elif kind == "delete":
        recs.remove(f.rng.choice(recs))
    elif kind == "add":
        f.added += 1
        base = RECORDS[f.added % len(RECORDS)]
        new = {**base, "id": f"{base['id']}-{f.added}", "text": _edit_prose(f.rng, base["text"], False)}
        if not is_csv and recs and "id" not in recs[0]:
            new.pop("id")
        recs.insert(f.rng.randrange(len(recs) + 1), new)
    else:
        f.rng.shuffle(recs)
    if is_csv:
        recs = [{k: r.get(k, "") for k in ("id", "title", "published", "text")} for r in recs]
    _write_text(f, rel, _csv(recs) if is_csv else _jsonl(recs))
    return f"record-{kind} {rel}"


def op_delete(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    f.deleted[rel] = (f.root / rel).read_bytes()
    (f.root / rel).unlink()
    return f"delete {rel}"


def op_restore(f: Folder) -> str | None:
    free = sorted(r for r in f.deleted if not (f.root / r).exists())
    if not free:
        return None
    rel = f.rng.choice(free)
    f.write(rel, f.deleted.pop(rel))
    return f"restore {rel}"


def op_rename(f: Folder, move: bool = False) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    folder = f.rng.choice(f.dirs()) if move else os.path.dirname(rel)
    stem = os.path.basename(rel)[: -len(_suffix(rel)) or None]
    new = f.free_name(folder, stem.split("-renamed")[0] + "-renamed", _suffix(rel))
    (f.root / new).parent.mkdir(parents=True, exist_ok=True)
    os.rename(f.root / rel, f.root / new)  # keeps size and mtime, as mv does
    return f"{'move' if move else 'rename'} {rel} -> {new}"


def op_swap(f: Folder) -> str | None:
    files = f.files()
    if len(files) < 2:
        return None
    a, b = f.rng.sample(files, 2)
    tmp = f.root / (a + ".swap")
    os.rename(f.root / a, tmp)
    os.rename(f.root / b, f.root / a)
    os.rename(tmp, f.root / b)
    return f"swap {a} <-> {b}"


def op_gzip(f: Folder) -> str | None:
    rel = f.pick(lambda r: not r.endswith(".gz") and not (f.root / (r + ".gz")).exists())
    if rel is None:
        return None
    f.write(rel + ".gz", gzip.compress((f.root / rel).read_bytes(), mtime=0))
    (f.root / rel).unlink()
    return f"gzip {rel}"


def op_truncate(f: Folder) -> str | None:
    rel = f.pick(lambda r: (f.root / r).stat().st_size > 0)
    if rel is None:
        return None
    f.write(rel, b"")
    return f"truncate {rel}"


def op_break(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    data = (f.root / rel).read_bytes()
    # a half-written gzip, or an image saved under a text name
    f.write(rel, data[: len(data) // 2] if rel.endswith(".gz") and len(data) > 20 else BINARY)
    return f"break {rel}"


def op_touch(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    st = (f.root / rel).stat()
    os.utime(f.root / rel, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000 * f.rng.randint(1, 99)))
    return f"touch {rel}"


def op_copy(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    new = f.free_name(f.rng.choice(f.dirs()), "copy-of-" + os.path.basename(rel).split(".")[0], _suffix(rel))
    f.write(new, (f.root / rel).read_bytes())
    return f"copy {rel} -> {new}"


OPERATIONS: dict[str, Callable[[Folder], str | None]] = {
    "add": op_add,
    "edit_text": op_edit_text,
    "edit_record": op_edit_record,
    "delete": op_delete,
    "rename": op_rename,
    "move": lambda f: op_rename(f, move=True),
    "swap": op_swap,
    "gzip": op_gzip,
    "truncate": op_truncate,
    "break": op_break,
    "restore": op_restore,
    "touch": op_touch,
    "copy": op_copy,
}


def random_step(f: Folder) -> list[str]:
    """A handful (1-4) of operations, each logged; one that finds nothing to act on is skipped."""
    done = []
    for _ in range(f.rng.randint(1, 4)):
        name = f.rng.choice(sorted(OPERATIONS))
        what = OPERATIONS[name](f)
        if what:
            done.append(what)
    return done


# --- invariants ------------------------------------------------------------------------------------


def view(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in TABLES:
        df = pd.read_parquet(Path(out) / "latest" / name)
        frames[name] = df.sort_values(KEYS[name], kind="stable", ignore_index=True)
    return frames


def _rank(docs: pd.DataFrame) -> pd.Series:
    """Each document's place by the canonical rule (docs/DEDUP.md): best quality_score (missing
    worst), then earliest published_at (missing latest), then smallest doc_id. 0 is the best."""
    order = docs.assign(
        _q=docs["quality_score"].fillna(-1.0),
        _p=pd.to_datetime(docs["published_at"], utc=True),
    ).sort_values(["_q", "_p", "doc_id"], ascending=[False, True, True], na_position="last", kind="stable")
    return pd.Series(range(len(order)), index=order["doc_id"].to_numpy())


def _groups(docs: pd.DataFrame, col: str) -> set[frozenset]:
    """The partition of the documents into groups of 2+ by col (copy clusters, stories)."""
    g = docs.dropna(subset=[col]).groupby(col)["doc_id"].agg(frozenset)
    return {s for s in g if len(s) > 1}


def _check_canonicals(
    docs: pd.DataFrame, col: str, canon: str, arrival: dict[str, int], what: str
) -> list[str]:
    """Every group's canonical: every member ranked above it arrived later (incremental rule)."""
    rank = _rank(docs)
    bad = []
    for key, members in docs.dropna(subset=[col]).groupby(col):
        if len(members) < 2:
            continue
        c = members[canon].iloc[0]
        if (members[canon] != c).any() or c not in set(members["doc_id"]):
            bad.append(f"{what} {key}: members name canonicals {sorted(set(members[canon]))}")
            continue
        above = [d for d in members["doc_id"] if rank[d] < rank[c]]
        early = [d for d in above if arrival.get(d, -1) <= arrival.get(c, -1)]
        if early:
            bad.append(
                f"{what} {key}: canonical {c} (arrived run {arrival.get(c)}) but {early} rank above it "
                f"and arrived no later ({[arrival.get(d) for d in early]})"
            )
    return bad


def _no_dup_flag(flags) -> list[str]:
    return [x for x in flags if x != "duplicate"]


def compare(
    inc: dict[str, pd.DataFrame], fresh: dict[str, pd.DataFrame], arrival: dict[str, int]
) -> list[str]:
    """What differs between the incremental view and a from-scratch run's, beyond what may."""
    bad: list[str] = []
    role = [*ROLE_COLUMNS, "quality_flags"]
    for name in ("documents", "sentences", "rejects"):
        a, b = (
            t[name].drop(columns=[c for c in RUN_SPECIFIC + role if c in t[name].columns])
            for t in (inc, fresh)
        )
        if name == "documents":
            a = a.assign(flags=inc[name]["quality_flags"].map(_no_dup_flag))
            b = b.assign(flags=fresh[name]["quality_flags"].map(_no_dup_flag))
        try:
            pd.testing.assert_frame_equal(a, b, obj=name)
        except AssertionError as exc:
            ka, kb = (set(map(tuple, t[KEYS[name]].astype(str).to_numpy())) for t in (a, b))
            bad.append(
                f"{name} differ: only incremental {sorted(ka - kb)[:5]}, only fresh {sorted(kb - ka)[:5]}; {str(exc)[:600]}"
            )
    if bad:
        return bad
    di, df_ = inc["documents"], fresh["documents"]
    for col, canon, what in (
        ("dup_cluster_id", "canonical_doc_id", "copy cluster"),
        ("story_id", "story_id", "story"),
    ):
        if _groups(di, col) != _groups(df_, col):
            bad.append(
                f"{what} partition differs: incremental {sorted(map(sorted, _groups(di, col)))} fresh {sorted(map(sorted, _groups(df_, col)))}"
            )
        bad += _check_canonicals(di, col, canon, arrival, "incremental " + what)
        bad += _check_canonicals(df_, col, canon, {d: 0 for d in df_["doc_id"]}, "fresh " + what)
    # Where the canonical is the same, so is everything measured against it.
    same = di.set_index("doc_id")["canonical_doc_id"] == df_.set_index("doc_id")["canonical_doc_id"]
    cols = ["dup_cluster_id", "is_canonical", "dup_method", "dup_similarity"]
    a = di.set_index("doc_id").loc[same[same].index, cols]
    b = df_.set_index("doc_id").loc[same[same].index, cols]
    try:
        pd.testing.assert_frame_equal(a, b, obj="copy roles where the canonical agrees")
    except AssertionError as exc:
        bad.append(str(exc)[:600])
    for d in (di, df_):
        flagged = d["quality_flags"].map(lambda f: "duplicate" in list(f))
        if (flagged != ~d["is_canonical"]).any():
            bad.append("the duplicate flag disagrees with is_canonical")
    same_story = di.set_index("doc_id")["story_id"] == df_.set_index("doc_id")["story_id"]
    keep = set(same_story[same_story].index) & set(same[same].index)
    dup_cols = ["level", "cluster_id", "doc_id", "canonical_doc_id", "similarity", "containment", "method"]
    da, db = (
        t["duplicates"].loc[t["duplicates"]["doc_id"].isin(keep), dup_cols].reset_index(drop=True)
        for t in (inc, fresh)
    )
    try:
        pd.testing.assert_frame_equal(da, db, obj="duplicates rows where the canonicals agree")
    except AssertionError as exc:
        bad.append(str(exc)[:600])
    return bad


def check_live(raw: Path, out: Path, t: dict[str, pd.DataFrame], ever: set[str]) -> list[str]:
    """The view against the folder, the manifest and the history."""
    bad = []
    files = {str(p) for p in raw.rglob("*") if p.is_file()}
    docs, rejects, sents, dups = t["documents"], t["rejects"], t["sentences"], t["duplicates"]
    for name, df in (("documents", docs), ("rejects", rejects)):
        gone = set(df["source_uri"]) - files
        if gone:
            bad.append(f"latest {name} hold rows of files no longer there: {sorted(gone)}")
    if files - set(docs["source_uri"]) - set(rejects["source_uri"]):
        bad.append(
            f"files with no live row: {sorted(files - set(docs['source_uri']) - set(rejects['source_uri']))}"
        )
    if not docs["doc_id"].is_unique or docs.duplicated(["source_uri", "record_key"]).any():
        bad.append("a document is live twice")
    both = set(map(tuple, docs[["source_uri", "record_key"]].to_numpy())) & set(
        map(tuple, rejects[["source_uri", "record_key"]].to_numpy())
    )
    if both:
        bad.append(f"records both a document and a reject: {sorted(both)}")
    if not sents["doc_id"].isin(docs["doc_id"]).all() or not dups["doc_id"].isin(docs["doc_id"]).all():
        bad.append("sentences or duplicates rows of documents not live")
    if (
        not docs["canonical_doc_id"].isin(docs["doc_id"]).all()
        or not docs["story_id"].isin(docs["doc_id"]).all()
    ):
        bad.append("a live document names a canonical or story that is not live")
    # history keeps every version ever live
    history = set(pq.read_table(out / "documents", columns=["doc_id"])["doc_id"].to_pylist())
    if ever - history:
        bad.append(f"history lost versions: {sorted(ever - history)[:5]}")
    # the manifest's record of each live file is its current bytes; nothing else is live in it
    live = manifest.load(out, publish.committed_run_ids(out))
    if set(live) != files:
        bad.append(
            f"manifest live inputs differ: extra {sorted(set(live) - files)}, missing {sorted(files - set(live))}"
        )
    for uri in sorted(set(live) & files):
        data = Path(uri).read_bytes()
        e = live[uri]
        if e.size != len(data) or e.content_hash != xxhash.xxh3_128(data).hexdigest():
            bad.append(f"manifest entry of {uri} is not its current bytes")
    return bad


# --- a sequence ------------------------------------------------------------------------------------

Run = Callable[[Path, Path], dict]


@dataclass
class Outcome:
    seed: int
    steps: list[list[str]]
    failures: list[str]
    runs: int
    # documents whose copy canonical or story differed from the from-scratch run's (legitimately,
    # by arrival order; summed over the steps): how often the arrival rule was what held
    other_canonical: int = 0


def run_sequence(seed: int, work: Path, repo_raw: Path, run: Run, steps: int | None = None) -> Outcome:
    """Build the folder, run, then 3-6 random steps (at most ``steps``), each followed by a run
    into the same output and a from-scratch run into a new one; the invariants after every run.
    Stops at the first step with failures (later steps would only repeat them)."""
    rng = random.Random(seed)
    raw, out = work / "raw", work / "out"
    build_raw(repo_raw, raw)
    folder = Folder(raw, rng)
    run(raw, out)
    t = view(out)
    arrival = dict.fromkeys(t["documents"]["doc_id"], 0)
    ever = set(arrival)
    log: list[list[str]] = []
    failures = check_live(raw, out, t, ever)
    runs, other = 1, 0
    n_steps = rng.randint(3, 6)  # drawn always: a seed cut short (steps) starts as it does in full
    for k in range(1, 1 + min(n_steps, steps or n_steps)):
        if failures:
            break
        log.append(random_step(folder))
        run(raw, out)
        fresh = work / f"fresh-{k}"
        run(raw, fresh)
        runs += 2
        t = view(out)
        live = list(t["documents"]["doc_id"])
        arrival = {d: arrival.get(d, k) for d in live}  # a document that left and came back arrives again
        ever |= set(live)
        scratch = view(fresh)
        failures = [f"step {k}: {m}" for m in check_live(raw, out, t, ever) + compare(t, scratch, arrival)]
        a, b = (v["documents"].set_index("doc_id")[["canonical_doc_id", "story_id"]] for v in (t, scratch))
        if a.index.equals(b.index):
            other += int((a != b).any(axis=1).sum())
        shutil.rmtree(fresh)
    return Outcome(seed, log, failures, runs, other)
