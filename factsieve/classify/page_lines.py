"""Round 7 (issue #17): page lines every new writer words differently — how to reach the newsroom, the
page speaking of itself, labels of the page's notes, letters' reply lines.

Three writers in a row (r13, r14, r16, and r10–r12 before them) put these on their pages in words no
earlier rule listed. What they share is structural, so that is what is matched:

* a contact line: an imperative of reaching someone (Email, Send, Write, Contact, Call, Text …, or "For
  media enquiries, contact …") together with an address to reach — an e-mail address or a phone
  number. "Send the troops home" has no address; "Police said the suspect called 999" has no
  imperative opening.
* the page speaking of itself: "This article / story / content / fact check …" as the subject, with
  a predicate about how the page is made or kept ("is part of …", "is for entertainment purposes
  only", "will be updated as …", "was updated at 15:40 GMT to include …", "was funded by …"), or "A
  version of this article appears in print …". "This report" is left out: a report is as often the
  news ("This report was published by the IMF").
* a label of a page note opening the line ("Disclaimer: …", "Our Standards: …"), a letter's reply
  line ("Re: “Council to close two libraries”"), a feedback or error-report widget, "Comments may be
  moderated …", a call to follow the outlet on a named platform.
"""

from __future__ import annotations

import re

from factsieve.classify.prefilter import trigger_gate

