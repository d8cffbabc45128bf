"""Round 7's leftovers (docs/INGEST.md "Round 7's leftovers"): a spurious `empty` row for a large
archive whose first part held only passed-over members, a tar gzipped under a plain `.gz` name, and
records whose text is only in an HTML field."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from tests.ingest.corpus_builders import ARTICLES, bbc_story
from tests.ingest.test_hostile_round7 import _parts_match_whole


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.stat().st_size, None, rel=path.name), limits)


def _stories(n: int) -> dict[str, str]:
    return {
        f"news/{i:03d}.txt": bbc_story(f"{ARTICLES[i % 4][0]} ({i})", ARTICLES[i % 4][1]) for i in range(n)
    }


# Passed over: a hidden editor folder's files, large enough to fill the first part on their own.
_HIDDEN = {f".cache/scratch-{i}.txt": "scratch notes, not a story " * 400 for i in range(4)}


def _tar(path: Path, files: dict[str, str]) -> None:
    with tarfile.open(path, "w") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1_700_000_000
            tar.addfile(info, io.BytesIO(data))


# --- 1. No reject row for what is not lost --------------------------------------------------------


@pytest.mark.parametrize("kind", ["tar", "zip"])
def test_a_first_part_of_only_passed_over_members_writes_no_row(tmp_path, kind):
    """Parts are read apart: the first part, holding only hidden files, said "an archive with no
    file to read" though its later parts held 12 stories."""
    files = {**_HIDDEN, **_stories(12)}
    path = tmp_path / f"news.{kind}"
    if kind == "tar":
        _tar(path, files)
    else:
        with zipfile.ZipFile(path, "w") as z:
            for name, text in files.items():
                z.writestr(name, text)
    cut = _parts_match_whole(path)
    assert len(cut) >= 3
    first = ingest.read_input(cut[0])
    assert not first.docs and not first.rejects and first.skipped["hidden file"] >= 1
    whole = _read(path)
    assert len(whole.docs) == 12 and not whole.rejects


def test_an_archive_of_only_passed_over_members_in_parts_still_says_so(tmp_path):
    path = tmp_path / "drafts.tar"
    _tar(path, {**_HIDDEN, **{f"drafts/{k}": v for k, v in _stories(6).items()}})
    limits = IngestLimits(exclude=("drafts",))
    cut = splitting.split_parts(InputFile(str(path), path.stat().st_size, None, rel=path.name), 8192)
    assert len(cut) >= 3
    got = [ingest.read_input(p, limits) for p in cut]
    rows = [(r.reason, r.detail) for res in got for r in res.rejects]
    assert not any(res.docs for res in got)
    # one row, the first part's, naming what that part held (the parts are read apart)
    assert rows == [(codes.EMPTY, "an archive with no file to read (it holds 1 hidden file)")]
    # the later parts' members are counted where they are read
    assert sum(res.skipped["excluded (--exclude)"] for res in got) == 6


def test_a_refused_member_in_a_later_part_is_the_archives_row(tmp_path):
    """A later part that only refuses (an unsafe name) writes that row: the first part says nothing."""
    path = tmp_path / "news.tar"
    _tar(path, {**_HIDDEN, "../../etc/evil.txt": "x" * 9000})
    cut = splitting.split_parts(InputFile(str(path), path.stat().st_size, None, rel=path.name), 8192)
    got = [ingest.read_input(p) for p in cut]
    assert [r.reason for res in got for r in res.rejects] == [codes.UNSAFE_MEMBER]


# --- 2. A tar gzipped under a plain .gz name ------------------------------------------------------


def _tar_bytes(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, text in files.items():
            data = text if isinstance(text, bytes) else text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1_700_000_000
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_a_tar_gzipped_under_a_plain_gz_name_is_read_as_the_tar_it_is(tmp_path):
    """`corpus.gz` holding a tar was unsupported_format ("gzip of a 'no extension' file")."""
    stories = _stories(5)
    raw = _tar_bytes({**stories, "news/.DS_Store": "x"})
    as_tgz = tmp_path / "corpus.tar.gz"
    as_tgz.write_bytes(gzip.compress(raw, mtime=0))
    for name, data in (("corpus.gz", gzip.compress(raw, mtime=0)), ("corpus", raw), ("corpus.dat", raw)):
        path = tmp_path / name
        path.write_bytes(data)
        res = _read(path)
        assert [(d.record_key, d.text) for d in res.docs] == [
            (d.record_key, d.text) for d in _read(as_tgz).docs
        ]
        assert [d.record_key for d in res.docs] == sorted(stories)
        assert not res.rejects and res.skipped["hidden file"] == 1
        assert ingest.reader_takes(InputFile(str(path), path.stat().st_size, None, rel=name))
    # the content decides only where the name selects no reader: a tar saved as .txt is no text
    (tmp_path / "corpus.txt").write_bytes(raw)
    [rej] = _read(tmp_path / "corpus.txt").rejects
    assert rej.reason == codes.BINARY
    # a gzip of text under a plain .gz name stays what it was
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"Some notes about the corpus.\n" * 40))
    [rej] = _read(tmp_path / "notes.gz").rejects
    assert rej.reason == codes.UNSUPPORTED_FORMAT


