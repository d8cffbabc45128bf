"""Instructions the classifier executes on the unique labelled sentences, counted by callgrind.

    .venv/bin/python benchmarks/classify_instructions.py                      # this revision
    git archive REV factsieve schemas | tar -x -C /tmp/base
    .venv/bin/python benchmarks/classify_instructions.py --baseline /tmp/base # and another one

An instruction count does not move with the machine's load, as CPU time does on a shared machine.
Each revision runs twice under ``valgrind --tool=callgrind`` (Debian's valgrind): once importing
factsieve.classify and loading the sentences (the labelled sets in ../shared, made unique as
classify_speed.py does), once doing the same and then one ``classify_batch`` over them; the difference
is the classifier's count. Four runs of ~1-2 minutes each.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(root: str, classify: bool) -> None:
    """The process valgrind runs: import, load, and classify when asked."""
    if root != "-":
        sys.path.insert(0, root)
    sys.path.insert(0, str(HERE))
    from classify_speed import load_sentences

    import factsieve.classify as fc

    sents = load_sentences()
    print(f"{len(sents)} sentences, factsieve from {Path(fc.__file__).parent}", file=sys.stderr)
    if classify:
        fc.classify_batch(sents)


def _count(root: str, classify: bool) -> int:
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        root,
        "1" if classify else "0",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stderr
    m = re.search(r"Collected : (\d+)", out)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, help="folder holding another revision's factsieve package")
    ap.add_argument("--child", nargs=2, metavar=("ROOT", "CLASSIFY"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1] == "1")
        return 0
    revisions = [("this revision", "-")]
    if args.baseline:
        revisions.insert(0, ("baseline", str(args.baseline.resolve())))
    counts = {}
    for name, root in revisions:
        load = _count(root, False)
        total = _count(root, True)
        counts[name] = total - load
        print(
            f"{name:<14} import + load {load / 1e9:.3f} G, classify_batch {counts[name] / 1e9:.3f} G instructions"
        )
    if args.baseline:
        ratio = counts["this revision"] / counts["baseline"]
        print(f"this revision / baseline: {ratio:.3f} of the instructions ({(ratio - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
