"""Hostile input, round 7 (docs/INGEST.md): what round 6 left (a null text named as absent, no way
to leave files out, U+0085 read as "…", tars with a global pax header or sparse members read whole)
and the classes the round-7 probe of `factsieve run` found wrong."""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve import vocabulary as codes
from factsieve.batch.pipeline import process_batch
from factsieve.config import ConfigError, RunConfig
from factsieve.ingest import exclude, manifest
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile, discover
from factsieve.params import IngestLimits
from factsieve.text.clean import clean_text
from tests.ingest.corpus_builders import ARTICLES, bbc_story, bbc_zip
from tests.ingest.test_hostile_round4 import NOW, STORY


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.stat().st_size, None, rel=path.name), limits)


# --- 1. A null text is named ----------------------------------------------------------------------


def test_a_null_text_column_or_field_is_named_as_null(tmp_path):
    """A Parquet row with a null 'body' (and a JSON record with "body": null) said "no 'text' field
    or alias with a string (fields: id)": the column was dropped with its null before the detail."""
    pq.write_table(
        pa.table({"id": ["a", "b"], "body": [STORY, None], "title": ["T", "Only a title"]}),
        tmp_path / "news.parquet",
    )
    res = _read(tmp_path / "news.parquet")
    assert [d.record_key for d in res.docs] == ["a"]
    assert [(r.record_key, r.reason, r.detail) for r in res.rejects] == [
        ("b", codes.MISSING_TEXT, "row 2: 'body' is null")
    ]
    assert json.loads(res.rejects[0].sample.replace("\\", "")) == {"id": "b", "title": "Only a title"}

    # a null text next to an alias with a string: the alias is read, as before
    pq.write_table(pa.table({"text": [None], "content": [STORY]}), tmp_path / "alias.parquet")
    assert [d.text for d in _read(tmp_path / "alias.parquet").docs] == [STORY]

    (tmp_path / "news.jsonl").write_text(
        json.dumps({"id": "n1", "body": None, "title": "Only a title"})
        + "\n"
        + json.dumps({"id": "n2", "maintext": None})
        + "\n"
        + json.dumps({"id": "n3", "headline": "No text field at all"})
        + "\n"
    )
    got = [(r.record_key, r.detail) for r in _read(tmp_path / "news.jsonl").rejects]
    assert got == [
        ("n1", "line 1: 'body' is null"),
        ("n2", "line 2: 'maintext' is null"),
        ("n3", "line 3: no 'text' field or alias with a string (fields: id, headline)"),
    ]
    # a configured text field that is a null column
    pq.write_table(pa.table({"id": ["x"], "maintext": pa.array([None], pa.string())}), tmp_path / "m.parquet")
    [rej] = _read(tmp_path / "m.parquet", IngestLimits(text_field="maintext")).rejects
    assert rej.detail == "row 1: 'maintext' (the configured text field) is null"


# --- 2. Leaving files out -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "patterns", "kind"),
    [
        ("drafts/a.txt", ("drafts",), exclude.EXCLUDED),
        ("2024/drafts/a.txt", ("drafts",), exclude.EXCLUDED),
        ("notes/x.md", ("*.md",), exclude.EXCLUDED),
        ("data/old/x.jsonl", ("data/old",), exclude.EXCLUDED),
        ("data/older/x.jsonl", ("data/old",), None),  # a folder name, not a prefix
        ("x/data/old/y.txt", ("data/old",), None),  # a pattern with '/' is from the root
        ("data/old/x.jsonl", ("./data/old/",), exclude.EXCLUDED),
        ("bbc/README.TXT", (), exclude.CORPUS_DOC),
        ("reuters21578/README.txt", (), exclude.CORPUS_DOC),
        ("LICENSE", (), exclude.CORPUS_DOC),
        ("COPYING.md", (), exclude.CORPUS_DOC),
        ("news-readme-2024.txt", (), None),  # a story whose name only contains the word
        ("readme/story.txt", (), None),  # a folder of that name is not a README
        ("Drafts/a.txt", ("drafts",), None),  # case-sensitive, as a shell glob
    ],
)
def test_what_is_left_out(path, patterns, kind):
    assert exclude.passed_over(path, patterns) == kind


