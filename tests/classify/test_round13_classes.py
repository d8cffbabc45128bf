"""Round 13 (issue #17): hedge words in a sense that is not the author's uncertainty, and the author's hedges
the rules missed — classes named on r32/r33 and widened by their grammar: "may" of permission (a people subject
of a coordinated predicate, acts of taking part in a hearing or re-entering), hedge words quoted as words,
agentless forecasts ("is set to overtake", "is anticipated later this month", "are possible if <event>"),
"No one can say for sure …" (the author's hedge, not speech), "It is impossible/hard to say how …", "Nobody
knows for sure how …", a body's power with its legal ceiling, "could"
after a condition already met, and a hedged incident that responders attended (reported, flag kept).

None of these sentences is a row of tests/data; 26 of the 27 positives read differently on main e9f9ba6 (the
"looks set to outstrip" one was already a forecast by its "looks"). Each class has near misses that keep main's
reading. See docs/EVALUATION.md "Round 13".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# (a) "may" of permission: a rule about what people are allowed to do, reported.
PERMISSION = [
    "Members of the club wear their own kit and may use the showers after the match.",
    "Students live in halls during the first year and may choose a flat in their second.",
    "Visitors may not re-enter the museum without a new ticket.",
    "Parents may comment on the proposed timetable at an open meeting in the school hall.",
    "Witnesses may testify by video link from the neighbouring courtroom.",
    "The regulator may impose fines of up to 10 per cent of a firm's turnover.",
    "Councils may levy a charge of up to 50 pounds on each extra bin.",
    # "could" after a condition already met: past ability
    "Once the road reopened, lorries could reach the port again.",
    "After the floodwater receded, residents could return to their homes.",
]
# (b) a hedge word quoted as a word: a fact about the text, reported.
MENTIONED = [
    "The word 'possibly' was removed from the headline after complaints.",
    "Editors cut the phrase 'may have been' from the second paragraph.",
    "The words 'perhaps' and 'likely' appear nowhere in the ruling.",
]
# (c) the author's forecast or hedge in forms the lexicon missed: speculative.
FORECASTS = [
    "Sales of heat pumps are set to overtake gas boilers within five years.",
    "Online spending looks set to outstrip spending in shops for the first time.",
    "A ruling on the transfer is anticipated later this month.",
    "A final report is predicted within weeks.",
    "Flooding is possible if the river rises another metre overnight.",
    "Delays are possible if the strike on the northern line goes ahead.",
    "No one can say for sure how many birds died in the spill.",
    "Nobody could say with certainty when the bridge would reopen.",
    "It is impossible to say how many people were inside the warehouse.",
    "It is hard to say when the ferry service will resume.",
    "Nobody knows for sure how many birds died in the spill.",
]

NEAR_MISSES = [
    # what may happen to people, not what they are allowed to do
    ("Drivers face long delays and may miss connecting flights.", "speculative", True),
    ("Patients may experience side effects for several days.", "speculative", True),
    # a hedge word spoken, not mentioned
    ("He said 'possibly' and left the stage.", "attributed", True),
    ("'We may never know,' the coroner said.", "attributed", True),
    # a calendar, not a forecast
    ("The summit is set to open on Monday.", "reported", False),
    ("The film is set to hit cinemas in May.", "reported", False),
    ("The ruling was anticipated by lawyers for both sides.", "reported", False),
    # a condition put to the reader is what a rule allows (no hedge)
    ("Refunds are possible if you cancel within 24 hours.", None, False),
    # the denial reported from a speaker, and a refusal to speak
    ("A spokesman said no one could say for sure how many birds died.", "attributed", True),
    ("No one at the council would say when the bridge will reopen.", "attributed", False),
    # an attributive hedge before a cause stays the author's hedge
    ("The likely cause of the fire was an electrical fault.", "speculative", True),
    ("Prices are set to rise again next year, the bank said.", "attributed", True),
    # a power without its ceiling, a condition not yet met, a counterfactual: possibilities
    ("The regulator may impose a fine on the bank.", "speculative", True),
    ("Once the deal is signed, the firm could expand into Asia.", "speculative", True),
    ("When the dam burst, the town could have flooded.", "speculative", True),
    # a possible thing that is not an incident responded to, or a necessary condition
    ("A possible link between the two cases is being investigated.", "speculative", True),
    ("A possible strike could close the port next month.", "speculative", True),
    ("That is only possible if all 200 members resign.", "reported", False),
    # no open question after "hard to say" / "nobody knows": nothing left unknown
    ("It is hard to say no to a free lunch.", "reported", False),
    ("It is difficult to know what to do with the old pier.", "reported", False),
]


# (d) a hedged description of an incident responders dealt with: reported, and the hedged flag stays.
INCIDENTS = [
    "Crews attended a possible gas leak on Mill Lane on Tuesday night.",
    "A possible gas leak forced the closure of the high street for three hours.",
    "Paramedics treated a man for a possible overdose outside the station.",
    "Officers investigated a possible break-in at the pharmacy on Friday.",
]


@pytest.mark.parametrize("text", INCIDENTS)
def test_incident_responded_to_is_reported_and_flagged(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported", (text, lab.label, lab.cues)
    assert lab.hedged, (text, lab.cues)


@pytest.mark.parametrize("text", PERMISSION + MENTIONED)
def test_not_the_authors_uncertainty(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported", (text, lab.label, lab.deciding_cue)
    assert not lab.hedged, (text, lab.cues)


@pytest.mark.parametrize("text", FORECASTS)
def test_the_authors_forecast_or_hedge(text: str) -> None:
    lab = classify(text)
    assert lab.label == "speculative", (text, lab.label, lab.cues)
    assert lab.hedged


@pytest.mark.parametrize(("text", "label", "hedged"), NEAR_MISSES)
def test_near_misses_keep_their_reading(text: str, label: str | None, hedged: bool) -> None:
    lab = classify(text)
    if label is not None:
        assert lab.label == label, (text, lab.label, lab.cues)
    else:
        assert lab.label != "speculative", (text, lab.cues)
    assert lab.hedged is hedged, (text, lab.cues)
