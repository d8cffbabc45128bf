"""Rewrites of texts with few figures (a court ruling, an obituary, a statement built on quotes, a
match report, a company's plans) join their source's story by the names they keep; the same
template with other names, another event of the same body and a follow-up stay apart
(docs/DEDUP.md "Rewrites with few figures (round 16)"; the rule: factsieve/dedup/facts.py,
names_test; names: factsieve/dedup/names.py). The texts are tests/data/syndication_few16.jsonl,
written for this round: 5 releases with 3-4 rewrites each and 8 distractors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from factsieve.dedup import DedupParams, deduplicate, forget, live_roles
from factsieve.dedup import minhash as mh
from factsieve.dedup.names import name_words

P = DedupParams()
DATA = Path(__file__).resolve().parents[1] / "data" / "syndication_few16.jsonl"
RECORDS = {r["id"]: r for r in map(json.loads, DATA.read_text(encoding="utf-8").splitlines())}
# the rewrites the names test links: (rewrite, its source). Left alone and said so in DEDUP.md: the
# obituary's brief (its only quote has five words), both translations (their quotes are translated)
# and the match report's brief and local angle (no quote of the club's report kept)
LINKED = {
    "few16-2": "few16-1",  # brief of a court ruling
    "few16-3": "few16-1",  # paraphrase of it
    "few16-9": "few16-7",  # obituary: paraphrase
    "few16-10": "few16-7",  # merged with background
    "few16-13": "few16-12",  # statement built on quotes: brief
    "few16-14": "few16-12",  # paraphrase
    "few16-19": "few16-17",  # match report: paraphrase
    "few16-24": "few16-23",  # company plans: brief
    "few16-25": "few16-23",  # paraphrase
}
DISTRACTORS = sorted(k for k, r in RECORDS.items() if r["kind"].startswith("distractor"))


def _frame(ids: list[str], best: str = "") -> pd.DataFrame:
    """The records as dedup input; `best` ranks first (the canonical rule: quality first)."""
    return pd.DataFrame(
        {
            "doc_id": ids,
            "text": [RECORDS[i]["text"] for i in ids],
            "quality_score": [0.9 if i == best else 0.5 for i in ids],
        }
    )


@pytest.fixture(scope="module")
def run():
    return deduplicate(_frame(sorted(RECORDS)), P)


@pytest.fixture(scope="module")
def story(run) -> pd.Series:
    return run.assignments.set_index("doc_id")["story_id"]


@pytest.mark.parametrize("rewrite", sorted(LINKED))
def test_a_rewrite_with_few_figures_is_in_the_story_of_its_source(story, rewrite):
    assert story[rewrite] == story[LINKED[rewrite]]


@pytest.mark.parametrize("distractor", DISTRACTORS)
def test_a_distractor_is_a_story_of_its_own(story, distractor):
    """The same template with other names, the same body's other news, a follow-up a week later
    sharing the names, an outlet's furniture: none shares a story with any other document."""
    assert story[distractor] == distractor
    assert (story == distractor).sum() == 1


def test_the_names_test_made_the_links_not_the_figures(run):
    """Every link here is the names path's: these texts hold too few figures for the figure test."""
    assert run.stats["rewrite_links"] >= len(LINKED)
    assert run.stats["rewrite_links_by_names"] == run.stats["rewrite_links"]


def _names(text: str) -> list[str]:
    low, cased = mh._lower_cased([text])
    b, starts, lengths, n_words, _, (cb, lead) = mh._tokenize_cased(low, cased)
    wh = mh._hash_words(b, starts, lengths)
    keep = name_words(b, starts, lengths, n_words, cb, lead) & ~np.isin(wh, mh._not_names())
    raw, low_raw = cb.tobytes(), b.tobytes()
    # the word as written: its first byte(s) from the cased text, the rest as cut (an apostrophe deleted)
    return [
        (raw[c : c + 2] if raw[c] >= 0x80 else raw[c : c + 1]).decode()
        + low_raw[s + (2 if raw[c] >= 0x80 else 1) : s + k].decode()
        for s, k, c, m in zip(starts, lengths, lead, keep, strict=True)
        if m
    ]


def test_name_words_are_capitalised_words_that_do_not_open_a_sentence():
    text = (
        'The High Court in Leeds ruled on Monday. Judge Ngozi Achterberg said: "We agree." '
        "Mr Osei of Pennine District Council's team, who met her in May, was not \u201cSurprised\u201d."
    )
    assert _names(text) == [
        "High", "Court", "Leeds", "Ngozi", "Achterberg", "Osei", "Pennine", "District", "Councils"
    ]  # fmt: skip


