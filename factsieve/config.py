"""Run configuration with embedded defaults: `factsieve run` needs no config file.

Every default can be overridden from a TOML file (`factsieve run --config FILE`):

    batch_bytes = 4194304          # top-level keys: RunConfig fields

    [limits]                       # factsieve.params.IngestLimits
    max_file_bytes = 134217728
    text_field = "maintext"        # JSON records' text field (also `factsieve run --text-field`)
    title_field = "headline_main"  # and their title field (also `factsieve run --title-field`)
    max_gzip_ratio = 100           # a streamed .jsonl.gz may expand to 100x its size
    exclude = ["drafts", "*.md"]   # inputs and archive members left out (also `factsieve run --exclude`)

    [dedup]                        # factsieve.params.DedupParams
    threshold = 0.8

    [gx]                           # factsieve.params.GxBounds
    max_reject_rate = 0.2
    label_share_bounds = { speculative = [0.0, 0.1] }

Unknown keys are an error (a typo must not silently fall back to a default), and every value
is checked for its type and range on load (``RunConfig.validate``): a bad value is a one-line
``ConfigError`` naming the key, which `factsieve run` reports with exit code 2.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from factsieve.params import DedupParams, GxBounds, IngestLimits
from factsieve.vocabulary import LABELS


class ConfigError(ValueError):
    """The configuration file is unreadable, names unknown settings or holds a bad value."""


# Inclusive (low, high) bounds of every numeric setting, by section ("" = top level). A value
# outside them does not just run badly: batch_bytes <= 0 made JSONL splitting loop forever.
# Types come from the defaults: an int setting takes only an int (not "8MB", not 1.5, not true),
# a float setting an int or a float.
_UNIT = (0.0, 1.0)
_RANGES: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "": {"batch_bytes": (1, None), "batch_files": (1, None), "workers": (0, 1024)},
    "limits": {
        "max_file_bytes": (1, None),
        "max_record_chars": (1, None),
        "min_text_chars": (0, None),
        "max_gzip_ratio": (1, None),
    },
    "dedup": {
        "shingle_size": (1, 64),
        "num_perm": (1, 4096),
        "bands": (1, None),
        "rows": (1, None),
        "threshold": _UNIT,
        "min_words": (1, None),
        "seed": (0, 2**32 - 1),
        "batch_size": (1, None),
        "workers": (1, 1024),
        "max_bucket_pairs": (1, None),
    },
    "gx": {
        "max_reject_rate": _UNIT,
        "max_duplicate_rate": _UNIT,
        "min_supported_share": _UNIT,
        "min_mean_quality": _UNIT,
        "max_low_tier_share": _UNIT,
        "min_documents": (0, None),
        "keep_runs": (1, None),
    },
}


def _name(section: str, key: str) -> str:
    return f"[{section}] {key}" if section else key


def _check_number(section: str, key: str, value: object, default: object) -> None:
    low, high = _RANGES[section][key]
    kind = "an integer" if isinstance(default, int) else "a number"
    ok_type = isinstance(value, int) if isinstance(default, int) else isinstance(value, int | float)
    if not ok_type or isinstance(value, bool) or value != value:  # value != value: NaN
        raise ConfigError(f"{_name(section, key)} must be {kind}, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f">= {low}" if high is None else f"between {low} and {high}"
        raise ConfigError(f"{_name(section, key)} must be {bounds}, got {value!r}")


def _check_label_shares(bounds: object) -> None:
    if not isinstance(bounds, dict):
        raise ConfigError(f"[gx] label_share_bounds must be a table, got {bounds!r}")
    for label, pair in bounds.items():
        where = f"[gx] label_share_bounds.{label}"
        if label not in LABELS:
            raise ConfigError(f"{where}: unknown label; known: {', '.join(LABELS)}")
        if (
            not isinstance(pair, tuple | list)
            or len(pair) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pair)
            or not 0.0 <= pair[0] <= pair[1] <= 1.0
        ):
            raise ConfigError(f"{where} must be [low, high] with 0 <= low <= high <= 1, got {pair!r}")


@dataclass(frozen=True)
class RunConfig:
    # A batch is the unit of parallel work: about this many input bytes or files,
    # whichever comes first. Memory per worker is bounded by it, not by the corpus.
    batch_bytes: int = 8 * 1024 * 1024
    batch_files: int = 2000
    # Worker processes for the batch stage (factsieve.batch.workers); 0 = one per core, 1 = inline.
    workers: int = 0
    # A model written by `factsieve train`: it overrules the rules on its task (factsieve.classify.model.overrule).
    model: str | None = None
    limits: IngestLimits = field(default_factory=IngestLimits)
    dedup: DedupParams = field(default_factory=DedupParams)
    gx: GxBounds = field(default_factory=GxBounds)

    @classmethod
    def from_toml(cls, path: str | Path) -> RunConfig:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file '{path}' does not exist") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file '{path}' is not valid TOML: {exc}") from None
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: dict, source: str = "config") -> RunConfig:
        nested = {"limits": IngestLimits, "dedup": DedupParams, "gx": GxBounds}
        base = cls()
        top: dict = {}
        for key, value in data.items():
            if key in nested:
                if not isinstance(value, dict):
                    raise ConfigError(f"{source}: [{key}] must be a table")
                top[key] = _merge(getattr(base, key), value, source, key)
            elif key in {f.name for f in fields(cls)}:
                top[key] = value
            else:
                raise ConfigError(f"{source}: unknown setting '{key}'")
        cfg = replace(base, **top)
        cfg.validate(source)
        return cfg

    def validate(self, source: str = "config") -> None:
        """Raise ConfigError naming the first setting whose type or range is wrong."""
        defaults = RunConfig()
        try:
            for section, keys in _RANGES.items():
                obj, ref = (
                    (self, defaults) if not section else (getattr(self, section), getattr(defaults, section))
                )
                for key in keys:
                    _check_number(section, key, getattr(obj, key), getattr(ref, key))
            _check_label_shares(self.gx.label_share_bounds)
            for key in ("text_field", "title_field"):
                if not isinstance(getattr(self.limits, key), str):
                    raise ConfigError(
                        f"[limits] {key} must be a field name (a string), got {getattr(self.limits, key)!r}"
                    )
            patterns = self.limits.exclude
            if not isinstance(patterns, tuple) or not all(
                isinstance(p, str) and p.removeprefix("./").strip("/*") for p in patterns
            ):
                raise ConfigError(
                    f"[limits] exclude must be a list of globs that each leave out some files, got {patterns!r}"
                )
            if self.model is not None and not isinstance(self.model, str):
                raise ConfigError(f"model must be a file path (a string), got {self.model!r}")
            try:
                self.dedup.validate()
            except ValueError as exc:
                raise ConfigError(f"[dedup] {exc}") from None
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None


def _merge(default, values: dict, source: str, section: str):
    where = f"{source} [{section}]"
    known = {f.name for f in fields(default)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    if "label_share_bounds" in values:
        given = values["label_share_bounds"]
        try:
            _check_label_shares(given)
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None
        merged = dict(default.label_share_bounds)
        merged.update({k: tuple(v) for k, v in given.items()})
        values = {**values, "label_share_bounds": merged}
    if isinstance(values.get("exclude"), list):  # TOML's array; the settings hold a tuple
        values = {**values, "exclude": tuple(values["exclude"])}
    return replace(default, **values)
