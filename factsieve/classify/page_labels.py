"""Round 9 (issue #17): page furniture the pooled unseen errors still read as reported (gold boilerplate →
reported, the second class). Lines that are not prose, told by their shape where the shape is plain:

* a field label and a colon before its value, for the labels of a page's own notes (closed: a
  correction, a clarification, a disclosure, "About the author:", "Reporting period:"), also inside
  brackets ("(Supplied: NSW RFS)", "(Picture: Getty)");
* a line made only of date and time words with a time, a weekday or "ago" among them ("Saturday 5 April
  2025 17:52, UK", "Posted 2h ago, updated 14m ago"): a Reuters table row of years has none of the three;
* an author bio: a full name opening the line, then "is a/an/the … writer/reporter/editor …" or "is
  <desk> editor at …", or "writes about"/"covers … for" ("Chloe Harrington is a budget-travel writer who
  has visited 47 countries …", "Priya Raman is renewables editor at Windpower Week …"); a bare "Mr Lee is
  a former reporter" (a title, not a full name) is the story's;
* a link or button: a capitalised imperative of the page ("Search", "Replay", "Sign", "Browse", …) with
  its object and no sentence mark ("Search the full database of Marion County inspections", "Replay all
  games from round 7 with engine analysis"), or pointing at the page ("Watch the video above.", "Vote in
  our poll below.").

* a credit or reviewer line ("Reviewed by Marcus Thiele, certified funeral celebrant", "by Tasha Greene,
  KVTR Staff"), a whole line in brackets that credits or describes the copy ("(Submitted by …)", "(With
  inputs from agencies)"), an agency dateline standing alone with a date or a dash ("NEW DELHI, April 15
  (NNW)");
* page notes in a closed wording: an affiliate line ("earns a commission … links"), "The views in this
  column are the writer's own.", "turn on JavaScript", a newsletter "in your inbox"; a listicle or "vs."
  heading ("Seven things we learned in …", "Nimbus X2 vs. Nimbus: should you upgrade?").

The caller (furniture_shapes.furniture_line, after the round-8 shapes) asks ``page_label_possible``
first, and boilerplate._shape_marks inlines its first tests: the line's first four characters, a
bracket or figure first, a capital dateline, two trigger bits.
"""

from __future__ import annotations

import re

from factsieve.classify.prefilter import Words, trigger_gate

