"""The plain-text title guess: the headline after any page furniture, never the furniture itself."""

from __future__ import annotations

import pytest

from factsieve.text.title import tidy_title, title_from_text, without_site_name


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Rail unions set May vote on tentative contract\nWASHINGTON, May 2 – Members of two unions …",
            "Rail unions set May vote on tentative contract",
        ),
        (
            "Home » News » Politics\nMarkets rally as rates fall\nBy Ana Silva\nShares rose on Monday.",
            "Markets rally as rates fall",
        ),
        (
            "By Beverly Gates\nCouncil approves the 2025 budget\nThe council voted 7-2.",
            "Council approves the 2025 budget",
        ),
        (
            "Updated 09:05 BST, 3 June 2024\nFerry service resumes after strike\nBoats sailed at dawn.",
            "Ferry service resumes after strike",
        ),
        ("Why Guatemala?\nSo, why Guatemala? Well, it's not random.", "Why Guatemala?"),
        ("Share this article\nBus plan approved\nThe council voted 7-2 on Friday.", "Bus plan approved"),
        ("Advertisement\nG7 summit: 3 key points\nLeaders met in Rome.", "G7 summit: 3 key points"),
        ("Publicité\nLe Sénat adopte la réforme\nLe texte a été voté mardi.", "Le Sénat adopte la réforme"),
        (
            "Anzeige\nLesen Sie auch\nBundestag beschließt Haushalt\nDer Bundestag hat …",
            "Bundestag beschließt Haushalt",
        ),
        (
            "&#163;1.8m indecency fine for Viacom\nMedia giant Viacom has paid a fine.",
            "&#163;1.8m indecency fine for Viacom",
        ),
    ],
)
def test_headline_after_furniture(text: str, title: str) -> None:
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, D.C. – In a diplomatic meeting held today, the two leaders agreed to talk again.",
        "By Beverly Gates",
        "Home » News » World » Europe",
        "SAN SALVADOR (Reuters) - Officials signed the agreement on Tuesday.",
        "Hey guys! Let's dive into the visit. It was a big deal.",
        "The council met on Tuesday, and it approved the budget after a long debate that ran late.",
        "",
        # a scraped page's script, a tag, a table of figures: never the title
        "var _gaq = _gaq || []; _gaq.push(['_setAccount']);\nBus plan approved\nThe council voted.",
        "<div class='ad'>Sponsored</div>\nThe council voted 7-2 on Friday.",
        "0\t0.00\t0\n1\t3.50\t7\n2\t7.00\t14",
        "1,234.5   -0.3%   +12\nShares fell on Friday.",
    ],
)
def test_no_title_when_the_text_opens_with_prose_or_only_furniture(text: str) -> None:
    assert title_from_text(text) is None


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("AT&amp;T&#8217;s profit rises", "AT&T\u2019s profit rises"),  # entities in a feed's title
        ("Pearsonâ€™s â€œbigâ€\x9d plan", "Pearson\u2019s \u201cbig\u201d plan"),  # UTF-8 read as cp1252
        ("  Port\n strike\tends  ", "Port strike ends"),
        ("Ad sales boost Time Warner profit", "Ad sales boost Time Warner profit"),
        ("Prices < costs & more", "Prices < costs & more"),
        (" \n ", None),
    ],
)
def test_a_given_title_is_repaired_as_the_text_is(given, shown):
    assert tidy_title(given) == shown


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("Council approves budget | WTOP News", "Council approves budget"),
        ("Storm warning issued - BBC News", "Storm warning issued"),
        ("Ferry strike ends – The Irish Times", "Ferry strike ends"),
        ("Sturm an der Küste | tagesschau.de", "Sturm an der Küste"),
        ("Fed holds rates steady — Reuters", "Fed holds rates steady"),
        ("BBC News - Storm warning issued", "Storm warning issued"),
        ("UK | Politics | Vote called - BBC News", "UK | Politics | Vote called"),
        ("The Guardian: Storm Ciarán hits the coast", "Storm Ciarán hits the coast"),
        ("Rates rise again :: example.com", "Rates rise again"),
    ],
)
def test_a_site_name_around_a_title_is_dropped(given, shown):
    assert tidy_title(given) == shown


@pytest.mark.parametrize(
    "title",
    [
        "Biden - Putin summit ends without deal",  # the dash is content
        "Q&A - What the rate rise means",
        "Man Utd 2 - 1 Arsenal",
        "Lakers beat Celtics - Sports",  # a section, not a name
        "Iran says talks are over - state TV",  # wire style: whom the story is from
        "Kuwait may re-register tankers - Newspaper",
        "WAITE KIDNAPPED AS SPY - TEHRAN RADIO",  # Reuters-21578: an all-capitals wire headline
        "U.S. MAY TELL JAPAN SANCTIONS CAN END - NY TIMES",
        "BBC: Licence fee to rise",  # a colon after a bare name is the headline's topic
        "Brexit: What happens next",
        "Storm - Storm News",  # dropping the name would leave one word
        "Wal-Mart sales rise",
    ],
)
def test_a_title_without_a_clear_site_name_is_kept(title):
    assert without_site_name(title) == title
    assert tidy_title(title) == title
