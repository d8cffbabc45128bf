"""The six-way label on the hand-written news dev set (tests/data/news_labels_*.jsonl).

The held-out half was written before the rules for issue #17 and is not tuned on; the floor is the
issue's target for unseen news sentences. The tuning half guards the rules chosen on it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factsieve.classify import LABELS, classify_batch

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize(
    ("name", "floor"), [("news_labels_heldout.jsonl", 0.90), ("news_labels_tune.jsonl", 0.97)]
)
def test_label_accuracy_on_news_sentences(name: str, floor: float) -> None:
    rows = _rows(name)
    labs = classify_batch([r["text"] for r in rows])
    wrong = [
        (r["label"], lab.label, r["text"])
        for r, lab in zip(rows, labs, strict=True)
        if r["label"] != lab.label
    ]
    assert 1 - len(wrong) / len(rows) >= floor, wrong
    # A hedge inside a relative clause sets the flag without deciding the label.
    flagged = [(r, lab) for r, lab in zip(rows, labs, strict=True) if "hedged" in r]
    assert flagged and all(lab.hedged == r["hedged"] for r, lab in flagged)
    # Every label but "reported" names the cue that decided it.
    assert all(lab.deciding_cue for lab in labs if lab.label != "reported")


def test_dev_set_shape() -> None:
    rows = _rows("news_labels_heldout.jsonl") + _rows("news_labels_tune.jsonl")
    assert len(rows) >= 400
    assert {r["label"] for r in rows} == set(LABELS)
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "a sentence in both halves"
    per_class: dict[str, int] = {}
    for r in rows:
        per_class[r["class"]] = per_class.get(r["class"], 0) + 1
    assert min(per_class.values()) >= 10, per_class
