"""Round 17: UTF-7 and HZ are read only on the evidence real text in them has (factsieve.ingest.seven_bit).

Plain ASCII text full of "+" and "~{" must stay UTF-8 (a wrong UTF-7 reading changes the text
silently); the round-16 UTF-7 and HZ texts and other real ones must still be read. On main a lone
"+Abc-" read as UTF-7 ("Index Ʒ test"), "BTC +APw-USD" as "BTC üUSD", "~{KF"G~}" as two Chinese
characters, and 1-2 of 20,000 base64 blobs in JSON lines as UTF-7.
"""

from __future__ import annotations

import base64
import json
import random

import pytest

from factsieve.ingest import decode


def _read(text: str) -> tuple[str, str]:
    return decode.decode_bytes(text.encode("ascii"))


ASCII_WITH_PLUS = [
    "Index +Abc- test: the lone run decodes to one letter, nothing else does.\n",
    "Cardano +ADA-USD rose 4% while BTC +APw-USD was flat.\n",
    "Call +44-20-7946-0958 or +1-555-0100; the C++ and Notepad++ teams use Ctrl+Alt+Del.\n",
    "Arsenal won +3-1 on the day (GD +12), up +0.5% on the season; A+B-C and 2+2=4.\n",
    "+1 to this, +100 from me. Disney+ and Apple TV+ prices rise; write to news+tips@example.com.\n",
    "+    return self.total - 1\n+import os\n@@ -12,7 +12,8 @@\n",
    "https://example.com/search?q=budget+vote+2019&sig=Zm9v+YmFy/cXV4&ts=1700000000\n",
    "the league council x+BCg-xon of police\n",  # a Cyrillic letter inside an ASCII word
    "club delayed coach A+AQk-Abunion\n",  # a small letter between capitals: no word's spelling
    "don+IBk-t\n",  # one apostrophe is no evidence
]


@pytest.mark.parametrize("text", ASCII_WITH_PLUS)
def test_ascii_with_plus_stays_utf8(text):
    assert _read(text) == (text, "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        'prices storm market ~{KF"G~} market leaders\n',
        "win prices growth ~{NV8HET0F64J06V~} minister\n",  # level-1 characters, no punctuation
        "cp ~{a,b}/notes.txt . and Mr~{\\bf Smith} said\n",
        "storm season report ~{#(N^mH=ZEU~} said bank shares\n",  # a full-width bracket is no prose
    ],
)
def test_ascii_with_tilde_braces_stays_utf8(text):
    assert _read(text) == (text, "utf-8")


def test_base64_blobs_in_json_lines_are_not_utf7():
    """20,000 JSON lines with a random base64 blob of 6-60 bytes each (main: 1-2 read as UTF-7)."""
    rng = random.Random(16)
    wrong = []
    for i in range(20_000):
        blob = base64.b64encode(rng.randbytes(rng.randint(6, 60))).decode()
        line = json.dumps({"id": i, "title": "Budget vote delayed", "thumb": blob}) + "\n"
        if _read(line)[1] != "utf-8":
            wrong.append(line)
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr Müller's quotes from Zürich are checked.\n",
        "Правительство утвердило бюджет на следующий год.\n",
        "Η κυβέρνηση ενέκρινε τον προϋπολογισμό.\n",
        "«No vamos a subir los impuestos», aseguró el ministro. ¿Quién pagará la factura?\n",
        "Hi Anna, the São Paulo piece and the café owner's quotes are in; it’s done.\n",
        "Vietnam’s Việt Nam News reported the Hà Nội vote.\n",
    ],
)
def test_real_utf7_text_is_read(text):
    assert decode.decode_bytes(text.encode("utf-7")) == (text, "utf-7")


def test_one_accent_needs_a_declared_charset():
    """One accent at a word's end is no evidence alone (it stays ASCII, a counted miss); a mail
    header or meta tag naming UTF-7 is."""
    body = "The café owners protest the new late-night rules.\n"
    assert decode.decode_bytes(body.encode("utf-7"))[1] == "utf-8"
    mail = 'Content-Type: text/plain; charset="UTF-7"\n\n' + body
    assert decode.decode_bytes(mail.encode("utf-7")) == (mail, "utf-7")


def test_hz_needs_chinese_prose_or_a_declaration():
    prose = "政府周四公布新一年预算，医疗开支将增加百分之十二。\n"
    assert decode.decode_bytes(prose.encode("hz")) == (prose, "hz")
    headline = "政府公布新预算\n"  # no punctuation
    assert decode.decode_bytes(headline.encode("hz"))[1] == "utf-8"
    declared = "Content-Type: text/plain; charset=HZ-GB-2312\n\n" + headline
    assert decode.decode_bytes(declared.encode("hz")) == (declared, "hz")


def test_quotes_a_gateway_shifted_are_no_veto_and_no_evidence():
    """RFC 2152 lets an encoder shift '"' and '!' too (some mail gateways do): those runs neither
    refuse a real UTF-7 text nor make ASCII text UTF-7."""
    assert decode.decode_bytes(b"He said +ACI-Z+APw-rich+ACI- and +ACI-M+APw-nchen+ACI-!") == (
        'He said "Zürich" and "München"!',
        "utf-7",
    )
    assert _read("Quote +ACI-hello+ACI- only\n")[1] == "utf-8"
