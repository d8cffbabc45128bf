"""Hostile record contents, round 10 (docs/OPERATIONS.md "Hostile records, round 10").

    .venv/bin/python benchmarks/hostile_records.py                  # every class at 1x, 2x, 4x
    .venv/bin/python benchmarks/hostile_records.py tiny_sents,bidi  # some classes
    .venv/bin/python benchmarks/hostile_records.py --folder DIR     # the CLI probe folder (61 MB)

Per class and size: CPU-seconds through clean, title, language, segmentation, quote context and
the classifier in this process (the slowest stage named), sentences and the longest sentence.
A linear stage doubles its time with the size; a ratio near 4 per doubling is quadratic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factsieve import classify  # noqa: E402
from factsieve.text.clean import clean_text  # noqa: E402
from factsieve.text.language import detect_language  # noqa: E402
from factsieve.text.segment import split_sentences  # noqa: E402
from factsieve.text.title import tidy_title, title_from_text  # noqa: E402

SENT = "The council said on Tuesday that the bridge would reopen in March after repairs costing 4.2 million pounds."
_BASES = [
    0x41,
    0x391,
    0x410,
    0x5D0,
    0x627,
    0x905,
    0x985,
    0xA05,
    0xA85,
    0xB05,
    0xB85,
    0xC05,
    0xC85,
    0xD05,
    0xE01,
]
_BASES += [
    0xE81,
    0xF40,
    0x1000,
    0x10D0,
    0x1100,
    0x1200,
    0x13A0,
    0x1780,
    0x1820,
    0x3041,
    0x30A1,
    0x4E00,
    0xAC00,
]
_BASES += [0x0531, 0x0710]  # 30 scripts


def classes(n: int) -> dict[str, str]:
    """Each hostile text at n times its base size."""
    r = random.Random(7)
    return {
        "long_token": "x" * (100_000 * n),
        "tiny_sents": "A b. " * (50_000 * n),
        "word_100k": SENT + " " + "y" * (100_000 * n) + " " + SENT,
        "punct": "!?.,;:-" * (20_000 * n),
        "digits": "1234567890" * (20_000 * n),
        "digits_dots": "1.2.3. " * (20_000 * n),
        "emoji": "\U0001f600\U0001f44d" * (20_000 * n),
        "combining": "a" + "\u0301" * (10_000 * n),
        "combining_words": ("e" + "\u0301" * 50 + " ") * (2_000 * n),
        "zwsp_between": "\u200b".join(SENT * (200 * n)),
        "bidi": ("\u202e" + SENT + "\u202c ") * (500 * n),
        "nul_c0c1": ("\x00\x01\x1b\x85\x9f" + SENT + " ") * (500 * n),
        "identical_sents": (SENT + " ") * (2_000 * n),
        "newlines": "\n" * (100_000 * n),
        "short_lines": "ab\n" * (50_000 * n),
        "dots": "." * (100_000 * n),
        "quotes": "\u201c" * (50_000 * n) + SENT,
        "unclosed_quotes": ("\u201cHe said " + SENT + " ") * (500 * n),
        "spaces_words": "word " * (50_000 * n),
        "abbrev": "Mr. Dr. St. U.S. e.g. i.e. " * (5_000 * n),
        "scripts30": " ".join(
            "".join(chr(b + r.randrange(40)) for _ in range(6)) for b in _BASES * (100 * n)
        ),
        "html_like": "<p>" * (50_000 * n) + SENT,
        "script_text": ("<script>alert(1)</script> " + SENT + " ") * (500 * n),
        "urls": ("http://" + "a" * 200 + ".com/" + "b/" * 100 + " ") * (200 * n),
        "figures": " ".join(f"{r.randrange(10**6)}.{r.randrange(100)}%" for _ in range(10_000 * n)),
        "mixed_nosp": "aB1.,;" * (20_000 * n),
        "caps": "THE COUNCIL SAID " * (10_000 * n),
        "open_paren": "(" * (50_000 * n) + SENT,
        "hyphen_wrap": "word-\n" * (20_000 * n),
        "tabs_ws": " \t" * (50_000 * n) + SENT,
        "question_words": "Why? " * (20_000 * n),
        "ellipsis": "wait... " * (20_000 * n),
        "lone_surrogate": ("\ud800" + SENT + " ") * (200 * n),
        "same_doc_sentences": "\n".join(SENT for _ in range(500 * n)),
    }


def stages(t: str) -> dict[str, float]:
    out: dict[str, float] = {}

    def lap(name: str, t0: float) -> None:
        out[name] = time.thread_time() - t0

    t0 = time.thread_time()
    text = clean_text(t).text
    lap("clean", t0)
    t0 = time.thread_time()
    title_from_text(t)
    tidy_title(t[:100_000])
    lap("title", t0)
    t0 = time.thread_time()
    detect_language(text)
    lap("language", t0)
    t0 = time.thread_time()
    spans = split_sentences(text)
    lap("segment", t0)
    t0 = time.thread_time()
    quoted = classify.quote_context(text, spans)
    classify.classify_batch([text[s:e] for s, e in spans], quoted)
    lap("classify", t0)
    out["sentences"] = len(spans)
    out["longest"] = max((e - s for s, e in spans), default=0)
    return out


def write_folder(raw: Path, scale: int = 8) -> None:
    """The CLI probe: every class at ``scale`` in one JSON Lines file, hostile titles, pages."""
    raw.mkdir(parents=True, exist_ok=True)
    with open(raw / "hostile.jsonl", "w", encoding="utf-8") as f:
        for k, v in classes(scale).items():
            if k != "lone_surrogate":
                f.write(json.dumps({"id": k, "text": v}) + "\n")
        f.write('{"id": "surrogate_escape", "text": "' + ("\\ud800 " + SENT + " \\udfff") * 50 + '"}\n')
        for rec in (
            {"id": "title_script", "title": "</td><script>alert('t')</script><b>x", "text": SENT * 3},
            {"id": "title_huge", "title": "T" * 1_000_000, "text": SENT * 3},
            {"id": "title_nl", "title": "a\n" * 1000, "text": SENT * 3},
            {"id": "url_script", "url": "javascript:alert(1)", "text": SENT * 3},
        ):
            f.write(json.dumps(rec) + "\n")
    (raw / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + SENT + "</div>" * 100_000 + "</body></html>"
    )
    (raw / "manyp.html").write_text("<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>")
    cells = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 1000
    (raw / "table.html").write_text(f"<html><body><table>{cells}</table><p>{SENT}</p></body></html>")
    (raw / "script.html").write_text(
        "<html><head><title></td><script>alert(1)</script></title></head><body><p>" + SENT + "</p>"
        "<script>document.write('<p>evil</p>')</script><p>&lt;script&gt;alert(2)&lt;/script&gt; "
        + SENT
        + "</p></body></html>"
    )
    base = " ".join(SENT for _ in range(8))
    with open(raw / "neardup.jsonl", "w", encoding="utf-8") as f:
        for i in range(10_000):
            f.write(json.dumps({"id": f"n{i}", "text": base + f" Item {i} of the series."}) + "\n")
    r = random.Random(3)
    with open(raw / "figures.jsonl", "w", encoding="utf-8") as f:
        for i in range(200):
            figures = " ".join(f"{r.randrange(10**6)},{r.randrange(1000):03d}" for _ in range(300))
            f.write(json.dumps({"id": f"f{i}", "text": figures}) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="?", default="", help="comma-separated classes (default: all)")
    ap.add_argument("--folder", type=Path, help="write the CLI probe folder here and stop")
    args = ap.parse_args()
    if args.folder:
        write_folder(args.folder)
        return 0
    names = args.names.split(",") if args.names else list(classes(1))
    for name in names:
        row = []
        for n in (1, 2, 4):
            t = classes(n)[name]
            o = stages(t)
            cpu = {k: v for k, v in o.items() if k not in ("sentences", "longest")}
            worst = max(cpu, key=cpu.get)
            row.append(
                f"x{n} {len(t) / 1e6:.2f} Mchar {sum(cpu.values()):.2f} CPU-s ({worst} {cpu[worst]:.2f}) "
                f"{o['sentences']:.0f} sentences, longest {o['longest']:.0f}"
            )
        print(f"{name:18s} " + " | ".join(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
