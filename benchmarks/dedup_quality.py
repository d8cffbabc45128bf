"""Dedup quality on the real corpora: BBC known pairs, synthetic near-duplicates with ground truth,
precision of reported pairs against the true Jaccard of word 5-grams, and syndication edits (story
level) against the true containment.

    .venv/bin/python benchmarks/dedup_quality.py [--n-sources 600] [--seed 7] [--json out.json]

Syndication (truth by construction): from real documents, one edited version per edit kind —
truncation to 40-90% of the sentences, a new lead paragraph (sentences of another real document),
a dropped tail (last 20-40%), a new lead plus a dropped tail, paragraph (sentence block) reordering,
a second real article appended. A version belongs in its source's story when the true containment
of their word-5-gram sets (shared / the shorter's) is >= story_containment with >= story_min_shared
shared 5-grams; it is a copy when the true Jaccard is >= threshold. A version holding text of two
real documents that are both in the corpus belongs, by the story policy (docs/DEDUP.md "Two texts in
one document"), with the one it shares the most 5-grams with (recall_with_source: the strict reading,
in its source's story whatever else it holds). Precision per level counts every
reported (member, canonical) pair against the same truths.
The truth is text only: the templated-text (figure) rule may only cost recall here, never help it
(--story-figure-share 0 turns the rule off to compare). Section figure_rule: story links on BBC +
Reuters with the rule off and on, and every same-story pair it removes, to read.

Ground truth: a derived document is a true duplicate of its source when the exact Jaccard of their
word-5-gram sets (same normalisation as factsieve) is >= the threshold. A reported pair is
(member, canonical) for every member of every cluster; it is correct when its true Jaccard is >= the
threshold or the two are exact duplicates.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import base_corpus, iter_bbc  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate  # noqa: E402
from factsieve.dedup import minhash as mh  # noqa: E402

HEADERS = [
    "UPDATE 2-",
    "Exclusive:",
    "From our correspondent.",
    "ANALYSIS-",
    "This article was first published elsewhere.",
]
FOOTERS = [
    "Copyright 2005 News Service. All rights reserved.",
    "Follow us for more business news and analysis every day of the week.",
    "Additional reporting by the wire desk; editing by the night team.",
]
STRENGTHS = {"light": 0.02, "medium": 0.06, "strong": 0.12, "very_strong": 0.25}


def sentences(text: str) -> list[str]:
    out, cur = [], []
    for w in text.split():
        cur.append(w)
        if w.endswith((".", "!", "?")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def derive(text: str, strength: float, rng: random.Random, vocab: list[str]) -> tuple[str, str]:
    """One edited copy: the edit kind is random, its amount scales with strength."""
    kind = rng.choice(["header_footer", "insert", "delete", "substitute", "truncate", "punct", "mixed"])
    sents = sentences(text)
    if kind in ("header_footer", "mixed"):
        sents = [rng.choice(HEADERS)] + sents[1:] + [rng.choice(FOOTERS)]  # new headline and footer
    if kind in ("insert", "mixed"):
        for _ in range(max(1, int(len(sents) * strength))):
            sents.insert(rng.randrange(len(sents) + 1), " ".join(rng.choice(vocab) for _ in range(15)) + ".")
    if kind in ("delete", "mixed") and len(sents) > 2:
        for _ in range(max(1, int(len(sents) * strength))):
            if len(sents) > 2:
                sents.pop(rng.randrange(len(sents)))
    if kind == "truncate":
        sents = sents[: max(1, int(len(sents) * (1 - strength)))]
    words = " ".join(sents).split()
    if kind in ("substitute", "mixed"):
        for _ in range(max(1, int(len(words) * strength / 2))):
            words[rng.randrange(len(words))] = rng.choice(vocab)
    if kind == "punct":
        words = [w.upper() if rng.random() < strength else w for w in words]
        words = [w + "," if rng.random() < strength else w for w in words]
        return "  \n".join(words), kind
    return " ".join(words), kind


def shingle_set(text: str, k: int) -> np.ndarray:
    wh, nw = mh.word_hashes([text])
    sh, _ = mh.shingles(wh, nw, k, seed=1)
    return mh.shingle_set(sh)


def with_distractors(rows: list, used: set[str], rng: random.Random, params: DedupParams):
    """(texts by id, dedup result) of rows plus 4,000 other real docs (templated Reuters briefs
    included, so false matches can happen)."""
    rows = rows + [
        (d["id"], d["text"]) for d in rng.sample([d for d in base_corpus() if d["id"] not in used], 4000)
    ]
    df = pd.DataFrame({"doc_id": [r[0] for r in rows], "text": [r[1] for r in rows], "quality_score": 0.5})
    return dict(rows), deduplicate(df, params)


def run(n_sources: int, seed: int, params: DedupParams) -> dict:
    rng = random.Random(seed)
    base = [d for d in base_corpus() if len(d["text"].split()) >= 60]
    if not base:
        return {"skipped": "corpora absent"}
    vocab = sorted({w for d in rng.sample(base, 200) for w in d["text"].split()})
    sources = rng.sample(base, n_sources)
    rows = [(d["id"], d["text"]) for d in sources]
    derived = []  # (id, source id, strength, kind)
    for d in sources:
        for name, s in STRENGTHS.items():
            text, kind = derive(d["text"], s, rng, vocab)
            did = f"{d['id']}~{name}"
            rows.append((did, text))
            derived.append((did, d["id"], name, kind))
    used = {d["id"] for d in sources}
    texts, res = with_distractors(rows, used, rng, params)
    a = res.assignments.set_index("doc_id")
    cache: dict[str, np.ndarray] = {}

    def true_j(x: str, y: str) -> float:
        for z in (x, y):
            if z not in cache:
                cache[z] = shingle_set(texts[z], params.shingle_size)
        return mh.jaccard(cache[x], cache[y])

    by_strength: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for did, src, name, _kind in derived:
        truth = true_j(did, src) >= params.threshold
        found = (
            a.loc[did, "dup_cluster_id"] is not None
            and a.loc[did, "dup_cluster_id"] == a.loc[src, "dup_cluster_id"]
        )
        found = bool(found) and not pd.isna(a.loc[did, "dup_cluster_id"])
        c = by_strength[name]
        c["tp" if truth and found else "fn" if truth else "fp" if found else "tn"] += 1
    table = {}
    for name, c in by_strength.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        table[name] = {
            **c,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }
    # precision of every reported (member, canonical) pair
    dup = res.duplicates[(res.duplicates["method"] != "canonical") & (res.duplicates["level"] == "copy")]
    good = 0
    below = []
    for m, c in zip(dup["doc_id"], dup["canonical_doc_id"], strict=True):
        j = true_j(m, c)
        if j >= params.threshold or a.loc[m, "content_hash"] == a.loc[c, "content_hash"]:
            good += 1
        else:
            below.append(round(j, 3))
    return {
        "docs": len(texts),
        "sources": n_sources,
        "by_strength": table,
        "reported_pairs": len(dup),
        "reported_pair_precision": round(good / len(dup), 4) if len(dup) else 1.0,
        "pairs_below_threshold_jaccard": sorted(below)[:20],
        "stats": {k: v for k, v in res.stats.items() if k != "timings_s"},
    }


EDIT_KINDS = ["truncate", "new_lead", "drop_tail", "new_lead_drop_tail", "reorder", "append_article"]


def syndicate(text: str, kind: str, rng: random.Random, other: list[str]) -> str:
    """One syndicated version of a real text; `other` are sentences of another real document."""
    sents = sentences(text)
    n = len(sents)
    if kind == "truncate":
        sents = sents[: max(1, round(n * rng.uniform(0.4, 0.9)))]
    elif kind == "new_lead":
        sents = other[:2] + sents
    elif kind == "drop_tail":
        sents = sents[: max(1, n - round(n * rng.uniform(0.2, 0.4)))]
    elif kind == "new_lead_drop_tail":
        sents = other[:2] + sents[1 : max(2, n - round(n * rng.uniform(0.2, 0.4)))]
    elif kind == "reorder":
        k = max(2, n // 4)  # four blocks of sentences ("paragraphs"), shuffled
        blocks = [sents[i : i + k] for i in range(0, n, k)]
        rng.shuffle(blocks)
        sents = [x for b in blocks for x in b]
    elif kind == "append_article":
        sents = sents + other
    return " ".join(sents)


def run_syndication(n_sources: int, seed: int, params: DedupParams) -> dict:
    rng = random.Random(seed)
    base = [d for d in base_corpus() if len(d["text"].split()) >= 60]
    if not base:
        return {"skipped": "corpora absent"}
    sources = rng.sample(base, n_sources)
    used = {d["id"] for d in sources}
    rest = [d for d in base if d["id"] not in used]
    rows = [(d["id"], d["text"]) for d in sources]
    derived = []  # (id, source id, kind, id of the other real document it took text from)
    for d in sources:
        for kind in EDIT_KINDS:
            od = rng.choice(rest)
            did = f"{d['id']}~{kind}"
            rows.append((did, syndicate(d["text"], kind, rng, sentences(od["text"]))))
            derived.append((did, d["id"], kind, od["id"]))
    texts, res = with_distractors(rows, used, rng, params)
    a = res.assignments.set_index("doc_id")
    cache: dict[str, np.ndarray] = {}

    def truth(x: str, y: str) -> tuple[float, float, int]:
        for z in (x, y):
            if z not in cache:
                cache[z] = shingle_set(texts[z], params.shingle_size)
        sa, sb = cache[x], cache[y]
        inter = len(np.intersect1d(sa, sb, assume_unique=True))
        small = min(len(sa), len(sb))
        return inter / max(len(sa) + len(sb) - inter, 1), inter / max(small, 1), inter

    def story_true(x: str, y: str) -> bool:
        j, c, inter = truth(x, y)
        return (
            (c >= params.story_containment and inter >= params.story_min_shared)
            or j >= params.threshold
            or a.loc[x, "content_hash"] == a.loc[y, "content_hash"]
        )

    def copy_true(x: str, y: str) -> bool:
        return truth(x, y)[0] >= params.threshold or a.loc[x, "content_hash"] == a.loc[y, "content_hash"]

    def score(c: dict) -> dict:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        out = {**c, "precision": round(p, 4), "recall": round(r, 4)}
        if "with_source" in c:
            out["recall_with_source"] = round(c["with_source"] / (c["tp"] + c["fn"]), 4)
        return out

    def home(did: str, src: str, other: str) -> list[str]:
        """The story policy's truth (docs/DEDUP.md "Two texts in one document"): a version holding
        text of two real documents belongs with the one it shares the most 5-grams with; within
        story_min_shared of the most, either is right (the policy moves a document only for that
        many more). The other text counts only when it is in the corpus and truly linked. The
        story it was put in also counts when its canonical truly shares as many 5-grams with it
        (same margin): the corpus can hold a copy of the other text under another id (BBC repeats)."""
        texts_in = [x for x in (src, other) if x in texts and story_true(did, x)]
        if not texts_in:
            return [src]
        shared = [truth(did, x)[2] for x in texts_in]
        bar = max(shared) - params.story_min_shared
        best = sorted(zip(shared, texts_in, strict=True), reverse=True)
        best = [x for n, x in best if n >= bar]
        put = a.loc[did, "story_id"]
        if put != did and put not in best and story_true(did, put) and truth(did, put)[2] >= bar:
            best.append(put)
        return best

    levels = {"copy": ("dup_cluster_id", copy_true), "story": ("story_id", story_true)}
    per_kind: dict[str, dict] = {}
    containments: dict[str, list[float]] = defaultdict(list)
    two_texts: dict[str, int] = defaultdict(int)
    for level, (col, is_true) in levels.items():
        counts: dict[str, dict[str, int]] = {k: defaultdict(int) for k in EDIT_KINDS}
        for did, src, kind, other in derived:
            anchors = home(did, src, other) if level == "story" else [src]
            t = is_true(did, anchors[0])
            g = a.loc[did, col]
            found = not pd.isna(g) and any(g == a.loc[x, col] for x in anchors)
            counts[kind]["tp" if t and found else "fn" if t else "fp" if found else "tn"] += 1
            if level == "story":
                containments[kind].append(truth(did, src)[1])
                two_texts[kind] += src not in anchors
                # the strict reading before the policy: in the story of the text it was made from
                counts[kind]["with_source"] += is_true(did, src) and g == a.loc[src, col]
        per_kind[level] = {
            k: score({x: v.get(x, 0) for x in ("tp", "fn", "fp", "tn", *v)}) for k, v in counts.items()
        }
    pairs = {}
    for level, (_, is_true) in levels.items():
        d = res.duplicates[(res.duplicates["level"] == level) & (res.duplicates["method"] != "canonical")]
        bad = [(m, c) for m, c in zip(d["doc_id"], d["canonical_doc_id"], strict=True) if not is_true(m, c)]
        pairs[level] = {
            "reported_pairs": len(d),
            "precision": round(1 - len(bad) / len(d), 4) if len(d) else 1.0,
            "false_examples": [(m, c, *(round(x, 3) for x in truth(m, c)[:2])) for m, c in bad[:8]],
        }
    story_sizes = res.assignments.groupby("story_id").size()
    return {
        "docs": len(texts),
        "sources": n_sources,
        "per_edit_kind": per_kind,
        "true_containment_median": {k: round(float(np.median(v)), 3) for k, v in containments.items()},
        "versions_whose_home_is_the_other_text": dict(two_texts),
        "pair_precision": pairs,
        "largest_story": int(story_sizes.max()),
        "stats": {k: v for k, v in res.stats.items() if k != "timings_s"},
    }


def largest_groups(params: DedupParams) -> dict:
    """The templated-text guard on the real corpora: the largest copy cluster and story."""
    docs = base_corpus()
    if not docs:
        return {"skipped": "corpora absent"}
    df = pd.DataFrame(
        {"doc_id": [d["id"] for d in docs], "text": [d["text"] for d in docs], "quality_score": 0.5}
    )
    a = deduplicate(df, params).assignments
    cl = a.dropna(subset=["dup_cluster_id"]).groupby("dup_cluster_id").size()
    st = a.groupby("story_id").size()
    return {
        "docs": len(df),
        "largest_copy_cluster": int(cl.max()) if len(cl) else 0,
        "largest_story": int(st.max()),
        "stories_with_2_or_more": int((st > 1).sum()),
        "docs_in_multi_doc_stories": int(st[st > 1].sum()),
    }


def _same_story_pairs(a: pd.DataFrame) -> set[tuple[str, str]]:
    pairs = set()
    for members in a.groupby("story_id")["doc_id"].agg(sorted):
        pairs |= {(x, y) for i, x in enumerate(members) for y in members[i + 1 :]}
    return pairs


def figure_rule_effect(params: DedupParams) -> dict:
    """Story links on the real corpora with the templated-text (figure) rule off and on, and the
    same-story document pairs it removes, with the start of both texts to read them."""
    docs = base_corpus()
    if not docs:
        return {"skipped": "corpora absent"}
    df = pd.DataFrame(
        {"doc_id": [d["id"] for d in docs], "text": [d["text"] for d in docs], "quality_score": 0.5}
    )
    text = dict(zip(df["doc_id"], df["text"], strict=True))
    runs = {
        name: deduplicate(df, replace(params, story_figure_share=share))
        for name, share in (("off", 0.0), ("on", params.story_figure_share))
    }
    pairs = {k: _same_story_pairs(r.assignments) for k, r in runs.items()}
    removed = sorted(pairs["off"] - pairs["on"])
    return {
        **{f"story_verified_pairs_{k}": r.stats["story_verified_pairs"] for k, r in runs.items()},
        "story_figures_disagree": runs["on"].stats["story_figures_disagree"],
        "same_story_pairs_off": len(pairs["off"]),
        "same_story_pairs_on": len(pairs["on"]),
        "added": len(pairs["on"] - pairs["off"]),
        "removed": [
            (x, y, " ".join(text[x].split())[:90], " ".join(text[y].split())[:90]) for x, y in removed
        ],
    }


def bbc_known_pairs(params: DedupParams) -> dict:
    """All exact/whitespace-only duplicate pairs in BBC (grouped by normalised whitespace) must be found."""
    docs = list(iter_bbc())
    if not docs:
        return {"skipped": "corpora absent"}
    groups = defaultdict(list)
    for d in docs:
        groups[(d["id"].split("/")[1], " ".join(d["text"].split()))].append(d["id"])
    pairs = [(g[0], x) for g in groups.values() if len(g) > 1 for x in g[1:]]
    df = pd.DataFrame(
        {"doc_id": [d["id"] for d in docs], "text": [d["text"] for d in docs], "quality_score": 0.5}
    )
    a = deduplicate(df, params).assignments.set_index("doc_id")
    found = sum(
        1
        for x, y in pairs
        if not pd.isna(a.loc[x, "dup_cluster_id"])
        and a.loc[x, "dup_cluster_id"] == a.loc[y, "dup_cluster_id"]
    )
    return {
        "known_pairs": len(pairs),
        "found": found,
        "recall": round(found / len(pairs), 4) if pairs else None,
        "bbc_docs_flagged_duplicate": int((~a["is_canonical"]).sum()),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-sources", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--bands", type=int, default=None)
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--story-figure-share", type=float, default=None, help="0 turns the figure rule off")
    ap.add_argument("--story-min-figures", type=int, default=None)
    ap.add_argument("--sample-bits", type=int, default=None, help="containment samples: 1 in 2^bits shingles")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--only", choices=["all", "syndication"], default="all")
    args = ap.parse_args()
    opts = (
        ("threshold", args.threshold),
        ("bands", args.bands),
        ("rows", args.rows),
        ("story_figure_share", args.story_figure_share),
        ("story_min_figures", args.story_min_figures),
        ("sample_bits", args.sample_bits),
    )
    kw = {k: v for k, v in opts if v is not None}
    params = DedupParams(**kw)
    out = {"params": params.result_params()}
    if args.only == "all":
        out["bbc"] = bbc_known_pairs(params)
        out["real_corpus_groups"] = largest_groups(params)
        out["figure_rule"] = figure_rule_effect(params)
        out["synthetic"] = run(args.n_sources, args.seed, params)
    out["syndication"] = run_syndication(args.n_sources, args.seed, params)
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
