"""Round 17 (issue #17): a hedge word's sense told by the grammar around it, not by the sentence's words.

Earlier rounds named the people a rule is for and the acts it allows (hedge._PERMITTED_SUBJECTS and its
neighbours); a new writer's rule uses other nouns and other verbs ("Bookings for floats … may be made through the
council website", "Entries must not exceed 2,000 words and may be submitted in English or Swahili"). These shapes
need no noun or verb list of the sentence's topic; each says why the modal is no doubt of the author's:

* **a rule's restriction** — "may be extended only by a vote of the full assembly", "may only be spent on …",
  "may not be drawn down unless …": an allowance with its single condition is a rule, a guess has no "only by";
* **a procedure and its channel** — a passive of sending, filing or paying with where or how it is done ("may be
  lodged via the council's website", "may be sent to letters@…", "may be made by phone or at any post office"):
  "may be sent to prison" names no channel and stays a hedge;
* **a rule pair** — an obligation joined to an allowance in the passive ("must include two references and may be
  written in Welsh"): the second half shares the first's force ("Prices must rise and may be higher" is no passive);
* **an entitlement by its name** — "may apply for / qualify for / register for" a capitalised scheme ("the Warm Home
  Discount"); bankruptcy chapters are what may happen to a company and are left;
* **past ability in a frame of a life or a tenure** — "At her peak in 2019 she could run …", "Under her management
  the Regal could seat 620 people, and … it was …" (a tenure frame only with a capacity verb or a past verb beside
  it: "Under her leadership the party could win" is a forecast);
* **ability measured by a limit** — "the most it could hold", "as much water as the pump could lift";
* **a name that opens with a modal** — "Might & Main, the Leeds gym chain, …" (a word, "&" and a capital);
* **a hedge in a side phrase on the subject** — "The striker, likely out for the season with a torn hamstring,
  watched from the stands", "The developer, a joint venture that may sell a stake …, won …": the hedge describes
  the subject, the main verb after it is reported (round 15 did this for "expected to"/"where" clauses).

Each of these leaves the hedged flag set (the public hedge sets score the flag); only the label changes
(classifier._deciding_hedges, through hedge.not_the_authors_doubt).
"""

from __future__ import annotations

import re

from factsieve.classify.cue import Cue

# a passive participle: regular, "-en"/"-wn", or one of the common irregular forms
_PARTICIPLE = (
    r"(?:[a-z]+(?:ed|en|wn)|made|done|kept|left|paid|put|sent|set|spent|held|sold|bought|brought|won|found|read|run"
    r"|told|heard|met|lost|built|cut|shut|let|lent|dealt|meant|sought|taught|caught|hung|struck|laid|spun|worn|torn"
    r"|borne|sworn)"
)

# after "may": the allowance restricted ("only by", "only be", "not … unless")
_RESTRICTED = re.compile(
    r"\s+(?:(?:not|also)\s+)?be\s+"
    + _PARTICIPLE
    + r"\s+only\s+(?:by|with|if|after|when|through|on|under|at|in|for"
    r"|once|where|from|to|within)\b"
    r"|\s+only\s+be\s+"
    + _PARTICIPLE
    + r"\s+(?:by|with|if|after|when|through|on|under|at|in|for|once|where|from|to"
    r"|within)\b"
    r"|\s+not\s+be\s+" + _PARTICIPLE + r"\b[^.;,]{0,50}?\s+unless\b",
)
_CHANNEL = re.compile(
    r"\s+(?:also\s+|only\s+|still\s+)?be\s+(?:made|submitted|sent|lodged|filed|paid|returned|booked|posted|e-?mailed"
    r"|delivered|handed\s+in|dropped\s+off|renewed|ordered|bought|purchased|placed|reserved|registered|directed"
    r"|addressed|obtained|downloaded|collected|claimed|reported|entered)\b[^.;]{0,60}?"
    # ("through" a channel, not a date: "may be made annually through the year ending March 31" — the corpus)
    r"(?:\bthrough\s+(?!the\s+(?:year|end|month|period|week|day|summer|winter|spring|autumn)\b|\d)|\b(?:via|online)\b|\bby\s+(?:post|e-?mail|phone|telephone|fax|text|letter|hand)\b|\S@\S|\bwww\."
    r"|\bat\s+(?:any|the|our|a|all|its|their)\s+(?:[\w'’-]+\s+){0,3}(?:office|offices|branch|branches|counter|desk"
    r"|depot|library|libraries|centre|center|station|reception|website|site|kiosk|box\s+office)\b)",
    re.IGNORECASE,
)
_OBLIGATION_AND = re.compile(r"\b(?:must|shall)\b[^.;?!]{0,80}?\s+and\s+$", re.IGNORECASE)
_PASSIVE_NEXT = re.compile(r"\s+(?:also\s+|only\s+)?be\s+" + _PARTICIPLE + r"\b")
_NAMED_SCHEME = re.compile(
    r"\s+(?:also\s+|still\s+)?(?:apply|register|qualify|enrol|enroll)\s+for\s+(?:the\s+|a\s+|an\s+)?"
    r"(?!Chapter\b|Bankruptcy\b|Administration\b)[A-Z][\w'’-]+"
)

