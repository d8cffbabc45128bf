"""7-bit encodings whose bytes are plain ASCII, so valid UTF-8, and read as such are garbage (round 16):

- **UTF-7** (old mail, some Windows exports): "Z+APw-rich caf+AOk" is "Zürich café".
- **HZ-GB-2312** (Chinese Usenet and mail): GB2312 between "~{" and "~}".

The IMAP "modified UTF-7" (``&AOk-``) is for mailbox names, not message text: not read here.

Both are ASCII, so plain ASCII text can look like them, and a wrong "yes" is the worst outcome a
decoder has: the text is silently changed. Round 16 read UTF-7 when every "+..." run decoded
strictly to European letters; a lone "+Abc-" (one Latin letter, Ʒ) or a base64 blob in a JSON line
whose "+" run happened to decode (1-2 in 20,000) passed. Round 17 asks for the evidence a real
UTF-7 text has, run by run (``_Run``):

- every run decodes strictly (one that does not, "C++", "+0.5%", "a + b", makes the text not UTF-7);
- every run gives something an encoder had to encode: at least one non-ASCII character, no ASCII
  letter, digit or control ("+ADA-" is "0": no encoder writes that); a run of RFC 2152's optional
  direct signs only (quotes, "!", "#": some gateways shift them) passes but is no evidence;
- its letters are common letters of ONE script (Latin with its accents, Greek, Cyrillic), the same
  for the whole text; other characters are typographic marks (quotes, dashes, «», €, £, NBSP);
- and together the runs are enough: a declared charset (``charset=utf-7`` in a mail header or a
  page's meta tag), or 2 points, where a run of two or more letters (a Cyrillic or Greek word,
  "ñü") is 2, a one-letter run a point for each side it is glued to a letter in a word cased as
  words are ("M+APw-ller": 2; "caf+AOk ": 1; "AĉAb": 0), a run of marks glued to a letter 1
  ("+AKs-No"). So a text whose only sign is one accent at a word's end stays ASCII: a miss,
  counted in docs/INGEST.md, rather than a chance of a silent misreading.

HZ in the same way (``hz``): strict decoding, nothing but Chinese and Chinese punctuation between
the shifts, and a declared charset or: at least 4 Chinese characters, at most 1 in 20 outside
GB2312's 3,755 common ones (level 1: real Chinese is ~99.5% those; a pair of printable ASCII
characters that decodes is one 43% of the time), and a Chinese comma, full stop or the like
(prose has one within a sentence; an upper-case token "~{NV8HET0F~}" decodes to level-1
characters, but not to those). A one-line HZ headline without punctuation or declaration stays
ASCII: a counted miss.
Measured in docs/INGEST.md ("Round 17").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A UTF-7 shift run: "+", its base64 letters, and the "-" that may end it ("+-" is a literal "+").
_UTF7_RUN = re.compile(rb"\+([A-Za-z0-9/+]*)(-?)")
_ASCII_LETTER = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MARKS = frozenset("–—“”‘’‚„«»‹›…•€£¥¢§©®°±·×÷¶¿¡№‰′″\xa0")
# What a declared charset looks like in a mail header, a meta tag or an XML declaration.
_DECLARED = {
    "utf-7": re.compile(rb"(?i)(charset|encoding)\s*=\s*[\"']?utf-?7\b"),
    "hz": re.compile(rb"(?i)(charset|encoding)\s*=\s*[\"']?hz(-gb-?2312)?\b"),
}
_HEAD = 4096  # a header or a page's <head> declares within this

# The common letters of each script UTF-7 text was written in (a random 16-bit unit lands in
# these ~1,100 of 65,536 code points 1.7% of the time; Latin Extended-B's rarer letters, Ʒ, are out).
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "latin": (
        (0xC0, 0xD6),
        (0xD8, 0xF6),
        (0xF8, 0x17F),
        (0x1A0, 0x1A1),  # Vietnamese ơ
        (0x1AF, 0x1B0),  # ư
        (0x1CD, 0x1DC),  # pinyin ǎ ǐ ǒ ǔ ǖ
        (0x218, 0x21B),  # Romanian ș ț
        (0x1EA0, 0x1EF9),  # Vietnamese ạ ầ ế ộ ữ
    ),
    "greek": ((0x386, 0x3CE), (0x1F00, 0x1FFF)),
    "cyrillic": ((0x400, 0x45F), (0x490, 0x4FF)),
}
_MIN_POINTS = 2
_OPTIONAL_DIRECT = frozenset('!"#$%&*;<=>@[]^_`{|}')


def _script(ch: str) -> str | None:
    cp = ord(ch)
    for name, ranges in _SCRIPTS.items():
        if any(lo <= cp <= hi for lo, hi in ranges):
            return name
    return None


@dataclass(frozen=True, slots=True)
class _Run:
    """What one UTF-7 shift run decodes to, and how it sits in the text."""

    letters: int  # non-ASCII letters of one script
    script: str | None  # their script; None for a run of marks only
    glued: int  # sides glued to an ASCII letter: "M+APw-ller" 2, "caf+AOk " 1, "+AKs-No" 1, " +AOA " 0

    @property
    def points(self) -> int:
        # A quote or an apostrophe sits on one side of a word or between letters ("don+IBk-t"):
        # one point however it is glued, so two runs of marks are needed, not one.
        return _MIN_POINTS if self.letters >= 2 else self.glued if self.letters else min(self.glued, 1)


def _run(data: bytes, match: re.Match[bytes]) -> _Run | None:
    """The run at ``match``, or None when it is no run an encoder writes."""
    try:
        text = (b"+" + match[1] + b"-").decode("utf-7")
    except UnicodeDecodeError:
        return None
    script = None
    letters = 0
    for ch in text:
        if ch.isascii():
            if ch.isalnum() or not ch.isprintable():
                return None  # an encoder writes these as they are
            continue
        if unicodedata.category(ch) == "Mn" and letters:
            continue  # a combining accent after a letter
        found = _script(ch) if ch.isalpha() else None
        if found is None:
            if ch not in _MARKS:
                return None
            continue
        if script not in (None, found):
            return None
        script, letters = found, letters + 1
    if not letters and not any(ch in _MARKS for ch in text):
        # Nothing an encoder had to encode. RFC 2152's "optional direct" signs (quotes, "!", "#",
        # "&"...) some encoders shift anyway (mail gateways): no evidence, but no veto either.
        return _Run(0, None, 0) if all(ch in _OPTIONAL_DIRECT for ch in text) else None
    start, end = match.start(), match.end()
    before = start > 0 and data[start - 1] in _ASCII_LETTER
    after = bool(match[2]) and end < len(data) and data[end] in _ASCII_LETTER
    if (before or after) and script not in (None, "latin"):
        return None  # a Cyrillic or Greek letter inside an ASCII word: no language writes that
    glued = int(before) + int(after)
    if glued and letters and not _cased_as_a_word(data, start, end, text):
        glued = 0  # "AĉAb": a small letter between capitals is no word's spelling
    return _Run(letters, script, glued)


_WORD_BEFORE = re.compile(rb"[A-Za-z]*\Z")
_WORD_AFTER = re.compile(rb"[A-Za-z]*")


def _cased_as_a_word(data: bytes, start: int, end: int, text: str) -> bool:
    """Whether the word a glued run sits in is cased as words are: "Müller", "ZÜRICH", "café"."""
    head = _WORD_BEFORE.search(data, max(0, start - 40), start)
    tail = _WORD_AFTER.match(data, end)
    word = (head[0] if head else b"").decode() + text + (tail[0] if tail else b"").decode()
    return word.isupper() or word[1:].islower()


def _declared(data: bytes, name: str) -> bool:
    return _DECLARED[name].search(data[:_HEAD]) is not None


def utf7(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-7")`` when the ASCII bytes ``data`` carry the evidence of UTF-7 text (module
    docstring), else None."""
    runs: list[_Run] = []
    for match in _UTF7_RUN.finditer(data):
        if not match[1]:
            if match[2]:
                continue  # "+-": a literal "+"
            return None  # "+" before no base64 letter ("a + b"): no UTF-7 writer leaves that
        run = _run(data, match)
        if run is None:
            return None
        runs.append(run)
    scripts = {r.script for r in runs} - {None}
    if not runs or len(scripts) > 1:
        return None
    if not _declared(data, "utf-7") and sum(r.points for r in runs) < _MIN_POINTS:
        return None
    try:
        return data.decode("utf-7"), "utf-7"
    except UnicodeDecodeError:
        return None


