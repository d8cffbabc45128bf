"""Output: typed tables, assembling and publishing Parquet parts, the Great Expectations checks and the HTML report."""
