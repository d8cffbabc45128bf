"""Clean: Unicode repair, unwrapping of hard-wrapped paragraphs, whitespace normalisation and
boilerplate-line removal.

The clean text keeps one paragraph or heading per line. Lines judged to be
boilerplate (navigation, related-links blocks, bylines with view counters, share
and subscribe prompts, lone punctuation) are removed, and returned with the reason
for each so the documents table can keep them auditable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import ftfy

from factsieve.text import foreign_furniture
from factsieve.text.language import detect_language
from factsieve.text.unwrap import unwrap

# Headings that open a block of links to other stories; everything after one of them
# that does not read like prose belongs to the block.
_BLOCK_START = re.compile(
    r"^(?:related|latest|lastest|more|recommended|popular|trending|top|recent|other|most read|read next|"
    r"you may also like|you might also like|also read|see also|more from|more stories|further reading)"
    r"(?:\s+(?:news|stories|articles|posts|links|reads|videos|on this topic|from \w+))?\s*:?$",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"\b\d[\d,.]*\s*[kKmM]?\s*(?:views?|comments?|shares?|likes?|reads?)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by\s+)?[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}\s+[-–—|•]\s+"
    r"(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2})",
)
_PROMPT = re.compile(
    r"^(?:share(?: this)?(?: article| story| post)?(?: on \w+)?|share on \w+|tweet|print|email|"
    r"read more|read full (?:story|article)|continue reading|click here.*|subscribe(?: now| to .*)?|"
    r"sign up(?: for .*)?|follow us(?: on .*)?|advertisement|sponsored(?: content)?|skip to (?:main )?content|"
    r"cookie (?:policy|settings)|accept (?:all )?cookies|privacy policy|terms of (?:use|service)|"
    r"all rights reserved\.?|copyright .*|© .*|back to top|next article|previous article|comments?|"
    r"leave a (?:comment|reply)|loading\.*|home|menu|search|log ?in|sign in|newsletter|"
    # mail and alert furniture (a Google Alert's lines; round 10)
    r"unsubscribe(?: here| from (?:this|these) \w+)?|flag as irrelevant|see more results(?: \| edit this alert)?|"
    r"edit this alert|send feedback|view (?:this email |it )?in (?:your )?browser|"
    r"manage (?:your )?(?:alerts|subscriptions|(?:email )?preferences))\s*[.!:]?$",
    re.IGNORECASE,
)
# Furniture that public news corpora carry inside the text field, as whole lines: wire agencies'
# rights notices ("Copyright 2024 The Associated Press. All rights reserved. This material may not
# be published, …"), cookie and JavaScript notices, the BBC's media-player and picture-credit lines
# ("Media playback is unsupported on your device", "Image copyright Getty Images"), photo credits
# ("Featured image via Name/Getty Images", "(AP Photo/Name)"), "Story continues
# below advertisement", CNN/DailyMail's "@highlight" markers
# and dotted bylines ("By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, …"), broadcast-transcript
# stage directions ("(BEGIN VIDEO CLIP)"), and notes about the article rather than its news ("This
# article originally appeared on …", "Editor's note: …", "(Adds details in paragraph 5)", "(Corrects
# figure)", "All times are Eastern.", "This content is not available due to your privacy …"). Longer than the prompts above and written as sentences,
# they were kept and labelled as content: "This material may not be published" as speculation,
# "By continuing to browse, you agree to our use of cookies." as opinion. Anchored at the line
# start, and each needs words no report opens a sentence with.
_FURNITURE = re.compile(
    r"^(?:(?:copyright|\(c\))\s*(?:©\s*)?(?:\(c\)\s*)?(?:19|20)\d\d\b|©|™\s*(?:&|and)\s*©)"
    r"|^this (?:material|article|content|story) (?:may|must) not be (?:published|reproduced|copied|redistributed)"
    r"|^our standards: the thomson reuters trust principles"
    r"|^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies(?: and (?:similar|other) \w+)?(?:\.|$|\s+(?:to|so|on|for|in order)\b)"
    r"|^by (?:continuing|using)\b.{0,80}\byou (?:agree|consent)\b.{0,40}\bcookies"
    r"|^(?:please )?(?:enable|turn on|allow) (?:javascript|cookies)\b"
    r"|^media playback is (?:unsupported|not supported) on your device"
    r"|^(?:media|image) caption$|^image (?:copyright|source)\b"
    r"|^(?:featured |top |header )?(?:image|photo|picture|photograph)s?(?: credit)?(?: via|:| by) \S"
    r"|^\([^()]{0,60}\b(?:photo|photograph|image|picture)s?\b ?(?:/|by|via|:)[^()]{1,60}\)$"
    r"|^(?:last updated on .{6,30}?\.\s*)?from the section \w+"
    r"|^find (?:all )?the latest .{3,60} on our dedicated page"
    r"|^(?:story|article) continues below(?: (?:this )?advert(?:isement)?)?$"
    r"|^advertisement\s*[-–—:]\s*(?:scroll|continue|story)"
    r"|^@highlight$"
    # notes about the article, not its content
    r"|^this (?:article|story|piece|post) (?:was |has been |first |originally )*"
    r"(?:appeared|published|produced|republished) (?:on|in|by|with|at)\b"
    r"|^editor(?:'s|s'|’s|s’)? note:"
    r"|^all times (?:are|in) [\w ]{2,20}\.?$"
    r"|^\((?:adds|updates|recasts|changes|corrects|fixes|refiles|repeats|rewrites|removes|inserts|"
    r"releases)\b[^()]{0,120}\)$"
    r"|^\((?:reuters|ap|afp|cnn|bloomberg|upi)\)\s*[-–—]*$"
    r"|^this (?:content|video|embed|media|element) is (?:not available|unavailable|blocked)"
    r"|^(?:some )?(?:parts|elements) of this (?:article|page|story) may not (?:display|show|work|load)"
    r"|^download (?:our|the) (?:\S+ ){0,3}app\b"
    r"|^report (?:a|an) (?:correction|error|typo)"
    # a line that is only a link (a Kaggle fake-news "text" that is a URL, a "read more" link)
    r"|^(?:https?://|www\.)\S+$"
    r"|^by \. |^(?:published|updated): \. "
    r"|^\((?:begin|end) (?:video|audio)(?: clip| tape)?\)$|^\((?:commercial break|crosstalk|laughter|applause|inaudible)\)$",
    re.IGNORECASE,
)
# A prefilter: the first word (lower-cased, a trailing ":" dropped) of every line _FURNITURE
# matches is one of these or starts with "(", "©" or "™", so most prose lines ("The …", "In …")
# never reach the regex.
_FURNITURE_FIRST_WORDS = frozenset(
    "copyright this our we by please enable turn allow media image featured top header photo photos "
    "picture pictures photograph photographs last from find story article advertisement @highlight "
    "published updated editor's editors' editor’s editors’ editor editors all some download report".split()
)
_MAX_FURNITURE_WORDS = 40
_NAV_SEP = re.compile(r"\s[|»›•·]\s|\s>\s")
_LONE_PUNCT = re.compile(r"^[\W_]+$")
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

# Prefilters: cheap necessary conditions checked before the patterns above, since most lines are
# prose and match none of them. Each is something every match of its pattern contains (under the
# same flags), so a line that fails one cannot match and skipping the pattern changes nothing.
# _COUNTER starts with \d, every _BYLINE date has one, and the middle character of a _NAV_SEP match
# is one of "|»›•·>": a line with neither can be none of the three.
_DIGIT_OR_NAV = re.compile(r"[\d|»›•·>]")
_NAV_CHAR = re.compile(r"[|»›•·>]")
_COUNTER_WORD = re.compile(r"view|comment|share|like|read", re.IGNORECASE)  # in _COUNTER's last group
# A (normalised) line _BLOCK_START matches has at most 8 words: the longest heading is 4 words
# ("you might also like"), plus at most 3 ("on this topic") and a lone ":".
_MAX_BLOCK_START_WORDS = 8

REMOVAL_REASONS = ("lone_punctuation", "counter_byline", "related_block", "prompt", "navigation", "furniture")


@dataclass(slots=True)
class CleanResult:
    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, line)
    fixed_unicode: bool = False
    # len(text.split()): the kept lines' words, counted while the lines are normalised (the
    # documents' word_count; splitting the text again cost ~0.13 CPU-s per 22k documents).
    words: int = 0

    @property
    def removed_text(self) -> str:
        return "\n".join(line for _, line in self.removed)

    @property
    def removed_chars(self) -> int:
        return sum(len(line) for _, line in self.removed)


def _is_prose(line: str, words: int) -> bool:
    """Prose ends like a sentence and is long enough to be more than a headline.

    ``words`` is ``len(line.split())``; clean_text passes it in, counted once per line.
    """
    return words >= 12 and bool(_PROSE_END.search(line))


def _has_counter_word(line: str) -> bool:
    """Whether ``line`` contains _COUNTER_WORD (a prefilter for _COUNTER)."""
    if line.isascii():
        # For ASCII text re.IGNORECASE is plain lower-casing (its extra Unicode equivalences, such as
        # "ſ" for "s" and the Kelvin sign for "k", are not ASCII), and str.find beats the regex.
        low = line.lower()
        return "view" in low or "comment" in low or "share" in low or "like" in low or "read" in low
    return _COUNTER_WORD.search(line) is not None


def is_page_prompt(line: str) -> bool:
    """Whether the normalised ``line`` is a share/subscribe/cookie prompt or other page chrome."""
    return len(line.split()) <= 8 and _PROMPT.match(line) is not None


def is_site_furniture(line: str, words: int | None = None) -> bool:
    """Whether the normalised ``line`` is a rights notice, cookie notice, media-player or picture
    credit line, dataset marker or transcript stage direction (_FURNITURE)."""
    cut = line.find(" ")
    first = (line if cut < 0 else line[:cut]).lower().rstrip(":")
    if (
        first not in _FURNITURE_FIRST_WORDS
        and line[:1] not in "(©™"
        and not first.startswith(("copyright", "http://", "https://", "www."))
    ):
        return False
    if (len(line.split()) if words is None else words) > _MAX_FURNITURE_WORDS:
        return False
    return _FURNITURE.match(line) is not None


# NewsAPI's marker of a text it cut ("… [+1234 chars]": the free tier's 200 characters), which ingest
# puts on a line of its own (factsieve.ingest.readers.entries): removed with this reason, so the
# document says it is truncated and by how much (round 9).
_SOURCE_TRUNCATED = re.compile(r"\[\+\d{1,9} chars\]")


def _line_reason(line: str, words: int) -> str | None:
    """The removal reason for a kept-so-far ``line`` with ``words`` words, or None to keep it.

    ``line`` is normalised as clean_text leaves it. The prefilters (_DIGIT_OR_NAV and the patterns
    after it) only skip searches that cannot match; the checks and their order are unchanged.
    """
    if _LONE_PUNCT.match(line):
        return "lone_punctuation"
    if words == 2 and line.startswith("[+") and _SOURCE_TRUNCATED.fullmatch(line):
        return "source_truncated"
    # Counters, bylines and navigation all need a digit or a separator character.
    suspect = words <= 30 and _DIGIT_OR_NAV.search(line) is not None
    if (
        suspect
        and words <= 16
        and ((_has_counter_word(line) and _COUNTER.search(line)) or _BYLINE.match(line))
    ):
        return "counter_byline"
    if words <= 8 and _PROMPT.match(line):
        return "prompt"
    if is_site_furniture(line, words):
        return "furniture"
    if (
        suspect
        and _NAV_CHAR.search(line)
        and len(_NAV_SEP.findall(line)) >= 2
        and not _PROSE_END.search(line)
    ):
        return "navigation"
    return None


# Curly quotes are kept: they are the text as published, and the classifier reads both kinds.
_FTFY_CONFIG = ftfy.TextFixerConfig(normalization="NFC", uncurl_quotes=False, explain=False)
# Printable ASCII, tab and newline, without "&" (an HTML entity may follow): every ftfy fixer and NFC
# leave such text unchanged, so ftfy need not see it. The same holds with "£", the one non-ASCII
# character common in the news corpora (most of the text ftfy still saw): it is NFC, in no ftfy
# translate table (ligatures, widths, control characters), not a C1 control or line break, and as
# its only non-ASCII character it cannot make mojibake - fix_encoding finds no single-byte encoding
# in which the text decodes as UTF-8, and the Latin-1/Windows-1252 step maps "£" to itself.
# Anything else (other non-ASCII, control characters, "\r", "&") goes through ftfy as before.
_NEEDS_FTFY = re.compile(r"[^\t\n\x20-\x25\x27-\x7e£]")


def _fix_text(text: str) -> str:
    """``ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)``, skipping the safe lines.

    ftfy fixes a text line by line (segments ending in "\n", at most max_decode_length long) and
    switches HTML unescaping off for the rest of the text at the first segment containing "<"; this
    loop is the same, but hands ftfy only the segments that contain something it could change. On
    news text most lines are plain ASCII and ftfy was most of the cleaning time.
    """
    if not _NEEDS_FTFY.search(text):
        return text
    config = _FTFY_CONFIG
    limit = config.max_decode_length
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        brk = text.find("\n", pos) + 1 or n
        if brk - pos > limit:
            brk = pos + limit
        segment = text[pos:brk]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        if _NEEDS_FTFY.search(segment):
            segment = ftfy.fix_and_explain(segment, config).text
        out.append(segment)
        pos = brk
    return "".join(out)


# Invisible format characters that scraped pages leave inside words and that ftfy keeps: a
# zero-width space or word joiner ("The\u200b city"), a soft hyphen ("trans\u00adport"), bidi
# embeddings, overrides, isolates and marks. They carry no content, but "said\u200b" is not
# "said" to the segmenter, the cue lists or the duplicate hash. ZWJ and ZWNJ are letters' business
# in Persian, Indic scripts and emoji sequences: removed only next to an ASCII character, where
# they have none.
_INVISIBLE = re.compile(
    r"[\u200b\u2060\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
    r"|(?<=[\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\x00-\x7f])"
)


# U+0085 (NEL) is a line end in Unicode text (EBCDIC and mainframe exports end lines with it), but
# cp1252's "…" (byte 0x85) read as Latin-1 and saved as UTF-8 is U+0085 too. ftfy reads it as the
# latter always. A cp1252 file is decoded to "…" before it gets here (factsieve.ingest.decode), so a
# U+0085 here came from Unicode text: a line end, unless the text holds another C1 control (curly
# quotes and dashes of the same cp1252 text read as Latin-1), where ftfy re-decodes them together.
_OTHER_C1 = re.compile("[\x80-\x84\x86-\x9f]")


def nel_as_line_end(text: str) -> str:
    if "\x85" not in text or _OTHER_C1.search(text):
        return text
    return text.replace("\r\x85", "\n").replace("\x85", "\n")


def normalize_unicode(text: str) -> tuple[str, bool]:
    text = nel_as_line_end(text)
    fixed = _fix_text(text)
    if fixed is text:
        return fixed, False  # printable ASCII and "£": NFC is the identity
    fixed = _INVISIBLE.sub("", fixed)
    return fixed, fixed != unicodedata.normalize("NFC", text)


def clean_text(text: str) -> CleanResult:
    """Repair, normalise and strip boilerplate lines from ``text``."""
    fixed, changed = normalize_unicode(text)
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Before the lines are read one by one: a hard-wrapped paragraph becomes one line (text/unwrap.py).
    fixed = unwrap(fixed)
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    in_block = False
    # other languages' prompts: index among the kept lines, among the removed ones, their languages
    foreign: list[tuple[int, int, frozenset[str]]] = []
    kept_words = 0
    for raw_line in fixed.split("\n"):
        # Runs of whitespace become one space and the ends are trimmed: the same string as
        # re.sub(r"[^\S\n]+", " ", raw_line).strip() (str.split() and the regex \s agree on what
        # whitespace is), about 3x faster, and it counts the words on the way.
        tokens = raw_line.split()
        if not tokens:
            continue
        line = " ".join(tokens)
        words = len(tokens)
        if words <= _MAX_BLOCK_START_WORDS and _BLOCK_START.match(line):
            in_block = True
            removed.append(("related_block", line))
            continue
        if in_block:
            # A related-links block ends at the first line that reads like prose.
            if _is_prose(line, words) and not _COUNTER.search(line):
                in_block = False
            else:
                removed.append(("related_block", line))
                continue
        reason = _line_reason(line, words)
        if reason:
            removed.append((reason, line))
            continue
        if words <= foreign_furniture.MAX_WORDS and tokens[0].lower() in foreign_furniture.FIRST_WORDS:
            languages = foreign_furniture.prompt_languages(line)
            if languages:
                foreign.append((len(kept), len(removed), languages))
        kept.append(line)
        kept_words += words
    if foreign:
        kept = _without_foreign_prompts(kept, foreign, removed)
        kept_words = sum(len(line.split(" ")) for line in kept)  # each line's words joined by one space
    return CleanResult("\n".join(kept), removed, changed, kept_words)


def _without_foreign_prompts(
    kept: list[str], foreign: list[tuple[int, int, frozenset[str]]], removed: list[tuple[str, str]]
) -> list[str]:
    """``kept`` without the lines at the ``foreign`` positions whose prompt languages include the
    document's language ("Lire aussi" in a French text; "Publicidad" in an English one stays);
    those go into ``removed`` as prompts, where they stood among its lines (the removed lines stay
    in document order). The language is read from the other lines."""
    at = {k for k, _, _ in foreign}
    language = detect_language("\n".join(line for i, line in enumerate(kept) if i not in at))
    drop = [(k, r) for k, r, languages in foreign if language in languages]
    for k, r in reversed(drop):  # from the end, so the earlier positions still hold
        removed.insert(r, ("prompt", kept[k]))
    dropped = {k for k, _ in drop}
    return [line for i, line in enumerate(kept) if i not in dropped]
