"""Run configuration with embedded defaults: `factsieve run` needs no config file.

Every default can be overridden from a TOML file (`factsieve run --config FILE`):

    batch_bytes = 4194304          # top-level keys: RunConfig fields

    [limits]                       # factsieve.params.IngestLimits
    max_file_bytes = 134217728

    [dedup]                        # factsieve.params.DedupParams
    threshold = 0.8

    [gx]                           # factsieve.params.GxBounds
    max_reject_rate = 0.2
    label_share_bounds = { speculative = [0.0, 0.1] }

Unknown keys are an error (a typo must not silently fall back to a default).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from factsieve.params import DedupParams, GxBounds, IngestLimits


class ConfigError(ValueError):
    """The configuration file is unreadable or names unknown settings."""


@dataclass(frozen=True)
class RunConfig:
    # A batch is the unit of parallel work: about this many input bytes or files,
    # whichever comes first. Memory per worker is bounded by it, not by the corpus.
    batch_bytes: int = 8 * 1024 * 1024
    batch_files: int = 2000
    # Worker processes for the batch stage (factsieve.batch.workers); 0 = one per core, 1 = inline.
    workers: int = 0
    # A model written by `factsieve train`: it overrules the rules on its task (factsieve.model.overrule).
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
                top[key] = _merge(getattr(base, key), value, f"{source} [{key}]")
            elif key in {f.name for f in fields(cls)}:
                top[key] = value
            else:
                raise ConfigError(f"{source}: unknown setting '{key}'")
        cfg = replace(base, **top)
        cfg.dedup.validate()
        return cfg


def _merge(default, values: dict, where: str):
    known = {f.name for f in fields(default)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    if "label_share_bounds" in values:
        merged = dict(default.label_share_bounds)
        merged.update({k: tuple(v) for k, v in values["label_share_bounds"].items()})
        values = {**values, "label_share_bounds": merged}
    return replace(default, **values)
