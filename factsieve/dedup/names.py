"""Proper names for the rewrite rule (docs/DEDUP.md "Rewrites with few figures (round 16)").

A court ruling, an obituary, a match report or a statement built on quotes holds few figures, and
a brief or a translation of it keeps fewer still: the figures alone cannot tell its rewrites from
the next story. What such rewrites keep are the *names* -- the judge, the parties, the club, the
village -- and a name is a fact a text can be matched on in any word order, like a figure. A name
word here is a word written with a capital letter that does not open a sentence (so "The" after a
full stop is not one), of two letters or more, and not a calendar word or a title (Monday, May, Mr:
capitalised in every text whatever its story). Each such word counts on its own, not the run of
capitalised words it stands in: "Mrs Justice Achterberg", "Justice Achterberg" and "Achterberg"
share "Achterberg", and a translation that reorders "the court of Dunmore" keeps the word.
Whether a name says which story a text tells is decided like a figure's: by how many documents
and stories hold it (facts.py); "Court" or "Council" held by hundreds of documents say nothing.

The capitals are read from the text before lower-casing (minhash._lower_cased: NFKC with its case, byte
for byte aligned with the lower-cased text the words are cut from); a text whose lower-casing
changes its length in bytes (rare letters such as U+1E9E) is read without capitals: no names.
"""

from __future__ import annotations

import numpy as np

# capitalised in any text whatever its story (days, months, titles) or only because a sentence or
# a quote opens without punctuation we can see (pronouns, articles)
NOT_NAMES = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december mr mrs ms dr sir st the a an i he she it we they "
    "you this that but and in on at for of to his her its their our my"
).split()

# bytes that end a sentence or open a quote in the gap before a word: . ! ? : ; " ( newline, and the
# last byte of the UTF-8 opening quotes U+201C/U+2018 (E2 80 9C/98) and of U+00AB/U+00BF/U+00A1
# (C2 AB/BF/A1). Non-ASCII bytes in a gap are only punctuation (letters are word bytes)
_OPENING = np.zeros(256, dtype=bool)
_OPENING[[0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22, 0x28, 0x0A, 0x0D, 0x9C, 0x98, 0xAB, 0xBF, 0xA1]] = True
_GAP = 4  # (hit.view(np.uint32) needs 4) gap bytes looked at before a word (". \u201c" is 5 bytes, its last is the quote's)


def name_words(
    b: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    n_words: np.ndarray,
    cased: np.ndarray,
    lead: np.ndarray,
) -> np.ndarray:
    """bool per word: a name word (above). b, starts, lengths: the lower-cased bytes and the words
    cut from them; cased: the texts' bytes with their case and lead: each word's first byte there
    (minhash._tokenize_cased). The gap before a word is read in b: its bytes are not letters, which
    lower-casing leaves alone. Only the capitalised words are looked at further (~10% of news words)."""
    n = len(starts)
    if n == 0:
        return np.zeros(0, dtype=bool)
    first = cased[lead]
    cap = (first - np.uint8(0x41)) < 26  # A-Z (uint8 wraps below 0x41)
    # Latin-1 capitals (C3 80-9E but the multiplication sign C3 97): the second byte read for
    # the words opening with C3 only
    c3 = np.flatnonzero(first == 0xC3)
    second = cased[np.minimum(lead[c3] + 1, len(cased) - 1)]
    cap[c3] = (second >= 0x80) & (second <= 0x9E) & (second != 0x97)
    cap &= lengths >= 2
    idx = np.flatnonzero(cap)
    # a text's first word opens a sentence; for the others, the gap since the previous word's end
    # (at most _GAP bytes of it) is looked at, all offsets in one (words, _GAP) gather
    text_first = np.zeros(n, dtype=bool)
    text_first[(np.cumsum(n_words) - n_words)[n_words > 0]] = True
    opening = text_first[idx]
    s = starts[idx]
    prev = np.maximum(idx - 1, 0)
    gap = np.where(opening, 0, s - (starts[prev] + lengths[prev]))
    back = np.arange(1, _GAP + 1)
    at = s[:, None] - back
    np.maximum(at, 0, out=at)
    hit = _OPENING[b[at]] & (back <= gap[:, None])  # (words, 4) bools: one uint32 a word
    opening |= hit.view(np.uint32)[:, 0] != 0
    out = np.zeros(n, dtype=bool)
    out[idx[~opening]] = True
    return out
