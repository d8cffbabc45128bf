"""Small classes found on the round-4 probe rows (issue #17): several wordings and near misses each."""

from __future__ import annotations

import pytest

from factsieve.classify import classify

VERDICT_NEAR_MISSES = [
    ("The new timetable will change on 4 June.", "reported"),  # a scheduled change, no verdict
    ("The band's tour ended tragically when the singer died in 1994.", "reported"),
    ("All the fans in all the stands stood for the anthem.", "reported"),
    ("The rule will change how councils set fees, the minister said.", "attributed"),
]
FIRST_PERSON_BELIEF_NOUNS = [
    # first-person belief as a noun ("I have a suspicion that …") is opinion, like "I suspect …"
    ("I have a suspicion that the deal will fall apart before the summer.", "opinion"),
    ("I have a sneaking feeling the board acted too late.", "opinion"),
    ("We had a hunch that the vote would be close.", "opinion"),
    # near misses: a suspicion with no one holding it stays the author's hedge; a feeling that is no belief
    ("There is a growing suspicion that the deal will fall apart.", "speculative"),
    ("I had a sense of relief when the last bus finally arrived.", "reported"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # past inability with a negative subject: a fact, not a possibility
        ("Neither side could find a way through in the first half.", "reported"),
        ("None of the engineers could explain why the alarm failed to sound.", "reported"),
        ("Neither of the drivers could get near the stage after the barriers fell.", "reported"),
        # near miss: a positive subject keeps the possibility
        ("Either side could win the final on Saturday.", "speculative"),
        # permission: a free action granted to a class of people
        ("Residents aged over 65 may travel free on all council-run buses.", "reported"),
        ("Blue badge holders may park free in any council car park.", "reported"),
        # near miss: what may happen to them, not what they may do
        ("Residents aged over 65 may face longer waits for buses.", "speculative"),
        # near misses of the author's verdicts (test below): schedules, descriptions, quoted verdicts
        *VERDICT_NEAR_MISSES,
        *FIRST_PERSON_BELIEF_NOUNS,
    ],
)
def test_round_four_classes_label(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The verdict will change how every landlord in the country deals with damp.", "will change how"),
        ("The ruling will alter the way insurers price flood risk.", "will alter the way"),
        ("All in all, the X5 is a solid pick for first-time buyers.", "All in all"),
        ("Inevitably, the project ran two years late and £300 million over budget.", "Inevitably"),
        ("Thankfully, nobody was on the platform when the roof gave way.", "Thankfully"),
    ],
)
def test_author_verdicts_and_predictions(text: str, cue: str) -> None:
    lab = classify(text)
    assert (lab.label, lab.deciding_cue) == ("opinion", cue)
