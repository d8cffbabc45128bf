"""Word-context helpers the finders share: the word before or after a span, sentence start."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- context helpers

PREV_WORD_RE = re.compile(r"([A-Za-z’']+)[^A-Za-z’'\n]*$")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z’'-]+)")
_NEXT_CHAR = re.compile(r"[ \t]*(\S)")


# PREV_WORD_RE searched over the 30 characters before a cue tries every start position (and backtracks
# through every word): ~10 µs. The same word is found by matching its reversal against the reversed
# window: skip non-letters (no line break), take the letter run. ``$`` also matches just before a
# final "\n" of the window, so that newline is dropped first.
_PREV_WORD_REVERSED = re.compile(r"[^A-Za-z’'\n]*([A-Za-z’']+)")


def prev_word(text: str, start: int) -> str:
    """``PREV_WORD_RE.search(text, max(0, start - 30), start)``'s word, lower-cased, or ""."""
    lo = max(0, start - 30)
    if start > lo and text[start - 1] == "\n":
        start -= 1
    m = _PREV_WORD_REVERSED.match(text[lo:start][::-1])
    return m.group(1)[::-1].lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def next_char(text: str, end: int) -> str:
    m = _NEXT_CHAR.match(text, end)
    return m.group(1) if m else ""


def at_sentence_start(text: str, start: int) -> bool:
    return not text[:start].strip(" \t\"“‘'([-–—")


BE_WORDS = frozenset(
    "is are was were be been being am 's ’s seems seem seemed appears appear appeared looks look "
    "remains remain remained became become becomes".split()
)
_PAST_PARTICIPLE_IRREGULAR = frozenset(
    "been given known seen made shed taken gone done had got gotten heard felt thought said told "
    "won lost met led brought bought found kept left meant paid put read run sent set spent stood "
    "understood written driven chosen spoken broken begun drawn fallen grown shown thrown become "
    "come held".split()
)


def is_past_participle(word: str) -> bool:
    return word.endswith("ed") or word in _PAST_PARTICIPLE_IRREGULAR
