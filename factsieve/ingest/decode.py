"""Bytes to text: which encoding a file is in, decided the way browsers decide for legacy pages.

Order (docs/INGEST.md has the measured accuracy of this and the alternatives):

1. A byte-order mark names the encoding (UTF-8, UTF-16 LE/BE, UTF-32).
2. UTF-16 without a BOM: text mostly in one script has NUL as every other byte (ASCII, Latin,
   Cyrillic, Greek all have a 0x00 or constant high byte), on one side only. Checked before
   UTF-8 because ASCII in UTF-16 is valid UTF-8 too.
3. Strict UTF-8: valid UTF-8 of any length is almost never anything else.
4. UTF-8 with some lines in a legacy encoding (a file appended to by two tools): each line that
   is valid UTF-8 is read as UTF-8, the others as in step 5 (label ``utf-8+cp1252``).
5. Windows-1252, the web's legacy default, when its only non-ASCII characters are quotes, dashes,
   €, £ and the like. Other mostly-ASCII bytes: the Latin code page whose reading is likeliest one
   language's text (``latin_choice``, round 15; a close call labelled "cp1250?"). Otherwise a
   statistical detector (chardetng, a port of Firefox's) names the encoding.

Round 16: UTF-7 and HZ before strict UTF-8 (``seven_bit``); the DOS and other Mac code pages in the
Latin chooser; a Cyrillic or Greek detector answer checked against its siblings (``script_siblings``:
Mac Cyrillic, Mac Greek).

Charset detection alone (charset-normalizer, as before) guessed cp850, mac_iceland or big5hkscs
for short cp1252 news with curly quotes, and named cp1250 for cp1252 text that decoded the same.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from factsieve.ingest import latin_choice, script_siblings, seven_bit

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# BOM-less bytes are read as UTF-16 when at least this share of their 2-byte units has a NUL
# (English in UTF-16 ~100%, Russian ~20% from spaces, digits and punctuation, Chinese with
# figures a few percent; text in any 8-bit encoding has none) and one byte order decodes to text
# with almost no unassigned, private-use or control characters (the wrong order gives many).
_UTF16_MIN_NUL_SHARE = 0.02
_UTF16_MAX_ODD_SHARE = 0.01
_ODD_CATEGORIES = frozenset({"Cn", "Co", "Cs", "Cc"})
_SAMPLE_CHARS = 32768

# Characters a cp1252 decoding produces from Central European bytes that Western text does not
# have inside a word (ł -> ³, ą -> ¹, ż -> ¿, Ż -> ¯, ...).
_WRONG_INSIDE_WORD = re.compile(r"(?<=\w)[¹²³¼½¾¿¦¨´¸¤¥ª¯º·µ¶×÷¬±]|[¹²³¼½¾¿¦¨´¸¤¥ª¯º·µ¶×÷¬±](?=[^\W\d_])")
_C1_OR_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Detector = Callable[[bytes], str | None]


def _chardetng(data: bytes) -> str | None:
    import chardetng_py  # imported lazily: only legacy non-Western files need it

    return chardetng_py.detect(data)


def plain_western(text: str) -> bool:
    """Whether ``text`` (a cp1252 decoding) is ASCII letters with Western punctuation and symbols
    only (curly quotes, dashes, €, £): no detector is needed, and detectors get it wrong."""
    if _C1_OR_CONTROL.search(text) or _WRONG_INSIDE_WORD.search(text):
        return False
    return not any(ch > "\x7f" and ch.isalpha() for ch in text)


def _odd_chars(text: str) -> int:
    return sum(1 for ch in text if ch not in "\t\n\r" and unicodedata.category(ch) in _ODD_CATEGORIES)


def _utf16_without_bom(data: bytes, errors: str = "strict") -> tuple[str, str] | None:
    units = len(data) // 2
    if units < 2 or len(data) % 2 or data.count(0) < max(2, _UTF16_MIN_NUL_SHARE * units):
        return None
    best: tuple[int, str, str] | None = None
    # The byte order with more NULs on the high side first: it is the likely one.
    le_first = data[1::2].count(0) >= data[0::2].count(0)
    for codec in ("utf-16-le", "utf-16-be") if le_first else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(codec, errors)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE_CHARS]  # the share of odd characters needs no more
        odd = _odd_chars(sample)
        if odd <= _UTF16_MAX_ODD_SHARE * len(sample) and (best is None or odd < best[0]):
            best = (odd, text, codec)
    return (best[1], best[2]) if best else None


def _utf32_without_bom(data: bytes, errors: str = "strict") -> tuple[str, str] | None:
    """UTF-32 with no byte-order mark (what some Windows and Java exports write): every 4-byte unit
    a code point below U+110000, so one byte in four is NUL at least, and text with almost no odd
    characters. Before: a ``binary`` reject ("control bytes found"), as UTF-16 without BOM was."""
    if len(data) < 8 or len(data) % 4:
        return None
    for codec, high in (("utf-32-le", data[3::4]), ("utf-32-be", data[0::4])):
        if high.count(0) != len(high):
            continue
        try:
            text = data.decode(codec, errors)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE_CHARS]
        if _odd_chars(sample) <= _UTF16_MAX_ODD_SHARE * len(sample):
            return text, codec
    return None


# WHATWG names (chardetng's) that Python spells differently.
_WHATWG_NAMES = {"windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "iso-8859-8-i": "iso8859-8"}


def _python_codec(name: str) -> str | None:
    try:
        return codecs.lookup(_WHATWG_NAMES.get(name.lower(), name)).name
    except LookupError:
        return None


# The superset to use when a detector's encoding does not decode the bytes or gives C1 controls
# (bytes 0x80-0x9F of an ISO code page, which text never has): browsers read latin-1 as cp1252,
# Shift_JIS as cp932, EUC-KR as cp949, Big5 as Big5-HKSCS.
_SUPERSET = {
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-2": "cp1250",
    "iso8859-5": "cp1251",
    "iso8859-7": "cp1253",
    "iso8859-9": "cp1254",
    "iso8859-13": "cp1257",
    "iso8859-8": "cp1255",
    "iso8859-6": "cp1256",
    "tis-620": "cp874",
}


# chardetng names KOI8-U for all KOI8 text; Russian text (no Ukrainian letters) decodes the same
# as KOI8-R, the far more common label.
_COMMON = {"koi8-u": "koi8-r"}


def _common_name(data: bytes, decoded: str, codec: str) -> str:
    common = _COMMON.get(codec)
    return common if common is not None and data.decode(common, "replace") == decoded else codec


# A cp1252 reading whose only non-ASCII characters are these is English-like Western text (curly
# quotes, dashes, €, £): no other code page is weighed ...
_PLAIN_1252_BYTES = bytes(
    [0x80, 0x82, 0x84, 0x85, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9B]
) + bytes([0xA0, 0xA1, 0xA3, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB7, 0xBB, 0xBF])


# ... unless a quote or dash stands between a letter and a small letter: Mac Roman's ó ñ í read as
# cp1252 ("hist—rico", "a–os"), DOS cp437's ô ("C“te"); the apostrophe ’ does stand there. Or an
# opening mark right after a letter: DOS cp437/cp850's é ä í ¿ ("Caf‚", "Jos‚", "Medell¡n",
# round 16), which no cp1252 text has; or € £ © ® before a small letter (cp1250's Ł, ISO-8859-2's
# Š: "£odzi", "©koda"). Checked on the bytes mapped to classes (a regex cost more than the rest of
# the decode): l/u ASCII small/capital letter, B a mark between letters, A after a letter, C before
# a small one.
def _class_table() -> bytes:
    table = bytearray(b" " * 256)
    table[ord("a") : ord("z") + 1] = b"l" * 26
    table[ord("A") : ord("Z") + 1] = b"u" * 26
    for byte in b"\x85\x8b\x91\x93\x94\x95\x96\x97\x9b\xab\xbb":
        table[byte] = ord("B")
    for byte in b"\x82\x84\xa1\xbf":
        table[byte] = ord("A")
    for byte in b"\x80\xa3\xa9\xae":
        table[byte] = ord("C")
    return bytes(table)


_MARK_CLASSES = _class_table()
_MARKS_MISPLACED = (b"lBl", b"uBl", b"lA", b"uA", b"Cl")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MOST_FOREIGN = 0.02
_LATIN_CODECS = frozenset(latin_choice.CODECS) | {"latin-1", "iso8859-1"}


_NOT_PLAIN = bytes(range(0x80)) + _PLAIN_1252_BYTES


def _plain_1252(data: bytes) -> bool:
    if data.translate(None, _NOT_PLAIN):
        return False
    classes = data[: 4 * _SAMPLE_CHARS].translate(_MARK_CLASSES)
    return not any(pattern in classes for pattern in _MARKS_MISPLACED)


def _latin(data: bytes, detect: Detector) -> tuple[str, str] | None:
    """Mostly-ASCII bytes in a Latin code page (round 15): the reading ``latin_choice`` finds most
    plausible as one language's text. When more than 2 % of its letters are foreign to the
    language it matched (names in English are well under), the detector is asked: a non-Latin
    answer (a Russian text with much English in it) gives None (the caller follows the detector).
    A close call is labelled with a trailing ``?`` ("cp1250?"), which the report marks for an
    analyst to check."""
    choice = latin_choice.choose(data)
    if choice is None or not choice.plausible:
        return None
    best = choice.readings[0]
    if best.foreign > _MOST_FOREIGN:
        name = detect(data)
        codec = _python_codec(name) if name else None
        if codec is not None and codec not in _LATIN_CODECS:
            return None
    # A Latin answer does not break a close call: chardetng leans to cp1252, and in the round 15
    # cases taking its side among close readings made three right ones wrong.
    return data.decode(best.codec), best.codec + ("" if choice.sure else "?")


def _ebcdic(data: bytes) -> tuple[str, str] | None:
    """``(text, "cp500")`` for EBCDIC text (a mainframe export: IBM's cp500/cp037 share letters,
    digits, space and line ends), else None; before, an ``undecodable`` reject (round 7). Its
    space is byte 0x40 (ASCII's "@"), and ASCII's space 0x20 is no printable character in it: a
    text with spaces at 0x40 and none at 0x20 that reads as ASCII in cp500 is EBCDIC. Its line end
    0x15 is U+0085 (NEL), which cleaning reads as a line end."""
    head = data[: 4 * _SAMPLE_CHARS]
    if 12 * head.count(b"@") < len(head) or head.count(b" ") * 100 > len(head):
        return None
    try:
        text = data.decode("cp500")
    except UnicodeDecodeError:
        return None
    plain = sum(1 for c in text if c.isascii() and (c.isprintable() or c in "\t\n\r") or c == "\x85")
    return (text, "cp500") if 20 * plain >= 19 * len(text) else None


def decode_legacy(data: bytes, detect: Detector = _chardetng) -> tuple[str, str]:
    """Bytes that are not UTF-8: EBCDIC when its signs are plain (``_ebcdic``); for mostly-ASCII
    bytes cp1252 when its only non-ASCII characters are quotes, dashes and the like, else the
    Latin code page whose reading is likeliest one language's text (``_latin``); else the
    detector's choice, else cp1252 when it decodes at all."""
    ebcdic = _ebcdic(data)
    if ebcdic is not None:
        return ebcdic
    # Western text is three quarters ASCII or more; CJK, Greek or Cyrillic bytes are not, and the
    # Latin code pages would read them as strings of accented letters.
    head = data[: 4 * _SAMPLE_CHARS]
    western = 4 * (len(head) - len(head.translate(None, _HIGH_BYTES))) < len(head)
    if western:
        if _plain_1252(data):
            return data.decode("cp1252"), "cp1252"
        found = _latin(data, detect)
        if found is not None:
            return found
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and plain_western(text):
        return text, "cp1252"
    name = detect(data)
    codec = _python_codec(name) if name else None
    if codec is not None and codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        superset = _SUPERSET.get(codec)
        for candidate in (codec, superset):
            if candidate is None:
                continue
            try:
                decoded = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            if candidate == superset or superset is None or not _C1_OR_CONTROL.search(decoded):
                sibling = script_siblings.better_sibling(data, candidate, decoded)
                if sibling is not None:  # Mac Cyrillic read as cp1251, Mac Greek as KOI8-R (round 16)
                    return sibling
                return decoded, _common_name(data, decoded, candidate)
    if text is not None:
        return text, "cp1252"
    raise UnicodeError("no text encoding fits these bytes")


# Signs that a line's reading is in the wrong legacy encoding (checked only for the legacy lines of
# a UTF-8 file): a Latin letter and a Cyrillic or Greek one inside one word (cp1252's "café" read as
# KOI8-R is "cafИ"), a non-ASCII capital right after a small letter inside a word (KOI8-R's
# "Привет" read as cp1252 is "ðÒÉ×ÅÔ"), or a C1 control. Real words mix none of these.
_LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
_CYRILLIC_GREEK = "Ѐ-ӿͰ-Ͽ"
_MIXED_SCRIPT = re.compile(f"[{_LATIN}][{_CYRILLIC_GREEK}]|[{_CYRILLIC_GREEK}][{_LATIN}]")
_CAPITAL_INSIDE_WORD = re.compile(r"(?<=[a-zß-öø-ÿа-яё])[À-ÖØ-ÞŠŒŽŸА-ЯЁ]")


def _misread(line: str) -> bool:
    return bool(
        _C1_OR_CONTROL.search(line) or _MIXED_SCRIPT.search(line) or _CAPITAL_INSIDE_WORD.search(line)
    )


def _legacy_line(line: bytes, codec: str, detect: Detector) -> tuple[str, str] | None:
    """A legacy line of a UTF-8 file: in ``codec`` (what all its legacy lines together suggest) unless
    that reading looks wrong and the line's own detection reads well; None when neither does."""
    try:
        text = line.decode(codec) if codec else None
    except UnicodeDecodeError:
        text = None
    if text is not None and not _misread(text):
        return text, codec
    try:
        own, own_codec = decode_legacy(line, detect)
    except UnicodeError:
        return None
    return None if _misread(own) else (own, own_codec)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text, the codec(s) that made it (``utf-8+koi8-r+cp1252`` when lines differ), and the lines
    no encoding reads with confidence (0-based, as ``bytes.splitlines`` counts them): each is in the
    text in its group's reading, bad bytes replaced, for a line-per-record reader to reject."""

    text: str
    encoding: str
    doubtful_lines: tuple[int, ...] = ()


def _mixed_lines(data: bytes, detect: Detector, per_line: bool = False) -> Decoded | None:
    """UTF-8 lines mixed with lines in a legacy encoding, each decoded on its own; None when
    no line is non-ASCII valid UTF-8 (then the whole file is legacy). When no encoding fits the
    legacy lines together, UnicodeError; with ``per_line`` (a reader that rejects lines), each is
    then decoded alone and the ones nothing fits are doubtful."""
    lines = data.splitlines(keepends=True)
    utf8: list[str | None] = []
    bad: list[bytes] = []
    any_utf8 = False
    for line in lines:
        try:
            utf8.append(line.decode("utf-8"))
            any_utf8 = any_utf8 or not line.isascii()
        except UnicodeDecodeError:
            utf8.append(None)
            bad.append(line)
    if not any_utf8:
        return None
    # The legacy lines together say more about their encoding than any one alone; a line whose
    # reading in it looks wrong (two tools, two legacy encodings) is detected on its own.
    try:
        _, codec = decode_legacy(b"".join(bad), detect)
        codec = codec.rstrip("?")  # the lines are decoded with it; each line's own guess is labelled
    except UnicodeError:
        if not per_line:
            raise
        codec = ""
    codecs_used = [codec] if codec else []
    parts: list[str] = []
    doubtful: list[int] = []
    for i, (u, line) in enumerate(zip(utf8, lines, strict=True)):
        if u is None:
            found = _legacy_line(line, codec, detect)
            if found is None:
                doubtful.append(i)
                found = (line.decode(codec or "utf-8", "replace"), codec)
            u = found[0]
            if found[1] and found[1] not in codecs_used:
                codecs_used.append(found[1])
        parts.append(u)
    return Decoded("".join(parts), "+".join(["utf-8", *codecs_used]), tuple(doubtful))


def utf16_blocks(data: bytes, spaced: bool = False) -> Decoded | None:
    """UTF-8 lines and blocks of UTF-16 lines (two exports concatenated, ``cat a.jsonl b.jsonl``
    where b was written by a Windows tool), each decoded as what it is; None unless the bytes are
    that: at least one UTF-8 line with text and one UTF-16 block, every one decoding strictly.

    A block is a run of lines holding NULs (every UTF-16 line of ASCII-bearing text does). A
    UTF-16-LE newline is "\\n\\0": when a UTF-8 line follows a block its piece starts with that
    NUL, which belongs to the block.

    ``spaced``: also require every UTF-8 run with text to hold an ASCII space per 24 bytes (prose and
    table rows of spaced scripts do). A line of a whole UTF-16 file without NULs (all its characters
    beyond U+00FF) may be valid UTF-8 by chance, but holds no space (U+0020 is ``20 00``): for a
    CSV or a text, where no JSON parse confirms the reading, this keeps such a file read whole."""
    runs: list[list] = []  # [start, end, is_utf16]
    pos = 0
    for piece in data.split(b"\n"):
        start, end = pos, min(pos + len(piece) + 1, len(data))
        is16 = b"\x00" in piece
        if is16 and runs and runs[-1][2] and piece[:1] == b"\x00" and piece[1:] and b"\x00" not in piece[1:]:
            runs[-1][1] = start = start + 1
            is16 = False
        if runs and runs[-1][2] == is16:
            runs[-1][1] = end
        else:
            runs.append([start, end, is16])
        pos = end
    if not any(is16 for *_, is16 in runs) or not any(not is16 and data[a:b].strip() for a, b, is16 in runs):
        return None
    if spaced and not all(
        data[a:b].count(b" ") * 24 >= len(data[a:b].strip()) for a, b, is16 in runs if not is16
    ):
        return None
    parts: list[str] = []
    used: list[str] = ["utf-8"]
    for a, b, is16 in runs:
        chunk = data[a:b]
        try:
            if not is16:
                parts.append(chunk.decode("utf-8"))
                continue
            if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                text, codec = chunk.decode("utf-16"), "utf-16-le" if chunk[0] == 0xFF else "utf-16-be"
            else:
                found = _utf16_without_bom(chunk)
                if found is None:
                    return None
                text, codec = found
        except UnicodeDecodeError:
            return None
        parts.append(text)
        if codec not in used:
            used.append(codec)
    return Decoded("".join(parts), "+".join(used))


# ISO-2022-JP (Japanese mail and news) and ISO-2022-KR are 7-bit: their text is escape sequences
# around ASCII bytes, so it is valid UTF-8 and read as such it was garbage ("$B;T5D2q$O…(B", a
# document labelled utf-8: round 7). Their designations: ESC $ @, ESC $ B, ESC $ ( D (JIS X 0208,
# 0212), ESC $ A / ESC $ ( C (iso2022_jp_2's Chinese and Korean), ESC $ ) C (ISO-2022-KR).
_ISO2022 = (
    (re.compile(rb"\x1b\$[@B]|\x1b\$\(D"), ("iso2022_jp", "iso2022_jp_2")),
    (re.compile(rb"\x1b\$\)C"), ("iso2022_kr",)),
)


def _iso2022(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` when ``data`` is ISO-2022 text: a designation sequence, and it decodes
    strictly to text with no escape left; else None (an ANSI colour code is ESC [, not ESC $)."""
    for sequence, codecs_ in _ISO2022:
        if not sequence.search(data):
            continue
        for codec in codecs_:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x1b" not in text and not text.isascii():
                return text, codec
    return None


def _cesu8(data: bytes) -> Decoded | None:
    """CESU-8 / Java's modified UTF-8 (MySQL ``utf8``/``utf8mb3`` dumps, Java and Oracle exports):
    UTF-8 except that a character beyond U+FFFF is its two UTF-16 surrogates, three bytes each
    (``ED A0 BD ED B8 80`` for U+1F600). Strict UTF-8 refuses those bytes, and the legacy detectors
    made the whole text Chinese-looking mojibake ("Harbour budget approved 頎巾竴", round 8). Read
    as UTF-8 with the surrogate pairs joined; a lone surrogate becomes U+FFFD. None when the bytes
    are not UTF-8 apart from surrogates (legacy text is decoded as before)."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return Decoded(joined, "cesu-8")


def decode_text(data: bytes, detect: Detector = _chardetng, per_line: bool = False) -> Decoded:
    """``decode_bytes`` with the lines of a mixed file that no encoding reads with confidence;
    ``per_line``: the reader rejects such lines, so they need not make the file undecodable."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError:
                break  # not really a BOM: the bytes are something else
    if b"\x1b$" in data and (found := _iso2022(data)) is not None:
        return Decoded(*found)
    # UTF-16 first when there are NULs: ASCII in UTF-16 is also valid UTF-8 ("T\0h\0e\0").
    if b"\x00" in data:
        found = _utf32_without_bom(data) or _utf16_without_bom(data)
        if found is None:
            raise UnicodeError("NUL bytes, but not UTF-16 or UTF-32 text")
        return Decoded(*found)
    # UTF-7 and HZ are ASCII bytes: valid UTF-8, and garbage read as such (round 16).
    if data.isascii() and (b"~{" in data or b"+" in data) and (found := seven_bit.decode(data)) is not None:
        return Decoded(*found)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            # UTF-8 cut inside its last character (a truncated download or copy; round 10): that
            # part-character is no text. Before, the whole file was read as cp1252 ("Ã©" for "é").
            return Decoded(data[: exc.start].decode("utf-8"), "utf-8")
    if b"\xed" in data and (found := _cesu8(data)) is not None:
        return found
    mixed = _mixed_lines(data, detect, per_line)
    if mixed is not None:
        return mixed
    return Decoded(*decode_legacy(data, detect))


def decode_bytes(data: bytes, detect: Detector = _chardetng) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used (a Python codec name, ``utf-8+X`` for
    per-line decoding); raise UnicodeError when no encoding fits."""
    decoded = decode_text(data, detect)
    return decoded.text, decoded.encoding


def looks_utf16(data: bytes) -> bool:
    """Whether NUL bytes in ``data`` are UTF-16 or UTF-32 text (a BOM, or the pattern of step 2), not
    a sign of a binary file. Looks at the first 64 KiB only: a large binary file is not decoded."""
    utf16_boms = tuple(b for b, _ in BOMS if b != codecs.BOM_UTF8)
    # surrogatepass: the cut may split a surrogate pair (a lone one counts as odd, within the margin).
    head = data[: min(len(data) // 2 * 2, 2 * _SAMPLE_CHARS)]
    return (
        data.startswith(utf16_boms)
        or _utf16_without_bom(head, "surrogatepass") is not None
        or _utf32_without_bom(data[: min(len(data) // 4 * 4, 4 * _SAMPLE_CHARS)]) is not None
    )
