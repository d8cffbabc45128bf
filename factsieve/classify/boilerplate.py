"""Boilerplate cues: navigation labels, bylines, counters, legal lines — page furniture, not text."""

from __future__ import annotations

import re

from factsieve.classify.context import next_word
from factsieve.classify.cue import (
    Cue,
    new_cue,
    strip_cue,
)
from factsieve.classify.furniture_shapes import (
    FURNITURE_SHAPE_WORDS,
    SHORT_FIRST,
    furniture_line,
)
from factsieve.classify.headline_shapes import ends_on_place_name, headline_shape
from factsieve.classify.page_labels import PAGE_LABEL_COLON_GATE, PAGE_LABEL_GATE, PAGE_LABEL_PREFIXES
from factsieve.classify.page_lines import byline_shape, page_line, page_line_possible
from factsieve.classify.page_notices import (
    NOTICE_GATE,
    NOTICE_OPENING_GATE,
    NOTICE_OPENINGS,
    NOTICE_WORDS,
    page_notice,
    page_notice_possible,
)
from factsieve.classify.page_prompts import (
    PAGE_PROMPT_BIT,
    PAGE_PROMPT_PREFIXES,
    page_prompt,
    page_prompt_gate,
)
from factsieve.classify.page_prompts import (
    STOPS as PAGE_PROMPT_STOPS,
)
from factsieve.classify.prefilter import (
    _UNESCAPED_SPACE,
    CaseFreeRe,
    _candidates,
    _split_top_level,
    first_word,
    line_start_tokens,
    lowered,
    start_tokens,
    trigger_gate,
    words_of,
)

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_COUNTER_WORDS = "views|comments|shares|likes|reads"
_BOILERPLATE_PHRASES = r"""subscribe\ to\ (?:our|the)\ (?:newsletter|channel|feed)|sign\ up\ for\ our|follow\ us\ on
      |share\ (?:on|via)\ (?:facebook|twitter|x|whatsapp|linkedin|email)|click\ here|all\ rights\ reserved
      |privacy\ policy|terms\ of\ (?:use|service)|cookie\ (?:policy|settings)|accept\ cookies|\d+\s+min(?:ute)?\ read
      |copyright\ ©?|leave\ a\ (?:comment|reply)|print\ this|email\ this"""
_BOILERPLATE_RE = CaseFreeRe(
    r"""(?:\b\d[\d,.]*[km]?\s+(?:"""
    + _COUNTER_WORDS
    + r""")\b
    | ©\ ?\d{4}
    | \b"""
    + _MONTHS
    + r"""\s+\d{1,2},\s+\d{4}\b(?=\s+\d|\s*[-–|·•]|\s*$)
    | \b(?:"""
    + _BOILERPLATE_PHRASES
    + r""")\b
    )""",
    re.VERBOSE,
)
# Necessary conditions for a match of _BOILERPLATE_RE in ASCII text (no "©", so not the second
# branch), one per remaining branch: a counter word ("47 views") with a digit; a date tail
# "D, DDDD" (the month branch); a first word of a phrase ("privacy policy", "5 min read": "min"),
# with "all" only beside "rights" and "share" only beside "on"/"via". When none holds, finditer
# cannot match and is skipped (it scans every position: ~20 µs a sentence).
_COUNTER_WORD_SET = frozenset(_COUNTER_WORDS.split("|"))
_DATE_TAIL_RE = re.compile(r"\d,\s+\d{4}")
_PHRASE_START_WORDS = start_tokens(
    r"\b(?:"
    + "|".join(a for a in _split_top_level(_UNESCAPED_SPACE.sub("", _BOILERPLATE_PHRASES)) if a[0] != "\\")
    + r")\b"
) | {"min", "minute"}  # the one alternative that starts with digits: \d+\s+min(?:ute)?\ read
_PHRASE_REQUIRES = {"all": frozenset({"rights"}), "share": frozenset({"on", "via"})}


def boilerplate_possible(text: str, words: frozenset[str]) -> bool:
    """False only when _BOILERPLATE_RE cannot match the ASCII ``text`` (see above)."""
    digit = DIGIT_RE.search(text) is not None
    if digit and words.gates & _COUNTER_WORD_SET_GATE:
        return True
    if digit and _DATE_TAIL_RE.search(text) is not None:
        return True
    return any(
        w not in _PHRASE_REQUIRES or not words.isdisjoint(_PHRASE_REQUIRES[w])
        for w in words & _PHRASE_START_WORDS
    )


# Whole-line navigation labels: only when the line is (almost) nothing but the label.
_BOILERPLATE_LINE_RE = re.compile(
    r"""\s*(?:related\ (?:news|posts?|articles?|stories|content|reading)|lat?e?st\ news|lastest\ news|read\ more
      |read\ next|recommended(?:\ for\ you)?|trending(?:\ now)?|popular\ posts?|more\ from\ [\w\ ]{1,30}|see\ also
      |you\ may\ also\ like|advertisement|sponsored(?:\ content)?|share\ this(?:\ article|\ story|\ post)?|share
      |tags?:.*|categories:.*|filed\ under.*|previous\ (?:article|post)|next\ (?:article|post)|back\ to\ top
      |skip\ to\ (?:main\ )?content|loading\.*|menu|home|posted\ (?:by|on|in)\ .{1,60}|published\ (?:by|on)\ .{1,60}
      |written\ by\ .{1,60}|by\ [A-Z][a-z]+\ [A-Z][a-z]+|comments?(?:\ \(\d+\))?)\s*[:.!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
BOILERPLATE_TRIGGERS = frozenset(
    """views comments shares likes reads subscribe sign follow share click rights privacy terms cookie cookies
    min minute copyright leave print email""".split()
) | (NOTICE_WORDS - {"about"})  # round 10 (page_notices.py; "About …:" lines reach it by their prefix)
MONTH_WORDS = MONTH_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december""".split()
)
# For ASCII text the line pattern can only match when the line's first word is one of these.
BOILERPLATE_LINE_WORDS = line_start_tokens(_BOILERPLATE_LINE_RE)
_LEADING_WORD = re.compile(r"\s*([A-Za-z]+)")


def starts_with_line_word(text: str) -> bool:
    """For ASCII text: False when _BOILERPLATE_LINE_RE cannot match, because the first word (the
    maximal run of letters after leading whitespace, which a match starts with) is not one of
    BOILERPLATE_LINE_WORDS. "by", "more", "read" are common words; as first words they are rare."""
    m = _LEADING_WORD.match(text)
    return m is not None and m.group(1).lower() in BOILERPLATE_LINE_WORDS


DIGIT_RE = re.compile(r"\d")
_NO_LETTERS = re.compile(r"^[^A-Za-z]*$")


_COUNTER_MATCH = re.compile(r"\s*\d[\d,.]*[km]?\s+(?:" + _COUNTER_WORDS + r")\s*$", re.IGNORECASE)
# Words that make a line prose rather than page furniture (bylines keep "by", "on", "at").
_PROSE_WORDS = frozenset(
    """the a an of and to in is that for it was with as be this are from have has not or but were had which
    their they its his her will would been also than who he she we i you our my your each""".split()
)
_META_SEPARATOR = re.compile(r"[|·•]")


def _counter_is_metadata(text: str, words: frozenset[str]) -> bool:
    """A counter ("47 views", "1.2k shares") is page furniture on a metadata line — separated by
    "|", "·" or "•", or with no function word and at most three other words ("John Smith 47 views")
    — not in a sentence: "The company bought 500,000 shares of the stock" reports a fact."""
    if _META_SEPARATOR.search(text):
        return True
    return not words.gates & _PROSE_WORDS_GATE and len(words - _COUNTER_WORD_SET) <= 3


def boilerplate_cues(text: str, words: frozenset[str] | None = None) -> list[Cue]:
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    ascii_text = text.isascii()
    # ASCII text: the line pattern needs its first word in the sentence, and letters mean words.
    if len(text) <= 80 and (
        not ascii_text or (words.gates & _BOILERPLATE_LINE_WORDS_GATE and starts_with_line_word(text))
    ):
        m = _BOILERPLATE_LINE_RE.match(text)
        if m:
            body = text.strip()
            start = len(text) - len(text.lstrip())
            out.append(new_cue("boilerplate", body, start, start + len(body)))
            return out
    # A byline date ("Nov 14, 2025 47 Views") only counts on a short line; prose dates are content.
    byline = len(text) <= 120 and words.gates & _MONTH_WORDS_GATE and DIGIT_RE.search(text) is not None
    if (byline or "©" in text or words.gates & _BOILERPLATE_TRIGGERS_GATE) and (
        not ascii_text or boilerplate_possible(text, words)
    ):
        out.extend(
            strip_cue("boilerplate", m, text)
            for m in _BOILERPLATE_RE.finditer(text)
            if not _COUNTER_MATCH.match(m.group(0)) or _counter_is_metadata(text, words)
        )
    if not out and (not words if ascii_text else _NO_LETTERS.match(text)) and text.strip():
        out.append(_whole(text))
    if not out and furniture_possible(text, words):
        out = _furniture_line(text, words)
    if not out and page_line_possible(text, words) and page_line(text, words):
        out = [_whole(text)]
    if not out and (
        words.gates & NOTICE_GATE
        or text[:6] == "About "
        or text[-1:] in _DASH_ENDS
        or (words.gates & NOTICE_OPENING_GATE and text.startswith(NOTICE_OPENINGS))  # round 12
    ):
        # round 10 (page_notices.py; its first test, inlined: asked of every sentence that gets here)
        out = [_whole(text)] if page_notice_possible(text, words) and page_notice(text) else []
    if not out and (
        # round 14 (page_prompts.py): its first tests, inlined — asked of every sentence with no cue so far
        words.gates & PAGE_PROMPT_BIT
        or text[:4] in PAGE_PROMPT_PREFIXES
        or text[-1:] not in PAGE_PROMPT_STOPS
        or "? " in text
        or ":" in text[:24]
    ):
        out = [_whole(text)] if page_prompt(text, words) else []
    return out


# --------------------------------------------------------------------------- page furniture
#
# Lines a page wraps around the article: bylines, timestamps, headings and section titles,
# breadcrumbs, "Read more:" teasers and share/comment prompts. None of them is a claim, so they are
# boilerplate and do not count as support in a document's label ratios.

