"""Round 7 (issue #17): error classes that recur across writers (r10–r13, and r14/r16 once read), in
wordings of our own, organised by class.

None of these sentences is a row of tests/data. Each class is a table of (text, label) and has near
misses that must keep their label: a passive naming an author is no source, an amount added is no
speech, a guess stays a guess. See docs/EVALUATION.md "Round 7".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

# A source's own forecast or explanation (r12, r13; the "sources not recognised"): a body's
# forecast with an amount of several words or a range; a cause put down to something by its subject;
# a group giving advice; a time or a channel between the verb and its that-clause.
SOURCED_FORECASTS_AND_EXPLANATIONS = [
    ("The Met Office forecasts between 10 and 15 centimetres of snow on high ground.", "attributed"),
    ("The regulator projects household energy spending of £2,100 a year.", "attributed"),
    ("The treasury estimates up to 40,000 new jobs from the scheme.", "attributed"),
    ("The port authority attributes the delays to a shortage of crane drivers.", "attributed"),
    ("The airline blamed the cancellations on a strike by French air traffic controllers.", "attributed"),
    ("Tax advisers recommend filing the return well before the deadline.", "attributed"),
    ("Paediatricians advise keeping screens out of children's bedrooms.", "attributed"),
    ("The club confirmed on Tuesday that its captain had signed a new contract.", "attributed"),
    ("The council revealed in a statement that the pool would stay shut.", "attributed"),
]
SOURCE_NEAR_MISSES = [
    ("Building projects between the two towns were delayed.", "reported"),  # the noun
    ("Crop estimates around 6 million bags circulated on Friday.", "reported"),
    ("The quote was attributed to Churchill.", "reported"),  # a passive naming an author
    ("It is hard to blame the players for the result.", "reported"),
    ("We reported last month that the plant had closed.", "reported"),  # the newsroom's record
]

# "added" of a tally, "claims" of a noun (r13): an amount added is no speech; a participle before
# "claims" makes it the noun, so the hedge after it is the author's.
TALLIES_AND_NOUNS = [
    ("Prop forward Jones added 12 points and two tries.", "reported"),
    ("The index added 2.4% to close at a record.", "reported"),
    ("The agency reported 4,000 jobs added.", "reported"),
    ("A flood of rejected claims has swamped the tribunal.", "reported"),
    ("The rise in withdrawn claims may also reflect faster processing.", "speculative"),
]
TALLY_NEAR_MISSES = [
    ("He added 16 people had been taken to hospital.", "attributed"),  # a clause after the figure
    ("Employers added 180,000 jobs in March, the department said.", "attributed"),
    ('"The club will survive," he added.', "attributed"),
    ("The insurer claims the damage was caused by neglect.", "attributed"),
]

# Permission by the rule's shape (r10–r13, r14 ×4, r16): the people a rule is for named by any plural
# role noun (not only a listed one), narrowed by a modifier and "with"; an instrument with two
# modifiers; a right stated beside the modal; permitted acts such as boarding or submitting.
PERMISSION = [
    ("Hikers may still use the coastal path, but the cliff top is closed.", "reported"),
    ("Jurors may not discuss the trial on social media.", "reported"),
    ("Season-ticket holders with a disability may board the shuttle before other passengers.", "reported"),
    ("Under the new parking system, motorists may pay by phone at any bay.", "reported"),
    ("Donors may earmark gifts for the children's ward.", "reported"),
    ("Competitors may nominate a reserve rider up to an hour before the start.", "reported"),
    ("You may return the item, and if it is faulty you are entitled to a refund.", "reported"),
]
PERMISSION_NEAR_MISSES = [  # what may happen to people stays a guess
    ("Commuters may face delays of up to an hour.", "speculative"),
    ("Gardeners may notice fewer bees this spring.", "speculative"),
    ("Investors may buy more gold if the dollar weakens.", "speculative"),
]

# A condition put to the generic reader with its consequence in the indicative is a rule's terms, not
# the writer's stance (r13, r16); the first part of a hyphenated compound names a kind (r14).
RULES_TO_THE_READER = [
    ("If you earn under £20,000, you pay nothing towards the scheme.", "reported"),
    ("If you cancel within 14 days, you are entitled to a full refund.", "reported"),
    ("The essential-service ferries kept running through the strike.", "reported"),
    ("The spending plans face an ever-rising pensions bill.", "reported"),
]
READER_RULE_NEAR_MISSES = [
    ("If you like slow-burning thrillers, this is the one for you.", "opinion"),
    ("The decision was essential to the recovery.", "opinion"),
    ("The verdict? A must-buy for commuters.", "opinion"),
]

# Page lines in words no earlier rule listed (r10–r12, r13 ×7, r14 ×8, r16), told by structure: an
# imperative of reaching the newsroom with an address or a number; the page speaking of itself; a
# note's label; a letter's reply line; widgets; a call to follow the outlet on a named platform.
PAGE_LINES = [
    "Email newsdesk@valleypost.co.uk with your stories and pictures.",
    "Text the word WEATHER to 07700 900456 to get our flood alerts.",
    "For press enquiries, please email media@harbourtrust.example.",
    "Write to us at letters@eastbrookgazette.example and tell us what you think.",
    "This podcast is part of our Money Made Simple series.",
    "This page will be updated throughout the day.",
    "This newsletter is funded by readers like you.",
    "This piece was last updated on 3 March to add a response from the club.",
    "Editor's note: Names have been changed to protect the families.",
    'Re: "Bus lane plans are a mistake" (Letters, 2 May)',
    "Follow our live coverage on Telegram.",
    "Comments are moderated and may take an hour to appear.",
    "Flag an error",
    "Was this explainer helpful? Yes / No",
    "Affiliate links in this guide earn us a small commission.",
]
PAGE_LINE_NEAR_MISSES = [
    ("Police said the caller had phoned 999 from a payphone at 02:10.", "attributed"),
    ("This report was published by the IMF in 2019.", "reported"),
    ("The story is part of a wider pattern of abuse at the home.", "reported"),
    ("Follow the river path to the bridge and turn left.", "reported"),
    ("Call the shots, he told his players.", "attributed"),
    ("The article was part of a series that won the Orwell Prize.", "reported"),
]

# The writer talking to the reader without content (r8, r10, r13 ×8, r14 ×5, r16 ×3): a question whose
# subject is the reader or is left out, a wish or greeting with any object and a name or "everyone"
# as vocative, a toast, a welcome to the page, a verbless move on, "you're in the right place",
# reassurance after an if-clause to the reader, an interjection on the page itself.
READER_ADDRESS = [
    "Keen to cut your heating bill?",
    "Are you heading to Brightwater for the fireworks?",
    "Thinking of switching banks this year?",
    "So, you've finally decided to learn the guitar but have no idea where to begin?",
    "Phew, that was a long one!",
    "Safe travels, Marcus!",
    "Enjoy your weekend, everyone!",
    "Here's to another year of great gardening!",
    "Wondering which one to pick? Read on.",
    "Happy stargazing, everyone!",
    "If you're shopping for a first bike, you're in the right place.",
    "On to the results.",
    "If you're renting, don't panic.",
    "Welcome to our election night live page!",
]
READER_ADDRESS_NEAR_MISSES = [
    ("Are the trains running on Sunday?", "reported"),  # a question about something else
    ("Enjoy the sunshine while it lasts, forecasters said.", "attributed"),
    ("Welcome to the club, he told the new signing.", "attributed"),
    ("On to the next round went the holders, after a 2-1 win.", "reported"),
    ("Patients are in the right place at the new clinic, the trust said.", "attributed"),
    ("Wow, the figures were worse than expected in every region.", "reported"),
]

# A record, study or poll named as the subject is the source of what it shows, "that" or not (r11,
# r14, r16); sources the rules missed: a group "on" a platform, a denial of something said, advice with
# a that-clause, what a court heard, a finding closing the sentence.
RECORDS_AND_SOURCES = [
    "Court filings show the developer paid the fine in 2021.",
    "A 2023 survey of 5,000 tenants found that one in three had faced a rent rise.",
    "Polling by YouGov puts support for the scheme at 38%.",
    "Leaked documents reveal the board knew about the fault.",
    "The minutes, obtained by the Gazette, record that two members abstained.",
    "Several polls had predicted a narrow win for the incumbent.",
    "Scientists on Reddit think the comet will break up.",
    "The minister's office denied the allegations in a brief statement.",
    "The regulator recommends that lenders check affordability twice.",
    "The tribunal heard that the manager had ignored three warnings.",
    "The damage was worse than feared, the review concluded.",
]
# Traps of the same words: a connective, the legal adjective, a count of replies, a count of claims, a
# reply that did not come, a statistical release (left to the author), the newsroom's own analysis.
SOURCE_TRAPS = [
    ("The club has not commented.", "reported"),
    ("That said, turnout was higher than in 2019.", "reported"),
    ("The said land was transferred to the trust.", "reported"),
    ("Nine of the 14 schools we contacted replied.", "reported"),
    ("The insurer settled more than 2,000 claims last year.", "reported"),
    ("The figures show a rise in exports.", "reported"),
    ("Our analysis found 40 cases.", "reported"),
    ("The study was published in 2019.", "reported"),
    ("He denied the request for bail.", "reported"),
    ("Police found the car abandoned near the bridge.", "reported"),
]

# Headline shapes (r11, r12, r13 ×5, r14, r16 ×4), each a construction running text does not have: an
# age in apposition to a bare noun, the inverted source with no article, a Why/How explainer closed on
# a content word or a bracket, a line that is only a quotation (or a name, a colon and one) with no
# sentence mark inside, the bare passive up to 14 words, a place closing the line after at/in/over, a
# gerund in the subject ("waiting lists").
HEADLINES = [
    "Grandmother, 82, rescued after three days trapped in flat",
    "Fuel duty freeze ‘certain’, says Treasury source",
    "Why the housing market has stalled since spring",
    "How to Keep Your Pipes From Freezing (Without Calling a Plumber)",
    "‘We lost everything in twenty minutes and nobody came’",
    "Amira Haddad: ‘Nobody warned us about the river’",
    "Rare beetle rediscovered in Dorset woodland after fifty years of searching",
    "Teenager arrested on suspicion of arson at village hall",
    "Midfielder's late header sends Rovers top at Ibrox",
    "Hospital parking charges hit record £2m",
]
# Reuters lines cut from wrapped copy, sentences with their full stop, quoted speech with a speaker.
HEADLINE_NEAR_MISSES_R7 = [
    "The company said it expected sales of",
    "Japan bought 5,000 tonnes of Canadian",
    "Why the plan failed is still unclear.",
    "Man, 61, was jailed for six years on Friday.",
    "‘We lost everything.’",
    "“We will appeal,” she said.",
    "Exports rose 4.5 pct in January, says",
]

# The author's judgement with no listed word (r11, r12, r13 ×6, r14 ×3, r16 ×12): an evaluating
# sentential relative, a renaming contrast, "Few X have … so Y", a concessive pair of modifiers, the
# author vouching, a quality superlative over a career, a horoscope's address to a sign, a fact-check
# rating, and evaluative idioms and metaphors as predicates.
JUDGEMENTS = [
    "The council took eight months to answer, which is simply too slow.",
    "That is not a reform; it is a rebrand.",
    "Few managers have rebuilt a club so quickly.",
    "The new timetable is a sensible, if belated, change for commuters.",
    "The decision is, without a doubt, the boldest of his tenure.",
    "It was the bravest innings of her career.",
    "Scorpio, a surprise at work will lift your spirits.",
    "Verdict: Mostly false.",
    "The launch was a slow-motion car crash from start to finish.",
    "The review has been an exercise in kicking the problem down the road.",
    "The new fee is a gift to landlords.",
    "Regulators were asleep at the wheel for a decade.",
    "Once again, patients are paying the price for poor planning.",
    "The strike could not have come at a worse time for the ferry operator.",
    "History will judge this government harshly.",
    "What could possibly go wrong?",
    "The minister's statement was a masterclass in saying nothing.",
]
JUDGEMENT_NEAR_MISSES = [
    ("The appeal was rejected, which is why the family went to the press.", "reported"),
    ("The bracelet was a gift to the museum from a private collector.", "reported"),
    ("That is not what the minister said, according to the transcript.", "attributed"),
    ("Few details have been released so far.", "reported"),
    ("The car crash on the A9 closed the road for six hours.", "reported"),
    ("Cancer, the disease, kills thousands every year.", "reported"),
    ("Bottom line: rates rise to 5.25% on Thursday.", "reported"),
]

# The author's forecast or inference (r11, r12, r16; the agentless forecasts): "set to" before a
# verb of change, "There is a real chance …", "There are signs that …"; a scheduled act and a sourced
# forecast are not the author's guess.
AUTHOR_FORECASTS = [
    "Energy bills are set to fall by around £100 in April.",
    "Inflation looks set to ease over the summer.",
    "There is a real chance the bridge will reopen before Christmas.",
    "There are early signs that the campaign is working.",
]
FORECAST_NEAR_MISSES = [
    ("The council is set to vote on the plan next week.", "reported"),
    ("The film is set to be released in March.", "reported"),
    ("Economists said inflation was set to ease.", "attributed"),
    ("There is no chance of a refund, the airline said.", "attributed"),
]

# An explainer's section titles asked as questions (r6, r13 ×2, r14 ×3): the reader's question in the
# first person, or a stock question; and authors' bios (r11–r14): an outlet named with "&", the post
# "based in" a place, a reviewer's tenure in years.
SECTIONS_AND_BIOS = [
    "Can I still get a refund?",
    "Is my data safe?",
    "What happens next?",
    "Who is affected?",
    "Why does it matter?",
    "Priya Shah covers farming and food for Field & Fork.",
    "Tom Adeyemi is a chemist and freelance writer based in Leeds.",
    "Ana Ruiz has tested running shoes for six years and owns too many of them.",
]
SECTION_NEAR_MISSES = [
    ("How did this happen?", "reported"),  # the author's own question
    ("What happened in 1986?", "reported"),
    ("Marta Diaz is a retired teacher and lives in Leeds with her husband.", "reported"),
]

# Smaller classes: the newsroom's or an agency's past act opening on "We" (r13, r14); a hedged
# apposition opened by "the" (r16); a dateline with the day before the month; bylines of a name and an
# outlet, or with the author's e-mail (r13).
SMALL_CLASSES = [
    ("We searched the court register and found no record of the company.", "reported"),
    ("We have opened two field clinics in the north of the province.", "reported"),
    ("Mayor Diaz, probably the city's best-known politician, opened the bridge on Sunday.", "reported"),
    ("Under the new rules, landlords must give tenants two months' notice.", "reported"),  # the law's must
    ("PARIS, 3 March (Wirenews) –", "boilerplate"),
    ("Kofi Mensah, The Accra Ledger", "boilerplate"),
    ("By Lena Ortiz | lena.ortiz@valleynews.example", "boilerplate"),
]
SMALL_CLASS_NEAR_MISSES = [
    ("We were shocked by the verdict.", "opinion"),  # a state, not an act
    ("Under pressure, the council must act now.", "opinion"),  # no law: the author's demand
    ("The council should act now, given that the deadline has passed.", "opinion"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(SOURCED_FORECASTS_AND_EXPLANATIONS),
        *_cases(SOURCE_NEAR_MISSES),
        *_cases(TALLIES_AND_NOUNS),
        *_cases(TALLY_NEAR_MISSES),
        *_cases(PERMISSION),
        *_cases(PERMISSION_NEAR_MISSES),
        *_cases(RULES_TO_THE_READER),
        *_cases(READER_RULE_NEAR_MISSES),
        *_cases(PAGE_LINES, "boilerplate"),
        *_cases(PAGE_LINE_NEAR_MISSES),
        *_cases(READER_ADDRESS, "filler"),
        *_cases(READER_ADDRESS_NEAR_MISSES),
        *_cases(RECORDS_AND_SOURCES, "attributed"),
        *_cases(SOURCE_TRAPS),
        *_cases(HEADLINES, "boilerplate"),
        *_cases(JUDGEMENTS, "opinion"),
        *_cases(JUDGEMENT_NEAR_MISSES),
        *_cases(AUTHOR_FORECASTS, "speculative"),
        *_cases(FORECAST_NEAR_MISSES),
        *_cases(SECTIONS_AND_BIOS, "boilerplate"),
        *_cases(SECTION_NEAR_MISSES),
        *_cases(SMALL_CLASSES),
        *_cases(SMALL_CLASS_NEAR_MISSES),
    ],
)
def test_round_7_labels(text: str, label: str) -> None:
    assert classify(text).label == label


# Near misses that must not become boilerplate.
@pytest.mark.parametrize("text", HEADLINE_NEAR_MISSES_R7)
def test_round_7_cut_lines_and_sentences_stay_text(text: str) -> None:
    assert classify(text).label != "boilerplate"