_HZ_SEGMENT = re.compile(r"[^\x00-\x7f]+")
_MIN_HANZI = 4
# Chinese prose has these within a sentence or two; a run of ASCII letter pairs that decodes
# (ASCII text's "~{NV8HET0F~}") gives one by chance rarely (each is one pair of 8,836).
_CHINESE_PUNCTUATION = frozenset("，。、：；？！")


def _common_hanzi(ch: str) -> bool:
    """GB2312 level 1 (rows 16-55): the 3,755 commonest characters."""
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def _chinese_sign(ch: str) -> bool:
    """A character Chinese text in GB2312 has: a CJK character, CJK or full-width punctuation."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff01" <= ch <= "\uff5e"
        or ch in "·—…“”‘’"
    )


def hz(data: bytes) -> tuple[str, str] | None:
    if b"~}" not in data:
        return None
    try:
        text = data.decode("hz")
    except UnicodeDecodeError:
        return None
    if "~{" in text or any(
        unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r" for ch in text
    ):
        return None
    shifted = "".join(_HZ_SEGMENT.findall(text))
    if not all(_chinese_sign(ch) for ch in shifted):
        return None  # kana, Greek, Cyrillic, box drawing: GB2312's other rows, what letter pairs give
    hanzi = [ch for ch in shifted if "\u4e00" <= ch <= "\u9fff"]
    if not hanzi:
        return None
    common = sum(1 for ch in hanzi if _common_hanzi(ch))
    if _declared(data, "hz"):
        return text, "hz"
    rare = len(hanzi) - common
    if (
        len(hanzi) < _MIN_HANZI
        or 20 * rare > len(hanzi)
        or not any(ch in _CHINESE_PUNCTUATION for ch in shifted)
    ):
        return None
    return text, "hz"


def decode(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-7" or "hz")`` for ASCII bytes in one of them, else None."""
    if b"~{" in data and (found := hz(data)) is not None:
        return found
    if b"+" in data:
        return utf7(data)
    return None
