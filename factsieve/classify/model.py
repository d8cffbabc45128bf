"""Optional trained classifier: a linear model over the rule features plus hashed word/char n-grams.

The rule classifier stays the default; a model is used only when a path is passed. Training is fast
(seconds on ~15k sentences) and the model is saved in a safe format — a compressed .npz holding only
numeric arrays and a JSON config string, loaded with ``allow_pickle=False`` — never pickle/joblib,
so loading a model file cannot execute code. HashingVectorizer needs no vocabulary, so the file holds
no text from the training data, only weights.
"""

from __future__ import annotations

import functools
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from factsieve.classify.classifier import SentenceLabel, classify_batch
from factsieve.classify.tasks import SUBJECTIVE_LABELS, TASKS, load_labels, rule_prediction, scores
from factsieve.vocabulary import CUE_KINDS, LABELS

FORMAT_VERSION = 1
_DEFAULT_CONFIG = {
    "word_features": 2**18,
    "char_features": 2**18,
    "word_ngrams": [1, 2],
    "char_ngrams": [3, 5],
    "C": 2.0,
}


def _rule_features(labs: Sequence[SentenceLabel], task: str) -> np.ndarray:
    """Dense features from the rule classifier: cue-kind counts, flags, label one-hot, rule vote."""
    rows = np.zeros((len(labs), len(CUE_KINDS) + 4 + len(LABELS) + 2), dtype=np.float64)
    kind_index = {k: i for i, k in enumerate(CUE_KINDS)}
    off_flags = len(CUE_KINDS)
    off_label = off_flags + 4
    label_index = {k: i for i, k in enumerate(LABELS)}
    for r, lab in enumerate(labs):
        for c in lab.cues:
            rows[r, kind_index[c.kind]] += 1.0
        rows[r, off_flags : off_flags + 4] = (lab.hedged, lab.attributed, lab.quoted, lab.opinion)
        rows[r, off_label + label_index[lab.label]] = 1.0
        rows[r, -2] = rule_prediction(lab, task)
        rows[r, -1] = lab.confidence
    rows[:, : len(CUE_KINDS)] = np.log1p(rows[:, : len(CUE_KINDS)])
    return rows


class LinearModel:
    """A loaded model: ``predict_proba(texts)`` gives an (n, 2) array, ``predict(texts)`` 0/1 labels."""

    def __init__(self, task: str, config: dict, coef: np.ndarray, intercept: float) -> None:
        self.task = task
        self.config = config
        self.coef = coef.astype(np.float64)
        self.intercept = float(intercept)
        self._word = HashingVectorizer(
            analyzer="word",
            ngram_range=tuple(config["word_ngrams"]),
            n_features=config["word_features"],
            alternate_sign=False,
            norm="l2",
        )
        self._char = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(config["char_ngrams"]),
            n_features=config["char_features"],
            alternate_sign=False,
            norm="l2",
        )

    def features(
        self, texts: Sequence[str], labs: Sequence[SentenceLabel] | None = None
    ) -> sparse.csr_matrix:
        """Feature matrix; ``labs``: the rule classifier's labels of ``texts`` if already known."""
        texts = [t if isinstance(t, str) else "" for t in texts]
        dense = _rule_features(labs if labs is not None else classify_batch(texts), self.task)
        return sparse.hstack(
            [self._word.transform(texts), self._char.transform(texts), sparse.csr_matrix(dense)], format="csr"
        )

    def decision_function(
        self, texts: Sequence[str], labs: Sequence[SentenceLabel] | None = None
    ) -> np.ndarray:
        return self.features(texts, labs) @ self.coef + self.intercept

    def predict_proba(self, texts: Sequence[str], labs: Sequence[SentenceLabel] | None = None) -> np.ndarray:
        p1 = 1.0 / (1.0 + np.exp(-self.decision_function(texts, labs)))
        return np.column_stack([1.0 - p1, p1])

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return (self.decision_function(texts) > 0.0).astype(np.int64)


