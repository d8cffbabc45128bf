"""Round 16 (issue #17): the author's judgement where a hedge word or a plain predicate hid it.

Two structural tests instead of phrases (factsieve/classify/judged_hedges.py and graded_predicates.py):

* a hedge word that belongs to the author's judgement is not the author's doubt — the author's stated
  belief governs the hedges after it ("I reckon the club could …", "I don't think …", "We at the Gazette
  believe …"), a rhetorical question carries its own modal ("Is this really the best they could do?"), a
  concession sets up the verdict that follows ("The menu may look modest, but …"), a hedged superlative
  of taste or conduct is still a verdict ("It may well be the ugliest building in the county");
* a small hand-written lexicon of words that grade (a plan, a piece of work, conduct, luck) scored by
  position: the complement of the main clause's be-verb — the adjective itself or the adjective of the
  noun phrase after it ("The reshuffle was a timid response …", "The camera is superb in low light") —
  never a word of the subject, a quotation, a source's clause or a sentence with a figure.

None of these sentences is a row of tests/data; they were written before the rules. See docs/EVALUATION.md
"Round 16 (opinion)" for how many fail on main 0280ee7.
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# The author's judgement, a hedge word inside it: opinion, not speculative.
HEDGED_JUDGEMENTS = [
    # the author's own belief governs the hedge after it
    "I suspect most commuters would happily pay a little more for a train that turns up.",
    "I don't think the new stand will ever feel like home.",
    "We at the Gazette believe the library could be saved with a modest levy.",
    "I have always thought the old bridge might be the finest thing in the city.",
    "Honestly, I reckon the board may already have chosen its man.",
    "I really do not believe the ferry could run on time even if it tried.",
    # a rhetorical question carries its own modal or belief verb
    "Does anyone seriously think the scheme could survive another winter?",
    "Is this really the best plan the ministry could produce?",
    "Who, exactly, was supposed to pay for the extra buses?",
    "Can anyone honestly believe the target might be met?",
    "Does anybody still believe the stadium will open on time?",
    # a concession that sets up the verdict
    "The menu might look modest, but every dish is cooked with care.",
    "The plan may seem generous, but it leaves the poorest tenants worse off.",
    "The design may be bold, but the seats are a punishment.",
    # a hedged superlative of taste or conduct
    "It may well be the ugliest building in the county.",
    "This could be the most shameful episode in the club's history.",
    "It may be the loveliest stretch of coast in Britain.",
]

# The writer's own argument: no source, and its modal is no doubt (authors_argument.py).
AUTHORS_ARGUMENTS = [
    "I'd argue the new bridge is the ugliest thing built here in decades.",
    "You could argue the regulator was asleep for a decade.",
    "One might say the council got lucky.",
    "Frankly, I'd say the club has nobody to blame but itself.",
    "The bus is late again, and I would argue the timetable was never meant to work.",
]

# A word that grades, in the complement of the main clause: opinion, not reported.
GRADED_PREDICATES = [
    "The reshuffle was a timid response to a dismal week.",
    "The bypass is a sensible answer to years of gridlock.",
    "It was a shrewd appointment by a board that rarely gets one right.",
    "Their manifesto is a promising start.",
    "The final episode was a clumsy end to the series.",
    "The new camera is superb in low light.",
    "The decision to close the ward was reckless in the extreme.",
    "The ruling was unjust to the families who waited a decade.",
    "The pay rise is welcome, if late.",
    "The striker was fortunate to stay on the pitch.",
    "This is a handsome little car with a cramped back seat.",
    "The garden is lovely in the early evening.",
    "It is a wise move.",
    "The judge's summing-up was careful and, on the evidence before the jury, fair.",
    "After a decade of promises about the ring road, the new junction is overdue.",
]

# Each reads as it did on main: the hedge is the author's doubt, the grading word describes, measures, sits
# in the subject or in a quotation, the sentence carries a figure, or a source holds the view.
NEAR_MISSES = [
    ("The bridge may be the oldest of its kind in the county.", "speculative"),
    ("Perhaps the largest change is in the bus timetable.", "speculative"),
    ("Prices may be higher next year, but wages are rising too.", "speculative"),
    ("Visitors may bring dogs, but only on a lead.", "reported"),
    ("“I think we could win the league,” said captain Ana Ruiz.", "attributed"),
    ("Could the new stadium be ready by August?", "speculative"),
    ("Does the scheme cover workers who might lose their jobs?", "speculative"),
    ("The storm may be the worst to hit the coast since 1987.", "speculative"),
    ("The new stadium is a 40,000-seat venue beside the river.", "reported"),
    ("The bypass is a four-lane road linking the port to the motorway.", "reported"),
    ("The museum is a promising venue for the exhibition, organisers said.", "attributed"),
    ("The club's promising young striker signed a new contract on Friday.", "reported"),
    ("The welcome centre opened at nine on Saturday.", "reported"),
    ("The company reported a superb quarter, with profit up 12 per cent.", "reported"),
    ("Staff at Sensible Shoes Ltd heard of the sale on Monday.", "reported"),
    ("Lucky Star, the favourite, finished third.", "reported"),
    ("The defence called it “a clumsy attempt to rewrite history”.", "attributed"),
    ("Welcome packs were handed to 300 new tenants.", "reported"),
    ("Members are welcome to bring a guest.", "reported"),
    ("The painting was accomplished by a pupil of Rubens.", "reported"),
    ("The Greens are promising to cut bus fares.", "reported"),
    ("The firm's accomplished chief executive was replaced.", "reported"),
    ("Saturday's superb display drew a record crowd.", "reported"),
    ("Passengers were rude to the crew, the airline said.", "attributed"),
    ("The minister was careful to thank the volunteers.", "reported"),
    ("The retired judge, a gracious host, died at home.", "reported"),
    ("“I would say the market is flat,” a dealer said.", "attributed"),
    ("Critics argue the levy is regressive.", "attributed"),
    ("I said as much to the minister on Tuesday.", "attributed"),
    ("Lawyers for the city could argue that the contract was void.", "speculative"),
    ("We argued for an hour about the bill before the waiter came.", "attributed"),
]


@pytest.mark.parametrize("text", HEDGED_JUDGEMENTS)
def test_a_hedge_inside_the_authors_judgement_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.deciding_cue, lab.cues)
    assert lab.opinion
    assert lab.deciding_cue is not None


@pytest.mark.parametrize("text", AUTHORS_ARGUMENTS)
def test_the_writers_own_argument_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.deciding_cue, lab.cues)
    assert not lab.attributed
    assert lab.source is None


@pytest.mark.parametrize("text", GRADED_PREDICATES)
def test_a_grading_word_in_the_main_predicate_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.deciding_cue, lab.cues)
    assert lab.opinion


@pytest.mark.parametrize(("text", "label"), NEAR_MISSES)
def test_near_misses_keep_their_reading(text: str, label: str) -> None:
    assert classify(text).label == label
