"""A ``.jsonl`` file that is really one JSON document: a pretty-printed object or a stream of
them, or a JSON array of records (what ``json.dump(records, fh, indent=2)`` writes).

Read line by line such a file gives a ``malformed_json`` reject for every line ("{", '"id": 1,',
"}") and no document: its records are lost in rejects that outnumber them. When the whole body
parses as a sequence of JSON values (or as one array of them), each value is a record instead,
keyed by the line it starts on. A file that does not parse whole keeps its line-by-line rejects:
one broken record must not hide the others.
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"[ \t\n\r]*")  # JSON's insignificant whitespace
_DECODER = json.JSONDecoder()


def json_values(body: str, sep: str = "\n") -> list[tuple[int, str, object]] | None:
    """``(line number, source text, value)`` for each top-level value of ``body`` (each element
    when ``body`` is one array), or None when ``body`` is not such a sequence or holds none.
    ``sep`` is the line separator that numbers the lines."""
    values: list[tuple[int, str, object]] = []
    pos = _WS.match(body).end()
    array = body.startswith("[", pos)
    if array:
        pos = _WS.match(body, pos + 1).end()
    line, counted, comma = 1, 0, False
    while pos < len(body):
        if array and body.startswith("]", pos) and not comma:  # "[1,]" is not JSON
            return values or None if _WS.match(body, pos + 1).end() == len(body) else None
        try:
            value, end = _DECODER.raw_decode(body, pos)
        except (ValueError, RecursionError):  # not JSON, or beyond the digit or nesting limits
            return None
        line += body.count(sep, counted, pos)
        counted = pos
        values.append((line, body[pos:end], value))
        pos = _WS.match(body, end).end()
        if array:
            comma = body.startswith(",", pos)
            if comma:
                pos = _WS.match(body, pos + 1).end()
            elif not body.startswith("]", pos):
                return None
    return None if array else values or None