_CONTACT_OPENING = re.compile(
    r"\W*(?:(?:please\s+)?(?:email|e-mail|send|write|contact|call|phone|ring|text|message|whatsapp|tip\s+us|reach)\b"
    r"|for\s+(?:[\w-]+\s+){0,2}(?:enquiries|inquiries|questions|information|tips|bookings|comment),?\s+"
    r"(?:please\s+)?(?:contact|email|e-mail|call|phone|write\s+to)\b)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: at least seven digits in groups, an optional "+" and country code.
_PHONE = re.compile(r"(?<![\w.,])\+?\d{1,4}(?:[ -]?\(?\d{2,5}\)?){2,4}(?![\w.,]\d)")
_CONTACT_FIRST = frozenset(
    "email e-mail send write contact call phone ring text message whatsapp tip reach for please".split()
)

_DOC = r"(?:article|story|content|fact[\s-]check|piece|post|page|newsletter|live\s+blog|blog|podcast|episode)"
_SELF_NOTE_RE = re.compile(
    r"\W*this\s+" + _DOC + r"\s+(?:is|was|forms|has\s+been|had\s+been|will\s+be|is\s+being)\s+(?:also\s+)?"
    r"(?:part\s+of\b|(?:provided\s+)?(?:solely\s+)?for\s+(?:entertainment|information(?:al)?|educational"
    r"|general\s+information)(?:\s+purposes)?\b"
    r"|(?:regularly\s+|continually\s+|last\s+)?updated\s+(?:as|when|at|on|with|to\s+(?:include|add)"
    r"|throughout|regularly)\b(?![^.]*\bto\s+(?:reflect|correct|clarify|show)\b)"
    r"|(?:produced|funded|supported|paid\s+for|sponsored|made\s+possible|translated|syndicated)\b)"
    r"|\W*(?:a|an\s+(?:earlier|abridged|edited))\s+version\s+of\s+this\s+"
    + _DOC
    + r"\s+(?:appears|appeared|ran|was\s+published)\b",
    re.IGNORECASE,
)
_DOC_WORDS = frozenset(
    "article story content fact check piece post page newsletter live blog podcast episode".split()
)

_NOTE_LINE_RE = re.compile(
    r"\W*(?:(?:disclaimer|our\s+standards|editorial\s+standards|note\s+to\s+readers|editor['’]s\s+note)\s*:"
    r"|re\s*:\s*[“\"‘']"
    r"|affiliate\s+links?\b[^.]{0,40}?\b(?:earn|earns|pay|pays|make|makes)\s+(?:us|the\s+\w+)\s+(?:a\s+)?(?:small\s+)?commission"
    r"|comments\s+(?:may|will|are)\s+(?:be\s+)?(?:pre-)?(?:moderated|closed|reviewed)\b"
    r"|(?:report|flag)\s+(?:a|an)\s+(?:typo|error|mistake|inaccuracy)\b(?:\s+or\s+(?:an?\s+)?\w+)?\W*$"
    r"|(?:suggest|submit)\s+a\s+correction\W*$"
    r"|(?:was|is|did\s+you\s+find)\s+this\s+(?:review|article|story|guide|page|answer|explainer)\s+(?:helpful|useful)\s*\?"
    r"|(?:follow|join)\s+(?:our|us)\b[^.!?]{0,60}?\bon\s+(?:WhatsApp|Telegram|Twitter|Facebook|Instagram|TikTok"
    r"|YouTube|Threads|Bluesky|LinkedIn|Google\s+News|Signal|Snapchat)\b)",
    re.IGNORECASE,
)
# Round 7 (r6, r13, r14): an explainer's section titles asked as questions — the reader's own question in
# the first person ("Was my card number exposed?", "What should I do now?", "Can I get a refund?") or one
# of the explainer's stock questions ("What happened?", "What caused it?", "Who is affected?", "Is the
# water safe?"). A rhetorical question of the author ("How did this happen?", "Why should we believe
# them?") is neither.
_END_Q = r"\s*(?=\?\s*$)"
_SECTION_QUESTION_RE = re.compile(
    r"\W*(?:(?:what|how|when|where|which|who|why)\s+(?:should|do|can|will|must|did)\s+i\b"
    r"|(?:is|was|are|were)\s+my\b|(?:do|can|should|will|must)\s+i\s+(?!think\b|believe\b)"
    r"|what\s+(?:happened|happens\s+(?:next|now)|now)"
    + _END_Q
    + r"|what\s+(?:caused|causes)\s+(?:it|this|the\s+\w+)"
    + _END_Q
    + r"|who\s+is\s+(?:affected|eligible|to\s+blame)"
    + _END_Q
    + r"|why\s+does\s+(?:it|this)\s+matter"
    + _END_Q
    + r"|what\s+does\s+(?:it|this)\s+mean(?:\s+for\s+\w+)?"
    + _END_Q
    + r"|what\s+do\s+we\s+know(?:\s+so\s+far)?"
    + _END_Q
    + r"|is\s+(?:it|the\s+\w+)\s+safe(?:\s+to\s+\w+)?"
    + _END_Q
    + r"|how\s+does\s+it\s+work"
    + _END_Q
    + r")[^?\"“”‘’]{0,50}\?\s*$",
    re.IGNORECASE,
)
_SECTION_QUESTION_MAX_WORDS = 8
_NOTE_FIRST = frozenset(
    "disclaimer our editorial note editor editor's re affiliate comments report flag suggest submit was is did follow join".split()
)
_LEADING_WORD = re.compile(r"\W*([A-Za-z'’]+)")
_CONTACT_WORDS = frozenset(
    "email e-mail send write contact call phone ring text message whatsapp reach tip".split()
)
_NOTE_WORDS = frozenset(
    """disclaimer standards re affiliate comments typo error mistake inaccuracy correction helpful useful editor
    whatsapp telegram twitter facebook instagram tiktok youtube threads bluesky linkedin google signal snapchat
    enquiries inquiries""".split()
)
_GATE_WORDS = _DOC_WORDS | _NOTE_WORDS | {"version"}
_ANY_GATE_WORD = _GATE_WORDS | _CONTACT_WORDS
_DIGIT = re.compile(r"\d")


def page_line_possible(text: str, words: frozenset[str]) -> bool:
    """False when ``page_line`` cannot be true — a cheap test on the sentence's marks and words, for the
    no-cue fast path of classifier.classify and for boilerplate_cues."""
    if "@" in text or "?" in text:
        return True
    if not words.gates & _ANY_GATE_WORD_GATE:
        return False  # the common case: one set test
    return bool(words.gates & _GATE_WORDS_GATE) or _DIGIT.search(text) is not None


def page_line(text: str, words: frozenset[str]) -> bool:
    """True when the sentence is one of the page lines described in the module docstring."""
    m = _LEADING_WORD.match(text)
    if m is None:
        return False
    first = m.group(1).lower()
    if first in _CONTACT_FIRST and (
        ("@" in text and _EMAIL.search(text) is not None) or _PHONE.search(text) is not None
    ):
        return _CONTACT_OPENING.match(text) is not None
    if first in ("this", "a", "an") and words.gates & _DOC_WORDS_GATE:
        return _SELF_NOTE_RE.match(text) is not None
    if text.rstrip().endswith("?") and len(text.split()) <= _SECTION_QUESTION_MAX_WORDS:
        return _SECTION_QUESTION_RE.match(text) is not None
    return first in _NOTE_FIRST and _NOTE_LINE_RE.match(text) is not None


# Round 7 (r13; r10–r12 had bylines in other forms): a byline with no "By" and no role, a name and the
# outlet ("Sipho Dlamini, News24"), or a "By" line whose other field is the author's e-mail address ("By
# Ana Ruiz | aruiz@lindenherald.com"). Called for lines with no sentence mark at the end.
_NAME_AND_OUTLET = re.compile(
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2},\s+[A-Z][\w&.-]*\d*(?:\s+[A-Z][\w&.-]*){0,2}"
)
_BY_WITH_EMAIL = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*[|·•,]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_BYLINE_MAX_CHARS = 80


def byline_shape(body: str) -> bool:
    """True for the two byline forms above (``body`` stripped, no sentence mark at its end)."""
    if len(body) > _BYLINE_MAX_CHARS:
        return False
    if "@" in body:
        return _BY_WITH_EMAIL.fullmatch(body) is not None
    return "," in body and _NAME_AND_OUTLET.fullmatch(body) is not None


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_GATE_WORDS_GATE = trigger_gate(_GATE_WORDS)
_DOC_WORDS_GATE = trigger_gate(_DOC_WORDS)
_ANY_GATE_WORD_GATE = trigger_gate(_ANY_GATE_WORD)
