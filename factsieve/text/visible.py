"""Text from the data made safe to show: control and bidi-override characters as visible escapes.

A reject sample may hold NUL and other control bytes (a binary file), and any title or sentence
may hold right-to-left overrides (U+202E) that make a terminal or a browser show text in an
order other than the stored one ("Trojan Source"). Shown as ``\\x00`` or ``\\u202e`` instead, a
maintainer sees that they are there and what they were, and nothing is reordered or swallowed.
Tab, newline and carriage return are kept: they are layout, not deception.
"""

from __future__ import annotations

import re

# C0 controls except \t \n \r, DEL, C1 controls, the bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) and the Arabic letter mark (U+061C).
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    cp = ord(m.group(0))
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def visible(text: str) -> str:
    """``text`` with control and bidi-control characters as backslash escapes."""
    return _HIDDEN.sub(_escape, text)
