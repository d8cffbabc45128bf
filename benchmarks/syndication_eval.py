"""Story and copy levels scored on rewrites written by people (docs/DEDUP.md "Rewrites by outlets").

Each input is a JSON Lines file: one object per line with id, story (the gold key: rewrites of one
source share it, every distractor has its own), kind (source, repost, paraphrase, brief, local,
merged, translation, aggregator, distractor_*), outlet, title, text. The files are put in a fresh
folder and run through the real pipeline (`factsieve run`, a temporary Prefect home), then the
documents table is scored against the gold keys:

* story level: pairwise precision / recall / F1 of "same story_id" against "same gold story";
* per kind: of the rewrites of that kind, how many share the story of their source, and the recall
  of every gold pair that holds one of them;
* distractors: how many are put in another document's story (false links, by distractor kind);
* copy level: pairs in one copy cluster (dup_cluster_id), and how many of them hold one gold story.

Counts only: no text of the inputs is printed, so a blind file can be scored without being read.

    .venv/bin/python benchmarks/syndication_eval.py FILE.jsonl [FILE2.jsonl ...] [--json OUT]
        [--factsieve PATH]   # the CLI to run (default: the one beside this interpreter)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

SOURCE = "source"


def load_gold(paths: list[Path]) -> pd.DataFrame:
    """One row per input record: file stem + id as the record key the pipeline reports, the gold
    story (made unique per file), and the kind."""
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                rows.append((path.name, str(r["id"]), f"{path.stem}:{r['story']}", str(r["kind"])))
            except (ValueError, KeyError) as e:
                raise SystemExit(f"{path}:{n}: not a record with id, story and kind ({e})") from None
    gold = pd.DataFrame(rows, columns=["file", "record_key", "story", "kind"])
    dup = gold.duplicated(["file", "record_key"])
    if dup.any():
        raise SystemExit(f"{int(dup.sum())} records repeat an id within their file")
    return gold


def run_pipeline(paths: list[Path], factsieve: str, work: Path) -> pd.DataFrame:
    """The documents table of one `factsieve run` over a folder holding the files."""
    raw, out = work / "raw", work / "out"
    raw.mkdir(parents=True)
    for path in paths:
        shutil.copy(path, raw / path.name)
    env = dict(os.environ, PREFECT_HOME=str(work / "prefect"))
    proc = subprocess.run(
        [factsieve, "run", str(raw), "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
    )
    if proc.returncode != 0:
        raise SystemExit(f"factsieve run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    docs = pd.read_parquet(
        out / "documents", columns=["source_uri", "record_key", "story_id", "dup_cluster_id"]
    )
    docs["file"] = docs["source_uri"].map(lambda u: Path(str(u)).name)
    return docs


def pairs_of(groups: pd.Series) -> set[tuple[int, int]]:
    """Unordered index pairs of the rows sharing a (non-null) group value."""
    out: set[tuple[int, int]] = set()
    for _, idx in groups.dropna().groupby(groups.dropna()).groups.items():
        out.update(itertools.combinations(sorted(idx), 2))
    return out


def prf(pred: set, true: set) -> dict:
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    return {
        "true_pairs": len(true),
        "predicted_pairs": len(pred),
        "correct": tp,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def score(gold: pd.DataFrame, docs: pd.DataFrame) -> dict:
    df = gold.merge(docs, on=["file", "record_key"], how="left", validate="one_to_one")
    missing = int(df["story_id"].isna().sum())
    df = df.reset_index(drop=True)
    true = pairs_of(df["story"])
    pred = pairs_of(df["story_id"])
    kind = df["kind"].to_numpy()
    is_distractor = df["kind"].str.startswith("distractor").to_numpy()
    result: dict = {"documents": len(df), "not_in_output": missing, "story": prf(pred, true)}

    # per kind: linked to the source (same story_id), and the recall of the gold pairs holding it
    source_story = {
        s: sid for s, k, sid in zip(df["story"], kind, df["story_id"], strict=True) if k == SOURCE
    }
    per_kind: dict = {}
    for k in sorted(set(kind) - {SOURCE}):
        if k.startswith("distractor"):
            continue
        rows = df[df["kind"] == k]
        linked = sum(
            1
            for s, sid in zip(rows["story"], rows["story_id"], strict=True)
            if sid is not None and sid == source_story.get(s)
        )
        held = {pr for pr in true if k in (kind[pr[0]], kind[pr[1]])}
        per_kind[k] = {
            "documents": len(rows),
            "with_source": linked,
            "pair_recall": round(len(held & pred) / len(held), 3) if held else None,
        }
    result["per_kind"] = per_kind

    # distractors put in another document's story, and the pairs that do it
    false_by_kind: Counter = Counter()
    false_pairs_by_kind: Counter = Counter()
    for i in range(len(df)):
        if not is_distractor[i]:
            continue
        wrong = [pr for pr in pred - true if i in pr]
        if wrong:
            false_by_kind[kind[i]] += 1
            false_pairs_by_kind[kind[i]] += len(wrong)
    result["distractors"] = {
        k: {
            "documents": int((kind == k).sum()),
            "linked_wrongly": false_by_kind[k],
            "false_pairs": false_pairs_by_kind[k],
        }
        for k in sorted({k for k in kind if k.startswith("distractor")})
    }
    # false pairs by the kinds of their two ends (which rewrites link to what they should not)
    fp: defaultdict = defaultdict(int)
    for a, b in pred - true:
        fp[" ~ ".join(sorted((kind[a], kind[b])))] += 1
    result["false_pairs_by_kinds"] = dict(sorted(fp.items()))
    copy_pred = pairs_of(df["dup_cluster_id"])
    result["copy"] = {
        "pairs": len(copy_pred),
        "within_one_story": len(copy_pred & true),
        "precision": round(len(copy_pred & true) / len(copy_pred), 3) if copy_pred else 1.0,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--factsieve", default=str(Path(sys.executable).with_name("factsieve")))
    ap.add_argument("--json", type=Path, help="also write the result here")
    ap.add_argument("--keep", type=Path, help="run in this (new) folder and keep it")
    a = ap.parse_args(argv)
    gold = load_gold(a.files)
    if a.keep:
        a.keep.mkdir(parents=True)
        docs = run_pipeline(a.files, a.factsieve, a.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="syndication-eval-") as tmp:
            docs = run_pipeline(a.files, a.factsieve, Path(tmp))
    result = score(gold, docs)
    s = result["story"]
    print(f"documents {result['documents']} (not in output: {result['not_in_output']})")
    print(
        f"story pairs: true {s['true_pairs']}, predicted {s['predicted_pairs']}, correct {s['correct']}"
        f"  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
    )
    print("kind            docs  with source  pair recall")
    for k, v in result["per_kind"].items():
        pr = "-" if v["pair_recall"] is None else f"{v['pair_recall']:.3f}"
        print(f"  {k:<14}{v['documents']:>4}  {v['with_source']:>11}  {pr:>11}")
    print("distractor                 docs  linked wrongly  false pairs")
    for k, v in result["distractors"].items():
        print(f"  {k:<24}{v['documents']:>4}  {v['linked_wrongly']:>14}  {v['false_pairs']:>11}")
    if result["false_pairs_by_kinds"]:
        print(
            "false pairs by kinds: "
            + ", ".join(f"{k} {n}" for k, n in result["false_pairs_by_kinds"].items())
        )
    c = result["copy"]
    print(
        f"copy pairs {c['pairs']}, within one gold story {c['within_one_story']} (precision {c['precision']:.3f})"
    )
    if a.json:
        a.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
