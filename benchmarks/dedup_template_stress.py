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
            so most LSH candidates fail verification and nothing joins them into one component.

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
from tests.dedup.template_texts import briefs  # noqa: E402

# the hostile-input probe's record (tests/flows/test_hostile_round4.py)
STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)


def texts(shape: str, n: int) -> list[str]:
    if shape == "appended":
        return [STORY + str(i) for i in range(n)]
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


def one(shape: str, n: int) -> dict:
    df = frame(shape, n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    res = deduplicate(df, DedupParams())
    wall = time.perf_counter() - t
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    a = res.assignments
    s = res.stats
    keys = [k for k in s if k.endswith(("pairs", "samples", "_size")) or k.startswith("lsh_")]
    peak = ru1.ru_maxrss / 1024
    return {
        "shape": shape,
        "docs": n,
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
        "largest_story": int(a["story_id"].value_counts().max()),
    }


def write_json(path: Path, n: int, shape: str) -> None:
    """The probe's input: one `.json` array of records (read whole: the ingest room's `.json` path)."""
    records = [{"id": str(i), "text": t} for i, t in enumerate(texts(shape, n))]
    path.write_text(json.dumps(records))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[30_000, 100_000, 300_000])
    ap.add_argument("--shape", choices=["appended", "figures"], default="appended")
    ap.add_argument("--one", type=int, default=None, help="(internal) one size in this process")
    ap.add_argument("--write-json", type=Path, default=None)
    ap.add_argument("--n", type=int, default=100_000, help="records for --write-json")
    args = ap.parse_args()
    if args.write_json is not None:
        write_json(args.write_json, args.n, args.shape)
        return
    if args.one is not None:
        print(json.dumps(one(args.shape, args.one)))
        return
    for n in args.sizes:
        r = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--shape", args.shape],
            capture_output=True,
            text=True,
            check=True,
        )
        print(r.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
