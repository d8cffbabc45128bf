"""The tunable parameters of the stages, as frozen dataclasses with their defaults.

They live here, apart from the stages that use them, so that ``factsieve.config`` (which reads
them from TOML) imports only the standard library instead of the ingest, dedup and checks
modules. Stdlib only: keep it that way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


# factsieve.ingest.read
@dataclass(frozen=True, slots=True)
class IngestLimits:
    max_file_bytes: int = 64 * 1024 * 1024
    max_record_chars: int = 2_000_000
    min_text_chars: int = 1
    # A JSON record's text is read from this field ("maintext", or a dotted path into nested
    # objects: "fields.bodyText") instead of "text" and its aliases. "" = "text" and aliases.
    text_field: str = ""
    # A record's title is read from this field (a dotted path as for text_field) instead of "title"
    # and its alias "headline"; a record without it gets the title guessed from its text. "" = "title".
    title_field: str = ""
    # A gzip JSON Lines file streamed in parts (factsieve.ingest.parts.split_gzip_parts) may expand to
    # this many times its compressed size (at least max_file_bytes): news text compresses 3-5:1, a
    # decompression bomb 1000:1. The parts are spooled under output/_staging while the run reads them.
    max_gzip_ratio: int = 100
    # Globs of inputs and archive members left out, on the path relative to RAW or the member name
    # (factsieve.ingest.exclude; `factsieve run --exclude`). Counted as passed over, not read.
    exclude: tuple[str, ...] = ()


# factsieve.dedup
@dataclass(frozen=True)
class DedupParams:
    shingle_size: int = 5  # words per shingle
    num_perm: int = 64  # MinHash permutations (only bands*rows of them are used for LSH)
    bands: int = 21
    rows: int = 3  # P(candidate) = 1-(1-J^3)^21: 0.994 at J=0.6, 0.9998 at J=0.7
    threshold: float = 0.7  # exact Jaccard of shingle sets needed to call a pair near-duplicate
    min_words: int = 20  # below this many normalised words: exact match only
    seed: int = 1
    batch_size: int = 2048  # docs per featurization batch (memory bound, not a result parameter)
    workers: int = 1  # featurization threads; 2 measured slower on this 2-core VM (docs/BENCHMARKS.md)
    # an LSH bucket of more than max_bucket_pairs + 1 documents pairs each member with 2 anchors only
    max_bucket_pairs: int = 64
    # story level (docs/DEDUP.md "Stories"): documents sharing a source text
    story_containment: float = 0.5  # shared shingles / shingles of the shorter text
    # shared word 5-grams (~44 words): two briefs sharing a boilerplate paragraph are not a story
    story_min_shared: int = 40
    sample_bits: int = 3  # a shingle is a containment sample when its low sample_bits bits are 0 (1 in 8)
    story_min_samples: int = 2  # shared samples a pair needs to be a containment candidate
    story_max_key_docs: int = 64  # a sample shared by more documents is boilerplate: not a candidate source
    # templated texts (weekly statistics, issue notices): when two documents share at least
    # story_min_figures figure slots (the words around a figure), a story link also needs the same
    # figure in story_figure_share of them (a rewrite keeps its figures; the next issue changes them).
    # 0.8, not 0.5: two records of one template agree on small figures (a date, a one-digit percent)
    # by chance, and with n records there are ~n^2/2 chances: at 0.5 a 70-word market brief formed
    # 1,921 false story links at 30k records (docs/DEDUP.md "Templated texts")
    story_min_figures: int = 3
    story_figure_share: float = 0.8

    def validate(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be >= 1")
        if self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm:
            raise ValueError(f"need bands*rows <= num_perm, got {self.bands}*{self.rows} > {self.num_perm}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.min_words < self.shingle_size:
            raise ValueError("min_words must be >= shingle_size")
        if not 0.0 < self.story_containment <= 1.0:
            raise ValueError("story_containment must be in (0, 1]")
        if self.story_min_shared < 1 or self.story_min_samples < 1 or not 0 <= self.sample_bits <= 16:
            raise ValueError("story_min_shared and story_min_samples must be >= 1, sample_bits in 0..16")
        if self.story_min_figures < 1 or not 0.0 <= self.story_figure_share <= 1.0:
            raise ValueError("story_min_figures must be >= 1, story_figure_share in [0, 1]")

    def result_params(self) -> dict:
        """Parameters that change results; a state directory is only valid for the same values."""
        d = asdict(self)
        for k in ("batch_size", "workers"):
            d.pop(k)
        return d

    def key(self) -> tuple:
        """Hashable form of result_params(), stored in Features to check they match."""
        return tuple(sorted(self.result_params().items()))


# the story-level params: a dedup state written before they existed is upgraded on load
STORY_PARAMS = (
    "story_containment",
    "story_min_shared",
    "sample_bits",
    "story_min_samples",
    "story_max_key_docs",
)
# added later: a state written before them is read with them (its documents carry no figures)
FIGURE_PARAMS = ("story_min_figures", "story_figure_share")


# factsieve.output.checks
# Shares of all sentences of the run. Wide on purpose: a warning should mean "look at this run",
# not "this corpus has a lot of quotes". Tune per corpus with GxBounds(label_share_bounds=...).
DEFAULT_LABEL_SHARES: dict[str, tuple[float, float]] = {
    "reported": (0.0, 1.0),
    "attributed": (0.0, 1.0),
    "speculative": (0.0, 0.25),
    "opinion": (0.0, 0.40),
    "filler": (0.0, 0.15),
    "boilerplate": (0.0, 0.25),
}


@dataclass(frozen=True)
class GxBounds:
    """Thresholds of the warning expectations (critical ones are fixed by the schemas).

    Rates are computed from the run's frames: reject_rate = rejects / (documents + rejects);
    duplicate_rate = non-canonical documents / documents; label shares = sentences with the
    label / all sentences; supported_share = reported + attributed share.
    """

    max_reject_rate: float = 0.50
    max_duplicate_rate: float = 0.50
    label_share_bounds: dict[str, tuple[float, float]] = field(
        default_factory=lambda: dict(DEFAULT_LABEL_SHARES)
    )
    min_supported_share: float = 0.30
    min_mean_quality: float = 0.30
    max_low_tier_share: float = 0.60
    # A run that read records but kept fewer documents than this fails (critical).
    min_documents: int = 1
    # Not a bound: GX validation results (and their Data Docs pages) of only this many most
    # recent runs are kept under <out>/reports/gx; older ones are deleted after each run.
    # GX's Data Docs index loads every stored result, so without a limit each run's GX step
    # grows with the number of earlier runs (measured: ~14 ms and ~0.43 MB per stored run).
    keep_runs: int = 20
