"""Throughput of classify_batch, single process, on real sentences.

    .venv/bin/python benchmarks/classify_speed.py            # all labelled sentences in ../shared
    .venv/bin/python benchmarks/classify_speed.py --repeat 5

Sentences are made unique first, so the batch-level cache for repeated sentences does not flatter the
number; a second line shows a batch with the natural repetition of scraped text (seed files x 50).
Rates use the process's CPU time (time.process_time), i.e. sentences per second per core, so other
load on a shared machine does not distort them; a wall-clock line is printed too. The best of
--repeat runs is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from factsieve import cues
from factsieve.classify import classify, classify_batch


def _shared() -> Path:
    env = os.environ.get("FACTSIEVE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def load_sentences() -> list[str]:
    texts: list[str] = []
    labels = _shared() / "data" / "labels"
    for f in sorted(labels.glob("*.jsonl")) if labels.is_dir() else []:
        with f.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    if not texts:  # no shared data: a small synthetic mix so the script still runs
        texts = [f"Officials said the talks {i} would likely fail in May {2000 + i}." for i in range(5000)]
    return list(dict.fromkeys(texts))


def best_rate(fn, items: list[str], repeat: int, clock=time.process_time) -> float:
    best = 0.0
    for _ in range(repeat):
        t0 = clock()
        fn(items)
        best = max(best, len(items) / max(clock() - t0, 1e-9))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sents = load_sentences()
    chars = sum(len(s) for s in sents) / max(1, len(sents))
    print(
        f"{len(sents):,} unique sentences, mean {chars:.0f} chars, cpu count {os.cpu_count()}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"classify_batch (unique):   {best_rate(classify_batch, sents, args.repeat):>10,.0f} sentences/s per core (CPU time)"
    )
    wall = best_rate(classify_batch, sents, args.repeat, clock=time.perf_counter)
    print(f"classify_batch (unique):   {wall:>10,.0f} sentences/s wall clock (affected by other load)")

    seeds = _shared() / "seeds"
    if seeds.is_dir():
        from factsieve.segment import sentences as split

        seed_sents = [
            s for f in sorted(seeds.glob("*.txt")) for s in split(f.read_text(encoding="utf-8"))
        ] * 50
        print(
            f"classify_batch (seeds x50): {best_rate(classify_batch, seed_sents, args.repeat):>9,.0f} sentences/s"
        )

    for name, fn in [
        ("  words_of", lambda xs: [cues.words_of(x) for x in xs]),
        ("  hedge_cues", lambda xs: [cues.hedge_cues(x) for x in xs]),
        ("  attribution_cues", lambda xs: [cues.attribution_cues(x, []) for x in xs]),
        ("  opinion+stance", lambda xs: [(cues.opinion_cues(x, []), cues.stance_cues(x, [])) for x in xs]),
        (
            "  filler+boilerplate",
            lambda xs: [(cues.filler_cues(x, []), cues.boilerplate_cues(x)) for x in xs],
        ),
        ("  classify (no batch)", lambda xs: [classify(x) for x in xs]),
    ]:
        print(f"{name:<24} {best_rate(fn, sents, 1):>10,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