def test_a_tar_under_a_plain_gz_name_keeps_the_archive_limits(tmp_path):
    """A bomb under `corpus.gz` stops at the archive's budget, as under `corpus.tar.gz`."""
    raw = _tar_bytes({f"part-{i:02d}.txt": "A" * 900_000 for i in range(30)})  # 27 MB of one letter
    path = tmp_path / "corpus.gz"
    path.write_bytes(gzip.compress(raw, mtime=0))
    res = _read(path, IngestLimits(max_file_bytes=1_000_000, max_gzip_ratio=100))
    assert res.rejects[-1].reason == codes.TOO_LARGE
    assert len(res.docs) + len(res.rejects) < 30


def test_a_large_tar_under_a_plain_gz_name_is_read_in_parts(tmp_path):
    stories = _stories(40)
    path = tmp_path / "corpus.gz"
    path.write_bytes(gzip.compress(_tar_bytes(stories), mtime=0))
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    cut = splitting.split_gzip_parts(inp, 8192, IngestLimits(), tmp_path / "spool")
    assert len(cut) >= 4 and all(p.is_part for p in cut)
    got = [ingest.read_input(p) for p in cut]
    assert [d.record_key for r in got for d in r.docs] == sorted(stories)
    assert not any(r.rejects for r in got)


def test_a_tar_under_a_gz_name_inside_an_archive_is_a_level_of_nesting(tmp_path):
    inner = gzip.compress(_tar_bytes(_stories(2)), mtime=0)
    deep = gzip.compress(_tar_bytes({"deeper/x.gz": inner}), mtime=0)
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("one/corpus.gz", inner)
        z.writestr("two/corpus.gz", deep)
    res = _read(path)
    assert sorted(d.record_key for d in res.docs) == [f"one/corpus.gz!{k}" for k in sorted(_stories(2))]
    assert [(r.record_key, r.reason) for r in res.rejects] == [
        ("two/corpus.gz!deeper/x.gz", codes.NESTED_ARCHIVE)
    ]


# --- 3. Text only in an HTML field ----------------------------------------------------------------

_PARAS = [
    "The city council approved the transport budget on Tuesday after a debate that ran past midnight.",
    "Councillor Ann Reed said the new bus lanes would open in the spring, subject to a final survey.",
    "Opposition members asked for the cost of the scheme to be published before any contract is signed.",
]
_BODY = "\n\n".join(_PARAS)
_PAGE = (
    "<html><head><title>Council backs budget</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
    "<article><h1>Council backs budget</h1>" + "".join(f"<p>{p}</p>" for p in _PARAS) + "</article>"
    '<footer><a href="/privacy">Privacy</a> Copyright 2024 Example News</footer></body></html>'
)


def _texts(res: ingest.IngestResult) -> dict[str, str]:
    assert not res.rejects, [(r.record_key, r.reason, r.detail) for r in res.rejects]
    return {d.record_key: d.text for d in res.docs}


def _is_the_story(text: str) -> None:
    assert "<" not in text and "Home" not in text and "Privacy" not in text, text
    for p in _PARAS:
        assert p in " ".join(text.split()), text


@pytest.mark.parametrize("field", ["body_html", "content_html", "html", "article_html"])
def test_a_record_whose_text_is_only_in_an_html_field_is_its_main_text(tmp_path, field):
    """Such a record was missing_text ("no 'text' field or alias with a string (fields: id, body_html)")."""
    rows = [{"id": "r1", "title": "Council backs budget", field: _PAGE}]
    (tmp_path / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "n.json").write_text(json.dumps({"articles": rows}))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "n.parquet")
    with (tmp_path / "n.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    for name in ("n.jsonl", "n.json", "n.parquet", "n.csv"):
        [(key, text)] = _texts(_read(tmp_path / name)).items()
        assert key == "r1"
        _is_the_story(text)


def test_html_field_aliases_come_after_the_plain_ones_in_a_stated_order(tmp_path):
    rows = [
        {"id": "plain", "body": _BODY, "body_html": "<p>Other text from the HTML field.</p>" * 3},
        {"id": "order", "html": "<p>The whole page's text, which loses.</p>" * 3, "article_html": _PAGE},
        {"id": "entities", "body_html": "Tom &amp; Jerry &lt;3 the council&#39;s budget, said the mayor."},
    ]
    (tmp_path / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    got = _texts(_read(tmp_path / "n.jsonl"))
    assert got["plain"] == _BODY
    _is_the_story(got["order"])
    assert got["entities"] == "Tom & Jerry <3 the council's budget, said the mayor."
    # a configured field named as HTML is read as HTML too
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "page": {"body_html": _PAGE}}) + "\n")
    _is_the_story(_texts(_read(tmp_path / "c.jsonl", IngestLimits(text_field="page.body_html")))["c"])


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="story">{}</div>',  # one wrapper element: one tag of the two is_markup wanted
        "<span>{} &amp; more</span>",
        '<img src="/photo.jpg" alt="">{}',
    ],
)
def test_a_content_field_opening_with_an_element_is_not_a_document_of_tags(tmp_path, markup):
    """A `content`/`body` with one wrapper element was a document of its tags."""
    (tmp_path / "n.jsonl").write_text(json.dumps({"id": "m", "content": markup.format(_BODY)}) + "\n")
    [text] = _texts(_read(tmp_path / "n.jsonl")).values()
    assert "<" not in text and "&amp;" not in text
    assert _PARAS[0] in " ".join(text.split())


