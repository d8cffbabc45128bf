"""Public news corpora as they ship: site and agency furniture inside the text field (CC-News pages
of syndicated AP copy, XSum/BBC pages, CNN/DailyMail stories, broadcast transcripts, listicles),
and the titles and sentences that come out of them. Texts written for these tests in the corpora's
shapes."""

from __future__ import annotations

import pytest

from factsieve.text.clean import clean_text
from factsieve.text.segment import sentences
from factsieve.text.title import title_from_text

AP_BODY = (
    "WASHINGTON (AP) — The Senate on Tuesday approved a $1.2 trillion spending package that keeps the "
    "federal government open through September, sending the measure to the president.\n\n"
    "The vote was 74-24. The House passed the bill on Friday.\n\n"
    '"This is a good deal for the American people," Senate Majority Leader Chuck Schumer said.'
)

# The same AP story as three sites ran it (CC-News "text" fields): each with its own furniture.
SYNDICATED = [
    "Skip to main content\nWorld | U.S. | Politics | Sports\nShare\n\n"
    + AP_BODY
    + "\n\nCopyright 2024 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "We use cookies to ensure you get the best experience on our website. By continuing to browse, you "
    "agree to our use of cookies.\nAdvertisement\n\n"
    + AP_BODY
    + "\n\nStory continues below advertisement\nCopyright © 2024 The Associated Press. All rights reserved.",
    "Photo: Getty Images\n\n"
    + AP_BODY
    + "\n\n™ & © 2024 Cable News Network, Inc., a Warner Bros. Discovery Company. All rights reserved.\n"
    "Please enable JavaScript to view the comments powered by Disqus.",
]


@pytest.mark.parametrize("page", SYNDICATED)
def test_syndicated_wire_copy_comes_out_as_the_story_alone(page: str) -> None:
    res = clean_text(page)
    # Before: the rights notice stayed, and "This material may not be published, …" was labelled
    # speculative, the cookie notice's second sentence opinion; the three copies were not near copies.
    assert res.text == clean_text(AP_BODY).text
    assert "furniture" in {reason for reason, _ in res.removed}


XSUM_PAGE = """Media playback is unsupported on your device
Media caption
Last updated on 3 March 2017.From the section Football
Leicester City sacked manager Claudio Ranieri less than a year after he led the club to the Premier League title.
Image copyright Getty Images
Image caption Ranieri won the title at odds of 5,000-1
"My dream died," Ranieri said in a statement on Friday.
Find all the latest football transfers on our dedicated page."""

CNN_DM_STORY = """By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 March 2014 . | . UPDATED: . 14:22 EST, 3 March 2014 .

A council in Devon has approved plans for 400 new homes on the edge of Exeter despite objections.

Campaigners said they would consider a legal challenge.

@highlight

Council approves 400 homes on the edge of Exeter

@highlight

Campaigners are considering a legal challenge"""

TRANSCRIPT = """COOPER: Gas is down to $3.10 a gallon nationally. Will it last?

(BEGIN VIDEO CLIP)

UNIDENTIFIED MALE: I drive for a living, so every cent matters.

(END VIDEO CLIP)

(COMMERCIAL BREAK)"""


def test_bbc_media_player_and_picture_lines_are_furniture_and_captions_stay() -> None:
    res = clean_text(XSUM_PAGE)
    assert [line for _, line in res.removed] == [
        "Media playback is unsupported on your device",
        "Media caption",
        "Last updated on 3 March 2017.From the section Football",
        "Image copyright Getty Images",
        "Find all the latest football transfers on our dedicated page.",
    ]
    # A caption with its words is what the picture shows: content, as the labels document says.
    assert "Image caption Ranieri won the title at odds of 5,000-1" in res.text.split("\n")


def test_cnn_dailymail_markers_and_dotted_byline_are_removed_and_highlights_kept() -> None:
    res = clean_text(CNN_DM_STORY)
    assert [reason for reason, _ in res.removed] == ["furniture"] * 3
    assert res.text.split("\n") == [
        "A council in Devon has approved plans for 400 new homes on the edge of Exeter despite objections.",
        "Campaigners said they would consider a legal challenge.",
        "Council approves 400 homes on the edge of Exeter",
        "Campaigners are considering a legal challenge",
    ]


def test_transcript_stage_directions_are_removed_and_speech_kept() -> None:
    res = clean_text(TRANSCRIPT)
    assert [line for _, line in res.removed] == [
        "(BEGIN VIDEO CLIP)",
        "(END VIDEO CLIP)",
        "(COMMERCIAL BREAK)",
    ]
    assert res.text.startswith("COOPER: Gas is down")


