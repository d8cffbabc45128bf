"""Round 7c (issue #17): sentence-label classes found on samples shaped like public news corpora
(CC-News, the Kaggle fake/real CSVs, CNN transcripts, CNN/DailyMail, XSum, live blogs).

These shapes sit inside running text, so factsieve/text's furniture-line removal never sees them and
the classifier must label them. Wordings are our own; each class has near misses that keep their
label. See factsieve/classify/corpus_lines.py and docs/EVALUATION.md "Round 7c".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify, classify_document
from tests.classify.test_page_furniture_r5 import _cases

# 1. A transcript turn: a speaker tag in capitals, a colon, the words spoken → attributed.
SPEAKER_TURNS_ARE_ATTRIBUTED = [
    "HALVORSEN: Diesel has fallen below four dollars for the first time since March.",
    "OKAFOR: We plan to reopen the northern line before Christmas.",
    "SEN. MARTA VIDAL (D-NM): The committee has not seen the contract.",
    "UNIDENTIFIED FEMALE: They told us to leave the building at once.",
    "UNIDENTIFIED MAN (through translator): The water came up to the roof.",
    "REP. DALE MORROW (R-Kan.): Nobody on this committee saw the invoices.",
    "DR. PRIYA SHAH, EMERGENCY PHYSICIAN: The ward was full by noon.",
    # "let's" and an opinion word belong to the speaker, not to the author addressing the reader
    "MADDEN: Let's bring in our correspondent at the border.",
    "RIZZO: Frankly, this is the worst budget I have ever read.",
]
SPEAKER_NEAR_MISSES = [
    # headline and page labels in capitals are no speakers
    ("DEVELOPING: Crews are still searching the collapsed car park.", "reported"),
    ("BREAKING: Two trains collided outside the station this morning.", "reported"),
    ("EXCLUSIVE: Inside the deal that kept the shipyard open.", "reported"),
    # wire table lines under a capitals label are figures, not speech
    ("TURNOVER: 12,418,900", "reported"),
    ("RIO GRANDE DO SUL: PELOTAS NIL, BAGE 4.0 MM, URUGUAIANA NIL.", "reported"),
    # a dateline in capitals before a colon, its lead giving the day (South Asian/Gulf press style)
    ("KARACHI: Police on Tuesday arrested three men over the warehouse fire.", "reported"),
    ("DUBAI: The port authority said on March 3 it would double berth fees.", "attributed"),
    # a sentence-case label is not a tag
    ("Background: The plant opened in 1974 and employs 600 people.", "reported"),
]
# A hedge inside the turn sets the flag; the label stays the speaker's.
HEDGED_TURN = "BRENNAN: Rates could rise again before the summer."

# 2. Picture credits and inline calls to support or subscribe → boilerplate.
CREDITS_AND_SUPPORT_CALLS_ARE_BOILERPLATE = [
    "Featured image via Drew Angerer/Getty Images",
    "Header photo by Lena Ortiz/AFP",
    "Top image courtesy of the Smithsonian Institution",
    "Screengrab via YouTube",
    "Image credit: Sam Ng/Bloomberg",
    "Please support our reporting by becoming a member.",
    "Consider donating to keep our newsroom independent.",
    "Become a patron today.",
    "RELATED: Council votes on bus lanes SUPPORT OUR JOURNALISM BY SUBSCRIBING",
]
CREDIT_NEAR_MISSES = [
    ("The photo by the hiker showed the bear near the campsite.", "reported"),
    ("Images from the drone revealed cracks in the dam wall.", "reported"),
    ("Volunteers were asked to support the shelter by donating blankets.", "reported"),
    ("The charity became a registered trust in 2011.", "reported"),
]

# 3. Reporter bios in any wording → boilerplate; a journalist in the news stays reported.
BIOS_ARE_BOILERPLATE = [
    "Karin Olsen is a reporter for the Ledger covering city hall.",
    "Tariq Hussain is the paper's chief Europe correspondent.",
    "Ana Beltran is the station's science producer.",
    "Yusuf Demir is a correspondent with Agence France-Presse based in Ankara.",
    "Leo Brandt has been the site's technology editor since 2018.",
]
BIO_NEAR_MISSES = [
    ("The correspondent, who reported from Kabul for six years, was freed on Tuesday.", "reported"),
    ("Karin Olsen is a reporter for the Ledger who was arrested outside the court on Monday.", "reported"),
    ("Tariq Hussain is the city's new finance director.", "reported"),
    ("A photographer for the agency was injured in the blast.", "reported"),
]

# 4. Wire update headlines: the desk's tag glued to the headline by a hyphen → boilerplate.
WIRE_TAGS_ARE_BOILERPLATE = [
    "UPDATE 3-Copper hits two-year high on Chinese demand",
    "REFILE-Airline cuts summer capacity after engine checks",
    "CORRECTED-UPDATE 1-Central bank leaves rates unchanged",
    "WRAPUP 2-Floods force thousands from homes in the south",
    "RPT-Grain exporters face new inspection rules",
]
WIRE_NEAR_MISSES = [
    ("US-China talks on tariffs resume in Geneva next week.", "reported"),
    ("COVID-19 admissions fell for a third week in the region.", "reported"),
    ("UK-based lenders raised mortgage rates on Friday.", "reported"),
    # Reuters-style price tables with capitals and hyphenated figures
    ("SLM 1-1/16 inch cotton 1.80", "reported"),
    ("DAY 7-13/16 7/8 (7-13/16 15/16) ONE MONTH 7-7/8 8", "reported"),
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        *_cases(SPEAKER_TURNS_ARE_ATTRIBUTED, "attributed"),
        *_cases(SPEAKER_NEAR_MISSES),
        *_cases(CREDITS_AND_SUPPORT_CALLS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(CREDIT_NEAR_MISSES),
        *_cases(BIOS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(BIO_NEAR_MISSES),
        *_cases(WIRE_TAGS_ARE_BOILERPLATE, "boilerplate"),
        *_cases(WIRE_NEAR_MISSES),
    ],
)
def test_round_7c_labels(text: str, label: str) -> None:
    assert classify(text).label == label


def test_speaker_turn_names_the_speaker_and_keeps_the_hedge_flag() -> None:
    lab = classify(HEDGED_TURN)
    assert (lab.label, lab.hedged, lab.attributed, lab.source) == ("attributed", True, True, "BRENNAN")
    assert lab.deciding_cue == "BRENNAN"


def test_shapes_inside_a_running_document() -> None:
    doc = (
        "MADDEN: Fuel prices fell again this week. "
        "The average litre of petrol now costs 1.42 pounds. "
        "Karin Olsen is a reporter for the Ledger covering city hall."
    )
    assert [lab.label for lab in classify_document(doc)] == ["attributed", "reported", "boilerplate"]
