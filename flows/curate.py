"""The curate flow: raw files in, validated Parquet tables and a report out.

Thin orchestration over the domain package: each task calls one plain function in
``factsieve``. Per-batch stages are mapped over the task runner (threads by default,
processes with ``runner="process"``); whole-run stages (dedup, scoring, validation,
publishing) run once.
"""

from __future__ import annotations

import errno
import os
import posixpath
import secrets
import shutil
import time
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from factsieve import dedup, heap
from factsieve.batch import pipeline, staged, workers
from factsieve.config import RunConfig
from factsieve.dedup.state import check_settings as check_dedup_settings
from factsieve.ingest import exclude, manifest
from factsieve.ingest.parts import split_gzip_parts, split_parts
from factsieve.ingest.read import IngestLimits
from factsieve.ingest.sources import InputFile, discover
from factsieve.output import assemble, gx_process, latest, publish, tables
from factsieve.output import checks as quality_checks
from factsieve.output import report as run_report
from factsieve.runstats import RunStats
from flows import progress
from flows.artifacts import publish_artifacts


def new_run_id(now: datetime) -> str:
    """Sortable by start time; the suffix keeps two runs in one second apart."""
    return f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(3)}"


# Transient I/O (a network filesystem hiccup, an object store timeout) is retried with
# backoff; errors that will not go away on their own (missing file, permissions) are not.
_PERMANENT_IO = (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)
RETRY_DELAYS = [1, 5, 20]


# A full disk, an exceeded quota or a read-only mount do not clear up in 26 s of retries.
_PERMANENT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


def transient_io_error(task, task_run, state) -> bool:
    try:
        state.result()
    except _PERMANENT_IO:
        return False
    except (OSError, TimeoutError) as exc:
        return getattr(exc, "errno", None) not in _PERMANENT_ERRNOS
    except Exception:
        return False
    return False


@task(
    name="discover",
    retries=3,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=transient_io_error,
    cache_policy=NO_CACHE,
)
def discover_inputs(raw: str, out: Path, patterns: tuple[str, ...] = ()) -> tuple[list[InputFile], dict]:
    """The inputs under RAW (an output folder inside RAW is not its input), without those the run
    leaves out (``--exclude``, a corpus's README and licence files: factsieve.ingest.exclude), and
    the count of those by kind, hidden files and folders included: passed over, not read, but shown."""
    hidden: Counter[str] = Counter()
    files = discover(raw, skip=(out,), passed_over=hidden)
    raw_is_file = (
        os.path.isfile(raw)
        if "://" not in str(raw)
        else len(files) == 1 and files[0].rel == posixpath.basename(str(raw).rstrip("/"))
    )
    kept, left_out = exclude.split(files, patterns, raw_is_file)
    return kept, dict(left_out + hidden)


@task(
    name="plan-parts",
    retries=3,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=transient_io_error,
    cache_policy=NO_CACHE,
)
def plan_parts(
    files: list[InputFile], target_bytes: int, limits: IngestLimits, spool: Path
) -> list[InputFile]:
    """Large UTF-8 JSONL files as parts of about a batch each (factsieve.ingest.parts.split_parts);
    large gzip JSONL files likewise, decompressed part by part into ``spool``
    (factsieve.ingest.parts.split_gzip_parts)."""
    return [
        part
        for f in files
        for whole in split_gzip_parts(f, target_bytes, limits, spool)
        for part in split_parts(whole, target_bytes, limits.max_record_chars)
    ]


@task(
    name="ingest-clean-segment-classify",
    retries=3,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=transient_io_error,
    cache_policy=NO_CACHE,
)
def run_batch(
    batch: list[InputFile],
    run_id: str,
    ingested_at: pd.Timestamp,
    limits: IngestLimits,
    params: dedup.DedupParams,
    pool: str | None = None,
    model: str | None = None,
    stage: tuple[Path, int] | None = None,
) -> staged.StagedBatch | tuple[pipeline.BatchResult, dedup.Features]:
    """Everything per document: ingest to labels, pandera on the batch's sentences and
    rejects, and the dedup features — on a worker process of ``pool`` when there is one.
    With ``stage`` = (the run's staging folder, batch index) the worker also writes the batch's
    Parquet parts there and returns a ``StagedBatch`` (factsieve.batch.staged); without it (task
    runners whose tasks may run on another machine) the batch itself comes back."""
    if stage is None:
        return pipeline.run_batch(batch, run_id, ingested_at, limits, params, model_path=model)
    return workers.run(
        pool, staged.run_and_stage, *stage, batch, run_id, ingested_at, limits, params, model_path=model
    )


