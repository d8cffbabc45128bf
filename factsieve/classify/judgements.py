"""Round 7 (issue #17): the author's judgements in shapes r11–r16 used and no listed word carries.

Each is an opinion cue (verdict.py adds them to its own). Structural where the shape has a reason:

* a sentential relative that only evaluates: "…, which is far too long.", "…, which is absurd." — the
  clause adds no fact, only the author's measure of the one before;
* a contrast that renames: "That is not leadership; it is stage management.";
* "Few X have … so/as Y" — a comparison over a whole class that only the author can make;
* a concessive pair of modifiers in a description: "a welcome, if overdue, turnaround";
* "without question / unquestionably" — the author vouching, not a source;
* a quality superlative swept over a career ("the finest performance of Okafor's career");
* a horoscope's address to a sign of the zodiac (the author's unsupported prediction; a closed class);
* and, where the class is closed, evaluative idioms and metaphors as predicates: "is a slow-motion car
  crash", "a costly exercise in chasing headlines", "an embarrassment", "a sticking plaster on …",
  "is a gift to developers" (present tense: a literal gift is told in the past), "asleep at the
  wheel", "has no clothes", "paying the price for", "could not have come at a worse time", "What could
  possibly go wrong?", "History will not be kind", "will take some stopping".
"""

from __future__ import annotations

import re

from factsieve.classify.contrast_verdicts import CONTRAST_MARK, corrective_contrast
from factsieve.classify.judged_clauses import RENAMING_CONTRAST_RE
from factsieve.classify.judging_shapes import QUESTION_KEYS, question_shape_matches
from factsieve.classify.plain_verdicts import (
    KEYLESS_OPENINGS,
    MAX_VERDICT_CHARS,
    PLAIN_VERDICT_TRIGGERS,
    keyed_possible,
    plain_verdict_matches,
    plain_verdict_possible,
)
from factsieve.classify.prefilter import Words, trigger_gate

_EVALUATING_RELATIVE = re.compile(
    r",\s+which\s+(?:is|was|seems|seemed)\s+(?:far\s+|much\s+|way\s+|simply\s+|frankly\s+|clearly\s+|surely\s+)?"
    r"(?:too\s+(?:long|late|slow|much|little|few|many|high|low|soon|early|little\s+too\s+late)"
    r"|absurd|ridiculous|unacceptable|indefensible|outrageous|shameful|baffling|bizarre|astonishing|inexcusable)"
    r"\s*[.!]?\s*$",
    re.IGNORECASE,
)
# (round 15: widened to contractions and a noun-phrase subject, judged_clauses.RENAMING_CONTRAST_RE)
_RENAMING_CONTRAST = RENAMING_CONTRAST_RE
_FEW_SO = re.compile(
    r"\W*few\s+(?:[a-z]+\s+){1,2}?(?:have|has|had|can|could|will)\b[^.;]{3,60}?\b(?:so|as)\s+"
    r"(?!far\b|many\b|much\b|well\b|yet\b|usual\b|long\b|soon\b|such\b|a\b|the\b|to\b)[a-z]+",
    re.IGNORECASE,
)
_CONCESSIVE_PAIR = re.compile(
    r"\b(?:an?|the)\s+[a-z]+,\s+(?:if|albeit|but|yet)\s+[a-z]+,\s+[a-z]+", re.IGNORECASE
)
_VOUCHING = re.compile(
    r"\b(?:without\s+(?:a\s+)?question|without\s+a\s+doubt|unquestionably|indisputably)\b", re.IGNORECASE
)
_CAREER_SWEEP = re.compile(
    r"\bthe\s+(?:finest|greatest|bravest|loveliest|cleverest|most\s+complete)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+of\s+"
    r"(?:his|her|their|its|[A-Z][\w'’-]*(?:'s|’s))\s+(?:career|life|tenure|reign|time\s+in\s+charge)\b",
)
_ZODIAC = re.compile(
    r"\W*(?:Aries|Taurus|Gemini|Cancer|Leo|Virgo|Libra|Scorpio|Sagittarius|Capricorn|Aquarius|Pisces),\s+"
    r"(?!the\s+[a-z]+,|which\b|a\s+disease\b)[a-z]"
)
_BE = r"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains|remained|looks|looked|proved)"
_IDIOM = re.compile(
    r"\b" + _BE + r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:car\s+crash|embarrassment|sticking\s+plaster"
    r"|rounding\s+error|own\s+goal|damp\s+squib|poisoned\s+chalice|white\s+elephant|vanity\s+project|smokescreen"
    r"|wake-up\s+call|house\s+of\s+cards|recipe\s+for\s+(?:disaster|chaos|confusion)"
    r"|exercise\s+in\s+(?:[a-z]+ing|futility|spin|box-ticking|damage\s+limitation|frustration))\b"
    r"|\b(?:is|are)\s+an?\s+(?:\w+\s+)?gift\s+to\b(?!\s+the\s+(?:museum|city|nation|library|school|hospital|queen|king)\b)"
    r"|\basleep\s+at\s+the\s+wheel\b|\bhas\s+no\s+clothes\b|\b(?:is|are)\s+paying\s+the\s+price\s+for\b"
    r"|\bcould(?:\s+not|n['’]t)\s+have\s+come\s+at\s+a\s+worse\s+time\b|\bwhat\s+could\s+possibly\s+go\s+wrong\b"
    r"|\bhistory\s+will\s+(?:not\s+)?(?:be\s+kind|judge|look\s+kindly|remember)\b|\bwill\s+take\s+some\s+stopping\b"
    r"|\bput(?:s|ting)?\s+[a-z]+\s+ahead\s+of\s+(?:people|patients|passengers|residents|pupils|voters|safety)\b",
    re.IGNORECASE,
)
_RELATIVE_GATE = frozenset(
    "too absurd ridiculous unacceptable indefensible outrageous shameful baffling bizarre astonishing inexcusable".split()
)
_CONCESSIVE_GATE = frozenset("albeit overdue welcome belated".split())
_VOUCHING_GATE = frozenset("question doubt unquestionably indisputably".split())
_CAREER_GATE = frozenset("finest greatest bravest loveliest cleverest".split())
_ZODIAC_GATE = frozenset(
    "aries taurus gemini cancer leo virgo libra scorpio sagittarius capricorn aquarius pisces".split()
)
_IDIOM_GATE = frozenset(
    """crash embarrassment plaster rounding squib chalice elephant vanity smokescreen wake cards recipe exercise
    gift asleep clothes paying worse possibly history stopping ahead""".split()
)
# The idioms whose modal is part of the idiom, no hedge (classifier drops a hedge inside one).
MODAL_IDIOM_RE = re.compile(
    r"what\s+could\s+possibly\s+go\s+wrong|could(?:\s+not|n['’]t)\s+have\s+come\s+at\s+a\s+worse\s+time"
    # round 10 (judging_shapes.py): "It could scarcely have gone better"
    r"|could\s+(?:hardly|scarcely)\s+have\s+(?:gone|been)\s+(?:worse|better)"
    # round 12 (judging_shapes.EVERYONE_KNOWS_RE): "Nobody who watched the final could doubt that …"
    r"|\W*(?:nobody|no\s+one|anyone|everyone|anybody|everybody)\s+who\s[^.;?]{3,100}?\s+could\s+(?:see|doubt|deny)\b",
    re.IGNORECASE,
)


