"""A folder run before a release could read its public-corpus files (a TREC file with no
extension: ``unsupported_format``; an NITF ``.xml``: ``unsupported_xml``) is read again once the
release reads them, with no ``--reprocess``; an SVG that is still no news stays unchanged."""

from __future__ import annotations

import pandas as pd

from tests.ingest.test_public_formats import AP, NITF


def test_files_a_release_now_reads_by_content_are_read_again(prefect_harness, tmp_path, monkeypatch):
    from factsieve.config import RunConfig
    from factsieve.ingest import news_xml, read
    from flows.curate import curate

    raw = tmp_path / "raw"
    (raw / "AP").mkdir(parents=True)
    (raw / "AP" / "AP880212").write_text(AP)
    (raw / "nyt").mkdir()
    (raw / "nyt" / "0004217.xml").write_text(NITF)
    (raw / "story.txt").write_text(  # a run must keep a document
        "Port traffic rose 12 percent in the first quarter, the port authority said on Monday.\n"
    )
    (raw / "logo.xml").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    out, cfg = tmp_path / "out", RunConfig(workers=1)  # one process: the patches hold
    with monkeypatch.context() as m:  # a release before sniffing and news XML
        m.setattr(read, "corpus_format", lambda head: None)
        m.setattr(news_xml, "is_news_root", lambda head: False)
        m.setattr(news_xml, "ROOTS", ())
        m.setattr(
            read,
            "_read_news_xml",
            lambda inp, limits: read._file_reject(inp, "feed", "unsupported_xml", "root <nitf>", inp.size),
        )
        assert curate(raw=str(raw), out=str(out), config=cfg)["status"] == "succeeded"
    before = pd.read_parquet(out / "latest" / "rejects")
    assert sorted(before["reason"]) == ["unsupported_format", "unsupported_xml", "unsupported_xml"]

    again = curate(raw=str(raw), out=str(out), config=cfg)
    assert (again["changed_files"], again["unchanged_files"]) == (2, 2)  # the SVG is not read again
    docs = pd.read_parquet(out / "latest" / "documents")
    rejects = pd.read_parquet(out / "latest" / "rejects")
    assert sorted(docs["format"]) == ["newsxml", "text", "trec", "trec"]
    assert sorted(rejects["reason"]) == ["no_body", "unsupported_xml"]
    assert curate(raw=str(raw), out=str(out), config=cfg)["status"] == "unchanged"
