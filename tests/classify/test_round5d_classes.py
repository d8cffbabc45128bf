"""Round 5d (issue #17): broad shapes behind the r8 errors (r8 was read this round, so it is tuned on).

Each class with several wordings of our own and near misses that must keep their label. None of these
sentences is from a labelled slice."""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

MONEY_CLAIMED = [  # all reported: "claim" of money or a right, not speech
    "Under the scheme, tenants can claim up to £300 towards the cost of insulation.",
    "Households may claim for storm damage going back two years.",
    "Drivers can claim back the cost of repairs from the council.",
    "Commuters whose trains ran late can claim £12.50 for each journey.",
    "Last year the firm claimed $2.4 million in research tax credits.",
]
MONEY_CLAIMED_NEAR_MISSES = [
    ("Opponents claim that the scheme will cost more than £300 million.", "attributed"),
    ("Landlords claim the rules are unworkable.", "attributed"),
    ("The company claimed it had paid every invoice on time.", "attributed"),
]

PERMISSIONS_AND_PAST_ABILITY = [  # all reported
    # a permission granted to a group, not a guess
    "Patients may ask for a second opinion at any stage of their treatment.",
    "Fans may watch the final on a big screen in the town square.",
    "Pensioners may book up to two free journeys before 9.30am.",
    # a past time frame: ability then, not a possibility now
    "In 2022, savers could earn 4% on an easy-access account.",
    "In 2020, shoppers could buy a loaf for under £1.",
    "In his twenties he could run a mile in under four minutes.",
    "In her forties she could still swim the length of the bay.",
]
PERMISSION_AND_ABILITY_NEAR_MISSES = [
    ("Patients may need a second scan if the first is unclear.", "speculative"),
    ("Fans may be disappointed by the late kick-off.", "speculative"),
    ("In 2027, savers could earn less as rates fall.", "speculative"),
    ("In his view the plan could fail.", "speculative"),
]

FITNESS_FORECASTS = [  # all speculative: a recovery expected by a time
    "Ellis should be fit to face Carlton on Saturday.",
    "The captain should be fit again by next month.",
]
FITNESS_NEAR_MISSES = [
    ("Every rented home should be fit for human habitation by 2030.", "opinion"),
]

CLOSING_WISHES = [  # all filler
    "Safe travels, everyone!",
    "Safe journey!",
    "Happy gardening, and stay dry out there!",
    "Good luck, and happy hunting!",
]
CLOSING_WISH_NEAR_MISSES = [
    ("Safe journeys were the exception during the storm.", "reported"),
]

READER_LEAD_INS = [  # all filler
    "Now, on to the fun part.",
    "Now onto the tricky bit.",
    "Stuck in a queue with no end in sight?",
    "Stuck on the M6 again?",
]
READER_LEAD_IN_NEAR_MISSES = [
    ("Stuck in traffic for six hours, drivers abandoned their cars on the M6.", "reported"),
]

LIVE_BLOG_AND_CONTACT_FURNITURE = [  # all boilerplate
    "Key event 09:15",
    "Key events 16.40",
    "Pinned post 08:02",
    "Copy link",
    "Copy link to this article",
    "This live blog has now ended.",
    "Our live coverage is now closed.",
    "Story ideas can be sent to newsdesk@westvale.example.",
    "Letters can also be emailed to letters@thecourier.example",
    "To nominate a local hero, email heroes@gazette.example",
    "To tell us about a road that needs repairs, please email roads@northtown.example.",
    # shop, donation and app buttons
    "Buy now from £89 at Argos",
    "Donate now | Monthly gift | One-off gift",
    "Order now and get 20% off your first box",
    "Read every story on our free app – download it today.",
]
LIVE_BLOG_AND_CONTACT_NEAR_MISSES = [
    ("Complaints can be sent to complaints@ofcom.example, the regulator said.", "attributed"),
    ("Key events in the trial took place in March.", "reported"),
    ("The live page closed at 6pm after the final results came in.", "reported"),
    ("Staff copied the link to a shared drive before the account was suspended.", "reported"),
    ("Shoppers rushed to buy now before the price rise.", "reported"),
    ("The charity asked people to donate now rather than at Christmas.", "reported"),
]

KIN_AND_OBITUARIES = [
    ("He is survived by his wife, four children and a great-grandson.", "reported"),
    ("Her great aunt ran the village shop for forty years.", "reported"),
    ("Tom Hale, lighthouse keeper for 30 years, dies aged 88", "boilerplate"),
    ("The Treasury's latest forecasts suggest unemployment will peak at 5.1%.", "attributed"),
]
KIN_AND_OBITUARY_NEAR_MISSES = [
    ("It was a great evening for the home side.", "opinion"),
    ("He died aged 88 at his home in Truro.", "reported"),
    ("The timing suggests the decision was rushed.", "speculative"),
]

