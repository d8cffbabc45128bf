"""The scheduled deployment of the curate flow (`factsieve serve --cron EXPR`).

`serve` keeps a process alive that registers the deployment with the Prefect API,
polls for scheduled runs and executes them. It needs a running Prefect server
(`prefect server start`, with PREFECT_API_URL pointing at it): a temporary server
would die with the process that started it. prefect.yaml declares the same
deployment for a work pool and worker instead.
"""

from __future__ import annotations

from prefect import serve as prefect_serve
from prefect.client.schemas.schedules import CronSchedule

from flows.curate import curate, task_runner_for

DEPLOYMENT_NAME = "factsieve-scheduled"


class BadSchedule(ValueError):
    """The cron expression is not valid."""


def check_cron(cron: str, timezone: str = "UTC") -> CronSchedule:
    try:
        return CronSchedule(cron=cron, timezone=timezone)
    except ValueError as exc:
        raise BadSchedule(
            f"invalid cron expression '{cron}': {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}"
        ) from None


def build_deployment(
    cron: str, raw: str = "raw", out: str = "output", runner: str = "thread", timezone: str = "UTC"
):
    """A RunnerDeployment of curate on a cron schedule, one run at a time."""
    schedule = check_cron(cron, timezone)
    flow = curate.with_options(task_runner=task_runner_for(runner))
    return flow.to_deployment(
        name=DEPLOYMENT_NAME,
        schedule=schedule,
        # The process and Dask runners run tasks in other processes: no worker pool of its own.
        parameters={"raw": raw, "out": out, **({} if runner == "thread" else {"use_pool": False})},
        # Prefect queues a scheduled run while one is active; the output lock would
        # refuse the second anyway, but this keeps the UI honest.
        concurrency_limit=1,
        description="Curate new raw inputs into validated Parquet tables and a data-quality report.",
        tags=["factsieve"],
        enforce_parameter_schema=False,
    )


def serve(
    cron: str, raw: str = "raw", out: str = "output", runner: str = "thread", timezone: str = "UTC"
) -> None:
    prefect_serve(build_deployment(cron, raw, out, runner, timezone))
