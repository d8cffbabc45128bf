"""Round 5 (issue #17): the classes behind the errors on the `probe` rows of the r6 blind set.

Each class with several wordings of our own and near misses that must keep their label. None of these
sentences is from a labelled slice (the r6 rows that found the classes stay in their file)."""

from __future__ import annotations

import pytest

from factsieve.classify import classify


def _label(text: str) -> str:
    return classify(text).label


SENTENCE_CASE_HEADLINES_ARE_BOILERPLATE = [  # all boilerplate
    "Ferry operator cancels winter sailings as fuel costs climb",
    "Regional airport expands runway as passenger numbers grow",
    "Coffee drinkers live longer, ten-year survey finds",
    "Night buses to return in spring, transport chiefs say",
    "Retired teacher jailed for £40,000 charity fraud",
    "Striker banned for six games after referee row",
    "Budget 2025: what the tax changes mean for renters",
    "Live updates: floods close main roads across Devon",
    "Harbour scheme approved — but costs double",
]

HEADLINE_NEAR_MISSES = [
    # prose ends with a sentence mark, even in headline words
    ("Ferry operator cancels winter sailings as fuel costs climb.", "reported"),
    ("The retired teacher was jailed for 18 months on Friday.", "reported"),
    # a line cut from a hard-wrapped wire sentence, and a results-table row: not a headline
    ("The company said the network would link 31 banks having", "attributed"),
    ("Japan bought 5,000 tonnes of Canadian", "reported"),
    ("Shr 34 cts vs 1.19 dlrs", "reported"),
    ("Reagan's speech, widely regarded as critical to his hopes", "speculative"),
    ("Oil generates about two-thirds of total exports and as much as 60 per", "reported"),
]


def _cases(rows: list, label: str | None = None) -> list[tuple[str, str]]:
    """One class's table as (text, label) pairs: its rows, or its texts that all carry ``label``."""
    return [(r, label) for r in rows] if label else rows


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(SENTENCE_CASE_HEADLINES_ARE_BOILERPLATE, "boilerplate"),
        *_cases(HEADLINE_NEAR_MISSES),
    ],
)
def test_round_5_labels(text: str, label: str) -> None:
    assert _label(text) == label