def test_names_survive_accents_and_a_text_whose_lower_case_changes_length():
    assert _names("Le tribunal de Besançon a donné raison à Élodie Maréchal.") == [
        "Besançon",
        "Élodie",
        "Maréchal",
    ]
    # U+1E9E lower-cases to two bytes fewer: that text is read without names, the next one with
    low, cased = mh._lower_cased(["Die STRA\u1e9eE in Köln", "ascii text with Anna Berg", "Zoë in Tromsø"])
    assert [len(x.as_py().encode()) for x in low] == [len(x.as_py().encode()) for x in cased]
    assert cased[0].as_py() == low[0].as_py() and cased[2].as_py() == "Zoë in Tromsø"


def test_figures_and_names_are_told_apart_by_the_low_bit():
    f = mh.featurize(
        ["Orvane Tiles will reopen the Stourwick works in 2026, said Beatrix Halloran."], 5, 16, 1
    )
    facts = f.figures[f.figure_offsets[1] - f.figure_values[0] : f.figure_offsets[1]]
    assert int((facts & 1).sum()) == 4  # Tiles, Stourwick, Beatrix, Halloran (Orvane opens the text)
    assert int((facts & 1 == 0).sum()) == 1  # 2026


def test_a_rewrite_that_brings_figures_of_its_own_is_not_linked():
    """The court ruling's brief with the quote and every name kept, but two figures the ruling does
    not hold (a date and a cost): a follow-up, not a rewrite (facts.NEW_FIGURES)."""
    follow = RECORDS["few16-2"]["text"] + " The council said on 14 March it had spent £85,000 on the case."
    res = deduplicate(
        pd.DataFrame({"doc_id": ["source", "follow"], "text": [RECORDS["few16-1"]["text"], follow]}), P
    )
    s = res.assignments.set_index("doc_id")["story_id"]
    assert s["follow"] != s["source"]
    # the same brief with one of them is still the brief
    brief = RECORDS["few16-2"]["text"] + " The ruling was given on 14 March."
    res = deduplicate(
        pd.DataFrame({"doc_id": ["source", "brief"], "text": [RECORDS["few16-1"]["text"], brief]}), P
    )
    s = res.assignments.set_index("doc_id")["story_id"]
    assert s["brief"] == s["source"]


def test_rewrites_stay_one_story_when_their_release_is_deleted(tmp_path: Path):
    """A run sequence: the obituary's release, its paraphrase and the piece merged with background
    in one run (one story, the rewrites placed by the names test), the orchestra's other news beside
    them; the release's input is deleted (forget). The rewrites are re-formed with the linking
    evidence -- they share the names and the founder's quote -- and stay one story headed by the
    better-ranked of them (the text rule alone left each on its own: round 15's forget)."""
    ids = ["few16-7", "few16-9", "few16-10", "few16-11"]
    first = deduplicate(_frame(ids, best="few16-7"), P, state_out=tmp_path / "s1")
    s1 = first.assignments.set_index("doc_id")["story_id"]
    assert set(s1[["few16-9", "few16-10"]]) == {"few16-7"}
    forget(tmp_path / "s1", ["few16-7"], tmp_path / "s2")
    roles = live_roles(tmp_path / "s2").set_index("doc_id")
    assert "few16-7" not in roles.index
    rewrites = roles.loc[["few16-9", "few16-10"], "story_id"]
    assert rewrites.nunique() == 1 and rewrites.iloc[0] in rewrites.index
    assert sorted(roles.loc[rewrites.index, "story_method"]) == ["canonical", "rewrite"]
    assert roles.loc["few16-11", "story_id"] == "few16-11"
    # a later run against the re-formed state: a new copy of the paraphrase joins that story
    later = deduplicate(
        pd.DataFrame({"doc_id": ["again"], "text": [RECORDS["few16-9"]["text"]]}),
        P,
        state_in=tmp_path / "s2",
        state_out=tmp_path / "s3",
    )
    assert later.assignments.set_index("doc_id")["story_id"]["again"] == rewrites.iloc[0]


def test_a_rewrite_without_the_quote_of_the_new_head_is_left_alone(tmp_path: Path):
    """The same sequence with the court ruling: its brief and its paraphrase each keep a different
    quote of the release, so once the release is deleted they share no quote and the names test
    does not hold between them: each is alone (no chaining through the deleted release)."""
    ids = ["few16-1", "few16-2", "few16-3"]
    first = deduplicate(_frame(ids, best="few16-1"), P, state_out=tmp_path / "s1")
    assert set(first.assignments.set_index("doc_id")["story_id"]) == {"few16-1"}
    forget(tmp_path / "s1", ["few16-1"], tmp_path / "s2")
    roles = live_roles(tmp_path / "s2").set_index("doc_id")
    assert roles.loc["few16-2", "story_id"] == "few16-2"
    assert roles.loc["few16-3", "story_id"] == "few16-3"
