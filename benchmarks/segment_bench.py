"""Sentence segmenters compared: factsieve.text.segment vs pysbd, blingfire and syntok.

Accuracy: a small hand-written gold set of tricky news sentences (abbreviations such as "D.C.", "Dr.",
"U.S.", "Inc.", initials, decimals, prices, times, quotes, brackets). Each case is one paragraph and its
expected sentences. Scores: boundary precision / recall / F1 (a boundary = the number of non-space
characters before a sentence end, so whitespace handling does not matter) and the share of cases
segmented exactly right.

Speed: every BBC News article (2,225 docs, ~5 MB), whole text per call. pysbd is slow, so it runs on
the first ``--pysbd-docs`` articles and its rate is reported from those.

The other segmenters are not project dependencies; run this with an interpreter that has them, e.g. a
throwaway venv (missing ones are skipped):

    python -m venv /tmp/segvenv && /tmp/segvenv/bin/pip install pysbd blingfire syntok numpy
    /tmp/segvenv/bin/python benchmarks/segment_bench.py            # from the repo root
    .venv/bin/python benchmarks/segment_bench.py                   # factsieve only
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import importlib.util  # noqa: E402

# Loaded by path: some segmenter packages install a top-level "benchmarks" package of their own.
_spec = importlib.util.spec_from_file_location("_fs_corpus", REPO / "benchmarks" / "corpus.py")
_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_corpus)
iter_bbc = _corpus.iter_bbc
from factsieve.text.segment import sentences as factsieve_sentences  # noqa: E402

# (paragraph, expected sentences). Written for this benchmark, not tuned on any segmenter; a few cases
# are known to be hard for rule-based splitters ("Corp. and", "Ex-Gov.").
GOLD: list[tuple[str, list[str]]] = [
    (
        "The senator arrived in Washington, D.C. on Monday. She met the president.",
        ["The senator arrived in Washington, D.C. on Monday.", "She met the president."],
    ),
    (
        "He moved to Washington, D.C. The city was cold.",
        ["He moved to Washington, D.C.", "The city was cold."],
    ),
    (
        "Dr. Smith said the results were clear. Dr. Jones disagreed.",
        ["Dr. Smith said the results were clear.", "Dr. Jones disagreed."],
    ),
    (
        "The U.S. economy grew 3.2% last quarter. Analysts had expected 2.9%.",
        ["The U.S. economy grew 3.2% last quarter.", "Analysts had expected 2.9%."],
    ),
    (
        "The deal was announced in the U.S. It will close next year.",
        ["The deal was announced in the U.S.", "It will close next year."],
    ),
    (
        "J. K. Rowling wrote the books. They sold millions.",
        ["J. K. Rowling wrote the books.", "They sold millions."],
    ),
    (
        "Antony J. Blinken visited Kyiv. He pledged more aid.",
        ["Antony J. Blinken visited Kyiv.", "He pledged more aid."],
    ),
    (
        "Shares rose 1.5 per cent to 212.5p. The FTSE 100 closed up 0.3%.",
        ["Shares rose 1.5 per cent to 212.5p.", "The FTSE 100 closed up 0.3%."],
    ),
    (
        '"We will not back down," the minister said. "This is our country."',
        ['"We will not back down," the minister said.', '"This is our country."'],
    ),
    ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
    (
        "Apple Inc. reported record sales. Its shares rose.",
        ["Apple Inc. reported record sales.", "Its shares rose."],
    ),
    ("Apple Inc. said on Monday that sales rose.", ["Apple Inc. said on Monday that sales rose."]),
    (
        "Mr. Brown and Mrs. Green met at 10 a.m. on Tuesday.",
        ["Mr. Brown and Mrs. Green met at 10 a.m. on Tuesday."],
    ),
    (
        "The meeting ended at 5 p.m. The talks resume tomorrow.",
        ["The meeting ended at 5 p.m.", "The talks resume tomorrow."],
    ),
    (
        "Is this the end? Nobody knows! The board will decide.",
        ["Is this the end?", "Nobody knows!", "The board will decide."],
    ),
    ("Prices rose... Then they fell.", ["Prices rose...", "Then they fell."]),
    ("The U.N. Security Council met on Friday.", ["The U.N. Security Council met on Friday."]),
    (
        "Gen. Mattis spoke to reporters. He declined to comment.",
        ["Gen. Mattis spoke to reporters.", "He declined to comment."],
    ),
    (
        "The company, e.g. Acme, was fined $2.5m. It will appeal.",
        ["The company, e.g. Acme, was fined $2.5m.", "It will appeal."],
    ),
    ("No. 10 Downing Street issued a statement.", ["No. 10 Downing Street issued a statement."]),
    (
        "St. Louis beat the Cubs 5-4. The Cardinals lead the series.",
        ["St. Louis beat the Cubs 5-4.", "The Cardinals lead the series."],
    ),
    ("The vote was 52.4% to 47.6%. Turnout was high.", ["The vote was 52.4% to 47.6%.", "Turnout was high."]),
    (
        "Prof. A. B. Clarke of Oxford Univ. led the study.",
        ["Prof. A. B. Clarke of Oxford Univ. led the study."],
    ),
    (
        "(The figures are provisional.) Final data are due in May.",
        ["(The figures are provisional.)", "Final data are due in May."],
    ),
    (
        "The firm (based in Ohio) cut 300 jobs. Unions protested.",
        ["The firm (based in Ohio) cut 300 jobs.", "Unions protested."],
    ),
    ("Sales were $1.2bn vs. $1.1bn a year earlier.", ["Sales were $1.2bn vs. $1.1bn a year earlier."]),
    (
        "He was born on Jan. 5, 1980 in N.Y. and moved away.",
        ["He was born on Jan. 5, 1980 in N.Y. and moved away."],
    ),
    (
        "The U.K. and the E.U. agreed a deal. It takes effect in 2021.",
        ["The U.K. and the E.U. agreed a deal.", "It takes effect in 2021."],
    ),
    (
        "Reuters reported the news at 9 a.m. GMT. Markets reacted.",
        ["Reuters reported the news at 9 a.m. GMT.", "Markets reacted."],
    ),
    (
        "'I'm delighted,' said coach Smith. 'We played well.'",
        ["'I'm delighted,' said coach Smith.", "'We played well.'"],
    ),
    ("“It was a mistake,” he said. “We apologise.”", ["“It was a mistake,” he said.", "“We apologise.”"]),
    (
        "The rate is 4.75%. That is the highest since 2008.",
        ["The rate is 4.75%.", "That is the highest since 2008."],
    ),
    (
        'Mr Blair told MPs: "We will act." The Tories objected.',
        ['Mr Blair told MPs: "We will act."', "The Tories objected."],
    ),
    ("I.B.M. shares fell. The index rose.", ["I.B.M. shares fell.", "The index rose."]),
    ("Ex-Gov. Bush spoke. He was brief.", ["Ex-Gov. Bush spoke.", "He was brief."]),
    (
        "The yield on the 10-year note was 3.1 percent. Bonds rallied.",
        ["The yield on the 10-year note was 3.1 percent.", "Bonds rallied."],
    ),
    (
        "Lt. Col. James Smith, 45, was killed. The army confirmed his death.",
        ["Lt. Col. James Smith, 45, was killed.", "The army confirmed his death."],
    ),
    (
        "The S&P 500 fell 1.2%. The Dow Jones Industrial Average lost 0.9%.",
        ["The S&P 500 fell 1.2%.", "The Dow Jones Industrial Average lost 0.9%."],
    ),
    (
        "A spokesman said: 'No comment.' The company later confirmed the sale.",
        ["A spokesman said: 'No comment.'", "The company later confirmed the sale."],
    ),
    (
        "Microsoft Corp. and Google Inc. declined to comment.",
        ["Microsoft Corp. and Google Inc. declined to comment."],
    ),
    (
        "Ms. Lee, the U.S. trade representative, left early.",
        ["Ms. Lee, the U.S. trade representative, left early."],
    ),
    (
        "Revenue rose to 4.5 bln dlrs from 3.9 bln dlrs. Net income fell.",
        ["Revenue rose to 4.5 bln dlrs from 3.9 bln dlrs.", "Net income fell."],
    ),
    ("The team won 3-1. Smith scored twice.", ["The team won 3-1.", "Smith scored twice."]),
    (
        "He earned a Ph.D. from MIT. He then joined NASA.",
        ["He earned a Ph.D. from MIT.", "He then joined NASA."],
    ),
    (
        "Mt. Everest is 8,849 m high. Climbers queue at the top.",
        ["Mt. Everest is 8,849 m high.", "Climbers queue at the top."],
    ),
    (
        "The plan, approved on Sept. 12, cost 1.3 bln euros. Critics called it wasteful.",
        ["The plan, approved on Sept. 12, cost 1.3 bln euros.", "Critics called it wasteful."],
    ),
    (
        "Profits fell 12 pct. The company blamed the weather.",
        ["Profits fell 12 pct.", "The company blamed the weather."],
    ),
    ("He asked: Why now? The answer came later.", ["He asked: Why now?", "The answer came later."]),
]


def _boundaries(sents: list[str]) -> set[int]:
    """Sentence ends as counts of non-space characters (the last end is implied and dropped)."""
    out, n = set(), 0
    for s in sents:
        n += sum(not c.isspace() for c in s)
        out.add(n)
    if out:
        out.discard(max(out))
    return out


def _segmenters() -> dict[str, Callable[[str], list[str]]]:
    seg: dict[str, Callable[[str], list[str]]] = {"factsieve": factsieve_sentences}
    try:
        import pysbd

        ps = pysbd.Segmenter(language="en", clean=False)
        seg["pysbd"] = lambda t: [s for s in ps.segment(t) if s.strip()]
    except ImportError:
        print("# pysbd not installed: skipped", file=sys.stderr)
    try:
        import blingfire

        seg["blingfire"] = lambda t: [s for s in blingfire.text_to_sentences(t).split("\n") if s.strip()]
    except ImportError:
        print("# blingfire not installed: skipped", file=sys.stderr)
    try:
        from syntok import segmenter as sy

        def _syntok(t: str) -> list[str]:
            return [
                "".join(tok.spacing + tok.value for tok in sent).strip()
                for para in sy.process(t)
                for sent in para
            ]

        seg["syntok"] = _syntok
    except ImportError:
        print("# syntok not installed: skipped", file=sys.stderr)
    return seg


def accuracy(fn: Callable[[str], list[str]]) -> dict:
    tp = fp = fn_ = exact = 0
    errors = []
    for text, gold in GOLD:
        got = fn(text)
        g, p = _boundaries(gold), _boundaries(got)
        tp += len(g & p)
        fp += len(p - g)
        fn_ += len(g - p)
        if [s.strip() for s in got] == gold:
            exact += 1
        else:
            errors.append((text, got))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn_) if tp + fn_ else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn_,
        "precision": prec,
        "recall": rec,
        "f1": f1,
        "exact": exact,
        "cases": len(GOLD),
        "errors": errors,
    }


def speed(fn: Callable[[str], list[str]], texts: list[str], repeats: int) -> dict:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times, n_sent = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        n_sent = sum(len(fn(t)) for t in texts)
        times.append(time.perf_counter() - t0)
    best = min(times)
    return {
        "docs": len(texts),
        "mb": mb,
        "best_s": best,
        "spread_s": max(times) - best,
        "median_s": statistics.median(times),
        "mb_s": mb / best,
        "docs_s": len(texts) / best,
        "sentences": n_sent,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--pysbd-docs", type=int, default=300)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)

    texts = [d["text"] for d in iter_bbc()]
    segs = _segmenters()
    print(
        f"Gold set: {len(GOLD)} paragraphs, {sum(len(g) for _, g in GOLD)} sentences, "
        f"{sum(len(g) - 1 for _, g in GOLD)} boundaries. Speed: BBC News, {len(texts)} articles.\n"
    )
    print(
        "| segmenter | boundary P | R | F1 | exact cases | BBC docs | MB/s (best of "
        f"{args.repeats}) | spread s | sentences | vs factsieve |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    base = None
    for name, fn in segs.items():
        acc = accuracy(fn)
        sample = texts[: args.pysbd_docs] if name == "pysbd" else texts
        sp = speed(fn, sample, 1 if name == "pysbd" else args.repeats) if texts else None
        if name == "factsieve" and sp:
            base = sp["mb_s"]
        rel = f"{sp['mb_s'] / base:.2f}×" if sp and base else ""
        sp_cols = (
            f"{sp['docs']:,} | {sp['mb_s']:.2f} | {sp['spread_s']:.2f} | {sp['sentences']:,}"
            if sp
            else "| | |"
        )
        print(
            f"| {name} | {acc['precision']:.3f} | {acc['recall']:.3f} | {acc['f1']:.3f} | "
            f"{acc['exact']}/{acc['cases']} | {sp_cols} | {rel} |"
        )
        if args.show_errors:
            for text, got in acc["errors"]:
                print(f"    {name} ✗ {text!r} -> {got!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
