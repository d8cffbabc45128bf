"""Round 4b (issue #17): page furniture, cue-less verdicts, rhetorical questions and counted replies.

Each class with several wordings of our own and near misses that must keep their label. None of these
sentences is from a labelled slice (the r4 `final` rows that found the classes stay in their file)."""

from __future__ import annotations

import pytest

from factsieve.classify import classify
from factsieve.classify.classifier import classify_document


def _label(text: str) -> str:
    return classify(text).label


PICTURE_CREDITS_ARE_BOILERPLATE = [  # all boilerplate
    "(AP Photo/Lucia Moreno)",
    "(AP Photo/Lucia Moreno, File)",
    "(Photo by Tom Hale/Getty Images)",
    "(Reuters/Kim Ahn)",
    "Photograph: Priya Nair/Reuters",
    "Image: Getty Images",
    "Photo: Reuters",
    "Credit: Sam Oduya for The Washington Post",
    "Photo illustration: Guardian Design",
]


PICTURE_NEAR_MISSES = [
    # a caption describes the picture: content
    ("Pictured: firefighters tackle the blaze at the depot on Sunday.", "reported"),
    ("The image shows a crater 3 km wide near the summit.", "reported"),
    ("Photographs of the scene showed the roof had collapsed.", "reported"),
    ("Police released a picture of the suspect on Friday.", "reported"),
    ("Photo: Protesters gather outside parliament on Tuesday.", "reported"),
    ("Image: a satellite view of the dam after the flood", "reported"),
    ("Photos: Inside the new stadium", "boilerplate"),  # a gallery teaser
]


AUDIO_AND_READING_TIME_WIDGETS_ARE_BOILERPLATE = [  # all boilerplate
    "Listen to this article · 8 min",
    "Listen to this story",
    "Listen (4:32)",
    "Play audio",
    "Hear this article",
    "7 min read",
    "3-minute read",
    "Reading time: 5 minutes",
]


WIDGET_NEAR_MISSES_ARE_CONTENT = [  # all reported
    "Listen to this story about a dog who walked 200 miles home.",
    "The new audio player costs $99 and ships in March.",
    "Analysts will read the minutes of the meeting closely.",
]


BARE_UPDATE_NOTICES_ARE_BOILERPLATE = [  # all boilerplate
    "This article was updated at 09:12 BST on 14 June 2024.",
    "This story has been updated.",
    "This article was last amended on 3 May 2024",
    "Correction appended",
    "Updated with more details",
]


