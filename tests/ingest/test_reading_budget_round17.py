"""Round 17: the reading budget finds an archive as the reader does (``read.archive_kind``), not by
its name alone: a tar saved under a name no reader takes was budgeted as plain bytes, 20 times less
than the same tar named ``.tar``, though its members are read within that one budget."""

from __future__ import annotations

import io
import tarfile

from factsieve.batch.pipeline import _input_chars
from factsieve.ingest.sources import discover

STORY = b"The council approved its budget on Tuesday, raising spending on schools by four percent.\n"


def _tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for i in range(3):
            info = tarfile.TarInfo(f"news/story{i}.txt")
            info.size = len(STORY)
            tar.addfile(info, io.BytesIO(STORY))
    return buf.getvalue()


def test_an_archive_is_budgeted_as_one_by_its_content_too(tmp_path):
    (tmp_path / "wire.tar").write_bytes(_tar())
    (tmp_path / "wire.dat").write_bytes(_tar())  # a tar under a name no reader takes
    (tmp_path / "story.txt").write_bytes(STORY)
    (tmp_path / "story.txt.gz").write_bytes(STORY)  # by its suffix, as the part planner does
    chars = {f.rel: _input_chars(f) // f.size for f in discover(tmp_path)}
    assert chars == {"wire.tar": 20, "wire.dat": 20, "story.txt": 1, "story.txt.gz": 20}
