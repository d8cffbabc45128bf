"""CPU time of the per-batch sentence stage (segment + quote_context + classify_batch + sentence_rows).

    git archive 96b0551 factsieve schemas | tar -x -C /tmp/speed_base
    .venv/bin/python benchmarks/sentence_stage_speed.py --baseline /tmp/speed_base --repeat 6
    .venv/bin/python benchmarks/sentence_stage_speed.py --baseline /tmp/speed_base \
        --input benchmarks/.work/corpus-real-10000 --bytes 8000000

The batch: the first ``--bytes`` part of the first file under ``--input`` (a folder the flow would
read, e.g. the e2e benchmark's corpus-real-10000), ingested and cleaned as ``pipeline.process_batch``
does; without ``--input`` (or when it is missing), ``--docs`` BBC + Reuters documents from
../shared/data/corpora, cleaned. The baseline revision's ``factsieve`` package (``--baseline``) and this
one are loaded into one process and timed in alternating rounds on the same texts, CPU time
(``time.process_time``), so other load on a shared machine hits both alike. Per round and revision:
``split_sentences`` over all texts, ``quote_context`` over all documents, ``classify_batch`` on the
resulting sentences with their flags (a fresh call: its memo is per call), and the whole
``pipeline.sentence_rows`` call (which does all three and builds the Arrow-backed frame); "rest" is
sentence_rows minus the three parts. Best and median of the rounds are printed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


# Where a module lives now, then in the flat layout before the packages of issue #16: the baseline
# checkout being compared may predate them.
_MOVED = {"segment": "text.segment", "pipeline": "batch.pipeline"}


def _import_module(name: str):  # noqa: ANN202
    try:
        return importlib.import_module(f"factsieve.{_MOVED.get(name, name)}")
    except ModuleNotFoundError:
        return importlib.import_module(f"factsieve.{name}")


def _load(root: Path) -> dict:
    for name in [k for k in sys.modules if k.split(".")[0] in ("factsieve", "schemas")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        mods = {n: _import_module(n) for n in ("classify", "segment", "pipeline")}
    finally:
        sys.path.remove(str(root))
    for name in [k for k in sys.modules if k.split(".")[0] in ("factsieve", "schemas")]:
        del sys.modules[name]
    return mods


def load_texts(args: argparse.Namespace) -> list[str]:
    from factsieve.batch import pipeline
    from factsieve.ingest import parts as splitting
    from factsieve.ingest.sources import discover

    if args.input and Path(args.input).is_dir():
        import pandas as pd

        parts = []
        for f in discover(str(args.input)):
            parts.extend(splitting.split_parts(f, args.bytes))
        res = pipeline.process_batch(parts[:1], "r", pd.Timestamp.now(tz="UTC"))
        return list(res.documents["text"])
    sys.path.insert(0, str(HERE))
    from corpus import iter_bbc, iter_reuters

    from factsieve.text.clean import clean_text

    docs = [*iter_bbc(), *iter_reuters()][: args.docs]
    return [t for t in (clean_text(d["text"]).text for d in docs) if t]


def time_round(mods: dict, texts: list[str], ids: list[str]) -> dict[str, float]:
    split = mods["segment"].split_sentences
    qc = mods["classify"].quote_context
    cb = mods["classify"].classify_batch
    clock = time.process_time
    out: dict[str, float] = {}
    t0 = clock()
    spans = [split(t) for t in texts]
    out["split_sentences"] = clock() - t0
    t0 = clock()
    flags = [f for t, sp in zip(texts, spans, strict=True) for f in qc(t, sp)]
    out["quote_context"] = clock() - t0
    sents = [t[s:e] for t, sp in zip(texts, spans, strict=True) for s, e in sp]
    t0 = clock()
    cb(sents, flags)
    out["classify_batch"] = clock() - t0
    t0 = clock()
    mods["pipeline"].sentence_rows(ids, texts, "r")
    out["sentence_rows"] = clock() - t0
    out["rest"] = out["sentence_rows"] - out["split_sentences"] - out["quote_context"] - out["classify_batch"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=6)
    ap.add_argument(
        "--input", type=Path, default=REPO.parent / "main" / "benchmarks" / ".work" / "corpus-real-10000"
    )
    ap.add_argument("--bytes", type=int, default=8_000_000)
    ap.add_argument("--docs", type=int, default=5000)
    args = ap.parse_args(argv)
    old = _load(args.baseline.resolve())
    new = _load(REPO)
    texts = load_texts(args)
    ids = [f"d{i}" for i in range(len(texts))]
    n_sents = sum(len(new["segment"].split_sentences(t)) for t in texts)
    print(f"{len(texts):,} documents, {sum(map(len, texts)) / 1e6:.1f} M chars, {n_sents:,} sentences")
    times: dict[str, list[dict[str, float]]] = {"before": [], "now": []}
    for i in range(args.repeat):
        order = [("before", old), ("now", new)] if i % 2 == 0 else [("now", new), ("before", old)]
        for name, mods in order:
            times[name].append(time_round(mods, texts, ids))
    print(f"{args.repeat} alternating rounds, CPU seconds, load average {os.getloadavg()[0]:.2f}")
    print(f"{'':<16} {'before best':>11} {'median':>8}   {'now best':>9} {'median':>8}   ratio (median)")
    for part in ("split_sentences", "quote_context", "classify_batch", "rest", "sentence_rows"):
        b = [r[part] for r in times["before"]]
        a = [r[part] for r in times["now"]]
        print(
            f"{part:<16} {min(b):>11.3f} {statistics.median(b):>8.3f}   {min(a):>9.3f} {statistics.median(a):>8.3f}"
            f"   {statistics.median(b) / max(statistics.median(a), 1e-9):.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
