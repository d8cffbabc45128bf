"""Score the six-way label on the hand-written news sentences in tests/data (per class and overall).

    .venv/bin/python benchmarks/eval_news_labels.py                      # both halves
    .venv/bin/python benchmarks/eval_news_labels.py --split heldout --errors
    .venv/bin/python benchmarks/eval_news_labels.py --split blind final   # round-2 blind file, both slices
    .venv/bin/python benchmarks/eval_news_labels.py --split probe r4final # round-4 file, both slices
    .venv/bin/python benchmarks/eval_news_labels.py --split r6probe r6final # round-6 file, both slices
    .venv/bin/python benchmarks/eval_news_labels.py --split r7              # round-7 file (tuned on in 5c)
    .venv/bin/python benchmarks/eval_news_labels.py --split r8              # round-8 file (tuned on in 5d)
    .venv/bin/python benchmarks/eval_news_labels.py --split r9              # round-9 file (tuned on in 6)
    .venv/bin/python benchmarks/eval_news_labels.py --split r10             # round-10 file (tuned on in 6b)
    .venv/bin/python benchmarks/eval_news_labels.py --split r11             # round-11 file (tuned on in 6c)
    .venv/bin/python benchmarks/eval_news_labels.py --split r12             # round-12 file (tuned on in 6c)
    .venv/bin/python benchmarks/eval_news_labels.py --split r13             # round-13 file (tuned on in 7)
    .venv/bin/python benchmarks/eval_news_labels.py --split r14 r16         # round-14/16 files (tuned on in 7)
    .venv/bin/python benchmarks/eval_news_labels.py --split r15 r17         # round-15/17 files (round 7's unseen figure)
    .venv/bin/python benchmarks/eval_news_labels.py --split r20 r21         # round-20/21 files (tuned on in 8)
    .venv/bin/python benchmarks/eval_news_labels.py --split r18 r19         # round-18/19 files (unseen in 7 and 8, tuned on in 9)
    .venv/bin/python benchmarks/eval_news_labels.py --split r24 r25         # round-24/25 files (tuned on in 9)
    .venv/bin/python benchmarks/eval_news_labels.py --split r28 r29         # round-28/29 files (tuned on in 10)
    .venv/bin/python benchmarks/eval_news_labels.py --split r30 r31         # round-30/31 files (unseen in 10, tuned on in 11)
    .venv/bin/python benchmarks/eval_news_labels.py --split r32 r33         # round-32/33 files (unseen in 10-11, tuned on in 12)
    .venv/bin/python benchmarks/eval_news_labels.py --split r34 r35         # round-34/35 files (unseen in 12-13, tuned on in 14)
    .venv/bin/python benchmarks/eval_news_labels.py --split r37 r38         # round-37/38 files (unseen in 14, tuned on in 15)
    .venv/bin/python benchmarks/eval_news_labels.py --split r40 r41         # round-40/41 files (unseen in 15, tuned on in 16)
    .venv/bin/python benchmarks/eval_news_labels.py --file other.jsonl     # any file of the same rows

The sentences were written for factsieve (no third-party text): ``news_labels_tune.jsonl`` is the
half rules were chosen on, ``news_labels_heldout.jsonl`` was written before any rule change and is
never tuned on. ``news_labels_blind.jsonl`` (round 2) was written by someone who had not read the
rules, before any rule change of that round: its rows with ``split: blind`` were then used to find
error classes (so they are no longer blind), the ``split: final`` slice was never looked at for a
fix (but its errors were printed beside the blind ones at the first scoring, so some fixes were
informed by them), and the ``split: fresh`` slice (80) was written after the round-2 fixes and scored
once, with no change after. ``news_labels_r4.jsonl`` (round 4, 308 rows) was written by another
engineer who had not read the rules, and scored once with the rules as they were on main before any
round-4 change: its ``probe`` rows were then used to find error classes, its ``final`` rows (split
``r4final`` here) were scored only at the start and at the end of the round.
``news_labels_r5.jsonl`` (221 rows, split ``r5``) was written by a third engineer who had not read the
rules, after the round-4 rules were in place; it was scored (without printing its errors) on the rules
before round 4, on the round-4 head and on the merged head, and no rule was chosen from it.
``news_labels_r6.jsonl`` (327 rows, splits ``r6probe`` and ``r6final`` here) was written by a fourth
engineer who never read the rules and scored on main before any change; its ``probe`` rows were then
tuned on, its ``final`` rows were never read and scored once at the end (docs/EVALUATION.md "Round 5");
in round 5b the ``final`` errors were read and tuned on too. ``news_labels_r7.jsonl`` (334 rows, split
``r7``) was written by a fifth engineer who never read the rules, during round 5b; it was scored once on
main and once on the round's last rule commit (accuracy and macro-F1 only); in round 5c its errors were
read and tuned on. ``news_labels_r8.jsonl`` (304 rows, split ``r8``) was written by a sixth engineer who
never read the rules, during round 5c; it was scored once on main and once on the round's last rule
commit (accuracy and macro-F1 only); in round 5d its errors were read and tuned on.
``news_labels_r9.jsonl`` (270 rows, split ``r9``) was written by a seventh engineer who never read the
rules, during round 5d; it was scored once on main and once on the round's last rule commit (accuracy
and macro-F1 only); in round 6 its errors were read and tuned on. ``news_labels_r10.jsonl`` (288 rows,
split ``r10``) was written by an eighth engineer who never read the rules; it was scored once on main
and once on the round-6 rule commit (accuracy and macro-F1 only), then read and tuned on in round 6b.
``news_labels_r11.jsonl`` (276 rows, split ``r11``) was written by a ninth engineer who never read the
rules; it was scored once on main and once on round 6b's last rule commit (accuracy and macro-F1 only),
then read and tuned on in round 6c. ``news_labels_r12.jsonl`` (284 rows, split ``r12``) was written by a
tenth engineer who never read the rules; the lead scored it on main and on round 6b (counts only), then
it was read and tuned on in round 6c. ``news_labels_r13.jsonl`` (284 rows, split ``r13``) was written by
an eleventh engineer who never read the rules; it was scored once on main and once on round 6c's last rule
commit (accuracy and macro-F1 only), then read and tuned on in round 7. ``news_labels_r14.jsonl`` (286
rows, split ``r14``: whole scraped pages of unusual outlets) and ``news_labels_r16.jsonl`` (357 rows,
split ``r16``: tricky single sentences written to catch a classifier out) were written by two more
engineers who never read the rules; each was scored once on main before any row was read (accuracy and
macro-F1 only), then read and tuned on in round 7. ``news_labels_r15.jsonl`` (265 rows, split ``r15``:
whole pages) and ``news_labels_r17.jsonl`` (322 rows, split ``r17``: tricky single sentences) were
written by two more engineers who never read the rules; the lead scored them (accuracy and macro-F1
only, no row printed) on main b63b607 and on round 7's commits: they are round 7's unseen figure.
``news_labels_r20.jsonl`` (320 rows, split ``r20``: tricky single sentences) and ``news_labels_r21.jsonl``
(292 rows, split ``r21``: lines of whole scraped pages) were written by two more engineers who never read
the rules; each was scored once on main 5b4dad8 before any row was read (accuracy and macro-F1 only),
then read and tuned on in round 8. ``news_labels_r18.jsonl`` (314 rows, split ``r18``: tricky single
sentences) and ``news_labels_r19.jsonl`` (272 rows, split ``r19``: lines of whole scraped pages) were
written during round 7 and scored unseen by the lead on rounds 7 and 8 (counts only; main 504dbdb: r18
0.892, r19 0.860), then released and read in round 9. ``news_labels_r24.jsonl`` (320 rows, split ``r24``:
tricky single sentences) and ``news_labels_r25.jsonl`` (291 rows, split ``r25``: lines of whole scraped
pages) were written during round 9 by two more engineers who never read the rules; each was scored once
on main 504dbdb before any row was read (r24 0.787, r25 0.859), then read and tuned on in round 9.
``news_labels_r28.jsonl`` (316 rows, split ``r28``: tricky single sentences) and ``news_labels_r29.jsonl``
(304 rows, split ``r29``: lines of whole scraped pages) were written during round 10 by two more engineers
who never read the rules; each was scored once on a snapshot of main 0669adf as soon as it was complete,
before any row was read (r28 0.766 at 09:45 UTC, r29 0.836 at 09:46 UTC), then read and tuned on in round 10.
``news_labels_r30.jsonl`` (319 rows, split ``r30``: tricky single sentences) and ``news_labels_r31.jsonl``
(321 rows, split ``r31``: lines of whole scraped pages) were written at 09:43 UTC during round 10 by two more
engineers who never read the rules; the lead scored them unseen (counts only) on main 0669adf (r30 0.806, r31
0.813) and on round 10's head 63969c7 (0.815, 0.829), then released them to round 11, which read and tuned on them.
``news_labels_r32.jsonl`` (312 rows, split ``r32``: tricky single sentences) and ``news_labels_r33.jsonl``
(316 rows, split ``r33``: lines of whole scraped pages) were written at 11:08 UTC on 2026-12-07 by two more
engineers who never read the rules; the lead scored them unseen (counts only) on main 0669adf (r32 0.785, r33
0.832), on a561a93 (0.801, 0.845) and on 3ba42a8 (0.808, 0.845), then released them to round 12, which read
and tuned on them.
``news_labels_r34.jsonl`` (309 rows, split ``r34``: tricky single sentences) and ``news_labels_r35.jsonl``
(311 rows, split ``r35``: lines of whole scraped pages) were written at 12:41 UTC on 2026-12-07 by two more
engineers who never read the rules; the lead scored them unseen (counts only) on main 3ba42a8 (r34 0.783, r35
0.830) and on 867ce22 (0.799, 0.836), then released them to round 14, which read and tuned on them.
``news_labels_r37.jsonl`` (309 rows, split ``r37``: tricky single sentences) and ``news_labels_r38.jsonl``
(314 rows, split ``r38``: lines of 15 whole scraped pages) were written at 15:29–15:31 UTC on 2026-12-07 by two
more engineers who never read the rules; the lead scored them unseen (counts only) on main 867ce22 (r37 0.806,
r38 0.857) and on a84761a (0.832, 0.863), then released them to round 15, which read and tuned on them.
``news_labels_r40.jsonl`` (303 rows, split ``r40``: tricky single sentences) and ``news_labels_r41.jsonl``
(299 rows, split ``r41``: lines of whole scraped pages) were written at 18:21–18:26 UTC on 2026-12-07 by two
more engineers who never read the rules; the lead scored them unseen (counts only) on main a84761a (r40 0.861,
r41 0.846) and on 91ac638 (0.875, 0.849; the same on 0280ee7), then released them to round 16, which reads and
tunes on them.
``news_labels_r43.jsonl`` (309 rows, split ``r43``: tricky single sentences) and ``news_labels_r44.jsonl``
(304 rows, split ``r44``: the sentences of whole article bodies in order — features, trials, reviews, editorials,
live summaries) were written in session 16 by two more engineers who never read the rules; the lead scored them
unseen (counts only) on main 0280ee7 (r43 0.883, r44 0.836) and on a92b559 (the same), then released them to
round 17, which reads and tunes on them.
Each row has ``text``, ``label`` (one of LABELS), ``class`` (the failure class it
probes, or ``control``) and, for a hedge inside a relative clause, ``hedged: true``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from factsieve.classify import LABELS, classify_batch

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
BLIND = DATA / "news_labels_blind.jsonl"
R4 = DATA / "news_labels_r4.jsonl"
R5 = DATA / "news_labels_r5.jsonl"
R6 = DATA / "news_labels_r6.jsonl"
R7 = DATA / "news_labels_r7.jsonl"
R8 = DATA / "news_labels_r8.jsonl"
R9 = DATA / "news_labels_r9.jsonl"
R10 = DATA / "news_labels_r10.jsonl"
R11 = DATA / "news_labels_r11.jsonl"
R12 = DATA / "news_labels_r12.jsonl"
R13 = DATA / "news_labels_r13.jsonl"
R14 = DATA / "news_labels_r14.jsonl"
R15 = DATA / "news_labels_r15.jsonl"
R16 = DATA / "news_labels_r16.jsonl"
R17 = DATA / "news_labels_r17.jsonl"
R18 = DATA / "news_labels_r18.jsonl"
R19 = DATA / "news_labels_r19.jsonl"
R20 = DATA / "news_labels_r20.jsonl"
R21 = DATA / "news_labels_r21.jsonl"
R24 = DATA / "news_labels_r24.jsonl"
R25 = DATA / "news_labels_r25.jsonl"
R28 = DATA / "news_labels_r28.jsonl"
R29 = DATA / "news_labels_r29.jsonl"
R30 = DATA / "news_labels_r30.jsonl"
R31 = DATA / "news_labels_r31.jsonl"
R32 = DATA / "news_labels_r32.jsonl"
R33 = DATA / "news_labels_r33.jsonl"
R34 = DATA / "news_labels_r34.jsonl"
R35 = DATA / "news_labels_r35.jsonl"
R37 = DATA / "news_labels_r37.jsonl"
R38 = DATA / "news_labels_r38.jsonl"
R40 = DATA / "news_labels_r40.jsonl"
R41 = DATA / "news_labels_r41.jsonl"
R43 = DATA / "news_labels_r43.jsonl"
R44 = DATA / "news_labels_r44.jsonl"
# split name -> (file, value of the row's "split" field to keep, or None for every row)
SPLITS: dict[str, tuple[Path, str | None]] = {
    "tune": (DATA / "news_labels_tune.jsonl", None),
    "heldout": (DATA / "news_labels_heldout.jsonl", None),
    "blind": (BLIND, "blind"),
    "final": (BLIND, "final"),
    "fresh": (BLIND, "fresh"),
    "probe": (R4, "probe"),
    "r4final": (R4, "final"),
    "r5": (R5, "r5"),
    "r6probe": (R6, "probe"),
    "r6final": (R6, "final"),
    "r7": (R7, "r7"),
    "r8": (R8, None),
    "r9": (R9, None),
    "r10": (R10, None),
    "r11": (R11, None),
    "r12": (R12, None),
    "r13": (R13, None),
    "r14": (R14, None),
    "r15": (R15, None),
    "r16": (R16, None),
    "r17": (R17, None),
    "r18": (R18, None),
    "r19": (R19, None),
    "r20": (R20, None),
    "r21": (R21, None),
    "r24": (R24, None),
    "r25": (R25, None),
    "r28": (R28, None),
    "r29": (R29, None),
    "r30": (R30, None),
    "r31": (R31, None),
    "r32": (R32, None),
    "r33": (R33, None),
    "r34": (R34, None),
    "r35": (R35, None),
    "r37": (R37, None),
    "r38": (R38, None),
    "r40": (R40, None),
    "r41": (R41, None),
    "r43": (R43, None),
    "r44": (R44, None),
}


def load(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = [r for r in rows if r.get("label") not in LABELS or not isinstance(r.get("text"), str)]
    if bad:
        raise ValueError(f"{path}: {len(bad)} rows without a text or with a label not in {LABELS}")
    return rows


def select(path: Path, split: str | None) -> list[dict]:
    rows = load(path)
    return rows if split is None else [r for r in rows if r.get("split") == split]


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Mean F1 over the labels that occur in gold or predictions."""
    f1s = []
    for lab in sorted(set(gold) | set(pred)):
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def score(rows: list[dict]) -> dict:
    """Accuracy and macro-F1 overall and per class; hedged-flag accuracy where the row gives one."""
    labs = classify_batch([r["text"] for r in rows])
    gold = [r["label"] for r in rows]
    pred = [lab.label for lab in labs]
    by_class: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_class[r["class"]].append(i)
    flag_rows = [(r, lab) for r, lab in zip(rows, labs, strict=True) if "hedged" in r]
    return {
        "n": len(rows),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows),
        "macro_f1": macro_f1(gold, pred),
        "hedged_flag_accuracy": (
            sum(r["hedged"] == lab.hedged for r, lab in flag_rows) / len(flag_rows) if flag_rows else None
        ),
        "classes": {
            c: {
                "n": len(ix),
                "accuracy": sum(gold[i] == pred[i] for i in ix) / len(ix),
                "macro_f1": macro_f1([gold[i] for i in ix], [pred[i] for i in ix]),
            }
            for c, ix in sorted(by_class.items())
        },
        "errors": [
            (r["class"], r["label"], lab.label, lab.deciding_cue, r["text"])
            for r, lab in zip(rows, labs, strict=True)
            if r["label"] != lab.label
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--split", nargs="+", choices=[*SPLITS, "both"], default=["both"], help="'both' = tune and heldout"
    )
    ap.add_argument("--file", type=Path, help="score every row of this JSONL file instead of --split")
    ap.add_argument("--errors", action="store_true", help="list the sentences labelled wrong")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.file:
        results = {args.file.stem: score(load(args.file))}
    else:
        names = [n for s in args.split for n in (["tune", "heldout"] if s == "both" else [s])]
        results = {n: score(select(*SPLITS[n])) for n in dict.fromkeys(names)}
    splits = list(results)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        return 0
    classes = sorted({c for r in results.values() for c in r["classes"]})
    print("| class | " + " | ".join(f"{s} n | {s} acc | {s} macro-F1" for s in splits) + " |")
    print("|---|" + "---|---|---|" * len(splits))
    for c in classes:
        cells = []
        for s in splits:
            x = results[s]["classes"].get(c)
            cells.append(f"{x['n']} | {x['accuracy']:.2f} | {x['macro_f1']:.2f}" if x else "- | - | -")
        print(f"| {c} | " + " | ".join(cells) + " |")
    cells = [f"**{r['n']}** | **{r['accuracy']:.3f}** | **{r['macro_f1']:.3f}**" for r in results.values()]
    print("| **all** | " + " | ".join(cells) + " |")
    for s, r in results.items():
        if r["hedged_flag_accuracy"] is not None:
            print(f"\n{s}: hedged flag right on {r['hedged_flag_accuracy']:.2f} of the relative-clause rows")
        if args.errors:
            print(f"\n{s} errors ({len(r['errors'])}):")
            for cls, g, p, cue, text in r["errors"]:
                print(f"  [{cls}] gold {g} got {p} (cue {cue!r}): {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
