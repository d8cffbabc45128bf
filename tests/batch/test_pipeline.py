from __future__ import annotations

from factsieve.batch.pipeline import sentence_rows


def test_sentences_inside_a_multi_sentence_quotation_are_the_speakers():
    text = (
        "“We will finish the port on time. We will hire 1,200 local workers. It is a promise,” said CEPA "
        "president Federico Anliker.\n"
        "We will probably see delays anyway.\n"
    )
    df = sentence_rows(["doc"], [text], "run")
    assert list(df["text"]) == [
        "“We will finish the port on time.",
        "We will hire 1,200 local workers.",
        "It is a promise,” said CEPA president Federico Anliker.",
        "We will probably see delays anyway.",
    ]
    # the middle sentence has no quote marks of its own but is inside the quotation
    assert list(df["quoted"])[:3] == [True, True, True]
    assert list(df["label"])[:3] == ["attributed", "attributed", "attributed"]
    # a new paragraph closes the quotation: this guess is the author's
    assert df["label"].iloc[3] == "speculative" and not df["quoted"].iloc[3]
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