# "By Daniel Okoye, Political Correspondent", "Reporting by Ana Silva; editing by Ed Lee": after "by"
# only names, roles and connectors — no lower-case word of a sentence ("By Tuesday, the waters had
# receded" is a sentence).
# A credit may join two roles ("Words and photographs by Lena Hart", "Text and pictures by …").
_BYLINE_ROLE = (
    r"(?:written|reported|reporting|words|story|text|photos?|photographs|pictures|additional\s+reporting|editing"
    r"|edited|compiled|video|graphics|interviews?|produced|production|illustrations?|design|research|data|animation)"
)
_BYLINE_RE = re.compile(
    rf"\s*\(?(?:{_BYLINE_ROLE}(?:\s*(?:,|and|&)\s*{_BYLINE_ROLE})*\s+)?by\s+(?=\S)",
    re.IGNORECASE,
)
_BYLINE_WORDS = frozenset(
    """by and staff writer writers reporter reporters correspondent correspondents editor editors editing edited
    additional reporting photos photo photographs video graphics in at for of the news our with from de van von
    da del la le bin al contributor contributors desk team agencies agency wire""".split()
)
_BYLINE_FIRST_WORDS = frozenset(
    """by written reported reporting words story text photo photos photographs additional editing edited compiled
    video graphics interview interviews produced production illustration illustrations design research data
    animation pictures""".split()
)
# A timestamp line: only dates, times, time zones and the words around them.
_TIME_WORDS = MONTH_WORDS | frozenset(
    """mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
    updated update published posted last modified first edited on at ago just now minutes minute mins min date
    hours hour hrs hr days day seconds secs weeks week months month am pm a m p gmt bst est edt cst cdt pst pdt
    mst mdt cet cest utc et pt ct ist jst aest aedt sast eat wat msk hkt sgt local time th st nd rd read""".split()
)
_TIME_LINE_WORDS = frozenset(
    "updated published posted modified ago gmt bst est edt cet cest utc et pt ist jst aest am pm".split()
)
# Letters of any script: a name with a diacritic ("Inês Valente") is one word, not "In" and "s".
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
# Headings, section titles, breadcrumbs: a short line that does not end as a sentence does, starts
# with a capital and holds no figure ("Key points", "What happens next", "Home » World » Europe").
_SENTENCE_END = frozenset(".!?…:;,\"”’')]")
_HEADING_MAX_WORDS = 10
# A teaser or section label before a colon: "Read more: Why rates fell", "Watch: Drone footage …",
# "Photos: Inside the new stadium" (a gallery link). Not "Photo:"/"Image:" alone: after it comes a
# credit (boilerplate, _is_credit) or a caption describing the picture, which is content.
_TEASER_RE = re.compile(
    r"\s*(?:read\s+more|related|see\s+also|also\s+read|read\s+also|watch|video|listen|more|photos|gallery"
    r"|live|explainer|factbox|timeline|read\s+next|must\s+read|recommended|trending|in\s+pictures"
    r"|(?:photo|image|picture|video)\s+(?:credits?|courtesy)|credits?|next\s+(?:article|story|up)"
    r"|previous\s+(?:article|story)|up\s+next)\s*:",
    re.IGNORECASE,
)
# Share and comment prompts in their common wordings: "Send this article to a friend", "Let us know in
# the comments what you think", "Join the conversation", "Click to share on Twitter".
_SHARE_RE = re.compile(
    r"(?:^|[.?!]\s)\W*(?:share|send|forward|email|e-mail|tweet|pass|post)\s+(?:this|it|the\s+(?:story|article|link|post))\b"
    # calls to act on the page: subscribe, like, tip off the newsroom, the comment form
    r"|^\W*(?:subscribe|sign\s+up|log\s+in|register\s+now|like\s+and\s+(?:share|subscribe))\b"
    # round 6b: the call after a pitch ("Join 250,000 readers getting our weekly tips — sign up free.")
    r"|[—–|]\s*(?:sign\s+up|subscribe|register)(?:\s+(?:free|now|today|here|for\s+free))?\W*$"
    r"|\b(?:hit|click|tap|smash|press)\s+(?:the\s+|that\s+)?(?:like|subscribe|follow|share|bell)\s+(?:button|icon)\b"
    r"|\bhave\s+a\s+(?:news\s+)?tip\b|\bcontact\s+(?:our|the)\s+newsroom\b|\bsend\s+us\s+(?:your\s+)?(?:news\s+)?tips\b"
    r"|\bcomments\s+(?:are|have\s+been)\s+(?:now\s+)?(?:closed|disabled|turned\s+off)\b"
    r"|\bshare\s+your\s+(?:experiences?|stor(?:y|ies)|thoughts|views|photos)\s+with\s+us\b|\bthe\s+form\s+below\b"
    r"|\bsharing\s+this\s+(?:story|article|post|page|piece)\b|^\W*spread\s+the\s+word\b"
    r"|\b(?:in|to|into)\s+the\s+comments?(?:\s+section)?\s*(?:below\b|[.!]|$|and\s+(?:we|I)(?:['’]ll|\s+will)\b)"
    r"|\bcomments?\s+(?:section\s+)?below\b"
    # round 6b: a rating prompt ("Did you find this guide useful? Rate it below.")
    r"|\brate\s+(?:it|this\s+(?:article|guide|story|post|page))\s+(?:below|here|now)\b"
    r"|\b(?:let\s+us\s+know|tell\s+us)\b[^.]*\bcomments?\b"
    r"|\b(?:leave|post|drop|add|write)\s+(?:a|your|us\s+a)\s+(?:comment|thoughts?|views?|reply)s?\b"
    r"|\bjoin\s+the\s+(?:conversation|discussion|debate)\b|\bhave\s+your\s+say\b|\btweet\s+us\b"
    r"|\byour\s+(?:views|thoughts|comments)\s+(?:on\s+this\s+(?:story|article)\s+)?below\b"
    r"|\bclick\s+to\s+(?:share|email|print)\b|\bopens\s+in\s+(?:a\s+)?new\s+window\b"
    r"|^\W*share\s+on\s+\w+"
    # round 5d, a live blog's furniture: "Copy link to this post"
    r"|^\W*copy\s+(?:the\s+)?link(?:\s+to\s+(?:this|the)\s+(?:post|article|story|page|update))?\W*$",
    re.IGNORECASE,
)
_SHARE_WORDS = frozenset(
    """share sharing send forward email tweet pass post spread comment comments conversation discussion debate
    thoughts views click window subscribe sign log register like button icon tip tips newsroom closed form
    copy rate""".split()
)
# "have your say": "say" alone is too common to gate on.
_SAY_YOUR = frozenset({"say", "your"})

# _SHARE_RE.search costs ~70 us on a sentence (two dozen case-insensitive alternatives tried at every
# position; ~8% of classify's time before round 6d). For ASCII text the same matches come from a
# case-sensitive copy run on the lower-cased text (the one upper-case literal, "I", lower-cased),
# tried only where a match can start: the string start, a mark ".?!|" that opens an alternative ("—"
# and "–" are not ASCII), or a whole word listed below (the first word of every "\b" alternative).
# Pattern.match at those offsets, left to right, gives search's first match: \b, ^ and lookarounds
# see the whole string.
_SHARE_LOW_RE = re.compile(_SHARE_RE.pattern.replace("|I)", "|i)"))
_SHARE_START_WORDS = frozenset(
    """hit click tap smash press have contact send comments comment share the sharing in to into rate let
    tell leave post drop add write join tweet your opens""".split()
)
_SHARE_START_MARKS = re.compile(r"[.?!|]")


def _share_prompt(text: str, words: frozenset[str]) -> re.Match[str] | None:
    """``_SHARE_RE.search(text)``, by candidate offsets for ASCII text (see _SHARE_LOW_RE)."""
    if not text.isascii():
        return _SHARE_RE.search(text)
    low = lowered(text)
    starts = _candidates(low, low, words & _SHARE_START_WORDS)
    starts.extend(m.start() for m in _SHARE_START_MARKS.finditer(low))
    starts.append(0)
    match = _SHARE_LOW_RE.match
    for p in sorted(set(starts)):
        m = match(low, p)
        if m is not None:
            return m
    return None


# For ASCII text the teaser pattern can only match when the line's first word is one of these.
_TEASER_WORDS = line_start_tokens(_TEASER_RE)
_PROMPT_VERBS = frozenset(
    "share send forward email tell let drop leave post join write pass pin bookmark tag message"
    # round 12 (r32): a donation prompt after the question, "Enjoyed this piece? Buy us a coffee …"
    " buy".split()
)
# Words without which none of the widget, credit, notice and prompt lines below can match.
# The words of the lines about the article or its author (_ABOUT_PAGE_RE, _BIO_RE).
_ABOUT_GATE = frozenset(
    """covers writes reporter correspondent editor writer columnist journalist critic contact email follow reach views
    opinions affiliate commission substitute information informational helpful useful teaches lectures hosts co-hosts
    presents edits researches author reviewed reviewer advice links write written covered tipped sketchwriter tested""".split()
)
_NOTICE_WORDS = (
    frozenset(
        """photo photos photograph photographs image images picture pictures illustration graphic credit credits
    listen play audio read reading minute minutes min mins updated amended corrected edited revised changed
    correction corrections clarification clarifications appended note newsletter newsletters subscriber
    subscribers subscribe subscription member members inbox cookies articles stories journalism email
    reached reuters ap afp epa getty xinhua bloomberg upi""".split()
    )
    | _ABOUT_GATE
)
# The words without which _STOCK_LINE_RE (below) cannot match.
_STOCK_GATE = frozenset("wire agency publication writing press letters watch also".split())
# Round 6c (r9, r10, r11, r12): notes about the page and calls to follow the outlet, each writer in
# other words — how the piece was made ("This interview has been edited and condensed for clarity.",
# "This content was supplied by …", "This article is based on a company press release …", "A review
# copy was provided by the publisher.", "Odds correct at time of publication.", "Advertiser
# disclosure: …"), the outlet's channels ("Join our Telegram channel …", "For more harvest updates,
# visit our Arable hub.", "Want more celebrity news? Get our … newsletter.", "Catch all the … News
# on The Commerce Standard.", "Not subscribed yet? Sign up here.") and widgets ("Loading comments…",
# "Tap the heart to save this story.", a star rating, "T&Cs apply"). Each opens the line: the same
# words inside a story's sentence ("The minister's interview was edited …") are content.
_PAGE_NOTE_RE = re.compile(
    r"\W*(?:this\s+(?:interview|content|article|story|piece|conversation|transcript|q&a)\s+(?:has\s+been|was|is|have\s+been)"
    r"\s+(?:(?:lightly\s+)?edited\s+(?:and\s+condensed\s+)?for\s+(?:clarity|length|style)|condensed|supplied\s+by|provided\s+by"
    r"|sponsored\s+by|based\s+on\s+(?:a|an)\s+(?:company\s+)?(?:press\s+release|statement)"
    r"|updated\s+on\s+[\w.]+\s+\d{1,2}\s+to\s+correct\s+(?:a|an|the)\s+\w+\W*$)"
    r"|(?:a|the)\s+review\s+(?:copy|unit|sample|model|product|pair)\s+was\s+(?:provided|supplied|loaned|lent|sent)\s+by\b"
    r"|(?:odds|prices?)\s+(?:are\s+)?correct\s+at\s+(?:the\s+)?time\s+of\s+(?:publication|writing|going\s+to\s+press)"
    r"|(?:advertiser|affiliate|editorial|advertising)\s+disclosure\s*:"
    r"|(?:join|follow)\s+(?:us\s+on\s+|our\s+)(?:[\w-]+\s+){0,2}(?:channel|group|page|community)\b"
    r"|(?:for\s+more\s+[^,.]{1,40},\s+)?visit\s+our\s+(?:[\w-]+\s+){0,3}(?:hub|page|section|website|site|channel)\b"
    r"|want\s+more\s+[^?.]{1,40}\?\s+(?:get|sign\s+up\s+(?:to|for))\s+our\b"
    r"|catch\s+all\s+the\s+[^.]{0,100}?\b(?:news|updates)\s+on\s+(?:the\s+)?[A-Z]"
    r"|not\s+(?:subscribed|signed\s+up|a\s+subscriber)\s+yet\?\s+(?:sign\s+up|subscribe)\b|sign\s+up\s+here\W*$"
    r"|loading\s+(?:more\s+)?comments\W*$|tap\s+the\s+\w+\s+(?:icon\s+|button\s+)?to\s+(?:save|share|follow|like|bookmark)\b"
    r"|rating\s*:\s*[★☆])",
    re.IGNORECASE,
)
_TCS_APPLY = re.compile(r"\bT\s*&\s*Cs\s+apply\b", re.IGNORECASE)
# Each note opens on one of these words (the regex is tried only then: "This", "A" and "The" open many
# sentences, so they need the note's own noun in the line too).
_PAGE_NOTE_FIRST = frozenset(
    "odds price prices advertiser affiliate editorial advertising join follow for visit want catch not sign loading tap rating".split()
)
_NOTE_SUBJECTS = frozenset("interview content article story piece conversation transcript q".split())


def _page_note(text: str, words: frozenset[str]) -> bool:
    if "&" in text and _TCS_APPLY.search(text) is not None:
        return True
    m = _LEADING_WORD.match(text)
    if m is None:
        return False
    first = m.group(1).lower()
    if first == "this":
        gate = bool(words.gates & _NOTE_SUBJECTS_GATE)
    elif first in ("a", "the"):
        gate = "review" in words
    else:
        gate = first in _PAGE_NOTE_FIRST
    return gate and _PAGE_NOTE_RE.match(text) is not None


# Every word some line of page_furniture_cues needs. furniture_possible asks for the teaser words
# only as an ASCII line's first word (the teaser pattern is anchored there, _TEASER_WORDS is derived
# from it): "in", "more", "up", "see" are in half the short sentences, as first words they are rare.
# The other tables count anywhere.
_FURNITURE_ANYWHERE = (
    _TIME_LINE_WORDS
    | _SHARE_WORDS
    | _BYLINE_FIRST_WORDS
    | {"contributed"}
    | _PROMPT_VERBS
    | _NOTICE_WORDS
    | _STOCK_GATE
)
FURNITURE_TRIGGERS = _FURNITURE_ANYWHERE | _TEASER_WORDS


# A share or comment prompt by its shape rather than its wording: the sentence opens with an
# imperative of passing on or responding ("Share", "Send", "Tell", "Drop", "Leave", after an optional
# "Please"/"So,"/"Why not"/"Don't forget to"), the verb's object is the reader's own or the page's
# ("your", "this", "us", "a"), and the sentence names the page or the reader's response (article, story,
# link, thoughts, views, comments, friend, below) or asks what the reader thinks. "Share prices fell"
# (a noun after the verb), "Send the troops home" (no page word) are no prompt. (_PROMPT_VERBS is
# defined with FURNITURE_TRIGGERS above.)
_PROMPT_LEAD = re.compile(
    r"\W*(?:(?:please|so|and|now|why\s+not|don['’]t\s+forget\s+to|be\s+sure\s+to|feel\s+free\s+to),?\s+)?"
    r"(?P<verb>[A-Za-z]+)\s+(?P<obj>[A-Za-z]+)\b",
    re.IGNORECASE,
)
_PROMPT_OBJECTS = frozenset("your this it us me the a these our".split())
_PAGE_WORDS = frozenset(
    """article articles story stories link post page piece thoughts views comments comment friend friends below
    feedback opinion opinions experience experiences guide guides list checklist recipe trip later""".split()
)
_READER_THINKS = re.compile(r"\byou\s+(?:think|feel|make\s+of)\b", re.IGNORECASE)
_PROMPT_MAX_WORDS = 20


