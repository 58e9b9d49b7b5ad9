"""Prefect tasks: a few lines each around plain functions, one task per batch of pages.

Only the tasks that do network I/O retry, and only for transient errors; a
404 or a bad page is an outcome recorded in `pages`, not a task failure.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun

from core.errors import CareersEtlError
from core.settings import Settings, SiteProfile
from extract.batch import discover_site, fetch_batch
from extract.discover import Discovery
from extract.hostpolicy import HostPolicy
from extract.parse.siterules import from_settings as site_rules
from extract.parse_pages import parse_fetched_pages
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage, ParsedPage
from extract.robots import RobotsRules
from flows.events import log
from load import PublishResult, carry_from_latest, collect, publish
from transform.build import build_tables
from transform.tables import Tables


def retry_only_transient(task: Task[Any, Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Prefect retry condition: retry a batch only when its error says a retry may help.

    Pages retry inside the batch and never fail it; what reaches here is the batch's
    own infrastructure (a dropped connection, a timeout) or a bug, which a retry
    would only repeat.
    """
    try:
        state.result()
    except Exception as exc:
        return bool(getattr(exc, "transient", False)) or isinstance(
            exc, ConnectionError | TimeoutError
        )
    return False


# I/O tasks: a retried batch re-fetches conditionally, so a retry is cheap and safe.
IO_RETRIES = 2
IO_RETRY_DELAYS = [2.0, 10.0]


@task(
    name="discover",
    retries=IO_RETRIES,
    retry_delay_seconds=IO_RETRY_DELAYS,
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_only_transient,
    cache_policy=NO_CACHE,
)
async def discover_task(
    settings: Settings, site: SiteProfile, run_id: str, previous: Mapping[str, LogEntry]
) -> Discovery:
    return await discover_site(settings, site, run_id=run_id, previous=previous)


@task(
    name="fetch-batch",
    retries=IO_RETRIES,
    retry_delay_seconds=IO_RETRY_DELAYS,
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_only_transient,
    cache_policy=NO_CACHE,
)
async def fetch_task(
    urls: Sequence[str],
    settings: Settings,
    run_id: str,
    robots: Mapping[str, RobotsRules],
    policy: HostPolicy,
    previous: Mapping[str, LogEntry],
) -> list[FetchedPage]:
    return await fetch_batch(
        urls, settings=settings, run_id=run_id, robots=robots, policy=policy, previous=previous
    )


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_task(fetched: Sequence[FetchedPage], settings: Settings) -> list[ParsedPage]:
    return parse_fetched_pages(fetched, RawStore(settings.raw_dir), sites=site_rules(settings))


@task(name="normalize", cache_policy=NO_CACHE)
def normalize_task(parsed: Sequence[ParsedPage], settings: Settings, run_id: str) -> Tables:
    return build_tables(
        parsed,
        run_id=run_id,
        default_currency=settings.source.default_currency,
        quality=settings.quality,
    )


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(
    tables: Tables,
    settings: Settings,
    run_id: str,
    manifest_extra: Mapping[str, Any],
    force: bool,
    keep_urls: Collection[str] = (),
) -> PublishResult:
    """Publish, keeping the last good rows of `keep_urls` (failed transiently); then retention."""
    arrow = carry_from_latest(tables.to_arrow(), settings.parquet_dir, keep_urls)
    result = publish(
        arrow,
        parquet_dir=settings.parquet_dir,
        run_id=run_id,
        manifest_extra=manifest_extra,
        force=force,
    )
    if settings.load.keep_last is not None or settings.load.keep_days is not None:
        try:
            collect(settings.data_dir, keep_last=settings.load.keep_last,
                    keep_days=settings.load.keep_days)
        except (CareersEtlError, OSError) as exc:  # the version is published; cleanup can wait
            log.warning("retention failed, old versions kept until the next run: %s", exc)
    return result
