"""Attribution cues (speech verbs, "according to", agentless "is said to") and the named source."""

from __future__ import annotations

import re
from itertools import chain

from factsieve.classify.context import (
    next_word,
    prev_word,
)
from factsieve.classify.cue import (
    BY_START,
    Cue,
    inside,
    new_cue,
)
from factsieve.classify.judging_shapes import SAYS_ABOUT_Q_RE, TELLS_ABOUT_RE, WHICH_TELLS_RE
from factsieve.classify.prefilter import (
    CaseFreeRe,
    lowered,
    scan,
    start_tokens,
    trigger_gate,
    word_alternation,
    words_of,
)
from factsieve.classify.source_shapes import (
    SOURCE_SHAPE_TRIGGERS,
    SOURCE_SHAPE_WORDS,
    source_pairs_possible,
    source_shape_cues,
)
from factsieve.classify.stance_verbs import STANCE_GATE, STANCE_TRIGGERS, stance_cues

# --------------------------------------------------------------------------- attribution

# Verbs that put a claim in someone else's mouth whatever follows them. Matched case-sensitively so
# "United States" is not "states"; the few that start sentences get a capital variant.
_SPEECH_VERBS = (
    r"said|says|say|saying|stated|stating|told|tells|telling|added|adding|noted|noting|explained|explaining"
    r"|argued|argues|argue|arguing|claimed|claims|claim|claiming|insisted|insists|insisting|warned|warns|warning"
    r"|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|stressed|stresses|stressing|asserted|asserts|declared|declares"
    r"|remarked|commented|acknowledged|acknowledges|admitted|admits|denied|denies|wrote|writes"
    r"|tweeted|urged|urges"
    # round 15 (r38): "Emergency services are urging residents to stay off the roads" (its object and "to"; not
    # "at the urging of")
    r"|urging(?!\ of\b)(?=\ (?:[\w’'-]+\ ){1,5}?to\ [a-z])|echoed|echoing|announced|announces|contended|contends|believes|thinks|reckons|reckoned"
    r"|expects|predicts|anticipates|forecasts|projects|estimates|recommends|recommended|advises|advised"
    r"|testified|complained|conceded|countered|replied|responded|cautioned|commended|praised"
    r"|criticized|criticised|condemned|welcomed|accused|pointed\ out|points\ out|point\ out|called\ for|calls\ for|call\ for"
    # round 11: the charge and the conjecture, as "accused" (each also a hedge in hedge.py)
    r"|accus(?:es|e|ing)(?=\ (?:[\w’'-]+\ ){0,6}?(?:of|that)\b)|alleging"
    r"|(?:theori[sz]|postulat|surmis)(?:es|ed|ing|e)(?=\ (?:[\w’'-]+\ ){0,3}?that\b)"
    r"|raised\ concerns?|raises\ concerns?|expressed\ (?:\w+\ ){0,2}?(?:concerns?|optimism|commitment|support|hope|"
    r"eagerness|confidence|doubts?|fears?|frustration|disappointment|interest|gratitude|regret|opposition)"
    r"|expressing\ (?:\w+\ ){0,2}?(?:concerns?|optimism|commitment|support|hope|eagerness|confidence)"
    r"|[Aa]ccording\ to|[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|is\ said\ to|are\ said\ to|was\ said\ to|were\ said\ to"
    r"|[Ii]t\ is\ said|(?:is|are|was|were)\ (?:widely\ |generally\ |also\ |now\ |often\ |commonly\ |long\ )?"
    r"(?:believed|thought|reported|rumou?red|alleged|considered|regarded|understood|said)"
    r"(?!\ (?:in|for|at|on|from|with|and|but|during|after|before|when)\b)(?=\ [a-z])"
)
_ATTRIB_RE = re.compile(word_alternation(_SPEECH_VERBS))
_ATTRIB_STARTS = start_tokens(_ATTRIB_RE.pattern)
_AGENTLESS_VERBS = "said believed thought reported rumored rumoured alleged considered regarded understood"
_ATTRIB_REQUIRES = {
    "is": _AGENTLESS_VERBS,
    "are": _AGENTLESS_VERBS,
    "was": _AGENTLESS_VERBS,
    "were": _AGENTLESS_VERBS,
    "it": "said",
}
_ATTRIB_REQUIRES = {k: trigger_gate(v.split()) for k, v in _ATTRIB_REQUIRES.items()}
# "Many believe", "some experts think": doxastic verbs become attribution with a plural or vague subject.
_WEASEL_RE = re.compile(
    r"\b((?:[Mm]any|[Ss]ome|[Mm]ost|[Oo]ther|[Ss]everal|[Cc]ritics|[Ee]xperts|[Aa]nalysts|[Oo]bservers|[Pp]eople"
    r"|[Ss]cholars|[Hh]istorians|[Rr]esearchers|[Ss]cientists|[Oo]thers|[Oo]fficials)(?:\s+(?:[a-z]+\s+)?(?:people|experts|"
    r"critics|analysts|observers|scholars|historians|researchers|scientists|officials|commentators|economists))?)"
    r"\s+(?:also\s+|still\s+|even\s+)?(believe|think|suggest|fear|consider|expect|speculate|assume|suspect|contend|"
    r"maintain|worry|doubt)\b"
)
_WEASEL_STARTS = start_tokens(_WEASEL_RE.pattern)
_WEASEL_VERBS = frozenset(
    "believe think suggest fear consider expect speculate assume suspect contend maintain worry doubt".split()
)
# Verbs that report a topic ("the report highlighted matters") are attribution only before a that-clause.
_TOPIC_VERBS = (
    "highlighted|highlights|mentioned|mentions|indicated|indicates|showed|shows|found|"
    "reported|reports|concluded|concludes|estimated|estimates|believed|alleged|alleges|confirmed|confirms|"
    "revealed|reveals|observed|observes|recalled|predicted|predicts|maintained|maintains|posted|"
    # round 7 (r16): "The court heard that …" (what was said in court)
    "heard"
)
# An adverb of repetition may stand between ("have found again and again that …").
_TOPIC_VERB_RE = CaseFreeRe(
    word_alternation(_TOPIC_VERBS)
    + r"(?:\s+(?:again\s+and\s+again|time\s+and\s+again|over\s+and\s+over|repeatedly|consistently))?"
    # round 7 (r13): a time or a channel between the verb and its clause, "confirmed on Thursday that",
    # "revealed in a statement that", "found last year that"
    + r"(?:\s+(?:on|last|this|earlier|late|in)(?:\s+[\w'’]+){1,3}?)?\s+that\b"
)
# Verbs of evidence: their subject is as often the author's own reasoning as a source ("the ferocity
# of their opposition reveals that …"), so they are not read as a trailing ", SOURCE said" clause
# (classifier.py).
EVIDENCE_VERB_WORDS = frozenset(
    "shows showed reveals revealed indicates indicated highlights highlighted demonstrates demonstrated".split()
)
# Round 6c (the wrong change round 6 left): "He added the performance of seven businesses bought last
# year was encouraging." — "added" with the "that" left out: a noun phrase, then its finite verb, with no
# comma, preposition of place or relative word between ("He added the finishing touches to what was …",
# "added a new route, which is …" stay actions).
_ADDED_CLAUSE = re.compile(
    r"\s+(?:the|a|an)\s+(?:(?!to\b|into\b|onto\b|which\b|that\b|who\b|what\b|where\b|when\b)[\w'’-]+\s+){1,10}?"
    r"(?:was|were|is|are|would|will|had|could|remained|remains)\s+\w"
)
# Object words after which these verbs are not speech ("added to the list", "wrote the music").
_NOT_SPEECH_NEXT = {
    "added": frozenset("to a an the new more extra value some up".split()),
    "adding": frozenset("to a an the new more extra value some up".split()),
    "wrote": frozenset("a an the his her their several many music songs books novels poems for".split()),
    "noted": frozenset("for as".split()),
    "denied": frozenset("entry access bail a the".split()),
    "say": frozenset(),
    # "claim a refund", "claim compensation", "claim back the deposit": a right exercised, not speech
    # (round 5c); speech claims a clause ("claim that …", "claim the figures are wrong"). After "a" see
    # _CLAIMED_THING: "claim a membership of seven million" is speech.
    "claim": frozenset("refunds compensation damages benefits back credit victory".split()),
    # "four points out of the top four", "the bow points out of the harbour": position, not speech.
    "points out": frozenset({"of"}),
    "pointed out": frozenset({"of"}),
    "point out": frozenset({"of"}),
}
# Round 7 (r13): "added 16 points and nine rebounds", "added 3% to its value": a tally, not speech; "He
# added 16 people had been hurt" has a finite verb after the figure and stays speech.
# (round 14, r35: a sum in a currency, "added $3.15 to the average monthly bill")
_ADDED_FIGURE = re.compile(
    r"\s+(?:[$£€₹]?\d[\d,.]*%?(?:bn|m|k)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s"
)
_FIGURE_CLAUSE = re.compile(
    r"\s+\S+\s+(?:[\w'’-]+\s+){0,4}?(?:was|were|is|are|had|have|has|would|will|could|might|may)\b"
    r"|\s+\S+\s+(?:(?!as\s|while\s|and\s|but\s|when\s|after\s|to\s)[\w'’-]+\s+){0,3}?[a-z]{3,}ed\b"
)
_ADDED_FORMS = frozenset(("added", "adding"))
# Round 10 (r28, r29): silence and the nouns of a plan or a request are no source — "said nothing as he
# left", "The project ran according to schedule", "Crews answered 140 calls for help overnight", and a
# warning that someone issued is a notice ("The Weather Bureau has issued a severe thunderstorm warning").
_SILENT_FORMS = frozenset(("saying", "said"))
_TELLING_FORMS = frozenset(("says", "said", "tells", "told"))
_ASKING_FORMS = frozenset(("say", "says", "said", "tells", "told", "tell"))
_NOT_SOURCE_NEXT = {
    # (the idiom has no article: "…, according to the plan." names a document, as in Reuters' NPPC story)
    # (round 14, r35: a manner with its adjective, "buried according to Islamic rites", "according to local
    # custom"; "according to the plan" still names a document)
    "according to": re.compile(
        r"\s+(?:(?!the\b)[\w-]+\s+)?(?:plan|schedule|script|tradition|custom|form|taste|rites?|rituals?)\b",
        re.IGNORECASE,
    ),
    "According to": re.compile(
        r"\s+(?:(?!the\b)[\w-]+\s+)?(?:plan|schedule|script|tradition|custom|form|taste|rites?|rituals?)\b"
    ),
    "calls for": re.compile(r"\s+(?:help|assistance|service|an?\s+ambulance|backup)\b"),
    # round 12 (r33): a score let in, not a point granted in argument: "Rovers have conceded 19 goals in those
    # seven games", "conceded a late penalty" ("conceded that the goal was offside" is speech)
    "conceded": re.compile(
        r"\s+(?:\d+|a|an|two|three|four|five|six|seven|eight|nine|ten|only|just|another|no|the\s+first)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:goals?|penalt(?:y|ies)|tries|try|points|runs|sets?|frames|wickets|corners?"
        r"|free[- ]kicks?)\b"
    ),
    # round 12 (r33): a compound noun, "The state's warning system has improved …": no one warns
    "warning": re.compile(r"\s+(?:systems?|signs?|lights?|labels?|shots?|sirens?|track|triangles?)\b"),
    # round 12 (r33): the subject was informed, "The 49-year-old was told of the decision at …"; the
    # speaker is not named and no claim follows (an active "told of" keeps its speaker: "He told of his fear")
    "told": re.compile(r"(?<=was\stold)\s+of\b|(?<=were\stold)\s+of\b"),
}
_ISSUED_BEFORE = re.compile(
    r"\b(?:issued|issues|issue|upgraded|extended|lifted|downgraded|cancelled|canceled)\s+(?:an?|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
# "saying nothing" is silence; "saying nothing had been decided" is speech (a clause follows).
_SAYING_NOTHING = re.compile(
    r"\s+(?:nothing|little|anything)\b(?!\s+(?:had|has|have|was|is|were|would|will|could|can|should|must|new)\b)"
)
# "… showed 210,000 positions added.": a participle closing the sentence after its plural noun, with no
# comma before the noun (", analysts added." is a closing source).
_SOURCE_BREAK_BEFORE = re.compile(r",\s+(?:\S+\s+){0,3}$")


def _added_after_noun(text: str, start: int, end: int) -> bool:
    prev = prev_word(text, start)
    return (
        len(prev) > 3
        and prev.endswith("s")
        and _SENTENCE_END_AFTER.match(text, end) is not None
        and _SOURCE_BREAK_BEFORE.search(text, max(0, start - 60), start) is None
    )


# "The rise in withdrawn claims may …", "a flood of rejected claims": an adjective or participle after a
# preposition or determiner makes "claims" the noun (the verb follows its subject's noun).
_CLAIMS_NOUN_BEFORE = re.compile(
    r"\b(?:in|of|for|on|the|these|those|with|by|to|and|from|over|new|more|all)\s+[a-z]{3,}(?:ed|en|wn)\s+$"
    r"|\d(?:[\d,]*\d)?\s+$|\b(?:than|of|about|some|nearly|almost)\s+(?:\d[\d,]*|hundreds|thousands|dozens)\s+$"
)
# round 7 (r16): what is denied is something said ("denied the report", "denied the allegations"): speech.
_DENIED_CLAIM = re.compile(
    r"\s+the\s+(?:[a-z]+\s+)?(?:reports?|claims?|allegations?|accusations?|charges?|suggestion|story|stories"
    r"|rumou?rs?|assertion|account)\b"
)
_ADMITTED_TO_PLACE = re.compile(
    r"\s+to\s+(?:(?:the|a|an)\s+)?(?:hospital|bar|university|college|school|clinic|ward|intensive|prison|care"
    r"|membership|practice|hall|eu|nato|union|league|club|party|programme|program)\b",
    re.IGNORECASE,
)
# Round 14 (r35): a plea entered, not a statement: "had admitted 11 counts of forgery", "admitted two charges
# of dangerous driving", "admits a breach of the code" ("admitted that he had lied" and "admitted lying" are speech).
_ADMITTED_CHARGES = re.compile(
    r"\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|all|several|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:counts?|charges?|offences|offenses|breach(?:es)?)\b",
    re.IGNORECASE,
)
_ADMIT_FORMS = frozenset("admitted admits admit".split())
# Round 14 (r35): a warning as the subject of a passive is the notice itself, "An emergency warning was
# downgraded to watch and act", "The flood warning has been lifted" (no one warns in the sentence).
_WARNING_PASSIVE = re.compile(
    r"s?\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|remains|remained)\s+(?:now\s+|since\s+|also\s+)?"
    r"(?:downgraded|upgraded|lifted|cancell?ed|canceled|extended|issued|withdrawn|removed|reduced|raised|in\s+place"
    r"|in\s+force|current|active)\b",
    re.IGNORECASE,
)
# What one claims as a right or a prize, not as a statement: "claim a refund", "claim a famous victory".
_CLAIMED_THING = re.compile(
    r"\s+an?\s+(?:[\w-]+\s+)?(?:refund|rebate|win|victory|prize|seat|title|place|discount|grant|payment"
    r"|compensation|tax\s+credit)\b",
    re.IGNORECASE,
)
# Money claimed, in any form of the verb (round 5d): "can claim up to £520", "may claim for delays",
# "claimed £2,400 in expenses", "never bother to claim what they are owed". Speech claims a clause
# ("claim that …", "claimed the figures were wrong"), never an amount, a "for" or what is owed.
_CLAIMED_MONEY = re.compile(
    r"\s+(?:back\s+)?(?:for\s|up\s+to\s+[£$€]|[£$€]\s?\d|what\s+(?:[\w'’]+\s+){1,2}(?:owed|due|entitled)\b)",
    re.IGNORECASE,
)
_CLAIM_FORMS = frozenset("claim claims claimed claiming".split())
_NOT_SPEECH_PREV = {
    "say": frozenset("to let's let’s i".split()),
    # round 7 (r16): "The said property" (the legal adjective); "That said, …" is handled by _THAT_SAID
    "said": frozenset({"the"}),
    # round 12 (r32): the passive of an outcome, "after the results were declared", "was declared the winner"
    "declared": frozenset("was were been being is are be".split()),
    "claim": frozenset("a the this that insurance".split()),
    "claims": frozenset("a the these those insurance".split()),
    # The noun of a notice: "an amber warning for snow", "a flood warning remains in effect". A weather
    # or hazard warning is a notice issued, not a claim put in someone's mouth.
    "warning": frozenset(
        """amber red yellow orange weather flood storm snow wind heat ice fog rain tornado hurricane tsunami gale
        frost avalanche""".split()
    ),
}
# The noun after a determiner ("The warning could be upgraded to red …") is a notice too, unless it
# carries content or a source: "a warning from Turkey that it will …", "a warning over possible tax
# demands", "issued a stark warning that the dam could fail". The participle stays speech.
_DETERMINERS = frozenset("a an the this that its their his her".split())
_WARNING_CONTENT = re.compile(r"\s+(?:from|over|on|about|of|to)\b|[^.;]{0,60}?\bthat\b", re.IGNORECASE)


def _warning_notice(text: str, start: int, end: int) -> bool:
    return prev_word(text, start) in _DETERMINERS and _WARNING_CONTENT.match(text, end) is None


# "We contacted all 22 trusts; 17 responded", "Of the 40 firms surveyed, only nine replied": a bare
# reply verb after a count, with no object or content, counts replies — the newsroom's finding, not a
# claim put in anyone's mouth. "Nine replied that they had no plans" carries content and stays.
_REPLY_VERBS = frozenset({"responded", "replied", "commented"})
_COUNT_BEFORE = re.compile(
    r"(?:\b\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|dozen|hundred|none|all|most|half|few|several|many|some|only|just|[a-z]+teen)"
    r"(?:\s+(?:of\s+)?(?:them|those|these|whom|which))?)"
    # round 7 (r16): the newsroom's own survey between the count and the verb ("Seventeen of the 30
    # councillors we contacted responded")
    r"(?:\s+(?:of\s+)?(?:the\s+)?(?:\d[\d,]*\s+)?[a-z]+\s+(?:we|i)\s+(?:contacted|asked|approached|surveyed|emailed|wrote\s+to))?"
    r"\s+(?:have\s+|had\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[.;,)]|$|\s(?:by|before|within|in\s+time)\b)")


# Advice verbs are a source only closing the sentence, after the advice they give: "Adults should get
# at least 150 minutes of activity a week, the World Health Organization recommends."
_NEWSROOM = frozenset(("we", "i"))
_TRAILING_ONLY = frozenset("recommends recommended advises advised".split())
_BE_FORMS = frozenset("is are was were be been being".split())
# Round 15 (r25, r31, r33: three writers): advice in the present tense that gives what to do — a gerund or a
# measure — is the adviser's claim wherever it stands: "The PDSA recommends at least two walks a day for most
# breeds", "The National Sleep Council recommends speaking to a doctor …" ("The board recommends a final dividend
# of 5p" and the past "recommended a dividend" stay acts).
_ADVICE_AFTER = re.compile(
    r"\s+(?:(?:that|against|avoiding|at\s+least|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|up\s+to"
    r"|a\s+(?:minimum|maximum)\s+of|between)\b|(?!(?:nothing|something|anything|everything|king|ring|spring|string"
    r"|thing|wing|bring|sing)\b)[a-z]{2,}ing\b)"
)
_PRESENT_ADVICE = frozenset(("recommends", "advises"))
_SENTENCE_END_AFTER = re.compile(r"\s*[.!]?[\"”’']?\s*$")


def _counted_reply(text: str, start: int, end: int) -> bool:
    return (
        _CLAUSE_END_AFTER.match(text, end) is not None
        and _COUNT_BEFORE.search(text, max(0, start - 80), start) is not None
    )


# "We asked the council …, and it had not replied by the time of publication", "The company has not
# yet responded to our questions": a reply that did not come says nothing anyone said — the newsroom's
# report of its own request (like "did not respond to a request for comment", which has no cue).
_NEGATED_BEFORE = re.compile(r"\b(?:had|has|have|did)(?:\s+not|n['’]t)\s+(?:yet\s+)?$", re.IGNORECASE)
_NO_REPLY_AFTER = re.compile(r"\s*(?:[.;,)]|$|\s(?:by|before|within|in\s+time|to|yet)\b)")


def _no_reply(text: str, start: int, end: int) -> bool:
    return (
        _NEGATED_BEFORE.search(text, max(0, start - 16), start) is not None
        and _NO_REPLY_AFTER.match(text, end) is not None
    )


# Reporting words with no named agent: the claim belongs to "people", not the author.
_AGENTLESS = re.compile(
    r"^(?:reportedly|allegedly|purportedly|is said to|are said to|was said to|were said to|it is said|(?:is|are|was|were)\b)",
    re.IGNORECASE,
)

_PRONOUNS = frozenset("he she they it we i you this that these those who which there".split())
_SOURCE_NOUNS = (
    r"officials?|spokes(?:man|woman|person)|minister|president|secretary|ambassador|analysts?|experts?|critics?"
    r"|researchers?|scientists?|police|authorities|sources?|reports?|study|studies|statement|survey|poll|economists?"
    r"|investigators?|prosecutors?|lawyers?|historians?|scholars?|observers?|residents?|witnesses?|doctors?|leaders?"
    r"|government|ministry|department|agency|company|campaign|spokesperson|commentators?|opponents?|supporters?|people"
    r"|chancellor|director|chief|chairman|ceo|professor|some|many|others|most"
)
# A noun phrase that can name a source: capitalised words with small connectors, or a source noun.
_NP = (
    r"(?:(?:the|a|an|both|some|many|several|most|other|its|his|her|their)\s+)?"
    r"(?:(?:[A-Z][\w.’'&-]*|(?:of|for|to|de|del|and|the|on)\b|"
    + _SOURCE_NOUNS
    + r"|[a-z]+(?=\s+(?:"
    + _SOURCE_NOUNS
    + r")\b))\s*){1,9}"
)
# The noun phrase just before a speech verb is found by walking tokens backwards: a regex searched
# with "$" over the preceding text backtracks badly (~80 µs a call).
_TOKEN_RE = re.compile(r"[\w.’'&-]+|[^\w\s]")
_AUX_BEFORE_VERB = frozenset(
    "has have had also further later repeatedly publicly once again recently previously then reportedly".split()
)
_NP_CONNECTORS = frozenset("of for to de del the and on".split())
_NP_DETERMINERS = frozenset("the a an both some many several most other its his her their".split())
_SOURCE_NOUN_RE = re.compile(r"(?:" + _SOURCE_NOUNS + r")\Z")
# The same test as ``_SOURCE_NOUN_RE.match(word) is not None`` by set lookup: _SOURCE_NOUNS is a finite
# alternation of a-z words, so the words it matches in full are exactly the start tokens of
# \b(?:…)\b (every path through the pattern, enumerated by start_tokens; a test checks both ways).
_SOURCE_NOUN_WORDS = start_tokens(r"\b(?:" + _SOURCE_NOUNS + r")\b")
assert _SOURCE_NOUN_WORDS and all(_SOURCE_NOUN_RE.match(w) for w in _SOURCE_NOUN_WORDS)


def _np_walk(toks: list[str]) -> tuple[int, int]:
    """(i, j): the noun phrase is ``toks[j:i]``; the walk looked at no token before ``toks[j - 1]``."""
    i = len(toks)
    while i and (toks[i - 1].lower() in _AUX_BEFORE_VERB or toks[i - 1] == ","):
        i -= 1
    j = i
    while j:
        word = toks[j - 1]
        low = word.lower()
        is_np = (
            word[0].isupper()
            or low in _NP_CONNECTORS
            or low in _SOURCE_NOUN_WORDS
            or (word.isalpha() and word.islower() and j < i and toks[j].lower() in _SOURCE_NOUN_WORDS)
        )
        if not is_np or i - j >= 9:
            break
        j -= 1
    return i, j


# Tokens of the last _NP_NEAR characters decide almost every walk; the full _NP_WINDOW is tokenized
# only when the walk reaches the first (possibly cut) token of the short window. Every non-space
# character belongs to a token, so tokens are separated by whitespace only and their offsets are
# recovered with rfind from the end (match objects for every token cost more than the walk).
_NP_NEAR = 32
_NP_WINDOW = 120


def _np_before(text: str, end: int) -> str | None:
    lo = max(0, end - _NP_NEAR)
    toks = _TOKEN_RE.findall(text, lo, end)
    i, j = _np_walk(toks)
    if j <= 1 and lo > max(0, end - _NP_WINDOW):
        lo = max(0, end - _NP_WINDOW)
        toks = _TOKEN_RE.findall(text, lo, end)
        i, j = _np_walk(toks)
    if j < i and j and toks[j - 1].lower() in _NP_DETERMINERS:
        j -= 1
    if j == i:
        return None
    pos = stop = end
    for k in range(len(toks) - 1, j - 1, -1):
        pos = text.rfind(toks[k], lo, pos)
        if k == i - 1:
            stop = pos + len(toks[k])
    return text[pos:stop]


_NP_AFTER_RE = re.compile(r"\s*(" + _NP + r")")
_LEADING_NP_RE = re.compile(
    r"^[\"“‘(]?(?:(?:However|But|And|Despite [^,]{1,40}|In [^,]{1,60}|Meanwhile|Earlier|Later|Today|"
    r"Yesterday|On [^,]{1,30}),\s*)?(" + _NP + r")"
)
_TRAILING_CONNECTORS = re.compile(
    r"(?:\s+(?:of|for|to|de|del|and|the|on))+$|^(?:of|for|to|de|and|on)\s+", re.IGNORECASE
)


_NOT_A_SOURCE = frozenset(
    """the of and however but so said as when while if in on at after before this that it there then also
    yet still meanwhile moreover furthermore despite although though because since during""".split()
)
_SOURCE_NOUN_SEARCH = re.compile(r"[A-Z]|\b(?:" + _SOURCE_NOUNS + r")\b")


# _clean_np is a pure function of its argument, and the same noun phrases ("the company", "he",
# "Mr Smith") come back sentence after sentence: remembered results are the results. Bounded: the
# memo is emptied when it grows past _CLEAN_NP_MEMO_MAX entries.
_CLEAN_NP_MEMO: dict[str, str | None] = {}
_CLEAN_NP_MEMO_MAX = 50_000


def _clean_np(np_text: str) -> str | None:
    try:
        return _CLEAN_NP_MEMO[np_text]
    except KeyError:
        pass
    if len(_CLEAN_NP_MEMO) >= _CLEAN_NP_MEMO_MAX:
        _CLEAN_NP_MEMO.clear()
    src = _CLEAN_NP_MEMO[np_text] = _clean_np_uncached(np_text)
    return src


def _clean_np_uncached(np_text: str) -> str | None:
    np_text = _TRAILING_CONNECTORS.sub("", np_text.strip(" ,.;:")).strip(" ,.;:")
    words = np_text.split()
    if not words or np_text.lower() in _PRONOUNS or words[-1].lower() in ("the", "a", "an"):
        return None
    if np_text[0].islower() and not _SOURCE_NOUN_SEARCH.search(np_text):
        return None
    if len(words) == 1 and words[0].lower() in _NOT_A_SOURCE:
        return None  # a sentence-initial function word ("As …") is not a source
    return np_text


def _source_for(text: str, cue: Cue, quotes: list[tuple[int, int]]) -> str | None:
    low = cue.text.lower()
    if low == "according to":
        m = _NP_AFTER_RE.match(text, cue.end)
        return _clean_np(m.group(1)) if m else None
    if _AGENTLESS.match(low):
        return None
    # Inverted order after a quotation: '“…,” stated Chancellor Alexandra Hill'.
    before = text[: cue.start].rstrip()  # stripped once, used by both tests below
    if before.endswith((",”", ',"', "”", '"', ",’")) or (
        quotes and quotes[-1][1] <= cue.start and before[-1:] in ',”"'
    ):
        m = _NP_AFTER_RE.match(text, cue.end)
        if m and (src := _clean_np(m.group(1))):
            return src
    np_text = _np_before(text, cue.start)
    if np_text and (src := _clean_np(np_text)):
        return src
    if low.endswith("ing") or before.endswith((",", "and")):
        # A participle or coordinated verb ("…, stating that") shares the sentence subject.
        m = _LEADING_NP_RE.match(text)
        if m:
            return _clean_np(m.group(1))
    return None


# Round 11, the lead's decision on issue #17 (its rule "agentless forecasts are the author's own" carried
# to belief and report): an agentless passive of belief or report with no source anywhere in the sentence
# ("The painting is thought to date from the early 1700s", "The fire is believed to have started in the
# kitchen", "It is believed that …") is the author's own hedge, speculative. Any other attribution cue
# (", police said", "Investigators believe", "according to") or an agent after the verb ("is thought by
# historians to") keeps it attributed. Only the verbs hedge.py already flags (believed, thought,
# rumoured): "is said/reported/understood to" have no hedge cue and would fall to reported, so they stay
# attributed until one is added there; "alleged" (a charge someone brings) and "considered/regarded" (a
# reputation: "is regarded as the finest") are not in it.
_BELIEF_PASSIVE = re.compile(r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:believed|thought|rumou?red)")
_BE_BEFORE = frozenset("is are was were".split())


def _author_belief_passive(text: str, cue: Cue) -> bool:
    if next_word(text, cue.end) == "by":
        return False
    if cue.text in ("believed", "thought"):  # the "believed that" topic cue of "It is believed that …"
        return prev_word(text, cue.start) in _BE_BEFORE
    return _BELIEF_PASSIVE.fullmatch(cue.text) is not None


# A forecast verb in the third person singular puts the forecast in its subject's mouth ("The airline
# expects 2 million passengers", "…, the agency projects."). "forecasts", "projects" and "estimates"
# are also plural nouns ("government forecasts show", "building projects were delayed"): as verbs they
# follow no determiner or noun modifier and take an object (a determiner, a figure, "that") or end
# the clause.
_NOUN_FORECAST_FORMS = frozenset({"forecasts", "projects", "estimates"})
_NOUN_MODIFIERS = frozenset(
    """the a an its his her their our these those new latest official early initial previous earlier budget
    growth government revised current own such many some several two three both other""".split()
)
_OBJECT_NEXT = re.compile(
    r"[ \t]*(?:[\d£$€]|(?:that|a|an|the|its|their|his|her|more|fewer|less|further|another|growth|profits?|sales"
    r"|inflation|losses|record|higher|lower|rates?|prices)\b|[.;]|$"
    # round 5d (fresh, r5): an amount forecast, "The firm forecasts revenue of $3.4 billion", "The OBR
    # projects borrowing of £87 billion" (a noun reading would need a verb after the figure)
    # (round 7, r13: up to three words of what is forecast, "projects asylum support spending of £4.7bn")
    # (round 11, r30: a bound, "forecasts gusts of up to 80 mph")
    r"|(?!by\s|from\s|for\s|in\s|on\s|at\s|with\s)[a-z-]+(?:\s+[a-z-]+){0,2}\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+)?[\d£$€]"
    # round 8 (r21): what is forecast put at a figure, "projects national maize output this year at 38
    # million bags"; a hyphenated word in it ("one-off restructuring charges of …")
    r"|(?!by\s|from\s|for\s|in\s|on\s|at\s|with\s|puts?\s|shows?\s|are\s|were\s|have\s|place\s|value\s)"
    r"(?:(?![a-z]+(?:ed|ing)\b)[a-z-]+\s+){2,5}at\s+(?:about\s+|around\s+)?[\d£$€]"
    # round 7 (r12, r13): a range or a bound forecast, "forecasts between 3 and 28 aftershocks", "projects
    # up to 40,000 visitors" (the noun reading would need a verb after it)
    r"|(?:between|up\s+to|as\s+(?:many|much|few|little)\s+as|at\s+least|at\s+most)\s+[\d£$€]"
    # round 6b: a named thing priced or ranked ("Goldman Sachs now forecasts Brent at $88 a barrel")
    r"|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2}\s+(?:at|to|near|around)\s+(?:about\s+|around\s+)?[\d£$€]"
    # round 10 (r28, r29): an amount "of between" two figures, or a clause with its own finite verb and no
    # "that" ("The company projects volumes will recover …", "The charity estimates it has served …"); a
    # noun reading has the verb right after ("building projects were delayed")
    r"|[a-z-]+\s+of\s+between\s+[\d£$€]"
    r"|(?!which\b|that\b|who\b)(?:it|they|[a-z]+)\s+(?:will|would|could|has|have|is|are)\s+(?!been\b)[a-z]{3,})"
)


def _ok_forecast_verb(text: str, s: int, e: int) -> bool:
    if text[s:e] not in _NOUN_FORECAST_FORMS:
        return True
    prev = prev_word(text, s)
    if text[max(0, s - 2) : s].rstrip().endswith(("'", "’")) or text[max(0, s - 3) : s - 1] in ("'s", "’s"):
        return False  # a possessive before it makes a noun: "analysts' forecasts", "the bank's projects"
    return bool(prev) and prev not in _NOUN_MODIFIERS and _OBJECT_NEXT.match(text, e) is not None


# A plural group or institution as the subject of a verb of belief, forecast or speech is a source,
# named or not: "Investigators believe …", "Prosecutors think …", "Economists polled by Reuters
# expect …", "Analysts at Barclays predict …", "Doctors at the hospital doubt …", "Residents complain
# that …", "Diplomats familiar with the talks describe …". The subject is any plural noun (or
# "police", "they"), optionally followed by who asked them, where they work or what they know. The
# plural present of a speech verb ("insist", "warn") is only a cue here: alone it is as often an
# infinitive or an imperative ("to warn", "Insist on a receipt").
_GROUP_BELIEF_VERBS = (
    "believe think suspect fear doubt worry expect estimate predict project forecast anticipate reckon assume "
    "speculate"
    # round 15 (r30 ×2, r37): a group's hope is its forecast ("Organisers hope to raise R2 million …")
    " hope"
)
# (round 7, r13: "Financial planners recommend keeping the fund …": advice given by a group is its claim)
_GROUP_SPEECH_VERBS = (
    "insist complain warn caution note stress concede acknowledge deny allege describe described recount recounted"
    " recommend advise"
    # round 10 (r28): "Local fishermen blame the dredging for …" (the group's explanation)
    " blame"
    # round 12 (r32): "Prosecutors contend that …" (not "contend with"), "Neighbours recall hearing a loud bang"
    # (only before a gerund or "that": "Carmakers recall 1m cars" is a product recall)
    " contend recall"
)
# A group's "blame" takes an object and its "for"/"on" ("Local fishermen blame the dredging for …").
_BLAME_OBJECT = re.compile(
    r"\s+(?:the|its|their|this|these|his|her|a|an|[A-Z][\w'’-]*)\s[^,.;:]{0,60}?\s(?:for|on)\s"
)
_RECALL_OBJECT = re.compile(r"\s+(?:that\b|[a-z]+ing\b)")
_GROUP_VERBS = frozenset(f"{_GROUP_BELIEF_VERBS} {_GROUP_SPEECH_VERBS} see".split())
_MEASURED_AGAINST = re.compile(r"\b(?:than|as)\b(?:\s+[\w.%-]+){0,6}\s+$", re.IGNORECASE)
_HAD_PARTICIPLES = frozenset(
    "predicted estimated projected expected anticipated".split()
)  # round 17, after "had"
# "see" is a forecast only with a forecaster as the subject ("Economists polled by Reuters see
# unemployment peaking"); "Residents see the river rise every spring" is perception.
_FORECASTERS = frozenset(
    "analysts economists traders investors forecasters strategists markets dealers brokers bankers".split()
)
# (round 14, r34: a named workplace by its common noun, "Doctors at the Ridgeway clinic suspect …"; a closed list:
# "earnings from the Argyle diamond project" is no group and "project" no verb there)
_WORKPLACES = (
    r"(?:clinic|hospital|university|institute|bank|firm|company|agency|ministry|department|centre|center|school"
    r"|college|office|lab|laboratory|practice|surgery|council|museum|trust|foundation|observatory|plant|factory"
    r"|club|consultancy|think\s+tank)"
)
_GROUP_RE = re.compile(
    r"\b(?P<np>[A-Za-z][a-z’'-]*s|[Pp]eople|[Pp]olice|[Ss]taff|[Pp]ublic|[Tt]hey)"
    r"(?:\s+(?:surveyed|polled|questioned|interviewed|consulted|asked|quoted|cited|contacted)\s+by\s+(?:the\s+)?"
    r"[\w.&’'-]+(?:\s+[A-Z][\w.&’'-]*){0,3}"
    # (round 10, r28: a firm's name may hold a spaced "&", "Analysts at Mercer & Lowe forecast …")
    # (round 11, r30: "of" inside the name, "Scientists at the University of Otago now suspect …")
    # (round 16, r40: the group of a named place, "Residents of Fenwick Close describe the noise … as constant")
    r"|\s+(?:at|from|with|in|on|of)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:&\s+|of\s+)?[A-Z][\w.&’'-]*){0,3}"
    # "at the hospital", "in the industry": a workplace or field named by a common noun, and its name
    # (round 5c: "Analysts at the shipping consultancy Drewry project …"); a name in apposition
    # ("Organisers Unique Assembly expect …")
    r"|(?:\s+(?:at|from|in)\s+the\s+(?:[a-z]+(?:\s+[a-z]+){0,2}|(?:[A-Z][\w.&’'-]*\s+){1,2}"
    + _WORKPLACES
    + r")"
    r"|(?P<appos>(?=\s+[A-Z])))(?:\s+[A-Z][\w.&’'-]*){0,3}(?=\s+(?:"
    + _GROUP_BELIEF_VERBS.replace(" ", "|")
    + "|"
    + _GROUP_SPEECH_VERBS.replace(" ", "|")
    + r")\b)"
    # "familiar with the talks", "close to the investigation", "involved in the case"
    r"|\s+(?:familiar\s+with|close\s+to|involved\s+in|briefed\s+on|working\s+on)\s+(?:the\s+)?[\w’'-]+"
    r"(?:\s+[a-z]+)?)?"
    r",?\s+(?:also\s+|still\s+|now\s+|privately\s+|widely\s+|generally\s+|increasingly\s+|largely\s+"
    r"|had\s+(?=forecast\b|predict|estimate|project|expect|anticipate))?"
    # (round 17, r25: the past perfect's participle, "Economists surveyed by the Herald had expected a smaller …"; the
    # verbs below are base forms, so "had" found no verb before)
    r"(?P<verb>(?<=had )(?:"
    + "|".join(sorted(_HAD_PARTICIPLES))
    + ")|"
    + "|".join(sorted(_GROUP_VERBS, key=len, reverse=True))
    + r")\b"
)
# Round 10 (r28): the plurals in -men as the group ("Local fishermen blame …", "Businessmen fear …"), asked
# only when the text holds "men " (an alternative in _GROUP_RE cost every sentence's scan ~15 %).
_GROUP_MEN_RE = re.compile(
    r"\b(?P<np>[A-Za-z][a-z]*men)(?P<appos>(?!))?,?\s+(?:also\s+|still\s+|now\s+|privately\s+|widely\s+)?"
    r"(?P<verb>" + "|".join(sorted(_GROUP_VERBS, key=len, reverse=True)) + r")\b"
)


# Plural-looking words that are no group: function words and singular nouns ending in -s.
_NOT_A_GROUP = frozenset(
    """this his its was has as yes always perhaps sometimes besides whereas towards afterwards does goes thus
    plus unless news series means""".split()
)


# A name in apposition follows only a role noun ("Organisers Unique Assembly expect …"): after a name
# or a capitalised noun it is a longer name ("Carlos Moya described …", "Three Gorges Dam project").
_APPOSITION_GROUPS = _FORECASTERS | frozenset(
    """organisers organizers officials researchers experts scientists campaigners residents doctors consultants
    executives managers engineers organisers underwriters""".split()
)


def _group_subject(np: str, appos: bool = False) -> bool:
    low = np.lower()
    if appos and low not in _APPOSITION_GROUPS:
        return False
    return low not in _NOT_A_GROUP and not low.endswith(("ss", "us", "is", "’s", "'s"))


# A body in the singular as the subject of a verb of belief or fear ("The opposition suspects the
# timing was chosen …", "Moscow fears the sanctions will …"): a source, like a plural group. "fears"
# and "doubts" are also plural nouns ("investor fears of …"), so a clause must follow: a determiner,
# a pronoun, a name or "that".
_BODY_BELIEF_VERBS = frozenset("suspects fears doubts worries hopes".split())
_BODY_NOUNS = (
    "opposition|government|company|party|union|ministry|council|board|committee|police|army|bank|court|agency"
    "|commission|administration|management|league|club|team|firm|family|regulator|prosecution|defence|defense"
    "|campaign|group|public|industry|coalition|leadership|cabinet|treasury|president|minister|chairman|chief"
    "|embassy|state|city|department|office|airline|carrier|insurer|lender|operator|owner|manager|coach"
    # round 15 (r30: "The club hopes …"): the bodies that hope
    "|charity|trust|foundation|school|hospital|museum|university|society|association|federation|festival|council"
    # round 17: the authority as a body ("The transport authority fears …")
    "|authority"
)
_BODY_BELIEF_RE = re.compile(
    # (round 17, r24: a body of a named owner, "The state's resettlement office fears the cut could …")
    r"(?P<np>\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+['’]s\s+)?(?:[a-z-]+\s+){0,2}(?:"
    + _BODY_NOUNS
    + r")|\b(?!(?:His|Her|Its|Their|Our|My|Your|This|These|Those|Such|Any|No|Some|Many|Investor|Market)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s+(?:also\s+|still\s+|now\s+|privately\s+)?(?P<verb>suspects|fears|doubts|worries|hopes)"
    # (round 15, r30: "The club hopes the new stand will be ready …", "The trust hopes to reopen …")
    r"(?=\s+(?:(?:that|the|a|an|its|his|her|their|it|he|she|they|this)\b|[A-Z]|to\s+[a-z]))"
)
# Round 15 (r37, r38): a group in the progressive of hope, appeal or forecast — "Hospital bosses are hoping the new
# scanner will …", "Emergency services are urging residents to …", "Investors are expecting a cut" (the plural
# subject as _GROUP_RE's; "They are hoping" too).
_GROUP_PROGRESSIVE_RE = re.compile(
    r"\b(?P<np>[A-Za-z][a-z’'-]*s|[Pp]olice|[Ss]taff|[Tt]hey)\s+(?:are|were|have\s+been|had\s+been)\s+"
    r"(?:now\s+|still\s+|also\s+|privately\s+|increasingly\s+)?(?P<verb>hoping|urging|predicting|forecasting"
    r"|expecting|warning)\s+(?:that\b|for\s+[a-z]|to\b|the\b|a\b|an\b|[a-z]+\s+(?:to|will|would|could)\b)"
)
# ("Police are appealing for witnesses" is a procedure the writers label reported: no appeal verb here)
# A hope with what is hoped for: "to" and a verb, "that", or a clause with its own verb ("Miyazawa hopes the agreement
# will hold …"); not the noun ("gave the visitors hope with victory", "boosting their Oscars hopes this month").
_HOPE_CLAUSE = re.compile(
    r"\s+(?:to\s+[a-z]|that\b|(?:the|a|an|its|his|her|their|it|he|she|they|this|these|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,6}?"
    r"\s+(?:will|would|can|could|might|may|is|are|was|were|has|have)\b)"
)
_PROGRESSIVE_WORDS = frozenset("hoping urging predicting forecasting expecting warning".split())


# "suggest" is the claim of its subject when the subject is a source — a study, a survey, data, a
# named person or body ("Research published in Nature suggests …", "Smith suggested …") — and the
# author's own inference when the subject is the author's own reasoning ("this suggests", "the timing
# suggests", "taken together, it suggests").
_SUGGEST_RE = re.compile(r"\bsuggest(?:s|ed)?\b")
_DOCUMENT_NOUNS = re.compile(
    r"\b(?:stud(?:y|ies)|research|survey|polls?|polling|data|report|analysis|memo|trials?|census|paper|review"
    r"|audit|results|findings|figures|records|documents|modell?ing|projections|estimates|letter|filing"
    # round 5d: "The Treasury's own forecasts suggest growth of 1.1%"
    r"|forecasts|statistics)\b"
)
_OWN_REASONING = re.compile(r"\s*(?:this|that|these|those|it|which|such|all\s+(?:of\s+)?this|what)\b")


# A source of evidence closing the sentence after a comma (round 5d; r5, r7): "…, the exchange's data
# shows.", "…, a survey by the Care Providers Alliance published on Monday found.", "…, official
# figures showed." The claim before the comma is the source's, as with "…, police said."
_EVIDENCE_NOUNS = frozenset(
    "data figures survey study report analysis poll research records statistics filings filing census audit"
    # round 14 (r35): a document closing the sentence, "…, the purchase documents show."
    " documents papers emails minutes transcripts".split()
)
_EVIDENCE_TAIL_VERBS = frozenset(
    "shows show showed found finds suggests suggested indicates indicated reveals revealed".split()
)
_TRAILING_EVIDENCE_RE = re.compile(
    r",\s+(?P<np>(?:[\w'’.&-]+\s+){0,3}(?:data|figures|survey|study|report|analysis|poll|research|records|statistics"
    r"|filings?|census|audit|documents|papers|e-?mails|minutes|transcripts)"
    r"(?:\s+(?:by|from|of|for|published|released|compiled|carried|seen|obtained)\b[^,;]{0,60}?)?)"
    r"\s+(?P<verb>shows?|showed|found|finds|suggests?|suggested|indicates?|indicated|reveals?|revealed)\s*[.!]?\s*$"
)


# "shows that" states the author's own inference when its subject is the author's reasoning ("This
# shows that …") or the author vouches for it ("The partnership clearly shows that …"); after a study,
# figures or a person it reports them. ("indicated"/"revealed" that are left as attribution: their
# subject is nearly always a person, often behind auxiliaries: "Rowling has already revealed that".)
_VOUCHING_BEFORE = re.compile(r"\b(?:clearly|plainly|obviously|surely|certainly)\s+$", re.IGNORECASE)


def _own_inference(text: str, start: int) -> bool:
    clause_start = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start)) + 1
    if _OWN_REASONING.match(lowered(text)[clause_start:start]):
        return True
    return _VOUCHING_BEFORE.search(text, max(0, start - 12), start) is not None


