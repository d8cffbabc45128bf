"""Round 8 (issue #17): the author's judgement written as a plain statement, with no "I think" and no
opinion word of the lexicon — the class the unseen writers lose most (gold opinion read as reported).

Each shape is an opinion cue (judgements.py adds them to its own, verdict.py to the rest). The signal is
the predicate, not a word list: what the subject *is said to be* when that can only be the author's
measure of it. A source anywhere in the sentence still wins (attributed comes before opinion in the
classifier's precedence), a cue inside a quotation is the speaker's (verdict.py drops it), and a verdict
inside someone's view or argument ("criticism that the deal had been a mistake") is theirs.

* a verdict noun as the whole complement of a be-verb: "Scrapping the tram line was a mistake.", "is a
  gamble the club cannot afford", "is a strategic weakness", "remains a relic that …" — nouns that grade a
  decision or a state (closed); "made a mistake", "took a gamble" (an act) and "The gamble paid off" (a
  subject) are not matched;
* a merit adjective on any noun as the complement ("is a smart, overdue fix", "was a brave call");
  "a textbook case of", "a triumph for", "the predictable result of", "one of the great lost records";
* "proved" + an adjective of consequence ("proved costly"); the right or wrong call; a quality
  superlative as the complement ("is, hands down, the loveliest hour"); "hardly" grading a complement
  ("is hardly emergency speed"; "prices were hardly changed" is a market report); "entirely reasonable";
* comparisons only the author can make: "far better", "matters far less than" (not "far better than
  expected", the wire's comparison with a forecast);
* figurative verdicts on conduct (a closed class of idioms): "shot itself in the foot", "blinked first",
  "is kidding themselves", "kicked the can down the road", "a press release dressed up as a policy";
* the author's framing: "It is hard to see how …", "That is not how you run a railway.", "… would be a
  start.", "This is what happens when …", "It is a grim irony that …", "Calling it reform is generous.",
  a rhetorical "Is there a better feeling than …?", sarcasm ("Because that worked so well last time.",
  "Another triumph for the planning department, then."), an exclamative with no "!" ("What a run that
  was"), an opening evaluative adverb on -ably/-ibly ("Commendably, …"; not "Notably,");
* an unsourced prediction: "will regret", "will double by 2027", "will end up costing", "will be the
  most-watched match in the league's history" (", the company said" makes it attributed first).

Speed: every pattern is small and has its own key word and companions (``_SHAPES``): it is tried only on
a sentence holding both, so a common word never sends a sentence through the patterns on its own.
"""

from __future__ import annotations

import re

from factsieve.classify.graded_predicates import SHAPES as ROUND16_SHAPES
from factsieve.classify.inference_shapes import SHAPES as ROUND17_SHAPES
from factsieve.classify.judged_clauses import SHAPES as ROUND15_SHAPES
from factsieve.classify.judged_predicates import SHAPES as ROUND14_SHAPES
from factsieve.classify.judging_shapes import SHAPES as ROUND10_SHAPES
from factsieve.classify.verdict_shapes import SHAPES as ROUND9_SHAPES

_I = re.IGNORECASE
_BE = r"(?:is|was|are|were|be|been|being|remains|remained|seems|seemed|looks|looked|['’]s)"
_BE_NOW = r"(?:is|was|are|were|['’]s)"

