"""Quoted speech for the rewrite rule (docs/DEDUP.md "Rewrites with few figures (round 16)").

Names alone do not tell a rewrite of a release from the next report of a running story: on BBC +
Reuters most pairs sharing their rare names and a phrase were another event of the same affair (a
minister's reply a day later, a bid and the rival bid). What an outlet keeps from a release and a
follow-up does not is its *quoted speech*: a quote of eight words or more is copied word for word
however the text around it is rewritten, while a follow-up quotes what was said next. So the names
path of the rewrite rule also asks for a shared quote (facts.py).

A word is inside a quote when an odd number of quotation marks (", U+201C/U+201D, U+00AB/U+00BB)
stand before it in its text; a quote is the run of words between two marks, and counts only when it
holds at least MIN_QUOTE_WORDS words. Its word 5-grams are the quote's keys -- a sample of them, one
in QUOTE_SAMPLE chosen by the 5-gram's hash, so two texts holding the same quote keep the same
samples (an 8-word quote has 4 5-grams: P(none sampled) = 0.32; 12 words: 0.10). Stored with the
figures and names (minhash._facts) at ~8 a quoting news text.
"""

from __future__ import annotations

import numpy as np

MIN_QUOTE_WORDS = 8  # a quote this long is a sentence of someone's, not a quoted term ("failing")
QUOTE_SAMPLE = 2  # one in QUOTE_SAMPLE of a quote's 5-grams are kept (bits 2-3 of the hash zero)


def quote_marks(b: np.ndarray) -> np.ndarray:
    """Sorted byte positions of the quotation marks of the text bytes b (the first byte of a
    multi-byte mark). One pass over the bytes for the candidates, the rest on them alone."""
    cand = np.flatnonzero((b == 0x22) | (b == 0xE2) | (b == 0xC2))
    if len(cand) == 0:
        return cand
    c = b[cand]
    n1 = b[np.minimum(cand + 1, len(b) - 1)]
    n2 = b[np.minimum(cand + 2, len(b) - 1)]
    curly = (c == 0xE2) & (n1 == 0x80) & ((n2 == 0x9C) | (n2 == 0x9D))
    guillemet = (c == 0xC2) & ((n1 == 0xAB) | (n1 == 0xBB))
    return cand[(c == 0x22) | curly | guillemet]


def quote_spans(b: np.ndarray, off: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first word, words) of every quote of >= MIN_QUOTE_WORDS words: the words between a text's
    1st and 2nd quotation mark, its 3rd and 4th, ... (global word indices; off: each text's first
    byte, and the end). Work in the marks only, a few a text."""
    marks = quote_marks(b)
    if len(marks) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    doc = np.searchsorted(off, marks, side="right") - 1
    rank = np.arange(len(marks)) - np.searchsorted(doc, doc, side="left")  # the mark's place in its text
    o = np.flatnonzero(rank % 2 == 0)
    o = o[o + 1 < len(marks)]
    o = o[doc[o + 1] == doc[o]]  # an opening mark with its closing one in the same text
    first = np.searchsorted(starts, marks[o])  # the first word after the opening mark
    n = np.searchsorted(starts, marks[o + 1]) - first  # words before the closing mark
    keep = n >= MIN_QUOTE_WORDS
    return first[keep], n[keep]
