"""What the batch pool's fork server imports before forking workers (factsieve.batch.workers.PRELOAD):
the domain modules, and pandera's lazily imported validation machinery (``tables.warm_up``), so
no worker pays for either again."""

from factsieve import dedup  # noqa: F401
from factsieve.batch import pipeline, staged  # noqa: F401
from factsieve.ingest import read  # noqa: F401
from factsieve.output import tables

tables.warm_up()
