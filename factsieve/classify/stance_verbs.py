"""Round 16 (issue #17): a source's stance told by a verb that is not a speech verb, read by the verb's complement.

A body, a group or a person holds a view of something, and the grammar of the verb shows it is a view, not an act:

* "wants" with an object and what should happen to it — "The Federation of Small Businesses wants the rates relief
  extended", "The tenants' union wants the landlord to repair the lifts" ("The club wants to expand" is a plan, and
  "wants a new stadium" an aim: both left);
* "considers" with an object and its judgement — "The regulator considers the fee increase unjustified", "… considered
  the prison unsafe" ("The committee considered the proposal on Tuesday" is a meeting's act, no complement);
* disputing, rejecting or contesting a claim by its noun — "Kenya's electoral commission disputes the opposition's
  turnout figures", "The club rejected the council's estimate of the repair bill" ("rejected the appeal" is a ruling);
* "called" with an object and a superlative or a verdict noun — "The reviewer … called the production the finest Lear of
  the decade" ("called the police", "called it a day" are not);
* an official body that confirms a count — "Health officials confirmed 14 new cases", "Fire officials confirmed three
  deaths" ("The Senate confirmed the nominee" is a vote, and "Police confirmed the identity of the man" stays the
  author's report, round 10's near miss: only a count, from the bodies that speak to the press);
* a record closing the sentence after a comma — "The car was travelling at more than 90 mph, court documents state.";
* a speech event set as the sentence's frame — "Writing on social media, the singer thanked fans for their patience.";
* a claim in the passive with its source as the agent — "Her death was confirmed by her son, Erik."

First person ("I want", "we consider") is the writer's own (opinion or advice) and is left to the opinion modules; so is
"you". A verb inside a quotation is the speaker's.
"""

from __future__ import annotations

import re

from factsieve.classify.context import prev_word
from factsieve.classify.cue import Cue, inside, new_cue
from factsieve.classify.prefilter import trigger_gate

_NOT_SOURCE = frozenset("i we you me us it this that these those there what which who".split())
_BE_OR_TO = frozenset("is are was were be been being to".split())
_RULING_BODIES = frozenset("court courts panel judge judges tribunal jury justices magistrates".split())

_WANTS = re.compile(
    r"\b(?P<verb>wants|wanted)\s+(?!(?:to|and|or|but|that|if|when|because|so|more\s+than)\b)[\w'’.-]+\s+"
    r"(?:(?!and\b|or\b|but\b)[\w'’-]+\s+){0,5}?"
    r"(?:to\s+(?!be\b)[a-z]+|[a-z]{3,}ed|frozen|cut|kept|shut|built|taken|made|put|set|held|scrapped|extended)\b"
)
_CONSIDERS = re.compile(
    r"\b(?P<verb>considers|considered)\s+(?:the|this|that|its|their|his|her|these|those|such)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:to\s+be|an?)\s+\w|[a-z]+(?:ed|ing|able|ible|ful|ous|ive|ant|ent|ary|al|ic|less|safe|unsafe|fair|unfair)"
    r"(?=\s*(?:[.,;]|$|and\b|but\b|because\b|given\b|for\b)))"
)
_CLAIM_NOUNS = (
    r"figures?|claims?|account|allegations?|findings?|version|estimates?|numbers|count|tally|assessment|conclusions?"
    r"|characteri[sz]ation|description|interpretation|suggestion|assertion|reports?|data|statistics|forecasts?"
    r"|projections?|calculations?|analysis|methodology|valuation|accusations?|narrative|portrayal"
)
_DISPUTES = re.compile(
    r"\b(?P<verb>disputes|disputed|dispute|contests|contested|rejects|rejected)\s+(?:the|these|those|its|their|his|her"
    r"|any|some|[A-Z][\w'’.-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}?(?:" + _CLAIM_NOUNS + r")\b"
)
_VERDICT_NOUNS = (
    r"disgrace|scandal|shambles|triumph|farce|travesty|betrayal|masterpiece|failure|mistake|disaster|joke|sham|fiasco"
    r"|tragedy|outrage|catastrophe|insult|gamble|blunder|game-changer|milestone|landmark"
)
_CALLED = re.compile(
    r"\b(?P<verb>called)\s+(?:it|him|her|them|this|that|(?:the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:[a-z]+est|best|worst|finest|most|least)\b"
    r"|an?\s+(?:[\w'’-]+\s+)?(?:" + _VERDICT_NOUNS + r")\b)"
)
_CONFIRMING_BODIES = (
    r"officials|police|authorities|spokesman|spokeswoman|spokesperson|ministry|department|officers|coroner|agency"
    r"|prosecutors|detectives|paramedics|firefighters|regulator|embassy|government"
)
_CONFIRMED = re.compile(
    r"\b(?P<np>(?:[A-Z][\w'’-]*\s+|[a-z]+\s+)?(?:"
    + _CONFIRMING_BODIES
    + r"|Police))\s+(?:have\s+|has\s+|had\s+)?"
    r"(?P<verb>confirmed|confirms)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens"
    r"|hundreds|several|new|more|further|another)\b)"
)
_RECORD_NOUNS = (
    r"documents|papers|filings|records|minutes|figures|data|statistics|report|study|survey|poll|audit|review|analysis"
    r"|research|notes|logs|transcripts?"
)
_RECORD_TAIL = re.compile(
    r",\s+(?P<np>(?:the\s+|a\s+)?(?:(?:[a-z]+|[A-Z][\w'’-]*)\s+){0,3}(?:" + _RECORD_NOUNS + r"))\s+"
    r"(?P<verb>state|states|stated|show|shows|showed|note|notes|noted|indicate|indicates|indicated|suggest|suggests"
    r"|suggested|allege|alleges|alleged|record|records|recorded|reveal|reveals|revealed)"
    r"(?:\s+(?:on|late|earlier|last|this|in)\b[^,;.]{0,25})?\s*[.!]?[\"”’]?\s*$"
)

