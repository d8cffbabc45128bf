"""Round 5b (issue #17): the classes behind the errors on the r6 `final` rows, generalised by shape.

Each class with several wordings of our own and near misses that must keep their label. None of these
sentences is from a labelled slice."""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from tests.classify.test_page_furniture_r5 import _cases

HEADLINES_BY_HEADLINESE = [  # all boilerplate
    # a bare name subject, a present-tense verb of a past event, its object
    "Nordvik unveils folding e-bike with 90-mile range",
    "Hallam Rovers sign Brazilian winger on three-year deal",
    "Carter and Lindqvist share physics prize for quantum sensors",
    "City Hall scraps plan for riverside car park",
    "Pound slips on weak jobs data",
    "Norway's krone hits three-year low",
    "Kenyan clinic wins global health award",
    "England coach faces questions over selection",
    # the headline passive
    "Striker ruled out of cup final with knee injury",
    "Mayor criticised over flood response",
    # the headline future
    "Harbour Board to review ferry fares",
    "Marlow to host 2027 rowing championships",
    # an obituary head with its apposition
    "Joan Pryce, founder of the Valley food bank, dies at 91",
    "Veteran broadcaster Alan Marsh dies at 79",
    # a score head as the label of a colon
    "Rovers 3–0 Athletic: Kane hat-trick seals promotion",
    "Leeds 1-1 Hull: late penalty earns point for visitors",
]

HEADLINE_SHAPE_NEAR_MISSES = [
    ("Nordvik unveiled a folding e-bike with a 90-mile range on Monday.", "reported"),
    ("Joan Pryce died at 91 on Tuesday, her family said.", "attributed"),
    # wrapped wire lines and table rows (from the Reuters corpus, in our own words)
    ("Norsk Hydro shares rose sharply in heavy", "reported"),
    ("Vestas expects orders from its offshore division to grow", "attributed"),
    ("Net 45 Swiss francs per share and 12 francs per", "reported"),
    ("The attacks often, but not always, broke down along", "opinion"),
    ("Canada and Norway could then increase their quota", "speculative"),
    ("Public comments by bank officials suggest the central bank", "attributed"),
    ("Oslo plans for a new port, announced earlier", "attributed"),
    ("Due to heavy rain the final was moved to Sunday", "reported"),
    ("Vale shares closed at 190 reais, also a record", "reported"),
    ("Premier Ana Ruiz called on voters to back the plan", "reported"),
    ("Official figures show bonds floated by state companies", "reported"),
    ("Treasury Secretary Ana Ruiz expressed doubts about a plan to tax", "attributed"),
    ("Despite remaining differences delegates remained confident", "speculative"),
    ("Hoping to build on its strengths, Nortek is now turning", "reported"),
]

BIOS_AND_CREDITS_BY_SHAPE = [  # all boilerplate
    "Words and photographs by Lena Hart",
    "Text and pictures by Omar Said",
    "Story and photos by Ines Calder, Staff Writer",
    "Produced by Kate Lin and Rob Ames",
    "Illustrations by Mei Tan",
    "Additional reporting by Jo Park",
    "Tom Reyes is a retired judge and writes about the courts for the Ledger.",
    "Nadia Farouk is a former diplomat and teaches international law at Carrow College.",
    "Sam Ortiz is the author of “Rust Belt Dreams”.",
]

BIO_NEAR_MISSES = [
    ("Marta Diaz is a former nurse and lives in Leeds with her two children.", "reported"),
    ("Produced by local farmers, the cheese is aged for two years.", "reported"),
    (
        "Research by the bank shows rents rose 4% last year.",
        "attributed",
    ),  # round 7: the research is the source
    ("Pictures by the hundred flooded social media after the final.", "reported"),
]

CUE_LESS_JUDGEMENTS_ARE_OPINION = [  # all opinion
    "It was a save worthy of a cup final.",
    "This is a performance worthy of the stage it was given.",
    "That is the real scandal.",
    "The real victims are the tenants.",
    "It rewards the patient reader.",
    "The museum richly repays the effort of getting there.",
    "The second half drags.",
    "This one disappoints.",
    "The finale falls flat.",
    "Residents deserve better.",
    "Patients deserve to know why the ward closed.",
    "It is time for the board to come clean.",
    "Enough is enough.",
]

JUDGEMENT_NEAR_MISSES = [
    ("The building was considered worthy of protection by the heritage board.", "attributed"),
    ("The real estate market cooled in March.", "reported"),
    ("The app rewards users with points for each purchase.", "reported"),
    ("The dispute drags on into its third year.", "reported"),
    ("It rewards the visitor who climbs, the guide said.", "attributed"),
    ("“Residents deserve better,” the mayor said.", "attributed"),
    ("It is time to renew the licence each spring.", "reported"),
    ("It was time for the second half to begin.", "reported"),
]

SMALL_CLASSES = [
    # reader address and share prompts
    ("Now, over to you.", "filler"),
    ("So, over to you!", "filler"),
    ("Get ready, because this one's a thriller.", "filler"),
    ("Brace yourselves!", "filler"),
    ("Bookmark this list for later.", "boilerplate"),
    ("Pin this recipe for your next dinner party!", "boilerplate"),
    # permission with a quota, not doubt
    ("Account holders may make up to four free transfers a month.", "reported"),
    ("Members may have up to two guests on each visit.", "reported"),
    # a past frame opened by a demonstrative of time
    ("That summer, the ferry could run only three crossings a day because of a crew shortage.", "reported"),
    ("In those years the mill could employ 900 people.", "reported"),
    # the newsroom's unanswered request
    (
        "We asked the trust how many beds would close, and it had not replied by the time of publication.",
        "reported",
    ),
    ("The agency has not yet responded to our questions.", "reported"),
]

SMALL_CLASS_NEAR_MISSES = [
    ("Get ready for higher bills this winter.", "reported"),
    ("Pin the blame on the contractor, residents say.", "attributed"),
    ("Customers may make the switch to the new tariff next year.", "speculative"),
    ("This winter, councils could run out of grit.", "speculative"),
    ("The spokesman replied that the plan was legal.", "attributed"),
    ("The council had not replied that the plan was legal.", "attributed"),
    ("I asked why the council might delay it.", "speculative"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(HEADLINES_BY_HEADLINESE, "boilerplate"),
        *_cases(HEADLINE_SHAPE_NEAR_MISSES),
        *_cases(BIOS_AND_CREDITS_BY_SHAPE, "boilerplate"),
        *_cases(BIO_NEAR_MISSES),
        *_cases(CUE_LESS_JUDGEMENTS_ARE_OPINION, "opinion"),
        *_cases(JUDGEMENT_NEAR_MISSES),
        *_cases(SMALL_CLASSES),
        *_cases(SMALL_CLASS_NEAR_MISSES),
    ],
)
def test_round_5b_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_headline_names_the_whole_line_as_its_cue() -> None:
    lab = classify("Nordvik unveils folding e-bike with 90-mile range")
    assert lab.deciding_cue == "Nordvik unveils folding e-bike with 90-mile range"
