from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from factsieve.batch.pipeline import sentence_rows
from factsieve.score import FLAG_BITS, document_scores, label_stats, quality_flags, score_from_stats
from tests.conftest import shared_path


def score_documents(docs: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Scores from the documents' sentences, as the run computes them: label_stats, then score_from_stats."""
    return score_from_stats(docs, label_stats(sents, docs["doc_id"]))


REPORTED = (
    "Officials from El Salvador and the United States signed an agreement on Tuesday to expand cooperation on port "
    "security, the two governments said in a joint statement.\n"
    "The agreement covers the ports of Acajutla and La Unión, which handled 6.1 million tonnes of cargo in 2023, "
    "according to the port authority.\n"
    "“This is about moving goods faster,” said Foreign Minister Alexandra Hill at the signing ceremony.\n"
    "Exports to the United States totalled $2.4 billion in 2023, down 8 percent from the previous year.\n"
    "The port of Acajutla was modernised between 2013 and 2016 with a $30 million loan from the development bank.\n"
)
SEO = (
    "Hey guys! This trip was a really big deal, and it's worth understanding what went down. So, grab a snack, and let's get started!\n"
    "During the visit, the Vice President met with President Alejandro Giammattei in Guatemala City.\n"
    "They likely discussed migration, corruption and economic investment. The two leaders probably talked about new programs. "
    "She may have raised concerns about the courts. They might have also discussed vaccine deliveries.\n"
    "The Vice President likely announced new funding for farmers. Thanks for reading, guys!\n"
)


def _docs(
    texts: dict[str, str], removed: dict[str, int] | None = None, canonical: dict[str, bool] | None = None
):
    rows = []
    for doc_id, text in texts.items():
        rows.append(
            {
                "doc_id": doc_id,
                "word_count": len(text.split()),
                "raw_chars": len(text) + (removed or {}).get(doc_id, 0),
                "removed_chars": (removed or {}).get(doc_id, 0),
                "language": "en",
                "is_canonical": (canonical or {}).get(doc_id, True),
            }
        )
    docs = pd.DataFrame(rows)
    sents = sentence_rows(list(texts), list(texts.values()), "run")
    return docs, sents


def test_reported_article_scores_high_and_seo_piece_low():
    docs, sents = _docs({"a": REPORTED, "seo": SEO})
    sc = score_documents(docs, sents).set_index(docs["doc_id"])
    assert sc.loc["a", "quality_tier"] == "high"
    assert sc.loc["seo", "quality_tier"] == "low"
    assert sc.loc["seo", "quality_score"] < 0.3 < 0.7 <= sc.loc["a", "quality_score"]
    assert {"speculative_padding", "reader_filler"} <= set(sc.loc["seo", "quality_flags"])
    assert sc.loc["a", "quality_flags"] == []
    ratios = sc.loc["seo", [c for c in sc.columns if c.startswith("ratio_")]]
    assert ratios.sum() == pytest.approx(1.0)
    assert sc.loc["seo", "ratio_speculative"] >= 0.3


def test_duplicate_short_and_boilerplate_flags():
    short = "Shares of Acme rose 3 percent on Monday, the exchange said."
    docs, sents = _docs({"a": REPORTED, "b": short}, removed={"a": 2000}, canonical={"a": False})
    sc = score_documents(docs, sents).set_index(docs["doc_id"])
    assert "duplicate" in sc.loc["a", "quality_flags"] and "boilerplate_heavy" in sc.loc["a", "quality_flags"]
    assert "short" in sc.loc["b", "quality_flags"] and "duplicate" not in sc.loc["b", "quality_flags"]
    assert sc.loc["b", "quality_score"] < 0.5  # short text is not a full article


def test_document_without_sentences():
    docs = pd.DataFrame(
        [
            {
                "doc_id": "x",
                "word_count": 0,
                "raw_chars": 10,
                "removed_chars": 0,
                "language": "und",
                "is_canonical": True,
            }
        ]
    )
    sents = sentence_rows([], [], "run")
    sc = score_documents(docs, sents)
    assert sc.loc[0, "quality_score"] == 0.0
    assert {"no_sentences", "non_english"} <= set(sc.loc[0, "quality_flags"])


def _reference_stats(sents: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """label_stats in its plain pandas formulation: crosstab counts and a groupby over the id strings."""
    from factsieve.score import LABEL_WEIGHT
    from factsieve.vocabulary import LABELS

    frame = pd.DataFrame(
        {
            "doc_id": sents["doc_id"].astype(str),
            "label": sents["label"].astype(str),
            "chars": (sents["end"] - sents["start"]).astype("int64"),
        }
    )
    frame["wchars"] = frame["chars"] * frame["label"].map(LABEL_WEIGHT)
    counts = pd.crosstab(frame["doc_id"], frame["label"]).reindex(columns=list(LABELS), fill_value=0)
    sums = frame.groupby("doc_id")[["chars", "wchars"]].sum()
    return pd.concat(
        [
            counts.reindex(ids, fill_value=0).astype("int64"),
            sums.reindex(ids, fill_value=0).astype("float64"),
        ],
        axis=1,
    )


def test_label_stats_match_a_crosstab_and_groupby():
    # label_counts counts with numpy.bincount over codes Arrow hashed; the reference is the plain
    # pandas formulation.
    docs, sents = _docs({"rep": REPORTED, "seo": SEO, "rep2": REPORTED[:200]})
    ids = pd.Series(["seo", "none", "rep", "rep2", "seo"])  # a document without sentences, one twice
    got = label_stats(sents, ids)
    pd.testing.assert_frame_equal(got, _reference_stats(sents, ids), check_exact=True, check_names=False)
    assert got.iloc[1].sum() == 0  # "none"
    assert got.iloc[0].equals(got.iloc[4])  # "seo" twice
    assert got.iloc[0]["speculative"] >= 4 and got.iloc[2]["attributed"] >= 2
    # The ids as Arrow strings (as the batches hold them) or as non-strings give the same rows.
    arrow_ids = ids.astype(pd.ArrowDtype(pa.string()))
    pd.testing.assert_frame_equal(label_stats(sents, arrow_ids), got, check_exact=True)
    assert label_stats(sents, pd.Series([7, "rep"], dtype=object)).iloc[0].sum() == 0


def test_label_stats_bit_identical_to_the_reference_on_news():
    # Weighted sums of many sentences per document (opinion weighs 0.4, inexact in binary) under
    # hashed ids as the run makes them: pandas sums such string-keyed groups with Kahan's
    # compensation, and a different summation (an integer-keyed groupby of the same rows,
    # np.bincount's plain sum) changes the last bit of ~4% of these documents' sums.
    from factsieve.batch.pipeline import make_doc_id
    from factsieve.text.clean import clean_text

    files = sorted(shared_path("data", "corpora", "bbc").glob("*/*.txt"))[::5][:300]
    texts = [clean_text(f.read_bytes().decode("utf-8", "replace")).text for f in files]
    ids = [make_doc_id("bbc", f"{f.parent.name}/{f.stem}", t) for f, t in zip(files, texts, strict=True)]
    sents = sentence_rows(ids, texts, "r1")
    assert len(sents) > 3000 and (sents["label"] == "opinion").sum() > 100
    doc_ids = pd.Series(ids, dtype=pd.ArrowDtype(pa.string()))
    got = label_stats(sents, doc_ids)
    expected = _reference_stats(sents, pd.Series(ids))
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_names=False)
    assert got["wchars"].to_numpy().tobytes() == expected["wchars"].to_numpy().tobytes()


def test_worker_scores_plus_the_flows_duplicate_flag_are_the_whole_score():
    # The batch's worker scores its documents without knowing deduplication's verdict
    # (document_scores: flag bits without "duplicate"); the flow adds the duplicate flag once dedup
    # is done (quality_flags). Together: exactly score_from_stats, flags in FLAGS order.
    short = "Shares of Acme rose 3 percent on Monday, the exchange said."
    texts = {"a": REPORTED, "seo": SEO, "b": short, "seo-copy": SEO}
    docs, sents = _docs(texts, removed={"a": 2000}, canonical={"a": False, "seo-copy": False})
    docs.loc[docs["doc_id"] == "b", "language"] = "de"
    stats = label_stats(sents, docs["doc_id"])
    on_worker = document_scores(docs.drop(columns="is_canonical"), stats, aligned=True)
    assert FLAG_BITS in on_worker and "quality_flags" not in on_worker
    flags = quality_flags(on_worker[FLAG_BITS], docs["is_canonical"]).to_pylist()
    whole = score_from_stats(docs, stats, aligned=True)
    assert flags == whole["quality_flags"].tolist()
    assert flags[0] == ["boilerplate_heavy", "duplicate"]  # "duplicate" in its FLAGS place
    assert flags[2] == ["short", "non_english"]
    assert "duplicate" in flags[3] and "duplicate" not in flags[1]
    assert flags[1] == [f for f in flags[3] if f != "duplicate"]
    pd.testing.assert_frame_equal(
        on_worker.drop(columns=FLAG_BITS), whole.drop(columns="quality_flags"), check_exact=True
    )
    # score_from_stats keeps giving plain Python lists (the report and tests read them so)
    lists = whole["quality_flags"].tolist()
    assert lists == flags and all(type(x) is list for x in lists)
