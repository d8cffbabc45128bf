"""Rule-based sentence classifier: one primary label, independent flags, and the cues behind them.

Precedence when several labels apply (first match wins; the one place it is decided is ``classify``):

1. boilerplate  — page furniture: navigation, counters, bylines, timestamps, headings and section
                  titles, "Read more:" teasers, share/comment prompts ("Related News", "47 Views",
                  "By Daniel Okoye, Political Correspondent", "Last updated 09:05 BST, 3 June 2024"),
                  picture credits, audio/reading-time widgets, bare update notices, paywall and
                  newsletter prompts ("(AP Photo/Ramon Espinosa)", "Listen to this article · 6 min");
                  inside running text also wire update tags, support calls and reporter bios
                  (corpus_lines.py: "UPDATE 2-Senate passes …", "Jane Roe is a reporter for …").
2. filler       — a reader-addressing cue outside quotations ("let's", "Stay tuned", "Here's what it
                  all means for you", a short content-free question to the reader).
3. attributed   — an attribution cue (speech verb, "according to", "reportedly", "is said to", a
                  group or institution that believes/expects/forecasts, "a study suggests") or a
                  quotation that makes up most of the sentence, or a transcript speaker turn
                  ("COOPER: Gas is down …", corpus_lines.py: the turn is read as quoted speech).
                  A hedge in the reported content or inside the quotation keeps the label
                  attributed and only sets the hedged flag:
                  "X said the talks would likely fail" is X's claim, not the author's guess.
                  Exception: a hedge *before* the speech verb hedges the speech act itself and is the
                  author's speculation: "Harris likely announced new initiatives" is speculative —
                  unless the verb sits in a final ", SOURCE said" clause (any distance) and the hedge
                  lies before that clause ("The yen should stabilize …, the bank's adviser said").
                  The writer's own "I'd argue …" / "You could argue …" names no source (round 16,
                  authors_argument.py).
4. speculative  — a hedge cue outside quotations, not governed by an attribution, not inside a
                  comma-set relative clause or apposition, and not the author's stated belief ("I
                  believe …" is opinion). Agentless forecasts ("Prices are expected to ease") are the
                  author's own expectation: speculative. A hedge inside the author's judgement — the
                  clause of "I reckon …", a rhetorical question, a concession before "but", a hedged
                  superlative of taste — is opinion (round 16, judged_hedges.py).
5. opinion      — an evaluative/stance cue outside quotations ("a pretty big deal", "it's worth",
                  "can't be ignored", "will be remembered as a turning point", "I think"), and advice
                  with "should" to a third party ("The council should scrap the fee"; should.py tells
                  it from the expected outcome "Prices should ease", which is speculative); verdicts
                  with no listed word (verdict.py: "Bottom line: …", "is a triumph of …", "How many
                  more warnings does the city need?"). In an editor's correction the error words
                  ("gave the wrong first name") are no stance and its verb no attribution.
6. reported     — none of the above.

Flags are independent of the label: hedged (any epistemic hedge cue, including inside quotations and
inside relative clauses), attributed, quoted, opinion. The modals and options a writer offers in
their own voice ("I would", "or", "you can") are listed as cues but set no flag. A closing "!" is an
opinion cue except in filler, where it is part of the address to the reader.

``classify`` sees one sentence; ``classify_document`` (or ``classify_batch`` with ``quote_context``
flags) also knows which sentences sit inside a quotation opened by an earlier sentence. See
docs/EVALUATION.md for the cue families, the traps and measured accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter

from factsieve.classify.attribution import EVIDENCE_VERB_WORDS, attribution_cues
from factsieve.classify.authors_argument import ARGUMENT_VERBS, authors_argument
from factsieve.classify.boilerplate import (
    BOILERPLATE_LINE_WORDS,
    CORRECTION_GATE,
    CORRECTION_WORDS,
    MONTH_WORDS,
    boilerplate_cues,
    boilerplate_possible,
    correction_spans,
    furniture_possible,
    starts_with_line_word,
)
from factsieve.classify.corpus_lines import CORPUS_GATE_WORDS, corpus_line_cue
from factsieve.classify.cue import Cue, inside
from factsieve.classify.filler import (
    FILLER_OPENER_RE,
    FILLER_OPENER_WORDS,
    READER_IDIOM_MAX_CHARS,
    filler_cues,
    filler_possible,
    reader_idiom,
)
from factsieve.classify.forecast import author_forecast_cues, forecast_possible
from factsieve.classify.hedge import hedge_cues, not_the_authors_doubt, reported_incident, round15_spans
from factsieve.classify.judged_hedges import judged_hedge
from factsieve.classify.judgements import MODAL_IDIOM_RE, judgement_possible
from factsieve.classify.native import wordscan
from factsieve.classify.opinion import opinion_and_stance_cues
from factsieve.classify.page_lines import page_line, page_line_possible
from factsieve.classify.personal import personal_cues, personal_possible
from factsieve.classify.plain_verdicts import plain_opening
from factsieve.classify.prefilter import Words, trigger_gate, words_of
from factsieve.classify.quotes import quote_context, quote_cues
from factsieve.classify.registry import ANY_TRIGGER, FAMILY_GATES
from factsieve.classify.verdict import verdict_cues
from factsieve.text.segment import split_sentences


@dataclass(frozen=True, slots=True)
class SentenceLabel:
    label: str
    confidence: float
    hedged: bool
    attributed: bool
    quoted: bool
    opinion: bool
    cues: tuple[Cue, ...]
    deciding_cue: str | None
    source: str | None


# A frozen dataclass's generated __init__ sets each field through object.__setattr__ (one Python-level
# global lookup and call per field, ~3.5 µs a label here). ``_label`` builds the same object — same
# class, same slots, equal and hashing alike, still frozen — by writing the slots through their
# member descriptors (C calls, ~2x faster). Positional order is the field order above.
_new_object = object.__new__
_set_label = SentenceLabel.label.__set__  # type: ignore[attr-defined]
_set_confidence = SentenceLabel.confidence.__set__  # type: ignore[attr-defined]
_set_hedged = SentenceLabel.hedged.__set__  # type: ignore[attr-defined]
_set_attributed = SentenceLabel.attributed.__set__  # type: ignore[attr-defined]
_set_quoted = SentenceLabel.quoted.__set__  # type: ignore[attr-defined]
_set_opinion = SentenceLabel.opinion.__set__  # type: ignore[attr-defined]
_set_cues = SentenceLabel.cues.__set__  # type: ignore[attr-defined]
_set_deciding = SentenceLabel.deciding_cue.__set__  # type: ignore[attr-defined]
_set_source = SentenceLabel.source.__set__  # type: ignore[attr-defined]


# Long on purpose: the fields of one SentenceLabel, passed by name from the precedence in
# classify()
def _py_label(  # noqa: PLR0913
    label: str,
    confidence: float,
    hedged: bool,
    attributed: bool,
    quoted: bool,
    opinion: bool,
    cues: tuple[Cue, ...],
    deciding_cue: str | None,
    source: str | None,
) -> SentenceLabel:
    """``SentenceLabel(label, confidence, …)`` without the dataclass __init__ (same object)."""
    lab = _new_object(SentenceLabel)
    _set_label(lab, label)
    _set_confidence(lab, confidence)
    _set_hedged(lab, hedged)
    _set_attributed(lab, attributed)
    _set_quoted(lab, quoted)
    _set_opinion(lab, opinion)
    _set_cues(lab, cues)
    _set_deciding(lab, deciding_cue)
    _set_source(lab, source)
    return lab


# The same in C when the extension is built (native.py): one allocation and nine slot writes, ~1 us
# less a label. The field order is the dataclass's.
_label = _py_label
if wordscan is not None:
    wordscan.configure_maker(0, SentenceLabel, tuple(f.name for f in fields(SentenceLabel)))
    _label = wordscan.make_label


# Attribution words that carry their own hedge: the claim is someone else's, never the author's guess.
_SELF_ATTRIBUTING = frozenset({"reportedly", "allegedly", "purportedly", "according to"})
# A speech verb in the sentence's last clause governs what precedes it, however far back: "They might
# win, officials said.", "The yen should stabilize at around 152 to 153 …, the Bank of Tokyo's economic
# adviser Koei Narusawa said." The clause starts after the last comma, semicolon, dash or closing
# quotation mark before the verb (not the apostrophe of "Tokyo’s"); what lies between that break and
# the verb is the source and may not hold the author's hedge ("Harris, the mayor, likely announced …"
# hedges the speech act). A coordinated clause counts ("Kohl expected no new initiatives, though he
# reckoned on …": the source's own view); on the corpus, excluding clauses that open with a
# conjunction turned more right labels wrong than it fixed.
_CLAUSE_BREAK = re.compile(r"[,;”\"»—–]|’(?!\w)|\s-\s")
_MAX_SOURCE_WORDS = 20
_SPAN_ORDER = attrgetter("start", "end")
_DIGIT = re.compile(r"\d")
# Any quotation mark: only then are quotations looked for (one scan instead of one per mark).
_QUOTE_GATE = re.compile(r"[“”\"«‘]|``")
# A quotation this long (in words) is a quoted statement, not a scare-quoted phrase.
_MIN_QUOTE_WORDS = 4
# "…,” the defendant shouted": the speaker and a verb follow an utterance that opens the sentence.
_MIN_SPEAKER_WORDS = 2
# A quotation left open at the sentence end (no closing mark) of this many words is quoted speech.
_MIN_OPEN_QUOTE_WORDS = 3
_CLOSING_MARKS = frozenset("\"”»’'")
# Strong hedges that decide speculation on their own; the rest need company for high confidence.
_STRONG_HEDGES = frozenset(
    "probably likely perhaps maybe possibly might may presumably apparently seemingly supposedly".split()
)


# A sentence with no trigger word of any cue family (registry.ANY_TRIGGER), no quotation mark, no
# closing "!", no reader-addressing opener and no boilerplate cue has no cue at all: it is "reported"
# (more than half of news sentences), decided without running the cue finders.
_NO_CUES = SentenceLabel(
    label="reported",
    confidence=0.75,
    hedged=False,
    attributed=False,
    quoted=False,
    opinion=False,
    cues=(),
    deciding_cue=None,
    source=None,
)


# The trigger-table bits (prefilter.trigger_gate) of the gates below: ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``. A finder whose own first test is one of these tables is not called
# when its bit is off (it would return nothing).
_ANY_TRIGGER = trigger_gate(ANY_TRIGGER)
_CORPUS_GATE = trigger_gate(CORPUS_GATE_WORDS)
_FILLER_OPENER = trigger_gate(FILLER_OPENER_WORDS)
_LINE_WORDS = trigger_gate(BOILERPLATE_LINE_WORDS)
_MONTHS = trigger_gate(MONTH_WORDS)
_CORRECTION = trigger_gate(CORRECTION_GATE)
_VERDICT = FAMILY_GATES["verdict"]
_HEDGE = FAMILY_GATES["hedge"]
_FORECAST = FAMILY_GATES["forecast"]
_ATTRIBUTION = FAMILY_GATES["attribution"]
_OPINION = FAMILY_GATES["opinion"]  # with "?" and a closing "!"


def _has_no_cues(text: str, words: Words) -> bool:
    """For a sentence with no trigger word: True when no quotation, "!", opener or boilerplate cue."""
    if text.isascii():
        # The same tests as below, cheaper: ASCII text has no curly quotes or "©", has letters
        # exactly when it has words, the opener and line patterns need their first word in the
        # sentence (the line pattern: as the sentence's first word), and the byline date pattern
        # what boilerplate_possible looks for (the sentence has no boilerplate trigger word).
        n = len(text)
        return (
            '"' not in text
            and "``" not in text
            and ("!" not in text or not text.rstrip().endswith("!"))  # the substring test spares a copy
            and (not words.gates & _FILLER_OPENER or FILLER_OPENER_RE.match(text) is None)
            and (n > READER_IDIOM_MAX_CHARS or reader_idiom(text) is None)
            and (n > 80 or not words.gates & _LINE_WORDS or not starts_with_line_word(text))
            and (
                n > 120
                or not words.gates & _MONTHS
                or _DIGIT.search(text) is None
                or not boilerplate_possible(text, words)  # no date tail: the byline pattern cannot match
            )
            and (bool(words) or not text.strip())
            and not furniture_possible(text, words)
            and (not page_line_possible(text, words) or not page_line(text, words))
            and (";" not in text or "not" not in words)  # a renaming contrast (judgements.py)
            and ", not " not in text  # round 17: a corrective contrast (contrast_verdicts.py)
            and not text.startswith("Few ")  # "Few X have … so Y" (judgements.py)
            # plain_verdicts.plain_opening, inlined: "Commendably, …", "What a run that was" (round 8)
            and text.find("bly, ", 4, 26) == -1
            and not text.startswith("What a")
            and ("?" not in text or not text.rstrip().endswith("?"))
        )
    return (
        _QUOTE_GATE.search(text) is None
        and not text.rstrip().endswith("!")
        and FILLER_OPENER_RE.match(text) is None
        and reader_idiom(text) is None
        and not text.rstrip().endswith("?")
        and not plain_opening(text)
        and ", not " not in text  # round 17 (contrast_verdicts.py)
        and not boilerplate_cues(text, words)
    )


def _last_clause_break(text: str, end: int) -> int:
    """The end of the last ``_CLAUSE_BREAK`` match in ``text[:end]`` (as a scan from 0 finds it), or
    -1 when there is none — or when there is none near enough to matter (see below).

    Asked once per speech cue, a scan from the sentence's start made a run-on "sentence" quadratic:
    a 247,000-character line without a full stop (a scraped page with no punctuation, ~7,000 cues)
    took 7.8 CPU-s to classify, a 1.9 MB one minutes. Only the last break counts, and the caller
    rejects a source of more than ``_MAX_SOURCE_WORDS`` words, so the scan looks at the last
    ``_BREAK_WINDOW`` characters first. It falls back to the whole scan only where the window cannot
    decide exactly: a match in its first characters (an earlier overlapping match could have taken
    them), or no match and too few words in it to rule the source out."""
    lo = end - _BREAK_WINDOW
    if lo <= 0:
        lo = 0
    brk = -1
    first = -1
    for m in _CLAUSE_BREAK.finditer(text, lo, end):
        if first == -1:
            first = m.start()
        brk = m.end()
    if lo == 0:
        return brk
    if first != -1 and first >= lo + _BREAK_MARGIN:
        return brk
    if first == -1 and len(text[lo:end].split()) > _MAX_SOURCE_WORDS:
        # Any earlier break leaves at least these words (and more) between it and the cue: the
        # source is too long whichever break it is, as the caller would find.
        return -1
    brk = -1
    for m in _CLAUSE_BREAK.finditer(text, 0, end):
        brk = m.end()
    return brk


# Characters of the window; a break match is at most 3 characters long, so one starting this far
# into the window is where a scan from 0 finds it too.
_BREAK_WINDOW = 4096
_BREAK_MARGIN = 4


def _trailing_source_clause(text: str, cue: Cue, hedges: list[Cue]) -> bool:
    """True when ``cue`` is the verb of a final ", SOURCE said" clause (see _CLAUSE_BREAK)."""
    if cue.text.lower() in EVIDENCE_VERB_WORDS:
        return False
    brk = _last_clause_break(text, cue.start)
    if brk == -1:
        return False
    source = text[brk : cue.start].split()
    if len(source) > _MAX_SOURCE_WORDS:
        return False
    return not any(brk <= h.start < cue.start for h in hedges)


def _governs_from_start(text: str, cue: Cue, hedges: list[Cue]) -> bool:
    low = cue.text.lower()
    return (
        low in _SELF_ATTRIBUTING
        or low.startswith(("is ", "are ", "was ", "were ", "it is"))
        or _trailing_source_clause(text, cue, hedges)
    )


def _utterance(text: str, quotes: list[Cue]) -> bool:
    """A quoted utterance set off as dialogue, whatever its length: it opens the sentence and closes on
    , ? or ! before more words ('“I am innocent,” the defendant shouted'), or it closes the sentence
    after ", " or ": " ('The defendant shouted: “I am innocent.”')."""
    first, last = quotes[0], quotes[-1]
    lead = len(text) - len(text.lstrip())
    if first.start == lead and len(first.text) > 2 and first.text[-2] in ",?!" and text[first.end :].strip():
        return len(text[first.end :].split()) >= _MIN_SPEAKER_WORDS
    if not text[last.end :].strip() and len(last.text) > 2 and last.text[-2] in ".?!":
        return text[: last.start].rstrip().endswith((",", ":"))
    return False


def _quote_is_statement(text: str, quotes: list[Cue], continued: bool = False) -> bool:
    if not quotes:
        return False
    if continued and quotes[0].end - quotes[0].start >= 0.4 * len(text.strip()):
        # The rest of a quotation opened in an earlier sentence is the speaker's, however short
        # ("No way." in the middle of it): the word floor only tells a statement from a scare quote.
        return True
    last = quotes[-1].text
    if last[-1] not in _CLOSING_MARKS and (
        len(last.split()) >= _MIN_OPEN_QUOTE_WORDS or not text[: quotes[-1].start].strip()
    ):
        # A quotation still open at the sentence end goes on in the next sentence: whole quoted
        # sentences, not a scare-quoted phrase ('The coach was blunt: "We were terrible.', '"Not now.').
        return True
    if quotes[0].start == 0 and not text[quotes[0].end :].strip():
        return True  # the whole sentence, closing a quotation begun earlier ('We are delighted."')
    if _utterance(text, quotes):
        return True
    quoted_chars = sum(q.end - q.start for q in quotes)
    longest_words = max(len(q.text.split()) for q in quotes)
    return longest_words >= _MIN_QUOTE_WORDS and quoted_chars >= 0.4 * len(text.strip())


def _speculation_overrides(text: str, free_hedges: list[Cue], attribs: list[Cue]) -> bool:
    """True when the author hedges the speech act itself ("She likely announced …")."""
    if not free_hedges or not attribs:
        return False
    first_attr = attribs[0]
    if any(_governs_from_start(text, a, free_hedges) for a in attribs):
        return False
    own = [h for h in free_hedges if h.text.lower() not in _SELF_ATTRIBUTING and h.end <= first_attr.start]
    return bool(own)


# A non-restrictive relative clause or an apposition set off by commas ("The governor, who could face a
# recall vote, signed the bill") describes a participant; a hedge inside it does not hedge the main
# clause. It sets the hedged flag but does not decide the label.
# The apposition may itself be hedged ("The mayor, perhaps the city's best-known politician, opened …").
_SIDE_CLAUSE = re.compile(
    r",\s+(?:(?:who|which|whose)\b[^,;:]*(?:[,;]|$)"
    r"|(?:(?:perhaps|probably|possibly|arguably|likely)\s+(?:the\s+)?)?(?:a|an|its|his|her|their|the(?=\s+\w+['’]s\s))"
    r"\s[^,;:]{1,50},"
    # round 7 (r16): "Judge Okafor, possibly the longest-serving judge in the state, retired on Friday."
    r"|(?:perhaps|probably|possibly|arguably|likely)\s+the\s[^,;:]{1,50},)"
)
# Round 6c (r11): a source verb inside a closed relative clause describes the participant, and the
# main clause after it is the author's: "The assessment, which found that parts of the site might flood,
# was published in 2021.", "The trust, which says it may have to cut its budget, funds 14 projects."
# Only a clause on the sentence's subject (a few words opening the sentence), closed by a comma and
# followed by the main verb: one later in the sentence ("… viewed a bid from Bond, which they said has
# assets of …, as highly unlikely") may carry the claim of the whole sentence.
_CLOSED_RELATIVE = re.compile(
    r"\W*(?:[\w'’.&-]+\s+){0,5}[\w'’.&-]+(?P<rel>,\s+(?:who|which)\s[^,;:\"“”()]{3,100},)(?=\s+(?!and\b|or\b|but\b|as\b|while\b|whereas\b|although\b|though\b)[a-z])"
)


def _outside_closed_relative(text: str, attribs: list[Cue], hedges: list[Cue]) -> list[Cue]:
    m = _CLOSED_RELATIVE.match(text)
    if m is None:
        return attribs
    span = [m.span("rel")]
    if any(not inside(span, h.start) for h in hedges):
        # A hedge in the main clause: the corpus showed the clause's source then often holds the claim
        # ("Brazil, which declared …, is leading … officials feared any decisions that might …").
        return attribs
    return [c for c in attribs if not inside(span, c.start)]


# "I believe …", "we think …", "in my view": the author's own belief stated as such is opinion (decided
# by the opinion cue "I believe"), not the author hedging a claim.
_BELIEF_VERBS = frozenset(
    "think believe suspect guess reckon imagine doubt fear feel expect suppose assume".split()
)
# "I"/"we" as the pronoun: not the numeral of "World War I" or "Henry I" (a capitalised word before).
# (round 6c, r11: the negated belief "We do not believe that is the answer" is the same stance)
_FIRST_PERSON_SUBJECT = re.compile(
    r"(?:^|[^\w\s]\s*|\b[a-z]+\s+)(?:I|[Ww]e)\s+(?:(?:do|does|did)\s+not\s+|(?:\w+\s+)?)$"
)
_IN_MY_VIEW = re.compile(r"\bin\s+(?:my|our)\s+$", re.IGNORECASE)
# "I have a suspicion that …", "we had a hunch the …": the same belief as a noun.
_BELIEF_NOUNS = frozenset("suspicion suspicions hunch feeling sense".split())
_FIRST_PERSON_HAVE = re.compile(
    r"(?:^|[^\w\s]\s*|\b[a-z]+\s+)(?:I|[Ww]e)\s+(?:have|had|['’]ve(?:\s+got)?)\s+(?:a|the)\s+(?:\w+\s+)?$"
)


def _first_person_belief(text: str, h: Cue) -> bool:
    low = h.text.lower()
    if low in ("view", "views"):
        return _IN_MY_VIEW.search(text, max(0, h.start - 10), h.start) is not None
    if low in _BELIEF_NOUNS:
        return _FIRST_PERSON_HAVE.search(text, max(0, h.start - 40), h.start) is not None
    if low.startswith("have a ") and low.split()[-1] in _BELIEF_NOUNS:  # the cue "have a feeling"
        return _FIRST_PERSON_SUBJECT.search(text, max(0, h.start - 40), h.start) is not None
    return (
        low in _BELIEF_VERBS and _FIRST_PERSON_SUBJECT.search(text, max(0, h.start - 40), h.start) is not None
    )


# The newsroom's own question, asked in indirect speech ("We asked the council how much the closures
# would save …", "We asked the ministry whether the scheme would continue"): the modal and "whether"
# belong to the question put to someone else, not to the author's guess or stance.
_NEWSROOM_QUESTION = re.compile(
    r"\b[Ww]e\s+(?:also\s+|then\s+|repeatedly\s+)?asked\b[^.;?!]{0,60}?\b(?:how|whether|if|what|when|why|which|who)\b"
)


def _outside_newsroom_question(
    text: str, hedges: list[Cue], personal: list[Cue]
) -> tuple[list[Cue], list[Cue]]:
    m = _NEWSROOM_QUESTION.search(text)
    if m is None:
        return hedges, personal
    q = m.start()
    return [h for h in hedges if h.start < q], [c for c in personal if c.start < q]


def _deciding_hedges(text: str, hedges: list[Cue]) -> list[Cue]:
    """The free hedges that can decide "speculative": not inside a side clause, not first-person belief, not
    the description of an incident responded to (round 13: "Crews attended a possible gas leak"), not in one of
    round 15's senses (hedge.not_the_authors_doubt: a reported question, an opening apposition, a quoted title,
    a free permission, past ability or an offered choice)."""
    sides = [m.span() for m in _SIDE_CLAUSE.finditer(text)] if "," in text else []
    spans = round15_spans(text, hedges)  # round 15 (hedge.py): a question reported, an apposition, a title …
    keep = [
        h
        for h in hedges
        if not (sides and inside(sides, h.start))
        and not _first_person_belief(text, h)
        and not reported_incident(text, h)
        and not not_the_authors_doubt(text, h, spans)
    ]
    return keep if len(keep) != len(hedges) else hedges


def _confidence(label: str, n_deciding: int, strong: bool, source: str | None) -> float:
    if label == "boilerplate":
        return 0.95
    if label == "filler":
        return min(0.95, 0.8 + 0.05 * n_deciding)
    if label == "attributed":
        return 0.9 if source else 0.8
    if label == "speculative":
        return min(0.95, (0.8 if strong else 0.65) + 0.05 * (n_deciding - 1))
    if label == "opinion":
        return min(0.9, 0.55 + 0.1 * n_deciding)
    return 0.75


def _outside_correction(
    text: str, words: frozenset[str], attribs: list[Cue], opinions: list[Cue], stances: list[Cue]
) -> tuple[list[Cue], list[Cue], list[Cue]]:
    """In an editor's correction "gave the wrong first name" describes the earlier text (no stance),
    and "an earlier version … stated" is the newsroom's own record (no source): those cues go."""
    fixes = correction_spans(text, words)
    if not fixes:
        return attribs, opinions, stances
    return (
        [c for c in attribs if not inside(fixes, c.start)],
        [c for c in opinions if c.text.lower() not in CORRECTION_WORDS],
        [c for c in stances if c.text.lower() not in CORRECTION_WORDS],
    )


