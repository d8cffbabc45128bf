"""Cue finders for the sentence classifier: each returns ``Cue`` spans into one sentence.

Every finder is a module-level compiled regex plus a small context check for the
words a plain word list gets wrong ("May" the month, "likely voters", past-ability
"could", "suggested retail price", "no doubt"). The lexicons were chosen from the
train splits of the labelled sets in ../shared/data (which cue words annotators mark,
and how often a word marks uncertainty when it appears); see docs/EVALUATION.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # one of vocabulary.CUE_KINDS
    text: str  # exactly sentence[start:end]
    start: int
    end: int


# The frozen dataclass's generated __init__ sets each field through object.__setattr__ (a Python-level
# call per field, ~1.2 µs a cue here). ``_cue(kind, text, start, end)`` builds the same object — same
# class and slots, equal and hashing alike, still frozen — by writing the slots through their member
# descriptors (C calls, about 2x faster). The finders below build their cues with it.
_new_object = object.__new__
_set_kind = Cue.kind.__set__  # type: ignore[attr-defined]
_set_text = Cue.text.__set__  # type: ignore[attr-defined]
_set_start = Cue.start.__set__  # type: ignore[attr-defined]
_set_end = Cue.end.__set__  # type: ignore[attr-defined]


def _cue(kind: str, text: str, start: int, end: int) -> Cue:
    """``Cue(kind, text, start, end)`` without the dataclass __init__ (the same object)."""
    cue = _new_object(Cue)
    _set_kind(cue, kind)
    _set_text(cue, text)
    _set_start(cue, start)
    _set_end(cue, end)
    return cue


# --------------------------------------------------------------------------- context helpers

_PREV_WORD = re.compile(r"([A-Za-z’']+)[^A-Za-z’'\n]*$")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z’'-]+)")
_NEXT_CHAR = re.compile(r"[ \t]*(\S)")


# _PREV_WORD searched over the 30 characters before a cue tries every start position (and backtracks
# through every word): ~10 µs. The same word is found by matching its reversal against the reversed
# window: skip non-letters (no line break), take the letter run. ``$`` also matches just before a
# final "\n" of the window, so that newline is dropped first.
_PREV_WORD_REVERSED = re.compile(r"[^A-Za-z’'\n]*([A-Za-z’']+)")


def _prev(text: str, start: int) -> str:
    """``_PREV_WORD.search(text, max(0, start - 30), start)``'s word, lower-cased, or ""."""
    lo = max(0, start - 30)
    if start > lo and text[start - 1] == "\n":
        start -= 1
    m = _PREV_WORD_REVERSED.match(text[lo:start][::-1])
    return m.group(1)[::-1].lower() if m else ""


