"""The six-way label on the hand-written news dev set (tests/data/news_labels_*.jsonl).

The held-out half was written before the rules for issue #17 and is not tuned on; the floor is the
issue's target for unseen news sentences. The tuning half guards the rules chosen on it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factsieve.classify import LABELS, classify_batch

DATA = Path(__file__).parents[1] / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def _holds_target(rows: list[dict], name: str, floor: float = 0.90) -> None:
    """The issue's 0.90 label accuracy on these rows (or a lower measured floor), and every label but
    "reported" names its cue."""
    labs = classify_batch([r["text"] for r in rows])
    right = sum(r["label"] == lab.label for r, lab in zip(rows, labs, strict=True))
    assert right / len(rows) >= floor, (name, right / len(rows))
    assert all(lab.deciding_cue for lab in labs if lab.label != "reported")


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


def test_round_two_blind_set() -> None:
    """Round 2 (tests/data/news_labels_blind.jsonl): 281 sentences written before its rule changes, 80 after.

    The ``blind`` rows were used to find the error classes fixed in that round; the ``final`` slice
    was scored before and after, the ``fresh`` slice was written after the fixes and never tuned on
    (see docs/EVALUATION.md for what was seen when). All three hold the
    issue's 0.90 target; every label but "reported" names its deciding cue.
    """
    rows = _rows("news_labels_blind.jsonl")
    assert len(rows) >= 250 and {r["label"] for r in rows} == set(LABELS)
    assert not {r["text"] for r in rows} & {
        r["text"] for r in _rows("news_labels_heldout.jsonl") + _rows("news_labels_tune.jsonl")
    }
    for split in ("blind", "final", "fresh"):
        _holds_target([r for r in rows if r["split"] == split], split)


def test_round_four_file() -> None:
    """Round 4 (tests/data/news_labels_r4.jsonl): 308 sentences written by another engineer without
    reading the rules, scored once on main before any change (probe 0.916, final 0.909). The ``probe``
    rows were then tuned on; the ``final`` rows were scored only at the end of the round (0.922). Both
    hold the issue's 0.90 target; every label but "reported" names its deciding cue."""
    rows = _rows("news_labels_r4.jsonl")
    assert len(rows) >= 300 and {r["label"] for r in rows} == set(LABELS)
    assert {r["split"] for r in rows} == {"probe", "final"}
    # (Three short lines also occur in the older files — "Advertisement", "Frequently Asked Questions",
    # "Ready? Let's jump right in." — written independently; they are kept as written.)
    for split in ("probe", "final"):
        _holds_target([r for r in rows if r["split"] == split], split)


def test_round_five_file() -> None:
    """Round 5 (tests/data/news_labels_r5.jsonl): 221 sentences written by a third engineer without
    reading the rules, after round 4's rules were in place, and never tuned on (docs/EVALUATION.md
    "What is missed": 0.874 on the rules before round 4, 0.919 after). It holds the issue's 0.90
    target; every label but "reported" names its deciding cue."""
    rows = _rows("news_labels_r5.jsonl")
    assert len(rows) >= 200 and {r["label"] for r in rows} == set(LABELS)
    _holds_target(rows, "r5")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Groups as sources with speech verbs in the plural present, and their workplace in lower case.
        ("Residents complain that the buses rarely run on time.", "attributed"),
        ("Nurses at the clinic warn that the ward is understaffed.", "attributed"),
        ("Analysts polled by the bank see inflation easing by spring.", "attributed"),
        ("Residents see the river rise every spring.", "reported"),
        # Permission stated as a rule; possibilities stay hedged.
        ("Under the ordinance, food trucks may operate in the square until 10 p.m.", "reported"),
        ("Fare details, and any restrictions that may apply to the ticket.", "speculative"),
        ("Drivers may face delays on the bypass.", "speculative"),
        # The wire's passive forecast, not perception.
        ("Prices are seen rising by 2% next year.", "speculative"),
        ("A man was seen leaving the house at midnight.", "reported"),
        # "only" restricts, it does not judge.
        ("The plant now employs only a skeleton crew of engineers.", "reported"),
        # Author's inference vs a source's finding.
        ("The partnership clearly shows that both sides are serious.", "opinion"),
        ("Rowling has already revealed that the prince is neither Harry nor Voldemort.", "attributed"),
        # Section titles that open with a question word; a hard-wrapped clause is not one.
        ("What we know so far", "boilerplate"),
        ("When other banks sought", "reported"),
        # Credits and datelines on their own line.
        ("(Photo by Ana Ruiz/Getty Images)", "boilerplate"),
        ("NAIROBI, Kenya (AP) —", "boilerplate"),
        ("Reuters staff contributed to this report.", "boilerplate"),
        # Newsroom "we" behind auxiliaries; a columnist's "we" is not reporting.
        ("We were unable to independently confirm the figures.", "reported"),
    ],
)
def test_round_two_classes(text: str, label: str) -> None:
    assert classify_batch([text])[0].label == label