def dedup_input(docs: pd.DataFrame) -> pd.DataFrame:
    """What deduplication needs of each document: its id and the canonical rule's columns (the
    quality score as the batch's worker computed it). Built before the dedup task, not in it: a
    task's arguments stay referenced while it runs, and the light columns would sit under dedup's peak."""
    return pd.DataFrame(
        {
            "doc_id": docs["doc_id"].astype(str).to_numpy(),
            "quality_score": docs["quality_score"].to_numpy(dtype="float64"),
            # Kept a datetime column: ``to_numpy()`` made an object array of Timestamps that dedup
            # parsed back one by one (~6 CPU-s of a million-document run's serial dedup stage).
            "published_at": pd.to_datetime(docs["published_at"], utc=True).array,
        }
    )


@task(name="deduplicate", cache_policy=NO_CACHE)
def deduplicate(
    frame: pd.DataFrame,
    features: list[dedup.Features],
    params: dedup.DedupParams,
    state_in: Path | None,
    state_out: Path,
) -> dedup.DedupResult:
    return dedup.deduplicate(frame, params, state_in=state_in, state_out=state_out, features=features)


@task(name="validate", cache_policy=NO_CACHE)
def validate_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: tables.conform(df, name) for name, df in frames.items()}


@task(
    name="publish",
    retries=3,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=transient_io_error,
    cache_policy=NO_CACHE,
)
def publish_tables(
    out: Path,
    run_id: str,
    frames: dict[str, pd.DataFrame | Path],
    state: Path | None,
    state_tables: dict,
    build_latest=None,
) -> dict[str, str]:
    arrow = {name: df if isinstance(df, Path) else tables.to_arrow(df, name) for name, df in frames.items()}
    paths = publish.publish(out, run_id, arrow, state, state_tables, build_latest)
    return {k: str(v) for k, v in paths.items()}


@task(name="great-expectations", cache_policy=NO_CACHE)
def check_expectations(
    frames: dict[str, pd.DataFrame],
    out: Path,
    run_id: str,
    bounds: quality_checks.GxBounds,
    kept_documents: int = 0,
) -> quality_checks.GxOutcome:
    # On the checker process the CLI started, when there is one (factsieve.output.gx_process).
    return gx_process.run_checks(frames, out, run_id, bounds, kept_documents)


@task(name="report", cache_policy=NO_CACHE)
def build_report(out: Path, run_id: str) -> Path | None:
    try:
        return run_report.build_report(out, run_id)
    except Exception as exc:  # the data is published; a report problem must not fail the run
        get_run_logger().warning("report not built: %s", exc)
        return None


def group_batches(files: list[InputFile], target_bytes: int, max_files: int) -> list[list[InputFile]]:
    """Group files (and parts of files) into batches of at most target_bytes or max_files, in
    discovery order; a larger file that could not be split is a batch of its own."""
    batches: list[list[InputFile]] = []
    cur: list[InputFile] = []
    size = 0
    for f in files:
        if cur and (size + f.size > target_bytes or len(cur) >= max_files):
            batches.append(cur)
            cur, size = [], 0
        cur.append(f)
        size += f.size
    if cur:
        batches.append(cur)
    return batches


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return (
        df.sort_values(keys, kind="stable").reset_index(drop=True) if len(df) else df.reset_index(drop=True)
    )


_pandera_warm = False


def warm_pandera() -> None:
    """``tables.warm_up`` once per process: the CLI does it while a temporary server starts
    (flows.cli), and a second call still validates five empty frames (~0.05-0.09 CPU-s) on the
    run's critical path."""
    global _pandera_warm
    if not _pandera_warm:
        tables.warm_up()
        _pandera_warm = True


# Batches in flight are bounded by the workers: an unbounded thread pool would start every
# batch at once and hold all their intermediate frames (measured: 4.2 GB at 220k documents).
CORES = os.cpu_count() or 1


