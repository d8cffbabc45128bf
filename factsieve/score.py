"""Document scores: label ratios, a quality score in [0, 1], a tier and flags.

The score is deliberately simple so every number can be explained:

    support   = character-weighted mean over sentences of LABEL_WEIGHT[label]
    padding   = (1 - min(0.6, 2 * speculative share)) * (1 - min(0.5, 2 * filler share))
    length    = min(1, words / FULL_LENGTH_WORDS) ** 0.5
    cleanness = 1 - 0.5 * (boilerplate chars removed / raw chars)
    quality   = support * padding * length * cleanness

Reported and attributed sentences carry full weight, opinion some, the author's
speculation, reader-addressing filler and boilerplate none. ``padding`` is there
because an SEO piece pads generic statements with guesses and chat: its sentence
mix, not only each sentence, says the document is not reporting (shares are of
sentence counts). Tiers cut the score at TIER_CUTS. Flags are independent of the
score; the thresholds are below and in docs/ANALYSTS.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from factsieve.vocabulary import FLAGS, LABELS, TIERS

LABEL_WEIGHT = {
    "reported": 1.0,
    "attributed": 1.0,
    "opinion": 0.4,
    "speculative": 0.0,
    "filler": 0.0,
    "boilerplate": 0.0,
}
FULL_LENGTH_WORDS = 150
SPECULATION_PENALTY_CAP = 0.6
FILLER_PENALTY_CAP = 0.5
# The lowest score of each tier (vocabulary.TIERS, best first)
TIER_CUTS = tuple(zip(TIERS, (0.7, 0.4, 0.0), strict=True))

# Flag thresholds, in one place so docs and code agree.
SPECULATIVE_PADDING_SHARE = 0.10  # share of content sentences (reported+attributed+speculative)
SPECULATIVE_PADDING_MIN = 3
READER_FILLER_MIN = 2
BOILERPLATE_HEAVY_SHARE = 0.20
LOW_ATTRIBUTION_MIN_SENTENCES = 10
SHORT_WORDS = 50


STAT_COLUMNS = [*LABELS, "chars", "wchars"]


def label_stats(sentences: pd.DataFrame, doc_ids: pd.Series) -> pd.DataFrame:
    """Per document (rows in ``doc_ids`` order, indexed by doc_id): sentence counts per
    label, sentence characters and label-weighted characters — all the scores need.

    Computed per batch, so the flow never has to hold every sentence of a run at once.
    """
    counts, sums = label_counts(sentences, doc_ids)
    return pd.concat([counts.astype("int64"), sums.astype("float64")], axis=1)[STAT_COLUMNS]


def _strings(values: pd.Series) -> pa.Array:
    """The values as an Arrow string array, spelled as ``astype(str)`` spells them. A string column
    (Arrow-backed, or Python strings) without nulls converts without a Python object per value;
    anything else goes through ``astype(str)`` first."""
    arr = None
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_string(values.dtype.pyarrow_dtype):
        arr = pa.array(values)
    elif values.dtype == object:
        try:
            arr = pa.array(values, pa.string(), from_pandas=False)
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            arr = None
    if arr is None or arr.null_count:
        arr = pa.array(values.astype(str).to_numpy(), pa.string())
    return arr


def _positions(values: pa.Array, universe: pa.Array) -> np.ndarray:
    """Index of each value in ``universe``, -1 where absent (hashed in Arrow)."""
    return pc.fill_null(pc.index_in(values, value_set=universe), -1).to_numpy().astype(np.intp)


_LABEL_SET = pa.array(list(LABELS), pa.string())
# LABEL_WEIGHT by label code, NaN for a label outside LABELS (as Series.map gave: skipped by the sums).
_WEIGHTS = np.array([*(LABEL_WEIGHT.get(lab, np.nan) for lab in LABELS), np.nan], dtype=np.float64)


def label_counts(sentences: pd.DataFrame, doc_ids: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per document: sentence counts per label and character-weighted support.

    Rows follow ``doc_ids`` (a document without sentences gets zeros; sentences of other
    documents are ignored). Counts come from numpy.bincount over (document, label) codes
    instead of ``pd.crosstab`` (which cost ~0.35 CPU-s per 100k sentences in the flow process,
    for every batch); the codes come from Arrow's hash lookup rather than from the id strings
    as Python objects (~0.05 CPU-s per batch of 5k documents, 70k sentences: most of what this
    cost a worker). The character sums are a pandas groupby — its compensated summation, over the
    same rows in the same order as the string-keyed groupby before, keyed by document code — so
    every value is bit-identical to the crosstab version.
    """
    ids = _strings(doc_ids)
    uniq = pc.unique(ids)
    names = np.array(uniq.to_pylist(), dtype=object)
    n_uniq, n_lab = len(uniq), len(LABELS)
    counts = np.zeros((n_uniq, n_lab), dtype=np.int64)
    chars_sum = np.zeros(n_uniq, dtype=np.float64)
    wchars_sum = np.zeros(n_uniq, dtype=np.float64)
    if len(sentences) and n_uniq:
        doc = _positions(_strings(sentences["doc_id"]), uniq)
        code = _positions(_strings(sentences["label"]), _LABEL_SET)
        known = (doc >= 0) & (code >= 0)
        flat = np.bincount(doc[known] * n_lab + code[known], minlength=n_uniq * n_lab)
        counts = flat.reshape(n_uniq, n_lab)
        chars = (sentences["end"].astype("int64") - sentences["start"].astype("int64")).to_numpy()
        mine = doc >= 0
        # Keyed by the id strings (one Python object per document, shared by its sentences), as
        # before: with the run's unordered (hashed) ids pandas sums such groups with Kahan's
        # compensation, where an integer-keyed groupby of the same rows takes another path that
        # rounds ~2% of the documents' sums differently in the last bit.
        frame = pd.DataFrame(
            {"doc_id": names[doc[mine]], "chars": chars[mine], "wchars": (chars * _WEIGHTS[code])[mine]}
        )
        sums = frame.groupby("doc_id")[["chars", "wchars"]].sum()
        at = pd.Index(names).get_indexer(sums.index)
        chars_sum[at] = sums["chars"].to_numpy(dtype=np.float64)
        wchars_sum[at] = sums["wchars"].to_numpy(dtype=np.float64)
    rows = _positions(ids, uniq)
    index = pd.Index(
        ids.to_pylist(), name="doc_id" if len(sentences) else None
    )  # as crosstab/reindex named it
    return (
        pd.DataFrame(counts[rows], index=index, columns=list(LABELS)),
        pd.DataFrame({"chars": chars_sum[rows], "wchars": wchars_sum[rows]}, index=index),
    )


