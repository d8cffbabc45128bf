"""The two-word gates of the verdict finder (round 7s, speed) must open for every sentence one of its
patterns matches, and stay shut for the common word alone."""

from __future__ import annotations

import pytest

from factsieve.classify import verdict
from factsieve.classify.prefilter import words_of

# (pattern, gate set, companions, sentences the pattern matches)
_MATCHED = [
    (
        verdict._PREDICATE_VERDICT_RE,
        verdict._PREDICATE_GATE,
        verdict._PREDICATE_COMPANIONS,
        [
            "Pricing it below Apple's cheapest model is a smart, overdue move.",
            "Scrapping the levy was a long-overdue decision.",
            "That figure is a fantasy.",
            "The promised savings are nothing but a pipe dream.",
            "The museum is a must-see.",
            "The harbour walk is worth the detour.",
            "Lunch at Casa Guedes is non-negotiable.",
        ],
    ),
    (
        verdict._MERIT_RE,
        verdict._MERIT_GATE,
        verdict._MERIT_COMPANIONS,
        [
            "It is high time for the council to come clean.",
            "It’s time we admitted the scheme has failed.",
            "Enough is enough.",
            "The real scandal is the delay.",
            "That is the real story here.",
            "The second act falls flat.",
            "This one misses the mark.",
            "The soup hits the spot.",
            "It was a goal worthy of winning any match.",
            "Residents deserve better.",
        ],
    ),
    (
        verdict._APPRAISAL_RE,
        verdict._APPRAISAL_GATE,
        verdict._APPRAISAL_COMPANIONS,
        [
            "Passengers have every right to be furious.",
            "Fares gives the performance of her career.",
            "It is a lovely piece of detective work.",
            "Skipping the service is a false economy.",
            "The battery is an embarrassing weak point.",
            "At this price it's an absolute steal.",
            "The trackpad is flimsy and the speakers are tinny.",
        ],
    ),
]


@pytest.mark.parametrize(("pattern", "gate", "companions", "sentences"), _MATCHED)
def test_gate_opens_for_every_match(pattern, gate, companions, sentences):
    for text in sentences:
        assert pattern.search(text) is not None, text  # the example really is one of the pattern's shapes
        assert verdict.with_companion(words_of(text), gate, companions), text


@pytest.mark.parametrize(
    "text",
    [
        "The ferry took a long time to arrive.",
        "Drivers must renew their licences every ten years.",
        "The union said it had the right to strike.",
        "The economy grew 0.4% in the third quarter.",
        "The bank reported a loss of $2bn on the move.",
    ],
)
def test_common_word_alone_keeps_the_patterns_shut(text):
    words = words_of(text)
    for _pattern, gate, companions, _ in _MATCHED:
        assert not verdict.with_companion(words, gate, companions)
    assert verdict.verdict_cues(text, [], words) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rents are set to rise by around 6% this year.", True),
        ("There is a good chance the bank cuts rates in June.", True),
        ("There are early signs of a recovery in orders.", True),
        ("The committee set up a review of the rules.", False),
        ("The striker signs a new contract on Monday.", False),
    ],
)
def test_forecast_gate(text, found):
    from factsieve.classify.forecast import author_forecast_cues, forecast_possible

    words = words_of(text)
    assert bool(author_forecast_cues(text, [])) is found
    assert forecast_possible(words) is found