# round 6c (r9, r10, r11): "Taken together, the figures suggest …" — the author weighs the evidence and
# draws the inference; the figures are not a source that says it.
# (round 8, r20: "Read alongside earlier studies, the results suggest …", "Seen alongside the heat data, …")
_AUTHOR_WEIGHS = re.compile(
    r"\W*(?:taken\s+together|put\s+together|all\s+told|on\s+balance"
    r"|(?:read|seen|viewed|looked\s+at)\s+(?:alongside|together\s+with|against|in\s+the\s+light\s+of)\s+[^,]{2,60}),",
    re.IGNORECASE,
)


def _suggest_has_source(text: str, start: int) -> bool:
    if _AUTHOR_WEIGHS.match(text, 0, start) is not None:
        return False
    # A clause break is ", " or "; " (not the comma of "2,000").
    clause_start = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start)) + 1
    subject = lowered(text)[clause_start:start]
    if _OWN_REASONING.match(subject):
        return False
    if _DOCUMENT_NOUNS.search(subject):
        return True
    np_text = _np_before(text, start)
    return bool(np_text) and _clean_np(np_text) is not None


# Naming verbs with a quoted epithet put the words in the subject's mouth: "The former coach called the
# new owners “clueless”", "Critics branded the plan “a tax on work”". An object must stand between
# the verb and the quotation: "a band called “Muse”" names, nobody speaks.
_LABEL_VERBS = frozenset(
    "call calls called calling brand brands branded branding dub dubs dubbed label labels labelled labeled "
    "term terms termed describe describes described describing".split()
)
_LABEL_RE = re.compile(r"\b(?:" + "|".join(sorted(_LABEL_VERBS, key=len, reverse=True)) + r")\b")
_PASSIVE_BE = frozenset("is are was were be been being".split())
_BY_AGENT = re.compile(r"[\s,]*(?:\w+\s+){0,4}?by\s")
_LABEL_OBJECT = re.compile(r"\s+(?:[\w’'-]+\s+){1,6}(?:as\s+)?$")


