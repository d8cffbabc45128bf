"""Round 16 (issue #17): sources told by a stance verb's complement, hedge words in a rule's or a timetable's sense,
page lines and reader moves with no content — classes named on the released r40/r41 and widened by their grammar
(a body's "wants X done", "considers X unjustified", "disputes the figures", "called X the finest", officials who
confirm a count, a record closing the sentence, a study named with where it was run, evidence with who examined it, a
speech event as the frame; a permission narrowed by where the people are, a coordinated "but may not", past ability in
a thing's early years or before its works, "its expected arrival time", "possible" with its place before the time or
the condition; a service line with its contact, a review stamp, the comments opened, a byline with the writer's role, a
press-release dateline, a "to" headline; a brace of the reader, a hand-over, a close, a greeting before the welcome, a
teaser promising a feeling, a question with the reader as its object).

None of these sentences is a row of tests/data or of the released files. ``POSITIVES`` were written before any rule
of this round; ``POSITIVES_AFTER`` after the rules were chosen (the second set shows how far they reach). See
docs/EVALUATION.md "Round 16 (sources, hedges, page lines)".
"""

from __future__ import annotations

import pytest

from factsieve.classify import classify

POSITIVES = [
    # a source's stance, a record, a study: attributed
    ("The tenants' union wants the landlord to repair the lifts before winter.", "attributed"),
    ("The Road Haulage Association wants fuel duty frozen for a further two years.", "attributed"),
    ("The health board considers the waiting-list figures unacceptable.", "attributed"),
    ("The inspectorate considered the prison unsafe for young offenders.", "attributed"),
    ("The ferry operator disputes the union's account of the meeting.", "attributed"),
    ("Opposition parties dispute the official turnout figures.", "attributed"),
    ("The club rejected the council's estimate of the repair bill.", "attributed"),
    ("A critic for the Evening Post called the revival the best staging of Godot in years.", "attributed"),
    ("Fire officials confirmed three deaths in the blaze.", "attributed"),
    ("The driver had been drinking before the crash, court papers state.", "attributed"),
    ("A 2021 trial in 400 care homes found no benefit from the drug.", "attributed"),
    ("A review led by the former chief constable found serious failings in the unit.", "attributed"),
    # a hedge word in a rule's, a timetable's or the past's sense: reported
    ("Before the extension, the school could take only 90 pupils a year.", "reported"),
    ("Pupils who fail the test may retake it in the spring term.", "reported"),
    ("Cyclists may use the bus lane but may not park in it.", "reported"),
    ("The flight landed at 11:02, nine minutes before its expected arrival time.", "reported"),
    # the author's forecast with its place first: speculative
    ("Flooding is possible on low-lying roads if the river keeps rising.", "speculative"),
    # reader moves: filler
    ("Watch this space.", "filler"),
    ("The results might surprise you.", "filler"),
    ("What happened next will shock you.", "filler"),
    ("Which brings us to the real question.", "filler"),
    ("And that brings us neatly to the budget.", "filler"),
    ("Anyway, enough from me.", "filler"),
    ("More on that next week, I promise.", "filler"),
    ("Until next time — look after yourselves.", "filler"),
    ("Until next Friday, take care.", "filler"),
    ("We hope this guide helped!", "filler"),
    ("Hello again, and welcome back, friends.", "filler"),
    # page lines: boilerplate
    ("Got an opinion on the new bus routes? Our comment section is open.", "boilerplate"),
    ("Comments are open below.", "boilerplate"),
    ("Know a friend who loves gardening? Forward them this newsletter.", "boilerplate"),
    ("By health correspondent Priya Natarajan", "boilerplate"),
    ("LEEDS, England — 3 March 2025 /PRWire/ —", "boilerplate"),
    ("To advertise in the Gazette, call 0113 496 0000.", "boilerplate"),
    ("Last reviewed by our medical team on 2 February 2025.", "boilerplate"),
    ("Last updated by the editors on 12 May 2024.", "boilerplate"),
]

