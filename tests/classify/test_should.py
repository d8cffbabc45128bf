"""Deontic vs epistemic "should" (factsieve/classify/should.py, issue #17 round 4).

Advice to an agent is the author's opinion; an expected outcome is the author's speculation. Several
wordings of each, near misses, and the deciding cue ``explain --json`` shows.
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify, explain_records
from factsieve.classify.should import should_sense


@pytest.mark.parametrize(
    "text",
    [
        "Europe should boost its 1987 performance.",  # a figure does not make advice a report
        "The council should scrap the £5 parking fee.",
        "Ministers should publish the full report before the vote.",
        "The club should sack the manager before the transfer window closes.",
        "Regulators should force the banks to pass on the rate cut.",
        "The fee should be scrapped.",  # a verb of regulation after "should be"
    ],
)
def test_advice_to_an_agent_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion" and not lab.hedged, (lab.label, lab.deciding_cue)
    assert lab.deciding_cue.lower().startswith("should")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Prices should ease next quarter.", "should ease"),
        ("Temperatures should climb back into the mid-20s by the weekend.", "should climb"),
        ("The move should boost liquidity in the bond market.", "should boost"),  # a thing as subject
        ("Repairs to the line should be finished in time for the Monday rush hour.", "should be"),
        ("Full election results should be available later today.", "should be"),
        ("In 1988, the company should report a profit of 10.30 dlrs a share.", "should report"),
        ("Revenues from visitors should more than double in three years.", "should more"),
    ],
)
def test_expected_outcome_is_speculation(text: str, cue: str) -> None:
    lab = classify(text)
    assert (lab.label, lab.hedged, lab.deciding_cue) == ("speculative", True, cue)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # obligation without a time frame: not an expectation ("open to inspectors at all times")
        ("The sites should be open to inspectors at all times.", "opinion"),
        # the writer's or reader's own voice keeps its personal-voice cue
        ("If you like spy novels, you should read this one.", "opinion"),
        # a hedge word after "should" is still found as a hedge
        ("Officials should perhaps be worried about the deficit.", "speculative"),
        # inside a quotation the sense does not matter: the speaker's words
        ('"The council should scrap the fee," the campaigner said.', "attributed"),
        # a trailing source governs an epistemic "should" at any distance
        (
            "Inflation should fall back towards the target by the end of next year, the central bank's chief "
            "economist said.",
            "attributed",
        ),
    ],
)
def test_should_near_misses(text: str, label: str) -> None:
    assert classify(text).label == label


def test_sense_by_subject_and_verb() -> None:
    def sense(text: str) -> str | None:
        i = text.index("should")
        return should_sense(text, i, i + 6)

    assert sense("The government should help exporters.") == "deontic"
    assert sense("The weaker pound should help exporters.") == "epistemic"
    assert sense("Interest rates should drop two points.") == "epistemic"
    assert sense("Moving the plant to Sweden should help the workers.") is None  # unknown head: older rule
    assert sense("It should provide futures contracts.") is None  # "it": a body or a thing
    # verbs of results are an expectation for a company, advice for people
    assert sense("ARCO should earn about five dlrs a share this year.") == "epistemic"
    assert sense("The unit should report a profit next quarter.") == "epistemic"
    assert sense("Anyone flying over the holiday weekend should book parking well in advance.") == "deontic"
    assert sense("You should see a doctor if the cough lasts more than a week.") == "deontic"
    assert sense("Those who bought before March should see a refund.") == "deontic"


def test_explain_names_the_should_cue() -> None:
    rec = explain_records("The council should scrap the £5 parking fee.")[0]
    assert rec["label"] == "opinion" and rec["deciding_cue"] == "should"
    assert any(c["kind"] == "opinion" and c["text"] == "should" for c in rec["cues"])
