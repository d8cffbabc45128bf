from __future__ import annotations

import pytest

from factsieve.text.segment import sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington, D.C. – In a meeting held today, Dr. Jane Smith of Acme Inc. met officials. They agreed.",
            [
                "Washington, D.C. – In a meeting held today, Dr. Jane Smith of Acme Inc. met officials.",
                "They agreed.",
            ],
        ),
        (
            "The U.S. economy grew 2.5% in the third quarter. Exports rose.",
            ["The U.S. economy grew 2.5% in the third quarter.", "Exports rose."],
        ),
        (
            "Officials met in the U.S. The talks lasted two hours.",
            ["Officials met in the U.S.", "The talks lasted two hours."],
        ),
        (
            "“We are deeply invested,” Nichols said. “It matters.” He left.",
            ["“We are deeply invested,” Nichols said.", "“It matters.”", "He left."],
        ),
        ("It was “a good day.” Markets rallied!", ["It was “a good day.”", "Markets rallied!"]),
        (
            "J. K. Rowling and Antony J. Blinken spoke. Was it useful? Yes.",
            ["J. K. Rowling and Antony J. Blinken spoke.", "Was it useful?", "Yes."],
        ),
        (
            "Shares rose to $3.50 on Jan. 5 at 10 a.m. The company said more.",
            ["Shares rose to $3.50 on Jan. 5 at 10 a.m.", "The company said more."],
        ),
        (
            "Results were published (see Fig. 2). No. 10 Downing St. agreed.",
            ["Results were published (see Fig. 2).", "No. 10 Downing St. agreed."],
        ),
        ("Wait... It is not over. Really?!", ["Wait...", "It is not over.", "Really?!"]),
    ],
)
def test_news_sentences(text, expected):
    assert sentences(text) == expected


def test_lines_are_hard_boundaries_and_offsets_index_the_text():
    text = "The Context: Why El Salvador?\nSo, why El Salvador? Well, it's not random.\n\n  Conclusion  \n"
    spans = split_sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got == [
        "The Context: Why El Salvador?",
        "So, why El Salvador?",
        "Well, it's not random.",
        "Conclusion",
    ]
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    assert spans == sorted(spans)


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []


def test_line_matches_from_one_scan_equal_a_per_line_scan():
    # split_sentences scans the whole text once (_LINE_BOUNDARY) and hands each line its matches;
    # _split_line without them scans the line with _BOUNDARY. Both must give the same sentences.
    import random

    from factsieve.text import segment

    rng = random.Random(7)
    pieces = [
        "Dr. Smith left.",
        "The U.S. team won. ",
        "He said “no.” ",
        "Wait!! Why?\t",
        "Inc. The end… ",
        "J. K. Rowling wrote. ",
        "(See it.) ",
        "a.m. Then ",
        "\u00a0",
        "x. \n",
        "3.5 percent. 4 more. ",
        "«Oui.» Non. ",
        "   ",
    ]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        found = list(segment._LINE_BOUNDARY.finditer(text))
        end = -1
        for line in text.split("\n"):
            start = end + 1
            end = start + len(line)
            mine = [m for m in found if start <= m.start() < end]
            assert [m.span() for m in mine] == [
                m.span() for m in segment._BOUNDARY.finditer(text, start, end)
            ]
            assert segment._split_line(text, start, end, mine) == segment._split_line(text, start, end), text


def test_no_split_at_an_ellipsis_inside_a_quotation() -> None:
    from factsieve.text.segment import sentences

    assert sentences('He said: "We will wait… We will see what happens," the minister added.') == [
        'He said: "We will wait… We will see what happens," the minister added.'
    ]
    assert sentences("“I don’t know... Maybe next year,” she said. Talks resume Monday.") == [
        "“I don’t know... Maybe next year,” she said.",
        "Talks resume Monday.",
    ]
    # Outside a quotation an ellipsis still ends a sentence; a full stop inside a quotation too
    # (quote_context carries the quotation across).
    assert sentences("The talks stalled… Then the rain came.") == [
        "The talks stalled…",
        "Then the rain came.",
    ]
    assert sentences("“We tried. We failed,” he said.") == ["“We tried.", "We failed,” he said."]
