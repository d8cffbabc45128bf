"""Pathological text in otherwise valid records must cost time linear in its length.

One record whose text makes a stage quadratic stalls its whole batch (and so the run): 25,000 "."
took 11 s in the sentence splitter, an opening quote and 20,000 "wait… Then" 23 s. Each test times
a stage on a text and on the same kind of text four times as long and compares CPU time: linear
work gives a ratio near 4, quadratic near 16. Never an absolute time (the machine is shared).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd
import pytest

from factsieve import classify, dedup
from factsieve.text.clean import clean_text
from factsieve.text.language import detect_language
from factsieve.text.segment import sentences, split_sentences
from factsieve.text.title import tidy_title, title_from_text

# Linear is 4; n log n a little more; quadratic 16. Generous for a noisy shared machine.
_MAX_RATIO = 8.0


def _cpu_per_call(fn: Callable[[str], object], text: str, min_seconds: float = 0.05) -> float:
    """CPU seconds of one call, averaged over as many calls as take ``min_seconds`` (short calls
    are too coarse to time once); the best of three such averages."""
    best = float("inf")
    for _ in range(3):
        calls = 0
        t0 = time.process_time()
        while True:
            fn(text)
            calls += 1
            spent = time.process_time() - t0
            if spent >= min_seconds:
                break
        best = min(best, spent / calls)
    return best


def _assert_linear(fn: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    small, large = _cpu_per_call(fn, make(n)), _cpu_per_call(fn, make(4 * n))
    assert large / small < _MAX_RATIO, (
        f"4x the text took {large / small:.1f}x the CPU ({small:.4f} -> {large:.4f} s)"
    )


def _per_document(text: str) -> None:
    """Every text stage a document goes through on a worker, in the pipeline's order."""
    cleaned = clean_text(text).text
    tidy_title(title_from_text(text))
    detect_language(cleaned)
    spans = split_sentences(cleaned)
    continued = classify.quote_context(cleaned, spans)
    classify.classify_batch([cleaned[s:e] for s, e in spans], continued)
    dedup.prepare(pd.DataFrame({"doc_id": ["d"], "text": [cleaned]}), dedup.DedupParams())


# Terminal runs with no space after them: each position used to re-scan the rest of the run.
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "." * n, id="full-stops"),
        pytest.param(lambda n: "!?" * (n // 2), id="bangs-and-questions"),
        pytest.param(lambda n: "…" * n, id="ellipses"),
        pytest.param(lambda n: "Officials said" + "." * n + '"' * n, id="stops-then-quotes"),
    ],
)
def test_sentence_splitter_is_linear_on_runs_of_terminals(make: Callable[[int], str]) -> None:
    _assert_linear(split_sentences, make, 10_000)


