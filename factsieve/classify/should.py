"""The two senses of "should": advice in the author's voice, or an expected outcome.

Deontic "should" with an agent gives advice: "Europe should boost its performance", "The council
should scrap the fee" — the author's opinion. Epistemic "should" states what the author expects:
"Prices should ease next quarter", "Temperatures should climb back into the mid-20s", "Repairs should
be finished by Monday" — speculation. The sense follows from the clause's subject and verb:

* a verb of change or outcome that happens to its subject (rise, climb, ease, recover, …) is an
  expectation whatever the subject;
* a completed state with a time frame ("should be finished by Monday", "should be back in time for
  …") is an expectation; without one ("the sites should be open to inspectors at all times") or with
  a verb of regulation ("should be banned/scrapped/allowed") it is an obligation;
* any other verb ("boost", "scrap", "help", "cut") is advice when the subject can act on advice (a
  person, a pronoun for people, an institution, a named country or body) and an expectation when it
  is a thing, a figure or an event ("The move should boost liquidity").

``should_sense`` returns "deontic", "epistemic", or None when the sentence does not tell (then the
older cues decide: "should" stays a weak stance word).
"""

from __future__ import annotations

import re

# Verbs of change or outcome: the subject undergoes them, so "X should rise" is an expectation.
OUTCOME_VERBS = frozenset(
    """rise rises fall climb ease drop decline improve recover rebound grow slow slip pick increase
    stabilise stabilize narrow widen peak arrive reach exceed last clear settle resume reopen
    strengthen weaken moderate subside abate dip edge top hit level recede firm soften cool warm dry
    brighten double triple halve""".split()
)
# Results a company or a body posts: "ARCO should earn about five dlrs a share". With a person as the
# subject the same verbs are advice ("Anyone flying at Easter should book parking early", "You should
# see a doctor"), so they are an expectation only when the subject is not a person.
RESULT_VERBS = frozenset("report earn post record book benefit gain generate yield see show".split())
# Words opening a subject that names people in general: "Anyone planning to fly …", "Those who …".
_PERSON_OPENERS = frozenset(
    "anyone anybody everyone everybody whoever someone somebody you we i he she they those people".split()
)
# After "should be": a completed or available state is expected when a time frame follows (round 5d:
# a player's recovery, "Tuilagi should be fit to start against Dunmore next week").
_COMPLETED_STATES = frozenset(
    """finished completed complete done restored repaired fixed resolved ready available operational back
    over delivered installed reopened cleared known announced published lifted
    fit""".split()
)
_TIME_FRAME = re.compile(
    r"[^.;]*?\b(?:by|before|within|in\s+time|next|later|soon|shortly|tomorrow|tonight|this\s+(?:week|weekend|month"
    r"|year|summer|autumn|winter|spring)|in\s+the\s+coming|on\s+(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)|until)\b",
    re.IGNORECASE,
)
# Words between "should" and its verb that do not change the sense.
_SKIP_AFTER = frozenset(
    "not n't also still now soon then easily quickly really never finally all more than".split()
)
# Subjects that can take advice: people, pronouns for people, institutions and bodies.
_AGENT_PRONOUNS = frozenset("we you they i he she everyone everybody nobody someone somebody one".split())
AGENT_NOUNS = frozenset(
    """government governments council councils councillors ministers minister board boards club clubs team teams
    party parties city cities state states country countries nation nations authorities authority officials
    regulator regulators lawmakers politicians leaders leader voters parents schools employers companies company
    firms firm banks bank landlords police court courts parliament congress union unions management owners owner
    fans people society ministry department agency agencies commission committee federation league organisers
    organizers administration president premier mayor chancellor judge judges players manager coach europe
    west washington london brussels opposition public industry businesses retailers drivers residents
    citizens users consumers members staff doctors teachers universities hospitals trust trusts""".split()
)
# Subjects that are things, figures and events: they undergo outcomes, they cannot take advice.
_THING_NOUNS = frozenset(
    """prices price rates rate inflation growth demand supply output sales profits profit earnings revenue
    revenues costs cost temperatures temperature weather conditions traffic repairs work works construction
    move deal plan change changes cut cuts measure measures reform reforms rise fall decline economy market
    markets shares stocks yen dollar euro pound currency spending investment exports imports orders figures
    numbers unemployment jobs wages incomes margins results deliveries production rain snow wind storm
    project line service services scheme policy law rule rules delay delays rents rent bills fares yields
    mortgages premiums""".split()
)
# Verbs of regulation after "should be": an obligation whatever follows ("should be banned").
_REGULATED = frozenset(
    """banned scrapped abolished allowed permitted required forced punished prosecuted jailed sacked fired
    stopped ended reviewed investigated held made given paid taxed regulated protected encouraged
    ashamed""".split()
)
_WORD = re.compile(r"[A-Za-z’'-]+")
# Verbs of aspect that pass the sense to the verb after them: "should keep climbing", "continue to rise".
_ASPECT_VERBS = frozenset("keep continue start begin".split())
_SUFFICIENCY = frozenset("enough plenty sufficient ample".split())
_CLAUSE_START = frozenset("that which who if and but because while although when where so".split())
_PREPOSITIONS = frozenset("of to from in at on for with by about under over across among".split())


