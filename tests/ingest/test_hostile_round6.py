"""Hostile input, round 6 (docs/INGEST.md): what round 5 left (files over the size limit hashed whole,
passed-over archive members and WARC records only logged, a tar read whole, a UTF-16 export appended
to a UTF-8 CSV or text) and the classes the round-6 probe of `factsieve run` found wrong."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from factsieve import vocabulary as codes
from factsieve.batch.pipeline import process_batch
from factsieve.ingest import manifest, sources
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile, discover
from factsieve.params import IngestLimits
from tests.ingest.corpus_builders import ARTICLES, bbc_story
from tests.ingest.test_hostile_round4 import NOW, STORY

LIMIT = IngestLimits(max_file_bytes=64 * 1024)


# --- 1. A file rejected for its size is not hashed -------------------------------------------------


class Runs:
    """Manifest parts committed as the flow commits them (plan under the run's limits, then table),
    counting the files each plan reads whole to hash."""

    def __init__(self, out: Path, raw: Path, monkeypatch, limits: IngestLimits = LIMIT):
        self.out, self.raw, self.limits, self.committed, self.hashed = out, raw, limits, [], []
        real = manifest.content_hash

        def counting(inp):
            self.hashed.append(inp.name)
            return real(inp)

        monkeypatch.setattr(manifest, "content_hash", counting)
        monkeypatch.setattr(sources, "_RACY_NS", 0)  # trust a ctime at once: files change right after a run

    def plan(self) -> manifest.Plan:
        self.hashed.clear()
        return manifest.plan(
            discover(self.raw), manifest.load(self.out, self.committed), settings=self.limits
        )

    def commit(self, p: manifest.Plan) -> None:
        import pyarrow.parquet as pq

        run_id = f"run-{len(self.committed) + 1}"
        t = manifest.table(p.to_process, p.hashes, run_id, p.removed, self.limits, p.refreshed)
        root = manifest.manifest_root(self.out)
        root.mkdir(parents=True, exist_ok=True)
        pq.write_table(t, root / f"part-{run_id}.parquet")
        self.committed.append(run_id)


def _csv_rows(n: int) -> str:
    return "id,text\n" + "".join(f'{i},"{STORY} Row {i}."\n' for i in range(n))


@pytest.fixture
def big(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("zeros.csv", "zeros.parquet", "zeros.xml"):  # sparse preallocated downloads: NULs
        with open(raw / name, "wb") as fh:
            fh.truncate(200_000)
    (raw / "huge.txt").write_text(STORY * 1000)  # 150 KB of text: read whole, so rejected unread
    (raw / "rows.csv").write_text(_csv_rows(1000))  # 150 KB of UTF-8 CSV: cut into parts and read
    (raw / "small.txt").write_text(STORY)
    return raw


def test_a_file_rejected_for_its_size_is_not_hashed_but_one_read_in_parts_is(tmp_path, big, monkeypatch):
    runs = Runs(tmp_path / "out", big, monkeypatch)
    p = runs.plan()
    assert sorted(runs.hashed) == ["rows.csv", "small.txt"]
    assert {n: p.hashes[str(big / n)].startswith("unread:") for n in ("zeros.csv", "huge.txt")} == {
        "zeros.csv": True,
        "huge.txt": True,
    }
    # what the plan assumed is what reading says: too_large unread, the CSV cut into parts and read
    found = {f.name: f for f in discover(big)}
    for name, reason in (
        ("zeros.csv", codes.TOO_LARGE),
        ("huge.txt", codes.TOO_LARGE),
        ("zeros.parquet", codes.CORRUPT_FILE),
        ("zeros.xml", codes.BINARY),
    ):
        assert [r.reason for r in ingest.read_input(found[name], LIMIT).rejects] == [reason]
    cut = splitting.split_parts(found["rows.csv"], 16 * 1024, LIMIT.max_record_chars)
    assert len(cut) > 1 and sum(len(ingest.read_input(c, LIMIT).docs) for c in cut) == 1000
    runs.commit(p)
    again = runs.plan()
    assert (again.to_process, runs.hashed) == ([], [])


def test_an_oversized_file_is_read_again_when_its_size_or_head_changes(tmp_path, big, monkeypatch):
    runs = Runs(tmp_path / "out", big, monkeypatch)
    runs.commit(runs.plan())
    # an edit past the head that keeps the size: the same too_large reject, so unchanged (refreshed)
    with open(big / "huge.txt", "r+b") as fh:
        fh.seek(100_000)
        fh.write(b"EDITED")
    p = runs.plan()
    assert (p.to_process, runs.hashed, [f.name for f, _ in p.refreshed]) == ([], [], ["huge.txt"])
    runs.commit(p)
    # the zeroed download filled in at the same size: now a UTF-8 CSV the run cuts and reads
    data = _csv_rows(2000).encode()[:200_000]
    (big / "zeros.csv").write_bytes(data[: data.rfind(b"\n") + 1].ljust(200_000, b" "))
    # the text cut under the limit: read
    (big / "huge.txt").write_text(STORY * 10)
    p = runs.plan()
    assert {f.name: p.reasons[f.uri] for f in p.changed} == {
        "zeros.csv": manifest.CONTENT_CHANGED,
        "huge.txt": manifest.CONTENT_CHANGED,
    }
    assert not p.hashes[str(big / "zeros.csv")].startswith("unread:")  # it will be read
    runs.commit(p)
    # a limit raised over the file: read under the new settings
    runs.limits = IngestLimits(max_file_bytes=1 << 20)
    p = runs.plan()
    assert sorted(f.name for f in p.changed) == [
        "huge.txt",
        "rows.csv",
        "small.txt",
        "zeros.csv",
        "zeros.parquet",
        "zeros.xml",
    ]
    assert set(p.reasons.values()) == {manifest.SETTINGS_CHANGED}


def test_which_oversized_files_are_decided_unread(tmp_path):
    """What the manifest may leave unhashed: exactly the files whose outcome their name, size, head
    and tail decide, each checked against what reading them gives."""
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.jsonl.gz").write_bytes(gzip.compress(os.urandom(100_000), 0))  # spooled: content decides
    (raw / "b.txt.gz").write_bytes(gzip.compress(os.urandom(100_000), 0))  # a .txt.gz is read whole
    (raw / "c.parquet").write_bytes(b"\0" * 100_000)  # no footer: corrupt_file
    texts = [f"{STORY} {i} {os.urandom(40).hex()}" for i in range(1000)]
    pq.write_table(pa.table({"text": texts}), raw / "d.parquet", compression="none")  # read by row groups
    (raw / "e.jsonl").write_text(f'{{"text": "{STORY}"}}\n' * 1000)  # UTF-8 lines: may be cut and read
    (raw / "f.jsonl").write_text(_csv_rows(1000))  # its first line is no JSON: read whole, so too_large
    (raw / "g.xml").write_bytes(b"\0" * 100_000)  # a zeroed feed: binary
    items = "".join(f"<item><guid>{i}</guid><description>{STORY}</description></item>" for i in range(500))
    (raw / "h.rss").write_text(f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>')  # read
    got, outcome = {}, {}
    for f in discover(raw):
        data = f.read_bytes()
        assert f.size > LIMIT.max_file_bytes
        got[f.name] = splitting.rejected_unread(f, LIMIT.max_file_bytes, data[:8192], data[-8192:])
        cut = splitting.split_gzip_parts(f, 16 * 1024, LIMIT, tmp_path / "spool")
        cut = [p for c in cut for p in splitting.split_parts(c, 16 * 1024, LIMIT.max_record_chars)]
        found = [ingest.read_input(c, LIMIT) for c in cut]
        outcome[f.name] = not any(r.docs for r in found) and len(cut) == 1 and len(found[0].rejects) == 1
    assert got == {
        "a.jsonl.gz": False,
        "b.txt.gz": True,
        "c.parquet": True,
        "d.parquet": False,
        "e.jsonl": False,
        "f.jsonl": True,
        "g.xml": True,
        "h.rss": False,
    }
    assert {n for n, v in got.items() if v} <= {n for n, v in outcome.items() if v}  # never a file read


# --- 2. What ingest passes over is counted in the batch (the runs table's stage_counts) ---------


def test_passed_over_members_and_records_are_counted_in_the_batch(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    with tarfile.open(raw / "news.tar", "w") as tar:
        for name, data in (
            ("news/", None),
            ("news/.DS_Store", b"\0\0\0\1Bud1"),
            ("__MACOSX/news/._a.txt", b"\0\5\26\7"),
            ("news/a.txt", STORY.encode()),
        ):
            info = tarfile.TarInfo(name)
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    res = process_batch(discover(raw), "run-1", NOW)
    assert res.passed_over == {"folder": 1, "hidden file": 1, "__MACOSX/ resource fork": 1}
    assert len(res.documents) == 1 and res.rejects.empty


# --- 3. A tar larger than a batch is read in parts of members --------------------------------------


def _tar(path: Path, mode: str) -> None:
    """A tar of 60 stories of ~1 KB, with what a real one holds besides: folders, a hidden file, a
    JSON Lines member, a link (refused), a long name (a GNU/pax header before the member's own)."""
    with tarfile.open(path, mode, format=tarfile.GNU_FORMAT) as tar:

        def add(name: str, data: bytes | None, kind: bytes = tarfile.REGTYPE) -> None:
            info = tarfile.TarInfo(name)
            info.type, info.mtime = kind, 1_700_000_000
            if kind == tarfile.SYMTYPE:
                info.linkname = "../../etc/passwd"
            if data is None:
                tar.addfile(info)
                return
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))

        for n in range(60):
            topic = ("business", "politics", "tech")[n % 3]
            if n % 20 == 0:
                add(f"bbc/{topic}/", None, tarfile.DIRTYPE)
            title, paragraphs = ARTICLES[n % 4]
            add(f"bbc/{topic}/{n:03d}.txt", bbc_story(f"{title} ({topic} {n})", paragraphs).encode())
            if n == 17:
                add("bbc/.DS_Store", b"\0\0\0\1Bud1")
                add("bbc/link.txt", None, tarfile.SYMTYPE)
                add("bbc/" + "long-" * 40 + "name.txt", bbc_story("A long name", paragraphs).encode())
            if n == 33:
                lines = "".join(f'{{"id": "r{i}", "text": "{STORY} {i}"}}\n' for i in range(5))
                add("bbc/records.jsonl", lines.encode())


