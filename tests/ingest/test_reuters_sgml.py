"""Reuters-21578 in its distributed SGML (``reut2-NNN.sgm``): one document per ``<REUTERS>``
element keyed by NEWID, title and DATE read, entities decoded, the ``&#3;`` end marker gone;
a headline-only element is a ``no_body`` reject, an unclosed tag costs one field, not the file.

The file below is written by hand in the corpus's layout (not copied from it). When ../shared
holds the corpus as JSON Lines, SGML rebuilt from it in a temporary folder must give the same
bodies, titles and dates per NEWID as the JSON Lines reader."""

from __future__ import annotations

import gzip
import json

import pandas as pd

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from tests.conftest import shared_path
from tests.ingest.corpus_builders import sgml_from_jsonl
from tests.ingest.test_feeds import _read, _read_parts

SGM = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="101">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN>
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-PORT-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>PORT COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the cocoa zone, alleviating the drought since early January,
the trade house &lt;Comissaria Exemplo> said in its weekly review.
    Arrivals for the week were 155,221 bags of 60 kilos &amp; more
are expected, exporters said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="102">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<UNKNOWN>
&#5;&#5;&#5;F Y
&#22;&#22;&#1;f0708&#31;reute
d f BC-MONEY-FUNDS   02-26 0032</UNKNOWN>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK
</TITLE>
&#3;

</TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="5546" NEWID="103">
<DATE>26-FEB-1987 15:03:27.51</DATE>
<TOPICS><D>acq</D></TOPICS>
<TEXT>&#2;
<TITLE>&lt;EXAMPLE BANCORP> TO BUY TEXAS BANK
<DATELINE>    HOUSTON, Feb 26 - </DATELINE><BODY>Example Bancorp Inc said it agreed to buy
a Texas bank with 1.2 billion dlrs in assets, the company said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5547" NEWID="104">
<DATE> 1-MAR-1987 08:22:30.94</DATE>
<TEXT TYPE="UNPROC">&#2;
BC-GRAIN-SHIPS   03-01 0044
Grain ships loading at ports were 14, against 11 a week ago, the
port authority said.
 REUTER
&#3;</TEXT>
</REUTERS>
"""


def test_each_reuters_element_is_a_document_keyed_by_newid(tmp_path):
    res = _read(tmp_path, "reut2-000.sgm", SGM)
    assert [(d.record_key, d.format, d.title) for d in res.docs] == [
        ("101", "sgml", "PORT COCOA REVIEW"),
        ("103", "sgml", "<EXAMPLE BANCORP> TO BUY TEXAS BANK"),  # unclosed <TITLE>: ends at the next tag
        ("104", "sgml", "BC-GRAIN-SHIPS 03-01 0044"),  # UNPROC: no TITLE, guessed as for JSON Lines
    ]
    cocoa, bank, grain = res.docs
    assert cocoa.published_at == pd.Timestamp("1987-02-26 15:01:01.79", tz="UTC")
    assert cocoa.text.startswith("Showers continued throughout the week in\nthe cocoa zone")
    assert "the trade house <Comissaria Exemplo> said" in cocoa.text
    assert "155,221 bags of 60 kilos & more" in cocoa.text
    # the &#3; marker is gone; the sign-off stays, as in the corpus's JSON Lines (labelled boilerplate)
    assert cocoa.text.endswith("exporters said.\n Reuter")
    assert "\x03" not in cocoa.text and "SALVADOR" not in cocoa.text
    assert bank.text.startswith("Example Bancorp Inc said")
    assert grain.text.startswith("BC-GRAIN-SHIPS") and grain.text.endswith("REUTER")
    assert grain.published_at == pd.Timestamp("1987-03-01 08:22:30.94", tz="UTC")
    [brief] = res.rejects
    assert (brief.record_key, brief.reason) == ("102", codes.NO_BODY)
    assert brief.detail == (
        "element 2: NEWID 102 (BRIEF): no <BODY>, a headline only: "
        "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK"
    )


def test_gzip_legacy_bytes_and_files_that_are_not_the_corpus(tmp_path):
    res = _read(tmp_path, "reut2-000.sgm.gz", gzip.compress(SGM.encode()))
    assert [d.record_key for d in res.docs] == ["101", "103", "104"]
    # reut2-017.sgm holds a stray cp1252 byte: read, not a reject
    legacy = SGM.replace("Example Bancorp", "Caf\u00e9 Bancorp").encode("cp1252")
    res = _read(tmp_path, "reut2-017.sgm", legacy)
    assert res.docs[1].text.startswith("Café Bancorp") and len(res.rejects) == 1
    [rej] = _read(tmp_path, "notes.sgm", "<DOC><P>Some other SGML</P></DOC>\n").rejects
    assert (rej.reason, rej.detail) == (
        codes.UNSUPPORTED_XML,
        "no <REUTERS> element: only the Reuters-21578 and TREC <DOC> layouts of SGML are read",
    )
    # a file cut inside an element: what is there is read, the cut body ends where the file does
    res = _read(tmp_path, "cut.sgm", SGM[: SGM.index("1.2 billion")])
    assert [d.record_key for d in res.docs] == ["101", "103"]
    assert res.docs[1].text == "Example Bancorp Inc said it agreed to buy\na Texas bank with"


def test_a_large_sgm_file_is_read_in_parts_with_the_same_documents(tmp_path):
    body = SGM.split("\n", 1)[1]
    big = (
        SGM.split("\n", 1)[0] + "\n" + "".join(body.replace('NEWID="1', f'NEWID="{k}1') for k in range(1, 40))
    )
    for name in ("reut2-big.sgm", "reut2-big.sgm.gz"):
        p = tmp_path / name
        p.write_bytes(gzip.compress(big.encode()) if name.endswith(".gz") else big.encode())
        inp = InputFile(str(p), p.stat().st_size, None, rel=p.name)
        whole = ingest.read_input(inp)
        found = splitting.split_gzip_parts(inp, 4096, ingest.IngestLimits(), tmp_path / "spool")
        found = [part for f in found for part in splitting.split_parts(f, 4096)]
        assert len(found) > 5 and all(f.is_part for f in found)
        docs, rejects = _read_parts(found)
        assert [(d.record_key, d.text, d.title) for d in docs] == [
            (d.record_key, d.text, d.title) for d in whole.docs
        ]
        assert [(r.record_key, r.detail) for r in rejects] == [
            (r.record_key, r.detail) for r in whole.rejects
        ]
        assert len(whole.docs) == 3 * 39 and len(whole.rejects) == 39


def test_sgml_gives_the_bodies_of_the_json_lines_export(tmp_path):
    source = shared_path("data", "corpora", "reuters21578", "reuters21578_articles.jsonl")
    with open(source, encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(3000), fh, strict=False)]
    sgm = _read(tmp_path, "reut2-000.sgm", sgml_from_jsonl(records))
    jsonl = _read(tmp_path, "reuters.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    as_sgml = {d.record_key: (d.text, d.title, d.published_at) for d in sgm.docs}
    as_jsonl = {d.record_key: (d.text, d.title, d.published_at) for d in jsonl.docs}
    assert len(as_sgml) > 2500
    assert as_sgml == as_jsonl
    no_body = {r.record_key for r in sgm.rejects if r.reason == codes.NO_BODY}
    assert no_body == {str(r["newid"]) for r in records if r.get("body") is None}
