"""Which Latin-script code page mostly-ASCII legacy bytes are in, when several decode them.

The byte 0xF5 is õ in cp1252, ő in cp1250, ġ in ISO-8859-3; every reading is valid text, and a
statistical detector (chardetng) picked cp1252 for Hungarian, Estonian and Mac Roman text (round
15 probe: 392/460 exact). Here each candidate reading is scored as the text of ONE language:

- its non-ASCII letters, counted, under each language's hand-written letter rates
  (``alphabets.LETTER_RATES``): a Poisson log-likelihood per letter, so a reading whose letters
  are one language's alphabet in that language's proportions wins, a letter the language lacks
  costs a floor rate (a foreign name), and a language's frequent letters that never appear cost
  too ("á é õ" is not Portuguese when ã and ç never come);
- its non-letters: quotes, dashes, € and the like are ordinary; ½ ¤ ¨ ´ ¸ and their kind are rare,
  and rarer still glued to a letter ("c½ur", "by³");
- a non-ASCII capital right after a small letter inside a word ("itÕs", "fŸr");
- a small prior per code page (cp1252 the web's default, the ISO variants and Mac Roman rarer).

Round 16 added the DOS code pages and the other Mac ones (weighed only when the others give no
clear, flawless reading), opening marks glued after a letter ("Caf‚"), € £ © ® before a small
letter ("£odzi"), unpaired closing quotes, words mixing two languages' letters in English text, and
a sample without tags and URLs.

The reading with the highest score wins. ``Choice.sure`` is False when a reading with other text
comes within ``SURE_MARGIN`` nats (the caller then asks the detector and labels the guess).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from factsieve.ingest.alphabets import FUNCTION_WORDS, LETTER_RATES

# Candidates with their prior (natural log odds against cp1252).
_PRIORS = {
    "cp1252": 0.0,
    "cp1250": -1.0,
    "iso8859-15": -1.5,
    "iso8859-2": -2.0,
    "cp1257": -2.0,
    "cp1254": -2.0,
    "mac-roman": -3.0,
    "iso8859-13": -3.0,
    "iso8859-9": -3.0,
    "iso8859-16": -3.5,
    "iso8859-4": -3.5,
    "iso8859-3": -3.5,
    "iso8859-14": -3.5,
    # Round 16: DOS code pages (archives typed on PCs before Windows) and the other Mac ones. Their
    # letters sit where cp1252 has quotes, dashes and capitals, so only letters that read as one
    # language (or one name's) and no flaw make them win.
    "cp437": -4.0,
    "cp850": -4.0,
    "cp852": -5.0,  # (English in DOS archives is cp437/cp850: "naïve" is no Hungarian "naőve")
    "mac-latin2": -5.0,
    "cp865": -5.0,
    "cp857": -5.0,
    "mac-turkish": -5.0,
    "mac-iceland": -5.0,
}
# The code pages of rounds 1-15 first; the DOS and other Mac ones only when those give no clear,
# flawless reading (the common case pays for none of them).
_TIERS = (tuple(c for c, p in _PRIORS.items() if p > -4.0), tuple(c for c, p in _PRIORS.items() if p <= -4.0))
_PYTHON_NAME = {
    "mac-roman": "mac_roman",
    "mac-latin2": "mac_latin2",
    "mac-turkish": "mac_turkish",
    "mac-iceland": "mac_iceland",
}

# Non-letters news uses (rate 0.3 % of letters), rare but real ones (0.01 %), and the rest (0.002 %).
_ORDINARY = set("“”‘’„‚«»‹›–—…•€£°§©®™¿¡\xa0·")
_RARE = set("±×½¼¾²³¹‰†¥¢µ÷ªº")
# Marks that never stand between two small letters (the apostrophe ’ and Catalan's l·l do).
_NOT_INSIDE_WORD = set("“”‘„‚«»‹›–—…•")
_DASHES = set("–—")  # an American "minister—who" does stand between letters; quotes do not
# Between letters no more than quotes: cp857's ř is cp1252's ° ("Dvo°ák", round 16).
_NOT_BETWEEN_LETTERS = (_NOT_INSIDE_WORD - _DASHES) | {"°"}
_RATE_ORDINARY, _RATE_RARE, _RATE_ODD = 0.003, 0.0001, 0.00002
# Floors for a letter the language does not have: a Western accented letter (names: José, Müller)
# is likelier than any other Latin letter, and a Greek or other script's letter is almost never.
_WESTERN = set("áàâäãåæçéèêëíìîïñóòôöõøúùûüýÿß")
_FLOOR_WESTERN, _FLOOR_LATIN, _FLOOR_OTHER = 0.0002, 0.00002, 0.000001
_CAPITAL_INSIDE_WORD = 8.0  # nats per "itÕs"
# A closing quote that no opening one in the text pairs (an odd count of ” with no “ „, of › with no
# ‹): DOS cp850's ö and ø are cp1250's ” and › ("Malm” … Troms›", round 16).
_UNPAIRED = 4.0
# In text whose language has no accents (English), a word whose non-ASCII letters no one language
# has together ("Dvoøák": ø is Danish, á not; cp1250's "Dvořák" is Czech) costs this much: a name is
# one language's (round 16).
_MIXED_WORD = 3.0
_PAIRS = (("”", "“„"), ("›", "‹"))
# Opening marks that never follow a letter (DOS cp437's é is cp1252's ‚: "Caf‚", "Jos‚"; « and »
# do: German quotes »so«).
_OPENING = set("‚„¡¿")
# Signs that stand before a name, a year or a figure, never before a small letter (ISO-8859-2's Š
# is cp1252's ©: "©koda"; cp1250's Ł is cp1252's £: "£odzi").
_BEFORE_NO_SMALL = set("©®£€¥")
_GLUED_SYMBOL = 8.0  # nats per rare or odd sign next to a letter ("c½ur")
_MARK_INSIDE_WORD = 3.0  # nats per quote or dash between two small letters ("hist—rico", "a–os")
# Each function word of the likeliest language found more than of another language costs that
# language this much (capped): the letters then need strong evidence to make the text another one.
_PER_FUNCTION_WORD, _MAX_LANGUAGE_COST = 0.5, 10.0
# A code page that cannot write all of a language's letters is an unlikely one for it (Lithuanian
# is not written in cp1252, Estonian's š ž are not in ISO-8859-14).
_CANNOT_WRITE = 2.0
SURE_MARGIN = 3.0  # nats (about 20 to 1) between the winner and the best reading with other text

_LETTER, _ORD, _RARE_KIND, _ODD = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class _Byte:
    char: str
    key: str  # lower case, for the letter rates
    kind: int
    latin: bool


def _classify(ch: str) -> _Byte:
    if ch in _ORDINARY:
        return _Byte(ch, ch, _ORD, False)
    if ch in _RARE:
        return _Byte(ch, ch, _RARE_KIND, False)
    if ch.isalpha():
        low = ch.lower()
        return _Byte(ch, low, _LETTER, unicodedata.name(ch, "").startswith("LATIN"))
    return _Byte(ch, ch, _ODD, False)


def _tables() -> dict[str, tuple[dict[int, _Byte], bytes]]:
    """Per code page: what each high byte it defines is, and a translation of every byte to its
    class for the context checks (l/u ASCII small/capital, L/U other letters, s a rare or odd sign)."""
    out = {}
    for codec in _PRIORS:
        chars: dict[int, _Byte] = {}
        classes = bytearray(b" " * 256)
        classes[ord("a") : ord("z") + 1] = b"l" * 26
        classes[ord("A") : ord("Z") + 1] = b"u" * 26
        for b in range(0x80, 0x100):
            try:
                ch = bytes([b]).decode(_PYTHON_NAME.get(codec, codec))
            except UnicodeDecodeError:
                continue
            if unicodedata.category(ch) == "Cc":
                continue  # a C1 control: no text has one
            info = _classify(ch)
            chars[b] = info
            if info.kind == _LETTER:
                classes[b] = ord("U") if ch.isupper() else ord("L")
            elif info.kind in (_RARE_KIND, _ODD):
                classes[b] = ord("s")
            elif ch in _OPENING:
                classes[b] = ord("o")
            elif ch in _BEFORE_NO_SMALL:
                classes[b] = ord("c")
            elif ch in _DASHES:
                classes[b] = ord("p")
            elif ch in _NOT_BETWEEN_LETTERS:
                classes[b] = ord("q")
        out[codec] = (chars, bytes(classes))
    return out


_TABLES = _tables()
CODECS = tuple(_PRIORS)
_DEFINED = {codec: bytes(chars) for codec, (chars, _) in _TABLES.items()}
# Per code page, the languages whose letters it cannot all write.
_UNWRITABLE = {
    codec: frozenset(
        lang
        for lang, rates in LETTER_RATES.items()
        if not set(rates) <= {info.key for info in chars.values() if info.kind == _LETTER}
    )
    for codec, (chars, _) in _TABLES.items()
}
_TOTAL_RATES = {lang: sum(rates.values()) for lang, rates in LETTER_RATES.items()}
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII = bytes(range(0x80))
# Words holding a high byte: the only places the context checks can fire.
_HIGH_WORDS = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
_SAMPLE = 65536
_MARKUP = re.compile(rb"<[^<>]*>|(?:https?|ftp)://[^\s<>\"']*|&[a-z]+;|&#[0-9]+;")


@dataclass(frozen=True, slots=True)
class Reading:
    codec: str
    score: float
    language: str
    foreign: float  # letters not the language's, as a share of all letters (a name: under 1 %)
    flaws: int  # capitals, signs and marks inside words: real text has next to none


@dataclass(frozen=True, slots=True)
class Choice:
    """The best reading, whether it is clearly ahead (``sure``), and all readings best first (one per
    distinct text, under the likeliest code page that gives it)."""

    codec: str
    sure: bool
    readings: tuple[Reading, ...]
    words: int  # words holding a non-ASCII byte

    @property
    def plausible(self) -> bool:
        """Whether the best reading is text at all: fewer flaws than one word in four with a
        non-ASCII byte (bytes no Latin code page reads as text are left to the detector)."""
        return 4 * self.readings[0].flaws < self.words


def _floor(info: _Byte) -> float:
    if info.key in _WESTERN:
        return _FLOOR_WESTERN
    return _FLOOR_LATIN if info.latin else _FLOOR_OTHER


# Per code page and high byte: (letter key or None, log of the floor or of the sign's rate, rate).
_BYTE_TERMS = {
    codec: {
        b: (
            (info.key, math.log(_floor(info)), 0.0) if info.kind == _LETTER else (None, math.log(rate), rate)
            for rate in (
                _RATE_ORDINARY if info.kind == _ORD else _RATE_RARE if info.kind == _RARE_KIND else _RATE_ODD,
            )
        ).__next__()
        for b, info in chars.items()
    }
    for codec, (chars, _) in _TABLES.items()
}
# Letter -> the languages that have it, with log(rate) - the letter's floor is added per reading.
_LANGUAGES_OF: dict[str, list[tuple[str, float]]] = {}
for _lang, _rates in LETTER_RATES.items():
    for _letter, _rate in _rates.items():
        _LANGUAGES_OF.setdefault(_letter, []).append((_lang, math.log(_rate)))

_WORD = re.compile(rb"[a-z\x80-\xff]+")
_FUNCTION_SAMPLE = 8192
_FUNCTION_LANGUAGES: dict[str, list[str]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _w in _words:
        _FUNCTION_LANGUAGES.setdefault(_w, []).append(_lang)


def _language_costs(sample: bytes) -> dict[str, float]:
    """Per language, nats against it from the ASCII function words of the first 8 KiB."""
    hits = dict.fromkeys(FUNCTION_WORDS, 0)
    for word, n in Counter(_WORD.findall(sample[:_FUNCTION_SAMPLE].lower())).items():
        if word.isascii():
            for lang in _FUNCTION_LANGUAGES.get(word.decode(), ()):
                hits[lang] += n
    most = max(hits.values(), default=0)
    return {lang: min(_MAX_LANGUAGE_COST, _PER_FUNCTION_WORD * (most - h)) for lang, h in hits.items()}


def _score(
    counts: Counter, codec: str, letters: int, ranked: list[tuple[float, str]]
) -> tuple[float, str, float]:
    """Log-likelihood of a reading's non-ASCII characters under its likeliest language, with that
    language's cost (``ranked``: per language, best first, the expected-letters and function-word
    terms; here less ``_CANNOT_WRITE`` when the code page cannot write the language)."""
    unwritable = _UNWRITABLE[codec]
    log_n = math.log(letters)
    terms = _BYTE_TERMS[codec]
    signs = 0.0
    letter_counts: dict[str, int] = {}
    floors: dict[str, float] = {}
    for b, k in counts.items():
        key, log_rate, rate = terms[b]
        if key is None:
            # (no "- letters * rate": the rates' sum over all signs is the same for every reading)
            signs += k * (log_n + log_rate) - math.lgamma(k + 1)
        else:
            letter_counts[key] = letter_counts.get(key, 0) + k
            floors[key] = log_rate
    # Every letter at its floor, then each language's own letters at its rate instead.
    at_floor = sum(k * (log_n + floors[key]) - math.lgamma(k + 1) for key, k in letter_counts.items())
    total = sum(letter_counts.values())
    gain: dict[str, float] = {}
    own: dict[str, int] = {}
    for key, k in letter_counts.items():
        for lang, log_rate in _LANGUAGES_OF.get(key, ()):
            gain[lang] = gain.get(lang, 0.0) + k * (log_rate - floors[key])
            own[lang] = own.get(lang, 0) + k
    # The likeliest language: one with a gain, or the best of those without (by base alone).
    base = {lang: value for value, lang in ranked} if gain else {}
    best, best_lang = -math.inf, ""
    for lang, g in gain.items():
        value = base[lang] + g - (_CANNOT_WRITE if lang in unwritable else 0.0)
        if value > best:
            best, best_lang = value, lang
    for value, lang in ranked:  # best first: stop at the first without a gain that cannot beat it
        if value <= best:
            break
        if lang not in gain:
            value -= _CANNOT_WRITE if lang in unwritable else 0.0
            if value > best:
                best, best_lang = value, lang
    return signs + at_floor + best, best_lang, (total - own.get(best_lang, 0)) / letters


# Letter -> the languages that have it.
_LANGUAGE_SETS = {letter: frozenset(lang for lang, _ in langs) for letter, langs in _LANGUAGES_OF.items()}


def _mixed_words(multi: list[frozenset[int]], chars: dict[int, _Byte]) -> int:
    """Words (their non-ASCII bytes) whose letters in this reading no one language has together."""
    mixed = 0
    for high in multi:
        langs: frozenset[str] | None = None
        for b in high:
            info = chars[b]
            if info.kind != _LETTER:
                continue
            have = _LANGUAGE_SETS.get(info.key, frozenset())
            langs = have if langs is None else langs & have
        mixed += langs is not None and not langs
    return mixed


def _unpaired(counts: Counter, present: bytes, text: str) -> int:
    """How many kinds of closing quote stand an odd number of times with no opening one (``text`` is
    ``present``, the distinct high bytes, decoded: one character per byte)."""
    unpaired = 0
    for close, opens in _PAIRS:
        i = text.find(close)
        if i >= 0 and counts[present[i]] % 2 and not any(o in text for o in opens):
            unpaired += 1
    return unpaired


def _context(cls: bytes) -> tuple[int, int, int]:
    """Capitals inside words, rare signs next to letters, marks between small letters, counted on
    the class string of the words holding a high byte (``_tables``)."""
    inside = glued = marks = 0
    if b"U" in cls:
        inside = sum(cls.count(pair) for pair in (b"lU", b"LU")) - sum(
            cls.count(three) for three in (b"lUu", b"lUU", b"LUu", b"LUU")
        )
        inside += sum(cls.count(three) for three in (b"uUl", b"uUL", b"UUl", b"UUL"))  # "EŽn"
    if b"s" in cls:
        glued = sum(cls.count(x + b"s") + cls.count(b"s" + x) for x in (b"l", b"L", b"u", b"U"))
    if b"p" in cls:
        # (also a dash after a capital: "S–o")
        marks = sum(cls.count(three) for three in (b"lpl", b"lpL", b"Lpl", b"LpL", b"upl", b"Upl"))
    if b"q" in cls:  # a quote between letters: Mac Roman's ì î ë, "S‹o", "Vl“te" (8 nats, round 16)
        glued += sum(cls.count(three) for three in (b"lql", b"lqL", b"Lql", b"LqL", b"uql", b"Uql"))
    if b"c" in cls:
        glued += cls.count(b"cl") + cls.count(b"cL")
    if b"o" in cls:
        glued += sum(cls.count(x + b"o") for x in (b"l", b"L", b"u", b"U"))
    return inside, glued, marks


def choose(data: bytes) -> Choice | None:
    """The likeliest Latin code page for ``data`` (bytes that are not UTF-8), or None when no
    candidate decodes them (every byte must be defined and no C1 control)."""
    sample = data[:_SAMPLE]
    if b"<" in sample or b"://" in sample:
        # Tags and URLs hold no letters of the text (an HTML page or feed with no declaration:
        # 600 letters of markup made a Czech title "expect" 80 accents and read as Irish).
        sample = _MARKUP.sub(b" ", sample)
    high = sample.translate(None, _ASCII)
    if not high:
        return None
    counts = Counter(high)
    present = bytes(sorted(counts))
    letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS)) + len(high)
    found = _HIGH_WORDS.findall(sample)
    words = b" ".join(found)
    ranked = sorted(
        ((-letters * _TOTAL_RATES[lang] - cost, lang) for lang, cost in _language_costs(sample).items()),
        reverse=True,
    )
    multi: list[frozenset[int]] | None = None  # made when first needed (English-like text only)
    seen: dict[str, str] = {}  # the text of the high bytes -> the first (likeliest) code page
    readings: list[Reading] = []
    for tier in _TIERS:
        for codec in tier:
            chars, classes = _TABLES[codec]
            if present.translate(None, _DEFINED[codec]):
                continue  # a byte the code page leaves undefined, or a C1 control
            text = present.decode(codec)
            if text in seen:
                continue
            seen[text] = codec
            score, lang, foreign = _score(counts, codec, letters, ranked)
            unpaired = _unpaired(counts, present, text)
            score -= _UNPAIRED * unpaired
            if not LETTER_RATES[lang]:  # names in English-like text (a language's own words are
                # weighed by its letters): words with two or more distinct non-ASCII bytes
                if multi is None:
                    multi = [h for h in {frozenset(w.translate(None, _ASCII)) for w in found} if len(h) > 1]
                score -= _MIXED_WORD * _mixed_words(multi, chars)
            inside, glued, marks = _context(words.translate(classes))
            score += (
                _PRIORS[codec]
                - _CAPITAL_INSIDE_WORD * inside
                - _GLUED_SYMBOL * glued
                - _MARK_INSIDE_WORD * marks
            )
            readings.append(Reading(codec, score, lang, foreign, inside + glued + marks + unpaired))
        readings.sort(key=lambda r: -r.score)
        sure = len(readings) == 1 or bool(readings) and readings[0].score - readings[1].score >= SURE_MARGIN
        if readings and sure and not readings[0].flaws:
            break  # a clear, flawless Windows/ISO/Mac Roman reading: the DOS pages are not weighed
    if not readings:
        return None
    return Choice(readings[0].codec, sure, tuple(readings), len(found))


def python_codec(codec: str) -> str:
    """The name Python's codecs know ``codec`` by (``mac-roman`` is the label; ``mac_roman`` the codec)."""
    return _PYTHON_NAME.get(codec, codec)
