"""Rewrites of one press release in outlets' own words join its story; other stories that share the
organisation, the template or the background stay apart (docs/DEDUP.md "Rewrites by outlets (round
15)"; the rule: factsieve/dedup/facts.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from factsieve.dedup import DedupParams, deduplicate
from factsieve.dedup import minhash as mh
from tests.dedup.rewrite_texts import BRIEF, DISTRACTORS, REWRITES, SOURCE

P = DedupParams()


def _frame(texts: dict[str, str], quality: dict[str, float] | None = None) -> pd.DataFrame:
    q = quality or {}
    return pd.DataFrame(
        {"doc_id": list(texts), "text": list(texts.values()), "quality_score": [q.get(k, 0.5) for k in texts]}
    )


@pytest.fixture(scope="module")
def together() -> pd.DataFrame:
    """Every rewrite and every distractor in one run; the brief ranks best (a short clean text often
    has the best quality score), so it would head the story if rewrites were plain links."""
    texts = {"source": SOURCE, **REWRITES, **DISTRACTORS}
    res = deduplicate(_frame(texts, {"brief": 0.9, "source": 0.6}), P)
    return res.assignments.set_index("doc_id")


@pytest.fixture(scope="module")
def duplicates() -> pd.DataFrame:
    texts = {"source": SOURCE, **REWRITES, **DISTRACTORS}
    return deduplicate(_frame(texts, {"brief": 0.9, "source": 0.6}), P).duplicates


@pytest.mark.parametrize("kind", sorted(REWRITES))
def test_each_kind_of_rewrite_is_in_the_story_of_its_source(together, kind):
    assert together.loc[kind, "story_id"] == together.loc["source", "story_id"]


@pytest.mark.parametrize("kind", sorted(DISTRACTORS))
def test_other_stories_that_look_alike_stay_apart(together, kind):
    story = together.loc["source", "story_id"]
    assert together.loc[kind, "story_id"] != story
    # and they are not linked to each other either
    others = together.loc[sorted(set(DISTRACTORS) - {kind}), "story_id"]
    assert together.loc[kind, "story_id"] not in set(others)


def test_a_story_is_headed_by_a_text_link_member_not_by_the_brief(together):
    """The rewrite rule only places documents the text links left alone: the brief (best quality)
    joins the release's story instead of heading one that the paraphrase cannot join."""
    assert together.loc["source", "story_id"] in {"source", "local", "aggregator"}
    assert together.loc["brief", "story_id"] != "brief"


def test_rewrite_rows_say_how_they_were_linked(duplicates):
    story = duplicates[duplicates["level"] == "story"].set_index("doc_id")
    for kind in ("paraphrase", "brief", "translation", "merged"):
        assert story.loc[kind, "method"] == "rewrite"
        assert story.loc[kind, "containment"] < P.story_containment
    for kind in ("local", "aggregator"):  # the release almost whole: the text rule's links
        assert story.loc[kind, "method"] in {"contained", "near", "canonical"}


def test_a_brief_arriving_in_a_later_run_joins_the_earlier_story(tmp_path):
    first = deduplicate(
        _frame({"source": SOURCE, "same_org": DISTRACTORS["same_org"]}), P, state_out=tmp_path / "s1"
    )
    second = deduplicate(
        _frame({"brief": BRIEF, "paraphrase": REWRITES["paraphrase"], "follow_up": DISTRACTORS["follow_up"]}),
        P,
        state_in=tmp_path / "s1",
        state_out=tmp_path / "s2",
    )
    a = second.assignments.set_index("doc_id")
    story = first.assignments.set_index("doc_id").loc["source", "story_id"]
    assert a.loc["brief", "story_id"] == story
    assert a.loc["paraphrase", "story_id"] == story
    assert a.loc["follow_up", "story_id"] != story


