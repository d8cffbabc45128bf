"""The invariants the latest view must keep after every run of a random sequence
(docs/OPERATIONS.md, "What the latest view guarantees"): the view against the raw folder, the
manifest and the history (check_live), and against a from-scratch run (compare).

The comparison is against a from-scratch run over the current raw folder (same path, so doc_ids
and source_uris are the same). What must be equal and what may differ:

* equal: every row of documents (but the duplicate roles), sentences and rejects, with every
  column but run_id and ingested_at (which run wrote a row is history, not content);
* equal: which live documents are copies of each other, and which share a story (the partitions);
* may differ: which member of a cluster or story is canonical, because an earlier run's canonical
  keeps its role while it lives (docs/DEDUP.md, "Cross-run rule"): the rule tested instead is that
  every member ranked above the canonical (quality_score, then published_at, then doc_id) arrived
  in a later run than the canonical, where "arrived" is the run that made the document live
  (again) — a from-scratch run has one arrival, so its canonical is the best-ranked member. Where
  the canonicals agree, the columns relative to the canonical (dup_method, dup_similarity,
  cluster_id, the duplicates rows) are equal too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import xxhash

from factsieve.dedup.forget import ROLE_COLUMNS
from factsieve.ingest import manifest
from factsieve.output import publish

TABLES = ("documents", "sentences", "duplicates", "rejects")
RUN_SPECIFIC = ["run_id", "ingested_at", "is_new"]
KEYS = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sent_index"],
    "duplicates": ["level", "cluster_id", "doc_id"],
    "rejects": ["source_uri", "record_key"],
}


def view(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in TABLES:
        df = pd.read_parquet(Path(out) / "latest" / name)
        frames[name] = df.sort_values(KEYS[name], kind="stable", ignore_index=True)
    return frames


def _rank(docs: pd.DataFrame) -> pd.Series:
    """Each document's place by the canonical rule (docs/DEDUP.md): best quality_score (missing
    worst), then earliest published_at (missing latest), then smallest doc_id. 0 is the best."""
    order = docs.assign(
        _q=docs["quality_score"].fillna(-1.0),
        _p=pd.to_datetime(docs["published_at"], utc=True),
    ).sort_values(["_q", "_p", "doc_id"], ascending=[False, True, True], na_position="last", kind="stable")
    return pd.Series(range(len(order)), index=order["doc_id"].to_numpy())


def _groups(docs: pd.DataFrame, col: str) -> set[frozenset]:
    """The partition of the documents into groups of 2+ by col (copy clusters, stories)."""
    g = docs.dropna(subset=[col]).groupby(col)["doc_id"].agg(frozenset)
    return {s for s in g if len(s) > 1}


def check_canonicals(
    docs: pd.DataFrame, col: str, canon: str, arrival: dict[str, int], what: str
) -> list[str]:
    """Every group's canonical: every member ranked above it arrived later (incremental rule)."""
    rank = _rank(docs)
    bad = []
    for key, members in docs.dropna(subset=[col]).groupby(col):
        if len(members) < 2:
            continue
        c = members[canon].iloc[0]
        if (members[canon] != c).any() or c not in set(members["doc_id"]):
            bad.append(f"{what} {key}: members name canonicals {sorted(set(members[canon]))}")
            continue
        above = [d for d in members["doc_id"] if rank[d] < rank[c]]
        early = [d for d in above if arrival.get(d, -1) <= arrival.get(c, -1)]
        if early:
            bad.append(
                f"{what} {key}: canonical {c} (arrived run {arrival.get(c)}) but {early} rank above it "
                f"and arrived no later ({[arrival.get(d) for d in early]})"
            )
    return bad


def _no_dup_flag(flags) -> list[str]:
    return [x for x in flags if x != "duplicate"]


def merged_by_a_later_canonical(
    inc: pd.DataFrame, fresh: pd.DataFrame, col: str, canon: str, arrival: dict[str, int]
) -> list[str] | None:
    """Why the partitions by ``col`` differ, if only as the cross-run rule allows, else None.

    Groups are formed around their canonical, not chained (docs/DEDUP.md). A document that verifies
    against two canonicals — one holding two stories, e.g. a whole feed read as a .txt — is the
    fresh run's canonical when it ranks first, and both groups join around it; incrementally it
    arrived after the two canonicals, which keep their roles (the arrival rule), so it joins one
    group and the two stay apart (or, when one group's canonical left, that group re-forms around it
    while the other keeps its earlier canonical). Allowed exactly then: every incremental group lies
    within one fresh group, and each fresh group that differs is the union of the incremental groups
    in it, of which all but one (at most, the one it leads) have a canonical that arrived before the
    fresh canonical."""
    fresh_groups, inc_groups = _groups(fresh, col), _groups(inc, col)
    if not all(any(g <= f for f in fresh_groups) for g in inc_groups):
        return None
    inc_canon = inc.set_index("doc_id")[canon]
    fresh_canon = fresh.set_index("doc_id")[canon]
    why = []
    for f in fresh_groups - inc_groups:
        c = fresh_canon[next(iter(f))]
        inside = [g for g in inc_groups if g <= f]
        others = {inc_canon[next(iter(g))] for g in inside} - {c}
        if frozenset().union(*inside) != f or not others:
            return None
        if any(arrival.get(c, -1) <= arrival.get(e, -1) for e in others):
            return None
        why.append(f"{sorted(f)} joined around {c} (arrived run {arrival.get(c)}), apart incrementally")
    return why