# A verdict noun closing the complement; up to two modifiers; the noun must end the clause or open a
# relative/complement ("for", "that", "which", a bare relative "the club cannot …"), so "a
# mistake-prone defence" is not it. "an honest/clerical mistake" describes an error, not a judgement.
_VERDICT_NOUNS = (
    r"(?:mistakes?|blunders?|gamble|misstep|misjudge?ment|masterstroke|weakness|godsend|letdown|disappointment"
    r"|distraction|sideshow|fudge|non-starter|no-brainer|miscalculation|relic|tourist\s+trap|wishful\s+thinking"
    r"|masterpiece|delight|triumph|step\s+backwards?|backward\s+step|retrograde\s+step"
    r"|pie\s+in\s+the\s+sky)"
)
_VERDICT_NOUN_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+(?:(?:also|surely|clearly|simply|probably|always|just|nothing\s+but|little\s+more\s+than"
    r"|not\s+so\s+much)\s+)?(?:(?:an?|another)\s+|(?=(?:pure\s+|just\s+)?(?:wishful|pie)\b))"
    r"(?!(?:honest|genuine|simple|clerical|typographical|technical|common)\s+(?:mistake|error))"
    r"(?:[\w-]+,?\s+){0,2}?" + _VERDICT_NOUNS + r"\b(?!-)"
    r"(?=\s*(?:[.!;,:—–)]|$|for\b|that\b|which\b|by\b|on\b|in\b|to\b"
    r"|(?:the|it|they|we|nobody|few)\s+[a-z]+\s+(?:can|cannot|can['’]t|will|would|could|should|must|may|might|did"
    r"|does|do|has|have|had|is|was|are|were)\b))",
    _I,
)
_MERIT_ADJ = (
    r"(?:smart|wise|shrewd|sensible|welcome|overdue|long-overdue|bold|brave|courageous|foolish|savvy|canny"
    r"|masterful|cowardly|craven|petty|clever|inspired)"
)
_MERIT_COMPLEMENT_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|remains|proved)\s+(?:(?:also|surely|clearly|simply|certainly)\s+)?an?\s+"
    r"(?:(?:very|genuinely|truly|remarkably|rather)\s+)?" + _MERIT_ADJ + r",?\s+(?:(?:and|if|but)\s+)?"
    r"(?:[\w-]+,?\s+){0,2}?(?!(?:and|of|to|for|in)\b)[a-z][\w-]*\b",
    _I,
)
_CLASSIFIED_RE = re.compile(
    r"\b" + _BE_NOW + r"\s+(?:a|another)\s+(?:textbook\s+[a-z]+|classic\s+(?:case|example)\s+of)\b"
    r"|\b(?:is|was)\s+a\s+triumph\s+for\b"
    r"|\b(?:is|was|are|were)\s+the\s+(?:(?:entirely|wholly)\s+)?(?:predictable|inevitable|logical)\s+(?:result"
    r"|consequence|outcome|product)\s+of\b",
    _I,
)
_ONE_OF_THE_GREAT_RE = re.compile(
    r"\b(?:is|was|remains)\s+one\s+of\s+the\s+(?:great|greatest|finest|quiet|unsung|underrated|overlooked|forgotten)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:triumphs|successes|failures|scandals|records|albums|novels|films|books|achievements"
    r"|mistakes|blunders|stories|players|performances|buildings|journeys)\b",
    _I,
)
_PROVED_RE = re.compile(
    r"\b(?:proved|proves|proving|proven)\s+(?:(?:very|hugely|extremely|doubly|especially|ultimately)\s+)?"
    r"(?:costly|decisive|fatal|telling|inspired|prophetic|a\s+masterstroke|a\s+mistake)\b",
    _I,
)
_RIGHT_CALL_RE = re.compile(
    r"\b"
    + _BE
    + r"\s+(?:(?:exactly|absolutely|surely|clearly|simply|undoubtedly|probably|not)\s+)?the\s+(?:right"
    r"|wrong|correct|only\s+sensible|sensible|smart)\s+(?:call|decision|choice|move|approach|thing\s+to\s+do)\b"
    r"|\bgot\s+(?:it|this|that|this\s+one|that\s+one)\s+(?:badly\s+|exactly\s+|just\s+|spectacularly\s+)?"
    r"(?:right|wrong)\b",
    _I,
)
_SUPERLATIVE_RE = re.compile(
    r"\b"
    + _BE_NOW
    + r"\s+(?:,\s*[^,]{2,20},\s*)?(?:(?:arguably|surely|easily|simply|still|quite|probably)\s+)?"
    r"the\s+(?:loveliest|prettiest|finest|cleverest|wisest|silliest|dullest|ugliest|bravest|funniest|cosiest"
    r"|most\s+(?:beautiful|moving|enjoyable|charming|satisfying|elegant|entertaining|thrilling|affecting|touching"
    r"|underrated|overrated|delightful|memorable))\b",
    _I,
)
_HANDS_DOWN_RE = re.compile(r",\s+hands\s+down,|\bhands\s+down\s+the\s+(?:best|\w+est)\b", _I)
_HARDLY_RE = re.compile(
    r"\b"
    + _BE_NOW
    + r"\s+hardly\s+(?!(?:any|ever|anyone|anything|anybody|a\s+day|a\s+week|a\s+month|the\s+first"
    r"|the\s+only|new|alone|unusual)\b)(?![a-z]+ed\b)(?:an?\s+|the\s+)?[a-z]",
    _I,
)
_DEGREE_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|seems|seemed)\s+(?:entirely|perfectly|wholly|completely|eminently|totally)\s+"
    r"(?:reasonable|justified|understandable|sensible|fair|defensible|unjustified|unreasonable|predictable|avoidable)\b",
    _I,
)
# The wire compares with a forecast or a figure ("far better than expected"): not matched then.
_FAR_COMPARISON_RE = re.compile(
    r"(?:\b(?:is|are|was|were|['’]s|be|been|looks?|seems?|sounds?)\s+|^\W*)(?:far|vastly|infinitely)\s+(?:better"
    r"|worse)\b(?!\s+than\s+(?:expected|forecast|anticipated|predicted|estimated|feared|hoped|analysts|economists"
    r"|the\s+market|many|most|a\s+year|last|in\b))(?![^.;]*\d)"
    r"|\bmatters?\s+(?:far|much|a\s+great\s+deal)\s+(?:less|more)\s+than\b",
    _I,
)
_SHOT_FOOT_RE = re.compile(
    r"\bsh(?:o|oo)t(?:s|ting)?\s+(?:itself|himself|herself|themselves|ourselves|yourself)\s+in\s+the\s+foot\b",
    _I,
)
_BLINKED_RE = re.compile(r"\bblinked\s+first\b", _I)
_KIDDING_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s|['’]re)\s+(?:only\s+|just\s+)?kidding\s+(?:themselves|himself|herself|itself"
    r"|ourselves|yourself|nobody|no\s+one)\b",
    _I,
)
_CONDUCT_IDIOM_RE = re.compile(
    r"\b(?:kick|kicks|kicked|kicking)\s+the\s+can\s+(?:further\s+)?down\s+the\s+road\b"
    r"|\b(?:move|moves|moved|moving)\s+the\s+goalposts\b"
    r"|\b(?:paper|papers|papered|papering)\s+over\s+the\s+cracks\b"
    r"|\brearranging\s+the\s+deck\s*chairs\b"
    r"|\b(?:bury|buries|buried|burying)\s+(?:its|their|his|her)\s+heads?\s+in\s+the\s+sand\b"
    r"|\blipstick\s+on\s+a\s+pig\b|\bthrowing\s+good\s+money\s+after\s+bad\b|\bexcuses\s+(?:have|has)\s+run\s+out\b",
    _I,
)
# "a press release dressed up as a transit policy"; a costume is not a verdict ("a man dressed up as a
# police officer").
_DRESSED_UP_RE = re.compile(
    r"\b" + _BE_NOW + r"\s+(?:just\s+|simply\s+|merely\s+|little\s+more\s+than\s+|nothing\s+more\s+than\s+)?"
    r"an?\s+(?:[\w-]+\s+){1,3}?(?:dressed\s+up|masquerading)\s+as\s+(?!(?:an?\s+)?(?:santa|father\s+christmas"
    r"|police|officers?|nurses?|doctors?|women|woman|men|man|clowns?|priests?)\b)(?:an?\s+)?[a-z]",
    _I,
)
_HARD_TO_SEE_RE = re.compile(
    r"^\W*(?:(?:But|And|So|Still|Yet),?\s+)?(?:it\s+is|it['’]s|it\s+was)\s+(?:hard|difficult)\s+to\s+(?:see\s+(?:how"
    r"|why|what|who|the\s+point)|argue\s+with|overstate|escape\s+the\s+conclusion)\b",
    _I,
)
_NOT_HOW_RE = re.compile(r"^\W*(?:That|This)\s+(?:is|was)\s+not\s+how\s+you\b", _I)
_A_START_RE = re.compile(r"\bwould\s+be\s+a\s+(?:good\s+|decent\s+|welcome\s+)?start\s*[.!]?\s*$", _I)
_IS_THERE_BETTER_RE = re.compile(
    r"^\W*Is\s+there\s+(?:a|any)\s+(?:\w+\s+)?(?:better|finer|greater|lovelier|sweeter|sadder|worse)\s+[^?]{2,80}\?\s*$",
    _I,
)
_WORKED_SO_WELL_RE = re.compile(r"\bthat\s+worked\s+(?:out\s+)?so\s+well\b", _I)
_ANOTHER_TRIUMPH_RE = re.compile(
    r"^\W*Another\s+(?:triumph|success|masterstroke|victory|win)\s+for\s+[^.;]{3,60},\s+then\s*[.!]\s*$", _I
)
_WHAT_HAPPENS_RE = re.compile(r"^\W*(?:This|That)\s+is\s+what\s+happens\s+when\b", _I)
_IRONY_RE = re.compile(
    r"\b(?:is|was)\s+an?\s+(?:[a-z]+\s+)?irony\s+that\b|^\W*The\s+(?:[a-z]+\s+)?irony\s+is\s+that\b", _I
)
_GENEROUS_RE = re.compile(
    r"\bis\s+(?:being\s+)?(?:generous|charitable|a\s+stretch|an\s+understatement|an\s+overstatement"
    r"|putting\s+it\s+mildly)\s*[.!]?\s*$",
    _I,
)
_CASE_FOR_RE = re.compile(
    r"^\W*The\s+case\s+(?:for|against)\b[^.;]{3,80}?\b(?:is|was)\s+(?:now\s+|simply\s+)?(?:overwhelming|unanswerable"
    r"|compelling|irresistible|watertight|flimsy)\b",
    _I,
)
_QUITE_A_RE = re.compile(
    r"\b(?:is|was|are|were|['’]s|['’]s\s+been|has\s+been|have\s+been|had\s+been)\s+quite\s+an?\s+(?:ride|week|year"
    r"|journey|night|day|season|feat|achievement|comeback|sight|spectacle|turnaround|performance|story|statement)\b",
    _I,
)
_SIMILE_RE = re.compile(
    r"\bwithout\s+[\w'’ -]{2,30}?\s+is\s+like\s+[\w'’ -]{2,30}?\s+without\b"
    r"|\b(?:is|was)\s+(?:a\s+bit\s+|rather\s+|a\s+little\s+|not\s+unlike\s+|akin\s+to\s+)like\s+[a-z]+ing\b",
    _I,
)
_TO_MY_MIND_RE = re.compile(r"\bto\s+my\s+mind\b", _I)
_PARENTHETIC_ADVERB_RE = re.compile(
    r",\s+(?:gloriously|magnificently|wonderfully|heroically|splendidly|joyously|shamefully),", _I
)
# the author's inference from the facts just told: "These swings demonstrate why …" (a study or its data
# demonstrating something is a source's finding, not matched)
_DEMONSTRATE_WHY_RE = re.compile(
    r"^\W*(?:These|This|Such|Those|That)\s+(?!(?:study|studies|research|paper|report|data|analysis|survey|trial"
    r"|experiment|findings|results)\b)(?:[\w-]+\s+){0,2}?(?:demonstrates?|illustrates?)\s+(?:exactly\s+"
    r"|precisely\s+)?why\b",
    _I,
)
_PREDICTION_RE = re.compile(
    r"\bwill\s+(?:live\s+to\s+|come\s+to\s+|surely\s+|soon\s+)?regret\b"
    r"|\bwill\s+(?:more\s+than\s+)?(?:double|triple|treble|halve|quadruple)\s+by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
    r"|\bwill\s+end\s+up\s+(?:costing|hurting|causing)\b",
    _I,
)
_RECORD_FORECAST_RE = re.compile(
    r"\bwill\s+(?:surely\s+|certainly\s+)?be\s+(?:remembered\s+as\s+)?the\s+(?:most[\s-][\w-]+|[a-z]+est)\b"
    r"[^.;]{0,60}?\b(?:history|ever|of\s+all\s+time)\b",
    _I,
)
# Shapes with no key word, tested on the text (classifier keeps such a sentence off its no-cue path):
# an opening evaluative adverb on -ably/-ibly ("Commendably, …"; not the wire's "Notably," nor a hedge)
# and an exclamative with no "!" ("What a run that was from Cheruiyot."; a question has its "?").
_ADVERB_OPENING_RE = re.compile(
    r"\W*(?!(?:Notably|Probably|Possibly|Presumably|Invariably|Reportedly|Reasonably|Comparably|Considerably"
    r"|Favourably|Favorably|Reliably|Preferably|Suitably|Arguably|Conceivably|Inevitably|Predictably)\b)"
    r"[A-Z][a-z]{3,}(?:ably|ibly),\s"
)
_EXCLAMATIVE_RE = re.compile(
    r"\W*What\s+an?\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:that|it|this|he|she|they)\s+(?:was|is|were|has\s+been)\b[^?]*$"
)

