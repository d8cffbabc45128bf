"""Round 7 (issue #17): error classes that recur across writers (r10–r13, and r14/r16 once read), in
wordings of our own, organised by class.

None of these sentences is a row of tests/data. Each class is a table of (text, label) and has near
misses that must keep their label: a passive naming an author is no source, an amount added is no
speech, a guess stays a guess. See docs/EVALUATION.md "Round 7".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# A source's own forecast or explanation (r12, r13; the "sources not recognised"): a body's
# forecast with an amount of several words or a range; a cause put down to something by its subject;
# a group giving advice; a time or a channel between the verb and its that-clause.
SOURCED_FORECASTS_AND_EXPLANATIONS = [
    ("The Met Office forecasts between 10 and 15 centimetres of snow on high ground.", "attributed"),
    ("The regulator projects household energy spending of £2,100 a year.", "attributed"),
    ("The treasury estimates up to 40,000 new jobs from the scheme.", "attributed"),
    ("The port authority attributes the delays to a shortage of crane drivers.", "attributed"),
    ("The airline blamed the cancellations on a strike by French air traffic controllers.", "attributed"),
    ("Tax advisers recommend filing the return well before the deadline.", "attributed"),
    ("Paediatricians advise keeping screens out of children's bedrooms.", "attributed"),
    ("The club confirmed on Tuesday that its captain had signed a new contract.", "attributed"),
    ("The council revealed in a statement that the pool would stay shut.", "attributed"),
]
SOURCE_NEAR_MISSES = [
    ("Building projects between the two towns were delayed.", "reported"),  # the noun
    ("Crop estimates around 6 million bags circulated on Friday.", "reported"),
    ("The quote was attributed to Churchill.", "reported"),  # a passive naming an author
    ("It is hard to blame the players for the result.", "reported"),
    ("We reported last month that the plant had closed.", "reported"),  # the newsroom's record
]

# "added" of a tally, "claims" of a noun (r13): an amount added is no speech; a participle before
# "claims" makes it the noun, so the hedge after it is the author's.
TALLIES_AND_NOUNS = [
    ("Prop forward Jones added 12 points and two tries.", "reported"),
    ("The index added 2.4% to close at a record.", "reported"),
    ("The agency reported 4,000 jobs added.", "reported"),
    ("A flood of rejected claims has swamped the tribunal.", "reported"),
    ("The rise in withdrawn claims may also reflect faster processing.", "speculative"),
]
TALLY_NEAR_MISSES = [
    ("He added 16 people had been taken to hospital.", "attributed"),  # a clause after the figure
    ("Employers added 180,000 jobs in March, the department said.", "attributed"),
    ('"The club will survive," he added.', "attributed"),
    ("The insurer claims the damage was caused by neglect.", "attributed"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(SOURCED_FORECASTS_AND_EXPLANATIONS),
        *_cases(SOURCE_NEAR_MISSES),
        *_cases(TALLIES_AND_NOUNS),
        *_cases(TALLY_NEAR_MISSES),
    ],
)
def test_round_7_labels(text: str, label: str) -> None:
    assert classify(text).label == label
