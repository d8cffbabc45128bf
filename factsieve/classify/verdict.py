"""Verdicts in the author's voice that carry no listed opinion word (round 4b).

Three shapes, each an opinion cue:

* a labelled lead-in: "Bottom line: this laptop punches well above its price", "The takeaway: …",
  "Verdict: …", "Our take: …" — the label announces the author's judgement of what follows. Not
  when what follows is a figure ("Bottom line: rates rise to 5.25% on Thursday" sums up a fact).
* a judgement carried by its noun phrase: "a triumph of civic ambition", "a disgrace to …", "a
  failure of leadership", "treated loyal supporters with contempt", "the most badly handled budget in
  living memory" (a degree superlative of conduct with "in living memory / of all time / ever").
  Measured superlatives stay reported: "the highest turnout ever recorded", "the worst floods in living
  memory" (size words and "worst/biggest …" of events are news usage, not the author's verdict).
* a rhetorical question that counts or waits: "How many more warnings does the city need?", "How
  much longer must residents wait?", "How long can the council ignore …?" (evaluative.py holds the
  fixed forms such as "Is it any wonder …?"); a genuine question ("How long will the repairs take?")
  and headline questions (boilerplate) are not.

Cues inside quotations are the speaker's and are skipped (the quotation decides the label).
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, inside, new_cue

# "Take" alone is too common a label ("Take: 2 cups of flour"): only "Our/My take".
_LEAD_IN_RE = re.compile(
    r"\s*((?:the\s+|our\s+|my\s+|the\s+key\s+|final\s+|the\s+final\s+)?(?:bottom\s+line|takeaway|upshot|verdict)"
    r"|(?:our|my)\s+take)\s*:\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_MIN_LEAD_IN_WORDS = 3
_DIGIT = re.compile(r"\d")

# "is a triumph of civic ambition", "was a masterclass in restraint", "stands as a monument to vanity",
# "is a disgrace to the club": the noun phrase as what the subject *is* (a complement). As a subject
# or object it names an event ("The triumph of the home side sent fans into the streets"). "failure"
# only with the faculties of those in charge: "a failure of the cooling system" is a fault, reported.
_COMPLEMENT = (
    r"\b(?:is|was|are|were|be|been|being|remains?|remained|proved|proves|prove|became|becomes|seems?|seemed"
    r"|looks?|looked|stands?\s+as|as|['’]s)\s+(?:(?:nothing|little)\s+(?:short\s+of|but|more\s+than|less\s+than)\s+)?"
)
_JUDGEMENT_NOUN_RE = re.compile(
    _COMPLEMENT
    + r"(?:(?:an?|this|that)\s+(?:\w+\s+)?(?:triumph|disgrace|travesty|masterpiece|masterclass|betrayal|dereliction"
    r"|abdication|farce|fiasco|shambles|catastrophe\s+of\s+(?:their|its|his|her)\s+own\s+making)"
    r"\s+(?:of|to|in)\s+\w+"
    r"|(?:an?|this)\s+(?:\w+\s+)?failure\s+of\s+(?:leadership|nerve|imagination|judge?ment|governance|will|duty"
    r"|responsibility|courage|vision|oversight|stewardship)\b"
    r"|(?:an?|the)\s+(?:monument|testament)\s+to\s+(?:\w+\s+)?(?:incompetence|hubris|folly|arrogance|greed|vanity"
    r"|mismanagement|neglect|ambition|ingenuity|resilience|vision|courage|determination))\b",
    re.IGNORECASE,
)
# "treated loyal supporters with contempt", "has shown nothing but disdain for": conduct judged by the
# author. Reactions of others ("was greeted with scorn by residents") are reported.
_CONDUCT_RE = re.compile(
    r"\b(?:treat|treats|treated|treating)\b[^.;:]{1,60}?\bwith\s+(?:\w+\s+){0,2}?(?:contempt|disdain|scorn"
    r"|disrespect|arrogance|indifference)\b"
    r"|\b(?:shown|showed|shows|show)\s+(?:nothing\s+but\s+|utter\s+|open\s+|such\s+)(?:contempt|disdain|scorn)\b",
    re.IGNORECASE,
)
# "the most badly handled budget in living memory", "the least competent government of all time":
# a superlative of manner or quality with a sweep over all time. A measured record ("the highest
# turnout ever recorded", "the worst floods in living memory") has a size/severity word, not "most".
_SWEEP = (
    r"(?:in\s+living\s+memory|of\s+all\s+time|in\s+(?:recent\s+)?history|in\s+a\s+generation|in\s+decades"
)
_SWEEP += r"|(?:this|the)\s+\w+\s+has\s+(?:ever\s+)?seen|ever(?!\s+(?:recorded|measured|registered|reported|logged|seen\s+in|since|before))\b)"
_MOST_EVER_RE = re.compile(
    r"\bthe\s+(?:most|least)\s+(?:\w+ly\s+)?(?P<adj>\w+(?:ed|ing|ent|ant|ive|ous|ful|less|ible|able|ic|al))\s+(?:\w+\s+){1,3}?"
    + _SWEEP,
    re.IGNORECASE,
)
# A verdict as the complement of "is" (r6 probe): an evaluative adjective on a noun of decision or
# loss ("Pricing it below Apple's cheapest model is a smart, overdue move", "Her death is a profound
# loss to British medicine"), a claim dismissed as unreal ("That figure is a fantasy.", "The promised
# savings are a myth."), or a reviewer's must ("Lunch at Casa Guedes is non-negotiable.", "The museum
# is unmissable."). The dismissal and the must close the sentence: "The film is a fantasy about
# dragons" names a genre; a loss with a size word ("a huge loss for the bank") may be money.
_PREDICATE_VERDICT_RE = re.compile(
    _COMPLEMENT
    + r"(?:(?:an?\s+)(?:(?:smart|wise|shrewd|sensible|welcome|overdue|long-overdue|bold|brave|courageous|foolish"
    r"|reckless|cynical|clumsy|profound|tragic|grievous|immeasurable|savvy|clever|canny|brilliant|terrible|shameful"
    r"|inspired|masterful|baffling|bizarre|cowardly|craven|petty),?\s+(?:and\s+)?){1,3}(?:\w+\s+)?"
    r"(?:move|decision|step|choice|idea|loss|mistake|gamble|blunder|call|bet|misstep|error|response|policy)\b"
    r"|(?:an?\s+(?:(?:pure|complete|total|utter)\s+)?|nothing\s+but\s+(?:an?\s+)?|(?:pure|complete|total|utter)\s+)"
    r"(?:fantasy|fiction|myth|pipe\s+dream"
    r"|delusion|mirage|fairy\s+tale|con|joke)(?=\s*[.!]?[\"”’']?\s*$)"
    r"|(?:(?:simply|absolutely|frankly)\s+)?(?:non-negotiable|unmissable|a\s+must(?:-see|-visit|-try|-have)?"
    r"|worth\s+(?:the|a)\s+(?:trip|detour|visit|wait|splurge|journey))(?=\s*[.!]?[\"”’']?\s*$))",
    re.IGNORECASE,
)
# Judgements with no opinion word (r6 final): merit measured against a standard ("It was a goal worthy
# of winning any match", "a performance worthy of a champion"), the author naming what really matters
# ("That is the real scandal.", "The real question is whether …"), and a reviewer's verb of appraisal
# on the work or place itself ("It rewards the visitor who is willing to climb.", "This one
# disappoints.", "The second half drags."). "worthy of" must be the complement of a be-verb or of its
# noun phrase ("considered worthy of protection" is a ruling, passive, and not matched); the appraisal
# verb needs a pronoun or "the"+noun subject that opens the sentence, in the present of a review.
_MERIT_RE = re.compile(
    r"\b(?:is|was|are|were|be|been|['’]s)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?)?(?:(?:truly|surely|fully)\s+)?"
    r"worthy\s+of\b"
    r"|^\W*(?:The|And|But)\s+real\s+(?:scandal|story|problem|tragedy|question|issue|lesson|test|winners?|losers?|victims?)"
    r"(?=\s+(?:is|was|are|were|here)\b)"
    r"|\b(?:is|was|are|were|['’]s)\s+the\s+real\s+(?:scandal|story|problem|tragedy|question|issue|lesson|test|winners?"
    r"|losers?|victims?)\b"
    r"|^\W*(?:It|This|That|This\s+one|The\s+\w+(?:\s+half)?)\s+(?:richly\s+|amply\s+|more\s+than\s+)?"
    r"(?:(?:rewards|repays)\s+(?:the\s+|a\s+|any\s+|your\s+)?(?:\w+\s+)?(?:visitors?|readers?|viewers?|listeners?"
    r"|players?|travell?ers?|diners?|walkers?|hikers?|audiences?|patience|effort|attention|persistence|curiosity)\b"
    r"|(?:delights|dazzles|disappoints|charms|underwhelms|captivates|enthrals|enthralls|drags|sags|falls\s+flat"
    r"|misses\s+the\s+mark|hits\s+the\s+spot)(?=\s*(?:[.!,;—–-]|$|at\s+times|in\s+places|throughout"
    r"|from\s+start\s+to\s+finish|on\s+every\s+level)))"
    # what someone is owed, and the call that the moment has come: "Residents deserve better.",
    # "Taxpayers deserve to know …", "It is time for the council to come clean.", "Enough is enough."
    r"|\b(?:deserves?|did\s+deserve)\b"
    r"|^\W*(?:It['’]s|It\s+is)\s+(?:high\s+|long\s+past\s+|past\s+|surely\s+)?time\s+(?:for|that|the|we|they)\b"
    r"|^\W*Enough\s+is\s+enough\b",
)
_MERIT_GATE = frozenset(
    """worthy real rewards repays delights dazzles disappoints charms underwhelms captivates enthrals enthralls drags
    sags flat mark spot deserve deserves time enough""".split()
)
_PREDICATE_GATE = frozenset(
    """move decision step choice idea loss mistake gamble blunder call bet misstep error response policy fantasy
    fiction myth dream delusion mirage tale con joke non-negotiable negotiable unmissable must worth""".split()
)

# "How many more warnings does the city need?", "How much longer must residents wait?", "How long can
# the council ignore …?": a question of how much more must be borne, aimed at nobody in particular;
# "How many more homes will be built next year?" asks a figure (no need/must/before).
_RHETORICAL_COUNT_RE = re.compile(
    r"\s*(?:(?:And|But|So|Yet),?\s+)?(How\s+many\s+more\s+\w+(?=(?:\s+\w+){0,5}?\s+(?:need|needs|must|take|before)\b)"
    r"|How\s+much\s+(?:longer|more)(?=(?:\s+\w+){0,5}?\s+(?:must|need|needs|have\s+to|has\s+to|before)\b)"
    r"|How\s+long\s+(?:must|should|can|will)\s+(?:\w+\s+){1,4}?(?:ignore|tolerate|endure|wait|put\s+up|go\s+on|pretend"
    r"|be\s+allowed|get\s+away))\b[^?]*\?[\"”’]?\s*$",
)

_LEAD_IN_GATE = frozenset("bottom takeaway upshot verdict our my".split())
_NOUN_GATE = frozenset(
    """triumph disgrace travesty masterpiece masterclass betrayal dereliction abdication farce fiasco shambles
    catastrophe failure monument testament""".split()
)
_CONDUCT_GATE = frozenset("contempt disdain scorn disrespect arrogance indifference".split())
# "of all time" is gated on "all": "time" is too common a word to send sentences to the finders.
_SWEEP_GATE = frozenset("memory all history ever generation decades seen".split())
# Every word without which no verdict cue but the rhetorical count is found. The rhetorical count needs a
# closing "?", which already keeps a sentence off the no-cue fast path (classifier._has_no_cues), so
# its words ("many", "much", "long") are no trigger; classify calls verdict_cues for any "?" too.
VERDICT_TRIGGERS = _LEAD_IN_GATE | _NOUN_GATE | _CONDUCT_GATE | _SWEEP_GATE | _PREDICATE_GATE | _MERIT_GATE
_COUNT_GATE = frozenset("many much long".split())


def _lead_in(text: str) -> Cue | None:
    m = _LEAD_IN_RE.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    if len(rest.split()) < _MIN_LEAD_IN_WORDS or _DIGIT.search(rest) is not None:
        return None
    return new_cue("opinion", m.group(1), m.start(1), m.end(1))


# Superlatives of measure: "one of the most successful musicals of all time" counts sales or wins.
_MEASURED = frozenset(
    """successful popular watched visited viewed read expensive lucrative valuable profitable decorated capped
    prolific populous powerful intense destructive deadly severe common widespread played streamed downloaded
    translated performed recorded""".split()
)


def _judged_superlative(m: re.Match[str]) -> bool:
    return m.group("adj").lower() not in _MEASURED


def verdict_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> list[Cue]:
    """Opinion cues of the three shapes above, outside quotations."""
    cues: list[Cue] = []
    if not words.isdisjoint(_LEAD_IN_GATE) and ":" in text:
        c = _lead_in(text)
        if c is not None:
            cues.append(c)
    found: list[re.Match[str]] = []
    if not words.isdisjoint(_NOUN_GATE):
        found.extend(_JUDGEMENT_NOUN_RE.finditer(text))
    if not words.isdisjoint(_CONDUCT_GATE):
        found.extend(_CONDUCT_RE.finditer(text))
    if not words.isdisjoint(_PREDICATE_GATE):
        found.extend(_PREDICATE_VERDICT_RE.finditer(text))
    if not words.isdisjoint(_MERIT_GATE):
        found.extend(_MERIT_RE.finditer(text))
    if ("most" in words or "least" in words) and not words.isdisjoint(_SWEEP_GATE):
        found.extend(m for m in _MOST_EVER_RE.finditer(text) if _judged_superlative(m))
    if not words.isdisjoint(_COUNT_GATE) and text.rstrip().endswith("?"):
        q = _RHETORICAL_COUNT_RE.match(text)
        if q is not None:
            cues.append(new_cue("opinion", q.group(1), q.start(1), q.end(1)))
    cues.extend(new_cue("opinion", m.group(0), m.start(), m.end()) for m in found)
    return [c for c in cues if not inside(quotes, c.start)] if quotes else cues
