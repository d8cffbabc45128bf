"""JSON records framed other ways than one a line (round 9): read as the JSON Lines they are.

- **JSON text sequences** (RFC 7464; ``jq --seq``, some log shippers): each record starts with the
  record separator RS (0x1E) and ends with a line feed. RS is a control character JSON never
  holds raw, so where a line starts with it, it is framing, not content.
- **NUL-separated records** (``-print0`` style tools, Kafka and Redis dumps, ``jq -j`` with
  ``"\\u0000"``): records joined by NUL bytes, often with no newline at all. A NUL is no JSON
  either; when every piece between NULs is a JSON object or array, the NULs are the separators.
- **JSONP** (``callback({...});``, an API page saved from a browser): the JSON inside the call.

Before, the first two were ``binary`` rejects (control bytes) and JSONP ``malformed_json``: every
record lost in one reject. Each is decided on the whole file (or part) and changes nothing of a file
that is not so framed; a NUL or RS elsewhere stays the ``binary`` reject it was.
"""

from __future__ import annotations

import re

RS = b"\x1e"
# A record's bytes between separators: a JSON object or array, with JSON's whitespace around.
_PIECE = re.compile(rb"\s*[\[{].*[\]}]\s*", re.DOTALL)
# JSONP: an optional /**/ (what Rails and Express write), a dotted JavaScript name, "(", the
# value, ")", an optional ";". The name cannot start with a digit or a JSON value's first character.
_JSONP = re.compile(r"\A(\s*(?:/\*\*/\s*)?[A-Za-z_$][\w$.]*\s*\()(.*)(\)\s*;?\s*)\Z", re.DOTALL)


def reframed(data: bytes) -> tuple[bytes, str] | None:
    """``data`` as JSON Lines, with the name of the framing it had ("JSON text sequence (RFC
    7464)", "NUL-separated JSON"), or None when it has neither."""
    head = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if head.lstrip(b" \t\r\n").startswith(RS):
        # RS then the record; a record ends with LF (jq) or runs up to the next RS (writers that
        # omit the LF). Same line numbers as the file for the first kind.
        out = re.sub(rb"(?<=\n)\x1e|\A(\xef\xbb\xbf)?([ \t\r\n]*)\x1e", rb"\1\2", data).replace(RS, b"\n")
        return out, "JSON text sequence (RFC 7464)"
    if b"\x00" not in data or b"\x00\x00" in data:  # UTF-16/32 text has NUL pairs
        return None
    pieces = [p for p in data.split(b"\x00") if p.strip()]
    if len(pieces) < 2 or not all(_PIECE.fullmatch(p) for p in pieces):
        return None
    # A piece may itself hold newlines (pretty JSON): the records are then read as a JSON document.
    return b"\n".join(p.strip(b"\r\n") for p in pieces) + b"\n", "NUL-separated JSON"


def line_without_rs(line: str) -> str:
    """A JSON Lines line with its RFC 7464 record separator dropped (a part of a large
    sequence is read line by line: ``readers.jsonl``)."""
    return line.lstrip("\x1e") if line.startswith("\x1e") else line


def jsonp_body(body: str) -> str | None:
    """The JSON inside a JSONP call, padded with spaces where the call was so line and column
    numbers stay the file's, or None when ``body`` is no JSONP."""
    m = _JSONP.match(body)
    if m is None or not m.group(2).lstrip().startswith(("{", "[")):
        return None
    pad = re.compile(r"[^\n]")
    return pad.sub(" ", m.group(1)) + m.group(2) + pad.sub(" ", m.group(3))


# JSONC / JSON5-ish exports (round 10; before, every line a malformed_json): a CMS's or editor's
# `//` and `/* */` comments and trailing commas before `]` or `}`. Strings are matched first, so a
# URL's `//` or a "/* */" inside a string is text. Only what stands outside strings is blanked, with
# spaces (newlines kept), so line and column numbers stay the file's. Single quotes, unquoted keys,
# hexadecimal numbers (the rest of JSON5) are left: such a line stays malformed_json.
_STRING = r'"(?:[^"\\\n]|\\.)*"'
_COMMENTS = re.compile(rf"{_STRING}|(//[^\n]*)|(/\*.*?\*/)", re.DOTALL)
_TRAILING_COMMA = re.compile(rf"{_STRING}|(,)(?=\s*[\]}}])")


def relaxed(body: str) -> tuple[str, dict[str, int]] | None:
    """``body`` with its comments and trailing commas blanked, and how many of each
    ("JSON comment", "JSON trailing comma"), or None when it has neither."""
    found = {"JSON comment": 0, "JSON trailing comma": 0}

    def blank(m: re.Match, kind: str) -> str:
        if m.lastindex is None:
            return m.group(0)  # a string
        found[kind] += 1
        return re.sub(r"[^\n]", " ", m.group(0))

    out = _COMMENTS.sub(lambda m: blank(m, "JSON comment"), body)
    out = _TRAILING_COMMA.sub(lambda m: blank(m, "JSON trailing comma"), out)
    return (out, {k: n for k, n in found.items() if n}) if any(found.values()) else None