# Words without which none of the shapes can match (verdict.VERDICT_TRIGGERS takes them in): rare words,
# so the no-cue fast path of classifier.classify still skips most sentences. The renaming contrast has
# no such word (it is tried on a sentence with ";" and "not"), nor has "Few … so …" ("few" is in every
# "a few"): it is tried when a sentence reaches the verdict finder for another reason.
_OWN_TRIGGERS = _RELATIVE_GATE | _CONCESSIVE_GATE | _VOUCHING_GATE | _CAREER_GATE | _ZODIAC_GATE | _IDIOM_GATE
# Round 8: plain_verdicts.py's keys join (gated there by their own companions, not by _COMPANIONS below).
JUDGEMENT_TRIGGERS = _OWN_TRIGGERS | PLAIN_VERDICT_TRIGGERS
# Round 9 (speed): every word one of judgement_possible's tests needs — the triggers, an opening "Few",
# the key-less openings "What a …" and "That is not how you …" (plain_verdicts.KEYLESS_OPENINGS). Without
# one of them only the shapes told by marks are left (an opening "-ably, ", ";" with "not"), so the
# test is one bit first. A new shape with a key word adds its word to JUDGEMENT_TRIGGERS (or here).
JUDGEMENT_ENTRY_WORDS = JUDGEMENT_TRIGGERS | frozenset({"few", "what", "how"})


# Each trigger word and the words one of which must come with it before any shape can match: the
# verdict finder is not entered for "too", "history" or "question" alone (they are in many sentences).
_COMPANIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(_RELATIVE_GATE, frozenset({"which"})),
    "question": frozenset({"without"}),
    "doubt": frozenset({"without"}),
    **dict.fromkeys(_CAREER_GATE, frozenset("career life tenure reign time".split())),
    "crash": frozenset({"car"}),
    "plaster": frozenset({"sticking"}),
    "rounding": frozenset({"error"}),
    "elephant": frozenset({"white"}),
    "vanity": frozenset({"project"}),
    "wake": frozenset({"call"}),
    "cards": frozenset({"house"}),
    "recipe": frozenset("disaster chaos confusion".split()),
    "exercise": frozenset({"in"}),
    "gift": frozenset("is are".split()),
    "asleep": frozenset({"wheel"}),
    "clothes": frozenset({"no"}),
    "paying": frozenset({"price"}),
    "worse": frozenset({"come"}),
    "possibly": frozenset({"wrong"}),
    "history": frozenset({"will"}),
    "stopping": frozenset({"take"}),
    "ahead": frozenset("put puts putting".split()),
}