@pytest.mark.parametrize(("name", "mode"), [("bbc.tar", "w"), ("bbc.tar.gz", "w:gz"), ("bbc.txz", "w:xz")])
def test_a_tar_larger_than_a_batch_is_read_in_parts_with_the_records_of_a_whole_read(tmp_path, name, mode):
    path = tmp_path / name
    _tar(path, mode)
    inp = InputFile(str(path), path.stat().st_size, None, rel=name)
    whole = ingest.read_input(inp)
    limits = IngestLimits()
    cut = [
        p
        for f in splitting.split_gzip_parts(inp, 8192, limits, tmp_path / "spool")
        for p in splitting.split_parts(f, 8192, limits.max_record_chars)
    ]
    assert len(cut) >= 4 and all(c.is_part for c in cut)
    docs, rejects, skipped = [], [], {}
    for part in cut:
        res = ingest.read_input(part)
        docs += res.docs
        rejects += res.rejects
        for k, v in res.skipped.items():
            skipped[k] = skipped.get(k, 0) + v
    assert len(whole.docs) == 60 + 1 + 5
    assert [(r.record_key, r.reason) for r in whole.rejects] == [("bbc/link.txt", codes.UNSAFE_MEMBER)]
    assert [(d.record_key, d.text, d.published_at) for d in docs] == [
        (d.record_key, d.text, d.published_at) for d in whole.docs
    ]
    assert [(r.record_key, r.reason, r.detail) for r in rejects] == [
        (r.record_key, r.reason, r.detail) for r in whole.rejects
    ]
    assert skipped == dict(whole.skipped) == {"folder": 3, "hidden file": 1}