_LABEL_RE = re.compile(
    r"\s*\(?\s*(?:Correction|Clarification|Disclosure|Declaration\s+of\s+interest|About\s+the\s+(?:author|writer)"
    r"|Reporting\s+period|Supplied|Picture|Pictures|Photo\s+credit|Image\s+credit|Main\s+image|Top\s+image"
    r"|Transparency\s+note|Conflict\s+of\s+interest)\s*:\s+\S",
)
_LABEL_KEYS = frozenset(
    "correction clarification disclosure declaration author writer period supplied picture pictures credit main top"
    " transparency conflict".split()
)

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec""".split()
)
_DATE_LABELS = frozenset(
    "posted updated published modified last first on at ago and uk utc gmt bst cet est edt pst pdt et am pm".split()
)
_TIME_TOKEN = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$|\d{1,2}(?:[ap]\.?m\.?)$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"\d{1,4}(?:st|nd|rd|th)?$|\d{1,3}(?:h|hr|hrs|m|min|mins|s|d)$")
_UNIT_WORDS = frozenset("hour hours minute minutes min mins day days week weeks hr hrs".split())
_DATE_MAX_TOKENS = 10

_BIO_ROLES = (
    r"(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|critic|presenter|author"
    r"|commentator|blogger|photographer|broadcaster|analyst|researcher|freelancer)"
)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|da|di|le|la|al|bin)\b)?\s+[A-Z][\w'’-]+(?:-[A-Z][\w'’-]+)?"
_BIO_RE = re.compile(
    r"\s*" + _NAME + r"\s+(?:"
    r"(?:is|was)\s+(?:a|an|the|our)\s+(?:[\w'’-]+\s+){0,4}?"
    + _BIO_ROLES
    + r"s?\b(?:\s*[.,]?\s*$|\s+(?:at|for|with"
    r"|who\s+(?:has|covers|writes|reports|specialises|specializes|lives)|and|based|covering|specialising|specializing"
    r"|on|of)\b)"
    r"|is\s+(?:[\w-]+\s+){0,3}?(?:editor|correspondent|reporter)\s+(?:at|for|of)\s+[A-Z]"
    r"|is\s+[A-Z][\w'’-]*['’]s\s+(?:[\w-]+\s+){0,3}?" + _BIO_ROLES + r"\b"
    r"|(?:writes\s+about|covers\s+[^.]{3,60}?\s+for\s+(?:the\s+)?[A-Z])"
    r")"
)
_NOT_NAME_FIRST = frozenset(
    "mr mrs ms dr sir lord lady the this that it he she they we his her their our its a an".split()
)
_BIO_KEYS = frozenset(
    """reporter reporters writer writers editor correspondent journalist columnist contributor critic
    presenter author commentator blogger photographer broadcaster analyst researcher freelancer writes
    covers""".split()
)
_BIO_MAX_WORDS = 40

_LINK_VERBS = (
    r"(?:Search|Browse|Explore|Replay|Sign|Discover|Compare|Find|Play|Relive|Revisit|Catch\s+up\s+on|Meet|View|See"
    r"|Watch|Listen\s+to|Read|Vote\s+in|Take|Try|Download|Register|Book|Order|Leave|Submit|Send|Tell\s+us)"
)
_LINK_RE = re.compile(
    r"\s*" + _LINK_VERBS + r"\s+(?:the|our|all|this|these|every|more|a|an|your|full|latest|today['’]s)\b"
    r"[^.!?:;]{2,90}$"
)
_POINTER_RE = re.compile(
    r"\s*" + _LINK_VERBS + r"\b[^.!?]{2,60}\b(?:above|below|here|on\s+this\s+page)\s*[.!]?\s*$"
)
_LINK_KEYS = frozenset(
    """search browse explore replay sign discover compare find play relive revisit catch meet view see watch listen
    read vote take try download register book order leave submit send tell""".split()
)
_LINK_MAX_WORDS = 14
_DIGIT = re.compile(r"\d")
_MAX_CHARS = 300

# A credit or reviewer line ("Reviewed by Marcus Thiele, certified funeral celebrant", "by Tasha Greene,
# KVTR Staff"): a verb of the page's making (or a lower-case "by") and a name, nothing after but a role.
_CREDIT_RE = re.compile(
    r"\s*(?:(?:Medically\s+|Expertly\s+|Legally\s+)?(?:Reviewed|Fact[- ]checked|Verified|Checked|Updated|Curated"
    r"|Presented|Narrated|Hosted|Submitted)\s+by|by)\s+" + _NAME + r"(?:,\s+[\w'’ -]{2,50})?\s*$"
)
_CREDIT_KEYS = frozenset("by".split())
# A whole line in brackets that credits or describes the copy: "(Submitted by Darren Fehr)", "(With inputs
# from agencies)", "(This story has not been edited by staff and is published from a syndicated feed.)".
_BRACKET_NOTE_RE = re.compile(
    r"\s*\(\s*(?:Submitted\s+by|With\s+(?:inputs?|additional\s+reporting)\s+from|Inputs\s+from|Compiled\s+by"
    r"|Written\s+by|Text\s+by|(?:This|The)\s+(?:story|article|report|piece|copy)\s+(?:has|was|is)\b)[^()]{1,140}\)\s*\.?\s*$",
    re.IGNORECASE,
)
# A dateline standing alone with its agency in brackets: "NEW DELHI, April 15 (NNW)", "NEW ORLEANS (AW) —";
# a date or a dash is required ("SOUTH DAKOTA NO DAKOTA (CONT)" is a Reuters table line).
_DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\([A-Z][A-Za-z]{1,8}\)\s*[—–-]*"
    r"|\s+\([A-Z][A-Za-z]{1,8}\)\s*[—–-]+)\s*$"
)
# Page notes in a closed wording: an affiliate line, the column's own disclaimer, a widget's request, a
# newsletter pitch into "your inbox".
_PAGE_NOTE_RE = re.compile(
    r".{0,60}?\b(?:earns?|receives?|may\s+(?:earn|receive)|makes?)\s+(?:a\s+)?(?:small\s+)?(?:commission|affiliate\s+fee"
    r"|share\s+of\s+(?:the\s+)?(?:sales|revenue))\b.{0,60}?\blinks?\b"
    r"|\W*(?:the\s+)?views\s+(?:expressed\s+)?(?:in\s+this\s+(?:column|article|piece|op-ed|blog)\s+)?are\s+(?:the\s+|solely\s+)?"
    r"(?:writer|author|columnist|contributor)['’]?s?['’]?\s+own\b"
    r"|.{0,30}?\b(?:enable|turn\s+on|activate|switch\s+on)\s+javascript\b"
    r"|\W*(?:get|receive|have)\b.{0,80}?\b(?:in|to|into)\s+your\s+inbox\b",
    re.IGNORECASE,
)
_PAGE_NOTE_KEYS = frozenset("commission affiliate views javascript inbox".split())
# A listicle or versus heading: "Seven things we learned in week one of the trial", "5 things we learned
# from the Australian Grand Prix", "Nimbus X2 vs. Nimbus: should you upgrade?".
_LISTICLE_RE = re.compile(
    r"\s*(?:\d{1,2}|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\s+(?:(?:more|key|big|biggest|quick"
    r"|simple|surprising)\s+)?(?:things|ways|reasons|lessons|takeaways|questions|tips|moments|signs|talking\s+points)\s+"
    r"(?:we|you|to|that|from|for|about|of)\b[^.!]{2,80}$"
    r"|\s*[^:.!?]{2,40}\s+vs\.?\s+[^:.!?]{2,40}:\s+[^.!]{3,60}$"
)
_LISTICLE_KEYS = frozenset(
    "things ways reasons lessons takeaways questions tips moments signs talking vs".split()
)

# First words that open a shape above (a link's verb, a credit's "Reviewed"/"by", a listicle's number, a
# date line's label, weekday or month).
_FIRST_WORDS = (
    frozenset(
        """search browse explore replay sign discover compare find play relive revisit catch meet view see watch listen
    read vote take try download register book order leave submit send tell reviewed fact medically expertly
    legally verified checked updated curated presented narrated hosted submitted by two three four five six seven
    eight nine ten eleven twelve posted published last first modified""".split()
    )
    | _WEEKDAYS
    | _MONTHS
)
_ANY_WORDS = _BIO_KEYS | _PAGE_NOTE_KEYS | frozenset({"ago"})


# A correction that gives the right fact: a figure, a second clause, ", which is …", "the correct …".
_FACT_RE = re.compile(
    r"[;\d]|,\s+(?:which|who)\s+(?:is|was|are|were)\b|\bthe\s+correct\b|,\s+not\s", re.IGNORECASE
)


def _states_fact(body: str) -> bool:
    return _FACT_RE.search(body) is not None


def _has_digit(body: str) -> bool:
    return _DIGIT.search(body) is not None


def _date_line(body: str) -> bool:
    tokens = [t.strip(",.|•·–—-()") for t in body.split()]
    tokens = [t for t in tokens if t]
    if not 2 <= len(tokens) <= _DATE_MAX_TOKENS:
        return False
    anchor = False
    for t in tokens:
        low = t.lower()
        if _TIME_TOKEN.match(low) is not None:
            # "17:52", "7:41am" anchor the line; "14.02" only counts beside a weekday or "ago" (a Reuters
            # rate table has "60 days 7.02", "May 61.50 62.50 Jun 61.00 62.00")
            anchor = anchor or ":" in low or low[-1] == "m"
        elif low in _WEEKDAYS or low == "ago":
            anchor = True
        elif not (low in _MONTHS or low in _DATE_LABELS or low in _UNIT_WORDS or _NUMBER_TOKEN.match(low)):
            return False
    return anchor


# A reporter in the story, not the page's bio: "Karin Olsen is a reporter for the Ledger who was arrested …".
_STORY_WORDS = frozenset(
    """arrested killed jailed charged detained died injured kidnapped missing sued fired sacked accused convicted
    sentenced released freed shot attacked deported banned expelled suspended""".split()
)


def _bio(body: str, words: frozenset[str]) -> bool:
    first = body.split(None, 1)[0].lower()
    return (
        first not in _NOT_NAME_FIRST
        and words.isdisjoint(_STORY_WORDS)
        and body.count(" ") < _BIO_MAX_WORDS
        and not words.isdisjoint(_BIO_KEYS)
        and _BIO_RE.match(body) is not None
    )


def _link(body: str, words: frozenset[str]) -> bool:
    if not body[:1].isupper() or body.count(" ") >= _LINK_MAX_WORDS or words.isdisjoint(_LINK_KEYS):
        return False
    return _LINK_RE.match(body) is not None or _POINTER_RE.match(body) is not None


# The first tests, shared with boilerplate._shape_marks (which inlines them): an opening word of a shape as
# the line's first four characters (one slice, one probe), a label word with a colon early, the bit of the words a
# bio, a page note, a date line or a "vs" heading needs anywhere.
PAGE_LABEL_PREFIXES = (
    frozenset((w.capitalize() + " ")[:4] for w in _FIRST_WORDS if w not in ("by", "fact"))
    | {"Fact"}
    | {"by " + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
)
PAGE_LABEL_GATE = trigger_gate(_ANY_WORDS | {"vs"})
PAGE_LABEL_COLON_GATE = trigger_gate(_LABEL_KEYS)


def page_label_possible(text: str, words: Words) -> bool:
    """False when ``page_label_line`` cannot be true: string tests on the line's start, two trigger bits,
    and a set probed only behind them."""
    if len(text) > _MAX_CHARS:
        return False
    c = text[:1]
    if c == "(" or c.isdigit() or (" (" in text and text[:2].isupper()) or text[:4] in PAGE_LABEL_PREFIXES:
        return (
            True  # a bracket line, a figure (listicle, date line), a capital dateline, a shape's first word
        )
    if ":" in text[:40] and words.gates & PAGE_LABEL_COLON_GATE:
        return True
    if not words.gates & PAGE_LABEL_GATE:
        return False
    if "vs" in words or "ago" in words:
        return True
    if (
        c.isupper()
        and text.split(None, 1)[0].lower() not in _NOT_NAME_FIRST
        and not words.isdisjoint(_BIO_KEYS)
    ):
        return True  # a bio opens on a name
    # "the European Commission" is no affiliate note
    return not words.isdisjoint(_PAGE_NOTE_KEYS) and (
        "commission" not in words or "links" in words or "link" in words
    )


def page_label_line(text: str, words: frozenset[str]) -> bool:
    """True when the line is one of the furniture lines in the module docstring."""
    body = text.strip()
    if not body:
        return False
    if ":" in body[:40] and not words.isdisjoint(_LABEL_KEYS) and _LABEL_RE.match(body) is not None:
        # A correction that gives the right figure is content (every writer labels it reported, round 5d).
        return not (body.startswith(("Correction", "Clarification")) and _states_fact(body))
    if len(body) <= 80 and _has_digit(body) and _date_line(body):
        return True
    if body[0] == "(" and _BRACKET_NOTE_RE.match(body) is not None:
        return True
    if body[:2].isupper() and " (" in body and _DATELINE_RE.match(body) is not None:
        return True
    if "by" in words and len(body) <= 100 and _CREDIT_RE.match(body) is not None:
        return True
    if not words.isdisjoint(_PAGE_NOTE_KEYS) and len(body) <= 200 and _PAGE_NOTE_RE.match(body) is not None:
        return True
    if not words.isdisjoint(_LISTICLE_KEYS) and _LISTICLE_RE.match(body) is not None:
        return True
    return _bio(body, words) or _link(body, words)
