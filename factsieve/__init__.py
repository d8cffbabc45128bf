"""factsieve: raw scraped text in, clean labelled validated Parquet out."""

__version__ = "0.1.0"