# Round 8, own wordings: a quality adjective closing the complement ("Her performance was superb.", "The new
# stand is magnificent."); the adjectives are a review's, not the wire's ("outstanding" shares and
# "exceptional" items are left out).
_QUALITY_ADJ_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s|looks?|looked|seems?|seemed|remains?|remained|sounds?|sounded|feels?|felt)\s+"
    r"(?:(?:simply|truly|really|quite|utterly|absolutely|frankly|genuinely|pretty|rather|so|very|just"
    r"|[a-z]{3,}ly)\s+)?"  # round 15: any -ly degree ("is quietly magnificent", "consistently superb")
    r"(?:magnificent|superb|sublime|splendid|marvell?ous|exquisite|breathtaking|lamentable|shoddy|mediocre"
    r"|uninspired|forgettable|underwhelming|pitiful|sensational|gorgeous|glorious|masterly|dire)"
    r"\b(?=\s*(?:[.!,;—–]|$|and\b|but\b|in\s+(?:places|parts)|throughout|from\s+start"
    # round 15: a performance judged in its role ("is superb as the detective")
    r"|as\s+(?:the|a|an|his|her|their)\b|again\b|once\s+more\b))",
    _I,
)
# An evaluative degree on a complement: "is woefully inadequate", "is hopelessly out of touch".
_EVALUATIVE_DEGREE_RE = re.compile(
    r"\b(?:woefully|hopelessly|embarrassingly|breathtakingly|staggeringly|achingly|pitifully)\s+[a-z]",
    _I,
)
_OUT_OF_TOUCH_RE = re.compile(
    r"\b(?:is|are|was|were|['’]s|seems?|looks?|remains?)\s+(?:(?:completely|totally|badly|so|simply)\s+)?out\s+of"
    r"\s+touch\b",
    _I,
)
_NO_SURPRISE_RE = re.compile(
    r"^\W*(?:(?:It\s+is|It['’]s|It\s+was|So|And)\s+)?(?:no|little|small)\s+(?:surprise|wonder)\b(?!\s+(?:drug|material))",
    _I,
)
_MISSED_POINT_RE = re.compile(
    r"\b(?:miss|misses|missed|missing)\s+the\s+point\b|\blost\s+(?:the\s+plot\b(?!\s+of)|its\s+way\b)", _I
)


