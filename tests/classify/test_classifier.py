"""Behaviour of the rule classifier on hand-written sentences: every cue family and every trap."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from factsieve.classify import LABELS, Cue, SentenceLabel, classify, classify_batch, explain
from factsieve.classify import attribution as attribution_mod
from factsieve.classify import boilerplate as boilerplate_mod
from factsieve.classify import context as context_mod
from factsieve.classify import cue as cue_mod
from factsieve.classify import filler as filler_mod
from factsieve.classify import hedge as hedge_mod
from factsieve.classify import opinion as opinion_mod
from factsieve.classify import personal as personal_mod
from factsieve.classify import prefilter as prefilter_mod
from factsieve.classify import quotes as quotes_mod


def _spans_ok(text: str, lab: SentenceLabel) -> None:
    for c in lab.cues:
        assert text[c.start : c.end] == c.text, c


def check(
    text: str,
    label: str,
    *,
    hedged: bool | None = None,
    attributed: bool | None = None,
    quoted: bool | None = None,
    opinion: bool | None = None,
    deciding: str | None = "",
    source: str | None = "",
) -> SentenceLabel:
    lab = classify(text)
    _spans_ok(text, lab)
    assert lab.label == label, (text, lab)
    for flag, want in (
        ("hedged", hedged),
        ("attributed", attributed),
        ("quoted", quoted),
        ("opinion", opinion),
    ):
        if want is not None:
            assert getattr(lab, flag) is want, (flag, text, lab)
    if deciding != "":
        assert lab.deciding_cue == deciding, (text, lab)
    if source != "":
        assert lab.source == source, (text, lab)
    assert 0.0 <= lab.confidence <= 1.0
    return lab


def cue_texts(lab: SentenceLabel, kind: str) -> list[str]:
    return [c.text for c in lab.cues if c.kind == kind]


# ----------------------------------------------------------------------------- API shape


def test_labels_and_types() -> None:
    assert LABELS == ("reported", "attributed", "speculative", "opinion", "filler", "boilerplate")
    lab = classify("The bridge reopened on Monday.")
    assert isinstance(lab, SentenceLabel)
    assert lab == SentenceLabel("reported", lab.confidence, False, False, False, False, (), None, None)
    with pytest.raises(AttributeError):
        lab.label = "opinion"  # type: ignore[misc]
    assert Cue("hedge", "may", 0, 3).text == "may"


def test_empty_and_whitespace() -> None:
    assert classify("").label == "reported"
    assert classify("   ").cues == ()


# ----------------------------------------------------------------------------- seed sentences


def test_seed_reported() -> None:
    check(
        "The most recent report, released in March 2023, highlighted matters such as arbitrary homicides, "
        "forced disappearances, torture, and government corruption.",
        "reported",
        hedged=False,
        attributed=False,
        deciding=None,
        source=None,
    )


def test_seed_attributed_participle_takes_sentence_subject() -> None:
    lab = check(
        "Secretary Blinken echoed Hill’s sentiments, stating that the two countries are “deeply connected” "
        "and expressing his eagerness to explore avenues for further cooperation.",
        "attributed",
        attributed=True,
        quoted=True,
        hedged=False,
        source="Secretary Blinken",
    )
    assert "stating" in cue_texts(lab, "attribution")
    assert cue_texts(lab, "quote") == ["“deeply connected”"]


def test_seed_attributed_institution_source() -> None:
    check(
        "However, it is worth noting that the US Department of State has raised concerns about human rights "
        "issues in El Salvador in its annual reports.",
        "attributed",
        source="the US Department of State",
    )


def test_seed_inverted_speech_verb_after_quote() -> None:
    check(
        "And you are our best partners,” stated Chancellor Alexandra Hill, highlighting the strong ties.",
        "attributed",
        quoted=True,
        deciding="stated",
        source="Chancellor Alexandra Hill",
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "They also probably talked about the challenges El Salvador faces and how the US can provide support.",
            "probably",
        ),
        ("She likely offered support for initiatives that strengthen democratic institutions.", "likely"),
        ("They might have discussed the progress of US-funded projects aimed at creating jobs.", "might"),
        (
            "Meeting with business leaders, for example, would have given her insights into the investment climate.",
            "would",
        ),
        (
            "Harris likely announced new initiatives and partnerships aimed at boosting economic growth.",
            "likely",
        ),
        ("She may have announced funding for projects that improve infrastructure.", "may"),
        ("One key announcement was likely new investments in economic development.", "likely"),
    ],
)
def test_seed_speculative(text: str, cue: str) -> None:
    lab = check(text, "speculative", hedged=True, attributed=False, deciding=cue, source=None)
    assert cue in cue_texts(lab, "hedge")


def test_seed_opinion() -> None:
    lab = check(
        "This trip was a pretty big deal, and it's worth understanding what went down and why it matters.",
        "opinion",
        opinion=True,
        hedged=False,
    )
    assert "pretty big deal" in cue_texts(lab, "opinion")
    check(
        "It will be fascinating to watch how this relationship evolves in the coming years.",
        "opinion",
        deciding="fascinating",
        hedged=False,
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("So, grab your coffee, and let's get started!", "grab your coffee"),
        ("Hey guys!", "Hey guys"),
        ("Thanks for tuning in!", "Thanks for tuning in"),
        ("Let's keep digging to uncover more about what this visit actually entailed!", "Let's"),
        ("Alright, so what were the main goals of Kamala's trip?", "Alright, so"),
    ],
)
def test_filler(text: str, cue: str) -> None:
    check(text, "filler", deciding=cue)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Alex Braham - Nov 14, 2025 47 Views -", "Nov 14, 2025"),
        ("Related News", "Related News"),
        ("Share this article", "Share this article"),
        ("Read more", "Read more"),
        ("Subscribe to our newsletter", "Subscribe to our newsletter"),
        ("-", "-"),
        ("© 2024 Example Media. All rights reserved.", "© 2024"),
        ("Posted 3 hours ago | 12 comments", "12 comments"),
        ("Jane Doe · Senior Correspondent · 1.2K shares", "1.2K shares"),
        ("John Smith 47 views", "47 views"),
    ],
)
def test_boilerplate(text: str, cue: str) -> None:
    lab = check(text, "boilerplate", deciding=cue)
    assert lab.confidence >= 0.9


def test_boilerplate_words_inside_prose_are_not_boilerplate() -> None:
    check("The council will share the report with residents next month.", "reported")
    check("More than 300 people attended the home game.", "reported")
    # a count of shares or comments in a sentence is news, not a page's share counter
    check("The company bought 500,000 shares of the stock in March.", "reported")
    check("He sold 1,200 shares at $14 each.", "reported")
    check("The proposal drew 300 comments from the public.", "reported")


# ----------------------------------------------------------------------------- traps


def test_may_month_vs_modal() -> None:
    check("The bridge reopened in May 2023 after repairs.", "reported", hedged=False)
    check("The vote is scheduled for May 5.", "reported", hedged=False)
    check("Theresa May said the deal was dead.", "attributed", hedged=False, source="Theresa May")
    lab = check("The ministry may announce new measures in May.", "speculative", hedged=True, deciding="may")
    assert cue_texts(lab, "hedge") == ["may"]
    m = [c for c in lab.cues if c.kind == "hedge"][0]
    assert (m.start, m.end) == (13, 16)


def test_likely_voters_is_not_a_hedge() -> None:
    check("Support among likely voters rose to 52 percent.", "reported", hedged=False)
    check("The senator is likely to run again.", "speculative", hedged=True, deciding="likely")
    check("The senator will likely run again.", "speculative", deciding="likely")


def test_could_past_ability_and_negation() -> None:
    check("He could swim across the river as a child.", "reported", hedged=False)
    check("The company could not pay its suppliers.", "reported", hedged=False)
    check("The company couldn't pay its suppliers.", "reported", hedged=False)
    check("They moved closer so that they could hear the speech.", "reported", hedged=False)
    check("The delay could cost the city millions.", "speculative", hedged=True, deciding="could")


def test_will_is_plain_future() -> None:
    check("The new stadium will open in 2026.", "reported", hedged=False)
    check(
        "The success of these meetings will ultimately determine the future of the relationship.", "reported"
    )


def test_would_only_counterfactual_perfect() -> None:
    check("Years later the magazine would cite this decision as controversial.", "reported", hedged=False)
    # A stated counterfactual says what did not happen (round 3: 0 of 9 such train sentences hedged)
    check("Without the loan the firm would have collapsed.", "reported", hedged=False)
    check(
        "Meeting with the governor would have given him a say in the budget.", "speculative", deciding="would"
    )
    check("The firm would have to repay the loan.", "reported", hedged=False)


def test_suggest_retail_price_vs_evidence() -> None:
    check("The suggested retail price is $299.", "reported", hedged=False)
    # A study or data as the subject makes "suggest" the source's claim (attributed, still hedged); the
    # author's own inference ("this suggests") is speculation.
    check("The data suggest that the drug reduces mortality.", "attributed", hedged=True, deciding="suggest")
    check("Taken together, this suggests that the drug works.", "speculative", deciding="suggests")


def test_negated_hedges() -> None:
    # "no doubt" is a booster (certainty), recorded as an opinion cue, never as a hedge.
    lab = check("There is no doubt that the dam held.", "opinion", hedged=False)
    assert cue_texts(lab, "opinion") == ["no doubt"]
    # A negated probability is still a probability judgement: "not likely" stays a hedge.
    check("It is not likely that the talks will resume.", "speculative", hedged=True, deciding="likely")
    check("Little is known about his early life.", "speculative", deciding="Little is known")
    check("The cause of the fire is known.", "reported", hedged=False)


def test_hedge_inside_quotation_is_not_author_speculation() -> None:
    lab = check(
        "“We might lose the vote,” the senator said.",
        "attributed",
        hedged=True,
        quoted=True,
        attributed=True,
        deciding="said",
    )
    assert cue_texts(lab, "hedge") == ["might"]
    check("“We might lose the vote if turnout stays this low.”", "attributed", hedged=True, quoted=True)


def test_british_single_quotes_and_apostrophes() -> None:
    lab = check("He said ‘it’s probably over’ and left.", "attributed", quoted=True, hedged=True)
    assert cue_texts(lab, "quote") == ["‘it’s probably over’"]
    check("Hill’s sentiments were clear.", "reported", quoted=False)
    lab = check(
        "Boris Johnson declared ‘levelling up’ the ‘defining mission’ of his government.",
        "attributed",
        source="Boris Johnson",
    )
    assert cue_texts(lab, "quote") == ["‘levelling up’", "‘defining mission’"]


def test_precedence_attributed_over_hedge() -> None:
    lab = check(
        "Officials said the talks would likely fail.",
        "attributed",
        hedged=True,
        attributed=True,
        deciding="said",
        source="Officials",
    )
    assert cue_texts(lab, "hedge") == ["likely"]
    check("The suspect may have fled abroad, police said.", "attributed", hedged=True, source="police")
    check(
        "According to the police, the suspect may have fled abroad.",
        "attributed",
        hedged=True,
        deciding="According to",
        source="the police",
    )


def test_hedged_speech_act_is_speculation() -> None:
    lab = check(
        "Harris also likely announced new programs to support education.",
        "speculative",
        attributed=False,
        deciding="likely",
    )
    assert cue_texts(lab, "attribution") == ["announced"]


def test_agentless_reporting_is_attributed_without_source() -> None:
    check(
        "The economy is expected to grow by 3 percent next year.",
        "speculative",  # an agentless forecast is the author's own expectation (issue #17)
        hedged=True,
        source=None,
        deciding="expected",
    )
    check("The economy is expected to grow, the central bank said.", "attributed", hedged=True)
    check("The painting is widely considered his best work.", "attributed", hedged=True, source=None)
    check("The company reportedly cut 500 jobs.", "attributed", hedged=True, deciding="reportedly")


def test_vague_plural_sources() -> None:
    check(
        "Some critics argue that these programs are not well-designed.", "attributed", source="Some critics"
    )
    check("Many believe the election was stolen.", "attributed", hedged=True, source="Many")


def test_word_sense_traps() -> None:
    check("He thought about the offer for a week.", "reported", hedged=False)
    check("Chinese thought influenced the region for centuries.", "reported", hedged=False)
    check("The military might of the empire was unmatched.", "reported", hedged=False)
    check("He appeared in three films.", "reported", hedged=False)
    check("He appears to have left the country.", "speculative", deciding="appears")
    check("It is possible to bend the pins.", "reported", hedged=False)
    check("It is possible that the pins were bent.", "speculative", deciding="possible")
    check("The results were better than expected.", "reported", hedged=False)
    check("The United States shares a border with Mexico.", "reported", attributed=False)
    check("Most Shia Muslims believe in twelve Imams.", "reported", hedged=False)


def test_every_hedge_cue_is_listed() -> None:
    text = "Perhaps the mayor will resign; it seems she may have misled the council, and apparently nobody noticed."
    lab = check(text, "speculative", deciding="Perhaps")
    assert cue_texts(lab, "hedge") == ["Perhaps", "seems", "may", "apparently"]


def test_weasel_hedges_from_wikipedia_style() -> None:
    for text, cue in [
        ("He is often considered the group's heartthrob.", "is often considered"),
        ("The land is traditionally thought to have been populated by Arameans.", "thought"),
        ("The Planck energy is probably also the maximum possible energy.", "probably"),
    ]:
        lab = classify(text)
        assert lab.hedged, text
        _spans_ok(text, lab)
        assert cue in [c.text for c in lab.cues], (cue, lab.cues)


def test_personal_voice_modals_mark_stance() -> None:
    # Modals in the writer's voice mark stance: the label is opinion. They are not epistemic hedges
    # (the reviews scheme that counted them is retired, issue #17), so the hedged flag stays off.
    lab = check("I would definitely not recommend it to anybody.", "opinion", hedged=False, deciding="would")
    assert cue_texts(lab, "hedge") == ["would"]
    check("If you like spy novels, you should read this one.", "opinion", hedged=False, deciding="If")
    # Generic "you" with ability/obligation is instruction, not stance.
    check("In the cave you can see reproductions of the tombs.", "reported", hedged=False)
    # "I" as a numeral and "US" as a country are not the writer's voice.
    lab = check("World War I could have been avoided.", "speculative", deciding="could")
    assert cue_texts(lab, "hedge") == ["could"]
    check("The US can provide support to its allies.", "reported", hedged=False, opinion=False)
    # A modal inside a quotation is the speaker's, not the writer's.
    check("“I would never do that,” he said.", "attributed", hedged=False)


def test_weak_stance_cues_yield_to_figures() -> None:
    check("We must act before the next election.", "opinion", opinion=True, deciding="We must")
    check("Our team never gives up.", "opinion", deciding="Our")
    # Numbers mark concrete reporting: weak stance words alone do not make it opinion (flag still set).
    check("We lost 3 of our 12 games in 2023.", "reported", opinion=True)
    # Strong evaluative cues win regardless of figures.
    check("The 2023 season was shameful.", "opinion", deciding="shameful")
    # Words that are often descriptive in news are weak; "failed" is no cue at all.
    check("He estimated the cost of the 2004 disaster at $300m.", "reported", opinion=True)
    check("The striker failed to score in the second half.", "reported", opinion=False)
    check("Good governance was on the agenda.", "reported", opinion=False)


# ----------------------------------------------------------------------------- batch, explain, speed gating


def test_classify_batch_matches_classify_and_tolerates_none() -> None:
    texts = ["Read more", "They likely discussed trade.", "Read more", None, "Police said it was calm."]
    out = classify_batch(texts)  # type: ignore[arg-type]
    assert [o.label for o in out] == ["boilerplate", "speculative", "boilerplate", "reported", "attributed"]
    assert out[1] == classify("They likely discussed trade.")


def test_classify_is_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Officials said on day {i} that the talks would likely fail, reportedly." for i in range(300)]
    texts += ["“We might lose,” she said.", "Read more", "They probably talked about trade."] * 100
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(classify, texts))
    assert threaded == [classify(t) for t in texts]
    for t, lab in zip(texts, threaded, strict=True):
        _spans_ok(t, lab)


def test_explain_lists_sentences_cues_and_spans() -> None:
    text = "Hey guys! They probably talked about trade. Officials said the talks would likely fail."
    out = explain(text)
    assert "[0] chars 0-9: filler" in out
    assert "speculative" in out and "decided by: 'probably'" in out
    assert re.search(r"cue hedge\s+'probably' \[\d+:\d+\]", out)
    assert "source: Officials" in out
    assert out.count("\n[") == 2


def test_trigger_sets_cover_every_regex_match() -> None:
    # The trigger gating must never hide a cue: each family's regex is run ungated on varied text.
    samples = [
        "In all likelihood the data suggest the claims were unproven and rumoured, little is known.",
        "Whether or not it may or might or could happen remains to be seen; no evidence, not yet clear.",
        "Reportedly, according to officials, the talks are said to be expected to fail, he believed.",
        "It is widely regarded as, perceived as, viewed as questionable; the idea that I have a feeling.",
    ]
    for text in samples:
        words = prefilter_mod.words_of(text)
        hedges_ungated = {(m.start(), m.group(0).lower()) for m in hedge_mod._HEDGE_RE.ic.finditer(text)}
        for _, w in hedges_ungated:
            assert not words.isdisjoint(hedge_mod.HEDGE_TRIGGERS), w
            assert set(re.findall(r"[a-z]+", w)) & hedge_mod.HEDGE_TRIGGERS, w
        for m in attribution_mod._ATTRIB_RE.finditer(text):
            assert set(re.findall(r"[a-z]+", m.group(0).lower())) & attribution_mod.ATTRIBUTION_TRIGGERS, (
                m.group(0)
            )


# ----------------------------------------------------------------------------- real seed files (../shared)


def _shared() -> Path:
    env = os.environ.get("FACTSIEVE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.shared
def test_seed_files_label_mix() -> None:
    seeds = _shared() / "seeds"
    reported = sorted(seeds.glob("000_*.txt")) if seeds.is_dir() else []
    seo = sorted(seeds.glob("003_*.txt")) if seeds.is_dir() else []
    if not reported or not seo:
        pytest.skip("../shared/seeds not available")
    from factsieve.text.segment import sentences

    sents = sentences(reported[0].read_text(encoding="utf-8"))
    labs = classify_batch(sents)
    counts = {k: sum(lab.label == k for lab in labs) for k in LABELS}
    # The one speculative sentence is an agentless forecast ("… are expected to remain …"): the
    # author's own expectation (issue #17), not a reported fact.
    spec = [s for s, lab in zip(sents, labs, strict=True) if lab.label == "speculative"]
    assert all("expected to" in s for s in spec) and len(spec) <= 1
    assert counts["reported"] + counts["attributed"] >= 0.8 * len(labs)

    seo_sents = sentences(seo[0].read_text(encoding="utf-8"))
    seo_labs = classify_batch(seo_sents)
    spec = [(s, lab) for s, lab in zip(seo_sents, seo_labs, strict=True) if lab.label == "speculative"]
    hedge_words = re.compile(r"\b(?:likely|probably|may have|might have)\b")
    wanted = [s for s in seo_sents if hedge_words.search(s)]
    assert len(wanted) >= 9
    for s in wanted:
        lab = classify(s)
        assert lab.label == "speculative", s
        assert lab.deciding_cue is not None and lab.deciding_cue.lower() in s.lower()
    assert len(spec) >= len(wanted)
    assert sum(lab.label == "boilerplate" for lab in seo_labs) >= 10
    assert sum(lab.label == "filler" for lab in seo_labs) >= 5


# ----------------------------------------------------------------------------- offered options, "!" in filler


def test_options_offered_by_writer_or_reader_set_hedged_only() -> None:
    # The alternatives and possibilities a writer offers are listed as cues but never decide the
    # label, and since the reviews scheme was retired (issue #17) they no longer set the hedged flag.
    lab = check("I wish they had a basic black or white.", "reported", hedged=False, deciding=None)
    assert cue_texts(lab, "hedge") == ["or"]
    lab = check("You can rent boats, play tennis or even croquet.", "reported", hedged=False)
    assert cue_texts(lab, "hedge") == ["can", "or"]
    # Informal lower-case "i" is the writer; "I-74" and "Category I:" are not.
    check("i couldn't stop listening to it.", "opinion", hedged=False, deciding="couldn't")
    check("The route is signed as either I-74 or Future I-74.", "reported", hedged=False)
    check("Category I: any mission to the Sun or Mercury.", "reported", hedged=False)
    # Third person: the disjunction or ability is reported content, not a hedge.
    check("Talks covered security, migration, or investment.", "reported", hedged=False)
    # "won't" is plain future, like "will".
    check("We won't stop.", "opinion", hedged=False)


def test_active_consider_needs_a_judgement() -> None:
    check("Goaltenders often consider the shooter's shot preference.", "reported", hedged=False)
    assert classify("Many fans still consider this album to be his finest.").hedged
    lab = classify("Astronomers consider it a comet.")
    assert lab.hedged and "consider" in cue_texts(lab, "hedge")


def test_evaluative_lexicon_and_focus_even() -> None:
    check("The hearing was a farce.", "opinion", deciding="farce")
    check("The 2019 plan was utterly cynical.", "opinion", opinion=True)
    # "even" is a focus particle, common in factual news; no longer a stance cue.
    check("Even the regular television news was matter of fact.", "reported", opinion=False)


def test_exclamation_in_filler_is_not_opinion() -> None:
    check("So, grab your coffee, and let's get started!", "filler", opinion=False)
    check("Hey guys!", "filler", opinion=False)
    # Outside filler an exclamation is still the author's evaluation.
    check("What a game!", "opinion", opinion=True, deciding="!")


# ----------------------------------------------------------------------------- document context


def test_explain_uses_the_project_segmenter() -> None:
    import factsieve.classify.classifier as classify_mod

    assert not hasattr(classify_mod, "_FALLBACK_SPLIT")
    out = explain("Dr. Smith said the U.S. team would likely lose. It rained.")
    assert out.count("\n[") == 1  # two sentences: "Dr." and "U.S." do not split
    assert "[0] chars 0-47: attributed" in out


def test_quote_context_tracks_open_quotations() -> None:
    from factsieve.classify import quote_context
    from factsieve.text.segment import split_sentences

    text = (
        "The mayor spoke at noon. “We will win this fight. We must never give up. Our city deserves "
        "better,” she said. It rained later.\nA stray “ mark opens here. Next paragraph."
    )
    spans = split_sentences(text)
    assert [text[s:e][:12] for s, e in spans][:5] == [
        "The mayor sp",
        "“We will win",
        "We must neve",
        "Our city des",
        "It rained la",
    ]
    # The stray “ leaves the rest of its paragraph quoted; the line break resets the state.
    assert quote_context(text, spans) == [False, False, True, True, False, False, True]
    assert quote_context(text + "\nNew line.", split_sentences(text + "\nNew line."))[-1] is False
    # Straight quotes pair by parity.
    t2 = 'He said: "We are ready. We are strong." Then he left.'
    assert quote_context(t2, split_sentences(t2)) == [False, True, False]


def test_quote_context_gives_up_on_a_stray_mark() -> None:
    from factsieve.classify import quote_context

    text = "A “stray mark. " + " ".join(f"Sentence {i} follows." for i in range(20))
    from factsieve.text.segment import split_sentences

    flags = quote_context(text, split_sentences(text))
    assert flags[1] and not flags[-1]
    assert sum(flags) == 12


def test_classify_document_keeps_quote_context() -> None:
    from factsieve.classify import classify_document
    from factsieve.text.segment import split_sentences

    text = (
        "The mayor spoke at noon. “We will win this fight. We must never give up. Our city probably "
        "deserves better,” she said."
    )
    spans = split_sentences(text)
    alone = classify_batch([text[s:e] for s, e in spans])
    assert alone[2].label == "opinion"  # "We must never give up." read without context
    labs = classify_document(text, spans)
    assert classify_document(text) == labs
    assert [lab.label for lab in labs] == ["reported", "attributed", "attributed", "attributed"]
    mid = labs[2]
    assert mid.quoted and not mid.opinion
    for (s, e), lab in zip(spans, labs, strict=True):
        _spans_ok(text[s:e], lab)
    # A hedge inside the continued quotation is the speaker's: hedged, not speculative.
    assert labs[3].hedged and labs[3].label == "attributed"
    with pytest.raises(ValueError, match="continued flags"):
        classify_batch(["a", "b"], [True])


# ----------------------------------------------------------------------------- candidate scanning


def _scan_texts() -> list[str]:
    import random

    rng = random.Random(7)
    vocab = sorted(
        hedge_mod.HEDGE_TRIGGERS
        | attribution_mod.ATTRIBUTION_TRIGGERS
        | opinion_mod.OPINION_PHRASE_TRIGGERS
        | filler_mod.FILLER_TRIGGERS
        | personal_mod.PERSON_TRIGGERS
        | {
            "a",
            "an",
            "the",
            "is",
            "it",
            "its",
            "in",
            "of",
            "no",
            "not",
            "so",
            "as",
            "we",
            "i",
            "our",
            "let's",
        }
        | {"Many", "Some", "Officials", "According", "It", "Reportedly", "That", "that", "to", "be", "have"}
        | {"can't", "couldn't", "don't", "we're", "it's", "so-called", "Mr.", "U.S.", "2024", ",", ".", "!"}
    )
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 14))) for _ in range(3000)] + [
        "In all likelihood little is known; some doubt, no clear evidence, it is not yet clear.",
        "It's worth noting: we can't, i think, our country is a big deal, so-called, only a few, of course.",
        "As you can see, in this article we'll dive into it; we're going to look, but wait, here's the thing.",
        "Many experts believe it, it is said that officials are widely expected to say so, according to Reuters.",
    ]


def test_candidate_scanning_equals_finditer() -> None:
    # The start-token scanner must return exactly what a plain finditer over the sentence returns.
    case_free = [
        hedge_mod._HEDGE_RE,
        opinion_mod._OPINION_PHRASE_RE,
        opinion_mod._STANCE_PHRASE_RE,
        filler_mod._FILLER_RE,
        attribution_mod._TOPIC_VERB_RE,
        personal_mod._PERSONAL_MODAL_RE,
    ]
    assert all(rx.starts for rx in case_free)
    for text in _scan_texts():
        words = prefilter_mod.words_of(text)
        low = text.lower()
        for rx in case_free:
            assert [m.span() for m in rx.find(text, words)] == [m.span() for m in rx.low.finditer(low)], text
        got = prefilter_mod.scan(
            attribution_mod._ATTRIB_RE,
            attribution_mod._ATTRIB_STARTS,
            text,
            low,
            words,
            attribution_mod._ATTRIB_REQUIRES,
        )
        assert [m.span() for m in got] == [m.span() for m in attribution_mod._ATTRIB_RE.finditer(text)], text
        got = prefilter_mod.scan(attribution_mod._WEASEL_RE, attribution_mod._WEASEL_STARTS, text, low, words)
        assert [m.span() for m in got] == [m.span() for m in attribution_mod._WEASEL_RE.finditer(text)], text
        if len(text) <= 80 and words.isdisjoint(boilerplate_mod.BOILERPLATE_LINE_WORDS):
            assert boilerplate_mod._BOILERPLATE_LINE_RE.match(text) is None, text


def test_start_tokens_derivation() -> None:
    assert prefilter_mod.start_tokens(r"\b(?:may|might)\ or\b") == {"may", "might"}
    assert prefilter_mod.start_tokens(r"\brumou?r(?:s|ed)?\b") == {
        "rumor",
        "rumour",
        "rumors",
        "rumours",
        "rumored",
        "rumoured",
    }
    assert prefilter_mod.start_tokens(r"\b(?:ca|could)\ ?n't\b") == {"ca", "can", "could", "couldn"}
    assert prefilter_mod.start_tokens(r"\bit'?s\b") == {"it", "its"}
    assert prefilter_mod.start_tokens(r"said") is None  # no \b: could start inside a word
    assert prefilter_mod.start_tokens(r"\b\d+ views") is None  # starts with a digit
    assert prefilter_mod.start_tokens(r"\bjan[a-z]*\b") is None  # token of unbounded length
    assert (
        "latest" in boilerplate_mod.BOILERPLATE_LINE_WORDS
        and "last" in boilerplate_mod.BOILERPLATE_LINE_WORDS
    )


def test_words_of_ascii_and_unicode_agree_with_regex() -> None:
    for text in ["Hello, World! It's 2024: U.S.-led talks.", "Ünïcode café “quoted” — naïve", "İstanbul K"]:
        assert prefilter_mod.words_of(text) == frozenset(re.findall(r"[a-z]+", text.lower()))


def test_no_cue_sentences_share_one_label() -> None:
    a, b = classify("The river flows north past the town."), classify("The bridge opened in 1932.")
    assert a is b and a.label == "reported" and a.cues == ()
    # Anything that could be a cue takes the full path.
    assert classify("Related news").label == "boilerplate"
    assert classify("12345 -- 678").label == "boilerplate"
    assert classify("The bridge opened in 1932!").label == "opinion"
    assert classify('The "bridge of sighs and tears" opened.').quoted


def test_words_of_agrees_with_regex_on_generated_text() -> None:
    # The ASCII byte-table path must give the tokens of the regex on the lower-cased text.
    texts = [*_scan_texts(), "".join(chr(c) for c in range(128)), "ABC\x1fdef\x0bGHI", "", "  "]
    for text in texts:
        assert prefilter_mod.words_of(text) == frozenset(re.findall(r"[a-z]+", text.lower())), text


def test_source_noun_set_equals_pattern() -> None:
    # _np_walk looks source nouns up in a set; it must hold exactly the words the regex matches.
    words = attribution_mod._SOURCE_NOUN_WORDS
    assert {"official", "officials", "spokeswoman", "witnesse", "ceo", "most"} <= words
    assert all(attribution_mod._SOURCE_NOUN_RE.match(w) for w in words)
    probes = {w + x for w in words for x in ("", "s", "es", ".", "'", "’s")} | {w[:-1] for w in words}
    for text in _scan_texts():
        probes.update(t.lower() for t in attribution_mod._TOKEN_RE.findall(text))
    for w in probes:
        assert (w in words) == (attribution_mod._SOURCE_NOUN_RE.match(w) is not None), w


def test_filler_opener_gate() -> None:
    assert {"alright", "all", "okay", "ok", "so", "well", "now", "stay", "keep", "curious"} <= (
        filler_mod.FILLER_OPENER_WORDS
    )
    for text in [*_scan_texts(), "Okay, so here we go", "  WELL guys", "Oklahoma, so what", "Sofa why"]:
        if prefilter_mod.words_of(text).isdisjoint(filler_mod.FILLER_OPENER_WORDS):
            assert filler_mod.FILLER_OPENER_RE.match(text) is None, text


def test_fast_constructors_build_equal_frozen_objects() -> None:
    import dataclasses

    from factsieve.classify import classifier as classify_mod

    cue = cue_mod.new_cue("hedge", "may", 3, 6)
    assert (
        type(cue) is Cue and cue == Cue("hedge", "may", 3, 6) and hash(cue) == hash(Cue("hedge", "may", 3, 6))
    )
    args = ("speculative", 0.8, True, False, False, False, (cue,), "may", None)
    lab = classify_mod._label(*args)
    assert (
        type(lab) is SentenceLabel and lab == SentenceLabel(*args) and repr(lab) == repr(SentenceLabel(*args))
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        lab.label = "reported"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.start = 0  # type: ignore[misc]


def test_batch_memo_keeps_continued_apart() -> None:
    text = "we will win this, he said."
    plain, cont = classify(text), classify(text, True)
    assert plain != cont
    assert classify_batch([text, text, text], [False, True, False]) == [plain, cont, plain]
    assert classify_batch([text, text]) == [plain, plain]


def test_boilerplate_prefilter_never_hides_a_match() -> None:
    assert {"privacy", "subscribe", "min", "minute", "all", "share"} <= boilerplate_mod._PHRASE_START_WORDS
    samples = [
        "Nov 14, 2025 47 Views",
        "March 3, 1987 - Reuters",
        "All rights reserved.",
        "Share on Facebook",
        "5 min read",
        "12 minute read",
        "1.2k shares",
        "Privacy Policy | Terms of Service",
        "Leave a reply",
        "Copyright 2020 Acme",
        "Subscribe to our newsletter",
        "Sign up for our alerts",
        "Follow us on X",
        "Click here to print this",
        "Accept cookies",
        "The shares rose 5% on Monday, all analysts said.",
    ]
    for text in [*_scan_texts(), *samples, *(s.upper() for s in samples)]:
        if text.isascii() and not boilerplate_mod.boilerplate_possible(text, prefilter_mod.words_of(text)):
            assert boilerplate_mod._BOILERPLATE_RE.finditer(text) == [], text
    assert all(boilerplate_mod.boilerplate_possible(s, prefilter_mod.words_of(s)) for s in samples[:-1])


def test_negated_ability_in_the_writers_voice_is_not_a_hedge() -> None:
    # "can't"/"cannot" state what the writer or reader is unable to do, a fact like "could not";
    # the other personal modals stay stance hedges.
    check("I can't comment on the spa because I did not try it.", "reported", hedged=False)
    check("You cannot put these pans in the dishwasher.", "reported", hedged=False)
    check("I can't recommend this phone.", "reported", hedged=False)
    check("i couldn't stop listening to it.", "opinion", hedged=False, deciding="couldn't")
    check("You can return it within thirty days.", "reported", hedged=False)


def test_possible_as_a_count_or_degree_is_not_a_hedge() -> None:
    # Options a system allows ("three possible firing orders") and the degree reached ("the shortest
    # route possible", "the sharpest possible picture") are not doubt; a candidate offered is.
    check("The engine has three possible firing orders.", "reported", hedged=False)
    check("They took the shortest route possible.", "reported", hedged=False)
    check("The lens gives the sharpest possible picture.", "reported", hedged=False)
    check("Boarding wasn't possible.", "reported", hedged=False)
    check("One possible explanation is a faulty valve.", "speculative", hedged=True, deciding="possible")
    check("It is possible that the valve failed.", "speculative", hedged=True, deciding="possible")


def test_could_with_an_action_verb_in_news_stays_speculation() -> None:
    # A deny-list of "ability" verbs after "could" was measured on the hedge sets and dropped:
    # in news these are the author's guesses about what someone may do next.
    check("The company could buy its largest rival next year.", "speculative", hedged=True, deciding="could")
    check("The minister could travel to Beijing next week.", "speculative", hedged=True, deciding="could")


def test_quote_context_agrees_with_a_character_scan() -> None:
    # quote_context looks up the document's quotation marks by position; the reference below scans
    # every sentence's characters (the definition). Random documents with every mark and line breaks.
    import random

    from factsieve.classify.quotes import _MAX_QUOTED_SENTENCES, quote_context
    from factsieve.text.segment import split_sentences

    def reference(text: str, spans: list[tuple[int, int]]) -> list[bool]:
        flags, open_q, run, pos = [], False, 0, 0
        for s, e in spans:
            if open_q and ("\n" in text[pos:s] or run >= _MAX_QUOTED_SENTENCES):
                open_q = False
            flags.append(open_q)
            run = run + 1 if open_q else 0
            for i in range(s, e):
                ch = text[i]
                if ch in "“«":
                    open_q = True
                elif ch in "”»":
                    open_q = False
                elif ch == '"':  # opens after a space before a word, closes after a word before a space
                    before, after = text[i - 1 : i] or " ", text[i + 1 : i + 2] or " "
                    if before.isspace() != after.isspace():
                        open_q = before.isspace()
                    else:
                        open_q = not open_q
            pos = e
        return flags

    rng = random.Random(3)
    pieces = [
        "He said “yes. ",
        "No.” ",
        'A "b. ',
        'C." ',
        "«D. ",
        "E.» ",
        "Plain text. ",
        "\n",
        "F “g” h. ",
        'I "j"k. ',
        'L " m. ',
    ]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        spans = split_sentences(text)
        assert quote_context(text, spans) == reference(text, spans), text
        gappy = spans[::2]  # marks between the given spans are not read
        assert quote_context(text, gappy) == reference(text, gappy), text


def test_fast_prev_word_and_ascii_quotes_agree_with_the_patterns() -> None:
    # cues._prev matches the reversed window instead of searching _PREV_WORD over it; quote_cues uses
    # the straight-quote alternatives of _QUOTE_RE for ASCII text. Both must give the patterns' results.
    import random

    rng = random.Random(11)
    alphabet = "aB’' \n.,é1\t-\"`“”‘"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 45)))
        start = rng.randint(0, len(text))
        m = context_mod.PREV_WORD_RE.search(text, max(0, start - 30), start)
        assert context_mod.prev_word(text, start) == (m.group(1).lower() if m else ""), (text, start)
    pieces = ['He said "yes', 'no" ', "``quoted''", " plain ", '"', "a", "\n", "''", "``"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in quotes_mod._QUOTE_RE_ASCII.finditer(text)] == [
            m.span() for m in quotes_mod._QUOTE_RE.finditer(text)
        ], text


def test_line_word_and_byline_gates_are_necessary_conditions() -> None:
    # _has_no_cues and boilerplate_cues skip the whole-line pattern when the first word is no line
    # word, and the byline date pattern when boilerplate_possible says it cannot match.
    import random

    rng = random.Random(5)
    pieces = [
        "Read more",
        " by John Smith",
        "Home",
        "Nov 14, 2025",
        " 47 views",
        "share",
        "Tags: a",
        "x",
        " ",
        "7",
    ]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        if boilerplate_mod._BOILERPLATE_LINE_RE.match(text):
            assert boilerplate_mod.starts_with_line_word(text), text
        words = prefilter_mod.words_of(text)
        if boilerplate_mod._BOILERPLATE_RE.ic.search(text):
            assert boilerplate_mod.boilerplate_possible(text, words), text
    assert not boilerplate_mod.starts_with_line_word("He was hit by a car")
    assert boilerplate_mod.starts_with_line_word("  Read more")
    assert classify("Posted by John Smith").label == "boilerplate"


def test_explain_json_one_object_per_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from factsieve.classify import explain_records
    from flows.cli import main

    text = "Investigators believe the crash was caused by ice. Fuel prices are expected to ease by spring."
    recs = explain_records(text)
    assert [r["label"] for r in recs] == ["attributed", "speculative"]
    first = recs[0]
    assert text[first["start"] : first["end"]] == first["text"]
    assert (
        first["source"] == "Investigators" and first["flags"]["hedged"] and first["deciding_cue"] == "believe"
    )
    for r in recs:
        for c in r["cues"]:
            assert r["text"][c["start"] : c["end"]] == c["text"]
    assert main(["explain", "--json", text]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == recs