# How far back the clause before "should" is looked for, and how far after it a frame: without a
# bound, a sentence with no punctuation and a "should" every few words re-read its whole start and
# rest at each one (quadratic: a 25 KB "sentence" took seconds, 1 MB would take an hour). A clause
# this long is not a news clause.
_CLAUSE_CHARS = 1000


def _clause_before(text: str, start: int) -> tuple[list[str], bool]:
    """The words of the clause before "should" (from the last , ; : or —) and whether it opens the
    sentence."""
    lo = max(0, start - _CLAUSE_CHARS)
    before = text[lo:start]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("—"))
    return _WORD.findall(before[cut + 1 :]), cut == -1 and lo == 0


def _subject_head(text: str, start: int) -> tuple[str, bool]:
    """The last word of the clause before "should" and whether it opens the sentence."""
    words, opens = _clause_before(text, start)
    # The head of "Repairs to the line", "revenues from visitors": the word before the first preposition.
    for k, w in enumerate(words):
        if k and w.lower() in _PREPOSITIONS:
            words = words[:k]
            break
    while words and words[-1].lower() in ("also", "still", "now", "therefore", "then", "surely", "probably"):
        words.pop()
    if words == ["That"] and opens:
        return "That", True  # the demonstrative subject of the sentence (round 6b: "That should bring …")
    if not words or words[-1].lower() in _CLAUSE_START:
        return "", False
    return words[-1], len(words) == 1 and opens


def _person_subject(text: str, start: int) -> bool:
    """Whether the clause before "should" opens with (or is) a word for people: "Anyone planning …"."""
    words = _clause_before(text, start)[0]
    return bool(words) and (words[0].lower() in _PERSON_OPENERS or words[-1].lower() in _PERSON_OPENERS)


def _is_agent(head: str, sentence_initial: bool) -> bool | None:
    low = head.lower()
    if low in _AGENT_PRONOUNS or low in AGENT_NOUNS:
        return True
    if low in _THING_NOUNS or low in ("this", "that", "these", "those", "there"):
        return False  # ("it" is left open: a body as often as a thing)
    if head[:1].isupper() and not sentence_initial:
        return True  # a name: "Japan", "the Fed", "Chancellor Hill"
    if low.endswith(("ers", "ors", "ists", "ians")):
        return True  # voters, regulators, economists, politicians
    return None


# An arrival by a time or a level held: "should come within the hour / under threat", "should stay at Stage
# 2 or below", "should stay above 3%" — an expectation whoever the subject ("Visitors should stay on the
# paths" and "The council should come clean" have neither).
_ARRIVAL_OR_LEVEL = re.compile(
    r"\s+(?:come\s+(?:within|in\s+the\s+(?:next|coming)|under\s+(?:threat|pressure))"
    r"|stay\s+(?:at|below|above|under|around|near|within)\s+(?:stage|level|\d|£|\$|€))",
    re.IGNORECASE,
)


