"""The run-level rates: what the Great Expectations warnings bound and the report's drift table shows.

Both take them from ``rates`` over the same ``RunCounts``, so the gate and the page cannot
disagree: ``checks.derived_metrics`` counts whole frames, the report counts streamed record
batches, and only the counting differs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from factsieve.vocabulary import LABELS


@dataclass(frozen=True, slots=True)
class RunCounts:
    documents: int = 0
    non_canonical: int = 0  # documents that are an exact or near copy of another
    quality_sum: float = 0.0  # over the non-null quality scores
    quality_count: int = 0  # non-null quality scores
    low_tier: int = 0  # documents in the "low" quality tier
    rejects: int = 0
    sentences: int = 0
    labels: Mapping[str, int] = field(default_factory=dict)  # sentences per label


def rates(c: RunCounts) -> dict[str, float]:
    """reject_rate, duplicate_rate, mean_quality, low_tier_share, share_<label> per label and
    supported_share (reported + attributed); 0.0 wherever the denominator is empty."""
    n_docs, n_sent = c.documents, c.sentences
    mean = c.quality_sum / c.quality_count if c.quality_count else 0.0
    m: dict[str, float] = {
        "reject_rate": c.rejects / (n_docs + c.rejects) if n_docs + c.rejects else 0.0,
        "duplicate_rate": c.non_canonical / n_docs if n_docs else 0.0,
        "mean_quality": mean if n_docs and not math.isnan(mean) else 0.0,
        "low_tier_share": c.low_tier / n_docs if n_docs else 0.0,
    }
    for lab in LABELS:
        m[f"share_{lab}"] = c.labels.get(lab, 0) / n_sent if n_sent else 0.0
    m["supported_share"] = m["share_reported"] + m["share_attributed"]
    return m