@flow(
    name="curate",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=CORES),
)
def curate(  # noqa: PLR0915 — the flow reads top to bottom, one task call after another; the work is in factsieve/
    raw: str = "raw",
    out: str = "output",
    config: RunConfig | None = None,
    incremental: bool = True,
    use_pool: bool = True,
    command_started: float | None = None,
) -> dict:
    """Run every stage over the new inputs under RAW and publish the tables under OUT.

    With ``incremental`` (the default) files processed by an earlier committed run,
    unchanged by their stat identity or, after a hash, by content (factsieve.ingest.manifest),
    are skipped; a run with nothing new writes
    nothing and says so. With ``use_pool`` (the default) the batch stage runs on a pool of
    ``config.workers`` processes (factsieve.batch.workers); the process and Dask task runners
    pass False, their tasks already run in other processes. ``command_started`` is the UNIX time
    the calling command's process started (the CLI passes it): the run's ``startup`` stage and
    ``command_seconds`` count from there; without it (a deployment run) from the flow's start.
    Returns the run summary.
    """
    cfg = config or RunConfig()
    logger = get_run_logger()
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    ingested_at = pd.Timestamp(started)
    out_path = Path(out)
    params = {"raw": str(raw), "out": str(out_path), "incremental": incremental, **asdict(cfg)}
    stats = RunStats(run_id, started, str(raw), params, command_started)
    track = progress.current()  # the CLI's live progress (flows/progress.py); silent otherwise

    def lap(stage: str) -> None:
        stats.lap(stage)
        track.stage_done(stage, stats.stage(stage).seconds)
        # Each stage starts on a heap without the previous stage's free holes: a million-document
        # run's next stage would otherwise stack its peak on them (factsieve/heap.py).
        heap.trim()

    with publish.output_lock(out_path):
        rec = publish.recover(out_path)
        if rec.removed_staging or rec.removed_parts:
            logger.warning(
                "recovered from an interrupted run: removed staging %s and uncommitted parts %s",
                rec.removed_staging,
                rec.removed_parts,
            )
        repaired = latest.ensure(out_path)
        if repaired != "ok":
            logger.warning("the latest view was out of step with the committed runs: %s", repaired)
        # Settings the folder's dedup state cannot take: refused before any work, not in dedup.
        check_dedup_settings(publish.latest_dedup_state(out_path), cfg.dedup)
        files, left_out = discover_inputs(raw, out_path, cfg.limits.exclude)
        # Loaded even with incremental=False: reprocessing still replaces the live rows it redoes.
        previous = manifest.load(out_path, publish.committed_run_ids(out_path))
        plan = manifest.plan(
            files,
            previous,
            manifest.in_scope(raw),
            reprocess=not incremental,
            settings=cfg.limits,
            unread=latest.unread_inputs(out_path),
            rejected=latest.rejected_inputs(out_path, manifest.READER_REJECTS),
        )
        todo = plan.to_process
        lap("discover")
        stats.stage("discover").counts = {
            "files": len(files),
            "new": len(plan.new),
            "changed": len(plan.changed),
            "unchanged": len(plan.unchanged),
            "removed": len(plan.removed),
            "settings_changed": plan.settings_changed,
        }
        logger.info(
            "run %s: %d input files under %s, %d new, %d changed (%d by the ingest settings), "
            "%d unchanged, %d removed",
            run_id,
            len(files),
            raw,
            len(plan.new),
            len(plan.changed),
            plan.settings_changed,
            len(plan.unchanged),
            len(plan.removed),
        )
        base = {
            "run_id": run_id,
            "raw": str(raw),
            "out": str(out_path),
            "input_files": len(files),
            "new_files": len(plan.new),
            "changed_files": len(plan.changed),
            "settings_changed_files": plan.settings_changed,
            "unchanged_files": len(plan.unchanged),
            "removed_files": len(plan.removed),
            "left_out_files": left_out,  # passed over by --exclude or as a corpus README/licence
        }
        if not todo and not plan.removed:
            return {**base, "status": "unchanged", "seconds": stats.rounded()}
        # The live documents this run removes or may replace: their inputs are gone or reprocessed.
        before = latest.live_documents(out_path, {*plan.removed, *(f.uri for f in plan.changed)})

        # gzip JSONL parts are spooled in the run's staging area: removed after the batch stage, and
        # by the next run's recovery when this one dies.
        spool = publish.staging_dir(out_path, run_id) / "gunzip"
        parts = plan_parts(todo, cfg.batch_bytes, cfg.limits, spool)
        batches = group_batches(parts, cfg.batch_bytes, cfg.batch_files)
        # Record keys of split files' parts, kept until the file's last batch is consumed.
        last_batch = {f.uri: i for i, batch in enumerate(batches) for f in batch if f.is_part}
        part_keys: dict[str, set[str]] = {}
        model_changes = 0
        stage = publish.staging_dir(out_path, run_id)
        asm = assemble.RunAssembler(stage, run_id, total_bytes=sum(f.size for f in parts))
        asm.passed_over.update(left_out)  # inputs left out at discovery: counted with the members
        # Worker processes only where they pay: a run of one batch does its work inline.
        n_workers = max(1, min(cfg.workers or CORES, len(batches))) if use_pool else 1
        if n_workers <= 1:
            # pandera's first validation imports ~110 modules: do it here, not racing Prefect's
            # threads from inside the batch task (measured: 0.2 s alone, 1.3-3 s in the race).
            warm_pandera()
        track.begin_batches(len(batches), len(todo), sum(f.size for f in parts))
        files_done = bytes_done = 0
        with workers.batch_pool(n_workers) as pool:
            futures = run_batch.map(
                batches,
                run_id=run_id,
                ingested_at=ingested_at,
                limits=cfg.limits,
                params=cfg.dedup,
                pool=unmapped(pool),
                model=cfg.model,
                # The thread runner's tasks run here, their workers on this machine: they stage
                # their own parts. Other runners' tasks may run elsewhere: their batches come back.
                stage=[(stage, i) for i in range(len(batches))] if use_pool else None,
            )
            if n_workers > 1:
                # This process mostly waits while the workers run: warm pandera up and import GX
                # meanwhile (not while a batch runs in this process: importing threads race).
                warm_pandera()
                gx_process.preload_in_background()
            # Consumed in batch order whatever order they finish in: the files come out the
            # same with any runner. Each result is dropped once staged, bounding memory.
            for i, batch in enumerate(batches):
                done = staged.as_staged(futures[i].result(), stage, i)
                futures[i] = None
                if pipeline.key_clashes(done, part_keys):
                    # A record id repeated across parts of a file: redo this batch knowing the
                    # earlier parts' keys, as reading the file whole would (rare; inline).
                    taken = {uri: part_keys[uri] for uri in done.part_keys if uri in part_keys}
                    logger.info("batch %d reuses record ids of earlier parts: re-read with them", i)
                    done = staged.run_and_stage(
                        stage, i, batch, run_id, ingested_at, cfg.limits, cfg.dedup, taken, cfg.model
                    )
                model_changes += done.model_changes
                for uri, keys in done.part_keys.items():
                    part_keys.setdefault(uri, set()).update(keys)
                    if last_batch[uri] == i:
                        del part_keys[uri]
                asm.add(done, batch_bytes=sum(f.size for f in batch))
                del done
                publish.crash_point("batch-staged")
                # A split file counts as done with its last part.
                files_done += sum(1 for f in batch if not f.is_part or last_batch[f.uri] == i)
                bytes_done += sum(f.size for f in batch)
                track.batch_done(files_done, asm.input_records, asm.documents, bytes_done)
        asm.close_batches()
        rejects = asm.rejects_frame()
        if asm.input_records != asm.documents + len(rejects):
            raise RuntimeError(
                f"accounting broken: {asm.input_records} records in, {asm.documents} documents + "
                f"{len(rejects)} rejects out"
            )
        shutil.rmtree(spool, ignore_errors=True)  # every part is read
        lap("ingest_clean_segment_classify")
        publish.crash_point("processed")

        state_out = stage / "dedup_state"
        light = asm.light_documents()
        state_in = publish.latest_dedup_state(out_path)
        # Duplicates are judged among live documents: what this run removes or replaces is forgotten
        # (an edit is not a duplicate of its old version, a rename not one of its old name).
        gone = set(before["doc_id"]) - set(light["doc_id"].astype(str)) if len(before) else set()
        if gone and state_in is not None:
            dedup.forget(state_in, gone, stage / "dedup_live", cfg.dedup)
            state_in = stage / "dedup_live"
        frame = dedup_input(light)
        del light
        asm.spill()  # until finish_documents: off the memory deduplication peaks on
        dd = deduplicate(frame, asm.features, cfg.dedup, state_in, state_out)
        del frame
        shutil.rmtree(stage / "dedup_live", ignore_errors=True)
        asm.features = []
        shutil.rmtree(stage / "dedup-features", ignore_errors=True)
        lap("dedup")

        documents_path, documents = asm.finish_documents(dd.assignments)
        changed = latest.changes(
            before, latest.written_keys(documents_path, set(before["source_uri"])), plan.reasons
        )
        duplicates = _sorted(dd.duplicates.assign(run_id=run_id), ["level", "cluster_id", "method", "doc_id"])
        dedup_counts = dd.stats.get("counts", dd.stats)
        # What a million-document run holds from here on is what the publish step's peak stands on:
        # the dedup frames are done with (docs/BENCHMARKS.md, "1M memory at publish").
        del dd
        lap("score")

        stats.labels = dict(sorted(asm.labels.items()))
        stats.labels_changed_by_model = model_changes if cfg.model else None
        stats.reject_reasons = (
            rejects["reason"].astype(str).value_counts().sort_index().to_dict() if len(rejects) else {}
        )
        stats.totals = {
            "input_files": len(todo),
            "input_records": asm.input_records,
            "documents": len(documents),
            "rejects": len(rejects),
            "sentences": asm.sentence_rows,
            "exact_duplicates": int((documents["dup_method"] == "exact").sum()),
            "near_duplicates": int((documents["dup_method"] == "near").sum()),
            "removed_files": len(plan.removed),
            "removed_documents": int((changed["change"] == "removed").sum()),
            "replaced_documents": int((changed["change"] == "replaced").sum()),
        }
        stats.stage("ingest_clean_segment_classify").counts = {
            "files": len(todo),
            "batches": len(batches),
            "records": asm.input_records,
            "documents": len(documents),
            "rejects": len(rejects),
            # Not records, so in neither documents nor rejects, but counted: nothing vanishes silently.
            "passed_over": dict(sorted(asm.passed_over.items())),
            # Cut by the record limits (factsieve.batch.limits), by kind: counted, never silent.
            "limited": dict(sorted(asm.limited.items())),
        }
        stats.stage("dedup").counts = dedup_counts
        small = validate_tables({"duplicates": duplicates, "runs": pd.DataFrame([stats.runs_row()])})
        del duplicates  # the validated copy in ``small`` is what is published
        lap("validate")
        # GX sees documents without their text and a sample of sentences (factsieve.output.assemble).
        validated = {
            "documents": documents,
            "sentences": asm.sentence_sample(),
            "rejects": rejects,
            **small,
        }
        # Documents of earlier runs the latest view keeps (those of removed or reprocessed inputs
        # are not kept): with some, a run whose new records are all rejected is not broken.
        kept = max(0, latest.live_count(out_path) - len(before))
        outcome = check_expectations(validated, out_path, run_id, cfg.gx, kept)
        n_documents = len(documents)
        n_canonical = int(documents["is_canonical"].sum()) if n_documents else 0
        del validated, documents  # the checked columns and the sentence sample: GX is done with them
        lap("gx")
        stats.record_gx(outcome.status, outcome.detail_json())
        if outcome.status == "failed":
            logger.error(
                "run %s: critical expectations failed: %s",
                run_id,
                "; ".join(
                    r["reason"] for r in outcome.results if not r["success"] and r["severity"] == "critical"
                ),
            )
        # The row GX saw, rebuilt with GX's outcome and the seconds of validation and GX.
        runs_row = tables.conform(pd.DataFrame([stats.runs_row()]), "runs")
        manifest_table = manifest.table(todo, plan.hashes, run_id, plan.removed, cfg.limits, plan.refreshed)
        # After this run, each live input's rows are those of the run that last processed it.
        sources = {uri: e.run_id for uri, e in previous.items() if uri not in set(plan.removed)}
        sources.update(dict.fromkeys((f.uri for f in todo), run_id))
        view: dict = {}

        def build_latest(folder: Path) -> None:
            # Called inside the publish task, in this process; a retried publish starts it afresh.
            shutil.rmtree(folder, ignore_errors=True)
            state = out_path / "_state" / "dedup" / run_id
            roles = dedup.live_roles(state if state.is_dir() else publish.latest_dedup_state(out_path))
            prev = latest.current_dir(out_path)
            t0 = time.perf_counter()
            view.update(latest.build(out_path, run_id, folder, sources, roles, prev).as_dict())
            view["seconds"] = round(time.perf_counter() - t0, 3)

        paths = publish_tables(
            out_path,
            run_id,
            {
                "documents": documents_path,
                "sentences": asm.sentences_path,
                "rejects": asm.rejects_path,
                "duplicates": small["duplicates"],
                "runs": runs_row,
            },
            state_out if state_out.is_dir() else None,
            {"manifest": manifest_table, "changes": latest.changes_table(changed)},
            build_latest,
        )
        lap("publish")

        report_path = build_report(out_path, run_id)
        lap("report")

    summary = {
        **base,
        **stats.totals,
        "status": stats.status,
        "gx_status": outcome.status,
        "gx_failures": [r for r in outcome.results if not r["success"]],
        "gx_docs": str(outcome.docs_path or ""),
        "report": str(report_path) if report_path else None,
        "canonical_documents": n_canonical,
        "labels": stats.labels,
        "reject_reasons": stats.reject_reasons,
        "passed_over": dict(sorted(asm.passed_over.items())),
        "limited": dict(sorted(asm.limited.items())),
        "tables": paths,
        "latest": view,
        "seconds": stats.rounded(),
        "peak_rss_mb": stats.peaks_mb(),
    }
    publish_artifacts(summary, report_path)
    logger.info(
        "run %s finished: %d documents, %d sentences, %d rejects",
        run_id,
        n_documents,
        stats.totals["sentences"],
        len(rejects),
    )
    return summary