def train(labels_path: str | Path, task: str, out_path: str | Path, split: str | None = "train") -> dict:
    """Fit a logistic regression on ``split`` of a labelled file and save it to ``out_path`` (.npz)."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    rows = load_labels(labels_path, split)
    y = np.array([g for _, g in rows], dtype=np.int64)
    if len(set(y.tolist())) < 2:
        raise ValueError(f"{labels_path}: training needs both labels 0 and 1 in split {split!r}")
    config = dict(_DEFAULT_CONFIG)
    shell = LinearModel(task, config, np.zeros(1), 0.0)
    X = shell.features([t for t, _ in rows])
    clf = LogisticRegression(C=config["C"], max_iter=2000, solver="liblinear")
    clf.fit(X, y)
    trained = LinearModel(task, config, clf.coef_.ravel(), clf.intercept_[0])
    out = save(trained, out_path, trained_on=str(labels_path), split=split, n=len(rows))
    model = load(out)
    train_scores = scores(y.tolist(), model.predict([t for t, _ in rows]).tolist())
    return {
        "task": task,
        "out": str(out),
        "n": len(rows),
        "split": split,
        "features": int(X.shape[1]),
        "train_f1": train_scores["f1"],
        "train_macro_f1": train_scores["macro_f1"],
    }


def save(model: LinearModel, path: str | Path, **provenance) -> Path:
    """Write ``model`` as .npz (numeric arrays and a JSON string; no pickle); returns the path."""
    out = Path(path)
    if out.suffix != ".npz":
        out = out.with_name(out.name + ".npz")
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"format_version": FORMAT_VERSION, "task": model.task, "config": model.config, **provenance}
    np.savez_compressed(
        out,
        coef=model.coef.astype(np.float32),
        intercept=np.array([model.intercept], dtype=np.float64),
        meta=np.array(json.dumps(meta)),
    )
    return out


def load(path: str | Path) -> LinearModel:
    """Load a model saved by ``train`` (numeric arrays + JSON only; no pickle)."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"model file not found: {p}")
    try:
        with np.load(p, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            coef = data["coef"]
            intercept = float(data["intercept"][0])
    except (ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{p}: not a factsieve model file ({exc})") from None
    if meta.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"{p}: unsupported model format {meta.get('format_version')!r}")
    config = meta["config"]
    expected = config["word_features"] + config["char_features"] + len(CUE_KINDS) + 4 + len(LABELS) + 2
    if coef.shape != (expected,):
        raise ValueError(f"{p}: coefficient shape {coef.shape} does not match config ({expected},)")
    return LinearModel(meta["task"], config, coef, intercept)


@functools.cache
def load_cached(path: str, mtime_ns: int) -> LinearModel:
    """``load``, once per worker process and model file version."""
    return load(path)


def model_cue(task: str) -> str:
    """What ``deciding_cue`` says where the model overruled the rules."""
    return f"model:{task}"


def overrule(model: LinearModel, texts: Sequence[str], labs: Sequence[SentenceLabel], cols) -> int:
    """Let a trained model overrule the rules where they disagree on its task; returns how
    many primary labels changed. The precedence rule still holds: a model only moves a
    sentence between the author's plain claim and the author's own hedge (task hedge:
    reported <-> speculative) or opinion (task subjectivity: reported <-> opinion);
    attributed, quoted, filler and boilerplate sentences keep their label, though the
    hedged flag follows the model. The rule cues stay in ``cues`` as found; ``deciding_cue``
    names the model and ``confidence`` is its probability for the new label.

    ``cols`` has one list per column the model may change, an entry per sentence, changed in
    place: label, confidence, hedged, opinion, deciding_cue.
    """
    if not texts:
        return 0
    p = model.predict_proba(texts, labs)[:, 1]
    cue = model_cue(model.task)
    changed = 0
    for i, prob in enumerate(p.tolist()):
        yes = prob > 0.5
        old = cols.label[i]
        new = old
        if model.task == "hedge":
            if yes == cols.hedged[i]:
                continue
            cols.hedged[i] = yes
            if yes and old == "reported":
                new = "speculative"
            elif not yes and old == "speculative":
                new = "opinion" if cols.opinion[i] else "reported"
        else:
            if yes == (old in SUBJECTIVE_LABELS):
                continue
            if yes and old == "reported":
                new, cols.opinion[i] = "opinion", True
            elif not yes and old == "opinion":
                new, cols.opinion[i] = "reported", False
        if new != old:
            cols.label[i] = new
            cols.deciding_cue[i] = cue
            cols.confidence[i] = round(prob if yes else 1.0 - prob, 3)
            changed += 1
    return changed
