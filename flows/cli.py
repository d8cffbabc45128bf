"""The `factsieve` command line.

    factsieve run [RAW] [--out OUTPUT] [--cold]   run the curate flow (RAW defaults to raw/, OUTPUT to output/)
    factsieve server [--stop]               a Prefect server and a warm runner in the background, used by later runs
    factsieve serve --cron "EXPR" [RAW] [--out OUTPUT]   serve the flow as a scheduled Prefect deployment
    factsieve explain "TEXT" [--json]       label each sentence and show the cues that decided it
    factsieve eval --labels F --task T      precision/recall/F1 on a labelled JSONL file
    factsieve train --labels F --task T --out MODEL
    factsieve report [--run RUN_ID] [--out OUTPUT]   rebuild a run's HTML data-quality report
    factsieve dictionary [--check]          (re)generate docs/DATA_DICTIONARY.md from the schemas

Exit codes: 0 success, 1 unexpected error, 2 bad arguments, bad config or unreadable input,
3 output folder locked by another run, 4 schema validation failed, 5 run marked failed,
6 output cannot be written (disk full, read-only, no permission), 130/143 stopped by
SIGINT/SIGTERM. A failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import errno
import json
import logging
import os
import signal
import sys
from pathlib import Path

from flows import progress, server
from flows.environment import PROJECT_ROOT, set_prefect_defaults


def _fail(code: int, message: str) -> int:
    print(f"factsieve: error: {message}", file=sys.stderr)
    return code


def _stopped(signum: int) -> int:
    name = signal.Signals(signum).name
    return _fail(
        128 + signum, f"stopped by {name}; nothing of this run was published (the next run cleans up)"
    )


# OSErrors that mean the output cannot be written at all: retrying or reporting a traceback does
# not help, freeing space or fixing the mount does (exit code 6).
_UNWRITABLE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


class _OneLine(logging.Formatter):
    """A console formatter that drops tracebacks and keeps a message's first line: the CLI states
    a failure in one line; Prefect's API logs (and the UI) keep the traceback."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        bare = copy.copy(record)
        bare.exc_info = bare.exc_text = bare.stack_info = None
        return self.inner.format(bare).split("\n", 1)[0]


def _not_a_failure_echo(record: logging.LogRecord) -> bool:
    # Prefect's errors about the failing task or flow, and GX's Data Docs rendering errors (factsieve
    # logs its own one-line warning for those), restate with a traceback what the CLI reports.
    return not (record.levelno >= logging.ERROR and record.name.startswith(("prefect", "great_expectations")))


def _not_a_drain_notice(record: logging.LogRecord) -> bool:
    # Prefect's EventsWorker says "Still processing items: 3 items remaining..." as soon as it
    # drains a non-empty queue at exit (its first notice has no delay), so about one no-op run in
    # three ended with a WARNING line after "nothing new": cron mails it, users read a problem.
    # The drain itself still runs; the queue-full warning (items dropped) is kept.
    return not (
        record.levelno == logging.WARNING and record.getMessage().startswith("Still processing items:")
    )


def _quiet_console_logging() -> None:
    """Console log handlers (Prefect configures them on import) print no tracebacks."""
    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    for lg in loggers:
        for h in lg.handlers:
            if (
                isinstance(h, logging.StreamHandler)
                and getattr(h, "stream", None) in (sys.stderr, sys.stdout)
                and not isinstance(h.formatter, _OneLine)
            ):
                h.setFormatter(_OneLine(h.formatter))
                h.addFilter(_not_a_failure_echo)
                h.addFilter(_not_a_drain_notice)


def _left_out(s: dict) -> str:
    """The inputs the run left out (--exclude, corpus README/licence files), for a run that read
    nothing: "; passed over: excluded (--exclude) 2"."""
    found = s.get("left_out_files") or {}
    return f"; passed over: {', '.join(f'{k} {n}' for k, n in sorted(found.items()))}" if found else ""