POSITIVES_AFTER = [
    ("The residents' association wants the bus route restored before Christmas.", "attributed"),
    ("The National Farmers' Union wanted the ban lifted within a month.", "attributed"),
    ("The ombudsman considers the complaint justified.", "attributed"),
    ("The watchdog considered the advert misleading.", "attributed"),
    ("The airline disputes the passengers' version of events.", "attributed"),
    ("Traders at Kirby Market describe business as the worst in years.", "attributed"),
    ("Coastguard officials confirmed two people had been rescued from the cliffs.", "attributed"),
    ("A columnist at the Sentinel called the stadium deal a fiasco.", "attributed"),
    ("The bridge had been closed twice before, council records show.", "attributed"),
    ("Speaking after the match, the captain praised the young defender.", "attributed"),
    ("Writing in the parish newsletter, the vicar thanked volunteers for the new roof.", "attributed"),
    ("Guests to the spa may use the pool until 9pm.", "reported"),
    ("In its early years, the theatre could seat only 200 people.", "reported"),
    ("The ferry docked at 6:40, twenty minutes after its expected departure time.", "reported"),
    ("Under a road safety scheme announced last spring, every school got a crossing patrol.", "reported"),
    ("Snow is possible on higher ground in the north later tonight.", "speculative"),
    ("Get comfy — put the kettle on, this is a long one.", "filler"),
    ("This brings us to the heart of the matter.", "filler"),
    ("Oh, and there's one more thing.", "filler"),
    ("Well, enough from me for now.", "filler"),
    ("More on that tomorrow, I promise!", "filler"),
    ("Until next week, stay curious.", "filler"),
    ("Good morning, and welcome back!", "filler"),
    ("The ending might shock you.", "filler"),
    ("Has anybody ever asked you why the sky is blue?", "filler"),
    ("Thoughts on the new timetable? Our comments are open.", "boilerplate"),
    ("Know a parent who'd find this useful? Forward them this email.", "boilerplate"),
    ("By political correspondent Helen Mabry", "boilerplate"),
    ("CORK, Ireland — 4 May 2025 /BizWire/ —", "boilerplate"),
    ("To submit a letter to the editor, email letters@gazette.example.", "boilerplate"),
    ("Medically reviewed by Dr Anna Reyes on 9 March 2025.", "boilerplate"),
    ("Heatwave to bring 35C temperatures to south-east", "boilerplate"),
]

# Near misses: the same words without the grammar the rules ask for. Each keeps main's label (the label each must not
# take is the one the nearby rule would give).
NEAR_MISSES = [
    ("The club wants to expand the stadium to 30,000 seats.", "attributed"),  # a plan, no object's outcome
    ("The council wants a new swimming pool in the town centre.", "attributed"),  # an aim, no complement
    ("The court rejected the appeal by two votes to one.", "attributed"),  # a ruling, no claim noun
    ("A three-judge panel rejected the claim in a 2-1 decision.", "attributed"),  # a ruling body
    ("The firm called a meeting of shareholders for March.", "attributed"),  # no second object
    ("The mayor called it a day at midnight.", "attributed"),  # an idiom, no verdict noun
    ("The Senate confirmed the nominee by 52 votes to 48.", "attributed"),  # a vote, not a body that briefs
    ("The evidence was analysed in a laboratory in Leeds.", "attributed"),  # no verb of finding
    ("Drivers may face delays on the bypass this weekend.", "reported"),  # what may happen to them
    ("Residents may see higher bills next year.", "reported"),
    ("Next year the plant could produce twice as much steel.", "reported"),  # a future frame
    ("Parking is possible in the side streets.", "speculative"),  # feasibility: no time, no condition
    ("It is possible to book tickets online.", "speculative"),
    ("Speaking French, the guide led the group around the castle.", "attributed"),  # no event or medium
    (
        "Until next year's election, the council will meet monthly.",
        "filler",
    ),  # no sign-off: a long content line
    ("The results surprised analysts at the bank.", "filler"),  # no "might … you"
    ("To reach the summit, climbers follow a ridge for two hours.", "boilerplate"),  # no contact
    ("The comment section of the report runs to forty pages.", "boilerplate"),  # not opened to the reader
    ("By chance, reporter Jan Vos was in the square when the bomb went off.", "boilerplate"),  # a sentence
    ("Last year, the council reviewed 400 planning cases.", "boilerplate"),  # no "by … on <date>"
]


@pytest.mark.parametrize(("text", "label"), POSITIVES)
def test_round16_positive(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(("text", "label"), POSITIVES_AFTER)
def test_round16_positive_written_after_the_rules(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(("text", "not_label"), NEAR_MISSES)
def test_round16_near_miss(text: str, not_label: str) -> None:
    assert classify(text).label != not_label


def test_permission_and_past_ability_are_no_hedge() -> None:
    """A permission or past ability is read as such (the cue goes, as in earlier rounds), and the forecast with its
    place first is the author's hedge (the flag is set)."""
    for text in (
        "Pupils who fail the test may retake it in the spring term.",
        "Before the extension, the school could take only 90 pupils a year.",
    ):
        lab = classify(text)
        assert (lab.label, lab.hedged) == ("reported", False)
    lab = classify("Flooding is possible on low-lying roads if the river keeps rising.")
    assert (lab.label, lab.hedged, lab.deciding_cue) == ("speculative", True, "possible")


def test_stance_inside_a_quotation_is_the_speakers() -> None:
    """A stance verb inside a quotation is not a source of the author's sentence: the quotation decides."""
    lab = classify('"The union wants the pay offer withdrawn," one driver said.')
    assert lab.label == "attributed"
    assert lab.deciding_cue != "wants"


def test_first_person_want_is_not_a_source() -> None:
    assert classify("We want the council to reopen the library.").label != "attributed"
