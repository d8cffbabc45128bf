"""Guess a plain-text document's title from its first lines.

A scraped .txt file often starts with page furniture before (or instead of) its headline: a
breadcrumb ("Home » News » Politics"), a byline ("By Beverly Gates"), a dateline ("WASHINGTON,
D.C. –"), a timestamp ("Updated 09:05 BST, 3 June 2024"). Those are skipped; the first line that
reads like a headline — short, not ending as a sentence or a list item does, not code, not a row
of figures — is the title; share and subscribe prompts are furniture too. A document whose opening
line is already prose ("Hey guys! Let's dive into …") has no title.
"""

from __future__ import annotations

import re

from factsieve.text.clean import is_page_prompt, normalize_unicode

_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20
# Lines looked at before giving up: furniture rarely takes more than a few.
_MAX_LEAD_LINES = 5

_BREADCRUMB = re.compile(r"\S\s*(?:»|›|>|/|\|)\s*\S.*(?:»|›|>|/|\|)")
_BYLINE = re.compile(
    r"^(?:(?:written|reported|reporting|words|story|photos?|edited)\s+)?by\s+[A-Z\s]", re.IGNORECASE
)
# "WASHINGTON, D.C. –", "SAN SALVADOR (Reuters) -": capitals, then a dash or a news-agency tag.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z ]+\))?\s*[–—-](?:\s|$)")
_TIMESTAMP = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified)\b|\d{1,2}[:.]\d{2}\b|\d+\s+(?:minutes?|hours?|days?)\s+ago\b"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d)",
    re.IGNORECASE,
)
_SENTENCE_OR_ITEM_END = (".", ",", ";", ":")


# Code never reads like a headline: a script or style line pasted into a scraped .txt
# ("var x = 1; function f(){…}") has braces, semicolons or tags, which headlines do not use.
# An HTML entity's semicolon is text ("&#163;1.8m fine", as in the BBC corpus), not code.
_CODE = re.compile(r"[{};]|</?[a-z][^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&#?\w{1,10};")


def _furniture(line: str) -> bool:
    return bool(
        _BREADCRUMB.search(line)
        or _BYLINE.match(line)
        or _DATELINE.match(line)
        or _TIMESTAMP.match(line)
        or is_page_prompt(line)  # "Share this article", "Advertisement", "Skip to content"
    )


def _wordless(line: str) -> bool:
    """A table row or a figure ("0\t0.00\t0", "1,234.5 -0.3%"): fewer letters than other
    characters. Headlines are words ("G7 summit: 3 key points")."""
    letters = sum(ch.isalpha() for ch in line)
    return 2 * letters < len(line) - line.count(" ")


def tidy_title(title: str | None) -> str | None:
    """A title as given by a feed or a page, repaired as the text is: mojibake ("Pearsonâ€™s") and
    HTML entities ("AT&amp;T&#8217;s") fixed by ftfy, runs of whitespace (a newline, tabs) one space.
    None when nothing is left. The text is cleaned later (factsieve.text.clean); the title was
    written as read."""
    if title is None:
        return None
    return " ".join(normalize_unicode(title)[0].split()) or None


def title_from_text(text: str) -> str | None:
    """The headline among the first lines of ``text``, skipping furniture; None when there is none."""
    seen = 0
    for raw in text.lstrip().split("\n"):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _MAX_LEAD_LINES:
            return None
        if _furniture(line):
            continue
        headline = (
            len(line) <= _MAX_TITLE_CHARS
            and len(line.split()) <= _MAX_TITLE_WORDS
            and not line.endswith(_SENTENCE_OR_ITEM_END)
            # "Hey guys! Let's dive in." — two sentences on the line are prose, not a headline.
            and not re.search(r"[.!?]\s+\S", line)
            and not _CODE.search(_ENTITY.sub("", line))
            and not _wordless(line)
        )
        return line if headline else None
    return None