_DROPPED = "metadata dropped: "  # factsieve.ingest.readers.entries counts these among passed_over


def format_summary(s: dict) -> str:
    if s["status"] == "unchanged" and not (s["unchanged_files"] or s.get("removed_files")):
        # Not "nothing new (0 files unchanged)": a wrong path or an empty export folder should
        # read as such, and a folder of only dot-files looks empty to a user who finds it full.
        return (
            f"run {s['run_id']}: no input files under {s['raw']} (names starting with '.' are not read"
            f"{_left_out(s)}); nothing written to {s['out']}"
        )
    if s["status"] == "unchanged":
        return (
            f"run {s['run_id']}: nothing new under {s['raw']} ({s['unchanged_files']} files unchanged since "
            f"earlier runs{_left_out(s)}); nothing written to {s['out']}"
        )
    labels = ", ".join(f"{k} {v}" for k, v in s["labels"].items()) or "none"
    reasons = ", ".join(f"{k} {v}" for k, v in s["reject_reasons"].items()) or "none"
    lines = [
        f"run {s['run_id']} {s['status']}",
        f"  inputs      {s['input_files']} files ({s['new_files']} new, {s['changed_files']} changed"
        + (
            f" ({s['settings_changed_files']} by the ingest settings)"
            if s.get("settings_changed_files")
            else ""
        )
        + f", {s['unchanged_files']} unchanged skipped), {s['input_records']} records from {s['raw']}",
        f"  documents   {s['documents']} ({s['canonical_documents']} canonical)",
        f"  sentences   {s['sentences']}: {labels}",
        f"  duplicates  {s['exact_duplicates']} exact, {s['near_duplicates']} near",
        f"  rejects     {s['rejects']}: {reasons}",
        *(
            # "kind: n", not "n kind": the kinds are labels ("folder", "hidden file"), not nouns to inflect.
            [f"  passed over (not records): {', '.join(f'{k} {n}' for k, n in records_passed.items())}"]
            if (
                records_passed := {
                    k: n for k, n in s.get("passed_over", {}).items() if not k.startswith(_DROPPED)
                }
            )
            else []
        ),
        *(
            # round 17: metadata with no reading, dropped from documents that were kept
            [f"  metadata    dropped, documents kept: {', '.join(f'{k} {n}' for k, n in dropped.items())}"]
            if (
                dropped := {
                    k[len(_DROPPED) :]: n
                    for k, n in s.get("passed_over", {}).items()
                    if k.startswith(_DROPPED)
                }
            )
            else []
        ),
        *(
            # "sentences_cut 3" -> "sentences cut 3": what the record limits cut (factsieve.batch.limits).
            ["  limited     " + ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in s["limited"].items())]
            if s.get("limited")
            else []
        ),
        f"  latest      {s.get('removed_documents', 0)} documents removed, {s.get('replaced_documents', 0)} "
        f"replaced, {s.get('removed_files', 0)} input files gone; {s['out']}/latest",
        f"  tables      {s['out']}/{{documents,sentences,duplicates,rejects,runs}}/part-{s['run_id']}.parquet",
    ]
    gx = s.get("gx_status", "skipped")
    lines.append(
        f"  checks      pandera passed; Great Expectations {gx}"
        + (f" ({len(s['gx_failures'])} expectation(s) not met)" if s.get("gx_failures") else "")
    )
    for r in s.get("gx_failures", [])[:5]:
        lines.append(f"    - [{r['severity']}] {r['table']}: {r['reason']}")
    if s.get("report"):
        lines.append(f"  report      {s['report']}")
    return "\n".join(lines)