def _label_verb_cues(text: str, quotes: list[tuple[int, int]], found: list[Cue]) -> list[Cue]:
    out = []
    for m in _LABEL_RE.finditer(text):
        s, e = m.span()
        if inside(quotes, s) or any(c.start == s for c in found):
            continue
        q = next((q for q in quotes if q[0] >= e), None)
        if q is None or q[0] - e > 60 or not _LABEL_OBJECT.match(text[e : q[0]]):
            continue
        if prev_word(text, s) in _PASSIVE_BE and not _BY_AGENT.match(text, q[1]):
            continue  # "This reserve add is called a “pass.”": a name, nobody quoted ("… by his friend" is)
        out.append(new_cue("attribution", m.group(0), s, e))
    return out


# Round 7 (r13; the issue's "sources not recognised"): a subject that puts a cause down to something
# gives its own explanation — "The Home Office attributes the rise to a surge in arrivals", "Police blamed
# the crash on black ice". The object and its "to"/"on" must follow: "was attributed to" (a passive
# naming an author) and "to blame the referee" are no source's claim.
_CAUSE_VERBS = frozenset("attributes attribute attributed blames blamed".split())
_CAUSE_RE = re.compile(
    r"\b(?P<verb>attributes|attribute|attributed)\s+(?:the|its|their|this|these|his|her|a|an|much"
    r"|most|part|some)\s[^,.;:]{1,60}?\s(?:to|on)\s"
    r"|\b(?P<blame>blames|blamed)\s+(?:the|its|their|this|these|his|her|a|an)\s[^,.;:]{1,60}?\son\s"
)
_NOT_CAUSE_PREV = _BE_FORMS | frozenset({"to"})