class RunnerUnavailable(ValueError):
    """The task runner asked for cannot be used: a Dask scheduler that does not answer or has no
    workers. A ValueError, as a bad ``--runner`` is: the CLI exits 2 with the one line."""


# How long a Dask scheduler given by address may take to answer and to show one worker before the
# run gives up, before anything is read or written (a dead address otherwise surfaces only when
# the first batch is submitted, after Prefect's 30 s connect timeout, with the staging folder made).
SCHEDULER_PROBE_SECONDS = 10.0


def check_scheduler(address: str, timeout: float = SCHEDULER_PROBE_SECONDS) -> int:
    """The number of workers of the Dask scheduler at ``address``; RunnerUnavailable when it
    does not answer within ``timeout`` or has no worker by then (its batches would wait forever)."""
    import asyncio

    try:
        return asyncio.run(_scheduler_workers(address, timeout))
    except (OSError, TimeoutError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RunnerUnavailable(f"cannot use the Dask scheduler at {address}: {reason}") from None
    except ValueError as exc:  # not an address distributed can parse
        raise RunnerUnavailable(f"'{address}' is not a Dask scheduler address: {exc}") from None


async def _scheduler_workers(address: str, timeout: float) -> int:
    # The scheduler's own identity call, not a dask Client: a Client that failed to connect
    # prints a traceback from its finaliser when it is collected.
    import asyncio

    from distributed.core import rpc

    deadline = time.monotonic() + timeout
    async with rpc(address, timeout=timeout) as scheduler:
        while True:
            workers = len((await scheduler.identity()).get("workers", {}))
            if workers:
                return workers
            if time.monotonic() > deadline:
                raise TimeoutError(f"no worker connected to it within {timeout:g} s")
            await asyncio.sleep(0.2)


def task_runner_for(name: str, n_workers: int | None = None):
    """thread (default: tasks on threads, the batch stage's work on the flow's pool of worker
    processes), process (Prefect's process pool: each task in a worker process), or
    dask[:ADDRESS] (a LocalCluster, or an existing scheduler at ADDRESS, checked to answer first)."""
    if name == "process":
        return ProcessPoolTaskRunner(max_workers=n_workers or CORES)
    if name == "thread":
        return ThreadPoolTaskRunner(max_workers=n_workers or CORES)
    if name == "dask" or name.startswith("dask:"):
        from prefect_dask import DaskTaskRunner

        address = name.partition(":")[2]
        if address:
            check_scheduler(address)
            return DaskTaskRunner(address=address)
        # One single-threaded worker process per core: the batch stage is CPU-bound Python.
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": n_workers or os.cpu_count() or 1,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            },
        )
    raise ValueError(f"unknown runner '{name}': use thread, process, dask or dask:ADDRESS")