_COPULAS = frozenset("is was are were be been being remains remained seems seemed looks looked s".split())
_PROVED = frozenset("proved proves proving proven".split())
_CALLS = frozenset("call decision choice move approach thing got".split())
_WILL = frozenset({"will"})


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


# (keys, companions, pattern): the pattern is tried when one of its keys is in the sentence with one of
# its companions (None: the key alone). The keys join the classifier's trigger words (registry), so each
# is a rare word or one already there ("far", "can", "would", "see", "better", "most", "like"); a common
# word such as "how", "there", "one" or "will" is only ever a companion.
_SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (
        _keys(
            """mistake mistakes blunder blunders gamble misstep misjudgement misjudgment masterstroke weakness godsend
            letdown disappointment distraction sideshow fudge starter brainer miscalculation relic wishful trap sky
            masterpiece delight triumph backwards backward retrograde"""
        ),
        _COPULAS,
        _VERDICT_NOUN_RE,
    ),
    (
        _keys(
            "smart wise shrewd sensible welcome overdue bold brave courageous foolish savvy canny masterful cowardly"
            " craven petty clever inspired"
        ),
        frozenset({"a", "an"}),
        _MERIT_COMPLEMENT_RE,
    ),
    (frozenset({"textbook"}), _keys("a another"), _CLASSIFIED_RE),
    (frozenset({"classic"}), _keys("case example"), _CLASSIFIED_RE),
    (frozenset({"triumph"}), frozenset({"for"}), _CLASSIFIED_RE),
    (_keys("predictable inevitable logical"), _keys("result consequence outcome product"), _CLASSIFIED_RE),
    (
        _keys("great greatest finest quiet unsung underrated overlooked forgotten"),
        _keys(
            """triumphs successes failures scandals records albums novels films books achievements mistakes blunders
            stories players performances buildings journeys"""
        ),
        _ONE_OF_THE_GREAT_RE,
    ),
    (_keys("costly decisive fatal telling inspired prophetic masterstroke mistake"), _PROVED, _PROVED_RE),
    (_keys("right wrong correct"), _CALLS, _RIGHT_CALL_RE),
    (
        _keys(
            "loveliest prettiest finest cleverest wisest silliest dullest ugliest bravest funniest cosiest"
        ),
        _COPULAS,
        _SUPERLATIVE_RE,
    ),
    (
        _keys(
            """beautiful moving enjoyable charming satisfying elegant entertaining thrilling affecting touching underrated
            overrated delightful memorable"""
        ),
        frozenset({"most"}),
        _SUPERLATIVE_RE,
    ),
    (frozenset({"hands"}), frozenset({"down"}), _HANDS_DOWN_RE),
    (frozenset({"hardly"}), _COPULAS, _HARDLY_RE),
    (
        _keys(
            "reasonable justified understandable sensible fair defensible unjustified unreasonable predictable avoidable"
        ),
        _keys("entirely perfectly wholly completely eminently totally"),
        _DEGREE_RE,
    ),
    (_keys("better worse matters matter"), _keys("far vastly infinitely much"), _FAR_COMPARISON_RE),
    (frozenset({"foot"}), _keys("shot shoot shoots shooting"), _SHOT_FOOT_RE),
    (frozenset({"blinked"}), frozenset({"first"}), _BLINKED_RE),
    (
        frozenset({"kidding"}),
        _keys("themselves himself herself itself ourselves yourself nobody one"),
        _KIDDING_RE,
    ),
    (frozenset({"road"}), frozenset({"can"}), _CONDUCT_IDIOM_RE),
    (frozenset({"goalposts"}), None, _CONDUCT_IDIOM_RE),
    (frozenset({"cracks"}), frozenset({"over"}), _CONDUCT_IDIOM_RE),
    (frozenset({"rearranging"}), _keys("deckchairs deck"), _CONDUCT_IDIOM_RE),
    (frozenset({"sand"}), _keys("head heads"), _CONDUCT_IDIOM_RE),
    (frozenset({"lipstick"}), frozenset({"pig"}), _CONDUCT_IDIOM_RE),
    (frozenset({"throwing"}), frozenset({"bad"}), _CONDUCT_IDIOM_RE),
    (frozenset({"excuses"}), frozenset({"run"}), _CONDUCT_IDIOM_RE),
    (_keys("dressed masquerading"), _keys("up as"), _DRESSED_UP_RE),
    (_keys("hard difficult"), _keys("see argue overstate escape"), _HARD_TO_SEE_RE),
    (frozenset({"start"}), frozenset({"would"}), _A_START_RE),
    (_keys("better finer greater lovelier sweeter sadder worse"), frozenset({"there"}), _IS_THERE_BETTER_RE),
    (frozenset({"worked"}), frozenset({"so"}), _WORKED_SO_WELL_RE),
    (frozenset({"triumph"}), frozenset({"then"}), _ANOTHER_TRIUMPH_RE),
    (frozenset({"happens"}), frozenset({"what"}), _WHAT_HAPPENS_RE),
    (frozenset({"irony"}), _keys("that is"), _IRONY_RE),
    (
        _keys("generous charitable stretch understatement overstatement mildly"),
        frozenset({"is"}),
        _GENEROUS_RE,
    ),
    (
        _keys("overwhelming unanswerable compelling irresistible watertight flimsy"),
        frozenset({"case"}),
        _CASE_FOR_RE,
    ),
    (frozenset({"quite"}), _keys("a an"), _QUITE_A_RE),
    (_keys("without bit akin unlike"), frozenset({"like"}), _SIMILE_RE),
    (frozenset({"mind"}), frozenset({"my"}), _TO_MY_MIND_RE),
    (
        _keys("gloriously magnificently wonderfully heroically splendidly joyously shamefully"),
        None,
        _PARENTHETIC_ADVERB_RE,
    ),
    (_keys("demonstrate demonstrates illustrate illustrates"), frozenset({"why"}), _DEMONSTRATE_WHY_RE),
    (_keys("regret double triple treble halve quadruple costing hurting causing"), _WILL, _PREDICTION_RE),
    (_keys("history ever"), _WILL, _RECORD_FORECAST_RE),
    (
        _keys(
            """magnificent superb sublime splendid marvellous marvelous exquisite breathtaking lamentable shoddy
            mediocre uninspired forgettable underwhelming pitiful sensational gorgeous glorious
            masterly dire"""
        ),
        _COPULAS,
        _QUALITY_ADJ_RE,
    ),
    (
        _keys("woefully hopelessly embarrassingly breathtakingly staggeringly achingly pitifully"),
        None,
        _EVALUATIVE_DEGREE_RE,
    ),
    (frozenset({"touch"}), frozenset({"out"}), _OUT_OF_TOUCH_RE),
    (_keys("surprise wonder"), _keys("no little small"), _NO_SURPRISE_RE),
    (_keys("miss misses missed missing"), frozenset({"point"}), _MISSED_POINT_RE),
    (frozenset({"lost"}), _keys("plot way"), _MISSED_POINT_RE),
    *ROUND9_SHAPES,  # round 9 (verdict_shapes.py)
    *ROUND10_SHAPES,  # round 10 (judging_shapes.py)
    *ROUND14_SHAPES,  # round 14 (judged_predicates.py)
    *ROUND15_SHAPES,  # round 15 (judged_clauses.py)
    *ROUND16_SHAPES,  # round 16 (graded_predicates.py)
    *ROUND17_SHAPES,  # round 17 (inference_shapes.py)
)
# key -> the (companions, pattern) pairs it opens
_BY_KEY: dict[str, list[tuple[frozenset[str] | None, re.Pattern[str]]]] = {}
for _ks, _comp, _rx in _SHAPES:
    for _k in _ks:
        _BY_KEY.setdefault(_k, []).append((_comp, _rx))
