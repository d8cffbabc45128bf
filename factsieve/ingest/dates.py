"""Publication dates as feeds and public news corpora write them, read to UTC: right or empty.

pandas reads almost any string as a date, and fills in what the string does not say: "14:22" (a
live blog's entry time) became today at 14:22, "2024" the 1st of January, "March 2024" the 1st of
March, and "06/02/2024" on a French site (the 6th of February) the 2nd of June. Each is a wrong
date an analyst cannot tell from a right one. So a string is read only when it names a day, a month
and a year, a numeric day/month order must be decidable, and a time-zone name must be one whose
offset is known; anything else is empty (None), as an unreadable string always was.

Accepted, besides what pandas reads by itself (ISO 8601, RFC 2822 "Tue, 03 Mar 2024 14:22:00
+0100", "December 31, 2017", "31-Dec-17", "26-FEB-1987 15:01:01.79"):

- US, UK and other common zone abbreviations after the time ("2024-03-03 14:22 EST", "12:40 AM
  EDT", "16:10 JST"); "ET", "CT", "MT", "PT" with the daylight-saving rule of the date. Ambiguous
  ones ("CST": US Central or China, "IST": India, Ireland or Israel) and unknown ones give None.
- A zone abbreviation inside the string, after its time ("12:01 EST, 3 March 2014", "12:40 AM EDT,
  March 23, 2024"); German "MEZ", "MESZ".
- Day, month name and year in German, French, Spanish, Italian, Portuguese and Dutch ("2. Februar
  2024", "1er mars 2024 à 14h30", "martes, 12 de marzo de 2024", "3 maggio 2024", "3 de março de
  2024", "3 maart 2024"), with a weekday before and a time after; full month names only, and
  anything else around the date ("publié le …") gives None.
- "at" between date and time ("March 3, 2024 at 4:05 PM ET"), and a leading "Published:",
  "Updated", "Posted on".
- In a plain-text document (``published_in_text``), a "Published …" or "Posted …" line among the
  first lines ("Posted: Mar 23, 2024 / 12:40 AM EDT"); never an "Updated …" line (an update is not
  the publication) nor a dateline ("LONDON, March 3 (Reuters) -": no year).
- Numeric day and month in either order when one of them is over 12 ("13/04/2024", "04/13/2024") or
  both are equal; with dots, day first ("03.04.2024": the 3rd of April, as written in Germany,
  Russia and most places that use dots). "03/04/2024" is None: it is the 3rd of April in London and
  the 4th of March in New York, and nothing in the string says which.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import pandas as pd

# Publication dates before 1900 are typos, placeholders (0001-01-01) or epoch accidents.
EARLIEST_PUBLISHED = pd.Timestamp("1900-01-01", tz="UTC")

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# The string names a day, a month and a year in one of these shapes; otherwise pandas would fill
# in the missing parts from today or from the 1st.
_FULL_DATE = re.compile(
    r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"  # 2024-03-03, 2024/03/03
    r"|^\d{8}(?:T|$)"  # 20240303
    rf"|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?[\s-]+{_MONTH},?[\s-]+\d{{2,4}}(?![\d:])"  # 3 March 2024, 31-Dec-17
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)",  # December 31, 2017
    re.IGNORECASE,
)
# A numeric date with the year last: "06/02/2024", "3.4.2024", "13-04-24".
_NUMERIC_DMY = re.compile(r"(?<![\d:/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d:/.-])")
_LEAD = re.compile(r"^(?:(?:last\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s*)", re.IGNORECASE)
_AT = re.compile(r"(?<=\d)\s*,?\s+(?:at|@)\s+(?=\d)", re.IGNORECASE)
# A zone abbreviation ending the string, after a digit or a.m./p.m.
_ZONE = re.compile(r"(?<=[\d.mM])\s*\(?([A-Za-z]{1,5})\)?$")
_ZONE_OFFSETS = {
    "UTC": "+00:00", "UT": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00",
    "BST": "+01:00", "WEST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "MEZ": "+01:00", "MESZ": "+02:00", "EET": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "PKT": "+05:00", "HKT": "+08:00", "SGT": "+08:00",
    "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
    "NZST": "+12:00", "NZDT": "+13:00", "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00",
    "AKDT": "-08:00", "HST": "-10:00",
}  # fmt: skip
# US zones written without saying whether daylight saving applies: the date decides.
_ZONE_NAMES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
_MERIDIEM = frozenset({"AM", "PM", "A", "P"})
# A zone inside the string, after a time: "12:01 EST, 3 March 2014" (Daily Mail), "14:22 GMT, 3
# March 2024". Capitals only, as zones are written: a word after a time ("14:22, March 3") is not one.
_MID_ZONE = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s*(\(?([A-Z]{1,5})\)?)(?=[,\s]|$)"
)

# Month names of the other languages factsieve detects (de, fr, es, it, pt, nl), written day first:
# "2. Februar 2024", "1er mars 2024", "12 de marzo de 2024", "3 maggio 2024", "3 de março de 2024",
# "3 maart 2024". Full names only: no name means two months in these languages, and none a month
# other than its English look-alike ("mars", "juni", "augustus").
_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januar jänner janvier enero gennaio janeiro januari",
            "februar février fevrier febrero febbraio fevereiro februari",
            "märz maerz mars marzo março marco maart",
            "april avril abril aprile",
            "mai mayo maggio maio mei",
            "juni juin junio giugno junho",
            "juli juillet julio luglio julho",
            "august août aout agosto augustus",
            "september septembre septiembre setiembre settembre setembro",
            "oktober octobre octubre ottobre outubro",
            "november novembre noviembre novembro",
            "dezember décembre decembre diciembre dicembre dezembro december",
        ),
        start=1,
    )
    for name in names.split()
}
_ENGLISH_MONTHS = frozenset("april august september november december".split())
_FOREIGN_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?("
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?,?\s+(?:de\s+)?(\d{4})(?!\d)",
    re.IGNORECASE,
)
# What may stand around such a date: a weekday before it ("Montag,", "lundi", "martes,"), a word
# joining the time ("um", "à", "a las", "alle", "às", "om") and "Uhr"/"h" after the time.
_FOREIGN_PREFIX = re.compile(r"^(?:[^\W\d_]+\.?,?\s+)?$")
_FOREIGN_TIME = re.compile(
    r"^(?:,|\s)*(?:(?:um|à|a\s+las|a\s+la|alle|às|om|-)\s+)?(\d{1,2})[:.hH](\d{2})(?:\s*(?:Uhr|h))?(.*)$",
    re.IGNORECASE,
)


def _foreign_date(s: str) -> str | None:
    """``s`` with a day-month-year date in German, French, Spanish, Italian, Portuguese or Dutch
    rewritten as ISO ("2024-02-02 14:30 CET"), ``s`` when it has none, None when the rest is not a
    time a date string carries (a reader could not tell what else it says)."""
    m = _FOREIGN_DATE.search(s)
    if m is None:
        return s
    name = m.group(2).lower()
    # "3 April 2024 …" may be English, which the English path reads as before whatever surrounds it
    unreadable = s if name in _ENGLISH_MONTHS else None
    if not _FOREIGN_PREFIX.match(s[: m.start()]):
        return unreadable
    iso = f"{m.group(3)}-{_FOREIGN_MONTHS[name]:02d}-{int(m.group(1)):02d}"
    rest = s[m.end() :]
    if not rest.strip():
        return iso
    t = _FOREIGN_TIME.match(rest)
    if t is None:
        return unreadable
    return f"{iso} {t.group(1)}:{t.group(2)}{t.group(3)}"


def _day_month_order(s: str) -> str | None:
    """``s`` with a numeric day/month/year date rewritten as ISO (year-month-day), ``s`` when it has
    none, None when the order of day and month cannot be told."""
    m = _NUMERIC_DMY.search(s)
    if m is None:
        return s
    a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
    if a > 12 and b <= 12 or a == b or sep == "." and a <= 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        day, month = b, a
    else:
        return None  # "06/02/2024": 6 February or June 2; or no month at all
    if len(year) == 2:  # "17" is 2017, "99" 1999: a two-digit year is never more than a year ahead
        y = 2000 + int(year)
        year = str(y if y <= datetime.now(UTC).year + 1 else y - 100)
    return f"{s[: m.start()]}{year}-{month:02d}-{day:02d}{s[m.end() :]}"


def _zone(s: str) -> tuple[str, str | None] | None:
    """``(s without its zone abbreviation, IANA zone name or None)``, with a known fixed offset
    written as "+HH:MM" at the end; None when the abbreviation's offset is unknown or ambiguous.
    The zone ends the string ("14:22 EST") or follows a time inside it ("12:01 EST, 3 March 2014")."""
    m = _ZONE.search(s)
    if m is not None and m.group(1).upper() not in _MERIDIEM:
        abbr, bare = m.group(1).upper(), s[: m.start()]
    else:
        mid = _MID_ZONE.search(s)
        if mid is None or mid.group(2) in _MERIDIEM:
            return s, None
        abbr, bare = mid.group(2), (s[: mid.start(1)] + s[mid.end(1) :]).rstrip(", ")
    if abbr in _ZONE_OFFSETS:
        return f"{bare} {_ZONE_OFFSETS[abbr]}", None
    if abbr in _ZONE_NAMES:
        return bare, _ZONE_NAMES[abbr]
    return None


def parse_published(value: object) -> pd.Timestamp | None:
    """A publication date string as a UTC timestamp; None when it does not name a whole date, its
    day/month order or time zone cannot be told, or it lies before 1900. The upper bound needs the
    ingest time: see ``factsieve.ingest.read.published_within``.

    A string without a digit is never a date: pandas reads "now" and "today" as the current time.
    Nor is one longer than ``MAX_DATE_CHARS`` once its whitespace runs are single spaces.
    """
    if not isinstance(value, str) or not any(ch.isdigit() for ch in value):
        return None
    if len(value) > MAX_DATE_CHARS and len(" ".join(value.split())) > MAX_DATE_CHARS:
        return None
    return _parsed(value)


# The longest date strings feeds write ("Wednesday, September 25, 2024 at 12:40:05 AM EDT",
# "Montag, 2. Februar 2024, 14:30 Uhr MEZ") are under 60 characters. A longer "date" is a text in the
# wrong field: dateutil's tokenizer is quadratic in it (a 1 MB string took 15 s, one record stalling
# its batch), and the cache below would hold it.
MAX_DATE_CHARS = 100


# A corpus repeats its dates (a day's stories share one; a table's "date" column holds a few
# thousand distinct values for 100k rows), and a parse through pandas' dateutil path costs ~250 us.
# Timestamps are immutable, so sharing them is safe.
@functools.lru_cache(maxsize=8192)
def _parsed(value: str) -> pd.Timestamp | None:
    s = value.strip()
    if _ISO.match(s):  # most feeds: a whole ISO 8601 date, read by pandas as it is
        return _utc(s, None)
    s = _foreign_date(_AT.sub(" ", _LEAD.sub("", " ".join(s.split()))))
    if s is None:
        return None
    zoned = _zone(s)
    if zoned is None:
        return None
    s, zone = zoned
    if not _FULL_DATE.search(s) and not _NUMERIC_DMY.search(s):
        return None
    s = _day_month_order(s)
    return None if s is None else _utc(s, zone)


def _utc(s: str, zone: str | None) -> pd.Timestamp | None:
    """``s`` read by pandas, in ``zone`` (else UTC) when it has no offset, as UTC; None when pandas
    cannot read it or it lies before 1900."""
    try:
        ts = pd.Timestamp(s)
    except (ValueError, TypeError, OverflowError):
        return None
    if ts is pd.NaT:
        return None
    if ts.tzinfo is None:
        try:
            ts = ts.tz_localize(zone or "UTC", ambiguous="NaT", nonexistent="NaT")
        except Exception:  # noqa: BLE001 - no time-zone database for the zone's name: no date, not a wrong one
            return None
        if ts is pd.NaT:
            return None
    ts = ts.tz_convert("UTC")
    return ts if ts >= EARLIEST_PUBLISHED else None


# "Published: 3 March 2024", "Posted on Mar 23, 2024 / 12:40 AM EDT", "First published 09:05 BST,
# 3 June 2024": the date after the label. The line must be nothing but the label and a date.
_PUBLISHED_LINE = re.compile(
    r"^(?:first\s+)?(?:published|posted)(?:\s+(?:on|at))?\s*:?\s+(.{6,60})$", re.IGNORECASE
)
_HEAD_LINES = 8  # a page's publication line sits above the story


def published_in_text(text: str) -> pd.Timestamp | None:
    """The date of a "Published …" / "Posted …" line among the first lines of ``text``, when that
    line is only the label and a whole date (``parse_published``); else None."""
    seen = 0
    for raw in text.lstrip().split("\n", 3 * _HEAD_LINES)[: 3 * _HEAD_LINES]:
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return None
        m = _PUBLISHED_LINE.match(line)
        if m is not None and any(ch.isdigit() for ch in line):
            return parse_published(m.group(1).replace(" / ", " "))
    return None
