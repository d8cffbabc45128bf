"""Round 8 (issue #17): page furniture the newest writers (r15, r20, r21) wrote in forms no earlier rule
had. Each shape is structural where it can be, a closed phrase where the class is closed:

* a time alone on its line, with an optional am/pm and zone ("06:22 BRT", "11:05 AM PHT");
* a picture credit alone in brackets with a slash or "Courtesy" ("(Mikaela Desjardins / Prairie Post
  files)", "(Courtesy Halford & Rowe)"); "(CENTS PER LB)" — a Reuters table unit — has neither;
* a numbered list heading with no sentence mark ("1. Kraków, Poland", "2) The harbour walk");
* a kicker or byline before " | " ("Opinion | Automating Santos is right.", "By Dana Kerrigan | Marlow
  Ledger | Updated 7:48 a.m.");
* a contact line with an e-mail address: a label and a colon ("Media enquiries: press@…") or a question
  and an imperative to reach ("Got a tip? Email news@…");
* the page speaking of itself beyond round 7's words: "This obituary was prepared in advance …", "This
  article was first published in Portuguese …";
* a closed set of newsletter and membership lines: "View this email in your browser", "To unsubscribe
  …", "… sign up to our free daily newsletter", "Sign up here.", "please consider becoming a member",
  "Why you can trust …:", "Join/Follow <outlet> on/in <platform> …", "All suspects are presumed innocent
  until proven guilty …" (a standing legal notice).
"""

from __future__ import annotations

import re

from factsieve.classify.page_labels import page_label_line, page_label_possible

