"""Round 3 hedge classes (issue #17): cues the newswire annotators mark that the flag missed, and
uses of hedge words that are not the author's uncertainty. Sentences are our own, in wire style."""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from factsieve.classify.classifier import explain_records
from factsieve.classify.hedge import hedge_cues


def _cue_texts(text: str) -> list[str]:
    return [c.text for c in hedge_cues(text)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # epistemic "should": the expected effect of an event
        ("The merger should help the bank meet the new capital rules by June.", "should help"),
        ("Margins should improve in the second half as freight costs fall.", "should improve"),
        ("The refinery should not face supply problems this winter, the operator said.", "should not face"),
        ("Exports should also benefit from the weaker currency.", "should also benefit"),
        # "if" opening an embedded question, like "whether"
        ("The minister declined to say if the tanker was carrying weapons.", "say if"),
        ("It is unclear if the ceasefire will hold through the weekend.", "unclear if"),
        ("Officials could not yet determine if the fire was set deliberately.", "determine if"),
        # raising doubts, withholding assurance, provisional agreements
        ("The weak retail figures raise fresh questions about the recovery.", "raise fresh questions"),
        ("The audit raised doubts about the charity's accounts.", "raised doubts"),
        ("The board said it could give no assurance that a buyer would be found.", "no assurance"),
        ("The tentative deal still needs the approval of union members.", "tentative"),
        ("The two sides tentatively agreed to resume talks in March.", "tentatively"),
        ("The utility foresees a shortfall in generating capacity by 2030.", "foresees"),
        # active "estimate" with a clause or an amount; the speaker's confidence
        ("The insurer estimates the storm will cost it about $90 million.", "estimates"),
        ("A company spokesman estimated that the plant would reopen in May.", "estimated"),
        ("The board is confident the offer will be approved by regulators.", "confident"),
        ("Officials said they were highly confident of a deal by Friday.", "confident"),
        # beliefs and fears stated as propositions; the evident
        ("The ruling reflects the view that the merger would harm consumers.", "view"),
        ("Residents feared losing their homes to the new motorway.", "feared"),
        ("Some farmers sold early for fear of a further fall in prices.", "fear"),
        ("There were concerns that the dam would not hold.", "concerns that"),
        ("It is apparent that the plan has little support in the party.", "apparent"),
        # round 4: a noun of supposition with the proposition it holds
        ("There was a suspicion the fire had been started by an electrical fault.", "suspicion"),
        ("The lawsuit rests on the presumption that the contract was never signed.", "presumption"),
        ("Tests showed a high probability that the samples came from the same animal.", "probability"),
        ("Scientists are testing the hypothesis that the virus jumped from bats.", "hypothesis"),
        # round 4: fear and worry before a clause
        ("Shopkeepers fear they will lose trade during the roadworks.", "fear"),
        ("Some parents worry that the new timetable will cut teaching time.", "worry that"),
        # round 4: a demonstrative subject is not a relative or purpose clause; an age is not a past frame
        ("That could delay the opening of the bridge until spring.", "could"),
        ("The scheme, open to staff 55 years old or older, could cut pension costs by a fifth.", "could"),
        # round 4: certainty denied in the author's own voice
        ("It is far from clear whether the ceasefire will hold.", "far from clear"),
        ("A link to the earlier fires cannot be ruled out.", "cannot be ruled out"),
        ("It is not impossible that the mine will reopen.", "not impossible"),
        ("It remains to be determined who will pay for the repairs.", "remains to be determined"),
        ("In all probability the plant will close next year.", "In all probability"),
        # round 5: "could see" of undergoing an amount or a change, not of sight
        ("Insurers could see claims of nearly $1 billion from the storm.", "could"),
        ("Renters could see higher bills when the new tariff starts.", "could"),
        ("The plan could see the workforce trimmed from 15,000 to 11,000 by 2030.", "could"),
        ("Northern towns could see disruption from strikes on Monday.", "could"),
    ],
)
def test_newswire_hedges_are_found(text: str, cue: str) -> None:
    assert cue in _cue_texts(text)
    assert classify(text).hedged


