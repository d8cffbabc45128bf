"""The C word scan (factsieve/classify/_wordscan.c) against the Python functions it replaces.

``prefilter.words_of`` and ``prefilter.scan``'s inner loop run in C when the extension is built (it
is, by ``make setup`` / ``uv sync``); the classifier's output must not depend on which one runs. Each
test compares the C function with its Python twin (``_py_words_of``, ``_py_match_at``) field by field
on sentences written here and, when ../shared is present, on every labelled sentence.
"""

from __future__ import annotations

import json

import pytest

from factsieve.classify import attribution, hedge, opinion, prefilter
from factsieve.classify.native import wordscan as _wordscan
from tests.classify.test_classifier import _scan_texts
from tests.conftest import SHARED

# Without the extension every test below but the first is skipped; the first fails (CI builds it).
needs_c = pytest.mark.skipif(_wordscan is None, reason="_wordscan.c not built: run make setup")

SENTENCES = [
    "Officials said the talks would likely fail, according to two people familiar with the matter.",
    "The Bank of England's Monetary Policy Committee voted 7-2 to hold rates at 5.25%.",
    "McDONALD'S shares ROSE 3pct on Tuesday; analysts' forecasts suggest a rebound.",
    "It's worth noting: we can't, i think, our country is a big deal, so-called, only a few, of course.",
    "Read more: Why the council scrapped the £12m plan",  # not ASCII: the Python path
    "Inês Valente reported from São Paulo — the “deal” is reportedly off.",
    "Café owners say the rise is “unaffordable”.",
    "\u212aelvin-scale words lower-case to a k outside ASCII.",  # KELVIN SIGN: "k" only via str.lower
    "İstanbul's mayor said so.",  # dotted capital I: lower-cases to two characters
    "",
    "   ",
    "2024 | 09:05 BST | 47 views",
    "!!! ??? ... --- 123 456",
    "the the the THE The tHe",  # one word, however often and however cased
    "x" * 40
    + " "
    + "Supercalifragilisticexpialidociousness beats antidisestablishmentarianism",  # long words
    " ".join(["Reportedly"] * 120),  # longer than the scan's stack buffer
    "a\tb\nc\rd\x0be\x0cf\x00g",  # control characters separate words as spaces do
    "UPPER lower MiXeD 3rd 4th x2y z",
]


def _shared_sentences() -> list[str]:
    labels = SHARED / "data" / "labels"
    out: dict[str, None] = {}
    for f in sorted(labels.glob("*.jsonl")) if labels.is_dir() else []:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out[json.loads(line)["text"]] = None
    return list(out)


def _same_words(text: str) -> None:
    got, want = prefilter.words_of(text), prefilter._py_words_of(text)
    assert type(got) is prefilter.Words, text
    assert got == want, text
    assert got.gates == want.gates, text


def test_the_built_extension_is_the_one_in_use() -> None:
    # `make setup` builds it; without it the classifier falls back to Python, ~10% slower.
    assert _wordscan is not None, "factsieve/classify/_wordscan.c is not built: run make setup"
    assert prefilter.words_of is _wordscan.words_of
    assert prefilter._match_at is _wordscan.match_at


@needs_c
def test_words_of_is_the_python_version() -> None:
    for text in SENTENCES:
        _same_words(text)
        _same_words(text)  # the second time from the C side's cache of words seen
    assert prefilter.words_of("the the THE") == {"the"}
    assert prefilter.words_of("\u212aelvin") == {"kelvin"}  # the Python path lower-cases it to "k"


@needs_c
@pytest.mark.shared
def test_words_of_is_the_python_version_on_every_labelled_sentence() -> None:
    texts = _shared_sentences()
    if not texts:
        pytest.skip("no labelled sentences in ../shared")
    for text in texts:
        _same_words(text)


@needs_c
def test_a_table_registered_later_reaches_words_seen_before() -> None:
    # The C side remembers each word's bits; registering a table must not leave them stale.
    text = "The quokka population on Rottnest Island grew, rangers said."
    before = prefilter.words_of(text)
    bit = prefilter.trigger_gate({"quokka", "wallaby"})
    after = prefilter.words_of(text)
    assert after.gates & bit and not before.gates & bit
    assert after.gates == prefilter._py_words_of(text).gates


@needs_c
def test_words_of_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="must be str"):
        prefilter.words_of(b"bytes are not a sentence")
    with pytest.raises(TypeError, match="must be str"):
        prefilter.words_of(None)


def _scan_cases() -> list[str]:
    # the candidate-scanning test's 3,000 random phrases of trigger words, and the sentences above
    return SENTENCES + _scan_texts()[:1500] + ["2could could2 É said, (said) Said, it may"]


