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
    multi-byte mark)."""
    nxt = np.r_[b[1:], 0]
    nxt2 = np.r_[b[2:], 0, 0]
    curly = (b == 0xE2) & (nxt == 0x80) & ((nxt2 == 0x9C) | (nxt2 == 0x9D))
    guillemet = (b == 0xC2) & ((nxt == 0xAB) | (nxt == 0xBB))
    return np.flatnonzero((b == 0x22) | curly | guillemet)


def quote_windows(
    b: np.ndarray, off: np.ndarray, starts: np.ndarray, n_words: np.ndarray, k: int, first_word: np.ndarray
) -> np.ndarray:
    """bool per window (k words from first_word, global word index; every window inside one text):
    all its words inside one quote of >= MIN_QUOTE_WORDS words. off: each text's first byte."""
    marks = quote_marks(b)
    if len(marks) == 0 or len(first_word) == 0:
        return np.zeros(len(first_word), dtype=bool)
    before = np.searchsorted(marks, starts)  # marks before each word (all texts)
    w_off = np.zeros(len(n_words) + 1, dtype=np.int64)
    np.cumsum(n_words, out=w_off[1:])
    base = np.repeat(np.searchsorted(marks, off[:-1]), n_words)  # marks before the word's text
    inside = ((before - base) & 1).astype(bool)
    # a quote's words share their count of marks before them; its length is how many share it
    span, size = np.unique(before[inside], return_counts=True)
    long_ = np.zeros(len(starts), dtype=bool)
    long_[inside] = np.isin(before[inside], span[size >= MIN_QUOTE_WORDS])
    last = np.minimum(first_word + k - 1, len(starts) - 1)
    return long_[first_word] & (before[first_word] == before[last])
