"""Ingest: find input files (sources), remember what was seen (manifest), read them into documents or rejects (read)."""
