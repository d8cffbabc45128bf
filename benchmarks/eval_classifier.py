"""Evaluate the sentence classifier on the three labelled sets (dev split) and print a markdown table.

    .venv/bin/python benchmarks/eval_classifier.py                 # rule classifier, dev split
    .venv/bin/python benchmarks/eval_classifier.py --models        # also train on train, eval on dev
    .venv/bin/python benchmarks/eval_classifier.py --split train --out /tmp/eval.md

Reads ../shared/data/labels (or $FACTSIEVE_SHARED/data/labels) in place; trained models go to a
temporary folder and are deleted (they are measurements, not artefacts: the data's licences forbid
shipping them).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from factsieve.classify import classify_batch
from factsieve.classify.evaluate import evaluate, load_labels, scores

SETS = [
    ("hedge_wikipedia.jsonl", "hedge", "Szeged Uncertainty (Wikipedia)", "F1 ≥ 0.88"),
    ("hedge_news_factbank.jsonl", "hedge", "FactBank newswire (Szeged scheme)", "F1 ≥ 0.85"),
    ("subjectivity_news.jsonl", "subjectivity", "NewsSD-ENG subjectivity", "macro-F1 ≥ 0.70"),
]
# The SFU annotation also counts conditionals, ability/deontic modals and disjunction as speculation;
# the classifier's hedge flag deliberately does not (see docs/EVALUATION.md). This diagnostic shows
# what the flag would score under that broader scheme, on both hedge sets.
_SFU_EXTRA = re.compile(
    r"\b(?:if|or|can|would|could|should|must|either|whether|might|may|ca|n't)\b", re.IGNORECASE
)


def labels_dir() -> Path:
    env = os.environ.get("FACTSIEVE_SHARED")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"
    return base / "data" / "labels"


def _row(name: str, task: str, r: dict) -> str:
    c = r["confusion"]
    return (
        f"| {name} | {task} | {r['classifier'] if r['classifier'] == 'rules' else 'trained model'} | {r['n']} | "
        f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['macro_f1']:.3f} | {r['accuracy']:.3f} | "
        f"{c['tp']}/{c['fp']}/{c['fn']}/{c['tn']} | {r['sentences_per_second']:,} |"
    )


def broad_scheme(path: Path, split: str) -> dict:
    rows = load_labels(path, split)
    labs = classify_batch([t for t, _ in rows])
    pred = [int(lab.hedged or bool(_SFU_EXTRA.search(t))) for (t, _), lab in zip(rows, labs, strict=True)]
    return scores([g for _, g in rows], pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--models", action="store_true", help="also train a model on train and evaluate it")
    ap.add_argument("--out", type=Path, help="write the markdown here too")
    args = ap.parse_args(argv)

    base = labels_dir()
    if not base.is_dir():
        print(f"labelled data not found at {base}; set FACTSIEVE_SHARED", file=sys.stderr)
        return 2
    lines = [
        f"Split: `{args.split}`. Confusion is tp/fp/fn/tn. Speed is end-to-end for the whole set (one process).",
        "",
        "| set | task | classifier | n | P | R | F1 | macro-F1 | acc | confusion | sentences/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for fname, task, title, _target in SETS:
            path = base / fname
            r = evaluate(path, task, split=args.split)
            lines.append(_row(title, task, r))
            if args.models:
                from factsieve.classify import model

                t0 = time.perf_counter()
                info = model.train(path, task, Path(tmp) / f"{fname}.npz", split="train")
                rm = evaluate(path, task, model_path=info["out"], split=args.split)
                lines.append(_row(title, task, rm) + f" <!-- trained in {time.perf_counter() - t0:.1f}s -->")
    lines += ["", "Targets: " + "; ".join(f"{t}: {g}" for _, _, t, g in SETS), ""]
    lines += [
        "Diagnostic — hedge flag OR a conditional/modal/disjunction word (the SFU scheme):",
        "",
        "| set | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for fname, task, title, _ in SETS:
        if task == "hedge":
            b = broad_scheme(base / fname, args.split)
            lines.append(f"| {title} | {b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
