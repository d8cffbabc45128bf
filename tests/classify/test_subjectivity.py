"""Round 3 of issue #17: the author's evaluative language is opinion (classify/evaluative.py).

Sentences written for factsieve, several wordings per class, and wire-style controls that must stay
reported. The deciding cue must name the evaluative word or phrase, with its span.
"""

from __future__ import annotations

import random

import pytest

from factsieve.classify import classify, classify_document
from factsieve.classify import evaluative as evaluative_mod
from factsieve.classify import prefilter as prefilter_mod
from factsieve.classify.registry import ANY_TRIGGER

# (sentence, the deciding cue)
OPINION = [
    # sentence adverbs that evaluate the whole statement
    ("Predictably, the council blamed the weather for the delays.", "Predictably"),
    ("Ironically, the bypass has made the town centre busier.", "Ironically"),
    ("The minister was, tellingly, absent from the vote.", "tellingly"),
    ("Unsurprisingly, nobody at the agency has resigned.", "Unsurprisingly"),
    ("The reform is arguably the most damaging change to the tax code in a decade.", "arguably"),
    ("Shockingly, the inspectors visited only two of the 40 care homes.", "Shockingly"),
    # judgement adjectives
    ("The decision to close the clinic was thoughtless.", "thoughtless"),
    ("It is a misguided attempt to win back rural voters.", "misguided"),
    ("The board's excuses for the losses are laughable.", "laughable"),
    ("The claim that the scheme pays for itself is baseless.", "baseless"),
    ("Cutting the fire service budget now would be irresponsible.", "irresponsible"),
    ("It was an ingenious way to pay the drivers without new borrowing.", "ingenious"),
    ("The ruling is self-contradictory and will be hard to apply.", "self-contradictory"),
    ("The city's response to the flooding was heavy-handed.", "heavy-handed"),
    ("The ministry's half-baked plan leaves schools to fill the gap.", "half-baked"),
    # disparaging nouns and loaded labels
    ("The opening ceremony turned into a chaotic nightmare for the organisers.", "nightmare"),
    ("The whole procurement fiasco cost taxpayers dearly.", "fiasco"),
    ("The election night debacle has left the party leaderless.", "debacle"),
    ("Calling every critic a traitor is a kind of brainwashing.", "brainwashing"),
    ("The network's presenters act as mouthpieces for the government.", "mouthpieces"),
    ("The campaign's scaremongering about migrants has worked before.", "scaremongering"),
    # commentators' idioms
    ("News of the cuts spread like wildfire through the hospital wards.", "like wildfire"),
    ("Anyone naming a date for the recovery is sticking a finger in the air.", "finger in the air"),
    ("All the careful budgeting went out of the window when the war began.", "out of the window"),
    ("The fines are a drop in the ocean for a company of its size.", "drop in the ocean"),
    ("Ministers have kicked the can down the road for another year.", "kicked the can"),
    ("Gone are the days when a pension covered the rent.", "Gone are the days"),
    # argumentative openers and exhortations
    ("After all, the same promise was made before the last election.", "After all"),
    ("Worse still, the new rules apply to contracts already signed.", "Worse still"),
    ("In other words, the tenants will pay for the repairs twice.", "In other words"),
    ("Hence the rush to borrow before the rates rise again.", "Hence"),
    ("Remember that the stadium was sold to voters as self-financing.", "Remember"),
    ("Consider the case of the bus company that could not pay its drivers.", "Consider"),
    ("But just look at the queues outside the passport office.", "But just look at"),
    # impersonal author, stated hope, superlative verdict
    ("One can easily guess who will pay for the new runway.", "One can"),
    ("It is my hope that the council will change course.", "It is my hope"),
    ("That is the biggest problem of all with the new levy.", "biggest problem of all"),
    # sarcasm markers
    ("The minister for transport, of all people, was caught speeding.", "of all people"),
    ("Surprise, surprise, the contract went to a party donor.", "Surprise, surprise"),
    ("Lo and behold, the missing files turned up after the election.", "Lo and behold"),
    ("Funnily enough, the audit found nothing wrong with the contract.", "Funnily enough"),
    # rhetorical questions
    ("Is it any wonder that turnout fell to a record low?", "Is it any wonder"),
    ("Who could blame the tenants for withholding the rent?", "Who could blame"),
    ("Isn't it time the city fixed its own potholes first?", "Isn't"),
    ("Shouldn't the regulator have spotted this years ago?", "Shouldn't"),
    ("But what of the pensioners who lose their winter payment?", "But what of"),
    ("Since when did a ministry need three press offices?", "Since when"),
    # round 4: a one-clause verdict closing a short sentence
    ("The explanation is simple.", "is simple"),
    ("But the risk is real.", "is real"),
    ("This outcome was inevitable.", "was inevitable"),
    ("And the damage to the party is undeniable.", "is undeniable"),
]

