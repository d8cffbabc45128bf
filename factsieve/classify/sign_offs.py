"""Round 8 (issue #17): the writer talking to the reader in wordings the filler lists do not hold — the
unseen writers' filler read as opinion (by its "!") or as reported. Structural where it can be:

* an exclamation to the reader: a short line ending in "!" that says "see you", gives the reader an
  order about their own things ("keep your kings safe!", "enjoy the rest of your Sunday!"), or ends on a
  vocative after a comma ("Clear skies, space fans!", "Stay charged, Mzansi!", "Safe travels, wherever
  you're headed!"); not an exclamative ("What a night!") or a line with a figure;
* a greeting and a welcome ("Good evening, and welcome back."), a sign-off ("That's it for tonight —
  see you tomorrow."), "Don't go anywhere.";
* a question to the reader with its "Are you/Do you" left out, opened by a gerund or a want and a
  preposition or article ("Dreaming of a European getaway but terrified of the price tag?", "Shopping
  for a phone under $500 …?", "Want the short answer? Scroll down.");
* the reader's presumed state ("Chances are, you've already seen …", "Perhaps you're wondering …",
  "…, you're not alone.", "this guide is for you.", "We get it —").

A line inside a quotation is the speaker's (filler_cues skips it).
"""

from __future__ import annotations

import re

from factsieve.classify.reader_lines import READER_GATE_WORDS, READER_LINE_WORDS, READER_PREFIXES, reader_line

_I = re.IGNORECASE
_IMPERATIVES = (
    r"(?:keep|stay|enjoy|have|check|try|mind|remember|bring|pack|wrap|grab"
    r"|charge)"
)
_TO_READER_RE = re.compile(
    r"\bsee\s+you\b"
    r"|(?:^|[,;:—–-]\s*|\band\s+)\W*" + _IMPERATIVES + r"\b[^.!?]{0,40}\byour\b"
    r"|,\s+(?:wherever|whatever|whoever|however)\b[^.!?]{0,30}\byou\b",
    _I,
)
_VOCATIVE_END_RE = re.compile(
    r"^\W*(?!(?:I|We|They|He|She|It|You)\b)[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+"
    r"(?:(?!(?:the|a|an|those|these|their|his|her|its|our)\b)(?:[a-z]+\s+){0,2}(?:everyone|everybody|all|folks|fans|friends|readers|people"
    r"|guys|team|gang|lovers|watchers|followers|listeners|viewers|[a-z]+s)|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*!+\s*$"
)
_EXCLAIM_MAX_WORDS = 14
_GREETING_RE = re.compile(
    r"\W*(?:good\s+(?:morning|afternoon|evening|night)|hello|hi)\b,?\s+(?:and\s+)?welcome\b"
    r"|\W*welcome\s+back\b(?=[^.!?]{0,30}[.!]*\s*$)",
    _I,
)
_SIGN_OFF_RE = re.compile(
    r"\W*(?:that['’]s|that\s+is)\s+(?:it|all)\s+(?:for|from)\s+(?:tonight|today|now|this\s+week|this\s+edition|the\s+day"
    r"|us|me)\b"
    r"|\W*(?:don['’]t|do\s+not)\s+go\s+anywhere\b",
    _I,
)
# "Dreaming of …?", "Shopping for …?", "Want the short answer? Scroll down." — the reader's question with
# "Are you/Do you" left out; "Reading the report, is it clear?" has its own subject after the comma.
_ELIDED_QUESTION_RE = re.compile(
    r"\W*(?:[A-Z][a-z]{2,}ing|Want|Need|Tired|Sick|Keen|Hungry|Bored|Craving)\s+(?:of|for|to|about|a|an|the|your"
    r"|up|out|through|around|in|on|into|at|with|some|more)\b[^?]{0,100}\?(?:\s+[A-Z][^.!?]{0,30}[.!])?\s*$"
)
_OWN_SUBJECT_RE = re.compile(r",\s+(?:is|are|was|were|will|do|does|did|can|could|should|would|has|have)\b")
_PRESUMED_RE = re.compile(
    r"\W*(?:perhaps|maybe)\s+you['’]re\s+(?:wondering|thinking|asking)\b"
    # round 9 (r24): the reader cast in a role ("Maybe you're a parent staring at a results envelope.")
    r"|\W*(?:perhaps|maybe)\s+you['’]re\s+(?:a|an|one\s+of\s+(?:the|those))\s+[a-z]+\b(?![^.]*\b(?:said|says)\b)"
    r"|\W*you\s+(?:may|might)\s+(?:be\s+wondering|be\s+asking\s+yourself)\b"
    r"|\W*chances\s+are,?\s+you\b"
    r"|\W*(?:we|i)\s+get\s+it\b",
    _I,
)
# The reader's state at the end of the line (searched only with its words: "alone", "for you").
_PRESUMED_END_RE = re.compile(
    r",\s+you['’]re\s+not\s+alone\s*[.!]?\s*$"
    r"|\b(?:this|the)\s+(?:guide|article|list|piece|page|one)\s+is\s+for\s+you\s*[.!]?\s*$",
    _I,
)
# Words without which no shape but the "!" and "?" ones can match (the "!" and "?" lines already leave
# the classifier's no-cue fast path by their marks).
# ("We get it" needs no word of its own here: "we" is already a trigger of opinion.py.)
SIGN_OFF_TRIGGERS = (
    frozenset("welcome tonight edition anywhere chances perhaps maybe might may alone guide".split())
    | READER_LINE_WORDS  # round 9 (reader_lines.py)
)
_SIGN_OFF_WORDS = frozenset("tonight today now week edition day us me anywhere".split())
_PRESUMED_WORDS = frozenset("perhaps maybe might may chances get".split())


# Words that let ``sign_off`` look at a line with no "!" or "?" (filler_cues tests them inline).
SIGN_OFF_GATE = (
    _PRESUMED_WORDS | frozenset("welcome anywhere tonight edition alone guide".split()) | READER_GATE_WORDS
)
# Round 9: the four characters an opening reader line starts with (reader_lines.py; filler_cues asks them).
SIGN_OFF_PREFIXES = READER_PREFIXES


def sign_off(text: str, words: frozenset[str]) -> bool:
    """True when the sentence is one of the reader lines in the module docstring."""
    body = text.rstrip()
    if body.endswith("!"):
        if (
            len(body.split()) <= _EXCLAIM_MAX_WORDS
            and not body.lstrip().startswith(("What ", "How "))
            and not any(ch.isdigit() for ch in body)
            and (_TO_READER_RE.search(body) is not None or _VOCATIVE_END_RE.match(body) is not None)
        ):
            return True
    elif body.endswith("?") or "? " in body:
        if _ELIDED_QUESTION_RE.match(body) is not None and _OWN_SUBJECT_RE.search(body) is None:
            return True
    if "welcome" in words and _GREETING_RE.match(text) is not None:
        return True
    if (
        ("that" in words or "anywhere" in words)
        and not words.isdisjoint(_SIGN_OFF_WORDS)
        and _SIGN_OFF_RE.match(text)
    ):
        return True
    if text[:1] in "PMCWIYpmcwiy" and not words.isdisjoint(_PRESUMED_WORDS) and _PRESUMED_RE.match(text):
        return True  # an opening: "Perhaps you're …", "Chances are, you …", "We get it", "You may be …"
    if ("alone" in words or ("for" in words and "you" in words)) and _PRESUMED_END_RE.search(
        text
    ) is not None:
        return True
    return reader_line(text, words)  # round 9
