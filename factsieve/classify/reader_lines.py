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

from factsieve.classify.signposts import SIGNPOST_GATE_WORDS, SIGNPOST_PREFIXES, SIGNPOST_WORDS, signpost

_I = re.IGNORECASE
_MAX_WORDS = 20  # (counted as spaces: one C-level count, not a split)
_DIGIT = re.compile(r"\d")

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
# Shapes that open the line (tried only when its first word is one of _OPENERS).
_OPENING_RE = re.compile(
    r"\W*(?:"
    # wishes and thanks
    r"(?:happy|safe)\s+(?:travels|holidays|reading|listening|hunting|shopping|cooking|gardening|baking|viewing"
    r"|sailing|skiing|hiking|camping|stargazing|birding|planting|voting)\b"
    r"|good\s+luck\s+(?:to|with)\b"
    r"|(?:(?:i|we)\s+)?hope\s+(?:this|that|it)\s+helps\b(?=\W*$|,)"
    r"|(?:thanks|thank\s+you)\s+(?:(?:so|very)\s+much\s+|again\s+|all\s+)?for\s+(?:following|reading|joining"
    r"|watching|listening|sticking|being|staying|tuning|coming)\b"
    r"|(?:have|enjoy)\s+(?:a|an|the|your)\s+(?:[\w-]+\s+){0,2}(?:weekend|holiday|holidays|break|evening|summer|trip"
    r"|bank\s+holiday)\b"
    r"|enjoy\s+the\s+rest\s+of\s+(?:the|your)\b"
    # orders about the reading itself
    r"|(?:stick|bear|stay)\s+with\s+(?:me|us)\b|trust\s+(?:me|us)\b|hang\s+in\s+there\b|(?:sit|hold)\s+tight\b"
    r"|buckle\s+up\b|stay\s+(?:safe|warm|dry|cool|sane|strong|well)\b|deep\s+breath\b"
    r"|take\s+it\s+one\s+(?:step|day)\s+at\s+a\s+time\b|no\s+judg(?:e)?ment\s+here\b"
    r"|(?:don['’]t|do\s+not)\s+worry\b(?=[^.;!?]{0,30}[,;]\s+we['’](?:ll|ve|re)\b)"
    # the page announcing itself, asides
    r"|here['’]?s\s+(?:(?:what|how|why|where|when|who)\b[^.!?:;,]{0,40}|the\s+(?:thing|deal|kicker|catch|rub))"
    r"\s*[.!]?\s*$"
    r"|(?:i\s+)?bet\s+you\b"
    r"|(?:ok|okay|right|alright|all\s+right),?\s+(?:time\s+for|now\s+for|on\s+to|onto)\b"
    # the reader's assumed situation
    r"|so,?\s+you['’](?:ve|re)\s+(?:just\s+)?[a-z]+"
    r"|your\s+(?:[\w-]+\s+){1,3}will\s+thank\s+you\b"
    r")",
    _I,
)
_OPENERS = frozenset(
    """happy safe good hope i we thanks thank have enjoy stick bear stay trust hang sit hold buckle deep take no
    don't do here's heres here bet ok okay right alright all so your""".split()
)
# Shapes found anywhere in the line, each behind its own word (_ANYWHERE_WORDS).
_ANYWHERE_RE = re.compile(
    r"\b(?:hold\s+that\s+thought|you['’]ve\s+got\s+this|be\s+(?:gentle|kind|patient)\s+with\s+yourself"
    r"|you['’]ve\s+come\s+to\s+the\s+right\s+place|we['’]ve\s+all\s+been\s+there|we\s+(?:all\s+)?know\s+what\s+that\s+means"
    r"|you['’]ll\s+(?:know|recognise|recognize)\s+(?:the\s+feeling|that\s+feeling|this\s+feeling|some\s+of\s+this"
    r"|all\s+of\s+this|much\s+of\s+this))\b"
    r"|,\s+you\s+(?:are|['’]re)\s+not\s+alone\b"
    r"|,\s+(?:have|enjoy)\s+(?:a|an|the|your)\s+(?:[\w-]+\s+){0,2}(?:weekend|holiday|holidays|break|evening|summer"
    r"|trip)\b",
    _I,
)
_ANYWHERE_WORDS = frozenset(
    "thought got yourself right place been means feeling recognise recognize alone weekend holiday holidays".split()
)
# an imperative about the reader's own self: "Pour yourself a coffee, …", "Brace yourself." (not a gerund)
_YOURSELF_RE = re.compile(r"\W*(?![a-z]+ing\b)[a-z]+\s+yourself\b(?!\s+(?:to|that|as)\b)", _I)
_ELIDED_HAVE_RE = re.compile(
    r"\W*(?:Got|Fancy)\s+(?:a|an|any|some|something|anything|your|the|one|plans|time)\b[^?]{0,90}\?\s*$"
)
_NOT_STATE_END = frozenset("need".split())
_REPORTING = frozenset("said says say told urged warned advised asked according added".split())

