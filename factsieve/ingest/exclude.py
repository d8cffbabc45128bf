"""Which inputs a run leaves out: the user's ``--exclude GLOB`` patterns, and a corpus's own
README and licence files (docs/INGEST.md "Leaving files out").

Both are matched on a path relative to the input root (a file under RAW) or on an archive member's
name, and both are passed over and counted by kind, never dropped silently: the CLI summary, the
runs table's ``stage_counts.ingest.passed_over`` and the report show them.

Pattern rules (``fnmatch``, case-sensitive, ``*`` and ``?`` also match ``/``):

- a pattern without ``/`` is matched against every part of the path: ``*.md`` leaves out Markdown
  files at any depth, ``drafts`` a folder of that name and all under it;
- a pattern with ``/`` is matched against the whole path and against each leading folder of it:
  ``data/old`` leaves out that folder, ``bbc/*/README.TXT`` those files. A leading ``/`` or ``./``
  is ignored.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from fnmatch import fnmatchcase

from factsieve.ingest.sources import InputFile

# The passed-over kinds, as the run's counts show them.
EXCLUDED = "excluded (--exclude)"
CORPUS_DOC = "corpus README or licence"
DATASET_META = "dataset metadata (Hugging Face)"

# A corpus's own documentation: BBC's README.TXT, Reuters-21578's README.txt, a LICENSE or COPYING
# file in any dataset. They describe the corpus and are no story of it; read as documents they
# were the odd document out (BBC: 2,226 documents, one the README). Only these four names (any
# case), bare or as .txt/.md/.rst/.text: a story saved as notes.txt or news-readme-2024.txt is
# read, and a README any reader would take for a document is still counted where the run is read.
_CORPUS_DOC = re.compile(r"(?i)(readme|read\.me|licen[cs]e|copying)(\.(txt|md|rst|text))?")


# What ``datasets.save_to_disk`` writes beside its ``data-00000-of-00001.arrow`` shards: the
# features and split description, the shard list and fingerprint, and (for a DatasetDict) the split
# names. They describe the rows and hold none: read as JSON each was a missing_text reject listing
# its fields. Only in a folder that holds .arrow files itself or below (a save_to_disk folder).
_DATASET_META = frozenset({"dataset_info.json", "state.json", "dataset_dict.json"})


def _dataset_meta(files: list[InputFile]) -> set[str]:
    """The relative paths of ``files`` that are a Hugging Face folder's metadata files."""
    return dataset_meta_names([f.rel for f in files])


def dataset_meta_names(paths: list[str]) -> set[str]:
    """The ``paths`` (``/``-separated: files under RAW, or an archive's member names) that are a
    Hugging Face folder's metadata files: their folder holds ``.arrow`` files itself or below."""
    arrows = arrow_dirs(paths)
    return {p for p in paths if is_dataset_meta_name(p) and posixpath.dirname(p) in arrows}


def is_dataset_meta_name(path: str) -> bool:
    return posixpath.basename(path) in _DATASET_META


def arrow_dirs(paths: list[str]) -> set[str]:
    """Every folder that holds an ``.arrow`` file of ``paths`` itself or below ("" the top)."""
    dirs: set[str] = set()
    for path in paths:
        if path.lower().endswith(".arrow"):
            d = posixpath.dirname(path)
            while d not in dirs:
                dirs.add(d)
                if not d:
                    break
                d = posixpath.dirname(d)
    return dirs


def _pattern(p: str) -> str:
    return p.removeprefix("./").lstrip("/")


def matches(path: str, patterns: Iterable[str]) -> bool:
    """Whether the relative ``path`` (``/``-separated) is left out by one of ``patterns``."""
    path = path.replace("\\", "/").strip("/")
    parts = path.split("/")
    for raw in patterns:
        pattern = _pattern(raw)
        if not pattern:
            continue
        if "/" not in pattern:
            if any(fnmatchcase(part, pattern) for part in parts):
                return True
        elif any(fnmatchcase("/".join(parts[:n]), pattern.rstrip("/")) for n in range(1, len(parts) + 1)):
            return True
    return False


def passed_over(path: str, patterns: Iterable[str]) -> str | None:
    """The passed-over kind of the input or member at ``path``, or None when it is read."""
    if matches(path, patterns):
        return EXCLUDED
    if _CORPUS_DOC.fullmatch(posixpath.basename(path.replace("\\", "/").rstrip("/"))):
        return CORPUS_DOC
    return None


def split(
    files: list[InputFile], patterns: Iterable[str], raw_is_file: bool
) -> tuple[list[InputFile], Counter]:
    """``files`` (discovered under RAW) without those left out, and the count of those by kind. A
    RAW that is one file is read whatever its name, unless a pattern leaves it out: it was named."""
    kept: list[InputFile] = []
    left: Counter[str] = Counter()
    meta = set() if raw_is_file else _dataset_meta(files)
    for f in files:
        kind = EXCLUDED if matches(f.rel, patterns) else (None if raw_is_file else passed_over(f.rel, ()))
        if kind is None and f.rel in meta:
            kind = DATASET_META
        if kind is None:
            kept.append(f)
        else:
            left[kind] += 1
    return kept, left


def check(patterns: Iterable[str]) -> list[str]:
    """The patterns as given, or ValueError naming one that can leave out nothing or everything."""
    out = []
    for p in patterns:
        if not isinstance(p, str):
            raise ValueError(f"exclude patterns must be strings (globs), got {p!r}")
        if not _pattern(p).strip("/*"):
            raise ValueError(f"exclude pattern {p!r} leaves out nothing or every file")
        out.append(p)
    return out