_CONFIDENCE_MEMO: dict[tuple[str, int, bool, bool], float] = {}


# Long on purpose: the label precedence (boilerplate > filler > attributed > speculative > opinion
# > reported) written once, as the docstring of this module describes; splitting it would scatter
# the one rule analysts need to read
def classify(text: str, continued: bool = False) -> SentenceLabel:  # noqa: C901, PLR0912, PLR0915
    """Label one sentence and explain the decision by its cues and their character spans.

    ``continued=True`` says the sentence starts inside a quotation opened by an earlier sentence (the
    middle of a multi-sentence quotation, see ``quote_context``); the quoted part is then the
    speaker's, not the author's. ``classify_document`` works this out from the text.
    """
    words = words_of(text)
    # Round 7c: a public-corpus shape (a transcript speaker turn, a credit, a bio, a wire tag). The gate
    # (a capitals run, or one of the shapes' words) is corpus_line_cue's own first test, inlined: the
    # call costs more than the test on the 94% of sentences that pass neither.
    corpus = (
        corpus_line_cue(text, words)
        if text[1:2].isupper() or text[:1].isspace() or words.gates & _CORPUS_GATE
        else None
    )
    gates = words.gates
    if corpus is None and not continued and not gates & _ANY_TRIGGER and _has_no_cues(text, words):
        return _NO_CUES
    if continued:
        quotes = quote_cues(text, True)
    elif '"' in text or "``" in text or text[:1] == "'" or (not text.isascii() and _QUOTE_GATE.search(text)):
        # ASCII text can only hold the straight marks; an opening "'" may be speech (round 12, quotes.py)
        quotes = quote_cues(text)
    else:
        quotes = []
    qspans = [(q.start, q.end) for q in quotes] if quotes else []
    if corpus is not None and corpus.kind == "attribution":
        # A speaker turn: what follows the tag is the speaker's words, read like a quotation (a hedge
        # in it sets the flag, an opinion word or "let's" in it is the speaker's, not the author's).
        qspans.append((corpus.end, len(text)))
    hedges = hedge_cues(text, words) if gates & _HEDGE else []
    if gates & _FORECAST and forecast_possible(words):  # (the bit spares the call for most sentences)
        forecasts = author_forecast_cues(text, qspans)
        if forecasts:
            hedges = sorted([*hedges, *forecasts], key=_SPAN_ORDER)
    attribs, source = attribution_cues(text, qspans, words) if gates & _ATTRIBUTION else ([], None)
    if corpus is not None and corpus.kind == "attribution":
        attribs, source = [corpus, *attribs], corpus.text
    if attribs and ("which" in words or "who" in words) and "," in text:
        attribs = _outside_closed_relative(text, attribs, hedges)
        if not attribs:
            source = None
    own = None
    if (
        attribs
        and not words.isdisjoint(ARGUMENT_VERBS)
        and (own := authors_argument(text, words, qspans)) is not None
    ):
        # round 16 (authors_argument.py): "I'd argue …", "You could argue …" — the author's argument, no source
        attribs = [a for a in attribs if not own.start <= a.start < own.end]
        hedges = [h for h in hedges if not own.start <= h.start < own.end]
        source = source if attribs else None
    if gates & _OPINION or "?" in text or "!" in text:  # opinion_and_stance_cues' own first test
        opinions, stances = opinion_and_stance_cues(text, qspans, words)
    else:
        opinions, stances = [], []
    if own is not None:
        opinions = sorted([*opinions, own], key=_SPAN_ORDER)
    if "?" in text or gates & _VERDICT or judgement_possible(text, words):
        # (a superset of verdict_cues' own gates; judgements.py asks for its words' companions)
        verdicts = verdict_cues(text, qspans, words)
        if verdicts:
            opinions = sorted([*opinions, *verdicts], key=_SPAN_ORDER)
            if hedges and "could" in words:
                # round 7 (r16): the modal of an idiom is part of it, not the author's hedge ("What could
                # possibly go wrong?"); a hedge beside a verdict keeps hedging ("It is perhaps the most …")
                spans = [(v.start, v.end) for v in verdicts if MODAL_IDIOM_RE.match(v.text)]
                if spans:
                    hedges = [h for h in hedges if not inside(spans, h.start)]
    if (opinions or stances or attribs) and gates & _CORRECTION:
        attribs, opinions, stances = _outside_correction(text, words, attribs, opinions, stances)
    personal, options = personal_cues(text, qspans, words) if personal_possible(words) else ([], [])
    if hedges and (personal or options):
        taken = {(h.start, h.end) for h in hedges}
        personal = [c for c in personal if (c.start, c.end) not in taken]
        options = [c for c in options if (c.start, c.end) not in taken]
    if "asked" in words and "we" in words and (hedges or personal):
        hedges, personal = _outside_newsroom_question(text, hedges, personal)
    fillers = filler_cues(text, qspans, words) if filler_possible(text, words) else []
    if fillers and opinions and opinions[-1].text == "!":
        # "So, grab your coffee, and let's get started!": the exclamation is enthusiasm aimed at the
        # reader, part of the filler, not the author's evaluation of anything. Not an opinion cue.
        opinions = opinions[:-1]
    boiler = boilerplate_cues(text, words)
    if corpus is not None and corpus.kind == "boilerplate":
        boiler = [corpus, *boiler]
    if not (boiler or fillers or attribs or quotes or hedges or personal or options or opinions or stances):
        # A trigger word but no cue (a third of the sentences that reach the finders): every branch
        # below then gives "reported", confidence round(0.75, 3), all flags off, no cues, no deciding
        # cue, no source — exactly the shared _NO_CUES label.
        return _NO_CUES
    found = [*boiler, *fillers, *attribs, *quotes, *hedges, *personal, *options, *opinions, *stances]
    if len(found) > 1:
        found.sort(key=_SPAN_ORDER)
    cues = tuple(found)

    free_hedges = [h for h in hedges if not inside(qspans, h.start)] if qspans else hedges
    if free_hedges:
        free_hedges = _deciding_hedges(text, free_hedges)
    quote_statement = _quote_is_statement(text, quotes, continued) if quotes else False
    attributed = bool(attribs) or quote_statement
    hedged = bool(hedges)

    # (_speculation_overrides is False without free hedges or attribution cues: not called then.)
    if attributed and free_hedges and attribs and _speculation_overrides(text, free_hedges, attribs):
        # The author hedges the speech act itself ("She may have announced …"): the cue stays listed,
        # but nobody else vouches for the claim, so the flag is off.
        attributed = quote_statement

    label: str
    deciding: Cue | None
    n = 1
    if boiler:
        label, deciding = "boilerplate", boiler[0]
    elif fillers:
        label, deciding, n = "filler", fillers[0], len(fillers)
    elif attributed:
        label, deciding = "attributed", attribs[0] if attribs else max(quotes, key=lambda q: q.end - q.start)
    elif free_hedges and (judged := judged_hedge(text, words, free_hedges, qspans)) is not None:
        # round 16 (judged_hedges.py): the hedge belongs to the author's judgement ("I reckon X could …")
        label, deciding, n = "opinion", judged, 1 + len(opinions) + len(stances)
        opinions, cues = [*opinions, judged], tuple(sorted([*cues, judged], key=_SPAN_ORDER))
    elif free_hedges:
        label, deciding, n = "speculative", free_hedges[0], len(free_hedges)
    elif opinions:
        label, deciding, n = "opinion", opinions[0], len(opinions) + len(stances)
    elif personal:
        label, deciding, n = "opinion", personal[0], len(personal) + len(stances)
    elif stances and not _DIGIT.search(text):
        label, deciding, n = "opinion", stances[0], len(stances)
    else:
        label, deciding = "reported", None

    strong = label == "speculative" and any(h.text.lower() in _STRONG_HEDGES for h in free_hedges)
    # The confidence depends on the label, n, strong and (attributed only) whether there is a source:
    # a handful of values, remembered.
    key = (label, n, strong, label == "attributed" and bool(source))
    confidence = _CONFIDENCE_MEMO.get(key)
    if confidence is None:
        confidence = _CONFIDENCE_MEMO[key] = round(
            _confidence(label, n, strong, source if label == "attributed" else None), 3
        )
    return _label(
        label,  # label
        confidence,
        hedged,
        attributed,
        bool(quotes),  # quoted
        bool(opinions or stances),  # opinion
        cues,
        deciding.text if deciding is not None else None,  # deciding_cue
        source if attributed else None,  # source
    )