PLAIN_VERDICT_TRIGGERS = frozenset(_BY_KEY)

# A verdict inside someone's view or argument is theirs, not the author's: "ward off any criticism that
# the deal had been a mistake", "to convince them it was the right thing to do" (corpus, round 8).
_THEIR_VIEW_RE = re.compile(
    r"\b(?:criticism|claims?|view|belief|argument|charges?|complaints?|suggestions?|fears?|convinc\w*|persuad\w*"
    r"|argu\w*|insist\w*|felt|feels?|thinks?|thought|believ\w*|admit\w*|conced\w*|acknowledg\w*|deny|denied|denies)\b",
    _I,
)


_NOT_HOW_OPENINGS = (
    "That is not how you",
    "This is not how you",
    "That was not how you",
    "That's not how you",
)
# The openings that need no key word (judgements.judgement_possible tests them inline with "bly, ").
KEYLESS_OPENINGS = ("What a", *_NOT_HOW_OPENINGS)


def plain_opening(text: str) -> bool:
    """An opening "-ably," adverb or an exclamative "What a …": the shapes with no key word (classifier keeps
    such a sentence off its no-cue fast path)."""
    return (
        text.find("bly, ", 4, 26) != -1
        or (text.startswith("What a") and not text.rstrip().endswith("?"))
        or text.startswith(_NOT_HOW_OPENINGS)
    )


