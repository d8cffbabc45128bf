"""Round 14 (issue #17): page furniture that reads like a sentence — the lines a page puts around its story,
told by the shape of the line and its place on the page, not by one wording (r34 ×10, r35 ×11 gold boilerplate
read as reported, filler or opinion; the three writers no rule-changer saw lost 18 such lines).

* a gallery counter or a jump link: "Image 4 of 12", "Jump to comments (48)";
* a part heading or a section label before a headline with no full stop: "Chapter 3: The deal that never
  was", "Analysis: Can Ferncliff survive without their captain?", a numbered heading "3. Quick hits";
* the page's own notes: "Sponsored content produced in partnership with Kestrel Bank", "Some links on this
  page are affiliate links, …", "To reproduce this article, please contact our syndication desk.", "Follow
  our live coverage of the budget on our app.", "For the latest warnings, visit Emergency WA or …";
* a prompt after a question to the reader, to act on the page: "Want more stories like this? Subscribe to
  Weekend Reads.", "Got a tip? Contact our newsdesk in confidence.", "Have thoughts on the rate hike? Drop
  them below and keep it civil.";
* an author bio's contact ("Dana Okafor covers city government and schools. Reach her at 555-0142."), a
  company's "About <Name>:" paragraph, a masthead ("The Dry Patch — a blog about growing food …");
* headlines the page sets without a full stop: a dateline alone ("Pune, Maharashtra, 21 January 2025 —"), a
  listicle ("11 Genius Ways to Slash Your Electricity Bill This Winter (Number 7 Will Shock You)"), a
  tabloid cry before its headline ("KIT-TASTROPHE! Rovers boss fumes as …"), a headline's dropped copula
  before "likely/set/expected to" ("Rain likely to disrupt weekend fixtures across Lancashire").

A sentence of the story has its own subject before such a phrase and ends with its full stop ("Police urged
anyone who can help to contact them at the station." is not a bio), and the caller skips a line that holds a
quotation mark where a speaker could be quoted.
"""

from __future__ import annotations

import re

from factsieve.classify.prefilter import trigger_gate

