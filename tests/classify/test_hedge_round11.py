"""Public hedge and subjectivity sets, round 11 (issue #17): classes chosen on the train splits.

Wikipedia and FactBank train false negatives gave three hedge classes (a fact left open because those who
study it do not agree; "accuse(s)/accusing … of/that" and "alleging", read like "accused"; "theorise/
postulate/surmise … that", a conjecture held by its subject); a NewsSD
train false positive gave one hedge sense that is not one (an outcome measured against an expectation:
"less than many analysts expected"); NewsSD train false negatives gave three shapes of the author's
judgement (an evaluative adjective fronted before its verb, an event filed as one more instance of a
trend). The sentences here are wordings of our own, not train rows;
each class has near misses that keep the reading they had before. See docs/EVALUATION.md "Public hedge
sets, round 11".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# (text, label, hedged) the classifier must give now; each one was read differently on main 3ba42a8.
DISSENT = [
    ("There is no consensus among historians on when the abbey was founded.", "speculative", True),
    ("Scholars have reached no consensus about who painted the altarpiece.", "speculative", True),
    ("There is a lack of unanimity as to the exact origin of the harvest festival.", "speculative", True),
    ("There is no unanimous view among geologists regarding the age of the crater.", "speculative", True),
    ("There is little consensus about what caused the outbreak.", "speculative", True),
    ("No one can tell with any certainty why the bridge fell.", "speculative", True),
]
ACCUSATIONS = [
    ("Residents accuse the council of ignoring the flood warnings.", "attributed", True),
    ("Opposition leaders are accusing the minister of misleading parliament.", "attributed", True),
    ("The union accuses management of breaking last year's pay deal.", "attributed", True),
    (
        "Two pension funds sued the board in March, alleging that it hid losses from investors.",
        "attributed",
        True,
    ),
]
CONJECTURES = [
    ("Some historians have theorised that the chapel stands on a Roman temple.", "attributed", True),
    ("Geologists postulate that the lake was dammed by a glacier.", "attributed", True),
    ("Dealers surmised that the central bank would stay out of the market.", "attributed", True),
]
MEASURED_EXPECTATIONS = [
    ("Turnout was lower than most pollsters expected and far lower than in 2019.", "reported", False),
    (
        "As many traders had expected at the start of the week, the central bank held rates.",
        "reported",
        False,
    ),
    ("Exports grew faster than the ministry expected in the first quarter.", "reported", False),
]
AUTHOR_JUDGEMENTS = [
    ("Far more worrying is the silence from the regulator.", "opinion", False),
    ("Less encouraging was the drop in new orders from abroad.", "opinion", False),
    ("Equally striking is how few of the promises were kept.", "opinion", False),
    ("The closure is one more sign of the slow decline of the high street.", "opinion", False),
    ("This was yet another reminder that the rules apply only to some.", "opinion", False),
]
CLASSES = DISSENT + ACCUSATIONS + CONJECTURES + MEASURED_EXPECTATIONS + AUTHOR_JUDGEMENTS

# Near misses: (text, label, hedged) as on main 3ba42a8 — the rules above must leave them alone.
NEAR_MISSES = [
    # disagreement about a course of action or in a negotiation, not about a fact
    ("There is no consensus on how to fund the new stadium.", "reported", False),
    ("Finance ministers reached no consensus on the budget.", "reported", False),
    ("There was broad consensus on the date of the election.", "reported", False),
    # "accusing" as an adjective; the charge needs its "of" or "that"
    ("She shot him an accusing glance across the table.", "reported", False),
    # "postulate" as a noun, or without its "that" clause
    ("A postulate of the theory is that light travels at one speed.", "reported", False),
    ("The model postulates a constant rate of growth.", "reported", False),
    # an expectation with its object, a purpose after it, or attributive: still a forecast
    ("Traders quoted the governor as saying the bank expected a slowdown.", "attributed", True),
    ("Exports were lower than the average expected for the rest of the year.", "speculative", True),
    ("Shops suffered as an expected rush of buyers failed to appear.", "speculative", True),
    ("Analysts expect profits to rise in the second half.", "attributed", True),
    # (with nothing after it, "than/as … expected" was already no hedge on main)
    ("Turnout was lower than most pollsters expected.", "reported", False),
    # a fronted measure, a noun or a participle is no judgement
    ("More recent was the sale of the Leeds plant to a German group.", "reported", False),
    ("Most common are the small brown trout of the upper river.", "reported", False),
    ("More people were hurt in the second blast.", "reported", False),
    ("Also included are two bonus tracks.", "reported", False),
    # another instance without a copula, or in a speaker's mouth
    ("Retail sales slowed in May, another sign that the recovery is fading.", "reported", False),
    ('"This is one more sign of the club\'s decline," the manager said.', "attributed", False),
]


@pytest.mark.parametrize(("text", "label", "hedged"), CLASSES + NEAR_MISSES)
def test_round11_reading(text: str, label: str, hedged: bool) -> None:
    lab = classify(text)
    assert (lab.label, lab.hedged) == (label, hedged), lab


@pytest.mark.parametrize(("text", "label", "hedged"), DISSENT)
def test_dissent_cue_is_the_denied_agreement(text: str, label: str, hedged: bool) -> None:
    # The deciding cue names the denial of agreement, so `explain` shows what made the sentence a hedge.
    lab = classify(text)
    assert lab.deciding_cue is not None
    assert lab.deciding_cue.lower().split()[0] in ("no", "lack", "little")
    assert lab.deciding_cue.lower().split()[-1] in ("consensus", "unanimity", "view", "opinion", "certainty")


def test_no_one_can_say_for_sure_sets_the_flag() -> None:
    # "say" is read as speech by attribution.py, so the label stays what it was; the flag is the hedge.
    lab = classify("No one can say for certain why the dam gave way.")
    assert lab.hedged
    assert any(c.kind == "hedge" and c.text.lower().startswith("no one can say") for c in lab.cues)