# The speech event set first as a frame ("Writing on social media, the singer thanked fans for their patience.",
# "Speaking outside court, …"): what the main clause reports was said there.
_SPEECH_FRAME = re.compile(
    r"\W*(?P<verb>Writing|Speaking|Posting|Tweeting|Commenting|Addressing)\s+(?:on|in|at|to|from|after|during|before"
    r"|outside|via|ahead\s+of)\b[^,;]{2,60},\s+(?!it\b|there\b)\w+(?:\s+[\w'’.-]+){2}"
)
_FRAME_WORDS = frozenset("writing speaking posting tweeting commenting addressing".split())

# A claim in the passive with its source as the agent ("Her death was confirmed by her son, Erik.", "Growth of 1.8
# percent is forecast for next year by the European Commission."): the agent is the source, as in the active.
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|now\s+|later\s+)?(?P<verb>confirmed|disclosed"
    r"|revealed|forecast|predicted|projected|estimated|described|disputed|denied)\s+(?:(?!by\b)[\w'’.-]+\s+){0,6}?by\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)\b)[A-Z]"
    r"|(?:[a-z-]+\s+){0,2}(?:son|daughter|wife|husband|family"
    r"|mother|father|spokes(?:man|woman|person)|officials?|police|ministry|department|company|club|council|government"
    r"|commission|agency|experts?|analysts?|economists?|forecasters?|researchers?|scientists?|sources?|witnesses"
    r"|residents|regulator|organi[sz]ers|authorities|coroner|hospital|lawyers?)\b)"
)
_PASSIVE_WORDS = frozenset(
    "confirmed disclosed revealed forecast predicted projected estimated described disputed denied".split()
)

