"""Guess a plain-text document's title from its first lines.

A scraped .txt file often starts with page furniture before (or instead of) its headline: a
breadcrumb ("Home » News » Politics"), a byline ("By Beverly Gates"), a dateline ("WASHINGTON,
D.C. –"), a timestamp ("Updated 09:05 BST, 3 June 2024"). Those are skipped; the first line that
reads like a headline — short, not ending as a sentence or a list item does, not code, not a row
of figures — is the title; share and subscribe prompts, and the corpus furniture clean.py removes
("Media playback is unsupported on your device", "@highlight"), are furniture too. A document whose
opening line is already prose ("Hey guys! Let's dive into …") has no title, and neither has one
whose first line is a piece of a hard-wrapped sentence ("The U.S. Agriculture Department" over
"reported the farmer-owned reserve …").
"""

from __future__ import annotations

import re

from factsieve.text.clean import is_page_prompt, is_site_furniture, normalize_unicode
from factsieve.text.foreign_furniture import prompt_languages
from factsieve.text.segment import split_sentences
from factsieve.text.unwrap import unwrap

_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20
# Lines looked at before giving up: furniture rarely takes more than a few.
_MAX_LEAD_LINES = 5
_HEAD_LINES = 12  # raw lines unwrapped to find them: blank lines and wrapped paragraphs included

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
_QUOTED_SENTENCE_END = re.compile(r"(?<!\.)[.,;:][\"'”’)]+$")
# Words a headline does not end on but a line broken mid-sentence often does.
_FRAGMENT_END = frozenset(
    "a an the of to for and or but with by from as is are was were be been will would "
    "its his her their that which who said has have had".split()
)
# Reuters-21578 bodies end with a sign-off line "Reuter": never a headline.
_SIGN_OFF = re.compile(r"^reuters?$", re.IGNORECASE)


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
        # "Anzeige", "Lire aussi : …": a prompt in any of the other languages (a title has no language yet)
        or bool(prompt_languages(line))
        # "Media playback is unsupported on your device", "@highlight", "Image copyright Getty Images"
        or is_site_furniture(line)
        or _SIGN_OFF.match(line)
    )


def _wordless(line: str) -> bool:
    """A table row or a figure ("0\t0.00\t0", "1,234.5 -0.3%"): fewer letters than other
    characters. Headlines are words ("G7 summit: 3 key points")."""
    letters = sum(ch.isalpha() for ch in line)
    return 2 * letters < len(line) - line.count(" ")


def tidy_title(title: str | None) -> str | None:
    """A title as given by a feed or a page, repaired as the text is: mojibake ("Pearsonâ€™s") and
    HTML entities ("AT&amp;T&#8217;s") fixed by ftfy, runs of whitespace (a newline, tabs) one space,
    and the site's name around it ("… | WTOP News", "… - BBC News") dropped (``without_site_name``).
    None when nothing is left. The text is cleaned later (factsieve.text.clean); the title was
    written as read."""
    if title is None:
        return None
    return without_site_name(" ".join(normalize_unicode(title)[0].split())) or None


# A page's <title> (and the feed title copied from it) often carries the site's name after a
# separator: "Council approves budget | WTOP News", "Storm warning issued - BBC News", "Rates rise ::
# example.com"; or before it: "BBC News - Storm …", "The Guardian: …". Only a segment that is
# clearly a name is dropped: a domain, or a short capitalised name with a word outlets are named by
# ("News", "Times", "Herald" …) or a well-known outlet's own name. A dash between content ("Biden -
# Putin summit ends without deal", "Q&A - What the rate rise means") has no such segment and stays.
# A title's separators need spaces on both sides: "Wal-Mart", "2-1" are words.
_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|·|•)\s+)")
_DOMAIN = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,10}", re.IGNORECASE)
_OUTLET_WORDS = frozenset(
    "news times post herald guardian journal tribune gazette telegraph independent mail express "
    "chronicle observer standard mirror press radio tv television online daily weekly magazine "
    "insider courier bulletin dispatch examiner inquirer sentinel monitor citizen register "
    "newspaper nachrichten zeitung tagesschau noticias diario periódico giornale corriere notizie "
    "nieuws krant jornal notícias".split()
)
# Outlets whose name has none of those words; a bare one after a separator is the site.
_OUTLET_NAMES = frozenset(
    "reuters bbc cnn npr cbs nbc abc ap afp bloomberg forbes politico axios vox slate wired "
    "vice buzzfeed huffpost euronews dw france24 spiegel welt faz repubblica lemonde liberation "
    "figaro elpais elmundo publico".split()
)
# Words a capitalised outlet name may join with ("The Wall Street Journal", "News & Observer").
_NAME_JOINERS = frozenset("the of and & de del la le el der die das di du".split())
_MAX_SITE_WORDS = 5


