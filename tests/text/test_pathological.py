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


def test_a_long_sentence_of_should_clauses_is_linear() -> None:
    # The classifier's "should" sense looked at the whole clause before each "should" and searched the
    # whole rest of the sentence after it: a sentence with no punctuation and a "should" every few
    # words was quadratic (25 KB: ~2.7 s; 1 MB: about an hour). Bounded to 1,000 characters each way.
    _assert_linear(_per_document, lambda n: ("I think you should " * (n // 19 + 1))[:n], 10_000)