_I = re.IGNORECASE
_MAX_CHARS = 220
_NUMBER_WORDS = r"(?:\d{1,3}|[IVX]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Lines that end without a sentence's full stop (a heading, a label, a headline).
_UNSTOPPED = r"[^.]*[^.\s]\s*$"
_OPENING_RE = re.compile(
    r"\W*(?:"
    r"(?:image|photo|picture|photograph|slide)\s+\d+\s+(?:of|/)\s+\d+\s*$"
    r"|(?:jump|skip|go|scroll|back)\s+(?:down\s+)?to\s+(?:the\s+)?(?:comments?|content|main\s+content|top|navigation"
    r"|replies|gallery)\b[^.!?]{0,20}$"
    r"|(?:chapter|part|episode|act|volume)\s+"
    + _NUMBER_WORDS
    + r"\s*[:.—–-]\s+\S"
    + _UNSTOPPED
    + r"|(?:analysis|opinion|comment|explainer|review|interview|feature|exclusive|breaking|podcast|editorial|q&a"
    r"|profile|preview|recap|fact\s+check|first\s+look|long\s+read|in\s+depth|perspective|column|news\s+analysis"
    r"|the\s+big\s+read|big\s+read)\s*:\s+[\w‘“'\"]"
    + _UNSTOPPED
    + r"|(?:sponsored|paid|promoted|partner|advertiser|branded)\s+(?:content|post|feature|article|story|partnership"
    r"|by|in\s+partnership)\b"
    r"|this\s+(?:article|content|story|feature|post|piece)\s+(?:was|is|has\s+been)\s+(?:sponsored|paid\s+for"
    r"|produced\s+in\s+partnership|funded\s+by|supported\s+by)\b"
    # round 15 (r37): "This post may contain sponsored content.", "This article contains affiliate links."
    r"|this\s+(?:article|post|page|story|guide|video|review|piece|feature)\s+(?:may\s+contain|contains|includes"
    r"|may\s+include)\s+(?:sponsored|affiliate|paid|promotional|partner)\b"
    # round 15 (r37, r38): an order to take the page's app or newsletter, after a lead-in and a colon or a dash —
    # "Don't miss out: download our app for breaking news alerts.", "Get dealer news every Tuesday — join the AED
    # weekly briefing."
    r"|(?:[^.!?:—–]{0,60}?(?::|\s[—–-])\s+)?(?:download|get)\s+(?:our|the)\s+(?:free\s+)?(?:[\w-]+\s+)?app\b"
    r"|[^.!?:—–]{0,60}?(?::|\s[—–-])\s+(?:join|subscribe\s+to|sign\s+up\s+(?:to|for))\s+(?:our|the)\s+"
    r"(?:[\w'’&-]+\s+){0,4}?(?:newsletter|briefing|bulletin|digest|mailing\s+list)\b"
    # round 15 (r38): a press release's safe-harbour sentence, "Actual results could differ materially from …"
    r"|actual\s+(?:results|outcomes|events)\s+(?:could|may|might|will)\s+differ\s+materially\b"
    # round 15 (r18, r37): a support or contact line for readers touched by the story, "If you have been affected by
    # issues raised in this story, support is available from …", "If you were affected by the floods, email …"
    r"|if\s+you\s+(?:have\s+been|were|are|['’]ve\s+been)\s+affected\s+by\b[^.;]{0,80},\s+(?:support|help|advice"
    r"|contact|call|email|e-mail|ring|text|please|you\s+can|get\s+in\s+touch)\b"
    r"|(?:some\s+|the\s+)?(?:links?|products?)\s+(?:on|in)\s+this\s+(?:page|article|post|story|guide)\s+(?:are|is|may\s+be"
    r"|contains?)\s+(?:an?\s+)?affiliate\b"
    r"|(?:to|please)\s+(?:reproduce|republish|reprint|license|syndicate)\s+this\s+(?:article|story|content|piece|photo"
    r"|image|report)\b"
    # round 15 (r37): a writer's account, "Follow Ruth on X @ruthtalksfootball for live updates …"
    r"|follow\s+(?:[A-Z][\w'’-]*\s+){1,3}on\s+(?:x|twitter|instagram|facebook|tiktok|threads|bluesky|linkedin|youtube"
    r"|mastodon|substack)\b"
    r"|follow\s+(?:our|us\s+on|the)\s+(?:live\s+)?(?:coverage|updates|blog|live\s+blog|liveblog|reporting|x|twitter"
    r"|facebook|instagram|tiktok|threads|bluesky|whatsapp)\b"
    r"|for\s+(?:more|the\s+latest|further|full|up-to-date|live|regular|all\s+the\s+latest)\b[^,.]{0,60},\s+(?:please\s+)?"
    r"(?:visit|see|go\s+to|head\s+to|check|call|follow|download|sign\s+up|tune\s+in|log\s+on|contact|click|email"
    r"|subscribe)\b"
    # round 16 (r41 and our own): a service line of the paper, a purpose and where to turn with its number or address
    # — "To place an obituary or memorial notice in The Ankobra Times, call 0302 555 881.", "To advertise with us,
    # email ads@…" (a story's "To reach the summit, climbers …" has no contact after its comma)
    r"|to\s+(?:place|advertise|book|submit|order|arrange|buy|request|report|suggest|send|sponsor|list|enquire|inquire)"
    r"\b[^.?!]{0,80}?,\s+(?:please\s+)?(?:call|ring|phone|email|e-mail|text|visit|contact|write\s+to|go\s+to)\b"
    r"[^?!]{0,60}?(?:\d{3}|@|www\.|\.(?:com|org|net|co\.uk|ie|example)\b)"
    # round 16 (r40): the page's review stamp with its date, "Last reviewed by our editorial team on 18 January 2025."
    r"|(?:last\s+)?(?:medically\s+|clinically\s+)?(?:reviewed|updated|checked|fact-checked|edited|verified|revised)\s+by"
    r"\s+[^.!?\d]{2,60}?\s+on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*\.?\s*$"
    # a company's boilerplate paragraph or a bio opened by its name and a colon (round 12 took "About Nell: Former …")
    r"|(?-i:About\s+[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,4}\s*:\s+[A-Z])"
    r")",
    _I,
)
# (the no-cue path's gate: the openings of the shapes that may end with a full stop, and the rarer words of the
# others — "The", "This", "For", "To" open too many sentences of the story)
_GATE_OPENINGS = (
    "Sponsored",
    "Paid ",
    "Promoted",
    "Partner ",
    "Advertiser",
    "Branded ",
    "Follow ",
    "About ",
    "Image ",
    "Photo ",
    "Picture ",
    "Slide ",
    "Jump ",
    "Skip ",
    "Go to",
    "Scroll ",
    "Back to",
    "Chapter ",
    "Part ",
    "Episode ",
    "Act ",
    "Volume ",
    "Actual ",  # round 15
    "If you have been affected",
    "If you were affected",
    "If you are affected",
    # round 16: a service line's purpose (the review stamp and the comments go by their words, below: "Last", "Our",
    # "The" open too many sentences)
    "To place",
    "To advertise",
    "To book",
    "To submit",
    "To order",
    "To arrange",
    "To buy",
    "To request",
    "To report",
    "To suggest",
    "To send",
    "To sponsor",
    "To list",
    "To enquire",
    "To inquire",
)
_GATE_WORDS = frozenset(
    """affiliate sponsored reproduce republish reprint license syndicate visit subscribe download tune newsletter
    briefing bulletin digest""".split()
)
# (the pattern's other openings — "Some", "The", "To", "Please" — come with one of these words; "This" and
# "For" with these)
_THIS_NOTE_WORDS = frozenset("sponsored paid produced funded supported affiliate promotional partner".split())
_POINTER_VERBS = frozenset(
    "visit see go head check call follow download sign tune log contact click email subscribe".split()
)
# A section label before a colon opens with one of these (a prefix test before the pattern).
_LABEL_FIRST = frozenset(
    """analysis opinion comment explainer review interview feature exclusive breaking podcast editorial q&a profile
    preview recap fact first long in perspective column news the big""".split()
)