def test_sentence_splitter_is_linear_inside_a_quotation_that_never_closes() -> None:
    # Every "…" inside the open quotation is checked for being quoted: it was from the sentence start.
    _assert_linear(split_sentences, lambda n: '"' + "We will wait… Then " * (n // 19), 20_000)
    _assert_linear(split_sentences, lambda n: "“" + "We will wait... Then " * (n // 21), 20_000)


def test_runs_of_terminals_split_as_before() -> None:
    # The bounded patterns find the same boundaries: a run is one boundary, however long.
    assert sentences("It ended..... Then it began!?! Again… “Yes?” He left.") == [
        "It ended.....",
        "Then it began!?!",
        "Again…",
        "“Yes?”",
        "He left.",
    ]
    assert sentences("." * 50_000) == ["." * 50_000]
    text = '"We will wait… We will see," he said. “Fine… Go.” Done.'
    assert sentences(text) == ['"We will wait… We will see," he said.', "“Fine… Go.”", "Done."]


_WORDS = "Officials said the port would reopen on Monday after talks with unions ended "


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: ("abcdefghij" * (n // 10 + 1))[:n], id="no-whitespace"),
        pytest.param(lambda n: (_WORDS * (n // len(_WORDS) + 1))[:n], id="one-sentence-no-full-stop"),
        pytest.param(lambda n: "." * n, id="full-stops"),
        pytest.param(lambda n: '"' * n, id="straight-quotes"),
        pytest.param(lambda n: '"ab" ' * (n // 5) + '"', id="quote-pairs-and-one-open"),
        pytest.param(lambda n: "“" + "We will wait… Then " * (n // 19), id="open-curly-quote"),
        pytest.param(lambda n: "(" * (n // 2) + ")" * (n // 2), id="nested-parentheses"),
        pytest.param(lambda n: "[" * n, id="brackets"),
        pytest.param(lambda n: "-" * n, id="dashes"),
        pytest.param(lambda n: "a" + " \t" * (n // 2) + "b", id="spaces-and-tabs"),
        pytest.param(lambda n: "ABCDEFGHIJ" * (n // 10), id="capitals"),
        pytest.param(lambda n: "1" * n, id="digits"),
        pytest.param(lambda n: "http://" + "a." * (n // 2) + "com", id="url"),
        pytest.param(lambda n: "a" * (n // 2) + "@" + "b." * (n // 4), id="e-mail"),
        pytest.param(lambda n: "\n" * n + "Officials said it.", id="newlines"),
        pytest.param(lambda n: "U.S. " * (n // 5), id="abbreviations"),
        pytest.param(lambda n: ("a" + "\u0301\u0302\u0303" * 10) * (n // 31), id="combining-marks"),
        pytest.param(lambda n: "\u202e Officials said \u2066" * (n // 19), id="bidi-controls"),
        pytest.param(lambda n: "Home > " * (n // 7), id="breadcrumbs"),
    ],
)
def test_every_text_stage_is_linear_on_pathological_text(make: Callable[[int], str]) -> None:
    _assert_linear(_per_document, make, 25_000)


def test_a_run_on_line_of_speech_verbs_is_linear() -> None:
    # A scraped line with no full stop and a speech verb every few words: each "said" looked back for
    # the last clause break from the line's start (classifier._trailing_source_clause), so 247,000
    # characters took 7.8 CPU-s and a 1.9 MB line minutes. Now the last 4,096 characters decide.
    words = "the council said on monday that exports rose sharply likely because officials said".split()
    line = " ".join(words[(i * 7 + i // 3) % len(words)] for i in range(60_000))
    _assert_linear(lambda t: classify.classify_batch([t]), lambda n: line[:n], 40_000)


def test_the_last_clause_break_is_the_one_a_scan_from_the_start_finds() -> None:
    # The windowed look-back must give what a scan from 0 gives, also where a match straddles the
    # window's edge, overlapping matches compete there (" - - "), or long tokens leave the window
    # with few words.
    import random

    from factsieve.classify.classifier import (
        _BREAK_WINDOW,
        _CLAUSE_BREAK,
        _MAX_SOURCE_WORDS,
        _last_clause_break,
    )

    def source_start(text: str, end: int, brk: int) -> int | None:
        """What the caller makes of a break: the source's start, or None (no break, or too long)."""
        if brk == -1 or len(text[brk:end].split()) > _MAX_SOURCE_WORDS:
            return None
        return brk

    def naive(text: str, end: int) -> int | None:
        brk = -1
        for m in _CLAUSE_BREAK.finditer(text, 0, end):
            brk = m.end()
        return source_start(text, end, brk)

    rng = random.Random(7)
    pieces = [" - ", " -", "- ", ",", "’", "’s", " ", "word", "x" * 700, "said", "\u201d", "—"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        text = "a" * rng.randint(0, 2 * _BREAK_WINDOW) + text + " said"
        for end in {len(text), len(text) - 4, max(0, len(text) - rng.randint(0, 60))}:
            assert source_start(text, end, _last_clause_break(text, end)) == naive(text, end)
    edge = "w " * _BREAK_WINDOW + " - - " + "w " * 8
    for shift in range(-8, 8):
        end = 2 * _BREAK_WINDOW + 5 + 16 + shift
        assert source_start(edge, end, _last_clause_break(edge, end)) == naive(edge, end)


def test_a_long_sentence_of_should_clauses_is_linear() -> None:
    # The classifier's "should" sense looked at the whole clause before each "should" and searched the
    # whole rest of the sentence after it: a sentence with no punctuation and a "should" every few
    # words was quadratic (25 KB: ~2.7 s; 1 MB: about an hour). Bounded to 1,000 characters each way.
    _assert_linear(_per_document, lambda n: ("I think you should " * (n // 19 + 1))[:n], 10_000)
