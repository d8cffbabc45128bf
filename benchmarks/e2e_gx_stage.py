"""The Great Expectations stage of a run, timed alone on a kept output folder.

    PYTHONPATH=TREE .venv/bin/python benchmarks/e2e_gx_stage.py OUT [--json]

OUT is an output folder a run left (``e2e_bench.py --keep-output``). In a fresh process, with GX
imported before the clock starts (as the checker process has it when the flow asks), this does
what a run does from the end of scoring to GX's outcome, with the code on ``PYTHONPATH``: read the
sentence sample back from the sentences file (the columns that tree's checks take), pickle the
frames to the checker and back (``gx_process``), and ``checks.run_checks`` into a fresh GX root
(a first run into a new output folder, as every e2e run is). Prints CPU and wall seconds of each
piece; alternate two trees with ``PYTHONPATH`` to compare them.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _lap(t0: tuple[float, float]) -> dict[str, float]:
    c, w = _clock()
    return {"cpu": round(c - t0[0], 3), "wall": round(w - t0[1], 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import great_expectations  # noqa: F401 - imported ahead, as in the checker process

    import schemas
    from factsieve.output import assemble, checks
    from factsieve.params import GxBounds

    def table(name: str, columns: list[str] | None = None) -> pd.DataFrame:
        path = next((args.out / name).glob("*.parquet"))
        return pq.read_table(path, columns=columns).to_pandas(types_mapper=pd.ArrowDtype)

    # The sample's columns as that tree's assemble.sentence_sample reads them.
    sample_columns = list(
        getattr(
            checks, "SENTENCE_COLUMNS", [c for c in schemas.arrow_schema("sentences").names if c != "cues"]
        )
    )
    laps: dict[str, dict[str, float]] = {}
    t = _clock()
    sentences = table("sentences", sample_columns)
    laps["read_sample"] = _lap(t)
    frames = {
        "documents": table("documents", assemble.CHECK_DOC_COLUMNS),
        "sentences": sentences,
        "rejects": table("rejects"),
        "duplicates": table("duplicates"),
        "runs": table("runs"),
    }
    t = _clock()
    sent = pickle.dumps(frames, protocol=pickle.HIGHEST_PROTOCOL)
    frames = pickle.loads(sent)
    laps["to_checker"] = _lap(t)
    with tempfile.TemporaryDirectory() as root:
        t = _clock()
        outcome = checks.run_checks(frames, Path(root), "20261207T000000Z-bench0", GxBounds())
        laps["run_checks"] = _lap(t)
    result = {
        "tree": str(Path(checks.__file__).resolve().parents[2]),
        "sentences": len(sentences),
        "pickled_mb": round(len(sent) / 1e6, 1),
        "status": outcome.status,
        "detail_sha": __import__("hashlib").sha256(outcome.detail_json().encode()).hexdigest()[:16],
        "laps": laps,
        "cpu_total": round(sum(v["cpu"] for v in laps.values()), 3),
    }
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
