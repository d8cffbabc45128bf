"""Tables written as JSON (round 9): pandas ``DataFrame.to_json`` and spreadsheet exports give a
table, not a list of records, and a whole file of articles was one reject.

- ``orient="columns"`` (pandas' default for a DataFrame): ``{"text": {"0": "…", "1": "…"}, "id":
  {"0": …}}``, a column name to an object of row label to cell;
- ``orient="index"``: ``{"0": {"text": …}, "1": {…}}``, row label to record;
- ``orient="split"``: ``{"columns": [...], "index": [...], "data": [[...], ...]}``;
- rows as arrays under a header row (``orient="values"`` with the header kept, the Google Sheets
  API's ``values``, CSV converted to JSON): ``[["id", "text"], ["a1", "…"], …]``.

Each row becomes the record a JSON Lines line would be; a row with another number of cells than
the header is that record's ``malformed_record``. A value of any other shape is left as it was
(a record, or the reject it was), so a record with an object-valued field is never read as a table.
"""

from __future__ import annotations

from factsieve.ingest.records import FIELD_ALIASES, TEXT_FOLDS, folded

_TEXT_NAMES = frozenset({"text", *FIELD_ALIASES["text"]})


class RowProblem(str):
    """Why a table's row is no record (a ``malformed_record`` detail)."""


def _header(row: object, text_field: str) -> list[str] | None:
    """``row`` when it is a header naming a text column (or the configured text field)."""
    if not isinstance(row, list) or len(row) < 1 or not all(isinstance(c, str) for c in row):
        return None
    names = set(row)
    if len(names) != len(row):
        return None
    wanted = {text_field, text_field.split(".", 1)[0]} if text_field else _TEXT_NAMES
    if names & wanted:
        return row
    return row if not text_field and any(folded(c) in TEXT_FOLDS for c in row) else None


def header_rows(values: list[object], text_field: str = "") -> list[dict | RowProblem] | None:
    """Rows under a header row (``values[0]``) as records (a row of another length: a
    ``RowProblem`` saying so), or None when ``values`` is not such a table."""
    if len(values) < 2:
        return None
    header = _header(values[0], text_field)
    if header is None or not all(isinstance(v, list) for v in values[1:]):
        return None
    out: list[dict | RowProblem] = []
    for row in values[1:]:
        if len(row) != len(header):
            out.append(RowProblem(f"a row of {len(row)} cells under a header of {len(header)}"))
        else:
            out.append(dict(zip(header, row, strict=True)))
    return out


def table_records(value: object, text_field: str = "") -> tuple[str, list[dict | RowProblem]] | None:
    """``(shape, rows)`` when ``value`` is a table as pandas or a spreadsheet writes it to JSON;
    a row that cannot be a record is a ``RowProblem``. None for any other value."""
    if isinstance(value, list):
        rows = header_rows(value, text_field)
        return ("rows under a header row", rows) if rows is not None else None
    if not isinstance(value, dict) or not value:
        return None
    if isinstance(value.get("columns"), list) and isinstance(value.get("data"), list):
        rows = header_rows([value["columns"], *value["data"]], text_field)
        return ("pandas split (columns, data)", rows) if rows is not None else None
    inner = list(value.values())
    if not all(isinstance(v, dict) and v for v in inner):
        return None
    labels = list(inner[0])
    # Row labels of pandas' default index ("0", "1", …): a record whose text is an object of
    # languages ({"text": {"en": …, "fr": …}}) is not a table.
    numbered = all(label.isdigit() for label in labels)
    if numbered and _header(list(value), text_field) is not None and all(list(v) == labels for v in inner):
        # orient="columns": every column holds the same row labels, in the same order
        return "pandas columns", [{col: value[col][label] for col in value} for label in labels]
    if all(_header(list(v), text_field) is not None for v in inner) and not _header(list(value), text_field):
        return "pandas index", inner  # orient="index": row label to record
    return None
