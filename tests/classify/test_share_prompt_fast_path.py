"""The share/comment prompt's fast path (round 6d) finds exactly what the full pattern's search finds.

`boilerplate._share_prompt` tries a lower-cased copy of `_SHARE_RE` only at offsets where a match can
start; if a new alternative of `_SHARE_RE` starts with a word missing from `_SHARE_START_WORDS`, the
fast path silently stops finding it. This pins the two together on prompts, near misses and
case variants."""

from __future__ import annotations

import pytest

from factsieve.classify import boilerplate
from factsieve.classify.prefilter import words_of

SENTENCES = [
    "Share this article with a friend.",
    "Send this story to someone who needs it.",
    "Let us know in the comments what you think about the plan.",
    "Have your say in the comments below.",
    "Click here to share on Facebook | Twitter | Email",
    "Tell us what you think: email letters@example.com",
    "Join the conversation on our Facebook page.",
    "Leave a comment below and we'll read every one.",
    "Comments are closed for this article.",
    "Sharing options: copy link, WhatsApp, email",
    "Write to us at the address below.",
    "Rate this article: ★★★★☆",
    "What do you think? Tell us in the comments.",
    "If you enjoyed this piece, I'd love it if you shared it.",
    "Tap the heart to let us know you liked this.",
    # near misses: content that uses the same words
    "The minister said she would share the report with the committee on Monday.",
    "Investors sent the shares 4% higher after the results.",
    "Residents will have their say in a public consultation next month.",
    "The council has received more than 300 comments on the plan, officials said.",
    "Analysts told Reuters the company should join the index next year.",
    "The band's new single, Tell Me Twice, topped the chart.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("case", [str, str.upper, str.swapcase, str.lower])
def test_fast_path_matches_the_full_search(text, case):
    t = case(text)
    fast = boilerplate._share_prompt(t, words_of(t))
    full = boilerplate._SHARE_RE.search(t)
    assert (fast is None) == (full is None), t
    if full is not None:
        assert fast.span() == full.span(), t


def test_the_prompts_here_are_found_and_the_near_misses_are_not():
    # keeps the equivalence test meaningful: both outcomes occur in its sentences
    found = [s for s in SENTENCES if boilerplate._SHARE_RE.search(s) is not None]
    assert "Share this article with a friend." in found
    assert "Investors sent the shares 4% higher after the results." not in found
