"""The latest view: the live rows of every table, one read away.

A document's identity is its input and record key (source_uri, record_key); a version is its
content (doc_id hashes the path, the key and the raw text). The manifest (factsieve.ingest.manifest) says
which committed run's rows are live for every input, tombstoned inputs having none. The latest view
keeps exactly those rows::

    output/latest -> _state/latest/<run_id>        a relative symlink, swapped atomically
    output/_state/latest/<run_id>/<table>/part-<S>.parquet   run S's history part, all of it live
                                          part-<S>-<k>~<V>.parquet  the live rows of row group k
                                                                    of that part, written by run V

Every file of a version holds whole live rows and is never changed once written: a run writes
a new version folder that hard-links every file it can (a history part, or the previous
version's file) and rewrites only the files that lost rows or whose documents changed duplicate
roles. The first time a history part loses rows it is split into one file per row group (a batch
of the run that wrote it), so later changes rewrite only the pieces they touch: a run's cost is its
changes, the pieces holding them, and a scan of a few small columns of the live documents.
File names differ whenever contents do, so a reader that listed the folder before a swap either
opens the same bytes or fails to find a file: it never mixes two versions silently. Documents'
duplicate columns come from the dedup state of the version's run, which judges duplicates among
live documents only (factsieve.dedup.forget); ``duplicates`` is every live member of every cluster.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import schemas
from factsieve.dedup import live_roles
from factsieve.dedup.forget import ROLE_COLUMNS
from factsieve.ingest import manifest
from factsieve.output import publish
from factsieve.vocabulary import FLAGS, UNSUPPORTED_FORMAT, UNSUPPORTED_XML

TABLES = publish.DATA_TABLES
KEY_COLUMNS = ["source_uri", "record_key", "doc_id"]
STORY_EVIDENCE = ["story_jaccard", "story_containment", "story_method", "copy_containment"]


@dataclass(slots=True)
class BuildStats:
    rows: dict[str, int] = field(default_factory=dict)
    files_linked: int = 0
    files_rewritten: int = 0
    rows_rewritten: int = 0

    def as_dict(self) -> dict:
        return {
            "rows": dict(self.rows),
            "files_linked": self.files_linked,
            "files_rewritten": self.files_rewritten,
            "rows_rewritten": self.rows_rewritten,
        }


def version_dir(out: Path, run_id: str) -> Path:
    return publish.latest_versions(out) / run_id


def current_dir(out: Path) -> Path | None:
    """The version folder output/latest points at, if it is there."""
    link = Path(out) / publish.LATEST_LINK
    return link.resolve() if link.is_symlink() and link.exists() else None


def _piece_prefix(source_run: str) -> str:
    return f"part-{source_run}-"


def _sources(out: Path, prev: Path | None, table: str, source_run: str) -> list[Path]:
    """The files a version starts from for run S's rows: the previous version's (already without
    rows that died before), else S's history part."""
    if prev is not None:
        found = sorted((prev / table).glob(publish.part_name(source_run)))
        found += sorted((prev / table).glob(_piece_prefix(source_run) + "*~*.parquet"))
        if found:
            return found
    part = out / table / publish.part_name(source_run)
    return [part] if part.exists() else []


