"""Backslash escapes of database and spreadsheet exports (round 17): ``mysql -B`` and PostgreSQL's
``COPY`` text format write a cell's line breaks and tabs as ``\\n``, ``\\t``, a backslash as ``\\\\``
(PostgreSQL a NULL as ``\\N``), and some CSV dumps hold a literal ``\\n\\n`` between paragraphs.
Read as written, every paragraph break was the two characters backslash-n inside one long line.

A file is read as escaped only when it shows the convention: a cell that is exactly ``\\N``, or
most long text cells holding a ``\\n`` where a paragraph ends (after a full stop, before a capital)
and fewer holding a real line break. Ordinary text with backslashes (a Windows path, LaTeX's
``\\newline``, a regex, a single ``"\\n"`` quoted in a programming article) shows neither, and is
left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NULL = "\\N"
# A "\n" (or "\r\n") ending a sentence and starting the next: a paragraph break written escaped.
_PARAGRAPH = re.compile(r"[.!?:;\"”’)\]](?:\\r)?\\n(?:(?:\\r)?\\n)*\s*[\"“‘(\[]?[A-Z0-9À-Þ]")
_ESCAPE = re.compile(r"\\([\\ntr0N])")
_REPLACEMENT = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "", "N": "\\N"}
# A text cell this long is an article body (titles and labels are shorter).
_LONG = 200


def escaped(texts: Iterable[str], cells: Iterable[str]) -> bool:
    """Whether a table whose text cells are ``texts`` and whose cells are ``cells`` writes line
    breaks as backslash escapes."""
    if any(c == NULL for c in cells):
        return True
    escaped_breaks = real_breaks = long = 0
    for text in texts:
        if len(text) < _LONG:
            continue
        long += 1
        if "\n" in text:
            real_breaks += 1
        elif "\\n" in text and _PARAGRAPH.search(text):
            escaped_breaks += 1
    return escaped_breaks > 0 and 2 * escaped_breaks >= long and real_breaks < escaped_breaks


def unescaped(cell: str) -> str | None:
    """``cell`` with its escapes read (``\\n`` a line break, ``\\\\`` one backslash); None for ``\\N``."""
    if cell == NULL:
        return None
    if "\\" not in cell:
        return cell
    return _ESCAPE.sub(lambda m: _REPLACEMENT[m.group(1)], cell)