def test_round_six_file() -> None:
    """Round 6 (tests/data/news_labels_r6.jsonl): 327 sentences written by an engineer who never read the
    rules, scored once on main before any change (probe 0.828, final 0.821; docs/EVALUATION.md "Round
    5"). The ``probe`` rows (232) were then tuned on and hold the issue's 0.90 target. The ``final``
    rows (95) were never read in round 5 and were scored once at its end: 0.832, below the target. In
    round 5b their errors were read and tuned on (0.979; docs/EVALUATION.md "Round 5b"), so both slices
    now hold the 0.90 target and neither is a measure of unseen text any more. Every label but
    "reported" names its deciding cue."""
    rows = _rows("news_labels_r6.jsonl")
    assert len(rows) >= 300 and {r["label"] for r in rows} == set(LABELS)
    assert {r["split"] for r in rows} == {"probe", "final"}
    # (Nine short lines also occur in the older files, written independently; kept as written.)
    _holds_target([r for r in rows if r["split"] == "probe"], "probe")
    _holds_target([r for r in rows if r["split"] == "final"], "final")


def test_round_seven_file() -> None:
    """Round 7 (tests/data/news_labels_r7.jsonl): 334 sentences written by a fifth engineer who never
    read the rules, while round 5b's rules were written. Scored once on main (0.769) and once on round
    5b's last rule commit (0.775) without being read (docs/EVALUATION.md "Round 5b"); in round 5c its
    errors were read and its classes generalised by shape (0.775 -> 0.946, "Round 5c"), so it is tuned
    on now, not a measure of unseen text, and is held at its new value."""
    rows = _rows("news_labels_r7.jsonl")
    assert len(rows) >= 300 and {r["label"] for r in rows} == set(LABELS)
    _holds_target(rows, "r7", floor=0.94)


def test_round_eight_file() -> None:
    """Round 8 (tests/data/news_labels_r8.jsonl): 304 sentences written by a sixth engineer who never
    read the rules, while round 5c's rules were written. Scored once on main b5da055 (0.845) and once
    on the round's last rule commit dfdc2f9 (0.842), accuracy and macro-F1 only (docs/EVALUATION.md
    "Round 5c"). In round 5d its errors were read and grouped into classes (0.842 -> 0.941, "Round
    5d"), so it is tuned on now, not a measure of unseen text, and is held at its new value."""
    rows = _rows("news_labels_r8.jsonl")
    assert len(rows) == 304
    _holds_target(rows, "r8", floor=0.93)


def test_round_nine_file() -> None:
    """Round 9 (tests/data/news_labels_r9.jsonl): 270 sentences written by a seventh engineer who never
    read the rules, while round 5d's rules were written. Scored once on main 0e783d7 (0.863, macro-F1
    0.862) and once on the round's last rule commit 3896c6d (0.863, 0.862), accuracy and macro-F1 only:
    no row or error was printed or tuned on (docs/EVALUATION.md "Round 5d"). The issue's 0.90 is not
    met on it, so it is held at the measured value less 0.01."""
    rows = _rows("news_labels_r9.jsonl")
    assert len(rows) == 270 and {r["label"] for r in rows} == set(LABELS)
    # Round 6 read and tuned on its errors (0.863 -> 0.952, docs/EVALUATION.md "Round 6"): held at 0.94.
    _holds_target(rows, "r9", floor=0.94)


