"""Round 16 (issue #17): the author's own argument is no source — "I'd argue …", "You could argue …".

A speech verb names a source: "Critics argue the levy is regressive" is attributed. With the writer as its
subject ("I'd argue the selectors got it badly wrong", "I would contend …", "You could argue the club has
never been so badly run", "One might say …") nobody else vouches for the claim: the verb frames the author's
judgement, and the modal before it ("'d", "could") is the politeness of an argument, not a doubt. Four
writers of the readable files wrote it (r34, r37, r40, r41) and labelled it opinion.

Only at the start of the sentence or of a clause (after a comma, semicolon, colon or dash), outside
quotation marks: inside one the "I" is the speaker's ('"I would say the market is flat," a dealer said'),
which the classifier reads as attributed from the quotation as before. "say" counts only with a modal
("I'd say", "you might say"): a plain "I said" is a report of speech, the writer's or a speaker's.
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, inside, new_cue
from factsieve.classify.judged_hedges import OPENING_QUOTE

_ARGUMENT_RE = re.compile(
    r"(?:^\W*(?:(?:Frankly|Honestly|Personally|And|But|So|Still|Indeed|Overall),?\s+)?|[,;:—–]\s+(?:(?:and|but|so)\s+)?)"
    r"(?P<cue>(?:I|[Ww]e|[Yy]ou|[Oo]ne)"
    r"(?:(?:['’]d|\s+would|\s+could|\s+might|\s+can|\s+will|['’]ll)(?:\s+(?:even|also|still|certainly|go\s+further"
    r"|and))?\s+(?:argue|contend|submit|venture|say)|\s+(?:(?:still|also)\s+)?(?:argue|contend|submit))\b)"
)
# The verbs it is asked for (the classifier tests these before calling), and the persons it needs.
ARGUMENT_VERBS = frozenset("argue contend submit venture say".split())
_PERSONS = frozenset("i we you one".split())


def authors_argument(text: str, words: frozenset[str], qspans: list[tuple[int, int]]) -> Cue | None:
    """The opinion cue "I'd argue" / "You could argue" that opens the author's own argument, or None
    (``words``: the sentence's lower-cased words)."""
    if words.isdisjoint(_PERSONS) or text.lstrip().startswith(OPENING_QUOTE):
        return None
    for m in _ARGUMENT_RE.finditer(text):
        if not (qspans and inside(qspans, m.start("cue"))):
            return new_cue("opinion", m.group("cue"), m.start("cue"), m.end("cue"))
    return None