def test_prose_that_mentions_a_tag_stays_text(tmp_path):
    body = "Editors were told to wrap quotes in a <blockquote> tag. " + _BODY
    (tmp_path / "n.jsonl").write_text(json.dumps({"id": "t", "body": body}) + "\n")
    assert _texts(_read(tmp_path / "n.jsonl"))["t"] == body


def test_a_parquet_file_with_a_text_and_a_page_column_reads_only_the_text(tmp_path):
    """The page column (often ten times the text) is not read when a plain text column is there."""
    pq.write_table(pa.table({"id": ["p"], "html": [_PAGE], "text": [_BODY]}), tmp_path / "n.parquet")
    res = _read(tmp_path / "n.parquet")
    assert _texts(res) == {"p": _BODY}
    assert res.docs[0].raw_bytes < len(_PAGE)  # the row as read: no page in it


# --- 4. An mbox larger than a batch ---------------------------------------------------------------


def _mbox(n: int) -> bytes:
    out = []
    for i in range(n):
        title, paras = ARTICLES[i % 4]
        mid = f"<{i}@lists.example.org>" if i % 3 else None  # every third message has no Message-ID
        body = "\n\n".join(paras) + "\n\nFrom the desk of the editor, as every week.\n"
        if i % 5 == 0:  # mboxrd escaping of a body line that opens with From
            body += ">From here the list goes quiet until Monday.\n"
        headers = [
            f"From: Reporter {i} <r{i}@example.org>",
            f"Subject: {title} ({i})",
            "Date: Tue, 4 Jun 2024 10:00:00 +0000",
        ]
        if mid:
            headers.append(f"Message-ID: {mid}")
        if i % 7 == 3:  # a cp1252 message among UTF-8 ones: its part names the charset
            headers.append("Content-Type: text/plain; charset=windows-1252")
            body = body.replace("profit", "profit \u00e0 la carte")
        charset = "cp1252" if i % 7 == 3 else "utf-8"
        out.append(f"From r{i}@example.org Tue Jun  4 10:00:00 2024\n".encode())
        out.append(("\n".join(headers) + "\n\n" + body + "\n").encode(charset))
    return b"".join(out)


@pytest.mark.parametrize("name", ["list.mbox", "list-2024-06"])
def test_an_mbox_larger_than_a_batch_is_read_in_parts_as_whole(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_mbox(60))
    cut = _parts_match_whole(path)
    assert len(cut) >= 4 and all(p.is_part for p in cut)
    whole = _read(path)
    assert len(whole.docs) == 60 and not whole.rejects
    assert {d.record_key for d in whole.docs} >= {"message:1", "<1@lists.example.org>"}


def test_an_mbox_over_the_file_limit_is_read_in_parts(tmp_path):
    """An mbox over max_file_bytes was one too_large reject for all its messages."""
    path = tmp_path / "list.mbox"
    path.write_bytes(_mbox(60))
    limits = IngestLimits(max_file_bytes=20_000)  # the file is ~40 KB
    [rej] = _read(path, limits).rejects
    assert rej.reason == codes.TOO_LARGE  # read whole
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    got = [ingest.read_input(p, limits) for p in splitting.split_parts(inp, 10_000)]
    assert sum(len(r.docs) for r in got) == 60 and not any(r.rejects for r in got)


def test_one_message_is_never_cut(tmp_path):
    path = tmp_path / "one.eml"
    path.write_bytes(_mbox(1).split(b"\n", 1)[1] + b"\n".join([b"More of the same story."] * 900))
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    assert splitting.split_parts(inp, 8192) == [inp]


@pytest.mark.parametrize("name", ["list.mbox.gz", "list-2024-06.gz"])
def test_a_gzipped_mbox_larger_than_a_batch_is_spooled_and_read_in_parts(tmp_path, name):
    plain = tmp_path / "list.mbox"
    plain.write_bytes(_mbox(60))
    path = tmp_path / name
    path.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    cut = splitting.split_gzip_parts(inp, 8192, IngestLimits(), tmp_path / "spool")
    assert len(cut) >= 4 and all(p.is_part for p in cut)
    got = [ingest.read_input(p) for p in cut]
    assert [(d.record_key, d.text) for r in got for d in r.docs] == [
        (d.record_key, d.text) for d in _read(plain).docs
    ]
    assert not any(r.rejects for r in got)