def test_round_ten_file() -> None:
    """Round 10 (tests/data/news_labels_r10.jsonl): 288 sentences written by an eighth engineer who never
    read the rules. Scored once on main eb067a5 (0.809, macro-F1 0.794) and once on the round-6 rule
    commit (0.830, 0.815), accuracy and macro-F1 only, before any row was read (docs/EVALUATION.md
    "Round 6"). Round 6b then read its errors and fixed them by class (0.830 -> 0.944, "Round 6b"): it is
    tuned on now, not a measure of unseen text, and is held at 0.93."""
    rows = _rows("news_labels_r10.jsonl")
    assert len(rows) == 288 and {r["label"] for r in rows} == set(LABELS)
    _holds_target(rows, "r10", floor=0.93)


def test_round_eleven_file() -> None:
    """Round 11 (tests/data/news_labels_r11.jsonl): 276 sentences written by a ninth engineer who never
    read the rules. Scored once on main eb067a5 (0.826, macro-F1 0.824) and once on round 6b's last rule
    commit c08b6b2 (0.841, 0.836), accuracy and macro-F1 only, before any row was read (docs/EVALUATION.md
    "Round 6b"). Read and tuned on in round 6c (0.946): held at 0.93."""
    rows = _rows("news_labels_r11.jsonl")
    assert len(rows) == 276
    _holds_target(rows, "r11", floor=0.93)


def test_round_twelve_file() -> None:
    """Round 12 (tests/data/news_labels_r12.jsonl): 284 sentences written by a tenth engineer who never
    read the rules; the lead scored it on main (0.835) and on round 6b (0.856), counts only. Read and
    tuned on in round 6c (0.968): it holds the issue's 0.90 target, held at 0.95."""
    rows = _rows("news_labels_r12.jsonl")
    assert len(rows) == 284
    _holds_target(rows, "r12", floor=0.95)


def test_round_thirteen_file() -> None:
    """Round 13 (tests/data/news_labels_r13.jsonl): 284 sentences written by an eleventh engineer who never
    read the rules. Scored once on main ebf310f (0.813, macro-F1 0.795) and once on round 6c's last rule
    commit ae1d970 (0.820, 0.801), accuracy and macro-F1 only, before any row was read (docs/EVALUATION.md
    "Round 6c"). Read and tuned on in round 7 (0.961): it holds the issue's 0.90, held at 0.95."""
    rows = _rows("news_labels_r13.jsonl")
    assert len(rows) == 284
    _holds_target(rows, "r13", floor=0.95)


def test_round_fourteen_file() -> None:
    """Round 14 (tests/data/news_labels_r14.jsonl): 286 lines of whole scraped pages of unusual outlets,
    written by an engineer who never read the rules. Scored once on main b63b607 (0.846, macro-F1 0.847)
    before any row was read, then read and tuned on in round 7 (0.976): held at 0.96."""
    rows = _rows("news_labels_r14.jsonl")
    assert len(rows) == 286
    _holds_target(rows, "r14", floor=0.96)


def test_round_sixteen_file() -> None:
    """Round 16 (tests/data/news_labels_r16.jsonl): 357 tricky single sentences written to catch a
    classifier out, by an engineer who never read the rules. Scored once on main b63b607 (0.866, macro-F1
    0.873) before any row was read, then read and tuned on in round 7 (0.972): held at 0.96."""
    rows = _rows("news_labels_r16.jsonl")
    assert len(rows) == 357
    _holds_target(rows, "r16", floor=0.96)


def test_round_fifteen_and_seventeen_files_unseen() -> None:
    """Rounds 15 and 17 (tests/data/news_labels_r15.jsonl, 265 lines of whole pages; news_labels_r17.jsonl,
    322 tricky single sentences): written by two engineers who never read the rules, and never read by
    the engineers who wrote them. The lead scored them, accuracy and macro-F1 only, on main b63b607
    (r15 0.819, r17 0.851) and after round 7 (0.823, 0.882): round 7's unseen figure, well short of the
    issue's 0.90. Held at the measured value less 0.01 so a later rule that costs them is seen."""
    r15, r17 = _rows("news_labels_r15.jsonl"), _rows("news_labels_r17.jsonl")
    assert (len(r15), len(r17)) == (265, 322)
    _holds_target(r15, "r15", floor=0.81)
    _holds_target(r17, "r17", floor=0.87)