def should_sense(text: str, start: int, end: int) -> str | None:  # noqa: C901 (one test per sense shape)
    """ "deontic", "epistemic" or None for the "should" at ``text[start:end]``."""
    after = _WORD.findall(text, end, min(len(text), end + 80))
    i = 0
    while i < len(after) and after[i].lower() in _SKIP_AFTER:
        i += 1
    if i >= len(after):
        return None
    verb = after[i].lower()
    if _advice_on_its_own(text, start, end, after, i):
        return "deontic"  # round 17: "The ferry corporation should suspend its executive bonuses"
    if verb in OUTCOME_VERBS:
        return "epistemic"
    if verb in ("come", "stay") and _ARRIVAL_OR_LEVEL.match(text, end) is not None:
        return "epistemic"  # round 8 (r20, r21): "should come within the hour", "should stay at Stage 2"
    if verb in RESULT_VERBS:
        return "deontic" if _person_subject(text, start) else "epistemic"
    if verb in _ASPECT_VERBS and i + 1 < len(after):
        # "Rents should keep climbing", "Prices should continue to ease": the outcome verb decides
        nxt = after[i + 2] if after[i + 1].lower() == "to" and i + 2 < len(after) else after[i + 1]
        stem = nxt.lower().removesuffix("ing")
        if nxt.lower() in OUTCOME_VERBS or stem in OUTCOME_VERBS or stem + "e" in OUTCOME_VERBS:
            return "epistemic"
    if verb == "have":
        # "should have enough to stay in the race": sufficiency expected; "should have known" is left
        # to the older opinion cue
        return "epistemic" if i + 1 < len(after) and after[i + 1].lower() in _SUFFICIENCY else None
    if verb == "be":
        state = after[i + 1].lower() if i + 1 < len(after) else ""
        if state in _REGULATED:
            return "deontic"
        if state == "fit" and i + 2 < len(after) and after[i + 2].lower() in ("for", "and"):
            return None  # "should be fit for purpose": a standard demanded, not a recovery expected
        if state in _COMPLETED_STATES:
            pos = end + text[end : end + 200].lower().find(state)  # state is one of the next words
            return "epistemic" if _TIME_FRAME.match(text, pos + len(state)) else None
        return None
    if _EXPECTATION_FRAME.search(text, end, end + _CLAUSE_CHARS) is not None:
        # Round 6c (r9, r12): a forecast of a contest with its evidence or its contingency — "He should
        # handle the soft ground, having won twice at Leopardstown on heavy going", "Shamrocks should meet
        # Kilmacud Crokes or Na Fianna in the semi-final, depending on Tuesday's draw", "Rennick should
        # keep the leader's jersey through Monday's flat stage": nobody is told to win or to be drawn.
        return "epistemic"
    if verb in _CONTENT_VERBS:
        # Round 6c (the wrong change round 6 left): what a thing must hold or say is a norm for it — "The
        # song should also include Christmas in the title, wishes for peace on earth …", "The label should
        # list every allergen" — not an outcome expected of it (a thing "should fix", "should save").
        return "deontic"
    return _sense_by_subject(text, start)


_OWN_POSSESSIVES = frozenset("its their his her".split())
# a time the outcome is expected by: "The merger should boost its profits next year" is a forecast ("until the
# service is fixed" is the advice's condition, not a forecast's date)
_FORECAST_FRAME = re.compile(
    r"\b(?:next\s+(?:year|month|week|season|quarter)|by\s+(?:the\s+end|next|20\d\d|spring|summer|autumn|winter)"
    r"|within\s+\w+\s+(?:years?|months?|weeks?)|this\s+(?:year|quarter)|in\s+the\s+coming)\b",
    re.IGNORECASE,
)
# "should [not/also …] <verb> its/their/his/her <noun>": the verb's object owned by the subject.
_OWN_OBJECT = re.compile(
    r"\s+(?:(?:not|also|still|now|at\s+least|simply|just)\s+)?[a-z]+\s+(?:its|their|his|her)\s+[a-z]"
)


def _advice_on_its_own(text: str, start: int, end: int, after: list[str], i: int) -> bool:
    """Round 17 (r14, r24, r8): the subject told to act on what it owns — "The ferry corporation should suspend its
    executive bonuses", "The consortium should publish its practice papers", "Harbour should drop their kicking game"
    — is advice whatever the verb ("drop" with an object is no fall). A figure owns nothing ("Prices should ease" has
    no object; "The move should boost its profits" is left: "move" is a thing), and a forecast's date keeps the
    expectation ("The merger should boost its profits next year")."""
    return (
        i + 1 < len(after)
        and after[i + 1].lower() in _OWN_POSSESSIVES
        and _OWN_OBJECT.match(text, end) is not None
        and _subject_head(text, start)[0].lower() not in _THING_NOUNS
        and _FORECAST_FRAME.search(text, end, end + 200) is None
    )


