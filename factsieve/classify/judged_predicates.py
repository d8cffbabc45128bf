"""Round 14 (issue #17): the author's judgement written as a plain statement — still the largest error on
writers nobody had read (r34–r36 pooled on main 867ce22: opinion -> reported 46 of 947 rows). The rows join
``plain_verdicts._SHAPES`` like rounds 9–12's (a key word + a companion, so a pattern is tried only when
both are in the sentence; the guards there apply: a source anywhere wins, a verdict after a word of
someone's view is theirs, a cue inside quotation marks is the speaker's). Each is a grammar, not a
sentence of the files:

* **a judging adjective as the complement** (``JUDGING_ADJECTIVES``, a small lexicon from general English:
  adjectives that grade work, conduct or a plan and measure nothing — "timid", "toothless", "overrated",
  "forgettable", "misconceived"), alone or closing a list of adjectives, after a be-verb or
  "looks/seems/feels/sounds", at the end of its clause or before "next to / beside / by comparison"
  ("The phase-in looks timid next to the scale of the problem.", "The shortlist is safe, predictable and
  entirely forgettable."). Words the wire uses of markets, prices or weather are left out ("thin", "dull", "overpriced",
  "lacklustre", "patchy", "slick", "quiet", "tired"); an attributive use ("a predictable rise") is no
  complement;
* **a superlative of judgement with no figure**: "the (X's) most/least" + a judging adjective, or a
  judging "-est" (smartest, tastiest …) after a be-verb or opening the sentence with "Easily/Arguably/
  By far/hands-down" ("The bill is the most regressive in a decade.", "Easily the most entertaining match
  of the tournament so far.", "is hands-down the smartest purchase you can make"); superlatives of
  measure ("the biggest", "the most populous", "the most widely read") are not in the lexicon;
* **conduct judged by an infinitive**: a be-verb + right/wrong/wise/unwise/foolish/naive/mad/brave + "to" +
  a verb ("Members were right to reject the exemption" — "right" only after "were", see SHAPES —, "Investors would be wise to treat the forecast
  with caution"; "the right to vote" has no be-verb before it);
* **verdict idioms on a third party**: "has no business" + -ing, "(only) has himself/themselves to
  blame", "has spent years/a decade pretending/dithering …", "has run (well/far) ahead of the evidence",
  "is an eyesore / an eternity in …", "could hardly / couldn't have chosen/picked a worse/better …";
* **the author's framing of the answer**: "The (plain/simple/sad/uncomfortable) truth is (that) …",
  "The only/real/biggest surprise is that …", "The fairest/kindest/likeliest reading/explanation/
  interpretation/conclusion (of …) is that …" (a document's "conclusion" needs a source word and
  is attributed first); "Whatever its/their flaws, …", "For all its/their faults, …"; a rhetorical
  "Why did it take X this/so long?". ("as clear a spot-kick as you will see", keyed on a verb of perception
  with "you", sent 228 speed-set sentences to the verdict finder for one row: dropped);
* **a critic's comparison**: "Few (recent) films/books … have/has VERBed … with such / so …"; a list of
  comparatives against the subject's own earlier work ("is sharper, funnier and far less polite than her
  first") (an ellipsis "…, and its conclusion thinner still." was dropped: keyed on "still" it sent 253 of the
  32,765 speed-set sentences to the verdict finder);
* **an unsupported prediction of an evaluative outcome**: "will love / will be glad / will be disappointed
  / will thank …" (a third party's feeling the author foresees), "will not survive the next …" (a source —
  ", analysts say" — is attributed first).

Second pass, the same kinds in rows of older writers' files (r16-r33) that still failed: a verdict appended
to the clause ("…, and a welcome one."), "has not gone far enough", "is the (beating) heart of the film",
"took X for granted", "The numbers leave little doubt that …", "there for anyone willing to look", and "Read
together, …" beside round 12's "Taken together, …" (judging_shapes.py). Dropped for speed (a common word as
the only possible key: "more", "game/season", "side", "still", "you", "make"): "will do more for X than any
…", "scored the goal of the season", "Put side by side, …", "…, and its conclusion thinner still.", "as
clear a spot-kick as you will see", "will make the courts slower, not faster".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_BE = (
    r"(?:is|was|are|were|be|been|being|remains?|remained|seems?|seemed|looks?|looked|feels?|felt|sounds?|sounded"
    r"|['’]s|['’]re)"
)


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Adjectives that grade a plan, a piece of work or conduct and measure nothing. Not the wire's words for
# markets, weather or materials ("thin/dull/lacklustre trading", "patchy rain", "slick roads", "a tired
# horse"), and not the strong words opinion.py already takes anywhere ("brilliant", "pathetic").
# Hyphenated words appear by their last part with the hyphen spelt in the pattern, so one whose last part is a
# common word ("ill-judged", "ill-advised", "high-handed") is left out (speed: the part becomes a trigger). Words
# opinion.py already takes as cues on their own ("half-baked", "short-sighted", "heavy-handed") are not repeated.
_JUDGING = (
    r"timid|feeble|flimsy|toothless|muddled|incoherent|half-hearted|halfhearted"
    r"|misjudged|overblown|overhyped|over-hyped|overrated|underrated"
    r"|overpriced|overwrought|uninspiring|unconvincing|unpersuasive|tedious|bland|forgettable"
    r"|formulaic|predictable|pedestrian|clunky|plodding|turgid|bloated|gimmicky|tacky|naff|glib|smug"
    r"|complacent|self-indulgent|sloppy|slapdash|amateurish|gutless"
    r"|ham-fisted|refreshing|gripping|riveting|engrossing|witty"
    r"|delicious|tasty|accomplished|assured|deft|thoughtful|nuanced|regressive|unwatchable|unreadable"
    r"|unlistenable|overlong|underpowered|overdone|overcooked|laboured|labored|hamfisted|pretentious|preachy"
    r"|mawkish|twee|soulless|charmless|joyless|lifeless|unimaginative|unambitious|misconceived|misplaced|shabby"
    r"|lazy|long-winded"
    # round 15: conduct judged by its decency (not "measured", a passive participle of the wire)
    r"|humane|inhumane|dignified|undignified|gracious|graceless|principled|unprincipled|unforgivable|exemplary"
    r"|impeccable"
)
JUDGING_ADJECTIVES = frozenset(w.rsplit("-", 1)[-1] for w in _JUDGING.split("|"))
_DEGREE = (
    r"(?:(?:simply|truly|really|quite|utterly|absolutely|frankly|genuinely|pretty|rather|so|very|just|too|a\s+little"
    r"|a\s+bit|faintly|depressingly|oddly|strangely|curiously|thoroughly|entirely|wholly|hopelessly|still|all\s+too"
    r"|far\s+too|rather\s+too)\s+)"
)
# ... is/looks (degree) ADJ [, ADJ and] (degree) JUDGING at the end of its clause or before a comparison.
_JUDGING_COMPLEMENT_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+"
    + _DEGREE
    + r"?(?:[a-z-]+(?:,\s+(?:and\s+|but\s+|yet\s+)?|\s+(?:and|but|yet)\s+)"
    + _DEGREE
    + r"?){0,3}?"
    r"(?:" + _JUDGING + r")\b(?=\s*(?:[.,;!:—–)]|$|next\s+to\b|beside\b|by\s+comparison\b|in\s+comparison\b"
    r"|compared\s+(?:with|to)\b|for\s+what\s+(?:it|they|you)\b|and\s+(?:\w+ly\s+)?[a-z-]+\s*[.!]?\s*$"
    # round 15: the circumstance it was judged in ("looked toothless on a pitch that …", "timid against a side")
    r"|(?:on|against)\s+(?:a|an|the|this|that|such|so)\b))",
    _I,
)
# Superlatives of judgement (never of size, count or speed).
_JUDGING_SUPERLATIVE = (
    r"(?:smartest|tastiest|wittiest|dullest|loveliest|finest|cleverest|silliest|ugliest|bravest|funniest|cosiest"
    r"|classiest|nicest|prettiest|handsomest|sharpest|savviest|shrewdest|laziest|sloppiest|feeblest"
    r"|(?:most|least)\s+(?:entertaining|enjoyable|regressive|overrated|underrated|accomplished|compelling|gripping"
    r"|absorbing|rewarding|satisfying|elegant|thoughtful|cynical|shameless|inept|incompetent|reckless|misguided"
    r"|wrong-headed|charming|likeable|likable|lovable|watchable|readable|inventive|imaginative"
    r"|ambitious|complete|assured|polished|exciting|thrilling|intelligent|sensible|complacent"
    r"|arrogant|honest|dishonest|cowardly|timid|forgettable|tedious|boring|bland))"
)
_SUPERLATIVE_COMPLEMENT_RE = re.compile(
    r"\b"
    + _BE
    + r"(?:\s*,\s*[^,]{2,24},\s*|\s+)(?:(?:arguably|easily|surely|simply|still|by\s+far|comfortably|hands[\s-]down"
    r"|now|also)\s+)?the\s+"
    r"(?:[A-Z][\w'’-]*['’]s\s+|(?:division|league|country|city|world|nation|market|industry|season|year)['’]s\s+)?"
    + _JUDGING_SUPERLATIVE
    + r"\b",
    _I,
)
_SUPERLATIVE_OPENING_RE = re.compile(
    r"^\W*(?:Easily|Arguably|Comfortably|Quite\s+possibly|By\s+far|Hands[\s-]down)\s+the\s+"
    + _JUDGING_SUPERLATIVE
    + r"\b",
    _I,
)
_EASILY_THE_RE = re.compile(
    r"\b(?:easily|comfortably|hands[\s-]down|by\s+far)\s+the\s+(?!(?:biggest|largest|highest|lowest|fastest|longest"
    r"|oldest|youngest|heaviest|busiest|cheapest|richest|tallest|widest|deepest|strongest|best-selling|smallest"
    r"|shortest|latest|earliest|most\s+(?:widely|popular|common|frequent|visited|watched|read|populous|expensive"
    r"|valuable|successful|profitable|used))\b)(?:[a-z]+iest|[a-z]+[^aeiou\s]est|most\s+[a-z-]+)\b(?![^.;]*\d)",
    _I,
)
# Conduct judged: "were right to reject", "would be wise to treat", "was daft to sell" (a hedge after it,
# "was naive to think the banks would …", is hedge.py's and decides first).
_CONDUCT_INFINITIVE_RE = re.compile(
    r"\b(?:is|was|are|were|be|been|['’]re|['’]d\s+be|would\s+be|will\s+be)\s+(?:(?:quite|absolutely|surely"
    r"|entirely|perfectly|probably|so|very|hardly|only)\s+)?(?:right|wrong|wise|unwise|foolish|naive|naïve|mad"
    r"|crazy|brave|daft|silly|mistaken|well\s+advised|ill\s+advised|well-advised|correct)\s+to\s+"
    r"(?!(?:say|be\s+(?:concerned|worried|cautious))\b)[a-z]+",
    _I,
)
_NO_BUSINESS_RE = re.compile(r"\b(?:has|have|had)\s+no\s+business\s+[a-z]+ing\b", _I)
_TO_BLAME_RE = re.compile(
    r"\b(?:only\s+)?(?:has|have|had)\s+(?:only\s+)?(?:himself|herself|themselves|itself|yourself|ourselves)"
    r"\s+to\s+blame\b",
    _I,
)
_SPENT_PRETENDING_RE = re.compile(
    r"\b(?:has|have|had)\s+spent\s+(?:a\s+|the\s+(?:past|last|best\s+part\s+of\s+(?:a\s+)?)\s*|years|months|decades"
    r"|weeks)[a-z\s]{0,25}?\b(?:pretending|dithering|dodging|tinkering|squabbling|bickering|navel-gazing"
    r"|wringing\s+(?:its|their|his|her)\s+hands|dragging\s+(?:its|their|his|her)\s+feet|burying\s+(?:its|their"
    r"|his|her)\s+heads?)\b",
    _I,
)
_AHEAD_OF_EVIDENCE_RE = re.compile(
    r"\b(?:run|ran|running|runs|got|gotten|raced|racing|races|gone|went)\s+(?:well\s+|far\s+|way\s+|a\s+long\s+way\s+)?"
    r"ahead\s+of\s+the\s+(?:evidence|facts|science|data|reality)\b",
    _I,
)
_VERDICT_NOUN_RE = re.compile(
    r"\b(?:is|was|are|were|remains?|remained|['’]s)\s+(?:(?:an?\s+)?(?:absolute|complete|utter|real|total|ugly"
    r"|hideous|concrete|modern)\s+)?(?:an?\s+)?eyesores?\b"
    r"|\b(?:is|are|was|were|['’]s)\s+(?:an\s+eternity|a\s+lifetime)\s+in\b",
    _I,
)
_COULD_HARDLY_RE = re.compile(
    r"\bcould(?:\s+(?:hardly|scarcely)|n['’]t)\s+have\s+(?:chosen|picked|found|asked\s+for|timed|hoped\s+for"
    r"|wished\s+for|designed|written|scripted|planned)\s+(?:it\s+)?(?:an?\s+|the\s+)?(?:worse|better|more|less)\b",
    _I,
)
_TRUTH_IS_RE = re.compile(
    r"^\W*(?:(?:But|And|Yet|So)\s+)?the\s+(?:(?:plain|simple|sad|hard|honest|uncomfortable|inconvenient|awkward"
    r"|brutal|unpalatable|obvious)\s+)?truth\s+(?:of\s+the\s+matter\s+)?is\s+(?:that\b|simple\b|this\b|[a-z])"
    r"|^\W*(?:(?:But|And|Yet|So)\s+)?the\s+(?:only|real|biggest|greater|great|one)\s+surprise\s+(?:here\s+)?"
    r"(?:is|was)\s+that\b"
    r"|^\W*(?:(?:But|And|Yet|So)\s+)?the\s+(?:fairest|kindest|most\s+charitable|likeliest|most\s+plausible|most"
    r"\s+likely|obvious|only\s+sensible|only\s+honest|simplest|safest)\s+(?:reading|explanation|interpretation"
    r"|conclusion|verdict|inference)\b[^.;]{0,80}?\b(?:is|was)\s+that\b",
    _I,
)
_WHATEVER_FLAWS_RE = re.compile(
    r"^\W*(?:Whatever|For\s+all)\s+(?:its|their|his|her|the\s+\w+['’]s)\s+(?:many\s+|obvious\s+|other\s+)?"
    r"(?:flaws|faults|failings|shortcomings|weaknesses|merits|virtues|strengths|limitations|quirks|sins),",
    _I,
)
_TAKE_SO_LONG_RE = re.compile(
    r"^\W*(?:(?:But|And|So)\s+)?why\s+(?:did|does|has|had)\s+it\s+(?:take|taken)\s+[^?]{2,60}?\s+(?:this|so)"
    r"\s+long\b[^?]*\?\s*$",
    _I,
)
_FEW_HAVE_SUCH_RE = re.compile(
    r"^\W*Few\s+(?:[a-z-]+\s+){1,3}?(?:have|has|had|can|could)\s+(?:ever\s+)?[a-z]+(?:ed|en|t|wn)\b[^.;]{2,60}?"
    r"\b(?:with\s+such|so\s+(?:well|deftly|gracefully|beautifully|honestly|movingly|skilfully|skillfully"
    r"|convincingly|brilliantly|memorably|lightly|cleverly|sensitively|vividly))\b",
    _I,
)
_COMPARATIVE = r"(?:(?:far|much|even|a\s+lot)\s+)?(?:[a-z]{3,}(?:er|ier)|(?:more|less)\s+[a-z]{3,})"
_OWN_WORK_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|feels?|sounds?)\s+"
    + _COMPARATIVE
    + r",\s+"
    + _COMPARATIVE
    + r",?\s+and\s+"
    + _COMPARATIVE
    + r"\s+than\s+(?:his|her|its|their|the)\s+(?:first|last|previous|predecessor|debut|original|earlier)\b",
    _I,
)
# An evaluative outcome foreseen for a third party, with no source and no schedule.
_FEELING_FORECAST_RE = re.compile(
    r"\bwill\s+(?:surely\s+|certainly\s+|soon\s+|quickly\s+|all\s+|probably\s+)?(?:love|adore|hate|loathe|relish"
    r"|thank\s+(?:you|us|them|him|her|themselves)|be\s+(?:very\s+|so\s+|mightily\s+|bitterly\s+|sorely\s+)?(?:glad"
    r"|grateful|disappointed|delighted|thrilled|sorry|relieved|kicking\s+themselves|kicking\s+himself"
    r"|kicking\s+herself))\b(?![^.;]*\bto\s+(?:announce|report|confirm|say|meet|welcome|attend|host)\b)",
    _I,
)
_WONT_SURVIVE_RE = re.compile(
    r"\bwill\s+(?:not|never)\s+(?:survive|outlast|outlive)\s+(?:the\s+next|another|beyond|the\s+decade"
    r"|the\s+year|the\s+summer|the\s+winter|the\s+season|the\s+first|long\b|contact\s+with)",
    _I,
)

# "remain the better buy", "is the safest bet": the author's advice as a ranking, no figure.
_BETTER_BUY_RE = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|['’]s|['’]re)\s+(?:still\s+|probably\s+|surely\s+|easily\s+)?the\s+"
    r"(?:better|best|smarter|smartest|safer|safest|wiser|wisest)\s+(?:buy|bet|purchase)\b(?![^.;]*\d)",
    _I,
)
# "The institutions failed him while he was alive": a body's duty to a person, judged undone (not an
# examiner's "failed him in the oral", not "failed him for …").
_FAILED_PERSON_RE = re.compile(
    r"\b(?:has\s+|have\s+|had\s+)?(?:badly\s+|utterly\s+|repeatedly\s+|completely\s+|comprehensively\s+)?failed\s+"
    r"(?:him|her|them)\b(?!\s+(?:in|on|for|over|with|after|because)\b|\s+at\s+(?!every\b))",
    _I,
)

# Round 14, second pass: the same grammar in rows of older writers' files (r16–r33).
# "…, and a welcome one." — a verdict appended to what the clause reported.
_AND_A_WELCOME_ONE_RE = re.compile(
    r",\s+(?:and|but)\s+(?:an?\s+)?(?:long-|very\s+|much-|richly\s+|wholly\s+|entirely\s+)?(?:welcome|overdue"
    r"|deserved|belated|necessary|sensible|wise|brave|timely|fitting|worthy|hollow|cheap|cynical|costly|foolish"
    r"|unwelcome|undeserved|unnecessary)\s+ones?\s*[.!]?\s*$",
    _I,
)
# "have plainly not gone far enough", "does not go far enough" (a source's complaint is attributed first).
_FAR_ENOUGH_RE = re.compile(
    r"\b(?:has|have|had|do|does|did)\s+(?:[a-z]+ly\s+)?(?:not|n['’]t)\s+(?:[a-z]+ly\s+)?(?:gone|go)\s+(?:nearly\s+)?"
    r"far\s+enough\b",
    _I,
)
# "is the (beating) heart of the film": a critic's metaphor for the best part of a work.
_HEART_OF_RE = re.compile(
    r"\b(?:is|was|are|were|remains?)\s+the\s+(?:beating\s+|emotional\s+|real\s+)?(?:heart|soul|highlight)\s+of"
    r"\s+the\s+(?:film|show|book|novel|album|play|production|exhibition|series|record|collection|evening|night)\b",
    _I,
)
# "a government that took rural voters for granted": conduct judged ("it was taken for granted", a passive,
# and "took it for granted that …", someone's assumption, are left alone).
_FOR_GRANTED_RE = re.compile(
    r"\b(?:took|take|takes|taking|has\s+taken|have\s+taken)\s+(?!it\s+for)(?:[\w'’-]+\s+){1,4}?for\s+granted\b",
    _I,
)
# "The numbers leave little doubt that …": the author's inference from evidence (a ruling or a report
# that leaves no doubt is a source's finding).
_LEAVE_NO_DOUBT_RE = re.compile(
    r"^\W*(?:The|These|Those|This|All|Such)\s+(?!(?:judge|court|ruling|report|minister|police|statement)\b)"
    r"[^,;]{2,50}?\s+(?:leaves?|left)\s+(?:little|no)\s+(?:room\s+for\s+)?doubt\s+that\b",
    _I,
)
# "The warning signs were there for anyone willing to look."
_ANYONE_WILLING_RE = re.compile(
    r"\bfor\s+(?:anyone|anybody)\s+(?:willing|prepared|who\s+cared|who\s+bothered|bothering)\s+to\s+(?:look"
    r"|see|listen|notice|read)\b",
    _I,
)

# Speed (round 14): a key admits a sentence to the whole verdict finder, so the companions are the words the
# pattern cannot match without — a superlative after "easily/arguably", a work after "the heart of".
_SUPERLATIVE_WORDS = _keys(
    """most least smartest tastiest wittiest dullest loveliest finest cleverest silliest ugliest bravest funniest
    cosiest classiest nicest prettiest handsomest sharpest savviest shrewdest laziest sloppiest feeblest"""
)
_WORKS = _keys("film show book novel album play production exhibition series record collection evening night")
_COPULAS = _keys(
    "is was are were be been being remains remained seems seemed looks looked feels felt sounds s re"
)
_CONDUCT_ADJ = _keys("wrong wise unwise foolish naive mad crazy brave daft silly mistaken advised")

_JUDGING_EST = _keys(
    """smartest tastiest wittiest dullest loveliest finest cleverest silliest ugliest bravest funniest cosiest
    classiest nicest prettiest handsomest sharpest savviest shrewdest laziest sloppiest feeblest"""
)
_MOST_JUDGING = _keys(
    """entertaining enjoyable regressive overrated underrated accomplished compelling gripping absorbing rewarding
    satisfying elegant thoughtful cynical shameless inept incompetent reckless misguided headed judged charming
    likeable likable lovable watchable readable inventive imaginative ambitious complete assured polished exciting
    thrilling intelligent sensible complacent arrogant honest dishonest cowardly timid forgettable tedious boring
    bland"""
)

# (keys, companions, pattern) rows for plain_verdicts._SHAPES. Speed: every key joins the classifier's trigger
# words, so a sentence holding one loses the no-cue fast path; the key is therefore the rarer word of the shape
# (or one that is a trigger already: most, best, better, hardly, anyone, all, one, enough, doubt, few, ahead) and
# the common word is the companion ("more", "first", "business", "game" as keys cost 30-130 of the 8,675
# fast-path sentences of the speed set each).
SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (JUDGING_ADJECTIVES, _COPULAS, _JUDGING_COMPLEMENT_RE),
    (_JUDGING_EST, _COPULAS | _keys("easily arguably comfortably hands"), _SUPERLATIVE_COMPLEMENT_RE),
    (_keys("most least"), _MOST_JUDGING, _SUPERLATIVE_COMPLEMENT_RE),
    (_SUPERLATIVE_WORDS, _keys("easily arguably comfortably hands"), _SUPERLATIVE_OPENING_RE),
    (_SUPERLATIVE_WORDS, _keys("easily comfortably hands"), _EASILY_THE_RE),
    (_CONDUCT_ADJ, frozenset({"to"}), _CONDUCT_INFINITIVE_RE),
    # "right" + "to" is in 133 speed-set sentences ("the right to …"): only the plural past, "were right to"
    (frozenset({"right"}), frozenset({"were"}), _CONDUCT_INFINITIVE_RE),
    (frozenset({"business"}), frozenset({"no"}), _NO_BUSINESS_RE),
    (frozenset({"blame"}), _keys("himself herself themselves itself yourself ourselves"), _TO_BLAME_RE),
    (
        _keys("pretending dithering dodging tinkering squabbling bickering gazing wringing dragging burying"),
        frozenset({"spent"}),
        _SPENT_PRETENDING_RE,
    ),
    (frozenset({"ahead"}), _keys("evidence facts science reality data"), _AHEAD_OF_EVIDENCE_RE),
    (_keys("eyesore eyesores eternity"), None, _VERDICT_NOUN_RE),
    (
        _keys("hardly scarcely couldn"),
        _keys("chosen picked timed hoped wished designed scripted"),
        _COULD_HARDLY_RE,
    ),
    (frozenset({"truth"}), frozenset({"is"}), _TRUTH_IS_RE),
    (frozenset({"surprise"}), frozenset({"that"}), _TRUTH_IS_RE),
    (
        _keys(
            "fairest kindest charitable likeliest plausible likely obvious sensible honest simplest safest"
        ),
        _keys("reading explanation interpretation conclusion verdict inference"),
        _TRUTH_IS_RE,
    ),
    (
        _keys("whatever all"),
        _keys(
            "flaws faults failings shortcomings weaknesses merits virtues strengths limitations quirks sins"
        ),
        _WHATEVER_FLAWS_RE,
    ),
    (frozenset({"why"}), frozenset({"long"}), _TAKE_SO_LONG_RE),
    (frozenset({"few"}), _keys("such so"), _FEW_HAVE_SUCH_RE),
    (frozenset({"than"}), _keys("first last previous predecessor debut original earlier"), _OWN_WORK_RE),
    (
        _keys(
            "love adore hate loathe relish thank glad grateful disappointed delighted thrilled sorry relieved kicking"
        ),
        frozenset({"will"}),
        _FEELING_FORECAST_RE,
    ),
    (_keys("survive outlast outlive"), _keys("not never"), _WONT_SURVIVE_RE),
    (
        _keys("better best smarter smartest safer safest wiser wisest"),
        _keys("buy bet purchase"),
        _BETTER_BUY_RE,
    ),
    (frozenset({"failed"}), _keys("him her them"), _FAILED_PERSON_RE),
    # second pass
    (
        frozenset({"one"}),
        _keys(
            """welcome overdue deserved belated necessary sensible wise brave timely fitting worthy hollow cheap cynical
            costly foolish unwelcome undeserved unnecessary"""
        ),
        _AND_A_WELCOME_ONE_RE,
    ),
    (frozenset({"enough"}), frozenset({"far"}), _FAR_ENOUGH_RE),
    (_keys("heart soul highlight"), _WORKS, _HEART_OF_RE),
    (frozenset({"granted"}), frozenset({"for"}), _FOR_GRANTED_RE),
    (frozenset({"doubt"}), _keys("leave leaves left"), _LEAVE_NO_DOUBT_RE),
    (_keys("anyone anybody"), _keys("willing prepared cared bothered bothering"), _ANYONE_WILLING_RE),
)
