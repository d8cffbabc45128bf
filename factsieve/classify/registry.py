"""The cue families the classifier is built from, in one table.

Each family is a module of this package with a finder and the trigger words that let it look at a
sentence at all. A sentence holding no trigger word of any family (``ANY_TRIGGER``), no quotation
mark, no closing "!" and no boilerplate cue is "reported" without running a finder (see
``classifier.classify``). Adding a family: write its module, add a row here, add its branch to the
precedence in ``classifier.classify`` (the one place the labels are decided), calling the finder
only when ``words.gates & FAMILY_GATES[name]`` (or its other first tests) let it find something.
"""

from __future__ import annotations

from dataclasses import dataclass

from factsieve.classify.attribution import ATTRIBUTION_TRIGGERS
from factsieve.classify.boilerplate import BOILERPLATE_TRIGGERS
from factsieve.classify.filler import FILLER_TRIGGERS, VOCATIVE_WORDS
from factsieve.classify.forecast import FORECAST_TRIGGERS
from factsieve.classify.hedge import HEDGE_TRIGGERS
from factsieve.classify.judgements import JUDGEMENT_TRIGGERS
from factsieve.classify.opinion import (
    EVALUATIVE_PHRASE_TRIGGERS,
    OPINION_PHRASE_TRIGGERS,
    OPINION_WORDS,
    STANCE_PHRASE_TRIGGERS,
    STANCE_WORDS,
)
from factsieve.classify.personal import PERSON_TRIGGERS
from factsieve.classify.prefilter import trigger_gate
from factsieve.classify.verdict import VERDICT_TRIGGERS


@dataclass(frozen=True, slots=True)
class CueFamily:
    name: str  # the module of this package that finds the cues
    decides: str  # the label the family's cues can decide ("flag" when they only set flags)
    triggers: frozenset[str]  # words without which the family finds nothing (quotes: none, gated by marks)


FAMILIES: tuple[CueFamily, ...] = (
    # Page furniture (bylines, headings, timestamps, prompts) is short: the no-cue fast path asks
    # boilerplate.furniture_possible, which checks the length first, instead of gating on its words.
    CueFamily("boilerplate", "boilerplate", BOILERPLATE_TRIGGERS),
    CueFamily("filler", "filler", FILLER_TRIGGERS | VOCATIVE_WORDS),
    CueFamily("attribution", "attributed", ATTRIBUTION_TRIGGERS),
    CueFamily("quotes", "attributed", frozenset()),
    CueFamily("hedge", "speculative", HEDGE_TRIGGERS),
    CueFamily("forecast", "speculative", FORECAST_TRIGGERS),
    CueFamily(
        "opinion",
        "opinion",
        OPINION_WORDS
        | STANCE_WORDS
        | OPINION_PHRASE_TRIGGERS
        | EVALUATIVE_PHRASE_TRIGGERS
        | STANCE_PHRASE_TRIGGERS,
    ),
    CueFamily("personal", "opinion", PERSON_TRIGGERS),
    CueFamily("verdict", "opinion", VERDICT_TRIGGERS),
    CueFamily("judgements", "opinion", JUDGEMENT_TRIGGERS),
)

# Every word that lets some cue family look at a sentence.
ANY_TRIGGER: frozenset[str] = frozenset().union(*(f.triggers for f in FAMILIES))

# Each family's trigger-table bit (prefilter.trigger_gate): ``words_of(text).gates & FAMILY_GATES[name]``
# is true when the sentence holds one of the family's triggers. classifier.classify does not call the
# finder of a family whose first test is its trigger words when the bit is off (it would find
# nothing); tests/classify/test_trigger_gates.py checks every finder's test sentences get through.
FAMILY_GATES: dict[str, int] = {f.name: trigger_gate(f.triggers) for f in FAMILIES}