def test_excluded_inputs_and_members_are_counted_not_read(tmp_path):
    raw = tmp_path / "raw"
    (raw / "drafts").mkdir(parents=True)
    (raw / "a.txt").write_text(STORY)
    (raw / "drafts" / "b.txt").write_text(STORY + " Draft.")
    (raw / "README.txt").write_text("This corpus holds news stories from 2024. Licence: CC-BY.\n")
    bbc_zip(
        raw / "bbc.zip",
        {"bbc/business/001.txt": bbc_story(*ARTICLES[0]), "bbc/drafts/002.txt": bbc_story(*ARTICLES[1])},
    )
    files = discover(raw)
    kept, left = exclude.split(files, ("drafts",), raw_is_file=False)
    assert sorted(f.rel for f in kept) == ["a.txt", "bbc.zip"]
    assert left == {exclude.EXCLUDED: 1, exclude.CORPUS_DOC: 1}
    res = process_batch(kept, "run-1", NOW, IngestLimits(exclude=("drafts",)))
    assert sorted(res.documents["record_key"]) == ["", "bbc/business/001.txt"]
    assert res.passed_over[exclude.EXCLUDED] == 1  # the zip's bbc/drafts/002.txt
    assert res.rejects.empty
    # a RAW that is one file is read whatever its name: it was named
    kept, left = exclude.split(discover(raw / "README.txt"), (), raw_is_file=True)
    assert len(kept) == 1 and not left


