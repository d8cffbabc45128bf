"""Round 10 (issue #17): a claim handed to its source by the sentence's grammar, with no "said" and no
"that" — the held-out pool's attributed -> reported (12), r28 ×13, r29 ×2, r16–r25 ×9 on main 0669adf.

* a verb of characterising with the source's own words in quotation marks after it: "The bishop called the
  restoration 'an act of faith …'", "The head teacher described the report as 'fair but tough'", "The
  mayor dismissed the protesters as “a noisy minority”", "… remembered her letting children in free
  "if they promised …"", "As the chairman put it, '…'", "In the words of one shopkeeper, '…'"; without
  the marks "called the plan ambitious" stays the author's report of an act;
* a verb of confirming or disclosing with its clause and no "that": "In a statement, the club confirmed the
  midfielder had torn a hamstring", "A source close to the player indicated he was unhappy", "Dr Mensah
  accepted that the notes had been altered": the clause has its own finite verb, and no relative word
  between (so "Police confirmed the identity of the man who was …" is not read as a clause);
* a forecaster named as the subject of a forecast in the progressive or the past: "The Met Office is
  predicting highs of 33C", "Environment Canada is forecasting up to 15 millimetres", "The India
  Meteorological Department on Monday forecast an above-normal monsoon", "Skymet had earlier projected a
  normal monsoon" (the agentless "is projected to" stays the author's hedge);
* a record named by its owner as the subject of what it shows: "Court records show …", "The council's own
  figures reveal …", "Customs figures show …" (a bare "The figures show", "Official figures show …" and a
  month's "May's trade figures showed" stay the author's, as the earlier writers label them — round 5b's
  near miss; r17 labels "Official figures show" attributed, a conflict left as it was);
* "Per the filing, …", "Per the league's disciplinary panel, …": "per" opening the sentence is
  "according to".
"""

from __future__ import annotations

import re

from factsieve.classify.context import prev_word
from factsieve.classify.cue import Cue, inside, new_cue

_BE_FORMS = frozenset("is are was were be been being".split())
# the participle as an adjective: "The last confirmed Iraqi attack was on", "an accepted practice"
_ADJECTIVE_BEFORE = frozenset("the a an last first no only any its their his her".split())

# Verbs of characterising; the quotation must open within a few words after the verb.
# (round 7's _label_verb_cues in attribution.py takes call/brand/dub/label/describe before a quotation the
# quote finder found; this adds the verbs of dismissing and remembering, "put it", "in the words of", and a
# quotation in straight single marks, which the quote finder leaves alone as apostrophes.)
_QUOTED = r"(?<!\w)['‘“\"](?=[A-Za-z])[^‘’“”\"]{2,200}?[A-Za-z.,!?]['’”\"](?!\w)"
_CHARACTERISE_RE = re.compile(
    r"(?<![\w-])(?P<verb>called|calls|described|describes|branded|brands|dubbed|dubs|labell?ed|hailed|hails|dismissed"
    r"|dismisses|remembered|remembers|recalled|recalls|put\s+it|words\s+of)\s*,?\s+(?P<obj>[^‘“\".;]{1,60}?\s)?"
    + _QUOTED,
    re.IGNORECASE,
)
_QUOTE_MARKS = re.compile("['‘“\"]")
CHARACTERISE_WORDS = frozenset(
    """called calls call described describes branded brands dubbed dubs labelled labeled hailed hails dismissed
    dismisses remembered remembers recalled recalls put words""".split()
)

# A verb of confirming or disclosing before its own clause ("confirmed the midfielder had torn …").
# (round 11, r30: "maintains" — holding to a claim, "Her lawyer maintains she was 300 miles away")
_CLAUSE_VERBS = (
    r"confirmed|confirms|indicated|accepted|accepts|disclosed|discloses|revealed|maintains|maintained"
)
_CLAUSE_RE = re.compile(
    r"\b(?P<verb>" + _CLAUSE_VERBS + r")\s+(?:that\s+)?"
    r"(?:the|a|an|his|her|its|their|he|she|it|they|[A-Z][a-z]+)"
    r"(?:\s+(?!to\b|into\b|which\b|that\b|who\b|whom\b|what\b|where\b|when\b|and\b|or\b)[\w'’-]+){0,5}?"
    # (round 11, r30: a figure after the verb, "maintains she was 300 miles away")
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|might|may)\s+(?!been\s+(?:a|an|the)\b)[a-z\d£$€]"
)
CLAUSE_VERB_WORDS = frozenset(_CLAUSE_VERBS.split("|"))
# The verb's subject: not the author's "we"/"I", nor a test or a scan ("The scan confirmed the tumour had
# shrunk" is a result the author reports; earlier writers label it reported).
_NOT_SOURCE_BEFORE = re.compile(
    r"\b(?:we|i|our|my|tests?|scans?|results?|x-rays?|analysis)\s+(?:\w+\s+)?$", re.I
)

