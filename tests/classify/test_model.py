"""The optional trained model: train on a small fixture, save safely, load, predict."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from factsieve.classify import model
from factsieve.classify.evaluate import evaluate

FIXTURE = Path(__file__).parents[1] / "fixtures" / "labels_small.jsonl"


def test_train_load_round_trip(tmp_path: Path) -> None:
    info = model.train(FIXTURE, "hedge", tmp_path / "hedge_model", split="train")
    out = Path(info["out"])
    assert out.suffix == ".npz" and out.is_file()
    assert info["n"] == 10 and info["task"] == "hedge" and info["train_f1"] == 1.0

    # Safe format: only plain arrays, loadable with pickle disabled.
    with np.load(out, allow_pickle=False) as data:
        assert set(data.files) == {"coef", "intercept", "meta"}
        assert data["coef"].dtype == np.float32

    m = model.load(out)
    texts = ["The council might raise parking fees.", "The new library opened on Monday."]
    proba = m.predict_proba(texts)
    assert proba.shape == (2, 2)
    assert np.allclose(proba.sum(axis=1), 1.0) and ((proba >= 0) & (proba <= 1)).all()
    assert m.predict(texts).tolist() == [1, 0]
    assert proba[0, 1] > proba[1, 1]

    again = model.load(out)
    assert np.array_equal(again.predict_proba(texts), proba)

    r = evaluate(FIXTURE, "hedge", model_path=out, split="dev")
    assert r["classifier"] == str(out) and r["n"] == 8
    with pytest.raises(ValueError, match="trained for task 'hedge'"):
        evaluate(FIXTURE, "subjectivity", model_path=out)


def test_train_and_load_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown task"):
        model.train(FIXTURE, "topic", tmp_path / "m.npz")
    with pytest.raises(FileNotFoundError, match="labels file not found"):
        model.train(tmp_path / "none.jsonl", "hedge", tmp_path / "m.npz")
    one_class = tmp_path / "one.jsonl"
    one_class.write_text('{"text": "a", "label": 0, "split": "train"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="both labels"):
        model.train(one_class, "hedge", tmp_path / "m.npz")
    with pytest.raises(FileNotFoundError, match="model file not found"):
        model.load(tmp_path / "missing.npz")
    pickled = tmp_path / "evil.npz"
    pickled.write_bytes(pickle.dumps({"coef": [1.0]}))
    with pytest.raises(ValueError, match="not a factsieve model file"):
        model.load(pickled)


def _constant_model(task: str, intercept: float) -> model.LinearModel:
    """A real model of the saved format whose weights are all zero: it answers by its intercept
    alone (+4: yes for every sentence, p = 0.982; -4: no for every sentence)."""
    config = {**model._DEFAULT_CONFIG, "word_features": 16, "char_features": 16}
    n = 16 + 16 + len(model.CUE_KINDS) + 4 + len(model.LABELS) + 2
    return model.LinearModel(task, config, np.zeros(n), intercept)


def _labels(m: model.LinearModel | None, texts: list[str]) -> list[tuple]:
    from factsieve.batch.pipeline import sentence_rows

    doc_ids = [f"d{i}" for i in range(len(texts))]
    df = sentence_rows(doc_ids, texts, "run", m)
    return list(df[["label", "hedged", "opinion", "deciding_cue"]].itertuples(index=False, name=None))


PLAIN = "The new library opened on Monday with 40,000 books."
SPEAKER_HEDGE = "The minister said the talks would likely fail."
AUTHOR_HEDGE = "The two leaders likely discussed the port deal over dinner."


def test_model_overrules_the_rules_only_between_the_authors_own_labels(tmp_path: Path) -> None:
    texts = [PLAIN, SPEAKER_HEDGE, AUTHOR_HEDGE]
    rules = _labels(None, texts)
    assert [r[0] for r in rules] == ["reported", "attributed", "speculative"]

    always = model.load(model.save(_constant_model("hedge", 4.0), tmp_path / "always"))
    got = _labels(always, texts)
    # the plain claim becomes the author's hedge; the speaker's hedge stays attributed
    assert got[0] == ("speculative", True, False, "model:hedge")
    assert got[1] == rules[1] and got[2] == rules[2]

    never = model.load(model.save(_constant_model("hedge", -4.0), tmp_path / "never"))
    got = _labels(never, texts)
    assert got[2] == ("reported", False, False, "model:hedge")
    assert got[0] == rules[0]
    assert got[1][:1] == ("attributed",) and got[1][1] is False  # the flag follows the model

    subjective = _labels(_constant_model("subjectivity", 4.0), [PLAIN])
    assert subjective == [("opinion", False, True, "model:subjectivity")]


def test_model_changes_are_counted_with_confidence(tmp_path: Path) -> None:
    from factsieve.batch.pipeline import sentence_rows

    df = sentence_rows(["d"], [PLAIN + " " + AUTHOR_HEDGE], "run", _constant_model("hedge", -4.0))
    assert df.attrs["model_changes"] == 1
    changed = df[df["deciding_cue"] == "model:hedge"]
    assert len(changed) == 1 and abs(float(changed["confidence"].iloc[0]) - 0.982) < 1e-3
