"""Render docs/DATA_DICTIONARY.md from the pandera models (`factsieve dictionary`)."""

from __future__ import annotations

import schemas


def _checks(col) -> str:
    parts = []
    if col.unique:
        parts.append("unique")
    for check in col.checks:
        stats = {k: v for k, v in (check.statistics or {}).items() if v is not None}
        if check.name == "isin":
            parts.append("one of " + ", ".join(f"`{v}`" for v in stats.get("allowed_values", [])))
        elif check.name in ("greater_than_or_equal_to", "less_than_or_equal_to"):
            op = ">=" if check.name.startswith("greater") else "<="
            parts.append(f"{op} {next(iter(stats.values()))}")
        elif check.name == "str_length":
            parts.append("length " + ", ".join(f"{k.split('_')[0]} {v}" for k, v in stats.items()))
        else:
            parts.append(check.name)
    return "; ".join(parts)


def render() -> str:
    out = [
        "# Data dictionary",
        "",
        "Generated from the pandera models in `schemas/` by `factsieve dictionary`; a test fails when this",
        f"file is out of date. Schema version **{schemas.SCHEMA_VERSION}** (also stored in each Parquet file's",
        "key-value metadata as `factsieve.schema_version`). Types are Arrow types.",
        "",
    ]
    for name, model in schemas.TABLES.items():
        schema = model.to_schema()
        arrow = schemas.arrow_schema(name)
        out += [
            f"## {name}",
            "",
            (model.__doc__ or "").strip(),
            "",
            f"Folder: `output/{name}/`, one `part-<run_id>.parquet` per run.",
            "",
        ]
        out += ["| column | type | nullable | checks | description |", "|---|---|---|---|---|"]
        for col_name, col in schema.columns.items():
            desc = (col.description or "").replace("|", "\\|")
            out.append(
                f"| `{col_name}` | `{arrow.field(col_name).type}` | {'yes' if col.nullable else 'no'} | {_checks(col)} | {desc} |"
            )
        table_checks = [c for c in schema.checks]
        if table_checks or schema.unique:
            out += ["", "Table checks:"]
            if schema.unique:
                out.append(f"- unique together: {', '.join(f'`{c}`' for c in schema.unique)}")
            for c in table_checks:
                out.append(f"- {c.description or c.name}")
        out.append("")
    return "\n".join(out)
