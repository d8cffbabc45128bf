"""Sentence segmentation with character offsets into the clean text.

A rule-based splitter tuned for news prose. It was chosen over pysbd, blingfire and
syntok by measurement (see docs/SEGMENTATION.md and benchmarks/segment_bench.py):
it handles abbreviations such as "D.C.", "Dr.", "U.S." and "Inc.", decimals,
initials and closing quotes as well as the best of them, keeps exact offsets,
and runs an order of magnitude faster than pysbd.

Lines are hard boundaries: the cleaner keeps one paragraph or heading per line,
so a heading without a full stop never merges into the next sentence.
"""

from __future__ import annotations

import re

# Abbreviations that are followed by a full stop but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt cmdr adm gov sen rep pres supt insp
    messrs hon maj cpl pte brig fr
    inc corp co ltd plc llc bros dept univ assn est approx
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols pp fig figs ed eds op cit al ca cf vs v
    e.g i.e etc a.m p.m u.s u.k u.n e.u d.c n.y l.a
    ave blvd rd hwy
    """.split()
)

# Words that often start a sentence; after an acronym such as "U.S." they signal a boundary.
_SENTENCE_STARTERS = frozenset(
    """
    the a an it he she they we i this that these those there but and so however in on at
    his her their its our my for if when while after before as what why how who
    """.split()
)

# A terminal run (". ! ? …" possibly repeated), optional closing quotes/brackets, then whitespace.
# Possessive quantifiers and "not after another terminal": a match can only start where a run starts
# and no part of it is given back (giving back never helps: the next part cannot start with a
# terminal, quote or space it would give back). Without them 25,000 "." took 11 s (each position
# re-scanned the rest of the run): a record of dots stalled its batch.
_BOUNDARY = re.compile(r"""(?<![.!?…])([.!?…]++)(["'”’»)\]]*+)(\s++)(?=["'“‘«(\[]?[A-Z0-9À-Ý])""")
# _BOUNDARY confined to one line (\s+ is the only part of it that can match "\n"): run over the
# whole text, it finds a match starting in every line in which _BOUNDARY finds one, and matches
# never cross lines. A line without one is a single sentence. ("[.!?…][.!?…]*" is "[.!?…]+" written
# to start with a character set, which the regex engine scans for much faster; the lookbehind after
# the first character is _BOUNDARY's "not after another terminal".) Its matches in a line
# are exactly _BOUNDARY's matches in that line (the same groups; the lookahead fails at a line end
# either way), so the text is scanned once and each line with a boundary is handed its matches.
_LINE_BOUNDARY = re.compile(
    r"""([.!?…](?<![.!?…][.!?…])[.!?…]*+)(["'”’»)\]]*+)([^\S\n]++)(?=["'“‘«(\[]?[A-Z0-9À-Ý])"""
)
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([\w’'-]+)")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")
# A word, a slash and an initial: "photo/j" in "(AP Photo/J. Scott Applewhite)". A word of three
# letters or more before the slash, so "A/B. Then …" still ends a sentence.
_CREDIT_INITIAL = re.compile(r"[a-z]{3,}/[a-z]")


_MAX_HEADING_CHARS = 45


def _after_line_end(text: str, pos: int) -> bool:
    """Whether ``pos`` starts the text or a line after a sentence or a short heading.
    Not after a line broken mid-sentence: in hard-wrapped wire copy the unwrapper left alone, a line
    opening "13. Chinese nearby April rises …" ends the sentence of the line before ("… on March")."""
    if pos == 0:
        return True
    if text[pos - 1] != "\n":
        return False
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] in ".!?:;…\"'”’)":
        return True
    # A heading ("10 things we learned from the budget") is short; a wrapped line is near the width.
    return j - text.rfind("\n", 0, j) <= _MAX_HEADING_CHARS


def _is_false_boundary(text: str, line_start: int, dot_pos: int, punct: str, next_word: str) -> bool:
    """True when the full stop at dot_pos belongs to an abbreviation, initial or acronym."""
    if punct != ".":
        return False
    # The token before the full stop: scan back to the previous space (a regex search from the
    # sentence start re-scanned the whole sentence at every candidate boundary).
    i = dot_pos
    while i > line_start and not text[i - 1].isspace():
        i -= 1
    if i == dot_pos:
        return False
    token = text[i:dot_pos].lstrip("\"'“‘([").lower()
    if not token:
        return False
    if token in _ABBREVIATIONS:
        # "U.S." or "Inc." at the end of a sentence followed by "The ..." is a real boundary.
        return not (
            ("." in token or token in {"inc", "corp", "co", "ltd", "plc", "llc", "etc"})
            and next_word.lower() in _SENTENCE_STARTERS
        )
    if i == line_start and len(token) <= 3 and token.isdigit() and _after_line_end(text, i):
        # A list item's number opening the line ("3. The state pension rises …"): not a sentence of
        # its own ("3." was one, labelled boilerplate, in every listicle).
        return True
    if len(token) == 1 and token.isalpha() or _CREDIT_INITIAL.fullmatch(token):
        # An initial, as in "J. K. Rowling" or "Antony J. Blinken", also after a slash in a picture
        # credit ("(AP Photo/J. Scott Applewhite)", which split in two with half of it content).
        return True
    if _DOTTED_ACRONYM.fullmatch(token):
        # Dotted acronyms not in the list ("N.A.T.O"): split only before a common starter.
        return next_word.lower() not in _SENTENCE_STARTERS
    return False


class _QuoteScan:
    """Whether a double quotation opened in ``text[start:pos]`` is still open at ``pos``, for
    ascending ``pos`` from one ``start``: each call scans only the characters since the last one.
    Scanning from ``start`` at every call was quadratic when boundaries inside an open quotation
    kept the sentence start in place (an opening quote and 20,000 "wait… Then" took 23 s)."""

    __slots__ = ("_closed", "_opened", "_straight", "_text", "_upto")

    def __init__(self, text: str, start: int) -> None:
        self._text = text
        self._upto = start
        self._straight = 0  # straight double quotes in text[start:upto]
        self._opened = -1  # the last “ in text[start:upto]
        self._closed = False  # a ” follows it before upto

    def inside(self, pos: int) -> bool:
        text, upto = self._text, self._upto
        if pos > upto:
            self._straight += text.count('"', upto, pos)
            opened = text.rfind("“", upto, pos)
            if opened != -1:
                self._opened, self._closed = opened, text.find("”", opened, pos) != -1
            elif self._opened != -1 and not self._closed:
                self._closed = text.find("”", upto, pos) != -1
            self._upto = pos
        return (self._opened != -1 and not self._closed) or self._straight % 2 == 1


def _split_line(
    text: str, start: int, end: int, matches: list[re.Match[str]] | None = None
) -> list[tuple[int, int]]:
    """Sentences of the line ``text[start:end]``; ``matches``: _BOUNDARY's matches in it, if known."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    quotes: _QuoteScan | None = None  # made when first needed: most lines have no "…"
    for m in _BOUNDARY.finditer(text, start, end) if matches is None else matches:
        after = m.end()
        punct = m.group(1)
        # Only a lone full stop can be a false boundary; don't look up the next word for others.
        if punct == ".":
            # Matched in place (pos/endpos), not on a slice: slicing the rest of the line at every
            # boundary made long lines quadratic.
            next_word_m = _NEXT_WORD.match(text, after, end)
            next_word = next_word_m.group(1) if next_word_m else ""
            if _is_false_boundary(text, sent_start, m.start(1), punct, next_word):
                continue
        elif not m.group(2) and (punct == "…" or punct == "..."):
            if quotes is None:
                quotes = _QuoteScan(text, sent_start)
            if quotes.inside(m.start()):
                # A speaker trailing off inside a quotation ("We will wait… We will see," he said) has
                # not ended the sentence: the quotation and its attribution stay one sentence.
                continue
        stop = m.end(2)
        if stop > sent_start:
            spans.append((sent_start, stop))
        sent_start = after
        quotes = None
    if sent_start < end:
        spans.append((sent_start, end))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of each sentence in ``text``.

    Offsets are into ``text`` itself, so ``text[start:end]`` is the sentence, with
    surrounding whitespace excluded. Empty and whitespace-only lines produce nothing.
    """
    spans: list[tuple[int, int]] = []
    # Start of each possible boundary, ascending; most lines (headings, hard-wrapped wire copy) have
    # none and are taken whole, without _split_line's per-line regex work.
    found = list(_LINE_BOUNDARY.finditer(text))
    candidates = [m.start() for m in found]
    candidates.append(len(text))  # sentinel: no candidate lies beyond the text
    ci = 0
    end = -1
    # Lines are the non-empty runs of characters other than "\n"; start and end are their offsets.
    for line in text.split("\n"):
        start = end + 1
        end = start + len(line)
        if not line:
            continue
        while candidates[ci] < start:
            ci += 1
        if candidates[ci] >= end:
            # One sentence: the line without its surrounding whitespace, if anything is left
            # (str.strip and str.isspace agree on what whitespace is).
            s = end - len(line.lstrip())
            e = start + len(line.rstrip())
            if e > s:
                spans.append((s, e))
            continue
        cj = ci + 1
        while candidates[cj] < end:
            cj += 1
        for s, e in _split_line(text, start, end, found[ci:cj]):
            # Trim whitespace so offsets point at the first and last visible characters.
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
    return spans


def sentences(text: str) -> list[str]:
    """Convenience: the sentence strings of ``text``."""
    return [text[s:e] for s, e in split_sentences(text)]
