"""Round 10 (issue #17): the writer steering the reading — lines that move the reader through the page and
say nothing about the story (r28 ×9, r29 ×6 gold filler read as reported or as opinion; the held-out pool's
filler -> reported). Told by what they talk about: the page, the reader's cup, the reading to come.

* settling in: "Pop the kettle on and settle in.", "Grab your chai, this one runs a little long.", "Okay,
  pop the kettle on, because …", "Get comfy." — an order about the reader's drink or seat;
* the piece's own length: "… this one's a long one", "this one runs a little long";
* a verbless transition after an interjection or alone: "Okay, deep breath.", "Alright, enough waffle.",
  "First things first.", "Quick recap for anyone just joining us.", "Spoiler: it's not what you'd
  expect.";
* the page announcing what follows: "Below, we unpack all of it.", "Before we get to the numbers, a
  quick word of context.", "Here's everything we know so far.", "…, here are our picks.", "Think of this
  as your cheat sheet.", "But don't just take our word for it.".

A line with a figure, a name after its first word or a reporting verb is a sentence of the story ("Below,
the council lists 14 roads", "First things first, said the mayor"), and the caller skips quotations.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_MAX_WORDS = 14  # (spaces counted)
_DIGIT = re.compile(r"\d")
_INTERJECTION = r"(?:(?:ok|okay|alright|all\s+right|right|so|now|but|and)\s*,?\s+)?"
_SIGNPOST_RE = re.compile(
    r"\W*" + _INTERJECTION + r"(?:"
    # settling in
    r"(?:pop|put|stick|flick)\s+(?:the|your)\s+kettle\s+on\b"
    r"|(?:grab|make|pour|get|brew)\s+(?:yourself\s+)?(?:a|an|your)\s+(?:[a-z]+\s+)?(?:cuppa|coffee|tea|chai|brew"
    r"|drink|snack|popcorn|biscuit|cup)\b"
    r"|(?:get|make\s+yourself)\s+(?:comfy|cosy|cozy)\b|settle\s+in\s*[.!]?\s*$"
    # verbless transitions
    r"|(?:deep\s+breath|enough\s+(?:waffle|preamble|chat|chit-chat|rambling|of\s+that)|first\s+things\s+first)"
    r"\s*[.!]?\s*$|(?:a\s+)?quick\s+(?:recap|refresher|reminder|primer)\s+for\s+(?:anyone|those|you)\b"
    r"|spoiler(?:\s+alert)?\s*:"
    # round 12 (r33): the aside announced before the story, "But first, a quick note."
    r"|first,\s+(?:a|one|some)\s+(?:quick\s+|brief\s+|short\s+)?(?:word|note|reminder|housekeeping)\b[^,;]{0,20}[.!:]?\s*$"
    # the page announcing what follows
    r"|(?:below|above|in\s+this\s+(?:piece|article|post|guide|explainer|newsletter|edition)),?\s+we(?:['’]ll|\s+will)?"
    r"\s+(?:unpack|break\s+down|walk\s+(?:you\s+)?through|run\s+through|go\s+through|dig\s+into|round\s+up)\b"
    r"|before\s+we\s+(?:get\s+to|dive\s+into|start|begin|go\s+any\s+further)\b[^,]{0,40},\s+(?:a|some)\s+"
    r"(?:quick\s+|brief\s+)?(?:word|note|bit)\b"
    r"|(?:[^,]{0,50},\s+)?here(?:['’]s|\s+is|\s+are)\s+(?:everything|all)\s+(?:we|you)\s+(?:know|need)\b"
    r"|(?:[^,]{0,50},\s+)?here\s+are\s+(?:our|my)\s+(?:top\s+)?(?:picks|favourites|favorites|choices|recommendations)\b"
    r"|think\s+of\s+(?:this|it)\s+as\s+your\b"
    r"|(?:don['’]t|do\s+not)\s+(?:just\s+)?take\s+(?:our|my)\s+word\s+for\s+it\b"
    r")",
    _I,
)
_LENGTH_RE = re.compile(
    r"\bthis\s+one(?:['’]s|\s+is|\s+runs|\s+goes)\s+(?:a\s+)?(?:little\s+|bit\s+)?(?:long|longer)\b", _I
)
_REPORTING = frozenset("said says say told according added".split())

# Words of the shapes above, for the classifier's trigger table (a signpost line leaves the no-cue path) ...
# (the other shapes hold a word that is a trigger already: we, our, your, here, things, breath, think)
SIGNPOST_WORDS = frozenset(
    """kettle cuppa chai brew popcorn comfy cosy cozy settle waffle preamble recap refresher primer
    spoiler unpack picks note""".split()
)
# ... and the rarer ones that send a line to ``signpost`` from filler_cues (with the opening prefixes).
SIGNPOST_GATE_WORDS = frozenset(
    "kettle cuppa chai comfy cosy cozy waffle preamble recap refresher primer spoiler unpack picks word note".split()
)
SIGNPOST_PREFIXES = frozenset(
    (
        "Pop ",
        "Grab",
        "Brew",
        "Get ",
        "Sett",
        "Deep",
        "Enou",
        "Firs",
        "Quic",
        "A qu",
        "Spoi",
        "Belo",
        "Befo",
        "Thin",
    )
)


def signpost(body: str, words: frozenset[str]) -> bool:
    """True when ``body`` (a stripped line) is one of the signposting lines in the module docstring."""
    if body.count(" ") >= _MAX_WORDS or _DIGIT.search(body) is not None or not words.isdisjoint(_REPORTING):
        return False
    if _SIGNPOST_RE.match(body) is not None:
        return not any(w[:1].isupper() for w in body.split()[1:] if w.strip("'’.,!?:") not in ("I", "I'm"))
    return _LENGTH_RE.search(body) is not None
