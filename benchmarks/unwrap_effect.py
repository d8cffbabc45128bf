"""What unwrapping hard-wrapped text (factsieve/text/unwrap.py) changes on the BBC + Reuters corpus.

    .venv/bin/python benchmarks/unwrap_effect.py [--samples 5]

Every document is cleaned twice with this revision's ``clean_text`` — as shipped, and with the unwrap
step replaced by the identity (the lines as the corpus has them) — then segmented and classified
(``split_sentences``, ``quote_context``, ``classify_batch``: the sentences ``pipeline.sentence_rows``
labels). Prints, per source, the documents unwrapped, the sentence counts and the sentences per label
either way, the CPU time of ``unwrap`` itself, and a few sampled sentences that only exist as
fragments without unwrapping (a line that ends without sentence punctuation). Skips when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import iter_bbc, iter_reuters, shared_dir  # noqa: E402

from factsieve.classify import classify_batch, quote_context  # noqa: E402
from factsieve.text import clean  # noqa: E402
from factsieve.text.segment import split_sentences  # noqa: E402
from factsieve.text.unwrap import unwrap  # noqa: E402


def _sentences(texts: list[str]) -> tuple[list[str], list[bool]]:
    sents: list[str] = []
    cont: list[bool] = []
    for text in texts:
        spans = split_sentences(text)
        cont.extend(quote_context(text, spans))
        sents.extend(text[s:e] for s, e in spans)
    return sents, cont


def _labels(texts: list[str]) -> tuple[list[str], Counter]:
    sents, cont = _sentences(texts)
    return sents, Counter(lab.label for lab in classify_batch(sents, cont))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=5, help="fragment sentences shown per source")
    args = ap.parse_args(argv)
    if shared_dir() is None:
        print("../shared not found; set FACTSIEVE_SHARED", file=sys.stderr)
        return 0
    rng = random.Random(0)
    for name, docs in (("bbc", list(iter_bbc())), ("reuters", list(iter_reuters()))):
        raw = [d["text"] for d in docs]
        t0 = time.process_time()
        unwrapped = sum(unwrap(t) is not t for t in raw)
        cpu = time.process_time() - t0
        after = [clean.clean_text(t).text for t in raw]
        with mock.patch.object(clean, "unwrap", lambda t: t):
            before = [clean.clean_text(t).text for t in raw]
        sents_before, lab_before = _labels(before)
        sents_after, lab_after = _labels(after)
        print(f"## {name}: {len(raw):,} documents, {unwrapped:,} unwrapped (unwrap: {cpu:.2f} s CPU)")
        print(f"sentences: {len(sents_before):,} lines as given -> {len(sents_after):,} unwrapped")
        print("| label | lines as given | unwrapped | change |")
        print("|---|---|---|---|")
        for lab in sorted(set(lab_before) | set(lab_after)):
            b, a = lab_before[lab], lab_after[lab]
            print(f"| {lab} | {b:,} | {a:,} | {a - b:+,} |")
        kept = set(sents_after)
        fragments = [s for s in sents_before if s not in kept and s[-1:].isalnum()]
        print(f"sentences that exist only without unwrapping and end mid-sentence: {len(fragments):,}")
        for s in rng.sample(fragments, min(args.samples, len(fragments))):
            print(f"  - {s!r}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
