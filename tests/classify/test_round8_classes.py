"""Round 8 (issue #17): the classes unseen writers still lose, in wordings of our own, organised by class.

None of these sentences is a row of tests/data. Each class is a table of (text, label) with near misses
that must keep their label: a verdict someone else holds is theirs, a market that "hardly changed" is a
report, a study that "demonstrates why" is a source. See docs/EVALUATION.md "Round 8".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# The author's judgement written as a plain statement (the unseen writers' largest error class): what the
# subject is said to be, when only the author can say it (plain_verdicts.py).
PLAIN_VERDICTS = [
    # a verdict noun as the whole complement
    "Closing the night bus route was a mistake.",
    "Selling the training ground is a gamble the club cannot afford to lose.",
    "Moving the deadline again was a costly misjudgement.",
    "The museum's reliance on one donor is a serious weakness.",
    "The new parking app is a letdown.",
    "The old fare system remains a relic that punishes part-time workers.",
    "The promise of free broadband by spring is pure wishful thinking.",
    "The harbour cafés are an overpriced tourist trap.",
    # consequence, the right call, quality superlatives, "hardly", comparisons
    "The missed penalty proved costly.",
    "Holding the vote before the summer was exactly the right call.",
    "The ferry company got this one badly wrong.",
    "The harvest fair is, hands down, the loveliest weekend of the year.",
    "Her second-act aria was the most moving of the night.",
    "A six-month wait for a repair is hardly a rapid response.",
    "The bakery across the road is far better.",
    "For most families the brand of the cot matters far less than where it stands.",
    # a merit adjective on any noun, a classification of an event
    "The late change of captain was a shrewd, overdue gamble.",
    "The rescue plan is a welcome, if modest, step.",
    "The inquiry was a textbook exercise in delay.",
    "The flotation was a triumph for a firm that nearly folded in 2019.",
    "The collapse was the predictable result of years of underinvestment.",
    "The case for a second runway is overwhelming.",
    "Her first novel remains one of the great forgotten books of the decade.",
    "The nurses' request for a pay review is entirely reasonable.",
    "Describing the cuts as an efficiency drive is generous.",
    "It is a bitter irony that the flood wall was finished a week after the flood.",
    "This is what happens when a hospital is run by spreadsheet.",
    # figurative verdicts on conduct, framing, sarcasm, exclamatives
    "Once more the federation has shot itself in the foot.",
    "In the end the landlord blinked first.",
    "Anyone still banking on a rate cut by summer is kidding themselves.",
    "The council has kicked the can down the road again.",
    "The scheme is a tax cut dressed up as a climate policy.",
    "It is hard to see how the timetable survives the winter.",
    "That is not how you run a hospital.",
    "A published timetable would be a start.",
    "Is there a finer sight than the harbour lit up on Bonfire Night?",
    "Because that worked so well the last time.",
    "Another triumph for the roads department, then.",
    "What a season that was for the under-19s.",
    "Commendably, the ombudsman published every complaint in full.",
    "These figures demonstrate why the pension age keeps rising.",
    "Ticket prices will double by 2030.",
    "The board will regret selling the land so cheaply.",
    "The final will be the most-watched game in the tournament's history.",
    "Training without a pool is like sailing without water.",
    "Well, it's been quite a week.",
    "To my mind, the merger makes little sense for either side.",
    # quality adjectives and evaluative degrees closing the complement; idioms of missing the point
    "Her second-half display was superb.",
    "The renovated pier is magnificent.",
    "The new bus map is woefully confusing.",
    "The board is hopelessly out of touch.",
    "It is no surprise that the talks collapsed.",
    "Little wonder that turnout fell.",
    "The minister misses the point.",
    "The party has lost the plot.",
    "The reform is a step backwards.",
    "The opening night was a triumph.",
]
PLAIN_VERDICT_NEAR_MISSES = [
    ("The goalkeeper made a mistake in the first minute.", "reported"),  # an act, no be-verb
    ("The gamble paid off when the shares doubled.", "reported"),  # the noun as subject
    ("It was an honest mistake, the hospital said.", "attributed"),  # a source
    ("The mayor said the closure was a mistake.", "attributed"),
    ("The union argues that the closure was a mistake.", "attributed"),
    ("Critics of the deal insisted it had been a mistake.", "attributed"),
    ("Prices were hardly changed in early trading.", "reported"),  # a market report
    ("Results were far better than expected.", "reported"),  # compared with a forecast
    ("Exports fared far worse than imports in March, falling 4.1%.", "reported"),
    ("The study demonstrates why some cells resist the drug.", "reported"),  # a source's finding
    ("The robber was a man dressed up as a police officer.", "reported"),  # a costume
    ("He said the delay proved costly for exporters.", "attributed"),
    ("Production will double by 2027, the company said.", "attributed"),
    ("Notably, the bank also cut its deposit rate.", "reported"),  # the wire's connective
    ("What a broker charges depends on the size of the loan.", "reported"),  # no exclamative
    ("What a difference a year makes?", "reported"),  # a question has its own mark
    ("The court hands down its ruling on Friday.", "reported"),  # "hands down" of a ruling
    ("The committee will decide on the right approach next month.", "reported"),
    ("The shop sells the finest teas from Assam.", "reported"),  # a superlative, no be-verb
    ("Trading was lacklustre ahead of the holiday.", "reported"),  # the wire's market word
    ("The triumph was celebrated in the streets.", "reported"),  # the noun as subject
    ("Walkers lost their way in the fog.", "reported"),  # literal
    ("The council lost the plot of land to developers.", "reported"),
    ("The food situation in the camp is dire, aid agencies said.", "attributed"),
]

# Page furniture in forms no earlier rule had (r15, r20, r21; furniture_shapes.py, boilerplate.py datelines).
PAGE_FURNITURE = [
    "14:40 CET",
    "9.15 am AEST",
    "(Tomás Herrera / Valley Courier files)",
    "(Courtesy of the Rowan family)",
    "3. Plovdiv, Bulgaria",
    "4) The Old Harbour Walk",
    "Analysis | The budget's missing billions",
    "By Ines Waltham | The Borough Gazette | Updated 18:02",
    "Press office: media@harbourtrust.org.uk, 0161 496 0732",
    "Seen something we should report? Email tips@dalecourier.com.",
    "This interview was condensed and edited for length and clarity.",
    "This obituary was prepared in advance and updated after his death.",
    "This article was originally published in Welsh.",
    "View this email in your browser",
    "To unsubscribe from these alerts, click here.",
    "Why you can trust Gadget Bench: every laptop is tested for a month.",
    "Get the week's best reads — sign up to our free weekend newsletter.",
    "Already a reader? Sign up here.",
    "If this story mattered to you, please consider becoming a supporter.",
    "Follow Coastline Radio on Instagram for storm updates.",
    "Join the Courier's Telegram channel for road closures.",
    "All defendants are presumed innocent until proven guilty.",
    "ZÜRICH, May 4 (Alpine Wire) -",
    "MÁLAGA, Spain —",
    "LEEDS, Mar 3 –",
]
PAGE_FURNITURE_NEAR_MISSES = [
    ("(CENTS PER LB)", "reported"),  # a Reuters table unit: no slash, no credit word
    ("1. The finance ministers agreed to", "reported"),  # a list item cut from a wrapped sentence
    ("At 14:40 the train left.", "reported"),
    ("The firm said it would follow rivals on pricing.", "attributed"),
    ("She was presumed dead after the storm.", "speculative"),  # a hedge of the story, not the notice
    ("Readers can sign up for the council's newsletter at the library.", "reported"),
]

# The writer talking to the reader (r20, r21; sign_offs.py).
READER_LINES = [
    "Until next week, keep your gardens watered!",
    "Cheers, everyone — see you at the parade!",
    "Happy stargazing, night owls!",
    "Drive safely, Tallaght!",
    "Thanks for reading — enjoy the rest of your weekend!",
    "Safe travels, wherever the road takes you!",
    "Good afternoon, and welcome back.",
    "Good morning and welcome to our live coverage of the county final!",
    "That's all for today — see you on Monday.",
    "Don't go anywhere.",
    "Heading to the coast this weekend and worried about the traffic?",
    "Looking for a cheap flight to Lisbon?",
    "Want the full list? Scroll down.",
    "Chances are, you've already had the letter.",
    "Perhaps you're wondering what this means for your pension.",
    "If your bill went up this month, you're not alone.",
    "Whether you rent or own, this guide is for you.",
    "We get it — nobody enjoys reading the small print.",
]
READER_LINE_NEAR_MISSES = [
    ("What a night for the club!", "opinion"),  # an exclamative, not the reader
    ("They won again, the lucky devils!", "opinion"),  # an apposition, not a vocative
    ("Shopping centres in the north reported falling sales.", "reported"),
    ("Reading the report, is it clear who is to blame?", "reported"),
    ("The minister said the guide is for teachers.", "attributed"),
    ("He came back to find the house alone and empty.", "reported"),
    ("Police said the man was not alone.", "attributed"),
]

# "should" of an arrival by a time or a level held (r20, r21; should.py): the author's expectation.
SHOULD_EXPECTATIONS = [
    "The first results should come within the hour.",
    "The river should come under pressure again if the rain returns.",
    "Inflation should stay below 3% for the rest of the year.",
    "Water restrictions should stay at level 2 until the reservoirs refill.",
]
SHOULD_NEAR_MISSES = [
    ("You should stay at home if you have a fever.", "opinion"),  # advice to the reader
    ("The council should come clean about the costs.", "opinion"),  # advice to a body
    ("Visitors should stay on the marked paths.", "opinion"),
]

# A source's forecast put at a figure, and the author's own inference read from evidence (r20, r21;
# attribution.py).
SOURCES_AND_INFERENCES = [
    ("The port authority projects container traffic next year at 1.2 million boxes.", "attributed"),
    ("The utility forecasts one-off repair costs of £40m to £55m.", "attributed"),
    ("Read alongside last year's survey, the figures suggest demand has peaked.", "speculative"),
    ("Seen against the rainfall data, the losses suggest the drought did most of the damage.", "speculative"),
]
SOURCE_NEAR_MISSES_R8 = [
    ("Building projects across the county stalled at 40 sites.", "reported"),  # the noun
    ("Recent estimates put the cost at £4bn.", "reported"),
    ("A study by the university suggests the figures are too low.", "attributed"),  # a source suggests
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(PLAIN_VERDICTS, "opinion"),
        *_cases(PLAIN_VERDICT_NEAR_MISSES),
        *_cases(PAGE_FURNITURE, "boilerplate"),
        *_cases(PAGE_FURNITURE_NEAR_MISSES),
        *_cases(READER_LINES, "filler"),
        *_cases(READER_LINE_NEAR_MISSES),
        *_cases(SHOULD_EXPECTATIONS, "speculative"),
        *_cases(SHOULD_NEAR_MISSES),
        *_cases(SOURCES_AND_INFERENCES),
        *_cases(SOURCE_NEAR_MISSES_R8),
    ],
)
def test_round_8_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_a_verdict_inside_a_quotation_is_the_speakers() -> None:
    lab = classify('"Closing the route was a mistake," the mayor said.')
    assert lab.label == "attributed"
    assert not lab.opinion  # the verdict is inside the quotation: no opinion cue of the author's
    assert all(c.kind != "opinion" for c in lab.cues)
