"""Round 9 (issue #17): more of the author's judgement written as a plain statement — the pooled unseen
errors' largest class (gold opinion read as reported). The shapes join ``plain_verdicts._SHAPES`` (same
(keys, companions, pattern) rows, so each is tried only when its key and a companion are in the sentence,
and its keys join the classifier's trigger words), and the same guards apply there: a source anywhere
still wins, a verdict after a word of someone's view is theirs, a cue inside quotation marks is the
speaker's.

* a verdict noun of muddle or sham as the complement ("the application process is a bureaucratic
  obstacle course", "The wall texts, by contrast, are a muddle.", "is a red herring", "a box-ticking
  exercise", "a missed opportunity", "a house built on sand", "still a line on a map") — closed, each
  a noun only a judge uses of a plan or a process;
* "treats X as an afterthought / a cash cow" (a conduct framed by the author);
* a merit comparison: "a braver book than her first", "is a bargain next to new nuclear"; the wire's
  comparison with a forecast ("a better result than expected") is not matched;
* misjudging verbs graded by an adverb ("has badly misjudged the public mood", "sorely misread");
* the verdict of kind: "the kind of scrappy, gutsy win that saves a season" (two judging adjectives in a
  list), "a career of rare patience and rarer results" (a comparative of a rare quality);
* a rhetorical question with its answer inside ("Is it any surprise that …?", "Is it any wonder …?",
  "Who can blame them?", "What could possibly go wrong?");
* the author's framings: "This is what leadership looks like.", "Say what you like about X, but …",
  "shut the stable door after the horse has bolted", "the gallery's finest hour", "is the standout",
  "is a decade out of date";
* an unsourced prediction tied to a condition: "Fares will keep rising until the council stops …";
* (from r24 and r25) an opening certainty booster ("Without doubt, …", "Make no mistake, …"), a degree
  adverb of judgement on a complement ("is wildly optimistic"), idioms of conduct and verdict ("did
  tenants no favours", "loses its nerve", "will feel robbed", "with less to show for it", "works of quiet
  genius", "…, and it shows."), "will outlast every …", "Few people have done more to …", "has rarely
  looked this alive", "were the better side", "Who asked for …?".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_BE = r"(?:is|was|are|were|be|been|remains|remained|seems|seemed|looks|looked|['’]s|['’]re)"

_SHAM_NOUNS = (
    r"(?:muddle|whitewash|fig\s+leaf|red\s+herring|obstacle\s+course|postcode\s+lottery"
    r"|box-ticking\s+exercise|missed\s+opportunity|breath\s+of\s+fresh\s+air"
    r"|stitch-up|train\s+wreck|dog['’]s\s+(?:dinner|breakfast)|cop-out|cash\s+grab|rip-off|gimmick"
    r"|house\s+built\s+on\s+sand|house\s+of\s+cards|line\s+on\s+a\s+map|afterthought|bargain|shambles"
    r"|poisoned\s+chalice|hostage\s+to\s+fortune|solution\s+in\s+search\s+of\s+a\s+problem|sticking\s+plaster"
    r"|damp\s+squib|white\s+elephant|vanity\s+project|(?:polite|convenient|comforting|useful|legal)\s+fiction|marvel"
    r"|blunt\s+instrument)"
)
_SHAM_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+(?:(?:still|just|also|surely|simply|merely|little\s+more\s+than|nothing\s+more\s+than|now"
    r"|already|frankly|largely)\s+)?(?:an?|another)\s+(?!(?:real|literal|actual)\b)(?:[\w-]+,?\s+){0,2}?"
    + _SHAM_NOUNS
    + r"\b(?!-)(?=\s*(?:[.!;,:—–)]|$|for\b|that\b|which\b|by\b|next\s+to\b|compared\b|at\b|beside\b|of\s+a\b))",
    _I,
)
# The rarest word of each noun (a common one — "economy", "course", "goal", "shop" — would send much wire
# copy through the pattern; "own goal" and "talking shop" are left out for it, "own goal" being literal in
# sport as well).
_SHAM_KEYS = frozenset(
    """muddle whitewash leaf herring obstacle lottery ticking missed fresh stitch wreck dinner breakfast cop grab
    rip gimmick sand cards map afterthought bargain shambles chalice hostage search plaster squib elephant
    vanity fiction marvel blunt""".split()
)
_COPULAS = frozenset("is was are were be been remains remained seems seemed looks looked s re".split())
_TREATS_AS_RE = re.compile(
    r"\btreat(?:s|ed|ing)?\s+[^.;,]{2,50}?\s+as\s+(?:an?\s+)?(?:afterthought|cash\s+cow|piggy\s+bank|punchbag"
    r"|punching\s+bag|doormat|inconvenience|nuisance)\b",
    _I,
)
_MERIT_COMPARATIVES = (
    r"(?:better|worse|braver|bolder|subtler|smarter|wiser|funnier|sharper|cleverer|lovelier|kinder|truer|fresher"
    r"|duller)"
)
_MERIT_THAN_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+(?:a|an)\s+(?:much\s+|far\s+|rather\s+|altogether\s+)?"
    + _MERIT_COMPARATIVES
    + r"\s+(?:[\w-]+\s+){0,1}?(?:book|film|album|novel|record|play|show|side|team|player|manager|leader|candidate"
    r"|plan|policy|budget|deal|bill|car|phone|game|read|watch|listen|production|effort|performance|writer"
    r"|director|choice|option|bet)s?\s+than\b(?!\s+(?:expected|forecast|anticipated|predicted|estimated|feared"
    r"|hoped|analysts|economists|the\s+market|a\s+year|last))",
    _I,
)
# (the wire's "stronger/weaker/richer/deeper/tighter than" are left out of the keys: too common to gate on)
_MERIT_KEYS = frozenset(
    """better worse braver bolder subtler smarter wiser funnier sharper cleverer lovelier kinder truer fresher
    duller""".split()
)
_MISJUDGED_RE = re.compile(
    r"\b(?:badly|sorely|seriously|gravely|hopelessly|utterly|spectacularly|woefully|completely|fundamentally"
    r"|disastrously)\s+(?:misjudged|misread|mishandled|miscalculated|underestimated|overestimated|overplayed"
    r"|bungled|botched|fumbled|misunderstood|overreached)\b",
    _I,
)
_MISJUDGED_KEYS = frozenset(
    """misjudged misread mishandled miscalculated underestimated overestimated overplayed bungled botched fumbled
    misunderstood overreached""".split()
)
_KIND_OF_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s)\s+(?:just\s+|exactly\s+|precisely\s+)?the\s+(?:kind|sort|type)\s+of\s+"
    r"[a-z][\w-]+,\s+[a-z][\w-]+\s+[a-z][\w-]+\s+(?:that|which)\b",
    _I,
)
_RARE_QUALITY_RE = re.compile(r"\bof\s+rare\s+[a-z]+\s+and\s+rarer\s+[a-z]+\b", _I)
_ANY_SURPRISE_RE = re.compile(
    r"^\W*(?:(?:So|And|But),?\s+)?(?:is\s+it\s+any|is\s+it\s+really\s+any|can\s+it\s+be\s+any)\s+(?:surprise|wonder)\b"
    r"|^\W*(?:(?:And|But|So),?\s+)?who\s+(?:can|could)\s+(?:really\s+)?blame\s+(?:them|him|her|us|you)\s*\?"
    r"|^\W*What\s+could\s+possibly\s+go\s+wrong\s*\?",
    _I,
)
_LOOKS_LIKE_RE = re.compile(
    r"^\W*(?:This|That)\s+is\s+what\s+(?:[\w'’-]+\s+){0,3}?(?:looks|sounds|feels)\s+like\s*[.!]?\s*$", _I
)
_SAY_WHAT_RE = re.compile(r"^\W*Say\s+what\s+you\s+(?:like|will|want)\s+about\b", _I)
_STABLE_DOOR_RE = re.compile(
    r"\b(?:shut|shuts|shutting|closed|closes|closing|bolted|bolting|lock|locked|locks)\s+the\s+stable\s+door\b",
    _I,
)
_FINEST_HOUR_RE = re.compile(
    r"\b" + _BE + r"\s+(?:(?:surely|easily|simply|arguably|comfortably)\s+)?(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w-]+['’]s\s+)?(?:finest|greatest|proudest|darkest)\s+hour\b"
    r"|\b"
    + _BE
    + r"\s+(?:(?:easily|comfortably|clearly|surely)\s+)?the\s+(?:standout|weakest\s+link|pick\s+of\s+the"
    r"\s+bunch)\b",
    _I,
)
_OUT_OF_DATE_RE = re.compile(
    r"\b" + _BE + r"\s+(?:a\s+decade|decades|years|a\s+generation|a\s+century|hopelessly|woefully|badly|sadly"
    r"|laughably)\s+out\s+of\s+date\b",
    _I,
)
_KEEP_UNTIL_RE = re.compile(
    r"\bwill\s+(?:keep|go\s+on|continue)\s+(?:on\s+)?[a-z]+ing\b[^.;]{0,40}?\buntil\s+(?:the|someone|somebody"
    r"|ministers|the\s+government|they|it|we)\b",
    _I,
)

# Round 9, from r24 and r25 (read after their unseen figures): an opening certainty booster ("Without doubt,
# this was …", "Make no mistake, …"); a degree adverb of judgement on a complement ("is wildly optimistic");
# the author's idioms of conduct and verdict ("did tenants no favours", "loses its nerve", "will feel
# robbed", "with less to show for it", "works of quiet genius", "…, and it shows."); an unsourced
# prediction of endurance ("will outlast every …"); "Few people have done more to …"; "has rarely looked
# this alive"; "were the better side"; a rhetorical "Who asked for …?".
_BOOSTER_OPENING_RE = re.compile(
    r"^\W*(?:(?:And|But|So),?\s+)?(?:Without\s+(?:a\s+|any\s+)?doubt|Undoubtedly|Unquestionably|Indisputably"
    r"|Make\s+no\s+mistake|Beyond\s+(?:any\s+)?doubt),\s"
)
# ("wildly popular with …" reports popularity: left out, corpus round 9)
_JUDGING_DEGREE_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|seems?|looks?|remains?)\s+(?:still\s+)?(?:wildly|absurdly|ludicrously|laughably"
    r"|painfully|refreshingly|admirably|depressingly|dismayingly|maddeningly|frustratingly|bafflingly|needlessly"
    r"|mercifully|pleasingly|gloriously)\s+(?![a-z]+(?:ing|ed)\b|popular\b)[a-z]{3,}",
    _I,
)
# One small pattern per key, so a common key ("few", "asked", "show") runs only its own.
_FAVOURS_RE = re.compile(r"\bdid\s+(?:[\w'’-]+\s+){1,3}no\s+favou?rs\b", _I)
_NERVE_RE = re.compile(r"\b(?:loses|lost|losing|lose)\s+(?:its|their|his|her)\s+nerve\b", _I)
_ROBBED_RE = re.compile(r"\bwill\s+(?:rightly\s+)?feel\s+(?:robbed|hard\s+done\s+by|aggrieved)\b", _I)
_SHOW_FOR_IT_RE = re.compile(
    r"\bwith\s+(?:little|less|nothing|precious\s+little)\s+to\s+show\s+for\s+it\b", _I
)
_GENIUS_RE = re.compile(r"\b(?:works?|stroke|touch)\s+of\s+(?:[a-z]+\s+)?genius\b", _I)
_IT_SHOWS_RE = re.compile(r",\s+and\s+it\s+shows\s*[.!]?\s*$", _I)
_OUTLAST_RE = re.compile(r"\bwill\s+(?:surely\s+|easily\s+|still\s+)?outlast\b", _I)
_FEW_DONE_MORE_RE = re.compile(r"^\W*Few\s+(?:[a-z]+\s+){0,2}?(?:have|has)\s+done\s+more\s+(?:to|for)\b", _I)
_RARELY_LOOKED_RE = re.compile(
    r"\b(?:has|have)\s+(?:rarely|seldom|never)\s+(?:looked|sounded|seemed|felt)\s+(?:this|so|more|better)\b",
    _I,
)
_BETTER_SIDE_RE = re.compile(
    r"\b(?:were|was)\s+(?:comfortably\s+|clearly\s+|by\s+far\s+|easily\s+)?the\s+better\s+(?:side|team)\b", _I
)
_WHO_ASKED_RE = re.compile(r"^\W*(?:And\s+|But\s+)?Who\s+asked\s+for\b[^?]{2,80}\?\s*$", _I)
# "This was the auction the industry desperately needed." ("Supplies were badly needed" is a report)
_NEEDED_RE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:just\s+|exactly\s+|precisely\s+)?(?:the|a|an)\s+[^.;,]{2,50}?\b(?:desperately|badly"
    r"|sorely)\s+(?:needed|wanted)\s*[.!]?\s*$",
    _I,
)


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


# (keys, companions, pattern) rows for plain_verdicts._SHAPES.
SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (_SHAM_KEYS, _COPULAS, _SHAM_RE),
    (
        _keys("afterthought cow piggy punchbag punching doormat inconvenience nuisance"),
        _keys("treat treats treated treating"),
        _TREATS_AS_RE,
    ),
    (_MERIT_KEYS, frozenset({"than"}), _MERIT_THAN_RE),
    (
        _MISJUDGED_KEYS,
        _keys(
            "badly sorely seriously gravely hopelessly utterly spectacularly woefully completely fundamentally"
            " disastrously"
        ),
        _MISJUDGED_RE,
    ),
    (frozenset({"kind"}), _keys("that which"), _KIND_OF_RE),
    (frozenset({"rarer"}), frozenset({"rare"}), _RARE_QUALITY_RE),
    (frozenset({"stable"}), frozenset({"door"}), _STABLE_DOOR_RE),
    (_keys("finest greatest proudest darkest"), frozenset({"hour"}), _FINEST_HOUR_RE),
    (_keys("standout weakest bunch"), _COPULAS, _FINEST_HOUR_RE),
    (frozenset({"date"}), frozenset({"out"}), _OUT_OF_DATE_RE),
    (frozenset({"keep"}), frozenset({"until"}), _KEEP_UNTIL_RE),
    (
        _keys(
            """wildly absurdly ludicrously laughably painfully refreshingly admirably depressingly dismayingly
            maddeningly frustratingly bafflingly needlessly mercifully pleasingly gloriously"""
        ),
        None,
        _JUDGING_DEGREE_RE,
    ),
    (_keys("favours favors"), frozenset({"no"}), _FAVOURS_RE),
    (frozenset({"nerve"}), _keys("loses lost losing lose"), _NERVE_RE),
    (_keys("robbed aggrieved"), frozenset({"feel"}), _ROBBED_RE),
    (frozenset({"show"}), _keys("little less nothing"), _SHOW_FOR_IT_RE),
    (frozenset({"genius"}), frozenset({"of"}), _GENIUS_RE),
    (frozenset({"shows"}), frozenset({"and"}), _IT_SHOWS_RE),
    (frozenset({"outlast"}), frozenset({"will"}), _OUTLAST_RE),
    (_keys("rarely seldom"), _keys("looked sounded seemed felt"), _RARELY_LOOKED_RE),
    (frozenset({"better"}), _keys("side team"), _BETTER_SIDE_RE),
    (_keys("desperately sorely badly"), _keys("needed wanted"), _NEEDED_RE),
    # shapes that open the sentence (their patterns are anchored), keyed on a rarer word of the opening with
    # a companion: a startswith over a long tuple of openings, asked of every sentence, cost more
    (frozenset({"say"}), frozenset({"what"}), _SAY_WHAT_RE),
    (frozenset({"few"}), frozenset({"done"}), _FEW_DONE_MORE_RE),
    (frozenset({"asked"}), frozenset({"who"}), _WHO_ASKED_RE),
    (_keys("surprise wonder"), frozenset({"any"}), _ANY_SURPRISE_RE),
    (frozenset({"blame"}), frozenset({"who"}), _ANY_SURPRISE_RE),
    (frozenset({"possibly"}), frozenset({"wrong"}), _ANY_SURPRISE_RE),
    (_keys("looks sounds feels"), frozenset({"what"}), _LOOKS_LIKE_RE),
    (_keys("doubt undoubtedly unquestionably indisputably"), None, _BOOSTER_OPENING_RE),
    (frozenset({"mistake"}), frozenset({"make"}), _BOOSTER_OPENING_RE),
)
