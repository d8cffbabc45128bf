"""Round 16 (issue #17): a hedge word that belongs to the author's judgement is not the author's doubt.

On the readable news files, 41 sentences the writers labelled opinion were read as speculative (main
0280ee7): a hedge word decided first. Four grammars make the hedge part of a verdict, whatever the words:

* **the author's stated belief or argument governs what follows it**: "I reckon most families could …",
  "I'd say it is 50-50 whether …", "I don't think
  the switch earns its keep", "I have never believed …", "We at the Courier believe the hospital must …".
  classifier._first_person_belief already takes the belief verb itself out of the hedges; the modal in the
  believed clause ("could", "implied") is the content of the author's stated view, not a second doubt;
* **a rhetorical question carries its own modal**: a yes/no or who-question that the author marks as not
  asked — "really", "seriously", "honestly", "exactly", "actually", "still", or "anyone/anybody believe/think"
  — before the hedge ("Is this really the best they could come up with?", "Who, exactly, is supposed to …?");
* **a concession that sets up the verdict**: "X may/might (well) be/seem/look/sound ADJ …, but/yet …" —
  granting a quality in order to judge ("The show may be flawed, but it is never dull"); the clause after
  "but" must hold no hedge of its own, and a comparative ("may be higher, but") is a forecast, not a grant;
* **a hedged superlative of taste or conduct**: may/might/could (well) be, perhaps, possibly or arguably
  right before "the most/least ADJ" or "the ADJ-est" with an adjective that grades beauty, interest or
  conduct ("It may well be the ugliest building in the county") — one that measures or ranks ("the oldest",
  "the biggest", "the most striking figure") stays the author's doubt.

A quotation or a source keeps its own reading: the classifier asks only when no attribution decided, and
the pattern's start may not lie in a quotation.
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, inside, new_cue

_BELIEF_RE = re.compile(
    # at the start of the sentence (after one opening adverb and a comma) or of a coordinated clause
    r"(?:^\W*(?:(?:Honestly|Frankly|Personally|Still|Now|And|But|So|Yet|Candidly|Truthfully),?\s+)?"
    r"|[,;:—–]\s+(?:(?:and|but|so|yet)\s+)?)"
    r"(?P<cue>(?:I|[Ww]e)(?:['’]d)?"
    # "We at the Courier believe"
    r"(?:\s+at\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})?"
    r"(?:\s+(?:have|had|do|did|would|could|might|really|honestly|genuinely|still|simply|always|never|just|truly|personally"
    r"|don['’]t|didn['’]t|do\s+not|did\s+not|cannot|can['’]t|have\s+never|had\s+always|have\s+always)){0,3}"
    r"\s+(?:think|thought|believe|believed|reckon|reckoned|suspect|suspected|guess|doubt|doubted|say|argue)\b)"
)
_QUESTION_OPEN_RE = re.compile(
    r"^\W*(?:(?:But|And|So|Yet|Honestly|Seriously),?\s+)?(?:Does|Do|Did|Is|Are|Was|Were|Can|Has|Have|Will|Who"
    r"|Isn['’]t|Doesn['’]t|Wasn['’]t)\b"
)
_RHETORIC_RE = re.compile(
    r"\b(?:really|seriously|honestly|exactly|actually|truly|still)\b"
    r"|\b(?:anyone|anybody)\s+(?:\w+\s+)?(?:believe|think|imagine|expect)\b"
)
_CONCESSION_RE = re.compile(
    r"^[^,;?!]*?\b(?P<hedge>may|might)\s+(?:well\s+)?(?:be|seem|look|sound|appear)\s+"
    r"(?:(?:a\s+little|a\s+bit|rather|quite|very|too|somewhat|legally|technically|perfectly|faintly|undeniably)\s+)?"
    r"(?P<adj>[a-z][a-z-]+)\b[^,;?!]{0,60},\s+(?:but|yet)\s+"
)
# Comparatives of measure after "may be" forecast a figure ("Prices may be higher, but …"); "-er" words
# that are no comparative are let through by name.
_NOT_COMPARATIVE = frozenset("clever proper sober tender bitter eager".split())
_ARTICLES = frozenset("a an the one".split())
# Adjectives that grade beauty, interest or conduct (never size, age, rank or salience).
_TASTE = (
    r"beautiful|lovely|ugly|dull|boring|tedious|dreary|shameful|disgraceful|shameless|cynical|cowardly|inept"
    r"|exciting|thrilling|charming|elegant|gorgeous|stunning|breathtaking|glorious|depressing|dismal|pointless"
    r"|absurd|ridiculous|silly|foolish|stupid|reckless|brilliant|delightful|enjoyable|entertaining|moving"
    r"|magical|idiotic|embarrassing|pathetic|miserable|joyless|soulless|hideous|delicious|wonderful|dreadful"
    r"|appalling|scandalous|inspired|inspiring|heartbreaking|romantic|scenic|picturesque"
)
_TASTE_EST = (
    r"loveliest|ugliest|dullest|silliest|stupidest|prettiest|finest|cosiest|funniest|bravest|wisest|cleverest"
    r"|nicest|tastiest|dreariest|saddest|strangest|weirdest|laziest|sloppiest|feeblest|gloomiest|daftest"
)
_HEDGED_SUPERLATIVE_RE = re.compile(
    r"\b(?:(?:may|might|could)\s+(?:well\s+|just\s+)?be|perhaps|possibly|arguably)\s+(?:,\s*)?"
    r"the\s+(?:(?:single|very)\s+)?(?:(?:most|least)\s+(?:" + _TASTE + r")|" + _TASTE_EST + r")\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")


# A sentence that opens with a quotation mark is a speaker's, even where the quotation finder saw no span
# (a quotation left open, '"I thought we dominated.'): its "I" is not the writer.
OPENING_QUOTE = ('"', "“", "«", "‘", "'", "``")


def _belief(text: str, hedges: list[Cue], qspans: list[tuple[int, int]]) -> Cue | None:
    for m in _BELIEF_RE.finditer(text):
        if qspans and inside(qspans, m.start("cue")):
            continue
        # every hedge that would decide lies at or after the belief verb: inside what is believed
        if all(h.start >= m.start("cue") for h in hedges):
            return new_cue("opinion", m.group("cue"), m.start("cue"), m.end("cue"))
    return None


def _rhetorical(text: str, hedges: list[Cue], qspans: list[tuple[int, int]]) -> Cue | None:
    body = text.rstrip()
    if not body.endswith(("?", "?”", '?"')) or qspans:
        return None
    opening = _QUESTION_OPEN_RE.match(text)
    if opening is None:
        return None
    marker = _RHETORIC_RE.search(text, opening.end(), hedges[0].start + 1 + len(hedges[0].text))
    if marker is None or marker.start() > hedges[0].start:
        return None
    return new_cue("opinion", text[opening.start() : marker.end()].strip(), opening.start(), marker.end())


def _concession(text: str, hedges: list[Cue]) -> Cue | None:
    m = _CONCESSION_RE.match(text)
    if m is None:
        return None
    adj = m.group("adj").lower()
    if (
        adj in _ARTICLES
        or (adj.endswith("er") and adj not in _NOT_COMPARATIVE)
        or _DIGIT_RE.search(m.group())
    ):
        return None
    if any(h.start >= m.end() for h in hedges):  # "…, but it might still fail": the author's doubt again
        return None
    return new_cue("opinion", text[m.start("hedge") : m.end()].rstrip(), m.start("hedge"), m.end())


def _superlative(text: str, hedges: list[Cue], qspans: list[tuple[int, int]]) -> Cue | None:
    m = _HEDGED_SUPERLATIVE_RE.search(text)
    if m is None or (qspans and inside(qspans, m.start())):
        return None
    if any(not (m.start() <= h.start < m.end()) for h in hedges):
        return None
    return new_cue("opinion", m.group(), m.start(), m.end())


_FIRST_PERSON = frozenset({"i", "we"})
_CONCESSIVE_MODALS = frozenset({"may", "might"})
_SUPERLATIVE_HEDGES = frozenset("may might could perhaps possibly arguably".split())


def judged_hedge(
    text: str, words: frozenset[str], hedges: list[Cue], qspans: list[tuple[int, int]]
) -> Cue | None:
    """The opinion cue of a judgement that the deciding ``hedges`` (non-empty, in order) belong to, or None
    (``words``: the sentence's lower-cased words; each test is tried only when its words are there)."""
    if text.lstrip().startswith(OPENING_QUOTE):
        return None
    return (
        (_belief(text, hedges, qspans) if not words.isdisjoint(_FIRST_PERSON) else None)
        or _rhetorical(text, hedges, qspans)
        or (_concession(text, hedges) if not words.isdisjoint(_CONCESSIVE_MODALS) and ", " in text else None)
        or (
            _superlative(text, hedges, qspans)
            if "the" in words and not words.isdisjoint(_SUPERLATIVE_HEDGES)
            else None
        )
    )
