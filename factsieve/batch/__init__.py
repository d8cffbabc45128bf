"""Batch machinery: the per-batch chain of stages (pipeline) and the worker process pool that runs it."""