@pytest.mark.parametrize(
    "text",
    [
        # obligation and advice, not expectation
        "Patients should not have to travel 80 miles for a scan.",
        "The committee said the sites should be open to inspectors at all times.",
        "Drivers should check tyre pressure before long journeys.",
        "The government should reduce its stake in the airline to 30 percent, the report said.",
        "We should boost spending on flood defences now.",
        # a real conditional is not a hedge; "if" after a non-question verb neither
        "If the vote passes, the tax will rise to 8 percent in April.",
        "Shares rose 4 percent as if nothing had happened.",
        # the reporter's question is not the author's doubt
        "Asked if the bank had plans to expand overseas, a spokesman said it did not.",
        # the newsroom formula and passive perception
        "The company's lawyers could not be reached for comment on Friday.",
        "Smoke could be seen from the motorway for several miles.",
        # "assume" = take on
        "Ms Okafor will assume the chief executive's duties on Monday.",
        "The buyer will also assume $40 million of the retailer's debt.",
        "The price includes the assumption of about $1.2 billion in debt.",
        # an expectation met, reported afterwards
        "The sale, which had been widely expected, closed on Tuesday.",
        "Analysts said the rate cut was expected.",
        # estimates as nouns or passive dates; confidence as a quality
        "The latest estimates put the cost at $2 billion.",
        "The bridge's age was estimated in 1990 by surveyors.",
        "He estimated the cost of the flood damage at $300m.",
        "She gave a confident performance in the final.",
        # the oil industry's reserve categories; reputation; the act of predicting
        "The company raised its proven and probable reserves by 12 percent.",
        "Possible reserves are counted separately in the filing.",
        "She is a highly regarded trial lawyer.",
        "The best way to predict demand is to ask customers.",
        # permission in a rule: players, spouses
        "Each player may bid up to four points for the trump suit.",
        # the noun "fear" as a topic, the attributive "apparent", the noun "view"
        "The fear of flying is common, the survey found.",
        "The apparent winner was announced at midnight.",
        "The view from the tower takes in three counties.",
        "Under the reform, either spouse may retain their own surname.",
        # round 4: attributive "suspected", the status given to a person or place
        "Police arrested a suspected gunman near the station.",
        "Inspectors visited three suspected weapons sites on Monday.",
        # round 4: doubt denied to everyone is certainty
        "No one should doubt the union's resolve, the leader said.",
        # round 4: "appear" of showing up or performing
        "It appeared in several local papers last week.",
        "The mayor appears as a guest on the show each Friday.",
        # round 4 near misses: no proposition, a relative clause of ability, a past age
        "The probability of rain is printed on the chart.",
        "The airline built a ramp that could carry two wheelchairs.",
        "At 12 years old she could already play three instruments.",
        # round 4: attributive "unclear"/"uncertain" describes; a proposal is no proposition
        "The bank blamed the fall in orders on the uncertain outlook for demand.",
        "The prisoner died in unclear circumstances in 1879.",
        "The talks were held at the central bank's suggestion.",
        "The mayor rejected suggestions for a new toll on the bridge.",
        "The suggestion was accepted by the council on Monday.",
        # round 4 near misses of denied certainty: a fact ruled out, a distance, a named agent
        "Doctors must first rule out a fracture.",
        "The lead is far from safe after the late goal.",
        "The stadium is far from the city centre.",
        "The new rules make a takeover harder, though not impossible, for foreign buyers to complete.",
        # round 5: a capitalised hedge word inside the sentence is part of a name or a title
        "She won an award for her role in 'The Accused' last year.",
        "The band opened with songs from its album 'Believe', released in 1998.",
        'The council adopted the slogan "More Than You Imagine" for the festival.',
        "He appeared on the quiz show Does the Team Think? in 1999.",
        "The legal fight with the website Think Secret has yet to be resolved.",
        # round 5 near misses: "could see" of sight stays ability
        "From the roof he could see the lights of the harbour.",
        "The hostages could see no way out of the compound.",
        "Crews could see the flames from 15 miles away.",
        # round 5: a classification laid down, not a belief held
        "Under the statute, a child born abroad to a citizen is automatically considered a citizen.",
        "The inquiry said the payment should be considered a voluntary donation.",
        "The ruling means the fee must be considered part of the tenant's rent.",
    ],
)
def test_not_the_authors_uncertainty(text: str) -> None:
    assert _cue_texts(text) == []
    assert not classify(text).hedged


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The vote is expected to pass.", "expected"),  # still a forecast
        ("Investors assumed the central bank would hold rates.", "assumed"),  # still supposing
        ("Inflation should fall back to 2 percent next year.", "should fall"),
        ("The rescue team could reach the village by nightfall.", "could"),
        ("The outage is estimated to cost the airline $40 million.", "estimated"),
        ("He is widely regarded as the favourite for the job.", "regarded"),
        ("It is probable that the mine will close.", "probable"),
        # "arrest" is no permitted action: in news this is the possibility
        ("Officers may arrest more protesters if the march turns violent, police warned.", "may"),
        # round 4 near misses: the verb "suspected", seeming, a doubt held by some
        ("Police suspected that the fire was arson.", "suspected"),
        ("The man was suspected of fraud.", "suspected"),
        ("It appears that the talks have stalled.", "appears"),
        ("Few analysts doubt the bank will cut rates.", "doubt"),
        ("The new model could reach showrooms by June.", "could"),
        ("It is unclear whether the ceasefire will hold.", "unclear"),
        ("The outlook for demand remains uncertain.", "uncertain"),
        ("He rejected suggestions the two sides would agree a freeze.", "suggestions"),
        ("Lawyers bristled at the suggestion that the firm had hidden assets.", "suggestion"),
        # round 5 near misses: a hedge word opening the sentence, a quotation or a clause keeps its sense
        ('"Perhaps we will sell the plant," the chairman said.', "Perhaps"),
        ('The minister said: "Possibly the talks will resume in May."', "Possibly"),
        ("Asked whether a deal was close, he said “Possibly” and left.", "Possibly"),
        ("The outcome - Perhaps a recount - will be known on Friday.", "Perhaps"),
        ("OIL PRICES COULD RISE FURTHER, TRADERS SAY", "COULD"),
        # round 5 near misses: "considered" as a belief held by others, or by rule of thumb
        ("The plan is widely considered a failure.", "considered"),
        ("The striker is considered one of the best in Europe.", "considered"),
    ],
)
def test_near_misses_stay_hedges(text: str, cue: str) -> None:
    assert cue in _cue_texts(text)


def test_deciding_cue_is_explained() -> None:
    # explainability: a speculative sentence names the new cue that decided it
    out = explain_records("Quarterly profit should increase once the plant reopens.")[0]
    assert out["label"] == "speculative"
    assert out["deciding_cue"] == "should increase"