def _prompt_to_reader(text: str, words: frozenset[str]) -> bool:
    m = _PROMPT_LEAD.match(text)
    asked = False
    if (m is None or m.group("verb").lower() not in _PROMPT_VERBS) and "? " in text:
        # Round 11 (r28, r30, r31): the prompt after a question put to the reader, "Enjoyed this piece?
        # Drop us a line at …", "Who should be next …? Tell us below the line.", "Baked a batch? Tag me …"
        m = _PROMPT_LEAD.match(text, text.rfind("? ") + 2)
        asked = True
    if (
        m is None
        or m.group("verb").lower() not in _PROMPT_VERBS
        or m.group("obj").lower() not in _PROMPT_OBJECTS
    ):
        return False
    if len(text.split()) > _PROMPT_MAX_WORDS or DIGIT_RE.search(text) is not None:
        return False
    if (
        asked
        and m.group("obj").lower() in _ASKED_OBJECTS
        and m.group("verb").lower() != "let"
        and next_word(text, m.end()) not in _NOT_AN_ANSWER
        and _SPEECH_TAIL.search(text, m.end()) is None
    ):
        return True  # asked, then told to answer the page ("What next? Let me explain." is filler, "Why
        # did they wait? Tell me that." a columnist's challenge)
    return bool(words.gates & _PAGE_WORDS_GATE) or _READER_THINKS.search(text) is not None


_ASKED_OBJECTS = frozenset(("us", "me"))
_NOT_AN_ANSWER = frozenset("that this why how what where when who which".split())
# A comma or a quotation mark after the imperative: someone's words with their speaker ('Who started it?
# Tell us the truth," the judge told the boy.'), not the page's prompt.
_SPEECH_TAIL = re.compile(r"[,\"“”]|['’]\s")


def _whole(text: str) -> Cue:
    body = text.strip()
    start = len(text) - len(text.lstrip())
    return new_cue("boilerplate", body, start, start + len(body))


# Round 16 (r41): the writer's beat and role in lower case between "By" and the name ("By weather reporter Josh …",
# "By health correspondent Priya …"); a name must follow.
_ROLE_BEFORE_NAME = re.compile(
    r"(?:[a-z]+\s+){0,2}(?:reporter|correspondent|editor|writer|columnist|journalist|critic|photographer)\s+(?=[A-Z])"
)


def _is_byline(text: str) -> bool:
    m = _BYLINE_RE.match(text)
    if m is None or len(text) > 160:
        return False
    rest = text[m.end() :]
    if rest[:1].islower():
        role = _ROLE_BEFORE_NAME.match(rest)
        if role is not None:
            rest = rest[role.end() :]  # round 16 (r41): "By weather reporter Josh Marangoni-Teale"
    return bool(rest[:1].isupper() or rest[:5].lower() == "staff") and all(
        w[0].isupper() or w.lower() in _BYLINE_WORDS for w in _LETTER_RUNS.findall(rest)
    )


# A date alone ("April 17.") is often the tail of a hard-wrapped sentence, and a month with figures
# a row of a price table ("Sep 9262 9262 9260"); a timestamp line also has a year, a clock time with
# its zone, "ago" or a publishing word.
_CLOCK_MARK = re.compile(r"\d[:.]\d\d|\b(?:ago|updated|published|posted|modified)\b", re.IGNORECASE)
_TIMESTAMP_MARK = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:ago|updated|published|posted|modified)\b"
    r"|\d[:.]\d\d\s*(?:[ap]\.?m\b|gmt|bst|est|edt|cet|cest|utc|et|pt|ist|jst|hrs)",
    re.IGNORECASE,
)


# A live blog's post marker (round 5d): "Key event 11:47", "Pinned post 09:05" — a label and a clock
# time, nothing else.
_LIVE_POST_MARK = re.compile(r"\s*(?:key\s+events?|pinned(?:\s+post)?)\s+\d{1,2}[:.]\d\d\s*$", re.IGNORECASE)
_LIVE_POST_WORDS = frozenset("key pinned".split())


# A time zone not in the list, by its shape (round 6): capitals ending in "T" right after a clock time
# ("Sun 15 Feb 2026 16.55 GST", "09:30 AEST", "7:42 PKT"). Any other unknown word makes it a sentence.
_ZONE_AFTER_CLOCK = re.compile(r"\d[:.]\d\d\s*(?:[ap]\.?m\.?\s+)?([A-Z]{1,4}T)\b")


def _zone_abbreviations(text: str, unknown: frozenset[str]) -> bool:
    zones = {z.lower() for z in _ZONE_AFTER_CLOCK.findall(text)}
    return bool(zones) and unknown <= zones


def _is_time_line(text: str, words: frozenset[str]) -> bool:
    if words.gates & _LIVE_POST_WORDS_GATE and _LIVE_POST_MARK.match(text) is not None:
        return True
    if len(text) > 80 or not words or DIGIT_RE.search(text) is None:
        return False
    if not words <= _TIME_WORDS and not _zone_abbreviations(text, words - _TIME_WORDS):
        return False
    # "February 1986." closing a line is the tail of a hard-wrapped sentence; a timestamp line
    # does not end with a full stop unless it names a clock time or a publishing word.
    if text.rstrip().endswith("."):
        return _CLOCK_MARK.search(text) is not None
    return _TIMESTAMP_MARK.search(text) is not None


# A line that stops on one of these is a sentence cut by a line break (hard-wrapped wire copy:
# "The Group of Seven industrialised" / "It said it has been"), not a heading.
_FRAGMENT_END = frozenset(
    """the a an of to and or but in on at for with by from as that which who whom whose is are was were be
    been being has have had will would could should may might must can said says say told it its their his
    her this these those than into about over after before under between no not also if when while our
    your my we they he she i you there""".split()
)
_SHORT_HEADING_WORDS = 4
_BREADCRUMB_MARKS = re.compile(r"[»›>|]")


# Words that start or carry a sentence, not a heading: a line that opens with a determiner or pronoun,
# or holds a finite verb of reporting, is a sentence cut by a line break ("The company", "It said the
# licenses", "Officials said the complementary").
_NOT_HEADING_FIRST = frozenset(
    "the a an its his her their this that these those it he she they we i you as but and or so if when "
    "while which who".split()
)
_SENTENCE_VERBS = frozenset(
    "said says told is are was were has have had will would could should may might can must believes expects "
    "reported announced added".split()
)


# A headline asked in Title Case ("Will Mortgage Rates Finally Fall in 2025?", "Can Anyone Stop
# Manchester City This Season?"): every word of four letters or more is capitalised, at least three of
# them, and the line is short. A question in prose has lower-case verbs and nouns ("What does this mean
# for Manchester United?"). Figures are allowed here: a year in a headline is common.
_TITLE_QUESTION_MIN_LONG = 3
_TITLE_QUESTION_MAX_WORDS = 14


def _title_case_question(body: str) -> bool:
    tokens = body[:-1].split()
    if not tokens or len(tokens) > _TITLE_QUESTION_MAX_WORDS or not tokens[0][:1].isupper():
        return False
    long_words = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    return len(long_words) >= _TITLE_QUESTION_MIN_LONG and all(w[0].isupper() for w in long_words)


_WH_WORDS = frozenset("what who how why where".split())
_WH_HEADING_MAX_WORDS = 7


# A headline in sentence case ("Council votes to close two libraries as budget gap widens", "Daily
# walking linked to lower dementia risk, large study finds", "Election night: Reyes holds narrow lead",
# "Former manager sentenced to 5 years for fraud"): every blind writer (rounds 2 to 6) labels such
# lines boilerplate, in Title Case or not. A line without a sentence mark is not enough: Reuters copy
# keeps thousands of lines cut from a wrapped sentence ("Japan bought 5,000 tonnes of Canadian") and
# results-table rows ("Shr 34 cts vs 1.19 dlrs"). So the line must read as headlinese — no article
# run, no auxiliary or past reporting verb, few figures — and show one construction of headlines: a
# short label and a colon, a trailing "as"-clause ("… as budget gap widens", "… as fuel costs climb"), a source
# trailing in the present (", study finds", ", police say"), a spaced dash, or a bare participle of
# news ("… sentenced to", "… linked to", "… set for"). On the 22k corpus these lines are BBC titles.
_HEADLINE_MIN_WORDS = 5
_HEADLINE_MAX_WORDS = 16
_NOT_HEADLINESE = frozenset(
    """said told had was were would has have been did added noted claimed reported is are be which that who
    whom whose vs vs. pct cts dlrs mln""".split()
)
_NOT_HEADLINE_FIRST = frozenset(
    """he she it they we i you but and or although though while when if as because which who whose whom
    there in on at for of after before each note notes""".split()
)
_ARTICLES = frozenset(("the", "a", "an"))
# A short label and a colon; the label may be a score ("Harwick 2–1 Dunmore: …", with an en dash).
_HEADLINE_LABEL = re.compile(r"[A-Z0-9][\w'’–-]*(?:\s+[\w'’–-]+){0,3}:\s+\S")
# An obituary head keeps its apposition, relative clause and all ("Ruth Adeyemi, pioneering heart surgeon
# who trained a generation of doctors, dies at 88"): the closing "dies at" + age decides before the
# headlinese test, which a "who" would fail. Prose says "died at 88." with a full stop.
_HEADLINE_OBITUARY = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},?\s.*\bdies\s+(?:at|aged)\s+\d{2,3}$"
)
# A service or review head with its deck after a colon (round 5d; r7, r8): "How to cut your energy bill
# this winter: 14 tips that actually work", "The best budget laptops under £500 in 2026: tested and
# ranked", "‘The Salt Road’ review: a slow-burning desert thriller …", "Sketch: Chancellor's big day
# ends with a whimper …". The label decides before the headlinese test, which the deck's articles and
# "that" would fail; the line still has no sentence mark at its end (_is_headline).
_HEADLINE_DECK = re.compile(
    r"(?:how\s+to\s+[^:]{5,60}|the\s+(?:\d+\s+)?best\s+[^:]{3,60}|what['’]s\s+(?:in|on|new)\s+[^:]{3,60}"
    r"|[‘“\"'][^’”\"':]{2,60}[’”\"']\s+(?:review|recap)|(?:sketch|review|recap|explainer|analysis))"
    r":\s+\S",
    re.IGNORECASE,
)
# The headline's present tense for a past event: a bare name subject (one to four capitalised words, or
# two names joined by "and"), then a finite verb in the present, then its object ("Lumo unveils Pulse 3
# earbuds with 40-hour battery …", "Mira Kessler and Theo Vance spark engagement rumours at Venice
# premiere"). A single subject takes the verb's -s form; prose would use the past ("unveiled") or a
# full stop, and a line cut from wrapped wire copy ends on a function word or a capitalised word cut
# mid-name ("… of Canadian"), so the line must also end on a lower-case content word or a figure.
# Round 9 (r12, r17): an institution's name may hold "of" ("Bank of England holds rates at 5.25%", "Board of
# Regents approves …").
_HEADLINE_PRESENT = re.compile(
    r"^(?P<subj>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z0-9][\w'’.-]*){0,3})"
    r"(?P<pair>\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s"
)
# A possessive subject may go on in lower case for up to two words ("Norway's krone hits …", "India's
# central bank cuts …"): the verb is looked for among the first three words after the capitalised run.
_SUBJECT_TAIL_WORDS = 2
# Round 10 (r19, r25: "AR7 offshore wind auction clears at …", "Heated school board meeting
# ends with …"): a plain name's subject may run to three lower-case words, compounds and a gerund noun
# included; the -s verb is still required after them.
_PLAIN_SUBJECT_TAIL_WORDS = 3
# After a verb that far in, the object must open plainly: a preposition, a determiner or a figure.
_OBJECT_OPENERS = frozenset(
    "at with to for in on over after by from into as the a an its their new record".split()
)
# The "verb" is a plural noun when a verb follows it ("Chrysler Corp shares rose sharply in heavy trading").
_VERB_AFTER = frozenset(
    """rose fell grew won lost said told were are will would could may might can should must have had did do
    remain remained rise fall gain climb drop ease edge slip jump slump expect believe think show feel""".split()
)
# After the verb of a headline comes its object or a preposition ("Dollar gains on Greenspan speech",
# "India calls for fair trade rules"); an auxiliary, pronoun or conjunction there marks a noun run cut
# from a sentence ("Public comments by Fed officials suggest", "Australia and Canada could then …").
_NOT_AFTER_VERB = frozenset(
    """by and or but than as of that which who whom whose is are was were be been being has have had will would
    could should may might must can said says say told it its he she they we i you there then if because when
    while although though what estimate forecast""".split()
)
# Reporting and forecast verbs open a wrapped wire sentence more often than a headline ("Imperial
# Chemical Industries PLC expects earnings from its pharmaceuticals operations to grow"); a table row
# ends on a unit ("… and 29 francs per").
_NOT_HEADLINE_VERB = frozenset(
    "expects believes thinks estimates forecasts predicts expect believe think estimate forecast predict feel say".split()
)
_QUANTIFIERS = frozenset("such many much some all most few several any each every".split())
# A sentence's openers that no headline subject takes: a wh-word, a quantifier, a preposition.
_NOT_SUBJECT_FIRST = _QUANTIFIERS | frozenset(
    "what despite amid with without under over from since until following during among unlike like".split()
)
_PAST_OR_AUX = frozenset(
    "rose fell grew won lost said told were was are will would could may might can should must have had did do remained".split()
)
_PAST_LATER = frozenset("fell rose was were had said earlier".split())
_NOT_HEADLINE_LAST = frozenset(
    "per pct than via grow rise fall show because include last around about nearly rising falling growing".split()
)
_NOT_PRESENT_VERB = frozenset(
    """is has was says does goes its this thus plus less news series means always perhaps towards
    afterwards across whereas yes could would should might must can will may shall did had between among earlier
    later after before during within without against toward""".split()
)
_HEADLINE_SHAPES = re.compile(
    r"(?<!\bmuch\s)(?<!\bmany\s)(?<!\bwell\s)(?<!\blong\s)(?<!\bsoon\s)(?<!\bfar\s)"
    r"\bas\s+(?!much\b|many\b|well\b|long\b|soon\b|far\b)(?:[a-zA-Z'’-]+\s+){1,4}[a-z]+(?:\s+[\d–-]+)?$"
    r"|,\s+(?:[\w'’-]+\s+){0,3}(?:finds|says|say|shows|suggests|warns|warn|claims|reveals)$"
    r"|\s[—–]\s"
    r"|^[A-Z0-9][\w'’-]*(?:\s+[\w'’$.,-]+){0,5}?\s+(?:sentenced|jailed|charged|fined|cleared|linked|banned"
    r"|arrested|convicted|acquitted|named|hit|set|killed|injured|rescued|freed|elected|sacked|suspended"
    r"|axed"
    # round 5d (r7, r8): "Rail operator boss grilled by MPs over …", "Rare red panda cub born at Fenwick
    # Zoo, …", "Orbis Nest 3 launched with on-device AI …"
    r"|born|launched|grilled|unveiled|recalled|scrapped|criticised|criticized|praised|hailed|slammed|blamed"
    r"|approved|rejected|delayed|honoured|honored|evacuated|stranded|spotted|discovered|sold|bought)"
    r"\s+(?:to|for|over|after|in|by|as|from|with|on|at)\b"
)