def _open_patterns(words: frozenset[str]) -> list[re.Pattern[str]]:
    out: list[re.Pattern[str]] = []
    for w in words & PLAIN_VERDICT_TRIGGERS:
        for comp, rx in _BY_KEY[w]:
            if (comp is None or not words.isdisjoint(comp)) and rx not in out:
                out.append(rx)
    return out


# A verdict in the author's voice is one short sentence; a longer "sentence" is a table or a run-on of
# the wire, where the patterns would cost most and find nothing (speed, round 8).
MAX_VERDICT_CHARS = 400


def keyed_possible(words: frozenset[str]) -> bool:
    """True when one of the key words is in ``words`` with one of its companions."""
    for w in words & PLAIN_VERDICT_TRIGGERS:
        for comp, _rx in _BY_KEY[w]:
            if comp is None or not words.isdisjoint(comp):
                return True
    return False


def plain_verdict_possible(text: str, words: frozenset[str]) -> bool:
    """False when ``plain_verdict_matches`` can find nothing: no key word with one of its companions and no
    key-less opening, or a text too long to be one verdict."""
    if len(text) > MAX_VERDICT_CHARS:
        return False
    return plain_opening(text) or (not words.isdisjoint(PLAIN_VERDICT_TRIGGERS) and keyed_possible(words))


def plain_verdict_matches(text: str, words: frozenset[str]) -> list[re.Match[str]]:
    """The shapes above found in ``text`` (``words`` = its lower-cased words), each tried only when its key
    and a companion are in the sentence; a verdict after a word of someone's view is dropped."""
    found: list[re.Match[str]] = []
    if plain_opening(text):
        for rx in (_ADVERB_OPENING_RE, _EXCLAMATIVE_RE, _NOT_HOW_RE):
            m = rx.match(text)
            if m is not None:
                found.append(m)
    for rx in _open_patterns(words):
        m = rx.search(text)
        if m is not None and _THEIR_VIEW_RE.search(text, 0, m.start()) is None:
            found.append(m)
    return found
