"""Filler cues: the writer addressing the reader without content ("let's dive in", "stay tuned")."""

from __future__ import annotations

import re

from factsieve.classify.cue import (
    Cue,
    inside,
    strip_cue,
)
from factsieve.classify.prefilter import (
    CaseFreeRe,
    line_start_tokens,
    words_of,
)

_FILLER_RE = CaseFreeRe(
    r"""(?:\b(?:hey|hi|hello)\ (?:guys|everyone|folks|there|friends)\b | \blet['’]?s\b | \blet\ us\b(?!\ not)
    | \bgrab\ (?:your|a)\ (?:coffee|cup|tea|snack|popcorn|seat)\b
    | \bthanks?\ (?:you\ )?for\ (?:tuning\ in|reading|watching|listening|stopping\ by|joining)\b
    | \bstay\ tuned\b | \bbuckle\ up\b | \bwithout\ further\ ado\b | \bwrapping\ (?:it|things)\ up\b
    | \bkeep\ an\ eye\ on\b | \bdon['’]?t\ forget\ to\b | \byou\ (?:might|may)\ be\ wondering\b
    | \bhave\ you\ ever\ wondered\b
    | \bin\ this\ (?:article|post|guide|blog),?\ (?:we|i)['’]?(?:ll|\ will|\ are\ going\ to)\b
    | \bwe['’]re\ going\ to\ (?:break\ down|dive|explore|look|take)\b | \bdive\ (?:into|in|deep)\b | \bread\ on\b
    | \b(?:guys|folks)\b(?=[!.,?]) | \bhappy\ reading\b | \bcheers\b(?=[!.]|$) | \bhere['’]s\ the\ (?:deal|thing)\b
    | \bbut\ wait\b | \bas\ you\ (?:can\ see|know|might\ know)\b
    )""",
    re.VERBOSE,
    requires={
        "as": "see know",
        "in": "article post guide blog",
        "we": "going",
        "you": "wondering",
        "have": "wondered",
        "but": "wait",
        "here": "deal thing",
        "happy": "reading",
        "keep": "eye",
    },
)
FILLER_TRIGGERS = frozenset(
    """hey hi hello let grab thanks thank tuned buckle ado wrapping eye forget wondering wondered article post
    guide blog going dive read guys folks reading cheers deal thing wait see know""".split()
)
# Discourse openers that only address the reader at the very start: "Alright, so what …", "So, why …?"
FILLER_OPENER_RE = FILLER_OPENER_RE = re.compile(
    r"\s*(?:alright|all right|okay|ok|so|well|now),?\s+(?:so\b|guys\b|let|what\b|why\b|how\b|here\b)",
    re.IGNORECASE,
)


# For ASCII text the opener can only match when the sentence's first word is one of these (the same
# derivation as BOILERPLATE_LINE_WORDS below): without one, the match is skipped, it would fail.
FILLER_OPENER_WORDS = line_start_tokens(FILLER_OPENER_RE)


def filler_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    m = None if text.isascii() and words.isdisjoint(FILLER_OPENER_WORDS) else FILLER_OPENER_RE.match(text)
    if m:
        out.append(strip_cue("filler", m, text))
    if not words.isdisjoint(FILLER_TRIGGERS):
        out.extend(
            strip_cue("filler", m, text)
            for m in _FILLER_RE.find(text, words)
            if not inside(quotes, m.start())
        )
    return out
