"""Loaders for the evaluation corpora in ../shared/data/corpora and a scaled-corpus generator.

The corpora are read in place and never copied into the repository. Locate them with the environment
variable FACTSIEVE_SHARED (a directory holding data/corpora) or <repo root>/../shared.

Public API (also used by the end-to-end benchmark):
    shared_dir() -> Path | None
    iter_bbc() -> Iterator[dict]        BBC News, 2,225 docs
    iter_reuters() -> Iterator[dict]    Reuters-21578 stories with a body, 19,779 docs
    base_corpus() -> list[dict]         BBC + Reuters (about 22k docs, 21 MB of text)
    scaled_corpus(n, seed, dup_rate=None) -> Iterator[dict]   n docs derived from the real ones:
        dup_rate=None (default, the "stress" profile): perturbed variants of random real docs, ~45
            related variants per real story at 1M docs (many LSH candidates, few true duplicates);
        dup_rate=0.03 (the "news" profile): new stories assembled from sentences of different real
            docs, plus dup_rate of documents that are re-sends / syndicated edits of a recent one.
Each dict has: id, title, text, published (datetime or None), source.
"""

from __future__ import annotations

import json
import os
import random
import re
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


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s.strip()]


_SENT = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _news_corpus(base: list[dict], n: int, seed: int, dup_rate: float, vocab: list[str]) -> Iterator[dict]:
    """A feed-like corpus: each new story is 3+ sentences drawn from different real docs (sentence
    count copied from a random real doc) with 5% of words substituted, so unrelated stories share
    little beyond the odd sentence; a dup_rate share of documents re-send (a third, identical up to
    case/whitespace) or lightly edit (header/footer, <= 2% words, a sentence cut) one of the last
    5,000 documents, like syndicated wire copy."""
    rng = random.Random(seed)
    pool = [s for d in base for s in _sentences(d["text"])]
    counts = [max(3, len(_sentences(d["text"]))) for d in base]
    recent: list[tuple[str, dict]] = []
    for i in range(n):
        if i < len(base):
            d = base[i]
        elif recent and rng.random() < dup_rate:
            text, src = recent[rng.randrange(len(recent))]
            if rng.random() < 1 / 3:
                text = text.upper() if rng.random() < 0.5 else "  " + text.replace(" ", "\n", 3)
                kind = "exact"
            else:
                sents = _sentences(text)
                if len(sents) > 4 and rng.random() < 0.5:
                    sents.pop(rng.randrange(len(sents)))
                words = " ".join(sents).split()
                for _ in range(int(len(words) * rng.uniform(0.0, 0.02))):
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                text = " ".join(words)
                if rng.random() < 0.5:
                    text = rng.choice(_HEADERS) + " " + text
                if rng.random() < 0.5:
                    text = text + " " + rng.choice(_FOOTERS)
                kind = "near"
            d = {**src, "id": f"news/{seed}/{i}", "text": text, "source": f"news-dup-{kind}"}
        else:
            tmpl = base[rng.randrange(len(base))]
            words = " ".join(rng.choices(pool, k=counts[rng.randrange(len(counts))])).split()
            for _ in range(len(words) // 20):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            d = {
                "id": f"news/{seed}/{i}",
                "title": tmpl["title"],
                "text": " ".join(words),
                "published": tmpl["published"],
                "source": "news",
            }
        yield d
        recent.append((d["text"], d))
        if len(recent) > 5000:
            recent[rng.randrange(5000)] = recent.pop()


def scaled_corpus(n: int, seed: int = 0, dup_rate: float | None = None) -> Iterator[dict]:
    """n documents: first the real corpus once, then generated ones. Deterministic for the arguments.
    Yields nothing when the corpora are absent.

    dup_rate=None (default; the stress profile every earlier benchmark used): perturbed variants of
    randomly chosen real docs (word substitutions from the corpus vocabulary, header/footer swaps; see
    _mutate) - ~45 related variants per real story at 1M docs. dup_rate=p: the "news" profile of
    _news_corpus, where a share p of generated documents are re-sends or syndicated edits."""
    base = base_corpus()
    if not base:
        return
    rng = random.Random(seed)
    vocab_rng = random.Random(seed + 1)
    sample = [w for d in vocab_rng.sample(base, min(500, len(base))) for w in d["text"].split()]
    vocab = sorted(set(sample))
    if dup_rate is not None:
        yield from _news_corpus(base, n, seed, dup_rate, vocab)
        return
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
