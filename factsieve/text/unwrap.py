"""Unwrap hard-wrapped plain text: join the lines of a paragraph that a fixed column width cut.

Wire copy such as Reuters is wrapped at ~65-70 columns. The rest of the pipeline reads a line break as
a paragraph boundary (clean text holds one paragraph per line; the segmenter never joins lines), so a
wrapped paragraph would reach the classifier as fragments of sentences ("Commerce Secretary Malcolm
Baldrige" alone on a line looks like a heading). ``unwrap`` rebuilds the paragraphs:

* The wrap width is read per document: the longest line, if it is between 40 and 100 columns and at
  least two lines come close to it (a greedy wrapper fills most lines to near the width). At least
  half the candidate breaks must be wraps, and at least two of them (one in the wire layout below).
* A line break is a wrap when the next line's first word would not have fitted on the line (the one
  thing a greedy wrapper guarantees), and the next line is at the document's base indentation.
* Kept as they are: blank lines, a line indented deeper than the base (a paragraph's first-line
  indent, as in wire copy, or a block quote), list items, table rows (runs of spaces between columns)
  and every line of a document whose breaks mostly are not wraps (prose with one paragraph per line,
  verse, tables, a list of headings).
* In a document that marks paragraphs by indentation, its first line is joined to a following
  base-indent line even when short: wire stories lose their dateline from the first line
  ("WASHINGTON, March 3 - "), which leaves it shorter than the width.

Whitespace inside lines is left for ``clean_text`` to normalise; a hyphen ending a line is kept and
joined without a space ("mid-" + "February"), since wrappers break compounds at their hyphen.
"""

from __future__ import annotations

import re
from types import ModuleType

_native: ModuleType | None
try:
    from factsieve.text import _unwrap as _native
except ImportError:  # pragma: no cover - a checkout that was not built (make setup builds it)
    _native = None

MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
_NEAR_WIDTH = 0.85  # a "full" line is at least this share of the width
_MIN_WRAP_SHARE = 0.5  # share of the candidate breaks that must be wraps for the document to count

_LIST_ITEM = re.compile(r"[-*•–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\(\w{1,3}\)\s")
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_ITEM_STARTS = frozenset("-*•–—(")


def _is_block_line(line: str) -> bool:
    """A list item or a table row: a line of its own, never joined to its neighbours."""
    body = line.lstrip()
    # Cheap necessary conditions first (most lines are prose and match neither pattern): every
    # _LIST_ITEM match starts with a marker, a digit or "(", or has "." or ")" second (the
    # "a)" form); every _TABLE_GAP match holds three spaces or a tab.
    if body[:1] in _ITEM_STARTS or body[1:2] in (".", ")") or body[:1].isdecimal():
        if _LIST_ITEM.match(body) is not None:
            return True
    return ("   " in body or "\t" in body) and _TABLE_GAP.search(body) is not None


def _cached_block(block: dict[int, bool], lines: list[str], i: int) -> bool:
    if i not in block:
        block[i] = _is_block_line(lines[i])
    return block[i]


def _first_word_len(line: str) -> int:
    body = line.lstrip()
    cut = body.find(" ")
    return len(body) if cut < 0 else cut


def _wrap_breaks(lines: list[str], width: int) -> set[int]:
    """Indices i whose break to line i + 1 is a wrap (empty when the document is not wrapped)."""
    # Each line's indent (None: blank) once, and whether it is a block line once: a line is looked
    # at as the upper and as the lower side of two breaks (unwrap over the 22k BBC + Reuters texts:
    # 0.66 -> 0.54 CPU-s, docs/BENCHMARKS.md "End to end, round 6").
    indents = [len(ln) - len(ln.lstrip()) if ln.strip() else None for ln in lines]
    nonblank = [i for i, ind in enumerate(indents) if ind is not None]
    base = min(indents[i] for i in nonblank)
    indented = any(indents[i] > base for i in nonblank)
    first = nonblank[0]
    joins: set[int] = set()
    candidates = 0
    block: dict[int, bool] = {}
    for i in nonblank:
        j = i + 1
        if j >= len(lines) or indents[j] != base:
            continue  # blank line, end of text, or a new (indented) paragraph
        if _cached_block(block, lines, i) or _cached_block(block, lines, j):
            continue
        if len(lines[i]) + 1 + _first_word_len(lines[j]) > width:
            joins.add(i)
            candidates += 1
        elif i == first and indented:
            joins.add(i)  # the wire story's first line, shortened by its removed dateline
        else:
            candidates += 1
    wraps = len(joins - {first}) if indented else len(joins)
    # The longest line always passes the width test, so one wrap is no evidence by itself: without
    # the wire layout's indented paragraphs, two are needed ("Officials signed …\nExports totalled …"
    # is two paragraphs, one a line).
    if wraps < (1 if indented else 2) or wraps < _MIN_WRAP_SHARE * candidates:
        return set()
    return joins


def _py_unwrap(text: str) -> str:
    """``unwrap`` in Python: the fallback when the C version (_unwrap.c) is not built."""
    if "\n" not in text:
        return text
    lines = [ln.rstrip() for ln in text.split("\n")]
    width = max(len(ln) for ln in lines)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return text
    if sum(1 for ln in lines if len(ln) >= _NEAR_WIDTH * width) < 2:
        return text
    joins = _wrap_breaks(lines, width)
    if not joins:
        return text
    out: list[str] = []
    cur = lines[0]
    for i in range(1, len(lines)):
        if i - 1 in joins:
            nxt = lines[i].lstrip()
            if cur.endswith("-") and len(cur) > 1 and cur[-2].isalpha() and nxt[:1].isalpha():
                cur += nxt  # "mid-" + "February": the wrapper broke a compound at its hyphen
            else:
                cur += " " + nxt
        else:
            out.append(cur)
            cur = lines[i]
    out.append(cur)
    return "\n".join(out)


def unwrap(text: str) -> str:
    """``text`` with the lines of each hard-wrapped paragraph joined into one line (else unchanged:
    the same object)."""
    if _native is None:
        return _py_unwrap(text)
    # The same steps in C (factsieve/text/_unwrap.c), ~10x faster; it asks _is_block_line about
    # the few lines that could be list items or table rows. tests/text/test_unwrap.py compares both.
    return _native.unwrap(text, _is_block_line)
