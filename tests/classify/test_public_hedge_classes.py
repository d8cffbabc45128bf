"""Round 7 hedge classes (issue #17), chosen on the train splits of the public hedge sets (FactBank
newswire and Wikipedia) and written here in wordings of our own (none is a sentence of those sets).

Each class says when a hedge word is not the author's uncertainty (a wish or a prayer, a place or a
distance, a pregnancy, an interrogation, a status given to someone arrested, a thing made feasible, what
a plan would have done, a problem that became apparent, a course of action suggested) or
when a phrase is (the impersonal "it looks like" + a clause, "the prevailing view is that …"). Every class has near misses that must
keep the flag they had before. See docs/EVALUATION.md "Public hedge sets, round 7". Round 8 adds more
classes of the first kind (inability, feasibility, deliberation, trust, a name's meaning, a concession,
an opportunity), in ROUND8_CLASSES with their near misses, see "Public hedge sets, round 8".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from factsieve.classify.hedge import hedge_cues


def _hedged(text: str) -> bool:
    return classify(text).hedged


# (text, hedged): the class takes the flag on the right (all of them had the other flag on main b63b607).
CLASSES = [
    # "may" of wish or purpose: inverted before its subject, or "that we may …" opening a clause
    ('Outside the palace the crowd chanted "may God protect the king" for an hour.', False),
    ("Long may it continue, the mayor told the crowd at the reopening.", False),
    ("Well may they celebrate: the club has not won the cup since 1987.", False),
    ("The bishop prayed for the flood victims, that they may find shelter and comfort.", False),
    # a comparison of distance, time or amount after "seen/regarded/appear as"
    ("The plume could be seen as far away as the coast, 40 miles to the south.", False),
    ("The new handsets will appear as early as next spring in European shops.", False),
    # "expecting" a child
    ("The couple, who married last year, are expecting their first child in March.", False),
    ("The minister announced she is expecting twins and will take leave in the autumn.", False),
    # "questioned" of an interrogation
    ("Detectives questioned two men about the robbery on Tuesday night.", False),
    ("The driver was questioned by police and later released without charge.", False),
    ("She refused to give her name when questioned.", False),
    # "suspected" as the status of people arrested or attacked
    ("Border police detained suspected smugglers near the crossing on Sunday.", False),
    ("The army said it had killed suspected militants in a raid on the camp.", False),
    # predicative "possible" of feasibility, with an adverb between it and the verb
    ("Online booking is now increasingly possible at smaller clinics.", False),
    ("Step-free access is only rarely possible at older stations.", False),
    ("Parking is possible there.", False),
    # "would have" in a relative clause on a thing: what a plan or an object would have done
    ("Police seized the van that would have carried the explosives to the city.", False),
    ("The bill, which would have raised the minimum wage, was defeated on Tuesday.", False),
    # "became apparent": a change of state reported
    ("Cracks in the new runway soon became apparent to the inspectors.", False),
    ("By Friday it became apparent that the two sides could not agree.", False),
    # "suggest" + a gerund with its object: a course of action proposed
    ("The mayor suggested delaying the vote until the spring.", False),
    ("Her lawyer suggests settling the case out of court.", False),
    ("The review suggests doubling the sum that can be spent on each candidate.", False),
    # the belief a view holds, with its holders or a copula between "view" and "that"
    ("The prevailing view is that interest rates will stay high into next year.", True),
    ("There is a growing view among economists that the slowdown will be brief.", True),
    # the impersonal "it looks like / as if" + a clause: the author's (or speaker's) "it seems"
    ("It looks like the strike will drag on into next week.", True),
    ("By midnight it looked as if the count would go to a second round.", True),
    ("It now looks like they will miss the deadline.", True),
]

# Near misses: the same words where they keep the flag they had on main.
NEAR_MISSES = [
    ("Ministers may delay the vote until the autumn.", True),  # epistemic, subject first
    ("Moody's said, however, that it may review the rating next month.", True),  # reported "that … may"
    ("The bank said on Monday that they may cut rates again.", True),
    ("The deal is widely seen as a turning point for the industry.", True),  # a judgement held
    ("It appears as if the talks have stalled.", True),
    ("Analysts are expecting a rise in interest rates next month.", True),  # a forecast
    ("Critics questioned whether the scheme would ever pay for itself.", True),  # doubt
    ("The accuracy of the early figures has been questioned.", True),
    ("Officers suspected the fire had been started deliberately.", True),
    ("It is possible that the bridge will reopen before Christmas.", True),
    ("It is now possible there will be further delays to the line.", True),
    ("The minister, who would have known about the memo, said nothing.", True),  # a person: inference
    ("Meeting the governor would have given him a say in the budget.", True),
    ("It is apparent that the figures had been altered.", True),
    ("The study suggests taking a nap after lunch is bad for sleep.", True),  # a clause's subject
    ("The data suggest rising demand for electric cars.", True),  # an -ing adjective, not a gerund
    ("The explanation for the relaxed view is that lending has dried up.", False),  # "view" not the subject
    ("The view is that of a city in decline.", False),
    ("The new stadium looks like a spaceship from the air.", False),  # resemblance, no clause
    ("Fans should look at the revised timetable before travelling.", False),
    ("A company that looks like a bargain may still disappoint investors.", True),  # "may" decides
]


@pytest.mark.parametrize(("text", "hedged"), CLASSES + NEAR_MISSES)
def test_round7_public_hedge_class(text: str, hedged: bool) -> None:
    assert _hedged(text) is hedged, classify(text)


def test_it_looks_like_is_the_deciding_hedge_cue() -> None:
    # explainability: the new hedge names its cue, and the label follows it like any hedge
    lab = classify("It looks like the council will have to raise fees again.")
    assert lab.label == "speculative"
    assert [c.text for c in hedge_cues("It looks like the council will have to raise fees again.")] == [
        "looks"
    ]


def test_a_quoted_it_looks_like_keeps_its_speaker() -> None:
    lab = classify('"It looks like the recovery is under way," the chief economist said.')
    assert lab.label == "attributed"
    assert lab.hedged


# Round 8 (docs/EVALUATION.md "Public hedge sets, round 8"): (text, hedged), every class sentence had
# the other flag on main 5b4dad8.
ROUND8_CLASSES = [
    # inability with the negation on the object or the subject, not on "could"
    ("The harbour master could find no trace of the missing trawler.", False),
    ("A council spokeswoman could give no date for the reopening of the pool.", False),
    ("The keeper could do nothing about the deflected shot in the 80th minute.", False),
    ("By nine o'clock the hall was full and no chairs could be found for the late arrivals.", False),
    # "possible" as what a cause brings within reach (a bare object between) or an option counted
    ("The new lock gates have made year-round shipping possible.", False),
    ("A grant from the lottery fund makes the second stage of the museum possible.", False),
    ("The firm is weighing a number of possible sites for the new depot.", False),
    ("The software tries the whole range of possible passwords in a few hours.", False),
    # "consider" of deliberation: an article opens its object and no judgement follows; the imperative
    # after an introductory phrase
    ("The board will consider a share buyback at its meeting in June.", False),
    ("She did not consider a career in politics until her forties.", False),
    ("For example, consider a family of four living on one income.", False),
    # to believe a person is to trust what they say
    ("The jury did not believe him.", False),
    ("Why should voters believe them when the last promise was broken?", False),
    # what a name means, read off the name
    ("As the name suggests, the festival is held on the longest day of the year.", False),
    ("As its title implies, the report covers only the first quarter.", False),
    # "thought" of deliberation after a preposition
    ("After some thought, the committee agreed to the longer route.", False),
    ("The cuts were drawn up without much thought to the smaller branches.", False),
    # a manner compared with what is usual; the concessive "as … as it seems"; "how could … not"
    ("The players behaved exactly as the coach would expect them to.", False),
    ("As odd as it seems, the older trains use less power.", False),
    ("As strange as this may appear, the ferry still runs on time.", False),
    ("How could anyone not be moved by the closing scene?", False),
    # "possibility to" + an act: an opportunity, not doubt
    ("Shareholders will have the possibility to exchange their stock for cash.", False),
    # rumours and allegations as things talked about, with no proposition of their own
    ("The club declined to comment on the rumours.", False),
    ("The minister denied the allegations.", False),
    ("Shares in the retailer rose sharply on takeover rumours.", False),
    ("Few fans had even heard of the rumours before the match.", False),
]

ROUND8_NEAR_MISSES = [
    ("Rescuers could find survivors if the weather clears.", True),  # no negation
    ("No more than 500 people could be affected by the closures.", True),  # an amount, not "no" + noun
    ("Investors fear the merger could collapse before the vote.", True),
    ("The firm made no mention of a possible sale of the unit.", True),  # attributive, after "of a"
    ("The charge will be made against the allowance for possible loan losses.", True),
    ("One possible explanation is that the sensors failed.", True),  # a single candidate offered
    ("The council will make sure it is possible to park near the school.", False),  # feasibility anyway
    ("Many critics consider the film a masterpiece.", True),  # a judgement on the object
    ("The company failed to gain what it considers a fair price for the unit.", True),  # fronted object
    ("Historians consider the treaty as the end of the old order.", True),
    ("Officials believe him to be the gunman.", True),  # a proposition about him
    ("Police believe his father was driving the car.", True),
    ("The data suggests the festival drew fewer visitors this year.", True),
    ("Some thought the game was offensive and asked for it to be withdrawn.", True),  # people thinking
    ("It is thought that the fire started in the kitchen.", True),
    ("Analysts expect the bank to raise rates again.", True),
    ("The storm seems to have weakened overnight.", True),
    ("Why could the pilots not land at the first attempt?", True),  # a real question
    ("The directive gave greater possibility to firmer policy.", True),  # graded: a likelihood
    ("There is a possibility that the talks will resume.", True),
    ("There are rumours the manager will leave in the summer.", True),  # a clause without "that"
    ("The coach denied allegations he had bullied players.", True),
    ("Rumours of a takeover lifted the shares.", True),
    ("Rumours circulated in the markets yesterday that the bank would cut rates.", True),
    ("Rumours circulating in the city said the mayor had resigned.", True),
    ("The allegations against the director are being investigated.", True),
]


@pytest.mark.parametrize(("text", "hedged"), ROUND8_CLASSES + ROUND8_NEAR_MISSES)
def test_round8_public_hedge_class(text: str, hedged: bool) -> None:
    assert _hedged(text) is hedged, classify(text)