_EXPECTATION_FRAME = re.compile(
    r"\b(?:depending\s+on\b|having\s+(?:won|beaten|finished|scored|shown|handled|coped|run|ridden)\b"
    r"|on\s+(?:this|that|current|recent|present)\s+(?:evidence|form)\b"
    r"|through\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\s+(?:[\w-]+\s+)?(?:stage|round|race|game|match))",
    re.IGNORECASE,
)
_CONTENT_VERBS = frozenset("include contain feature mention list specify state spell".split())


def _sense_by_subject(text: str, start: int) -> str | None:
    """Any other verb: advice when the subject can act on it, an expectation when it is a thing."""
    head, initial = _subject_head(text, start)
    if not head or head.lower() == "it":
        return None
    agent = _is_agent(head, initial)
    if agent is None and initial and head[:1].isupper() and not head.lower().endswith("s"):
        agent = True  # a sentence-initial singular name: "Europe should boost …"
    if agent is None and _inanimate_head(head) and _plain_subject(text, start):
        # Round 6: a common noun that names no person or body ("The patch should also fix the
        # frame-rate drops", "The new timetable should shave ten minutes off the journey",
        # "Spring-sown crops should take up some of the slack"): a thing cannot take advice, so the
        # author states what they expect of it.
        agent = False
    if agent is None:
        return None
    return "deontic" if agent else "epistemic"


# Nouns for people that no suffix marks ("The student should …", "Each patient should …"), and the
# suffixes that do (-er, -or, -ist, -ian, with their plurals): a head like these may take advice.
_PERSON_NOUNS = frozenset(
    """student students resident residents president presidents parent parents client clients patient patients
    agent agents opponent opponents respondent respondents child children family families man men woman women
    person people guy guys kid kids boy boys girl girls adult adults pupil pupils athlete athletes side sides
    squad squads crew crews group groups chief chiefs boss bosses head heads staff individual individuals
    everyone nobody anyone candidate candidates delegate delegates official officials critic critics fan fans
    ally allies rival rivals citizen citizens nurse nurses chef chefs
    county counties borough boroughs province provinces district districts region regions town towns village
    villages parish parishes school hospital university college airline airlines carrier carriers network
    networks institution institutions organisation organisations organization organizations charity charities
    museum museums library libraries force forces army armies navy watchdog watchdogs panel panels tribunal
    tribunals inquiry body bodies side club nhs bbc eu un nation world west east north south""".split()
)
# (Bodies are listed too: "The county should publish the figures" is advice to it.)
_PERSON_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ee", "ees", "ant", "ants")


_DETERMINERS = frozenset("the a an this that these those its their his her our each any every".split())
_NOT_IN_SUBJECT = _CLAUSE_START | frozenset(
    "how why what whether whom whose it they he she we i you there then not no also and or".split()
)
_MAX_SUBJECT_WORDS = 7


def _plain_subject(text: str, start: int) -> bool:
    """The sentence opens with a plain noun phrase right before "should" ("The new timetable", "GM's
    announcement", "Spring-sown crops"): no comma, clause word or pronoun in it, so the head found is the
    subject and not a word of a relative or reported clause ("… instructions to police on how they
    should deal …")."""
    before = text[:start]
    if any(c in before for c in ',;:—()"“”'):
        return False
    words = _WORD.findall(before)
    if not 1 <= len(words) <= _MAX_SUBJECT_WORDS:
        return False
    low = [w.lower() for w in words]
    if not _NOT_IN_SUBJECT.isdisjoint(low[1:]) or low[0] in _NOT_IN_SUBJECT - _DETERMINERS:
        return False
    return (
        low[0] in _DETERMINERS
        or low[0].endswith(("'s", "’s"))
        or (len(words) <= 3 and words[0][:1].isupper())
    )


def _inanimate_head(head: str) -> bool:
    low = head.lower()
    return (
        head.isalpha()
        and head.islower()
        and len(low) > 2
        and low not in _PERSON_NOUNS
        and not low.endswith(_PERSON_SUFFIXES)
        and low not in ("it", "one", "who", "which", "that", "what")
    )
