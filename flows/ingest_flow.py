"""The ingest flow: discover, fetch and parse in batches, normalize, check, publish.

Run it with `python -m flows.ingest` (see `--help`), or on a schedule with `--serve`.
"""

# No `from __future__ import annotations`: Prefect builds the flow's parameter model from
# the real annotations, and a deployment run validates its JSON parameters against it.

import os
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from prefect import flow

from core.settings import Settings
from core.store import open_store
from extract.parse.siterules import from_settings as site_rules
from extract.parse_pool import ParsePool
from extract.rawstore import RawStore
from extract.session import CrawlSession
from flows.collect import RunPages
from flows.crawl import crawl_sources
from flows.events import log, run_started, stage_finished, stage_started
from flows.report import failed_with_reason, publish_report_artifacts, refuse
from flows.scope import (
    Keep,
    crawled_hosts,
    dataset_sources,
    keep_from_baseline,
    unreachable_hosts,
    why_no_careers,
)
from flows.shards import crawl_in_shards
from flows.sources import live_sources
from flows.summary import RunSummary, count_outcomes
from flows.tasks import normalize_task, publish_task
from load import Baseline, new_run_id, open_baseline
from load.locks import run_lock
from transform.errors import QualityGateFailed
from transform.quality import check_gates


class StageClock:
    """Wall-clock seconds per stage, for the run summary."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@flow(name="ingest", log_prints=False, on_failure=[failed_with_reason])
async def ingest(settings: Settings, force: bool = False) -> RunSummary:
    """Crawl the configured sources (the bundled sample site when none) and publish."""
    run_id = new_run_id()
    await run_started(run_id, "ingest")
    open_store(settings.data_dir).ensure()
    with (
        one_run_at_a_time(settings, "ingest", run_id),
        live_sources(settings) as live,
        parse_pool(live) as pool,
    ):
        return await _ingest(live, force, run_id, pool)


@contextmanager
def one_run_at_a_time(settings: Settings, kind: str, run_id: str) -> Iterator[None]:
    """Hold the data dir for this run: a second ingest or reparse there is refused."""
    holder = {"kind": kind, "run_id": run_id, "pid": os.getpid(),
              "started": datetime.now(UTC).isoformat(timespec="seconds")}
    with run_lock(settings.data_dir, holder):
        yield


def parse_pool(settings: Settings) -> ParsePool:
    """The run's parse workers (closed, and any page in flight abandoned, when it ends)."""
    crawl = settings.crawl
    return ParsePool(
        settings.raw_dir, workers=crawl.parse_workers, budget=crawl.parse_budget,
        sites=site_rules(settings),
    )


def open_run_baseline(settings: Settings) -> Baseline:
    """The version this run builds on, read once; damaged versions are passed over aloud."""
    baseline = open_baseline(settings.parquet_dir, repair=True)
    for problem in baseline.problems:
        log.warning("%s", problem)
    return baseline


async def _ingest(settings: Settings, force: bool, run_id: str, pool: ParsePool) -> RunSummary:
    clock = StageClock()
    baseline = open_run_baseline(settings)
    raw = RawStore(settings.raw_dir)
    # What conditional requests revalidate, and where a failed page redirected last time:
    # the fetch log of earlier runs, read once.
    previous = raw.latest_by_url(exclude_run=run_id)
    pages = RunPages(pool, default_currency=settings.source.default_currency)
    lost: dict[str, str] = {}
    with clock.stage("crawl"):
        if settings.crawl.shards > 1:
            sharded = await crawl_in_shards(settings, run_id, pages)
            discoveries, lost = sharded.discoveries, sharded.lost_hosts
        else:
            # One client, one limiter and robots.txt per host for the whole run.
            async with CrawlSession(settings.crawl, raw, run_id, previous=previous) as session:
                discoveries = await crawl_sources(settings, run_id, session, pool, pages)
    if lost and not pages.outcomes:
        raise await refuse(f"nothing to publish: {next(iter(lost.values()))}")
    empty = why_no_careers(pages.outcomes, discoveries, settings.sources)
    if empty is not None:
        raise await refuse(f"nothing to publish: {empty}")
    crawled = crawled_hosts(settings.sources, pages.outcomes)
    keep = keep_from_baseline(
        pages.outcomes, baseline=baseline, previous=previous, crawled=crawled,
        unreachable={**unreachable_hosts(discoveries), **lost},
        replace_sources=settings.source.replace_sources,
    )
    return await finish_run(
        pages, settings=settings, run_id=run_id, clock=clock, force=force,
        manifest_extra={"kind": "ingest"}, baseline=baseline, keep=keep,
        compared_hosts=crawled,
        sources=dataset_sources(settings.sources, baseline, keep.other_hosts),
    )


async def finish_run(
    pages: RunPages,
    *,
    settings: Settings,
    run_id: str,
    clock: StageClock,
    force: bool,
    manifest_extra: Mapping[str, Any],
    baseline: Baseline,
    keep: Keep,
    compared_hosts: Collection[str],
    sources: Sequence[Mapping[str, Any]],
) -> RunSummary:
    """Normalize, check the quality gates, publish, and report the run (ingest and reparse).

    `keep`: what the run keeps from `baseline` (see flows/scope.py). Fill rates are
    compared with the baseline's careers of `compared_hosts` only.
    """
    stage_started(run_id, "normalize", total=len(pages.outcomes))
    with clock.stage("normalize"):
        tables = await normalize_task(pages, keep.unreachable_pages, settings, run_id)
        quality = tables.quality.with_previous(
            baseline.fill_rates_of_hosts(compared_hosts),
            settings.quality.fill_rate_drop_warning,
        )
    outcomes = count_outcomes(pages.outcomes)  # the unreachable pages included, now
    stage_finished(run_id, "normalize")
    try:
        check_gates(quality, settings.quality)
    except QualityGateFailed:
        await publish_report_artifacts(None, quality.lines())
        raise
    notes = [
        f"kept {n} careers of {host}, which this run's sources do not name"
        " (--replace-sources drops them)"
        for host, n in sorted(keep.other_hosts.items())
    ]
    stage_started(run_id, "publish", total=len(pages.outcomes))
    with clock.stage("publish"):
        extra = {
            **manifest_extra,
            "settings": settings.model_dump(mode="json"),
            "pages": outcomes,
            "quality": quality.to_dict(),
            "stage_seconds": dict(clock.seconds),
        }
        result = publish_task(tables, settings, run_id, extra, force, baseline, keep, sources)
    stage_finished(run_id, "publish")
    summary = RunSummary(
        run_id=run_id,
        published=result.published,
        reason=result.reason,
        version=result.run_id if result.published else result.previous,
        parquet_dir=settings.parquet_dir,
        pages_by_outcome=outcomes,
        rows=dict(result.row_counts),
        quality=tuple(quality.lines()),
        diff=result.diff_summary if result.published else None,
        stage_seconds=dict(clock.seconds),
        notes=(*baseline.problems, *notes),
    )
    await publish_report_artifacts(summary, summary.quality)
    return summary
