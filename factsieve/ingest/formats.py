"""Which reader a file's name selects: the suffix table, looked through a compression suffix
(``x.jsonl.gz``: jsonl). Below the dispatcher and the readers alike (an archive member refused by
name is labelled with the format its name selects)."""

from __future__ import annotations

import posixpath

from factsieve.ingest import compressed

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".wet": "wet",  # Common Crawl's page texts (CC-MAIN-….warc.wet.gz)
    ".warc": "warc",  # HTTP responses: CC-NEWS (CC-NEWS-….warc.gz; factsieve.ingest.warc_http)
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",  # Hugging Face datasets (factsieve.ingest.columnar)
    ".arrow": "arrow",  # Hugging Face save_to_disk, Feather v2 (factsieve.ingest.arrow_ipc)
    ".feather": "arrow",
    ".xml": "feed",  # RSS/Atom (factsieve.ingest.feeds); other XML is an unsupported_xml reject
    ".rss": "feed",
    ".atom": "feed",
    ".sgm": "sgml",  # Reuters-21578 as distributed (factsieve.ingest.reuters_sgml)
    ".story": "text",  # CNN/DailyMail (the @highlight lines are cleaned as furniture)
    ".eml": "email",  # one message (factsieve.ingest.mail)
    ".mbox": "email",  # messages after "From " lines
    # zip and tar archives (also .tar.gz, .tar.bz2, .tar.xz, .tar.zst): each member read as a file
    # of its name (factsieve.ingest.archives, readers.archive)
    ".zip": "archive",
    ".tar": "archive",
    ".tgz": "archive",
    ".tbz2": "archive",
    ".txz": "archive",
    ".taz": "archive",  # tar.Z (compress)
}


def format_of_name(name: str) -> str | None:
    """The reader a file name selects (``x.jsonl.gz``, ``x.jsonl.zst``: jsonl), or None: no reader
    takes it."""
    suffix = posixpath.splitext(name)[1].lower()
    return FORMATS.get(compressed.inner_suffix(name) if suffix in compressed.SUFFIXES else suffix)


# Files a user hands us that are no reader's, by kind: what to call them and how to get text out of
# them, for their unsupported_format reject (round 10: before, every one was "no reader for '.docx'
# files, and the content has no known shape …"). Office documents, PDFs and e-books lay their text
# out for reading, not as records: converting them is the user's choice of tool and settings.
_WORD = "save it as plain text or HTML (libreoffice --headless --convert-to txt:Text FILE) and add that"
_SHEET = (
    "save the sheet as CSV, UTF-8, with a header row naming the text column "
    "(libreoffice --headless --convert-to csv FILE) and add that"
)
_EXPORT = "export the table as Parquet or JSON Lines (Spark: df.write.parquet(PATH)) and add that"
NOT_READ_KINDS = {
    "pdf": ("a PDF document", "extract its text first (pdftotext -layout FILE FILE.txt) and add the .txt"),
    "word": ("a word-processor document (Word, OpenDocument, RTF)", _WORD),
    "sheet": ("a spreadsheet (Excel, OpenDocument)", _SHEET),
    "outlook": ("an Outlook message (.msg)", "save it as .eml, or export the mailbox as mbox"),
    "ebook": ("an e-book (EPUB)", "convert it to text (ebook-convert FILE FILE.txt) and add that"),
    "table": ("an Avro or ORC table", _EXPORT),
    "webarchive": ("a Safari web archive", "save the page as HTML (Page Source) instead"),
    "office": (
        "an old Office file (doc, xls or msg: OLE2)",
        "save it as plain text, CSV or .eml from the program that made it, and add that",
    ),
    "link": ("a link (internet shortcut), not a page", "fetch the page it points to and add the .html"),
    "markup": (
        "a Markdown or reStructuredText file",
        "its front matter and markup are no news metadata we can vouch for; rename it .txt to "
        "read it as plain text",
    ),
}
NOT_READ_SUFFIXES = {
    ".pdf": "pdf",
    **dict.fromkeys((".doc", ".docx", ".docm", ".odt", ".rtf", ".pages", ".wpd"), "word"),
    **dict.fromkeys((".xls", ".xlsx", ".xlsm", ".xlsb", ".ods", ".numbers"), "sheet"),
    ".msg": "outlook",
    ".epub": "ebook",
    **dict.fromkeys((".avro", ".orc"), "table"),
    ".webarchive": "webarchive",
    **dict.fromkeys((".url", ".webloc", ".lnk", ".desktop"), "link"),
    **dict.fromkeys((".md", ".markdown", ".rst"), "markup"),
}
# The same kinds by what the content starts with (sniff.binary_format's names), under any name.
NOT_READ_CONTENT = {
    "a PDF document": "pdf",
    "an OLE2 file (doc, xls, msg)": "office",
    "an RTF document": "word",
}


def not_read_kind(name: str, described: str | None) -> tuple[str, str] | None:
    """(what the file is, what to do) for a file no reader takes, by its name, else by what its
    content was described as; None when neither says."""
    kind = NOT_READ_SUFFIXES.get(posixpath.splitext(name)[1].lower()) or NOT_READ_CONTENT.get(described or "")
    return NOT_READ_KINDS[kind] if kind else None
