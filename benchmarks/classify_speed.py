"""Throughput of classify_batch, single process, on real sentences.

    .venv/bin/python benchmarks/classify_speed.py            # all labelled sentences in ../shared
    .venv/bin/python benchmarks/classify_speed.py --repeat 5
    git archive HEAD factsieve | tar -x -C /tmp/base    # then, before/after in one process:
    .venv/bin/python benchmarks/classify_speed.py --baseline /tmp/base --repeat 10
    .venv/bin/python benchmarks/classify_speed.py --baseline /tmp/base --repeat 9 --chunks 2000
        # the per-chunk method: best CPU time per 2,000-sentence chunk, summed (add --other DIR for an A/A run)
    .venv/bin/python benchmarks/classify_speed.py --baseline /tmp/base --repeat 6 --docs 10000
        # + one pipeline batch: 10k news documents (scaled corpus, cleaned) -> ~180k sentences with
        #   quote_context flags, as pipeline.sentence_rows builds it (natural repetition included)

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

from factsieve.classify import (
    attribution,
    boilerplate,
    classify,
    classify_batch,
    filler,
    hedge,
    opinion,
    prefilter,
)


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


def corpus_batch(n_docs: int) -> tuple[list[str], list[bool]]:
    """Sentences and continued flags of ``n_docs`` news documents, built like pipeline.sentence_rows."""
    import itertools
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import scaled_corpus

    from factsieve.classify import quote_context
    from factsieve.text.clean import clean_text
    from factsieve.text.segment import split_sentences

    sents: list[str] = []
    flags: list[bool] = []
    for doc in itertools.islice(scaled_corpus(n_docs, 0), n_docs):
        text = clean_text(doc["text"]).text
        spans = split_sentences(text)
        flags.extend(quote_context(text, spans))
        sents.extend(text[s:e] for s, e in spans)
    return sents, flags


def best_rate(fn, items: list[str], repeat: int, clock=time.process_time) -> float:
    best = 0.0
    for _ in range(repeat):
        t0 = clock()
        fn(items)
        best = max(best, len(items) / max(clock() - t0, 1e-9))
    return best


def _load_classify(root: Path | None):
    import importlib
    import sys

    for name in [k for k in sys.modules if k == "factsieve" or k.startswith("factsieve.")]:
        del sys.modules[name]
    if root is not None:
        sys.path.insert(0, str(root))
    try:
        return importlib.import_module("factsieve.classify")
    finally:
        if root is not None:
            sys.path.remove(str(root))


def compare(baseline: Path, sents: list[str], rounds: int, batch: tuple[list[str], list[bool]] | None) -> int:
    """Alternate the baseline revision and this one in one process; print best and median rates."""
    import statistics

    old = _load_classify(baseline.resolve())
    new = _load_classify(None)
    sets = [(f"{len(sents):,} unique sentences", sents, None)]
    if batch is not None:
        sets.append((f"corpus batch of {len(batch[0]):,} sentences", *batch))
    for title, items, flags in sets:
        rates: dict[str, list[float]] = {"before": [], "now": []}
        for i in range(rounds):
            order = [("before", old), ("now", new)] if i % 2 == 0 else [("now", new), ("before", old)]
            for name, mod in order:
                t0 = time.process_time()
                mod.classify_batch(items, flags)
                rates[name].append(len(items) / max(time.process_time() - t0, 1e-9))
        print(f"{title}, {rounds} alternating rounds, load average {os.getloadavg()[0]:.2f}")
        for name, rs in rates.items():
            print(
                f"{name:<7} best {max(rs):>9,.0f}  median {statistics.median(rs):>9,.0f} sentences/s per core (CPU time)"
            )
        # Each round ran both revisions back to back: the ratio of a round's pair moves less with the
        # machine's load than either rate does.
        ratios = [n / b for n, b in zip(rates["now"], rates["before"], strict=True)]
        print(
            f"now/before per round: median {statistics.median(ratios):.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f}); best {max(rates['now']) / max(rates['before']):.3f}, "
            f"median {statistics.median(rates['now']) / statistics.median(rates['before']):.3f}"
        )
    return 0


def compare_chunks(
    baseline: Path, sents: list[str], rounds: int, size: int, other: Path | None = None
) -> int:
    """The per-chunk method (rounds 10-12 of issue #17): the best CPU time of each ``size``-sentence chunk over
    ``rounds`` alternated rounds, summed — the least disturbed figure for each chunk on a loaded machine.
    ``other`` replaces this revision (an A/A run: two copies of one revision give the method's noise)."""
    old = _load_classify(baseline.resolve())
    new = _load_classify(other.resolve() if other is not None else None)
    chunks = [sents[i : i + size] for i in range(0, len(sents), size)]
    best = {"before": [float("inf")] * len(chunks), "now": [float("inf")] * len(chunks)}
    for r in range(rounds):
        order = [("before", old), ("now", new)] if r % 2 == 0 else [("now", new), ("before", old)]
        for k, chunk in enumerate(chunks):
            for name, mod in order:
                t0 = time.process_time()
                mod.classify_batch(chunk)
                best[name][k] = min(best[name][k], time.process_time() - t0)
    b, n = sum(best["before"]), sum(best["now"])
    print(
        f"{len(sents):,} unique sentences in {len(chunks)} chunks, {rounds} alternated rounds, load {os.getloadavg()[0]:.2f}"
    )
    print(
        f"best per-chunk CPU time, summed: before {b * 1000:,.0f} ms ({len(sents) / b:,.0f} sentences/s per core), "
        f"now {n * 1000:,.0f} ms ({len(sents) / n:,.0f}); now/before time {n / b:.3f}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--baseline",
        type=Path,
        help="folder holding another revision's factsieve package (git archive REV factsieve | tar -x -C DIR); "
        "both are loaded into this process and timed alternately, which is fair on a shared machine",
    )
    ap.add_argument(
        "--docs",
        type=int,
        default=0,
        help="also time one pipeline batch: this many scaled-corpus news documents, cleaned, segmented, "
        "with quote_context flags (needs ../shared/data/corpora)",
    )
    ap.add_argument(
        "--chunks",
        type=int,
        default=0,
        help="with --baseline: the per-chunk method, best CPU time per chunk of this many sentences (e.g. 2000)",
    )
    ap.add_argument(
        "--other", type=Path, help="with --chunks: a folder timed in place of this revision (A/A run)"
    )
    args = ap.parse_args(argv)
    sents = load_sentences()
    if args.baseline and args.chunks:
        return compare_chunks(args.baseline, sents, args.repeat, args.chunks, args.other)
    batch = corpus_batch(args.docs) if args.docs else None
    if args.baseline:
        return compare(args.baseline, sents, args.repeat, batch)
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
    if batch is not None:
        b_sents, b_flags = batch
        rate = best_rate(lambda xs: classify_batch(xs, b_flags), b_sents, args.repeat)
        print(
            f"classify_batch ({args.docs:,} docs, {len(b_sents):,} sentences): {rate:>9,.0f} sentences/s per core"
        )

    seeds = _shared() / "seeds"
    if seeds.is_dir():
        from factsieve.text.segment import sentences as split

        seed_sents = [
            s for f in sorted(seeds.glob("*.txt")) for s in split(f.read_text(encoding="utf-8"))
        ] * 50
        print(
            f"classify_batch (seeds x50): {best_rate(classify_batch, seed_sents, args.repeat):>9,.0f} sentences/s"
        )

    # classify_document (quotation context across sentences) against classify_batch on the same
    # sentences: documents of 20 consecutive unique sentences, segmented once up front.
    try:
        from factsieve.classify import classify_document, quote_context
    except ImportError:  # an older revision (before/after comparisons): no document entry point
        pass
    else:
        from factsieve.text.segment import split_sentences

        docs = [" ".join(sents[i : i + 20]) for i in range(0, len(sents), 20)]
        doc_spans = [split_sentences(d) for d in docs]
        doc_sents = [d[s:e] for d, sp in zip(docs, doc_spans, strict=True) for s, e in sp]
        t0 = time.process_time()
        classify_batch(doc_sents)
        t_batch = time.process_time() - t0
        t0 = time.process_time()
        for d, sp in zip(docs, doc_spans, strict=True):
            classify_document(d, sp)
        t_doc = time.process_time() - t0
        t0 = time.process_time()
        for d, sp in zip(docs, doc_spans, strict=True):
            quote_context(d, sp)
        t_ctx = time.process_time() - t0
        n = len(doc_sents)
        print(
            f"classify_document (20-sentence docs): {n / t_doc:>9,.0f} sentences/s vs classify_batch "
            f"{n / t_batch:,.0f}; quote_context alone {n / t_ctx:,.0f} sentences/s"
        )

    for name, fn in [
        ("  words_of", lambda xs: [prefilter.words_of(x) for x in xs]),
        ("  hedge_cues", lambda xs: [hedge.hedge_cues(x) for x in xs]),
        ("  attribution_cues", lambda xs: [attribution.attribution_cues(x, []) for x in xs]),
        (
            "  opinion+stance",
            lambda xs: [(opinion.opinion_cues(x, []), opinion.stance_cues(x, [])) for x in xs],
        ),
        (
            "  filler+boilerplate",
            lambda xs: [(filler.filler_cues(x, []), boilerplate.boilerplate_cues(x)) for x in xs],
        ),
        ("  classify (no batch)", lambda xs: [classify(x) for x in xs]),
    ]:
        print(f"{name:<24} {best_rate(fn, sents, 1):>10,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
