"""A cheap language guess: English when common English function words are frequent.

factsieve's classifier cues are English, so the only question the pipeline asks is
"is this English?". A function-word ratio answers that in microseconds without a
model download; anything else is reported as "und" (undetermined, ISO 639-2) and
flagged ``non_english`` rather than guessed.
"""

from __future__ import annotations

import re

_EN_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as be by at this are from have has an not or "
    "but were had which their they its his her will would been also more said there than who".split()
)
_WORD = re.compile(r"[A-Za-z]+")


def detect_language(text: str, sample_chars: int = 4000) -> str:
    words = _WORD.findall(text[:sample_chars].lower())
    if len(words) < 3:
        return "und"
    share = sum(w in _EN_FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= 0.12 else "und"
