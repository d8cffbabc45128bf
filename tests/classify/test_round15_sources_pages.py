"""Round 15 (issue #17): sources the rules missed, hedge words in a sense that is not the author's doubt, page
lines that read like sentences and reader address with no content — classes named on r37/r38 and widened by their
grammar (a record owned by a named body, an estimate put or placed at a figure, a holder's view, "as per" a record,
a grade in a body's words, present advice with its measure, "states that", a group's hope, appeal or forecast in the
progressive; a reported question, an opening apposition, a side participle, a quoted title, a free permission, a
rule's limit, past ability and an offered choice; a modal or "says" headline, the page's own notes and orders; the
writer's lead-ins, teasers, wraps and one-word answers).

None of these sentences is a row of tests/data or of the released files. See docs/EVALUATION.md "Round 15
(sources, hedge senses, page lines)".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

# (a) a source named by the grammar: attributed.
SOURCES = [
    "Land Registry figures show the average terrace sold for £212,000 in June.",
    "Met Office records show the village had its wettest October since 1903.",
    "Coastguard service logs reveal the lifeboat was launched eleven times in August.",
    "Court of Appeal documents show the firm lost two earlier cases.",
    "The fire brigade puts the damage at R12 million.",
    "Aid agencies place the death toll at more than 300.",
    "The union's position is that no member will cross the picket line.",
    "The inspectorate's assessment was that the prison was unsafe.",
    "Attendance fell by a fifth last season, as per club records.",
    "The council classifies the lane as a byway open to all traffic.",
    "Ofsted rated the academy 'requires improvement' in its latest report.",
    "The Dental Association recommends brushing for two minutes twice a day.",
    "The heart foundation recommends no more than six grams of salt a day.",
    "The handbook states that staff must wear gloves in the kitchen.",
    "Police are urging motorists to avoid the ring road until Monday.",
    "Farmers are hoping the rain will hold off until the harvest is in.",
    "The charity hopes to open a second shelter by the spring.",
    "Traders are expecting the central bank to hold rates next week.",
]
# (b) not a source: a release by its period or kind, a dividend proposed, "per" as a rate, an appeal for witnesses.
NOT_SOURCES = [
    "June figures showed a small rise in house prices.",
    "Trade figures show exports fell in the spring.",
    "The board recommends a final dividend of 4p a share.",
    "The fee is £3 per visit.",
    "Police are appealing for witnesses to the crash.",
    "The win gave the home fans hope of an unlikely promotion.",
]
# (c) a hedge word that is not the author's doubt: reported, the hedged flag kept.
NOT_DOUBT = [
    "Asked whether the fares would rise again, the operator's chief executive changed the subject.",
    "Whether the library stays open now depends on a vote next month.",
    "The tribunal will decide whether the dismissal broke the contract.",
    "Perhaps the best-known lighthouse on the coast, the Longstone light was automated in 1990.",
    "The new stand, expected to seat 4,000 fans, was finished in March.",
    "The lane, where flooding is likely after heavy rain, was resurfaced last week.",
    "The exhibition took its title from the question 'Might the river rise again?' asked by a child.",
    "Drivers may queue free of charge for ten minutes at the barrier.",
    "The ferry could once carry 40 cars before its deck was rebuilt.",
    "Voters could choose from four candidates in the by-election.",
    "Shoppers could swap old batteries for new ones at the depot until the end of May.",
    "Offenders could be fined up to £500 under the old by-law.",
    "Objections may be lodged with the planning office within 21 days.",
]
# (d) page furniture that reads like a sentence: boilerplate.
PAGE_LINES = [
    "Council may delay new parking charges",
    "Fans could face longer queues at Elland Road",
    "Minister says strike 'could last weeks'",
    "This review may contain affiliate links.",
    "Actual results may differ materially from those projected.",
    "If you have been affected by anything in this article, help is available from Samaritans on 116 123.",
    "Follow Priya on Instagram @priyaeatslondon for more recipes.",
    "Never miss a match report — sign up to our weekly football newsletter.",
    "Want the headlines first? Download our free app today.",
    "Planning a trip to Lisbon? Share this guide with your travel buddy.",
]
# (e) reader address with no content: filler.
READER_ASIDES = [
    "First, some quick context.",
    "Now for the tricky bit.",
    "Okay, ready for the best part?",
    "Wait — it gets even stranger.",
    "That's a wrap for today.",
    "Catch you all next week!",
    "Still following? Great.",
    "This is where things get messy, and that's where it gets interesting.",
    "You might be forgiven for getting lost in the jargon.",
    "If you're after a cheap flight, you've come to the right place!",
]
# Near misses: a sentence of the story that shares a shape's words and keeps its reading.
NEAR_MISSES = [
    ("The minister said prices could rise again next year.", "attributed"),
    ("The strike could last until Christmas.", "speculative"),
    ("Prices could rise until the harvest recovers.", "speculative"),
    ("Whether the scheme works is anyone's guess.", "speculative"),
    ("There are questions over whether the bridge can take the extra weight.", "speculative"),
    ("Probably the hardest part, in the end, was the waiting.", None),
    ("The United States that year sent more aid than any other donor.", "reported"),
    ("At the urging of his doctor, he retired in 2019.", "reported"),
    ("The minister is expected to resign.", "speculative"),
    ("The team could win the league this season.", "speculative"),
    ("It gets worse: the pipe burst again on Tuesday.", None),
    ("The best part of the deal is the price.", None),
    ("Drivers may face fines if they park on the verge.", "speculative"),
    ("The company may be sold within weeks.", "speculative"),
]


@pytest.mark.parametrize("text", SOURCES)
def test_source_named_by_grammar(text: str) -> None:
    lab = classify(text)
    assert lab.label == "attributed", (text, lab.label, lab.cues)


@pytest.mark.parametrize("text", NOT_SOURCES)
def test_not_a_source(text: str) -> None:
    lab = classify(text)
    assert lab.label != "attributed", (text, lab.label, lab.cues)


@pytest.mark.parametrize("text", NOT_DOUBT)
def test_hedge_word_not_the_authors_doubt(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported", (text, lab.label, lab.cues)
    assert lab.hedged, (text, lab.cues)  # the flag the public hedge sets score is kept


@pytest.mark.parametrize("text", PAGE_LINES)
def test_page_furniture(text: str) -> None:
    lab = classify(text)
    assert lab.label == "boilerplate", (text, lab.label, lab.cues)


@pytest.mark.parametrize("text", READER_ASIDES)
def test_reader_aside(text: str) -> None:
    lab = classify(text)
    assert lab.label == "filler", (text, lab.label, lab.cues)


@pytest.mark.parametrize(("text", "label"), NEAR_MISSES)
def test_near_misses_keep_their_reading(text: str, label: str | None) -> None:
    lab = classify(text)
    if label is not None:
        assert lab.label == label, (text, lab.label, lab.cues)
    else:
        assert lab.label not in ("filler", "boilerplate", "attributed"), (text, lab.label, lab.cues)
