"""Public news corpora's shapes through the real flow, read as an analyst reads the tables: one AP
story syndicated by three sites (CC-News ``text`` fields with each site's furniture), a Kaggle
fake/real row, a foreign-language page, an XSum page as a .txt file. Texts written for the test."""

from __future__ import annotations

import json

import pandas as pd
import pytest

AP_STORY = (
    "WASHINGTON (AP) — The Senate on Tuesday approved a $1.2 trillion spending package that keeps the "
    "federal government open through September, sending the measure to President Joe Biden hours before "
    "a midnight deadline.\n\n"
    "The vote was 74-24. The House passed the bill on Friday by a margin of 286-134, with most "
    "Republicans opposed.\n\n"
    '"This is a good deal for the American people," Senate Majority Leader Chuck Schumer said on the '
    "floor before the vote.\n\n"
    "The package funds the departments of Defense, Homeland Security, Labor and State, among others, and "
    "includes $886 billion for the military, a 3% increase over last year.\n\n"
    "Conservatives in the House objected to the price tag and to what they said was a lack of time to "
    "read the 1,012-page text, which was released early Thursday.\n\n"
    "The White House said Biden would sign the measure as soon as it reached his desk."
)
RIGHTS = (
    "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed."
)


def _records() -> list[dict]:
    return [
        {
            "title": "Senate passes $1.2 trillion spending bill",
            "domain": "apnews.com",
            "date": "2024-03-23T04:12:00Z",
            "text": "Skip to main content\nWorld | U.S. | Politics | Sports\n\n" + AP_STORY + "\n\n" + RIGHTS,
        },
        {
            "title": "Senate passes spending bill, averting shutdown",
            "domain": "wtop.com",
            "date": "March 23, 2024 12:40 AM EDT",
            "text": "We use cookies to ensure you get the best experience on our website. By continuing to "
            "browse, you agree to our use of cookies.\nAdvertisement\n\n"
            + AP_STORY
            + "\n\nStory continues below advertisement\n"
            + RIGHTS,
        },
        {
            "title": "Senate passes spending bill",
            "domain": "localnews8.com",
            "date": "14:22",  # a time only: no date
            "text": "Photo: Getty Images\n\n"
            + AP_STORY
            + "\n\n™ & © 2024 Cable News Network, Inc. All rights reserved.\n"
            "Please enable JavaScript to view the comments.",
        },
        {
            "title": "Le Sénat adopte la réforme",
            "domain": "lemonde.fr",
            "date": "06/02/2024",  # 6 February in Paris, 2 June in New York
            "text": "Le Sénat a adopté mardi soir le projet de loi sur l'immigration par 210 voix contre 115. "
            "Le texte doit maintenant être examiné par une commission mixte paritaire, a indiqué le "
            "ministre de l'Intérieur.",
        },
    ]


@pytest.fixture(scope="module")
def corpus_run(prefect_harness, tmp_path_factory):
    from flows.curate import curate

    raw = tmp_path_factory.mktemp("news-raw")
    with open(raw / "ccnews.jsonl", "w", encoding="utf-8") as fh:
        for rec in _records():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (raw / "xsum_35232142.txt").write_text(
        "Media playback is unsupported on your device\nMedia caption\n"
        "Last updated on 3 March 2017.From the section Football\n"
        "Leicester City sacked manager Claudio Ranieri less than a year after he led the club to the "
        "Premier League title.\n"
        "Image copyright Getty Images\n"
        '"My dream died," Ranieri said in a statement on Friday.\n',
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("news-out")
    curate(raw=str(raw), out=str(out))
    docs = pd.read_parquet(out / "latest" / "documents").set_index("record_key")
    sentences = pd.read_parquet(out / "latest" / "sentences")
    return docs, sentences


def test_syndicated_copies_are_one_cluster_and_their_furniture_is_not_content(corpus_run) -> None:
    docs, sentences = corpus_run
    copies = docs.loc[["line:1", "line:2", "line:3"]]
    # Before: each copy kept its site's furniture, and the three were three copy clusters.
    assert copies["canonical_doc_id"].nunique() == 1
    assert copies["text"].nunique() == 1
    for reasons in copies["removed_reasons"]:
        assert "furniture" in list(reasons)
    texts = sentences[sentences["doc_id"].isin(copies["doc_id"])]["text"]
    assert not texts.str.contains("may not be published|cookies|All rights reserved").any()


def test_publication_dates_are_right_or_empty(corpus_run) -> None:
    docs, _ = corpus_run
    published = docs["published_at"].astype(str)
    assert published["line:1"] == "2024-03-23 04:12:00+00:00"
    assert published["line:2"] == "2024-03-23 04:40:00+00:00"  # EDT: before, null
    assert docs["published_at"].isna()["line:3"]  # before: the run's day at 14:22
    assert docs["published_at"].isna()["line:4"]  # before: 2 June 2024


def test_language_and_plain_text_title(corpus_run) -> None:
    docs, sentences = corpus_run
    assert docs.loc["line:4", "language"] == "fr"  # before: und
    xsum = docs[docs["source_uri"].str.endswith("xsum_35232142.txt")].iloc[0]
    # Before: "Media playback is unsupported on your device" was the title and a reported sentence.
    assert pd.isna(xsum["title"])
    xsum_sentences = sentences[sentences["doc_id"] == xsum["doc_id"]]["text"].tolist()
    assert xsum_sentences[0].startswith("Leicester City sacked manager")