def judgement_possible(text: str, words: Words) -> bool:
    """False when ``judgement_matches`` finds nothing: the trigger words with their companions, an opening
    "Few", ";" with "not" (the classifier asks this before entering the verdict finder)."""
    gates = words.gates
    if "?" in text and not words.isdisjoint(QUESTION_KEYS) and text.rstrip()[-1:] == "?":
        return True  # round 12 (judging_shapes.QUESTION_SHAPES; a "?" sentence reaches the finder anyway)
    if not gates & JUDGEMENT_ENTRY:
        # Round 9 (speed): no trigger word, no "few", "what", "how" (most sentences on the full path):
        # only the two shapes told by their marks are left.
        # (round 17: the corrective contrast, contrast_verdicts.py, told by ", not ")
        return (";" in text and "not" in words) or text.find("bly, ", 4, 26) != -1 or CONTRAST_MARK in text
    if text.startswith("Few ") or (";" in text and "not" in words) or CONTRAST_MARK in text:
        return True
    return (bool(gates & _OWN_TRIGGERS_BIT) and with_companion(words, _OWN_TRIGGERS, _COMPANIONS)) or (
        # round 8 (plain_verdicts.py), inline
        text.find("bly, ", 4, 26) != -1
        or text.startswith(KEYLESS_OPENINGS)
        or (bool(gates & _PLAIN_VERDICT_BIT) and len(text) <= MAX_VERDICT_CHARS and keyed_possible(words))
    )


def with_companion(
    words: frozenset[str], triggers: frozenset[str], companions: dict[str, frozenset[str]]
) -> bool:
    """True when one of ``triggers`` is in ``words`` with one of its ``companions`` (a trigger with no
    entry needs none). A gate for a pattern whose every alternative needs two words: a common word alone
    ("time", "right", "must") cannot match, and the pattern is not tried."""
    for w in words & triggers:
        need = companions.get(w)
        if need is None or not words.isdisjoint(need):
            return True
    return False


def judgement_matches(text: str, words: frozenset[str]) -> list[re.Match[str]]:
    """The judgement shapes above found in ``text`` (``words`` = its lower-cased words)."""
    found: list[re.Match[str]] = (
        plain_verdict_matches(text, words) if plain_verdict_possible(text, words) else []
    )
    if "?" in text and not words.isdisjoint(QUESTION_KEYS) and text.rstrip()[-1:] == "?":
        found.extend(question_shape_matches(text, words))  # round 12
    tries = (
        ("which" in words and words.gates & _RELATIVE_GATE_BIT, _EVALUATING_RELATIVE.search),
        ("not" in words and (";" in text or "—" in text or "–" in text), _RENAMING_CONTRAST.match),
        (CONTRAST_MARK in text, corrective_contrast),  # round 17 (contrast_verdicts.py)
        (text.startswith("Few "), _FEW_SO.match),
        (words.gates & _CONCESSIVE_GATE_BIT and ", " in text, _CONCESSIVE_PAIR.search),
        (words.gates & _VOUCHING_GATE_BIT, _VOUCHING.search),
        (words.gates & _CAREER_GATE_BIT, _CAREER_SWEEP.search),
        (words.gates & _ZODIAC_GATE_BIT and "," in text[:13], _ZODIAC.match),
        (words.gates & _IDIOM_GATE_BIT, None),
    )
    for wanted, find in tries:
        if not wanted:
            continue
        if find is None:
            found.extend(_IDIOM.finditer(text))
            continue
        m = find(text)
        if m is not None:
            found.append(m)
    return found


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
JUDGEMENT_ENTRY = trigger_gate(JUDGEMENT_ENTRY_WORDS)
_OWN_TRIGGERS_BIT = trigger_gate(_OWN_TRIGGERS)
_PLAIN_VERDICT_BIT = trigger_gate(PLAIN_VERDICT_TRIGGERS)
_RELATIVE_GATE_BIT = trigger_gate(_RELATIVE_GATE)
_CONCESSIVE_GATE_BIT = trigger_gate(_CONCESSIVE_GATE)
_VOUCHING_GATE_BIT = trigger_gate(_VOUCHING_GATE)
_CAREER_GATE_BIT = trigger_gate(_CAREER_GATE)
_ZODIAC_GATE_BIT = trigger_gate(_ZODIAC_GATE)
_IDIOM_GATE_BIT = trigger_gate(_IDIOM_GATE)
