"""SGML corpora: Reuters-21578 ``<REUTERS>`` elements (``factsieve.ingest.reuters_sgml``) and TREC/Gigaword
``<DOC>`` elements (``factsieve.ingest.trec_sgml``), one record per element. Which dialect a file is
the dispatcher decides from its content (``sniff.corpus_format``), whatever its name."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from factsieve.ingest import (
    reuters_sgml,
    trec_sgml,
)
from factsieve.ingest.readers.base import (
    IngestResult,
    file_reject,
    sample_of,
)
from factsieve.ingest.readers.entries import (
    FIXED_FIELDS,
    read_records,
    rejected_by_id,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    MALFORMED_XML,
    NO_BODY,
    NOT_A_STORY,
    UNSUPPORTED_XML,
)

log = logging.getLogger(__name__)


# An element as a dialect's parser gives it: (its number in the file, its source text, its record
# without empty fields, why it is no document or None)
Element = tuple[int, str, dict, tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class Dialect:
    """How one SGML dialect is read; ``read`` has the signature of every byte reader, so the
    dispatcher's tables hold ``REUTERS.read`` and ``TREC.read``. A part (``parts._split_sgml``,
    ``_split_trec``) starts at an element; ``first_line`` is its number."""

    fmt: str  # the documents' format column
    unit: str  # what an element is called in keys (``element:3``) and details
    elements: Callable[[str, int], Iterator[Element]]
    none_found: str  # the detail of a file with no element: an ``unsupported_xml`` reject

    def read(
        self,
        inp: InputFile,
        data: bytes,
        body: str,
        enc: str,
        limits: IngestLimits,
        fmt: str,
        taken: set[str] | None = None,
    ) -> IngestResult:
        """One document or reject per element, keyed by its id when it has one (NEWID, DOCNO);
        ``fmt`` is the dispatcher's and not used: the dialect names the format."""
        entries = []
        for position, source, rec, problem in self.elements(body, inp.first_line if inp.is_part else 1):
            key = rejected_by_id(rec, problem, f"{self.unit}:{position}")
            entries.append((key, position, source, rec, problem))
        if not entries:
            return file_reject(inp, self.fmt, UNSUPPORTED_XML, self.none_found, len(data), sample_of(body))
        return read_records(
            inp, entries, enc, replace(limits, **FIXED_FIELDS), self.fmt, taken, unit=self.unit
        )


def _reuters_elements(body: str, first: int) -> Iterator[Element]:
    """Reuters-21578's ``<REUTERS>`` elements (``factsieve.ingest.reuters_sgml``), keyed by NEWID; one
    without a body (a BRIEF: headline only) is a ``no_body`` reject."""
    for art in reuters_sgml.articles(body, first):
        rec = {k: v for k, v in art.record.items() if v is not None}
        problem = None
        if art.record["text"] is None:
            title = visible(art.record["title"] or "")[:80]
            problem = (NO_BODY, f"NEWID {art.newid or '?'} ({art.kind}): no <BODY>, a headline only: {title}")
        yield art.position, art.source, rec, problem


# Gigaword's <DOC type=…> values other than "story", as a reject's detail says them.
_NOT_STORIES = {
    "advis": "an advisory to editors",
    "multi": "several briefs in one element",
    "other": "a list, table or schedule",
}


def _trec_problem(doc: trec_sgml.Doc) -> tuple[str, str] | None:
    name = doc.docno or f"<DOC> {doc.position}"
    title = visible(doc.record["title"] or "")[:80]
    if doc.cut:
        return (
            MALFORMED_XML,
            f"the file ends inside {name} (no </DOC>: a truncated download); not read as a shorter story",
        )
    if doc.kind and doc.kind != "story":
        what = _NOT_STORIES.get(doc.kind, "not a story")
        return NOT_A_STORY, f'{name} type="{doc.kind}": {what}, not a story: {title}'
    if doc.record["text"] is None:
        return NO_BODY, f"{name}: no <TEXT>, a headline only: {title}"
    return None


def _trec_elements(body: str, first: int) -> Iterator[Element]:
    """The ``<DOC>`` elements of a TREC-disk or Gigaword file (``factsieve.ingest.trec_sgml``), keyed by
    DOCNO or id. Rejects: a Gigaword ``type`` other than ``story`` (``not_a_story``), no ``<TEXT>``
    (``no_body``), a ``<DOC>`` the file ends inside (``malformed_xml``)."""
    for doc in trec_sgml.docs(body, first):
        yield (
            doc.position,
            doc.source,
            {k: v for k, v in doc.record.items() if v is not None},
            _trec_problem(doc),
        )


REUTERS = Dialect(
    "sgml",
    "element",
    _reuters_elements,
    "no <REUTERS> element: only the Reuters-21578 and TREC <DOC> layouts of SGML are read",
)
TREC = Dialect("trec", "doc", _trec_elements, "no <DOC> element: not TREC or Gigaword SGML")
read_sgml = REUTERS.read
read_trec = TREC.read
