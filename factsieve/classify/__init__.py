"""Rule-based sentence classifier: one primary label per sentence, flags, and the cues behind them.

Layout: ``prefilter`` (trigger-word gating and candidate scanning the regexes are built on), one
module per cue family (``hedge``, ``personal``, ``quotes``, ``attribution``, ``opinion``,
``filler``, ``boilerplate``), ``registry`` (the families and their trigger words), ``classifier``
(the precedence that turns cues into a label), ``evaluate`` and ``model`` (scoring against labelled
sets, the optional trained model). Imports run one way: cue → context/prefilter → families →
registry → classifier → tasks → evaluate/model.
"""

from factsieve.classify.classifier import (
    SentenceLabel,
    classify,
    classify_batch,
    classify_document,
    explain,
    explain_records,
)
from factsieve.classify.cue import Cue
from factsieve.classify.quotes import quote_context
from factsieve.vocabulary import LABELS

__all__ = [
    "LABELS",
    "Cue",
    "SentenceLabel",
    "classify",
    "classify_batch",
    "classify_document",
    "explain",
    "explain_records",
    "quote_context",
]
