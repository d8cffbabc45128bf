"""Round 15 (issue #17): the author's judgement written as a plain statement — the largest error on writers
nobody had read (r36–r39 pooled on main a84761a: opinion -> reported 54 of 1,263 rows). The rows join
``plain_verdicts._SHAPES`` like rounds 9–14's (a key word + a companion, so a pattern is tried only when both
are in the sentence; the guards there apply: a source anywhere wins, a verdict after a word of someone's view
is theirs, a cue inside quotation marks is the speaker's). Each row is a grammar — what the clause commits
the author to — with its words written from general English, not from the files:

* **a comparison with appearances**: a comparative, then "than it looks / seems / sounds / (first) appears"
  — only the author can say a thing is better or worse than it looks;
* **the author naming the real issue or the lesson**: "The real/true/bigger/deeper scandal/problem/test/
  story … is …", "The lesson/moral/takeaway (for X) is plain/clear/obvious";
* **"the most/least ADJ thing/part/aspect about/of X is …"** (no figure; not adjectives of measure —
  expensive, common, popular, recent);
* **a negative inversion with a degree**: "Seldom/Rarely/Not often has X VERB so/such …" (the author's
  comparison with every other case; "Never before had the river risen above 5.2 metres" has no degree);
* **"the poorer/richer/better/worse for his/her/its …"**; a life or career summed up by a virtue ("His
  was a career of patient decency");
* **a gift for an act**: "has a (real) gift/knack/talent/flair for VERB-ing";
* **a figurative verdict noun** after a be-verb or "has become": soft underbelly, Achilles heel, weak(est)
  link, white elephant, damp squib, poisoned chalice, house of cards, fig leaf, sticking plaster, slap on
  the wrist, red herring, own goal, paper tiger;
* **"well/ideally/uniquely placed/positioned to …"** said by no one but the author;
* **promotional superlatives** that measure nothing: groundbreaking, transformative, unparalleled,
  unrivalled, unsurpassed, peerless (a company's own claim is attributed first);
* **a judging manner adverb** on a participle or adjective: needlessly, pointlessly, inexcusably,
  unforgivably, scandalously, callously, cynically;
* **what a thing really is**: "was more spectacle than substance" — "more NOUN than" a noun of substance;
* **a work that rewards or outstays**: "is a film/novel/album that rewards/repays/outstays …";
* **a maxim**: "A/Any NOUN that wants/hopes/aims … needs/has to …" (a rule's "must" and a figure's date are
  left to the other cues);
* **"exactly/precisely the kind of … / what X needs/needed/deserves"**;
* **hard to take seriously**: "is hard/difficult/impossible to justify/defend/take seriously/stomach …" (a
  thing hard to find or reach is a fact);
* **an event that "exposed / laid bare how little/badly …"** ("Whatever the ruling, all parties will have the
  right to appeal" showed a concessive opening frames facts as often as verdicts: not a rule);
* **"its own kind of cowardice/failure"** — a verdict noun after "its own/a kind/sort/form of";
* **an unsourced prediction of ruin**: "will kill (off)/wreck/finish off/cripple the …";
* **the author's read**: "My read/verdict/bet: …"; "X is one thing; Y is another".

Second pass, the same kinds in rows of older writers' files (r21–r33) that still failed (read): a target that
"looks optimistic/ambitious", conduct "has been slow to admit/act", "rings hollow", "is a reminder that …", "a far
better use of", "money down the drain", "more than it realises", "an otherwise polished/likeable …", a quality
adjective "again", "is getting harder to defend".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_BE = r"(?:is|was|are|were|be|been|remains?|remained|['’]s|['’]re|has\s+become|have\s+become|had\s+become|becomes?)"


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


# "a braver choice than it looks", "far more workable than it first appears" (not "than it looks on the map":
# a place, "than it looks like", "than it seemed to the police": someone's view).
_THAN_IT_LOOKS_RE = re.compile(
    r"\b(?:[a-z]{3,}(?:er|ier)|more\s+[a-z]{3,}|less\s+[a-z]{3,}|better|worse)\b(?:\s+[\w-]+){0,3}?\s+than\s+"
    r"(?:it|they|he|she|this|that)\s+(?:first\s+|might\s+|may\s+|at\s+first\s+)?(?:looks|sounds|seems|appears"
    r"|looked|sounded|seemed|appeared|look|sound|seem|appear)\b(?!\s+(?:to|in|on|at|like|from|for)\b)",
    _I,
)
# The author naming what matters: "The real scandal is …", "But the bigger story here was …".
_REAL_ISSUE_RE = re.compile(
    r"^\W*(?:(?:But|And|Yet|So)\s+)?the\s+(?:real|true|bigger|larger|deeper|greater|actual)\s+(?:scandal|problem"
    r"|issue|story|question|lesson|test|danger|risk|worry|tragedy|failure|mystery|puzzle|shame|outrage|victims?"
    r"|winners?|losers?|culprits?|news|cost|challenge|achievement)\s+(?:here\s+|in\s+all\s+this\s+)?"
    r"(?:is|was|are|were|isn['’]t|wasn['’]t|lies|lay)\b",
    _I,
)
_LESSON_RE = re.compile(
    r"^\W*(?:(?:But|And|So)\s+)?the\s+(?:lesson|moral|takeaway|upshot)\s+(?:for\s+[^,;:]{2,40}?\s+|of\s+[^,;:]{2,40}?"
    r"\s+|here\s+)?(?:is|was|seems|could\s+not\s+be|couldn['’]t\s+be)\s+(?:surely\s+|now\s+)?(?:obvious|clear|plain"
    r"|simple|stark|inescapable|unmistakable|clearer|plainer|simpler)\b",
    _I,
)
# "The strangest thing about the merger is …", "The least convincing part of the budget is …".
_THING_ABOUT_RE = re.compile(
    r"^\W*(?:(?:But|And|Yet|So|Perhaps|Arguably)\s+)?the\s+(?:(?:most|least)\s+(?!(?:expensive|costly|common"
    r"|frequent|recent|popular|used|visited|watched|read|senior|junior|likely|densely|widely|heavily)\b)[a-z-]+"
    r"|(?!(?:largest|biggest|smallest|highest|lowest|oldest|newest|latest|earliest|longest|shortest|fastest"
    r"|slowest|cheapest|busiest|nearest|closest|tallest|deepest|widest)\b)[a-z]+est)\s+(?:thing|things|part|aspect"
    r"|feature|detail|moment|element)\s+(?:about|of|in)\b[^.;\d]{2,80}?\b(?:is|was|are|were)\b(?![^.;]*\d)",
    _I,
)
# "Seldom has a cabinet seemed so divided", "Not often has a window been wasted so thoroughly".
_INVERSION_RE = re.compile(
    r"^\W*(?:(?:And|But|Yet)\s+)?(?:Rarely|Seldom|Never|Not\s+often|Hardly\s+ever|Scarcely|Only\s+rarely)\s+"
    r"(?:(?:in\s+recent\s+memory|in\s+living\s+memory)\s+)?(?:has|have|had|did|does|do|was|were|is|are|can|could)"
    r"\s+(?!before\b)[^.;?]{2,80}?\b(?:so|such)\b(?![^.;]*\d)",
    _I,
)
_POORER_FOR_RE = re.compile(
    r"\b(?:is|was|are|were|be|['’]s|will\s+be|would\s+be)\s+(?:(?:all|much|far|immeasurably|infinitely|surely)\s+)?"
    r"(?:the\s+(?:poorer|richer|better|worse|stronger|weaker|wiser)|poorer|richer)\s+for\s+(?:his|her|their|its"
    r"|the|this|that|having|losing|it)\b(?!\s+wear\b)",
    _I,
)
_VIRTUES = (
    r"(?:courage|dignity|grace|integrity|kindness|generosity|service|devotion|decency|honour|honor|compassion"
    r"|principle|defiance|achievement|distinction|brilliance|resilience|sacrifice|modesty|humility|loyalty"
    r"|warmth|wit|mischief|endeavour|endeavor)"
)
_LIFE_OF_RE = re.compile(
    r"\b(?:was|is|['’]s)\s+a\s+(?:life|career|tenure|reign|lifetime|ministry)\s+(?:of|marked\s+by|defined\s+by)\s+"
    r"(?:[\w-]+,?\s+){0,3}?" + _VIRTUES + r"\b",
    _I,
)
_GIFT_FOR_RE = re.compile(
    r"\b(?:has|have|had|['’]s\s+got|with)\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}?(?:gift|talent|knack|flair|genius)\s+for"
    r"\s+[a-z]+ing\b",
    _I,
)
_METAPHOR = (
    r"(?:soft\s+underbelly|achilles['’]?\s+heel|weak(?:est)?\s+link|white\s+elephant|damp\s+squib|poisoned\s+chalice"
    r"|house\s+of\s+cards|fig\s+leaf|sticking\s+plaster|slap\s+on\s+the\s+wrist|red\s+herring|own\s+goal"
    r"|paper\s+tiger|busted\s+flush)"
)
_METAPHOR_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+(?:(?:still|now|just|simply|merely|nothing\s+but|little\s+more\s+than)\s+)?(?:an?|the|its|their"
    r"|his|her|[A-Z][\w'’-]*['’]s?|the\s+[\w-]+['’]s?)\s+(?:[\w-]+\s+){0,1}?" + _METAPHOR + r"\b",
    _I,
)
_WELL_PLACED_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s|['’]re|looks?|seems?|remains?|now\s+looks)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:well|ideally|perfectly|uniquely|superbly|best|better|poorly|badly)[\s-](?:positioned|placed)\s+to\b",
    _I,
)
# Lower case only: "Peerless earned 576,000 dlrs" is a company (corpus read, round 15).
_PROMOTIONAL_RE = re.compile(
    r"\b(?:groundbreaking|transformative|unparalleled|unrivall?ed|unsurpassed|peerless)\b"
)
# The adverb grades the participle or adjective after it ("needlessly exposed", "cynically chopped down"), not
# a verb of the speaker's ("will die needlessly between now and April", inside a quotation left open).
_MANNER_RE = re.compile(
    r"\b(?:needlessly|pointlessly|inexcusably|unforgivably|scandalously|callously|cynically)\s+"
    r"(?!(?:between|then|when|even|often|again|given|early|only|already|family|daily|nearly)\b)[a-z]{2,}(?:ed|en"
    r"|ing|ive|ful|ous|ic|al|ble|ent|ant|ary|ory|ish|y)\b",
    _I,
)
# "more spectacle than substance": a noun of what counts closes the comparison (not "more than 3%", "more
# expensive than gold": the first word is a bare noun only when the second is one of these).
_MORE_THAN_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|felt|feels|looked|looks|seemed|seems|sounded|sounds|remains?)\s+(?:(?:far|much"
    r"|rather|still|always|often)\s+)?more\s+(?:[a-z]+\s+){1,2}?than\s+(?:genuine\s+|real\s+)?(?:substance|progress"
    r"|reality|evidence|policy|strategy|sense|fact|bite|conviction|action|reform|achievement|journalism|science"
    r"|leadership|analysis|diplomacy|governance|art|drama|football|cricket|sport|music|news|insight|argument"
    r"|craft|content|vision|purpose|plan|delivery|help|change)\b(?=\s*(?:[.!;,:—–]|$))",
    _I,
)
_WORK = (
    r"(?:film|movie|book|novel|album|play|record|show|series|production|game|collection|memoir|debut|documentary"
    r"|musical|opera|performance|exhibition|sequel|comedy|drama|thriller|biography|song|single|restaurant|menu)"
)
_WORK_THAT_RE = re.compile(
    r"\b(?:is|was|['’]s)\s+(?:also\s+|still\s+)?an?\s+(?:[\w-]+\s+){0,2}?"
    + _WORK
    + r"\s+(?:that|which)\s+(?:richly\s+)?"
    r"(?:rewards|repays|outstays|overstays|outlives|earns\s+its|deserves|demands|lingers|sags|drags|soars|sparkles"
    r"|grips|never\s+quite|doesn['’]t\s+quite|never\s+settles|never\s+finds|stays\s+with\s+you)\b",
    _I,
)
# A maxim: "A city that wants families to stay needs homes …" (a rule's "must … by 1 March" is left to the
# other cues: "needs", "has to" with no date or figure).
_MAXIM_RE = re.compile(
    r"^\W*(?:A|An|Any)\s+(?:[\w-]+\s+){1,2}?(?:that|which|who)\s+(?:genuinely\s+|really\s+|truly\s+)?(?:wants?|hopes?"
    r"|aims?|means\s+to|is\s+serious\s+about|claims\s+to\s+care)\b[^,.;\d]{2,60}?\b(?:needs|ought)\b(?![^.;]*\d)",
    _I,
)
_EXACTLY_NEEDS_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|seems?|looks?|sounds?)\s+(?:exactly|precisely)\s+(?:the\s+(?:kind|sort|type)\s+of"
    r"|what)\b[^.;]{2,60}?\b(?:needs|need|needed|deserves|deserved|lacks|lacked|ordered|wanted|requires|required)\b",
    _I,
)
_HARD_TO_TAKE_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s|seems?|looks?|remains?|(?:is|are|was|were)\s+(?:getting|becoming|growing))\s+"
    r"(?:(?:very|pretty|rather|increasingly|simply|frankly|awfully|a\s+little|ever)\s+)?(?:hard|harder|difficult"
    r"|more\s+difficult|impossible|tough|tougher)\s+to\s+(?:take\s+(?:seriously|at\s+face\s+value)"
    r"|justify|defend|fault|stomach|swallow|excuse|forgive|admire|begrudge|root\s+for|argue\s+with|square\s+with"
    r"|sympathi[sz]e\s+with|warm\s+to|credit|dislike|resist|overlook)\b",
    _I,
)
_EXPOSED_HOW_RE = re.compile(
    r"\b(?:exposed|laid\s+bare|underlined|underscored|shown\s+up)\s+(?:just\s+|once\s+again\s+|again\s+)?how\s+"
    r"(?:little|badly|poorly|thin|thinly|weak|fragile|few|easily|ill-prepared|unprepared|hollow|shallow|complacent"
    r"|far\s+behind|out\s+of\s+touch|dependent|exposed|vulnerable)\b",
    _I,
)
_OWN_KIND_OF_RE = re.compile(
    r"\b(?:is|was|['’]s|are|were)\s+(?:its\s+own|their\s+own|his\s+own|her\s+own|a\s+(?:strange|peculiar|different"
    r"|quiet)|another)\s+(?:kind|sort|form)\s+of\s+(?:failure|cowardice|madness|genius|surrender|dishonesty"
    r"|negligence|vandalism|theatre|theater|scandal|betrayal|abdication|courage|arrogance|triumph|defeat|folly)\b",
    _I,
)
_RUIN_FORECAST_RE = re.compile(
    r"\bwill\s+(?:surely\s+|only\s+|simply\s+|eventually\s+|slowly\s+|quietly\s+)?(?:kill\s+off|finish\s+off"
    r"|wreck|cripple|strangle|hollow\s+out|kill)\s+(?:the|this|that|any|what|its|their|grassroots|local|small)\b",
    _I,
)
# A contrast that renames what the subject is: "That is not leadership; it is stage management." (round 10,
# judgements.py), "That's not a strategy; it's a slogan.", "The problem isn't the budget; it's the people …".
# Not a correction of place or time ("The meeting is not in the town hall; it is at the library").
RENAMING_CONTRAST_RE = re.compile(
    r"^\W*(?:(?:But|And|Yet|So)\s+)?(?:that|this|it|which|the\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?)(?:\s+(?:is|was|are"
    r"|were)\s+not|['’]s\s+not|\s+(?:isn|wasn|aren|weren)['’]t)\s+(?!(?:in|at|on|until|before|after|from|due"
    r"|expected|scheduled|open|available|yet|here|there)\b)[^;,.—–\d]{2,40}[;,—–]\s+(?:it|that|this|they)(?:\s+(?:is"
    r"|was|are|were)|['’]s|['’]re)\s+\w",
    _I,
)
# "Promising reform is one thing; delivering it is another": the author setting two things apart.
_ONE_THING_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s)\s+one\s+thing\s*[;,—–:]\s*(?:but\s+|and\s+)?[^.;]{2,80}?\b(?:is|was|are|were|['’]s)"
    r"\s+(?:quite\s+|entirely\s+|something\s+)?(?:another|else|different)\b",
    _I,
)
# Second pass (round 15, the same kinds in older writers' rows that still failed, read):
# a target or forecast judged by its look ("That target looks optimistic"; "seems" is a hedge and decides first;
# the company that "is optimistic" is its own mood, not a judgement of a plan).
_LOOKS_OPTIMISTIC_RE = re.compile(
    r"\b(?:looks?|looked|looking|sounds?|sounded)\s+(?:\w+ly\s+|a\s+(?:little|touch|bit)\s+)?(?:optimistic|ambitious"
    r"|unrealistic|fanciful|far-fetched|rosy|heroic|stretching|generous|hopeful)\b",
    _I,
)
# Conduct judged slow: "has been slow to admit its mistakes" (not traffic "slow to clear").
_SLOW_TO_RE = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:slow|quick|quicker|slower|too\s+slow|too\s+quick)\s+to\s+(?:act"
    r"|respond|react|adapt|admit|accept|acknowledge|recognise|recognize|grasp|learn|read|notice|apologise|apologize"
    r"|condemn|criticise|criticize|blame|move|change|catch\s+on)\b",
    _I,
)
_RINGS_HOLLOW_RE = re.compile(
    r"\b(?:rings?|rang|ringing)\s+(?:a\s+little\s+|rather\s+|somewhat\s+)?(?:hollow|false)\b", _I
)
# The author drawing the lesson: "The fire is a (stark) reminder that …" (a source's reminder is attributed first).
_REMINDER_THAT_RE = re.compile(
    r"\b(?:is|was|are|were|serves\s+as|served\s+as|should\s+serve\s+as)\s+(?:a|another)\s+(?:[a-z]+\s+)?"
    r"reminder\s+(?:that|of\s+how|of\s+why|of\s+what)\b",
    _I,
)
_BETTER_USE_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s)\s+(?:a\s+|an\s+)?(?:far\s+|much\s+|a\s+lot\s+|infinitely\s+)?(?:better|worse|poor|poorer"
    r"|wiser|smarter|odd|strange)\s+use\s+of\b",
    _I,
)
_DOWN_THE_DRAIN_RE = re.compile(
    r"\b(?:money|cash|millions|billions|funds|fees|investment)\s+(?:\w+\s+)?down\s+the\s+(?:drain|pan|toilet)\b",
    _I,
)
# "owes them more than it realises": the author knowing better than the subject.
_MORE_THAN_REALISES_RE = re.compile(
    r"\bmore\s+than\s+(?:it|they|he|she|most|many|people|fans|voters|the\s+\w+)\s+(?:ever\s+)?(?:realises|realizes"
    r"|realise|realize|realised|realized|knows?|knew|admits?|admitted|cares?\s+to\s+admit|would\s+like\s+to\s+admit"
    r"|imagines?|appreciates?|appreciated|gives?\s+(?:it|them|him|her)\s+credit\s+for)\b",
    _I,
)
# "the one flaw in an otherwise polished laptop": a concession that grades the whole (not "an otherwise quiet day").
_OTHERWISE_RE = re.compile(
    r"\ban?\s+otherwise\s+(?:[a-z]+ly\s+)?(?:likeable|likable|excellent|polished|impressive|admirable|enjoyable"
    r"|accomplished|assured|competent|sensible|solid|decent|fine|strong|charming|thoughtful|forgettable|dull"
    r"|lacklustre|lackluster|dreary|mediocre|drab|pedestrian|handsome|elegant|well-made|well-judged|superb)\b",
    _I,
)
# A critic's comparison: two comparatives of judgement on one noun, against another work or person ("a
# braver, angrier piece than her last"); comparatives of measure ("a bigger, faster ship than …") are facts.
_MEASURE_ER = (
    r"(?:bigger|larger|smaller|higher|lower|faster|slower|longer|shorter|older|newer|younger|cheaper|dearer"
    r"|heavier|lighter|wider|narrower|deeper|taller|stronger|weaker|earlier|later|greater|thicker|thinner|hotter"
    r"|colder|warmer|cooler|wetter|drier|closer|nearer|former|latter|other|under|inner|outer|upper|lower|proper"
    r"|fewer|quicker|louder|quieter|safer|busier|richer|poorer|tighter|looser)\b"
)
_CRITIC_COMPARE_RE = re.compile(
    r"\b(?:is|was|['’]s)\s+(?:also\s+)?an?\s+(?!"
    + _MEASURE_ER
    + r")[a-z]{3,}(?:er|ier),?\s+(?:and\s+|even\s+)?"
    r"(?!"
    + _MEASURE_ER
    + r")[a-z]{3,}(?:er|ier)\s+(?:[\w-]+\s+){0,1}?(?:piece|work|film|book|novel|album|play"
    r"|record|show|production|performance|sequel|collection|debut|side|team|effort|essay|speech|budget|plan)\s+than\b",
    _I,
)
_MY_READ_RE = re.compile(
    r"^\W*(?:My|Our)\s+(?:read|verdict|bet|reading|prediction|advice|money)\s*(?::|—|–|\bis\s+that\b)", _I
)

_OWN_KIND_NOUNS = _keys(
    """failure cowardice madness genius surrender dishonesty negligence vandalism betrayal abdication courage
    arrogance triumph folly"""
)
_COPULAS = _keys("is was are were be been remains remained remain s re become becomes")
# (keys: "service", "honour", "wit" are in too many sentences to be keys, speed; the pattern still takes them)
_VIRTUE_WORDS = _keys(
    """courage dignity grace integrity kindness generosity devotion decency compassion defiance distinction
    brilliance resilience sacrifice modesty humility loyalty warmth mischief"""
)
_SUBSTANCE = _keys(
    """substance progress reality evidence policy strategy sense fact bite conviction action reform achievement
    journalism science leadership analysis diplomacy governance art drama football cricket sport music news
    insight argument craft content vision purpose plan delivery help change"""
)
_WORKS = _keys(
    """film movie book novel album play record show series production game collection memoir debut documentary
    musical opera performance exhibition sequel comedy drama thriller biography song single restaurant menu"""
)

# (keys, companions, pattern) rows for plain_verdicts._SHAPES. Speed: every key joins the classifier's trigger
# words, so a sentence holding one leaves the no-cue fast path; the key is the rarer word of each shape (or a
# trigger already: than, real, better, hard, difficult, rarely, seldom, never) and the common word its companion.
SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (
        frozenset({"than"}),
        _keys("looks sounds seems appears looked sounded seemed appeared"),
        _THAN_IT_LOOKS_RE,
    ),
    (
        _keys("real bigger deeper"),
        _keys(
            """scandal problem issue story question lesson test danger risk worry tragedy failure mystery puzzle
            shame outrage victims victim winners winner losers loser culprit culprits cost challenge achievement"""
        ),
        _REAL_ISSUE_RE,
    ),
    (
        _keys("lesson moral takeaway upshot"),
        _keys("obvious clear plain simple stark inescapable unmistakable clearer plainer simpler"),
        _LESSON_RE,
    ),
    # ("part" is in 47 of the speed set's 8,481 fast-path sentences: not a key; "the least convincing part of" is
    # found only when another key brings the sentence in)
    (_keys("thing things aspect"), None, _THING_ABOUT_RE),
    (frozenset({"thing"}), _keys("another else different"), _ONE_THING_RE),
    (_keys("rarely seldom never scarcely"), _keys("so such"), _INVERSION_RE),
    (_keys("poorer richer"), frozenset({"for"}), _POORER_FOR_RE),
    (_keys("better worse wiser"), frozenset({"the"}), _POORER_FOR_RE),
    (_VIRTUE_WORDS, _keys("life career tenure reign lifetime ministry"), _LIFE_OF_RE),
    (_keys("gift talent knack flair"), frozenset({"for"}), _GIFT_FOR_RE),
    (
        _keys("underbelly achilles elephant squib chalice fig plaster wrist herring tiger flush"),
        None,
        _METAPHOR_RE,
    ),
    (frozenset({"link"}), _keys("weak weakest"), _METAPHOR_RE),
    (frozenset({"cards"}), frozenset({"house"}), _METAPHOR_RE),
    (frozenset({"goal"}), frozenset({"own"}), _METAPHOR_RE),
    (
        _keys("positioned placed"),
        _keys("well ideally perfectly uniquely best better poorly badly superbly"),
        _WELL_PLACED_RE,
    ),
    (
        _keys("groundbreaking transformative unparalleled unrivalled unrivaled unsurpassed peerless"),
        None,
        _PROMOTIONAL_RE,
    ),
    (
        _keys("needlessly pointlessly inexcusably unforgivably scandalously callously cynically"),
        None,
        _MANNER_RE,
    ),
    (frozenset({"than"}), _SUBSTANCE, _MORE_THAN_RE),
    (
        _keys(
            "rewards repays outstays overstays outlives deserves demands lingers sags drags soars sparkles grips"
        ),
        _WORKS,
        _WORK_THAT_RE,
    ),
    (_keys("needs ought"), _keys("wants want hopes hope aims aim serious means"), _MAXIM_RE),
    (
        _keys("exactly precisely"),
        _keys("needs need needed deserves deserved lacks lacked ordered wanted requires required"),
        _EXACTLY_NEEDS_RE,
    ),
    (
        _keys("hard harder difficult impossible tough tougher"),
        _keys(
            """seriously value justify defend fault stomach swallow excuse forgive admire begrudge root argue square
            sympathise sympathize warm credit dislike resist overlook"""
        ),
        _HARD_TO_TAKE_RE,
    ),
    (_keys("exposed bare underlined underscored"), frozenset({"how"}), _EXPOSED_HOW_RE),
    (_OWN_KIND_NOUNS, _keys("kind sort form"), _OWN_KIND_OF_RE),
    (_keys("wreck cripple strangle kill finish hollow"), frozenset({"will"}), _RUIN_FORECAST_RE),
    (_keys("read verdict bet prediction"), _keys("my our"), _MY_READ_RE),
    # second pass
    (
        _keys("optimistic ambitious unrealistic fanciful rosy heroic stretching"),
        _keys("looks look looked looking sounds sounded"),
        _LOOKS_OPTIMISTIC_RE,
    ),
    (_keys("slow slower"), frozenset({"been"}), _SLOW_TO_RE),
    (frozenset({"hollow"}), _keys("rings ring rang ringing"), _RINGS_HOLLOW_RE),
    (frozenset({"reminder"}), _keys("that how why what"), _REMINDER_THAT_RE),
    (
        _keys("better worse poorer wiser smarter"),
        frozenset({"use"}),
        _BETTER_USE_RE,
    ),  # "poor": 12 fast-path sentences
    (frozenset({"drain"}), frozenset({"down"}), _DOWN_THE_DRAIN_RE),
    (
        frozenset({"than"}),
        _keys("realises realizes realise realize realised realized admit admits admitted imagine"),
        _MORE_THAN_REALISES_RE,
    ),
    (frozenset({"otherwise"}), None, _OTHERWISE_RE),
    (
        frozenset({"than"}),
        _keys(
            "piece work film book novel album play record show production performance sequel collection debut"
        )
        | _keys("side team effort essay speech budget plan"),
        _CRITIC_COMPARE_RE,
    ),
    # the contracted renaming contrast ("The problem isn't the budget; it's the people"): judgements.py
    # tries the pattern on ";" with "not"; "isn't" has no "not"
    (_keys("isn wasn aren weren"), _keys("it that this they"), RENAMING_CONTRAST_RE),
)
