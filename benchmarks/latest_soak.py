"""Soak the latest view: many random sequences of input changes, a real flow run after each step,
the view checked after every run against a from-scratch run (tests/output/latest_sequences.py).

    .venv/bin/python benchmarks/latest_soak.py --seeds 40            # seeds 0..39
    .venv/bin/python benchmarks/latest_soak.py --seeds 20 --first 100 --minutes 10
    .venv/bin/python benchmarks/latest_soak.py --only 17 --keep      # replay one seed, keep its folders
    .venv/bin/python benchmarks/latest_soak.py --seeds 10 --classic  # without the newer inputs and ops

By default the folder has the newer readers' inputs (feed .xml, Reuters .sgm, .csv.gz, .parquet)
and the steps draw also from the changes that keep a file's size and mtime (a swap with the times
put back, an edit in place, ``cp -p``, a hard link); ``--classic`` replays seeds as before them.

Prints one JSON line per seed (steps, runs, seconds, failures) and a summary; exits 1 when a seed
failed. A failing seed's folders are kept under --work for inspection.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flows.environment import set_prefect_defaults  # noqa: E402

set_prefect_defaults(home=REPO / ".prefect")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=10, help="how many seeds")
    ap.add_argument("--first", type=int, default=0, help="first seed")
    ap.add_argument("--only", type=int, action="append", help="run just this seed (repeatable)")
    ap.add_argument("--minutes", type=float, default=0, help="stop starting seeds after this long")
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / ".work" / "latest-soak")
    ap.add_argument("--keep", action="store_true", help="keep every seed's folders, not just failing ones")
    ap.add_argument("--classic", action="store_true", help="the sequences before the newer inputs and ops")
    args = ap.parse_args(argv)

    from prefect.testing.utilities import prefect_test_harness

    from flows.curate import curate
    from tests.output.latest_sequences import run_sequence

    def run(raw: Path, out: Path) -> dict:
        return curate(raw=str(raw), out=str(out))

    seeds = args.only or list(range(args.first, args.first + args.seeds))
    started, failed, done, runs, other = time.monotonic(), [], 0, 0, 0
    with prefect_test_harness(server_startup_timeout=180):
        for seed in seeds:
            if args.minutes and time.monotonic() - started > 60 * args.minutes:
                break
            work = args.work / f"seed-{seed}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            t = time.monotonic()
            o = run_sequence(seed, work, REPO / "raw", run, newer=not args.classic)
            done, runs, other = done + 1, runs + o.runs, other + o.other_canonical
            row = {
                "seed": seed,
                "steps": o.steps,
                "runs": o.runs,
                "other_canonical": o.other_canonical,
                "merged_groups": o.merged_groups,
                "seconds": round(time.monotonic() - t, 1),
            }
            print(json.dumps({**row, "failures": o.failures}, ensure_ascii=False), flush=True)
            if o.failures:
                failed.append(seed)
            elif not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    summary = {
        "seeds": done,
        "runs": runs,
        "failed": failed,
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
    print(json.dumps(summary), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
