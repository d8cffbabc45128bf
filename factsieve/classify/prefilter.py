"""The regex pre-filter the cue families are built on.

Each family runs its regex only when the sentence holds one of its trigger words (``words_of``), and
only at the positions where a match can start (``start_tokens`` reads them from the parsed pattern,
``scan`` tries the pattern there). ``CaseFreeRe`` compiles a pattern for lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# The per-sentence word scan, scan()'s inner loop, first_word and lowered in C (native.py); the
# pure-Python functions below give the same results and run when the extension is not built.
from factsieve.classify.native import wordscan as _wordscan

# --------------------------------------------------------------------------- fast gating

# Python's regex engine tries every alternative at every position, so each family's regex runs only
# when the sentence contains one of its trigger words (one findall + set test per sentence). The
# trigger sets must cover the first word of every alternative; tests/classify/test_classifier.py checks that.
_WORDS_RE = re.compile(r"[a-z]+")


# Byte table for ASCII text: A-Z lower-cased, a-z kept, every other byte a space. For ASCII text,
# text.lower() changes exactly A-Z, so the words are the space-separated runs left by this table.
_ASCII_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


# --------------------------------------------------------------------------- the trigger table
#
# Each cue family asks "does the sentence hold a word of this table?" a dozen times per sentence
# (``words.isdisjoint(TABLE)``: ~0.2 µs each, one hash probe per word of the sentence; ~28 asks a
# sentence, ~10% of classify). Instead, every table a gate asks about is registered once, at import,
# with ``trigger_gate(TABLE)``, which gives it one bit. ``words_of`` looks the sentence's words up in
# the union of all tables once and ORs their bits into ``words.gates``; a gate is then one integer
# test: ``words.gates & BIT`` is true exactly when ``not words.isdisjoint(TABLE)``.
# A new rule declares its trigger words the same way (module level, next to its regex):
#     _MY_RULE_GATE = trigger_gate(_MY_RULE_WORDS)
#     ...
#     if words.gates & _MY_RULE_GATE and _MY_RULE_RE.search(text): ...
# (``words.isdisjoint(TABLE)`` keeps working; the bit is only the cheaper spelling of it.)

_TABLE_BITS: dict[frozenset[str], int] = {}
_WORD_BITS: dict[str, int] = {}
_GATE_WORDS: frozenset[str] = frozenset()


class Words(frozenset):
    """``words_of``'s result: the sentence's lower-cased a-z words, and ``gates``, the bits of the
    registered trigger tables (``trigger_gate``) that hold one of them."""

    __slots__ = ("gates",)

    gates: int


def trigger_gate(table: Iterable[str]) -> int:
    """The bit of ``table`` in every ``words_of(text).gates`` (set when the sentence holds one of its
    words). Register at import time: a ``Words`` built earlier does not know a table added later."""
    global _GATE_WORDS
    key = frozenset(table)
    bit = _TABLE_BITS.get(key)
    if bit is None:
        bit = _TABLE_BITS[key] = 1 << len(_TABLE_BITS)
        for w in key:
            _WORD_BITS[w] = _WORD_BITS.get(w, 0) | bit
        _GATE_WORDS = frozenset(_WORD_BITS)
        if _wordscan is not None:
            _wordscan.reset()  # its cached words carry their bits: a new table changes them
    return bit


def gate_tables() -> dict[frozenset[str], int]:
    """Every registered trigger table and its bit (for tests and tools)."""
    return dict(_TABLE_BITS)


def _py_words_of(text: str) -> Words:
    """Lower-cased alphabetic tokens of a sentence, for trigger gating, with their table bits.

    ``words_of`` is this function, or its C version (``_wordscan.words_of``, same results) when the
    extension is built; the C version calls this one for text that is not ASCII."""
    if text.isascii():
        # The same tokens as the regex on text.lower(): bytes.translate does the lower-casing and the
        # non-letter blanking in one table lookup per byte (about 3x faster than str.translate).
        words = Words(text.encode().translate(_ASCII_WORD_BYTES).decode().split())
    else:
        words = Words(_WORDS_RE.findall(lowered(text)))
    gates = 0
    bits = _WORD_BITS
    for w in words & _GATE_WORDS:
        gates |= bits[w]
    words.gates = gates
    return words


words_of: Callable[[str], Words] = _py_words_of
if _wordscan is not None:
    _wordscan.configure(Words, _WORD_BITS, _py_words_of)
    words_of = _wordscan.words_of


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


def _py_lowered(text: str) -> str:
    last = _LAST_LOWER[0]
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWER[0] = (text, low)
    return low


# The C version keeps the same one-entry memo (a C call is atomic under the GIL).
lowered: Callable[[str], str] = _py_lowered if _wordscan is None else _wordscan.lowered


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


# Long on purpose: one case per regex opcode of re's parser (the trigger prefilter's interpreter);
# a dispatch table would hide the small per-opcode state changes
def _step(op, av, states: set[_State]) -> set[_State]:  # noqa: ANN001, C901, PLR0912
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


_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")


def _py_first_word(text: str) -> str:
    """The maximal run of ASCII letters after leading whitespace, lower-cased ("" when the line opens
    on anything else): for ASCII text, the token a match of an anchored ``\\s*(?:…)`` pattern starts
    with, so a first word outside ``line_start_tokens(rx)`` means ``rx.match`` fails."""
    m = _FIRST_WORD.match(text)
    return m.group(1).lower() if m is not None else ""


first_word: Callable[[str], str] = _py_first_word if _wordscan is None else _wordscan.first_word


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


def _py_scan(
    rx: re.Pattern[str],
    starts: frozenset[str],
    target: str,
    low: str,
    words: frozenset[str],
    requires: dict[str, int] | None = None,
) -> list[re.Match[str]]:
    """``list(rx.finditer(target))`` for a pattern whose matches all start with a token in ``starts``.

    ``requires`` maps a common start token to the ``trigger_gate`` bit of the words of which every
    match starting with it holds at least one ("a" → {"deal"} for "a big deal"): without them the
    token is not tried. ``words`` must be ``words_of(target)``.
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
            if req is not None and not words.gates & req:
                if blocked is None:
                    blocked = [w]
                else:
                    blocked.append(w)
        if blocked is not None:
            present = present.difference(blocked)
            if not present:
                return []
    return _match_at(rx.match, target, low, present)


