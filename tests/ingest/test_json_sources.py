"""JSON as public news dumps and APIs ship it: ``.json`` files (one record, an array, an API
envelope, or JSON Lines under a .json name), a configured text field (``--text-field``, a dotted
path into nested objects), a text given as a list of paragraphs, and an article body that is HTML
markup. Each record ends as a document or as a reject whose detail says why."""

from __future__ import annotations

import json

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.html import is_markup
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits

A = "The port of Rotterdam handled 12 million tonnes in May, the port authority said on Tuesday."
B = "Grain prices rose for a third week as dry weather hit the harvest in Ukraine, traders said."


def _read(tmp_path, name: str, data: str | bytes, **limits) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    inp = InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel=name)
    return ingest.read_input(inp, IngestLimits(**limits))


def _docs(res) -> list[tuple[str, str]]:
    return [(d.record_key, d.text) for d in res.docs]


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        # one record, pretty-printed (what a per-article scraper writes: newspaper3k, news-please)
        (json.dumps({"title": "Port", "maintext": A, "date_publish": "2024-06-03"}, indent=2), ["line:1"]),
        # an array of records on one line, and pretty-printed
        (json.dumps([{"id": "a", "text": A}, {"id": "b", "text": B}]), ["a", "b"]),
        (json.dumps([{"text": A}, {"text": B}], indent=2), ["line:2", "line:5"]),
        # NewsAPI's envelope; {"data": [...]}; the Guardian's {"response": {"results": [...]}}
        (
            json.dumps({"status": "ok", "totalResults": 2, "articles": [{"content": A}, {"content": B}]}),
            ["line:1.1", "line:1.2"],
        ),
        (json.dumps({"data": [{"id": 1, "text": A}, {"id": 2, "text": B}]}, indent=1), ["1", "2"]),
        (json.dumps({"response": {"status": "ok", "results": [{"id": "g/1", "body": A}]}}), ["g/1"]),
        # datasets.Dataset.to_json writes JSON Lines under a .json name
        (json.dumps({"text": A}) + "\n" + json.dumps({"text": B}) + "\n", ["line:1", "line:2"]),
    ],
)
def test_json_files_are_read_as_records_in_the_shapes_dumps_use(tmp_path, body, keys):
    res = _read(tmp_path, "dump.json", body)
    assert not res.rejects
    assert [d.record_key for d in res.docs] == keys
    assert {d.text for d in res.docs} <= {A, B} and {d.format for d in res.docs} == {"json"}


def test_an_empty_envelope_and_a_record_without_text_are_rejects(tmp_path):
    res = _read(tmp_path, "empty.json", json.dumps({"status": "ok", "totalResults": 0, "articles": []}))
    assert [(r.reason, r.detail) for r in res.rejects] == [
        (codes.EMPTY, "line 1: 'articles' holds no records")
    ]
    res = _read(tmp_path, "meta.json", json.dumps({"name": "cc_news", "version": "1.0.0"}))
    assert [r.reason for r in res.rejects] == [codes.MISSING_TEXT]
    assert "fields: name, version" in res.rejects[0].detail


def test_text_field_reads_the_named_field_or_rejects_naming_the_fields_seen(tmp_path):
    lines = [
        {"id": "n1", "text": "Summary only.", "maintext": A},
        {"id": "n2", "text": B},  # no maintext: a reject, not the summary
        {"id": "n3", "maintext": None},
    ]
    body = "\n".join(json.dumps(r) for r in lines)
    res = _read(tmp_path, "news.jsonl", body, text_field="maintext")
    assert _docs(res) == [("n1", A)]
    assert [(r.record_key, r.reason, r.detail) for r in res.rejects] == [
        (
            "n2",
            codes.MISSING_TEXT,
            "line 2: no field 'maintext' (the configured text field; fields: id, text)",
        ),
        ("n3", codes.MISSING_TEXT, "line 3: 'maintext' is null"),
    ]
    # a dotted path into a nested object (the Guardian API's fields.bodyText)
    nested = json.dumps({"id": "g1", "webTitle": "Port", "fields": {"bodyText": B, "wordcount": "17"}})
    res = _read(tmp_path, "guardian.jsonl", nested, text_field="fields.bodyText")
    assert _docs(res) == [("g1", B)]
    res = _read(
        tmp_path,
        "guardian.jsonl",
        json.dumps({"id": "g2", "fields": {"wordcount": 17}}),
        text_field="fields.bodyText",
    )
    assert res.rejects[0].reason == codes.MISSING_TEXT and "fields.bodyText" in res.rejects[0].detail


def test_a_text_given_as_paragraphs_is_one_text_with_paragraph_breaks(tmp_path):
    body = json.dumps({"id": "p", "title": "Port", "paragraphs": None, "text": [A, "  ", B]})
    res = _read(tmp_path, "paras.jsonl", body)
    assert _docs(res) == [("p", A + "\n\n" + B)]
    # as an alias too (an "article" or "content" list); a list holding other things stays malformed
    res = _read(
        tmp_path, "paras.jsonl", json.dumps({"content": [A, B]}) + "\n" + json.dumps({"text": [A, 3]})
    )
    assert _docs(res) == [("line:1", A + "\n\n" + B)]
    assert [(r.reason, r.detail) for r in res.rejects] == [
        (codes.MALFORMED_RECORD, "line 2: 'text' is list, not a string")
    ]


HTML_BODY = (
    '<div class="share"><a href="https://twitter.com/share">Share on Twitter</a></div>'
    f"<p>{A.replace('Rotterdam', '<b>Rotterdam</b>')}</p>"
    "<p>The authority&#8217;s chief, Anna de Vries, said volumes &amp; revenue were &quot;solid&quot;.</p>"
    '<script>window.ads = [];</script><figure><img src="a.jpg"></figure>'
)


