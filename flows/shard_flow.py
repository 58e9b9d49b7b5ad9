"""The `crawl-shard` flow: one shard of a sharded ingest, run by a work pool's worker.

A shard crawls and parses the hosts the ingest run gave it, in one process (one
politeness limiter per host, bodies never leave the machine: they go to the raw
store, and the parsed pages to the run's staging area, flows/staging.py). The
ingest run normalizes, checks the gates and publishes once (flows/shards.py).

While it lives a shard holds a lease on each of its hosts (so no host is ever
crawled by two shards at once, a retried shard included) and moves a heartbeat
on, by which the ingest run tells a live shard from a dead one.
"""

# No `from __future__ import annotations`: Prefect builds the flow's parameter model from
# the real annotations, and a deployment run validates its JSON parameters against it.

import asyncio
import os
import socket
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta

from prefect import flow

from core.errors import CareersEtlError
from core.settings import Settings
from core.store import Busy, open_store
from extract.rawstore import RawStore
from extract.session import CrawlSession
from flows.crawl import crawl_sources
from flows.events import log
from flows.ingest_flow import parse_pool
from flows.plan import hosts_of
from flows.report import failed_with_reason
from flows.staging import RunStaging

LEASES_DIR = "_leases"


class HostTaken(CareersEtlError):
    """Another shard still holds a host's lease: crawling it now would break its politeness."""


@flow(name="crawl-shard", log_prints=False, on_failure=[failed_with_reason])
async def crawl_shard(settings: Settings, run_id: str, shard: int, attempt: int = 1) -> int:
    """Crawl and parse this shard's sources for ingest run `run_id`; stage what it parsed.

    Returns the number of staged parse batches (0 when another attempt of the shard
    finished first, or the run gave it up: then nothing of this attempt counts).
    """
    staging = RunStaging(settings.data_dir, run_id)
    writer = staging.writer(shard, attempt)
    beat = settings.crawl.shard_heartbeat
    async with AsyncExitStack() as held:
        await held.enter_async_context(heartbeat(staging, shard, attempt, beat / 4))
        await hold_hosts(held, settings, run_id, shard, attempt)
        pool = held.enter_context(parse_pool(settings))
        session = await held.enter_async_context(
            CrawlSession(settings.crawl, RawStore(settings.raw_dir), run_id)
        )
        discoveries = await crawl_sources(settings, run_id, session, pool, writer)
        counted = await asyncio.to_thread(writer.finish, discoveries)
    if not counted:
        log.warning("crawl shard %d of run %s: another attempt finished first; this one"
                    " counts for nothing", shard, run_id)
        return 0
    return writer.parts


@asynccontextmanager
async def heartbeat(staging: RunStaging, shard: int, attempt: int, every: float
                    ) -> AsyncIterator[None]:
    """Move the attempt's heartbeat on every `every` seconds while the block runs."""

    async def beat() -> None:
        etag: str | None = None
        count = 0
        while True:
            count += 1
            try:
                etag = await asyncio.to_thread(staging.beat, shard, attempt, count, etag)
            except Exception as exc:  # a store hiccup: the next beat tries again
                log.warning("crawl shard %d: heartbeat not written: %s", shard, exc)
                etag = None if isinstance(exc, FileNotFoundError) else etag
            await asyncio.sleep(every)

    task = asyncio.ensure_future(beat())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def hold_hosts(held: AsyncExitStack, settings: Settings, run_id: str, shard: int,
                     attempt: int) -> None:
    """Take the lease of every host of the shard, waiting (up to two heartbeats) for one
    that a dead shard left to expire; `HostTaken` when a live shard keeps it."""
    store = open_store(settings.data_dir)
    ttl = timedelta(seconds=settings.crawl.shard_heartbeat)
    holder = {"kind": "crawl-shard", "run_id": run_id, "shard": shard, "attempt": attempt,
              "pid": os.getpid(), "host": socket.gethostname()}
    for host in sorted(hosts_of(settings.sources)):
        deadline = time.monotonic() + 2 * ttl.total_seconds()
        while True:
            try:
                await asyncio.to_thread(
                    held.enter_context, store.lease(lease_key(host), holder, ttl=ttl)
                )
                break
            except Busy as exc:
                if time.monotonic() > deadline:
                    raise HostTaken(f"host {host} is being crawled by another shard: {exc}"
                                    ) from None
                await asyncio.sleep(1.0)


def lease_key(host: str) -> str:
    return f"{LEASES_DIR}/host-{host.replace('/', '_')}"
