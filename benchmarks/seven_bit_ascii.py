"""False UTF-7 / HZ reads on plain ASCII text full of "+" and "~{" (round 17).

    .venv/bin/python benchmarks/seven_bit_ascii.py [--lines 100000] [--seed 17] [--baseline DIR]

Generates realistic ASCII lines in 16 classes that use "+" or "~" the way news, web pages, mail,
code and exports do (below), each line alone a document, and also documents of 20 lines drawn from
all classes; decodes each with ``decode.decode_bytes`` and counts what is not read as ``utf-8``.
``--baseline DIR``: DIR's factsieve/ingest/seven_bit.py (e.g. ``git archive main factsieve | tar -x
-C DIR``) run on the same lines, for the before/after count. Nothing is written; the same seed gives
the same lines.

Then the other side, what the evidence rule costs: every text of tests/ingest/language_texts.py
(27 European languages) and tests/ingest/round16_texts.py with a non-ASCII character, written as
UTF-7 by Python's encoder (which shifts each run of non-ASCII characters and ends a run with "-"
only before a base64 letter), decoded; counted: read back exactly as ``utf-7``.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import random
import string
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factsieve.ingest import decode  # noqa: E402
from tests.ingest import language_texts, round16_texts  # noqa: E402

WORDS = (
    "the minister said on Tuesday that shares rose after talks with union leaders over pay and the"
    " budget vote in parliament was delayed until March because of the storm council police court"
    " market bank prices growth report team match season club fans league coach players win"
).split()
B64 = string.ascii_letters + string.digits + "+/"


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _token(rng: random.Random, lo: int, hi: int, alphabet: str = B64) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def _b64(rng: random.Random, lo: int = 6, hi: int = 120) -> str:
    return base64.b64encode(rng.randbytes(rng.randint(lo, hi))).decode()


CLASSES = {
    "cpp_names": lambda r: (
        f"The {r.choice(['C++', 'Notepad++', 'g++ -O2', 'C++17', 'i++', 'x += 1'])} {_words(r, 6)}."
    ),
    "phone": lambda r: (
        f"Call {r.choice(['+44-20-', '+1-555-', '+33-1-', '+49-30-', '+61-2-'])}"
        f"{r.randint(1000, 9999)}-{r.randint(1000, 9999)} or {_words(r, 4)}."
    ),
    "keys_formulas": lambda r: (
        f"{r.choice(['A+B-C', 'Ctrl+Alt+Del', 'Shift+F10', 'AT+CGMI', 'n+1', 'x+y-z', 'Alt+Tab'])}"
        f" {_words(r, 5)}."
    ),
    "scores": lambda r: (
        f"{_words(r, 4)} +{r.randint(0, 9)}-{r.randint(0, 9)} on the day, "
        f"GD +{r.randint(1, 40)}, up +{r.randint(0, 9)}.{r.randint(0, 9)}%."
    ),
    "json_base64": lambda r: json.dumps(
        {"id": r.randint(1, 10**6), "title": _words(r, 5), "thumb": _b64(r)}, separators=(", ", ": ")
    ),
    "json_two_blobs": lambda r: json.dumps({"a": _b64(r, 3, 30), "b": _b64(r, 3, 30), "text": _words(r, 8)}),
    "url_tokens": lambda r: (
        f"https://example.com/search?q={'+'.join(r.choice(WORDS) for _ in range(3))}"
        f"&sig={_b64(r, 9, 30)}&ts={r.randint(10**9, 2 * 10**9)}"
    ),
    "math": lambda r: (
        f"f(x) = {r.randint(2, 9)}x^2+{r.randint(1, 9)}x-{r.randint(1, 9)}, "
        f"so a+b-c = {r.randint(1, 99)} and 2+2=4."
    ),
    "diff": lambda r: r.choice(
        [
            f"+    return self.{r.choice(WORDS)} - {r.randint(1, 9)}",
            f"+import {r.choice(WORDS)}",
            "+++ b/factsieve/ingest/read.py",
            f"@@ -{r.randint(1, 99)},7 +{r.randint(1, 99)},8 @@",
            f"+{r.choice(WORDS)}-{r.choice(WORDS)}: true",
        ]
    ),
    "reactions": lambda r: (
        f"{r.choice(['+1', '+1 to this', '+100', '+1-ing that', '+1, ship it'])} {_words(r, 3)}"
    ),
    "names_with_plus": lambda r: (
        f"{r.choice(['Disney+', 'Apple TV+', 'Google+', 'Mail+Guardian', 'user+news@example.com', 'Canal+'])}"
        f" {_words(r, 5)}."
    ),
    # The adversarial class: "+" before 3-8 base64 letters, ended by "-", a space or a letter.
    "plus_tokens": lambda r: (
        f"{_words(r, 3)} {r.choice(['', 'x', 'A'])}+{_token(r, 3, 8)}"
        f"{r.choice(['-', ' ', '-x', '-Ab'])}{_words(r, 3)}"
    ),
    "tickers": lambda r: (
        f"{r.choice(['BTC', 'ETH', 'Cardano'])} +{r.choice(['ADA', 'SOL', 'DOT', 'XRP', 'AOK', 'APw'])}-USD "
        f"{_words(r, 4)}"
    ),
    "hz_like": lambda r: (
        f"{_words(r, 3)} ~{{{_token(r, 2, 12, string.ascii_letters + string.digits + string.punctuation.replace('~', ''))}~}} "
        f"{_words(r, 3)}"
    ),
    "hz_upper": lambda r: (
        f"{_words(r, 3)} ~{{{_token(r, 2, 16, string.ascii_uppercase + string.digits)}~}} {_words(r, 2)}"
    ),
    "latex_shell": lambda r: r.choice(
        [f"cp ~{{a,b}}/{r.choice(WORDS)}.txt .", f"Mr~{{\\bf {r.choice(WORDS)}}} said", "echo ~{x~} ~{y~}"]
    ),
}


def _seven_bit(path: Path):
    spec = importlib.util.spec_from_file_location("baseline_seven_bit", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--baseline", help="a checkout whose factsieve/ingest/seven_bit.py to count too")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = sorted(CLASSES)
    lines = [(name, CLASSES[name](rng)) for name in (names[i % len(names)] for i in range(args.lines))]
    assert all(text.isascii() for _, text in lines)
    docs = [
        ("20-line documents", "\n".join(t for _, t in rng.sample(lines, 20))) for _ in range(args.lines // 20)
    ]
    approaches = {"this checkout": decode.decode_bytes}
    if args.baseline:
        base = _seven_bit(Path(args.baseline) / "factsieve/ingest/seven_bit.py")
        approaches["baseline"] = lambda b: base.decode(b) or (b.decode("utf-8"), "utf-8")
    for label, decode_bytes in approaches.items():
        wrong: Counter[str] = Counter()
        total: Counter[str] = Counter()
        examples: dict[str, str] = {}
        for name, text in [*lines, *docs]:
            total[name] += 1
            _, encoding = decode_bytes((text + "\n").encode())
            if encoding != "utf-8":
                wrong[name] += 1
                examples.setdefault(name, f"{encoding}: {text[:90]!r}")
        print(f"{label}: {sum(wrong.values())} false reads in {sum(total.values())} documents")
        for name in sorted(total):
            print(f"  {name:18} {wrong[name]:5} / {total[name]}  {examples.get(name, '')}")
    texts = [t for ts in language_texts.TEXTS.values() for t in ts]
    texts += [t for cases in round16_texts.CLASSES.values() for t, _ in cases]
    texts = sorted({t for t in texts if not t.isascii()})
    for label, decode_bytes in approaches.items():
        right = sum(1 for t in texts if decode_bytes(t.encode("utf-7")) == (t, "utf-7"))
        print(f"{label}: {right} of {len(texts)} non-ASCII texts in UTF-7 read back exactly")


if __name__ == "__main__":
    main()
