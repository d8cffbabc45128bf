"""What the batch pool's fork server imports before forking workers (factsieve.batch.workers.PRELOAD):
the domain modules, and pandera's lazily imported validation machinery (``tables.warm_up``), so
no worker pays for either again."""

from factsieve import dedup  # noqa: F401
from factsieve.batch import pipeline, staged  # noqa: F401
from factsieve.ingest import read  # noqa: F401
from factsieve.output import tables

tables.warm_up()

# The workers' cyclic garbage collector. Python's default (a young-generation pass every 700
# container allocations, a full pass every ~100 of those) walked the fork server's preloaded
# modules and each batch's millions of short-lived lists, tuples and label objects over and
# over: ~0.8 of a 22k run's ~12 worker CPU-s were spent in the collector. Freezing what the fork
# server imported (the workers inherit it frozen: never scanned, and never written to by the
# collector, so those pages stay shared with the fork server) and a young generation of 50,000
# bring that to ~0.12 CPU-s. The older generations still run (a middle pass every 20 young ones,
# a full pass every 10 middle ones), so a batch's cyclic garbage is still collected while the
# next batch runs: the workers' peak RSS is unchanged (docs/BENCHMARKS.md "Batch stage CPU, round 10").
import gc  # noqa: E402

gc.freeze()
gc.set_threshold(50_000, 20, 10)