_I = re.IGNORECASE
_TIME_ONLY_RE = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:(?i:[ap]\.?\s?m\.?)\s*)?(?:[A-Z]{2,5}\s*)?$")
_BRACKET_CREDIT_RE = re.compile(
    r"\s*\(\s*(?:(?:Courtesy|Photo|Photograph|Image|Picture|Video|Handout)\b[^()]{1,60}"
    r"|[A-Z][^()/]{1,40}\s/\s[A-Z][^()]{1,40})\)\s*\.?\s*$"
)
_NUMBERED_HEADING_RE = re.compile(r"\s*\d{1,2}[.)]\s+[A-ZÀ-Þ][^.!?:;\d]{1,60}$")
_NUMBERED_MAX_WORDS = 8
_KICKER_RE = re.compile(
    r"\s*(?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+\|\s+\S"
    r"|(?:Opinion|Analysis|Comment|Editorial|Explainer|Review|Live|Breaking|Exclusive|Sport|Business|Politics"
    r"|World|Culture|Letters|Obituary|Podcast|Video|Watch|Listen)\s+\|\s+\S)"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT_LINE_RE = re.compile(
    r"\s*(?:[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}\s*:\s*\S"
    r"|[^?]{3,40}\?\s+(?:Email|E-mail|Contact|Call|Text|Message|WhatsApp|Write\s+to|Send)\b)"
)
_CONTACT_MAX_WORDS = 25
_SELF_NOTE_RE = re.compile(
    r"\W*This\s+(?:obituary|article|story|column|interview|piece|review|guide)\s+(?:was|has\s+been|is)"
    r"\s+(?:(?:first|originally)\s+(?:published|appeared|written)|prepared\s+in\s+advance|translated\s+(?:from|by)"
    r"|adapted\s+from|edited\s+for\s+(?:length|clarity)|condensed)\b",
    _I,
)
_NEWSLETTER_RE = re.compile(
    r"\W*view\s+(?:this|it)\s+(?:email|e-mail|newsletter|message)\s+in\s+(?:your|a|the)\s+(?:web\s+)?browser\b"
    r"|\W*to\s+unsubscribe\b"
    r"|\W*why\s+you\s+can\s+trust\s+[A-Z][^:]{0,40}:"
    r"|.{0,60}?\bsign\s+up\s+(?:to|for)\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}newsletters?\b"
    r"|.{0,40}?\bsign\s+up\s+here\s*[.!]?\s*$"
    r"|.{0,80}?\bplease\s+consider\s+becoming\s+an?\s+(?:member|subscriber|supporter|patron|donor)\b"
    r"|\W*(?:join|follow)\s+(?:us|our|the\s+[\w'’]+|[\w'’]+(?:\s+[\w'’]+){0,2})\s+(?:on|in)\s+(?:Facebook|X|Twitter"
    r"|Instagram|TikTok|WhatsApp|Telegram|YouTube|Threads|Bluesky|LinkedIn|Signal)\b"
    r"|\W*join\s+(?:our|the\s+[\w'’]+)\s+(?:WhatsApp|Telegram|Signal|Discord)\s+(?:community|channel|group)\b"
    r"|\W*all\s+(?:suspects|defendants|those\s+(?:arrested|charged)|accused\s+persons|persons\s+charged)\s+are"
    r"\s+presumed\s+innocent\s+until\s+proven\s+guilty\b",
    _I,
)
# Each word that lets a shape above look at a sentence, with the words one of which must come with it
# (the classifier's no-cue path and boilerplate_cues ask this first): "story" alone or "trust" alone
# opens nothing.
_SELF_WORDS = frozenset("obituary article story column interview piece review guide".split())
_PLATFORMS = frozenset(
    "facebook twitter instagram tiktok whatsapp telegram youtube threads bluesky linkedin signal discord".split()
)
_GATE: dict[str, frozenset[str]] = {
    "browser": frozenset({"view"}),
    "unsubscribe": frozenset({"to"}),
    "trust": frozenset({"why"}),
    "newsletter": frozenset({"sign"}),
    "newsletters": frozenset({"sign"}),
    "here": frozenset({"sign"}),
    "becoming": frozenset({"consider"}),
    "innocent": frozenset({"presumed"}),
    **dict.fromkeys(_PLATFORMS, frozenset({"follow", "join"})),
}
FURNITURE_SHAPE_WORDS = frozenset(_GATE)
_SHORT_LINE = 80  # a time, a numbered heading or a bracketed credit is a short line of its own


def _short_shape(text: str) -> bool:
    body = text.strip()
    if body[:1].isdigit():
        return _TIME_ONLY_RE.match(body) is not None or (
            len(body.split()) <= _NUMBERED_MAX_WORDS + 1
            and _NUMBERED_HEADING_RE.match(body) is not None
            and _title_words(body)
        )
    return body[:1] == "(" and _BRACKET_CREDIT_RE.match(body) is not None


def furniture_shape_possible(text: str, words: frozenset[str]) -> bool:
    """False when ``furniture_shape`` cannot be true: a cheap test on the length, the first character, two
    marks and the sentence's words with their companions."""
    if len(text) <= _SHORT_LINE and text[:1] and text.lstrip()[:1] in SHORT_FIRST and _short_shape(text):
        return True  # two anchored patterns on a short line: "3.5 mln" or "(CENTS PER LB)" stays on the fast path
    if " | " in text or ("@" in text and _EMAIL_RE.search(text) is not None):
        return True
    if text.startswith("This ") and not words.isdisjoint(_SELF_WORDS):
        return True  # the page speaking of itself opens the line
    if words.isdisjoint(FURNITURE_SHAPE_WORDS):
        return False  # the common case: one set test, no set built
    for w in words & FURNITURE_SHAPE_WORDS:
        if not words.isdisjoint(_GATE[w]):
            return True
    return False


SHORT_FIRST = "0123456789("


def furniture_line(text: str, words: frozenset[str]) -> bool:
    """``furniture_shape`` behind its gate (boilerplate tests the line's marks first), then round 9's page
    labels behind theirs (page_labels.py), so neither shape set is tried on the other's lines."""
    if furniture_shape_possible(text, words) and furniture_shape(text, words):
        return True
    return page_label_possible(text, words) and page_label_line(text, words)


_CONNECTORS = frozenset("a an and at for in of on or the to with".split())


def _title_words(text: str) -> bool:
    # A numbered heading names its item in title words ("1. Kraków, Poland"); a Reuters list item cut
    # from a wrapped sentence does not ("1. The finance ministers and central bank governors of").
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in text.split()[1:] if w[:1].isalpha())


def furniture_shape(text: str, words: frozenset[str]) -> bool:
    """True when the sentence is one of the page lines in the module docstring."""
    if len(text) <= _SHORT_LINE and text[:1] and text.lstrip()[:1] in SHORT_FIRST and _short_shape(text):
        return True
    if " | " in text and _KICKER_RE.match(text) is not None:
        return True
    if (
        "@" in text
        and len(text.split()) <= _CONTACT_MAX_WORDS
        and _EMAIL_RE.search(text) is not None
        and _CONTACT_LINE_RE.match(text) is not None
    ):
        return True
    if "this" in words and _SELF_NOTE_RE.match(text) is not None:
        return True
    return _NEWSLETTER_RE.match(text) is not None
