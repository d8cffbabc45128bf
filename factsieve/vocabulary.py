"""The words the tables are written in: sentence labels, cue kinds, document flags, quality tiers
and reject reason codes.

This module imports nothing, so that ``schemas/`` and every stage can take the same strings from
one place without importing each other (the schemas used to import them from the stages, which
import the schemas). Their meaning is documented in docs/ANALYSTS.md; the rules that produce them
stay with their stage (classify, score, ingest).
"""

# Sentence labels, in the order of the documents table's ratio_* columns.
LABELS: tuple[str, ...] = ("reported", "attributed", "speculative", "opinion", "filler", "boilerplate")

# Kinds of cue a sentence label can rest on (the sentences table's cues[].kind).
CUE_KINDS: tuple[str, ...] = ("hedge", "attribution", "quote", "opinion", "filler", "boilerplate")

# Document quality flags, independent of the score (thresholds in factsieve.score).
FLAGS: tuple[str, ...] = (
    "speculative_padding",
    "reader_filler",
    "boilerplate_heavy",
    "low_attribution",
    "duplicate",
    "short",
    "non_english",
    "no_sentences",
)

# Quality tiers, best first (cut points in factsieve.score.TIER_CUTS).
TIERS: tuple[str, ...] = ("high", "medium", "low")

# documents.format: what kind of input a document came from (ingest.read maps file suffixes to these).
FORMATS: tuple[str, ...] = (
    "text",
    "html",
    "jsonl",
    "json",
    "wet",
    "csv",
    "tsv",
    "parquet",
    "arrow",
    "feed",
    "sgml",
    "warc",
    "trec",
    "email",
    "newsxml",
)

# Reject reason codes: why an input record could not be used.
EMPTY = "empty"
BINARY = "binary"
UNDECODABLE = "undecodable"
MALFORMED_JSON = "malformed_json"
MALFORMED_RECORD = "malformed_record"
# A CSV/TSV row the parser cannot frame (a quote never closed) or with the wrong number of fields;
# a CSV/TSV file whose first row is data, not column names (factsieve.ingest.delimited).
MALFORMED_CSV = "malformed_csv"
NO_HEADER = "no_header"
# A Parquet file (or some of its rows) that pyarrow cannot read: truncated, damaged, not Parquet.
CORRUPT_FILE = "corrupt_file"
MISSING_TEXT = "missing_text"
# XML that is not a feed (its root element is named), or an .sgm file with no <REUTERS> element.
UNSUPPORTED_XML = "unsupported_xml"
# A feed whose DOCTYPE declares entities (billion laughs, external entities): never expanded, not read.
UNSAFE_XML = "unsafe_xml"
# A feed whose XML breaks (truncated, a byte its declared encoding cannot hold): line and column.
MALFORMED_XML = "malformed_xml"
# A Reuters-21578 element with no <BODY> (TYPE="BRIEF": a headline only).
NO_BODY = "no_body"
# A Gigaword <DOC> whose type is not "story": an advisory to editors, a bundle of briefs, a list.
NOT_A_STORY = "not_a_story"
TOO_LARGE = "too_large"
UNSUPPORTED_FORMAT = "unsupported_format"
NO_MAIN_TEXT = "no_main_text"
READ_ERROR = "read_error"
# Well-formed JSON that Python cannot hold: an integer of more than 4,300 digits (the
# interpreter's int-digits limit) or nesting deeper than its recursion limit.
INVALID_JSON_VALUE = "invalid_json_value"
# Refused by discovery, never read (factsieve.ingest.sources): a symbolic link whose target lies
# outside RAW or under /proc, /sys, /dev; a FIFO, socket or device.
OUTSIDE_RAW = "outside_raw"
SPECIAL_FILE = "special_file"
# A WARC response record whose HTTP status is not 200 (a 404, a redirect), or whose payload is not
# an HTML or plain-text page (an image, a PDF, an encoding that cannot be undone).
HTTP_STATUS = "http_status"
UNSUPPORTED_PAYLOAD = "unsupported_payload"
# A zip/tar member that is never read (factsieve.ingest.archives): a name with '..' or an absolute
# path, a link, a device; an encrypted member; an archive inside an archive inside an archive.
UNSAFE_MEMBER = "unsafe_member"
ENCRYPTED = "encrypted"
NESTED_ARCHIVE = "nested_archive"
# Decided after cleaning (factsieve.batch.pipeline): every line of the text was boilerplate.
ONLY_BOILERPLATE = "only_boilerplate"
# A later stage (reading, cleaning, segmentation, classification) raised on this record or file, or
# used more than its CPU-time budget on it (factsieve.batch.budget): the run goes on without it.
PROCESSING_ERROR = "processing_error"
PROCESSING_TIMEOUT = "processing_timeout"
REASON_CODES: tuple[str, ...] = (
    EMPTY,
    BINARY,
    UNDECODABLE,
    MALFORMED_JSON,
    MALFORMED_RECORD,
    MALFORMED_CSV,
    NO_HEADER,
    CORRUPT_FILE,
    MISSING_TEXT,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    NO_MAIN_TEXT,
    READ_ERROR,
    INVALID_JSON_VALUE,
    OUTSIDE_RAW,
    SPECIAL_FILE,
    ONLY_BOILERPLATE,
    UNSUPPORTED_XML,
    UNSAFE_XML,
    MALFORMED_XML,
    NO_BODY,
    NOT_A_STORY,
    HTTP_STATUS,
    UNSUPPORTED_PAYLOAD,
    UNSAFE_MEMBER,
    ENCRYPTED,
    NESTED_ARCHIVE,
    PROCESSING_ERROR,
    PROCESSING_TIMEOUT,
)
