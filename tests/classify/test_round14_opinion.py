"""Round 14 (issue #17): the author's judgement written as a plain statement, by its grammar
(factsieve/classify/judged_predicates.py): a judging adjective as the complement, a superlative of judgement
with no figure, conduct judged by an infinitive ("were right to", "would be wise to"), verdict idioms on a
third party, the author's framing of the answer ("The plain truth is that …", "Whatever its flaws, …"), a
critic's comparison, and an evaluative outcome foreseen with no source ("Shoppers will love …").

None of these sentences is a row of tests/data. On main 867ce22 all 42 positives are read as reported, and the
five rankings that are facts as opinion; the near misses (market and weather words, a right to do something,
superlatives of measure, a person failed by examiners, the same judgement said by a source) read the same on
main and here. See docs/EVALUATION.md "Round 14 (opinion)".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# Each sentence is the author's judgement and nothing else decides it: opinion.
JUDGEMENTS = [
    # a judging adjective as the complement, alone or closing a list
    "The council's response to the flooding looks feeble beside the scale of the damage.",
    "The new timetable is muddled and toothless.",
    "Her third novel is clever, witty and thoroughly gripping.",
    "The minister's apology sounded glib.",
    "The plan to cut bus routes is misconceived.",
    "The sequel is formulaic and plodding.",
    # a superlative of judgement with no figure
    "This is the laziest budget the county has produced in years.",
    "The chairman has been the league's most complacent figure for a decade.",
    "Comfortably the most inventive production the theatre has staged.",
    "Of all the entries, the oak-smoked cheddar was comfortably the tastiest.",
    "For most families, a secondhand estate car remains the smarter buy.",
    # conduct judged by an infinitive
    "The directors were right to sack the coach after a single poor season.",
    "Ministers would be well advised to listen to the nurses before the winter.",
    "The county was daft to sell off the playing fields.",
    # verdict idioms on a third party
    "A club that cannot pay its cleaners has no business signing a marquee striker.",
    "The party has only itself to blame for the defeat.",
    "The council has spent years dithering over the ring road.",
    "Talk of a cure has run far ahead of the science.",
    "The new car park beside the cathedral is a concrete eyesore.",
    "The organisers couldn't have picked a worse weekend for the festival.",
    "The health service failed her at every turn.",
    # the author's framing of the answer
    "The plain truth is that the hospital cannot cope with the demand.",
    "The real surprise is that anyone still buys the paper.",
    "The likeliest explanation for the delay is that the contractor ran out of money.",
    "Whatever their failings, the volunteers kept the library open for ten years.",
    "For all its flaws, the new stadium is a pleasure to visit.",
    "Why did it take the council so long to fix the lights?",
    # a critic's comparison
    "Few novelists have written about loneliness with such tenderness.",
    "The new album is darker, slower and far more honest than their debut.",
    # an evaluative outcome foreseen, with no source
    "Shoppers will love the wider aisles.",
    "Fans will be thrilled with the new kit.",
    "The coalition will not survive another winter of strikes.",
    # second pass (the same grammar in older writers' rows)
    "The fine was the largest in the regulator's history, and a deserved one.",
    "The new rules on second homes do not go far enough.",
    "The final song is the emotional heart of the album.",
    "The party has taken its heartland voters for granted.",
    "These figures leave little doubt that the scheme has failed.",
    "The signs of trouble were there for anyone prepared to look.",
    "Read together, the two audits point to a council that has lost track of its own contracts.",
    "Her latest film is tighter, funnier and far braver than her debut.",
    "Hernández is, by some distance, the cleverest midfielder in the league.",
    "The phone is fast, though, and overpriced for what it offers.",
]

# "best"/"worst" that rank nothing for the author (an award category, a measured result, "best" as an adverb
# of manner): opinion on main by the stance word, reported now.
RANKS_NOTHING = [
    "The airline reported its worst quarterly loss in a decade.",
    "The comet is best viewed from a dark site after midnight.",
    "The documentary won best short film at the festival.",
    "The bakery was nominated for best independent shop.",
    "The Tamsin Hale trio took the best newcomer award on Saturday.",
]

# (sentence, label on main and here): measured facts with evaluative-sounding words, and judgements a
# source makes (attributed comes first).
NEAR_MISSES = [
    ("Trading was thin and the index closed 0.3 per cent lower.", "reported"),
    ("The market was dull ahead of the holiday.", "reported"),
    ("Rain will be patchy across the north.", "reported"),
    ("The results were predictable in one respect: turnout fell in every ward.", "reported"),
    ("Iran insists on its right to enrich uranium.", "attributed"),
    ("The union won the right to strike in 1971.", "reported"),
    ("Her right to appeal was confirmed on Tuesday.", "reported"),
    ("The tallest building in the country is in the capital.", "reported"),
    ("Lagos is the most populous city in Nigeria.", "reported"),
    ("It was easily the biggest crowd of the season, at 41,000.", "reported"),
    ("The company has spent 3 million dollars on the new plant.", "reported"),
    ("The hospital has only two doctors on duty at night.", "reported"),
    ("The truth commission met for the first time on Monday.", "reported"),
    ("The surprise announcement came at noon.", "reported"),
    ("The report's conclusion is that the dam was poorly maintained, the inquiry said.", "attributed"),
    ("Whatever the weather, the race will start at 9am.", "reported"),
    ("Few residents have cars, so the bus service matters.", "reported"),
    ("The shop will close at 6pm on Sunday.", "reported"),
    ("The examiners failed him in the practical test.", "reported"),
    ("The brakes failed on the descent.", "reported"),
    ("The stock remains the best performer in the index, up 12 per cent this year.", "reported"),
    ("Analysts said the coalition will not survive another winter of strikes.", "attributed"),
    ("The tribunal was told the plan was timid.", "attributed"),
    ('"The plan is timid and half-baked," the mayor said.', "attributed"),
    ("Critics say the new timetable is short-sighted.", "attributed"),
    ("The union said members were right to reject the offer.", "attributed"),
]


@pytest.mark.parametrize("text", JUDGEMENTS)
def test_the_authors_judgement_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.label, lab.cues)
    assert lab.opinion


@pytest.mark.parametrize("text", RANKS_NOTHING)
def test_a_ranking_that_is_a_fact_is_reported(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported", (text, lab.label, lab.cues)


@pytest.mark.parametrize(("text", "label"), NEAR_MISSES)
def test_near_misses_keep_their_reading(text: str, label: str) -> None:
    lab = classify(text)
    assert lab.label == label, (text, lab.label, lab.cues)