# A prompt after a question put to the reader: an imperative to act on the page (subscribe, write in, drop a
# comment) — with the page named ("our", "us", "below", "in confidence", a newsletter) unless the verb is the
# page's own ("subscribe", "sign up").
_ASKED_THEN_TOLD = re.compile(
    r"[^?\"“”]{2,80}\?\s+(?:please\s+)?(?P<verb>subscribe|sign\s+up|contact|drop|send|forward|tell|share|follow|join|register"
    r"|donate|email|e-mail|get\s+in\s+touch|write\s+to|message|let\s+us\s+know|tip\s+us|download)\b(?P<rest>[^?!\"“”]{0,100})"
    r"[.!]?\s*$",
    _I,
)
_PAGE_NAMED = re.compile(
    r"\b(?:our|us|below|newsletter|newsdesk|newsroom|comments|confidence|editors?)\b"
    # round 15 (r38): the page itself handed on, "Know someone who just bought an air fryer? Send them this guide."
    r"|\bthis\s+(?:guide|article|story|post|page|piece|list|link|newsletter|email|e-mail|edition)\b",
    _I,
)
_ASKED_MAX_WORDS = 25
_REVIEW_WORDS = frozenset("reviewed updated checked edited verified revised".split())
# Round 16 (r41): the page's comments opened to the reader, alone or after a question to them ("Got thoughts on your
# neighborhood branch? Our comment section is open.", "Comments are open below.").
_COMMENTS_OPEN = re.compile(
    r"(?:^|\?\s+)\W*(?:our\s+|the\s+)?comments?(?:\s+section|\s+thread|\s+box)?\s+(?:is|are)\s+(?:now\s+)?open\b"
    r"[^.!?]{0,30}[.!]?\s*$",
    _I,
)
# Round 16 (r41): a press release's dateline with its wire between slashes ("DRUMFORD, Ireland — 11 June 2024
# /PRNexus/ —").
_WIRE_DATELINE_RE = re.compile(
    r"\W*[A-Za-z][A-Za-z .'’-]{1,30},\s+[A-Z][A-Za-z .'’-]{1,30}?\s+[—–-]+\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+"
    r"\d{1,2}),?\s+\d{4}\s*/[^/]{2,30}/\s*[—–-]*\s*$"
)

