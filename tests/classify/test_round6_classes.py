"""Round 6 (issue #17): structural signals that should carry over to writers nobody has read.

Each class is written here in several wordings of our own (none is a row of tests/data), with near
misses that must keep their label: Reuters table rows and lines cut from wrapped wire copy stay text,
a caption stays content, a progressive verb is no reaction, a body is advised by "should", a future
frame keeps "could" a hedge. See docs/EVALUATION.md "Round 6".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# Unterminated lines built of parts a sentence does not have: fields, a question and its deck, a label
# or quotation and its deck, a source trailing in the present tense.
STRUCTURED_LINES = [
    "By Hannah Ode | Additional reporting by Luis Vega",
    "By Mark Tell, Health Correspondent · Fact-checked by Ana Ruiz, pharmacist",
    "Tested on a Pixel phone · Also available for iPhone",
    "Analysis | Why the council's budget gamble may backfire",
    "Can the club avoid relegation? Three things the manager must fix",
    "Worried about your energy bill? Help is available from the council",
    "‘The Long Field’ review: a quiet drama that earns its tears",
    "Garden Party review: a sharp, funny ensemble comedy",
    "Airport expansion approved after decade-long fight, inspector rules",
    "Rare orchid found in roadside verge, botanists say",
]
# Headline shapes broadened: a time zone by its shape, the future passive, a possessive subject with a
# compound modifier, Title Case with a sum.
HEADLINE_SHAPES = [
    "Wed 9 Apr 2025 11.20 NZST",
    "Fri 2 May 2025 09:05 PKT",
    "Three village schools to be merged under county plan",
    "Historic pier to be restored with lottery money",
    "Harrow's late-season surge lifts club off bottom",
    "Novamed's twice-daily inhaler halves asthma attacks in trial",
    "City Unveils £40m Plan To Revive High Street",
]
# Lines without a sentence mark that are text: table rows, notes, captions, cut wire lines.
NOT_FURNITURE = [
    "Copper | 1.23 | 1.25",
    "Shr 23 cts | 18 cts",
    "Note: per share figures adjusted for the split",
    "Photo: a view of the flooded high street from the church tower",
    "Nonetheless, monetary sources say",
    "It also sold its entire 48.8 pct stake",
    "Murphy: That was a bruising battle",
    "Usage: Food 700 690 678 678",
    "Sep 9262 9262 9260",
    "Trading opens at 09:30 EST on Monday",
    "The latest such move",
]
# Judgements carried by the predicate's shape.
SHAPE_VERDICTS = [
    "It is the most baffling transfer of the summer.",
    "It was the least convincing performance of her tenure.",
    "This is a deeply disappointing outcome for patients.",
    "The ruling is a sobering moment for the industry.",
    "The new tablet is overpriced for what you get.",
    "The sequel is wildly overrated.",
    "The Vantor 5 is the best budget phone for most people.",
    "These headphones are a sensible choice for anyone who commutes.",
    "The app is a solution in search of a problem.",
    "The council's reply was an affront to every family on the waiting list.",
    "Bottom line: buying a house in 2027 is a gamble you do not need to take.",
]
NOT_VERDICTS = [
    ("It was the most expensive transfer in the club's history.", "reported"),
    ("The government is encouraging firms to hire apprentices.", "reported"),
    ("Bottom line: rates rise to 5.25% on Thursday.", "reported"),
]
# "should" with a thing as its subject states an expectation; with a body or people, advice.
SHOULD_FORECASTS = [
    "The upgrade should cut loading times by half.",
    "The new signalling system should shorten delays at the junction.",
    "Early-sown barley should tolerate the dry spell.",
]
SHOULD_ADVICE = [
    "The council should publish the full report.",
    "The county should apologise to the families.",
    "Ministers should resign over the scandal.",
]
# Ability in a past frame and permission under a stated rule are no hedge; a future frame is.
NOT_HEDGES = [
    "Until the 1990s, the old terminal could handle only two flights an hour.",
    "During the 2022 heatwave, residents could swim in the reservoir free of charge.",
    "Savers may take a quarter of their pot tax-free from age 55.",
    "Bikes may be carried on trains between June and August.",
]
STILL_HEDGES = [
    "Until a deal is signed, fares could rise again.",
    "Flights may be delayed between March and May.",
    "In 2027 buyers could face higher rates.",
]
# The writer and the reader and nothing else.
WRITER_TO_READER = [
    "You'll love us for this one.",
    "Thanks for spending your morning with us.",
    "Brace yourselves, readers.",
    "We'll see you next week.",
]
NOT_FILLER = [
    "Mind you, we have heard such promises before.",
    "We asked you to send us your photos of the storm last winter.",
    "Thank you, Councillor Reyes, for your time.",
]


@pytest.mark.parametrize("text", STRUCTURED_LINES + HEADLINE_SHAPES)
def test_unterminated_furniture_is_boilerplate(text: str) -> None:
    lab = classify(text)
    assert lab.label == "boilerplate"
    assert lab.deciding_cue == text.strip()


@pytest.mark.parametrize("text", SHAPE_VERDICTS)
def test_predicate_shapes_are_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion"
    assert lab.deciding_cue


@pytest.mark.parametrize("text", SHOULD_FORECASTS)
def test_should_of_a_thing_is_speculative(text: str) -> None:
    lab = classify(text)
    assert lab.label == "speculative"
    assert lab.deciding_cue is not None and "should" in lab.deciding_cue.lower()


# --- Round 6b (after the r10 file was scored and read): the same method, classes earlier writers show too.
ROUND_6B_FURNITURE = [
    "By Sam Ode · 3 March 2025, 9:15am AEDT",  # a byline's date field has its month
    "Words and pictures by Zoë Brontë",  # a name with diacritics is one word
    "NAIROBI —",  # a dateline with no agency
    "— Peter Quill, Harrogate",  # a letter's signature
    "(Ledger Photo: Ana Ruiz)",
    "Date published: 4 June 2025",
    "Download the Harbour Times app for live traffic alerts.",
    "Join 40,000 readers getting our Friday briefing — sign up free.",
    "Was this explainer useful? Rate it below.",
    "Harlow council votes to close Greenway Library",  # a headline ending on a full name
    "Storm warning for coastal towns as Fairhaven braces for high tide",
    "Tom Reyes is a former county planner and a contributing columnist.",
]
ROUND_6B_NOT_FURNITURE = [
    "ALL WHEAT -",  # a wire table heading ends on a hyphen
    "(CANADIAN DLRS PER TONNE/IN STORE)",
    "Japan bought 5,000 tonnes of Canadian",
    "L. Phelps resigned as chairman of the board of directors",
    "Reports say the company will sign up new dealers next month.",
]
ROUND_6B_FILLER = [
    "Lost? You're not the only one.",
    "Still with us? Excellent.",
    "Sounds tricky? It isn't, we promise.",
    "So, should you fix now or wait? Read on.",
    "See you next Saturday, puzzle fans!",
    "Stay warm this winter, and check in on your neighbours.",
]
ROUND_6B_NOT_FILLER = [
    "The verdict? A must-buy for commuters.",
    "Why did the council wait? Officials blamed the budget.",
]
ROUND_6B_OPINION = [
    "It was the most complete display the club has produced all season.",
    "The rise is a long-overdue correction after years of cheap money.",
    "The decision is hard to justify with waiting lists this long.",
    "Her pastry was, by any fair measure, the best in the county.",
    "The tasting menu is not optional.",
]
ROUND_6B_NOT_OPINION = [
    ("Such networks make the attacks hard to defend against.", "reported"),
    ("It was the most expensive signing in the club's history.", "reported"),
]
ROUND_6B_ATTRIBUTED = [
    "The prince will not attend the ceremony, Clarence House confirmed on Monday.",
    "Exports rose 4% in March, the statistics office reported.",
    "Morgan Stanley now forecasts Brent at $80 a barrel by June.",
    "Economists polled by the Ledger had forecast a quarter-point cut.",
]
ROUND_6B_NOT_ATTRIBUTED = [
    # "reported" with an object is an act, not a closing source clause: the new rule leaves it alone
    ("The company reported a loss of $3 million for the quarter.", "reported"),
]
ROUND_6B_REPORTED = [
    "Families may request a transfer to another school until March 1.",
    "Okoro may apply for parole after serving three years of his sentence.",
    "Until her retirement, Ms Lane could still swim two miles every morning.",
    "At its busiest, the mill could weave 9,000 yards of cloth a day.",
]
ROUND_6B_SPECULATIVE = [
    "That should bring more buyers back into the market by spring.",
    "Until a buyer is found, the mill could close at any time.",
]


@pytest.mark.parametrize("text", ROUND_6B_OPINION)
def test_round_6b_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion" and lab.deciding_cue


@pytest.mark.parametrize("text", ROUND_6B_ATTRIBUTED)
def test_round_6b_sources(text: str) -> None:
    lab = classify(text)
    assert lab.label == "attributed" and lab.deciding_cue


# Every class of rounds 6 and 6b whose texts must carry one label, with its near misses.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(NOT_VERDICTS),
        *_cases(SHOULD_ADVICE, "opinion"),  # "should" of a body is advice
        *_cases(NOT_HEDGES, "reported"),  # past ability and stated rules
        *_cases(STILL_HEDGES, "speculative"),  # future frames
        *_cases(WRITER_TO_READER, "filler"),
        *_cases(ROUND_6B_FURNITURE, "boilerplate"),
        *_cases(ROUND_6B_FILLER, "filler"),
        *_cases(ROUND_6B_NOT_OPINION + ROUND_6B_NOT_ATTRIBUTED),
        *_cases(ROUND_6B_REPORTED, "reported"),
        *_cases(ROUND_6B_SPECULATIVE, "speculative"),
    ],
)
def test_round_6_labels(text: str, label: str) -> None:
    assert classify(text).label == label


# Near misses that must not take the label their shape suggests: Reuters table rows, notes, captions
# and cut lines stay text; content that addresses "you" is not filler.
@pytest.mark.parametrize(
    ("text", "not_label"),
    [
        *_cases(NOT_FURNITURE, "boilerplate"),
        *_cases(ROUND_6B_NOT_FURNITURE, "boilerplate"),
        *_cases(NOT_FILLER, "filler"),
        *_cases(ROUND_6B_NOT_FILLER, "filler"),
    ],
)
def test_round_6_near_misses_keep_their_label(text: str, not_label: str) -> None:
    assert classify(text).label != not_label