# Wire and report text with the same words in a descriptive or quoted role: stays as it was.
NOT_OPINION = [
    ("The ministry published the figures on Tuesday.", "reported"),
    ("Lawmakers granted the agency new powers in March.", "reported"),
    ("granted by Parliament, to cover the government's needs.", "reported"),
    ("consider selling its shares in the venture.", "reported"),
    (
        "The band was named the best act of all time in a listeners' poll.",
        "opinion",
    ),  # "best": the stance cue
    ("Most of all the planned branches will open next year.", "reported"),
    ("The committee will consider the bill on Thursday.", "reported"),
    ("Remembrance services were held across the country.", "reported"),
    ("Police said the bomb threat was a hoax.", "attributed"),
    # the quoted epithet is the critics' word (round 4: a naming verb + quotation is attribution)
    ('Critics called the rollout "a nightmare" for small firms.', "attributed"),
    ('"It was a debacle," the coach said after the match.', "attributed"),
    ("The opposition said the plan was misguided.", "attributed"),
    ("Each household received one can of fuel and a blanket.", "reported"),
    ("The ruling is in the best interests of all parties, the judge said.", "attributed"),
    ("Investors have shown keen interest of all kinds in the bond.", "reported"),
    ("Three people were injured when the roof collapsed, police said.", "attributed"),
    ("The goalkeeper somehow kept out the late penalty.", "reported"),
    ("At 27 dollars a tonne, its disposal fee is by far the lowest of all.", "reported"),
    ("The fund supports the work of all people in the region.", "reported"),
    # a question that is a heading or the reader's own question, and a quoted one
    ("Why are teachers leaving the profession?", "reported"),
    ("How will the new tariff affect prices?", "reported"),
    ('"Why should we pay twice?" the mayor said.', "attributed"),
    # round 4 near misses of the verdict: descriptive adjectives, a verdict inside a longer clause
    ("The sky was clear.", "reported"),
    ("The road is open.", "reported"),
    ("The threat of flooding along the river is real, the agency said.", "attributed"),
    # round 4: restrictive "just" before a quantity measures, like "only"
    ("The visitors scored the opening try after just four minutes.", "reported"),
    ("The club sacked its coach just eight months after he took charge.", "reported"),
    ("The lawsuit comes just a few weeks before the conference.", "reported"),
]

# Round 4: "just" meaning "merely" keeps its stance ("not just", "more than just", "is just a box").
JUST_MERELY = [
    "This is more than just a theory.",
    "The new console is just a box with a logo on it.",
    "Search is not just about finding your way around the web.",
]


@pytest.mark.parametrize(("text", "cue"), OPINION)
def test_evaluative_language_is_opinion_with_its_cue(text: str, cue: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab)
    assert lab.opinion
    assert lab.deciding_cue == cue
    spans = [(c.start, c.end) for c in lab.cues if c.kind == "opinion" and c.text == cue]
    assert spans and all(text[s:e] == cue for s, e in spans)


@pytest.mark.parametrize(("text", "label"), NOT_OPINION)
def test_descriptive_and_quoted_uses_keep_their_label(text: str, label: str) -> None:
    assert classify(text).label == label, text


@pytest.mark.parametrize("text", JUST_MERELY)
def test_just_meaning_merely_stays_a_stance_cue(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab)
    assert lab.deciding_cue == "just"


def test_evaluative_words_inside_a_continued_quotation_are_the_speakers() -> None:
    # The second sentence sits inside the quotation the first one opened.
    text = (
        '"The whole thing has been handled badly from the start. Predictably, nobody has resigned," she said.'
    )
    labels = [lab.label for lab in classify_document(text)]
    assert labels[-1] == "attributed", labels


def test_every_evaluative_word_and_phrase_lets_the_classifier_look() -> None:
    # The no-cue fast path skips sentences without a trigger word: every new cue must pass the gate.
    assert evaluative_mod.EVALUATIVE_WORDS <= ANY_TRIGGER
    assert evaluative_mod.PHRASE_AND_OPENER_TRIGGERS <= ANY_TRIGGER
    # (A closing "?" also lets the classifier look: rhetorical questions need no trigger word.)
    for text, _ in OPINION:
        assert text.endswith("?") or not prefilter_mod.words_of(text).isdisjoint(ANY_TRIGGER), text


def test_phrase_scanning_equals_finditer() -> None:
    # The start-token scanner must return exactly what a plain finditer returns, on varied text.
    rng = random.Random(11)
    vocab = sorted(evaluative_mod.PHRASE_TRIGGERS) + (
        "the a of in on is was it my our no one can could all most best worst biggest like out to by any "
        "gone are days half self short ill tone heavy kick kicked shoot themselves foot heads sand".split()
    )
    rx = evaluative_mod._PHRASE_RE
    assert rx.starts
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 14))) for _ in range(3000)]
    texts += [t for t, _ in OPINION]
    for text in texts:
        words = prefilter_mod.words_of(text)
        assert [m.span() for m in rx.find(text, words)] == [
            m.span() for m in rx.low.finditer(text.lower())
        ], text