def classify_batch(texts: Sequence[str], continued: Sequence[bool] | None = None) -> list[SentenceLabel]:
    """Classify many sentences; repeated sentences (boilerplate, syndication) are classified once.

    ``continued`` (optional, one flag per sentence, e.g. from ``quote_context``) marks sentences
    that start inside a quotation opened by an earlier sentence.
    """
    if continued is not None and len(continued) != len(texts):
        raise ValueError(f"{len(continued)} continued flags for {len(texts)} sentences")
    # Whole results are remembered per distinct sentence (13% of a news batch repeats an earlier
    # sentence: bylines, syndicated paragraphs). The continued flag changes the result, so flagged
    # sentences have their own memo. classify is deterministic, so a remembered label is the label.
    seen: dict[str, SentenceLabel] = {}
    out: list[SentenceLabel] = []
    append = out.append
    get = seen.get
    if continued is None:  # the loop below without the flag (the common call from tests and tools)
        for t in texts:
            if not isinstance(t, str):
                t = "" if t is None else str(t)
            lab = get(t)
            if lab is None:
                lab = seen[t] = classify(t, False)
            append(lab)
        return out
    seen_cont: dict[str, SentenceLabel] = {}
    for t, cont in zip(texts, continued, strict=True):
        if not isinstance(t, str):
            t = "" if t is None else str(t)
        if cont:  # the same truth test as bool(continued[i])
            lab = seen_cont.get(t)
            if lab is None:
                lab = seen_cont[t] = classify(t, True)
        else:
            lab = get(t)
            if lab is None:
                lab = seen[t] = classify(t, False)
        append(lab)
    return out