def _ends_on_full_name(body: str) -> bool:
    """Round 6b: a headline may end on a name of two capitalised words after a verb or noun ("… votes
    4-3 to close Lincoln Elementary"); a wrapped wire line cuts a name after its preposition ("… 5,000
    tonnes of Canadian") or after one word."""
    words = body.split()
    return (
        len(words) >= 3
        and words[-1][:1].isupper()
        and words[-2][:1].isupper()
        and words[-3].islower()
        and words[-3] not in _FRAGMENT_END
        and words[-3] not in _PREPOSITION_WORDS
    )


_PREPOSITION_WORDS = frozenset("of in on at for with by from to into onto near via against between".split())
# Round 7 (r14): a headline may end on a place after "at", "in", "against" or "over" ("… puts Pakistan in
# command at Headingley"); a wrapped wire line cuts a name after "of" or "to" ("… tonnes of Canadian").
_PLACE_PREPOSITIONS = frozenset("at in against over".split())


def _ends_on_place(body: str) -> bool:
    words = body.split()
    last = words[-1]
    return (
        len(words) >= 4
        and words[-2] in _PLACE_PREPOSITIONS
        and last[:1].isupper()
        and last[1:].islower()
        and last.isalpha()
        and len(last) > 3
    )


# The noun a gerund modifies in a headline's subject is a plural or a mass noun ("waiting lists", "housing
# costs", "parking fines"): lower case, no function word.
_NOUN_AFTER_GERUND = re.compile(r"[a-z]{3,}s$")


# Round 9 (r17, r18, r24): a headline may end on a sum, a share or a season ("Bank of England holds rates at
# 5.25%", "Ministry to cut university places by 10%", "… sells for £8.4m", "… for 2025-26"); Reuters writes
# "pct" and "mln", which the headlinese test already refuses.
_FIGURE_LAST = re.compile(r"[£$€]?\d[\d.,]*(?:%|m|bn|k)|\d{4}[–-]\d{2}")


def _present_headline(body: str, last: str) -> bool:
    # A wrapped line stops mid-phrase on an adverb or participle ("… announced earlier", "… had been
    # reduced").
    if (
        not (
            last.islower()
            or last.isdigit()
            or _FIGURE_LAST.fullmatch(last) is not None
            or _ends_on_full_name(body)
            or _ends_on_place(body)
            or ends_on_place_name(body)
        )
        or last.endswith(("ly", "ed"))
        or last in _NOT_HEADLINE_LAST
    ):
        return False
    first = body.split(None, 1)[0]
    if (
        first.lower() in _NOT_HEADING_FIRST
        or first.lower() in _NOT_SUBJECT_FIRST
        or (first.isupper() and len(first) > 4)
    ):
        return False
    m = _HEADLINE_PRESENT.match(body)
    if m is None:
        return False
    rest = body[m.end() :].split()
    subj = m.group("subj")
    pair = m.group("pair") is not None
    # The subject may go on in lower case for up to two words, after a possessive ("Norway's krone hits
    # …") or a plain name (round 5c: "Millbrook school board delays vote …", "Brazil jobless rate hits new
    # low"); the -s verb is then required (_verb_of_headline), so "Colombia currently produces about …"
    # (an adverb) and "SET statistics show …" (a bare plural) stay cut sentences.
    # A possessive subject may run to three lower-case words, compounds included (round 6: "Velmora's
    # once-weekly migraine pill cuts attacks …", "Patel's five-for sinks Surrey …").
    possessive = subj.endswith(("'s", "’s"))
    tail = _SUBJECT_TAIL_WORDS + possessive if possessive or pair else _PLAIN_SUBJECT_TAIL_WORDS
    for k in range(min(tail + 1, len(rest) - 1)):
        if rest[k].lower() in _PAST_OR_AUX:
            return False  # "Norsk Hydro shares rose sharply in heavy": the past, a cut wire sentence
        if rest[k] == "to" and k + 1 < len(rest) - 1 and _future_of_headline(body, rest[k + 1]):
            return True  # "Council to close two libraries", "Diageo to buy US wine firm"
        # After a lower-case subject word only the -s verb counts: a bare plural verb there is a noun run
        # cut from a sentence ("SET statistics show daily trading in listed corporate").
        if _verb_of_headline(rest[k], rest[k + 1], subj if k == 0 else "", pair):
            if (
                k == _PLAIN_SUBJECT_TAIL_WORDS
                and not possessive
                and rest[k + 1].lower() not in _OBJECT_OPENERS
                and not rest[k + 1][0].isdigit()
            ):
                return False  # a fourth noun before the "verb" is a wire noun run ("… profit figures given")
            return _PAST_LATER.isdisjoint(w.lower() for w in rest[k + 2 :])
        w = rest[k].lower()
        if "-" in w and w.replace("-", "").isalpha() and w.islower():
            continue  # a compound modifier of the possessed noun ("once-weekly", "five-for")
        if w.endswith("ing") and _NOUN_AFTER_GERUND.match(rest[k + 1]) is not None:
            continue  # round 7 (r16): a gerund modifying the next noun ("Hospital waiting lists hit …")
        if (
            not rest[k].isalpha()
            or not rest[k].islower()
            or pair
            or w.endswith(("ly", "ed", "ing"))
            or w in _FRAGMENT_END
            or w in _VERB_AFTER
            or w in _NOT_AFTER_VERB
            or w in _NOT_PRESENT_VERB
            or w in _NOT_HEADLINE_VERB
            or w in _QUANTIFIERS
        ):
            return False  # the subject ends at a capital, a conjunction, an auxiliary or a verb of its own
    return False


# The headline future, "to" + verb on a bare subject ("Council to close two libraries", "BBC to pour
# £9m into new comedy"); an opening "Due to", "According to", "Referring to …" starts a sentence.
_FUTURE_PASSIVE = re.compile(
    r"\bto\s+be\s+(?:[a-z]{3,}ed|built|cut|shut|sold|held|taken|given|shown|made|paid|hit|set|put|sent|kept)\b"
)
_NOT_FUTURE_SUBJECT = frozenset(
    "due according owing thanks prior close next contrary pursuant subject back".split()
)


# Round 16 (r40): base verbs that end like a participle, "Storm Idris to bring 80mph gusts to west coast".
_BASE_VERBS_IN_ING = frozenset("bring sing ring sting swing spring cling fling wring string".split())


def _future_of_headline(body: str, verb: str) -> bool:
    first = body.split(None, 1)[0].lower()
    if verb == "be":
        return first not in _NOT_FUTURE_SUBJECT and _FUTURE_PASSIVE.search(body) is not None
    return (
        verb.isalpha()
        and verb.islower()
        and len(verb) >= 3
        and verb not in _NOT_AFTER_VERB
        and (not verb.endswith(("ed", "ing", "ly")) or verb in _BASE_VERBS_IN_ING)
        and first not in _NOT_FUTURE_SUBJECT
        and not first.endswith(("ing", "ed"))  # "Forced last month to cut …" is a cut sentence
        and verb not in _FRAGMENT_END  # "Direct central government subsidies to the farm sector"
    )


def _verb_of_headline(verb: str, after: str, before: str, pair: bool) -> bool:
    """``verb`` reads as the headline's present-tense verb after ``before`` and before ``after``."""
    if (
        not (verb.isalpha() and verb.islower() and len(verb) >= 3)
        or verb in _NOT_PRESENT_VERB
        or verb in _NOT_HEADLINE_VERB
        or verb.endswith(("ly", "ing", "ed"))
    ):
        return False
    after = after.lower().lstrip("$£€")
    if after in _VERB_AFTER or after in _NOT_AFTER_VERB or after.endswith("ed"):
        return False
    if pair or (before.endswith("s") and not before.endswith(("'s", "’s")) and len(verb) > 3):
        return True  # a plural subject takes the bare verb ("Hallam Rovers sign …")
    return verb.endswith("s") and not verb.endswith(("ss", "us", "is"))


# The headline passive without its auxiliary: a bare subject, a participle, a preposition ("US blogger
# fired by her airline", "Stallone evicted from Big Brother", "Housing plans criticised by MPs"). Prose
# and wrapped wire lines use the active past there ("Shares closed at 190 pesos", "Mulroney called on
# Americans to …", "L. Phelps resigned as chairman"): verbs of movement, speech and office are left out,
# and the line must be short and carry no "the".
_HEADLINE_PASSIVE = re.compile(
    # round 10 (r20): up to two lower-case subject words, compounds included ("Marlow Heights boil-water
    # notice extended to Friday")
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*){0,3}(?:\s+[a-z]+(?:-[a-z]+)?){0,2}\s+(?P<verb>[a-z]+ed|held|hit|cut|shut|sold|bought"
    r"|taken|given|seen|found|beaten|struck|thrown)\s+(?:to|for|over|after|in|by|as|from|with|on|at|amid|into|off|out\s+of"
    r"|until)\s+\S"
)
_ACTIVE_PAST = frozenset(
    """closed increased decreased declined dropped gained climbed jumped ended finished traded opened stood reached
    edged slipped eased firmed weakened strengthened rallied surged plunged slumped advanced retreated recovered
    rebounded moved stayed remained totalled totaled amounted compared averaged peaked bottomed called announced
    continued restated adjusted
    resigned failed suggested emphasised emphasized worked passed decided agreed stated added noted asked
    commented replied responded voted appeared arrived returned started listed reported estimated valued priced
    put""".split()
)
_PASSIVE_MAX_WORDS = 14


def _passive_headline(body: str, low: list[str]) -> bool:
    if len(low) > _PASSIVE_MAX_WORDS or "the" in low or not low[-1].isalnum():
        return False
    m = _HEADLINE_PASSIVE.match(body)
    if m is None or m.group("verb") in _ACTIVE_PAST:
        return False
    # round 10: the lower-case subject words are nouns, not a gerund's object ("Turning to policies
    # proposed by …" is a cut sentence)
    return not low[0].endswith("ing") and _FRAGMENT_END.isdisjoint(
        low[1 : len(body[: m.start("verb")].split())]
    )


def _without_future_passive(low: list[str]) -> list[str]:
    """The headline's future passive, "to be" and a participle ("Two bus routes to be scrapped in
    January", round 6), is headlinese: its "be" is dropped before the test for sentence words."""
    if "be" not in low:
        return low
    out = []
    for k, w in enumerate(low):
        if w == "be" and 0 < k < len(low) - 1 and low[k - 1] == "to" and _participle(low[k + 1]):
            continue
        out.append(w)
    return out


_IRREGULAR_PARTICIPLES = frozenset(
    "built cut shut sold bought held taken given shown made paid hit set put sent spent won lost run kept".split()
)


def _participle(w: str) -> bool:
    return (w.endswith("ed") and len(w) > 4) or w in _IRREGULAR_PARTICIPLES


