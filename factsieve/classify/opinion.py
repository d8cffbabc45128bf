"""Opinion cues (the author's evaluation) and weaker stance cues (the author's voice, intensifiers)."""

from __future__ import annotations

import re

from factsieve.classify.context import (
    at_sentence_start,
    next_word,
    prev_word,
)
from factsieve.classify.cue import (
    BY_START,
    Cue,
    inside,
    new_cue,
)
from factsieve.classify.evaluative import (
    EVALUATIVE_WORDS,
    PHRASE_AND_OPENER_TRIGGERS,
    evaluative_phrase_cues,
)
from factsieve.classify.prefilter import (
    CaseFreeRe,
    lowered,
    trigger_gate,
    word_alternation,
    words_of,
)
from factsieve.classify.should import should_sense

# --------------------------------------------------------------------------- opinion, filler, boilerplate

# Opinion cues come in two strengths. Strong: the author's evaluation ("a pretty big deal",
# "fascinating", "it's worth"). Weak (stance): the author's own voice ("we", "our"), obligation,
# intensifiers, sweeping generalisations, common evaluative words; alone they make a sentence opinion
# only when it carries no figures (numbers mark concrete, checkable reporting; see classify.py).
# Single words are found by set lookup on the sentence's word set and str.find (no regex scan: these
# words are common, so a scan would run on most sentences); phrases by a small gated regex.
# Strong: words that evaluate whatever they touch. Words that are often descriptive in news ("the
# disaster", "best actress", "a massive earthquake", "the first ever") are weak stance cues instead,
# and "failed"/"failure" are not cues at all ("he failed to score" is a fact).
OPINION_WORDS = (
    frozenset(
        """fascinating amazing awesome incredible incredibly terrible horrible awful wonderful excellent fantastic
    brilliant stunning remarkable impressive disappointing disgraceful shameful outrageous ridiculous absurd
    pathetic disastrous appalling shocking scandalous insane stupid foolish idiotic silly nonsense hypocritical
    hypocrisy sadly unfortunately fortunately thankfully hopefully surely obviously clearly undoubtedly
    undeniably indeed frankly honestly truly absolutely crucial vital pivotal unacceptable beautiful ugly
    boring exciting interesting compelling shame ideology ideologies ideological ideologue ideologues
    propaganda woke tyranny
    strange bizarre absurdity hysteria hysterical sham farce charade folly arrogant arrogance cynical
    grotesque sinister lunacy madness travesty disgrace rubbish garbage insidious perverse corrosive
    pernicious cowardly utterly sheer zealots fanatics orwellian dystopian""".split()
    )
    | EVALUATIVE_WORDS
)  # round 3: evaluative adverbs, judgement adjectives, loaded labels (evaluative.py)
STANCE_WORDS = (
    frozenset(
        """we our us ourselves must should ought shall really actually ever very too just certainly
    everything nothing something everyone everybody nobody always never bad good great wrong evil racist
    illegal fair unfair explosive dramatic dramatically immense fragile terrific ferocious drastic horror wild
    ruin greed greedy obscene shameless blatant blatantly alarming troubling best worst greatest disaster mess
    merely mere simply powerful massive huge enormous tremendous extraordinary desperate radical extreme
    reckless corrupt dangerous essential elite elites socialism socialist""".split()
    )
    - OPINION_WORDS
)
_OPINION_PHRASE_RE = CaseFreeRe(
    word_alternation(
        r"""
      (?:pretty|really|very|such\ a|a)\ big\ deal | big\ deal | (?:it'?s|it’s|it\ is|is|are|was|well)\ worth
    | worth\ (?:understanding|noting|watching|reading|mentioning|remembering|considering|it)
    | of\ course | no\ doubt | in\ fact | needless\ to\ say | critical\ (?:part|role|step|one|for|to|that)
    | (?:should|ought\ to|must|need\ to|needs\ to)\ (?:\w+\ )?(?:be|have|not|never|stop|start|do|take|make|want|play|aim|realize|recogni[sz]e|remember|support|reject|act)
    | we\ (?:need|must|should|cannot|can't|can’t|think|believe|suspect|feel|fear|reckon|doubt)
    | i\ (?:think|believe|feel|hope|love|hate|like|suspect|reckon|guess|doubt|fear|imagine)
    | (?:i|we)\ do\ not\ (?:think|believe)
    | (?:i|we)\ (?:have|had)\ (?:a|the)\ (?:\w+\ )?(?:suspicion|feeling|hunch|sense)\ (?=that\b|the\b|this\b|it\b|we\b|they\b)
    | in\ (?:my|our)\ (?:view|opinion|judgement|judgment)
    | our\ (?:country|nation|society|democracy|system|children) | let\ us\ not | so-called
    | only\ (?:a|the)\ (?:few|handful)
    | can(?:not|'t|’t|\ not)\ be\ (?:ignored|overlooked|overstated|understated|underestimated|dismissed)
    | testament\ to | mixed\ bag | all\ in\ all | steps?\ in\ the\ right\ direction | game-?changer | win-win
    | paves?\ the\ way | speaks?\ for\ (?:itself|themselves) | speak\ for\ themselves | no\ easy\ answers?
    | complex\ picture | clear\ (?:sign|signal|message|indication)
    | (?:significant|important|historic|landmark|welcome|bold|qualified|resounding)\ (?:step|success|milestone|victory|achievement)
    | (?:underscores?|underlines?|highlights?|demonstrates?|reflects?|signals?|shows?)\ (?:[\w’'-]+\ ){0,4}?(?:commitment|determination|importance|resolve|dedication|ambition|vision|chapter|era)
    | will\ (?:not\ |never\ |ever\ |forever\ |surely\ |also\ )?(?:be\ remembered|go\ down\ (?:in|as)|define|shape|reshape|transform|haunt|revolutioni[sz]e|usher\ in|forget|be\ the\ same
        |(?:change|alter)\ (?:how|the\ way|the\ face\ of|everything))
    | history\ will\ (?:not\ )?(?:judge|remember|record|forgive|look)
    | will\ (?:\w+\ ){1,6}?for\ (?:years|decades|generations)(?:\ to\ come)?(?=\s*[.!]?\s*$)
    | will\ (?:end|wreck|ruin|doom|derail|cement|seal|define)\ (?:his|her|their|its|the)\ (?:career|legacy|reign|hopes|chances|fate|future)
    | will\ pay\ off | make\ no\ mistake | (?:a|the)\ turning\ point\ for
    | hard\ to\ (?:overstate|overestimate|exaggerate|ignore|argue\ with|justify|defend(?!\ against)|fathom|excuse) | long[\ -]overdue
    | hard\ to\ think\ of\ a\ (?:worse|better|bigger|more) | impossible\ not\ to\ (?:be\ )?(?:moved|impressed|charmed|touched|admire|smile)
    | masterclass | bold\ move
    | deserves?\ (?:praise|credit|applause) | (?:there['’]s|there\ is)\ no\ denying | putting\ it\ mildly
    | could(?:n['’]t|\ not)\ (?:be|have\ been)\ (?:higher|clearer|better|worse|more\ important)
    | i['’]m\ (?:convinced|sure|certain|confident) | i\ am\ (?:convinced|certain|confident) | personally(?=,)
    """
    ),
    requires={
        **dict.fromkeys("pretty really very such big".split(), "deal"),
        "a": "deal turning",
        "the": "turning",
        "make": "mistake",
        # round 6c (r8, r11): "It is hard to think of a worse time to …", "it was impossible not to be moved"
        "hard": "overstate overestimate exaggerate ignore argue justify defend fathom excuse think",
        "impossible": "moved impressed charmed touched admire smile",
        "long": "overdue",
        "there": "denying",
        "putting": "mildly",
        **dict.fromkeys("could couldn".split(), "higher clearer better worse important"),
        **dict.fromkeys("deserve deserves".split(), "praise credit applause"),
        **dict.fromkeys("it its is are was well".split(), "worth"),
        "of": "course",
        "no": "doubt",
        "in": "fact view opinion judgement judgment",
        "we": "need must should cannot can think believe suspect feel fear reckon doubt suspicion feeling hunch sense",
        "i": "think believe feel hope love hate like suspect reckon guess doubt fear imagine convinced sure certain "
        "confident suspicion feeling hunch sense",
        "our": "country nation society democracy system children",
        "so": "called",
        "only": "few handful",
        "can": "ignored overlooked overstated understated underestimated dismissed",
        "cannot": "ignored overlooked overstated understated underestimated dismissed",
        "all": "in",
        **dict.fromkeys("step steps".split(), "direction"),
        "clear": "sign signal message indication",
        **dict.fromkeys(
            "underscore underscores underline underlines highlight highlights demonstrate demonstrates reflect "
            "reflects signal signals show shows".split(),
            "commitment determination importance resolve dedication ambition vision chapter era",
        ),
        "will": "remembered down define shape reshape transform haunt revolutionize revolutionise usher forget same "
        "years decades generations end wreck ruin doom derail cement seal pay change alter",
    },
)
# A summing-up opener ("Overall, it's a story of progress", "In short, the reforms …") introduces the
# author's verdict; weak, so it decides only without figures ("Overall, sales rose 3%" stays reported).
_STANCE_PHRASE_RE = CaseFreeRe(
    word_alternation(
        r"need\ to | needs\ to | so\ much | no\ one | overall(?=,) | ultimately(?=,) | in\ short(?=,)"
    )
)
# Gate on the most specific word of each phrase (not "we", "i", "so", "only": too common to gate on).
OPINION_PHRASE_TRIGGERS = frozenset(
    """deal worth course doubt fact needless critical should ought must need needs cannot can think believe
    feel hope love hate like country nation society democracy system children let called few handful
    suspect reckon guess fear imagine view opinion judgement judgment ignored overlooked overstated understated
    underestimated dismissed testament bag direction changer gamechanger win paves pave itself themselves
    answers answer picture sign signal message indication significant important historic landmark welcome
    bold qualified resounding commitment determination importance resolve dedication ambition vision chapter
    era remembered define shape reshape transform haunt revolutionize revolutionise usher forget same history
    down years decades generations end wreck ruin doom derail cement seal pay mistake turning overstate
    overestimate exaggerate ignore argue justify defend fathom excuse overdue masterclass move praise credit applause denying mildly higher
    clearer better worse convinced sure certain confident personally all change alter suspicion feeling hunch
    sense impossible""".split()
)  # "all": "all in all"; "change"/"alter": "will change how …" (round 4)
# Round 3 (evaluative.py): hyphenated judgements, commentators' idioms, argumentative openers.
EVALUATIVE_PHRASE_TRIGGERS = PHRASE_AND_OPENER_TRIGGERS
STANCE_PHRASE_TRIGGERS = frozenset("need needs much one overall ultimately short".split())
_STRONG = trigger_gate(OPINION_WORDS)
_WEAK = trigger_gate(STANCE_WORDS)
_NO_WORDS: frozenset[str] = frozenset()
_PHRASES = trigger_gate(OPINION_PHRASE_TRIGGERS)
_EVALUATIVE = trigger_gate(PHRASE_AND_OPENER_TRIGGERS)
_STANCE_PHRASES = trigger_gate(STANCE_PHRASE_TRIGGERS)
_GOOD_TERMS = frozenset("governance faith practice practices news will".split())


