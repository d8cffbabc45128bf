"""Edits + kill -9 at random points through the real CLI (docs/OPERATIONS.md "Latest view, round
10"); after each scenario the latest view must equal a run from scratch over the folder as it is
(tests/output/latest_checks.compare). One JSON line per scenario.

    .venv/bin/python benchmarks/latest_kill9.py WORKDIR [SEED]
"""

import gzip  # noqa: E401
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.output.latest_checks import compare, view  # noqa: E402
from tests.output.latest_raw_folder import build_raw  # noqa: E402

W = Path(sys.argv[1])
shutil.rmtree(W, ignore_errors=True)
W.mkdir(parents=True)
raw = W / "raw"
build_raw(REPO / "raw", raw, newer_formats=True)
env = {**os.environ, "PREFECT_HOME": str(W / "ph"), "PYTHONPATH": str(REPO)}
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
STORY = "The harbour authority said on Tuesday that the north quay would reopen in March after repairs costing {} million pounds."


def run(rawarg, out, kill_after=None):
    p = subprocess.Popen(
        [str(REPO / ".venv/bin/python"), "-m", "flows.cli", "run", rawarg, "--out", str(out), "--json"],
        cwd=W,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    if kill_after is not None:
        try:
            p.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return "killed", {}
    o, e = p.communicate(timeout=1800)
    s = json.loads(o) if o.strip().startswith("{") else {}
    return p.returncode, s if s else e[-500:]


def check(name, rawdir, out):
    rc, s = run(str(rawdir), W / f"fresh-{name}")
    assert rc == 0, s
    inc, fresh = view(out), view(W / f"fresh-{name}")
    bad = compare(inc, fresh, {d: 0 for d in inc["documents"]["doc_id"]})
    dupl = not inc["documents"]["doc_id"].is_unique
    shutil.rmtree(W / f"fresh-{name}")
    return bad, dupl


out = W / "out"
print("first", run("raw", out)[0], flush=True)
edits = {
    "content_edit": lambda: (raw / "news/2024-06-12-port-fees.txt").write_text(STORY.format(7.5) + "\n"),
    "rename": lambda: os.rename(raw / "news/2024-05-02-rail-contract-vote.txt", raw / "news/rail-vote.txt"),
    "delete": lambda: os.unlink(raw / "seo/harris-visit-explained.txt"),
    "restore": lambda: (raw / "seo/harris-visit-explained.txt").write_text(
        STORY.format(1.1) + " Restored.\n"
    ),
    "archive_member": lambda: _zip(),
    "jsonl_record": lambda: _jsonl(),
    "gzip_swap": lambda: _gz(),
    "hostile_add": lambda: (raw / "misc/hostile.jsonl").write_text(
        "".join(
            json.dumps({"id": k, "text": v}) + "\n"
            for k, v in {
                "t": "A b. " * 100000,
                "z": "\u200b".join(STORY * 30),
                "c": "a" + "\u0301" * 10000,
            }.items()
        )
    ),
    "hostile_html": lambda: (raw / "web/cells.html").write_text(
        "<html><body><table>"
        + ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 500
        + "</table><p>"
        + STORY.format(2)
        + "</p></body></html>"
    ),
    "edit_twice_same_size": lambda: (raw / "news/2024-06-13-port-fees.txt").write_bytes(
        (raw / "news/2024-06-13-port-fees.txt").read_bytes().replace(b"port", b"pork", 1)
    ),
}


def _zip():
    z = raw / "archive/bundle.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("a.txt", STORY.format(rng.randrange(100)) + "\n")
        f.writestr("b.txt", STORY.format(3.3) + " Bee.\n")


def _jsonl():
    p = raw / "feeds/blog-roll.jsonl"
    lines = p.read_text().splitlines()
    lines[0] = json.dumps({"text": STORY.format(rng.randrange(1000))})
    p.write_text("\n".join(lines) + "\n")


def _gz():
    p = raw / "news/2024-03-12-el-salvador-talks.txt"
    if p.exists():
        (raw / "news/2024-03-12-el-salvador-talks.txt.gz").write_bytes(gzip.compress(p.read_bytes()))
        p.unlink()


results = []
for name, fn in edits.items():
    fn()
    k = rng.uniform(3, 40)
    r1 = run("raw", out, kill_after=k)
    r2 = run("raw", out)
    bad, dupl = check(name, raw, out)
    line = {
        "scenario": name,
        "kill_after_s": round(k, 1),
        "killed": r1[0] == "killed",
        "rerun_rc": r2[0],
        "rerun_status": r2[1].get("status") if isinstance(r2[1], dict) else r2[1],
        "differences": bad[:2],
        "doc_id_twice": dupl,
    }
    print(json.dumps(line), flush=True)
    results.append(line)
# file:// switch and a copied folder
r = run(f"file://{raw}", out)
print(
    json.dumps({"scenario": "file_url", "status": r[1].get("status"), "new": r[1].get("new_files")}),
    flush=True,
)
shutil.copytree(raw, W / "raw2", copy_function=shutil.copyfile)
shutil.rmtree(raw)
r = run(str(W / "raw2"), out, kill_after=rng.uniform(3, 30))
r = run(str(W / "raw2"), out)
bad, dupl = check("copy", W / "raw2", out)
print(
    json.dumps(
        {
            "scenario": "copy_then_delete_original+kill",
            "status": r[1].get("status") if isinstance(r[1], dict) else r[1],
            "differences": bad[:2],
            "doc_id_twice": dupl,
        }
    ),
    flush=True,
)
