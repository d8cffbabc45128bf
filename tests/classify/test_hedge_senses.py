"""Round 9 and 10 hedge senses on news (issue #17): hedge words in non-hedging senses, and hedges the rules missed.

The classes come from the pooled news rows of the readable writers' files (gold not speculative but
predicted speculative, and the reverse); the sentences here are wordings of our own, not those rows.
Each class has near misses that keep the flag and label they had before. See docs/EVALUATION.md
"Public hedge sets, round 9".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from factsieve.classify.hedge import hedge_cues

# (text, hedged): "may" of a rule or an official's power, "could" of a past ability, "might" the noun,
# an expectation met — the hedge word is not the author's doubt, so the sentence is no longer speculative.
NOT_HEDGES = [
    # an official's power, with the officer as the subject
    ("Wardens may fine drivers who block the bus lane during rush hour.", False),
    ("Under the new code, inspectors may seize any meat stored above five degrees.", False),
    ("A customs officer may search a vehicle at the border without a warrant.", False),
    # the people a rule is for, named by a role not in the old list or narrowed by an age
    ("Witnesses may submit statements in writing before the hearing.", False),
    ("Children under 12 may attend the matinee with an adult.", False),
    ("Beneficiaries may claim the allowance online or at any post office.", False),
    # rule verbs: photograph, film, cross
    ("Visitors may film inside the cathedral but not during services.", False),
    ("Pedestrians may cross the bridge only on the north side while repairs continue.", False),
    # a right to act whenever the holder likes, and an order undone under the seller's terms
    ("Leaseholders may switch managing agents at any time by a majority vote.", False),
    ("Tickets may be refunded at no extra charge until the day before the match.", False),
    ("Orders may be cancelled within 14 days under the shop's returns policy.", False),
    # the notice closing an obituary
    ("Donations in his memory may be sent to the Royal National Lifeboat Institution.", False),
    ("Memorial gifts may be made to the county air ambulance.", False),
    # "could" of a past ability: a stage of a life, a first-person past job, an age reached, an old model
    ("As a young reporter, he could file 2,000 words in an hour.", False),
    ("As a schoolgirl she could name every river in Europe.", False),
    ("When we owned the mill, we could grind 40 tonnes a day.", False),
    ("By 12 she could play all of Chopin's études.", False),
    ("By 1975 he could speak four languages fluently.", False),
    ("Earlier models of the turbine could run for only six hours between services.", False),
    ("Until the strike broke out, the port could handle 200 ships a week.", False),
    # "might" the noun before a finite verb
    ("The bank's financial might has shrunk since the crisis.", False),
    # a rule of law fronted as the frame: any verb, active or passive
    ("Under the new bylaw, market stalls may be erected only on Saturdays.", False),
    ("Under EU food rules, the cheese may not be sold as feta.", False),
    # "might" the noun before a preposition, a past ability ended by a dated event
    ("The home side threw all their might into the final quarter.", False),
    (
        "Patients could book a GP appointment the same day until 2019, when the practice lost two doctors.",
        False,
    ),
    # from the public train splits: proposals listed, the name of a law of physics
    ("Other suggested names for the bridge include the Jubilee Crossing.", False),
    ("The device relies on the uncertainty principle to generate random keys.", False),
    # an expectation met
    ("The long-expected verdict was read out shortly after noon.", False),
    # a presumption of law, with how to rebut it
    ("A product that fails within a year is presumed faulty unless the seller proves otherwise.", False),
    ("Defendants are presumed innocent until proven guilty.", False),
]

# (text, hedged): hedges the rules missed (all had the other flag on main 504dbdb, as had NOT_HEDGES) — the author's own forecast or inference.
HEDGES = [
    # "look"/"appear" of seeming before a likelihood or a state
    ("A deal before the summer now looks possible.", True),
    ("Victory in the second round looks all but certain.", True),
    ("The champion looks set to retain her title.", True),
    ("The goalkeeper looked to be struggling with his knee.", True),
    ("The committee appears deeply divided over the plan.", True),
    ("The government appears ready to drop the tax.", True),
    # "could well", "could see" + a change
    ("The striker could well be back in the squad by August.", True),
    ("He could be back in training next week.", True),
    ("Farmers could see smaller harvests if the drought goes on.", True),
    # "possible" dated ahead
    ("A ceasefire is possible as soon as this weekend.", True),
    ("A cut in fares is possible within the next few months.", True),
    # "probable cause of" something
    ("The probable cause of the derailment was a cracked rail.", True),
    # the press's agentless forecast, the author's estimate of a likelihood
    ("The film is widely tipped to win best picture.", True),
    ("Mortgage rates are tipped to fall before Christmas.", True),
    ("It would not be surprising if the talks collapsed before the weekend.", True),
    # the weather forecast with no forecaster named
    ("Heavy snow is forecast for the Pennines on Friday night.", True),
    # "odds are", "chances are" opening a clause
    ("Chances are the bridge will stay shut until spring.", True),
    ("Odds are that rates will rise again in June.", True),
]

# Near misses: the same words where the old flag stays.
NEAR_MISSES = [
    # "may" of possibility: people who may suffer something, a force in a story, no rule
    ("Drivers may face long delays on the motorway this weekend.", True),
    ("Retailers may close more stores as sales fall.", True),
    ("Police may arrest more suspects as the inquiry widens.", True),
    ("Farmers may switch to barley if wheat prices fall.", True),
    ("Children may suffer most from the cuts.", True),
    ("Donations may fall this year as households cut back.", True),
    ("Flights may be cancelled if the strike goes ahead.", True),
    # "could" of possibility: a year or a date ahead, a thing by a year, "when" later in the sentence
    ("By 2030 the plant could produce twice as much power.", True),
    ("By 15 March the council could run out of money.", True),
    ("The parts could be delivered when we need them.", True),
    ("As a junior partner in the coalition, the party could block the budget.", True),
    # "might" the modal and the noun already read so
    ("Their economic might was built on coal and steel.", False),
    ("Their economic might grow faster than expected.", True),
    # "look"/"appear" not of seeming
    ("The club looks to bounce back against Leeds on Saturday.", False),
    ("The new stadium looks good from the river.", False),
    ("The minister appeared briefly in court on Monday.", False),
    ("The defender looked assured in a more advanced role.", False),
    # "possible" of feasibility, "probable cause" of the law, the odds themselves
    ("Parking is possible before 9 a.m. on weekdays.", False),
    ("The judge found probable cause to search the house.", False),
    ("The odds are against a home win.", False),
    ("Chances are slim for the stranded climbers.", False),
    # rules and past abilities read so before this round
    ("Children under 5 may travel free on all city buses.", False),
    ("Until the bridge washed away, the village could send its milk to market by lorry.", False),
    # a law later in the sentence, where it is what may happen; a deal or a plan as the frame
    ("The men may face prosecution under the new poaching laws.", True),
    ("Under the deal, up to 300 jobs may be lost at the plant.", True),
    # "tipped" of tipping
    ("Police were tipped off about the shipment by a neighbour.", False),
    ("The late goal tipped the balance in their favour.", False),
    # "suggested" and "uncertainty" in their hedging senses
    ("Researchers suggested other causes for the decline.", True),
    ("Uncertainty over the budget has delayed hiring at the council.", True),
    # a presumption that is a guess
    ("The chapel is presumed to have been built of timber.", True),
    # the expectation still ahead
    ("The merger is expected to close next month.", True),
]


# A forecast "for" a time with its source named: hedged (it had no flag on main), and attributed.
SOURCED = [
    ("Further falls were forecast for the second half, the survey said.", True),
    ("Rain is forecast for Saturday afternoon, according to the weather service.", True),
]


# Round 10 (docs/EVALUATION.md "Public hedge sets, round 10"): classes from the public train splits and the
# corpus read, in wordings of our own. Each has the other flag on main 0669adf.
ROUND10_NOT_HEDGES = [
    # an ability shown, proved or realised by someone
    ("The engineers demonstrated how the robot could climb stairs unaided.", False),
    ("Her early recordings proved that a woman could lead a jazz orchestra.", False),
    ("She realised that the spare boiler could heat the whole ward.", False),
    # what a counterfactual would have given, set against what happened
    ("While a saver with £10,000 would have earned £450 last year, the new account paid just £120.", False),
    ("Whereas the old engine would have needed two crew, the new one runs unattended.", False),
    # speculation as a thing talked about, or as trading for profit
    ("Shares in the brewer rose 4p on renewed bid speculation.", False),
    ("The club has been the subject of takeover speculation for months.", False),
    ("The central bank raised reserve requirements to curb currency speculation.", False),
    # a proviso after "may" under a rule or with people as the subject
    ("Under the new scheme, taxis may stop in the bus lane, provided the driver carries a passenger.", False),
    ("Residents may hang washing in the courtyard as long as it is taken in by dusk.", False),
    # "so that … may" of purpose
    ("The council closed the road so that the crews may repair the water main.", False),
    ("Pray for the miners, so that, by God's grace, they may return safely.", False),
    # a doubt removed, a course of action weighed, a security's terms
    ("The scale of the defeat left little doubt that the coach was finished.", False),
    ("We think it better to wait for the full report.", False),
    ("The board thought it wise to delay the vote until the spring.", False),
    ("The options may be exercised at any time after the third anniversary of the grant.", False),
    # faith or support, an intention, a view named as a thing
    ("She believes passionately in public broadcasting.", False),
    ("They thought to hide the ledgers in the cellar.", False),
    ("The survey asked readers what they think.", False),
]

# Near misses: the flag main gave them.
ROUND10_NEAR_MISSES = [
    ("A poll showed that the party could lose 50 seats.", True),
    ("Engineers discovered the bridge could collapse in high winds.", True),
    ("The trial proved the drug could have saved more lives.", True),
    ("Much of the region's proved reserves could be brought into production by 2030.", True),
    ("While the family was on holiday, burglars would have entered through the back door.", True),
    ("Speculation that the chairman will step down has grown this week.", True),
    ("The announcement prompted speculation other lenders would follow.", True),
    ("There was speculation about a merger with a rival.", True),
    ("Growth may pick up in the spring, provided consumer spending holds up.", True),
    ("Prices may rise further as long as supply stays tight.", True),
    ("Rates were cut, so that mortgage costs may be lower next year.", True),
    ("There is little doubt that the fire was started deliberately.", True),
    ("We think it is better to wait.", True),
    ("The shares may be sold to a rival bidder.", True),
    ("She believes passionately that the station should stay public.", True),
    ("The painting is thought to be a forgery.", True),
    ("What I think will happen is a snap election.", True),
]


@pytest.mark.parametrize(
    ("text", "hedged"), NOT_HEDGES + HEDGES + NEAR_MISSES + SOURCED + ROUND10_NOT_HEDGES + ROUND10_NEAR_MISSES
)
def test_hedge_sense(text: str, hedged: bool) -> None:
    assert classify(text).hedged is hedged, [c.text for c in hedge_cues(text)]


@pytest.mark.parametrize(("text", "_hedged"), NOT_HEDGES + ROUND10_NOT_HEDGES)
def test_non_hedging_sense_is_not_speculative(text: str, _hedged: bool) -> None:
    assert classify(text).label != "speculative"


@pytest.mark.parametrize(("text", "_hedged"), HEDGES)
def test_missed_hedge_decides_speculative(text: str, _hedged: bool) -> None:
    lab = classify(text)
    assert lab.label == "speculative", lab.deciding_cue
    assert lab.deciding_cue is not None


@pytest.mark.parametrize(("text", "_hedged"), SOURCED)
def test_sourced_forecast_stays_attributed(text: str, _hedged: bool) -> None:
    assert classify(text).label == "attributed"
