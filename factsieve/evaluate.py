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

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factsieve.classify import SentenceLabel, classify_batch

TASKS: tuple[str, ...] = ("hedge", "subjectivity")
SUBJECTIVE_LABELS = frozenset({"opinion", "speculative", "filler"})


def load_labels(path: str | Path, split: str | None = None) -> list[tuple[str, int]]:
    """Read (text, label) pairs; ``split`` keeps only rows whose ``split`` field matches."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"labels file not found: {p}")
    rows: list[tuple[str, int]] = []
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{p}:{lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{p}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            text, label = obj.get("text"), obj.get("label")
            if not isinstance(text, str):
                raise ValueError(f"{p}:{lineno}: field 'text' must be a string")
            if isinstance(label, bool) or label not in (0, 1):
                raise ValueError(f"{p}:{lineno}: field 'label' must be 0 or 1, got {label!r}")
            if split is not None and obj.get("split") != split:
                continue
            rows.append((text, int(label)))
    if split is not None and not rows:
        raise ValueError(f"{p}: no rows with split={split!r}")
    return rows


def rule_prediction(lab: SentenceLabel, task: str) -> int:
    """Map one classifier output to the task's binary label."""
    if task == "hedge":
        return int(lab.hedged)
    if task == "subjectivity":
        return int(lab.label in SUBJECTIVE_LABELS)
    raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")


def _check_task(task: str) -> None:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")


def _rules_predictor(task: str) -> Callable[[Sequence[str]], list[int]]:
    def predict(texts: Sequence[str]) -> list[int]:
        return [rule_prediction(lab, task) for lab in classify_batch(texts)]

    return predict


def _safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = _safe_div(tp, tp + fp), _safe_div(tp, tp + fn)
    return p, r, _safe_div(2 * p * r, p + r)


def scores(gold: Sequence[int], pred: Sequence[int]) -> dict:
    """Binary precision/recall/F1 for class 1, macro-F1 over both classes, accuracy and confusion."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 1)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 0 and p == 1)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 0)
    tn = len(gold) - tp - fp - fn
    p1, r1, f1 = _prf(tp, fp, fn)
    _, _, f0 = _prf(tn, fn, fp)
    return {
        "n": len(gold),
        "precision": round(p1, 4),
        "recall": round(r1, 4),
        "f1": round(f1, 4),
        "macro_f1": round((f1 + f0) / 2, 4),
        "accuracy": round(_safe_div(tp + tn, len(gold)), 4),
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
    }


def evaluate(
    path: str | Path, task: str, model_path: str | Path | None = None, split: str | None = None
) -> dict:
    """Score the rule classifier (or a trained model from ``model_path``) on a labelled file."""
    _check_task(task)
    rows = load_labels(path, split)
    texts = [t for t, _ in rows]
    gold = [g for _, g in rows]
    if model_path is not None:
        from factsieve import model as model_mod

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
        sentences_per_second=round(_safe_div(len(texts), elapsed)) if texts else 0,
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
