"""The reparse flow: rebuild every table from `data/raw/` with no network.

This is how a parser or normalizer fix reaches past data: the bodies behind
the latest published version (every page it logged with a body, and the
careers it carried forward) are parsed again and published as a new version
whose manifest names the fetch runs they came from. Pages the latest version
dropped (gone, no longer listed) stay dropped. Before the first version, the
newest stored body of every URL is used.

Run it with `python -m flows.reparse [--data-dir DIR] [--force]`; with `--task-runner dask
[--dask-address tcp://HOST:PORT]` the pages are parsed on a Dask cluster (see
extract/parse_dask.py).
"""

# No `from __future__ import annotations`: Prefect builds the flow's parameter model from
# the real annotations, and a deployment run validates its JSON parameters against it.

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from prefect import flow

from core.errors import UserError
from core.settings import Settings
from extract.parse.siterules import from_settings as site_rules
from extract.parse_pool import ParsePool, Parser
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage, Outcome
from flows.collect import RunPages
from flows.events import pages_done, run_started, stage_finished, stage_started
from flows.ingest_flow import (
    StageClock,
    finish_run,
    one_run_at_a_time,
    open_run_baseline,
    parse_pool,
)
from flows.report import failed_with_reason, refuse
from flows.scope import keep_from_baseline, why_no_careers
from flows.summary import RunSummary
from flows.tasks import parse_task
from load import Baseline
from load.runid import new_run_id


def check_raw_store(store: RawStore) -> None:
    """Reparse reads the raw store and never creates it: a missing one is a user error."""
    if not store.store.is_folder("") or not (store.run_ids() or store.store.ls("")):
        raise UserError(f"no raw store at {store.where} (is --data-dir right?)")


def pages_to_reparse(store: RawStore, baseline: Baseline) -> tuple[list[FetchedPage], list[str]]:
    """The stored pages behind `baseline` (see the module doc), in URL order, and the fetch
    runs they came from.

    Each (url, body) of the baseline's `pages` and `careers` tables is a page to parse
    again. Its fetch-log entry supplies what the tables do not keep (content type,
    redirect target); a body whose entry is gone (a lost fetch log) is still parsed,
    from what the tables say. Before the first version: the newest body of every URL.
    """
    if baseline.run_id is None:
        entries = list(store.latest_by_url().values())
        return [_page_of(e) for e in sorted(entries, key=lambda e: e.url)], [
            e.run_id for e in entries
        ]
    wanted: dict[tuple[str, str], FetchedPage] = {}
    for name in ("pages", "careers"):
        table = baseline.tables.get(name)
        if table is None:
            continue
        for row in table.select(_ROW_COLUMNS[name]).to_pylist():
            if row["content_sha256"]:
                key = (row["url"], row["content_sha256"])
                wanted.setdefault(key, _page_of_row(row))
    found: dict[tuple[str, str], LogEntry] = {}
    for entry in store.entries():  # oldest first: the newest log entry of a body wins
        if entry.sha256 is None:
            continue
        for url in (entry.url, entry.final_url):
            if url is not None and (url, entry.sha256) in wanted:
                found[(url, entry.sha256)] = entry
    # A body reached both under its URL and its redirect target is parsed once.
    by_entry = {id(e): e for e in found.values()}
    covered = set(found) | {
        (e.final_url, e.sha256) for e in by_entry.values() if e.final_url and e.sha256
    }
    pages = [_page_of(e) for e in by_entry.values()]
    pages += [page for key, page in wanted.items() if key not in covered]
    runs = [e.run_id for e in by_entry.values()]
    return sorted(pages, key=lambda page: page.url), runs


_ROW_COLUMNS = {
    "pages": ["url", "status", "fetched_at", "bytes", "content_sha256"],
    "careers": ["url", "fetched_at", "content_sha256"],
}


def _page_of(e: LogEntry) -> FetchedPage:
    return FetchedPage(
        url=e.url,
        outcome=Outcome.PARSED,
        status=e.status,
        fetched_at=e.fetched_at,
        content_sha256=e.sha256,
        bytes=e.bytes,
        content_type=e.content_type,
        etag=e.etag,
        last_modified=e.last_modified,
        final_url=e.final_url,
    )


def _page_of_row(row: dict[str, object]) -> FetchedPage:
    status = row.get("status")
    size = row.get("bytes")
    return FetchedPage(
        url=str(row["url"]),
        outcome=Outcome.PARSED,
        status=status if isinstance(status, int) else 200,
        fetched_at=row.get("fetched_at"),  # type: ignore[arg-type]
        content_sha256=str(row["content_sha256"]),
        bytes=size if isinstance(size, int) else None,
    )


# Pages per parse task: no fetching to interleave, so batches only pay Prefect's per-task
# cost (a task run's states and its arguments walked); the pool still parses 25 at a time.
REPARSE_BATCH = 500


@flow(name="reparse", log_prints=False, on_failure=[failed_with_reason])
async def reparse(settings: Settings, force: bool = False) -> RunSummary:
    """Parse every stored body again and publish the result as a new version."""
    store = RawStore(settings.raw_dir)
    check_raw_store(store)
    run_id = new_run_id()
    await run_started(run_id, "reparse")
    with one_run_at_a_time(settings, "reparse", run_id), parse_pool(settings) as pool:
        async with run_parser(settings, pool) as parser:
            return await _reparse(settings, store, run_id, force, pool, parser)


@asynccontextmanager
async def run_parser(settings: Settings, pool: ParsePool) -> AsyncIterator[Parser]:
    """Where the run's pages are parsed (`crawl.task_runner`): `pool`, or a Dask cluster
    whose workers read the bodies from the raw store themselves. Normalizing stays in
    `pool` either way: one call per few thousand pages."""
    crawl = settings.crawl
    if crawl.task_runner == "local":
        yield pool
        return
    from extract.parse_dask import DaskParser

    async with DaskParser.connect(
        str(settings.raw_dir), address=crawl.dask_address, workers=crawl.parse_workers,
        sites=site_rules(settings),
    ) as parser:
        yield parser


async def _reparse(
    settings: Settings,
    store: RawStore,
    run_id: str,
    force: bool,
    pool: ParsePool,
    parser: Parser,
) -> RunSummary:
    clock = StageClock()
    baseline = open_run_baseline(settings)
    pages, runs = pages_to_reparse(store, baseline)
    stage_started(run_id, "reparse", total=len(pages))
    parsed = RunPages(pool, default_currency=settings.source.default_currency)

    async def parse_batch(batch: list[FetchedPage]) -> None:
        pages_done(run_id, "reparse", await parse_task(batch, parser, parsed))

    with clock.stage("parse"):
        size = REPARSE_BATCH
        batches = [pages[start : start + size] for start in range(0, len(pages), size)]
        await asyncio.gather(*map(parse_batch, batches))
    stage_finished(run_id, "reparse")
    empty = why_no_careers(parsed.outcomes)
    if empty is not None:
        raise await refuse(f"nothing to publish: {empty}")
    hosts = frozenset(baseline.careers_by_host())
    # Careers whose stored body could not be read keep their rows; the rest is rebuilt.
    keep = keep_from_baseline(
        parsed.outcomes, baseline=baseline, previous={}, crawled=hosts, unreachable={},
        replace_sources=False,
    )
    fetch_runs = dict(sorted(Counter(runs).items()))
    return await finish_run(
        parsed, settings=settings, run_id=run_id, clock=clock, force=force,
        manifest_extra={"kind": "reparse", "reparse_of": fetch_runs},
        baseline=baseline, keep=keep, compared_hosts=hosts, sources=baseline.sources,
    )
