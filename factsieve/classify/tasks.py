"""The binary tasks the classifier is scored on, the labelled-file reader and the scores.

Shared by ``evaluate`` (rules or a trained model against a labelled file) and ``model`` (training a
model on the rules' output), so neither imports the other at module level.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from factsieve.classify.classifier import SentenceLabel

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


def check_task(task: str) -> None:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")


def safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = safe_div(tp, tp + fp), safe_div(tp, tp + fn)
    return p, r, safe_div(2 * p * r, p + r)


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
        "accuracy": round(safe_div(tp + tn, len(gold)), 4),
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
    }
