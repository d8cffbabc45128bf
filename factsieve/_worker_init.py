"""What the batch pool's fork server imports before forking workers (factsieve.workers.PRELOAD):
the domain modules, and pandera's lazily imported validation machinery (``tables.warm_up``), so
no worker pays for either again."""

from factsieve import dedup, ingest, pipeline, tables  # noqa: F401

tables.warm_up()