# A law or rules named as the frame of the sentence (round 7): what follows "must" is their requirement.
_LEGAL_FRAME = re.compile(
    r"\W*(?:under|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:act|acts|law|laws|rules|regulations|code|directive"
    r"|statute|constitution|treaty|guidelines)\b(?:\s+\d{4})?\s*,",
    re.IGNORECASE,
)
# "a must-buy", "too-twee": these compounds still judge.
_JUDGING_COMPOUND_HEADS = frozenset(("must", "too"))


def _compound_modifier(text: str, end: int) -> bool:
    """Round 7 (r14): the first part of a hyphenated compound names a kind, it judges nothing
    ("essential-service sailings", "dangerous-goods licence")."""
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()


def _word_spans(low: str, present: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Whole-word occurrences of each word in ``present`` in the lower-cased sentence."""
    spans: list[tuple[int, int]] = []
    n_low = len(low)
    for w in present:
        n = len(w)
        i = low.find(w)
        while i != -1:
            j = i + n
            if (i == 0 or not low[i - 1].isalnum()) and (j == n_low or not low[j].isalnum()):
                spans.append((i, j))
            i = low.find(w, j)
    return spans


# Newsroom first person reports what the newsroom did ("We reviewed 300 pages of filings", "Our
# reporters visited six villages"): reporting, not the author's stance.
_NEWSROOM_VERBS = frozenset(
    """reviewed obtained contacted asked analysed analyzed spoke interviewed visited examined requested counted
    checked verified collected sent called emailed tracked compared surveyed reached read watched tested
    identified mapped filed found traced reported photographed calculated studied investigated approached
    wrote submitted sought rode drove flew""".split()
)
# (round 15: "rode/drove/flew" — the newsroom's fieldwork in an irregular past, "We rode along for two days
# of the trial", as the -ed verbs above)
# Only verbs of a reporting act: "we speak of", "we ask that", "we find it hard" are a columnist's voice.
_NEWSROOM_BASE_VERBS = frozenset(
    "review obtain contact analyse analyze interview visit examine request verify confirm reach track trace "
    "identify".split()
)
_COMPOUND_FIRST = frozenset("best worst good bad well better".split())
# "great" of a generation, not praise (round 5d): "three great-grandchildren", "her great-aunt".
_GREAT_KIN = re.compile(
    r"[- ](?:grand(?:child|children|kids?|sons?|daughters?|fathers?|mothers?|parents?|nephews?|nieces?)"
    r"|aunts?|uncles?|nephews?|nieces?)\b",
    re.IGNORECASE,
)
_NEWSROOM_NOUNS = frozenset(
    """reporter reporters journalists correspondent correspondents analysis investigation review survey
    reporting newsroom photographer calculations questions request requests inquiries enquiries queries emails
    calls messages""".split()
)


# "We have not been able to independently verify the video", "We could not reach the owner": the
# newsroom verb after auxiliaries, a negation or an adverb.
_NEWSROOM_AFTER_WE = re.compile(
    r"\s+(?:(?:have|has|had|were|was|did|could|also|not|n['’]t|never|been|able|unable|to|independently|separately"
    r"|repeatedly|first|then|later|since|previously|yet)\s+){0,6}(?:"
    + "|".join(sorted(_NEWSROOM_VERBS | _NEWSROOM_BASE_VERBS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

# round 6c (r7, r11, r12): what the newsroom has seen or has been doing — "We have seen the internal
# memo sent to staff", "We've been speaking to travellers at Stansted this morning". Only a document
# seen: "We have seen a big rise in demand" is a speaker's or a columnist's view.
_NEWSROOM_SEEN = re.compile(
    r"(?:\s+have|['’]ve)\s+(?:(?:seen|obtained|read)\s+(?:a\s+copy\b|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:memo|letter|e-?mails?"
    r"|report|documents?|draft|plan|minutes|contract|invoices?|files?|recording|footage|video|messages?|papers)\b)"
    r"|been\s+(?:speaking|talking)\s+to\b)",
    re.IGNORECASE,
)
# "We visited each restaurant anonymously and paid for our own meals": the "our" of a sentence that
# opens on the newsroom's act is the newsroom's too.
_NEWSROOM_OPENING = re.compile(r"\W*We\b")


# round 7 (r13, r14): any other past act of the newsroom or the agency, the sentence opening on "We" with
# no quotation mark before it ("We searched the official gazette …", "We have deployed three mobile health
# teams …"); not a passive or a state ("We were threatened"), nor a past belief, wish, stance or call — a
# columnist's or an editorial's voice ("We warned last year …", "We welcomed …").
_NEWSROOM_ACT = re.compile(
    r"\s+(?:(?:have|had|also|then|later|first|since|previously|independently|separately)\s+){0,3}"
    r"(?!(?:believed|thought|felt|hoped|wanted|argued|warned|urged|welcomed|called|criticised|criticized"
    r"|praised|supported|opposed|backed|endorsed|predicted|suggested|agreed|disagreed|expected|feared|worried"
    r"|doubted|liked|loved|hated|preferred|needed|deserved|failed|decided|learned|learnt|noticed|wondered"
    r"|regretted|celebrated|applauded|condemned|demanded|insisted|pointed|added|asked|talked|worked|lived)\b)"
    r"[a-z]{3,}ed(?=\s+(?:the|a|an|\d|[a-z]+\s))"
)


def _newsroom_opening(text: str, s: int) -> bool:
    m = _NEWSROOM_OPENING.match(text, 0, s)
    return m is not None and (
        _NEWSROOM_AFTER_WE.match(text, m.end()) is not None
        or _NEWSROOM_SEEN.match(text, m.end()) is not None
        or (text.lstrip()[:2] == "We" and _NEWSROOM_ACT.match(text, m.end()) is not None)
    )


# Restrictive "just" before a quantity ("just two houses", "just a week after", "just 4%") measures
# like "only" (no longer a stance cue since round 2); the stance "just" is "just wrong", "just look".
# "not just a theory", "more than just", "is just a box" are "merely", the author's downgrading: kept.
_QUANTITY_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen under over half days weeks hours "
    "minutes months years".split()
)
_QUANTITY_AFTER_A = frozenset(
    "few handful week day month year hour minute decade third quarter fifth fraction dozen couple".split()
)
_MERELY_BEFORE = frozenset("not than is are was were 's ’s isn't wasn't isn’t wasn’t".split())


def _just_measures(text: str, s: int, e: int) -> bool:
    if prev_word(text, s) in _MERELY_BEFORE:
        return False
    nxt = next_word(text, e)
    if nxt in ("a", "an"):
        return next_word(text, text.lower().index(nxt, e) + len(nxt)) in _QUANTITY_AFTER_A
    return nxt in _QUANTITY_WORDS or text[e + 1 : e + 2].isdigit()


# Round 11 (r30, r31): a negative subject of a passive event verb counts zero people, a fact ("Nobody was
# hurt.", "No one has been charged.", "No one was seriously injured in the blast"); not with a participle of
# feeling or judging ("Nobody was surprised", "No one was fooled": the author speaking for everyone).
_ZERO_COUNT = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being)\s+(?:[a-z]+ly\s+)?"
    r"(?!(?:surprised|shocked|fooled|impressed|convinced|interested|amused|pleased|satisfied|disappointed"
    r"|moved|persuaded|spared|blamed|prepared|ready|safe|happy|sure|immune)\b)"
    r"[a-z]{3,}(?:ed|en|t)\b(?!\s+that\b)",
)
_ZERO_SUBJECTS = frozenset(("nobody", "no one"))


def zero_count(text: str, s: int, e: int) -> bool:
    """A sentence-opening "Nobody"/"No one" before a passive event verb (see _ZERO_COUNT)."""
    return (
        text[s:e].lower() in _ZERO_SUBJECTS
        and at_sentence_start(text, s)
        and _ZERO_COUNT.match(text, e) is not None
    )


# Round 14: "best"/"worst" that rank nothing for the author — an award category ("won best picture",
# "nominated for best actress", "the county's best loaf award"), a measured result ("the worst quarterly loss in
# the company's history", "the best week since 2009"), and "best" as an adverb of manner before a participle
# ("are best seen with the naked eye", "best known for"). The author's ranking ("the best film of the year")
# stays a stance cue.
_AWARD_BEFORE = frozenset("won win wins winning for named nominated shortlisted scooped claimed".split())
_RANKED_MEASURE_RE = re.compile(
    r"\s+(?:(?:quarterly|annual|monthly|weekly|daily|yearly|single-day|one-day|full-year|first-half|second-half)\s+)?"
    r"(?:loss|losses|fall|falls|drop|drops|decline|declines|slump|results?|quarter|month|year|week|day|session"
    r"|sales|levels?|returns|figures|since)\b"
    r"|\s+(?:[\w-]+\s+){0,2}?(?:award|awards|prize|prizes|category)\b"
    r"|\s+(?:seen|viewed|stored|served|eaten|avoided|placed|suited|remembered|known|reached|treated)\b",
    re.IGNORECASE,
)


def _ranks_nothing(text: str, s: int, e: int) -> bool:
    return (text[s:e].lower() == "best" and prev_word(text, s) in _AWARD_BEFORE) or (
        _RANKED_MEASURE_RE.match(text, e) is not None
    )


def _keep_stance(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    if zero_count(text, s, e):
        return False
    if word[0].isupper() and (word.isupper() or not at_sentence_start(text, s)):
        return False  # "US", "Great Britain", "Good Friday": names, not the author's voice
    low = word.lower()
    if text[e : e + 1] == "-" and low in _COMPOUND_FIRST:
        return False  # a compound adjective describes: "best-known", "worst-hit" ("ever-expanding" judges)
    if low == "we" and (
        _NEWSROOM_AFTER_WE.match(text, e) is not None
        or _NEWSROOM_SEEN.match(text, e) is not None
        or (word == "We" and text.lstrip()[:2] == "We" and _NEWSROOM_ACT.match(text, e) is not None)
    ):
        return False
    if low == "our" and (next_word(text, e) in _NEWSROOM_NOUNS or _newsroom_opening(text, s)):
        return False
    if low == "great" and _GREAT_KIN.match(text, e) is not None:
        return False
    if low in ("best", "worst") and _ranks_nothing(text, s, e):
        return False
    if low == "just" and _just_measures(text, s, e):
        return False  # "just two freeways", "just a week after": "only"/"exactly", a measure, like "only"
    return not (word.lower() == "good" and next_word(text, e) in _GOOD_TERMS)


_PERSONAL_SUBJECTS = frozenset("i we you".split())


def _epistemic_should(text: str, start: int) -> bool:
    """A phrase cue that starts with an expected-outcome "should" ("Repairs should be finished by …")."""
    return text[start : start + 6].lower() == "should" and should_sense(text, start, start + 6) == "epistemic"


def _evaluative_name(text: str, s: int, e: int) -> bool:
    """A capitalised round-3 evaluative word inside the sentence is a title or a name ("Nightmare on
    Elm Street"), not the author's judgement. (The older strong words keep their behaviour.)"""
    return text[s].isupper() and not at_sentence_start(text, s) and text[s:e].lower() in EVALUATIVE_WORDS


# Long on purpose: strong and weak cues share one word-set gate and one scan of the sentence; each
# branch is a context check on one cue kind
def opinion_and_stance_cues(  # noqa: C901, PLR0912
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], list[Cue]]:
    """(strong opinion cues, weak stance cues) outside quotations."""
    words = words if words is not None else words_of(text)
    gates = words.gates
    strong = words & OPINION_WORDS if gates & _STRONG else _NO_WORDS  # (no set built for most sentences)
    weak = words & STANCE_WORDS if gates & _WEAK else _NO_WORDS
    phrases = gates & _PHRASES
    # A question mark may close a rhetorical question (evaluative.py): no trigger word needed.
    evaluative = gates & _EVALUATIVE or "?" in text
    stance_phrases = gates & _STANCE_PHRASES
    bang = "!" in text and text.rstrip().endswith("!")  # the substring test spares the copy
    if not (strong or weak or phrases or evaluative or stance_phrases or bang):
        return [], []  # the common case: no cue word at all
    low = lowered(text)
    if len(low) != len(text):  # offsets would drift; the rare case is not worth a second code path
        low = text
    opinions: list[Cue] = []
    stances: list[Cue] = []
    taken: list[tuple[int, int]] = []
    if phrases:
        for m in _OPINION_PHRASE_RE.find(text, words):
            if not inside(quotes, m.start()) and not _epistemic_should(text, m.start()):
                opinions.append(new_cue("opinion", text[m.start() : m.end()], m.start(), m.end()))
                taken.append(m.span())
    if evaluative:
        for c in evaluative_phrase_cues(text, quotes, words, taken):
            opinions.append(c)
            taken.append((c.start, c.end))
    if stance_phrases:
        for m in _STANCE_PHRASE_RE.find(text, words):
            if (
                not inside(quotes, m.start())
                and not inside(taken, m.start())
                and not zero_count(text, *m.span())
            ):
                stances.append(new_cue("opinion", text[m.start() : m.end()], m.start(), m.end()))
                taken.append(m.span())
    if strong:
        for s, e in _word_spans(low, strong):
            if not inside(quotes, s) and not inside(taken, s) and not _evaluative_name(text, s, e):
                if _compound_modifier(text, e):
                    continue
                opinions.append(new_cue("opinion", text[s:e], s, e))
    if weak:
        for s, e in _word_spans(low, weak):
            if (
                not inside(quotes, s)
                and not inside(taken, s)
                and _keep_stance(text, s, e)
                and not (_compound_modifier(text, e) and low[s:e] not in _JUDGING_COMPOUND_HEADS)
            ):
                if e - s == 6 and low[s:e] == "should":
                    sense = should_sense(text, s, e)
                    if sense == "epistemic":
                        continue  # an expected outcome: the hedge "should …" decides
                    if sense == "deontic" and prev_word(text, s) not in _PERSONAL_SUBJECTS:
                        # Advice to a third party ("The council should scrap the £5 fee"): the author's
                        # opinion, with or without figures. (I/we/you are the personal-voice cues.)
                        opinions.append(new_cue("opinion", text[s:e], s, e))
                        continue
                stances.append(new_cue("opinion", text[s:e], s, e))
    if bang:
        end = len(text.rstrip())
        if not inside(quotes, end - 1):
            opinions.append(new_cue("opinion", "!", end - 1, end))
    if "must" in words and (opinions or stances) and _LEGAL_FRAME.match(text) is not None:
        # round 7 (r13): "Under the Consumer Rights Act 2015, goods must be of satisfactory quality": the
        # law's requirement, stated, not the author's demand
        opinions = [c for c in opinions if not c.text.lower().startswith("must")]
        stances = [c for c in stances if not c.text.lower().startswith("must")]
    if len(opinions) > 1:
        opinions.sort(key=BY_START)
    if len(stances) > 1:
        stances.sort(key=BY_START)
    return opinions, stances


def opinion_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    return opinion_and_stance_cues(text, quotes, words)[0]


def stance_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    return opinion_and_stance_cues(text, quotes, words)[1]
