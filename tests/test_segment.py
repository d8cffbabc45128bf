from __future__ import annotations

import pytest

from factsieve.segment import sentences, split_sentences


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
