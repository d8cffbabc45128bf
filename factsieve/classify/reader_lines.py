"""Round 9 (issue #17): the writer talking to the reader with no content, in forms the round-8 sign-offs
do not hold — the pooled unseen errors' third class (gold filler read as reported, or as opinion by its
"!"). Each shape is a line that says nothing about the story, told by its person and mood:

* a bare question to the reader with no verb of its own: at most three words, the last one a state of the
  reader ("Ready?", "Confused?", "Weekend plans sorted?", "Still with me?"); a wh-word or an auxiliary
  opens a real question ("Why?", "Is it over?"), a name or a figure makes it a headline;
* a content-free tag question: two to four words, a comma and the tag ("Makes sense, doesn't it?",
  "Fair question, isn't it?", "Not bad, right?"); "The council knew, didn't it?" has a subject;
* a wish or thanks closing the page: "Happy travels!", "Good luck with your applications, students!",
  "Hope this helps!", "Thanks for following along today.", "Enjoy the long weekend, whatever …", "…,
  have a brilliant weekend!";
* an order about the reading itself: "Stick with me here.", "Bear with us.", "Trust us on this one.",
  "Hang in there, parents.", "Sit tight.", "Stay safe and keep dry, kababayan.";
* the page announcing itself in a few words: "Here's what to do next.", "Here's what we know.", "Here's
  the thing." (a colon and a content after it is a sentence of the story); "Bet you didn't see that
  coming."; "Okay, time for the numbers you came here for.";
* the reader's assumed experience: "If you've ever stood in a queue …, you'll know the feeling.",
  "…, you are not alone in this.";
* a question with its "Have you/Do you" left out: "Got a kettle like this on your counter?", "Fancy
  something quieter?".

Every shape is short (the whole line is the address) and the caller skips a line inside quotation marks.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_MAX_WORDS = 20

_QUESTION_OPENERS = frozenset(
    """what who whom whose why where when how which is are was were do does did can could will would should
    shall may might must has have had isn't aren't wasn't don't doesn't didn't can't won't""".split()
)
# The reader's state as the last word of a bare question (a closed class; "-ed" states too: "Confused?").
_READER_STATES = frozenset("ready curious hungry familiar sure keen game interested me us right yet".split())
_BARE_QUESTION_MAX = 3
_TAG_QUESTION_RE = re.compile(
    r"\W*(?!(?:the|a|an|this|that|it|he|she|they|we|you|i)\b)[A-Za-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3},\s+"
    r"(?:(?:isn['’]t|doesn['’]t|don['’]t|wasn['’]t|aren['’]t|ain['’]t)\s+(?:it|that|they|you)|right|eh|no)\s*\?\s*$"
)
_WISH_RE = re.compile(
    r"\W*(?:happy|safe)\s+(?:travels|holidays|reading|listening|hunting|shopping|cooking|gardening|baking|viewing"
    r"|sailing|skiing|hiking|camping|stargazing|birding|planting|voting)\b"
    r"|\W*good\s+luck\s+(?:to|with)\b"
    r"|\W*(?:(?:i|we)\s+)?hope\s+(?:this|that|it)\s+helps\b(?=\W*$|,)"
    r"|\W*(?:thanks|thank\s+you)\s+(?:(?:so|very)\s+much\s+|again\s+|all\s+)?for\s+(?:following|reading|joining"
    r"|watching|listening|sticking|being|staying|tuning|coming)\b"
    r"|(?:^|.*?,\s+)\W*(?:have|enjoy)\s+(?:a|an|the|your)\s+(?:[\w-]+\s+){0,2}(?:weekend|holiday|holidays|break"
    r"|evening|summer|trip|bank\s+holiday)\b"
    r"|\W*enjoy\s+the\s+rest\s+of\s+(?:the|your)\b",
    _I,
)
_ORDER_RE = re.compile(
    r"\W*(?:(?:stick|bear|stay)\s+with\s+(?:me|us)\b|trust\s+(?:me|us)\b|hang\s+in\s+there\b|(?:sit|hold)\s+tight\b"
    r"|buckle\s+up\b|stay\s+(?:safe|warm|dry|cool|sane|strong|well)\b"
    # an imperative about the reader's own self: "Pour yourself a coffee, …", "Brace yourself."
    r"|(?![a-z]+ing\b)[a-z]+\s+yourself\b(?!\s+(?:to|that|as)\b)|deep\s+breath\b|take\s+it\s+one\s+(?:step|day)\s+at\s+a\s+time\b"
    r"|no\s+judg(?:e)?ment\s+here\b|(?:don['’]t|do\s+not)\s+worry\b(?=[^.;!?]{0,30}[,;]\s+we['’](?:ll|ve|re)\b))"
    # anywhere in the line: "If that sounds like a lot of ice, hold that thought.", "…, you've got this."
    r"|.*?\b(?:hold\s+that\s+thought|you['’]ve\s+got\s+this|be\s+(?:gentle|kind|patient)\s+with\s+yourself"
    r"|you['’]ve\s+come\s+to\s+the\s+right\s+place|we['’]ve\s+all\s+been\s+there)\b",
    _I,
)
_HERE_IS_RE = re.compile(
    r"\W*here['’]?s\s+(?:(?:what|how|why|where|when|who)\b[^.!?:;,]{0,40}|the\s+(?:thing|deal|kicker|catch|rub))"
    r"\s*[.!]?\s*$",
    _I,
)
_ASIDE_RE = re.compile(
    r"\W*(?:i\s+)?bet\s+you\b"
    r"|\W*(?:ok|okay|right|alright|all\s+right),?\s+(?:time\s+for|now\s+for|on\s+to|onto)\b",
    _I,
)
_EXPERIENCE_RE = re.compile(
    r".*\byou['’]ll\s+(?:know|recognise|recognize)\s+(?:the\s+feeling|that\s+feeling|this\s+feeling|some\s+of\s+this"
    r"|all\s+of\s+this|much\s+of\s+this)\b"
    r"|\W*So,?\s+you['’](?:ve|re)\s+(?:just\s+)?[a-z]+"
    r"|\W*Your\s+(?:[\w-]+\s+){1,3}will\s+thank\s+you\b"
    r"|.*,\s+you\s+(?:are|['’]re)\s+not\s+alone\b",
    _I,
)
_ELIDED_HAVE_RE = re.compile(
    r"\W*(?:Got|Fancy)\s+(?:a|an|any|some|something|anything|your|the|one|plans|time)\b[^?]{0,90}\?\s*$"
)
_NOT_STATE_END = frozenset("need".split())
_REPORTING = frozenset("said says say told urged warned advised asked according added".split())

# Every word one of the unmarked shapes needs (the "?" and "!" lines reach ``reader_line`` by their mark):
# filler's gate words (sign_offs.SIGN_OFF_GATE) take them, so the classifier's no-cue path and
# filler_possible let such a line through.
READER_LINE_WORDS = frozenset(
    """happy safe luck hope helps thanks thank following enjoy weekend holiday holidays stick bear trust hang tight
    buckle stay here bet okay ok alright feeling alone yourself breath step judgement judgment worry thought
    got place thank recognise recognize so""".split()
)


def _bare_question(body: str) -> bool:
    words = body[:-1].split()
    if not 1 <= len(words) <= _BARE_QUESTION_MAX or not words[0][:1].isupper():
        return False
    if words[0].lower() in _QUESTION_OPENERS or any(not w.replace("'", "").isalpha() for w in words):
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False  # a name: "Brexit next?" is a headline
    last = words[-1].lower()
    return last in _READER_STATES or (last.endswith("ed") and last not in _NOT_STATE_END)


def reader_line(text: str, words: frozenset[str]) -> bool:
    """True when the line is one of the reader lines in the module docstring."""
    body = text.strip()
    if not body or len(body.split()) > _MAX_WORDS or not words.isdisjoint(_REPORTING):
        return False  # "Stay safe on the roads, police urged drivers." is the police's
    if body.endswith("?") and not any(ch.isdigit() for ch in body):
        if _bare_question(body) or _TAG_QUESTION_RE.match(body) is not None:
            return True
        if _ELIDED_HAVE_RE.match(body) is not None and ("you" in words or "your" in words or len(body) < 40):
            return True
    if words.isdisjoint(READER_LINE_WORDS):
        return False
    return any(
        rx.match(body) is not None for rx in (_WISH_RE, _ORDER_RE, _HERE_IS_RE, _ASIDE_RE, _EXPERIENCE_RE)
    )
