"""Shared helpers for the fetch tests: fast polite settings and a one-call fetch."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from core.settings import CrawlSettings, SourceSettings
from extract.hostpolicy import HostPolicy
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage
from extract.robots import RobotsRules
from extract.session import CrawlSession
from tests.faultserver import Request

DELAY = 0.05
TOLERANCE = 0.02  # server-side arrival stamps jitter a little on a busy machine (GIL, threads)


def fast(**overrides: object) -> CrawlSettings:
    """Polite settings scaled down so the suite stays fast."""
    values: dict[str, object] = {
        "per_host_delay": DELAY,
        "delay_jitter": 0.2,
        "connect_timeout": 2.0,
        "read_timeout": 5.0,  # generous: a test of timeouts sets its own
        "total_timeout": 10.0,
        "max_retries": 3,
        "backoff_base": 0.05,
        "backoff_max": 1.0,
        "retry_budget": 5.0,
        "max_retry_after": 2.0,
        "max_body_bytes": 1024 * 1024,
    }
    values.update(overrides)
    return CrawlSettings.model_validate(values)


def fetch(
    urls: Sequence[str],
    root: Path,
    *,
    settings: CrawlSettings | None = None,
    sources: Iterable[str] | None = None,
    source: SourceSettings | None = None,
    robots: Mapping[str, RobotsRules] | None = None,
    previous: Mapping[str, LogEntry] | None = None,
    run_id: str = "20261128T070000Z-aaaaaa",
) -> list[FetchedPage]:
    """Fetch `urls` into a raw store at `root`, with the hosts of `sources` (default: urls)."""

    async def go() -> list[FetchedPage]:
        policy = await HostPolicy.build(
            list(sources if sources is not None else urls), source or SourceSettings()
        )
        crawl = settings or fast()
        store = RawStore(root)
        async with CrawlSession(crawl, store, run_id, previous or {}) as session:
            session.hosts.robots.update(robots or {})
            return await session.fetch(urls, policy)

    return asyncio.run(go())


def gaps(requests: Sequence[Request]) -> list[float]:
    """Seconds between consecutive request arrivals."""
    starts = [r.start for r in requests]
    return [b - a for a, b in itertools.pairwise(starts)]


def max_overlap(requests: Sequence[Request]) -> int:
    """The largest number of requests the server was answering at one moment."""
    events = []
    for r in requests:
        assert r.end is not None, f"request {r.path} never finished"
        events += [(r.start, 1), (r.end, -1)]
    current = peak = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):
        current += step
        peak = max(peak, current)
    return peak
