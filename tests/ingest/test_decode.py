"""Decoding legacy news: the text must come out exactly as written, with the encoding that made it."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsieve import vocabulary
from factsieve.ingest import decode
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile

EN = "The minister said “it’s a good day for exporters” – coffee prices rose 3 percent to £1.20.\r\n"
CASES = [
    # Short English with only curly quotes and dashes: detectors guess cp1250, cp775, mac_iceland.
    (EN, "cp1252", "cp1252"),
    ("Mayor José Peña said the café in Zürich earned €5 million.\n", "cp1252", "cp1252"),
    (
        "Vláda České republiky dnes oznámila, že růst ekonomiky bude letos přibližně tři procenta.\n",
        "cp1250",
        "cp1250",
    ),
    (
        "Rząd ogłosił, że wzrost gospodarki wyniesie około trzech procent, powiedział rzecznik w Łodzi.\n",
        "cp1250",
        "cp1250",
    ),
    ("Правительство России заявило сегодня, что рост экономики составит три процента.\n", "koi8-r", "koi8"),
    ("Правительство России заявило сегодня, что рост экономики составит три процента.\n", "cp1251", "cp1251"),
    (
        "Η κυβέρνηση ανακοίνωσε σήμερα ότι η ανάπτυξη της οικονομίας θα φτάσει το τρία τοις εκατό.\n",
        "iso-8859-7",
        "",
    ),
    (
        "日本政府は今日、経済成長が3パーセントに達すると発表した。東京の市場では株価が上昇した。\n",
        "shift_jis",
        "",
    ),
    ("中国政府今天宣布，经济增长将达到百分之三。北京的市场价格上涨。\n", "gb18030", "gb18030"),
    (
        "정부는 오늘 경제 성장률이 3퍼센트에 이를 것이라고 발표했다. 서울 시장에서 주가가 올랐다.\n",
        "euc-kr",
        "",
    ),
    # ISO-8859-15: its € is byte 0xA4, which cp1252 reads as "¤" (before: "5 ¤ per kilo")
    (
        "Fuel now costs 1.85 € a litre at Total stations in Lyon, the ministry said.\n",
        "iso-8859-15",
        "iso8859-15",
    ),
    (
        "Société Générale said profits rose to 2 billion €, and Œuvre shares fell.\n",
        "iso-8859-15",
        "iso8859-15",
    ),
    # Mac Roman archives: cp1252 read its quotes and dashes as "ÒitÕs a good dayÓ … Ð" (before)
    (EN.replace("£1.20", "$1.20"), "mac_roman", "mac-roman"),
    ("The Café owners said “prices are rising” — and François Lefèvre agreed.\n", "mac_roman", "mac-roman"),
    (
        "Le ministre a dit “c’est très bien” à Genève – les prix ont augmenté près du lac.\n",
        "mac_roman",
        "mac-roman",
    ),
]


@pytest.mark.parametrize(("text", "encoding", "label"), CASES)
def test_legacy_news_decodes_to_the_exact_text(text, encoding, label):
    decoded, used = decode.decode_bytes(text.encode(encoding))
    assert decoded == text
    assert used.startswith(label)
    assert text.encode(encoding).decode(used) == text  # the label is the encoding actually used


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [EN, CASES[4][0], CASES[8][0] + " 2026 年 12 月"])
def test_utf16_without_bom_is_text_not_binary(tmp_path, codec, text):
    data = text.encode(codec)
    assert decode.decode_bytes(data) == (text, codec)
    p = tmp_path / "story.txt"
    p.write_bytes(data)
    [doc] = ingest.read_input(InputFile(str(p), len(data), 0.0, rel="story.txt")).docs
    assert (doc.text, doc.encoding) == (text, codec)


def test_utf8_file_with_cp1252_lines_is_decoded_line_by_line():
    lines = [
        "Café owners in Zürich said “prices rose”.\n",
        "Sales fell 3% – the first fall since 2019.\n",
        "Le café était plein.\n",
    ]
    data = lines[0].encode() + lines[1].encode("cp1252") + lines[2].encode()
    assert decode.decode_bytes(data) == ("".join(lines), "utf-8+cp1252")


def test_binary_with_nul_bytes_is_still_binary(tmp_path):
    data = bytes(range(256)) * 64 + (1234567).to_bytes(4, "little") * 500
    assert not decode.looks_utf16(data)
    with pytest.raises(UnicodeError):
        decode.decode_bytes(data)
    p = tmp_path / "photo.txt"
    p.write_bytes(data)
    [rej] = ingest.read_input(InputFile(str(p), len(data), 0.0, rel="photo.txt")).rejects
    assert rej.reason == vocabulary.BINARY


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_bom_names_the_encoding(bom):
    codec = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}[
        bom
    ]
    text, used = decode.decode_bytes(bom + EN.encode(codec))
    assert text.lstrip("\ufeff") == EN and used.startswith("utf-")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_decode_or_raise_unicode_error(data):
    try:
        text, used = decode.decode_bytes(data)
    except UnicodeError:
        return
    assert isinstance(text, str) and used
    text.encode("utf-8")  # no lone surrogates: the text can be written


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252"]))
def test_encoded_text_decodes_or_raises_only_unicode_error(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    try:
        decoded, used = decode.decode_bytes(data)
    except UnicodeError:
        assert "\x00" in text or codec != "utf-8"
        return
    if codec == "utf-8" and "\x00" not in text:
        # A text that starts with U+FEFF is, in UTF-8, a file with a byte-order mark: the mark goes.
        assert (decoded, used) == (text.removeprefix("\ufeff"), "utf-8")
