"""Loaders for the evaluation corpora in ../shared/data/corpora and a scaled-corpus generator.

The corpora are read in place and never copied into the repository. Locate them with the environment
variable FACTSIEVE_SHARED (a directory holding data/corpora) or <repo root>/../shared.

Public API (also used by the end-to-end benchmark):
    shared_dir() -> Path | None
    iter_bbc() -> Iterator[dict]        BBC News, 2,225 docs
    iter_reuters() -> Iterator[dict]    Reuters-21578 stories with a body, 19,779 docs
    base_corpus() -> list[dict]         BBC + Reuters (about 22k docs, 21 MB of text)
    scaled_corpus(n, seed) -> Iterator[dict]   n docs derived from the real ones with perturbations
Each dict has: id, title, text, published (datetime or None), source.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    env = os.environ.get("FACTSIEVE_SHARED")
    cand = Path(env) if env else REPO_ROOT.parent / "shared"
    return cand if (cand / "data" / "corpora").is_dir() else None


def corpora_dir() -> Path | None:
    s = shared_dir()
    return s / "data" / "corpora" if s else None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # sport/199.txt is latin-1
        return raw.decode("latin-1")


def iter_bbc() -> Iterator[dict]:
    """BBC News articles in sorted path order; first line of each file is the title."""
    root = corpora_dir()
    if root is None or not (root / "bbc").is_dir():
        return
    for path in sorted((root / "bbc").glob("*/*.txt")):
        text = _decode(path.read_bytes())
        title = text.split("\n", 1)[0].strip()
        yield {
            "id": f"bbc/{path.parent.name}/{path.stem}",
            "title": title,
            "text": text,
            "published": None,
            "source": "bbc",
        }


def _reuters_date(s: str | None) -> datetime | None:
    if not s:
        return None
    try:
        return datetime.strptime(s.strip()[:20], "%d-%b-%Y %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def iter_reuters() -> Iterator[dict]:
    """Reuters-21578 stories that have a body (hard-wrapped lines kept as they are)."""
    root = corpora_dir()
    path = root / "reuters21578" / "reuters21578_articles.jsonl" if root else None
    if path is None or not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            body = d.get("body")
            if not body:
                continue
            yield {
                "id": f"reuters/{d['newid']}",
                "title": d.get("title") or "",
                "text": body,
                "published": _reuters_date(d.get("date")),
                "source": "reuters",
            }


def base_corpus() -> list[dict]:
    return list(iter_bbc()) + list(iter_reuters())


# ------------------------------------------------------------------------------------------------
# scaled corpus

_HEADERS = [
    "UPDATE 1-",
    "REFILE-",
    "Breaking:",
    "Exclusive:",
    "Syndicated from the wires.",
    "This story has been updated.",
]
_FOOTERS = [
    "Copyright Reuters. All rights reserved.",
    "Reporting by staff; editing by the desk.",
    "Read more stories like this on our website.",
    "Sign up for our newsletter to get the latest news.",
    "(c) 2005 Syndicated News Service",
]


def _mutate(text: str, rng: random.Random, vocab: list[str]) -> str:
    """A fresh variant of a real document: word substitutions and sentence-level edits, strong enough
    that most variants are not near-duplicates of the source (a scaled corpus that is all copies would
    make dedup trivially cheap), with an occasional light edit so clusters exist at every size."""
    words = text.split()
    if not words:
        return text
    light = rng.random() < 0.15
    rate = rng.uniform(0.005, 0.03) if light else rng.uniform(0.15, 0.4)
    n_sub = max(1, int(len(words) * rate))
    for _ in range(n_sub):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    out = " ".join(words)
    if rng.random() < 0.5:
        out = rng.choice(_HEADERS) + " " + out
    if rng.random() < 0.5:
        out = out + " " + rng.choice(_FOOTERS)
    return out


def scaled_corpus(n: int, seed: int = 0) -> Iterator[dict]:
    """n documents: first the real corpus once, then perturbed variants of randomly chosen real docs
    (word substitutions from the corpus vocabulary, header/footer swaps; see _mutate). Deterministic
    for (n, seed). Yields nothing when the corpora are absent."""
    base = base_corpus()
    if not base:
        return
    rng = random.Random(seed)
    vocab_rng = random.Random(seed + 1)
    sample = [w for d in vocab_rng.sample(base, min(500, len(base))) for w in d["text"].split()]
    vocab = sorted(set(sample))
    for i in range(n):
        if i < len(base):
            yield base[i]
            continue
        src = base[rng.randrange(len(base))]
        yield {
            "id": f"scaled/{seed}/{i}",
            "title": src["title"],
            "text": _mutate(src["text"], rng, vocab),
            "published": src["published"],
            "source": "scaled:" + src["source"],
        }
