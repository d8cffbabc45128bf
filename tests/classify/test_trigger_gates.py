"""The trigger table (prefilter.trigger_gate) and the gates built on it.

Two things can go wrong when a rule is added or changed: a table's bit could stop meaning "the
sentence holds one of the table's words", and a finder could need a word that its family's gate does
not list, so ``classify`` would skip the finder on the very sentences the rule is for. The second is
checked the way the rule itself is tested: every sentence written in the tests of this folder (the
rules' own test cases) and every labelled sentence in ../shared goes through each finder, and where a
finder finds a cue, its gate must be open.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
from pathlib import Path

import pytest

from factsieve.classify import boilerplate, classifier, filler, personal
from factsieve.classify.attribution import attribution_cues
from factsieve.classify.hedge import hedge_cues
from factsieve.classify.judgements import JUDGEMENT_ENTRY, judgement_matches, judgement_possible
from factsieve.classify.opinion import opinion_and_stance_cues
from factsieve.classify.prefilter import CaseFreeRe, Words, first_word, gate_tables, trigger_gate, words_of
from factsieve.classify.registry import FAMILIES, FAMILY_GATES
from factsieve.classify.verdict import verdict_cues
from tests.conftest import SHARED

_HERE = Path(__file__).resolve().parent


def _test_sentences() -> list[str]:
    """Every string of two words or more written in tests/classify/*.py: the rules' test cases."""
    out: dict[str, None] = {}
    for f in sorted(_HERE.glob("test_*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value.split()) >= 2
            ):
                out[node.value] = None
    return list(out)


def _labelled_sentences() -> list[str]:
    labels = SHARED / "data" / "labels"
    texts: dict[str, None] = {}
    for f in sorted(labels.glob("*.jsonl")) if labels.is_dir() else []:
        with f.open(encoding="utf-8") as fh:
            texts.update((json.loads(line)["text"], None) for line in fh if line.strip())
    return list(texts)


TEST_SENTENCES = _test_sentences()

# (family, its finder, the gate classify asks before calling it)
FINDERS = [
    ("hedge", hedge_cues, lambda t, w: w.gates & FAMILY_GATES["hedge"]),
    (
        "attribution",
        lambda t, w: attribution_cues(t, [], w)[0],
        lambda t, w: w.gates & FAMILY_GATES["attribution"],
    ),
    (
        "opinion",
        lambda t, w: any(opinion_and_stance_cues(t, [], w)),
        lambda t, w: w.gates & FAMILY_GATES["opinion"] or "?" in t or "!" in t,
    ),
    (
        "verdict",
        lambda t, w: verdict_cues(t, [], w),
        lambda t, w: "?" in t or w.gates & FAMILY_GATES["verdict"] or judgement_possible(t, w),
    ),
    (
        "personal",
        lambda t, w: any(personal.personal_cues(t, [], w)),
        lambda t, w: personal.personal_possible(w),
    ),
    ("filler", lambda t, w: filler.filler_cues(t, [], w), filler.filler_possible),
    (
        "page furniture",
        lambda t, w: boilerplate.page_furniture_cues(t, w) if boilerplate.furniture_possible(t, w) else [],
        boilerplate.furniture_possible,
    ),
]


def _closed_gates(texts: list[str]) -> list[tuple[str, str]]:
    misses = []
    for text in texts:
        words = words_of(text)
        for name, find, gate in FINDERS:
            if not gate(text, words) and find(text, words):
                misses.append((name, text))
    return misses


def test_a_tables_bit_is_set_exactly_when_the_sentence_holds_one_of_its_words() -> None:
    tables = gate_tables()
    assert len(tables) > 50  # the families registered their gates at import
    for text in [*TEST_SENTENCES, "", "  ", "Ça va? Élysée officials said — “maybe”.", "SHARE THIS STORY"]:
        words = words_of(text)
        assert isinstance(words, Words)
        for table, bit in tables.items():
            assert bool(words.gates & bit) == (not words.isdisjoint(table)), (text, sorted(table)[:5])


def test_registering_a_table_twice_gives_one_bit() -> None:
    table = FAMILIES[0].triggers
    assert trigger_gate(table) == trigger_gate(set(table)) == FAMILY_GATES[FAMILIES[0].name]
    assert trigger_gate(frozenset()) & words_of("Officials said the talks may fail.").gates == 0


def test_the_finders_find_their_cues_in_these_sentences() -> None:
    # keeps the gate test below meaningful: every finder fires on some of the rules' test sentences
    fired = {name for text in TEST_SENTENCES for name, find, _ in FINDERS if find(text, words_of(text))}
    assert fired == {name for name, _, _ in FINDERS}


def test_every_rules_test_sentence_gets_through_its_family_gate() -> None:
    # A rule whose trigger word is missing from its family's table (registry.FAMILIES, or the tables of
    # filler_possible / personal_possible / furniture_possible) is skipped by classify: its test
    # sentences then show up here.
    assert _closed_gates(TEST_SENTENCES) == []


def test_every_labelled_sentence_gets_through_its_family_gate() -> None:
    texts = _labelled_sentences()
    if not texts:
        pytest.skip("../shared/data/labels is absent")
    assert _closed_gates(texts) == []


def test_a_missing_trigger_word_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check above fails when a gate loses a word its rule needs: drop "reportedly" from the
    # attribution family's table.
    text = "The minister reportedly left the meeting early."
    assert _closed_gates([text]) == []
    table = next(f.triggers for f in FAMILIES if f.name == "attribution")
    monkeypatch.setitem(FAMILY_GATES, "attribution", trigger_gate(table - {"reportedly"}))
    assert _closed_gates([text]) == [("attribution", text)]


def test_teaser_words_count_only_as_an_ascii_lines_first_word() -> None:
    # furniture_possible asks for a teaser word as the first word only: the teaser pattern is anchored
    # at the line start, so a match always starts with one (the derivation of _TEASER_WORDS).
    # The reader idiom (filler.reader_idiom) is gated the same way.
    for rx, first_words in (
        (boilerplate._TEASER_RE, boilerplate._TEASER_WORDS),
        (filler._READER_IDIOM_RE, filler._READER_IDIOM_FIRST),
    ):
        hits = 0
        for text in TEST_SENTENCES:
            if text.isascii() and rx.match(text) is not None:
                hits += 1
                assert first_word(text) in first_words, text
        assert hits > 0
    line = "Read more: Council tax to rise 5%"
    assert boilerplate.furniture_possible(line, words_of(line))
    prose = "Ministers met in London on Tuesday to see more of the plans drawn up last year."
    assert not boilerplate.furniture_possible(prose, words_of(prose))


def test_classify_gives_the_same_label_with_every_family_gate_open(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gates only skip work: forcing every family gate of classify open changes no label.
    texts = TEST_SENTENCES[:2000]
    gated = [classifier.classify(t) for t in texts]
    for name in ("_HEDGE", "_ATTRIBUTION", "_OPINION", "_VERDICT", "_ANY_TRIGGER"):
        monkeypatch.setattr(classifier, name, -1)  # every bit: open whenever the sentence has a gate word
    monkeypatch.setattr(classifier, "filler_possible", lambda text, words: True)
    monkeypatch.setattr(classifier, "personal_possible", lambda words: True)
    monkeypatch.setattr(classifier, "judgement_possible", lambda text, words: True)
    assert [classifier.classify(t) for t in texts] == gated


def _case_free_patterns() -> list[CaseFreeRe]:
    from factsieve import classify as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"factsieve.classify.{info.name}")
        found.extend(v for v in vars(module).values() if isinstance(v, CaseFreeRe))
    return found


def test_a_closed_case_free_gate_means_find_finds_nothing() -> None:
    # CaseFreeRe.possible (round 9) is scan's first tests without the scan: a gate for callers
    # (filler_possible asks it for the phrase pattern), so it may never close when find would find.
    patterns = _case_free_patterns()
    assert len(patterns) > 5
    closed = 0
    for text in [*TEST_SENTENCES, *_labelled_sentences()[:10000]]:
        words = words_of(text)
        for rx in patterns:
            if not rx.possible(text, words):
                closed += 1
                assert rx.find(text, words) == [], (rx.low.pattern[:60], text)
    assert closed > 0


def test_the_filler_gate_asks_for_what_its_tests_need() -> None:
    # Round 9: a word of the anchored opener counts only as the first word, a "!" only closing the line,
    # a phrase trigger only with an unblocked start word; each still lets its own lines through.
    passes = [
        "And so, let's get started.",
        "But wait, there's more to come from us today.",
        "That's all from us! See you next week.",
        "What a day that was, folks!",
        "Perhaps you're wondering what happens next.",
        "Thanks for reading.",
    ]
    for text in passes:
        words = words_of(text)
        assert filler.filler_possible(text, words), text
    blocked = [
        "The council raised rents and cut services, but the budget is not balanced yet, officials said.",
        "Shares rose 3% after the company said it would see sales grow before the end of the year.",
        "The bank, which has 40 branches, said profits fell and that costs rose by 12% in 2024 (up from 9%)! Shares fell.",
    ]
    for text in blocked:
        words = words_of(text)
        assert not filler.filler_possible(text, words), text
        assert filler.filler_cues(text, [], words) == []


def test_the_judgement_gate_opens_for_every_judgement_shape() -> None:
    # judgement_possible asks one bit first (JUDGEMENT_ENTRY: the triggers, "few", "what", "how");
    # without it only the "-ably, " opening and ";" with "not" are left. Wherever judgement_matches finds
    # a shape, the gate is open.
    texts = [*TEST_SENTENCES, *_labelled_sentences()]
    found = 0
    for text in texts:
        words = words_of(text)
        if judgement_matches(text, words):
            found += 1
            assert judgement_possible(text, words), text
    assert found > 20
    for text in ("Commendably, the council listened.", "That is not leadership; it is stage management."):
        words = words_of(text)
        assert not words.gates & JUDGEMENT_ENTRY and judgement_possible(text, words)
    prose = "The council approved the plan on Tuesday after a two-hour meeting."
    assert not judgement_possible(prose, words_of(prose))