@needs_c
def test_match_at_is_the_python_loop() -> None:
    patterns = [hedge._HEDGE_RE, opinion._OPINION_PHRASE_RE, opinion._STANCE_PHRASE_RE]
    for text in _scan_cases():
        low = text.lower()
        if len(low) != len(text):
            continue  # CaseFreeRe searches such text case-insensitively, without scanning
        words = prefilter.words_of(text)
        for rx in patterns:
            present = words & rx.starts
            want = prefilter._py_match_at(rx.low.match, low, low, present)
            got = _wordscan.match_at(rx.low.match, low, low, present)
            assert [m.span() for m in got] == [m.span() for m in want], text
        # attribution scans the original text (its pattern is case-insensitive itself)
        present = words & attribution._ATTRIB_STARTS
        want = prefilter._py_match_at(attribution._ATTRIB_RE.match, text, low, present)
        got = _wordscan.match_at(attribution._ATTRIB_RE.match, text, low, present)
        assert [m.span() for m in got] == [m.span() for m in want], text


@needs_c
def test_match_at_rejects_mismatched_arguments() -> None:
    rx = hedge._HEDGE_RE.low
    with pytest.raises(ValueError, match="differ in length"):
        _wordscan.match_at(rx.match, "It may rain.", "it may rain", frozenset({"may"}))
    with pytest.raises(TypeError, match="4 arguments"):
        _wordscan.match_at(rx.match, "it may rain")


@needs_c
def test_first_word_and_lowered_are_the_python_versions() -> None:
    assert prefilter.first_word is _wordscan.first_word
    cases = [
        *SENTENCES,
        "\u2003\u00a0  Subscribe now",  # Unicode spaces before the word (re's \s)
        "Über alles",  # a non-ASCII letter first: ""
        "x" * 50 + " is a long first word",
        "Read5 more",
        "'Quoted' first",
    ]
    for text in cases:
        assert prefilter.first_word(text) == prefilter._py_first_word(text), text
        assert prefilter.lowered(text) == text.lower(), text
        assert prefilter.lowered(text) == prefilter._py_lowered(text), text
    assert prefilter.first_word("  Subscribe now") == "subscribe"
    assert prefilter.first_word("2024 results") == ""


@needs_c
def test_labels_made_in_c_equal_the_dataclass() -> None:
    from factsieve.classify import classifier
    from factsieve.classify.cue import Cue

    assert classifier._label is _wordscan.make_label
    cues = (Cue("attribution", "said", 9, 13),)
    args = ("attributed", 0.9, False, True, False, False, cues, "said", "Officials")
    made = classifier._label(*args)
    assert made == classifier.SentenceLabel(*args) == classifier._py_label(*args)
    assert repr(made) == repr(classifier.SentenceLabel(*args))
    assert hash(made) == hash(classifier.SentenceLabel(*args))
    with pytest.raises(AttributeError):
        made.label = "opinion"  # still frozen
    with pytest.raises(TypeError, match="9 arguments"):
        classifier._label(*args[:8])


@needs_c
def test_cues_made_in_c_equal_the_dataclass() -> None:
    from factsieve.classify import cue

    assert cue.new_cue is _wordscan.make_cue
    made = cue.new_cue("hedge", "likely", 22, 28)
    assert made == cue.Cue("hedge", "likely", 22, 28) == cue._py_new_cue("hedge", "likely", 22, 28)
    assert repr(made) == "Cue(kind='hedge', text='likely', start=22, end=28)"
    assert sorted([cue.new_cue("a", "x", 5, 6), made], key=cue.BY_START)[1] is made


def _case_free_patterns() -> list[prefilter.CaseFreeRe]:
    import gc

    return [o for o in gc.get_objects() if isinstance(o, prefilter.CaseFreeRe)]


@needs_c
def test_scan_and_find_are_the_python_versions() -> None:
    assert prefilter.scan is _wordscan.scan
    patterns = _case_free_patterns()
    # every kind the classifier builds: with required words, without, and one searched the plain way
    assert any(rx.requires for rx in patterns) and any(rx.starts is None for rx in patterns)
    for text in _scan_cases():
        words = prefilter.words_of(text)
        for rx in patterns:
            want = [m.span() for m in rx._py_find(text, words)]
            assert [m.span() for m in rx.find(text, words)] == want, text
        low = text.lower()
        if len(low) == len(text):
            args = (attribution._ATTRIB_RE, attribution._ATTRIB_STARTS, text, low, words)
            want = [m.span() for m in prefilter._py_scan(*args, attribution._ATTRIB_REQUIRES)]
            assert [m.span() for m in prefilter.scan(*args, attribution._ATTRIB_REQUIRES)] == want, text
            want = [m.span() for m in prefilter._py_scan(*args)]
            assert [m.span() for m in prefilter.scan(*args)] == want, text


@needs_c
def test_find_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="must be str"):
        hedge._HEDGE_RE.find(None, prefilter.words_of(""))
    with pytest.raises(TypeError, match="2 arguments"):
        hedge._HEDGE_RE.find("It may rain.")