def test_round_twenty_and_twenty_one_files() -> None:
    """Rounds 20 and 21 (tests/data/news_labels_r20.jsonl, 320 tricky single sentences; news_labels_r21.jsonl,
    292 lines of whole scraped pages): written by two engineers who never read the rules, scored once on main
    5b4dad8 before any row was read (r20 0.850, r21 0.836: their unseen figures), then read and tuned on in
    round 8 (0.950, 0.938). Held at the issue's 0.90."""
    r20, r21 = _rows("news_labels_r20.jsonl"), _rows("news_labels_r21.jsonl")
    assert (len(r20), len(r21)) == (320, 292)
    _holds_target(r20, "r20", floor=0.90)
    _holds_target(r21, "r21", floor=0.90)


# Writers' files held at a floor: (split, rows, floor). Provenance (benchmarks/eval_news_labels.py has it whole):
# - r18 (tricky) / r19 (page lines): written in round 7, scored unseen by the lead on rounds 7 and 8 (main 504dbdb
#   0.892 / 0.860), released and read in round 9; held at the 0.90.
# - r24 (tricky) / r25 (page lines): written in round 9 by engineers who never read the rules, scored once on main
#   504dbdb before any row was read (0.787 / 0.859), then tuned on; r25 at 0.90, r24 at its measured value less 0.01.
# - r28 (tricky) / r29 (page lines): written in round 10, scored on main 0669adf before any row was read (0.766 /
#   0.836), tuned on (0.892 / 0.921); held at the measured value less 0.01.
# - r30 (tricky) / r31 (page lines): written 09:43 UTC in round 10, scored unseen by the lead (main 0669adf 0.806 /
#   0.813, round 10's head 0.815 / 0.829), released to round 11 and tuned on (0.840 / 0.844); measured less 0.01.
# - r32 (tricky) / r33 (page lines): written 2026-12-07 11:08 UTC by two writers who never read the rules, scored
#   unseen by the lead (main 0669adf 0.785 / 0.832, a561a93 0.801 / 0.845, 3ba42a8 0.808 / 0.845), released to
#   round 12 and tuned on (0.897 / 0.915), round 13 (0.920 / 0.921); measured less 0.01 (rounded down).
# - r34 (tricky) / r35 (page lines): written 2026-12-07 12:41 UTC by two writers who never read the rules, scored
#   unseen by the lead (main 3ba42a8 0.783 / 0.830, 867ce22 0.799 / 0.836), released in round 14 and tuned on
#   (opinion only: 0.841 / 0.884); measured less 0.01 (rounded down).
# - r37 (tricky) / r38 (page lines): written 2026-12-07 15:29-15:31 UTC by two writers who never read the rules,
#   scored unseen by the lead (main 867ce22 0.806 / 0.857, a84761a 0.832 / 0.863), released in round 15 and tuned
#   on (opinion: 0.871 / 0.917); measured less 0.01 (rounded down).
# - r40 (tricky) / r41 (page lines): written 2026-12-07 18:21-18:26 UTC by two writers who never read the rules,
#   scored unseen by the lead (main a84761a 0.861 / 0.846, 91ac638 0.875 / 0.849), released in round 16 and tuned
#   on (opinion: 0.898 / 0.863; with round 16's sources and page lines merged: 0.950 / 0.926); measured less
#   0.01 (rounded down).
# - r43 (tricky) / r44 (sentences of whole article bodies): written in session 16 by two writers who never read the
#   rules, scored unseen by the lead (main 0280ee7 0.883 / 0.836, a92b559 the same), released in round 17;
#   floors at main a92b559's measured value less 0.01 (rounded down).
_HELD_FILES = [
    ("r18", 314, 0.90),
    ("r19", 272, 0.90),
    ("r24", 320, 0.86),
    ("r25", 291, 0.90),
    ("r28", 316, 0.88),
    ("r29", 304, 0.91),
    ("r30", 319, 0.83),
    ("r31", 321, 0.83),
    ("r32", 312, 0.91),
    ("r33", 316, 0.91),
    ("r34", 309, 0.83),
    ("r35", 311, 0.87),
    ("r37", 309, 0.86),
    ("r38", 314, 0.90),
    ("r40", 303, 0.94),
    ("r41", 299, 0.91),
    ("r43", 309, 0.89),
    ("r44", 304, 0.85),
]


@pytest.mark.parametrize(("split", "rows", "floor"), _HELD_FILES, ids=[f[0] for f in _HELD_FILES])
def test_a_writers_file_holds_its_floor(split: str, rows: int, floor: float) -> None:
    found = _rows(f"news_labels_{split}.jsonl")
    assert len(found) == rows
    _holds_target(found, split, floor=floor)