# An author bio's contact, opening its sentence ("Reach her at 555-0142.", "Contact him on …").
_CONTACT_RE = re.compile(
    r"(?:^|[.!]\s+)\W*(?:reach|contact|email|e-mail|follow|message)\s+(?:him|her|them)\s+(?:at|on|via)\b", _I
)
_CONTACT_WORDS = frozenset("reach contact email follow message".split())
_CONTACT_OBJECTS = frozenset("him her them".split())

# A masthead: a title, a dash and what kind of publication it is ("The Dry Patch — a blog about …").
_MASTHEAD_RE = re.compile(
    r"\W*(?:The\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,4}\s+[—–|]\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:blog|newsletter|podcast|column|magazine|site|website|journal|zine)\b" + _UNSTOPPED
)
# A dateline alone in mixed case ("Pune, Maharashtra, 21 January 2025 —"); the capitals dateline is
# boilerplate.py's.
_DATELINE_RE = re.compile(
    r"\W*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?){0,2},\s+"
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*[—–-]+\s*$"
)
# A listicle headline: a count and a plural of its kind in Title Case, no full stop.
_LISTICLE_RE = re.compile(
    r"\W*\d{1,3}\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Ways|Things|Reasons|Tips|Tricks|Signs|Steps|Mistakes|Ideas|Secrets"
    r"|Facts|Questions|Lessons|Rules|Places|Habits|Hacks|Foods|Books|Films|Movies|Songs|Apps|Gadgets|Destinations"
    r"|Myths|Products|Brands|Recipes|Moments|Games|Players|Buys|Deals)\b" + _UNSTOPPED
)
# A tabloid's cry in capitals before its headline ("KIT-TASTROPHE! Rovers boss fumes as …"), no full stop.
_TABLOID_RE = re.compile(r"\W*[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+)*[!?]\s+[A-Z][^.!?]{5,120}[^.!?\s]\s*$")
# A headline's dropped copula before a forecast ("Rain likely to disrupt weekend fixtures across Lancashire",
# "Rates set to rise again"): the subject, then the adjective with no "is/are" before it, no full stop.
_HEADLINE_FORECAST_RE = re.compile(
    r"\W*[A-Z][\w'’-]*(?:\s+(?!(?:is|are|was|were|be|been|seems?|looks?|appears?|remains?|not)\b)[\w'’-]+){0,5}?"
    r"\s+(?:likely|unlikely|set|poised|tipped)\s+to\s+[a-z]+[^.!?:;,]*[^.!?:;,\s]\s*$"
)
# A wire story's hard-wrapped line ends on a word that cannot end a heading ("1. The finance ministers and central
# bank governors of", "On fields likely to pay PRT in the future, the benefit is"): not a heading. ("about" is
# left out: a heading may strand it, "1. The salt study everyone is arguing about")
_CUT_END = frozenset(
    """the a an of to and or for in on at by with that which who from as is are was were be been its their his
    her this these those but than into under over after before between not""".split()
)
_NOT_HEADLINE_FIRST = frozenset(
    "it he she they we i you this that there these those on in at if when".split()
)
_HEADLINE_MAX_WORDS = 14
_HEADLINE_FORECAST_WORDS = frozenset("likely unlikely set poised tipped".split())

# A numbered heading: "3. Quick hits", "1. The salt study everyone is arguing about" (a numbered point of running
# text ends with its full stop; a table row holds more figures).
_NUMBERED_RE = re.compile(r"\W*\d{1,2}\.\s+[A-Z][^.!?\d]{2,80}[^.!?\s\d]\s*$")
_NUMBERED_MAX_WORDS = 10