def compare(
    inc: dict[str, pd.DataFrame],
    fresh: dict[str, pd.DataFrame],
    arrival: dict[str, int],
    notes: list[str] | None = None,
) -> list[str]:
    """What differs between the incremental view and a from-scratch run's, beyond what may; what
    differs as the cross-run rule allows is added to ``notes``."""
    bad: list[str] = []
    role = [*ROLE_COLUMNS, "quality_flags"]
    for name in ("documents", "sentences", "rejects"):
        a, b = (
            t[name].drop(columns=[c for c in RUN_SPECIFIC + role if c in t[name].columns])
            for t in (inc, fresh)
        )
        if name == "documents":
            a = a.assign(flags=inc[name]["quality_flags"].map(_no_dup_flag))
            b = b.assign(flags=fresh[name]["quality_flags"].map(_no_dup_flag))
        try:
            pd.testing.assert_frame_equal(a, b, obj=name)
        except AssertionError as exc:
            ka, kb = (set(map(tuple, t[KEYS[name]].astype(str).to_numpy())) for t in (a, b))
            bad.append(
                f"{name} differ: only incremental {sorted(ka - kb)[:5]}, only fresh {sorted(kb - ka)[:5]}; {str(exc)[:600]}"
            )
    if bad:
        return bad
    di, df_ = inc["documents"], fresh["documents"]
    for col, canon, what in (
        ("dup_cluster_id", "canonical_doc_id", "copy cluster"),
        ("story_id", "story_id", "story"),
    ):
        if _groups(di, col) != _groups(df_, col):
            why = merged_by_a_later_canonical(di, df_, col, canon, arrival)
            if why is None:
                bad.append(
                    f"{what} partition differs: incremental {sorted(map(sorted, _groups(di, col)))} fresh {sorted(map(sorted, _groups(df_, col)))}"
                )
            elif notes is not None:
                notes += [f"{what}: {w}" for w in why]
        bad += check_canonicals(di, col, canon, arrival, "incremental " + what)
        bad += check_canonicals(df_, col, canon, {d: 0 for d in df_["doc_id"]}, "fresh " + what)
    # Where the canonical is the same, so is everything measured against it.
    same = di.set_index("doc_id")["canonical_doc_id"] == df_.set_index("doc_id")["canonical_doc_id"]
    cols = ["dup_cluster_id", "is_canonical", "dup_method", "dup_similarity"]
    a = di.set_index("doc_id").loc[same[same].index, cols]
    b = df_.set_index("doc_id").loc[same[same].index, cols]
    try:
        pd.testing.assert_frame_equal(a, b, obj="copy roles where the canonical agrees")
    except AssertionError as exc:
        bad.append(str(exc)[:600])
    for d in (di, df_):
        flagged = d["quality_flags"].map(lambda f: "duplicate" in list(f))
        if (flagged != ~d["is_canonical"]).any():
            bad.append("the duplicate flag disagrees with is_canonical")
    same_story = di.set_index("doc_id")["story_id"] == df_.set_index("doc_id")["story_id"]
    keep = set(same_story[same_story].index) & set(same[same].index)
    dup_cols = ["level", "cluster_id", "doc_id", "canonical_doc_id", "similarity", "containment", "method"]
    da, db = (
        t["duplicates"].loc[t["duplicates"]["doc_id"].isin(keep), dup_cols].reset_index(drop=True)
        for t in (inc, fresh)
    )
    try:
        pd.testing.assert_frame_equal(da, db, obj="duplicates rows where the canonicals agree")
    except AssertionError as exc:
        bad.append(str(exc)[:600])
    return bad


def check_live(raw: Path, out: Path, t: dict[str, pd.DataFrame], ever: set[str]) -> list[str]:
    """The view against the folder, the manifest and the history."""
    bad = []
    files = {str(p) for p in raw.rglob("*") if p.is_file()}
    docs, rejects, sents, dups = t["documents"], t["rejects"], t["sentences"], t["duplicates"]
    for name, df in (("documents", docs), ("rejects", rejects)):
        gone = set(df["source_uri"]) - files
        if gone:
            bad.append(f"latest {name} hold rows of files no longer there: {sorted(gone)}")
    if files - set(docs["source_uri"]) - set(rejects["source_uri"]):
        bad.append(
            f"files with no live row: {sorted(files - set(docs['source_uri']) - set(rejects['source_uri']))}"
        )
    if not docs["doc_id"].is_unique or docs.duplicated(["source_uri", "record_key"]).any():
        bad.append("a document is live twice")
    both = set(map(tuple, docs[["source_uri", "record_key"]].to_numpy())) & set(
        map(tuple, rejects[["source_uri", "record_key"]].to_numpy())
    )
    if both:
        bad.append(f"records both a document and a reject: {sorted(both)}")
    if not sents["doc_id"].isin(docs["doc_id"]).all() or not dups["doc_id"].isin(docs["doc_id"]).all():
        bad.append("sentences or duplicates rows of documents not live")
    if (
        not docs["canonical_doc_id"].isin(docs["doc_id"]).all()
        or not docs["story_id"].isin(docs["doc_id"]).all()
    ):
        bad.append("a live document names a canonical or story that is not live")
    # history keeps every version ever live
    history = set(pq.read_table(out / "documents", columns=["doc_id"])["doc_id"].to_pylist())
    if ever - history:
        bad.append(f"history lost versions: {sorted(ever - history)[:5]}")
    # the manifest's record of each live file is its current bytes; nothing else is live in it
    live = manifest.load(out, publish.committed_run_ids(out))
    if set(live) != files:
        bad.append(
            f"manifest live inputs differ: extra {sorted(set(live) - files)}, missing {sorted(files - set(live))}"
        )
    for uri in sorted(set(live) & files):
        data = Path(uri).read_bytes()
        e = live[uri]
        if e.size != len(data) or e.content_hash != xxhash.xxh3_128(data).hexdigest():
            bad.append(f"manifest entry of {uri} is not its current bytes")
    return bad