def test_the_same_figures_without_a_shared_phrase_are_not_a_rewrite():
    """A table that holds the release's numbers but none of its words (a data feed, a price list)
    shares no 9-word phrase with it: figures alone do not make a story."""
    table = (
        "Item | value\nCapital cost (GBP m) | 38.5\nRooms | 14\nChairs | 22\nPatients per year | 1,200\n"
        "Round trip (miles) | 86\nHeadcount | 160\nNew posts | 37\nGrant (GBP m) | 31.2\n"
        "Charity (GBP m) | 7.3\nOpening | 3 March 2025\nSource: regional capital projects register"
    )
    a = deduplicate(_frame({"source": SOURCE, "table": table + "\n" + table.lower()}), P).assignments
    a = a.set_index("doc_id")
    assert a.loc["table", "story_id"] != a.loc["source", "story_id"]


def test_a_rewrite_in_a_crowd_of_stories_holding_its_figures_is_not_linked():
    """Figures that many stories hold (a recap of last week's numbers in every market report) are no
    evidence of one story: when every figure the two share is held by more than five stories, the
    rule does not link them, however many they share."""
    base = "The weekly grain report said stocks stood at 412.6 and 58.1 with exports of 31.4, 96.5 and 17.8 tonnes."
    reports = {
        f"week{i}": f"Week {i} report: traders in the {name} market said conditions were "
        f"{mood} this week and volumes were thin. {base} Analysts at the {name} desk expect {mood} trading."
        for i, (name, mood) in enumerate(
            [
                ("Rotterdam", "quiet"),
                ("Hamburg", "firm"),
                ("Antwerp", "steady"),
                ("Le Havre", "weak"),
                ("Bremen", "mixed"),
                ("Ghent", "calm"),
                ("Dunkirk", "lively"),
            ]
        )
    }
    a = deduplicate(_frame(reports), P).assignments
    assert a["story_id"].nunique() == len(reports)


def test_figures_are_compared_by_their_digits():
    """'6.2p' and '6.2 pence', '£412.6 million' and '412.6m', 'B4411' and '4411' are one figure to
    the rewrite rule; '6.2' and '62' are not."""
    texts = [
        "dividend of 6.2p on revenue of £412.6 million on the B4411",
        "a dividend of 6.2 pence and revenue of 412.6m near the 4411 road",
        "a dividend of 62 pence",
    ]
    f = mh.featurize(texts, P.shingle_size, P.num_perm, P.seed)
    off, nv = f.figure_offsets, f.figure_values
    values = [set(f.figures[off[i + 1] - nv[i] : off[i + 1]].tolist()) for i in range(3)]
    assert values[0] == values[1] and len(values[0]) == 3
    assert not values[2] & values[0]
    # the slots of the templated-text rule still see the words around the figures
    slots = [set(f.figures[off[i] : off[i] + f.figure_slots[i]].tolist()) for i in range(2)]
    assert slots[0] != slots[1]
    assert np.all(nv <= np.diff(off))


def test_released_writers_rewrites_are_linked_through_the_real_cli(tmp_path):
    """syn1: 65 documents by a writer who never saw the code (10 releases, 3-5 outlet rewrites each,
    15 distractors), through a real `factsieve run`, scored by benchmarks/syndication_eval.py. Main
    before round 15: story pair recall 0.270 (paraphrases, briefs, merged pieces, translations never
    linked); round 15: 0.960 with precision 1.000 and no distractor linked."""
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "syndication_eval", root / "benchmarks" / "syndication_eval.py"
    )
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    data = root / "tests" / "data" / "syndication_syn1.jsonl"
    gold = ev.load_gold([data])
    docs = ev.run_pipeline([data], str(Path(sys.executable).with_name("factsieve")), tmp_path)
    result = ev.score(gold, docs)
    assert result["not_in_output"] == 0
    assert result["story"]["precision"] == 1.0
    assert result["story"]["recall"] >= 0.9
    assert all(d["linked_wrongly"] == 0 for d in result["distractors"].values())
    for kind in ("paraphrase", "brief", "merged"):
        assert result["per_kind"][kind]["with_source"] == result["per_kind"][kind]["documents"], kind