def test_an_archive_of_only_excluded_members_leaves_a_row():
    """The archive's only row says what it held, as one of only folders did."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("drafts/a.txt")
        info.size = len(STORY)
        tar.addfile(info, io.BytesIO(STORY.encode()))
    path = Path("/tmp") / f"factsieve-r7-{id(buf)}.tar"
    try:
        path.write_bytes(buf.getvalue())
        [rej] = _read(path, IngestLimits(exclude=("drafts",))).rejects
        assert (rej.reason, rej.detail) == (
            codes.EMPTY,
            "an archive with no file to read (it holds 1 excluded (--exclude))",
        )
    finally:
        path.unlink()


def test_exclude_is_in_the_settings_of_archives_only_and_checked():
    zipped, text = "/r/news.zip", "/r/a.txt"
    none, some = IngestLimits(), IngestLimits(exclude=("drafts",))
    assert manifest.settings_fingerprint(none, zipped) != manifest.settings_fingerprint(some, zipped)
    assert manifest.settings_fingerprint(none, text) == manifest.settings_fingerprint(some, text)
    # an archive read before round 7 (no exclude recorded) is read again once: its README members
    # are passed over now
    old = {"max_file_bytes": none.max_file_bytes, "max_record_chars": none.max_record_chars}
    assert manifest.settings_fingerprint(old, zipped) == manifest.settings_fingerprint(none, zipped)
    assert '"exclude":[]' in manifest.settings_fingerprint(none, zipped)
    assert RunConfig.from_dict({"limits": {"exclude": ["drafts", "*.md"]}}).limits.exclude == (
        "drafts",
        "*.md",
    )
    for bad in (["*"], ["/"], "drafts", [3]):
        with pytest.raises(ConfigError, match="exclude"):
            RunConfig.from_dict({"limits": {"exclude": bad}})


# --- 3. U+0085 -----------------------------------------------------------------------------------


def test_nel_in_unicode_text_is_a_line_end_and_cp1252_0x85_an_ellipsis(tmp_path):
    (tmp_path / "nel.txt").write_bytes(
        "Budget approved\x85\x85The council met.\x85Buses run in March.\x85".encode()
    )
    [doc] = _read(tmp_path / "nel.txt").docs
    assert clean_text(doc.text).text == "Budget approved\nThe council met.\nBuses run in March."
    assert doc.title == "Budget approved"
    (tmp_path / "w.txt").write_bytes("Budget approved\n\nHe paused… then spoke.\n".encode("cp1252"))
    [doc] = _read(tmp_path / "w.txt").docs
    assert (doc.encoding, clean_text(doc.text).text) == ("cp1252", "Budget approved\nHe paused… then spoke.")
    # cp1252 read as Latin-1 and saved as UTF-8: U+0085 with curly quotes as C1 controls
    assert (
        clean_text("He said \x93wait\x94 and paused\x85 then spoke.").text
        == "He said “wait” and paused… then spoke."
    )


# --- 4. Tars with a global pax header or sparse members, in parts --------------------------------


def _parts_match_whole(path: Path, target: int = 8192) -> list[InputFile]:
    inp = InputFile(str(path), path.stat().st_size, None, rel=path.name)
    whole = ingest.read_input(inp)
    cut = splitting.split_parts(inp, target)
    got = [ingest.read_input(p) for p in cut]
    assert [(d.record_key, d.text) for r in got for d in r.docs] == [
        (d.record_key, d.text) for d in whole.docs
    ]
    assert [(j.record_key, j.reason, j.detail) for r in got for j in r.rejects] == [
        (j.record_key, j.reason, j.detail) for j in whole.rejects
    ]
    skipped: dict[str, int] = {}
    for r in got:
        for k, v in r.skipped.items():
            skipped[k] = skipped.get(k, 0) + v
    assert skipped == dict(whole.skipped)
    return cut


def test_a_tar_with_a_global_pax_header_is_read_in_parts(tmp_path):
    """`git archive` writes a global pax header (the commit id) first; such a tar was read whole."""
    src = tmp_path / "src"
    src.mkdir()
    for n in range(40):
        title, paragraphs = ARTICLES[n % 4]
        (src / f"{n:03d}-é.txt").write_text(bbc_story(f"{title} ({n})", paragraphs))  # pax 'path' headers
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=src, check=True)
    subprocess.run([*git, "add", "."], cwd=src, check=True)
    subprocess.run([*git, "commit", "-qm", "news"], cwd=src, check=True)
    path = tmp_path / "news.tar"
    subprocess.run([*git, "archive", "--format=tar", "-o", str(path), "HEAD"], cwd=src, check=True)
    assert tarfile.open(path).pax_headers.get("comment")  # the global header
    cut = _parts_match_whole(path)
    assert len(cut) >= 4


def test_a_tar_with_sparse_members_is_read_in_parts(tmp_path):
    """GNU tar --sparse: a 100 MB disk image and a 10 MB preallocated file take a few KB in the tar,
    so the members stated more than max_gzip_ratio times its size and the tar was read whole. Also
    `tar -C dir .` names every member './name': all were passed over as hidden files."""
    src = tmp_path / "src"
    src.mkdir()
    for n in range(40):
        (src / f"s{n:02d}.txt").write_text(bbc_story(f"Story {n}", [STORY]))
    with open(src / "disk.img", "wb") as fh:
        fh.truncate(100 << 20)
        fh.seek(5 << 20)
        fh.write(b"data")
    with open(src / "prealloc.txt", "wb") as fh:
        fh.truncate(10 << 20)
    path = tmp_path / "sparse.tar"
    subprocess.run(["tar", "--sparse", "-cf", str(path), "-C", str(src), "."], check=True)
    assert path.stat().st_size < 200_000
    cut = _parts_match_whole(path)
    assert len(cut) >= 4
    whole = _read(path)
    assert len(whole.docs) == 40 and {d.record_key[:2] for d in whole.docs} == {"./"}
    assert [(r.record_key, r.reason) for r in whole.rejects] == [
        ("./disk.img", codes.TOO_LARGE),
        ("./prealloc.txt", codes.BINARY),
    ]


# --- Probe, round 7 --------------------------------------------------------------------------------


def test_a_small_csv_with_a_nul_row_keeps_its_other_rows(tmp_path):
    """A whole CSV with NUL bytes in one row was one ``binary`` reject ("control bytes found"): its
    good rows were lost; a part of a large CSV already rejected only that row (round 6)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "news.csv").write_text(
        f'title,text\nA,"{STORY}"\nB,"a crashed\x00\x00 writer"\nC,"{STORY} Two."\n'
    )
    res = process_batch(discover(raw), "run-1", NOW)
    assert sorted(res.documents["record_key"]) == ["line:2", "line:4"]
    assert list(zip(res.rejects["record_key"], res.rejects["reason"], strict=True)) == [
        ("line:3", codes.BINARY)
    ]
    # mostly NUL rows: still one reject for the file (a binary file under a .csv name)
    (raw / "news.csv").write_text(
        "title,text\n" + "".join(f'{i},"x\x00\x00"\n' for i in range(5)) + f'9,"{STORY}"\n'
    )
    res = process_batch(discover(raw), "run-1", NOW)
    assert list(zip(res.rejects["record_key"], res.rejects["reason"], strict=True)) == [("", codes.BINARY)]