def _expected_pool(files: list, batch_bytes: int, batch_files: int, workers: int) -> int:
    """The pool size the flow will ask for (curate: min(workers, batches)), estimated from the
    discovered files before anything is read; only used to start the pool ahead of the flow."""
    from factsieve.batch.workers import default_workers

    total = sum(f.size for f in files)
    batches = max(-(-total // max(batch_bytes, 1)), -(-len(files) // max(batch_files, 1)))
    return min(workers or default_workers(), batches)


def _process_started() -> float:
    """UNIX time this process started: the command's wall time includes the interpreter's
    start-up and every import, not only the flow."""
    import psutil

    return psutil.Process().create_time()


def cmd_run(args: argparse.Namespace) -> int:
    """`factsieve run`, supervised: killing it leaves none of its processes (flows.supervise)."""
    from factsieve.batch import workers
    from factsieve.output import gx_process
    from flows.supervise import supervised

    def interrupted() -> None:
        workers.terminate_all()
        gx_process.terminate()

    # Here, not in the supervised child: the command's clock starts with this process (or, forked
    # by the warm runner, with the client process the user started).
    command_started = args.warm_started or _process_started()
    return supervised(lambda: _run(args, command_started), interrupted)


def _run(args: argparse.Namespace, command_started: float) -> int:
    set_prefect_defaults()
    from factsieve.output import gx_process

    try:
        return _run_flow(args, command_started)
    finally:
        gx_process.discard()  # not used: nothing new, a bad argument, a failure before the checks


def _config(args: argparse.Namespace):
    """The run's configuration: the file's (or the defaults), then the command line's options."""
    from factsieve.config import RunConfig

    config = RunConfig.from_toml(args.config) if args.config else RunConfig()
    if args.workers is not None:
        config = dataclasses.replace(config, workers=args.workers)
    if args.model:
        config = dataclasses.replace(config, model=args.model)
    if getattr(args, "exclude", None):  # added to the config file's patterns
        patterns = (*config.limits.exclude, *args.exclude)
        config = dataclasses.replace(config, limits=dataclasses.replace(config.limits, exclude=patterns))
    for name in ("text_field", "title_field"):
        if getattr(args, name) is not None:
            config = dataclasses.replace(
                config, limits=dataclasses.replace(config.limits, **{name: getattr(args, name)})
            )
    return config


def _run_settings(api: server.TemporaryServer | server.RunningServer) -> contextlib.AbstractContextManager:
    """Prefect settings for the flow run on ``api``: no flow-run heartbeats on a temporary server.

    Heartbeats let a server (and the workers and automations that watch it) tell a crashed run
    from a live one. A temporary server lives and dies with this process, so nobody can watch
    them, and they cost a run up to 1 s of idle wall at its end: Prefect's heartbeat thread
    sleeps in 1 s steps and the flow joins it when it ends (``prefect.flow_engine._send_heartbeats``).
    None is the setting's "no heartbeats" value (an Optional; the engine starts no thread for
    None; Prefect's zombie-flow guide has users set an integer >= 30 to turn them on). The
    environment and profiles cannot say None (an integer >= 30, or a validation error), so it is set
    in code through Prefect's ``temporary_settings``, validated like any setting, for this flow
    call only. Runs on a real server keep their heartbeats."""
    if not isinstance(api, server.TemporaryServer):
        return contextlib.nullcontext()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def _import_first_use() -> None:
    """Import what the flow would import on first use (Prefect's engines, FastAPI's encoder for
    the flow's parameters, pandera's validation backends: ``flows.warm.FLOW_FIRST_USE``) and warm
    pandera up, while a temporary server starts: ~0.5 CPU-s that otherwise runs after the server
    answers, on the run's critical path. The flow would do all of it anyway (never wasted work)."""
    import importlib

    from flows import curate, warm

    for module in warm.FLOW_FIRST_USE:
        with contextlib.suppress(ImportError):  # an optional one missing: the flow does without it too
            importlib.import_module(module)
    curate.warm_pandera()


def _start_helpers(args: argparse.Namespace, files: list, config, api: contextlib.ExitStack):
    """Start what the run will wait for, most waited-for first; returns the Prefect API.

    One API for the flow and every worker process (the process and Dask runners' workers would
    each start a temporary server of their own): a running server when there is one, else a
    temporary one started now, before this process's heavy imports (pandas, pandera, Prefect,
    the flow: ~1 s of them used to come first): its start-up (~4.5 CPU-s, Prefect importing its
    server app) is the longest path of a small run (flows/server.py)."""
    from factsieve.batch import workers
    from factsieve.output import gx_process

    api_ready = api.enter_context(server.api_for_run())
    # Forked by the warm runner (flows/warm.py), GX is imported already: the checks run here.
    if not args.warm_started:
        # Great Expectations imports (~2 CPU-s) in a process of its own, niced, on whatever CPU
        # the server and this process leave, while this one imports Prefect and runs the batch;
        # the flow's checks run there (factsieve.output.gx_process). With every runner: the flow
        # calls its check task directly, so it runs in this process whichever runner maps the
        # batches (without a checker the process runner's 22k run imported GX cold inside its
        # GX stage: 6.2 s instead of 1.8 s, docs/BENCHMARKS.md "End to end, round 6").
        gx_process.prestart()
    if args.runner == "thread":
        # The worker pool starts on the other core while this process imports Prefect
        # (factsieve.batch.workers.prestart).
        workers.prestart(_expected_pool(files, config.batch_bytes, config.batch_files, config.workers))
    return api_ready


def _run_flow(args: argparse.Namespace, command_started: float) -> int:
    from factsieve.batch import workers
    from factsieve.ingest.sources import SourceError, discover
    from flows.supervise import Interrupted, interrupted_by

    if os.path.lexists(args.out) and not os.path.isdir(args.out):  # was FileExistsError, exit 1
        return _fail(2, f"--out '{args.out}' exists and is not a folder")
    try:
        # Fail fast, before Prefect's start-up, on a missing RAW.
        files = discover(args.raw, skip=(args.out,))
    except SourceError as exc:
        return _fail(2, str(exc))
    from factsieve.config import ConfigError

    try:
        config = _config(args)
        config.validate("--workers" if args.workers is not None else "config")
        if config.model:
            from factsieve.classify.model import load

            load(config.model)  # a missing or foreign file fails here, before any work
            config = dataclasses.replace(config, model=str(Path(config.model).resolve()))
    except (ConfigError, ValueError, FileNotFoundError) as exc:
        return _fail(2, str(exc))
    api = contextlib.ExitStack()
    try:
        api_ready = _start_helpers(args, files, config, api)
    except (server.ServerError, OSError) as exc:
        return _fail(1, f"{type(exc).__name__}: {exc}")
    from factsieve.dedup.state import SettingsChanged
    from factsieve.output.publish import OutputLocked
    from factsieve.output.tables import ValidationFailed

    try:
        from flows.curate import curate, task_runner_for

        _quiet_console_logging()
        try:
            runner = task_runner_for(args.runner, args.workers)
        except ValueError as exc:
            return _fail(2, str(exc))
        flow = curate.with_options(task_runner=runner)
        if isinstance(api_ready, server.TemporaryServer):
            _import_first_use()  # while the server still starts: this process would only wait
        api_ready.wait()  # the temporary server's start-up overlapped everything above
        with (
            progress.showing(progress.choose(args.quiet or args.json, args.progress_seconds)),
            _run_settings(api_ready),
        ):
            summary = flow(
                raw=args.raw,
                out=args.out,
                config=config,
                incremental=not args.reprocess,
                use_pool=args.runner == "thread",
                command_started=command_started,
            )
    except OutputLocked as exc:
        return _fail(3, str(exc))
    except ValidationFailed as exc:
        print(exc.report, file=sys.stderr)
        return _fail(4, f"table '{exc.table}' failed schema validation; nothing was written")
    except (SourceError, SettingsChanged) as exc:
        return _fail(2, str(exc))
    except Exception as exc:
        if (signum := interrupted_by()) is not None:  # a failure the stop caused (supervise.py)
            return _stopped(signum)
        if isinstance(exc, OSError) and exc.errno in _UNWRITABLE:
            where = exc.filename or args.out
            return _fail(6, f"cannot write output ({where}): {exc.strerror or exc}; nothing was published")
        return _fail(1, f"{type(exc).__name__}: {exc}")  # one line; Prefect's logs keep the traceback
    except (Interrupted, KeyboardInterrupt) as exc:
        return _stopped(exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)
    finally:
        workers.discard_warm()
        api.close()
    # Which path the run took (docs/OPERATIONS.md): forked by `factsieve server`'s warm runner or not.
    summary["started_by"] = "warm runner" if args.warm_started else "this command"
    print(json.dumps(summary, indent=2, default=str) if args.json else format_summary(summary))
    return 5 if summary.get("status") == "failed" else 0


def cmd_serve(args: argparse.Namespace) -> int:
    set_prefect_defaults()
    from flows.deploy import BadSchedule, check_cron, serve

    try:
        check_cron(args.cron, args.timezone)
    except BadSchedule as exc:
        return _fail(2, str(exc))
    if not os.environ.get("PREFECT_API_URL") and (recorded := server.recorded_server()):
        os.environ["PREFECT_API_URL"] = recorded  # the one `factsieve server` started
    if not os.environ.get("PREFECT_API_URL"):
        print(
            "factsieve: warning: PREFECT_API_URL is not set; a temporary server lives only as long as this "
            "process. Start one with `factsieve server` or `prefect server start` for a lasting schedule "
            "(see docs/OPERATIONS.md).",
            file=sys.stderr,
        )
    print(
        f"serving deployment curate/factsieve-scheduled on '{args.cron}' ({args.timezone}) over {args.raw} -> {args.out}"
    )
    serve(args.cron, args.raw, args.out, args.runner, args.timezone)
    return 0


def cmd_server(args: argparse.Namespace) -> int:
    set_prefect_defaults()
    from flows import warm

    if args.stop:
        warm.stop()
        rec = server.stop_background()
        print(f"stopped the Prefect server at {rec['url']}" if rec else "no Prefect server was recorded")
        return 0
    try:
        rec = server.start_background(args.port)
        runner = None if args.no_warm else warm.start(rec["url"])
    except server.ServerError as exc:
        return _fail(1, str(exc))
    state = "already running" if rec.get("already_running") else "started"
    print(
        f"Prefect server {state} at {rec['url']} (UI: {rec['url'].removesuffix('/api')}, pid {rec['pid']}); "
        f"`factsieve run` uses it until `factsieve server --stop`"
    )
    if runner:
        print(f"warm runner (pid {runner['pid']}) on {runner['socket']}: runs start with their imports done")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from factsieve.classify import explain, explain_records

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        # Printed an empty line and exited 0: a script piping an empty file could not tell.
        where = "standard input" if args.text == "-" else "the text"
        return _fail(2, f"{where} is empty: nothing to label")
    if args.json:
        # One JSON object per line and sentence (JSON Lines): easy to stream into jq or pandas.
        for rec in explain_records(text):
            print(json.dumps(rec, ensure_ascii=False))
    else:
        print(explain(text))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from factsieve.classify.evaluate import evaluate, format_report

    try:
        result = evaluate(args.labels, args.task, model_path=args.model, split=args.split)
    except (FileNotFoundError, ValueError) as exc:
        return _fail(2, str(exc))
    print(json.dumps(result, sort_keys=True) if args.json else format_report(result))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from factsieve.classify.model import train

    try:
        info = train(args.labels, args.task, args.out, split=args.split)
    except (FileNotFoundError, ValueError) as exc:
        return _fail(2, str(exc))
    print(json.dumps(info, indent=2, sort_keys=True, default=str))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from factsieve.output.report import ReportError, build_report

    try:
        path = build_report(Path(args.out), args.run)
    except ReportError as exc:
        return _fail(2, str(exc))
    print(path)
    return 0


def cmd_dictionary(args: argparse.Namespace) -> int:
    from schemas.dictionary import render

    target = Path(args.path)
    text = render()
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            return _fail(1, f"{target} is out of date: run `factsieve dictionary`")
        print(f"{target} is up to date")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _exclude_glob(value: str) -> str:
    """An --exclude pattern that leaves something in: '*', '/', '' or './**' would leave out every
    input, and a run that reads nothing because of its own option is a mistake to name, not to run.
    The same test as the config file's ``[limits] exclude`` (config.RunConfig.validate), said about
    the option the user typed."""
    if not value.removeprefix("./").strip("/*"):
        raise argparse.ArgumentTypeError(f"{value!r} would leave out every input")
    return value


def _seconds(value: str) -> float:
    """A number of seconds, 0 or more (argparse type): 0 is a line on every update (what the tests
    ask for); a negative number or NaN is a mistake, not a wish for that."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0:  # also NaN
        raise argparse.ArgumentTypeError(f"must be 0 seconds or more, got {value}")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factsieve", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="run the curate flow over RAW and write tables under --out")
    r.add_argument(
        "raw", nargs="?", default="raw", help="folder (read recursively), file or fsspec URL (default: raw)"
    )
    r.add_argument("--out", default="output", help="output folder (default: output)")
    r.add_argument(
        "--runner",
        default="thread",
        help="task runner: thread (default; the batch stage runs on a pool of worker processes), "
        "process, dask or dask:ADDRESS",
    )
    r.add_argument(
        "--config", default=None, help="TOML file overriding the embedded defaults (see factsieve/config.py)"
    )
    r.add_argument(
        "--workers",
        type=int,
        default=None,
        help="parallel batch workers (default 0: one per core; 1 = no worker processes)",
    )
    r.add_argument(
        "--model",
        default=None,
        help="a model written by `factsieve train`; it overrules the rules on its task (default: rules only)",
    )
    r.add_argument(
        "--text-field",
        default=None,
        metavar="NAME",
        help="JSON/JSONL/CSV/Parquet records: read the text from this field (a dotted path for nested objects, "
        "e.g. fields.bodyText) instead of 'text' and its aliases",
    )
    r.add_argument(
        "--title-field",
        default=None,
        metavar="NAME",
        help="JSON/CSV/Parquet records: read the title from this field (a dotted path for nested objects) "
        "instead of 'title' and 'headline'",
    )
    r.add_argument(
        "--exclude",
        action="append",
        type=_exclude_glob,
        default=None,
        metavar="GLOB",
        help="leave out inputs whose path relative to RAW, or archive members whose name, matches GLOB "
        "(repeatable; a pattern without '/' matches any part of the path: '*.md', 'drafts'); counted as "
        "passed over. A corpus's README/LICENSE/COPYING files are always passed over",
    )
    r.add_argument("--json", action="store_true", help="print the run summary as JSON (implies --quiet)")
    r.add_argument(
        "--quiet", action="store_true", help="no progress display or lines; only the summary at the end"
    )
    r.add_argument(
        "--progress-seconds",
        type=_seconds,
        default=10.0,
        help="when standard error is not a terminal: a progress line at most this often (default 10; 0: at every update)",
    )
    r.add_argument(
        "--cold",
        action="store_true",
        help="do not use the warm runner `factsieve server` keeps (same as FACTSIEVE_NO_WARM=1)",
    )
    r.add_argument(
        "--reprocess",
        action="store_true",
        help="process every input again, even those an earlier run processed unchanged",
    )
    r.set_defaults(func=cmd_run)

    sv = sub.add_parser("serve", help="serve the curate flow as a Prefect deployment on a cron schedule")
    sv.add_argument("raw", nargs="?", default="raw")
    sv.add_argument("--out", default="output")
    sv.add_argument("--cron", required=True, help='cron expression, e.g. "0 * * * *" for hourly')
    sv.add_argument("--timezone", default="UTC")
    sv.add_argument("--runner", default="thread", help="thread, process, dask or dask:ADDRESS")
    sv.set_defaults(func=cmd_serve)

    srv = sub.add_parser(
        "server",
        help="start a Prefect server in the background that later runs use (no start-up per run)",
    )
    srv.add_argument(
        "--port", type=int, default=None, help=f"port (default {server.DEFAULT_PORT}, or a free one)"
    )
    srv.add_argument(
        "--stop", action="store_true", help="stop the server (and warm runner) `factsieve server` started"
    )
    srv.add_argument(
        "--no-warm", action="store_true", help="no warm runner: later runs import everything themselves"
    )
    srv.set_defaults(func=cmd_server)

    e = sub.add_parser("explain", help="label each sentence of TEXT and show the deciding cues")
    e.add_argument("text", help="the text, or - to read standard input")
    e.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per sentence (label, flags, confidence, cues with spans, source)",
    )
    e.set_defaults(func=cmd_explain)

    v = sub.add_parser("eval", help="evaluate the classifier on a labelled JSONL file (text, label 0/1)")
    v.add_argument("--labels", required=True)
    v.add_argument("--task", required=True, choices=["hedge", "subjectivity"])
    v.add_argument("--model", default=None, help="a model written by `factsieve train` (default: the rules)")
    v.add_argument("--split", default=None, help="only rows whose 'split' equals this (e.g. dev)")
    v.add_argument("--json", action="store_true", help="print one JSON object")
    v.set_defaults(func=cmd_eval)

    t = sub.add_parser("train", help="fit a linear model over rule features and n-grams")
    t.add_argument("--labels", required=True)
    t.add_argument("--task", required=True, choices=["hedge", "subjectivity"])
    t.add_argument("--out", required=True, help="where to write the model (JSON, no pickle)")
    t.add_argument("--split", default="train")
    t.set_defaults(func=cmd_train)

    rp = sub.add_parser("report", help="rebuild the HTML data-quality report of a committed run")
    rp.add_argument("--run", default=None, help="run id (default: the newest committed run)")
    rp.add_argument("--out", default="output", help="output folder (default: output)")
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser("dictionary", help="generate the data dictionary from the pandera schemas")
    d.add_argument("--path", default=str(PROJECT_ROOT / "docs" / "DATA_DICTIONARY.md"))
    d.add_argument("--check", action="store_true", help="fail when the file is out of date")
    d.set_defaults(func=cmd_dictionary)
    return p


def main(argv: list[str] | None = None, warm_started: float | None = None) -> int:
    """The command line; ``warm_started`` is the start time of the client process the warm
    runner forked this run for (flows/warm.py)."""
    from flows.supervise import Interrupted

    args = build_parser().parse_args(argv)
    args.warm_started = warm_started
    try:
        return args.func(args)
    except (Interrupted, KeyboardInterrupt) as exc:  # outside a command's own handling
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        return _fail(128 + signum, f"stopped by {signal.Signals(signum).name}")


def entry() -> None:
    """The `factsieve` program: ``main``, then exit without the interpreter's final teardown.

    Freeing every object of the ~3,000 modules a run imports (Prefect, pandas, pyarrow, Great
    Expectations) took 1.5-2 s after a one-file run, 10 s on the loaded VM, for nothing: the
    process is ending. Everything the program relies on has run by then: ``finally`` blocks,
    and the exit hooks, run here explicitly in the interpreter's order: threading's (Prefect's
    log and event workers drain there), then atexit's (logging.shutdown, multiprocessing,
    flows.supervise, the temporary API server's stop).
    """
    argv = sys.argv[1:]
    code = None
    if argv[:1] == ["run"] and not {"--cold", "-h", "--help"} & set(argv):
        from flows import warm

        code = warm.run_warm(argv)  # None: no warm runner, or it cannot serve this run
    finish(main(argv) if code is None else code)


def finish(code: int) -> None:
    """Exit with ``code`` the way ``entry`` does (see there)."""
    import atexit
    import threading

    # The interpreter's own order: join non-daemon threads and run threading's exit hooks
    # (Prefect drains its log and event workers there), then the atexit handlers.
    threading._shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