_OTHER_TRIGGERS = (
    frozenset(
        """said says say saying stated stating told tells telling added adding noted noting explained explaining
    argued argues argue arguing claimed claims claim claiming insisted insists insisting warned warns warning
    emphasized emphasised emphasizes emphasises emphasizing emphasising stressed stresses stressing asserted
    asserts declared declares remarked commented acknowledged acknowledges admitted admits denied denies wrote
    writes tweeted urged urges echoed echoing announced announces contended contends believes thinks reckons
    reckoned testified complained conceded countered replied responded cautioned commended praised criticized
    criticised condemned welcomed accused pointed points called calls call raised raises expressed expressing
    accuses accuse accusing alleging theorise theorises theorised theorising theorize theorizes theorized
    theorizing postulate postulates postulated postulating surmise surmises surmised surmising
    according reportedly allegedly purportedly expected thought rumored rumoured considered regarded
    understood believe think suggest fear consider expect
    speculate assume suspect contend maintain worry doubt highlighted highlights mentioned mentions suggested
    suggests indicated indicates showed shows found reported reports concluded concludes estimated estimates
    believed alleged alleges confirmed confirms revealed reveals observed observes recalled predicted predicts
    maintained maintains posted expects anticipates forecasts projects point predict project forecast
    anticipate reckon estimate insist complain warn caution note stress concede acknowledge deny allege describe
    described recount recounted see recommends recommended advises advised show reveal advise recommend
    heard concluded determined record records recorded put puts shown""".split()
    )
    | _CAUSE_VERBS
    | _LABEL_VERBS
    | _BODY_BELIEF_VERBS
    | _PROGRESSIVE_WORDS  # round 15
    | frozenset({"urging", "hope"})  # round 15 ("urging X to", a group's "hope")
    | SOURCE_SHAPE_WORDS  # round 10 (source_shapes.py)
    | frozenset({"blame"})  # round 10: a group's "blame" (_GROUP_SPEECH_VERBS)
    | frozenset({"recall"})  # round 12: a group's "recall hearing …" (_GROUP_SPEECH_VERBS)
    | _HAD_PARTICIPLES  # round 17: a group's past perfect, "Economists … had expected …"
)
ATTRIBUTION_TRIGGERS = (
    _OTHER_TRIGGERS | SOURCE_SHAPE_TRIGGERS | STANCE_TRIGGERS
)  # (round 16: stance_verbs.py)
# (round 15, speed: the words of SOURCE_SHAPE_TRIGGERS not in _OTHER_TRIGGERS trigger the family only for a source
# shape with a companion word — "held" with a comma, "view" with "'s … that", "states" with "that" …,
# source_shapes.source_pairs_possible; a sentence whose only family words are these leaves attribution_cues at once
# when the companion is missing)