def test_a_text_of_only_invisible_characters_is_empty(tmp_path):
    """No-break and ideographic spaces, a zero-width space: "only_boilerplate: all 0 lines were
    boilerplate ()" before."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "blank.txt").write_text("\u00a0\u2003\u3000\n\u200b\n\u00ad\u200e\n")
    res = process_batch(discover(raw), "run-1", NOW)
    [(reason, detail)] = zip(res.rejects["reason"], res.rejects["detail"], strict=True)
    assert reason == codes.EMPTY and "invisible characters" in detail


JAPANESE = "市議会は金曜日に交通予算を承認した。\nバス四十台を来年までに追加する計画だと当局者は述べた。\n"


def test_legacy_encodings_that_read_as_ascii_or_nothing(tmp_path):
    """ISO-2022-JP (7-bit: escape sequences around ASCII bytes) was valid UTF-8 and became a document
    of garbage ("$B;T5D2q$O…", labelled utf-8); EBCDIC (cp500) was ``undecodable``; its NEL line
    ends are line ends. An ANSI colour code (ESC [) stays what it is."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "jp.txt").write_bytes(JAPANESE.encode("iso2022_jp"))
    (raw / "mainframe.txt").write_bytes(("BUDGET APPROVED\x85\x85" + STORY + "\x85").encode("cp500"))
    (raw / "ansi.txt").write_bytes(("\x1b[1mBudget\x1b[0m\n\n" + STORY + "\n").encode())
    res = process_batch(discover(raw), "run-1", NOW)
    assert res.rejects.empty
    docs = {
        Path(u).name: (e, t)
        for u, e, t in zip(
            res.documents["source_uri"], res.documents["encoding"], res.documents["text"], strict=True
        )
    }
    assert docs["jp.txt"] == ("iso2022_jp", JAPANESE.strip())
    assert docs["mainframe.txt"] == ("cp500", "BUDGET APPROVED\n" + STORY)
    assert docs["ansi.txt"][0] == "utf-8"


def test_rtf_under_a_text_name_is_not_a_document_of_markup(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0 " + STORY + r"\par}")
    (raw / "prose.txt").write_text("{rtf1} is how the format's files start, the guide said. " + STORY)
    res = process_batch(discover(raw), "run-1", NOW)
    assert list(
        zip(res.rejects["record_key"], res.rejects["reason"], res.rejects["detail"], strict=True)
    ) == [("", codes.BINARY, "an RTF document under a '.txt' name: not text (convert it first)")]
    assert [Path(u).name for u in res.documents["source_uri"]] == ["prose.txt"]


def test_a_text_padded_with_nul_bytes_is_read_and_the_padding_counted(tmp_path):
    """A preallocated or crashed writer's file: the text, then a run of NULs. Before: a ``binary``
    reject, the text lost. UTF-16 text, whose last character ends in a NUL, is not padding."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "padded.txt").write_bytes(("Budget approved\n\n" + STORY + "\n").encode() + bytes(4096))
    (raw / "padded.html").write_bytes(
        f"<html><body><article><p>{STORY}</p></article></body></html>".encode() + bytes(64)
    )
    (raw / "jp16.txt").write_bytes(
        ("\ufeff" + JAPANESE.replace("\n", "") + "\n\n\n\n\n\n\n\n").encode("utf-16-le")
    )
    (raw / "nul-inside.txt").write_bytes(b"Budget\x00approved\n" + bytes(32))
    res = process_batch(discover(raw), "run-1", NOW)
    names = {Path(u).name: t for u, t in zip(res.documents["source_uri"], res.documents["text"], strict=True)}
    assert names["padded.txt"] == "Budget approved\n" + STORY and STORY in names["padded.html"]
    assert names["jp16.txt"] == JAPANESE.replace("\n", "")
    assert res.passed_over == {"trailing NUL bytes": 2}
    assert list(
        zip(res.rejects["source_uri"].map(lambda u: Path(u).name), res.rejects["reason"], strict=True)
    ) == [("nul-inside.txt", codes.BINARY)]
