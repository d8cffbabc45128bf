"""Round 10 (issue #17): the classes of "no rule fired, so reported" (and their opposites) that the held-out
pool, r28 and r29 showed — headlines, page notices, the writer steering the reading, a claim handed to its
source by grammar alone, the author's judgement in shapes with no evaluative word — in wordings of our own.

None of these sentences is a row of tests/data. Each class is a table of (text, label) with near misses that
must keep their label: a wrapped wire line, a Reuters results note, a scan's result, a name given ("links
called 'trackers'"), "so-called", a passive "it was confirmed", a real question, a plan followed. See
docs/EVALUATION.md "Round 10".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# (a) Headlines and page notices (boilerplate.py, headline_shapes.py, page_notices.py).
FURNITURE = [
    # a present-tense headline closing on a place after a preposition of place
    "Gale brings down power lines across western Ireland",
    "Hospital trust cancels operations at Kingsway General",
    "Dock workers walk out at Port Talbot",
    "Council approves tram extension on Carver Road",
    # a plain subject of three lower-case words; a passive with a compound subject word
    "Coastal rail line upgrade runs into fresh delays",
    "Lakeside flood-defence scheme delayed until spring",
    # a name, a colon and a quotation in straight marks; an obituary's label line
    "Dame Irene Holt: 'I never wanted to be a headmistress'",
    "Obituary: Walter Ngata, 1940–2025",
    # the press release, the shop page, the paywall, the newsletter, the memorial page, the bio
    "DUNMORE, Ky., June 2, 2026 /NewsWireHub/ --",
    "This announcement contains forward-looking statements that involve risks and uncertainties.",
    "As an Amazon Associate, GadgetNest earns from qualifying purchases.",
    "Log in or subscribe to continue reading this story.",
    "Forwarded this newsletter? Sign up to get it every Friday.",
    "Sign our online book of condolences for Margaret.",
    "About Priya: a former nurse who now writes about health policy from Leeds.",
]
FURNITURE_NEAR_MISSES = [
    ("Japan buys 5,000 tonnes of wheat in New", "reported"),  # a wrapped wire line cut inside a name
    ("No world group profit figures given", "reported"),  # a Reuters results note
    ("Loan loss provisions continued to eat into bank profits", "reported"),  # the wire's past, cut
    ("Turning to policies proposed by political opposition", "reported"),  # a gerund opening a cut line
    ("The firm warned that its forward-looking statements were uncertain.", "attributed"),
    ("Mourners signed a book of condolence at the town hall.", "reported"),
    ("About 40 people attended: most were residents.", "reported"),
]

# (b) The writer steering the reading (signposts.py, called from reader_lines.reader_line).
SIGNPOSTS = [
    "Right, deep breath.",
    "Okay, enough preamble.",
    "First things first.",
    "Put the kettle on, this one runs long.",
    "Grab yourself a cuppa and settle in.",
    "Get comfy.",
    "A quick refresher for anyone new here.",
    "Spoiler alert: the answer is no.",
    "In this guide, we break down every option.",
    "Before we dive into the figures, a brief note on method.",
    "Here's everything you need to know.",
    "After months of testing, here are our top picks.",
    "Think of it as your survival kit for exam week.",
    "But don't take my word for it.",
    "That's it from us this week.",
]
SIGNPOST_NEAR_MISSES = [
    ("First things first, the council must publish the audit.", "opinion"),
    ("Below, the council lists 14 roads that will close.", "reported"),
    ("Residents were told to put the kettle on and wait.", "attributed"),
]

# (c) A claim handed to its source by grammar alone (source_shapes.py; attribution.py).
SOURCED = [
    "The coach called the decision 'a joke from start to finish'.",
    "The minister dismissed the report as 'fantasy economics'.",
    "As one nurse put it, 'We are running on goodwill.'",
    "The museum confirmed the painting had been on loan since 2019.",
    "A person briefed on the talks indicated the deal was close.",
    "Under questioning, the witness accepted that she had signed the form.",
    "The Bureau of Meteorology is forecasting a wet spring for the east coast.",
    "The central bank had earlier projected a 2 percent contraction.",
    "Land registry records show the house was sold twice in 2021.",
    "The hospital's own data reveal a doubling of waiting times.",
    "Per the club's statement, the striker will miss six weeks.",
    "The retailer projects sales will fall in the first half.",
    "The charity estimates it has rehoused 900 families.",
    "Analysts at Brook & Hale expect a cut in June.",
    "Local shopkeepers blame the roadworks for the fall in trade.",
]
SOURCED_NEAR_MISSES = [
    (
        "Among the new rules is a so-called 'sunset clause' for the levy.",
        "opinion",
    ),  # (its "so-called", not a source)
    ("The system relies on servers called 'relays' that pass data on.", "reported"),
    ("The scan confirmed the tumour had shrunk.", "reported"),
    ("We confirmed the company had filed late.", "reported"),
    ("The figures show a rise.", "reported"),
    ("May's trade figures showed a surplus.", "reported"),
    ("Official figures show bonds floated by state companies", "reported"),  # round 5b's near miss
    ("Per capita income rose 3 per cent.", "reported"),
    ("Police confirmed the identity of the man who was killed.", "reported"),
    (
        "The forecast assumes an exchange rate of 1.10 dollars.",
        "speculative",
    ),  # (its "assumes", not a source)
    ("The project ran according to plan and opened in May.", "reported"),
    ("Paramedics answered 300 calls for help on Saturday night.", "reported"),
    ("The agency has issued an amber heat warning for the Midlands.", "reported"),
]

# (d) The author's judgement with no evaluative word (judging_shapes.py, rows of plain_verdicts._SHAPES).
JUDGING = [
    "What kind of council sells its only park to pay for consultants?",
    "Why does a club this rich need to charge children anything at all?",
    "Is anyone at the ministry still pretending these targets are real?",
    "It is a warmer, wiser record than her debut, and all the better for it.",
    "Few bakers in the county make bread as well as the Osei family does.",
    "Few decisions this term will matter more to parents.",
    "The supermarket's own-brand coffee is every bit as good as the big names.",
    "There is no better place than the harbour wall to watch the regatta.",
    "The minister's refusal to answer speaks volumes.",
    "The tribunal's ruling is a win for common sense.",
    "The merger makes perfect sense for both airlines.",
    "Drivers who ignore the flood signs are asking for trouble.",
    "Leaving the goalkeeper out was an unforced error.",
    "Retailers that ignore online ordering will be left behind.",
    "It could scarcely have gone better for the hosts.",
    "There is something badly wrong with a rail system that cancels one train in five.",
    "I'm not convinced the new bypass will cut journey times.",
]
JUDGING_NEAR_MISSES = [
    ("What kind of visa do I need for a working holiday?", "reported"),  # the reader's question
    ("Is anyone still trapped in the building?", "reported"),  # a real question
    ("Few residents attended the meeting.", "reported"),
    ("The road is narrower than it was before.", "reported"),
    ("The club said the deal makes sense for both sides.", "attributed"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(FURNITURE, "boilerplate"),
        *_cases(FURNITURE_NEAR_MISSES),
        *_cases(SIGNPOSTS, "filler"),
        *_cases(SIGNPOST_NEAR_MISSES),
        *_cases(SOURCED, "attributed"),
        *_cases(SOURCED_NEAR_MISSES),
        *_cases(JUDGING, "opinion"),
        *_cases(JUDGING_NEAR_MISSES),
    ],
)
def test_round_10_labels(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize("text", [*FURNITURE, *SIGNPOSTS, *SOURCED, *JUDGING])
def test_round_10_deciding_cue(text: str) -> None:
    """Every label of these classes names the cue that decided it (explainability, issue #17)."""
    assert classify(text).deciding_cue
