"""Exact and near-duplicate detection: flag, never drop.

Modules, one per phase (each readable and testable alone; imports point one way, down this list):
  params    DedupParams, DedupResult, cluster_id_for
  minhash   normalisation, word hashes, shingles, MinHash, band keys, pair intersections
  inputs    the checked input frame and the canonical preference order
  features  featurise phase: Features per batch, prepare() for workers
  state     the state directory: document table, immutable segments, pread of shingle sets
  table     the run's global document table (old rows, then new) and Edges
  exact     exact groups by content hash
  lsh       banded MinHash candidate pairs
  verify    exact Jaccard of candidate pairs from the segments
  cluster   components, the no-chaining split rule, the cluster columns
  story     story level: containment candidates, verification, stories
  outputs   state table, assignments, duplicates
  run       deduplicate(): the driver
  forget    forget(): documents no longer live leave the state; live_roles() for the latest view

Pipeline (see docs/DEDUP.md for the reasoning and the measurements behind the defaults):
  features (content hash, sorted shingle sets, LSH band keys; batched, or precomputed per batch on
  workers with prepare()) -> exact groups by content hash -> banded LSH candidates (one representative
  per content hash, docs with >= min_words words only; pairs generated with numpy, no loop per
  bucket) -> batched verification by exact Jaccard of the shingle sets -> connected components ->
  canonical per component, every member verified against the canonical itself (no chaining).

Canonical rule: best quality_score (missing = worst), then earliest published_at (missing = latest),
then smallest doc_id. Cross-run rule: documents from earlier runs keep their role; a new document that
duplicates an old one joins the old cluster (its canonical stays canonical, its cluster_id stays), old
clusters are never merged with each other, and an old unclustered document that gains duplicates
becomes the canonical of a new cluster.

No chaining: a member is reported in a cluster only if its own Jaccard to the cluster's canonical is
>= threshold. Within a component of verified edges, the best-ranked document becomes canonical and
takes every member at >= threshold to it; the best-ranked of the rest becomes the next canonical, and
so on (a component linked to an old cluster first offers its members to that cluster's canonical).

cluster_id = "dup-" + xxh3_64 hex of the canonical's doc_id: stable across runs because the canonical
of a cluster never changes once published.
"""

from factsieve.dedup.features import Features, prepare
from factsieve.dedup.forget import FORGOTTEN_PREFIX, ROLE_COLUMNS, forget, live_roles
from factsieve.dedup.params import DedupParams, DedupResult, cluster_id_for
from factsieve.dedup.run import deduplicate

__all__ = [
    "FORGOTTEN_PREFIX",
    "ROLE_COLUMNS",
    "DedupParams",
    "DedupResult",
    "Features",
    "cluster_id_for",
    "deduplicate",
    "forget",
    "live_roles",
    "prepare",
]
