"""Whether two output folders hold the same tables, apart from what differs between any two runs.

    .venv/bin/python benchmarks/compare_outputs.py OUT_A OUT_B

For the newest committed run of each folder, every table (documents, sentences, duplicates, rejects,
runs, the manifest and changes state tables, and the four tables of the latest view) is read whole and compared row by row, in file
order, after dropping the columns that name the run or the moment (run ids, timestamps, seconds,
peak memory, paths of the output folder). Prints one line per table and exits 1 on any difference.
Used to check that a change of *how* tables are written (e.g. factsieve.batch.staged) changed
nothing they hold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factsieve.output import publish  # noqa: E402

# Differ between any two runs of the same inputs.
VOLATILE = {
    "run_id",
    "ingested_at",
    "started_at",
    "finished_at",
    "stage_seconds",
    "command_seconds",
    "seconds",
    "peak_rss_mb",
    "wall_seconds",
}
# Keys dropped inside the runs table's JSON columns (parameters, stage_counts, gx_detail, ...).
VOLATILE_KEYS = {"out", "timings_s", "total_s", "peak_rss_mb", "seconds"}
TABLES = [
    *publish.DATA_TABLES,
    publish.COMMIT_TABLE,
    "_state/manifest",
    "_state/changes",
    *(f"{publish.LATEST_LINK}/{t}" for t in publish.DATA_TABLES),
]


def _stable(obj):
    if isinstance(obj, dict):
        return {k: _stable(v) for k, v in obj.items() if k not in VOLATILE_KEYS}
    if isinstance(obj, list):
        return [_stable(v) for v in obj]
    return obj


def _json_cell(v):
    if not isinstance(v, str) or v[:1] not in "[{":
        return v
    try:
        return json.dumps(_stable(json.loads(v)), sort_keys=True)
    except ValueError:
        return v


def read(out: Path, table: str):
    run_id = publish.committed_run_ids(out)[-1]
    if table.startswith(publish.LATEST_LINK + "/"):  # the latest view: every file, in name order
        files = sorted((out / table).glob("*.parquet"))
        t = pa.concat_tables([pq.read_table(f) for f in files]) if files else None
    else:
        t = pq.read_table(out / table / publish.part_name(run_id))
    t = t.drop_columns([c for c in t.column_names if c in VOLATILE])
    for i, f in enumerate(t.schema):
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
            if table == publish.COMMIT_TABLE:
                t = t.set_column(i, f, pa.array([_json_cell(v) for v in t[f.name].to_pylist()], f.type))
    return t


def main(a: Path, b: Path) -> int:
    bad = 0
    for table in TABLES:
        ta, tb = read(a, table), read(b, table)
        same = ta.schema.equals(tb.schema) and ta.equals(tb)
        if not same and ta.schema.equals(tb.schema) and ta.num_rows == tb.num_rows:
            cols = [c for c in ta.column_names if not ta[c].equals(tb[c])]
            detail = f"columns differ: {cols}"
        else:
            detail = "" if same else f"schema or row count differ ({ta.num_rows} vs {tb.num_rows} rows)"
        print(f"{table:18s} {ta.num_rows:>9,} rows  {'same' if same else 'DIFFERENT ' + detail}")
        bad += not same
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