def test_an_html_body_in_a_text_field_is_cleaned_as_html(tmp_path):
    res = _read(tmp_path, "dump.jsonl", json.dumps({"id": "h1", "text": HTML_BODY}))
    [doc] = res.docs
    assert doc.text.splitlines() == [
        A,
        'The authority\u2019s chief, Anna de Vries, said volumes & revenue were "solid".',
    ]
    assert doc.title is None  # no title field, and a sentence is no headline (text.title)
    # a whole page in a "content" field: its main text and its own title
    page = f"<html><head><title>Port volumes up</title></head><body><nav>Home | World</nav><article>{HTML_BODY}</article></body></html>"
    [doc] = _read(tmp_path, "pages.jsonl", json.dumps({"content": page})).docs
    assert doc.title == "Port volumes up" and A in doc.text
    assert "<" not in doc.text and "window.ads" not in doc.text and "Home | World" not in doc.text


def test_markup_with_no_main_text_is_a_reject(tmp_path):
    res = _read(
        tmp_path,
        "dump.jsonl",
        json.dumps({"id": "x", "text": "<script>var a = 1;</script><style>p{}</style><br><br>"}),
    )
    assert [(r.record_key, r.reason) for r in res.rejects] == [("x", codes.NO_MAIN_TEXT)]


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        (HTML_BODY, True),
        ("First line.<br>Second line.<br/>Third.", True),
        ("Use the <p> tag for paragraphs, the guide says.", False),
        ("Profits rose when x < 3 and y > 2, the report said.", False),
        (A, False),
    ],
)
def test_markup_is_told_from_text_that_mentions_a_tag(text, markup):
    assert is_markup(text) is markup


def test_a_nested_article_is_named_in_the_reject_with_the_option_that_reads_it(tmp_path):
    rec = {"id": "n0", "article": {"headline": "Port", "body": A}, "meta": {"lang": "en"}}
    [rej] = _read(tmp_path, "hf.jsonl", json.dumps(rec)).rejects
    assert rej.detail == (
        "line 1: no 'text' field or alias with a string (fields: id, article, meta); "
        "to read a field inside 'article', use --text-field article.NAME"
    )
    assert _docs(_read(tmp_path, "hf.jsonl", json.dumps(rec), text_field="article.body")) == [("n0", A)]


def test_a_navigation_page_in_a_text_field_has_no_main_text(tmp_path):
    nav = (
        "<nav><ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30)) + "</ul></nav>"
    )
    res = _read(tmp_path, "dump.jsonl", json.dumps({"id": "nav", "content": nav}))
    assert [(r.record_key, r.reason) for r in res.rejects] == [("nav", codes.NO_MAIN_TEXT)]


def test_a_large_json_lines_file_named_json_is_read_in_parts_with_the_same_records(tmp_path):
    body = "".join(json.dumps({"text": f"{A} Item {i}."}) + "\n" for i in range(400))
    p = tmp_path / "big.json"
    p.write_text(body, encoding="utf-8")
    whole = InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel="big.json")
    parts = splitting.split_parts(whole, 8000)
    assert len(parts) > 3
    taken: set[str] = set()
    keys = []
    for part in parts:
        res = ingest.read_input(part, IngestLimits(), taken)
        assert not res.rejects and {d.format for d in res.docs} == {"json"}
        keys += [d.record_key for d in res.docs]
        taken |= res.keys
    assert (
        keys == [d.record_key for d in ingest.read_input(whole).docs] == [f"line:{i}" for i in range(1, 401)]
    )
    # a pretty-printed envelope is one document: never cut
    p.write_text(json.dumps({"articles": [{"text": A}] * 300}, indent=2), encoding="utf-8")
    assert (
        len(
            splitting.split_parts(
                InputFile(str(p), p.stat().st_size, p.stat().st_mtime, rel="big.json"), 8000
            )
        )
        == 1
    )


@pytest.mark.parametrize(
    "body",
    [
        json.dumps([{"id": "a", "text": A}, {"id": "b", "text": B}], indent=2),
        json.dumps({"status": "ok", "articles": [{"content": A}, {"content": B}]}),
        # JSON Lines whose text is under an alias: the first line has no "text", still records
        json.dumps({"id": "a", "body": A}) + "\n" + json.dumps({"id": "b", "body": B}) + "\n",
    ],
)
def test_a_json_document_saved_as_txt_is_read_as_records(tmp_path, body):
    res = _read(tmp_path, "export.txt", body)
    assert sorted(text for _, text in _docs(res)) == sorted([A, B])
    assert not res.rejects
    assert {d.format for d in res.docs} <= {"json", "jsonl"}


def test_a_json_object_without_text_saved_as_txt_is_a_reject_naming_its_fields(tmp_path):
    res = _read(tmp_path, "config.txt", json.dumps({"site": "example", "pages": 3}, indent=2))
    assert not res.docs
    assert [r.reason for r in res.rejects] == [codes.MISSING_TEXT]
    assert "site" in res.rejects[0].detail and "pages" in res.rejects[0].detail


@pytest.mark.parametrize(
    "body",
    [
        "[Updated] The port of Rotterdam handled 12 million tonnes in May, the port authority said.",
        "{Sponsored} Grain prices rose for a third week as dry weather hit the harvest in Ukraine.",
        '[1] "Quoted" notes come first in this transcript, then the story follows in full.',
    ],
)
def test_prose_opening_with_a_bracket_stays_a_text_document(tmp_path, body):
    res = _read(tmp_path, "story.txt", body)
    assert [d.text for d in res.docs] == [body]
    assert res.docs[0].format == "text"
