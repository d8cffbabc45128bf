"""What change detection costs a run: listing RAW and deciding, from the manifest, which inputs are
unchanged (factsieve.ingest.sources.discover, manifest.load and manifest.plan: the discover stage of
a run without its Prefect and output work). Whole-process timings: run each step under
/usr/bin/time, alternating this checkout and another (FACTSIEVE_SRC=<a source tree> puts its
factsieve first on the path).

    .venv/bin/python benchmarks/change_detection_cost.py make --files 22004 --raw /tmp/cd/raw22k
    .venv/bin/python benchmarks/change_detection_cost.py prime --raw /tmp/cd/raw22k --out /tmp/cd/out22k
    .venv/bin/python benchmarks/change_detection_cost.py rerun --raw /tmp/cd/raw22k --out /tmp/cd/out22k
    .venv/bin/python benchmarks/change_detection_cost.py list --raw /tmp/cd/raw100k

``make`` writes the BBC + Reuters bodies (../shared, benchmarks/corpus.py) one per file in 100
folders, cycling when more files are asked for than there are bodies; ``prime`` writes the manifest
part a first run would (run-1); ``rerun`` plans against it and prints the counts (``--commit``
writes the plan's part, as the upgrade run after an older manifest does); ``list`` only discovers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, os.environ.get("FACTSIEVE_SRC") or str(REPO))

from factsieve.ingest import manifest  # noqa: E402
from factsieve.ingest.sources import discover  # noqa: E402
from factsieve.params import IngestLimits  # noqa: E402


def make(raw: Path, n: int) -> None:
    from corpus import base_corpus

    bodies = [d["text"] for d in base_corpus()]
    for k in range(n):
        folder = raw / f"{k % 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = bodies[k % len(bodies)] + ("" if k < len(bodies) else f"\n\n(copy {k // len(bodies)})")
        (folder / f"doc-{k:06d}.txt").write_text(text, encoding="utf-8")


def commit(out: Path, p, run_id: str) -> None:
    import pyarrow.parquet as pq

    extra = {"refreshed": p.refreshed} if hasattr(p, "refreshed") else {}
    t = manifest.table(p.to_process, p.hashes, run_id, p.removed, IngestLimits(), **extra)
    root = manifest.manifest_root(out)
    root.mkdir(parents=True, exist_ok=True)
    pq.write_table(t, root / f"part-{run_id}.parquet")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["make", "prime", "rerun", "list"])
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--files", type=int, default=22004)
    ap.add_argument("--commit", action="store_true", help="rerun: write the plan's manifest part (run-2)")
    args = ap.parse_args(argv)
    if args.step == "make":
        make(args.raw, args.files)
        return 0
    t0 = time.perf_counter()
    files = discover(args.raw)
    row = {"files": len(files), "discover_s": round(time.perf_counter() - t0, 3)}
    if args.step == "prime":
        commit(args.out, manifest.plan(files, {}, settings=IngestLimits()), "run-1")
    elif args.step == "rerun":
        runs = sorted(
            p.stem.removeprefix("part-") for p in manifest.manifest_root(args.out).glob("part-*.parquet")
        )
        t1 = time.perf_counter()
        previous = manifest.load(args.out, runs)
        t2 = time.perf_counter()
        p = manifest.plan(files, previous, settings=IngestLimits())
        t3 = time.perf_counter()
        row |= {
            "load_s": round(t2 - t1, 3),
            "plan_s": round(t3 - t2, 3),
            "unchanged": len(p.unchanged),
            "to_process": len(p.to_process),
            "refreshed": len(getattr(p, "refreshed", ())),
        }
        if args.commit:
            commit(args.out, p, f"run-{len(runs) + 1}")
    print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
