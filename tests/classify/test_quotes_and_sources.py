"""Quotations across sentences and trailing source clauses (issue #17, round 4).

A quotation that opens in one sentence and closes in a later one belongs to its speaker in every
sentence it spans; a final ", SOURCE said" clause governs the whole sentence however long the source's
name. Each class has several wordings and near misses that must keep their label.
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify, classify_document
from factsieve.text.segment import split_sentences


def _labels(text: str) -> list[tuple[str, str, bool]]:
    spans = split_sentences(text)
    return [
        (text[s:e], lab.label, lab.quoted)
        for (s, e), lab in zip(spans, classify_document(text, spans), strict=True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # straight quotes (the BBC corpus has no curly ones), the quotation opening the paragraph
        '"We will not back down. This plan is a disaster for the city. It might even cost us jobs," the mayor said.',
        # opened after a speech verb and a colon, closed two sentences later
        'The coach was blunt: "We were terrible. Frankly, nobody should keep his place. We may lose again on '
        'Saturday."',
        # curly quotes, the closing sentence without a speech verb
        "“Prices will probably rise. We think the board acted too late. That is a fiasco,” he told the meeting.",
        # a one-word sentence inside the quotation is the speaker's as well
        '"Not now. Never. We will fight this in court," the union\'s lawyer said.',
    ],
)
def test_every_sentence_of_a_multi_sentence_quotation_is_the_speakers(text: str) -> None:
    rows = _labels(text)
    assert len(rows) >= 3
    assert all(label == "attributed" and quoted for _, label, quoted in rows), rows


def test_the_authors_sentences_around_a_quotation_keep_their_labels() -> None:
    text = (
        'Turnout was low. "We will not back down. This plan is a disaster," the mayor said. '
        "Prices may rise next year. The council is a fiasco."
    )
    assert [(label, quoted) for _, label, quoted in _labels(text)] == [
        ("reported", False),
        ("attributed", True),
        ("attributed", True),
        ("speculative", False),
        ("opinion", False),
    ]


def test_a_quotation_reopened_in_a_new_paragraph_and_a_stray_mark() -> None:
    # Wire convention: the quotation goes on into the next paragraph, which reopens it.
    text = '"We may close the plant.\n"It could happen by June," the chairman said.'
    assert [label for _, label, _ in _labels(text)] == ["attributed", "attributed"]
    # A paragraph break ends an unclosed quotation: the author's next paragraph is the author's.
    text = 'He called the plan "a disaster.\nPrices may rise next year.'
    assert [label for _, label, _ in _labels(text)][-1] == "speculative"


@pytest.mark.parametrize(
    ("text", "label", "quoted"),
    [
        # one sentence out of context: an opening or closing straight quote without its partner
        ('"We will not back down from this fight.', "attributed", True),
        ('It might even cost us,"', "attributed", True),
        # inches after a figure are not quotation marks; the hedge stays the author's
        ('Samsung sells a 42" screen that may sell well in Europe.', "speculative", False),
        # a short scare quote is not a statement
        ('The plan "is a disaster" and may fail.', "speculative", True),
    ],
)
def test_unpaired_straight_quotes(text: str, label: str, quoted: bool) -> None:
    lab = classify(text)
    assert (lab.label, lab.quoted) == (label, quoted)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The yen should stabilize at around 152 to 153 to the dollar by the end of the year, the Bank of "
            "Tokyo's economic adviser Koei Narusawa said.",
            "Koei Narusawa",
        ),
        (
            "The talks could collapse before the summer recess if neither side moves on tariffs, two diplomats "
            "briefed on the negotiations told reporters on Friday.",
            None,
        ),
        ("Prices may rise, officials said.", "officials"),
        (
            "Demand for steel will probably stay weak through the first half of next year and possibly beyond, "
            "the chief executive of the country's largest steelmaker, Anna Berg, added in a statement.",
            None,
        ),
        (
            "The bridge might not reopen until 2027; the regional transport authority's chief engineer warned.",
            None,
        ),
    ],
)
def test_a_trailing_source_clause_governs_the_sentence_at_any_distance(text: str, source: str | None) -> None:
    lab = classify(text)
    assert lab.label == "attributed" and lab.hedged and lab.attributed
    if source is not None:
        assert lab.source == source


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the author's hedge inside the clause that holds the verb hedges the speech act itself
        ("Harris, the mayor, likely announced new initiatives at the meeting.", "speculative"),
        # the hedge sits in the clause of the verb, after the last break
        ("The deal, which runs to 2030, could well have been announced by the board.", "speculative"),
        ("After the vote, officials probably told the mayor about the loss.", "speculative"),
        # no clause break at all: the author guesses the speech happened
        ("She probably told the board about the loss before the vote.", "speculative"),
    ],
)
def test_near_misses_of_a_trailing_source(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # an utterance set off as dialogue is quoted speech whatever its length or verb
        ("“I am innocent,” the defendant shouted as he was led from the dock.", "attributed"),
        ('"Get out!" she yelled at the photographers.', "attributed"),
        ("The defendant shouted: “I am innocent.”", "attributed"),
        ('"Why now?" the mayor asked.', "attributed"),
        # near misses: a name in quotation marks, a scare quote inside the sentence
        ("The band, called “Muse,” played two encores.", "reported"),
        ('The "reform" may cost more than planned.', "speculative"),
    ],
)
def test_quoted_utterances(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(
    ("text", "label", "cue"),
    [
        # a naming verb with an object and a quoted epithet: the subject's words
        (
            "The former coach called the new owners “clueless” in a radio interview on Sunday.",
            "attributed",
            "called",
        ),
        ('The Sunday Mail newspaper branded the budget "shamelessly political."', "attributed", "branded"),
        (
            'Ferguson described the result as an "absolute giveaway" after the match.',
            "attributed",
            "described",
        ),
        ('Fletcher was described as a "consummate professional" by his friend.', "attributed", "described"),
        # near misses: a title with no object, a passive name with no speaker
        ('A film called "Jaws" opened in 1975 to long queues.', "reported", None),
        ('This seasonal reserve add is called a "pass."', "reported", None),
    ],
)
def test_naming_verb_with_a_quoted_epithet(text: str, label: str, cue: str | None) -> None:
    lab = classify(text)
    assert (lab.label, lab.deciding_cue) == (label, cue)


@pytest.mark.parametrize(
    ("text", "label", "source"),
    [
        (
            "The opposition suspects the timing of the report was chosen to bury bad news.",
            "attributed",
            "The opposition",
        ),
        ("Moscow fears the sanctions will hit its grain imports.", "attributed", "Moscow"),
        ("Washington suspects Tehran of supplying the drones.", "attributed", "Washington"),
        ("The union doubts that the offer is final.", "attributed", "The union"),
        ("The industry fears that if it does not act now, it could suffer.", "attributed", "The industry"),
        # "fears"/"doubts" as nouns: no source
        ("Investor fears of a recession grew after the data.", "reported", None),
        ("His fears the plant may close were borne out.", "speculative", None),
        ("Oil rose on the weaker dollar and fears that supply may tighten.", "speculative", None),
    ],
)
def test_a_body_in_the_singular_as_source(text: str, label: str, source: str | None) -> None:
    lab = classify(text)
    assert (lab.label, lab.source) == (label, source)