# Round 6c (r11): a record named with its source opens the sentence and shows the claim — "Data from NHS
# England show 41,200 …", "Minutes of the trust's board meeting in January reveal that managers …": the
# record is the source, with or without "that" (a bare "The figures show a rise" is left as it was).
_RECORD_NOUNS = frozenset("data figures statistics minutes records documents".split())
_RECORD_VERBS = frozenset("show shows showed reveal reveals revealed".split())
_RECORD_SHOWS_RE = re.compile(
    r"\W*(?P<np>(?:(?:new|official|latest|the)\s+)?(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Mm]inutes|[Rr]ecords|[Dd]ocuments)"
    r"\s+(?:from|of|published\s+by|released\s+by|compiled\s+by|obtained\s+by)\s+[^,;]{2,60}?)"
    r"\s+(?P<verb>show|shows|showed|reveal|reveals|revealed)\b"
)


# Round 7 (r16, r14; r11's "Data from X show"): a record or a study named as the sentence's subject is
# the source of what it shows, with or without "that" — "Court filings show the company paid …", "A
# 2022 study of 40,000 nurses found no link …", "Hospital figures released on Monday show …", "Polling
# by Ipsos puts the party six points behind", "Minutes of the meeting, obtained by the Herald, record
# that …", "Most exit polls had predicted a hung assembly". The record must be named beyond a bare "The
# figures show …" (round 6c left that to the author) and not be the newsroom's own ("Our analysis found").
# Statistical releases ("May's trade figures showed a surplus", "Updated figures show …") are left to the
# author: the earlier writers label them reported.
_EVIDENCE_HEADS = (
    r"stud(?:y|ies)|surveys?|polls?|polling(?=\s+(?:by|for|from)\b)|analys[ie]s|research|audits?|filings|documents|minutes|trials?"
    # (round 16: evidence with whoever examined it, "… evidence analysed by geographers at …")
    r"|evidence(?=\s+(?:analy[sz]ed|gathered|collected|compiled|examined|studied|reviewed)\s+by\b)"
    r"|modell?ing|investigation|inquiry|review|assessment"
)
_EVIDENCE_SUBJECT_RE = re.compile(
    r"\W*(?P<np>(?:[\w'’.-]+\s+){0,3}?(?:" + _EVIDENCE_HEADS + r")"
    # (round 16, r41: where or whom the study was run, "A small 2019 trial at the Kessington Institute … found …",
    # "A review led by the former chief constable found …")
    r"(?:\s+(?:of|by|from|for|on|into|at|in|among|involving|led|run|published|released|compiled|commissioned|carried|conducted|obtained|seen"
    r"|filed|submitted|presented|analy[sz]ed|gathered|collected|examined|studied)\b(?:[^;:,]|(?<=\d),(?=\d)){0,60}?)?(?:,\s+(?:obtained|seen|published|released)\s+by\s+[^,]{2,40},)?)"
    r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|now\s+)?(?P<verb>shows?|showed|shown|found|finds|reveals?|revealed"
    r"|indicates?|indicated|records?|recorded|puts?|predicted|predicts?"
    # (round 16, r40: "Tree-ring evidence analysed by geographers at Moreton College points to a severe drought …")
    r"|points?(?=\s+to\b)|pointed(?=\s+to\b))\b",
    re.IGNORECASE,
)
_BARE_RECORD = re.compile(r"(?:the|these|those|such)\s+(?:documents|minutes|filings)$", re.IGNORECASE)
_EVIDENCE_SUBJECT_NOUNS = frozenset(
    """study studies survey surveys poll polls polling analysis analyses research audit audits filings documents
    minutes trial trials modelling modeling investigation inquiry review assessment evidence""".split()
)
_EVIDENCE_SUBJECT_VERBS = frozenset(
    "show shows showed shown found finds reveal reveals revealed indicate indicates indicated record records "
    "recorded put puts predicted predict predicts points pointed".split()
)


