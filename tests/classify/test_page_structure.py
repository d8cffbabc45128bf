"""Page furniture and reader address recognised by their shape, not a list of wordings (round 4).

Share/comment prompts: an imperative of passing on or responding whose object is the reader's or the
page's and which names the page or the reader's response. Headlines asked in Title Case. Reader
address: a short second-person sentence about the text itself with no content of its own.
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "Share your thoughts on the new bus timetable below.",
        "Send this article to a friend.",
        "Tell us what you think of the plan.",
        "Why not share this story with your friends?",
        "Drop us a line with your views.",
        "Please forward this piece to anyone who rides the night bus.",
        "Don't forget to pass this link on to your neighbours.",
    ],
)
def test_share_and_comment_prompts_by_shape(text: str) -> None:
    assert classify(text).label == "boilerplate"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Share prices fell 3% on Monday.", "reported"),  # a noun after "Share"
        ("Leave the EU now.", "reported"),  # no page word, no reader response
        ("Send the troops home, the senator said.", "attributed"),
        ("The council will share the report with residents next month.", "reported"),
        ("Tell the truth about the budget and voters will forgive a lot.", "reported"),
    ],
)
def test_prompt_near_misses(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "Will Mortgage Rates Finally Fall in 2025?",
        "Can Anyone Stop Manchester City This Season?",
        "Did Tony Blair Mislead Parliament Over Iraq?",
        "What Now for Kelly Holmes?",
    ],
)
def test_title_case_headline_questions(text: str) -> None:
    assert classify(text).label == "boilerplate"


@pytest.mark.parametrize(
    "text",
    [
        "What does this mean for Manchester United?",  # lower-case verb: a question in prose
        "Will the plan survive a vote in Parliament next week?",
        "Why did the Bank of England wait so long?",
    ],
)
def test_questions_in_prose_are_not_headlines(text: str) -> None:
    assert classify(text).label != "boilerplate"


@pytest.mark.parametrize(
    "text",
    [
        "You're going to love this next part.",
        "You will find the full list below.",
        "You won’t believe what comes next.",
    ],
)
def test_reader_address_about_the_text_itself(text: str) -> None:
    assert classify(text).label == "filler"


@pytest.mark.parametrize(
    "text",
    [
        "You can apply online at the council website.",  # names something: content
        "If you like spy novels, you should read this one.",
        "You will need 200 grams of flour for the next part.",  # a figure
    ],
)
def test_second_person_with_content_is_not_filler(text: str) -> None:
    assert classify(text).label != "filler"
