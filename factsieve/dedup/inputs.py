"""The input frame: doc_ids checked and made str once, the canonical-rule columns, the texts as Arrow;
and the canonical preference order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

NO_DATE = np.iinfo(np.int64).max  # a missing published_at ranks last


def prepare_input(
    docs: pd.DataFrame, who: str = "deduplicate", need_text: bool = True
) -> tuple[pd.DataFrame, pa.Array | None, pd.Index]:
    """(frame of doc_id [object array of str], quality_score, published_ns; the texts as Arrow or
    None; an object Index of the doc_ids). The doc_id str objects are made once (or are the caller's
    own when it passes an object column of str) and shared by everything downstream."""
    missing = ({"doc_id", "text"} if need_text else {"doc_id"}) - set(docs.columns)
    if missing:
        raise ValueError(f"{who}: docs is missing column(s) {sorted(missing)}")
    if docs["doc_id"].isna().any():
        raise ValueError(f"{who}: doc_id must not be null")
    col = docs["doc_id"]
    if col.dtype == object and pd.api.types.infer_dtype(col, skipna=False) == "string":
        ids = col.to_numpy(dtype=object)  # already str: no copy of the strings
    else:
        ids = col.astype(str).to_numpy(dtype=object)
    index = pd.Index(ids, dtype=object, copy=False)
    if not index.is_unique:
        dup = index[index.duplicated()]
        raise ValueError(f"{who}: doc_id must be unique, repeated: {sorted(set(dup))[:5]}")
    q = (
        pd.to_numeric(docs["quality_score"], errors="coerce").astype(np.float64)
        if "quality_score" in docs
        else pd.Series(np.nan, index=docs.index)
    )
    p = (
        pd.to_datetime(docs["published_at"], utc=True, errors="coerce")
        if "published_at" in docs
        else pd.Series(pd.NaT, index=docs.index, dtype="datetime64[ns, UTC]")
    )
    frame = pd.DataFrame(
        {
            "doc_id": pd.Series(ids, dtype=object, copy=False),
            "quality_score": q.to_numpy(),
            "published_ns": ns(p),
        }
    )
    if not need_text:  # features were computed elsewhere: the text is not needed (nor read)
        return frame, None, index
    text = docs["text"]
    if not isinstance(text.dtype, pd.StringDtype):
        text = text.astype("str")  # non-strings become their str(), missing stays missing (= empty)
    text_pa = pa.array(text)  # zero-copy for Arrow-backed string columns
    if text_pa.type != pa.large_string():
        text_pa = text_pa.cast(pa.large_string())
    return frame, text_pa, index


def obj(s: pd.Series) -> np.ndarray:
    """Object array with None (not NaN) for missing values."""
    a = np.array(s.to_numpy(dtype=object), dtype=object, copy=True)
    a[pd.isna(a)] = None
    return a


def ns(s: pd.Series) -> np.ndarray:
    """UTC datetimes as int64 nanoseconds, NaT = int64 min."""
    s = pd.to_datetime(s, utc=True)
    return s.dt.tz_convert(None).to_numpy(dtype="datetime64[ns]").view(np.int64)


def rank_key(quality: np.ndarray, published_ns: np.ndarray, doc_id: np.ndarray) -> np.ndarray:
    """Order of canonical preference (0 = best): quality desc (NaN worst), published asc (NaT last),
    doc_id asc."""
    q = np.where(np.isnan(quality), np.inf, -quality)
    return np.lexsort((str_order_rank(doc_id), published_ns, q))


def str_order(a: np.ndarray) -> np.ndarray:
    """Stable argsort of an object array of str by code point (Arrow's sort: several times faster
    than numpy on object strings, and no fixed-width copy of every id)."""
    return pc.sort_indices(pa.array(a, type=pa.large_string())).to_numpy()


def str_order_rank(a: np.ndarray) -> np.ndarray:
    r = np.empty(len(a), dtype=np.int64)
    r[str_order(a)] = np.arange(len(a))
    return r