def _py_match_at(
    match: Callable[[str, int], re.Match[str] | None], target: str, low: str, present: frozenset[str]
) -> list[re.Match[str]]:
    """``scan``'s matches: ``match`` tried at the ``_candidates`` left to right, skipping the starts
    inside the previous match (``_wordscan.match_at`` is the same loop in C)."""
    out: list[re.Match[str]] = []
    end = 0
    for p in _candidates(target, low, present):
        if p >= end:
            m = match(target, p)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


_match_at = _py_match_at if _wordscan is None else _wordscan.match_at
# scan in C: the same steps, no Python frame (attribution calls it directly, CaseFreeRe.find below).
scan = _py_scan if _wordscan is None else _wordscan.scan


class CaseFreeRe:
    """A pattern compiled twice: case-sensitive for lower-cased text (about 5x faster than
    re.IGNORECASE in CPython) and case-insensitive for the rare text whose lower-casing changes
    its length (offsets would no longer line up with the original)."""

    __slots__ = ("low", "ic", "starts", "starts_gate", "requires")

    def __init__(self, pattern: str, flags: int = 0, requires: dict[str, str] | None = None) -> None:
        self.low = re.compile(pattern, flags)
        self.ic = re.compile(pattern, flags | re.IGNORECASE)
        self.starts = start_tokens(pattern, flags)
        self.starts_gate = trigger_gate(self.starts) if self.starts is not None else 0
        self.requires = {k: trigger_gate(v.split()) for k, v in (requires or {}).items()}

    def _py_find(self, text: str, words: frozenset[str]) -> list[re.Match[str]]:
        """``finditer(text)`` by candidate scanning; ``words`` must be ``words_of(text)``."""
        if self.starts is not None and text.isascii() and not words.gates & self.starts_gate:
            # What scan() below returns first: no start token in the sentence (ASCII text keeps its
            # length when lower-cased, so scan() is the path taken). Trigger sets also hold later
            # words of phrases, so this is common (a third of the hedge calls).
            return []
        low = lowered(text)
        if len(low) == len(text):
            if self.starts is not None:
                return _py_scan(self.low, self.starts, low, low, words, self.requires)
            return list(self.low.finditer(low))
        return list(self.ic.finditer(text))

    find = _py_find

    def possible(self, text: str, words: Words) -> bool:
        """False when ``find(text, words)`` returns [] for want of a start token that its required
        words let through (``scan``'s first tests, without finding the tokens): a gate for callers."""
        if self.starts is None or not text.isascii():
            return True
        if not words.gates & self.starts_gate:
            return False
        requires = self.requires
        if not requires:
            return True
        gates = words.gates
        for w in words & self.starts:
            req = requires.get(w)
            if req is None or gates & req:
                return True
        return False

    def finditer(self, text: str) -> list[re.Match[str]]:
        low = lowered(text)
        if len(low) == len(text):
            return list(self.low.finditer(low))
        return list(self.ic.finditer(text))


if _wordscan is not None:
    # find in C (the same steps, the slots read by offset): a method descriptor of the class.
    CaseFreeRe.find = _wordscan.configure_case_free(CaseFreeRe)  # type: ignore[method-assign]
