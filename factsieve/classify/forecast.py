"""Round 7 (issue #17): the author's own forecasts and inferences in forms the hedge lexicon lacks.

The issue's decision: an agentless forecast is the author's own expectation, speculative ("Fuel
prices are expected to ease"). Writers r11, r12 and r16 used three more forms of it:

* "is set to" before a verb of change ("Rents are set to rise by around 6% this year", "Growth looks set
  to slow"): a forecast. Before a scheduled act ("is set to announce / meet / open / be released") it
  is the calendar, reported — so only verbs of change count;
* "There is a good / strong / real chance …": the author's estimate of a likelihood;
* "There are (early / growing / clear) signs that / of …": the author's inference from evidence.

Each gives a hedge cue, so a named source still makes the sentence attributed (classifier precedence).
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, new_cue
from factsieve.classify.judgements import with_companion
from factsieve.classify.prefilter import trigger_gate

_CHANGE_VERBS = (
    "rise|fall|grow|increase|decrease|decline|drop|climb|double|triple|halve|soar|surge|slump|slow|ease|accelerate"
    "|decelerate|stabilise|stabilize|slip|exceed|surpass|top|shrink|contract|expand|worsen|improve|explode|boom"
    "|plunge|tumble|rebound|recover|deteriorate|weaken|strengthen"
    # round 13 (r30, r32): a measure passing another ("Demand for the vaccine is set to outstrip supply"); not
    # "hit"/"reach", which also take a calendar's object ("is set to hit cinemas in May")
    "|outstrip|outpace|overtake|outnumber|outgrow|eclipse|overshoot|undershoot"
    # round 15 (r11, r37, two writers): a state that goes on ("Disruption is set to continue into Wednesday", "Rents
    # are set to keep climbing") and a loss foreseen ("… are set to lose their captain to a Saudi side")
    "|continue|keep|persist|linger|lose"
)
# Round 15 (r28): "is set to be heavy/busy/wet …": a condition forecast ("Traffic on the M62 is set to be heavy
# throughout the bank holiday weekend"); "is set to be released/debated" is the calendar and is left out.
_CONDITIONS = (
    r"(?:heavy|busy|wet|dry|hot|cold|warm|mild|windy|tight|close|difficult|tough|high|low|higher|lower|severe|short"
    r"|scarce)"
)
# Round 14 (r34): "is set to be the lowest since …": a record forecast, like a verb of change ("Turnout is set
# to be the lowest since the ward was created"); "is set to be the first …" is the calendar and is left out.
_SUPERLATIVES = (
    r"(?:highest|lowest|largest|biggest|smallest|worst|best|busiest|hottest|coldest|wettest|driest|warmest"
    r"|longest|shortest|fastest|slowest|strongest|weakest|deepest|heaviest|most|least)"
)
_FORECAST_RE = re.compile(
    r"\b(?:is|are|was|were|looks?|looked|seems?|seemed|appears?|appeared)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?P<cue>set\s+to)\s+(?:"
    + _CHANGE_VERBS
    + r"|be\s+(?:the\s+|its\s+|their\s+)?"
    + _SUPERLATIVES
    + r"|be\s+(?:very\s+|particularly\s+|especially\s+)?"
    + _CONDITIONS
    + r")\b"
    # round 15 (r28, r38): the author's likelihood in an idiom — "Another rate rise is on the cards before
    # Christmas", "A West End transfer is not out of the question", "It's conceivable the virus was circulating …"
    r"|\b(?:is|are|was|were|looks?|seems?)\s+(?:now\s+|still\s+|firmly\s+)?(?P<cards>on\s+the\s+cards|not\s+out\s+of"
    r"\s+the\s+question)\b"
    r"|\b(?P<conceivable>it\s+is\s+conceivable|it['’]s\s+conceivable)\b"
    r"|\b(?P<chance>there\s+(?:is|was|['’]s)\s+(?:a\s+)?(?:good|strong|real|fair|high|decent|reasonable|every|some)"
    r"\s+chance)\b"
    # round 14 (r34): the bare "There is a chance" before its clause ("There is a chance the ferry will not sail
    # on Saturday"); not "a chance to/of/for …", an opportunity
    r"|\b(?P<bare>there\s+(?:is|was|['’]s)\s+a\s+chance)\s+(?:that\s+)?(?:the|a|an|he|she|it|they|we|you|this|these"
    r"|his|her|their|its|some|[A-Z]\w*\s+(?:will|would|could|may|might|can))\b"
    r"|\b(?P<signs>there\s+(?:are|were|is|was)\s+(?:(?:early|growing|clear|some|tentative|encouraging|worrying"
    r"|increasing|mounting)\s+)?signs?\s+(?:that|of))\b",
    re.IGNORECASE,
)
FORECAST_TRIGGERS = frozenset(("set", "chance", "signs", "sign", "cards", "question", "conceivable"))
# Round 7s (speed): each form needs a second word ("set to", "there … chance", "there … signs"); "set"
# alone is in many sentences ("set up", "a set of rules").
_FORECAST_COMPANIONS = {
    "set": frozenset({"to"}),
    "chance": frozenset({"there"}),
    "signs": frozenset({"there"}),
    "sign": frozenset({"there"}),
    "cards": frozenset({"on"}),
    "question": frozenset({"out"}),
    "conceivable": frozenset({"it", "it's", "it’s"}),
}


def forecast_possible(words: frozenset[str]) -> bool:
    """False when ``author_forecast_cues`` finds nothing (``words``: the sentence's lower-cased words)."""
    return bool(words.gates & _FORECAST) and with_companion(words, FORECAST_TRIGGERS, _FORECAST_COMPANIONS)


_FORECAST = trigger_gate(FORECAST_TRIGGERS)  # (the bit first: no set built for most sentences)


def author_forecast_cues(text: str, quotes: list[tuple[int, int]]) -> list[Cue]:
    """Hedge cues for the forecast forms above, outside quotations."""
    out = []
    for m in _FORECAST_RE.finditer(text):
        g = (
            "cue"
            if m.group("cue")
            else "chance"
            if m.group("chance")
            else "bare"
            if m.group("bare")
            else "cards"
            if m.group("cards")
            else "conceivable"
            if m.group("conceivable")
            else "signs"
        )
        s, e = m.span(g)
        if not any(a <= s < b for a, b in quotes):
            out.append(new_cue("hedge", text[s:e], s, e))
    return out
