"""Round 7 (issue #17): headline shapes four writers in a row used (r10–r13, r14, r16) that the
headlinese test of ``boilerplate._is_headline`` does not reach.

Each is a construction a sentence of running text does not have, checked on a line that has no sentence
mark at its end (the caller's test): Reuters lines cut from hard-wrapped copy also lack one, so each
shape carries its own guard against a cut line.

* an age in apposition to a bare noun or name before a participle or verb ("Nurse, 34, struck off after
  falsifying patient notes", "Man, 61, jailed for …"): prose puts an article before the noun;
* the headline's inverted source with no article ("Trade deal ‘within reach’, says minister"): prose
  says "the minister said" and ends with a full stop;
* an explainer headline opened by "Why" or "How" and closed on a content word or a bracket ("Why the
  central bank is in no hurry to cut rates", "How to Build an Emergency Fund (Even on a Tight
  Budget)"): a cut line ends mid-phrase on a function word;
* a line that is a quotation and nothing else, or a name, a colon and a quotation, with no sentence
  mark inside the closing quote ("‘My new fridge broke after seven weeks and the shop won't refund
  me’", "Olwen Price: ‘I wrote the book I needed at 19’"): a quoted sentence in a story ends with its
  full stop inside the marks, or names its speaker.
"""

from __future__ import annotations

import re

