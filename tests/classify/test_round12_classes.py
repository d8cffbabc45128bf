"""Round 12 (issue #17): classes chosen on r32 and r33 (the first writers scored unseen on rounds 10 and 11) for
their grammar, person and place on the page, not their wording — the author's judgement in a frame with an open
slot, a source named by the sentence's grammar, speech opened in straight single marks, and headings told by
their typography.

None of these sentences is a row of tests/data; each class has near misses that must keep their label. See
docs/EVALUATION.md "Round 12".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# (a) The author's judgement in a frame (judging_shapes.py; filler.py for "Let's be honest").
FRAMES = [
    "Anyone who has queued at the Harlow post office on a Monday knows the branch is understaffed.",
    "Everyone who saw the second half will tell you the referee lost control.",
    "Nobody who has read the audit could doubt that the trust was run badly.",
    "Taken together, these decisions point to a board that stopped listening years ago.",
    "Taken together, the missed deadlines paint a picture of a project nobody owned.",
    "What does it say about the league that its best young players all leave at nineteen?",
    "The museum has had five directors in six years, which tells you everything about its governors.",
    "There is no excuse for leaving pensioners without heating for a fortnight.",
    "It is hard to imagine a worse moment to close the town's only maternity unit.",
    "It is a credit to the nurses that the ward kept running through the storm.",
    "The minister's statement was long on promises and short on dates.",
    "If the board had any sense, it would sell the stadium now.",
    "The new parking app is a complete waste of money.",
    "Let's be honest: the festival has outgrown its field.",
    "Let's be clear, this budget does nothing for renters.",
]
FRAME_NEAR_MISSES = [
    (
        "Anyone who has lost a bank card should call the helpline.",
        "opinion",
    ),  # advice: "should" (main's label)
    ("Anyone who saw the crash is asked to call police on 101.", "reported"),  # an appeal, not a verdict
    ("Taken together, the two firms employ 3,400 people.", "reported"),  # a sum with a figure
    ("What does the new law say about tenants who sublet?", "attributed"),  # what a text says
    ("The minister said the scheme was a waste of money.", "attributed"),  # the verdict has a speaker
    ("There is no charge for parking after 6 pm.", "reported"),
    ("Let's be honest, you have probably seen this trick before.", "filler"),  # to the reader (r29's kind)
    ("Let's look at the numbers.", "filler"),
]

# (b) A source named by the grammar of the sentence (source_shapes.py, attribution.py).
SOURCED = [
    "In a statement, the hospital trust apologised to the family.",
    "In a letter to shareholders, the chairman apologised for the rushed rollout.",
    "As the port authority sees it, the new berth will pay for itself within a decade.",
    "The organisers are confident the marathon will go ahead despite the heat.",
    "Residents remain convinced the factory is behind the smell.",
    "The central bank's own models put the chance of a recession at 40 per cent.",
    "Analysts at the brokerage put the value of the deal at about $2.1bn.",
    "The agency's chief forecaster, Ruth Amadi, sees growth slowing to 2 per cent next year.",
    "The defence described the evidence as thin and circumstantial.",
    "Opposition leaders were quick to condemn the decision.",
    "Defence lawyers contend that the search was unlawful.",
    "Villagers recall seeing smoke above the ridge hours before the alarm.",
    "'Honestly, people, we just need a bus that turns up,' one commuter told the hearing.",
    "'Are we seriously going to lose the library too?' asked the campaigner Ama Boateng.",
]
SOURCED_NEAR_MISSES = [
    ("In a statement of accounts, the figures are rounded to the nearest thousand.", "reported"),
    ("I am confident the bridge will reopen on time.", "speculative"),  # the author's own certainty
    ("The firm put the building up for sale at £2m.", "reported"),  # no estimate: "up for sale"
    ("At the close, unofficial estimates put the stake's value at about £2bn.", "reported"),  # no owner named
    ("The merger will put the group's debt at about £4bn.", "reported"),  # an effect, not an estimate
    ("The Riverside Water Supply Board", "reported"),  # a name cut from a wire line, not a headline
    ("The report was described as a landmark by campaigners.", "reported"),  # a passive (main's label)
    ("Farmers contend with floods every winter.", "reported"),
    ("Carmakers recall 40,000 vans over brake fault.", "reported"),  # a product recall
    ("Rovers have conceded 23 goals in their last nine games.", "reported"),
    ("The 52-year-old was told of his dismissal by phone.", "reported"),
    ("Fans celebrated in the square after the winner was declared.", "reported"),
    ("The new flood warning system was tested on Tuesday.", "reported"),
    ("'Tis the season for long queues at the post office.", "reported"),  # an apostrophe, no speech
]

# (c) Headings and page notices told by the page, not the words (headline_shapes.py, page_notices.py,
# boilerplate.py).
PAGE_LINES = [
    "3. The rent cap finally arrives",
    "4) Rail fares go up again",
    "→ New ferry timetable starts on Monday",
    "» Council approves the Riverside masterplan",
    "Harbourline Energy Reports Record Third Quarter Output at Its Northern Fields",
    "Why Are My Tomato Leaves Turning Yellow? (Easy Fixes for Beginners)",
    "LAGOS, 14 March —",
    "Library trustees' funding row opens with clash over archive sale",
    "Terms and conditions apply.",
    "Prices correct at the time of writing.",
    "You are receiving this email because you signed up at riverpost.co.uk.",
    "Bookmark this guide for later",
    "Share your photos of the old pier with us on Instagram.",
]
PAGE_LINE_NEAR_MISSES = [
    ("3 people were hurt when the roof fell in", "reported"),  # a wire line with no full stop, no point
    ("1. The council will vote on the plan in June.", "reported"),  # a numbered point of running text
    ("Terms of the deal were not disclosed.", "reported"),
    ("Prices rose by 4 per cent in March.", "reported"),
    ("the company said it would appeal against the ruling in", "attributed"),  # a wire line cut mid-sentence
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(FRAMES, "opinion"),
        *_cases(FRAME_NEAR_MISSES),
        *_cases(SOURCED, "attributed"),
        *_cases(SOURCED_NEAR_MISSES),
        *_cases(PAGE_LINES, "boilerplate"),
        *_cases(PAGE_LINE_NEAR_MISSES),
    ],
)
def test_round_12_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_a_quotation_in_straight_single_marks_is_the_speakers() -> None:
    """The opening quotation is found as a quotation, so the reader address inside it is the speaker's."""
    lab = classify("'Let's be clear about what this costs you,' the mayor told the meeting.")
    assert lab.label == "attributed" and lab.quoted
    assert not any(c.kind == "filler" for c in lab.cues)