def _evidence_subject(text: str) -> re.Match[str] | None:
    m = _EVIDENCE_SUBJECT_RE.match(text)
    if m is None:
        return None
    np = m.group("np").strip()
    first = np.split(None, 1)[0].lower()
    if _BARE_RECORD.match(np) is not None or first in ("our", "my", "we", "i", "it", "this", "that"):
        return None
    return m


# Round 6b: a topic verb in a closing ", SOURCE verb" clause needs no "that" ("Princess Clementine will
# not attend Royal Ascot, Buckingham Palace confirmed on Monday.", "…, the ministry estimates."): the
# clause hands the whole sentence to its source. The source is a name or "the" and a noun; a time may
# follow the verb, nothing else ("…, the company reported a loss" has an object: an act, not a source).
_TRAILING_TOPIC_WORDS = frozenset(
    "confirmed confirms reported reports estimated estimates revealed reveals disclosed predicted predicts"
    " advise advises advised concluded concludes found finds determined".split()
)
_TRAILING_TOPIC_RE = re.compile(
    r",\s+(?P<np>(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}|(?:the|his|her|its|their)\s+[a-z]+(?:\s+[a-z]+)?\s+)"
    r"(?P<verb>confirmed|confirms|reported|reports|estimated|estimates|revealed|reveals|disclosed|predicted|predicts"
    # round 7 (r16): a finding closing the sentence (", the inquiry concluded."; ", the court ruled" is left:
    # the tune writer labels it the author's report)
    r"|concluded|concludes|found|finds|determined"
    # round 6c (r11): "Check before you travel, the operators advise."
    r"|advise|advises|advised)"
    r"(?:\s+(?:on|late|earlier|last|this|in)\b[^,;.]{0,25})?\s*[.!]?[\"”’]?\s*$"
)


