"""Personal cues: modals and offered options in the writer's or reader's own voice."""

from __future__ import annotations

import re

from factsieve.classify.context import (
    PREV_WORD_RE,
    at_sentence_start,
    next_word,
)
from factsieve.classify.cue import (
    Cue,
    inside,
    new_cue,
)
from factsieve.classify.hedge import (
    mentioned,
    ok_may,
)
from factsieve.classify.prefilter import (
    CaseFreeRe,
    Words,
    trigger_gate,
    word_alternation,
    words_of,
)

# Modal verbs in the writer's or reader's own voice ("I would recommend it", "you could try the
# sequel", "if you like thrillers"): the writer's tentative stance. Reviews annotate them as
# speculation (SFU); encyclopedic and news prose almost never has a first/second person outside
# quotations, so the rule does not fire there. They set the hedged flag but never decide
# "speculative" on their own: the stance is an opinion (see classify.py).
#
# Alternatives and possibilities the writer offers ("I wish they had black or white", "you can rent
# boats or play tennis", "you get either a view of the woods or the pool") are the same stance: the
# writer leaves the choice open. They set the hedged flag only and never decide a label, so a news
# sentence keeps its label. Third-person "or"/"can" ("security, migration, or investment", "the US
# can provide support") stay out: there the disjunction or ability is part of the reported content.
_FIRST_PERSON_RE = re.compile(
    r"\b(?:I(?![-–:.)’'\x92]?\d|[-–:)/])|[Ww]e|[Mm]y|me|us|[Oo]ur|I['’\x92](?:m|ve|d|ll)|[Ww]e['’\x92](?:re|ll|d|ve))\b"
)
# Lower-case "i" as a pronoun (informal writing: "i couldn't stop"), not the index "i" of a formula.
# A separate pattern, run only when the text has a lone "i", keeps the common case fast.
_LOWER_I_RE = re.compile(r"(?<![\w.'’-])i(?=['’\x92](?:m|ve|d|ll)\b|\s+(?!is\b|and\b|or\b|=)[a-z])")
_SECOND_PERSON_RE = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou['’\x92](?:re|ll|d|ve))\b")
# "won't" is left out with "will": plain future, never a hedge.
_NEGATED_MODAL = r"(?:ca|could|would|should|must)\ ?n['’\x92]t"
_PERSONAL_MODAL_RE = CaseFreeRe(
    word_alternation(_NEGATED_MODAL + r"|would|could|should|might|may|can|must|if|cannot|or|either")
)
PERSON_TRIGGERS = frozenset("i you we my your me us our".split())
_MODAL_WORDS = frozenset(
    "would could should might may can must if cannot ca couldn wouldn shouldn mustn or either".split()
)
_PERSON = trigger_gate(PERSON_TRIGGERS)
_MODAL = trigger_gate(_MODAL_WORDS)
# Generic "you" with a perception verb ("in the cave you can see the tombs") describes what is there,
# it offers no choice: not a cue.
_PERCEPTION_NEXT = frozenset("see hear smell taste spot notice tell".split())
_OPTION_WORDS = frozenset("or either".split())
# The consequence a rule gives the reader, in the indicative: "if …, you pay / you are entitled / you
# qualify" (a contracted "you'll" or an imperative is the writer talking to the reader).
_RULE_CONSEQUENCE = re.compile(
    r"[^.;:!?]{3,80}?(?:,\s*|\s(?!(?:when|while|as|if|that|because|until|where|all|what|whatever)\s)[a-z]+\s)"
    r"you\s+(?:are|pay|get|receive|qualify|lose|keep|have\s+to|need\s+to|can|must|may)\b"
)


def _voice(text: str, quotes: list[tuple[int, int]]) -> str:
    """ "first", "second" or "" — the writer's or reader's voice outside quotations."""
    for m in _FIRST_PERSON_RE.finditer(text):
        if inside(quotes, m.start()):
            continue
        word = m.group(0)
        if word == "I":
            prev_raw = PREV_WORD_RE.search(text, max(0, m.start() - 30), m.start())
            if prev_raw and prev_raw.group(1)[:1].isupper() and not at_sentence_start(text, prev_raw.start()):
                continue  # "World War I", "Henry I": a numeral, not the writer
            nxt = next_word(text, m.end())
            if nxt.endswith("s") and not nxt.endswith("ss") and nxt != "was":
                continue  # "Theater I consists of": a numeral with a third-person verb
        elif word[0] in "MWO" and not at_sentence_start(text, m.start()):
            continue  # "My Lai", "We Are the World": a name or title, not the writer
        return "first"
    if "i " in text or "i'" in text or "i’" in text or "i\x92" in text:
        for m in _LOWER_I_RE.finditer(text):
            if not inside(quotes, m.start()):
                return "first"
    for m in _SECOND_PERSON_RE.finditer(text):
        if not inside(quotes, m.start()):
            return "second"
    return ""


def personal_possible(words: Words) -> bool:
    """False only when ``personal_cues`` finds nothing: it needs a person word and a modal."""
    return bool(words.gates & _PERSON and words.gates & _MODAL)


def personal_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], list[Cue]]:
    """(stance modals, offered options) in the writer's or reader's voice, outside quotations.

    Stance modals ("I would recommend", "if you like") may decide an opinion label; offered options
    ("or"/"either", and "you can"/"you must") only set the hedged flag.
    """
    words = words if words is not None else words_of(text)
    if not personal_possible(words):
        return [], []
    voice = _voice(text, quotes)
    if not voice:
        return [], []
    stance: list[Cue] = []
    options: list[Cue] = []
    for m in _PERSONAL_MODAL_RE.find(text, words):
        s, e = m.span()
        word = text[s:e].lower()
        if inside(quotes, s) or (word == "may" and not ok_may(text, s, e)) or mentioned(text, s, e, words):
            continue
        if word == "cannot" or (word[:2] == "ca" and word != "can"):
            # Negated ability states a fact about the writer or the product, like "could not":
            # "I can't comment on the spa", "you cannot put them in the dishwasher".
            continue
        cue = new_cue("hedge", text[s:e], s, e)
        if word in _OPTION_WORDS:
            options.append(cue)
        elif voice == "second" and word == "if" and _RULE_CONSEQUENCE.match(text, e) is not None:
            # round 7 (r13, r16): a condition put to the generic reader states the terms of a rule ("If you
            # earn less than £12,570 a year, you pay no income tax", "… and if that fails you are entitled
            # to a refund"): an option in the content, not the writer's stance.
            options.append(cue)
        elif voice == "second" and (word in ("can", "cannot", "must") or word.startswith(("ca", "must"))):
            # Generic "you": what the reader can or must do is an option offered, not the writer's stance.
            if next_word(text, e) not in _PERCEPTION_NEXT:
                options.append(cue)
        else:
            stance.append(cue)
    return stance, options
