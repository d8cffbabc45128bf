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
JOB_MARKER = "job marker (Spark, Hadoop)"
SYSTEM_LEFTOVER = "Office lock file or Windows Zone.Identifier"
PAGE_ASSETS = "saved page's assets (NAME_files/)"

# A corpus's own documentation: BBC's README.TXT, Reuters-21578's README.txt, a LICENSE or COPYING
# file in any dataset. They describe the corpus and are no story of it; read as documents they
# were the odd document out (BBC: 2,226 documents, one the README). Only these four names (any
# case), bare or as .txt/.md/.rst/.text: a story saved as notes.txt or news-readme-2024.txt is
# read, and a README any reader would take for a document is still counted where the run is read.
_CORPUS_DOC = re.compile(r"(?i)(readme|read\.me|licen[cs]e|copying)(\.(txt|md|rst|text))?")


# What Spark and Hadoop write beside the part files of a job's output folder: the empty ``_SUCCESS``
# flag, Databricks' ``_started_<id>``/``_committed_<id>`` transaction files, Parquet's summary
# ``_metadata``/``_common_metadata`` (a footer, no rows). Each was an unsupported_format (or a
# corrupt_file) reject in every folder a Spark job wrote (round 10). Their ``.crc`` checksums are
# hidden files already.
_JOB_MARKER = re.compile(r"_SUCCESS|_started_\w+|_committed_\w+|_common_metadata|_metadata")


# Files a desktop leaves beside documents (round 10): Office's owner/lock file ``~$report.docx`` (a
# few bytes naming who has it open: read as a Word document it was a named reject), and the
# ``story.txt:Zone.Identifier`` files Windows' download marks become when copied to Linux (WSL,
# Samba). Neither holds anything of the document it names.
_SYSTEM_LEFTOVER = re.compile(r"~\$.*|.*:Zone\.Identifier")


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


# "Save Page As… Web Page, complete" (every browser) writes story.html and a story_files/ folder of
# its scripts, styles, images and frames (Chrome names scripts x.js.download). Each asset was its own
# unsupported_format (or a page of its own: an ad frame's .html) reject beside the one page read
# (round 10). Only in a folder named after an .html/.htm file beside it.
_ASSETS_DIR = re.compile(r"(.+)_files")


def page_assets(paths: list[str]) -> set[str]:
    """The paths of ``paths`` inside a saved page's ``NAME_files/`` folder whose ``NAME.html`` (or
    ``.htm``) is among ``paths`` too."""
    present = set(paths)
    out = set()
    for path in paths:
        parts = path.split("/")
        for depth in range(len(parts) - 1):
            m = _ASSETS_DIR.fullmatch(parts[depth])
            here = "/".join(parts[:depth])
            stem = f"{here}/{m.group(1)}" if m and here else (m.group(1) if m else "")
            if m and (f"{stem}.html" in present or f"{stem}.htm" in present):
                out.add(path)
                break
    return out


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
    name = posixpath.basename(path.replace("\\", "/").rstrip("/"))
    if _CORPUS_DOC.fullmatch(name):
        return CORPUS_DOC
    if _JOB_MARKER.fullmatch(name):
        return JOB_MARKER
    return SYSTEM_LEFTOVER if _SYSTEM_LEFTOVER.fullmatch(name) else None


def split(
    files: list[InputFile], patterns: Iterable[str], raw_is_file: bool
) -> tuple[list[InputFile], Counter]:
    """``files`` (discovered under RAW) without those left out, and the count of those by kind. A
    RAW that is one file is read whatever its name, unless a pattern leaves it out: it was named."""
    kept: list[InputFile] = []
    left: Counter[str] = Counter()
    meta = set() if raw_is_file else _dataset_meta(files)
    assets = set() if raw_is_file else page_assets([f.rel for f in files])
    for f in files:
        kind = EXCLUDED if matches(f.rel, patterns) else (None if raw_is_file else passed_over(f.rel, ()))
        if kind is None and f.rel in meta:
            kind = DATASET_META
        if kind is None and f.rel in assets:
            kind = PAGE_ASSETS
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