# before "could": a frame of a life stage or a high point (always past), or a tenure (past only with a capacity
# verb or a past verb beside it)
_PAST_FRAME = re.compile(
    r"\W*(?:at|in|during|under)\s+(?:his|her|their|its|the\s+[\w'’-]+['’]s)\s+(?:[a-z]+\s+)?(?:(?P<life>peak|prime"
    r"|height|heyday|pomp|youth|childhood|best)|(?P<tenure>management|ownership|tenure|leadership|stewardship|reign"
    r"|watch|direction|command|captaincy))\b",
    re.IGNORECASE,
)
_CAPACITY = frozenset("seat hold house carry accommodate sleep employ load berth store feed".split())
_PAST_BESIDE = re.compile(r"[,;]\s+(?:and|but)\s+[^.;]{0,40}?\b(?:was|were|had)\b")
_FUTURE = re.compile(r"\b(?:will|next|soon|tomorrow)\b", re.IGNORECASE)
# (not "as far as X could tell" — a hedge of its own —, "as long as" — a condition — nor "as well as" — "and")
_LIMIT_BEFORE = re.compile(
    r"\b(?:the\s+(?:most|best)|as\s+(?:much|many|fast|hard|quickly|high|often|soon)(?:\s+[a-z]+)?\s+as)"
    r"\s+(?:(?:the|a|an|its|his|her|their|old|new)\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_NOT_ABILITY_NEXT = frozenset("be have possibly well".split())

_AMPERSAND_NAME = re.compile(r"[A-Z][a-z]+\s+&\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s")

# a side phrase set off by commas and a main verb after it
_MAIN_VERB = (
    r"(?:(?:has|have|had|was|were|is|are|will)\s+)?(?:[a-z]{2,}ed|won|lost|left|took|made|went|came|sat|met|saw|ran"
    r"|told|said|spent|kept|held|gave|got|began|broke|stood|led|rode|drove|wrote|shot|struck|fell|flew|has|have|had|was"
    r"|were|is|are)\b"
)
_HEDGED_SIDE_PHRASE = re.compile(
    # (the adverb's phrase holds no verb of its own first: ", probably totalled no more than …, compared with" is the
    # main predicate — the corpus)
    r",\s+(?:(?:probably|possibly|likely|perhaps|almost\s+certainly)\s+(?!the\b|[a-z]+ed\b|is\b|was\b|are\b"
    r"|were\b|has\b|had\b|will\b|would\b|be\b)[^,;:()\"“”]{2,70}"
    r"|(?:a|an)\s+[^,;:()\"“”]{1,40}?\b(?:that|which|who)\s+[^,;:()\"“”]{2,90}),\s+" + _MAIN_VERB
)
_SIDE_HEDGES = frozenset(
    "probably possibly likely perhaps certainly may might could would Probably Possibly Likely Perhaps".split()
)


def not_doubt_by_grammar(text: str, cue: Cue) -> bool:
    """True when the hedge ``cue`` is in one of the senses above: a rule, a procedure, an entitlement, past ability,
    a name, or a side phrase on the subject."""
    word = cue.text.lower()
    s, e = cue.start, cue.end
    if s == 0 and word in ("might", "could", "may") and _AMPERSAND_NAME.match(text) is not None:
        return True
    if word in _SIDE_HEDGES and "," in text:
        for m in _HEDGED_SIDE_PHRASE.finditer(text):
            if m.start() < s < m.end() and text.count(",", m.start(), s) == 1:
                return True
    if word == "may":
        if _RESTRICTED.match(text, e) is not None or _CHANNEL.match(text, e) is not None:
            return True
        if _NAMED_SCHEME.match(text, e) is not None:
            return True
        return (
            _PASSIVE_NEXT.match(text, e) is not None
            and _OBLIGATION_AND.search(text, max(0, s - 100), s) is not None
        )
    if word == "could":
        return _past_ability(text, s, e)
    return False


def _past_ability(text: str, s: int, e: int) -> bool:
    m = _NEXT_WORD.match(text, e)
    nxt = m.group(1).lower() if m else ""
    if nxt in _NOT_ABILITY_NEXT:
        return False
    if _LIMIT_BEFORE.search(text, max(0, s - 60), s) is not None:
        return True  # "the most it could hold"
    if _FUTURE.search(text) is not None:
        return False
    m = _PAST_FRAME.match(text)
    if m is None:
        return False
    if m.group("life") is not None:
        return True  # "At her peak in 2019 she could run …"
    return (
        nxt in _CAPACITY or _PAST_BESIDE.search(text, e) is not None
    )  # "Under her management the Regal could seat"


_NEXT_WORD = re.compile(r"\s+(?:only\s+|still\s+|also\s+)?([A-Za-z]+)")


# Round 17 (Wikipedia train; the corpus read): "could" after "meant (that)" — "This meant that the Gemini 7 spacecraft
# could stay in orbit for 100 days", "The MP3 format also meant that people could create and upload audio" — is what
# a past fact made possible, the past of "can", not a guess; so is the limit of an ability ("the best he could
# achieve", "as much music as he could", "the most it could hold"). Tried and dropped: any "could" in a sentence with
# a past "was/were/did" (Wikipedia train F1 0.9071 -> 0.9089, but about half of the 48 news-corpus sentences it
# changed read wrong: "The strike was called for one day but could be extended", "Hearts could also face action after
# three fans were arrested" — news tells a present possibility beside a past background).
_MEANT_BEFORE = re.compile(r"\bmeant\s+(?:that\s+)?(?:[\w'’-]+\s+){1,8}$")


def past_narrative_could(text: str, s: int, e: int) -> bool:
    """True for a "could" of what a past fact made possible, or of an ability's limit (see above)."""
    m = _NEXT_WORD.match(text, e)
    if m is None or m.group(1).lower() in _NOT_ABILITY_NEXT:
        return False
    lo = max(0, s - 80)
    return _MEANT_BEFORE.search(text, lo, s) is not None or _LIMIT_BEFORE.search(text, lo, s) is not None


# Round 17 (Wikipedia train, chosen for the hedge target; no dev row read): three senses the annotators leave unmarked.
# * An exclusive rule: "Only one Phase may be made per hand", "…, where only one element may be addressed", "Only
#   the 23 million people of Taiwan may decide …" — "only" opening the subject of "may" restricts who or what is
#   allowed (hedge._RULE_SUBJECT did this for a listed act only); a small quantity is a guess ("Only a few may
#   survive the winter"). Train: 3 such sentences, none marked.
_ONLY_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\bwhere\s+|\band\s+)[\"“]?[Oo]nly\s+(?!a\s+(?:few|handful|fraction|minority)\b|some\b|half\b|\d)"
    r"(?:(?!that\b|which\b|who\b|if\b|when\b)[\w'’-]+\s+){1,7}$"
)


