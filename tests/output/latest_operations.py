"""The changes a random sequence makes to its raw folder (tests/output/latest_sequences.py): each
operation picks its files with the folder's seeded random generator, changes them as a user or a
tool would, and returns a line saying what it did (None when it found nothing to act on)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.output.latest_raw_folder import (
    BINARY,
    COFFEE,
    EDIT_SENTENCES,
    EXTRA_ARTICLES,
    HOSPITAL,
    RECORDS,
    csv_text,
    html_page,
    jsonl_text,
    parquet_bytes,
)


@dataclass
class Folder:
    """The raw folder being changed, and what an operation needs to remember."""

    root: Path
    rng: random.Random
    deleted: dict[str, bytes] = field(default_factory=dict)  # rel path -> bytes, for restore
    added: int = 0

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file())

    def dirs(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_dir()) + [
            "",
            "incoming/2024-06",
        ]

    def pick(self, pred: Callable[[str], bool] = lambda _r: True) -> str | None:
        cands = [f for f in self.files() if pred(f)]
        return self.rng.choice(cands) if cands else None

    def free_name(self, folder: str, stem: str, suffix: str) -> str:
        for k in range(1, 1000):
            rel = os.path.join(folder, f"{stem}-{k}{suffix}") if folder else f"{stem}-{k}{suffix}"
            if not (self.root / rel).exists() and rel not in self.deleted:
                return rel
        raise RuntimeError("no free name")

    def write(self, rel: str, data: bytes) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        # A new inode with new bytes, as a scraper writing the file again would leave it.
        tmp = p.with_name(p.name + ".tmp-write")
        tmp.write_bytes(data)
        os.replace(tmp, p)


def _suffix(rel: str) -> str:
    name = os.path.basename(rel)
    inner, ext = os.path.splitext(name)
    return (os.path.splitext(inner)[1] + ext) if ext == ".gz" else ext


def _read_text(f: Folder, rel: str) -> str | None:
    data = (f.root / rel).read_bytes()
    if rel.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _write_text(f: Folder, rel: str, text: str) -> None:
    data = text.encode("utf-8")
    f.write(rel, gzip.compress(data, mtime=0) if rel.endswith(".gz") else data)


def _edit_prose(rng: random.Random, text: str, html: bool) -> str:
    sentence = rng.choice(EDIT_SENTENCES)
    kind = rng.choice(["append", "insert", "number", "cut"])
    for end in ("</description>", "</BODY>"):  # a feed item, a Reuters article: inside its text
        if end in text:
            return text.replace(end, f" {sentence}{end}", 1)
    if kind == "number" and re.search(r"\d+", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)
    if html:
        if kind == "cut" and text.count("<p>") > 3:
            head, _, tail = text.rpartition("<p>")
            return head + tail.split("</p>", 1)[1]
        return text.replace("</article>", f"<p>{sentence}</p>\n</article>", 1)
    paras = text.rstrip("\n").split("\n")
    if kind == "cut" and len(paras) > 4:
        return "\n".join(paras[:-2]) + "\n"
    if kind == "insert" and len(paras) > 1:
        return "\n".join([paras[0], sentence, *paras[1:]]) + "\n"
    return "\n".join([*paras, "", sentence]) + "\n"


def op_add(f: Folder) -> str:
    article = EXTRA_ARTICLES[f.added % len(EXTRA_ARTICLES)]
    f.added += 1
    kind = f.rng.choice([".txt", ".html", ".jsonl", ".csv", ".txt.gz"])
    folder = f.rng.choice(f.dirs())
    rel = f.free_name(folder, "added", kind)
    if kind == ".html":
        data = html_page(article).encode()
    elif kind in (".jsonl", ".csv"):
        title, body = article.split("\n", 1)
        recs = [{"id": f"added-{f.added}", "title": title, "published": "2024-06-11T08:00:00Z", "text": body}]
        data = (jsonl_text(recs) if kind == ".jsonl" else csv_text(recs)).encode()
    else:
        data = article.encode() if kind == ".txt" else gzip.compress(article.encode(), mtime=0)
    f.write(rel, data)
    return f"add {rel}"


def op_edit_text(f: Folder) -> str | None:
    rel = f.pick(lambda r: _suffix(r) in (".txt", ".html", ".txt.gz", ".htm", ".xml", ".sgm"))
    if rel is None:
        return None
    text = _read_text(f, rel)
    if not text or not text.strip():  # empty, binary or undecodable: fixed with a real article
        _write_text(f, rel, html_page(COFFEE) if _suffix(rel) == ".html" else HOSPITAL)
        return f"fix {rel}"
    _write_text(f, rel, _edit_prose(f.rng, text, _suffix(rel) == ".html"))
    return f"edit {rel}"


def _records(f: Folder, rel: str) -> list[dict] | None:
    if _suffix(rel) == ".parquet":
        try:
            return pq.read_table(f.root / rel).to_pylist()
        except (OSError, pa.ArrowException):
            return None
    text = _read_text(f, rel)
    if text is None:
        return None
    if ".csv" in _suffix(rel):
        try:
            return list(csv.DictReader(io.StringIO(text)))
        except csv.Error:
            return None
    recs = []
    for line in text.split("\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict):
            recs.append(rec)
    return recs


def op_edit_record(f: Folder) -> str | None:
    rel = f.pick(lambda r: _suffix(r) in (".jsonl", ".csv", ".jsonl.gz", ".csv.gz", ".parquet"))
    recs = None if rel is None else _records(f, rel)
    if rel is None or recs is None:
        return None
    is_csv = ".csv" in _suffix(rel)
    kind = f.rng.choice(["edit", "delete", "add", "reorder"]) if recs else "add"
    if kind == "edit":
        r = f.rng.choice(recs)
        r["text"] = _edit_prose(f.rng, str(r.get("text", "")), False)
    elif kind == "delete":
        recs.remove(f.rng.choice(recs))
    elif kind == "add":
        f.added += 1
        base = RECORDS[f.added % len(RECORDS)]
        new = {**base, "id": f"{base['id']}-{f.added}", "text": _edit_prose(f.rng, base["text"], False)}
        if not is_csv and recs and "id" not in recs[0]:
            new.pop("id")
        recs.insert(f.rng.randrange(len(recs) + 1), new)
    else:
        f.rng.shuffle(recs)
    if is_csv:
        recs = [{k: r.get(k, "") for k in ("id", "title", "published", "text")} for r in recs]
    if _suffix(rel) == ".parquet":
        f.write(rel, parquet_bytes(recs))
    else:
        _write_text(f, rel, csv_text(recs) if is_csv else jsonl_text(recs))
    return f"record-{kind} {rel}"


def op_delete(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    f.deleted[rel] = (f.root / rel).read_bytes()
    (f.root / rel).unlink()
    return f"delete {rel}"


def op_restore(f: Folder) -> str | None:
    free = sorted(r for r in f.deleted if not (f.root / r).exists())
    if not free:
        return None
    rel = f.rng.choice(free)
    f.write(rel, f.deleted.pop(rel))
    return f"restore {rel}"


def op_rename(f: Folder, move: bool = False) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    folder = f.rng.choice(f.dirs()) if move else os.path.dirname(rel)
    stem = os.path.basename(rel)[: -len(_suffix(rel)) or None]
    new = f.free_name(folder, stem.split("-renamed")[0] + "-renamed", _suffix(rel))
    (f.root / new).parent.mkdir(parents=True, exist_ok=True)
    os.rename(f.root / rel, f.root / new)  # keeps size and mtime, as mv does
    return f"{'move' if move else 'rename'} {rel} -> {new}"


def op_swap(f: Folder) -> str | None:
    files = f.files()
    if len(files) < 2:
        return None
    a, b = f.rng.sample(files, 2)
    tmp = f.root / (a + ".swap")
    os.rename(f.root / a, tmp)
    os.rename(f.root / b, f.root / a)
    os.rename(tmp, f.root / b)
    return f"swap {a} <-> {b}"


def op_gzip(f: Folder) -> str | None:
    rel = f.pick(lambda r: not r.endswith(".gz") and not (f.root / (r + ".gz")).exists())
    if rel is None:
        return None
    f.write(rel + ".gz", gzip.compress((f.root / rel).read_bytes(), mtime=0))
    (f.root / rel).unlink()
    return f"gzip {rel}"


def op_truncate(f: Folder) -> str | None:
    rel = f.pick(lambda r: (f.root / r).stat().st_size > 0)
    if rel is None:
        return None
    f.write(rel, b"")
    return f"truncate {rel}"


def op_break(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    data = (f.root / rel).read_bytes()
    # a half-written gzip, or an image saved under a text name
    f.write(rel, data[: len(data) // 2] if rel.endswith(".gz") and len(data) > 20 else BINARY)
    return f"break {rel}"


def op_touch(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    st = (f.root / rel).stat()
    os.utime(f.root / rel, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000 * f.rng.randint(1, 99)))
    return f"touch {rel}"


def op_copy(f: Folder) -> str | None:
    rel = f.pick()
    if rel is None:
        return None
    new = f.free_name(f.rng.choice(f.dirs()), "copy-of-" + os.path.basename(rel).split(".")[0], _suffix(rel))
    f.write(new, (f.root / rel).read_bytes())
    return f"copy {rel} -> {new}"


# --- changes that keep a file's size and mtime: only its inode or ctime tells -----------------


def _times(f: Folder, rel: str) -> tuple[int, int]:
    st = (f.root / rel).stat()
    return st.st_atime_ns, st.st_mtime_ns


def _same_size_pair(f: Folder, fallback: bool) -> tuple[str, str] | None:
    """Two files of the same (non-zero) size and different bytes, or with ``fallback`` any two."""
    by_size: dict[int, list[str]] = {}
    for rel in f.files():
        size = (f.root / rel).stat().st_size
        if size:
            by_size.setdefault(size, []).append(rel)
    pairs = [
        (a, b)
        for group in by_size.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if (f.root / a).read_bytes() != (f.root / b).read_bytes()
    ]
    if pairs:
        return f.rng.choice(pairs)
    files = f.files()
    return tuple(f.rng.sample(files, 2)) if fallback and len(files) >= 2 else None


def op_swap_keeping_times(f: Folder) -> str | None:
    """Two same-size files swap names, and each name gets its old mtime back (as a sync tool that
    restores times would leave them): size and mtime per name as before, the inodes swapped."""
    pair = _same_size_pair(f, fallback=False)
    if pair is None:
        return None
    a, b = pair
    ta, tb = _times(f, a), _times(f, b)
    tmp = f.root / (a + ".swap")
    os.rename(f.root / a, tmp)
    os.rename(f.root / b, f.root / a)
    os.rename(tmp, f.root / b)
    os.utime(f.root / a, ns=ta)
    os.utime(f.root / b, ns=tb)
    return f"swap keeping times {a} <-> {b}"


def _same_length_edit(data: bytes) -> bytes | None:
    """``data`` with its last digit (else its last lowercase letter) changed: same length."""
    for pattern, change in ((rb"[0-9]", lambda c: b"%d" % ((int(c) + 1) % 10)), (rb"[a-z]", bytes.swapcase)):
        found = list(re.finditer(pattern, data))
        if found:
            k = found[-1].start()
            return data[:k] + change(data[k : k + 1]) + data[k + 1 :]
    return None


def op_edit_keeping_size_and_mtime(f: Folder) -> str | None:
    """An edit in place (same inode) that keeps the length, then the mtime put back (rsync -t,
    touch -r): only the ctime says it changed."""
    rel = f.pick(lambda r: not r.endswith(".gz") and (f.root / r).stat().st_size > 0)
    if rel is None:
        return None
    times = _times(f, rel)
    edited = _same_length_edit((f.root / rel).read_bytes())
    if edited is None:
        return None
    with open(f.root / rel, "r+b") as fh:
        fh.write(edited)
    os.utime(f.root / rel, ns=times)
    return f"edit keeping size and mtime {rel}"


def _replace_keeping_times(f: Folder, how: str, replace: Callable[[Path, Path], None]) -> str | None:
    """DST replaced by SRC's bytes (``replace(src, dst)``), SRC of DST's size where a pair allows,
    and given DST's times first: DST's size and mtime as recorded."""
    pair = _same_size_pair(f, fallback=True)
    if pair is None:
        return None
    dst, src = pair
    os.utime(f.root / src, ns=_times(f, dst))
    replace(f.root / src, f.root / dst)
    return f"{how} {src} {dst}"


def _hard_link(src: Path, dst: Path) -> None:
    os.unlink(dst)
    os.link(src, dst)


def op_cp_p(f: Folder) -> str | None:
    """``cp -p SRC DST`` over an existing file: the same inode, SRC's bytes and times."""
    return _replace_keeping_times(f, "cp -p", shutil.copy2)


