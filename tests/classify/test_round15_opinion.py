"""Round 15 (issue #17): the author's judgement written as a plain statement, by its grammar
(factsieve/classify/judged_clauses.py and the widened shapes in plain_verdicts.py, judged_predicates.py and
judgements.py): a comparison with how a thing looks ("… than it looks"), the author naming the real issue
or the lesson, "the most … thing about X is …", a negative inversion ("Seldom has …  so …"), "the poorer for
…", a life or career summed up by a virtue, a gift for an act, a figurative verdict noun ("its soft
underbelly", "a fig leaf"), "well placed to …", promotional superlatives, judging manner adverbs
("needlessly"), "more X than Y" of what a thing really is, a renaming contrast with contractions ("That's not
X; it's Y."), a work that rewards or outstays, a maxim ("A city that wants … needs …"), "exactly the kind of
… X needs", "hard to take seriously / justify", an event that "exposed how little …", "its own kind of …",
an unsourced prediction of ruin ("will kill off …"), a quality adjective with a degree adverb or a role ("is
superb as the detective").

None of these sentences is a row of tests/data; they were written before the rules. On main a84761a all 61
positives are read as reported and the 3 newsroom fieldwork sentences as opinion; the 38 near misses
(measures, facts, corrections, a source's words, schedules) read the same on main and here. See
docs/EVALUATION.md "Round 15 (opinion)".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# Each sentence is the author's judgement and nothing else decides it: opinion.
JUDGEMENTS = [
    # a comparison with appearances
    "Settling out of court was a cleverer move than it looks.",
    "The new timetable is far more workable than it first appears.",
    # the author naming the real issue, or the lesson
    "The deeper problem is the refusal to train local staff.",
    "But the bigger scandal is how many ministers knew and stayed silent.",
    "The lesson for every other health board is plain: publish the waiting lists.",
    # "the most … thing about X"
    "The strangest thing about the merger is how little either company gains from it.",
    "The least convincing aspect of the budget is its promise on housing.",
    # a negative inversion with a degree
    "Seldom has a cabinet looked so divided over so little.",
    "Rarely has a transfer window been wasted so thoroughly.",
    # the poorer for; a life summed up
    "The valley is the poorer for his absence.",
    "Local radio will be the poorer for losing her.",
    "His was a career of patient, unshowy decency.",
    # a gift for an act
    "The club has a knack for selling its captains every summer.",
    # figurative verdict nouns
    "Set pieces remain the team's soft underbelly.",
    "The new velodrome has become the council's poisoned chalice.",
    "A two-week suspension is a slap on the wrist for a repeat offender.",
    "Customer service has become the airline's Achilles heel.",
    # well placed to
    "After this quarter the chain is well placed to see off its rivals.",
    # promotional superlatives
    "The sensor is a groundbreaking advance for patients with diabetes.",
    "The terrace offers unparalleled views of the bay.",
    # judging manner adverbs
    "The rollout was needlessly complicated by a new form for every refund.",
    "Thousands of commuters were inexcusably stranded by the signal failure.",
    # what a thing really is
    "The launch felt more spectacle than substance.",
    "The summit was more photo opportunity than diplomacy.",
    # a renaming contrast, contracted
    "That's not a strategy; it's a slogan.",
    "The problem isn't the budget; it's the people spending it.",
    "This wasn't an accident — it was a choice.",
    # a work that rewards, or outstays
    "It is an album that repays repeated listening.",
    "This is a novel that outstays its welcome by a hundred pages.",
    # a maxim
    "A city that wants young families to stay needs homes they can afford.",
    "Any club that hopes to survive needs a manager who stays.",
    # exactly the kind of … X needs
    "A cheap bus pass is exactly the kind of measure that rural towns need.",
    "Sunday's win was precisely what the squad needed.",
    # hard to take seriously / justify
    "The board's sudden concern for shareholders is hard to take seriously.",
    "A pay rise of this size is difficult to justify while wards are closing.",
    # an event that exposed a judged degree; a concessive frame
    "The flooding has exposed how little the town invested in its drains.",
    # its own kind of …
    "Staying silent for three weeks was its own kind of cowardice.",
    # an unsourced prediction of ruin
    "Charging for the library will kill off the reading groups that keep it alive.",
    "A levy this steep will finish off the small breweries.",
    # a critic's "Few … as … as"
    "Few managers anywhere have built a side as resilient as this one.",
    # a critic's comparison: two comparatives of judgement on one work
    "It is a funnier, sadder film than his debut.",
    "This is a wiser, braver budget than last year's.",
    # the author's read
    "My read: the minister has already lost the argument.",
    "Promising new homes is one thing; building them is quite another.",
    "Referees have been callously abused by parents at junior matches.",
    # second pass (the same kinds in older writers' rows that still failed, read): a target judged by its look,
    # conduct judged slow, a ringing denial, a lesson drawn, a better use, money wasted, more than X realises,
    # "an otherwise likeable …", a quality again
    "The ministry's timetable for the new line looks optimistic.",
    "That sales target looks ambitious for a shop with two staff.",
    "The board has been slow to admit its own mistakes.",
    "The party's promise to listen rings hollow after the vote.",
    "The fire is a reminder that old buildings need more than a fresh coat of paint.",
    "A morning at the market is a far better use of a Saturday than any shopping centre.",
    "Most of the consultancy fees were money down the drain.",
    "The town owes its volunteers more than it realises.",
    "The battery lets down an otherwise polished laptop.",
    "The goalkeeper was superb again.",
    "The council's refusal to publish the report is getting harder to defend.",
    # quality adjectives: a degree adverb, a role, a trailing circumstance, a judging word of conduct
    "The lighting, all amber and shadow, is quietly magnificent.",
    "Okafor is superb as the exhausted detective.",
    "The home defence looked timid against a side that barely attacked.",
    "The new visiting rules are flexible and humane.",
    "Her handling of the crisis was dignified.",
]

# Near misses: the same words as a measure, a fact, a schedule, a correction or someone else's view.
NEAR_MISSES = [
    ("The bridge is longer than it looks on the map, the engineers said.", "attributed"),
    ("The real estate market slowed in March.", "reported"),
    ("The real problem, the union said, is staffing.", "attributed"),
    ("The lesson was recorded at the primary school on Tuesday.", "reported"),
    ("The most expensive part of the project is the tunnel under the river.", "reported"),
    ("Never before had the river risen above 5.2 metres at the gauge.", "reported"),
    ("The village was poorer for decades after the mine closed.", "reported"),
    ("She had a career of 30 years at the bank.", "reported"),
    ("The gift for the retiring headteacher was a painting of the school.", "reported"),
    ("Police said the weak link in the chain was a faulty padlock.", "attributed"),
    ("The hotel is well placed for the station and the old town.", "reported"),
    ("The company says the drug is transformative for patients.", "attributed"),
    ("Output was more than 3% higher than last year.", "reported"),
    ("The meeting is not in the town hall; it is at the library.", "reported"),
    ("The manual is hard to find in libraries outside the capital.", "reported"),
    ("The flooding exposed 40 homes to sewage.", "reported"),
    ("Few residents have lived in the tower since the fire in 2019.", "reported"),
    ("The album was released in 2019 and reissued on vinyl last year.", "reported"),
    ("It was a life sentence of 25 years, the judge confirmed.", "attributed"),
    ("The court heard that the chain has a talent agency as its landlord.", "attributed"),
    ("Its shares were placed with institutional investors on Monday.", "reported"),
    ("The roof was needlessly replaced, the inspector's report found.", "attributed"),
    ("Her performance as the detective earned her a Bafta nomination.", "reported"),
    ("Any resident who wants a permit has to apply by 1 March.", "reported"),
    ("The virus will kill up to 40% of the infected trees, the forestry agency warned.", "attributed"),
    ("Exactly the same route was used by the 1998 expedition.", "reported"),
    ("It is a bigger, faster ship than its predecessor.", "reported"),
    ("Whatever the ruling, both sides have 28 days to appeal.", "reported"),
    ("The company is optimistic about sales in China, its chief executive said.", "attributed"),
    ("Traffic was slow to clear after the crash on the bypass.", "reported"),
    ("The bell rang twice before the doors opened.", "reported"),
    ("Residents were sent a reminder to renew their parking permits.", "reported"),
    ("The plant will make better use of rainwater from next year.", "reported"),
    ("Crews cleared leaves from the storm drain on Monday.", "reported"),
    ("The firm employs more than 400 people in the town.", "reported"),
    ("It was an otherwise quiet day on the markets.", "reported"),
    ("Peerless Industries earned 576,000 dollars in the quarter.", "reported"),
    ("Many more patients died needlessly between 2019 and 2021, the audit found.", "attributed"),
]


@pytest.mark.parametrize("text", JUDGEMENTS)
def test_the_authors_judgement_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.label, lab.cues)
    assert lab.deciding_cue


# The newsroom's fieldwork in an irregular past is reporting, not the author's voice (opinion on main).
NEWSROOM_FIELDWORK = [
    "We drove past the scene on Tuesday morning.",
    "We flew to Maiduguri with a team from the charity.",
    "We rode with the night crew for a week and logged every call.",
]


@pytest.mark.parametrize("text", NEWSROOM_FIELDWORK)
def test_the_newsrooms_fieldwork_is_reported(text: str) -> None:
    assert classify(text).label == "reported"


@pytest.mark.parametrize(("text", "label"), NEAR_MISSES)
def test_near_misses_keep_their_reading(text: str, label: str) -> None:
    lab = classify(text)
    assert lab.label == label, (text, lab.label, lab.cues)
