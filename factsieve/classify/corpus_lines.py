"""Sentence shapes of public news corpora (round 7c, issue #17): transcript speaker turns, picture
credits and support calls, reporter bios, wire update tags.

factsieve/text removes furniture that stands on its own line; in CC-News, the Kaggle fake/real CSVs,
CNN transcripts, CNN/DailyMail and XSum these shapes sit inside running text, so the classifier meets
them as sentences. ``corpus_line_cue`` is called once, at the top of ``classifier.classify``, and
returns one cue or None:

- kind "attribution" for a speaker turn ("COOPER: Gas is down …"): the capitals before the colon name
  who speaks, so the rest is that speaker's (the classifier reads it as quoted speech);
- kind "boilerplate" for the other shapes, which are page furniture whatever their words.

Each test is gated on a cheap character test (a colon or hyphen near the start, a capital first
letter, a role word) before any regex: most news sentences leave after one or two comparisons.
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, new_cue
from factsieve.classify.prefilter import trigger_gate

# --- Speaker turns --------------------------------------------------------------------------------
# A transcript turn: a speaker tag in capitals (a surname, a full name, a title and name, an optional
# party/state bracket or ", ROLE" after it) then a colon and the words spoken. Capitals only: "Note:"
# or "Update:" in sentence case are labels, and a mixed-case "Lagos, Nigeria:" is a dateline.
_SPEAKER_MAX_TAG = 60
_SPEAKER_RE = re.compile(
    r"\s*(?P<tag>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]*){0,3}"
    r"(?:\s*\([\w.,\s-]{1,24}\))?(?:,\s+[A-Z][A-Z'’.\s-]{1,40})?)\s*:\s+(?=[\w\"“‘$£€(])"
)
# Page and wire labels written in capitals before a colon: they announce the story (a headline label),
# not a speaker. A closed class of the page's vocabulary, not of content words.
_LABEL_TAGS = frozenset(
    """update updated updates breaking watch exclusive live note notes correction corrections clarification
    analysis opinion comment commentary editorial video videos photo photos image images picture pictures
    gallery read more related see also source sources alert flash urgent bulletin listen podcast review
    interview explainer developing just in trending advertisement sponsored warning spoiler timeline
    factbox graphic poll quiz news sport sports business world pictured credit disclaimer tags topics file
    editor editors editor's editors' fact check reality recap preview summary key points what why how
    when where who q a faq tl;dr p.s. ps nb re fw fwd subject date from to cc bcc""".split()
)

# A city in capitals before a colon is a dateline in much of the South Asian and Gulf press ("KARACHI:
# Police on Tuesday arrested …"); its lead gives the day of the event, as wire leads do. A place and a
# surname have the same shape, so the lead decides: a weekday or a dated "on" reads as a dateline.
# A speaker who names the day ("COOPER: The vote is on Tuesday.") is missed (docs/EVALUATION.md).
_NEWS_LEAD_DAY = re.compile(
    r"\b(?:on|late|early|since|until|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\bon\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d"
)


def _speaker_turn(text: str) -> Cue | None:
    m = _SPEAKER_RE.match(text)
    if m is None:
        return None
    tag = m.group("tag")
    letters = [c for c in tag if c.isalpha()]
    if len(letters) < 2 or len(tag) > _SPEAKER_MAX_TAG:
        return None
    head = tag.split("(")[0].split(",")[0]
    if any(w.strip(".:").lower() in _LABEL_TAGS for w in head.split()):
        return None
    rest = text[m.end() :]
    if not _prose(rest):
        return None  # a table or figures line under a capitals label ("VOLUME: 19,540,629")
    if _NEWS_LEAD_DAY.search(rest) is not None:
        return None  # a dateline and its lead ("MUMBAI: The carrier on Wednesday raised …")
    return new_cue("attribution", tag, m.start("tag"), m.end("tag"))


# Spoken words and a headline in sentence case are prose: most words after the first are lower-case
# ("Gas is down to $3.10 a gallon."). Wire tables in capitals ("PARANA STATE: UMUARAMA NIL, …",
# "TOTALS: Volume 2, Open Positions 158") and figures ("DFL BOTH 5-3/8 1/4") are not.
_MIN_PROSE_WORDS = 3
_PROSE_SHARE = 0.4


def _prose(rest: str) -> bool:
    tail = [w for w in rest.split()[1:] if w[:1].isalpha()]
    if len(tail) < _MIN_PROSE_WORDS - 1:
        return False
    return sum(w[0].islower() for w in tail) >= _PROSE_SHARE * len(tail)


# --- Wire update tags -----------------------------------------------------------------------------
# A wire headline keeps the desk's tag glued to it by a hyphen: "UPDATE 2-Senate passes …", "RPT-…",
# "CORRECTED-UPDATE 1-…", "REFILE-…". The tag words are the wires' closed set; any capitals word with a
# number before the hyphen ("WRAPUP 3-", "GLOBAL MARKETS 2-") is a numbered update too. "US-China talks"
# or "COVID-19 cases" have neither.
_WIRE_TAG = (
    r"(?:UPDATE|RPT|REPEAT|CORRECTED|CORRECTION|REFILE|REFILED|WRAPUP|INSIGHT|ANALYSIS|FACTBOX|TIMELINE"
    r"|EXCLUSIVE|PREVIEW|BREAKINGVIEWS|BRIEF|BUZZ|RESEND|FEATURE|GRAPHIC|FOCUS|SPECIAL\s+REPORT|POLL|TABLE"
    r"|[A-Z]{2,}(?:\s+[A-Z]{2,})?\s+\d{1,2})"
)
_WIRE_RE = re.compile(rf"\s*(?:{_WIRE_TAG}(?:\s+\d{{1,2}})?-)+(?=[A-Z\"“‘'$£€])")


# --- Picture credits and support calls ------------------------------------------------------------
# A credit names the picture, how it came ("via", "by", "from", "courtesy of", "credit:") and then only
# names, agencies and slashes: "Featured image via Andrew Burton/Getty Images", "Header photo by Jo
# Lee/AFP". A caption ("The image via satellite showed the flooded valley") has lower-case content
# words after the source.
_CREDIT_RE = re.compile(
    r"\s*\(?(?:[A-Z][a-z]+\s+)?(?i:image|images|photo|photos|photograph|picture|pictures|screenshot|screengrab"
    r"|illustration|graphic|video)\s+(?i:via|by|from|courtesy\s+of|credit\s*:|source\s*:)\s+"
    r"(?P<names>[^.!?;:]{2,80}?)\)?\.?\s*$"
)
_CREDIT_CONNECTORS = frozenset("and of the via for / & - on at".split())

# A call to pay for or join the outlet: an imperative to support/subscribe/donate/become/join, with
# the outlet's "our"/"us" or a membership noun, and nothing else ("Please support our work by
# subscribing", "Become a patron today", "Donate now to keep us independent"). A sentence that reports
# someone asking ("Residents were asked to support the food bank") does not open on the imperative.
_SUPPORT_RE = re.compile(
    r"\s*(?:please\s+)?(?:support|subscribe|donate|become|join|consider\s+(?:supporting|subscribing|donating"
    r"|becoming))\b(?=[^.!?]*\b(?:our|us|patron|patreon|member|subscriber|supporter|donor)\b)"
    r"[^.!?]{0,90}[.!]?\s*$",
    re.IGNORECASE,
)
_SUPPORT_OBJECT = re.compile(
    r"\b(?:our\s+(?:work|journalism|reporting|newsroom|mission|coverage|site|channel|newsletter|podcast)"
    r"|us\b|a\s+(?:patron|member|subscriber|supporter|donor)|patreon|today|now)\b",
    re.IGNORECASE,
)

# --- Reporter bios --------------------------------------------------------------------------------
# A name (two or three capitalised words) then what the journalist is, for whom, and the beat — and
# nothing more: "Jane Roe is a reporter for Reuters covering Congress.", "Maria Lopez is the paper's
# Latin America correspondent.", "Ali Khan has been the station's chief political reporter since 2019."
# A journalist in the news ("The reporter, who covered Congress for a decade, was detained") opens on
# a common noun; a bio followed by news ("… for Reuters who was detained on Monday") fails the tail.
_BIO_ROLES = frozenset(
    """reporter reporters correspondent correspondents editor writer columnist journalist critic producer
    photographer photojournalist contributor anchor presenter blogger""".split()
)
_BIO_ROLE = (
    r"(?i:reporter|correspondent|editor|writer|columnist|journalist|critic|producer|photographer"
    r"|photojournalist|contributor|anchor|presenter|blogger|bureau\s+chief)"
)
_OUTLET = r"(?:the\s+)?[A-Z][\w'’&+.-]*(?:\s+(?:[A-Z][\w'’&+.-]*|of|and|&))*?"
_BIO_NAME_RE = re.compile(
    r"\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+(?:is|has\s+been|was)\s+"
    r"(?:a|an|the|our|(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2}['’]s)\s+"
    r"(?:(?:the\s+)?(?:paper|newspaper|site|station|network|magazine|outlet|agency|channel|programme|program)['’]s\s+)?"
    rf"(?:[\w-]+\s+){{0,4}}?{_BIO_ROLE}"
    rf"(?:\s+(?:for|at|with|of|on)\s+{_OUTLET})?"
    r"(?:,?\s+(?:covering|based\s+in|who\s+covers|and\s+covers|reporting\s+on|writing\s+about|focusing\s+on"
    r"|specializing\s+in|specialising\s+in)\s+[^,.;]{2,60}?)?"
    r"(?:\s+since\s+(?:19|20)\d\d)?\.?\s*$"
)


def _credit(text: str) -> bool:
    m = _CREDIT_RE.match(text)
    if m is None:
        return False
    names = m.group("names").replace("/", " / ").split()
    return bool(names) and all(w[0].isupper() or w.lower() in _CREDIT_CONNECTORS for w in names)


def _support_call(text: str) -> bool:
    return _SUPPORT_RE.match(text) is not None and _SUPPORT_OBJECT.search(text) is not None


def _wire_headline(text: str) -> bool:
    m = _WIRE_RE.match(text)
    return m is not None and _prose(text[m.end() :])


# The words without which no credit, support call or bio can match (classifier.classify tests them
# before calling corpus_line_cue, with the capitals-run test).
CORPUS_GATE_WORDS = _BIO_ROLES | frozenset(
    """image images photo photos photograph picture pictures screenshot screengrab illustration graphic video
    support subscribe donate become join consider""".split()
)


def corpus_line_cue(text: str, words: frozenset[str]) -> Cue | None:
    """The one cue of a public-corpus shape (see the module docstring), or None. ``words`` are the
    sentence's lower-cased words (prefilter.words_of)."""
    if text[:1].isspace():
        text_start = text.lstrip()
    else:
        text_start = text
    # Speaker and wire tags open on a run of capitals ("COOPER:", "UPDATE 2-"): one character test
    # before any search (most sentences open on a capital followed by a lower-case letter).
    if text_start[1:2].isupper():
        # ... and the tag before the colon or hyphen has no lower-case letter ("(D-NM)" aside, which
        # the regex checks): a mixed-case label or dateline leaves without a search.
        colon = text.find(":", 0, _SPEAKER_MAX_TAG + 4)
        if colon != -1 and not _has_lower(text, colon):
            cue = _speaker_turn(text)
            if cue is not None:
                return cue
        hyphen = text.find("-", 0, 32)
        if hyphen != -1 and not _has_lower(text, hyphen) and _wire_headline(text):
            return _whole(text)
    if not words.gates & _CORPUS_GATE_WORDS_GATE or not (text_start[:1].isupper() or text_start[:1] == "("):
        return None
    if (words.gates & _BIO_ROLES_GATE and _BIO_NAME_RE.match(text) is not None) or _credit(text):
        return _whole(text)
    return _whole(text) if _support_call(text) else None


def _has_lower(text: str, end: int) -> bool:
    head = text[:end].split("(", 1)[0]  # a party bracket or "(through translator)" may be lower-case
    return head != head.upper()


def _whole(text: str) -> Cue:
    stripped = text.strip()
    start = text.find(stripped)
    return new_cue("boilerplate", stripped, start, start + len(stripped))


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_BIO_ROLES_GATE = trigger_gate(_BIO_ROLES)
_CORPUS_GATE_WORDS_GATE = trigger_gate(CORPUS_GATE_WORDS)
