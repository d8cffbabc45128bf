"""Round 11 (issue #17): classes chosen on r30 and r31 for their grammar, not their wording — the lead's
decision on agentless passive belief, a prompt after a question put to the reader, a zero count with a
negative subject, a fact that "says a great deal about" something, two rhetorical questions, and three source shapes widened (an
institution's name with "of", "maintains" before its clause, an amount "of up to").

None of these sentences is a row of tests/data; each class has near misses that must keep their label. See
docs/EVALUATION.md "Round 11".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# (a) The lead's decision: an agentless passive of belief with no source anywhere in the sentence is the
# author's own hedge (attribution.py drops the cue; hedge.py's cue decides).
AUTHOR_BELIEF = [
    "The chapel is thought to date from the late 1400s.",
    "The blaze is believed to have started in a tumble dryer.",
    "The two men were widely believed to be brothers.",
    "It is thought that the bridge will reopen before Easter.",
    "It was believed the ship had sunk within minutes.",
    "The striker is rumoured to be unhappy at the club.",
]
AUTHOR_BELIEF_NEAR_MISSES = [
    ("The blaze is believed to have started in a tumble dryer, fire officers said.", "attributed"),
    ("The chapel is thought by historians to date from the late 1400s.", "attributed"),
    ("Fire officers believe the blaze started in a tumble dryer.", "attributed"),
    ("According to the parish, the chapel is thought to date from the late 1400s.", "attributed"),
    ("The striker is said to be unhappy at the club.", "attributed"),  # report: no hedge cue yet
    ("The two men are alleged to have stolen the van.", "attributed"),  # a charge someone brings
    ("The boy, who is thought to be 14, was taken to hospital.", "reported"),  # a side clause
]

# (b) A prompt to answer the page after a question put to the reader (boilerplate.py).
PROMPTS = [
    "Loved this recipe? Tell us how yours turned out.",
    "Spotted something we missed? Drop us a line at tips@valleyecho.co.uk.",
    "Who was your favourite teacher? Share your stories with us below.",
    "Made the soup? Tag me so I can see it!",
]
PROMPT_NEAR_MISSES = [
    ("What happened next? Let me explain.", "filler"),
    ("Why did the council wait so long? Tell me that.", "reported"),  # a columnist's challenge
    ("Who pays? Send the bill to the ministry, the union says.", "attributed"),
    ("Who started it? Tell us the truth, the judge told the boy.", "attributed"),
]

# (c) A negative subject of a passive event verb counts zero: a fact (opinion.py).
ZERO_COUNTS = [
    ("Nobody was injured.", "reported"),
    ("No one has been arrested over the break-in.", "reported"),
    ("No one was seriously hurt in the crash on the A40.", "reported"),
    ("Nobody had been charged by Friday evening.", "reported"),
]
ZERO_COUNT_NEAR_MISSES = [
    ("Nobody was surprised.", "opinion"),  # the author speaking for everyone
    ("No one was fooled by the timing of the announcement.", "opinion"),
    ("Nobody should be surprised by the result.", "opinion"),
    ("Nobody was hurt, police said.", "attributed"),
]

# (d) A fact or a clause that "says a great deal / everything about" something (judging_shapes.py): the
# author's verdict, like "speaks volumes"; the speech verb gives no source (attribution.py).
TELLS_ABOUT = [
    "That the inquiry took nine years says a great deal about how seriously it was taken.",
    "What happened at the weigh-in says everything about the promoter.",
    "This says a lot about the state of the rail network.",
    "The fact that nobody resigned says much about the culture at the top.",
]
# (d2) Two rhetorical questions (judging_shapes.py).
QUESTIONS = [
    "Is this really the most a wealthy county can do for its carers?",
    "Would any other landlord get away with leaving tenants without heating?",
]
QUESTION_NEAR_MISSES = [
    ("Is this really the best we can do?", "opinion"),  # the personal voice decides, as on main
    ("Would any other witnesses please contact police?", "reported"),
    ("Do any other countries require a visa?", "reported"),
]
TELLS_ABOUT_NEAR_MISSES = [
    ("The minister says a lot about growth but little about jobs.", "attributed"),
    ("The report says little about the cost of the scheme.", "attributed"),
    ("That is what the coach said about the referee.", "attributed"),
]

# (e) Source shapes widened (attribution.py, source_shapes.py).
SOURCED = [
    "Researchers at the University of Ghana now suspect the drought has cut yields by a third.",
    "Engineers at the Port of Tyne believe the crane failed under load.",
    "His family maintains he was 40 miles away that night.",
    "The council maintained the repairs were 80% complete.",
    "The Met Office forecasts rainfall of up to 60 mm on high ground.",
]
SOURCED_NEAR_MISSES = [
    ("Students at the University of Leeds protest outside the hall.", "reported"),
    ("The council maintains the roads that were built in 1990.", "reported"),
    ("The Bank of England maintained its rate at 5%.", "reported"),
    ("Government forecasts of up to 3% growth were cut.", "reported"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(AUTHOR_BELIEF, "speculative"),
        *_cases(AUTHOR_BELIEF_NEAR_MISSES),
        *_cases(PROMPTS, "boilerplate"),
        *_cases(PROMPT_NEAR_MISSES),
        *_cases(ZERO_COUNTS),
        *_cases(ZERO_COUNT_NEAR_MISSES),
        *_cases(TELLS_ABOUT, "opinion"),
        *_cases(TELLS_ABOUT_NEAR_MISSES),
        *_cases(QUESTIONS, "opinion"),
        *_cases(QUESTION_NEAR_MISSES),
        *_cases(SOURCED, "attributed"),
        *_cases(SOURCED_NEAR_MISSES),
    ],
)
def test_round_11_labels(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize("text", AUTHOR_BELIEF)
def test_author_belief_is_hedged(text: str) -> None:
    """The decision's "speculative, hedged": the flag is set and the hedge word decides."""
    lab = classify(text)
    assert lab.hedged and lab.source is None
    assert lab.deciding_cue and lab.deciding_cue.lower() in ("thought", "believed", "rumoured")
