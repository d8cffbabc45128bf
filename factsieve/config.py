"""Run configuration with embedded defaults: `factsieve run` needs no config file."""

from __future__ import annotations

from dataclasses import dataclass, field

from factsieve.dedup import DedupParams
from factsieve.ingest import IngestLimits


@dataclass(frozen=True)
class RunConfig:
    # A batch is the unit of parallel work: about this many input bytes or files,
    # whichever comes first. Memory per worker is bounded by it, not by the corpus.
    batch_bytes: int = 8 * 1024 * 1024
    batch_files: int = 2000
    limits: IngestLimits = field(default_factory=IngestLimits)
    dedup: DedupParams = field(default_factory=DedupParams)
