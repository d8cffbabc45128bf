"""The classifier's C extension (``_wordscan``, factsieve/classify/_wordscan.c), or None.

``make setup`` / ``uv sync`` builds it (setup.py). The modules that use it — prefilter (the word
scan, the candidate scan, ``first_word``, ``lowered``), cue (``new_cue``) and classifier
(``_label``) — keep a pure-Python version of each function with the same results, used when the
extension is not built; tests/classify/test_wordscan.py checks both and that the C one is in use.
"""

from __future__ import annotations

from types import ModuleType

wordscan: ModuleType | None
try:
    from factsieve.classify import _wordscan as wordscan
except ImportError:  # pragma: no cover - a checkout that was not built
    wordscan = None