def op_hard_link(f: Folder) -> str | None:
    """DST replaced by a hard link to SRC: SRC's inode under DST's name."""
    return _replace_keeping_times(f, "hard link", _hard_link)


OPERATIONS: dict[str, Callable[[Folder], str | None]] = {
    "add": op_add,
    "edit_text": op_edit_text,
    "edit_record": op_edit_record,
    "delete": op_delete,
    "rename": op_rename,
    "move": lambda f: op_rename(f, move=True),
    "swap": op_swap,
    "gzip": op_gzip,
    "truncate": op_truncate,
    "break": op_break,
    "restore": op_restore,
    "touch": op_touch,
    "copy": op_copy,
}


# With them: the set the sequences over the newer readers' inputs draw from (the fixed seeds
# of tests/output/test_latest_random.py that draw from OPERATIONS replay as they did).
KEEPING_SIZE_AND_MTIME: dict[str, Callable[[Folder], str | None]] = {
    **OPERATIONS,
    "swap_keeping_times": op_swap_keeping_times,
    "edit_keeping_size_and_mtime": op_edit_keeping_size_and_mtime,
    "cp_p": op_cp_p,
    "hard_link": op_hard_link,
}


def random_step(f: Folder, operations: dict[str, Callable[[Folder], str | None]] = OPERATIONS) -> list[str]:
    """A handful (1-4) of operations, each logged; one that finds nothing to act on is skipped."""
    done = []
    for _ in range(f.rng.randint(1, 4)):
        name = f.rng.choice(sorted(operations))
        what = operations[name](f)
        if what:
            done.append(what)
    return done
