"""Regression check for speed work: this revision's classifier must give byte-identical output.

    git archive 96b0551 factsieve schemas | tar -x -C /tmp/speed_base     # any earlier revision
    .venv/bin/python benchmarks/classify_regression.py --baseline /tmp/speed_base
    .venv/bin/python benchmarks/classify_regression.py --baseline /tmp/speed_base --rows-docs 3000

Both revisions are loaded into this one process (the baseline's ``factsieve`` package from the given
folder, this revision's from the repository) and run on one sentence corpus:

* BBC + Reuters from ../shared/data/corpora (``benchmarks/corpus.py``), each document cleaned with
  ``clean_text``, split with ``split_sentences``, with ``quote_context`` flags — exactly the sentences
  and flags ``pipeline.sentence_rows`` classifies;
* every labelled sentence in ../shared/data/labels/*.jsonl, once with ``continued`` False and once True;
* the sentences of ../shared/seeds/*.txt.

``--label-changes`` is for a revision that changes labels on purpose: it classifies the news corpus
sentences (this revision's segmentation and quote_context flags, fed to both classifiers) and prints
how many changed label, counted by old -> new, with a few sampled sentences per change, then the
sentences whose hedged flag was set or cleared (with or without a label change), sampled the same way.

    .venv/bin/python benchmarks/classify_regression.py --baseline /tmp/base --label-changes --samples 5

Segmentation and quote_context flags are compared first (the new revision's are used for both only
when they agree), then every field of every ``SentenceLabel`` (label, confidence, the four flags,
cues with kind/text/start/end, deciding_cue, source) of ``classify_batch`` and, on a sample, of
``classify`` called sentence by sentence, and the ``repr`` of the labels. Last,
``pipeline.sentence_rows`` frames of the first ``--rows-docs`` documents are compared with
``DataFrame.equals`` and as Arrow tables. Prints the number of sentences compared and the number of
differences (the first few shown); exits 1 on any difference. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import iter_bbc, iter_reuters, shared_dir  # noqa: E402

_FIELDS = ("label", "confidence", "hedged", "attributed", "quoted", "opinion", "deciding_cue", "source")


# Where a module lives now, then in the flat layout before the packages of issue #16: the baseline
# checkout being compared may predate them.
_MOVED = {"segment": "text.segment", "clean": "text.clean", "pipeline": "batch.pipeline"}


def _import_module(name: str):  # noqa: ANN202
    try:
        return importlib.import_module(f"factsieve.{_MOVED.get(name, name)}")
    except ModuleNotFoundError:
        return importlib.import_module(f"factsieve.{name}")


def _load(root: Path) -> dict:
    """Import ``factsieve`` (and the ``schemas`` its pipeline imports, which import its vocabulary) from
    ``root`` and return its modules (then forget them in sys.modules)."""
    for name in [k for k in sys.modules if k.split(".")[0] in ("factsieve", "schemas")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        mods = {n: _import_module(n) for n in ("classify", "segment", "clean", "pipeline")}
    finally:
        sys.path.remove(str(root))
    for name in [k for k in sys.modules if k.split(".")[0] in ("factsieve", "schemas")]:
        del sys.modules[name]
    return mods


def _key(lab) -> tuple:  # noqa: ANN001
    return (
        *(getattr(lab, f) for f in _FIELDS),
        tuple((type(c).__name__, c.kind, c.text, c.start, c.end) for c in lab.cues),
        type(lab).__name__,
        type(lab.confidence).__name__,
        repr(lab),
    )


def build_corpus(mods: dict) -> tuple[list[str], list[bool], list[str], list[tuple[int, int]]]:
    """Sentences and continued flags (news with quote_context flags, labels both ways, seeds)."""
    clean_text = mods["clean"].clean_text
    split = mods["segment"].split_sentences
    qc = mods["classify"].quote_context
    sents: list[str] = []
    flags: list[bool] = []
    docs: list[str] = []
    all_spans: list[tuple[int, int]] = []
    for doc in [*iter_bbc(), *iter_reuters()]:
        text = clean_text(doc["text"]).text
        docs.append(text)
        spans = split(text)
        all_spans += spans
        flags.extend(qc(text, spans))
        sents.extend(text[s:e] for s, e in spans)
    shared = shared_dir()
    assert shared is not None
    labelled: list[str] = []
    for f in sorted((shared / "data" / "labels").glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            labelled.extend(json.loads(line)["text"] for line in fh if line.strip())
    sents += labelled + labelled
    flags += [False] * len(labelled) + [True] * len(labelled)
    for f in sorted((shared / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        spans = split(text)
        flags.extend(qc(text, spans))
        sents.extend(text[s:e] for s, e in spans)
    return sents, flags, docs, all_spans


def _diff(name: str, a: list, b: list, items: list[str], show: int = 5) -> int:
    bad = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    print(f"{name}: {len(a):,} compared, {len(bad)} differences")
    for i in bad[:show]:
        print(f"  #{i} {items[i][:120]!r}\n    before {a[i]}\n    now    {b[i]}")
    return len(bad)


def label_changes(old: dict, new: dict, samples: int, seed: int = 17) -> int:
    """Print old->new label counts on the news corpus sentences (new segmentation for both)."""
    import random
    from collections import Counter, defaultdict

    clean_text = new["clean"].clean_text
    split = new["segment"].split_sentences
    qc = new["classify"].quote_context
    sents: list[str] = []
    flags: list[bool] = []
    for doc in [*iter_bbc(), *iter_reuters()]:
        text = clean_text(doc["text"]).text
        spans = split(text)
        flags.extend(qc(text, spans))
        sents.extend(text[s:e] for s, e in spans)
    labs_before = old["classify"].classify_batch(sents, flags)
    labs_after = new["classify"].classify_batch(sents, flags)
    before = [lab.label for lab in labs_before]
    after = [lab.label for lab in labs_after]
    moved: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        if a != b:
            moved[(a, b)].append(i)
    # The hedged flag is an output of its own (the hedge task scores it), so its changes are listed too,
    # whether or not the label moved with it.
    flag_moved: dict[str, list[int]] = defaultdict(list)
    for i, (x, y) in enumerate(zip(labs_before, labs_after, strict=True)):
        if x.hedged != y.hedged:
            flag_moved["hedged set" if y.hedged else "hedged cleared"].append(i)
    n_changed = sum(len(v) for v in moved.values())
    print(
        f"news corpus: {len(sents):,} sentences, {n_changed:,} changed label ({n_changed / len(sents):.2%})"
    )
    print("before: " + ", ".join(f"{k} {v:,}" for k, v in sorted(Counter(before).items())))
    print("after:  " + ", ".join(f"{k} {v:,}" for k, v in sorted(Counter(after).items())))
    rng = random.Random(seed)
    for (a, b), ix in sorted(moved.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{a} -> {b}: {len(ix):,}")
        for i in rng.sample(ix, min(samples, len(ix))):
            print(f"    {sents[i][:150]!r}")
    n_flag = sum(len(v) for v in flag_moved.values())
    print(f"\nhedged flag: {n_flag:,} sentences changed ({n_flag / len(sents):.2%})")
    for name, ix in sorted(flag_moved.items()):
        print(f"\n{name}: {len(ix):,}")
        for i in rng.sample(ix, min(samples, len(ix))):
            print(f"    {sents[i][:150]!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--baseline", type=Path, required=True, help="folder holding the baseline factsieve package"
    )
    ap.add_argument("--rows-docs", type=int, default=3000, help="documents for the sentence_rows frame check")
    ap.add_argument("--single", type=int, default=20000, help="sentences also checked through classify()")
    ap.add_argument("--label-changes", action="store_true", help="count intended label changes instead")
    ap.add_argument("--samples", type=int, default=5, help="sentences shown per label change")
    args = ap.parse_args(argv)
    if shared_dir() is None:
        print("skipped: ../shared/data/corpora not found")
        return 0
    old = _load(args.baseline.resolve())
    new = _load(REPO)
    if args.label_changes:
        return label_changes(old, new, args.samples)
    t0 = time.process_time()
    sents_old, flags_old, _, spans_old = build_corpus(old)
    sents, flags, docs, spans = build_corpus(new)
    print(f"corpus: {len(sents):,} sentences ({len(set(sents)):,} unique), {len(docs):,} news documents")
    bad = 0
    bad += _diff("segmentation (news spans)", spans_old, spans, sents)
    bad += _diff("segmentation (sentences)", sents_old, sents, sents)
    bad += _diff("quote_context flags", flags_old, flags, sents)
    if bad:
        return 1
    la = [_key(x) for x in old["classify"].classify_batch(sents, flags)]
    lb = [_key(x) for x in new["classify"].classify_batch(sents, flags)]
    bad += _diff("classify_batch labels", la, lb, sents)
    step = max(1, len(sents) // args.single)
    idx = list(range(0, len(sents), step))
    sub = [sents[i] for i in idx]
    la = [_key(old["classify"].classify(sents[i], flags[i])) for i in idx]
    lb = [_key(new["classify"].classify(sents[i], flags[i])) for i in idx]
    bad += _diff("classify() one by one", la, lb, sub)
    ids = [f"d{i}" for i in range(len(docs))]
    n = args.rows_docs
    fa = old["pipeline"].sentence_rows(ids[:n], docs[:n], "r")
    fb = new["pipeline"].sentence_rows(ids[:n], docs[:n], "r")
    import pyarrow as pa

    same = fa.equals(fb) and list(fa.dtypes) == list(fb.dtypes) and fa.attrs == fb.attrs
    same_arrow = pa.Table.from_pandas(fa).equals(pa.Table.from_pandas(fb))
    print(
        f"sentence_rows: {n:,} documents, {len(fb):,} rows, frames equal {same}, Arrow tables equal {same_arrow}"
    )
    bad += (not same) + (not same_arrow)
    print(f"total differences: {bad} ({time.process_time() - t0:.0f} s CPU)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
