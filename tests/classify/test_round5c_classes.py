"""Round 5c (issue #17): broad shapes behind the r7 errors (r7 was read this round, so it is tuned on).

Each class with several wordings of our own and near misses that must keep their label. None of these
sentences is from a labelled slice."""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

PIPE_AND_STOCK_FURNITURE = [  # all boilerplate
    # metadata fields joined by " | ": a date or time, or a newsroom role, and no sentence
    "Tomas Reyes | Health Correspondent | 3 March 2026 09:40 GMT",
    "By the MoneyWise desk | Updated 11 Jan 2026",
    "Kendal Gazette | Courts | 14:05, Tue 6 Oct 2026",
    "By Ruth Amadi | Published 2 June 2026, updated 3 June 2026",
    "Sports Desk | 19:30 BST",
    # stock lines by their fixed wording
    "From staff and agency reports",
    "All prices were correct at the time of writing.",
    "Letters will be edited for length and style.",
    "Watch the full interview on BBC iPlayer",
    "You may also enjoy: Ten winter walks within an hour of Bristol",
]

PIPE_AND_STOCK_NEAR_MISSES = [
    ("Copper | 1.23 | 1.25", "reported"),  # a table row: no date, no role
    ("Sales rose 5% in March | profits fell", "reported"),
    ("The minister said prices were correct at the time.", "attributed"),
    ("Letters from the 1940s were found in the attic.", "reported"),
    ("Fans can watch the full match on a big screen in the square.", "reported"),
]

READER_ADDRESS_BY_SHAPE = [  # all filler
    # questions to the reader with "Are you/Do you" elided
    "Planning a weekend away before the clocks change?",
    "Confused by the new parking zones?",
    "Fancy trying your hand at sourdough?",
    "Not sure which tariff suits you?",
    "Worried about the cost of heating this winter?",
    "Thinking of buying an electric car?",
    # the author's lead-in to what follows
    "Here's how to do it.",
    "Here is the long version.",
    "Here's why.",
    "Now for the tricky bit.",
    # reassurance and scene-setting with no content
    "Grab a blanket and get comfortable.",
    "Don't worry if you have never baked before.",
    "You don't need to be a scientist to follow along.",
    # closing wishes
    "Happy bargain hunting!",
    "Stay warm, and happy stargazing!",
    "Wrap up warm!",
    "Enjoy the show, everyone!",
    "Have a lovely weekend, wherever you are!",
]

READER_ADDRESS_NEAR_MISSES = [
    ("Planning permission was refused in March.", "reported"),
    ("Fancy restaurants in the old town closed early.", "reported"),
    ("Here is how the council spent the money.", "reported"),
    ("Have a look at the figures, the chairman told the board.", "attributed"),
    ('"Don\'t worry, it will be over soon," the nurse said.', "attributed"),
    ("Worried residents packed the hall on Monday.", "reported"),
    # practical instructions with content keep their label
    ("Here's how to claim: fill in form B by 31 January.", "attributed"),
    ("Here's how the scheme will work: each household gets £150 from April.", "reported"),
    ("Fancy dress is optional.", "reported"),
]

AUTHOR_BIOS_BY_SHAPE = [  # all boilerplate
    "Lena Okafor covers transport for the Evening Post; email her at lokafor@post.example.",
    "Rhys Bowen covers local politics for the Gazette and can be reached at 01632 960123.",
    "Amira Haddad is the Chronicle's education correspondent and a former teacher.",
    "Callum Reid is our motoring editor.",
    "Nadia Kowal is deputy business editor of The Daily Ledger.",
    "Tom Hale has reviewed restaurants for City Eats since 2015.",
]

BIO_NEAR_MISSES = [
    ("Jane Doe, editor of The Lancet, said the paper had been withdrawn.", "attributed"),
    ("Mark Lee is the council's finance director and lives in Leeds.", "reported"),
    ("The insurer covers flood damage for the Smiths.", "reported"),
    ("Kate Lin has worked for the Post since 2015.", "reported"),
]

QUESTION_HEADLINES_WITH_DECK = [  # all boilerplate
    "Is your kettle being recalled? How to check the serial number and get a replacement",
    "Should schools ban phones? Readers have their say",
    "Are you owed a council tax rebate? What you need to know",
    "Rail strike: when is it, which lines are affected and can I get a refund?",
    "Bank holiday weather: will it rain, and how warm will it get?",
]

QUESTION_HEADLINE_NEAR_MISSES = [
    ("He asked: what is it, and why is it here?", "reported"),
    ("Why did it happen? Nobody knows.", "reported"),
]

