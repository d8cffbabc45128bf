"""Cyrillic and Greek code pages the detector confuses with their siblings (round 16).

chardetng (the WHATWG set) knows no Mac Greek and reads Mac Cyrillic Russian as windows-1251: the
two share the small letters, but Mac's capitals are cp1251's Ђ Ѓ ‚ „ … Џ and its я is cp1251's Я
("Џравительство", "рЯд"); Mac Greek came out as KOI8-R Cyrillic. Each sibling's reading is checked
for what real text does not have, and the detector's answer is kept unless another reading has
clearly fewer of them:

- a capital right after a small letter inside a word ("рЯд");
- a sign (not a letter, digit, space or ASCII punctuation) between two letters ("“рЯд" has none,
  "Ђвропа" none, but "Ј‚р" one);
- letters outside the script's main alphabet (Serbian Ђ Џ, box drawing ╦, Cyrillic in Greek text):
  one per letter, as a share of all the reading's non-ASCII letters.
"""

from __future__ import annotations

import re

_CYRILLIC = ("cp1251", "koi8-r", "koi8-u", "cp866", "mac-cyrillic", "iso8859-5")
_GREEK = ("cp1253", "iso8859-7", "mac-greek")
FAMILY = frozenset(_CYRILLIC + _GREEK)

# The main alphabets: Russian, Ukrainian, Belarusian, Bulgarian (Cyrillic); monotonic Greek.
_CYRILLIC_MAIN = re.compile("[а-яёіїєґўА-ЯЁІЇЄҐЎ]")
_GREEK_MAIN = re.compile("[α-ωάέήίόύώϊϋΐΰΑ-ΫΆΈΉΊΌΎΏ]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_LOWER = "a-zß-öø-ÿа-яёђ-џіїєґўα-ωάέήίόύώϊϋΐΰς"
_UPPER = "À-ÖØ-ÞА-ЯЁЂ-ЏІЇЄҐЎΑ-ΫΆΈΉΊΌΎΏ"
_UPPER_RE = re.compile(f"[{_UPPER}]")
_FINAL_SIGMA_INSIDE = re.compile(r"ς(?=[^\W\d_])")
# Serbian/Macedonian or Ukrainian letters beside Russian-only ones: alphabets no text mixes (cp866's
# "Сърэфры т Гюёфєьх" for Mac Cyrillic's "Скандал в Госдуме"). Looked for one by one: "x in text"
# is many times faster than a regex class of a few non-Latin characters.
_RUSSIAN, _OTHER_CYRILLIC = "ыэъёЫЭЪЁ", "ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅєїґЄЇҐ"
# (the capital first: a class that fails at once on most characters keeps the scan fast)
_CAPITAL_INSIDE = re.compile(f"[{_UPPER}](?<=[{_LOWER}].)")
# Signs other than ASCII punctuation, spaces, quotes, dashes, № and ° between two letters.
_SIGN_BETWEEN = re.compile(
    r"(?<=[^\W\d_])[^\w\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\xa0«»–—“”„‘’…№°]+(?=[^\W\d_])"
)
# What a right reading seldom has: a capital inside a word, a character outside ASCII, the main
# alphabets and common marks. Text without any is not weighed further (the common case, one scan).
# (Ukrainian's є ї ґ are let through to the full check: beside Russian-only letters they are a misread.)
_UNCOMMON = re.compile("[^\\x00-\\x7f\\xa0а-яёіўА-ЯЁІЎα-ωάέήίόύώϊϋΐΰΑ-ΫΆΈΉΊΌΎΏ«»–—“”„‘’…№°£€§©®™•·]")
_SAMPLE = 4096  # enough letters to tell the siblings apart
_GATE = 1024  # bytes: a misread shows in its first sentences (Mac capitals start every one)


def _flaws(text: str) -> float:
    sample = text[:_SAMPLE]
    letters = len(_NON_ASCII_LETTER.findall(sample))
    if not letters:
        return 0.0
    other = letters - max(len(_CYRILLIC_MAIN.findall(sample)), len(_GREEK_MAIN.findall(sample)))
    capitals = len(_CAPITAL_INSIDE.findall(sample)) + len(_FINAL_SIGMA_INSIDE.findall(sample))
    signs = len(_SIGN_BETWEEN.findall(sample))
    # News is mostly small letters: a reading in capitals is a case-swapped sibling (KOI8-R's
    # "ПЮБХРЕКЭЯРБН" for Mac Cyrillic's "Правительство").
    upper = len(_UPPER_RE.findall(sample)) / letters
    mixed = 3 if _mixed_alphabets(sample) else 0
    return capitals + signs + 20 * other / letters + 10 * max(0.0, upper - 0.5) + mixed


def _mixed_alphabets(sample: str) -> bool:
    return any(ch in sample for ch in _RUSSIAN) and any(ch in sample for ch in _OTHER_CYRILLIC)


_PYTHON = {"mac-cyrillic": "mac_cyrillic", "mac-greek": "mac_greek"}


def _common_bytes(codec: str) -> bytes:
    """The bytes whose character in ``codec`` is ASCII, a main-alphabet letter or a common mark."""
    out = bytearray(range(0x80))
    for b in range(0x80, 0x100):
        try:
            ch = bytes([b]).decode(_PYTHON.get(codec, codec))
        except UnicodeDecodeError:
            continue
        if not _UNCOMMON.match(ch):
            out.append(b)
    return bytes(out)


# Per code page, the bytes of clean text: a file with none other in its first bytes is not weighed
# further (one C-speed pass; the common case).
_COMMON_BYTES = {codec: _common_bytes(codec) for codec in FAMILY}


def better_sibling(data: bytes, codec: str, text: str) -> tuple[str, str] | None:
    """Another Cyrillic or Greek code page's reading of ``data`` with clearly fewer flaws than the
    detector's ``codec`` reading ``text`` (at least 1 fewer, and at most a third), else None."""
    if codec not in FAMILY:
        return None
    if not data[:_GATE].translate(None, _COMMON_BYTES[codec]):
        return None
    mine = _flaws(text)
    if mine < 1:
        return None
    best: tuple[float, str] | None = None
    head = data[:_SAMPLE]  # one byte per character in all of them: the sample's worth is enough
    for other in _CYRILLIC + _GREEK:
        if other == codec:
            continue
        try:
            flaws = _flaws(head.decode(_PYTHON.get(other, other)))
        except UnicodeDecodeError:
            continue
        if best is None or flaws < best[0]:
            best = (flaws, other)
    if best is None or mine - best[0] < 1 or 3 * best[0] > mine:
        return None
    try:
        return data.decode(_PYTHON.get(best[1], best[1])), best[1]
    except UnicodeDecodeError:
        return None
