"""Write deduplicate()'s whole output tables for one corpus, and compare two such folders table by table.

    .venv/bin/python benchmarks/dedup_tables.py write OUT --n 0            # BBC + Reuters (22k)
    .venv/bin/python benchmarks/dedup_tables.py write OUT --n 220000       # dedup_bench's stress profile
    .venv/bin/python benchmarks/dedup_tables.py write OUT --n 220000 --dup-rate 0.03   # news profile
    .venv/bin/python benchmarks/dedup_tables.py write OUT --n 0 --split 0.9   # two runs through a state
    .venv/bin/python benchmarks/dedup_tables.py compare OUT_A OUT_B

`write` runs deduplicate on the corpus (with --split F: the first F of the documents in one run, the
rest in a second run reading its state) and writes assignments.parquet, duplicates.parquet (of the
last run) and stats.json. `compare` reads both folders' tables whole, sorts them by their keys and
reports every differing row (exit 1 if any). Run `write` once with this tree and once with another
(e.g. main's, unpacked with `git archive main | tar -x -C DIR`, running DIR's copy of this script) to
check that a change left every output as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import base_corpus, scaled_corpus  # noqa: E402
from benchmarks.dedup_bench import frame  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate  # noqa: E402

KEYS = {"assignments": ["doc_id"], "duplicates": ["level", "cluster_id", "doc_id"]}


def write(out: Path, n: int, dup_rate: float | None, split: float | None) -> None:
    df = frame(base_corpus()) if n == 0 else frame(scaled_corpus(n, 0, dup_rate))
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    if split is None:
        res = deduplicate(df, DedupParams())
    else:
        cut = int(len(df) * split)
        with tempfile.TemporaryDirectory() as tmp:
            deduplicate(df.iloc[:cut], DedupParams(), state_out=Path(tmp) / "s1")
            res = deduplicate(df.iloc[cut:], DedupParams(), state_in=Path(tmp) / "s1")
    wall = time.perf_counter() - t
    res.assignments.to_parquet(out / "assignments.parquet")
    res.duplicates.to_parquet(out / "duplicates.parquet")
    stats = {k: v for k, v in res.stats.items() if k not in ("timings_s", "total_s", "peak_rss_mb")}
    (out / "stats.json").write_text(json.dumps({"wall_s": round(wall, 1), **stats}, indent=1, default=str))


def compare(a: Path, b: Path) -> int:
    bad = 0
    for name, keys in KEYS.items():
        ta = pd.read_parquet(a / f"{name}.parquet").sort_values(keys).reset_index(drop=True)
        tb = pd.read_parquet(b / f"{name}.parquet").sort_values(keys).reset_index(drop=True)
        if list(ta.columns) != list(tb.columns) or len(ta) != len(tb):
            print(f"{name}: shape/columns differ: {ta.shape} {tb.shape}")
            bad += 1
            continue
        diff = ~((ta == tb) | (ta.isna() & tb.isna())).all(axis=1)
        print(f"{name}: {len(ta)} rows, {int(diff.sum())} differ")
        if diff.any():
            bad += 1
            print(pd.concat([ta[diff].head(20), tb[diff].head(20)], keys=["A", "B"]).to_string())
    sa, sb = json.loads((a / "stats.json").read_text()), json.loads((b / "stats.json").read_text())
    for k in sorted(set(sa) | set(sb)):
        if k != "wall_s" and sa.get(k) != sb.get(k):
            print(f"stats[{k}]: {sa.get(k)} vs {sb.get(k)}")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["write", "compare"])
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--n", type=int, default=0, help="0: BBC + Reuters; else scaled_corpus(n)")
    ap.add_argument("--dup-rate", type=float, default=None)
    ap.add_argument("--split", type=float, default=None, help="first share in a first run, then the rest")
    args = ap.parse_args()
    if args.mode == "write":
        write(args.dirs[0], args.n, args.dup_rate, args.split)
    else:
        sys.exit(compare(args.dirs[0], args.dirs[1]))


if __name__ == "__main__":
    main()