def score_from_stats(docs: pd.DataFrame, stats: pd.DataFrame, aligned: bool = False) -> pd.DataFrame:
    """ratio_*, quality_score, quality_tier and quality_flags for ``docs`` (same order) from their
    ``label_stats``: looked up by doc_id (any row order), or with ``aligned`` row i of ``stats``
    belongs to row i of ``docs`` (no index needed). ``docs`` needs doc_id, word_count, raw_chars,
    removed_chars, language and is_canonical."""
    out = document_scores(docs, stats, aligned)
    flags = quality_flags(out.pop(FLAG_BITS), docs["is_canonical"]).to_pylist()  # a list per document
    out.insert(len(LABELS) + 2, "quality_flags", flags)
    return out


# The one flag that depends on other documents (deduplication's verdict); every other flag and the
# whole score depend on the document and its sentences alone.
RUN_FLAG = "duplicate"
# The document's own flags as bits (bit i: FLAGS[i]), a staging column: the batch stage's workers
# score their documents (``document_scores``) and the flow adds the duplicate bit once deduplication
# is done (``quality_flags``). The bits hold all FLAGS so the flow's combination is one OR.
FLAG_BITS = "flag_bits"
_RUN_BIT = FLAGS.index(RUN_FLAG)
_BITS_TYPE = np.uint16
if len(FLAGS) > 16:  # a flag past the type's bits would be dropped silently
    raise ImportError(f"{len(FLAGS)} quality flags do not fit the {_BITS_TYPE.__name__} flag bits")