# Round 17 (issue #17): a body's signal of what it may do — "The regulator has signalled it may block the merger",
# "The union has signalled that its members could strike": the complement is a clause with a modal, so the hedge is
# the body's, not the author's ("The move signalled a shift in policy" has no clause and is left).
_SIGNALLED = re.compile(
    r"\b(?P<verb>signall?ed|signals|signall?ing)\s+(?:that\s+)?(?:it|they|he|she|the\s+[\w'’-]+|its\s+[\w'’-]+"
    r"|their\s+[\w'’-]+|[A-Z][\w'’-]+)\s+(?:[\w'’-]+\s+){0,2}?(?:may|might|could|would|will|was|were|is|are|intends"
    r"|plans|wants)\b"
)
# Round 17: a group named by what its members did, in a relative clause, holding a belief — "Engineers who inspected
# the bridge believe corrosion weakened two of its cables", "Doctors who treated the boy think …": the group is the
# source (attribution._GROUP_RE names groups by where they work or who asked them, not by what they did).
_GROUP_WHO = re.compile(
    r"\b(?P<np>[A-Z]?[a-z’'-]{3,}s)\s+who\s+(?:have\s+|had\s+)?(?:[a-z]+ed|saw|met|ran|led|knew|know|work|studied"
    r"|study|treat|examine|inspect|visit|took|watch|follow|monitor|track|survey|run|sat|flew|drove|wrote|fought|built)"
    r"\s+(?:[\w'’-]+\s+){1,5}?(?P<verb>believe|think|suspect|fear|doubt|expect|estimate|say|warn|insist)\b"
)
_NOT_A_WHO_GROUP = frozenset("those this his its was has as always perhaps sometimes others".split())

_SHAPES = (
    (frozenset({"wants", "wanted"}), _WANTS),
    (frozenset({"considers", "considered"}), _CONSIDERS),
    (
        frozenset({"disputes", "disputed", "dispute", "contests", "contested", "rejects", "rejected"}),
        _DISPUTES,
    ),
    (frozenset({"called"}), _CALLED),
    (frozenset({"confirmed", "confirms"}), _CONFIRMED),
    (frozenset({"signalled", "signaled", "signals", "signalling", "signaling"}), _SIGNALLED),  # round 17
)
_GROUP_WHO_VERBS = frozenset("believe think suspect fear doubt expect estimate say warn insist".split())
STANCE_WORDS = frozenset().union(*(w for w, _ in _SHAPES))
_TAIL_VERBS = frozenset(
    """state states stated show shows showed note notes noted indicate indicates indicated suggest suggests suggested
    allege alleges alleged record records recorded reveal reveals revealed""".split()
)
STANCE_TRIGGERS = STANCE_WORDS | _TAIL_VERBS | _FRAME_WORDS | _PASSIVE_WORDS | _GROUP_WHO_VERBS
_GATES = tuple((trigger_gate(w), rx) for w, rx in _SHAPES)
STANCE_GATE = trigger_gate(STANCE_TRIGGERS)
_TAIL_GATE = trigger_gate(_TAIL_VERBS)
_FRAME_GATE = trigger_gate(_FRAME_WORDS)
_PASSIVE_GATE = trigger_gate(_PASSIVE_WORDS)
_GROUP_WHO_GATE = trigger_gate(_GROUP_WHO_VERBS)


def stance_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> list[Cue]:
    """The first stance verb of the shapes above outside quotations (one cue), or none."""
    gates = words.gates  # type: ignore[attr-defined]
    for bit, rx in _GATES:
        if not gates & bit:
            continue
        for m in rx.finditer(text):
            s = m.start("verb")
            prev = prev_word(text, s)
            if inside(quotes, s) or prev in _NOT_SOURCE or prev in _BE_OR_TO or prev == "":
                continue
            if prev in _RULING_BODIES and m.group("verb")[:3] == "rej":
                continue  # "a three-judge appeal court panel rejected the claim …": a ruling, no view
            return [new_cue("attribution", m.group("verb"), s, m.end("verb"))]
    if gates & _GROUP_WHO_GATE and "who" in words:  # round 17
        for m in _GROUP_WHO.finditer(text):
            if not inside(quotes, m.start("verb")) and m.group("np").lower() not in _NOT_A_WHO_GROUP:
                return [new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))]
    if gates & _PASSIVE_GATE and "by" in words:
        m = _PASSIVE_BY.search(text)
        if m is not None and not inside(quotes, m.start("verb")):
            return [new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))]
    if gates & _FRAME_GATE and "," in text and text[:1] in "WSPTCA":
        m = _SPEECH_FRAME.match(text)
        if m is not None:
            return [new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))]
    if gates & _TAIL_GATE and "," in text:
        m = _RECORD_TAIL.search(text)
        if m is not None and not inside(quotes, m.start("verb")):
            return [new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))]
    return []
