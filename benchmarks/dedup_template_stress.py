"""One template repeated many times: the near-duplicate step's cost per document (issue #18, round 10).

    .venv/bin/python benchmarks/dedup_template_stress.py --sizes 30000 100000 300000
    .venv/bin/python benchmarks/dedup_template_stress.py --sizes 100000 --shape figures
    .venv/bin/python benchmarks/dedup_template_stress.py --write-json /tmp/t100k.json --n 100000
        # the hostile probe's file: one JSON array of records, for the real CLI

Shapes (all real-looking text, every record differs from the others):
  appended  the hostile-input probe's file: one short story with the record number appended
            (`STORY + i`): every pair is a near copy (Jaccard ~0.9), one LSH bucket in most bands;
  figures   an auto-generated market brief whose five figures change per record (a stock or
            weather brief): pairs share the template's words but not its figures (Jaccard ~0.3-0.6),
            so most LSH candidates fail verification and nothing joins them into one component;
  names, market, football, weather, prices
            templates of tests/dedup/template_texts.py (a company's market brief, a football result,
            a city weather table, a wholesale price list; names: a board-change notice in one
            wording whose only varying parts are the company and two people) filled with names taken from the real
            corpora (Reuters companies, BBC/Reuters teams and places) and figures drawn per record:
            no two records share a source text, so every story of >= 2 records is a false one.

    .venv/bin/python benchmarks/dedup_template_stress.py --sizes 30000 --shape market --figure-share 0.5
        # the figure rule as it was before round 11 (default: DedupParams())

Each size runs in a subprocess of its own and reports the dedup stats (candidates, verifications,
what any cap gave up), the process's CPU seconds (user + sys) and its peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import xxhash

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factsieve.dedup import DedupParams, deduplicate  # noqa: E402
from tests.dedup.template_texts import TEMPLATES, briefs, template_records  # noqa: E402

SHAPES = ["appended", "figures", *TEMPLATES]
# names for the templates, from the real corpora (benchmarks.corpus): capitalised runs before a
# company suffix, before a club suffix, and after "in"/"at"/"from" (months dropped)
_NAME_PATTERNS = {
    "market": r"\b((?:[A-Z][a-z]+ ){1,2}(?:Inc|Corp|Ltd|Plc))\b",
    "football": r"\b([A-Z][a-z]{2,} (?:United|City|Rovers|Town|Athletic|Villa|Rangers|Albion|County))\b",
    "weather": r"\b(?:in|at|from) ([A-Z][a-z]{3,})\b",
}
_NAME_PATTERNS["prices"] = _NAME_PATTERNS["weather"]
_NAME_PATTERNS["names"] = _NAME_PATTERNS["market"]
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "The"}  # fmt: skip


def corpus_names(shape: str, k: int = 200) -> list[str] | None:
    """The k most frequent names of the shape's kind in BBC + Reuters (None: corpora absent, the
    template's own names are used)."""
    import re
    from collections import Counter

    from benchmarks.corpus import base_corpus

    docs = base_corpus()
    if not docs:
        return None
    pat = re.compile(_NAME_PATTERNS[shape])
    c = Counter(m for d in docs for m in pat.findall(d["text"]))
    names = [x for x, _ in c.most_common() if x.split()[0] not in _MONTHS]
    return sorted(names[:k])


# the hostile-input probe's record (tests/flows/test_hostile_round4.py)
STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)


def texts(shape: str, n: int) -> list[str]:
    if shape == "appended":
        return [STORY + str(i) for i in range(n)]
    if shape in TEMPLATES:
        return [t for _, t in template_records(shape, n, names=corpus_names(shape))]
    return [t for _, t in briefs(n)]  # the test's market brief (tests/dedup/test_template.py)


def frame(shape: str, n: int, start: int = 0) -> pd.DataFrame:
    """32-hex doc ids like the flow's (pipeline.make_doc_id), one date, equal quality."""
    tx = texts(shape, start + n)[start:]
    ids = [xxhash.xxh3_128_hexdigest(f"{shape}/{start + i}".encode()) for i in range(n)]
    return pd.DataFrame(
        {
            "doc_id": ids,
            "text": tx,
            "quality_score": 0.5,
            "published_at": pd.Timestamp("2026-12-01", tz="UTC"),
        }
    )


def one(shape: str, n: int, figure_share: float | None = None) -> dict:
    df = frame(shape, n)
    params = DedupParams() if figure_share is None else DedupParams(story_figure_share=figure_share)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    res = deduplicate(df, params)
    wall = time.perf_counter() - t
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    a = res.assignments
    s = res.stats
    keys = [k for k in s if k.endswith(("pairs", "samples", "_size", "disagree")) or k.startswith("lsh_")]
    peak = ru1.ru_maxrss / 1024
    return {
        "shape": shape,
        "docs": n,
        "story_figure_share": params.story_figure_share,
        "wall_s": round(wall, 1),
        "cpu_s": round(ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime, 1),
        "peak_rss_mb": round(peak),
        "frame_rss_mb": round(rss_before),
        "dedup_added_bytes_per_doc": round((peak - rss_before) * 2**20 / n),
        "timings_s": s["timings_s"],
        "stats": {k: s[k] for k in keys},
        "near_dups": s["near_dups"],
        "clusters": int(a["dup_cluster_id"].nunique()),
        "largest_cluster": int(a["dup_cluster_id"].value_counts().max())
        if a["dup_cluster_id"].notna().any()
        else 1,
        "stories_of_2_plus": int((a["story_id"].value_counts() > 1).sum()),
        "docs_in_another_story": int((a["story_id"] != a["doc_id"]).sum()),
        "largest_story": int(a["story_id"].value_counts().max()),
    }


def write_json(path: Path, n: int, shape: str) -> None:
    """The probe's input: one `.json` array of records (read whole: the ingest room's `.json` path)."""
    records = [{"id": str(i), "text": t} for i, t in enumerate(texts(shape, n))]
    path.write_text(json.dumps(records))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[30_000, 100_000, 300_000])
    ap.add_argument("--shape", choices=SHAPES, default="appended")
    ap.add_argument(
        "--figure-share", type=float, default=None, help="story_figure_share (default: DedupParams)"
    )
    ap.add_argument("--one", type=int, default=None, help="(internal) one size in this process")
    ap.add_argument("--write-json", type=Path, default=None)
    ap.add_argument("--n", type=int, default=100_000, help="records for --write-json")
    args = ap.parse_args()
    if args.write_json is not None:
        write_json(args.write_json, args.n, args.shape)
        return
    if args.one is not None:
        print(json.dumps(one(args.shape, args.one, args.figure_share)))
        return
    for n in args.sizes:
        share = [] if args.figure_share is None else ["--figure-share", str(args.figure_share)]
        r = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--shape", args.shape, *share],
            capture_output=True,
            text=True,
            check=True,
        )
        print(r.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
