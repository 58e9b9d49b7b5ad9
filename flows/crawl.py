"""Crawl a set of sources: discover, then fetch host by host, each batch parsed into a sink.

The one crawl loop, run by the ingest flow on one machine and by each
`crawl-shard` flow run of a sharded ingest (flows/shard_flow.py); what differs
is where the parsed batches go: the run's own pages (flows/collect.py) or the
shard's staging files (flows/staging.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from core.settings import Settings, SiteProfile
from extract.discover import Discovery
from extract.parse_pool import Parser
from extract.records import FetchedPage
from extract.session import CrawlSession
from flows.events import pages_done, stage_finished, stage_started
from flows.plan import HostCrawl, plan_crawl, sites_by_host
from flows.tasks import PageSink, discover_task, fetch_task, parse_task


async def crawl_sources(
    settings: Settings, run_id: str, session: CrawlSession, parser: Parser, sink: PageSink
) -> list[Discovery]:
    """Crawl `settings.sources` into `sink`; what discovery found, for the run's scope."""

    async def discover_host(sites: Sequence[SiteProfile]) -> list[Discovery]:
        # Sites of one host one after another: its politeness limits hold for discovery too.
        return [await discover_task(session, site) for site in sites]

    stage_started(run_id, "discover")
    by_host = await asyncio.gather(
        *(discover_host(sites) for sites in sites_by_host(settings.sources).values())
    )
    discoveries = [d for found in by_host for d in found]
    stage_finished(run_id, "discover")
    # What discovery fetched itself: profile start URLs to parse, indexes and failures to record.
    await parse_task([p for d in discoveries for p in d.pages], parser, sink)

    async def parse_batch(fetched: list[FetchedPage]) -> None:
        pages_done(run_id, "crawl", await parse_task(fetched, parser, sink))

    async def crawl_host(plan: HostCrawl) -> None:
        # Batch n is parsed in the pool while batch n+1 is fetched.
        parsing: list[asyncio.Future[None]] = []
        for urls in plan.batches:
            fetched = await fetch_task(urls, session, plan.policy)
            parsing.append(asyncio.ensure_future(parse_batch(fetched)))
        await asyncio.gather(*parsing)

    plans = plan_crawl(discoveries, settings.crawl.batch_size)
    stage_started(run_id, "crawl", total=sum(len(b) for p in plans.values() for b in p.batches))
    await asyncio.gather(*(crawl_host(p) for p in plans.values()))
    stage_finished(run_id, "crawl")
    return discoveries
