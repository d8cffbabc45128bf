"""7-bit encodings whose bytes are plain ASCII, so valid UTF-8, and read as such are garbage (round 16):

- **UTF-7** (old mail, some Windows exports): "Z+APw-rich caf+AOk" is "Zürich café". Read as UTF-7
  only when every "+..." run decodes strictly (ASCII text's "+0.5%" or "C++" does not: Python's codec
  refuses partial or padded runs) and what the runs give is letters of the European scripts (Latin,
  Greek, Cyrillic) and typographic marks. A base64 blob or a query string ("q=a+b") in a JSON or
  CSV export can decode by chance, but to random 16-bit units: mostly CJK or Hangul, which the
  script check refuses.
- **HZ-GB-2312** (Chinese Usenet and mail): GB2312 between "~{" and "~}". Read as HZ when it decodes
  strictly to text with Chinese characters and no "~{" left.

The IMAP "modified UTF-7" (``&AOk-``) is for mailbox names, not message text: not read here.
"""

from __future__ import annotations

import re
import unicodedata

# A UTF-7 shift run: "+", base64 letters, optionally "-" (what "+-" gives, a literal "+", is no run).
_UTF7_RUN = re.compile(rb"\+[A-Za-z0-9/+]{3,}-?")
_MARKS = frozenset("–—“”‘’„«»…€£°·")


def _plausible(text: str) -> bool:
    """Non-ASCII characters that are Latin, Greek or Cyrillic letters or marks (U+00A0-U+052F,
    Vietnamese's U+1E00-U+1EFF) or typographic marks."""
    found = False
    for ch in text:
        if ch <= "\x7f":
            continue
        found = True
        european = "\xa0" <= ch <= "\u052f" or "\u1e00" <= ch <= "\u1eff"
        if not (european and unicodedata.category(ch)[0] in "LM" or ch in _MARKS or ch == "\xa0"):
            return False
    return found


def utf7(data: bytes) -> tuple[str, str] | None:
    if not _UTF7_RUN.search(data):
        return None
    try:
        text = data.decode("utf-7")
    except UnicodeDecodeError:
        return None
    return (text, "utf-7") if _plausible(text) else None


def hz(data: bytes) -> tuple[str, str] | None:
    if b"~}" not in data:
        return None
    try:
        text = data.decode("hz")
    except UnicodeDecodeError:
        return None
    if "~{" in text or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return None
    if any(unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r" for ch in text):
        return None
    return text, "hz"


def decode(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-7" or "hz")`` for ASCII bytes in one of them, else None."""
    if b"~{" in data and (found := hz(data)) is not None:
        return found
    if b"+" in data:
        return utf7(data)
    return None
