"""Result type of deduplication and the cluster id rule (DedupParams lives in factsieve.params)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import xxhash

from factsieve.params import FIGURE_PARAMS, STORY_PARAMS, DedupParams

__all__ = ["FIGURE_PARAMS", "STORY_PARAMS", "DedupParams", "DedupResult", "cluster_id_for"]


@dataclass
class DedupResult:
    assignments: pd.DataFrame
    duplicates: pd.DataFrame
    stats: dict = field(default_factory=dict)


def cluster_id_for(canonical_doc_id: str) -> str:
    return "dup-" + xxhash.xxh3_64_hexdigest(canonical_doc_id.encode())