def _site_name(segment: str) -> bool:
    """``segment`` (one side of a title's separator) is a site's name."""
    if _DOMAIN.fullmatch(segment):
        return True
    words = segment.split()
    if not 0 < len(words) <= _MAX_SITE_WORDS:
        return False
    # A name is capitalised throughout: "WTOP News", "The Wall Street Journal"; "rising news" is not.
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS for w in words):
        return False
    folded = [w.lower().strip(".,'’") for w in words]
    if len(words) == 1:
        # "… - Reuters"; but "… - Radio", "… - Newspaper" say whom the story is from (wire style)
        return folded[0] in _OUTLET_NAMES
    return any(w in _OUTLET_WORDS or w in _OUTLET_NAMES for w in folded)


def without_site_name(title: str) -> str:
    """``title`` without a site-name segment at its end or start (see ``_site_name``); the title
    as it was when no segment is clearly a name, or when dropping it would leave under two words."""
    if title.isupper():
        # An all-capitals title is a wire headline, not a page's <title>; its dash names the source
        # of the news: "WAITE KIDNAPPED AS SPY - TEHRAN RADIO", "… - NY TIMES" (Reuters-21578).
        return title
    pieces = _SEPARATOR.split(title)  # segments with the separators between them
    if len(pieces) > 1:
        # the end first: "Headline - Section - Outlet" is more common than "Outlet - Headline"
        while len(pieces) > 1 and _site_name(pieces[-1]):
            del pieces[-2:]
        while len(pieces) > 1 and _site_name(pieces[0]):
            del pieces[:2]
        kept = "".join(pieces)
        return kept if len(kept.split()) >= 2 else title
    # "The Guardian: Storm …": a colon is a headline's own topic mark too ("Brexit: what next",
    # "BBC: licence fee to rise" is about the BBC), so only a name of two words or more with an
    # outlet word (not a bare acronym) before a capitalised rest is taken as the site.
    head, colon, rest = title.partition(": ")
    if (
        colon
        and len(head.split()) >= 2
        and _site_name(head)
        and rest[:1].isupper()
        and len(rest.split()) >= 2
    ):
        return rest
    return title


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _fragment(raw: str, following: str) -> bool:
    """The (unstripped) line ``raw`` is cut from a hard-wrapped paragraph the unwrapper left alone:
    it ends on a word no headline ends on ("Olin Corp said", "Brazil is not happy with the
    existing"), or it is in mixed case and the next line (``following``, unstripped, "" at the end)
    carries on in lower case at the same indent. A headline in capitals may be followed by anything
    ("DENVER PRODUCER PRICES" over "no1 hrw wheat ord 254-262"), and so may one over an indented
    block (a table)."""
    line = raw.strip()
    last = line.rsplit(None, 1)[-1].strip("\"'“”‘’()[],;:-–—").lower()
    if last in _FRAGMENT_END:
        return True
    nxt = following.lstrip()
    return nxt[:1].islower() and _indent(following) == _indent(raw) and not line.isupper()


def title_from_text(text: str) -> str | None:
    """The headline among the first lines of ``text``, skipping furniture; None when there is none."""
    head = "\n".join(text.lstrip().split("\n", _HEAD_LINES)[:_HEAD_LINES])
    title = _headline(head)
    if title is None:
        return None
    # Hard-wrapped wire copy: the first line of a wrapped paragraph can pass for a headline
    # ("Standard Oil Co and BP North America" over "Inc said …"); joined, the paragraph reads as
    # prose. Only the head is unwrapped (its line widths tell a wrapped text as well as the whole
    # text's do), and only when the lines as they are gave a title: most texts need no second look.
    unwrapped = unwrap(head)
    return title if unwrapped is head else _headline(unwrapped)


def _headline(head: str) -> str | None:
    """The first line of ``head`` that is not furniture, when it reads as a headline; else None."""
    seen = 0
    lines = [ln for ln in head.split("\n") if ln.strip()]
    for i, raw in enumerate(lines):
        line = raw.strip()
        seen += 1
        if seen > _MAX_LEAD_LINES:
            return None
        if _furniture(line):
            continue
        headline = (
            len(line) <= _MAX_TITLE_CHARS
            and len(line.split()) <= _MAX_TITLE_WORDS
            and not line.endswith(_SENTENCE_OR_ITEM_END)
            # '… under the symbol "THM."' ends as a sentence does, inside its closing quote (a
            # quoted headline trailing off, "'My memories of Marley...'", does not).
            and not _QUOTED_SENTENCE_END.search(line)
            # "Hey guys! Let's dive in." — two sentences on the line are prose, not a headline; the
            # segmenter decides, so the full stops of "U.S. SENATE PASSES …" or "Dr. Who" are not two.
            and not (re.search(r"[.!?]\s+\S", line) and len(split_sentences(line)) > 1)
            and not _CODE.search(_ENTITY.sub("", line))
            and not _wordless(line)
            and not _fragment(raw, lines[i + 1] if i + 1 < len(lines) else "")
        )
        return line if headline else None
    return None
