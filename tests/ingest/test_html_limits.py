"""HTML beyond the parser's limits (round 5): libxml2 stops at 256 levels of nesting and at a text
node of 10,000,000 characters. Before: 100,000 nested <div>s around an article were no_main_text
"found by trafilatura", the paragraphs after a deep run of <span>s were silently lost, and a 20 MB
text node was dropped (no_main_text, or silently when the page had other text)."""

from __future__ import annotations

import time

from factsieve import vocabulary as codes
from factsieve.ingest import html
from factsieve.ingest.read import read_input
from factsieve.ingest.sources import InputFile

PARAGRAPHS = [
    "The port of Acajutla will reopen on Monday after talks with the unions ended, officials said.",
    "Dockworkers had stopped work for nine days over pay and the new container cranes.",
    "The transport minister said a deal on overtime would be signed within the week.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def _read(tmp_path, page: str):
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    return read_input(InputFile(str(p), p.stat().st_size, 0.0, rel="page.html"))


def test_an_article_inside_100000_nested_divs_is_read(tmp_path):
    for page in (
        "<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<div>" * 100_000 + BODY + "</body></html>",  # never closed
    ):
        [doc] = _read(tmp_path, page).docs
        assert doc.text == "\n".join(PARAGRAPHS)


def test_text_after_a_deep_run_of_tags_is_not_lost(tmp_path):
    deep = "<span>" * 100_000 + "Nested words, the minister added." + "</span>" * 100_000
    page = f"<html><body><article><p>{PARAGRAPHS[0]}</p>{deep}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article></body></html>"
    [doc] = _read(tmp_path, page).docs
    assert doc.text.split("\n") == [PARAGRAPHS[0], "Nested words, the minister added.", *PARAGRAPHS[1:]]


def test_ordinary_markup_is_left_as_it_is():
    # 300 unclosed <p>s and <li>s close each other (HTML's rule): not deep, nothing changed
    sloppy = "<html><body><ul>" + "<li><p>item" * 300 + "</ul></body></html>"
    assert html._flattened(sloppy) is None
    assert html._flattened("<html><body>" + "<div>" * 250 + BODY + "</div>" * 250 + "</body></html>") is None


def test_a_text_node_past_the_parsers_limit_is_a_reject_naming_it(tmp_path):
    page = f"<html><body>{BODY}<p>{'word ' * 4_000_000}</p></body></html>"  # a 20 MB text node
    res = _read(tmp_path, page)
    [rej] = res.rejects
    assert not res.docs and rej.reason == codes.TOO_LARGE
    assert "the HTML parser reads at most 10,000,000" in rej.detail


def _cpu(page: str) -> float:
    t0 = time.process_time()
    html._flattened(page)
    return time.process_time() - t0


def test_the_nesting_scan_is_linear():
    # Unclosed "<a" with no ">" and closing tags that match nothing: each bounded, never a re-scan.
    for make in (lambda n: "<a" * n, lambda n: "<div>" * n + "</span>" * n, lambda n: "<b><i>" * n):
        small = min(_cpu(make(20_000)) for _ in range(3))
        large = min(_cpu(make(80_000)) for _ in range(3))
        assert large < 8 * max(small, 1e-3), (small, large)
