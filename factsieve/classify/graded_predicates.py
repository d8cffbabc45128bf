"""Round 16 (issue #17): a word that grades, scored by where it stands — the complement of the main clause.

Fifteen rounds added the author's judgements phrase by phrase; each fixed most of its writer's rows and about
one in ten of a new writer's. This module tries a position instead of a phrase. A small hand-written lexicon
(``GRADES``, general English, not the files' words) holds adjectives that grade a plan, a piece of work,
conduct, looks or luck and measure nothing. Alone a grading word proves little — "a promising young striker",
"the welcome centre", "Lucky Star finished third" describe or name. What the author commits to depends on its
position: as the complement of the main clause's be-verb (or "seems/looks/sounds/feels/proved/remains"),
alone or as the adjective of the noun phrase there, the sentence asserts a quality of its subject and
nothing checkable ("The reshuffle was a timid response to a dismal week.", "The new camera is superb in low
light.", "It was a clumsy fix for a problem the minister created.").

Guards, each a reason the word is not the author's grade: a figure anywhere (a checkable report: "a superb
quarter, with profit up 12 per cent"); a capital (a name: "Lucky Star"); a subject longer than eight words
or holding a relative, a speech verb or a subordinator (the be-verb is then not the main clause's); a
question; a quotation or a source (the classifier decides attribution first, and the verdict finder drops a
cue inside quotation marks); a word of someone's view before it (``plain_verdicts._THEIR_VIEW_RE``).
"""

from __future__ import annotations

import re

# Adjectives that grade and measure nothing. Not words the wire uses of markets, weather, health or size
# ("weak", "strong", "poor", "tired", "quiet", "heavy", "thin", "dull trading" is left to the complement
# test of judged_predicates, which needs the clause's end), and not the strong words other modules already
# take anywhere ("brilliant", "absurd", "disgraceful").
GRADES = frozenset(
    """
    superb splendid magnificent marvellous marvelous exquisite masterly accomplished
    assured elegant graceful handsome lovely charming delightful enjoyable gorgeous promising convincing
    persuasive shrewd prudent astute canny thoughtful judicious wise
    clumsy timid feeble flimsy unimpressive regrettable unconvincing unpersuasive drab bland tedious stale
    futile needless imprudent careless lazy sloppy shabby petty
    unjust unjustified unwarranted undeserved deserved lenient
    welcome unwelcome overdue belated lucky fortunate unlucky
    brave courageous heroic
    flawless faultless immaculate sublime majestic dazzling stylish classy tasteful tasteless garish gaudy hideous
    uninspired listless lethargic ponderous workmanlike serviceable passable unreasonable disproportionate rude
    graceless gracious cruel selfless selfish insincere cheeky wasteful unrealistic credible implausible coherent
    incoherent nifty inventive unremarkable memorable unforgettable careful disarming
    """.split()
)
_GRADES_RE = "|".join(sorted(GRADES, key=lambda w: (-len(w), w)))
# The main clause's link verb (the be-verbs and verbs of appearance; "has been", "will be" with them).
LINK_WORDS = frozenset(
    "is was are were s seems seemed looks looked sounds sounded feels felt proved remains".split()
)
_DEGREE = (
    r"(?:(?:very|really|truly|genuinely|quite|rather|pretty|so|too|far\s+too|thoroughly|deeply|hugely|remarkably"
    r"|surprisingly|wonderfully|utterly|simply|just|still|also|both|equally|frankly|oddly|strangely|largely"
    r"|mostly|often|always|never|not|hardly|at\s+best|at\s+times|in\s+places)\s+)"
)
_NOT_SUBJECT = (
    r"who|whom|whose|which|when|where|while|whether|if|because|although|though|since|after|before|until|unless"
    r"|said|says|say|told|tells|according|claimed|claims|believes|thinks|argued|argues|insisted|insists|and|or|but"
    r"|than|as|how|what|why"
)
GRADED_RE = re.compile(
    r"^(?!.*\d)(?!.*\?\W*$)\W*"
    # an opening adverbial set off by a comma ("For once, …", "For a city that has ignored it so long, …")
    r"(?:(?:[A-Za-z'’-]+\s+){0,11}[A-Za-z'’-]+,\s+)?"
    # "'s" is "is" only after a pronoun ("It's a …"; "Saturday's superb display" is a possessive)
    r"(?:(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Tt]his)['’]s\s+"
    r"|(?P<subject>(?:(?!(?:" + _NOT_SUBJECT + r")\b)[A-Za-z'’-]+\s+){0,7}(?!(?:" + _NOT_SUBJECT + r")\b)"
    r"[A-Za-z-]+)\s+(?:has\s+been\s+|had\s+been\s+|will\s+be\s+|would\s+be\s+)?(?:is|was|are|were|seems|seemed"
    r"|looks|looked|sounds|sounded|feels|felt|proved|remains)\s+)" + _DEGREE + r"{0,2}"
    r"(?:(?:an?|such\s+an?|one\s+of\s+the|the)\s+" + _DEGREE + r"?(?:[a-z-]+,?\s+(?:and\s+)?)?)?"
    r"(?P<grade>" + _GRADES_RE + r")\b(?!-)"
    # a passive ("was accomplished by"), an offer or a plan ("are welcome to attend", "are promising to cut"), a
    # manner ("was careful to thank the staff")
    r"(?!\s+by\b)(?!(?<=welcome)\s+to\b)(?!(?<=promising)\s+to\b)(?!(?<=careful)\s+(?:to|not)\b)"
)


def graded_predicate(text: str) -> re.Match[str] | None:
    """The main clause's grading complement ("… was a timid response"), or None."""
    return GRADED_RE.match(text)


# plain_verdicts._SHAPES row: tried only when a grading word and a link verb are both in the sentence.
SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (GRADES, LINK_WORDS, GRADED_RE),
)
