"""Round 10 (issue #17): page furniture written as a whole sentence — the notes a press release, a
newsletter, a shop page or a memorial page carries around its story (r28 ×2, r29 ×7, the held-out pool's
boilerplate -> reported). Each is told by the page it belongs to, not by one wording:

* the press release's own notes: a wire dateline with the distributor in slashes ("BRACKENRIDGE, Ore.,
  March 4, 2025 /PRWireDesk/ --"), its forward-looking-statements notice ("This release contains
  forward-looking statements; actual results may differ materially …");
* the shop page's disclosure: "As a participant in affiliate programs, TopPickHub earns from qualifying
  purchases.", "… may earn a commission from links on this page";
* the paywall and the forwarded newsletter: "Subscribers can read this article in full — log in or
  subscribe to continue.", "Forwarded this email? Sign up here to get it every Monday.";
* the page asking for the reader's response in its own terms: "Get stuck in below and tell us.", "Leave a
  tribute to Ivy in our online book of condolence.", "Sign the book of condolence";
* an obituary's label line ("Obituary: Marguerite Fell, 1931–2024");
* an author bio opened by "About <first name>:" ("About Marnie: former bank teller, mum of two …").

A sentence of the story that reports such a thing has a subject of its own before the phrase ("The firm
warned investors that its forward-looking statements …" stays a sentence: the notice opens its line).
"""

from __future__ import annotations

import re

from factsieve.classify.prefilter import trigger_gate

_I = re.IGNORECASE
_NOTICE_RE = re.compile(
    r"\W*(?:"
    r"[A-Z][A-Z .'-]+,\s+(?:[A-Z][\w.]*\s*,?\s+)?[A-Z][a-z]{2}\w*\.?\s+\d{1,2},\s+\d{4}\s+/[^/]{2,40}/\s*(?:--|—|–)\s*$"
    r"|(?:this|the)\s+(?:press\s+)?(?:release|announcement|statement|document)\s+(?:contains|includes|may\s+contain)"
    r"\s+(?:certain\s+)?forward-looking\s+statements\b"
    r"|(?:as\s+an?\s+(?:\w+\s+){0,2}(?:participant|associate|affiliate)\b[^,]{0,60},\s+)?[\w&.' -]{2,40}\s+earns?\s+"
    r"(?:a\s+(?:small\s+)?commission\s+)?from\s+qualifying\s+purchases\b"
    r"|subscribers\s+can\s+read\s+(?:this|the)\s+(?:full\s+)?(?:article|story|piece)\b"
    r"|(?:[^.?!]{0,60}[—–-]\s+)?log\s+in\s+or\s+subscribe\s+to\s+(?:continue|read|keep)\b"
    r"|forwarded\s+this\s+(?:email|e-mail|newsletter)\s*\?"
    r"|(?:was\s+it\s+[^?]{1,30}\?\s+)?get\s+stuck\s+in\s+below\b"
    r"|(?:please\s+)?(?:leave|sign|post)\s+(?:a\s+)?(?:tribute|message|condolence)s?\b[^.]{0,60}"
    r"\b(?:book\s+of\s+condolences?|guestbook|guest\s+book|tributes?\s+page)\b"
    r"|(?:sign|visit)\s+(?:our|the)\s+(?:online\s+)?book\s+of\s+condolences?\b"
    r"|(?:obituary|obit|in\s+memoriam)\s*:\s+(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s+(?:c\.\s*)?\d{4}\s*[–-]\s*\d{4}\s*$"
    # (round 12, r33: the bio may open on a capital, "About Nell: Former bank clerk, …")
    r"|(?-i:About\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?:\s+(?:[Aa]\s+|[Aa]n\s+)?(?:[Ff]ormer\s+)?[a-z]+)"
    # round 12 (r32, r33): the shop page's small print, the newsletter's footer, the reader's bookmark and a
    # memorial page's call for memories — each opens its line
    r"|terms\s+(?:and\s+conditions\s+|&\s+conditions\s+)?apply\b"
    r"|prices?\s+(?:are\s+|were\s+)?correct\s+at\s+(?:the\s+)?time\s+of\s+(?:publication|publishing|writing"
    r"|going\s+to\s+press)\b"
    r"|you(?:['’]re|\s+are)\s+receiving\s+this\s+(?:email\s+|e-mail\s+|newsletter\s+|message\s+)?because\b"
    r"|(?:save|bookmark)\s+(?:this|the)\s+(?:article|story|page|recipe|post|guide)\s+(?:to\s+read\s+later|for\s+later)"
    r"|share\s+your\s+(?:memories|stories|photos|pictures|tributes)\s+(?:of\s+[^.]{1,60}?\s+)?with\s+us\b"
    # a newsletter's reply prompt, a helpline footer, a how-to page's step heading
    r"|(?:just\s+)?(?:hit|press)\s+reply\b"
    r"|if\s+you\s+(?:or\s+someone\s+you\s+know\s+)?(?:are|is|have\s+been|need)\s+(?:struggling|affected|in\s+distress"
    r"|support|help)\b[^.]{0,80}\b(?:support|help|advice)\s+is\s+available\b"
    r"|step\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*:\s+\w"
    r")",
    _I,
)
NOTICE_WORDS = frozenset(
    """obituary obit memoriam qualifying subscribers subscribe forwarded stuck tribute tributes condolence condolences
    guestbook statements about""".split()
)
# round 12: the notices' openings (their words are common, so the opening is the test)
NOTICE_OPENINGS = (
    "Terms ",
    "Prices ",
    "Price ",
    "You are receiving",
    "You're receiving",
    "Save ",
    "Bookmark ",
    "Share your ",
    "Hit reply",
    "Just hit reply",
    "Press reply",
    "If you or someone",
    "If you are struggling",
    "If you're struggling",
    "Step ",
)
NOTICE_GATE = trigger_gate(NOTICE_WORDS - {"about"})
# (a word of each opening: the prefix test is asked only of a sentence that holds one)
NOTICE_OPENING_GATE = trigger_gate(
    "terms prices price receiving save bookmark share reply struggling step".split()
)


def page_notice_possible(text: str, words: frozenset[str]) -> bool:
    """A cheap first test: one of the notices' rarer words, an "About …:" opening or a dateline's tail (asked
    of every sentence boilerplate_cues sees, so no copy of the text is made)."""
    if words.gates & NOTICE_GATE:
        return True
    if text.startswith("About "):
        return ":" in text[6:40]
    if words.gates & NOTICE_OPENING_GATE and text.startswith(NOTICE_OPENINGS):
        return True
    tail = text[-3:]
    return ("-" in tail or "—" in tail or "–" in tail) and "/" in text


def page_notice(text: str) -> bool:
    """True when ``text`` opens with one of the notices in the module docstring."""
    return _NOTICE_RE.match(text) is not None