def _next(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def _next_char(text: str, end: int) -> str:
    m = _NEXT_CHAR.match(text, end)
    return m.group(1) if m else ""


def _at_sentence_start(text: str, start: int) -> bool:
    return not text[:start].strip(" \t\"“‘'([-–—")


_BE = frozenset(
    "is are was were be been being am 's ’s seems seem seemed appears appear appeared looks look "
    "remains remain remained became become becomes".split()
)
_PAST_PARTICIPLE_IRREGULAR = frozenset(
    "been given known seen made shed taken gone done had got gotten heard felt thought said told "
    "won lost met led brought bought found kept left meant paid put read run sent set spent stood "
    "understood written driven chosen spoken broken begun drawn fallen grown shown thrown become "
    "come held".split()
)


def _is_past_participle(word: str) -> bool:
    return word.endswith("ed") or word in _PAST_PARTICIPLE_IRREGULAR


# --------------------------------------------------------------------------- fast gating

# Python's regex engine tries every alternative at every position, so each family's regex runs only
# when the sentence contains one of its trigger words (one findall + set test per sentence). The
# trigger sets must cover the first word of every alternative; tests/test_classify.py checks that.
_WORDS_RE = re.compile(r"[a-z]+")


# Byte table for ASCII text: A-Z lower-cased, a-z kept, every other byte a space. For ASCII text,
# text.lower() changes exactly A-Z, so the words are the space-separated runs left by this table.
_ASCII_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def words_of(text: str) -> frozenset[str]:
    """Lower-cased alphabetic tokens of a sentence, for trigger gating."""
    if text.isascii():
        # The same tokens as the regex on text.lower(): bytes.translate does the lower-casing and the
        # non-letter blanking in one table lookup per byte (about 3x faster than str.translate).
        return frozenset(text.encode().translate(_ASCII_WORD_BYTES).decode().split())
    return frozenset(_WORDS_RE.findall(_lower(text)))


_UNESCAPED_SPACE = re.compile(r"(?<!\\)\s+")


def _split_top_level(body: str) -> list[str]:
    """Split a regex alternation on its top-level "|" (ignoring groups, classes and escapes)."""
    parts: list[str] = []
    cur: list[str] = []
    depth = i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            cur.append(body[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = body.index("]", i + 1)
            cur.append(body[i : j + 1])
            i = j + 1
            continue
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return [p for p in parts if p]


def word_alternation(body: str) -> str:
    r"""``\b(?:alt|alt|…)\b`` with alternatives grouped by first letter.

    CPython's engine tries every alternative at every word start; factoring out the first letter
    makes it try about one group instead of ~150 alternatives (2-3x faster, same matches).
    Alternatives that start with a group or class keep their place in front, so multi-word phrases
    ("may or may not") still win over their first word.
    """
    alts = _split_top_level(_UNESCAPED_SPACE.sub("", body))
    by_letter: dict[str, list[str]] = {}
    rest: list[str] = []
    for a in alts:
        if a[0].isalpha() and a[0].islower():
            by_letter.setdefault(a[0], []).append(a[1:])
        else:
            rest.append(a)
    grouped = [f"{c}(?:{'|'.join(v)})" for c, v in by_letter.items()]
    return r"\b(?:" + "|".join(rest + grouped) + r")\b"


# (text, text.lower()) of the sentence being classified: every finder needs the lower-cased copy.
# One tuple swapped atomically, so threads classifying different sentences never mix them up.
_LAST_LOWER: list[tuple[str, str]] = [("", "")]


def _lower(text: str) -> str:
    last = _LAST_LOWER[0]
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWER[0] = (text, low)
    return low


# --------------------------------------------------------------------------- candidate scanning
#
# A big alternation searched over a whole sentence costs ~40 ns per character in CPython's engine
# (every position is tried). Every cue pattern below starts each alternative with \b and a word, so a
# match can only begin where one of a few "start tokens" (the maximal run of a-z letters at the
# match start, lower-cased) stands in the sentence. Those tokens are derived from the parsed pattern
# (``start_tokens``), the sentence's word set says which of them occur, ``str.find`` locates them, and
# the pattern is only tried there (``Pattern.match`` at a position behaves exactly like the search
# reaching that position: \b and lookarounds see the whole string). Positions are tried left to
# right, skipping those inside the previous match, so the matches are exactly ``finditer``'s.

try:  # Python 3.11+
    import re._constants as _sre_c
    import re._parser as _sre_p
except ImportError:  # pragma: no cover
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]


class _Unsupported(Exception):
    pass


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NON_LETTER_CATEGORIES = frozenset({_sre_c.CATEGORY_DIGIT, _sre_c.CATEGORY_SPACE, _sre_c.CATEGORY_LINEBREAK})


def _class_chars(items: list) -> tuple[list[str], bool]:
    r"""The listed characters of a class, and whether it also holds unlisted non-letters (\s, \d)."""
    chars: list[str] = []
    other = False
    for op, av in items:
        if op is _sre_c.LITERAL:
            chars.append(chr(av))
        elif op is _sre_c.RANGE:
            lo, hi = av
            if hi - lo > 64:
                raise _Unsupported
            chars.extend(chr(c) for c in range(lo, hi + 1))
        elif op is _sre_c.CATEGORY and av in _NON_LETTER_CATEGORIES:
            other = True
        else:  # \w, negated classes: may be a letter
            raise _Unsupported
    return chars, other


# A state: (token so far, token closed, \b seen before the first letter).
_State = tuple[str, bool, bool]


def _walk(items: list, states: set[_State]) -> set[_State]:
    for op, av in items:
        if all(closed for _, closed, _ in states):
            break
        states = _step(op, av, states)
    return states


def _add_char(ch: str, open_: list[_State], out: set[_State]) -> None:
    for tok, _, bounded in open_:
        if ch in _ASCII_LETTERS:
            if not tok and not bounded:
                raise _Unsupported  # a match could start inside a word
            out.add((tok + ch.lower(), False, bounded))
        elif not tok:
            raise _Unsupported  # a match could start with a non-letter
        else:
            out.add((tok, True, bounded))


def _step(op, av, states: set[_State]) -> set[_State]:  # noqa: ANN001
    out = {s for s in states if s[1]}
    open_ = [s for s in states if not s[1]]
    if op is _sre_c.LITERAL:
        _add_char(chr(av), open_, out)
    elif op is _sre_c.IN:
        chars, other = _class_chars(av)
        for ch in chars:
            _add_char(ch, open_, out)
        if other:  # \s, \d: characters that are no letters
            _add_char(" ", open_, out)
    elif op is _sre_c.BRANCH:
        for alt in av[1]:
            out |= _walk(alt.data, set(open_))
    elif op is _sre_c.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unsupported  # inline flags
        out |= _walk(av[3].data, set(open_))
    elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
        lo, hi, sub = av
        cur: set[_State] = set(open_)
        for k in range(12):
            if k >= lo:
                out |= cur
            if k == hi or all(closed for _, closed, _ in cur):
                break
            cur = _walk(sub.data, cur)
            if len(cur) > 4096:
                raise _Unsupported  # e.g. [a-z]*: tokens of any length
        else:
            raise _Unsupported
    elif op is _sre_c.AT and av is _sre_c.AT_BOUNDARY:
        for tok, _, bounded in open_:
            out.add((tok, True, bounded) if tok else (tok, False, True))
    elif op is _sre_c.AT and av in (_sre_c.AT_END, _sre_c.AT_END_STRING):
        for tok, _, bounded in open_:
            if not tok:
                raise _Unsupported
            out.add((tok, True, bounded))
    elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
        out |= set(open_)  # consumes nothing
    else:
        raise _Unsupported
    return out


def start_tokens(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every lower-cased a-z token a match of ``pattern`` can start with, or None when a match may
    start elsewhere than at a word of letters (then the pattern is searched the plain way)."""
    if flags & re.IGNORECASE:
        return None
    try:
        states = _walk(_sre_p.parse(pattern, flags).data, {("", False, False)})
    except _Unsupported:
        return None
    if any(not closed or not tok for tok, closed, _ in states):
        return None
    return frozenset(tok for tok, _, _ in states)


def line_start_tokens(rx: re.Pattern[str]) -> frozenset[str]:
    """The lower-cased a-z token a match of an anchored ``\\s*(?:…)`` line pattern starts with
    (case-insensitive patterns included: for ASCII text a case-insensitive match is one of the
    lower-cased text)."""
    data = list(_sre_p.parse(rx.pattern, rx.flags & ~re.IGNORECASE).data)
    op, av = data[0]
    assert (
        op is _sre_c.MAX_REPEAT
        and av[0] == 0
        and list(av[2].data) == [(_sre_c.IN, [(_sre_c.CATEGORY, _sre_c.CATEGORY_SPACE)])]
    ), "pattern must start with \\s*"
    states = _walk(data[1:], {("", False, True)})
    assert all(closed and tok for tok, closed, _ in states)
    return frozenset(tok for tok, _, _ in states)


def _candidates(target: str, low: str, present: frozenset[str] | set[str]) -> list[int]:
    """Start offsets of whole a-z tokens ``present`` in ``low`` (``target`` lower-cased, same
    length) that follow no alphanumeric character in ``target``, ascending."""
    pos: list[int] = []
    n_low = len(low)
    for w in present:
        n = len(w)
        i = low.find(w)
        while i != -1:
            j = i + n
            if (i == 0 or not target[i - 1].isalnum()) and (j == n_low or not ("a" <= low[j] <= "z")):
                pos.append(i)
            i = low.find(w, j)
    if len(pos) > 1:
        pos.sort()
    return pos


def scan(
    rx: re.Pattern[str],
    starts: frozenset[str],
    target: str,
    low: str,
    words: frozenset[str],
    requires: dict[str, frozenset[str]] | None = None,
) -> list[re.Match[str]]:
    """``list(rx.finditer(target))`` for a pattern whose matches all start with a token in ``starts``.

    ``requires`` maps a common start token to the words of which every match starting with it holds
    at least one ("a" → {"deal"} for "a big deal"): without them the token is not tried.
    """
    present = words & starts
    if not present:
        return []
    if requires:
        # Drop the start tokens whose required words are all absent (a plain loop over the few
        # present tokens: a set comprehension costs a function frame per call).
        blocked = None
        for w in present:
            req = requires.get(w)
            if req is not None and words.isdisjoint(req):
                if blocked is None:
                    blocked = [w]
                else:
                    blocked.append(w)
        if blocked is not None:
            present = present.difference(blocked)
            if not present:
                return []
    out: list[re.Match[str]] = []
    end = 0
    match = rx.match
    for p in _candidates(target, low, present):
        if p >= end:
            m = match(target, p)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


class _CaseFreeRe:
    """A pattern compiled twice: case-sensitive for lower-cased text (about 5x faster than
    re.IGNORECASE in CPython) and case-insensitive for the rare text whose lower-casing changes
    its length (offsets would no longer line up with the original)."""

    __slots__ = ("low", "ic", "starts", "requires")

    def __init__(self, pattern: str, flags: int = 0, requires: dict[str, str] | None = None) -> None:
        self.low = re.compile(pattern, flags)
        self.ic = re.compile(pattern, flags | re.IGNORECASE)
        self.starts = start_tokens(pattern, flags)
        self.requires = {k: frozenset(v.split()) for k, v in (requires or {}).items()}

    def find(self, text: str, words: frozenset[str]) -> list[re.Match[str]]:
        """``finditer(text)`` by candidate scanning; ``words`` must be ``words_of(text)``."""
        if self.starts is not None and text.isascii() and words.isdisjoint(self.starts):
            # What scan() below returns first: no start token in the sentence (ASCII text keeps its
            # length when lower-cased, so scan() is the path taken). Trigger sets also hold later
            # words of phrases, so this is common (a third of the hedge calls).
            return []
        low = _lower(text)
        if len(low) == len(text):
            if self.starts is not None:
                return scan(self.low, self.starts, low, low, words, self.requires)
            return list(self.low.finditer(low))
        return list(self.ic.finditer(text))

    def finditer(self, text: str) -> list[re.Match[str]]:
        low = _lower(text)
        if len(low) == len(text):
            return list(self.low.finditer(low))
        return list(self.ic.finditer(text))


HEDGE_TRIGGERS = frozenset(
    """likelihood certainly known evidence proof confirmation clear understood sure certain feeling said
    may might whether probably
    perhaps possibly presumably apparently seemingly supposedly allegedly reportedly purportedly reputedly
    conceivably plausibly potentially hypothetically maybe likely unlikely probable improbable possible
    possibility possibilities likelihood uncertain uncertainty unclear unsure unknown doubtful doubt doubts
    doubted unproven unconfirmed unverified speculative speculate speculates speculated speculating
    speculation speculations putative alleged allege alleges allegation allegations accused rumor rumors
    rumored rumour rumours rumoured suspected suspect presumed presume assume assumes assumed assuming
    assumption assumptions hypothesize hypothesized hypothesizes hypothesise hypothesised hypothesises
    believe believed believes believing belief beliefs think thinks thought seem seems seemed seeming appear
    appears appeared apparent suggest suggests suggested suggesting suggestion suggestions imply implies
    implied implying consider considers considered regarded seen viewed perceived expect expects expected
    expecting feared fears suppose supposed supposedly guess imagine wonder wonders wondered indicate
    indicates indicating idea view views regard regards questionable questioned accusation accusations could would must""".split()
)

# --------------------------------------------------------------------------- hedges

# One alternation for speed; ambiguous words are vetted by _HEDGE_CHECKS below.
_HEDGE_RE = _CaseFreeRe(
    word_alternation(
        r"""
      in\ all\ likelihood | almost\ certainly | little\ is\ known | little\ doubt | some\ doubt
    | no\ (?:clear\ |solid\ |hard\ |conclusive\ |scientific\ |direct\ )?(?:evidence|proof|confirmation)
    | little\ evidence | insufficient\ evidence | not\ (?:yet\ |entirely\ |fully\ |well\ )?(?:clear|known|understood|sure|certain)
    | remains\ to\ be\ seen | (?:may|might)\ or\ (?:may|might)\ not | whether\ or\ not
    | have\ a\ feeling | whether | questioned | accusations?
    | probably | perhaps | possibly | presumably | apparently | seemingly | supposedly | allegedly
    | reportedly | reputedly | conceivably | plausibly | potentially | hypothetically
    | maybe | likely | unlikely | probable | improbable | possible | possibility | possibilities
    | likelihood | uncertain | uncertainty | unclear | unsure | unknown | doubtful | doubts? | doubted
    | unproven | unconfirmed | unverified | speculative | speculat(?:e|es|ed|ing|ion|ions)
    | putative | alleged | alleges? | allegations? | accused | rumou?r(?:s|ed)? | suspected | suspect
    | presumed | presume | assum(?:e|es|ed|ing|ption|ptions) | hypothesi[sz](?:e|ed|es)
    | believ(?:e|ed|es|ing) | beliefs? | think | thinks | thought | seem(?:s|ed|ing)? | appear(?:s|ed)?
    | suggest(?:s|ed|ing)? | suggestions? | impl(?:y|ies|ied) | implying
    | consider(?:s|ed)? | regarded | regards? | views? | seen | viewed | expect(?:s|ed|ing)?
    | feared | fears | suppos(?:e|ed|edly) | guess | imagine | wonder(?:s|ed)?
    | indicat(?:e|es|ing)\ that | idea\ that | view\ that
    | may | might | could | would | must
    """
    ),
    # Common first words of phrases: tried only with a later word of one of their phrases present.
    requires={
        "in": "likelihood",
        "almost": "certainly",
        "little": "known doubt evidence",
        "some": "doubt",
        "no": "evidence proof confirmation",
        "not": "clear known understood sure certain",
        "remains": "seen",
        "have": "feeling",
        "insufficient": "evidence",
    },
)

_MONTH_CONTEXT = frozenset(
    "in on of since until by early late mid last next this during from through".split()
)
_NOT_MODAL_AFTER_MAY = frozenset("of and to the in through until or day".split())


def _ok_may(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    nxt = _next(text, e)
    if _next_char(text, e).isdigit():
        return False  # "May 5", "may 2023": the month
    if word == "May":
        if not _at_sentence_start(text, s):
            return False  # mid-sentence capital: the month or a name ("Theresa May said")
        return (
            bool(nxt)
            and nxt not in _NOT_MODAL_AFTER_MAY
            and nxt[0].islower() is True
            and text[e : e + 1] == " "
        )
    if _prev(text, s) in _MONTH_CONTEXT and nxt in ("", "and", "or"):
        return False  # "until may." in lower-cased text
    return True


_MIGHT_NOUN_PREV = frozenset(
    "the its his her their our military economic naval full all industrial financial with".split()
)


def _ok_might(text: str, s: int, e: int) -> bool:
    nxt = _next(text, e)
    if _prev(text, s) in _MIGHT_NOUN_PREV and (nxt in ("of", "and", "is", "was", "") or not nxt):
        return False  # "military might", "with all his might"
    return not (nxt == "" and _next_char(text, e) in (".", ",", ";", "!"))


_PAST_ABILITY = re.compile(
    r"\b(?:as\ an?\ (?:child|boy|girl|kid|teenager|youngster|student)|when\ (?:he|she|i|they|we|you)\ (?:was|were)\b"
    r"|in\ (?:his|her|their|my|our)\ (?:youth|childhood|prime)|back\ then|in\ those\ days|at\ (?:that|the)\ time"
    r"|by\ the\ age\ of|years?\ old|used\ to)",
    re.IGNORECASE | re.VERBOSE,
)
_COULD_FACTUAL_NEXT = frozenset(
    "not n't never hardly barely only no nothing see hear afford feel smell".split()
)
_PURPOSE_PREV = frozenset("that so who which where".split())


# One search per sentence, however many "could"s it has (one-entry cache, swapped atomically).
_LAST_PAST_ABILITY: list[tuple[str, bool]] = [("", False)]


def _has_past_ability_context(text: str) -> bool:
    last = _LAST_PAST_ABILITY[0]
    if last[0] is text:
        return last[1]
    found = _PAST_ABILITY.search(text) is not None
    _LAST_PAST_ABILITY[0] = (text, found)
    return found


_PURPOSE_BEFORE = re.compile(r"\b(?:so|so that|in order that)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)


def _ok_could(text: str, s: int, e: int) -> bool:
    nxt = _next(text, e)
    if nxt in _COULD_FACTUAL_NEXT or text[e : e + 3].lower() == "n't":
        return False  # negated or perception/ability: "could not attend", "could see the lights"
    if _prev(text, s) in _PURPOSE_PREV or _PURPOSE_BEFORE.search(text, max(0, s - 40), s):
        return False  # purpose clause: "so that they could attend", "so stranded travellers could return"
    return not _has_past_ability_context(text)  # "he could swim as a child"


_HAVE_PP = re.compile(
    r"[ \t]+(?:also[ \t]+|probably[ \t]+|likely[ \t]+)?have[ \t]+([A-Za-z]+)", re.IGNORECASE
)


def _ok_would_must(text: str, s: int, e: int) -> bool:
    # Only the counterfactual/inferential perfect ("would have given", "must have been") is the
    # author's guess; plain "would" is conditional or future-in-the-past, "must" is obligation.
    m = _HAVE_PP.match(text, e)
    return bool(m) and _is_past_participle(m.group(1).lower()) and m.group(1).lower() != "had"


_LIKELY_NOUNS = frozenset("voter voters caucusgoers caucus-goers electorate".split())


def _ok_likely(text: str, s: int, e: int) -> bool:
    nxt = _next(text, e)
    if nxt in _LIKELY_NOUNS or (
        nxt in ("democratic", "republican", "primary", "general")
        and _next(text, e + 1 + len(nxt)) in _LIKELY_NOUNS
    ):
        return False  # the polling term "likely voters"
    return True


_POSSIBLE_NOT_PREV = frozenset(
    "as made make makes making if where whenever wherever best highest lowest greatest every all "
    "fastest earliest smallest largest maximum minimum widest shortest".split()
)


_CLAUSE_START = frozenset(
    "that however they he she it the this these those we there some one his her their".split()
)


# A count before "possible" enumerates the options a system allows ("three possible combustion
# chambers", "four possible patterns"): a range of alternatives, not doubt. "one possible cause" is
# left alone: a single candidate offered is the tentative use.
_POSSIBLE_COUNT_PREV = frozenset(
    "two three four five six seven eight nine ten twelve several all both".split()
)
# A superlative up to two words before: "the sharpest possible handling", "the dumbest way possible",
# "the best score possible" — the degree reached, not doubt.
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:[a-z]{2,}est|best|worst|most|least)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset(
    "interest honest modest earnest forest west rest test contest protest request suggest guest chest "
    "quest harvest manifest digest priest arrest invest conquest".split()
)
_NEGATED_BE = frozenset("isn't wasn't aren't weren't isn’t wasn’t aren’t weren’t even never".split())


def _ok_possible(text: str, s: int, e: int) -> bool:
    # "as soon as possible", "made possible", "it is possible to bend the pins", "boarding is possible
    # there": feasibility, not doubt. Predicative "possible" is a hedge only before a clause.
    prev, nxt = _prev(text, s), _next(text, e)
    if prev in _POSSIBLE_NOT_PREV or nxt in ("to", "for") or prev in _POSSIBLE_COUNT_PREV:
        return False
    m = _SUPERLATIVE_BEFORE.search(text, max(0, s - 40), s)
    if m is not None and m.group(0).split()[0].lower() not in _NOT_SUPERLATIVE:
        return False
    if (
        prev in _BE
        or prev in _NEGATED_BE
        or prev in ("sometimes", "always", "only", "also", "not", "quite", "entirely", "still")
    ):
        return nxt in _CLAUSE_START
    return True


def _ok_unknown(text: str, s: int, e: int) -> bool:
    nxt = _next(text, e)
    prev = _prev(text, s)
    return (
        nxt in ("whether", "if", "why", "how", "what", "when", "who", "where")
        or prev in _BE
        or prev == "still"
    )


_DOUBT_NEGATORS = re.compile(r"\b(?:no|without|beyond|little|any|some)\s+(?:a\s+)?$", re.IGNORECASE)


def _ok_doubt(text: str, s: int, e: int) -> bool:
    word = text[s:e].lower()
    if word in ("doubts", "doubted"):
        return True
    m = _DOUBT_NEGATORS.search(text, max(0, s - 12), s)
    return m is None or m.group(0).lower().startswith(("little", "some"))  # "no doubt" is a booster


_APPEAR_OK_NEXT = frozenset("to that as likely unlikely".split())


def _ok_appear(text: str, s: int, e: int) -> bool:
    return _next(text, e) in _APPEAR_OK_NEXT or _prev(text, s) in ("it", "would", "there", "might", "may")


_SUGGEST_NOT_NEXT = frozenset(
    "retail price prices reading readings donation dose dosage serving servings use age".split()
)


def _ok_suggest(text: str, s: int, e: int) -> bool:
    # "the suggested retail price" is a recommended amount, not a tentative claim.
    return (
        _prev(text, s) not in ("the", "a", "an", "our", "their", "its")
        and _next(text, e) not in _SUGGEST_NOT_NEXT
    )


_CONSIDER_PREV = (
    frozenset(
        "widely generally often usually commonly now still traditionally long also many some most others critics "
        "scholars historians people experts i we you they once originally later frequently largely sometimes "
        "universally be".split()
    )
    | _BE
)

_MODAL_BE_BEFORE = re.compile(r"\b(?:should|must|will|would|could|can|may|might|to)\s+be\s+$", re.IGNORECASE)
_CONSIDER_DELIBERATION_NEXT = frozenset(
    "whether how what for options alternatives applications buying moving leaving".split()
)


def _ok_considered(text: str, s: int, e: int) -> bool:
    # Doxastic "is considered (to be) X", "many consider X a Y"; not deliberation ("consider whether",
    # "considered changing the name", "the input was considered but rejected") or the imperative.
    word = text[s:e].lower()
    nxt = _next(text, e)
    if (
        nxt in _CONSIDER_DELIBERATION_NEXT
        or nxt in ("but", "in", "from", "separately")
        or nxt.endswith("ing")
    ):
        return False
    if word in ("consider", "considers"):
        # Not the imperative ("Consider a vector …") or deliberation ("to consider her options").
        if _at_sentence_start(text, s) or _prev(text, s) in ("to", "and", "please", "must", "should", "we"):
            return False
        # Active "consider" holds an opinion only with a judgement about its object: "consider it a
        # comet", "consider Lemieux to be …", "consider the storage as …", "consider that …".
        # Without one it is deliberation: "goaltenders consider the shooter's preference".
        return nxt in _CONSIDER_OBJECT_PRONOUNS or _JUDGEMENT_AHEAD.match(text, e) is not None
    return True


_CONSIDER_OBJECT_PRONOUNS = frozenset(
    "that it this these them themselves him her himself herself itself".split()
)
# A small-clause judgement within the same clause: "… to be", "… as", "… a/an …", or a quoted label.
_JUDGEMENT_AHEAD = re.compile(r"[^,;:.!?()]{0,60}?(?:\bto\s+be\b|\bas\b|\s[Aa]n?\s|[“\"])")


_BY_AS = re.compile(r"[ \t]+by[ \t]+(?:\S+[ \t]+){1,4}?as\b", re.IGNORECASE)


def _ok_as_judgement(text: str, s: int, e: int) -> bool:
    # "regarded/seen/viewed/perceived (by many) as": a doxastic judgement; "seen in Paris" is perception.
    nxt = _next(text, e)
    return nxt == "as" or (nxt == "by" and _BY_AS.match(text, e) is not None)


_AS_SOON = re.compile(r"[ \t]+(?:[\w’'-]+[ \t]+){0,4}?as\b", re.IGNORECASE)


def _ok_regard_view(text: str, s: int, e: int) -> bool:
    # "Some regard them as descendants …", "others view it as a remake": a judgement held by others.
    # Not the nouns ("the view", "in this regard", "with regard to").
    prev = _prev(text, s)
    if prev in (
        "the",
        "a",
        "this",
        "that",
        "his",
        "her",
        "their",
        "its",
        "our",
        "in",
        "with",
        "of",
        "point",
        "world",
    ):
        return False
    return _AS_SOON.match(text, e) is not None


_THOUGHT_NOUN_PREV = frozenset(
    "a the of school in political religious chinese western his her their my our any second deep".split()
)


def _ok_thought(text: str, s: int, e: int) -> bool:
    prev = _prev(text, s)
    nxt = _next(text, e)
    if prev in _THOUGHT_NOUN_PREV:
        return False
    return nxt in (
        "to",
        "that",
        "of",
        "it",
        "he",
        "she",
        "they",
        "this",
        "the",
        "i",
        "we",
        "so",
    ) or prev in _BE | _CONSIDER_PREV | {"i", "we", "been"}


def _ok_think(text: str, s: int, e: int) -> bool:
    return _next(text, e) not in (
        "about",
        "of",
        "twice",
        "back",
        "through",
        "outside",
        "big",
        "tank",
        "tanks",
    )


_BELIEVE_NOT_BEFORE = re.compile(
    r"(?:hard to|make|can['’]t|cannot|couldn['’]t|could not)[\s-]$", re.IGNORECASE
)


def _ok_believe(text: str, s: int, e: int) -> bool:
    if _next(text, e) == "in":
        return False  # "believe in twelve Imams": faith or support, not an uncertain claim
    return _BELIEVE_NOT_BEFORE.search(text, max(0, s - 12), s) is None  # "hard to believe": incredulity


def _ok_expect(text: str, s: int, e: int) -> bool:
    prev = _prev(text, s)
    nxt = _next(text, e)
    if prev in ("than", "as", "the", "life", "un"):
        return False  # "better than expected", "the expected outcome", "life expectancy"
    return (
        nxt in ("to", "that", "it", "this", "the", "a", "an", "them", "him", "her", "more", "much")
        or prev in _BE
    )


def _ok_seen(text: str, s: int, e: int) -> bool:
    return _ok_as_judgement(text, s, e)


def _ok_suspect(text: str, s: int, e: int) -> bool:
    prev = _prev(text, s)
    return text[s:e].lower() == "suspected" or prev in ("i", "we", "they", "some", "many", "to")


def _ok_fear(text: str, s: int, e: int) -> bool:
    return _next(text, e) in ("that", "to", "it", "he", "she", "they") or _prev(text, s) in _BE


def _ok_first_person(text: str, s: int, e: int) -> bool:
    return _prev(text, s) in ("i", "we", "you", "one", "just", "can")  # "I guess", "I imagine"


def _ok_wonder(text: str, s: int, e: int) -> bool:
    return _next(text, e) in ("if", "whether", "why", "how", "what", "who", "when")


def _ok_belief(text: str, s: int, e: int) -> bool:
    return _next(text, e) in ("that", "in", "is", "was")


_HEDGE_CHECKS = {
    "may": _ok_may,
    "might": _ok_might,
    "could": _ok_could,
    "would": _ok_would_must,
    "must": _ok_would_must,
    "likely": _ok_likely,
    "possible": _ok_possible,
    "unknown": _ok_unknown,
    "doubt": _ok_doubt,
    "appear": _ok_appear,
    "appears": _ok_appear,
    "appeared": _ok_appear,
    "suggest": _ok_suggest,
    "suggests": _ok_suggest,
    "suggested": _ok_suggest,
    "suggesting": _ok_suggest,
    "consider": _ok_considered,
    "considers": _ok_considered,
    "considered": _ok_considered,
    "viewed": _ok_as_judgement,
    "seen": _ok_seen,
    "regard": _ok_regard_view,
    "regards": _ok_regard_view,
    "view": _ok_regard_view,
    "views": _ok_regard_view,
    "thought": _ok_thought,
    "think": _ok_think,
    "thinks": _ok_think,
    "believe": _ok_believe,
    "believed": _ok_believe,
    "believes": _ok_believe,
    "expect": _ok_expect,
    "expects": _ok_expect,
    "expected": _ok_expect,
    "expecting": _ok_expect,
    "suspect": _ok_suspect,
    "feared": _ok_fear,
    "fears": _ok_fear,
    "guess": _ok_first_person,
    "imagine": _ok_first_person,
    "wonder": _ok_wonder,
    "wonders": _ok_wonder,
    "wondered": _ok_wonder,
    "belief": _ok_belief,
    "beliefs": _ok_belief,
}


def hedge_cues(text: str, words: frozenset[str] | None = None) -> list[Cue]:
    """Every epistemic hedge cue in the sentence (words of uncertainty, not conditionals)."""
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    if words.isdisjoint(HEDGE_TRIGGERS):
        return out
    for m in _HEDGE_RE.find(text, words):
        s, e = m.span()
        check = _HEDGE_CHECKS.get(m.group(0).lower())
        if check is None or check(text, s, e):
            out.append(_cue("hedge", text[s:e], s, e))
    return out


# Modal verbs in the writer's or reader's own voice ("I would recommend it", "you could try the
# sequel", "if you like thrillers"): the writer's tentative stance. Reviews annotate them as
# speculation (SFU); encyclopedic and news prose almost never has a first/second person outside
# quotations, so the rule does not fire there. They set the hedged flag but never decide
# "speculative" on their own: the stance is an opinion (see classify.py).
#
# Alternatives and possibilities the writer offers ("I wish they had black or white", "you can rent
# boats or play tennis", "you get either a view of the woods or the pool") are the same stance: the
# writer leaves the choice open. They set the hedged flag only and never decide a label, so a news
# sentence keeps its label. Third-person "or"/"can" ("security, migration, or investment", "the US
# can provide support") stay out: there the disjunction or ability is part of the reported content.
_FIRST_PERSON_RE = re.compile(
    r"\b(?:I(?![-–:.)’'\x92]?\d|[-–:)/])|[Ww]e|[Mm]y|me|us|[Oo]ur|I['’\x92](?:m|ve|d|ll)|[Ww]e['’\x92](?:re|ll|d|ve))\b"
)
# Lower-case "i" as a pronoun (informal writing: "i couldn't stop"), not the index "i" of a formula.
# A separate pattern, run only when the text has a lone "i", keeps the common case fast.
_LOWER_I_RE = re.compile(r"(?<![\w.'’-])i(?=['’\x92](?:m|ve|d|ll)\b|\s+(?!is\b|and\b|or\b|=)[a-z])")
_SECOND_PERSON_RE = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou['’\x92](?:re|ll|d|ve))\b")
# "won't" is left out with "will": plain future, never a hedge.
_NEGATED_MODAL = r"(?:ca|could|would|should|must)\ ?n['’\x92]t"
_PERSONAL_MODAL_RE = _CaseFreeRe(
    word_alternation(_NEGATED_MODAL + r"|would|could|should|might|may|can|must|if|cannot|or|either")
)
PERSON_TRIGGERS = frozenset("i you we my your me us our".split())
_MODAL_WORDS = frozenset(
    "would could should might may can must if cannot ca couldn wouldn shouldn mustn or either".split()
)
# Generic "you" with a perception verb ("in the cave you can see the tombs") describes what is there,
# it offers no choice: not a cue.
_PERCEPTION_NEXT = frozenset("see hear smell taste spot notice tell".split())
_OPTION_WORDS = frozenset("or either".split())


def _voice(text: str, quotes: list[tuple[int, int]]) -> str:
    """ "first", "second" or "" — the writer's or reader's voice outside quotations."""
    for m in _FIRST_PERSON_RE.finditer(text):
        if inside(quotes, m.start()):
            continue
        word = m.group(0)
        if word == "I":
            prev_raw = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
            if (
                prev_raw
                and prev_raw.group(1)[:1].isupper()
                and not _at_sentence_start(text, prev_raw.start())
            ):
                continue  # "World War I", "Henry I": a numeral, not the writer
            nxt = _next(text, m.end())
            if nxt.endswith("s") and not nxt.endswith("ss") and nxt != "was":
                continue  # "Theater I consists of": a numeral with a third-person verb
        elif word[0] in "MWO" and not _at_sentence_start(text, m.start()):
            continue  # "My Lai", "We Are the World": a name or title, not the writer
        return "first"
    if "i " in text or "i'" in text or "i’" in text or "i\x92" in text:
        for m in _LOWER_I_RE.finditer(text):
            if not inside(quotes, m.start()):
                return "first"
    for m in _SECOND_PERSON_RE.finditer(text):
        if not inside(quotes, m.start()):
            return "second"
    return ""


def personal_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], list[Cue]]:
    """(stance modals, offered options) in the writer's or reader's voice, outside quotations.

    Stance modals ("I would recommend", "if you like") may decide an opinion label; offered options
    ("or"/"either", and "you can"/"you must") only set the hedged flag.
    """
    words = words if words is not None else words_of(text)
    if words.isdisjoint(PERSON_TRIGGERS) or words.isdisjoint(_MODAL_WORDS):
        return [], []
    voice = _voice(text, quotes)
    if not voice:
        return [], []
    stance: list[Cue] = []
    options: list[Cue] = []
    for m in _PERSONAL_MODAL_RE.find(text, words):
        s, e = m.span()
        word = text[s:e].lower()
        if inside(quotes, s) or (word == "may" and not _ok_may(text, s, e)):
            continue
        if word == "cannot" or (word[:2] == "ca" and word != "can"):
            # Negated ability states a fact about the writer or the product, like "could not":
            # "I can't comment on the spa", "you cannot put them in the dishwasher".
            continue
        cue = _cue("hedge", text[s:e], s, e)
        if word in _OPTION_WORDS:
            options.append(cue)
        elif voice == "second" and (word in ("can", "cannot", "must") or word.startswith(("ca", "must"))):
            # Generic "you": what the reader can or must do is an option offered, not the writer's stance.
            if _next(text, e) not in _PERCEPTION_NEXT:
                options.append(cue)
        else:
            stance.append(cue)
    return stance, options


def personal_modal_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> list[Cue]:
    return personal_cues(text, quotes, words)[0]


# --------------------------------------------------------------------------- quotations

# Straight quotes pair up left to right; curly quotes by direction. British single curly quotes count
# only from a word-initial ‘ to a ’ not followed by a letter (a ’ inside a word is an apostrophe:
# ‘it’s over’). Straight single quotes are skipped: apostrophes and Wikipedia bold markup. Quotations
# are bounded in length so a run of unmatched openers costs linear, not quadratic, time.
_QUOTE_RE = re.compile(
    r"“[^“”\n]{2,2000}?”|\"[^\"\n]{2,2000}?\"|«[^«»\n]{2,2000}?»|``[^`'\n]{2,2000}?''|(?<!\w)‘(?:[^’‘\n]|’(?=\w)){2,2000}?’(?!\w)"
)

# The alternatives of _QUOTE_RE that ASCII text can match, in their order (a test checks the two agree).
_QUOTE_RE_ASCII = re.compile(r"\"[^\"\n]{2,2000}?\"|``[^`'\n]{2,2000}?''")


def quote_cues(text: str, continued: bool = False) -> list[Cue]:
    """Quotations, including one left open or closed across a sentence boundary by the segmenter.

    ``continued`` says the sentence starts inside a quotation opened in an earlier sentence (see
    ``classify.quote_context``): text up to the first closing mark, or the whole sentence when none
    closes, is quoted.
    """
    if continued:
        ends = [i for i in (text.find("”"), text.find('"'), text.find("»")) if i != -1]
        close = min(ends) if ends else -1
        end = close + 1 if close != -1 else len(text.rstrip())
        start = len(text) - len(text.lstrip())
        head = [_cue("quote", text[start:end], start, end)] if end > start else []
        rest = quote_cues(text[end:]) if close != -1 else []
        return head + [_cue(c.kind, c.text, c.start + end, c.end + end) for c in rest]
    out: list[Cue] = []
    if text.isascii():
        # Only the straight-quote alternatives can match ASCII text (same matches, fewer tries), and
        # there are no curly quotes to complete below.
        for m in _QUOTE_RE_ASCII.finditer(text):
            s, e = m.span()
            out.append(_cue("quote", text[s:e], s, e))
        return out
    for m in _QUOTE_RE.finditer(text):
        s, e = m.span()
        out.append(_cue("quote", text[s:e], s, e))
    first_open, first_close = text.find("“"), text.find("”")
    if first_close != -1 and (first_open == -1 or first_close < first_open) and first_close > 0:
        # The quotation began in the previous sentence: "And you are our best partners,” stated Hill".
        if not out or out[0].start > first_close:
            out.insert(0, _cue("quote", text[: first_close + 1], 0, first_close + 1))
    last_open = text.rfind("“")
    if last_open != -1 and text.find("”", last_open) == -1 and all(c.end <= last_open for c in out):
        end = len(text.rstrip())
        if end - last_open > 2:
            out.append(_cue("quote", text[last_open:end], last_open, end))
    return out


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    # any(s <= pos < e for s, e in spans), as a plain loop: called for every cue, mostly with no
    # spans, where the generator and any() cost more than the test.
    for s, e in spans:
        if s <= pos < e:
            return True
    return False


# --------------------------------------------------------------------------- attribution

# Verbs that put a claim in someone else's mouth whatever follows them. Matched case-sensitively so
# "United States" is not "states"; the few that start sentences get a capital variant.
_SPEECH_VERBS = (
    r"said|says|say|saying|stated|stating|told|tells|telling|added|adding|noted|noting|explained|explaining"
    r"|argued|argues|argue|arguing|claimed|claims|claim|claiming|insisted|insists|insisting|warned|warns|warning"
    r"|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|stressed|stresses|stressing|asserted|asserts|declared|declares"
    r"|remarked|commented|acknowledged|acknowledges|admitted|admits|denied|denies|wrote|writes"
    r"|tweeted|urged|urges|echoed|echoing|announced|announces|contended|contends|believes|thinks|reckons|reckoned"
    r"|testified|complained|conceded|countered|replied|responded|cautioned|commended|praised"
    r"|criticized|criticised|condemned|welcomed|accused|pointed\ out|points\ out|called\ for|calls\ for|call\ for"
    r"|raised\ concerns?|raises\ concerns?|expressed\ (?:\w+\ ){0,2}?(?:concerns?|optimism|commitment|support|hope|"
    r"eagerness|confidence|doubts?|fears?|frustration|disappointment|interest|gratitude|regret|opposition)"
    r"|expressing\ (?:\w+\ ){0,2}?(?:concerns?|optimism|commitment|support|hope|eagerness|confidence)"
    r"|[Aa]ccording\ to|[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|is\ said\ to|are\ said\ to|was\ said\ to|were\ said\ to"
    r"|[Ii]t\ is\ said|(?:is|are|was|were)\ (?:widely\ |generally\ |also\ |now\ |often\ |commonly\ |long\ )?"
    r"(?:expected|believed|thought|reported|rumou?red|alleged|considered|regarded|understood|said)"
    r"(?!\ (?:in|for|at|on|from|with|and|but|during|after|before|when)\b)(?=\ [a-z])"
)
_ATTRIB_RE = re.compile(word_alternation(_SPEECH_VERBS))
_ATTRIB_STARTS = start_tokens(_ATTRIB_RE.pattern)
_AGENTLESS_VERBS = (
    "said expected believed thought reported rumored rumoured alleged considered regarded understood"
)
_ATTRIB_REQUIRES = {
    "is": _AGENTLESS_VERBS,
    "are": _AGENTLESS_VERBS,
    "was": _AGENTLESS_VERBS,
    "were": _AGENTLESS_VERBS,
    "it": "said",
}
_ATTRIB_REQUIRES = {k: frozenset(v.split()) for k, v in _ATTRIB_REQUIRES.items()}
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
_TOPIC_VERB_RE = _CaseFreeRe(
    word_alternation(
        "highlighted|highlights|mentioned|mentions|suggested|suggests|indicated|indicates|showed|shows|found|"
        "reported|reports|concluded|concludes|estimated|estimates|believed|alleged|alleges|confirmed|confirms|"
        "revealed|reveals|observed|observes|recalled|predicted|predicts|maintained|maintains|posted"
    )
    + r"\s+that\b"
)
# Object words after which these verbs are not speech ("added to the list", "wrote the music").
_NOT_SPEECH_NEXT = {
    "added": frozenset("to a an the new more extra value some up".split()),
    "adding": frozenset("to a an the new more extra value some up".split()),
    "wrote": frozenset("a an the his her their several many music songs books novels poems for".split()),
    "noted": frozenset("for as".split()),
    "denied": frozenset("entry access bail a the".split()),
    "say": frozenset(),
}
_NOT_SPEECH_PREV = {
    "say": frozenset("to let's let’s i".split()),
    "claim": frozenset("a the this that insurance".split()),
    "claims": frozenset("a the these those insurance".split()),
}
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


ATTRIBUTION_TRIGGERS = frozenset(
    """said says say saying stated stating told tells telling added adding noted noting explained explaining
    argued argues argue arguing claimed claims claim claiming insisted insists insisting warned warns warning
    emphasized emphasised emphasizes emphasises emphasizing emphasising stressed stresses stressing asserted
    asserts declared declares remarked commented acknowledged acknowledges admitted admits denied denies wrote
    writes tweeted urged urges echoed echoing announced announces contended contends believes thinks reckons
    reckoned testified complained conceded countered replied responded cautioned commended praised criticized
    criticised condemned welcomed accused pointed points called calls call raised raises expressed expressing
    according reportedly allegedly purportedly expected thought rumored rumoured considered regarded
    understood believe think suggest fear consider expect
    speculate assume suspect contend maintain worry doubt highlighted highlights mentioned mentions suggested
    suggests indicated indicates showed shows found reported reports concluded concludes estimated estimates
    believed alleged alleges confirmed confirms revealed reveals observed observes recalled predicted predicts
    maintained maintains posted""".split()
)


_START = attrgetter("start")


def attribution_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], str | None]:
    """Attribution cues outside quotations, and the first named source found for them."""
    cues: list[Cue] = []
    source: str | None = None
    words = words if words is not None else words_of(text)
    if words.isdisjoint(ATTRIBUTION_TRIGGERS):
        return cues, source
    low = _lower(text)
    if len(low) == len(text):
        found = scan(_ATTRIB_RE, _ATTRIB_STARTS, text, low, words, _ATTRIB_REQUIRES)
    else:
        found = list(_ATTRIB_RE.finditer(text))
    for m in found:
        word = m.group(0)
        if inside(quotes, m.start()):
            continue
        if word in _NOT_SPEECH_NEXT and _next(text, m.end()) in _NOT_SPEECH_NEXT[word]:
            continue
        if word in _NOT_SPEECH_PREV and _prev(text, m.start()) in _NOT_SPEECH_PREV[word]:
            continue
        cue = _cue("attribution", word, m.start(), m.end())
        cues.append(cue)
        if source is None:
            source = _source_for(text, cue, quotes)
    if words.isdisjoint(_WEASEL_VERBS):
        found = []
    elif len(low) == len(text):
        found = scan(_WEASEL_RE, _WEASEL_STARTS, text, low, words)
    else:
        found = list(_WEASEL_RE.finditer(text))
    for m in found:
        if inside(quotes, m.start()):
            continue
        cues.append(_cue("attribution", m.group(2), m.start(2), m.end(2)))
        if source is None:
            source = m.group(1)
    for m in _TOPIC_VERB_RE.find(text, words) if "that" in words else ():
        if inside(quotes, m.start()) or any(c.start == m.start() for c in cues):
            continue
        verb_end = m.start() + len(m.group(0).split()[0])
        cue = _cue("attribution", text[m.start() : verb_end], m.start(), verb_end)
        cues.append(cue)
        if source is None:
            source = _source_for(text, cue, quotes)
    if len(cues) > 1:
        cues.sort(key=_START)
    return cues, source


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
OPINION_WORDS = frozenset(
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
STANCE_WORDS = (
    frozenset(
        """we our us ourselves must should ought shall really actually ever very too just certainly only
    everything nothing something everyone everybody nobody always never bad good great wrong evil racist
    illegal fair unfair explosive dramatic dramatically immense fragile terrific ferocious drastic horror wild
    ruin greed greedy obscene shameless blatant blatantly alarming troubling best worst greatest disaster mess
    merely mere simply powerful massive huge enormous tremendous extraordinary desperate radical extreme
    reckless corrupt dangerous essential elite elites socialism socialist""".split()
    )
    - OPINION_WORDS
)
_OPINION_PHRASE_RE = _CaseFreeRe(
    word_alternation(
        r"""
      (?:pretty|really|very|such\ a|a)\ big\ deal | big\ deal | (?:it'?s|it’s|it\ is|is|are|was|well)\ worth
    | worth\ (?:understanding|noting|watching|reading|mentioning|remembering|considering|it)
    | of\ course | no\ doubt | in\ fact | needless\ to\ say | critical\ (?:part|role|step|one|for|to|that)
    | (?:should|ought\ to|must|need\ to|needs\ to)\ (?:\w+\ )?(?:be|have|not|never|stop|start|do|take|make|want|play|aim|realize|recogni[sz]e|remember|support|reject|act)
    | we\ (?:need|must|should|cannot|can't|can’t) | i\ (?:think|believe|feel|hope|love|hate|like)
    | our\ (?:country|nation|society|democracy|system|children) | let\ us\ not | so-called
    | only\ (?:a|the)\ (?:few|handful)
    """
    ),
    requires={
        **dict.fromkeys("pretty really very such a big".split(), "deal"),
        **dict.fromkeys("it its is are was well".split(), "worth"),
        "of": "course",
        "no": "doubt",
        "in": "fact",
        "we": "need must should cannot can",
        "i": "think believe feel hope love hate like",
        "our": "country nation society democracy system children",
        "so": "called",
        "only": "few handful",
    },
)
_STANCE_PHRASE_RE = _CaseFreeRe(word_alternation(r"need\ to | needs\ to | so\ much | no\ one"))
# Gate on the most specific word of each phrase (not "we", "i", "so", "only": too common to gate on).
OPINION_PHRASE_TRIGGERS = frozenset(
    """deal worth course doubt fact needless critical should ought must need needs cannot can think believe
    feel hope love hate like country nation society democracy system children let called few handful""".split()
)
STANCE_PHRASE_TRIGGERS = frozenset("need needs much one".split())
_GOOD_TERMS = frozenset("governance faith practice practices news will".split())


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


def _keep_stance(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    if word[0].isupper() and (word.isupper() or not _at_sentence_start(text, s)):
        return False  # "US", "Great Britain", "Good Friday": names, not the author's voice
    return not (word.lower() == "good" and _next(text, e) in _GOOD_TERMS)


def opinion_and_stance_cues(
    text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None
) -> tuple[list[Cue], list[Cue]]:
    """(strong opinion cues, weak stance cues) outside quotations."""
    words = words if words is not None else words_of(text)
    strong = words & OPINION_WORDS
    weak = words & STANCE_WORDS
    phrases = not words.isdisjoint(OPINION_PHRASE_TRIGGERS)
    stance_phrases = not words.isdisjoint(STANCE_PHRASE_TRIGGERS)
    bang = "!" in text and text.rstrip().endswith("!")  # the substring test spares the copy
    if not (strong or weak or phrases or stance_phrases or bang):
        return [], []  # the common case: no cue word at all
    low = _lower(text)
    if len(low) != len(text):  # offsets would drift; the rare case is not worth a second code path
        low = text
    opinions: list[Cue] = []
    stances: list[Cue] = []
    taken: list[tuple[int, int]] = []
    if phrases:
        for m in _OPINION_PHRASE_RE.find(text, words):
            if not inside(quotes, m.start()):
                opinions.append(_cue("opinion", text[m.start() : m.end()], m.start(), m.end()))
                taken.append(m.span())
    if stance_phrases:
        for m in _STANCE_PHRASE_RE.find(text, words):
            if not inside(quotes, m.start()) and not inside(taken, m.start()):
                stances.append(_cue("opinion", text[m.start() : m.end()], m.start(), m.end()))
                taken.append(m.span())
    if strong:
        for s, e in _word_spans(low, strong):
            if not inside(quotes, s) and not inside(taken, s):
                opinions.append(_cue("opinion", text[s:e], s, e))
    if weak:
        for s, e in _word_spans(low, weak):
            if not inside(quotes, s) and not inside(taken, s) and _keep_stance(text, s, e):
                stances.append(_cue("opinion", text[s:e], s, e))
    if bang:
        end = len(text.rstrip())
        if not inside(quotes, end - 1):
            opinions.append(_cue("opinion", "!", end - 1, end))
    if len(opinions) > 1:
        opinions.sort(key=_START)
    if len(stances) > 1:
        stances.sort(key=_START)
    return opinions, stances


def opinion_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    return opinion_and_stance_cues(text, quotes, words)[0]


def stance_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    return opinion_and_stance_cues(text, quotes, words)[1]


_FILLER_RE = _CaseFreeRe(
    r"""(?:\b(?:hey|hi|hello)\ (?:guys|everyone|folks|there|friends)\b | \blet['’]?s\b | \blet\ us\b(?!\ not)
    | \bgrab\ (?:your|a)\ (?:coffee|cup|tea|snack|popcorn|seat)\b
    | \bthanks?\ (?:you\ )?for\ (?:tuning\ in|reading|watching|listening|stopping\ by|joining)\b
    | \bstay\ tuned\b | \bbuckle\ up\b | \bwithout\ further\ ado\b | \bwrapping\ (?:it|things)\ up\b
    | \bkeep\ an\ eye\ on\b | \bdon['’]?t\ forget\ to\b | \byou\ (?:might|may)\ be\ wondering\b
    | \bhave\ you\ ever\ wondered\b
    | \bin\ this\ (?:article|post|guide|blog),?\ (?:we|i)['’]?(?:ll|\ will|\ are\ going\ to)\b
    | \bwe['’]re\ going\ to\ (?:break\ down|dive|explore|look|take)\b | \bdive\ (?:into|in|deep)\b | \bread\ on\b
    | \b(?:guys|folks)\b(?=[!.,?]) | \bhappy\ reading\b | \bcheers\b(?=[!.]|$) | \bhere['’]s\ the\ (?:deal|thing)\b
    | \bbut\ wait\b | \bas\ you\ (?:can\ see|know|might\ know)\b
    )""",
    re.VERBOSE,
    requires={
        "as": "see know",
        "in": "article post guide blog",
        "we": "going",
        "you": "wondering",
        "have": "wondered",
        "but": "wait",
        "here": "deal thing",
        "happy": "reading",
        "keep": "eye",
    },
)
FILLER_TRIGGERS = frozenset(
    """hey hi hello let grab thanks thank tuned buckle ado wrapping eye forget wondering wondered article post
    guide blog going dive read guys folks reading cheers deal thing wait see know""".split()
)
# Discourse openers that only address the reader at the very start: "Alright, so what …", "So, why …?"
FILLER_OPENER_RE = _FILLER_OPENER_RE = re.compile(
    r"\s*(?:alright|all right|okay|ok|so|well|now),?\s+(?:so\b|guys\b|let|what\b|why\b|how\b|here\b)",
    re.IGNORECASE,
)


# For ASCII text the opener can only match when the sentence's first word is one of these (the same
# derivation as BOILERPLATE_LINE_WORDS below): without one, the match is skipped, it would fail.
FILLER_OPENER_WORDS = line_start_tokens(FILLER_OPENER_RE)


def _strip_cue(kind: str, m: re.Match[str], text: str) -> Cue:
    raw = text[m.start() : m.end()]  # the match may come from the lower-cased copy
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return _cue(kind, body, m.start() + lead, m.start() + lead + len(body))


def filler_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    m = None if text.isascii() and words.isdisjoint(FILLER_OPENER_WORDS) else FILLER_OPENER_RE.match(text)
    if m:
        out.append(_strip_cue("filler", m, text))
    if not words.isdisjoint(FILLER_TRIGGERS):
        out.extend(
            _strip_cue("filler", m, text)
            for m in _FILLER_RE.find(text, words)
            if not inside(quotes, m.start())
        )
    return out


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_COUNTER_WORDS = "views|comments|shares|likes|reads"
_BOILERPLATE_PHRASES = r"""subscribe\ to\ (?:our|the)\ (?:newsletter|channel|feed)|sign\ up\ for\ (?:our|the)|follow\ us\ on
      |share\ (?:on|via)\ (?:facebook|twitter|x|whatsapp|linkedin|email)|click\ here|all\ rights\ reserved
      |privacy\ policy|terms\ of\ (?:use|service)|cookie\ (?:policy|settings)|accept\ cookies|\d+\s+min(?:ute)?\ read
      |copyright\ ©?|leave\ a\ (?:comment|reply)|print\ this|email\ this"""
_BOILERPLATE_RE = _CaseFreeRe(
    r"""(?:\b\d[\d,.]*[km]?\s+(?:"""
    + _COUNTER_WORDS
    + r""")\b
    | ©\ ?\d{4}
    | \b"""
    + _MONTHS
    + r"""\s+\d{1,2},\s+\d{4}\b(?=\s+\d|\s*[-–|·•]|\s*$)
    | \b(?:"""
    + _BOILERPLATE_PHRASES
    + r""")\b
    )""",
    re.VERBOSE,
)
# Necessary conditions for a match of _BOILERPLATE_RE in ASCII text (no "©", so not the second
# branch), one per remaining branch: a counter word ("47 views") with a digit; a date tail
# "D, DDDD" (the month branch); a first word of a phrase ("privacy policy", "5 min read": "min"),
# with "all" only beside "rights" and "share" only beside "on"/"via". When none holds, finditer
# cannot match and is skipped (it scans every position: ~20 µs a sentence).
_COUNTER_WORD_SET = frozenset(_COUNTER_WORDS.split("|"))
_DATE_TAIL_RE = re.compile(r"\d,\s+\d{4}")
_PHRASE_START_WORDS = start_tokens(
    r"\b(?:"
    + "|".join(a for a in _split_top_level(_UNESCAPED_SPACE.sub("", _BOILERPLATE_PHRASES)) if a[0] != "\\")
    + r")\b"
) | {"min", "minute"}  # the one alternative that starts with digits: \d+\s+min(?:ute)?\ read
_PHRASE_REQUIRES = {"all": frozenset({"rights"}), "share": frozenset({"on", "via"})}


def boilerplate_possible(text: str, words: frozenset[str]) -> bool:
    """False only when _BOILERPLATE_RE cannot match the ASCII ``text`` (see above)."""
    digit = _DIGIT_RE.search(text) is not None
    if digit and not words.isdisjoint(_COUNTER_WORD_SET):
        return True
    if digit and _DATE_TAIL_RE.search(text) is not None:
        return True
    return any(
        w not in _PHRASE_REQUIRES or not words.isdisjoint(_PHRASE_REQUIRES[w])
        for w in words & _PHRASE_START_WORDS
    )


# Whole-line navigation labels: only when the line is (almost) nothing but the label.
_BOILERPLATE_LINE_RE = re.compile(
    r"""\s*(?:related\ (?:news|posts?|articles?|stories|content|reading)|lat?e?st\ news|lastest\ news|read\ more
      |read\ next|recommended(?:\ for\ you)?|trending(?:\ now)?|popular\ posts?|more\ from\ [\w\ ]{1,30}|see\ also
      |you\ may\ also\ like|advertisement|sponsored(?:\ content)?|share\ this(?:\ article|\ story|\ post)?|share
      |tags?:.*|categories:.*|filed\ under.*|previous\ (?:article|post)|next\ (?:article|post)|back\ to\ top
      |skip\ to\ (?:main\ )?content|loading\.*|menu|home|posted\ (?:by|on|in)\ .{1,60}|published\ (?:by|on)\ .{1,60}
      |written\ by\ .{1,60}|by\ [A-Z][a-z]+\ [A-Z][a-z]+|photo:.*|image:.*|comments?(?:\ \(\d+\))?)\s*[:.!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
BOILERPLATE_TRIGGERS = frozenset(
    """views comments shares likes reads subscribe sign follow share click rights privacy terms cookie cookies
    min minute copyright leave print email""".split()
)
MONTH_WORDS = _MONTH_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december""".split()
)
# For ASCII text the line pattern can only match when the line's first word is one of these.
BOILERPLATE_LINE_WORDS = line_start_tokens(_BOILERPLATE_LINE_RE)
_LEADING_WORD = re.compile(r"\s*([A-Za-z]+)")


def starts_with_line_word(text: str) -> bool:
    """For ASCII text: False when _BOILERPLATE_LINE_RE cannot match, because the first word (the
    maximal run of letters after leading whitespace, which a match starts with) is not one of
    BOILERPLATE_LINE_WORDS. "by", "more", "read" are common words; as first words they are rare."""
    m = _LEADING_WORD.match(text)
    return m is not None and m.group(1).lower() in BOILERPLATE_LINE_WORDS


_DIGIT_RE = re.compile(r"\d")
_NO_LETTERS = re.compile(r"^[^A-Za-z]*$")


_COUNTER_MATCH = re.compile(r"\s*\d[\d,.]*[km]?\s+(?:" + _COUNTER_WORDS + r")\s*$", re.IGNORECASE)
# Words that make a line prose rather than page furniture (bylines keep "by", "on", "at").
_PROSE_WORDS = frozenset(
    """the a an of and to in is that for it was with as be this are from have has not or but were had which
    their they its his her will would been also than who he she we i you our my your each""".split()
)
_META_SEPARATOR = re.compile(r"[|·•]")


def _counter_is_metadata(text: str, words: frozenset[str]) -> bool:
    """A counter ("47 views", "1.2k shares") is page furniture on a metadata line — separated by
    "|", "·" or "•", or with no function word and at most three other words ("John Smith 47 views")
    — not in a sentence: "The company bought 500,000 shares of the stock" reports a fact."""
    if _META_SEPARATOR.search(text):
        return True
    return words.isdisjoint(_PROSE_WORDS) and len(words - _COUNTER_WORD_SET) <= 3


def boilerplate_cues(text: str, words: frozenset[str] | None = None) -> list[Cue]:
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    ascii_text = text.isascii()
    # ASCII text: the line pattern needs its first word in the sentence, and letters mean words.
    if len(text) <= 80 and (
        not ascii_text or (not words.isdisjoint(BOILERPLATE_LINE_WORDS) and starts_with_line_word(text))
    ):
        m = _BOILERPLATE_LINE_RE.match(text)
        if m:
            body = text.strip()
            start = len(text) - len(text.lstrip())
            out.append(_cue("boilerplate", body, start, start + len(body)))
            return out
    # A byline date ("Nov 14, 2025 47 Views") only counts on a short line; prose dates are content.
    byline = len(text) <= 120 and not words.isdisjoint(_MONTH_WORDS) and _DIGIT_RE.search(text) is not None
    if (byline or "©" in text or not words.isdisjoint(BOILERPLATE_TRIGGERS)) and (
        not ascii_text or boilerplate_possible(text, words)
    ):
        out.extend(
            _strip_cue("boilerplate", m, text)
            for m in _BOILERPLATE_RE.finditer(text)
            if not _COUNTER_MATCH.match(m.group(0)) or _counter_is_metadata(text, words)
        )
    if not out and text.strip() and (not words if ascii_text else _NO_LETTERS.match(text)):
        body = text.strip()
        start = len(text) - len(text.lstrip())
        out.append(_cue("boilerplate", body, start, start + len(body)))
    return out
