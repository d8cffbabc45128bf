"""Prefect artifacts of a curate run: a markdown summary, a table of counts, a link to the report.

Keys are fixed (lowercase-dash), so the Prefect UI shows each one's history across runs.
Artifacts are a convenience: a failure to create one is logged, never fails the run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prefect import get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

SUMMARY_KEY = "factsieve-run-summary"
COUNTS_KEY = "factsieve-run-counts"
REPORT_KEY = "factsieve-run-report"


def _logger():
    try:
        return get_run_logger()
    except Exception:  # noqa: BLE001 - outside a run context
        import logging

        return logging.getLogger(__name__)


def _md_escape(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def _gx_results(summary: dict) -> list[dict]:
    detail = summary.get("gx_detail", summary.get("gx_results"))
    if isinstance(detail, str):
        try:
            detail = json.loads(detail)
        except ValueError:
            return []
    return [r for r in detail or [] if isinstance(r, dict)]


def summary_markdown(summary: dict, report_path: Path | None) -> str:
    """The markdown artifact: outcome, in/out, rejects, duplicates, labels, GX problems."""
    labels = summary.get("labels") or {}
    reasons = summary.get("reject_reasons") or {}
    gx_status = summary.get("gx_status", "skipped")
    problems = [r for r in _gx_results(summary) if not r.get("success")]
    lines = [
        f"# factsieve run `{summary.get('run_id')}`: **{summary.get('status')}**",
        "",
        f"- Great Expectations: **{gx_status}** ({len(problems)} expectation(s) not met)",
        f"- In: {summary.get('input_files', 0)} files, {summary.get('input_records', 0)} records from `{summary.get('raw')}`",
        f"- Out: {summary.get('documents', 0)} documents ({summary.get('canonical_documents', 0)} canonical), "
        f"{summary.get('sentences', 0)} sentences",
        f"- Rejected: {summary.get('rejects', 0)}"
        + (": " + ", ".join(f"{k} {v}" for k, v in reasons.items()) if reasons else ""),
        f"- Duplicates: {summary.get('exact_duplicates', 0)} exact, {summary.get('near_duplicates', 0)} near",
        "- Labels: " + (", ".join(f"{k} {v}" for k, v in labels.items()) or "none"),
    ]
    if report_path is not None:
        lines.append(f"- Report: `{report_path}`")
    if problems:
        lines += ["", "| table | expectation | severity | reason |", "|---|---|---|---|"]
        lines += [
            f"| {_md_escape(r.get('table'))} | `{_md_escape(r.get('expectation'))}` | {_md_escape(r.get('severity'))} "
            f"| {_md_escape(r.get('reason'))} |"
            for r in problems
        ]
    return "\n".join(lines) + "\n"


def counts_table(summary: dict) -> list[dict[str, Any]]:
    """The table artifact: one row per count (stage counts, rejects per reason, labels)."""
    rows: list[dict[str, Any]] = []
    for key in (
        "input_files",
        "input_records",
        "documents",
        "canonical_documents",
        "sentences",
        "rejects",
        "exact_duplicates",
        "near_duplicates",
    ):
        if key in summary:
            rows.append({"group": "stage", "name": key, "value": summary[key]})
    rows += [
        {"group": "reject_reason", "name": k, "value": v}
        for k, v in (summary.get("reject_reasons") or {}).items()
    ]
    rows += [{"group": "label", "name": k, "value": v} for k, v in (summary.get("labels") or {}).items()]
    rows += [{"group": "seconds", "name": k, "value": v} for k, v in (summary.get("seconds") or {}).items()]
    return rows


def publish_artifacts(summary: dict, report_path: Path | None) -> None:
    """Create the run's artifacts (call inside the flow run, after the report is built)."""
    log = _logger()
    run_id = summary.get("run_id")
    try:
        create_markdown_artifact(
            summary_markdown(summary, report_path),
            key=SUMMARY_KEY,
            description=f"factsieve run {run_id}: outcome and counts",
        )
        create_table_artifact(
            counts_table(summary), key=COUNTS_KEY, description=f"factsieve run {run_id}: counts per stage"
        )
        if report_path is not None:
            create_link_artifact(
                Path(report_path).resolve().as_uri(),
                link_text=f"data-quality report of run {run_id}",
                key=REPORT_KEY,
                description="Self-contained HTML report (opens offline)",
            )
    except Exception as exc:  # noqa: BLE001 - artifacts must not fail a run whose data is published
        log.warning("could not create Prefect artifacts for run %s: %s", run_id, exc)
