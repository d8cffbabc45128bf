"""Publication dates in the forms public news corpora and feeds write them: right or empty."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from factsieve.ingest.dates import parse_published, published_in_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Kaggle fake/real news, Reuters-21578, RSS, ISO 8601: as before
        ("December 31, 2017 ", "2017-12-31 00:00:00+00:00"),
        ("31-Dec-17", "2017-12-31 00:00:00+00:00"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26 15:01:01.790000+00:00"),
        ("Tue, 03 Mar 2024 14:22:00 +0100", "2024-03-03 13:22:00+00:00"),
        ("2024-03-03T14:22:00+05:30", "2024-03-03 08:52:00+00:00"),
        ("2024-03-03T14:22:00.000Z", "2024-03-03 14:22:00+00:00"),
        ("20240303", "2024-03-03 00:00:00+00:00"),
        # zone abbreviations: before, all None
        ("2024-03-03 14:22 EST", "2024-03-03 19:22:00+00:00"),
        ("March 23, 2024 12:40 AM EDT", "2024-03-23 04:40:00+00:00"),
        ("3 March 2024 14:22 BST", "2024-03-03 13:22:00+00:00"),
        ("2024-01-01 16:10 JST", "2024-01-01 07:10:00+00:00"),
        # "ET" follows daylight saving: -5 in January, -4 in July
        ("March 3, 2024 at 4:05 PM ET", "2024-03-03 21:05:00+00:00"),
        ("2024-07-03 14:22 ET", "2024-07-03 18:22:00+00:00"),
        ("Posted: Mar 23, 2024 / 12:40 AM EDT", "2024-03-23 04:40:00+00:00"),
        ("Published: 3 March 2024", "2024-03-03 00:00:00+00:00"),
        # numeric dates whose order the numbers decide, and dotted dates (day first)
        ("13/04/2024", "2024-04-13 00:00:00+00:00"),
        ("04/13/2024", "2024-04-13 00:00:00+00:00"),
        ("03/03/2024", "2024-03-03 00:00:00+00:00"),
        ("03.04.2024", "2024-04-03 00:00:00+00:00"),  # before: 4 March
        ("12/25/17", "2017-12-25 00:00:00+00:00"),
        # day-month-year in the other languages factsieve detects: before, all None
        ("2. Februar 2024", "2024-02-02 00:00:00+00:00"),
        ("Montag, 2. Februar 2024, 14:30 Uhr", "2024-02-02 14:30:00+00:00"),
        ("2. Februar 2024 um 14:30 Uhr MEZ", "2024-02-02 13:30:00+00:00"),
        ("3 mars 2024", "2024-03-03 00:00:00+00:00"),
        ("1er mars 2024 à 14h30", "2024-03-01 14:30:00+00:00"),
        ("martes, 12 de marzo de 2024", "2024-03-12 00:00:00+00:00"),
        ("3 maggio 2024 alle 18:05", "2024-05-03 18:05:00+00:00"),
        ("3 de março de 2024", "2024-03-03 00:00:00+00:00"),
        ("3 maart 2024 om 09:15 CET", "2024-03-03 08:15:00+00:00"),
        # a zone inside the string, after its time (Daily Mail, BBC): before, None for "EST"
        ("12:01 EST, 3 March 2014", "2014-03-03 17:01:00+00:00"),
        ("12:40 AM EDT, March 23, 2024", "2024-03-23 04:40:00+00:00"),
        ("14:22 GMT, 3 March 2024", "2024-03-03 14:22:00+00:00"),
        # English names shared with German and Dutch ("April", "September"): as before
        ("3 April 2024 at 4:05 PM ET", "2024-04-03 20:05:00+00:00"),
        ("15 September 2024, 14:22 BST", "2024-09-15 13:22:00+00:00"),
        # no such day, no year, words the reader cannot place, an ambiguous zone inside: None
        ("31 février 2024", None),
        ("3 mars", None),
        ("mars 2024", None),
        ("publié le 3 mars 2024", None),
        ("12:01 CST, 3 March 2014", None),
        ("14:22, March 3 2024 Reuters", None),
        # not a whole date, or not decidable: None (before, each of these was a wrong date)
        ("06/02/2024", None),  # 6 February in Paris, 2 June in New York; before: 2 June
        ("14:22", None),  # a live blog entry's time; before: today at 14:22
        ("2024", None),  # before: 1 January 2024
        ("March 2024", None),  # before: 1 March 2024
        ("2024-03", None),
        # unknown or ambiguous zones: None, as before
        ("2024-03-03 14:22 CST", None),  # US Central or China
        ("2024-03-03 14:22 IST", None),  # India, Ireland or Israel
        ("Updated 14:22 GMT", None),
        ("4 hours ago", None),
        ("1709475720", None),
        ("https://100percentfedup.com/served-roy-moore-vietnamletter/", None),
        ("Dec 31", None),
        ("1899-12-31", None),
    ],
)
def test_publication_dates_are_right_or_empty(value: str, expected: str | None) -> None:
    ts = parse_published(value)
    assert (None if ts is None else str(ts)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Posted: Mar 23, 2024 / 12:40 AM EDT\nUpdated: Mar 23, 2024 / 12:45 AM EDT\nThe Senate voted.",
            "2024-03-23 04:40:00+00:00",
        ),
        (
            "Storm closes schools\nBy Jane Roe\nPublished 14:22 GMT, 3 March 2024\nSchools shut early.",
            "2024-03-03 14:22:00+00:00",
        ),
        # an update is not the publication; a dateline has no year; a live blog's time has no date
        ("Updated 12:12 AM EDT, March 23, 2024\nThe Senate voted.", None),
        ("LONDON, March 3 (Reuters) - Shares rose.", None),
        ("Posted at 13:48\nGusts of 90mph recorded.", None),
        ("Published: 06/02/2024\nLe Sénat a adopté le texte.", None),
        # prose that starts with the word is not a publication line
        ("Published reports said 3 March 2024 was the deadline.\nMore.", None),
        ("The council met.\n\n\n\n\n\n\n\n\nA\nB\nC\nD\nE\nF\nG\nH\nPublished: 3 March 2024", None),
    ],
)
def test_publication_line_at_the_top_of_a_plain_text_document(text: str, expected: str | None) -> None:
    ts = published_in_text(text)
    assert (None if ts is None else str(ts)) == expected


def _cpu(value: str) -> float:
    t0 = time.process_time()
    assert parse_published(value) is None
    return time.process_time() - t0


def test_a_text_in_the_date_field_is_no_date_and_costs_linear_time() -> None:
    # A date string is under 60 characters; a longer one is a text in the wrong field. dateutil's
    # tokenizer is quadratic in it: a 1 MB string took 15 s before the length cap (MAX_DATE_CHARS).
    assert parse_published("Wednesday, September 25, 2024 at 12:40:05 AM EDT") == pd.Timestamp(
        "2024-09-25 04:40:05", tz="UTC"
    )
    assert parse_published("  3 March 2024" + " " * 1_000) == pd.Timestamp("2024-03-03", tz="UTC")
    assert parse_published("on " * 40 + "3 March 2024") is None
    word = "Shares1987rose2.5pctto$3.50onMarch3"
    # Each string distinct: the parse cache must not answer. Best of three (a shared machine).
    small = min(_cpu(word * 8_000 + str(i)) for i in range(3))
    large = min(_cpu(word * 32_000 + str(i)) for i in range(3))
    assert large < 8 * max(small, 1e-3), (small, large)
