"""Measure the sentence classifier against labelled sentences (jsonl with ``text`` and ``label`` 0/1).

Tasks map the classifier's output to the binary gold label:

- ``hedge``: predicted 1 iff the sentence is hedged (the hedge FLAG, not the primary label), so a
  hedged attributed sentence ("X said the talks would likely fail") still counts as hedged.
- ``subjectivity``: predicted 1 iff the primary label is opinion, speculative or filler. The opinion
  flag is not used: it also fires on weak stance cues in sentences the label keeps as reporting
  (figures present) or attribution, and on the train split adding it lowered macro-F1
  (see docs/EVALUATION.md).

The labelled files live in ../shared/data and are read in place, never copied.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factsieve.classify.classifier import classify_batch
from factsieve.classify.tasks import (
    SUBJECTIVE_LABELS,
    TASKS,
    check_task,
    load_labels,
    rule_prediction,
    safe_div,
    scores,
)

__all__ = [
    "SUBJECTIVE_LABELS",
    "TASKS",
    "evaluate",
    "format_report",
    "load_labels",
    "rule_prediction",
    "scores",
]


def _rules_predictor(task: str) -> Callable[[Sequence[str]], list[int]]:
    def predict(texts: Sequence[str]) -> list[int]:
        return [rule_prediction(lab, task) for lab in classify_batch(texts)]

    return predict


def evaluate(
    path: str | Path, task: str, model_path: str | Path | None = None, split: str | None = None
) -> dict:
    """Score the rule classifier (or a trained model from ``model_path``) on a labelled file."""
    check_task(task)
    rows = load_labels(path, split)
    texts = [t for t, _ in rows]
    gold = [g for _, g in rows]
    if model_path is not None:
        from factsieve.classify import model as model_mod

        clf = model_mod.load(model_path)
        if clf.task != task:
            raise ValueError(f"model {model_path} was trained for task {clf.task!r}, not {task!r}")
        predict: Callable[[Sequence[str]], list[int]] = lambda xs: [int(v) for v in clf.predict(xs)]  # noqa: E731
        name = str(model_path)
    else:
        predict, name = _rules_predictor(task), "rules"
    # CPU time of this process, so the rate is per core and other load on the machine does not skew it.
    t0 = time.process_time()
    pred = predict(texts)
    elapsed = time.process_time() - t0
    result = scores(gold, pred)
    result.update(
        task=task,
        classifier=name,
        labels=str(path),
        split=split,
        sentences_per_second=round(safe_div(len(texts), elapsed)) if texts else 0,
    )
    return result


def format_report(result: dict) -> str:
    """A short plain-text report of one evaluate() result."""
    c = result["confusion"]
    split = result.get("split") or "all"
    return "\n".join(
        [
            f"task: {result['task']}   classifier: {result['classifier']}   split: {split}   n: {result['n']}",
            f"labels: {result.get('labels', '-')}",
            f"precision {result['precision']:.3f}   recall {result['recall']:.3f}   F1 {result['f1']:.3f}   "
            f"macro-F1 {result['macro_f1']:.3f}   accuracy {result['accuracy']:.3f}",
            f"confusion: tp={c['tp']} fp={c['fp']} fn={c['fn']} tn={c['tn']}",
            f"speed: {result['sentences_per_second']:,} sentences/s (CPU time, one process)",
        ]
    )
