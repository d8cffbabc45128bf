"""Unwrapping hard-wrapped plain text (text/unwrap.py, called by clean_text)."""

from __future__ import annotations

import json
import textwrap

import pytest

from factsieve.classify import classify_document
from factsieve.text.clean import clean_text
from factsieve.text.segment import split_sentences
from factsieve.text.unwrap import unwrap
from tests.conftest import shared_path

# Our own wire story in the Reuters layout: wrapped at 66 columns, each paragraph's first line
# indented four spaces, the dateline gone from the first line, a results table, the sign-off.
WIRE_STORY = """\
Harlow Mining Corp said it would close its
Kettle Creek copper mine in northern Ontario by the end of June,
cutting about 420 jobs, after ore grades fell below the level the
company needs to break even at current prices.
    Chief executive Dana Whitlock told analysts the decision was
"painful but unavoidable" and said the mine's mill could be sold
or moved to the company's Red Lake property later this year.
    The company expects a one-time charge of 38 to 42 mln dlrs in
the second quarter, mostly for severance and site clean-up.
    First quarter
    Shr loss 14 cts vs profit six cts
    Net loss 3,912,000 vs profit 1,688,000
    Revs 61.4 mln vs 74.9 mln
 Reuter
"""


def test_wire_story_paragraphs_become_lines() -> None:
    out = unwrap(WIRE_STORY).splitlines()
    assert out[0] == (
        "Harlow Mining Corp said it would close its Kettle Creek copper mine in northern Ontario by the "
        "end of June, cutting about 420 jobs, after ore grades fell below the level the company needs "
        "to break even at current prices."
    )
    assert out[1].startswith("    Chief executive Dana Whitlock told analysts")
    assert out[1].endswith("or moved to the company's Red Lake property later this year.")
    assert out[2].endswith("mostly for severance and site clean-up.")
    # the table rows, the row heading and the sign-off stay lines of their own
    assert out[3:] == [
        "    First quarter",
        "    Shr loss 14 cts vs profit six cts",
        "    Net loss 3,912,000 vs profit 1,688,000",
        "    Revs 61.4 mln vs 74.9 mln",
        " Reuter",
    ]


def test_wire_story_reaches_the_classifier_as_sentences() -> None:
    text = clean_text(WIRE_STORY).text
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert "Chief executive Dana Whitlock told analysts the decision was" not in sentences
    quote = next(s for s in sentences if s.startswith("Chief executive"))
    assert quote.endswith("later this year.")
    labels = classify_document(text, split_sentences(text))
    lab = labels[sentences.index(quote)]
    assert lab.label == "attributed" and lab.hedged  # "told analysts … could be sold"


# Blank-line paragraphs, wrapped at 72 by an e-mail client; a heading, a byline, a list and a
# hyphenated compound cut at the line end.
NEWSLETTER = textwrap.dedent(
    """\
    Council approves bus lane plan

    By Priya Raman

    The city council voted 7-2 on Tuesday to approve a pilot bus lane on
    Harbour Road, despite objections from shop owners who said the loss of
    parking would hurt trade during the busy pre-Christmas period. The mid-
    term review will decide whether the lane becomes permanent.

    What changes:
    - buses only from 7 a.m. to 10 a.m. on weekdays
    - loading bays moved to side streets
    - a 30 km/h limit near the school
    """
)


def test_blank_line_paragraphs_headings_bylines_and_lists() -> None:
    out = unwrap(NEWSLETTER).splitlines()
    assert out[:4] == ["Council approves bus lane plan", "", "By Priya Raman", ""]
    assert out[4].startswith("The city council voted 7-2")
    assert "hurt trade during the busy pre-Christmas period. The mid-term review" in out[4]
    assert out[4].endswith("becomes permanent.")
    assert out[5:] == [
        "",
        "What changes:",
        "- buses only from 7 a.m. to 10 a.m. on weekdays",
        "- loading bays moved to side streets",
        "- a 30 km/h limit near the school",
    ]


def test_text_that_is_not_wrapped_is_returned_unchanged() -> None:
    one_paragraph_per_line = (
        "The central bank held its benchmark rate at 4.25 percent on Thursday, as expected by "
        "most economists polled beforehand.\nGovernor Lena Marsh said inflation was easing.\n"
    )
    short_lines = "Markets at a glance\nFTSE 100 up 0.4%\nDow down 0.2%\nBrent crude $81.30\n"
    columns = "Team         P   W   D   L\nHarbour FC   12  8   3   1\nMill Town    12  7   2   3\n"
    for text in (one_paragraph_per_line, short_lines, columns, "No line break at all."):
        assert unwrap(text) is text
        # the cleaned lines are the input's lines (whitespace normalised), not joined ones
        assert len(clean_text(text).text.splitlines()) == len(text.strip().splitlines())