_AGE_APPOSITION = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+\d{1,3},\s+[a-z]+\b")
_INVERTED_SOURCE = re.compile(
    r"[A-Z][^,;:]{3,80},\s+(?:says|say|warns|warn|claims|insists|admits|confirms|reveals)\s+"
    r"(?!the\b|a\b|an\b|he\b|she\b|it\b|they\b|we\b)[\w'’.-]+(?:\s+[\w'’.-]+){0,2}"
)
_EXPLAINER = re.compile(r"(?:Why|How)\s+(?:to\s+)?[\w'’]+(?:\s+[\w'’$£€%.,&-]+){3,14}(?:\s+\([^()]{3,60}\))?")
_QUOTED_LINE = re.compile(
    # (round 10, r28: in straight single marks too, "Lord Ashby: 'I have nothing to apologise for'")
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}:\s+)?(?:[‘“\"][^‘“”\"]{10,160}?[\w)][’”\"]|'[^‘“”\"]{10,160}?[\w)]')"
)
# A line cut from wrapped copy stops on one of these.
_CUT_END = frozenset(
    """the a an of to and or but in on at for with by from as that which who is are was were be been has have
    had will would could should may might must can its their his her this these those than into about over
    after before under between not also if when while""".split()
)
_MIN_WORDS = 4


# Round 12 (r33, a writer no rule-changer saw; r31 and r29 had the same page lines): the page's typography
# says "heading" where the words cannot —
# * a numbered section heading, a figure and a point before a capital ("1. The data protection rules finally
#   land", "2. UPI crosses another milestone"): a numbered point of running text ends with its full stop;
# * a link line opened by an arrow or a guillemet ("→ Karnataka's new gig worker welfare board meets …");
# * a headline in Title Case ("Novelith Therapeutics Announces Positive Phase 2 Results for NV-207 in
#   Chronic Kidney Disease", "How Often Should You Water Tomatoes? (2025 Ultimate Guide)"): every content
#   word capitalised, the short function words in lower case (the wire's capitals and its cut lines are
#   not: a cut line holds lower-case content words).
_NUMBERED_HEADING = re.compile(r"\d{1,2}[.)]\s+[A-Z‘“'\"][\w'’‘“\"-]*(?:\s+[\w'’‘“\"&£$€%,:-]+){1,12}")
_ARROW_LINE = re.compile(r"[→»›▸▶►]\s*[A-Z0-9‘“'\"][^.!?]{5,140}")
_TITLE_MINOR = frozenset(
    "a an the of for in on to and or at by with from as vs via per but nor into over up".split()
)
_TITLE_WORD = re.compile(r"[(‘“'\"]*(?:[A-Z][a-z]+|[A-Z0-9][\w.’'&-]*)[)’”'\"?:,!]*")


_QUESTION_OPENERS = frozenset("How Why What When Where Which Who Is Are Can Should Do Does Will".split())
_NAME_ENDS = ("ss", "us", "is", "ics")


def _title_case(words: list[str]) -> bool:
    """Title Case with a headline's verb: a question ("How Often Should You …?") or a capitalised -s form
    after a capitalised word ("… Therapeutics Announces …", "Harbourline Energy Reports …"). The wire's
    cut lines of names ("The Federal Home Loan Bank Board", "Article 65 of the Securities and Exchange Act")
    have neither (round 12 corpus); a comma may follow the verb ("Ikenga Solar Opens 40-Megawatt Plant in
    Kano State, Its Largest to Date", r31)."""
    if not 6 <= len(words) <= 22 or words[0][:1] == "(":
        return False  # (a bracketed table heading: "(In Thousands of Barrels a Day, Except Stocks)")
    if words[1][:1].islower() and words[1] not in _TITLE_MINOR:
        return False  # (speed: most lines of prose are told by their second word)
    proper = 0
    verb = words[0] in _QUESTION_OPENERS and any(w.endswith("?") for w in words)
    prev = ""
    for i, w in enumerate(words):
        bare = w.strip("()‘’“”'\"?:!")
        if i and bare in _TITLE_MINOR:
            prev = ""
            continue
        if _TITLE_WORD.fullmatch(w) is None:
            return False
        cap = bare[:1].isupper() and bare[1:].isalpha() and bare[1:].islower()
        proper += cap
        verb = verb or (
            cap and len(bare) > 3 and bare[-1] == "s" and not bare.endswith(_NAME_ENDS) and prev != ""
        )
        prev = bare if cap else ""
    return proper >= 4 and verb


def typographic_heading(body: str) -> bool:
    """True when ``body`` (a stripped line with no sentence mark at its end) is one of the round-12 shapes."""
    first = body[:1]
    if first.isdigit():
        return _NUMBERED_HEADING.fullmatch(body) is not None and body.split()[-1].lower() not in _CUT_END
    if first in "→»›▸▶►":
        return _ARROW_LINE.fullmatch(body) is not None
    words = body.split()
    return words[-1].lower() not in _CUT_END and _title_case(words)


def headline_shape(body: str) -> bool:
    """True when ``body`` (a stripped line with no sentence mark at its end) has one of the shapes above."""
    words = body.split()
    if len(words) < _MIN_WORDS:
        return len(words) > 1 and body[:1] in "→»›▸▶►" and typographic_heading(body)
    if not _HEADLINE_MODALS.isdisjoint(words) and _modal_headline(words):
        return True  # round 15
    if (not _NEWS_VERBS.isdisjoint(words) and _news_verb_headline(words)) or (
        "," in body and _PAIR_SUBJECT.match(body) is not None
    ):
        return True  # round 10
    first = body[0]
    if first in "‘“\"'" or ": " in body[:40]:
        return _QUOTED_LINE.fullmatch(body) is not None
    last = words[-1].lower().strip("()")
    if last in _CUT_END:
        return False
    if typographic_heading(body):
        return True  # round 12 (after the cheap tests: a heading does not end on a function word)
    if body.startswith(("Why ", "How ")):
        return _EXPLAINER.fullmatch(body) is not None
    if "," not in body:
        return False
    return _AGE_APPOSITION.match(body) is not None or _INVERTED_SOURCE.fullmatch(body) is not None


# Round 10 (r18–r20, r24, r25; held-out boilerplate -> reported): a present-tense headline closes on a
# place or venue after a preposition of place, with one plain adjective between them or none ("… from
# homes in southern France", "… strike at Harland Steel", "… order for 30 widebodies at Dubai Airshow").
# A line cut from wrapped wire copy stops inside a name after "of" or "to" ("… tonnes of Canadian"), or on
# a capital after a function word; both stay text. The caller has already found the headline's verb.
_PLACE_NAME_PREPOSITIONS = frozenset("at in on across near outside against over throughout around".split())
_DAYS_AND_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december christmas easter""".split()
)
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def ends_on_place_name(body: str) -> bool:
    words = body.split()
    k = len(words) - 1
    names = 0
    while k > 0 and names < 2 and _NAME_WORD.fullmatch(words[k]) is not None:
        k -= 1
        names += 1
    if names == 0 or k < 2 or (names == 1 and len(words[-1]) <= 3):
        return False  # (a short capital alone is as often a name cut in two: "… of wheat in New")
    if words[-1].lower() in _DAYS_AND_MONTHS:
        return False  # a time, not a place: "Trading opens at 09:30 EST on Monday" (a wire notice)
    if words[k] in _PLACE_NAME_PREPOSITIONS:
        return True
    return (
        words[k].isalpha()
        and words[k].islower()
        and words[k] not in _CUT_END
        and words[k - 1] in _PLACE_NAME_PREPOSITIONS
    )


# Round 10 (r7, r10, r11, r15, r20, r24; r19, r21, r25): two headline shapes the present-tense test of
# ``boilerplate._present_headline`` does not reach.
#
# * A subject of any length before a verb of the news in the present -s form ("Dutch still life found
#   behind wardrobe sells for £8.4m", "War-risk cover for Red Sea transits doubles in a week", "Hospital
#   waiting list in the north-east rises for fifth month in a row"): the verbs are a closed class of the
#   headline's (a price, a count, a decision, a contest); prose says "sold", "doubled" and ends with a
#   full stop, and the wire's cut lines are in the past or hold "said", an auxiliary or a relative word.
# * Two subjects joined by a comma instead of "and", before a bare plural verb ("Straits Pacific, Harbour
#   Bank agree S$6.8b merger …", "PCB, Sindh association lock horns over …").
_NEWS_VERBS = frozenset(
    """sells fetches rises falls slips climbs jumps soars slumps doubles triples halves tops hits nears eyes wins
    beats loses lifts sinks stuns edges extends scraps axes backs bans blocks delays approves rejects seals
    clears overturns upholds unveils launches vows slams hails sparks fuels grips forces shuts reopens
    opens meets crosses""".split()
)
_NOT_IN_HEADLINE = frozenset(
    """said says told was were is are has have had will would could should may might must been be which that who
    whom whose it he she they we i you this these those but and or if when while because although""".split()
)
_NOT_FIRST = frozenset(
    """the a an his her its their our my your this that these those there it he she they we i in on at for of with
    from by after before as to despite amid under over""".split()
)
# "price rises", "pay cuts", "rate hits": a noun run, not a verb, after these
_NOUN_BEFORE = frozenset("price prices pay rate rates tax wage fee rent interest share sales".split())
_MAX_NEWS_WORDS = 16
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:am|pm|h)?")


def _news_verb_headline(words: list[str]) -> bool:
    if len(words) > _MAX_NEWS_WORDS or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    low = [w.lower().strip(",;:") for w in words]
    if any(_CLOCK.fullmatch(w) for w in low):
        return False  # round 12 ("opens"): a wire notice of a time, "Trading opens at 09:30 EST on Monday"
    if (
        low[0] in _NOT_FIRST
        or low[-1] in _CUT_END
        or low[-1].endswith("ing")
        or not _NOT_IN_HEADLINE.isdisjoint(low)
    ):
        return False
    for i in range(1, len(low) - 1):
        if low[i] in _NEWS_VERBS and words[i].islower():
            before = low[i - 1]
            if before in _NOUN_BEFORE:
                return False
            return (
                before.replace("-", "").isalnum()
                and before not in _CUT_END
                and low[i + 1]
                not in _CUT_END
                - {
                    "to",
                    "for",
                    "in",
                    "on",
                    "at",
                    "by",
                    "from",
                    "after",
                    "over",
                    "with",
                    "as",
                    "into",
                    "than",
                    "the",
                    "a",
                    "an",
                    "its",
                    "their",
                }
            )
    return False


# The two subjects are names of one to three capitalised words each, the verb a bare plural of the
# headline's dealings; an opening adverb or phrase before a comma ("Publicly, Japanese officials remain …",
# "In March, China announced …") and a name in apposition ("Thomas Lau, Evergo's executive director,
# declined …") are sentences of the wire.
_PAIR_VERBS = (
    "agree|sign|clash|unite|join|settle|merge|split|meet|talk|reach|strike|seal|lock|cut|raise|back|ban|eye|team"
    "|vow|trade|swap|reject|win|face|plan|mull|weigh|extend|launch|unveil|resume|end|hold|share"
)
_PAIR_SUBJECT = re.compile(
    r"(?!(?:However|Instead|Currently|Yesterday|Today|Moreover|Meanwhile|Also|But|And|In|On|At|For|Last|Next|This"
    r"|After|Before|Since|Still|Earlier|Later|Publicly|Privately)\b)(?![A-Z][a-z]+ly\b)"
    r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,2},\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,2}(?:\s+[a-z]+)?"
    r"\s+(?:" + _PAIR_VERBS + r")\s+\S"
)


# Round 15 (r28, r37; every unstopped short line with a modal or "says" in the readable files is a headline): a
# headline's subject with no article before a modal or a present "says" ("Council could scrap weekly bin
# collections", "Scientists may have found cure for common cold", "Mayor says budget 'may need rethink'",
# "Scientists say coral reefs may recover faster than thought"). Prose has a full stop; a line cut from wrapped
# wire copy (the corpus: "Export-oriented companies may continue their recent rally", "But industry sources say the
# figures do not fully", "Retaliation could also be prompted by …") keeps prose's articles, determiners, commas,
# "that", "but", "also", and may end on a pronoun; a headline drops them.
_HEADLINE_MODALS = frozenset("could may might says say warns warn".split())
_NOT_IN_MODAL_HEADLINE = frozenset(
    """said was were had would will which who whom whose because although while when if i you we our the a an this
    these those their its his her my your that but also then however some""".split()
)
_PRONOUN_END = frozenset("they it he she we them him her us".split())
_MAX_MODAL_WORDS = 14


def _modal_headline(words: list[str]) -> bool:
    if len(words) > _MAX_MODAL_WORDS or not words[0][:1].isupper():
        return False
    if any(w[-1:] == "," for w in words):
        return False
    low = [w.lower().strip(";:‘’'\"“”") for w in words]
    if (
        low[0] in _NOT_FIRST
        or low[-1] in _CUT_END
        or low[-1] in _PRONOUN_END
        or not _NOT_IN_MODAL_HEADLINE.isdisjoint(low)
    ):
        return False
    for i in range(1, min(5, len(low) - 1)):
        if low[i] in _HEADLINE_MODALS and words[i].islower():
            nxt = words[i + 1]
            return nxt[:1].islower() or nxt[:1] in "‘'\"“"
    return False