# Round 14 (r35): the hearing that heard the evidence, closing the sentence — "…, the court heard.", "…, the
# inquest heard.", "…, Bristol Crown Court heard." — hands the sentence to what was said there (only a court or a
# hearing: ", the crowd heard" is no source).
_HEARD_TAIL_RE = re.compile(
    r",\s+(?P<np>(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,3}(?:court|inquest|tribunal|jury|hearing|inquiry|committee|panel|trial"
    r"|magistrates|Court|Tribunal|Inquest|Inquiry|Committee))\s+(?P<verb>heard)\s*[.!]?[\"”’]?\s*$"
)


# Round 13 (issue #17, r32): "No one can say / nobody could tell for sure / for certain / with certainty …"
# denies that anyone knows: the author's own hedge (hedge.py's dissent cue), not a speech act by anyone.
_SAY_FORMS_UNKNOWN = frozenset("say tell".split())
_NOBODY_CAN_BEFORE = re.compile(r"\bno(?:body|[ \t]+one|-one)[ \t]+(?:can|could)[ \t]+$", re.IGNORECASE)
_FOR_SURE_AFTER = re.compile(
    r"[ \t]+(?:for[ \t]+(?:sure|certain)|with[ \t]+(?:any[ \t]+)?certainty)\b", re.IGNORECASE
)


# Round 16: the object of a preposition right before the verb ("under a scrapping plan announced last year", "of the
# cuts announced in March", "part of the recently announced agreement"): the verb is the noun's participle, not the
# main clause's speech. ("after"/"before" open clauses, "after the company announced …": left out; so is a passive.)
_PP_OBJECT_BEFORE = re.compile(
    r"\b(?:under|in|of|for|with|to|from|on|at|against|despite|over|about)\s+(?:a|an|the|its|their|his"
    r"|her)\s+(?:(?!(?:is|are|was|were|be|been|has|have|had)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:(?P<det>a|an|the|its|their|his|her)|\w+['’]s)\s+(?:(?:previously|recently|already|newly|just|earlier|officially)\s+)?$",
    re.IGNORECASE,
)
# After a name's possessive the verb may be the name's ("McDonald's announced it was to scrap …"): attributive only
# before a plain noun.
_NOT_A_NOUN_NEXT = frozenset(
    """it that he she they we a an the its their his her this these those plans plan on in at yesterday today last
    this earlier late details results""".split()
)
_WHEN_OR_BY_AFTER = re.compile(
    r"\s*(?:[.,;)]|$|(?:last|earlier|yesterday|today|this|by)\b|on\s+[A-Z]|in\s+(?:[A-Z]|\d|the\s+(?:spring|summer"
    r"|autumn|winter|budget)\b))"
)


def _announced_participle(text: str, start: int, end: int) -> bool:
    """ "announced" as the participle of a noun (see above): attributive ("a previously announced deal", "the announced
    buyback"), or after the object of a preposition with only its time or agent after it."""
    a = _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 40), start)
    if a is not None and (
        a.group("det") is not None
        or (text[end + 1 : end + 2].islower() and next_word(text, end) not in _NOT_A_NOUN_NEXT)
    ):
        return True
    return (
        _PP_OBJECT_BEFORE.search(text, max(0, start - 50), start) is not None
        and _WHEN_OR_BY_AFTER.match(text, end) is not None
    )


def _verb_group_cue(m: re.Match[str] | None, quotes: list[tuple[int, int]], cues: list[Cue]) -> Cue | None:
    """The cue of a shape's "verb" group, unless it is quoted or already a cue (round 14: one place for the shapes
    whose verb closes or follows a named source)."""
    if m is None or inside(quotes, m.start("verb")) or any(c.start == m.start("verb") for c in cues):
        return None
    return new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))