def classify_document(text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[SentenceLabel]:
    """Classify the sentences ``text[s:e]`` of one document, keeping quotation context across them.

    ``spans`` are sentence offsets (``factsieve.text.segment.split_sentences(text)`` when omitted). A
    sentence in the middle of a multi-sentence quotation carries no quote marks of its own; here it
    is still read as quoted, so the speaker's "we will …" is not the author's opinion or guess.
    """
    if spans is None:
        spans = split_sentences(text)
    return classify_batch([text[s:e] for s, e in spans], quote_context(text, spans))


def explain_records(text: str) -> list[dict]:
    """One record per sentence of ``text``: what ``explain`` prints, as data (``explain --json``).

    Offsets: ``start``/``end`` locate the sentence in ``text``; each cue's ``start``/``end`` are
    within the sentence. ``deciding_cue`` is the cue text that decided the label (None for a plain
    "reported" sentence with no cue).
    """
    spans = split_sentences(text)
    return [
        {
            "index": i,
            "start": s,
            "end": e,
            "text": text[s:e],
            "label": lab.label,
            "confidence": lab.confidence,
            "flags": {f: getattr(lab, f) for f in ("hedged", "attributed", "quoted", "opinion")},
            "deciding_cue": lab.deciding_cue,
            "source": lab.source,
            "cues": [{"kind": c.kind, "text": c.text, "start": c.start, "end": c.end} for c in lab.cues],
        }
        for i, ((s, e), lab) in enumerate(zip(spans, classify_document(text, spans), strict=True))
    ]


def explain(text: str) -> str:
    """Human-readable explanation: one block per sentence with label, flags, cues and spans.

    The header gives the sentence's character offsets in ``text``; cue spans are within the sentence.
    """
    lines: list[str] = []
    spans = split_sentences(text)
    for i, ((s, e), lab) in enumerate(zip(spans, classify_document(text, spans), strict=True)):
        sent = text[s:e]
        flags = [f for f in ("hedged", "attributed", "quoted", "opinion") if getattr(lab, f)]
        lines.append(f"[{i}] chars {s}-{e}: {lab.label} (confidence {lab.confidence:.2f})")
        lines.append(f"    text: {sent}")
        lines.append(f"    flags: {', '.join(flags) if flags else '-'}")
        if lab.deciding_cue is not None:
            lines.append(f"    decided by: {lab.deciding_cue!r}")
        if lab.source:
            lines.append(f"    source: {lab.source}")
        # Cue spans are offsets within the sentence (add the sentence's start for offsets in the text).
        for c in lab.cues:
            lines.append(f"    cue {c.kind:<11} {c.text!r} [{c.start}:{c.end}]")
    return "\n".join(lines)
