"""Quotation cues inside one sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from factsieve.classify.cue import (
    Cue,
    new_cue,
)

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


# Round 12 (r30, r32): one shape of straight single quotes is speech, not apostrophes — a sentence that opens
# on the quotation and closes it on ",'", "?'" or "!'" before its speech tag ("'Honestly, folks, we just
# want our park back,' one resident told the meeting."). An apostrophe inside it sits between letters
# ("Let's"), so only a mark before a lower-case letter is read through.
_SINGLE_OPENING_RE = re.compile(r"\s*'(?=[A-Z])(?:[^'\n]|'(?=[a-z])){2,600}?[,?!]'(?=\s+[A-Za-z])")


def _single_opening_quote(text: str, out: list[Cue]) -> list[Cue]:
    """``out`` with the opening straight-single-quoted utterance (above) first, when nothing overlaps it."""
    m = _SINGLE_OPENING_RE.match(text)
    if m is None:
        return out
    s, e = m.end() - len(m.group(0).lstrip()), m.end()
    if any(c.start < e for c in out):
        return out
    return [new_cue("quote", text[s:e], s, e), *out]


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
        head = [new_cue("quote", text[start:end], start, end)] if end > start else []
        rest = quote_cues(text[end:]) if close != -1 else []
        return head + [new_cue(c.kind, c.text, c.start + end, c.end + end) for c in rest]
    out: list[Cue] = []
    if text.isascii():
        # Only the straight-quote alternatives can match ASCII text (same matches, fewer tries), and
        # there are no curly quotes to complete below.
        for m in _QUOTE_RE_ASCII.finditer(text):
            s, e = m.span()
            out.append(new_cue("quote", text[s:e], s, e))
        out = _open_straight_quote(text, out) if text.count('"') % 2 else out
        return _single_opening_quote(text, out) if text.lstrip()[:1] == "'" else out
    for m in _QUOTE_RE.finditer(text):
        s, e = m.span()
        out.append(new_cue("quote", text[s:e], s, e))
    if text.count('"') % 2:
        out = _open_straight_quote(text, out)
    first_open, first_close = text.find("“"), text.find("”")
    if first_close != -1 and (first_open == -1 or first_close < first_open) and first_close > 0:
        # The quotation began in the previous sentence: "And you are our best partners,” stated Hill".
        if not out or out[0].start > first_close:
            out.insert(0, new_cue("quote", text[: first_close + 1], 0, first_close + 1))
    if text.lstrip()[:1] == "'":
        out = _single_opening_quote(text, out)
    last_open = text.rfind("“")
    if last_open != -1 and text.find("”", last_open) == -1 and all(c.end <= last_open for c in out):
        end = len(text.rstrip())
        if end - last_open > 2:
            out.append(new_cue("quote", text[last_open:end], last_open, end))
    return out


# An unpaired straight double quote (an odd number in the sentence; pairs are taken left to right)
# opens a quotation the segmenter cut off at the sentence end when a word follows it and nothing but
# a space, a bracket, a dash or a colon precedes it ('"We will not back down.' opening a quotation
# that goes on in the next sentences), and closes one begun in the previous sentence when it follows
# the quotation's closing punctuation ('… back down," the mayor said'). Inches after a figure ('a 42"
# screen') are neither, nor is Reuters' apostrophe ('Qatar"s revenue', 'Phillips" cash flow').
_STRAIGHT_OPENER = re.compile(r'(?:(?<=^)|(?<=[\s(\[:—–-]))"(?=[A-Za-z0-9\'‘(])')
_STRAIGHT_CLOSER = re.compile(r'(?<=[.,!?…-])"(?![A-Za-z])')


def _open_straight_quote(text: str, out: list[Cue]) -> list[Cue]:
    """``out`` completed by the quotation that the sentence's unpaired straight quote opens or closes."""
    i = text.rfind('"')
    while i != -1 and any(c.start <= i < c.end for c in out):
        i = text.rfind('"', 0, i)
    if i == -1:
        return out
    if _STRAIGHT_OPENER.match(text, i) and all(c.end <= i for c in out):
        end = len(text.rstrip())
        if end - i > 2:
            out.append(new_cue("quote", text[i:end], i, end))
    elif _STRAIGHT_CLOSER.match(text, i) and i > 0 and all(c.start > i for c in out):
        out.insert(0, new_cue("quote", text[: i + 1], 0, i + 1))
    return out


# A quotation left open longer than this many sentences is more likely an unmatched mark than speech.
_MAX_QUOTED_SENTENCES = 12
_QUOTE_MARK = re.compile('["“”«»]')


def quote_context(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence span of ``text``, whether it starts inside a quotation opened earlier.

    Double quotation marks are tracked across sentences (curly “ ” and « » by direction, straight "
    by its shape — after a space and before a word it opens, after a word and before a space it closes —
    and by parity when it has neither shape; single quotes are left alone, they are mostly apostrophes). Journalistic convention
    closes a quotation in its paragraph or reopens it with a new “, so the state resets at each line
    break, and after ``_MAX_QUOTED_SENTENCES`` sentences, so one stray mark cannot turn the rest of a
    document into quotation.
    """
    # The document's quotation marks, found once (most sentences hold none): each sentence then only
    # looks up the marks inside its span instead of copying and scanning its text.
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    if not marks:
        return [False] * len(spans)
    n_marks = len(marks)
    flags: list[bool] = []
    open_q = False
    run = 0
    pos = 0
    for s, e in spans:
        if open_q and (run >= _MAX_QUOTED_SENTENCES or text.find("\n", pos, s) != -1):
            open_q = False
        flags.append(open_q)
        run = run + 1 if open_q else 0
        k = bisect_left(marks, s)
        while k < n_marks and marks[k] < e:
            ch = text[marks[k]]
            if ch == "“" or ch == "«":
                open_q = True
            elif ch == "”" or ch == "»":
                open_q = False
            else:  # '"': by its shape where it has one, else by parity
                i = marks[k]
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if before.isspace() and not after.isspace():
                    open_q = True  # ' "We will …'
                elif after.isspace() and not before.isspace():
                    open_q = False  # '… back down," he said'
                else:
                    open_q = not open_q
            k += 1
        pos = e
    return flags
