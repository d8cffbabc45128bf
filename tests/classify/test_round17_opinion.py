"""Round 17 (issue #17): reader address with no content, and the author's corrective contrast.

Four shapes (factsieve/classify/filler.py, contrast_verdicts.py, inference_shapes.py):

* a question put to the reader and answered at once with a longer answer that still only speaks to the
  reader ("Feeling overwhelmed? Take a breath — we'll walk you through it."); not a question about a third
  party, not a yes/no reply, not a line with a figure or a name;
* a line about the reader that closes on the writer's thanks or the reader's company ("If you've stuck
  with us this long, thank you."); not a practical main clause ("…, you are entitled to …");
* a sentence that ends by re-describing its subject, ", not" and one word after a link verb ("The new
  bus lane is a slogan, not a plan."); not a contrast of two facts (a place, a date, an agent, a figure,
  a verb of action, a name) and not a speaker's;
* the writer's own inference: "Put X side by side …" opening the sentence, or the writer's summing-up
  ("All of this") that "points to a NOUN that has …"; not evidence named by the sentence, not a source's.

None of these sentences is a row of tests/data. See docs/EVALUATION.md "Round 17 (judgement, reader
address, page lines)" for how many of them fail on main a92b559.
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

READER_EXCHANGES = [
    "Feeling overwhelmed? Take a breath — we'll walk you through it.",
    "The best part? You won't need any special tools for this.",
    "Do you recognise yourself here? Stay with me, it gets better.",
    "Short on time? Skip ahead — we've put the checklist at the end.",
    "Still reading? Good, because the next bit is where you save money.",
    "Wondering what happens next? Keep reading, because you'll want to see this.",
]

READER_CLOSES = [
    "If you've stuck with us this long, thank you.",
    "To all of you who wrote in after last week's column, thanks.",
    "If you've ever lost a whole evening to a software update, you're in good company.",
    "If you've ever struggled to read a gas meter, you're not alone.",
]

CORRECTIVE_CONTRASTS = [
    "The new bus lane is a slogan, not a plan.",
    "The inquiry's report reads like a press release, not an investigation.",
    "Cutting the ferry timetable will make the island poorer, not safer.",
    "The new stadium roof was vanity, not engineering.",
    "The tax cut is a gimmick, not a reform.",
]

# The writer's own inference (inference_shapes.py): the evidence laid out by the writer, a conclusion
# about a whole actor.
AUTHORS_INFERENCES = [
    "Put the two budgets side by side and the gap is impossible to miss.",
    "Put side by side, the two timetables leave the council with nowhere to hide.",
    "All of this points to a ministry that has stopped listening.",
    "Taken together, this points to a club that has lost its way.",
]

# Each keeps the label it has on main: a question about someone else, a yes/no verdict, a figure or a
# name, practical advice, a source; a contrast of place, date, agent, figure or action, two words after
# "not", a correction, a quotation.
NEAR_MISSES = [
    ("Why did the board ignore the warning? Ask yourself that.", "attributed"),
    ("Is the scheme worth it? Absolutely, if you drive every day.", "opinion"),
    ("Was the penalty deserved? No, and you could see it from the stands.", "opinion"),
    ("Did you vote in the by-election? Polls close at 10pm tonight.", "reported"),
    ("The verdict? Tidy, if a little safe.", "reported"),
    ("Who pays for the new bridge? Residents will, through higher council tax.", "reported"),
    ("If you live in the flood zone, you are entitled to a free sandbag.", "reported"),
    ("If you're a renter, you are likely to pay more next year.", "speculative"),
    ("The mayor said thank you.", "attributed"),
    ("The fine is payable by the driver, not the owner.", "reported"),
    ("The meeting moved to Tuesday, not Wednesday.", "reported"),
    ("The refund covers the ticket, not the booking fee.", "reported"),
    ("Prices rose 4%, not 3%.", "reported"),
    ("The council corrected the notice to say the road closes in June, not July.", "reported"),
    ('"It is a tax, not a levy," the minister said.', "attributed"),
    ("The parcel went to the neighbour, not the owner.", "reported"),
    ("The league fined the club, not the player.", "reported"),
    ("The ministry says the delay was caused by the weather, not mismanagement.", "attributed"),
    ("The evidence points to a fire that was started deliberately.", "reported"),
    ("The figures point to a recovery that has already begun.", "reported"),
    ("Analysts said the data point to an economy that has slowed.", "attributed"),
    ("The two buildings stand side by side on Mill Street.", "reported"),
]


@pytest.mark.parametrize("text", READER_EXCHANGES + READER_CLOSES)
def test_reader_address_with_no_content_is_filler(text: str) -> None:
    lab = classify(text)
    assert lab.label == "filler", (text, lab.label, lab.deciding_cue)
    assert any(c.kind == "filler" for c in lab.cues)


@pytest.mark.parametrize("text", CORRECTIVE_CONTRASTS)
def test_the_authors_corrective_contrast_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.label, lab.deciding_cue)
    assert any(c.kind == "opinion" and c.text.startswith("not ") for c in lab.cues)  # the contrast itself


@pytest.mark.parametrize("text", AUTHORS_INFERENCES)
def test_the_writers_own_inference_is_opinion(text: str) -> None:
    lab = classify(text)
    assert lab.label == "opinion", (text, lab.label, lab.deciding_cue)
    assert lab.source is None


@pytest.mark.parametrize(("text", "label"), NEAR_MISSES)
def test_near_misses_keep_their_label(text: str, label: str) -> None:
    assert classify(text).label == label, text


def test_the_contrast_inside_a_quotation_is_the_speakers() -> None:
    lab = classify('"It is a tax, not a levy," the minister said.')
    assert lab.source is not None and "minister" in lab.source
    assert not any(c.text.startswith("not ") for c in lab.cues)
