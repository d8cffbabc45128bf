"""Cost of an incremental run that changes ~1% of a large history, with the latest view (issue #15).

Writes the scaled corpus as JSONL files of --docs-per-file documents (benchmarks/e2e_bench.py), copies
it to a work folder, runs `factsieve run` over it once (the history), then applies --rounds change
rounds and runs again after each. A round deletes one file, renames one and edits one record of a
third (3 x docs-per-file documents re-read or removed; 1,000 per file of 220k = 1.4%) and touches a
fourth. Prints one JSON line per run: wall, flow seconds per stage, the latest view's build (seconds,
files linked/rewritten, rows rewritten) and peak RSS (flow process and whole process tree).

    .venv/bin/python benchmarks/latest_bench.py --size 220000 --docs-per-file 1000 --rounds 2
    .venv/bin/python benchmarks/latest_bench.py --resume 3 --rounds 1   # more rounds on that output
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_bench import REPO, run_flow, write_corpus  # noqa: E402


def change_round(raw: Path, k: int) -> dict:
    files = sorted(p for p in raw.glob("*.jsonl"))
    deleted, renamed, edited, touched = (
        files[10 * k + 1],
        files[10 * k + 2],
        files[10 * k + 3],
        files[10 * k + 4],
    )
    deleted.unlink()
    renamed.rename(renamed.with_name(renamed.stem + f"-moved{k}.jsonl"))
    lines = edited.read_text(encoding="utf-8").split("\n")
    rec = json.loads(lines[0])
    rec["text"] += "\nThis story was updated with a correction."
    lines[0] = json.dumps(rec, ensure_ascii=False)
    edited.write_text("\n".join(lines), encoding="utf-8")
    later = time.time() + 60
    os.utime(touched, (later, later))
    return {"deleted": deleted.name, "renamed": renamed.name, "edited": edited.name, "touched": touched.name}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="220000")
    ap.add_argument("--docs-per-file", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / ".work")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--resume", type=int, default=0, help="keep the work output; first change round")
    ap.add_argument(
        "--no-change", action="store_true", help="with --resume: run once more, changing nothing first"
    )
    args = ap.parse_args(argv)

    corpus, meta = write_corpus(args.size, args.work, args.docs_per_file)
    raw, out = args.work / "latest-raw", args.work / "latest-out"
    if not args.resume:
        for d in (raw, out):
            shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(corpus, raw)
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(args.work / "prefect-home"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    first = args.resume or 0
    for k in range(first, first + args.rounds + (0 if args.resume else 1)):
        if args.no_change and k == first:
            change = {"pending": "changes of a run that did not finish"}
        else:
            change = change_round(raw, k - 1) if k else {"history": meta}
        res = run_flow(raw, out, "thread", None, args.timeout, 0.2, env)
        summary = json.loads((out.parent / (out.name + ".json")).read_text()) if res.get("ok") else {}
        print(
            json.dumps(
                {
                    "run": k,
                    "change": change,
                    "ok": res.get("ok"),
                    "error": res.get("error"),
                    "wall": round(res.get("wall", 0), 1),
                    "flow": round(res.get("flow", 0), 1),
                    "stage_seconds": res.get("stage_seconds"),
                    "latest": summary.get("latest"),
                    "files": {
                        key: summary.get(key)
                        for key in ("new_files", "changed_files", "unchanged_files", "removed_files")
                    },
                    "documents": res.get("documents"),
                    "peak_main_mb": round(res.get("peak_main_mb", 0)),
                    "peak_tree_mb": round(res.get("peak_tree_mb", 0)),
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