@pytest.mark.parametrize(
    "text",
    [
        # a correction that states the corrected fact is content, and its error words are no stance
        "An earlier version of this story gave the wrong age for the victim, who was 34.",
        "A previous version of this article incorrectly stated that the bridge opened in 1998; it opened in 1999.",
        "Correction: an earlier version of this report misstated the name of the school, which is Hillside Academy.",
        "This story has been updated to reflect that the minister resigned on Monday.",
    ],
)
def test_corrections_stating_the_fact_are_reported(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported"
    assert not lab.attributed


ERROR_WORDS_OUTSIDE_CORRECTIONS = [
    # outside a correction the same words keep their usual reading
    ("The government got the numbers badly wrong.", "opinion"),
    ("The judge said the jury had reached the wrong verdict.", "attributed"),
]


PAGE_PROMPTS_AND_TEASERS_ARE_BOILERPLATE = [  # all boilerplate
    "Sign up for our morning briefing newsletter.",
    "Get our free Business Today newsletter",
    "Already a subscriber? Log in",
    "Subscribe to continue reading.",
    "This article is only available to subscribers.",
    "You have two free articles left this month.",
    "We use cookies to improve your experience on our site.",
    "The best of the week's news, delivered straight to your inbox.",
    "Related: Why the bank held rates again",
    "More on this story",
    "Most read",
]


PROMPT_NEAR_MISSES_ARE_CONTENT = [  # all reported
    "Residents can sign up for the scheme at the town hall.",
    "The paper lost 40,000 subscribers after the price rise.",
    "The regulator fined the site for its use of cookies.",
]


@pytest.mark.parametrize(
    "text",
    [
        "Bottom line: this phone is the one to beat this year.",
        "The takeaway: the council has run out of excuses.",
        "Verdict: a handsome, thoughtful car let down by its brakes.",
        "Our take: the plan asks far too little of the banks.",
        "The final verdict: a brave budget that ducks the hardest choice.",
    ],
)
def test_labelled_lead_ins_are_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion"
    assert lab.deciding_cue is not None


LEAD_IN_NEAR_MISSES = [  # all reported
    "Bottom line: rates rise to 5.25% on Thursday.",  # a figure: a summary of fact
    "Take: two cups of flour and a pinch of salt.",  # a recipe label, not "our take"
]


CUE_LESS_JUDGEMENTS_ARE_OPINION = [  # all opinion
    "The new library is a triumph of patient design.",
    "The opening ceremony was a masterclass in restraint.",
    "The collapse was a failure of leadership from top to bottom.",
    "The stadium stands as a monument to municipal vanity.",
    "The board has treated its own staff with disdain.",
    "The ministry has shown nothing but contempt for the families.",
    "This was the most poorly managed rollout in living memory.",
    "It is the least convincing sequel of all time.",
]


JUDGEMENT_NEAR_MISSES_STAY_REPORTED = [  # all reported
    "The highest turnout ever recorded was in 1992.",
    "Investigators traced the crash to a failure of the cooling system.",
    "Patients were treated with antibiotics and sent home.",
    "The proposal was greeted with scorn by residents at the meeting.",
    "The triumph of the home side sent fans into the streets.",
]


RHETORICAL_QUESTIONS_ARE_OPINION = [  # all opinion
    "How many more floods does the valley need?",
    "How many more children must die before Congress acts?",
    "How much longer must tenants wait for a working lift?",
    "How long can the council ignore the cracks in the tower?",
]


GENUINE_HEADLINE_AND_QUOTED_QUESTIONS = [
    ("How many more homes will be built next year?", "reported"),  # asks a figure
    ("How long will the repairs take?", "reported"),
    ("Will Mortgage Rates Finally Fall in 2025?", "boilerplate"),  # a headline question
    ('"How many more floods does the valley need?" the farmer asked.', "attributed"),
]


def test_rhetorical_question_inside_a_quotation_is_the_speakers() -> None:
    doc = 'The farmer was blunt. "We have been flooded twice. How many more floods does the valley need?"'
    assert [lab.label for lab in classify_document(doc)][-1] == "attributed"


@pytest.mark.parametrize(
    "text",
    [
        "We contacted all 40 councils; 31 responded.",
        "Of the 60 firms surveyed, only nine replied.",
        "We asked every trust for its figures and most have responded.",
    ],
)
def test_counted_replies_are_reported(text: str) -> None:
    lab = classify(text)
    assert lab.label == "reported", lab.deciding_cue


REPLIES_WITH_CONTENT_STAY_ATTRIBUTED = [  # all attributed
    "Nine replied that they had no plans to raise fees.",
    "The minister responded that the figures were out of date.",
    'Asked about the delay, the chief executive replied: "We are on track."',
]


HEADLINE_QUESTION_WITH_DECK = [
    ("Will Rents Keep Rising? Here's What Landlords Say", "boilerplate"),
    ("Is the Ferry Service Doomed? What We Know So Far", "boilerplate"),
    ("Who Really Pays for Britain's Railways? Five Things to Know", "boilerplate"),
    # a question in prose followed by its answer is content
    ("Will rents keep rising? Landlords expect increases of 4% next year.", "attributed"),
]


def _cases(rows: list, label: str | None = None) -> list[tuple[str, str]]:
    """One class's table as (text, label) pairs: its rows, or its texts that all carry ``label``."""
    return [(r, label) for r in rows] if label else rows


# Every class above with its expected label.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(PICTURE_CREDITS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(AUDIO_AND_READING_TIME_WIDGETS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(WIDGET_NEAR_MISSES_ARE_CONTENT, "reported"),
        *_cases(BARE_UPDATE_NOTICES_ARE_BOILERPLATE, "boilerplate"),
        *_cases(PAGE_PROMPTS_AND_TEASERS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(PROMPT_NEAR_MISSES_ARE_CONTENT, "reported"),
        *_cases(LEAD_IN_NEAR_MISSES, "reported"),
        *_cases(CUE_LESS_JUDGEMENTS_ARE_OPINION, "opinion"),
        *_cases(JUDGEMENT_NEAR_MISSES_STAY_REPORTED, "reported"),
        *_cases(RHETORICAL_QUESTIONS_ARE_OPINION, "opinion"),
        *_cases(REPLIES_WITH_CONTENT_STAY_ATTRIBUTED, "attributed"),
        *_cases(PICTURE_NEAR_MISSES),
        *_cases(ERROR_WORDS_OUTSIDE_CORRECTIONS),
        *_cases(GENUINE_HEADLINE_AND_QUOTED_QUESTIONS),
        *_cases(HEADLINE_QUESTION_WITH_DECK),
    ],
)
def test_round_4b_labels(text: str, label: str) -> None:
    assert _label(text) == label