# Long on purpose: one pass over the sentence's attribution patterns in precedence order (speech
# verb, according-to, group+cognition verb, sourced forecast, reportedly); each branch is a gate
# on the next, kept together so the order is read in one place and no pattern is scanned twice on
# the hot path
def attribution_cues(  # noqa: C901, PLR0912, PLR0915
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], str | None]:
    """Attribution cues outside quotations, and the first named source found for them."""
    cues: list[Cue] = []
    source: str | None = None
    words = words if words is not None else words_of(text)
    if not words.gates & _ATTRIBUTION_TRIGGERS_GATE:
        return cues, source
    if not words.gates & _OTHER_TRIGGERS_GATE and not source_pairs_possible(text, words):
        if words.gates & STANCE_GATE:  # round 16: only a stance verb's words (stance_verbs.py)
            cues = stance_cues(text, quotes, words)
            return cues, (_source_for(text, cues[0], quotes) if cues else None)
        return cues, source  # round 15: only a pair word, without its companion
    low = lowered(text)
    if len(low) == len(text):
        found = scan(_ATTRIB_RE, _ATTRIB_STARTS, text, low, words, _ATTRIB_REQUIRES)
    else:
        found = list(_ATTRIB_RE.finditer(text))
    for m in found:
        word = m.group(0)
        if inside(quotes, m.start()):
            continue
        if (
            word in _NOT_SPEECH_NEXT
            and next_word(text, m.end()) in _NOT_SPEECH_NEXT[word]
            and not (word == "added" and _ADDED_CLAUSE.match(text, m.end()) is not None)
            and not (word == "denied" and _DENIED_CLAIM.match(text, m.end()) is not None)
        ):
            continue
        if word in _NOT_SPEECH_PREV and prev_word(text, m.start()) in _NOT_SPEECH_PREV[word]:
            continue
        if (
            word in _SAY_FORMS_UNKNOWN
            and _NOBODY_CAN_BEFORE.search(text, max(0, m.start() - 30), m.start())
            and (_FOR_SURE_AFTER.match(text, m.end()) is not None)
        ):
            continue  # round 13 (r32): "No one can say for sure when …" is the author's hedge (hedge.py), no speech
        if word == "said" and text[m.end() : m.end() + 1] == "," and prev_word(text, m.start()) == "that":
            continue  # "That said, the budget still passed": a connective, nobody speaks (round 7, r16)
        if word in _SILENT_FORMS and _SAYING_NOTHING.match(text, m.end()) is not None:
            continue  # round 7 (r16): "a masterclass in saying nothing": silence, no claim (round 10, r28: "said
            # nothing as he left the courtroom")
        if word in _TELLING_FORMS and TELLS_ABOUT_RE.match(text) is not None:
            continue  # round 11 (r30, r31): "That the deal was signed at all says everything about …"
            # is the author's verdict (judging_shapes.py), no source
        if word in _ASKING_FORMS and (
            (text[:5] == "What " and SAYS_ABOUT_Q_RE.match(text) is not None)
            or ("which" in words and prev_word(text, m.start()) == "which" and WHICH_TELLS_RE.search(text))
        ):
            continue  # round 12 (r32, r33): "What does it say about our priorities that …?", "…, which tells
            # you where the real problem lies": the author's inference (judging_shapes.py), no source
        if word in _NOT_SOURCE_NEXT and _NOT_SOURCE_NEXT[word].match(text, m.end()) is not None:
            continue  # round 10 (r28, r29): "ran according to schedule", "answered 140 calls for help"
        if (
            word == "warning"
            and _ISSUED_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
            and _WARNING_CONTENT.match(text, m.end())
            is None  # "issued a stark warning that the dam …" is speech
        ):
            continue  # round 10 (r29): "has issued a severe thunderstorm warning for …": a notice issued
        if word in _ADDED_FORMS and (
            (_ADDED_FIGURE.match(text, m.end()) and not _FIGURE_CLAUSE.match(text, m.end()))
            or _added_after_noun(text, m.start(), m.end())
        ):
            continue
        if word in _CLAIM_FORMS and _CLAIMS_NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if word == "claim" and _CLAIMED_THING.match(text, m.end()) is not None:
            continue
        if word in _CLAIM_FORMS and _CLAIMED_MONEY.match(text, m.end()) is not None:
            continue
        if word == "warning" and (
            _warning_notice(text, m.start(), m.end()) or _WARNING_PASSIVE.match(text, m.end()) is not None
        ):
            continue
        if word in _REPLY_VERBS and (
            _counted_reply(text, m.start(), m.end()) or _no_reply(text, m.start(), m.end())
        ):
            continue
        if word in _TRAILING_ONLY and (
            (
                _SENTENCE_END_AFTER.match(text, m.end()) is None
                and next_word(text, m.end()) != "that"
                and (word not in _PRESENT_ADVICE or _ADVICE_AFTER.match(text, m.end()) is None)
            )
            or prev_word(text, m.start()) in _BE_FORMS
        ):
            continue  # "the board recommended a dividend", "No dividend was recommended.": acts, no source
        if word == "announced" and _announced_participle(text, m.start(), m.end()):
            continue  # round 16 (r41): "under a scrapping plan announced last year": a participle of the noun, no source
        if word in _ADMIT_FORMS and _ADMITTED_CHARGES.match(text, m.end()) is not None:
            continue  # round 14 (r35): "had admitted 11 counts of forgery": a plea, no claim
        if word == "admitted" and _ADMITTED_TO_PLACE.match(text, m.end()):
            continue  # "admitted to hospital / the bar": entry, not a confession ("admitted to lying",
            # "admitted to jurors" are)
        if word[-1] == "s" and not _ok_forecast_verb(text, m.start(), m.end()):
            continue
        cue = new_cue("attribution", word, m.start(), m.end())
        cues.append(cue)
        if source is None:
            source = _source_for(text, cue, quotes)
    if not words.gates & _WEASEL_VERBS_GATE:
        found = []
    elif len(low) == len(text):
        found = scan(_WEASEL_RE, _WEASEL_STARTS, text, low, words)
    else:
        found = list(_WEASEL_RE.finditer(text))
    for m in found:
        if inside(quotes, m.start()):
            continue
        cues.append(new_cue("attribution", m.group(2), m.start(2), m.end(2)))
        if source is None:
            source = m.group(1)
    if words.gates & _GROUP_VERBS_GATE or (words.gates & _HAD_PARTICIPLES_GATE and "had" in words):
        found_groups = _GROUP_RE.finditer(text)
        if "men " in text:
            found_groups = chain(found_groups, _GROUP_MEN_RE.finditer(text))
        for m in found_groups:
            s = m.start("verb")
            if (
                inside(quotes, s)
                or not _group_subject(m.group("np"), m.group("appos") is not None)
                or any(c.start == s for c in cues)
            ):
                continue
            if next_word(text, m.end("verb")) == "in":
                continue  # "Most Shia Muslims believe in twelve Imams": faith, not a claim
            if m.group("verb") in _HAD_PARTICIPLES and _MEASURED_AGAINST.search(
                text, max(0, m.start() - 60), m.start()
            ):
                continue  # round 17 (r16; the corpus): "a day later than meteorologists had predicted", "less than the
                # 0.7 pct gain the financial markets had expected": what happened measured against it, no claim
            if m.group("verb") == "see" and m.group("np").lower() not in _FORECASTERS:
                continue
            if m.group("verb") == "contend" and next_word(text, m.end("verb")) in ("with", "for", "against"):
                continue  # round 12: "Farmers contend with drought": coping, no claim
            if m.group("verb") == "recall" and _RECALL_OBJECT.match(text, m.end("verb")) is None:
                continue  # round 12: "Carmakers recall 1m cars": a product recall
            if m.group("verb") == "hope" and _HOPE_CLAUSE.match(text, m.end("verb")) is None:
                continue  # round 15: the noun, "gave the visitors hope with victory"
            if m.group("verb") == "blame" and _BLAME_OBJECT.match(text, m.end("verb")) is None:
                continue  # round 10: the noun, "Benitez deflects blame from Dudek" (a BBC title)
            cue = new_cue("attribution", m.group("verb"), s, m.end("verb"))
            cues.append(cue)
            if source is None:
                source = _source_for(text, cue, quotes) or (
                    None if m.group("np") in ("they", "They") else m.group("np")
                )
    if words.gates & _BODY_BELIEF_VERBS_GATE:
        for m in _BODY_BELIEF_RE.finditer(text):
            s = m.start("verb")
            if inside(quotes, s) or any(c.start == s for c in cues):
                continue
            if m.group("verb") == "hopes" and _HOPE_CLAUSE.match(text, m.end("verb")) is None:
                continue  # round 15: the noun, "boosting their Oscars hopes this month"
            cue = new_cue("attribution", m.group("verb"), s, m.end("verb"))
            cues.append(cue)
            if source is None:
                source = m.group("np")
    if words.gates & _PROGRESSIVE_WORDS_GATE:
        for m in _GROUP_PROGRESSIVE_RE.finditer(text):
            s = m.start("verb")
            if inside(quotes, s) or any(c.start == s for c in cues) or not _group_subject(m.group("np")):
                continue
            cue = new_cue("attribution", m.group("verb"), s, m.end("verb"))
            cues.append(cue)
            if source is None:
                source = None if m.group("np") in ("they", "They") else m.group("np")
    if "suggest" in words or "suggests" in words or "suggested" in words:
        for m in _SUGGEST_RE.finditer(lowered(text)):
            s = m.start()
            if inside(quotes, s) or any(c.start == s for c in cues) or not _suggest_has_source(text, s):
                continue
            cue = new_cue("attribution", text[s : m.end()], s, m.end())
            cues.append(cue)
            if source is None:
                source = _source_for(text, cue, quotes)
    if words.gates & _RECORD_NOUNS_GATE and words.gates & _RECORD_VERBS_GATE:
        m = _RECORD_SHOWS_RE.match(text)
        if m is not None and not any(c.start == m.start("verb") for c in cues):
            cues.append(new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb")))
            if source is None:
                source = m.group("np")
    if words.gates & _EVIDENCE_SUBJECT_NOUNS_GATE and words.gates & _EVIDENCE_SUBJECT_VERBS_GATE:
        m = _evidence_subject(text)
        cue = _verb_group_cue(m, quotes, cues)
        if cue is not None:
            cues.append(cue)
            if source is None:
                source = m.group("np").strip()
    if words.gates & _EVIDENCE_NOUNS_GATE and words.gates & _EVIDENCE_TAIL_VERBS_GATE:
        m = _TRAILING_EVIDENCE_RE.search(text)
        if (
            m is not None
            and not inside(quotes, m.start("verb"))
            and not any(c.start == m.start("verb") for c in cues)
        ):
            cue = new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))
            cues.append(cue)
            if source is None:
                source = m.group("np")
    for m in _TOPIC_VERB_RE.find(text, words) if "that" in words else ():
        if inside(quotes, m.start()) or any(c.start == m.start() for c in cues):
            continue
        if prev_word(text, m.start()) in _NEWSROOM:
            continue  # "We reported last week that …": the newsroom's own record, no source (round 7)
        if m.group(0)[:4].lower() == "show" and _own_inference(text, m.start()):
            continue  # "The partnership clearly shows that …": the author's inference, like "this suggests"
        verb_end = m.start() + len(m.group(0).split()[0])
        cue = new_cue("attribution", text[m.start() : verb_end], m.start(), verb_end)
        cues.append(cue)
        if source is None:
            source = _source_for(text, cue, quotes)
    if "," in text and words.gates & _TRAILING_TOPIC_WORDS_GATE:
        m = _TRAILING_TOPIC_RE.search(text)
        if (
            m is not None
            and not inside(quotes, m.start("verb"))
            and not any(c.start == m.start("verb") for c in cues)
        ):
            cue = new_cue("attribution", m.group("verb"), m.start("verb"), m.end("verb"))
            cues.append(cue)
            if source is None:
                source = m.group("np").strip()
    if "heard" in words and "," in text:
        m = _HEARD_TAIL_RE.search(text)
        cue = _verb_group_cue(m, quotes, cues)
        if cue is not None:
            cues.append(cue)
            if source is None:
                source = m.group("np").strip()
    if words.gates & _CAUSE_VERBS_GATE:
        for m in _CAUSE_RE.finditer(text):
            g = "verb" if m.group("verb") is not None else "blame"
            s = m.start(g)
            if inside(quotes, s) or prev_word(text, s) in _NOT_CAUSE_PREV or any(c.start == s for c in cues):
                continue
            cue = new_cue("attribution", m.group(g), s, m.end(g))
            cues.append(cue)
            if source is None:
                source = _source_for(text, cue, quotes)
    if quotes and words.gates & _LABEL_VERBS_GATE:
        for cue in _label_verb_cues(text, quotes, cues):
            cues.append(cue)
            if source is None:
                source = _source_for(text, cue, quotes)
    if not cues and (
        words.gates & _SOURCE_SHAPE_GATE
        or (words.gates & _SOURCE_PAIR_GATE and source_pairs_possible(text, words))  # round 15
    ):
        cues = source_shape_cues(text, quotes, words)  # round 10 (source_shapes.py)
        if cues:
            source = _source_for(text, cues[0], quotes)
    if not cues and words.gates & STANCE_GATE:
        cues = stance_cues(text, quotes, words)  # round 16 (stance_verbs.py)
        if cues:
            source = _source_for(text, cues[0], quotes)
    if cues and all(_author_belief_passive(text, c) for c in cues):
        return [], None  # round 11, the lead's decision: the author's own hedge (hedge.py flags it)
    if len(cues) > 1:
        cues.sort(key=BY_START)
    return cues, source


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_GROUP_VERBS_GATE = trigger_gate(_GROUP_VERBS)
_HAD_PARTICIPLES_GATE = trigger_gate(_HAD_PARTICIPLES)
_BODY_BELIEF_VERBS_GATE = trigger_gate(_BODY_BELIEF_VERBS)
_PROGRESSIVE_WORDS_GATE = trigger_gate(_PROGRESSIVE_WORDS)
_RECORD_NOUNS_GATE = trigger_gate(_RECORD_NOUNS)
_RECORD_VERBS_GATE = trigger_gate(_RECORD_VERBS)
_EVIDENCE_SUBJECT_NOUNS_GATE = trigger_gate(_EVIDENCE_SUBJECT_NOUNS)
_EVIDENCE_SUBJECT_VERBS_GATE = trigger_gate(_EVIDENCE_SUBJECT_VERBS)
_EVIDENCE_NOUNS_GATE = trigger_gate(_EVIDENCE_NOUNS)
_EVIDENCE_TAIL_VERBS_GATE = trigger_gate(_EVIDENCE_TAIL_VERBS)
_TRAILING_TOPIC_WORDS_GATE = trigger_gate(_TRAILING_TOPIC_WORDS)
_CAUSE_VERBS_GATE = trigger_gate(_CAUSE_VERBS)
_LABEL_VERBS_GATE = trigger_gate(_LABEL_VERBS)
_ATTRIBUTION_TRIGGERS_GATE = trigger_gate(ATTRIBUTION_TRIGGERS)
_SOURCE_SHAPE_GATE = trigger_gate(SOURCE_SHAPE_WORDS)
_SOURCE_PAIR_GATE = trigger_gate(SOURCE_SHAPE_TRIGGERS - SOURCE_SHAPE_WORDS)
_OTHER_TRIGGERS_GATE = trigger_gate(_OTHER_TRIGGERS)
_WEASEL_VERBS_GATE = trigger_gate(_WEASEL_VERBS)
