"""Round 17 (issue #17): the author's own inference — the writer lays the evidence out and draws the conclusion,
with nobody else named ("Put side by side, the two reports point to a department that has lost control of
its own spending.", "All of this points to a government that has run out of ideas.").

Two shapes, each a row of ``plain_verdicts._SHAPES`` (a key word and a companion, so the pattern is tried only
when both are in the sentence):

* the writer's imperative that sets the evidence out, "Put X side by side(, and) …" opening the sentence: an
  instruction to the reader to compare is the writer's argument, whatever follows;
* the writer's summing-up ("All of this", "This", "It all") that "points to a/an NOUN that/who has …": a
  characterisation of a whole actor by what it has become, drawn by the author from what came before
  ("The figures point to a recovery that has begun" names its evidence and is left alone). A source named in
  the sentence still wins first (attributed before opinion), and a cue inside quotation marks is the
  speaker's (verdict.py drops it).

The imperative fixes a row of three writers (r28, r32, r41: chosen on any two, it gains on the third); the
summing-up one row of r40 (r32's "Taken together, the figures point to …" was already opinion). In the
BBC/Reuters corpus neither shape changes a label (its two "side by side" sentences are quoted speech).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_PUT_SIDE_BY_SIDE_RE = re.compile(
    r"^\W*(?:(?:so|now|but|and),?\s+)?put\b[^.;:]{1,80}?\bside\s+by\s+side\b", _I
)
_POINTS_TO_ACTOR_RE = re.compile(
    # the subject is the writer's own summing-up of what came before ("All of this", "This", "Taken together,
    # this", "It all"), not a named body of evidence ("The figures point to a recovery …" is the wire's reading)
    r"^\W*(?:(?:and|but|so|yet|taken\s+together|in\s+short|in\s+sum),?\s+)?(?:all\s+(?:of\s+)?(?:this|that|these|it)"
    r"|this|that|these|those|it\s+all|everything)\s+(?:\w+\s+)?(?:points?|pointed|pointing)\s+to\s+(?:a|an)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+(?:that|which|who|whose)\s+"
    # a characterisation: what the actor has become or done (a perfect), not an event's cause ("points to a
    # fire that started in the kitchen", "… that was started deliberately")
    r"(?:has|had|have)\b",
    _I,
)

# (keys, companions, pattern) rows for plain_verdicts._SHAPES.
SHAPES: tuple[tuple[frozenset[str], frozenset[str] | None, re.Pattern[str]], ...] = (
    (frozenset({"side"}), frozenset({"put"}), _PUT_SIDE_BY_SIDE_RE),
    (
        frozenset({"points", "pointed", "pointing", "point"}),
        frozenset({"that", "which", "who", "whose"}),
        _POINTS_TO_ACTOR_RE,
    ),
)
