"""What one record may become, whatever its content (docs/OPERATIONS.md "Hostile records, round 10").

Ingest bounds a record's size (``[limits] max_record_chars``, 2,000,000 characters); these bound what
the later stages make of it, so that no table holds a cell a reader cannot use and no record costs
more than a bounded time per MB:

- a **title** longer than ``MAX_TITLE_CHARS`` is cut there (with "…"): a JSON record's 1 MB title
  was written as is, into every table and report that shows titles;
- a **sentence** longer than ``MAX_SENTENCE_CHARS`` (a line with no sentence end: a 2 MB run of
  characters, a table's cells, "A b. " repeated) is cut into pieces of at most that many characters,
  at the last space of each piece when there is one in its second half. Every character stays in
  some sentence: offsets still point into the text;
- a document of more than ``MAX_SENTENCES`` sentences is cut after that many: the rest of its text
  is removed as cleaning removes a line, with reason ``sentence_limit`` (``removed_reasons``,
  ``removed_chars``), so its text and its sentences still agree.

Each cut is counted in the run's ``stage_counts`` (``limited``) and printed by ``factsieve run``.
A stage that still raises or runs over its CPU-time budget (factsieve.batch.budget) on a record
makes that record a reject (``processing_error``, ``processing_timeout``); the run goes on.
"""

from __future__ import annotations

MAX_TITLE_CHARS = 1_000
MAX_SENTENCE_CHARS = 5_000
MAX_SENTENCES = 50_000

# CPU-time budgets (factsieve.batch.budget): a base plus so much per million characters (bytes, for
# reading a file or part; 20x its size for a compressed file or an archive). A 22k-document news run
# costs ~0.6 worker CPU-s per MB through all these stages (BENCHMARKS.md "Batch stage CPU, round
# 10"), the slowest hostile record that is not stuck ~0.7 s per MB ("Hostile records, round 10"):
# 10 s + 10 s per MB is 15x that or more, so only a stage gone super-linear reaches it.
READ_BASE_S, READ_PER_MB_S = 10.0, 10.0
RECORD_BASE_S, RECORD_PER_MB_S = 10.0, 10.0

SENTENCE_LIMIT = "sentence_limit"  # documents.removed_reasons: text past MAX_SENTENCES


def cut_title(title: str | None) -> tuple[str | None, bool]:
    """The title, cut to ``MAX_TITLE_CHARS``; whether it was cut."""
    if title is None or len(title) <= MAX_TITLE_CHARS:
        return title, False
    return title[: MAX_TITLE_CHARS - 1].rstrip() + "…", True


def bounded_spans(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """``spans`` with every span longer than ``MAX_SENTENCE_CHARS`` cut into pieces; how many were cut.
    Linear in the text: each piece looks back at most ``MAX_SENTENCE_CHARS / 2`` characters once."""
    if all(e - s <= MAX_SENTENCE_CHARS for s, e in spans):
        return spans, 0
    out: list[tuple[int, int]] = []
    cut = 0
    for s, e in spans:
        if e - s <= MAX_SENTENCE_CHARS:
            out.append((s, e))
            continue
        cut += 1
        while e - s > MAX_SENTENCE_CHARS:
            end = s + MAX_SENTENCE_CHARS
            space = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, end)
            if space > s:
                end = space
            piece_end = end
            while piece_end > s and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((s, piece_end))
            s = end
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out, cut
