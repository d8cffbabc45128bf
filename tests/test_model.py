"""The optional trained model: train on a small fixture, save safely, load, predict."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from factsieve import model
from factsieve.evaluate import evaluate

FIXTURE = Path(__file__).parent / "fixtures" / "labels_small.jsonl"


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
