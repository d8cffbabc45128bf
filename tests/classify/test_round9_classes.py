"""Round 9 (issue #17): the three classes that are ~60 % of the pooled unseen errors — the author's opinion
as a plain statement, page furniture, reader address — in wordings of our own, organised by class.

None of these sentences is a row of tests/data. Each class is a table of (text, label) with near misses that
must keep their label: a literal "own goal", the wire's "better than expected", a company described as a
producer, a police order to stay safe, a correction that gives the right figure, a Reuters rate table. See docs/EVALUATION.md "Round 9".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# (a) The author's judgement as a plain statement (verdict_shapes.py, rows of plain_verdicts._SHAPES).
OPINION_AS_STATEMENT = [
    # a noun of muddle or sham as the complement
    "The new permit portal is a bureaucratic muddle.",
    "The consultation was a whitewash, nothing more.",
    "The rebate scheme is a red herring.",
    "The safety review is little more than a box-ticking exercise.",
    "The festival's move indoors was a missed opportunity.",
    "The stadium plan is a house built on sand.",
    "Eight years later, the bypass is still a line on a map.",
    "At £4 a ticket, the matinee is a bargain.",
    "The ministry's hiring freeze is a false start and a shambles.",
    "The minimum-stock rule is a polite fiction.",
    "The opening sequence is a quiet marvel.",
    # conduct framed by the author, merit comparisons, graded misjudging verbs
    "The spending review treats rural bus users as an afterthought.",
    "Her second collection is a bolder book than her first.",
    "The board has badly misread the mood of its members.",
    "The club sorely underestimated how far fans would travel.",
    # kinds, rhetorical questions, framings
    "It was the kind of patient, stubborn innings that wins a series.",
    "It was a reign of rare calm and rarer trophies.",
    "Is it any wonder that the clinics cannot keep staff?",
    "Who can blame them?",
    "What could possibly go wrong?",
    "This is what accountability looks like.",
    "Say what you like about the manager, but his sides never give up.",
    "The regulator has closed the stable door long after the horse has gone.",
    "The final was the tournament's finest hour.",
    "The city's flood map is a generation out of date.",
    "Rents will keep climbing until the council builds more homes.",
    # r24/r25 shapes in our words: boosters, degrees, idioms, endurance predictions
    "Without a doubt, this was the best night of the festival.",
    "Make no mistake, the vote was about the leader.",
    "The delivery schedule is wildly unrealistic.",
    "The new rules did small landlords no favours.",
    "In the last act the film loses its nerve.",
    "The visitors will feel robbed after that decision.",
    "The ministry reorganised the agency twice, each time with little to show for it.",
    "His drawings are works of unshowy genius.",
    "The old stand was built for a smaller club, and it shows.",
    "Her recordings will outlast every award she won.",
    "Few coaches have done more for the women's game.",
    "The orchestra has rarely sounded this confident.",
    "The hosts were the better team for most of the match.",
    "Who asked for a sequel to a film nobody saw?",
]
OPINION_NEAR_MISSES = [
    ("He scored an own goal in the 80th minute.", "reported"),  # literal
    ("The painting was a gift to the museum from the family.", "reported"),
    ("The book is a work of fiction.", "reported"),
    ("The company reported a better result than expected.", "reported"),  # the wire's comparison
    ("The passports of the two men are out of date.", "reported"),  # no degree of time
    ("Officials misjudged the distance by a metre.", "reported"),  # no grading adverb
    ("Prices were wildly fluctuating in early trade.", "reported"),  # a participle after the adverb
    ("The scheme was wildly popular with pensioners.", "reported"),  # popularity is reported (corpus)
    ("The data shows it.", "reported"),
    ("Prices will keep rising until the end of the year, the central bank said.", "attributed"),
    ("Who asked for the meeting was not disclosed.", "reported"),  # no question
    ("Undoubtedly the biggest risk is inflation, the governor said.", "attributed"),  # a source wins
    ('"The plan is a muddle," the councillor said.', "attributed"),  # the speaker's verdict
]

# (b) Page furniture in wordings no earlier rule knew (page_labels.py, called from furniture_shapes.py).
FURNITURE = [
    "About the author: Dana Osei covers transport for the Courier.",
    "Correction: An earlier version of this article misnamed the ward.",
    "Disclosure: The writer has a family member on the hospital board.",
    "Reporting period: 1–7 June 2026",
    "(Picture: Harbour Trust)",
    "Posted 3h ago, updated 40m ago",
    "Thursday 12 June 2026 08:14, UK",
    "Tue 9 Jun 2026 14.02 BST",
    "Friday, 12 June",
    "Lena Ortiz is a freelance writer who has covered the Andes for a decade.",
    "Tom Reyes is energy correspondent at Gridline Weekly.",
    "Sam Park writes about food and farming.",
    "Ana Silva is the Ledger's science editor and a former nurse.",
    "Browse the full list of winning entries",
    "Explore our interactive map of the flood zones",
    "Watch the full interview below.",
    "Reviewed by Hana Kim, registered dietitian",
    "by Jo Adams, Courier Staff",
    "(Submitted by the Harbour Rowing Club)",
    "(With inputs from agencies.)",
    "NAIROBI, May 3 (KWS)",
    "The views in this column are the author's own.",
    "Gridline earns a commission when you buy through links in this article.",
    "Please enable JavaScript to see the live scores",
    "Get the Morning Tide newsletter in your inbox every weekday.",
    "Six things we learned from the spending review",
    "Pixel 9 vs. Galaxy S25: which should you buy?",
]
FURNITURE_NEAR_MISSES = [
    # a correction that gives the right figure stays content (its "said" makes it attributed, as on main)
    ("Correction: An earlier version said the bridge cost £40m; it cost £45m.", "attributed"),
    ("WMC Resources is the world's third-largest producer of nickel.", "reported"),  # a company, not a bio
    ("John Smith is a reporter who was jailed in 2019 for contempt.", "reported"),  # a story about a reporter
    ("Ana Ruiz is a correspondent for the Ledger who was detained at the border.", "reported"),
    ("The reporter was arrested on Monday.", "reported"),
    ("Search for the missing boy resumed on Monday.", "reported"),  # a noun, with its sentence mark
    ("NEW YORK (Reuters) - Stocks rose on Monday.", "reported"),  # a dateline with its sentence
    ("NORTH DAKOTA SOUTH DAKOTA (CONT)", "reported"),  # a Reuters table line: no date, no dash (corpus)
    ("90 days 7.08", "reported"),  # a rate table row: "7.08" is no time without a weekday (corpus)
    ("Jun 61.50 62.50 Jul 61.00 62.00", "reported"),
    ("Police said the views of residents were taken into account.", "attributed"),
]

# (c) Reader address without content (reader_lines.py, called last in sign_offs.sign_off).
READER_ADDRESS = [
    "Ready?",
    "Still confused?",
    "Holiday plans sorted?",
    "Sounds simple, doesn't it?",
    "Not bad, right?",
    "Happy gardening!",
    "Good luck with the move, everyone!",
    "Hope this helps.",
    "Thanks for reading along this week.",
    "Whatever the weather, enjoy the bank holiday weekend.",
    "Enjoy the rest of the season, whoever you follow.",
    "Bear with me here.",
    "Trust me on this one.",
    "Hang in there, commuters.",
    "Grab yourself a cuppa, because this is a long one.",
    "Deep breath — you've got this.",
    "Here's what you need to know.",
    "Here's the catch.",
    "Bet you didn't expect that.",
    "Okay, on to the good part.",
    "If you've ever waited for a bus in the rain, you'll know the feeling.",
    "If your train was cancelled too, you're not alone.",
    "Got an old phone gathering dust in a drawer?",
    "Fancy a walk with a view?",
    "No judgement here — we've all been there.",
    "Don't worry if the maths looks scary; we'll go slowly.",
    "So you've just bought your first bike.",
    "Your feet will thank you!",
]
READER_NEAR_MISSES = [
    ("Why?", "reported"),  # a wh-question of its own
    ("The council knew about the leak, didn't it?", "reported"),  # a tag question with a subject of its own
    ("Stay safe on the roads this winter, police urged drivers.", "attributed"),  # the police's order
    ("They wished the team good luck with the final.", "opinion"),
    ("Thanks to a late goal, Rovers stayed up.", "reported"),
    ("He found himself a lawyer.", "reported"),
    ("Losing yourself in online chess", "reported"),  # a gerund, not an order (corpus)
    ("Here's what the budget does for renters: it halves stamp duty.", "reported"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(OPINION_AS_STATEMENT, "opinion"),
        *_cases(OPINION_NEAR_MISSES),
        *_cases(FURNITURE, "boilerplate"),
        *_cases(FURNITURE_NEAR_MISSES),
        *_cases(READER_ADDRESS, "filler"),
        *_cases(READER_NEAR_MISSES),
    ],
)
def test_round_9_labels(text: str, label: str) -> None:
    assert classify(text).label == label
