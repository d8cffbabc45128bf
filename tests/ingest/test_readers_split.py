"""The readers split out of ``factsieve.ingest.read`` (docs/INGEST.md "Where the reading code lives"):
imports run one way, and the dialect of a ``.sgm`` file is the content sniff's decision."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from tests.ingest.test_public_formats import AP

READERS = sorted(
    p.stem for p in (Path(ingest.__file__).parent / "readers").glob("*.py") if p.stem != "__init__"
)


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.stat().st_size, None, rel=path.name), limits)


def test_no_reader_imports_the_dispatcher():
    """Each reader module loads without ``read`` or ``parts``: the dispatcher imports the readers,
    never the reverse (a fresh interpreter per module, so one module's imports do not hide another's)."""
    assert len(READERS) >= 12
    for name in READERS:
        code = (
            f"import sys, factsieve.ingest.readers.{name}; "
            "print(sorted(m for m in ('factsieve.ingest.read', 'factsieve.ingest.parts') if m in sys.modules))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "[]", (name, out.stdout)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_trec_sgml_under_a_sgm_name_is_read_as_trec(tmp_path, bom):
    path = tmp_path / "ap880212.sgm"
    path.write_bytes(bom + AP.encode())
    res = _read(path)
    assert res.docs and all(d.format == "trec" for d in res.docs)
    assert ingest.input_format(InputFile(str(path), path.stat().st_size, None, rel=path.name)) == "trec"


def test_a_large_trec_file_under_a_sgm_name_is_cut_at_its_docs(tmp_path):
    """Before, a .sgm was cut at <REUTERS> starts only: a TREC one was read whole (within max_file_bytes)."""
    path = tmp_path / "ap.sgm"
    path.write_text(AP * 40)
    whole = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    cut = splitting.split_parts(whole, 4096)
    assert len(cut) > 2
    got = []
    taken: set[str] = set()
    for part in cut:
        r = ingest.read_input(part, IngestLimits(), taken)
        taken |= r.keys or set()
        got += [(d.record_key, d.text) for d in r.docs]
    one = _read(path)
    assert got == [(d.record_key, d.text) for d in one.docs]


def test_sgml_that_is_neither_dialect_is_still_unsupported_xml(tmp_path):
    path = tmp_path / "notes.sgm"
    path.write_text("<!DOCTYPE notes>\n<NOTE>Buy milk.</NOTE>\n")
    [rej] = _read(path).rejects
    assert rej.reason == codes.UNSUPPORTED_XML and "no <REUTERS> element" in rej.detail