def _is_headline(body: str) -> bool:
    if not (body[-1].isalnum() or body[-1] == "%") or "\n" in body or ".." in body:  # ".." leads a table row
        return False
    tokens = body.split()
    if not _HEADLINE_MIN_WORDS <= len(tokens) <= _HEADLINE_MAX_WORDS:
        return False
    if _HEADLINE_OBITUARY.match(body) is not None or (":" in body and _HEADLINE_DECK.match(body) is not None):
        return True
    low = [w.lower().strip(",;:") for w in tokens]
    if (
        low[0] in _NOT_HEADLINE_FIRST
        or (low[-1] in _FRAGMENT_END and low[-1] not in ("say", "says"))
        or tokens[-1].endswith(("'s", "’s"))
        or not _NOT_HEADLINESE.isdisjoint(_without_future_passive(low))
        or sum(w in _ARTICLES for w in low) > 1
        or 10 * sum(DIGIT_RE.search(w) is not None for w in tokens) > 3 * len(tokens)
        or not (body[0].isupper() or body[0].isdigit())
    ):
        return False
    if (
        _HEADLINE_LABEL.match(body) is not None
        or _present_headline(body, tokens[-1])
        or _passive_headline(body, low)
    ):
        return True
    m = _HEADLINE_SHAPES.search(body)
    # The "as"-clause of a headline closes a line that has no article to open it and no comma
    # ("Reagan's speech, widely regarded as critical to his hopes" is a cut sentence).
    return m is not None and (m.group(0)[:2] != "as" or ("," not in body and low[0] not in _ARTICLES))


# Round 10 (r12, r15, r25): a double headline, two heads joined by a semicolon with no full stop ("Bitcoin
# slips below $61,000 as ETF outflows continue; ether holds $2,400", "IMD forecasts above-normal monsoon;
# rains to hit Kerala by June 1"): the first head is a headline by the tests above, or the second one is, or
# either is the present tense or future of a headline; a scoreline or a wrapped wire line fails all of them.
def _double_headline(body: str) -> bool:
    first, second = (part.strip() for part in body.split(";"))
    if not first or not second or first[-1] in _SENTENCE_END:
        return False
    for part in (first, second):
        head = part[:1].upper() + part[1:]
        words = head.split()
        if (
            len(words) >= 3  # noqa: PLR2004 (a head has a subject, a verb and an object)
            and _NOT_HEADLINESE.isdisjoint(w.lower() for w in words)
            and (_is_headline(head) or _present_headline(head, words[-1]) or headline_shape(head))
        ):
            return True
    return False


# Round 6: a Title Case headline may carry a sum or a year ("Council Approves £12m Plan For New Leisure
# Centre"): at least four capitalised words of four letters or more, every such word capitalised, and
# one figure at most, with a currency sign or as a year. A price-table row has several figures; a line in
# capitals is a wire heading or a table, and stays text as before.
_TITLE_SUM_MIN_LONG = 4
_SUM_OR_YEAR = re.compile(r"^[£$€]\d[\d.,]*(?:bn|m|k)?$|^(?:19|20)\d\d$")


def _title_case_with_sum(body: str, tokens: list[str]) -> bool:
    if body.isupper() or len(tokens) > _HEADING_MAX_WORDS:
        return False
    figures = [w for w in tokens if DIGIT_RE.search(w) is not None]
    long_words = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    return (
        len(figures) == 1
        and _SUM_OR_YEAR.match(figures[0]) is not None
        and len(long_words) >= _TITLE_SUM_MIN_LONG
        and all(w[0].isupper() for w in long_words)
        and not any(w.isupper() and len(w) > 3 for w in long_words)
    )


def _is_heading(text: str) -> bool:
    """A heading, section title or breadcrumb: short, capitalised, no figure, no sentence ending.

    Up to four words ("Key points", "What happens next") or a Title Case line of up to ten ("Key
    Objectives of the Visit"), or a breadcrumb ("Home » World » Europe"); never a line that reads as
    a cut sentence (hard-wrapped wire copy: "The Group of Seven industrialised", "It said it has been")."""
    body = text.strip()
    if body.endswith("?") and _title_case_question(body):
        return True
    head, mark, tail = body.partition("? ")
    if mark and tail and _title_case_question(head + "?"):
        # A headline question with a deck on the same line: "What Does the Budget Mean for Renters?
        # Here's What Experts Say". Both halves must be headline-shaped: the deck in Title Case too
        # (it may end on "Say", which would mark a cut sentence on a line of its own).
        return _is_heading(tail) or (tail[-1] not in _SENTENCE_END and _title_case_question(tail + "?"))
    if not body or body[-1] in _SENTENCE_END:
        return False
    if _is_headline(body):
        return True
    if "; " in body and body.count(";") == 1 and _double_headline(body):
        return True
    if len(body) > 100 or not body[0].isupper():
        return False
    if not (body[-1].isalpha() or body[-1] in "?)"):
        return False  # "Retail profit -", "Atkinson Co> and": cut mid-line
    tokens = body.split()
    if DIGIT_RE.search(body) is not None:
        return _title_case_with_sum(body, tokens)

    if len(_BREADCRUMB_MARKS.findall(body)) >= 2 and len(tokens) <= 2 * _HEADING_MAX_WORDS:
        return True
    low = [w.lower() for w in tokens]
    if len(tokens) > _HEADING_MAX_WORDS or low[-1] in _FRAGMENT_END:
        return False
    if low[0] in _WH_WORDS and len(tokens) <= _WH_HEADING_MAX_WORDS and "," not in body:
        # "Who is affected", "What we know so far", "How to make a gigapixel picture": a question word
        # with no question mark and no sentence ending is a section title. "When" is left out (a
        # clause opener: "When other banks sought" is a hard-wrapped line), and so are lines with a
        # finite verb other than one "is"/"are" ("How many people have become").
        verbs = [w for w in low if w in _SENTENCE_VERBS]
        return not verbs or (len(verbs) == 1 and verbs[0] in ("is", "are"))
    if low[0] in _NOT_HEADING_FIRST:
        return False
    if not _SENTENCE_VERBS.isdisjoint(low):
        return False
    if len(tokens) <= _SHORT_HEADING_WORDS:
        return True
    # Title Case: every word of four letters or more is capitalised.
    return all(not w[0].isalpha() or w[0].isupper() or len(w) < 4 for w in tokens)


# Every furniture line is short; longer lines are prose and skip these checks.
_FURNITURE_MAX_CHARS = 160


# A note about how the article came to be (round 5d; r5, r8): an amendment made to correct it ("This
# article was amended on 12 June to correct the spelling of …") or its making ("This article was
# produced from a company statement and has not been independently verified.", "This article was
# written by a Local Democracy Reporter …"). It opens the line: "The minister said the article was
# written by an aide" is news. "Amended to reflect that the minister resigned" stays content
# (_UPDATE_NOTICE_RE), and so does a correction that gives the right fact ("An earlier version of this
# story said Mercer had served 20 years; he has served 24." — every writer labels it reported).
_ABOUT_ARTICLE_RE = re.compile(
    r"\W*(?:(?:this|the)\s+(?:article|story|piece|post)\s+(?:was|has\s+been|had\s+been)\s+(?:amended|corrected"
    r"|updated|edited|changed|revised)\b[^.]{0,40}?\bto\s+(?:correct|clarify|remove)\b"
    r"|this\s+(?:article|story|report|piece)\s+(?:was|is|has\s+been)\s+(?:\w+\s+)?(?:produced|written|prepared|compiled"
    r"|commissioned|funded)\s+(?:from|by|with|using|as\s+part\s+of|under|in\s+(?:partnership|association|collaboration)))",
    re.IGNORECASE,
)
_ABOUT_ARTICLE_WORDS = frozenset("article story report piece post".split())


def _about_article(text: str, words: frozenset[str]) -> bool:
    return bool(words.gates & _ABOUT_ARTICLE_WORDS_GATE) and _ABOUT_ARTICLE_RE.match(text) is not None


# A shop, donation or app button in words (round 5d; r8, with "Subscribe now …" of round 2): "Buy now
# from £179 at Currys", "Donate now | Gift Aid it", "Get the latest local news on our free app –
# download it now for iPhone and Android." The imperative with "now" opens the line or the app is ours:
# "Shoppers rushed to buy now before prices rise" has neither.
_BUY_NOW_RE = re.compile(
    r"\W*(?:buy|donate|shop|order|pre-order|download(?:\s+it|\s+the\s+app)?)\s+now\b"
    r"|.*?\bour\s+(?:free\s+)?app\b.{0,20}?\bdownload\s+it\s+(?:now|today)\b"
    # round 6b: the imperative to install a named app ("Download the KWTN 7 app for breaking news alerts")
    r"|\W*(?:download|get|install)\s+(?:the|our)\s+(?:free\s+)?(?:[A-Z0-9][\w&+.-]*\s+){1,3}app\b",
    re.IGNORECASE,
)
_BUY_NOW_WORDS = frozenset("buy donate shop order pre download get install".split())
# The end of a live blog (round 5d): "This live page has now closed.", "Our live coverage has ended."
# Gated on "live": "ended" alone is in every "year ended" of wire copy.
_LIVE_CLOSED_RE = re.compile(
    r"\W*(?:this|our)\s+live\s+(?:page|blog|coverage|feed)\s+(?:has\s+(?:now\s+)?(?:closed|ended|finished)"
    r"|is\s+(?:now\s+)?closed)\b",
    re.IGNORECASE,
)


def _button_or_live_end(text: str, words: frozenset[str]) -> bool:
    if "live" in words and _LIVE_CLOSED_RE.match(text) is not None:
        return True
    return (
        ("now" in words or "app" in words)
        and words.gates & _BUY_NOW_WORDS_GATE
        and _BUY_NOW_RE.match(text) is not None
    )


# A line closing on a quotation mark right after a word may be a headline (headline_shapes); one closing
# on a sentence mark is not.
_DASH_ENDS = frozenset("-—–")
_QUOTE_ENDS = frozenset("’”\"'")  # (round 10: a straight single mark too, "Lord Ashby: 'I have …'")
_MARK_ENDS = frozenset(".!?…:;,")


def _shape_marks(text: str, words: frozenset[str]) -> bool:
    # Round 8: without one of these no furniture_shapes line can match (a first character, two marks, an
    # opening "This ", a key word); most sentences have none, and then the module is not called.
    return (
        text[:1] in SHORT_FIRST
        or " | " in text
        or "@" in text
        or text.startswith("This ")
        or not words.isdisjoint(FURNITURE_SHAPE_WORDS)
        # round 9 (page_labels.page_label_possible's first tests; "(" and figures are above)
        or text[:4] in PAGE_LABEL_PREFIXES
        or words.gates & PAGE_LABEL_GATE
        or (" (" in text and text[:2].isupper())
        or (":" in text[:40] and words.gates & PAGE_LABEL_COLON_GATE)
    )


def furniture_possible(text: str, words: frozenset[str]) -> bool:
    """False only when ``page_furniture_cues`` and furniture_shapes find nothing (a cheap test for the
    no-cue fast path)."""
    if len(text) > _FURNITURE_MAX_CHARS:
        return False
    if _shape_marks(text, words) and furniture_line(text, words):
        return True  # round 8 (furniture_shapes.py): found again first in page_furniture_cues
    body = text.rstrip()
    return bool(
        (body and body[-1] not in _SENTENCE_END)
        or (text[:6] == "About " and ":" in text[6:40])  # round 10: an "About <name>:" bio (page_notices.py)
        or (body[-1:] == ")" and body.lstrip()[:1] == "(")  # a bracketed credit line
        # round 7 (headline_shapes): a quotation alone on its line, an explainer headline with a bracket
        or (body[-1:] in _QUOTE_ENDS and body[-2:-1].isalnum())
        or (body[-1:] == ")" and body.lstrip().startswith(("How ", "Why ")))
        or words.gates & _FURNITURE_ANYWHERE_GATE
        or (words.gates & _TEASER_WORDS_GATE and (not text.isascii() or first_word(text) in _TEASER_WORDS))
        or _SAY_YOUR <= words
        or (len(text) <= 80 and words.gates & _TIME_WORDS_GATE and DIGIT_RE.search(text) is not None)
        or (body.endswith("?") and (":" in body or _title_case_question(body.lstrip())))
        # (the three below with their word tests first: most short sentences then skip the calls)
        or (words.gates & _ABOUT_ARTICLE_WORDS_GATE and _ABOUT_ARTICLE_RE.match(text) is not None)
        or (("live" in words or "now" in words or "app" in words) and _button_or_live_end(text, words))
        or ((not text.isascii() or "&" in text or words.gates & _PAGE_NOTE_GATE) and _page_note(text, words))
        or (
            # round 14 (page_prompts.py; its gate's first test inlined, asked of every short sentence)
            (
                words.gates & PAGE_PROMPT_BIT
                or "? " in text
                or ":" in text[:24]
                or text[:4] in PAGE_PROMPT_PREFIXES
            )
            and page_prompt_gate(text, words)
        )
    )