# The first test of the gate (most sentences have none of these words, no "? ", no early colon and none of the
# openings' first four characters), inlined by the callers: ``words.gates & PAGE_PROMPT_BIT or "? " in text or
# ":" in text[:24] or text[:4] in PAGE_PROMPT_PREFIXES``.
# ("This" and "For" go by their opening: their words — "paid", "see", "call" … — are in too many sentences.)
PAGE_PROMPT_BIT = trigger_gate(_GATE_WORDS | _CONTACT_WORDS | {"comment", "comments"} | _REVIEW_WORDS)
PAGE_PROMPT_PREFIXES = frozenset(o[:4] for o in _GATE_OPENINGS) | frozenset(("This", "For "))
# The marks that close a sentence or a quotation: a line ending on one is no unstopped heading or headline.
STOPS = frozenset(".?!\"”’'")


def page_prompt_gate(text: str, words: frozenset[str]) -> bool:
    """For the classifier's no-cue path: a line ending with its full stop that may still be one of the shapes
    (an unstopped line reaches the furniture finders anyway)."""
    return (
        text.startswith(_GATE_OPENINGS)
        or (":" in text[:24] and text[:24].split(None, 1)[0].rstrip(":").lower() in _LABEL_FIRST)
        or "? " in text
        or (text.startswith("This ") and not words.isdisjoint(_THIS_NOTE_WORDS))
        or (("comment" in words or "comments" in words) and "open" in words)  # round 16
        or (
            not words.isdisjoint(_REVIEW_WORDS) and "by" in words and "on" in words
        )  # round 16: a review stamp
        or (text.startswith("For ") and not words.isdisjoint(_POINTER_VERBS))
        or not words.isdisjoint(_GATE_WORDS)
        or (not words.isdisjoint(_CONTACT_WORDS) and not words.isdisjoint(_CONTACT_OBJECTS))
    )


def page_prompt(text: str, words: frozenset[str]) -> bool:
    """True when the line is one of the page lines in the module docstring (asked of every sentence that
    boilerplate_cues found nothing in: the first tests are the cheap ones)."""
    if len(text) > _MAX_CHARS:
        return False
    body = text.strip()
    if not body:
        return False
    if (
        words.gates & PAGE_PROMPT_BIT or "? " in body or ":" in body[:24] or body[:4] in PAGE_PROMPT_PREFIXES
    ) and page_prompt_gate(body, words):
        if _OPENING_RE.match(body) is not None:
            return True
        if ("comment" in words or "comments" in words) and _COMMENTS_OPEN.search(body) is not None:
            return True
        if "? " in body and body.count(" ") < _ASKED_MAX_WORDS:
            m = _ASKED_THEN_TOLD.match(body)
            if (
                m is not None
                # (a comma after the imperative: someone's words with their speaker, 'Who started it? Tell us the
                # truth, the judge told the boy.' — boilerplate._SPEECH_TAIL's test)
                and ", " not in m.group("rest")
                and (
                    m.group("verb").lower() in ("subscribe", "sign up")
                    or _PAGE_NAMED.search(m.group("rest")) is not None
                )
            ):
                return True
        if (
            not words.isdisjoint(_CONTACT_WORDS)
            and not words.isdisjoint(_CONTACT_OBJECTS)
            and _CONTACT_RE.search(body) is not None
        ):
            return True
    end = body[-1]
    if end in STOPS or body.rsplit(None, 1)[-1].lower() in _CUT_END:
        return False
    if end in "—–-":
        return _DATELINE_RE.match(body) is not None or (
            "/" in body and _WIRE_DATELINE_RE.match(body) is not None
        )
    if body[:1].isdigit():
        if _LISTICLE_RE.match(body) is not None:
            return True
        return body.count(" ") < _NUMBERED_MAX_WORDS and _NUMBERED_RE.match(body) is not None
    if body[:2].isupper() and _TABLOID_RE.match(body) is not None:
        return True
    if ("—" in body or "–" in body or "|" in body) and _MASTHEAD_RE.match(body) is not None:
        return True
    return (
        "to" in words
        and not words.isdisjoint(_HEADLINE_FORECAST_WORDS)
        and body.count(" ") < _HEADLINE_MAX_WORDS
        and body.split(None, 1)[0].lower() not in _NOT_HEADLINE_FIRST
        and _HEADLINE_FORECAST_RE.match(body) is not None
    )