def test_a_tar_cut_short_reports_the_cut_as_a_whole_read_does(tmp_path):
    path = tmp_path / "cut.tar"
    _tar(path, "w")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3 + 100])
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    whole = ingest.read_input(inp)
    cut = splitting.split_parts(inp, 8192)
    assert len(cut) >= 3
    got = [ingest.read_input(p) for p in cut]
    assert [d.record_key for r in got for d in r.docs] == [d.record_key for d in whole.docs]
    assert [(j.record_key, j.reason) for r in got for j in r.rejects] == [
        (j.record_key, j.reason) for j in whole.rejects
    ]
    assert whole.rejects[-1].reason == codes.BINARY  # the member cut short


# --- 4. A UTF-16 export appended to a UTF-8 CSV or text ------------------------------------------

RUSSIAN = "Городской совет в пятницу утвердил транспортный бюджет, сообщили чиновники."
JAPANESE = "市議会は金曜日に交通予算を承認した。\nバス四十台を来年までに追加する計画だ。\n"


def _read_bytes(tmp_path, name: str, data: bytes) -> ingest.IngestResult:
    path = tmp_path / name
    path.write_bytes(data)
    return ingest.read_input(InputFile(str(path), len(data), None, rel=name))


@pytest.mark.parametrize(
    ("codec", "label"), [("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_a_utf16_export_appended_to_a_utf8_csv_or_text_is_read_block_by_block(tmp_path, codec, label):
    # Before: a `binary` reject ("control bytes found"), or for UTF-16-BE without a BOM a document of
    # CJK-looking garbage (the UTF-8 lines read as UTF-16).
    first = f'id,text\n1,"{STORY}"\n2,"{STORY} Two."\n'
    second = f'id,text\n3,"{RUSSIAN}"\n4,"{STORY} Four."\n'
    res = _read_bytes(tmp_path, "two.csv", first.encode() + second.encode(codec))
    assert [(d.record_key, d.text) for d in res.docs] == [
        ("1", STORY),
        ("2", STORY + " Two."),
        ("3", RUSSIAN),
        ("4", STORY + " Four."),
    ]
    assert {d.encoding for d in res.docs} == {f"utf-8+{label}"} and not res.rejects
    assert res.skipped == {"repeated header row": 1}  # the second export's header: no record
    [doc] = _read_bytes(tmp_path, "two.txt", f"{STORY}\n\n".encode() + f"{RUSSIAN}\n".encode(codec)).docs
    assert (doc.text, doc.encoding) == (f"{STORY}\n\n{RUSSIAN}\n", f"utf-8+{label}")


def test_whole_utf16_texts_and_tables_are_read_as_before(tmp_path):
    # Japanese in UTF-16-LE has lines with no NUL byte that may pass as UTF-8; they hold no space.
    mixed = "Budget approved\nはるかかなたのそらにあるひかり\nThe council met on Friday.\n"
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):
        for text in (JAPANESE, mixed):
            [doc] = _read_bytes(tmp_path, "ja.txt", text.encode(codec)).docs
            assert doc.text == text
        table = f'id,text\n1,"{RUSSIAN}"\n2,"{STORY}"\n'
        res = _read_bytes(tmp_path, "ru.csv", table.encode(codec))
        assert [d.text for d in res.docs] == [RUSSIAN, STORY] and not res.rejects


def test_a_utf8_csv_concatenated_with_its_header_again_gives_no_header_record(tmp_path):
    table = f'id,text\n1,"{STORY}"\n'
    res = _read_bytes(tmp_path, "cat.csv", (table + "\ufeff" + table.replace("1,", "2,")).encode())
    assert [d.record_key for d in res.docs] == ["1", "2"] and not res.rejects
    assert res.skipped == {"repeated header row": 1}


def test_a_csv_larger_than_a_batch_with_a_utf16_tail_gives_no_nul_document(tmp_path):
    # Past the planner's first 8 KB the NULs are not seen, so the file is cut into UTF-8 parts; the
    # UTF-16 export's header row was a document "t\0e\0x\0t" and its rows malformed_csv.
    first = "id,text\n" + "".join(f'{i},"{STORY} {i}."\n' for i in range(300))
    second = "id,text\n" + "".join(f'{i},"{STORY} {i}."\n' for i in range(300, 310))
    path = tmp_path / "big.csv"
    path.write_bytes(first.encode() + second.encode("utf-16-le"))
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    cut = splitting.split_parts(inp, 16 * 1024)
    assert len(cut) > 1
    got = [ingest.read_input(c) for c in cut]
    docs = [d for r in got for d in r.docs]
    rejects = [j for r in got for j in r.rejects]
    assert len(docs) == 300 and not any("\x00" in d.text or "\x00" in d.record_key for d in docs)
    # its header, its 10 rows and the NUL after the last "\n" (UTF-16-LE's "\n\0"), one line each
    assert [j.record_key for j in rejects] == [f"line:{n}" for n in range(302, 314)]
    assert {j.reason for j in rejects} == {codes.BINARY}
    whole = ingest.read_input(inp)  # read whole, every record of both exports
    assert len(whole.docs) == 310 and not whole.rejects


# --- The round-6 probe's findings ----------------------------------------------------------------


def _zip_twice(path: Path) -> None:
    import warnings
    import zipfile

    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as z:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: that is the point
        z.writestr("news/a.txt", bbc_story(*ARTICLES[0]))
        z.writestr("news/a.txt", bbc_story(*ARTICLES[1]))  # `zip -u` / an appended copy
        z.writestr("news/b.jsonl", f'{{"text": "{STORY}"}}\n')
        z.writestr("news/b.jsonl", f'{{"text": "{STORY} Again."}}\n')


def test_a_member_name_repeated_in_an_archive_gets_a_key_of_its_own(tmp_path):
    # Before: two documents keyed "news/a.txt" in one file; the latest view and the changes table
    # match records by (source_uri, record_key).
    _zip_twice(tmp_path / "twice.zip")
    with tarfile.open(tmp_path / "twice.tar", "w") as tar:
        for i in range(3):
            data = bbc_story(*ARTICLES[i]).encode()
            info = tarfile.TarInfo("bbc/same.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    res = process_batch(discover(tmp_path), "run-1", NOW)
    keys = res.documents.groupby("source_uri")["record_key"].apply(list)
    assert keys[str(tmp_path / "twice.zip")] == [
        "news/a.txt",
        "news/a.txt@member:2",
        "news/b.jsonl!line:1",
        "news/b.jsonl@member:4!line:1",
    ]
    assert keys[str(tmp_path / "twice.tar")] == [
        "bbc/same.txt",
        "bbc/same.txt@member:2",
        "bbc/same.txt@member:3",
    ]


def test_repeated_names_across_tar_parts_are_keyed_as_a_whole_read_keys_them(tmp_path):
    path = tmp_path / "twice.tar"
    with tarfile.open(path, "w") as tar:
        for i in range(40):
            data = bbc_story(f"{ARTICLES[i % 4][0]} ({i})", ARTICLES[i % 4][1]).encode()
            info = tarfile.TarInfo(f"bbc/{i % 7}.txt")  # every name six times, across parts
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    whole = [d.record_key for d in ingest.read_input(inp).docs]
    cut = splitting.split_parts(inp, 8192)
    assert len(cut) >= 3
    taken: set[str] = set()
    keys = []
    for part in cut:  # as the flow runs a part again with the keys earlier parts used
        res = ingest.read_input(part, taken=taken)
        keys += [d.record_key for d in res.docs]
        taken |= res.keys
    assert keys == whole and len(set(whole)) == 40


def test_old_mac_line_ends_keep_the_title(tmp_path):
    # CR-only line ends (Mac OS 9, Mac Roman): the text was one line to the title finder, so no title.
    title, paragraphs = ARTICLES[0]
    text = title + "\r\r" + "\r\r".join(paragraphs) + "\r\u201cIt\u2019s a good day\u201d, he said.\r"
    [doc] = _read_bytes(tmp_path, "mac.txt", text.encode("mac-roman")).docs
    assert (doc.title, doc.encoding) == (title, "mac-roman")


def test_a_parquet_text_column_of_utf8_binary_is_text(tmp_path):
    # Hive, Impala and older Spark write strings as BINARY without the UTF8 annotation: every row was
    # malformed_record ("'text' is bytes"). Bytes that are not UTF-8 still are.
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": pa.array([b"h1", b"h2", b"h3"], pa.binary()),
            "text": pa.array(
                [STORY.encode(), f"{STORY} Z\u00fcrich.".encode(), b"\xff\xfe caf\xe9"], pa.binary()
            ),
        }
    )
    pq.write_table(table, tmp_path / "hive.parquet")
    res = process_batch(discover(tmp_path), "run-1", NOW)
    assert res.documents["record_key"].tolist() == ["h1", "h2"]
    assert res.documents["text"].tolist()[1].endswith("Zürich.")
    [rej] = res.rejects.itertuples()
    assert (rej.record_key, rej.reason) == ("h3", codes.MALFORMED_RECORD) and "bytes" in rej.detail


def test_an_excel_separator_hint_line_names_the_delimiter(tmp_path):
    # European Excel exports start with "sep=;": it was taken for the header (missing_text,
    # "columns: sep=, ").
    body = "".join(f'{i};"{STORY} {i}."\n' for i in range(300))
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\nid;text\n" + body)
    res = _read_bytes(tmp_path, "excel.csv", path.read_bytes())
    assert len(res.docs) == 300 and res.docs[0].record_key == "0" and not res.rejects
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    cut = splitting.split_parts(inp, 8192)
    assert len(cut) > 1  # cut into parts, each finding the header after the hint
    assert [d.record_key for c in cut for d in ingest.read_input(c).docs] == [d.record_key for d in res.docs]
    # a header that merely starts like one is a header
    res = _read_bytes(tmp_path, "plain.csv", f'separator,text\n1,"{STORY}"\n'.encode())
    assert len(res.docs) == 1


def test_a_file_appended_after_it_was_listed_is_read_again_next_run(tmp_path, monkeypatch):
    # The hash covered the bytes at hashing time, the manifest the size at listing time: a part
    # planner that stops at the listed size (a tar) would leave the appended bytes unread, and
    # the next run, hashing the same bytes, called the file unchanged. The hash now covers the
    # listed size, so the file reads as changed.
    import json as _json

    import pyarrow.parquet as pq

    monkeypatch.setattr(sources, "_RACY_NS", 0)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    line = _json.dumps({"text": STORY}) + "\n"
    (raw / "feed.jsonl").write_text(line * 100)
    files = discover(raw)
    with open(raw / "feed.jsonl", "a") as fh:  # a writer still at work
        fh.write(line * 10)
    p = manifest.plan(files, {})
    root = manifest.manifest_root(out)
    root.mkdir(parents=True)
    pq.write_table(manifest.table(p.to_process, p.hashes, "run-1", p.removed), root / "part-run-1.parquet")
    again = manifest.plan(discover(raw), manifest.load(out, ["run-1"]))
    assert list(again.reasons.values()) == [manifest.CONTENT_CHANGED]