def _link(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _outdated(src: Path, table: str) -> bool:
    """A history part written by an earlier schema (1.1 parts have no documents.story_id): it is
    rewritten into the view, never linked, so every file of a version has the current layout."""
    return pq.read_schema(src).names != schemas.arrow_schema(table).names


def _current_layout(t: pa.Table, table: str) -> pa.Table:
    """Rows of an older part in the current layout: a column it lacks is added, and documents'
    story_id is the document's own doc_id (alone in its story) until the dedup roles say otherwise."""
    schema = schemas.arrow_schema(table)
    if t.schema.names == schema.names:
        return t
    cols = []
    for f in schema:
        if table == "documents" and f.name == "encoding" and "encoding_uncertain" not in t.schema.names:
            cols.append(pc.replace_substring(t["encoding"], "?", ""))
        elif f.name in t.schema.names:
            cols.append(t[f.name])
        elif table == "documents" and f.name == "story_id":
            cols.append(t["doc_id"])
        elif table == "documents" and f.name == "encoding_uncertain":
            # Before schema 1.3 a guess was the codec with a trailing "?" ("cp1257?").
            cols.append(pc.match_substring(t["encoding"], "?"))
        else:
            cols.append(pa.nulls(t.num_rows, f.type))
    return pa.Table.from_arrays(cols, names=schema.names).cast(schema)


def _rewrite(src: Path, dst_of_group, table: str, keep: np.ndarray, fix=None) -> int:
    """Write src's rows where keep is true (optionally changed by fix), a row group at a time, to
    dst_of_group(k) for row group k (groups without a kept row write nothing)."""
    pf = pq.ParquetFile(src)
    outs: dict[Path, publish.StagedTable] = {}
    offset = 0
    for k in range(pf.num_row_groups):
        n = pf.metadata.row_group(k).num_rows
        m = keep[offset : offset + n]
        offset += n
        if not m.any():
            continue
        t = _current_layout(pf.read_row_group(k).filter(pa.array(m)), table)
        dst = dst_of_group(k)
        if dst not in outs:
            outs[dst] = publish.StagedTable(dst, schemas.arrow_schema(table))
        outs[dst].write(fix(t) if fix is not None else t)
    for o in outs.values():
        o.close()
    return sum(o.rows for o in outs.values())


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    a_na, b_na = pd.isna(a).to_numpy(), pd.isna(b).to_numpy()
    eq = (a.astype(object).to_numpy() == b.astype(object).to_numpy()) & ~a_na & ~b_na
    return eq | (a_na & b_na)


def _not_dead(src: Path, dead_ids: pa.Array) -> np.ndarray:
    """Whether each row of src (a sentences file) belongs to a document not in dead_ids; a row
    group at a time: a million-document part's sentence ids are never all in memory at once."""
    pf = pq.ParquetFile(src)
    masks = [
        ~pc.is_in(pf.read_row_group(k, columns=["doc_id"])["doc_id"], value_set=dead_ids).to_numpy(
            zero_copy_only=False
        )
        for k in range(pf.num_row_groups)
    ]
    return np.concatenate(masks) if masks else np.zeros(0, dtype=bool)


def _scan_documents(
    src: Path, uris: pa.Array, roles: pd.DataFrame, in_cluster: pa.Array, dead: list[str]
) -> tuple[np.ndarray, bool, list[str]]:
    """(keep: src's rows whose input is live, changed: whether a live row's duplicate roles differ
    from ``roles``, the live doc_ids in a cluster or story); appends the dead rows' doc_ids to dead.
    A row group at a time: the first run of a million documents has them all in one part, and
    reading its ids, URIs and role columns whole (and as Python strings to compare) was the flow's
    peak memory (docs/BENCHMARKS.md, "1M memory at publish")."""
    pf = pq.ParquetFile(src)
    have = pf.schema_arrow.names  # a 1.1 part has no story_id: rewritten by emit
    columns = [c for c in ["doc_id", "source_uri", *ROLE_COLUMNS] if c in have]
    keeps: list[np.ndarray] = []
    changed = False
    clustered: list[str] = []
    for k in range(pf.num_row_groups):
        t = pf.read_row_group(k, columns=columns)
        keep = pc.is_in(t["source_uri"], value_set=uris).to_numpy(zero_copy_only=False)
        keeps.append(keep)
        live = t.filter(pa.array(keep))
        if not changed and live.num_rows:
            lv = live.to_pandas()
            r = roles.reindex(lv["doc_id"].astype(str).to_numpy())
            known = r["is_canonical"].notna().to_numpy()
            for col in (c for c in ROLE_COLUMNS if c in have):
                if (known & ~_same(lv[col].reset_index(drop=True), r[col].reset_index(drop=True))).any():
                    changed = True
                    break
        live_ids = live["doc_id"]
        clustered += live_ids.filter(pc.is_in(live_ids, value_set=in_cluster)).to_pylist()
        dead += t["doc_id"].filter(pa.array(~keep)).to_pylist()
    return (np.concatenate(keeps) if keeps else np.zeros(0, dtype=bool)), changed, clustered


def _with_roles(t: pa.Table, roles: pd.DataFrame) -> pa.Table:
    """Documents rows with the duplicate roles of the dedup state, and their 'duplicate' flag."""
    ids = t["doc_id"].to_pandas().astype(str)
    r = roles.reindex(ids.to_numpy())
    known = r["is_canonical"].notna().to_numpy()
    schema = schemas.arrow_schema("documents")
    old_canonical = t["is_canonical"].to_numpy(zero_copy_only=False)
    for col in ROLE_COLUMNS:
        old = t[col].to_pandas()
        new = pd.Series(np.where(known, r[col].astype(object).to_numpy(), old.astype(object).to_numpy()))
        new = new.where(pd.notna(new), None)
        t = t.set_column(
            t.schema.get_field_index(col), schema.field(col), pa.array(new, schema.field(col).type)
        )
    flipped = np.flatnonzero(t["is_canonical"].to_numpy(zero_copy_only=False) != old_canonical)
    if len(flipped):
        flags = t["quality_flags"].to_pylist()
        for i in flipped.tolist():
            have = set(flags[i] or []) - {"duplicate"}
            if not t["is_canonical"][i].as_py():
                have.add("duplicate")
            flags[i] = [f for f in FLAGS if f in have]
        field_ = schema.field("quality_flags")
        t = t.set_column(t.schema.get_field_index("quality_flags"), field_, pa.array(flags, field_.type))
    return t


# Long on purpose: the build of one latest-view version in commit order (link unchanged files,
# rewrite the parts that lost rows, write the new version folder) — the crash-safety argument
# in the module docstring follows these steps, so they stay in one function.
def build(
    out: Path,
    run_id: str,
    dest: Path,
    sources: dict[str, str],
    roles: pd.DataFrame,
    prev: Path | None = None,
) -> BuildStats:
    """Write the latest view as of run_id into dest (a new folder).

    sources: live input URI -> the committed run whose rows for it are live (manifest.load).
    roles: doc_id and ROLE_COLUMNS of the live documents (dedup.live_roles of run_id's state).
    prev: the previous version folder to start from, or None to build from the history parts.
    """
    out, dest = Path(out), Path(dest)
    stats = BuildStats(rows=dict.fromkeys(TABLES, 0))
    roles = roles.set_index("doc_id")
    by_run: dict[str, list[str]] = {}
    for uri, rid in sources.items():
        by_run.setdefault(rid, []).append(uri)
    clustered_run: dict[str, str] = {}  # doc_id of a live document in a cluster or story -> its run
    # Arrow's is_in, not pandas' on a set: pandas' isin on Arrow strings made a Python str per row
    story_size = roles.groupby("story_id")["story_id"].transform("size") if len(roles) else roles["story_id"]
    grouped = roles["dup_cluster_id"].notna() | (story_size > 1)
    in_cluster = pa.array(roles.index[grouped.to_numpy(dtype=bool)].astype(str), pa.string())

    def emit(
        table: str, src: Path, source_run: str, keep: np.ndarray, fix=None, changed: bool = False
    ) -> None:
        if not keep.any():
            return
        if keep.all() and not changed and not _outdated(src, table):
            _link(src, dest / table / src.name)
            stats.files_linked += 1
            stats.rows[table] += len(keep)
            return
        prefix = _piece_prefix(source_run)
        if src.name.startswith(prefix):  # a piece: rewritten as one piece with the same k
            k = src.name[len(prefix) :].split("~", 1)[0]
            name = f"{prefix}{k}~{run_id}.parquet"
            n = _rewrite(src, lambda _k: dest / table / name, table, keep, fix)
        else:  # a whole history part: split into pieces, one per row group
            n = _rewrite(src, lambda k: dest / table / f"{prefix}{k:05d}~{run_id}.parquet", table, keep, fix)
        stats.files_rewritten += 1
        stats.rows_rewritten += n
        stats.rows[table] += n

    for rid in sorted(by_run):
        uris = pa.array(sorted(by_run[rid]), pa.string())
        dead: list[str] = []  # run rid's documents that are no longer live
        any_live = False
        for src in _sources(out, prev, "documents", rid):
            keep, changed, clustered = _scan_documents(src, uris, roles, in_cluster, dead)
            emit("documents", src, rid, keep, lambda tb: _with_roles(tb, roles), changed)
            clustered_run.update(dict.fromkeys(clustered, rid))
            any_live |= bool(keep.any())
        dead_ids = pa.array(dead, pa.string())
        for s_src in _sources(out, prev, "sentences", rid) if any_live else []:
            if len(dead_ids):  # only a run that lost documents has its sentences' ids read
                s_keep = _not_dead(s_src, dead_ids)
            else:
                s_keep = np.ones(pq.ParquetFile(s_src).metadata.num_rows, dtype=bool)
            emit("sentences", s_src, rid, s_keep)
        for r_src in _sources(out, prev, "rejects", rid):
            r_uri = pq.read_table(r_src, columns=["source_uri"])["source_uri"]
            emit("rejects", r_src, rid, pc.is_in(r_uri, value_set=uris).to_numpy(zero_copy_only=False))

    dup = _duplicates(roles, clustered_run, run_id)
    publish.write_parquet(dup, dest / "duplicates" / publish.part_name(run_id))
    stats.rows["duplicates"] = dup.num_rows
    for table in TABLES:  # an empty table is one empty file: every reader needs at least one
        if not (dest / table).is_dir() or not any((dest / table).iterdir()):
            publish.write_parquet(
                schemas.arrow_schema(table).empty_table(), dest / table / publish.part_name(run_id)
            )
    for d in [dest, *(dest / t for t in TABLES)]:
        publish.fsync_dir(d)
    return stats


def _duplicates(roles: pd.DataFrame, clustered_run: dict[str, str], run_id: str) -> pa.Table:
    """Every live member of every copy cluster and every story of 2+ live documents, as judged by
    run_id (is_new: ingested by run_id)."""
    if not clustered_run:
        return schemas.arrow_schema("duplicates").empty_table()
    live = roles.loc[list(clustered_run)]
    if not len(live):
        return schemas.arrow_schema("duplicates").empty_table()
    copies = live[live["dup_cluster_id"].notna()]
    stories = live[live["story_id"].map(live["story_id"].value_counts()) > 1]

    def rows(level: str, part: pd.DataFrame, cols: tuple[str, str, str, str], method) -> pd.DataFrame:
        group, canonical, similarity, containment = (part[c] for c in cols)
        return pd.DataFrame(
            {
                "run_id": run_id,
                "level": level,
                "cluster_id": group.astype(str).to_numpy(),
                "doc_id": part.index.astype(str).to_numpy(),
                "canonical_doc_id": canonical.astype(str).to_numpy(),
                "similarity": similarity.astype(float).fillna(1.0).to_numpy(),
                "containment": containment.astype(float).fillna(1.0).to_numpy(),
                "method": method,
                "is_new": [clustered_run[d] == run_id for d in part.index],
            }
        )

    copy_method = np.where(copies["is_canonical"].astype(bool), "canonical", copies["dup_method"].astype(str))
    df = pd.concat(
        [
            rows(
                "copy",
                copies,
                ("dup_cluster_id", "canonical_doc_id", "dup_similarity", "copy_containment"),
                copy_method,
            ),
            rows(
                "story",
                stories,
                ("story_id", "story_id", "story_jaccard", "story_containment"),
                stories["story_method"].astype(str).to_numpy(),
            ),
        ],
        ignore_index=True,
    )
    df = df.sort_values(["level", "cluster_id", "method", "doc_id"], kind="stable")
    return pa.Table.from_pandas(df, schema=schemas.arrow_schema("duplicates"), preserve_index=False)


def live_count(out: Path) -> int:
    """How many documents the latest view holds (Parquet footers only: no rows are read)."""
    folder = current_dir(out)
    if folder is None:
        return 0
    return sum(pq.ParquetFile(p).metadata.num_rows for p in (folder / "documents").glob("*.parquet"))


def live_documents(out: Path, uris: set[str]) -> pd.DataFrame:
    """source_uri, record_key and doc_id of the live documents of the given inputs."""
    folder = current_dir(out)
    empty = pd.DataFrame({c: pd.Series([], dtype=str) for c in KEY_COLUMNS})
    if folder is None or not uris:
        return empty
    value_set = pa.array(sorted(uris), pa.string())
    parts = []
    for path in sorted((folder / "documents").glob("*.parquet")):
        t = pq.read_table(path, columns=KEY_COLUMNS)
        parts.append(t.filter(pc.is_in(t["source_uri"], value_set=value_set)))
    return pa.concat_tables(parts).to_pandas() if parts else empty


def unread_inputs(out: Path) -> set[str]:
    """The inputs whose live row is an unsupported_format or unsupported_xml reject of the whole
    file (no reader took their name, or their XML/SGML, when they were read): manifest.plan reads
    them again once a reader takes it (``read.reader_takes``). A
    member of an archive with no reader (``photo.jpg`` in a zip: record key = its name) is not the
    archive's row: the archive was read, and must not be read again on every run."""
    return _rejected_inputs(out, [UNSUPPORTED_FORMAT, UNSUPPORTED_XML], whole_file=True)


def rejected_inputs(out: Path, reasons: tuple[str, ...]) -> set[str]:
    """The inputs with a live reject of one of ``reasons`` (any record of theirs; the readers'
    reasons: manifest.READER_REJECTS): manifest.plan reads one again when it was read under other
    readers (``manifest.readers_fingerprint``: a text alias or reader added since may read the record
    now), not on every run."""
    return _rejected_inputs(out, list(reasons), whole_file=False)


def _rejected_inputs(out: Path, reasons: list[str], whole_file: bool) -> set[str]:
    folder = current_dir(out)
    if folder is None:
        return set()
    found: set[str] = set()
    for path in sorted((folder / "rejects").glob("*.parquet")):
        t = pq.read_table(path, columns=["source_uri", "record_key", "reason"])
        hit = pc.is_in(t["reason"], pa.array(reasons))
        if whole_file:
            hit = pc.and_(hit, pc.equal(t["record_key"], ""))
        found.update(t.filter(hit)["source_uri"].to_pylist())
    return found


def written_keys(documents: Path, uris: set[str]) -> pd.DataFrame:
    """KEY_COLUMNS of the documents a run wrote to its ``documents`` file, for ``changes``: only
    those of the inputs in ``uris`` (the inputs the run removed or reprocessed), the only ones that
    can replace a live document, since doc_id and the record key both name the input. A first run
    reads nothing; a million-document run no longer reads every key into Python strings."""
    if not uris:
        return pd.DataFrame({c: pd.Series([], dtype=str) for c in KEY_COLUMNS})
    value_set = pa.array(sorted(uris), pa.string())
    pf = pq.ParquetFile(documents)
    parts = []
    for k in range(pf.num_row_groups):
        t = pf.read_row_group(k, columns=KEY_COLUMNS)
        parts.append(t.filter(pc.is_in(t["source_uri"], value_set=value_set)))
    return (
        pa.concat_tables(parts).to_pandas()
        if parts
        else pf.schema_arrow.empty_table().select(KEY_COLUMNS).to_pandas()
    )


def changes(before: pd.DataFrame, after: pd.DataFrame, reasons: dict[str, str] | None = None) -> pd.DataFrame:
    """What a run did to the live documents of the inputs it removed or reprocessed.

    before: KEY_COLUMNS of those inputs' live documents before the run; after: KEY_COLUMNS of the
    documents the run wrote. A document whose (source_uri, record_key) has a new doc_id is
    'replaced'; one whose key is gone (input removed, record deleted or now a reject) is 'removed'.
    Unchanged records of a reprocessed file (same doc_id) are neither. ``reason`` says why its
    input was processed again (``reasons``: source_uri -> manifest.Plan.reasons) or
    'input_removed' for an input no longer found.
    """
    gone = before[~before["doc_id"].isin(set(after["doc_id"]))]
    new_of = after.drop_duplicates(["source_uri", "record_key"]).set_index(["source_uri", "record_key"])[
        "doc_id"
    ]
    keys = pd.MultiIndex.from_frame(gone[["source_uri", "record_key"]])
    replaced_by = new_of.reindex(keys).to_numpy()
    return pd.DataFrame(
        {
            "source_uri": gone["source_uri"].to_numpy(),
            "record_key": gone["record_key"].to_numpy(),
            "doc_id": gone["doc_id"].to_numpy(),
            "change": np.where(pd.notna(replaced_by), "replaced", "removed"),
            "new_doc_id": replaced_by,
            # a lookup, not map().fillna(): a run that only removes maps every URI to NaN (float),
            # which pandas will no longer fill with a string
            "reason": [(reasons or {}).get(u, manifest.INPUT_REMOVED) for u in gone["source_uri"].tolist()],
        }
    ).sort_values(["source_uri", "record_key"], kind="stable", ignore_index=True)


CHANGES_SCHEMA = pa.schema(
    [
        ("source_uri", pa.string()),
        ("record_key", pa.string()),
        ("doc_id", pa.string()),
        ("change", pa.string()),
        ("new_doc_id", pa.string()),
        # why the input was processed again (content_changed, settings_changed, reader_added, reprocess) or
        # input_removed; parts written before it have no column
        ("reason", pa.string()),
    ]
)


def changes_table(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, schema=CHANGES_SCHEMA, preserve_index=False)


def materialize(out: Path, dest: Path, as_of: str | None = None) -> BuildStats:
    """Build the latest view as of a committed run (default: the newest) from the history into dest."""
    out = Path(out)
    committed = publish.committed_run_ids(out)
    if as_of is not None:
        if as_of not in committed:
            raise ValueError(f"run {as_of} is not a committed run under {out}")
        committed = committed[: committed.index(as_of) + 1]
    if not committed:
        raise ValueError(f"no committed run under {out}")
    run_id = committed[-1]
    sources = {uri: e.run_id for uri, e in manifest.load(out, committed).items()}
    state = publish.latest_dedup_state(out, upto=run_id)
    roles = (
        live_roles(state)
        if state is not None
        else pd.DataFrame(columns=["doc_id", *ROLE_COLUMNS, *STORY_EVIDENCE])
    )
    return build(out, run_id, dest, sources, roles)


def ensure(out: Path) -> str:
    """Make output/latest point at the newest committed run's version: 'ok' when it does, 'swapped'
    when a run was committed but died before swapping, 'rebuilt' when the view was lost."""
    out = Path(out)
    committed = publish.committed_run_ids(out)
    if not committed:
        return "ok"
    newest = committed[-1]
    target = version_dir(out, newest)
    if current_dir(out) == target.resolve() and target.is_dir():
        return "ok"
    status = "swapped"
    if not target.is_dir():
        tmp = publish.staging_dir(out, newest) / "latest"
        shutil.rmtree(tmp, ignore_errors=True)
        materialize(out, tmp)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
        status = "rebuilt"
    publish.point_latest(out, newest)
    shutil.rmtree(out / "_staging" / newest, ignore_errors=True)
    return status