def document_scores(docs: pd.DataFrame, stats: pd.DataFrame, aligned: bool = False) -> pd.DataFrame:
    """What ``score_from_stats`` gives without deduplication: ratio_*, quality_score, quality_tier,
    sentence_count, and FLAG_BITS (every flag but RUN_FLAG) in place of quality_flags. Per document
    (elementwise): a batch's documents score alike wherever they are scored. ``docs`` needs doc_id,
    word_count, raw_chars, removed_chars and language."""
    counts, n, safe_n, quality = _quality(docs, stats, aligned)
    out = pd.DataFrame(index=docs.index)
    for lab in LABELS:
        out[f"ratio_{lab}"] = counts[lab].to_numpy() / safe_n
    out["quality_score"] = quality

    tiers = np.full(len(docs), "low", dtype=object)
    for name, cut in reversed(TIER_CUTS):
        tiers[quality >= cut] = name
    out["quality_tier"] = tiers

    words = docs["word_count"].to_numpy(dtype=float)
    raw_chars = np.maximum(docs["raw_chars"].to_numpy(dtype=float), 1.0)
    spec = counts["speculative"].to_numpy()
    content = counts["reported"].to_numpy() + counts["attributed"].to_numpy() + spec
    removed_share = docs["removed_chars"].to_numpy(dtype=float) / raw_chars
    bp_share = np.maximum(removed_share, counts["boilerplate"].to_numpy() / safe_n)
    conditions = {
        "speculative_padding": (spec >= SPECULATIVE_PADDING_MIN)
        & (spec >= SPECULATIVE_PADDING_SHARE * np.maximum(content, 1)),
        "reader_filler": counts["filler"].to_numpy() >= READER_FILLER_MIN,
        "boilerplate_heavy": bp_share >= BOILERPLATE_HEAVY_SHARE,
        "low_attribution": (n >= LOW_ATTRIBUTION_MIN_SENTENCES) & (counts["attributed"].to_numpy() == 0),
        "short": words < SHORT_WORDS,
        "non_english": docs["language"].astype(str).to_numpy() != "en",
        "no_sentences": n == 0,
    }
    code = np.zeros(len(docs), dtype=_BITS_TYPE)
    for bit, name in enumerate(FLAGS):
        if name != RUN_FLAG:
            code |= np.asarray(conditions[name], dtype=bool).astype(_BITS_TYPE) << bit
    out[FLAG_BITS] = code
    out["sentence_count"] = n.astype("int32")
    return out


_FLAG_LIST = pa.list_(pa.string())


def quality_flags(bits: pd.Series, is_canonical: pd.Series) -> pa.ListArray:
    """Per document, the names of FLAGS in its FLAG_BITS and "duplicate" where it is not canonical,
    in FLAGS order, as an Arrow list column. Built per distinct combination (a few dozen in a run)
    and taken per document: no Python list per document, which in the flow's process (millions of
    live objects) cost ~15x more in the garbage collector than the lists themselves (0.05 vs
    0.0035 CPU-s per 44k documents, docs/BENCHMARKS.md "1M run, round 12")."""
    duplicate = ~is_canonical.to_numpy(dtype=bool)
    code = bits.to_numpy(dtype=_BITS_TYPE) | (duplicate.astype(_BITS_TYPE) << _RUN_BIT)
    combos, inverse = np.unique(code, return_inverse=True)
    names = pa.array(
        [[name for bit, name in enumerate(FLAGS) if c >> bit & 1] for c in combos.tolist()], _FLAG_LIST
    )
    return names.take(pa.array(inverse.reshape(-1), pa.int64()))


def _quality(
    docs: pd.DataFrame, stats: pd.DataFrame, aligned: bool
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """(label counts, sentences, sentences or 1, quality_score) of ``docs`` in their order."""
    if aligned:
        if len(stats) != len(docs):
            raise ValueError(f"{len(stats)} stats rows for {len(docs)} documents")
    else:
        stats = stats.reindex(docs["doc_id"].astype(str).to_numpy(), fill_value=0)
    counts = stats[list(LABELS)]
    sums = stats[["chars", "wchars"]]
    n = counts.sum(axis=1).to_numpy()
    safe_n = np.maximum(n, 1)
    chars = sums["chars"].to_numpy(dtype=float)
    support = np.divide(
        sums["wchars"].to_numpy(dtype=float), chars, out=np.zeros_like(chars), where=chars > 0
    )
    words = docs["word_count"].to_numpy(dtype=float)
    length = np.minimum(1.0, words / FULL_LENGTH_WORDS) ** 0.5
    raw_chars = np.maximum(docs["raw_chars"].to_numpy(dtype=float), 1.0)
    cleanness = 1.0 - 0.5 * np.clip(docs["removed_chars"].to_numpy(dtype=float) / raw_chars, 0.0, 1.0)
    padding = (1.0 - np.minimum(SPECULATION_PENALTY_CAP, 2.0 * counts["speculative"].to_numpy() / safe_n)) * (
        1.0 - np.minimum(FILLER_PENALTY_CAP, 2.0 * counts["filler"].to_numpy() / safe_n)
    )
    quality = np.clip(support * padding * length * cleanness, 0.0, 1.0).round(4)
    return counts, n, safe_n, quality


def base_quality(docs: pd.DataFrame, stats: pd.DataFrame, aligned: bool = False) -> pd.Series:
    """Quality before deduplication (from ``label_stats``): what dedup uses to choose the canonical copy.
    The quality_score of ``score_from_stats`` without its ratios, tiers and flags, which dedup does not
    read (the flags' per-document lists cost ~1 CPU-s per 200k documents)."""
    return pd.Series(_quality(docs, stats, aligned)[3], index=docs.index, name="quality_score")
