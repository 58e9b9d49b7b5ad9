"""Prefect tasks: a few lines each around plain functions, one task per batch of pages.

Only the tasks that do network I/O retry, and only for transient errors; a
404 or a bad page is an outcome recorded in `pages`, not a task failure.

Every task here is `quoted`: Prefect gets its arguments as they are, instead of
walking every record of every batch (and the run's settings and tables) for
futures to wait on and lineage to record, which none of them holds; that walk
was 5% of a crawl's CPU.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.utilities.annotations import quote

from core.errors import CareersEtlError
from core.settings import Settings, SiteProfile
from extract.discover import Discovery
from extract.hostpolicy import HostPolicy
from extract.parse_pool import Parser
from extract.rawstore import RawStore
from extract.records import FetchedPage, PageOutcome, ParsedPage
from extract.session import CrawlSession
from flows.collect import RunPages
from flows.events import log
from flows.scope import Keep
from load import Baseline, PublishResult, carry_forward, collect, publish
from load.outputs import refresh_outputs
from transform.build import combine
from transform.tables import Tables

P = ParamSpec("P")
R = TypeVar("R")


class quoted(Generic[P, R]):  # a decorator, named like `task`
    """A task whose every argument goes to Prefect in `quote`: passed, never walked."""

    def __init__(self, task: Task[P, R]) -> None:
        self.task = task
        self.fn = task.fn  # the plain function, for tests
        self.name = task.name

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        call = cast(Any, self.task)
        return cast(R, call(*map(quote, args), **{k: quote(v) for k, v in kwargs.items()}))


def retry_only_transient(task: Task[Any, Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Prefect retry condition: retry a batch only when its error says a retry may help.

    Pages retry inside the batch and never fail it; what reaches here is the batch's
    own infrastructure (a dropped connection, a timeout) or a bug, which a retry
    would only repeat.
    """
    # `_sync=True`: in an async task, plain `result()` would hand back an un-awaited
    # coroutine and no retry would ever fire.
    error = state.result(raise_on_failure=False, _sync=True)  # type: ignore[call-overload]
    if not isinstance(error, BaseException):
        return False
    return bool(getattr(error, "transient", False)) or isinstance(
        error, ConnectionError | TimeoutError
    )


# I/O tasks: a retried batch re-fetches conditionally, so a retry is cheap and safe.
IO_TASK_OPTIONS: dict[str, Any] = {
    "retries": 2,
    "retry_delay_seconds": [2.0, 10.0],
    "retry_jitter_factor": 0.5,
    "retry_condition_fn": retry_only_transient,
    "cache_policy": NO_CACHE,
}


@quoted
@task(name="discover", **IO_TASK_OPTIONS)
async def discover_task(session: CrawlSession, site: SiteProfile) -> Discovery:
    return await session.discover(site)


@quoted
@task(name="fetch-batch", **IO_TASK_OPTIONS)
async def fetch_task(
    urls: Sequence[str], session: CrawlSession, policy: HostPolicy
) -> list[FetchedPage]:
    return await session.fetch(urls, policy)


class PageSink(Protocol):
    """Where parsed batches go: the run's pages (flows/collect.py), or a crawl shard's
    staging files (flows/staging.py)."""

    async def take(self, parsed: Sequence[ParsedPage]) -> list[PageOutcome]:
        """Keep a parsed batch; its pages' outcomes (for progress and the run's scope)."""
        ...


@quoted
@task(name="parse-batch", cache_policy=NO_CACHE)
async def parse_task(
    fetched: Sequence[FetchedPage], parser: Parser, sink: PageSink
) -> list[PageOutcome]:
    """Parse a batch (in the pool, or on Dask) into `sink`; its pages' outcomes return."""
    return await sink.take(await parser.parse(fetched))


@quoted
@task(name="normalize", cache_policy=NO_CACHE)
async def normalize_task(
    pages: RunPages, extra: Sequence[ParsedPage], settings: Settings, run_id: str
) -> Tables:
    """The run's tables from its normalized batches (and `extra` pages: rows of its own)."""
    return combine(await pages.batches(extra), run_id=run_id, quality=settings.quality)


@quoted
@task(name="publish", cache_policy=NO_CACHE)
def publish_task(
    tables: Tables,
    settings: Settings,
    run_id: str,
    manifest_extra: Mapping[str, Any],
    force: bool,
    baseline: Baseline,
    keep: Keep,
    sources: Sequence[Mapping[str, Any]],
) -> PublishResult:
    """Publish with what `keep` says carried from `baseline`; then retention."""
    arrow = carry_forward(tables.to_arrow(), baseline.tables, keep.urls)
    gate = settings.quality
    result = publish(
        arrow,
        parquet_dir=settings.parquet_dir,
        run_id=run_id,
        manifest_extra=manifest_extra,
        force=force,
        baseline=baseline,
        max_removed_share=None if gate.allow_removals else gate.max_removed_share,
        removal_exempt=keep.replaced_hosts,
        sources=sources,
    )
    retention = settings.load
    if any(v is not None for v in (retention.keep_last, retention.keep_days,
                                   retention.raw_keep_days)):
        try:  # the run holds the data dir, so the raw store may be trimmed too
            collect(settings.data_dir, keep_last=retention.keep_last,
                    keep_days=retention.keep_days, raw=RawStore(settings.raw_dir),
                    raw_keep_days=retention.raw_keep_days)
        except (CareersEtlError, OSError) as exc:  # the version is published; cleanup can wait
            log.warning("retention failed, old versions kept until the next run: %s", exc)
    # Report, descriptor, catalog: derived local files, so a failure only warns; on
    # object storage analysts read the Parquet itself (see the README).
    if result.published and isinstance(settings.data_dir, Path):
        for problem in refresh_outputs(settings.data_dir, result.run_id).problems:
            log.warning("published, but an analyst file was not written: %s", problem)
    return result