def exclusive_rule(text: str, s: int) -> bool:
    """True for the "may" of a rule whose subject opens with "only" (see above)."""
    return _ONLY_SUBJECT.search(text, max(0, s - 70), s) is not None


# * "potentially" before a plain adjective inside a noun phrase — "a potentially lucrative international organic
#   market", "despite potentially better alternatives", "the potentially impervious surface cover" — grades a
#   property the noun could have, it hedges no claim. Before a participle ("a potentially bruising price war",
#   "potentially conflicting treatment modalities") it names an event that may happen and stays a hedge; so do the
#   predicative ("is potentially more effective") and adverbial ("could potentially help", "and even potentially
#   damaging implications") uses. Train: Wikipedia 5 such uses with no other cue, none marked; FactBank none (its one
#   attributive use, marked, is "bruising"; without the participle test it cost FactBank train that TP).
_NP_OPENERS = frozenset(
    """a an the of for to with despite any its their his her our some many these those into from on in at by against
    over about disqualify""".split()
)


_QUANTITIES = frozenset("dozens hundreds thousands millions billions tens more".split())


def ok_potentially(text: str, s: int, e: int) -> bool:
    from factsieve.classify.context import prev_word  # (context imports nothing of ours)

    if prev_word(text, s) not in _NP_OPENERS:
        return True
    m = _NEXT_WORD.match(text, e)
    # (and before a quantity, "to potentially hundreds of millions": a forecast — the corpus read)
    return m is None or m.group(1).lower().endswith(("ing", "ed")) or m.group(1).lower() in _QUANTITIES


# * "likelihood" as a quantity something changes or someone assesses — "increase the likelihood of ionizing
#   radiation", "assesses the likelihood that the customer will pay" — is a measure, not the author's doubt;
#   "played down the likelihood that …" (a source's) and "The likelihood that the budget will …" stay; so does a
#   change in the likelihood of a named event ("has increased the likelihood that U.S. banks will declare …", the
#   corpus read): a verb of change only before "of". Train: Wikipedia 2 unmarked, 0 marked with such a verb before it.
_MEASURED_LIKELIHOOD = re.compile(
    r"\b(?:(?P<assess>assess|estimat|calculat|measur|determin|evaluat|predict|judg|weigh)|increas|reduc|rais|lower"
    r"|minimi[sz]|maximi[sz]|boost|cut|decreas|improv|lessen|heighten)[a-z]*\s+(?:the|a|its|their)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def ok_likelihood(text: str, s: int, e: int) -> bool:
    m = _MEASURED_LIKELIHOOD.search(text, max(0, s - 40), s)
    return m is None or (m.group("assess") is None and text[e : e + 3] != " of")
