"""Which reader a file's name selects: the suffix table, looked through a compression suffix
(``x.jsonl.gz``: jsonl). Below the dispatcher and the readers alike (an archive member refused by
name is labelled with the format its name selects)."""

from __future__ import annotations

import posixpath

from factsieve.ingest import compressed

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".wet": "wet",  # Common Crawl's page texts (CC-MAIN-….warc.wet.gz)
    ".warc": "warc",  # HTTP responses: CC-NEWS (CC-NEWS-….warc.gz; factsieve.ingest.warc_http)
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",  # Hugging Face datasets (factsieve.ingest.columnar)
    ".arrow": "arrow",  # Hugging Face save_to_disk, Feather v2 (factsieve.ingest.arrow_ipc)
    ".feather": "arrow",
    ".xml": "feed",  # RSS/Atom (factsieve.ingest.feeds); other XML is an unsupported_xml reject
    ".rss": "feed",
    ".atom": "feed",
    ".sgm": "sgml",  # Reuters-21578 as distributed (factsieve.ingest.reuters_sgml)
    ".story": "text",  # CNN/DailyMail (the @highlight lines are cleaned as furniture)
    ".eml": "email",  # one message (factsieve.ingest.mail)
    ".mbox": "email",  # messages after "From " lines
    # zip and tar archives (also .tar.gz, .tar.bz2, .tar.xz, .tar.zst): each member read as a file
    # of its name (factsieve.ingest.archives, readers.archive)
    ".zip": "archive",
    ".tar": "archive",
    ".tgz": "archive",
    ".tbz2": "archive",
    ".txz": "archive",
    ".taz": "archive",  # tar.Z (compress)
}


def format_of_name(name: str) -> str | None:
    """The reader a file name selects (``x.jsonl.gz``, ``x.jsonl.zst``: jsonl), or None: no reader
    takes it."""
    suffix = posixpath.splitext(name)[1].lower()
    return FORMATS.get(compressed.inner_suffix(name) if suffix in compressed.SUFFIXES else suffix)