def test_reuters_bodies_unwrap_without_losing_text() -> None:
    path = shared_path("data", "corpora", "reuters21578", "reuters21578_articles.jsonl")
    bodies = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            body = json.loads(line).get("body")
            if body:
                bodies.append(body)
            if len(bodies) == 500:
                break
    changed = 0
    for body in bodies:
        out = unwrap(body)
        # only line breaks (and a wrapped line's indentation) change: the words are the same
        # ("mid-" + "term" joined without a space changes the tokens, not the characters)
        assert "".join(out.split()) == "".join(body.split())
        if out is not body:
            changed += 1
            # fewer, longer lines: whole paragraphs, not a reshuffle
            assert len(out.splitlines()) < len(body.splitlines())
    assert changed >= 0.7 * len(bodies)


def test_block_line_prefilter_skips_only_lines_neither_pattern_matches() -> None:
    """_is_block_line checks cheap necessary conditions before its two patterns; on lines of
    every kind it must answer as the patterns alone do."""
    from factsieve.text import unwrap as unwrap_module

    def by_patterns(line: str) -> bool:
        body = line.lstrip()
        return bool(unwrap_module._LIST_ITEM.match(body) or unwrap_module._TABLE_GAP.search(body))

    lines = [
        *WIRE_STORY.splitlines(),
        *NEWSLETTER.splitlines(),
        "a) the first option",
        "B. the second option",
        "12) twelfth",
        "١٢. an Arabic-Indic number",
        "(iv) a roman numeral",
        "(see below)",
        "• a bullet",
        "— a dash item",
        "-- not an item",
        "Team\tP\tW",
        "Harbour FC   12  8",
        "two  spaces only",
        "x",
        "",
        "   ",
    ]
    for line in lines:
        assert unwrap_module._is_block_line(line) == by_patterns(line), line


def _texts_for_both_versions() -> list[str]:
    """Wrapped and unwrapped texts of every shape unwrap distinguishes, with Unicode whitespace,
    wide characters and the Reuters bodies of ../shared."""
    wire = WIRE_STORY
    texts = [
        wire,
        NEWSLETTER,
        wire.replace("\n", "\r\n"),  # "\r" is trailing whitespace to str.rstrip
        wire.replace("    ", "\t"),
        wire.replace("Ontario", "Ontario\u3000").replace("mill", "mill\u2003"),  # Unicode spaces at line ends
        wire.replace("Harlow", "\u3000Harlow"),  # an indent of ideographic space
        wire.replace("copper", "copper 🪨").replace("company", "compañía"),  # 2- and 4-byte strings
        wire.replace("severance", "mid-\nFebruary severance"),
        "The talks on the mid-\nterm budget, which had stalled for weeks, resumed on Monday in Brussels and\n"
        "ended late in the evening with an agreement on the main points of the plan for next year.\n"
        "Officials said the final text would be published on Friday after lawyers had checked it\n"
        "line by line, and that the vote would follow in the first week of the next month at the latest.\n",
        "Markets at a glance\nFTSE 100 up 0.4%\nDow down 0.2%\nBrent crude $81.30\n",
        "Team         P   W   D   L\nHarbour FC   12  8   3   1\nMill Town    12  7   2   3\n",
        "1. The first point of the plan is that the council will close the road to all lorries\n"
        "2. The second is a new bus lane along the whole of the high street from next spring on\n"
        "a) and a third, in a list of its own, that nobody should ever join to the line before it\n",
        "\n\n\n",
        "x" * 120 + "\n" + "y" * 110 + "\n",
        "A line\u2028with a line separator inside, long enough to be near the width of the text\n"
        "and a second line\x85with a NEL, which str.split('\\n') does not split but rstrip sees\n"
        "as whitespace only at the end of a line, where it is stripped like any other space\x85\n",
        "No line break at all.",
        "",
    ]
    path = shared_path("data", "corpora", "reuters21578", "reuters21578_articles.jsonl")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            body = json.loads(line).get("body")
            if body:
                texts.append(body)
            if len(texts) >= 2000:
                break
    return texts


def test_the_c_version_is_built_and_in_use() -> None:
    from factsieve.text import unwrap as unwrap_module

    assert unwrap_module._native is not None, "factsieve/text/_unwrap.c not built: run make setup"


def test_c_and_python_versions_give_the_same_text() -> None:
    from factsieve.text import unwrap as unwrap_module

    if unwrap_module._native is None:
        pytest.skip("_unwrap.c not built")
    joined = 0
    for text in _texts_for_both_versions():
        expected = unwrap_module._py_unwrap(text)
        got = unwrap_module.unwrap(text)
        assert got == expected, text[:200]
        assert (got is text) == (expected is text)  # unchanged text is returned as it is
        joined += got is not text
    assert joined >= 1000  # most of the Reuters bodies are wrapped: the join path is compared