# A wire dateline on its own line ("LAGOS, Nigeria (AP) —", "BERLIN, April 2 (Reuters) -"): a place in
# capitals (round 8: also outside ASCII, "SÃO PAULO, June 11 (Tideline Wire) -"), an optional region and date, the agency in brackets, a dash, nothing after it.
_DATELINE_RE = re.compile(
    r"\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,30},(?:\s+[A-Z][\w.]*){0,3}(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*\([A-Z][\w&. ]{0,30}\)\s*[-–—]+\s*$"
)
# A credit line at the end of a story: "Associated Press writer Kim Lee contributed to this report."
_CONTRIBUTED_RE = re.compile(
    r"\bcontributed\s+(?:reporting\s+|to\s+(?:the\s+)?reporting\s+)?(?:to|for)\s+this\s+(?:report|story|article)\b",
    re.IGNORECASE,
)


# --- Widgets, credits, notices and prompts a news page wraps around the story (round 4b).
#
# A picture credit names who took or owns the picture and nothing else: "(AP Photo/Ramon Espinosa)",
# "Photograph: Dan Kitwood/Getty Images", "Image: Reuters", "Credit: Jane Doe for The New York Times".
# After the label only names, agencies and the connectors of a credit may follow; a caption describes
# the picture ("Pictured: Firefighters tackle the blaze on Sunday") and stays content.
_CREDIT_RE = re.compile(
    r"\s*[(\[]?\s*(?:(?:AP|AFP|PA|EPA|UPI|Reuters|Getty|Bloomberg|Xinhua)\s+)?"
    r"(?:photo(?:graph)?s?|images?|pictures?|illustration|graphic|main\s+image|top\s+image|credits?)"
    r"(?:\s+(?:illustration|credits?|courtesy))?\s*(?:[/:]|\s+by\s)\s*(?P<rest>[^()\[\]:]{1,100}?)[)\]]?\s*\.?\s*$"
    r"|\s*\(\s*(?:AP|AFP|PA|EPA|UPI|Reuters|Getty\s+Images|Bloomberg|Xinhua)\s*/\s*(?P<rest2>[^()]{1,80})\)\s*\.?\s*$",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(
    """for via courtesy of the and file handout pool staff on from by with photo photos images image licensed
    under cc getty ap afp de van von da del la le al bin""".split()
)
_CREDIT_MAX_WORDS = 12


def _is_credit(text: str) -> bool:
    m = _CREDIT_RE.match(text)
    if m is None:
        return False
    rest = m.group("rest") if m.group("rest") is not None else m.group("rest2")
    names = _LETTER_RUNS.findall(rest)
    return (
        0 < len(names) <= _CREDIT_MAX_WORDS
        and names[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _CREDIT_WORDS for w in names)
    )


# Audio players and reading-time labels: "Listen to this article · 6 min", "Listen to this story",
# "Play audio", "Listen (4:32)", "5 min read", "4-minute read", "Reading time: 6 minutes". Only the
# label and a duration may be on the line ("Listen to this story about a dog" is no widget).
_DURATION = r"(?:\d+(?::\d\d)?\s*(?:min(?:ute)?s?|m|sec(?:ond)?s?|s)?\b\.?)"
_WIDGET_RE = re.compile(
    r"\W*(?:(?:listen|hear)\s+(?:to\s+)?(?:this|the)\s+(?:article|story|piece|report|episode)"
    r"|(?:play|pause|stop)\s+(?:the\s+)?(?:audio|podcast|article|story)|audio\s+(?:version|player|available)"
    r"|listen(?=[\s·•|:,(\-–—]*\d)|listen\s+now)"
    rf"[\s·•|:,()\-–—]*(?:{_DURATION}[\s·•|)]*)?$"
    rf"|\W*(?:(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*{_DURATION}|\d+[\s-]*min(?:ute)?s?\.?\s+read)[\s.)]*$",
    re.IGNORECASE,
)
# A notice that the story changed, with nothing about what changed: "This article was updated at
# 15:40 GMT on 2 April 2025", "This story has been updated.", "Correction appended", "Updated with
# more details". A correction that states the corrected fact ("A previous version of this story gave
# the wrong first name for the finance director, who is Margaret Doyle") is content: reported.
_UPDATE_NOTICE_RE = re.compile(
    r"\W*(?:(?:this|the)\s+(?:article|story|piece|report|post|page|live\s+blog|blog)\s+(?:was|has\s+been|had\s+been|is)"
    r"\s+(?:last\s+)?(?:updated|amended|corrected|edited|changed|revised)"
    r"|(?:correction|clarification|update|editor['’]s\s+note)s?\s+(?:appended|added|below)"
    r"|corrections?\s+(?:and|&)\s+clarifications"
    r"|updated\s+(?:with|to\s+include)\b)(?P<rest>.*)$",
    re.IGNORECASE,
)
_UPDATE_REST_WORDS = _TIME_WORDS | frozenset(
    """since publication first originally throughout the day with more further additional details information
    latest developments reporting new to include and a an of this story article""".split()
)
# What an update notice may say it added, and from where: "… updated at 12:15 a.m. with results from
# Fairview County", "Updated with comment from the mayor's office". What changed in the news ("…
# updated to reflect that the minister resigned") is content.
_UPDATE_ADDED = re.compile(
    r"\s*(?:with|to\s+(?:add|include))\s+(?:the\s+)?(?:latest\s+|more\s+|new\s+|additional\s+|further\s+|final\s+)?"
    r"(?:results|comments?|reaction|details|figures|information|quotes?|video|photos|background)"
    r"\s+(?:from|by|of|in)\s+(?:the\s+)?(?:[\w'’.-]+\s*){1,5}\.?\s*$",
    re.IGNORECASE,
)


_ADDED_START = re.compile(r"\s(?:with|to\s+(?:add|include))\s", re.IGNORECASE)


def _bare_update(rest: str, after_with: bool) -> bool:
    if words_of(rest) <= _UPDATE_REST_WORDS:
        return True
    if after_with:  # "Updated with comment from …"
        return _UPDATE_ADDED.match("with " + rest.lstrip()) is not None
    m = _ADDED_START.search(rest)  # "… at 11:05 p.m. with/to add comments from …"
    return (
        m is not None
        and words_of(rest[: m.start()]) <= _UPDATE_REST_WORDS
        and _UPDATE_ADDED.match(rest[m.start() :]) is not None
    )


# Newsletter, paywall and cookie prompts: at the start of the line ("Sign up for our morning briefing",
# "Already a subscriber? Log in", "Subscribe to continue reading") or by their fixed wording anywhere
# ("We use cookies to …", "You have two free articles left this month", "… delivered to your inbox").
_PAGE_PROMPT_RE = re.compile(
    r"\W*(?:sign\s+up\s+(?:to|for)\s+(?:our|the|a|free)\b|subscribe\s+(?:now|today|to\s+(?:continue|keep|read|unlock|get))"
    r"|get\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’+-]+\s+){0,3}newsletters?|(?:already|not)\s+a\s+(?:subscriber|member)"
    r"|(?:get|receive)\s+(?:our|the)\b[^.?!]{0,60}?\b(?:in|into|to)\s+your\s+inbox"
    r"|become\s+a\s+(?:subscriber|member|supporter|patron)|enter\s+your\s+email|support\s+(?:our|independent)\s+journalism)"
    r"|.*?\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|(?:manage|accept|reject)\s+(?:all\s+)?cookies"
    r"|(?:is|are)\s+(?:only\s+)?(?:for|available\s+to|exclusive\s+to|reserved\s+for)\s+(?:paying\s+)?(?:subscribers|members)"
    r"|you\s+have\s+(?:\w+\s+){1,2}(?:articles?|stories)\s+(?:left|remaining)"
    r"|you(?:['’]ve|\s+have)\s+reached\s+your\s+(?:\w+\s+){0,2}(?:limit|articles?)"
    r"|(?:delivered|straight)\s+(?:straight\s+)?to\s+your\s+inbox)\b",
    re.IGNORECASE,
)

# Lines about the article or its author, not the news (r6 probe): a disclaimer ("The views expressed
# are the author's own.", "This article is for information only and is not a substitute for medical
# advice.", "This article contains affiliate links …", "We earn a commission …"), a contact line with
# an address ("Contact her at hmarsh@ledgernews.com.", "Follow him on X @dkellyreports") and a feedback
# widget ("Was this article helpful? Yes / No"). Each opens the line: "The drug is not a substitute
# for medical advice, the regulator said" is news.
_ABOUT_PAGE_RE = re.compile(
    r"\s*(?:this|the)\s+(?:article|story|content|page|post|guide|piece|information\s+(?:in|on)\s+this\s+\w+)\b"
    r"[^.]{0,40}?\b(?:contains?\s+affiliate\s+links|is\s+(?:provided\s+)?for\s+(?:general\s+)?information(?:al)?"
    r"\s+(?:purposes\s+)?only|is\s+not\s+(?:intended\s+as\s+)?(?:a\s+)?substitute\s+for)\b"
    r"|\s*(?:the\s+)?(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\b[^.]{0,40}?\b(?:own|those\s+of"
    r"|do\s+not\s+(?:necessarily\s+)?(?:reflect|represent))\b"
    r"|\s*(?:we|the\s+\w+)\s+(?:may\s+)?(?:earn|receive)s?\s+(?:a\s+)?(?:small\s+)?commission\b"
    r"|\s*(?:contact|email|e-mail|reach|write\s+to|follow)\b[^.@\n]{0,40}?(?:\S+@\S+\.\w+|@\w+)"
    r"(?:,?\s+(?:including|with|giving|stating)\s+[^.@]{3,60}|\s+if\s+you\s+[^.@]{3,80})?\W*$"
    # round 5c: a disclaimer of advice ("Nothing in this live blog constitutes investment advice.") and
    # the affiliate notice in its reader-facing wording ("When you buy through links on our site, we
    # earn an affiliate commission …")
    r"|\s*nothing\s+(?:in|on)\s+this\s+(?:article|story|live\s+blog|blog|page|piece|post|newsletter|site|website)"
    r"\s+(?:constitutes|is|should\s+be\s+(?:taken|construed|considered)\s+as)\s+(?:\w+\s+){0,2}advice\b"
    r"|\s*(?:when|if)\s+you\s+(?:buy|shop|click|purchase)\b[^.]{0,40}?\blinks?\s+(?:on|in)\s+(?:our|this)\s+"
    r"(?:site|website|page|article|story)s?\b[^.]{0,20}?\bwe\s+(?:may\s+)?(?:earn|receive|get)\b"
    r"|\s*(?:was|is|did\s+you\s+find)\s+this\s+(?:article|story|page|post|guide|information)\s+(?:helpful|useful)"
    r"\s*\??(?:\s*(?:yes|no|👍|👎)\s*[/|]?)*\s*$",
    re.IGNORECASE,
)
# An author's bio line: a name, then what the author covers for a publication or the author's post at
# it ("Helen Marsh covers state and federal courts for the Ledger.", "Priya Nair is a health reporter
# at the Tribune and a former intensive-care nurse."). Case matters: the name and the publication are
# capitalised ("The insurer covers flood damage for the Smiths" opens on a lower-case noun).
_BIO_ROLE = (
    r"(?i:reporter|correspondent|editor|writer|columnist|journalist|critic|reviewer|sketchwriter|tipster)"
)
_BIO_RE = re.compile(
    r"\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+(?:"
    # round 6c (r12): what the author is, then the beat ("… is a junior studying journalism and covers
    # administration for the Ridgeback.")
    r"(?:is\s+(?:a|an)\s+[^.;]{2,60}?\s+and\s+)?"
    r"(?i:covers|writes\s+about|reports\s+on)\s+[^.]{3,80}?\s+(?i:for)\s+(?:the\s+)?[A-Z][\w'’&+.-]*"
    r"(?:\s+(?:&|and|[A-Z][\w'’&+.-]*)){0,3}"
    # … and how to reach the author (round 5c): "; contact her at …", "and can be reached at 555-0142"
    r"(?:\s*(?:;|,|\s+and)\s+(?:contact|email|e-mail|follow|reach|(?:he|she|they)\s+can\s+be\s+reached|can\s+be\s+reached)"
    r"\b[^;]{0,80})?"
    r"|is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?i:reporter|correspondent|editor|writer|columnist|journalist|critic)"
    r"\s+(?:at|for|with|on|of)\s+(?:the\s+)?[A-Z][\w'’&+.-]*(?:\s+[A-Z][\w'’&+.-]*){0,3}"
    r"(?:\s*,?\s+and\s+(?:a|an)\s+[^.]{0,60})?"
    # A contributor's bio by its shape (r6 final): the author's post, then what the author does besides
    # ("Grace Whitaker is a former city budget director and teaches public finance at Lakeshore
    # University.", "… and writes about cities for the Review."), or the author's book ("Sam Ortiz is the
    # author of 'Rust Belt Dreams'"). A person in the story "is a former nurse and lives in Leeds".
    r"|is\s+(?:a|an|the)\s+[^.,;]{2,60}?\s+and\s+(?:now\s+|also\s+)?(?i:teaches|lectures|writes|hosts|co-hosts|presents"
    r"|edits|researches)\s+[^;]{3,80}?"
    # round 7 (r14): the author's post and where the author is based ("… is an astrophysicist and science
    # writer based in Edinburgh."); a reviewer's tenure in years ("… has reviewed audio gear for eight
    # years and owns far too many headphones.")
    rf"|is\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}(?:and\s+(?:[\w-]+\s+){{0,2}})?{_BIO_ROLE}\s+based\s+in\s+[A-Z][\w'’.-]*"
    r"(?:,?\s+[A-Z][\w'’.-]*){0,2}"
    r"|has\s+(?:reviewed|covered|written\s+about|reported\s+on|tested)\s+[^.;]{3,60}?\s+for\s+(?:\w+\s+)?(?:years|decades)"
    r"(?:\s+and\s+[^.;]{2,60})?"
    r"|is\s+the\s+(?:co-)?author\s+of\s+(?:the\s+)?(?:[\"“‘']|[A-Z])[^;]{2,80}?"
    # round 6b: the post as a contributor closing the line ("… is a former Halifax Transit planner and a
    # contributing columnist.")
    r"|is\s+(?:a|an)\s+[^.;]{2,80}?\s+and\s+(?:a|an)\s+(?i:contributing|regular|guest|freelance)\s+"
    r"(?i:columnist|writer|contributor|editor|critic)(?=\W*$)"
    # The author's post named by the outlet's possessive, the newsroom's "our", or with no article
    # (round 5c): "Imogen Sallis is the Herald's science correspondent and holds a PhD …", "Fiona
    # Gallacher is our travel and leisure editor …", "Owen Pritchard is arable editor of The Grain
    # Ledger."; a reviewer's tenure ("Sophie Marchetti has reviewed laptops for TechNest since 2019.").
    # Journalists' role nouns only: a person in the story "is the council's finance director".
    rf"|is\s+(?:the\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){{0,2}}['’]s|our)\s+(?:[\w-]+\s+){{0,4}}{_BIO_ROLE}"
    r"(?:\s*,?\s+and\s+[^.]{0,80})?"
    rf"|is\s+(?:[\w-]+\s+){{0,3}}{_BIO_ROLE}\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w'’&+.-]*(?:\s+[A-Z][\w'’&+.-]*){{0,3}}"
    r"|has\s+(?:reviewed|covered|written\s+about|reported\s+on|tipped)\s+[^.;]{3,80}?\s+for\s+(?:the\s+)?[A-Z][\w'’&+.-]*"
    r"(?:\s+[A-Z][\w'’&+.-]*){0,3}\s+since\s+(?:19|20)\d\d"
    # round 6c (r11): the tenure with no outlet, and the author's disclosure ("… has written about
    # personal finance since 2016 and holds no cryptocurrency.")
    r"|has\s+(?:written\s+about|reported\s+on|covered)\s+[^.;]{3,60}?\s+since\s+(?:19|20)\d\d"
    r"(?:\s+and\s+(?:holds|owns|has)\s+no\s+[^.;]{2,40})?"
    r")\.?\s*$"
)


# Each pattern's own necessary words (subsets of _NOTICE_WORDS), so a sentence that merely holds
# "members" or "read" runs one regex, not four.
_CREDIT_GATE = frozenset(
    """photo photos photograph photographs image images picture pictures illustration graphic credit credits
    reuters ap afp epa getty xinhua bloomberg upi""".split()
)
_WIDGET_GATE = frozenset("listen play pause stop audio hear read reading".split())
_WIDGET_MAX_CHARS = 60
_PROMPT_GATE = frozenset(
    """sign subscribe subscriber subscribers newsletter newsletters member members email journalism cookies
    inbox articles stories reached""".split()
)
_UPDATE_GATE = frozenset(
    "updated amended corrected edited revised changed correction corrections clarification clarifications appended".split()
)


def notice_line_cues(text: str, words: frozenset[str]) -> list[Cue]:
    """A picture credit, audio/reading-time widget, bare update notice or page prompt: the whole line."""
    if not words.gates & _NOTICE_WORDS_GATE:
        return []
    if (
        (words.gates & _CREDIT_GATE_BIT and _is_credit(text))
        or (len(text) <= _WIDGET_MAX_CHARS and words.gates & _WIDGET_GATE_BIT and _WIDGET_RE.match(text))
        or (words.gates & _PROMPT_GATE_BIT and _PAGE_PROMPT_RE.match(text))
        or (words.gates & _ABOUT_GATE_BIT and (_ABOUT_PAGE_RE.match(text) or _BIO_RE.match(text)))
    ):
        return [_whole(text)]
    m = _UPDATE_NOTICE_RE.match(text) if words.gates & _UPDATE_GATE_BIT else None
    if m is not None and _bare_update(
        m.group("rest"), text[: m.start("rest")].rstrip()[-4:].lower() == "with"
    ):
        return [_whole(text)]
    return []


# "A previous version of this story gave the wrong first name …", "This article has been corrected":
# in a correction the words of error describe the earlier text, not the author's stance on the news.
_CORRECTION_RE = re.compile(
    r"\b(?:earlier|previous|original|prior)\s+version\s+of\s+this\s+(?:article|story|report|piece|post|page)"
    r"(?:\s+\w+ly)?(?:\s+(?:stated|said|reported|described|referred|quoted|misstated|misquoted))?\b"
    r"|\b(?:article|story|report|piece|post)\s+(?:has\s+been|was|had\s+been)\s+(?:corrected|amended)\b"
    r"|^\W*(?:correction|clarification)\s*:",
    re.IGNORECASE,
)
CORRECTION_GATE = frozenset("version corrected amended correction clarification".split())
CORRECTION_WORDS = frozenset(
    "wrong wrongly incorrect incorrectly erroneous erroneously mistaken mistakenly misstated inaccurate inaccurately".split()
)


def correction_spans(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The notice phrases of an editor's correction (none: not a correction). Its error words are no opinion, and its
    verb ("An earlier version of this story incorrectly stated …") is the newsroom's, no attribution."""
    if not words.gates & _CORRECTION_GATE_BIT:
        return []
    return [m.span() for m in _CORRECTION_RE.finditer(text)]


# A metadata line of fields joined by " | " (round 5c): "Hannah Ferreira | Europe Editor | 4 December
# 2026 07:12 GMT", "By the ConsumerDesk team | Updated 2 Dec 2026", "Harlow Star | Crime | 08:15, Fri 27
# Nov 2026". Every field is short and none ends or carries a sentence (no finite verb of _SENTENCE_VERBS),
# and one field is a date or time, or a newsroom role. A table row of figures has no date or role.
_PIPE_FIELD_MAX_WORDS = 8
_PIPE_ROLE_WORDS = frozenset(
    """editor editors correspondent reporter writer columnist critic team desk staff updated published posted""".split()
)
_PIPE_DATE_WORDS = MONTH_WORDS | _TIME_LINE_WORDS
_CLOCK_OR_YEAR = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b(?:19|20)\d\d\b")


def _is_pipe_line(text: str) -> bool:
    fields = [f.strip() for f in text.split(" | ")]
    if len(fields) < 2 or not all(fields) or any(len(f.split()) > _PIPE_FIELD_MAX_WORDS for f in fields):
        return False
    if any(f[-1] in ".!?;" for f in fields):
        return False
    low = [w.lower() for w in _LETTER_RUNS.findall(text)]
    if not _SENTENCE_VERBS.isdisjoint(low):
        return False
    dated = _CLOCK_OR_YEAR.search(text) is not None and not _PIPE_DATE_WORDS.isdisjoint(low)
    return dated or not _PIPE_ROLE_WORDS.isdisjoint(low)


# Stock lines of a news page by their fixed wording (round 5c): "From staff and wire reports", "Prices
# correct at time of publication.", "Letters may be edited for length and clarity.", "Watch the full
# session on Parliament TV", "You might also like: …". Each opens the line.
_STOCK_LINE_RE = re.compile(
    r"\W*(?:from\s+(?:staff|our\s+correspondents?)\s+and\s+(?:wire|agency|news\s+agency)\s+reports"
    r"|(?:all\s+)?prices?\s+(?:are\s+|were\s+)?(?:correct|accurate)\s+at\s+(?:the\s+)?time\s+of\s+(?:publication|writing|going\s+to\s+press)"
    r"|letters\s+(?:may|will)\s+be\s+edited\s+for\b"
    r"|watch\s+the\s+full\s+(?:session|interview|video|debate|match|episode|speech|programme|hearing)\s+on\s+[A-Z]"
    r"|you\s+(?:might|may)\s+also\s+(?:like|enjoy)\s*:)",
    re.IGNORECASE,
)


# A headline asked as a question with its deck (round 5c): the question, then a standfirst with no
# closing mark ("Is your air fryer on the list? How to check the model number and claim a refund",
# "Should Westgate charge for green bin collections? Readers have their say"), or an explainer's
# topic and its list of questions ("Tyneway tram strike: when is it, which routes are affected and
# can I get a refund?"). A question in prose has no deck, and a quotation's "He asked: …" has a verb.
_QUESTION_DECK_RE = re.compile(
    r"\s*[A-Z][^?.!]{4,100}\?\s+(?:how\s+to|readers\s+have\s+their\s+say|what\s+(?:we|you)\s+(?:know|need\s+to\s+know)"
    r"|everything\s+you\s+need|here['’]s\s+(?:how|what|why)|(?:the\s+)?experts\s+(?:explain|weigh\s+in|answer)"
    r"|our\s+(?:verdict|guide))\b[^.?!]{0,100}$"
    r"|\s*(?P<topic>[A-Z][^:?.!]{2,50}):\s+(?P<qs>(?:what|when|who|where|why|how|which|is|are|can|will|do|does)\b[^?.!:]{5,120})\?\s*$",
    re.IGNORECASE,
)
_QUESTION_WORDS = frozenset("what when who where why how which is are can will do does".split())
_TOPIC_VERBS = _SENTENCE_VERBS | frozenset("asked asks ask wrote writes wondered".split())


def _is_question_headline(text: str) -> bool:
    m = _QUESTION_DECK_RE.match(text)
    if m is None:
        return False
    if m.group("topic") is None:
        return True
    topic = [w.lower() for w in _LETTER_RUNS.findall(m.group("topic"))]
    asked = [w.lower() for w in _LETTER_RUNS.findall(m.group("qs"))]
    return (
        len(topic) <= 6
        and _TOPIC_VERBS.isdisjoint(topic)
        and sum(w in _QUESTION_WORDS for w in asked) >= 2
        and ("," in m.group("qs") or " and " in m.group("qs"))
    )


# An invitation to write in, ending on the address (round 5d; earlier writers' "Write to us at …",
# "Contact her at …" are _ABOUT_PAGE_RE): "Tips about this story can be sent to tips@ledger.example.",
# "To share a memory of someone who has died, email obituaries@post.example". Nothing may follow the
# address: "… can be sent to x@y.org, the regulator said" is news.
_EMAIL_INVITE_RE = re.compile(
    r"\s*(?:to\s+[^,@]{3,80},\s*(?:please\s+)?(?:email|e-mail|contact|write\s+to)\s+"
    r"|[^.@]{0,60}?\bcan\s+(?:also\s+)?be\s+(?:sent|emailed|e-mailed|submitted|forwarded)\s+(?:in\s+)?to\s+)"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$",
    re.IGNORECASE,
)


# --- Round 6: a line with no sentence ending, told by its structure rather than its wording.
#
# A sentence ends on a mark; a page's furniture does not. An unterminated line is furniture when it
# is built of parts a sentence does not have: fields joined by a spaced "|", "·" or "•" ("By Jordan
# Pike | Reviewed by Dr Ellen Marsh", "Reviewed on PS5 · Also available on PC"), a question followed
# by a deck ("Is your commute about to get longer? Routes 14 and 22 face the axe"), a short label or
# a quotation before a colon and a deck ("Hollow Tides review: a gorgeous sea-faring adventure …"), or
# a source trailing in the present tense of headlines (", tribunal rules", ", astronomers say";
# prose reports in the past: ", the tribunal ruled."). Two shapes of Reuters copy also lack the mark
# and stay text: lines cut from a hard-wrapped sentence, which end on a function word ("… the
# Tanzania-Zambia", "… would be") or start in lower case, and results-table rows ("Shr 23 cts vs 18
# cts"), which hold figures and no such structure. Every part must start as a heading does and none
# may end as a cut line does.
_FIELD_SEP = re.compile(r"\s+[|·•]\s+")
_STRUCTURED_MAX_WORDS = 24
_DECK_RE = re.compile(r"(?P<head>[^?!]{4,110})\?\s+(?P<deck>[A-Z][^?!]{2,130})$")
_LABEL_DECK_RE = re.compile(
    r"(?P<head>[“\"‘][^”\"’]{3,80}[”\"’]|[A-Z0-9][^:;,.!?\"“”]{1,50}?):\s+(?P<deck>\S[^?!]{2,130})$"
)
_LABEL_MAX_WORDS = 6
_PRESENT_SOURCE_RE = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,3}(?:says|say|finds|find|rules|shows|show|suggests|suggest|warns|warn|claims|claim"
    r"|reveals|reveal|hears|admits|insists|insist|confirms|confirm|reports|report)$"
)
_TABLE_WORDS = frozenset("vs vs. pct cts dlrs mln shr revs avg qtr".split())


def _opens_as_heading(part: str) -> bool:
    return bool(part) and (part[0].isupper() or part[0].isdigit() or part[0] in "“\"‘'")


def _ends_cut(part: str) -> bool:
    """The part stops where a wrapped sentence would go on: a function word or a closing mark."""
    tail = part.rstrip()
    if not tail or not (tail[-1].isalnum() or tail[-1] in "%)”’\"'"):
        return True
    last = tail.split()[-1].lower().strip("“”\"‘’'")
    return last in _FRAGMENT_END and last not in ("say", "says")


_STRUCTURE_MARKS = re.compile(r"[|·•?:,]")


# Round 6c (r9, r10, r11, r12): headlines that announce a guide or a review, with no sentence mark — a
# label then a wh-deck ("State pension changes 2027: what's changing and when", "A long lunch in
# Lisbon's Campo de Ourique: where to eat, drink and linger", "Is a five-year fix still worth it? What
# the latest rate cuts mean for you"), a review or a recap and its deck ("The Glass Orchard review – a
# gorgeous, maddening ghost story", "‘The Long Harbour’ recap, season 2, episode 6: A wedding, …"), and
# an editorial's "The Tribune view on …: …". A speaker's line has a verb before its colon ("He said:
# what …"), which the head may not hold.
_GUIDE_HEADLINE_RE = re.compile(
    r"(?P<head>[^:?–—.!]{3,80})(?P<sep>[:?])\s+(?:[Ww]hat|[Ww]here|[Hh]ow|[Ww]hy|[Ww]hen|[Ww]ho)\b[^.!?:;]{2,80}"
    r"|(?P<review>[^:–—.!?]{2,60})\s(?:review|recap)(?:,[^:–—.!?]{1,40})?\s*[:–—]\s+[^.!?]{2,100}"
    r"|(?:The\s+)?[A-Z][\w’'-]*\s+view\s+on\b[^:.!?]{1,60}:\s+[^.!?]{2,100}"
)
_GUIDE_MARKS = re.compile(r"[:?–—]")


def _guide_or_review_headline(body: str) -> bool:
    if _GUIDE_MARKS.search(body) is None:
        return False
    m = _GUIDE_HEADLINE_RE.fullmatch(body)
    if m is None:
        return False
    head = m.group("head")
    # (a question before the deck is the headline's own: "Is a five-year fix still worth it? What …")
    return (
        head is None
        or m.group("sep") == "?"
        or _SENTENCE_VERBS.isdisjoint(w.lower() for w in _LETTER_RUNS.findall(head))
    )


def _structured_unterminated(text: str) -> bool:
    body = text.strip()
    if not body or body[-1] in _SENTENCE_END or _STRUCTURE_MARKS.search(body) is None:
        return False  # (the cheap tests first: most unterminated lines are wire lines with no mark)
    if not _opens_as_heading(body) or _ends_cut(body):
        return False
    tokens = body.split()
    if len(tokens) > _STRUCTURED_MAX_WORDS or body.isupper():
        return False
    if not _TABLE_WORDS.isdisjoint(w.lower() for w in tokens):
        return False  # a results table row ("Shr 23 cts vs 18 cts")
    if ("|" in body or "·" in body or "•" in body) and len(parts := _FIELD_SEP.split(body)) >= 2:
        # Every field holds words: a price row's fields are figures ("Copper | 1.23 | 1.25"); a byline's
        # date field has its month ("By Gareth Lyle · 9 January 2025, 7:30am ACDT", round 6b).
        return all(
            _opens_as_heading(p)
            and p[-1] not in ".!?;"
            and not _ends_cut(p)
            and _LETTER_RUNS.search(p) is not None
            for p in parts
        )
    if 10 * sum(DIGIT_RE.search(w) is not None for w in tokens) > 3 * len(tokens):
        return False  # mostly figures: a table row
    if "?" in body and (m := _DECK_RE.fullmatch(body)) is not None:
        return len(m.group("deck").split()) >= 2
    if ":" in body and (m := _LABEL_DECK_RE.fullmatch(body)) is not None:
        return _label_and_deck(m.group("head"), m.group("deck"))
    if (
        "," in body
        and len(tokens) <= _HEADLINE_MAX_WORDS
        and (m := _PRESENT_SOURCE_RE.search(body)) is not None
    ):
        # The claim before the source reads as a headline's: a few words, no relative clause, not a
        # connective ("Nonetheless, monetary sources say" is a cut wire line).
        low = [w.lower() for w in _LETTER_RUNS.findall(body[: m.start()])]
        return (
            len(low) >= _SHORT_HEADING_WORDS
            and low[0] not in _NOT_HEADLINE_FIRST
            and low[0] not in _NOT_HEADING_FIRST
            and _RELATIVE_WORDS.isdisjoint(low)
        )
    return False


_RELATIVE_WORDS = frozenset("which who whom whose that".split())


def _label_and_deck(head: str, deck: str) -> bool:
    """A quotation or a short label before the colon, and a deck of words after it: "DVD review:
    Spider-Man 2", "At a glance: Tory health checks". Not a note or a table row ("Note: per share data
    not given", "End-Day Backlog: 28 18", "Usage: Food 700 690"), nor a quoted speaker's line with its
    verb ("Murphy: That was a bruising battle")."""
    deck_tokens = deck.split()
    if len(deck_tokens) < 2 or 10 * sum(DIGIT_RE.search(w) is not None for w in deck_tokens) > 3 * len(
        deck_tokens
    ):
        return False
    if head[0] in '“"‘':
        return True
    low = [w.lower() for w in _LETTER_RUNS.findall(head)]
    deck_low = [w.lower() for w in _LETTER_RUNS.findall(deck)]
    return (
        bool(low)
        and len(head.split()) <= _LABEL_MAX_WORDS
        and not head.isupper()
        and low[0] not in _NOT_HEADING_FIRST
        and low[0] not in _NOT_HEADLINE_FIRST
        and low[0] not in _CAPTION_LABELS
        and _SENTENCE_VERBS.isdisjoint(low)
        and _SENTENCE_VERBS.isdisjoint(deck_low)
    )


# A caption after its label describes the picture: content ("Image: a satellite view of the dam").
_CAPTION_LABELS = frozenset(
    "image images photo photos photograph picture pictures pictured caption graphic map chart".split()
)


# Round 6b: a dateline with no agency, alone on its line ("WINNIPEG —", "NAIROBI, Kenya –"): a place
# in capitals and a spaced typographic dash, nothing after it. A wire table heading ends on a hyphen
# ("ALL WHEAT -") and stays text.
# (round 8: a place outside ASCII, and a date after the place: "MANCHESTER, Feb 20 –")
_PLACE_DASH_RE = re.compile(
    r"\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,30}(?:,(?:\s+[A-Z][\w.]*){1,3}(?:\s+\d{1,2})?"
    r"|,\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?\s+[—–]\s*$"  # (round 12, r32: the day first, "NAIROBI, 3 June —")
)
# A letter's signature: a dash, a name and a place ("— Margaret Hollis, Dunedin North", "- J. Okafor,
# Leeds"): capitalised words only, no verb, nothing after.
_SIGNATURE_RE = re.compile(
    r"\s*[—–-]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?\s*$"
)


# A credit alone in brackets, a source and a name ("(NewsNorth: Leah Fitzgerald)", "(Image: Tom Price)"):
# capitalised words on both sides of the colon or slash, nothing else on the line.
_BRACKET_CREDIT_RE = re.compile(
    r"\s*\(\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*[:/]\s*[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\)\s*\.?\s*$"
)


_ALONE_ENDS = frozenset("—–)")


def _dateline_or_credit_alone(text: str) -> bool:
    body = text.rstrip()
    return (body.endswith(("—", "–")) and _PLACE_DASH_RE.match(text) is not None) or (
        body.endswith(")") and _BRACKET_CREDIT_RE.match(text) is not None
    )


def page_furniture_cues(text: str, words: frozenset[str]) -> list[Cue]:
    """A byline, timestamp, heading, teaser or share/comment prompt: the whole line as one cue."""
    return _furniture_line(text, words) if furniture_possible(text, words) else []


def _furniture_line(text: str, words: frozenset[str]) -> list[Cue]:
    """page_furniture_cues for a line furniture_possible let through."""
    if _shape_marks(text, words) and furniture_line(text, words):
        return [_whole(text)]  # round 8 (furniture_shapes.py)
    end = text.rstrip()[-1:]
    if (
        _is_heading(text)
        or _is_time_line(text, words)
        or (
            end not in _SENTENCE_END
            and (_structured_unterminated(text) or _guide_or_review_headline(text.strip()))
        )
        or (end not in _MARK_ENDS and (headline_shape(text.strip()) or byline_shape(text.strip())))
    ):
        return [_whole(text)]
    if (not text.isascii() or words.gates & _TEASER_WORDS_GATE) and _TEASER_RE.match(text):
        return [_whole(text)]
    notice = notice_line_cues(text, words)
    if notice:
        return notice
    if (
        ("@" in text and _EMAIL_INVITE_RE.match(text) is not None)
        or _page_note(text, words)
        or _about_article(text, words)
        or _button_or_live_end(text, words)
    ):
        return [_whole(text)]
    if (
        ("?" in text and _is_question_headline(text))
        or (" | " in text and _is_pipe_line(text))
        or (words.gates & _STOCK_GATE_BIT and _STOCK_LINE_RE.match(text) is not None)
    ):
        return [_whole(text)]
    # A line cut from a hard-wrapped sentence starts in lower case ("by Citicorp.", "share on its
    # common stock"): bylines and prompts start with a capital.
    first = text.lstrip(" \t\n(")[:1]
    if not first.isupper():
        return (
            [_whole(text)] if first in "—–-" and _SIGNATURE_RE.match(text) is not None else []
        )  # a signature
    if words.gates & _BYLINE_FIRST_WORDS_GATE and _is_byline(text):
        return [_whole(text)]
    if words.gates & _SHARE_WORDS_GATE or _SAY_YOUR <= words:
        m = _share_prompt(text, words)
        if m is not None:
            return [strip_cue("boilerplate", m, text)]
    if words.gates & _PROMPT_VERBS_GATE and _prompt_to_reader(text, words):
        return [_whole(text)]
    if "contributed" in words and _CONTRIBUTED_RE.search(text) is not None:
        return [_whole(text)]
    if "(" in text and _DATELINE_RE.match(text) is not None:
        return [_whole(text)]
    return [_whole(text)] if end in _ALONE_ENDS and _dateline_or_credit_alone(text) else []


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_COUNTER_WORD_SET_GATE = trigger_gate(_COUNTER_WORD_SET)
_BOILERPLATE_LINE_WORDS_GATE = trigger_gate(BOILERPLATE_LINE_WORDS)
_MONTH_WORDS_GATE = trigger_gate(MONTH_WORDS)
_BOILERPLATE_TRIGGERS_GATE = trigger_gate(BOILERPLATE_TRIGGERS)
_NOTE_SUBJECTS_GATE = trigger_gate(_NOTE_SUBJECTS)
_PAGE_WORDS_GATE = trigger_gate(_PAGE_WORDS)
_LIVE_POST_WORDS_GATE = trigger_gate(_LIVE_POST_WORDS)
_ABOUT_ARTICLE_WORDS_GATE = trigger_gate(_ABOUT_ARTICLE_WORDS)
_BUY_NOW_WORDS_GATE = trigger_gate(_BUY_NOW_WORDS)
_FURNITURE_ANYWHERE_GATE = trigger_gate(_FURNITURE_ANYWHERE)
# _page_note on ASCII text: "&", or its first word ("this" needs a note subject, "a"/"the" a review)
_PAGE_NOTE_GATE = trigger_gate(_PAGE_NOTE_FIRST | _NOTE_SUBJECTS | {"review"})
_TIME_WORDS_GATE = trigger_gate(_TIME_WORDS)
_CREDIT_GATE_BIT = trigger_gate(_CREDIT_GATE)
_WIDGET_GATE_BIT = trigger_gate(_WIDGET_GATE)
_PROMPT_GATE_BIT = trigger_gate(_PROMPT_GATE)
_ABOUT_GATE_BIT = trigger_gate(_ABOUT_GATE)
_UPDATE_GATE_BIT = trigger_gate(_UPDATE_GATE)
_TEASER_WORDS_GATE = trigger_gate(_TEASER_WORDS)
_STOCK_GATE_BIT = trigger_gate(_STOCK_GATE)
_BYLINE_FIRST_WORDS_GATE = trigger_gate(_BYLINE_FIRST_WORDS)
_SHARE_WORDS_GATE = trigger_gate(_SHARE_WORDS)
_PROMPT_VERBS_GATE = trigger_gate(_PROMPT_VERBS)
_PROSE_WORDS_GATE = trigger_gate(_PROSE_WORDS)
_NOTICE_WORDS_GATE = trigger_gate(_NOTICE_WORDS)
_CORRECTION_GATE_BIT = trigger_gate(CORRECTION_GATE)