APPRAISALS_IN_THE_AUTHORS_VOICE = [  # all opinion
    "The keyboard is clunky and the screen is dull.",
    "The dialogue is genuinely witty.",
    "The final act drags terribly.",
    "At this price, it's a real bargain.",
    "Cutting the library budget is a false economy.",
    "It is a delightful piece of writing.",
    "The ageing ferry fleet is a glaring weak point.",
    "Moreno delivers the performance of his career.",
    "Tenants have every right to be angry.",
    "The film won the top prize, and deservedly so.",
]

APPRAISAL_NEAR_MISSES = [
    ("The land was sold at a bargain price.", "reported"),
    ("The weather was lovely, she said.", "attributed"),
    ("The peace process drags on.", "reported"),
    ("The new app rewards users with points.", "reported"),
    ("The false economy of cheap boilers was the subject of a 2019 study.", "reported"),
]

RHETORICAL_WH_QUESTIONS = [  # all opinion
    "Why did it take three floods for anyone to listen?",
    "Who else would sell a stadium for a pound?",
    "Where exactly are the displaced families meant to live?",
    "How long can the club keep selling its best players?",
    "What on earth was the board thinking?",
]

WH_QUESTION_NEAR_MISSES = [
    ("Why did the council close the pool?", "reported"),
    ("When will the bridge reopen?", "reported"),
    ("Has anyone seen the report?", "reported"),
    ('"Why would anyone do that?" she asked.', "attributed"),
]

HEADLINES_WITH_A_LONGER_SUBJECT = [  # all boilerplate: a name and up to two lower-case nouns, an -s verb
    "Westbury parish council backs plan for new footbridge",
    "Kenya tea auction prices hit five-year high",
    "Lancashire county council approves new bus lanes",
]

HEADLINE_SUBJECT_NEAR_MISSES = [
    ("Forced last month to cut the budget", "reported"),  # a line cut from a wrapped sentence
    ("Outstanding yen cash bonds worldwide stand at around", "reported"),
    ("Westbury parish council backed the plan on Monday.", "reported"),
]

GROUP_FORECASTS_WITH_A_NAME = [  # all attributed: the group is the source
    "Economists at the ratings agency Moody's expect two more rate cuts this year.",
    "Organisers Harbour Events expect 40,000 visitors over the weekend.",
    "Researchers at the university hospital fear a second wave.",
]

GROUP_FORECAST_NEAR_MISSES = [
    ("The Three Gorges Dam project has displaced thousands of people.", "reported"),
    # (not a group; since round 12 attributed by its own shape, "described <object> as …", as r16, r18, r29,
    # r31 and r32 label it — source_shapes._DESCRIBED_AS_RE)
    ("Carlos Moya described the win as the highlight of his career.", "attributed"),
]

PERMISSIONS_AND_RIGHTS = [  # all reported: the sentence grants an allowance or a claim, no guess
    "Members may speak for up to five minutes at the annual meeting.",
    "Customers with a cancelled flight may claim a full refund through the airline's website.",
    "Ireland held on to claim a narrow win.",
]

PERMISSION_NEAR_MISSES = [
    ("Residents may face higher bills next year.", "speculative"),
    ("They claim a membership of seven million.", "attributed"),
    ("Opponents claim the figures are wrong.", "attributed"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(PIPE_AND_STOCK_FURNITURE, "boilerplate"),
        *_cases(PIPE_AND_STOCK_NEAR_MISSES),
        *_cases(READER_ADDRESS_BY_SHAPE, "filler"),
        *_cases(READER_ADDRESS_NEAR_MISSES),
        *_cases(AUTHOR_BIOS_BY_SHAPE, "boilerplate"),
        *_cases(BIO_NEAR_MISSES),
        *_cases(QUESTION_HEADLINES_WITH_DECK, "boilerplate"),
        *_cases(QUESTION_HEADLINE_NEAR_MISSES),
        *_cases(APPRAISALS_IN_THE_AUTHORS_VOICE, "opinion"),
        *_cases(APPRAISAL_NEAR_MISSES),
        *_cases(RHETORICAL_WH_QUESTIONS, "opinion"),
        *_cases(WH_QUESTION_NEAR_MISSES),
        *_cases(HEADLINES_WITH_A_LONGER_SUBJECT, "boilerplate"),
        *_cases(HEADLINE_SUBJECT_NEAR_MISSES),
        *_cases(GROUP_FORECASTS_WITH_A_NAME, "attributed"),
        *_cases(GROUP_FORECAST_NEAR_MISSES),
        *_cases(PERMISSIONS_AND_RIGHTS, "reported"),
        *_cases(PERMISSION_NEAR_MISSES),
    ],
)
def test_round_5c_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_pipe_line_is_one_whole_cue() -> None:
    line = "Tomas Reyes | Health Correspondent | 3 March 2026 09:40 GMT"
    assert classify(line).deciding_cue == line
