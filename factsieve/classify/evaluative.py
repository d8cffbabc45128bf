"""Evaluative language in the author's own voice: the subjectivity classes of issue #17 (round 3).

Chosen on the NewsSD train split and our news sets by class, never by a single sentence (see
docs/EVALUATION.md, "Round 3 — subjectivity"). Every cue is a word or a fixed phrase, so the deciding
cue names the span that made the sentence opinion. All are strong opinion cues: each class judges
whatever it touches, with or without figures in the sentence.

Measured and not used: the subjectivity lexicons that ship in wheels (TextBlob/pattern
``en-sentiment.xml``, vaderSentiment's valence lexicon), as single cues, as weak cues or as a density
of two or three hits. They were built on reviews and mark the wire's descriptive words ("key",
"total", "interest", "poor", "special", "far"); every setting lowered NewsSD train macro-F1.
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue, inside, new_cue
from factsieve.classify.prefilter import CaseFreeRe, trigger_gate, word_alternation

# Sentence adverbs that evaluate the whole statement ("Predictably, the talks failed"). Not
# "naturally" ("naturally occurring") nor "wrongly" ("wrongly convicted"): descriptive in news; nor
# "tragically" ("ended tragically" reports a death).
EVALUATIVE_ADVERBS = frozenset(
    """arguably predictably ironically tellingly unsurprisingly astonishingly bizarrely mercifully alas
    regrettably lamentably shamefully disgracefully absurdly ridiculously laughably conveniently curiously
    oddly refreshingly admittedly worryingly depressingly rightly shockingly disturbingly troublingly
    alarmingly frighteningly pathetically inevitably sadly thankfully fortunately luckily surprisingly
    """.split()
)
# Adjectives that judge competence, honesty, sense or worth ("thoughtless", "ingenious", "baseless").
# Words the wire uses to describe are left out: "poor", "difficult", "key", "serious"; and, read in
# the corpus label changes, "dismal results", "a respectable 3.2 pct", "embarrassing surpluses",
# "phony/bogus invoices", "worthless loans" (round 3).
JUDGEMENT_ADJECTIVES = frozenset(
    """thoughtless unscientific misguided wrongheaded deluded delusional dishonest disingenuous callous
    incompetent inept feckless spineless clueless laughable preposterous outlandish ludicrous
    nonsensical baseless unfounded deplorable despicable contemptible abhorrent vile unconscionable
    indefensible inexcusable commendable laudable admirable praiseworthy sensible unwise foolhardy
    brazen egregious farcical moronic dumb naive shortsighted irresponsible irrational ingenious
    imperative senseless pointless useless meaningless hopeless mindless heartless reprehensible
    repugnant odious loathsome dreadful abysmal atrocious woeful lousy""".split()
)
# Nouns that disparage what they name ("turned into a chaotic nightmare", "the whole fiasco"). Not
# "hoax" ("a bomb hoax") nor "insult" (both report events in news).
DISPARAGING_NOUNS = frozenset(
    "nightmare nightmares fiasco debacle shambles boondoggle drivel claptrap hogwash baloney gibberish mockery".split()
)
# Downgrading names for people, and framing as manipulation ("brainwashing", "scaremongering"). Not
# "leftist(s)" or "cronies": the wire uses them to describe ("leftist guerrillas").
LOADED_LABELS = frozenset(
    """brainwashing brainwashed fearmongering scaremongering scapegoat scapegoats shills shill mouthpieces
    apologists stooges lackeys demagogue demagogues demagoguery indoctrination cronyism""".split()
)
EVALUATIVE_WORDS = EVALUATIVE_ADVERBS | JUDGEMENT_ADJECTIVES | DISPARAGING_NOUNS | LOADED_LABELS

# Hyphenated judgements (the word gate splits at "-"), idioms only a commentator uses in their own
# voice, an impersonal "one can/should", "it is my hope/view", and sarcasm markers (", of all
# people,", "lo and behold", "surprise, surprise", "go figure"; not "somehow": "the keeper somehow
# blocked it" describes).
_PHRASE_RE = CaseFreeRe(
    word_alternation(
        r"""
      short-sighted | ill-conceived | half-baked | heavy-handed | tone-deaf | self-serving | self-contradictory
    | fear-mongering
    | like\ wildfire | finger\ in\ the\ air | out\ of\ the\ window | push(?:ed|es|ing)?\ on\ a\ string
    | bumpy\ road | tip\ of\ the\ iceberg | elephant\ in\ the\ room | smoke\ and\ mirrors | slippery\ slope
    | drop\ in\ the\ (?:ocean|bucket) | writing\ (?:is|was)\ on\ the\ wall | kick(?:ed|s|ing)?\ the\ can
    | shoot(?:s|ing)?\ (?:themselves|itself|himself|herself|ourselves)\ in\ the\ foot | heads?\ in\ the\ sand
    | gone\ are\ the\ days | only\ human | cry(?:ing)?\ wolf | by\ any\ (?:honest\ |fair\ |reasonable\ |objective\ )?(?:measure|standard)
    | one\ (?:can(?!\ of\b)|could|must|should|cannot|might)
    | it\ is\ (?:my|our)\ (?:hope|view|belief|conviction)
    | of\ all\ (?:people|things|places)(?=\s*[,.!?;:]) | lo\ and\ behold | surprise,?\ surprise | go\ figure
    | how\ convenient | what\ a\ surprise | (?:heaven|god)\ forbid | believe\ it\ or\ not | funnily\ enough
    | mind-boggling(?:ly)?
    """
    ),
    requires={
        "out": "window",
        "only": "human",
        "by": "measure standard",
        "it": "hope view belief conviction",
        "gone": "days",
        "like": "wildfire",
        "one": "can could must should cannot might",
        "of": "people things places",
        "go": "figure",
        "how": "convenient",
        "what": "surprise",
        "believe": "not",
        "mind": "boggling bogglingly",
    },
)
PHRASE_TRIGGERS = frozenset(
    """sighted conceived baked handed deaf serving contradictory mongering wildfire finger window string
    bumpy iceberg elephant mirrors slope ocean bucket wall can foot sand days human wolf measure standard
    one hope view belief conviction people things places behold surprise figure convenient forbid funnily
    boggling bogglingly believe""".split()
)
# An argumentative opener in the author's voice ("After all, …", "Worse still, …", "Hence the …") or
# an exhortation to the reader ("Remember that …", "Consider the …", "But just look at …").
# Capitalised at the sentence start (or after a capitalised "And/But/So/Now"): a wrapped wire line
# starting "granted by Parliament" or "consider selling its shares" is the middle of a sentence.
_EXHORTATIONS = (
    "remember|consider|imagine|think about|don['’]t forget|never forget|mark my words"
    "|let it be (?:said|noted|asked|known|clear)|just look at|look at|ask yourself|face it"
)
_OPENER_RE = re.compile(
    r"\s*(?:(?:After all|Worse still|Worse|Better still|In other words|To be sure|Granted|Mind you|Then again)(?=,)"
    r"|Hence\s"
    rf"|(?:And|But|So|Now),?\s(?i:{_EXHORTATIONS})\b"
    rf"|(?=[A-Z])(?i:{_EXHORTATIONS})\b)"
)
OPENER_TRIGGERS = frozenset(
    "all worse better words sure granted mind again hence remember consider imagine think forget mark let look ask "
    "face".split()
)
# Round 11 (issue #17, NewsSD train: subjective sentences read as reported, by shape). An evaluative
# adjective fronted before its verb ("Much more potent are the forces …", "Less welcome was the news
# that …", "Equally troubling is how …"): the author ranks what follows. A closed list of adjectives
# of weight and worry, so a measure ("More recent was …", "Most common are …") or a noun ("More people
# were …") is not taken; the subject must follow the verb (a determiner, "how/what/why/whether").
FRONTED_ADJECTIVES = frozenset(
    """important significant potent worrying troubling disturbing alarming striking telling revealing
    interesting intriguing remarkable surprising astonishing encouraging heartening welcome damaging
    dangerous serious pressing urgent curious puzzling baffling impressive concerning worrisome ominous
    galling insidious crucial problematic notable noteworthy promising instructive ironic""".split()
)
_FRONTED_RE = re.compile(
    r"\s*(?=[A-Z])(?:(?:And|But|Now|Yet|Still),?\s+)?((?i:(?:(?:much|far|even|still)\s+)?"
    r"(?:more|less|equally|even|most|least|just\s+as)\s+(?:"
    + "|".join(sorted(FRONTED_ADJECTIVES))
    + r")(?:\s+(?:still|yet))?\s+(?:is|are|was|were)))"
    r"\s+(?i:the|a|an|that|this|these|those|his|her|its|their|our|how|what|why|whether)\b"
)
# One more instance of a trend, told by the author with a copula ("this labour dispute is one more sign
# of a growing restlessness", "This is just another example of record company manipulation", "The
# attack was the latest example of a tit-for-tat policy"): the author files an event under a pattern
# of their own reading. Not the wire's apposition after a figure ("Vendor deliveries slowed, another
# sign that …": no copula) and, as every opinion cue, not inside a quotation or an attribution.
_INSTANCE_NOUNS = frozenset(
    "sign symptom example illustration reminder indication instance demonstration".split()
)
_INSTANCE_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s)\s+(?:(?:just|merely|simply|but|only|surely|clearly)\s+)?"
    r"((?:one\s+more|yet\s+another|another|the\s+latest|a\s+further|one\s+further)\s+"
    r"(?:sign|symptom|example|illustration|reminder|indication|instance|demonstration)s?)\s+(?:of|that)\b",
    re.IGNORECASE,
)
FRONTED_TRIGGERS = FRONTED_ADJECTIVES | _INSTANCE_NOUNS


def fronted_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> list[Cue]:
    """Round 11's shapes, outside quotations: the author's fronted evaluation opening the sentence, and an
    event filed as one more instance of a trend. ``words`` is ``words_of(text)``."""
    out: list[Cue] = []
    if words.gates & _FRONTED_ADJECTIVES_GATE:
        m = _FRONTED_RE.match(text)
        if m is not None and not inside(quotes, m.start(1)):
            out.append(new_cue("opinion", m.group(1), m.start(1), m.end(1)))
    if words.gates & _INSTANCE_NOUNS_GATE:
        for i in _INSTANCE_RE.finditer(text):
            if not inside(quotes, i.start(1)):
                out.append(new_cue("opinion", i.group(1), i.start(1), i.end(1)))
    return out


# A superlative verdict closed by "of all" ("the biggest problem of all"; not "of all time", a poll's
# or a record's phrase, nor "of all the/its …", a partitive). Its own pattern: the scanner needs a
# fixed first word, and a superlative has none.
# "of all" must close the phrase (punctuation, or "with/in/for/about …"): "the best interests of all
# parties" is no verdict.
_OF_ALL_RE = re.compile(
    r"\b(\w+est|most\s+\w+|worst|best)\s+(?:\w+\s+){0,2}?of\s+all\b"
    r"(?=\s*[.,;:!?)—–]|\s*$|\s+(?:with|in|for|about)\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# Words ending in "-est" that are no superlative.
_NOT_SUPERLATIVE = frozenset(
    """interest request west forest test honest protest contest arrest guest harvest chest rest nest quest
    suggest digest invest manifest modest conquest inquest behest""".split()
)
# A rhetorical question: a fixed form that asks nothing of the reader ("Is it any wonder …?", "Who
# could blame them?", "Since when …?", "What then?", "Why should …?") or a negative yes/no question
# ("Isn't it time …?", "Shouldn't we …?"). Only at a capitalised sentence start and for the whole
# sentence; a heading question ("Why are teachers unhappy?") is none of these.
_RHETORICAL_FORMS = (
    r"Is\s+it\s+any\s+wonder|Is\s+it\s+(?:really\s+)?too\s+much\s+to\s+ask|Who\s+(?:could|can|would)\s+blame"
    r"|What\s+could\s+(?:possibly\s+)?go\s+wrong|(?:Why|What|How|Who|Where)\s+on\s+earth|Since\s+when"
    r"|How\s+many\s+(?:more\s+)?times|How\s+else|Why\s+not|Who\s+knew|Really|Seriously|What\s+then|What\s+of"
    r"|What\s+about|Why\s+should(?:n['’]t)?|(?:Is|Are|Was|Were|Does|Do|Did|Should|Would|Could|Can|Will|Has|Have)n['’]t"
    r"|Who\s+(?:cares|needs)"
)
_RHETORICAL_RE = re.compile(
    rf"\s*((?:(?:And|But|So|Yet|Or),?\s+(?i:{_RHETORICAL_FORMS})|(?=[A-Z])(?i:{_RHETORICAL_FORMS}))\b)"
    r"[^?]*\?[\"”’]?\s*$"
)


def _is_question(text: str) -> bool:
    end = text.rstrip().rstrip('"”’')
    return end.endswith("?")


# A one-clause verdict closing a short sentence: "The explanation is simple.", "But the risk is real."
# The whole sentence is the author's judgement of something already named; only adjectives of
# verdict, not of description ("The sky was clear", "The road is open").
_VERDICT_WORDS = frozenset("simple real obvious undeniable inevitable".split())
_VERDICT_RE = re.compile(
    r"\s*(?:(?:But|And|So|Yet)\s+)?(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:[a-z]+\s+){1,4}"
    r"((?:is|are|was|were)\s+(?:simple|real|obvious|undeniable|inevitable))\s*[.!]?\s*$"
)
PHRASE_AND_OPENER_TRIGGERS = PHRASE_TRIGGERS | OPENER_TRIGGERS | _VERDICT_WORDS | FRONTED_TRIGGERS


# "no one can …", "no-one could …" is a plain negative, not the impersonal author.
_NOT_IMPERSONAL = frozenset({"no ", "no-"})


def low_prefix(text: str, start: int) -> str:
    """The three characters before ``start``, lower-cased."""
    return text[max(0, start - 3) : start].lower()


def evaluative_phrase_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str], taken: list[tuple[int, int]]
) -> list[Cue]:
    """Strong opinion cues of the phrase and opener classes, outside quotations and spans already taken.

    ``words`` is ``words_of(text)``. The single words (``EVALUATIVE_WORDS``) are found by
    ``opinion.opinion_and_stance_cues`` with its own strong words, in the same scan.
    """
    cues: list[Cue] = []
    m = _OPENER_RE.match(text) if words.gates & _OPENER_TRIGGERS_GATE else None
    if m is not None and not inside(quotes, m.end() - 1):
        s = len(text) - len(text.lstrip())
        cues.append(new_cue("opinion", text[s : m.end()].rstrip(), s, len(text[: m.end()].rstrip())))
    if words.gates & _PHRASE_TRIGGERS_GATE:
        for p in _PHRASE_RE.find(text, words):
            s = p.start()
            if inside(quotes, s) or inside(taken, s) or low_prefix(text, s) in _NOT_IMPERSONAL:
                continue
            cues.append(new_cue("opinion", text[p.start() : p.end()], p.start(), p.end()))
    if _is_question(text):
        q = _RHETORICAL_RE.match(text)
        if q is not None and not inside(quotes, q.end(1) - 1):
            # The cue is the rhetorical form ("Is it any wonder"); the "?" closing the sentence is implied.
            cues.append(new_cue("opinion", q.group(1), q.start(1), q.end(1)))
    if words.gates & _FRONTED_TRIGGERS_GATE:
        cues.extend(fronted_cues(text, quotes, words))
    if words.gates & _VERDICT_WORDS_GATE and (v := _VERDICT_RE.match(text)) is not None:
        cues.append(new_cue("opinion", v.group(1), v.start(1), v.end(1)))
    # With a figure the superlative is a measured one ("27 dlrs per ton, by far the lowest of all").
    if "all" in words and _DIGIT.search(text) is None:
        for p in _OF_ALL_RE.finditer(text):
            if p.group(1).lower() in _NOT_SUPERLATIVE:
                continue
            if not inside(quotes, p.start()) and not inside(taken, p.start()):
                cues.append(new_cue("opinion", text[p.start() : p.end()], p.start(), p.end()))
    return cues


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_OPENER_TRIGGERS_GATE = trigger_gate(OPENER_TRIGGERS)
_PHRASE_TRIGGERS_GATE = trigger_gate(PHRASE_TRIGGERS)
_VERDICT_WORDS_GATE = trigger_gate(_VERDICT_WORDS)
_FRONTED_TRIGGERS_GATE = trigger_gate(FRONTED_TRIGGERS)
_FRONTED_ADJECTIVES_GATE = trigger_gate(FRONTED_ADJECTIVES)
_INSTANCE_NOUNS_GATE = trigger_gate(_INSTANCE_NOUNS)