# A forecaster named as the subject of a forecast in the progressive or the past.
_FORECASTER_RE = re.compile(
    r"(?:^|,\s+|\bthe\s+|\bThe\s+)(?P<np>(?:[A-Z][a-z]+\s+[a-z]+\s+)?(?:[A-Z][\w.&’'-]*\s+){1,5}"
    # (or an institution by its common noun after "the": "The central bank had earlier projected …")
    r"|(?<=he\s)(?:central\s+|national\s+|state\s+|federal\s+)?(?:bank|government|ministry|treasury|agency|regulator"
    r"|fund|commission|department|institute|forecaster|weather\s+service|met\s+office)\s+)"
    r"(?:(?:on\s+[A-Z][a-z]+day|earlier|last\s+week|this\s+week|in\s+[A-Z][a-z]+)\s+)?"
    r"(?:(?:is|are|was|were|has\s+been|had\s+been)\s+(?:now\s+|also\s+)?(?:forecasting|predicting|projecting)"
    r"|(?:(?:has|had)\s+(?:earlier\s+|also\s+|already\s+)?)?(?:forecast|projected|predicted))"
    r"\s+(?:a|an|the|up\s+to|highs?|lows?|gusts|rain|snow|growth|[\d£$€])"
)
_FORECAST_VERB_RE = re.compile(r"\b(?:forecasting|predicting|projecting|forecast|projected|predicted)\b")
FORECASTER_WORDS = frozenset("forecasting predicting projecting forecast projected predicted".split())
_NOT_FORECASTER = frozenset(
    "It We I They He She This That There Its Our Their His Her The A An Another Any No Some Each Every".split()
)

# A record named by its owner.
_RECORD_RE = re.compile(
    r"\W*(?P<np>(?:(?:the|its|their)\s+)?(?:(?:[A-Z][\w.&-]*\s+){0,3}[\w.&-]+['’]s\s+(?:own\s+)?"
    r"|(?:[A-Z][a-z]+\s+)?(?i:court|police|company|hospital|government|council|land|property|tax|bank"
    r"|phone|flight|public|census|customs|planning|shipping|election|financial|school|prison|federal|state|registry)\s+)"
    r"(?:figures|data|records|accounts|logs|papers|filings|statistics|documents))"
    r"(?:\s+(?:released|published|obtained|seen)\s+[^,;]{0,40}?)?"
    r"\s+(?P<verb>show|shows|showed|reveal|reveals|revealed|indicate|indicates|indicated)\b"
)
_RECORD_NOUNS = frozenset("figures data records accounts logs papers filings statistics documents".split())
RECORD_WORDS = frozenset("show shows showed reveal reveals revealed indicate indicates indicated".split())
_NOT_OWNER = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday year's today's week's month's last this""".split()
)

_PER_RE = re.compile(r"\W*(?P<cue>Per)\s+(?:the|a|an|its|their|his|her)\s+[^,;]{3,60},\s+[a-z]")

SOURCE_SHAPE_WORDS = (
    CHARACTERISE_WORDS | CLAUSE_VERB_WORDS | FORECASTER_WORDS | RECORD_WORDS | frozenset({"per"})
)


def _verb_cue(m: re.Match[str], group: str = "verb") -> Cue:
    return new_cue("attribution", m.group(group), m.start(group), m.end(group))


def _characterised(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _CHARACTERISE_RE.finditer(text):
        verb = m.group("verb")
        if (
            inside(quotes, m.start())
            # a name given, the quotation right after the verb: "links called 'trackers'"
            or (m.group("obj") is None and verb[-1] != "t" and verb[-2:] != "of")
            or prev_word(text, m.start()) in _BE_FORMS  # "is called 'Improving …'", "will be remembered for"
        ):
            continue
        return _verb_cue(m)
    return None


def _confirmed_clause(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _CLAUSE_RE.finditer(text):
        if (
            inside(quotes, m.start())
            or not text[: m.start()].strip()  # no subject: a heading or an imperative
            or _NOT_SOURCE_BEFORE.search(text, 0, m.start()) is not None
            or prev_word(text, m.start()) in _BE_FORMS  # "after it was confirmed he will play": no one named
            or prev_word(text, m.start()) in _ADJECTIVE_BEFORE  # "The last confirmed Iraqi attack was on"
        ):
            continue
        return _verb_cue(m)
    return None


def _named_forecaster(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _FORECASTER_RE.finditer(text):
        np = m.group("np").split()
        if (
            (np[0] in _NOT_FORECASTER and len(np) == 1)
            or np[0] in ("It", "We", "I")
            or inside(quotes, m.start())
        ):
            continue
        v = _FORECAST_VERB_RE.search(text, m.end("np"), m.end())
        if v is not None:
            return new_cue("attribution", v.group(0), v.start(), v.end())
    return None


def _owned_record(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    m = _RECORD_RE.match(text)
    if m is None or inside(quotes, m.start()):
        return None
    owner = m.group("np").split()
    if owner[0].lower() in ("the", "its", "their"):
        owner = owner[1:]
    return None if re.sub(r"['’]s$", "", owner[0].lower()) in _NOT_OWNER else _verb_cue(m)


def source_shape_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> list[Cue]:
    """The attribution cue of the first of the module docstring's shapes found, outside quotations."""
    cue = None
    if not words.isdisjoint(CHARACTERISE_WORDS) and _QUOTE_MARKS.search(text) is not None:
        cue = _characterised(text, quotes)
    if cue is None and not words.isdisjoint(CLAUSE_VERB_WORDS):
        cue = _confirmed_clause(text, quotes)
    if cue is None and not words.isdisjoint(FORECASTER_WORDS):
        cue = _named_forecaster(text, quotes)
    if cue is None and not words.isdisjoint(RECORD_WORDS) and not words.isdisjoint(_RECORD_NOUNS):
        cue = _owned_record(text, quotes)
    if cue is None and text.lstrip()[:4] == "Per ":
        m = _PER_RE.match(text)
        cue = _verb_cue(m, "cue") if m is not None else None
    return [cue] if cue is not None else []
