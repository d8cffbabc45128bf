"""Can the document frequency of the shared 5-grams tell a template whose names change from copies
of one story? (issue #18, round 12; docs/BENCHMARKS.md "Dedup, round 12")

    .venv/bin/python benchmarks/dedup_names_df.py                     # 1,000 records, 200 re-sends
    .venv/bin/python benchmarks/dedup_names_df.py --records 3000 --resends 500

One deduplicate over BBC + Reuters plus two generated groups:
  names     a board-change notice in one wording, only the company (200 Reuters names) and two
            people changing (tests/dedup/template_texts.py "names"): no two records share a source;
  resends   one real BBC article syndicated many times: each re-send keeps the text with a site's
            header and/or footer and <= 2% of its words replaced (benchmarks.corpus's news edits).
Every reported (member, canonical) pair of both levels is then classed by group, and its shared
5-grams by how many documents of the run hold them (document frequency). The story level's
boilerplate bar is story_max_key_docs (64) documents; the share of a pair's shared 5-grams held
by more than that is what a document-frequency test would look at.

A second measure, a prototype here and not in factsieve: the figure rule's shape with names in place
of figures. A name is a run of capitalised words not opening a sentence; its slot is the word before
and the word after it (lower case), its filled slot the slot with the name. A pair "disagrees on
names" when it shares >= 2 name slots and fills fewer than 80% of them alike (the figure rule's
share; dedup normalises case away, so this reads the raw texts)."""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import _FOOTERS, _HEADERS, base_corpus  # noqa: E402
from benchmarks.dedup_bench import frame  # noqa: E402
from benchmarks.dedup_template_stress import corpus_names  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate, prepare  # noqa: E402
from tests.dedup.template_texts import template_records  # noqa: E402


def resends(base: list[dict], k: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    src = next(d for d in base if d["id"].startswith("bbc/") and 300 <= len(d["text"].split()) <= 450)
    vocab = [w for d in base[:2000] for w in d["text"].split()]
    out = []
    for i in range(k):
        words = src["text"].split()
        for j in rng.sample(range(len(words)), int(len(words) * rng.uniform(0.0, 0.02))):
            words[j] = rng.choice(vocab)
        parts = (rng.choice(["", *_HEADERS]), " ".join(words), rng.choice(["", *_FOOTERS]))
        out.append({**src, "id": f"resend/{i:04d}", "text": " ".join(x for x in parts if x)})
    return [src, *out]


_TOKEN = re.compile(r"[A-Za-z][\w'-]*|\d[\d.,]*|[.!?;:]")


def name_slots(text: str) -> tuple[set[str], set[str]]:
    """(slots, filled slots) of the names of a text (see the module docstring)."""
    tok = _TOKEN.findall(text)
    slots, filled = set(), set()
    i = 0
    while i < len(tok):
        if tok[i][0].isupper() and i > 0 and tok[i - 1] not in {".", "!", "?"}:
            j = i
            while j < len(tok) and tok[j][0].isupper():
                j += 1
            slot = f"{tok[i - 1].lower()} # {tok[j].lower() if j < len(tok) else ''}"
            slots.add(slot)
            filled.add(slot + " " + " ".join(tok[i:j]))
            i = j
        else:
            i += 1
    return slots, filled


def names_disagree(a: str, b: str, min_slots: int = 2, share: float = 0.8) -> bool:
    (sa, fa), (sb, fb) = name_slots(a), name_slots(b)
    shared = len(sa & sb)
    return shared >= min_slots and len(fa & fb) < share * shared


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--resends", type=int, default=200)
    args = ap.parse_args()
    base = base_corpus()
    names = corpus_names("names")
    docs = list(base)
    src_resends = resends(base, args.resends)
    docs += src_resends[1:]
    pub = base[0]["published"]
    docs += [
        {"id": i, "text": t, "published": pub}
        for i, t in template_records("names", args.records, names=names)
    ]
    df = frame(docs)
    p = DedupParams()
    res = deduplicate(df, p)
    f = prepare(df[["doc_id", "text"]], p)
    pos = pd.Index(f.doc_ids()).get_indexer(df["doc_id"])  # input row -> feature row
    off = f.shingle_offsets.astype(np.int64)
    sh = f.shingles
    owner = np.repeat(np.arange(len(off) - 1), np.diff(off))
    # document frequency of every shingle (a document holds each of its shingles once: sets)
    uniq, inv, counts = np.unique(sh, return_inverse=True, return_counts=True)
    df_of = counts[inv]
    del uniq, owner
    row = dict(zip(df["doc_id"], pos, strict=True))

    def group(doc_id: str) -> str:
        if doc_id.startswith("names-"):
            return "names"
        if doc_id.startswith("resend/") or doc_id == src_resends[0]["id"]:
            return "resends"
        return "real"

    out: dict = {"records": args.records, "resends": args.resends, "groups": {}}
    a = res.assignments.set_index("doc_id")
    for g in ("names", "resends"):
        ids = [d["id"] for d in docs if group(d["id"]) == g]
        sub = a.loc[ids]
        out["groups"][g] = {
            "docs": len(ids),
            "largest_copy_cluster": int(sub["dup_cluster_id"].value_counts().max())
            if sub["dup_cluster_id"].notna().any()
            else 1,
            "largest_story": int(sub["story_id"].value_counts().max()),
        }
    dup = res.duplicates
    dup = dup[dup["doc_id"] != dup["canonical_doc_id"]] if "canonical_doc_id" in dup else dup
    stats: dict = {}
    text_of = dict(zip(df["doc_id"], df["text"], strict=True))
    for r in dup.itertuples(index=False):
        m, c = row[r.doc_id], row[r.canonical_doc_id]
        sm = slice(off[m], off[m + 1])
        shared = np.intersect1d(sh[sm], sh[off[c] : off[c + 1]], assume_unique=True)
        dfs = df_of[sm][np.isin(sh[sm], shared, assume_unique=True)]
        share = float((dfs > p.story_max_key_docs).mean()) if len(dfs) else 0.0
        key = f"{r.level}/{group(r.doc_id)}"
        disagree = names_disagree(text_of[r.doc_id], text_of[r.canonical_doc_id])
        stats.setdefault(key, []).append((share, float(np.median(dfs)) if len(dfs) else 0.0, disagree))
    out["pairs"] = {
        k: {
            "pairs": len(v),
            "median_boilerplate_share": round(float(np.median([s for s, _, _ in v])), 3),
            "pairs_with_share_ge_0.5": int(sum(s >= 0.5 for s, _, _ in v)),
            "pairs_with_share_ge_0.9": int(sum(s >= 0.9 for s, _, _ in v)),
            "median_df_of_shared": float(np.median([d for _, d, _ in v])),
            "pairs_disagreeing_on_names": int(sum(x for _, _, x in v)),
        }
        for k, v in sorted(stats.items())
    }
    out["real_pairs_disagreeing_on_names"] = [
        [r.level, r.doc_id, r.canonical_doc_id, text_of[r.doc_id][:160], text_of[r.canonical_doc_id][:160]]
        for r in dup.itertuples(index=False)
        if group(r.doc_id) == "real" and names_disagree(text_of[r.doc_id], text_of[r.canonical_doc_id])
    ]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