HEADLINES_BY_PARTICIPLE_AND_DECK = [  # all boilerplate
    # a bare participle of news and a preposition
    "Hospital chief grilled by councillors over ambulance delays",
    "Twin lambs born at city farm after record-breaking winter",
    "Budget electric hatchback launched with 300-mile range",
    "Village fete scrapped after insurance costs treble",
    "Harbour wall plan rejected by planning committee",
    # a service or review head and its deck
    "How to keep your pipes from freezing: 8 things to do tonight",
    "The best walking boots for under £100: tested on Dartmoor",
    "What's on in Leeds this weekend: markets, music and a light trail",
    "‘Northern Lights’ review: a tender, funny portrait of a mining town",
    "Sketch: Ministers discover the joys of a U-turn",
]
HEADLINE_NEAR_MISSES = [
    ("The first baby born at the new unit arrived on Tuesday.", "reported"),
    ("How to pay for the repairs is still undecided.", "reported"),
    ("The best-known of the three bridges was closed for repairs.", "reported"),
    ("Officials said the launch date had been delayed by a month.", "attributed"),
]

NOTES_ON_THE_ARTICLE = [  # all boilerplate: how the article came to be
    "This story was amended on 3 May to correct the name of the school.",
    "This article has been edited to remove a reference to the victim's address.",
    "This article was prepared from a police press release.",
    "This story was produced in partnership with the Bureau of Local Reporting.",
    "This article was written with the help of a council press officer and has not been verified.",
]
NOTE_NEAR_MISSES = [
    # a correction that gives the right fact is content, whoever wrote it
    ("An earlier version of this story said the school opened in 1968; it opened in 1972.", "reported"),
    ("Correction: An earlier version of this article gave the mayor's age as 52; she is 57.", "reported"),
    ("The article was updated to reflect that the minister had resigned.", "reported"),
    ("The report was amended to correct errors in the hospital's waiting-time figures.", "reported"),
    ("The minister said the article was written by an aide.", "attributed"),
]

AMOUNT_FORECASTS = [  # all attributed: the subject's forecast of an amount
    "The airline forecasts passenger numbers of 48 million next year.",
    "The regulator projects spending of £2.1 billion on flood defences by 2030.",
    "The council estimates a shortfall of £14m in its housing budget.",
]
AMOUNT_FORECAST_NEAR_MISSES = [
    ("The results beat analysts' forecasts of 120 mln dlrs.", "reported"),
    ("Last week's estimates of £3m proved too low.", "reported"),
]

TRAILING_EVIDENCE = [  # all attributed: the claim before the comma is the source's
    "Bus use in the county has fallen by a third since 2019, council data shows.",
    "One in five renters spends more than half their income on rent, a survey by the charity Shelter found.",
    "Hospital admissions for flu doubled in a week, official figures showed.",
    "Most of the town's shops open on Sundays, a study published on Tuesday suggests.",
]
TRAILING_EVIDENCE_NEAR_MISSES = [
    ("Daily swimming linked to better sleep, large study finds", "boilerplate"),  # a headline
    ("The figures showed a sharp rise in bus use.", "reported"),
    ("This suggests the council underestimated demand.", "speculative"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(MONEY_CLAIMED, "reported"),
        *_cases(MONEY_CLAIMED_NEAR_MISSES),
        *_cases(PERMISSIONS_AND_PAST_ABILITY, "reported"),
        *_cases(PERMISSION_AND_ABILITY_NEAR_MISSES),
        *_cases(FITNESS_FORECASTS, "speculative"),
        *_cases(FITNESS_NEAR_MISSES),
        *_cases(CLOSING_WISHES, "filler"),
        *_cases(CLOSING_WISH_NEAR_MISSES),
        *_cases(READER_LEAD_INS, "filler"),
        *_cases(READER_LEAD_IN_NEAR_MISSES),
        *_cases(LIVE_BLOG_AND_CONTACT_FURNITURE, "boilerplate"),
        *_cases(LIVE_BLOG_AND_CONTACT_NEAR_MISSES),
        *_cases(KIN_AND_OBITUARIES),
        *_cases(KIN_AND_OBITUARY_NEAR_MISSES),
        *_cases(HEADLINES_BY_PARTICIPLE_AND_DECK, "boilerplate"),
        *_cases(HEADLINE_NEAR_MISSES),
        *_cases(NOTES_ON_THE_ARTICLE, "boilerplate"),
        *_cases(NOTE_NEAR_MISSES),
        *_cases(AMOUNT_FORECASTS, "attributed"),
        *_cases(AMOUNT_FORECAST_NEAR_MISSES),
        *_cases(TRAILING_EVIDENCE, "attributed"),
        *_cases(TRAILING_EVIDENCE_NEAR_MISSES),
    ],
)
def test_round_5d_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_live_post_marker_is_one_whole_cue() -> None:
    assert classify("Key event 11:02").deciding_cue == "Key event 11:02"
