from __future__ import annotations

from factsieve.text.clean import clean_text

SEO_TAIL = """Only time will tell how things play out, but it's clear this relationship is one to watch. Thanks for reading!
Lastest News
-
-
Related News
How to Apply for a Passport Online: Step-by-Step Guide
Maria Lopez - Nov 14, 2025 88 Views -
Related News
Top 10 Budget Travel Tips for Central America
Maria Lopez - Nov 12, 2025 61 Views"""


def test_related_news_tail_is_removed_and_auditable():
    res = clean_text(SEO_TAIL)
    assert res.text == (
        "Only time will tell how things play out, but it's clear this relationship is one to watch. Thanks for reading!"
    )
    assert "Maria Lopez - Nov 14, 2025 88 Views -" in res.removed_text
    assert "How to Apply for a Passport Online: Step-by-Step Guide" in res.removed_text
    assert {reason for reason, _ in res.removed} == {"related_block"}
    assert len(res.removed) == 9
    assert res.removed_chars == sum(len(line) for _, line in res.removed)


def test_headings_are_kept_as_lines_and_prose_after_a_block_resumes():
    text = (
        "Why Guatemala?\n"
        "Guatemala faces serious challenges, including poverty, drought and corruption, which push families north.\n"
        "Related stories\n"
        "Coffee prices hit record high\n"
        "The council said the harvest would reach 700,000 bags this year, still below the levels of the early 1990s.\n"
    )
    res = clean_text(text)
    lines = res.text.split("\n")
    assert lines[0] == "Why Guatemala?"
    assert "Coffee prices hit record high" not in res.text
    assert lines[-1].startswith("The council said the harvest")


def test_navigation_prompts_bylines_and_lone_punctuation():
    text = (
        "Home | News | World | Business\n"
        "Share this article\n"
        "Daniel Reyes - April 18, 2024 1,204 views\n"
        "•\n"
        "Work on the port expansion will begin in June, the commission said on Thursday.\n"
        "Subscribe to our newsletter\n"
        "© 2024 Coastal Business Daily. All rights reserved.\n"
    )
    res = clean_text(text)
    assert res.text == "Work on the port expansion will begin in June, the commission said on Thursday."
    reasons = [r for r, _ in res.removed]
    assert reasons == ["navigation", "prompt", "counter_byline", "lone_punctuation", "prompt", "prompt"]


def test_mojibake_and_whitespace_are_repaired():
    text = "The councilâ€™s  budget\u00a0was approved.\r\n\r\n\tCafÃ© owners welcomed it.  "
    res = clean_text(text)
    assert res.text == "The council’s budget was approved.\nCafé owners welcomed it."
    assert res.fixed_unicode


def test_ordinary_article_loses_nothing():
    text = (
        "El Salvador and US agree to expand port cooperation\n"
        "Officials signed an agreement on Tuesday, the two governments said in a joint statement.\n"
        "Exports totalled $2.4 billion in 2023, down 8 percent, the central bank reported.\n"
    )
    res = clean_text(text)
    assert res.removed == []
    assert res.text == text.strip()


def test_pound_sign_is_kept_and_mojibake_next_to_it_is_still_repaired():
    # Text whose only non-ASCII character is "£" skips ftfy; it must come out as it went in.
    plain = "Chelsea paid £50m for the striker, the club said in a statement on Friday."
    res = clean_text(plain)
    assert res.text == plain
    assert not res.fixed_unicode
    res = clean_text(plain + "\nPrices rose to Â£5m, a rise of 4%.")
    assert res.text == plain + "\nPrices rose to £5m, a rise of 4%."
    assert res.fixed_unicode


def test_counter_and_byline_lines_with_non_ascii_names_are_removed():
    text = (
        "Maria López – Nov 14, 2025 1,204 Views\n"
        "José\tNúñez  -  Nov 14, 2025\n"
        "The ministry said 1,204 people had applied for the scheme, which reads like a success story.\n"
    )
    res = clean_text(text)
    assert res.text == (
        "The ministry said 1,204 people had applied for the scheme, which reads like a success story."
    )
    assert res.removed == [
        ("counter_byline", "Maria López – Nov 14, 2025 1,204 Views"),
        ("counter_byline", "José Núñez - Nov 14, 2025"),
    ]


def test_invisible_format_characters_inside_words_are_removed():
    # as scraped: a zero-width space after a word, a ZWJ inside one, a soft hyphen, bidi isolates
    # and marks around a quote - invisible on the page, but "said\u200e" is not "said"
    text = (
        "The\u200b city council\u200d approved the trans\u00adport budget on Friday, officials said\u200e.\n"
        "Mayor Ana Ruiz said \u2067\u201cwe will add 40 buses\u201d\u2069 by next year.\u2060"
    )
    res = clean_text(text)
    assert res.text == (
        "The city council approved the transport budget on Friday, officials said.\n"
        "Mayor Ana Ruiz said \u201cwe will add 40 buses\u201d by next year."
    )
    assert res.fixed_unicode


def test_zero_width_joiners_that_carry_meaning_are_kept():
    persian = "وزیر گفت که دولت می\u200cخواهد بودجه را افزایش دهد."  # ZWNJ inside a Persian word
    emoji = "Families \U0001f468\u200d\U0001f469\u200d\U0001f467 welcomed the plan."  # a ZWJ sequence
    assert clean_text(persian).text == persian
    assert clean_text(emoji).text == emoji


def test_word_count_is_the_clean_texts_words():
    """CleanResult.words is counted while the lines are normalised; it must be len(text.split())
    whatever the whitespace, boilerplate removed and foreign prompts dropped afterwards."""
    texts = [
        SEO_TAIL,
        "Ministers\u2003met on Tuesday.\t\tThey agreed\u00a0a  plan.\r\n\r\nShare this article\n  \n",
        "Le gouvernement a présenté mardi un budget en hausse de 3 % pour la santé et l'éducation.\n\n"
        "Lire aussi : Le gouvernement défend sa réforme devant les syndicats\n\n"
        "Les syndicats ont annoncé une grève pour le 12 mars dans les hôpitaux et les écoles du pays.",
        "Harlow Mining Corp said it would close its\nKettle Creek copper mine in northern Ontario by\n"
        "the end of June, cutting about 420 jobs, after ore grades fell.\n",
        "\u200b\u00ad\n",
        "",
    ]
    for text in texts:
        res = clean_text(text)
        assert res.words == len(res.text.split()), text
    assert clean_text(texts[2]).removed  # the French prompt went after the words were counted