# Every word one of the unmarked shapes needs (the "?" and "!" lines reach ``reader_line`` by their mark):
# the classifier's trigger words take them (sign_offs.SIGN_OFF_TRIGGERS), so such a line leaves the no-cue
# fast path.
READER_LINE_WORDS = frozenset(
    """happy safe luck hope helps thanks thank following enjoy weekend holiday holidays stick bear trust hang tight
    buckle stay here bet okay ok alright feeling alone yourself breath step judgement judgment worry thought
    got place recognise recognize so means""".split()
)
# filler_cues calls sign_off for a line with one of these words (the anywhere shapes' rarer words) ...
READER_GATE_WORDS = frozenset(
    "thought yourself recognise recognize alone feeling weekend holiday holidays helps means".split()
)
# ... or opening on one of these four characters (an opening shape's first word; one slice and one probe
# instead of a word set: "so", "here", "stay" are in too many sentences to gate on).
READER_PREFIXES = frozenset(
    """Happ Safe Good Hope Than Have Enjo Stic Bear Stay Trus Hang Hold Buck Deep Take Here Okay Righ Alri Your
    Dont""".split()
) | frozenset(
    ("I ho", "I be", "Sit ", "No j", "Don'", "Don’", "Do n", "Bet ", "OK, ", "Ok, ", "So y", "So, ")
)
# Round 10: the signposting lines (signposts.py) join all three ("But " and "Here" lines reach it by their
# words).
READER_LINE_WORDS |= SIGNPOST_WORDS
READER_GATE_WORDS |= SIGNPOST_GATE_WORDS
READER_PREFIXES |= SIGNPOST_PREFIXES


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


# Round 14 (r34): a bare question to the reader answered at once with reassurance, "Confused? Don't be.",
# "Worried? Don't panic.".
_ASKED_THEN_REASSURED = re.compile(
    r"\W*(?P<q>[A-Z][a-z'’-]*(?:\s+[a-z'’-]+){0,2}\?)\s+(?:[Dd]on['’]t|[Dd]o\s+not)\s+(?:be|worry|panic|fret)\s*[.!]?\s*$"
)


# Round 15 (r37, r38): a short question to the reader answered by the writer with one word, "Got all that? Good.",
# "Sounds good? Great!", "Still with me? Excellent." (a question and its answer in a story name who asks: "Guilty?
# No, the jury said." holds a reporting word, refused above).
_ASKED_THEN_ANSWERED = re.compile(
    r"\W*[A-Z][a-z'’-]*(?:\s+[a-z'’-]+){0,3}\?\s+(?:Good|Great|Perfect|Excellent|Brilliant|Lovely|Splendid|Fantastic"
    r"|Wonderful|Right|Fine|Okay|OK|Then\s+read\s+on|Read\s+on)\s*[.!]*\s*$"
)


def reader_line(text: str, words: frozenset[str]) -> bool:
    """True when the line is one of the reader lines in the module docstring."""
    body = text.strip()
    if not body or body.count(" ") >= _MAX_WORDS or not words.isdisjoint(_REPORTING):
        return False  # "Stay safe on the roads, police urged drivers." is the police's
    if "? " in body:
        m = _ASKED_THEN_REASSURED.match(body)
        if m is not None and _bare_question(m.group("q")):
            return True
        if _ASKED_THEN_ANSWERED.match(body) is not None:
            return True
    if body.endswith("?") and _DIGIT.search(body) is None:
        if _bare_question(body) or _TAG_QUESTION_RE.match(body) is not None:
            return True
        if _ELIDED_HAVE_RE.match(body) is not None and ("you" in words or "your" in words or len(body) < 40):
            return True
    first = body.split(None, 1)[0].lower().strip(",.!?:;—–-'\"‘“").replace("’", "'")
    if first in _OPENERS and _OPENING_RE.match(body) is not None:
        return True
    if "yourself" in words and _YOURSELF_RE.match(body) is not None:
        return True
    if not words.isdisjoint(_ANYWHERE_WORDS) and _ANYWHERE_RE.search(body) is not None:
        return True
    return signpost(body, words)  # round 10