@pytest.mark.parametrize(
    "line",
    [
        "This article originally appeared on The Conversation.",
        "This story was first published by ProPublica in partnership with the Tribune.",
        "Editor's note: This story was first published in 2019.",
        "All times are Eastern.",
        "(Adds details in paragraph 5, updates prices)",
        "(Corrects spelling on company name)",  # Reuters-21578 has six of these; the only change there
        "(Reuters) -",
        "This content is not available due to your privacy preferences. Update your settings here to see it.",
        "Some parts of this article may not display properly on mobile.",
        "Download our app for breaking news alerts on your phone.",
        "Report a correction or typo",
        "Photograph: Getty Images",
        "Featured image via Andrew Burton/Getty Images",
        "(AP Photo/Evan Vucci)",
        "https://100percentfedup.com/video-hillary-asked-about-trump/",  # a Kaggle row's whole "text"
    ],
)
def test_notes_about_the_article_are_furniture(line: str) -> None:
    # Before, each was a sentence: most `reported`, "Some parts … may not display" `speculative`,
    # "Download our app …" `opinion`.
    assert clean_text(line).removed == [("furniture", line)]


@pytest.mark.parametrize(
    "line",
    [
        # prose that opens with the furniture patterns' words stays
        "This story has been corrected to show the vote was 74-24, not 72-24.",
        "All times were lost when the timing system failed at the finish, organisers said.",
        "Some parts of the city were without power for six hours on Monday.",
        "(Reuters) - Shares in the airline rose 4% on Tuesday after it raised its forecast.",
        "https://example.org/report.pdf has the full figures, the agency said.",
        "Copyright lawsuits against AI companies doubled in 2023, according to court filings.",
        "We use cookies from a local bakery for every meeting, the mayor joked on Tuesday.",
        "Photographers were kept behind a barrier as the minister left the building.",
        "Images from the scene showed a collapsed bridge and several damaged cars on the river bank.",
        "This material may be hazardous, the fire service warned residents of the street.",
        "(Reporting by Samuel Indyk; Editing by Alex Richardson)",
        "By continuing the talks, the two sides hope to agree a ceasefire before the summer.",
    ],
)
def test_prose_that_starts_like_furniture_is_kept(line: str) -> None:
    assert clean_text(line).text == line


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An all-caps wire headline with "U.S.": its full stops are not the end of two sentences.
        (
            "U.S. SENATE PASSES STOPGAP BILL TO AVERT SHUTDOWN\nBy David Morgan\n"
            "WASHINGTON, Nov 15 (Reuters) - The U.S. Senate on Wednesday passed a stopgap bill.",
            "U.S. SENATE PASSES STOPGAP BILL TO AVERT SHUTDOWN",
        ),
        (
            "Dr. Who star joins West End cast\nThe actor will appear in a new play.",
            "Dr. Who star joins West End cast",
        ),
        # BBC furniture before a page with no headline line: no title, not the furniture.
        (XSUM_PAGE, None),
        (CNN_DM_STORY, None),
        ("@highlight\nCouncil approves 400 homes", "Council approves 400 homes"),
        # The first line of hard-wrapped wire copy is a fragment of its first sentence, not a headline.
        (
            "Showers continued throughout the week in\n"
            "the Bahia cocoa zone, alleviating the drought since early\n"
            "January and improving prospects for the coming temporao,\n"
            "although normal humidity levels have not been restored,\n"
            "Comissaria Smith said in its weekly review.\n",
            None,
        ),
        ("Olin Corp said\nit named a new chief executive on Monday.", None),
        ('Thermwood Corp said its stock trades under the symbol "THM."\nMore text.', None),
        ("'My memories of Marley...'\nThe singer's friend remembers him.", "'My memories of Marley...'"),
        ("Celebrities get their skates on\nStars will compete on ice.", "Celebrities get their skates on"),
        ("Reuter\n", None),
    ],
)
def test_titles_of_corpus_texts(text: str, title: str | None) -> None:
    assert title_from_text(text) == title


def test_a_picture_credit_and_list_numbers_are_not_sentences_of_their_own() -> None:
    caption = (
        "FILE - The U.S. Capitol is seen in Washington, March 21, 2024. (AP Photo/J. Scott Applewhite, File)"
    )
    assert sentences(caption) == [
        "FILE - The U.S. Capitol is seen in Washington, March 21, 2024.",
        "(AP Photo/J. Scott Applewhite, File)",
    ]
    listicle = "10 things we learned from the budget\n1. Income tax thresholds stay frozen.\n2. Fuel duty is cut by 5p."
    assert sentences(listicle) == [
        "10 things we learned from the budget",
        "1. Income tax thresholds stay frozen.",
        "2. Fuel duty is cut by 5p.",
    ]
    # A wrapped wire line whose number ends the sentence begun on the line before stays a boundary.
    wrapped = (
        "Prices on the Tokyo exchange will rise from March\n13. Chinese nearby April rises to 90,000 yen."
    )
    assert sentences(wrapped) == [
        "Prices on the Tokyo exchange will rise from March",
        "13.",
        "Chinese nearby April rises to 90,000 yen.",
    ]
    assert sentences("Use A/B. Then stop.") == ["Use A/B.", "Then stop."]
