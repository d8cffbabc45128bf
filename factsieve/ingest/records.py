"""JSON records as feeds and public corpora write them: which field is the text, the title, the
id; records wrapped in an API envelope; a text given as a list of paragraphs.

Used by the JSON Lines and JSON readers (``factsieve.ingest.read``). Everything here works on one
parsed value and decides without reading the file again.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from factsieve.params import IngestLimits
from factsieve.text.visible import visible
from factsieve.vocabulary import EMPTY, MALFORMED_RECORD, MISSING_TEXT, TOO_LARGE

# Optional fields and the types they may have; any other type is a malformed record (a title that
# is a list is a producer bug to show, not a field to drop silently).
OPTIONAL_FIELDS = {"id": (str, int), "title": (str,), "url": (str,), "published": (str,)}

# Other names feeds and public corpora give the same fields (Reuters-21578 as JSONL: "body",
# "newid", "date"; news crawls: "content", "maintext", "headline", "date_publish"). Used only
# when the field's own name is absent, first present alias of a fitting type wins, and an alias
# of another type is ignored (it is that feed's own field, not a broken one of ours).
# Fields that hold the text as HTML (scrapers and CMS exports: news-please's "html", WordPress's
# "content_html"): aliases after every plain-text one, so a record with both keeps its plain text,
# and always read through the HTML extraction (``factsieve.ingest.html.main_text``).
HTML_TEXT_FIELDS = ("article_html", "body_html", "content_html", "html")

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "body",
        "content",
        "maintext",
        "article",
        "article_text",
        "full_text",
        "document",
        "paragraphs",
        "body_text",  # IPTC ninjs 1.x (its body_html is read only without it)
        "article_body",  # schema.org articleBody (JSON-LD dumps), folded below
        "story",
        "content_text",  # JSON Feed 1.x (jsonfeed.org: blogs, podcasts; its content_html is an HTML field)
        *HTML_TEXT_FIELDS,
    ),
    "title": ("headline", "heading"),  # "Heading": Kaggle-style news CSVs (Heading, Article, NewsType)
    "url": ("link", "source_url", "canonical_url"),
    "published": (
        "published_at",
        "date_published",
        "date_publish",
        "publish_date",
        "pubdate",
        "date",
        "publishedAt",
        "dateTimePub",
    ),
    "id": ("doc_id", "article_id", "newid", "guid", "uuid"),
}

# Field names compared as a reader compares them (round 17): "Text", "TEXT", "content " (a stray
# space), "Article Text", "article-text" and "articleText" all name the article_text field. Exact
# names are looked up first and always win; a folded name is read only for a field no exact name
# gave, and two fields that fold alike (a file with both "Text" and "TEXT") give neither.
_FOLD_DROP = str.maketrans("", "", " _-\t\u00a0\ufeff")


def folded(name: str) -> str:
    """``name`` without case, spaces, "_" and "-"."""
    return name.casefold().translate(_FOLD_DROP)


def _fold_table() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    for name in ("text", *OPTIONAL_FIELDS):
        for rank, alias in enumerate((name, *FIELD_ALIASES.get(name, ()))):
            table.setdefault(folded(alias), (name, rank))
    return table


# folded name -> (field, rank): rank 0 is the field's own name, then its aliases in order.
FOLDED_NAMES = _fold_table()
_EXACT_NAMES = frozenset({"text", *OPTIONAL_FIELDS, *(a for names in FIELD_ALIASES.values() for a in names)})
TEXT_FOLDS = frozenset(f for f, (name, _) in FOLDED_NAMES.items() if name == "text")


def folds_to_a_field(name: str) -> bool:
    """Whether ``name`` is no exact field name or alias but folds to one ("Text", "Headline")."""
    return name not in _EXACT_NAMES and folded(name) in FOLDED_NAMES


@functools.lru_cache(maxsize=1024)
def fuzzy_fields(keys: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """For the field names ``keys`` of a record (a CSV header: one call per file, cached), the
    names that are no exact field name or alias but fold to one: ``(field, groups)``, the groups
    in alias order, each the keys folding to one name (more than one: ambiguous)."""
    found: dict[str, dict[int, list[str]]] = {}
    for key in keys:
        if not isinstance(key, str) or key in _EXACT_NAMES:
            continue
        hit = FOLDED_NAMES.get(folded(key))
        if hit is not None:
            found.setdefault(hit[0], {}).setdefault(hit[1], []).append(key)
    return tuple(
        (name, tuple(tuple(groups[rank]) for rank in sorted(groups)))
        for name, groups in sorted(found.items())
    )


def clash_detail(keys: tuple[str, ...]) -> str:
    shown = " and ".join(f"'{visible(k)}'" for k in keys)
    return (
        f"{shown} both name the text (field names are compared without case, spaces, '_' and '-'); "
        "name the one to read with --text-field"
    )


def fold_clash(keys: tuple[str, ...], field: str = "text") -> tuple[str, ...]:
    """The keys that fold to one name of ``field`` when no exact name of it is among ``keys``
    (both "Text" and "TEXT"): which one is the text, nothing says. Empty when there is no clash."""
    exact = {field, *FIELD_ALIASES.get(field, ())}
    if any(k in exact for k in keys):
        return ()
    for name, groups in fuzzy_fields(keys):
        if name == field and len(groups[0]) > 1:
            return groups[0]
    return ()


# Envelopes news APIs and dataset dumps put records in: NewsAPI {"status", "articles": [...]},
# {"data": [...]}, {"items"|"records"|"results"|...: [...]}; the Guardian's
# {"response": {"results": [...]}} one level down.
WRAPPER_KEYS = ("data", "articles", "items", "records", "results", "documents", "docs", "rows", "entries")
# Event Registry's {"articles": {"results": [...], "page": 1}} (round 8).
_NESTED_WRAPPERS = ("response", "data", "result", "articles")


def record_field_names(text_field: str = "", title_field: str = "") -> set[str]:
    """Every field name a record is read from: the fields, their aliases and the configured text
    and title fields (a columnar reader reads only these columns)."""
    return {"text", *OPTIONAL_FIELDS, *(a for names in FIELD_ALIASES.values() for a in names)} | (
        {f for f in (text_field, title_field) if f}
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(s: str) -> str:
    """``s`` with each lone surrogate (JSON's ``"\\udfff"``: valid JSON, not Unicode text) as
    U+FFFD, as ftfy does for the text: they cannot be written as UTF-8 (Parquet, HTML)."""
    return s if s.isascii() else _SURROGATE.sub("\ufffd", s)


def type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


_MISSING = object()


def field_value(rec: dict, name: str) -> object:
    """``rec[name]``, or the value at the dotted path ``name`` ("fields.bodyText") when ``rec`` has
    no field of that exact name; ``_MISSING`` when there is neither."""
    if name in rec:
        return rec[name]
    value: object = rec
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


# Keys a paragraph object holds its text under (CMS block exports: [{"type": "paragraph", "text": …},
# {"type": "image", "url": …}]; Portable Text's "children" are not read).
_PARAGRAPH_KEYS = ("text", "content", "value", "body", "paragraph")


def _paragraph_text(p: object) -> str | None:
    if isinstance(p, str):
        return p
    if isinstance(p, dict):
        return next((v for k in _PARAGRAPH_KEYS if isinstance(v := p.get(k), str)), None)
    return None


def _paragraphs(value: object) -> object:
    """A text given as a list of paragraphs (``["First.", "Second."]``, as some scrapers and
    datasets store it, or paragraph objects ``[{"type": "paragraph", "text": "First."}, …]``, round
    17) as one text, a blank line between paragraphs (a paragraph break to the cleaner, which
    unwraps single line breaks); anything else unchanged. Objects without a text (an image block)
    are left out when at least one paragraph has one."""
    if not isinstance(value, list) or not value:
        return value
    if all(isinstance(p, str) for p in value):
        return "\n\n".join(p.strip() for p in value if p.strip())
    found = [_paragraph_text(p) for p in value]
    if any(t is not None for t in found) and all(
        t is not None or isinstance(p, dict) for t, p in zip(found, value, strict=True)
    ):
        return "\n\n".join(t.strip() for t in found if t is not None and t.strip())
    return value


# MongoDB Extended JSON (``mongoexport``, Compass exports; round 10): typed values as one-key objects,
# ``{"$date": "2024-03-05T08:00:00Z"}``, ``{"$date": {"$numberLong": "1709625600000"}}``,
# ``{"$oid": "65f0…"}``, ``{"$numberLong": "42"}``. Before, a dated record was a malformed_record
# ("'published' is dict"). Unwrapped to the string or number they stand for.
_EXTENDED_JSON = frozenset({"$date", "$oid", "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal"})


def _extended_value(value: dict) -> object:
    ((kind, inner),) = value.items()
    if kind == "$date":
        if isinstance(inner, dict) and set(inner) == {"$numberLong"}:
            inner = inner["$numberLong"]
        if isinstance(inner, int | str) and not isinstance(inner, bool) and str(inner).lstrip("-").isdigit():
            try:  # milliseconds since 1970 (UTC)
                ts = dt.datetime.fromtimestamp(int(inner) / 1000, dt.UTC)
            except (OverflowError, OSError, ValueError):
                return value
            return ts.isoformat().replace("+00:00", "Z")
        return inner if isinstance(inner, str) else value
    if kind in ("$numberLong", "$numberInt") and isinstance(inner, str) and inner.lstrip("-").isdigit():
        return int(inner)
    return inner if isinstance(inner, str) else value


def _without_extended_json(rec: dict) -> dict:
    """``rec`` with its top-level Extended JSON values unwrapped (``rec`` itself when it has none)."""
    if dict not in map(type, rec.values()):  # most records: one C-level pass, no object made
        return rec
    found = {
        k: _extended_value(v)
        for k, v in rec.items()
        if type(v) is dict and len(v) == 1 and next(iter(v)) in _EXTENDED_JSON
    }
    return {**rec, **found} if found else rec


def with_canonical_fields(rec: dict, text_field: str = "", title_field: str = "") -> dict:
    """``rec`` with each absent field taken from its first alias of a fitting type, and the text
    from ``text_field`` when one is configured (then neither ``text`` nor its aliases is read);
    likewise the title from ``title_field``."""
    rec = _without_extended_json(rec)
    out = rec  # copied only when something changes: most records are read as written
    configured = {"text": text_field, "title": title_field}
    for name, path in configured.items():
        if path:
            out = {k: v for k, v in out.items() if k != name}
            value = field_value(rec, path)
            if value is not _MISSING:
                out[name] = value
    if "text" not in out and not text_field and isinstance(rec.get("bodies"), list):
        out = rec = ninjs2_fields(dict(out))  # the aliases below are looked up in rec
    missing = False  # a field no exact name gave: then, and only then, folded names are looked at
    for name, aliases in FIELD_ALIASES.items():
        if name in out or configured.get(name):
            continue
        for alias in aliases:
            # round 17: an alias is read when its value has a reading ("date": 1709625600 is that
            # instant); one of no reading (a "guid" object) is that feed's own field, not ours.
            value = rec.get(alias)
            if value is None:
                continue
            if type(value) is not str or (name == "published" and _epoch_like(value)):
                value = readable(name, value)  # the common case, a string, needs no reading
            if value is not _MISSING:
                out = out if out is not rec else dict(rec)
                out[name] = value
                break
        else:
            missing = True
    if missing:  # one cached look-up per set of field names (a CSV header)
        out = _fuzzy_fields(rec, out, configured)
    if isinstance(out.get("text"), list):
        out = out if out is not rec else dict(rec)
        out["text"] = _paragraphs(out["text"])
    return out


def _fuzzy_fields(rec: dict, out: dict, configured: dict[str, str]) -> dict:
    """``out`` with each field still absent taken from a key of ``rec`` that folds to its name or an
    alias ("Text", "Article Text", "content "), when its value has a reading (``readable``); two keys
    folding alike give neither (``fold_clash`` names them in the reject)."""
    for name, groups in fuzzy_fields(tuple(rec)):
        if name in out or configured.get(name):
            continue
        for group in groups:
            fitting = [v for k in group if (v := readable(name, rec[k])) is not _MISSING]
            if len(fitting) == 1:
                out = out if out is not rec else dict(rec)
                out[name] = fitting[0]
            if fitting:
                break  # taken, or ambiguous (neither is read)
    return out


# Round 17: metadata of an unexpected type no longer rejects an article whose text is good. A value
# with one clear reading is read so (pandas writes ids as floats: 3.0 is "3"; a numeric title is its
# digits; a date as epoch seconds, milliseconds, micro- or nanoseconds is that instant; a list of
# one url is that url); any other is dropped and counted (``normalised_metadata``).
_EPOCH_UNITS = ((1e11, 1), (1e14, 1e3), (1e17, 1e6), (1e20, 1e9))  # below n: seconds, ms, us, ns


def _epoch_like(value: str) -> bool:
    """Whether a string is an epoch time's digits ("1709625600", "1709625600.5"): 9 to 20 digits,
    then a fraction. str methods, not a regex: every dated record asks (round 17, read speed)."""
    if value.isdigit():  # C-level, stops at the first non-digit: "2024-03-05" at once
        return 9 <= len(value) <= 20
    if "." not in value:
        return False
    whole, _, fraction = value.partition(".")
    return 9 <= len(whole) <= 20 and whole.isdigit() and (not fraction or fraction.isdigit())


def _number_text(value: int | float) -> str | object:
    if isinstance(value, float):
        if not math.isfinite(value):
            return _MISSING
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _epoch(value: float) -> str | object:
    """An epoch time as an ISO 8601 UTC string, its unit by its size (1e8 seconds is 1973); a
    smaller or negative number (a year: 2024) has no clear reading."""
    if not math.isfinite(value) or value < 1e8:
        return _MISSING
    for below, per_second in _EPOCH_UNITS:
        if value < below:
            try:
                ts = dt.datetime.fromtimestamp(value / per_second, dt.UTC)
            except (OverflowError, OSError, ValueError):
                return _MISSING
            return ts.isoformat().replace("+00:00", "Z")
    return _MISSING


def readable(name: str, value: object) -> object:
    """``value`` of field ``name`` as the type the field has (``OPTIONAL_FIELDS``; the text: a
    string or a list of paragraphs), ``_MISSING`` when it has no clear reading or is null."""
    if value is None or isinstance(value, bool):
        return _MISSING
    if name == "text":
        value = _paragraphs(value)
        return value if isinstance(value, str) else _MISSING
    if name == "published":
        if isinstance(value, int | float):
            return _epoch(value)
        if isinstance(value, str) and _epoch_like(value):
            return _epoch(float(value))  # a CSV cell: "1709625600"
        return value if isinstance(value, str) else _MISSING
    if isinstance(value, float) and math.isnan(value):
        return _MISSING  # pandas' null
    if isinstance(value, int | float) and name == "url":
        return _MISSING  # a number is no address
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, int):
        return value if name == "id" else str(value)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str) and name != "id":
        return value[0]  # ["https://…"], ["Headline"]
    return value if isinstance(value, str) else _MISSING


def normalised_metadata(rec: dict) -> tuple[dict, list[str]]:
    """``rec`` with its id, title, url and published date as their types (``readable``), and the
    fields dropped for having no reading ("id list"), to count. Null stays null."""
    get = rec.get
    # Most records: string metadata (an int id) and a date that is no epoch; a look, no list made
    # (every record of every file passes here: read speed).
    if type(get("title")) in _TEXT_TYPES and type(get("url")) in _TEXT_TYPES and type(get("id")) in _ID_TYPES:
        published = get("published")
        if published is None or (type(published) is str and not _epoch_like(published)):
            return rec, _NOTHING
    return _normalised(rec)


_TEXT_TYPES = frozenset({str, type(None)})
_ID_TYPES = frozenset({str, int, type(None)})
_NOTHING: list[str] = []  # never appended to: _normalised makes its own


def _normalised(rec: dict) -> tuple[dict, list[str]]:
    dropped: list[str] = []
    out = rec
    for name in OPTIONAL_FIELDS:
        value = rec.get(name)
        if value is None or (type(value) is int and name == "id"):
            continue
        if type(value) is str and (name != "published" or not _epoch_like(value)):
            continue
        got = readable(name, value)
        if got is value:
            continue
        out = out if out is not rec else dict(rec)
        if got is _MISSING:
            del out[name]
            if not (isinstance(value, float) and math.isnan(value)):
                dropped.append(f"{name} {type_name(value)}")
        else:
            out[name] = got
    return out, dropped


def _role_value(items: object, html: bool = False) -> str | None:
    """The ``value`` of the ``role: main`` entry of a ninjs 2 list (else of the first entry with a
    string value); with ``html``, only entries whose ``contenttype`` is HTML."""
    if not isinstance(items, list):
        return None
    found = [
        i
        for i in items
        if isinstance(i, dict)
        and isinstance(i.get("value"), str)
        and ("html" in str(i.get("contenttype", ""))) == html
    ]
    main = [i for i in found if i.get("role") == "main"]
    return (main or found or [{}])[0].get("value")


def ninjs2_fields(rec: dict) -> dict:
    """An IPTC ninjs 2 record (agency APIs: ``bodies`` and ``headlines`` as lists of
    ``{"role", "contenttype", "value"}``) with ``text`` (the main plain body, else the main HTML
    body as ``body_html``, read as a page) and ``title`` (the main headline) when it has none."""
    text = _role_value(rec.get("bodies"))
    if text is not None:
        rec["text"] = text
    elif (page := _role_value(rec.get("bodies"), html=True)) is not None:
        rec.setdefault("body_html", page)  # an HTML alias: read through the main-text extraction
    if "title" not in rec and (title := _role_value(rec.get("headlines"))) is not None:
        rec["title"] = title
    return rec


def _field_names(own: dict) -> str:
    names = ", ".join(visible(without_surrogates(str(k))) for k in list(own)[:12])
    more = f", … ({len(own)} fields)" if len(own) > 12 else ""
    return (names or "none") + more


def _text_alias_used(own: dict, text: object) -> str:
    """The field the text was read from, for a detail: a CSV export with a 'body' column said
    "'text' is empty" for a row whose body was empty, naming a column the file does not have."""
    if "text" in own or text is None:
        return "text"
    found = next((a for a in FIELD_ALIASES["text"] if own.get(a) is not None and own.get(a) == text), None)
    if found is None:  # a folded name ("Article Text")
        found = next((k for k, v in own.items() if v == text and folded(str(k)) in TEXT_FOLDS), "text")
    return found


def text_is_html_field(own: dict, text: object, text_field: str = "") -> bool:
    """Whether the record's text came from a field named as HTML (an alias in ``HTML_TEXT_FIELDS``,
    or a configured ``--text-field`` ending in one: ``page.body_html``)."""
    name = text_field or _text_alias_used(own, text)
    return name.rsplit(".", 1)[-1] in HTML_TEXT_FIELDS


def record_problem(rec: object, limits: IngestLimits, fields: object = None) -> tuple[str, str] | None:
    """Why a parsed record (after ``with_canonical_fields``) cannot be a document (reason code,
    detail), or None. ``fields``: the record as written, whose field names a ``missing_text``
    detail lists: a feed that calls its text "body" (Reuters-21578 as JSONL) shows why."""
    if not isinstance(rec, dict):
        return MALFORMED_RECORD, f"expected a JSON object, got {type_name(rec)}"
    own = fields if isinstance(fields, dict) else rec
    name = limits.text_field or _text_alias_used(own, rec.get("text"))
    names = {"title": limits.title_field or "title"}  # a configured title field is named as such
    text = rec.get("text")
    if text is None:
        if "text" in rec:
            return MISSING_TEXT, f"'{visible(name)}' is null"
        # A text column or field present but null (a Parquet row with a null 'body', a JSON
        # {"body": null}) is named as such, not reported as a field the record lacks.
        null = limits.text_field or next((a for a in ("text", *FIELD_ALIASES["text"]) if a in own), "")
        if not null:  # a folded name ("Text": null)
            null = next((k for k in own if isinstance(k, str) and folded(k) in TEXT_FOLDS), "")
        if null and field_value(own, null) is None:
            what = " (the configured text field)" if limits.text_field else ""
            return MISSING_TEXT, f"'{visible(null)}'{what} is null"
        if limits.text_field:
            return (
                MISSING_TEXT,
                f"no field '{visible(name)}' (the configured text field; fields: {_field_names(own)})",
            )
        if clash := fold_clash(tuple(own)):
            return MISSING_TEXT, clash_detail(clash)
        nested = next((k for k, v in own.items() if isinstance(v, dict)), None)
        # A dump that nests the article ({"article": {"body": …}}): say how to read it.
        hint = (
            f"; to read a field inside '{visible(str(nested))}', use --text-field {visible(str(nested))}.NAME"
            if nested
            else ""
        )
        return MISSING_TEXT, f"no 'text' field or alias with a string (fields: {_field_names(own)}){hint}"
    if not isinstance(text, str):
        return MALFORMED_RECORD, f"'{visible(name)}' is {type_name(text)}, not a string"
    for field, types in OPTIONAL_FIELDS.items():
        value = rec.get(field)
        # bool is an int subclass, but `"id": true` names nothing.
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            expected = " or ".join("string" if t is str else "integer" for t in types)
            shown = visible(names.get(field, field))
            return MALFORMED_RECORD, f"'{shown}' is {type_name(value)}, expected {expected} or null"
    if not text.strip():
        return EMPTY, f"'{visible(name)}' is empty"
    if len(text) > limits.max_record_chars:
        return TOO_LARGE, f"{len(text):,} characters > limit {limits.max_record_chars:,}"
    return None


def _records_list(value: dict) -> tuple[str, list] | None:
    for key in WRAPPER_KEYS:
        items = value.get(key)
        if isinstance(items, list) and all(isinstance(v, dict) for v in items):
            return key, items
    return None


def wrapped_records(value: object, text_field: str = "") -> tuple[str, list] | None:
    """``(path, records)`` when ``value`` is an envelope around a list of records (an object with
    no text of its own and a list of objects under a wrapper key, itself or one level down), else
    None. The list may be empty: a page of an API with no results."""
    if not isinstance(value, dict) or (not text_field and "text" in value):
        # A record with a "text" of its own is a record whatever else it holds (the check below,
        # made first: most records are no envelope, and looking for one cost ~a quarter of reading).
        return None
    found = _records_list(value)
    for outer in _NESTED_WRAPPERS if found is None else ():
        inner = value.get(outer)
        if isinstance(inner, dict) and (found := _records_list(inner)) is not None:
            found = f"{outer}.{found[0]}", found[1]
            break
    # Checked last (most records are no envelope): a record with a text is a record.
    return found if found is not None and "text" not in with_canonical_fields(value, text_field) else None
