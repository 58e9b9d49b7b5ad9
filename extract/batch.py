"""Discovery and fetch batches, as Prefect tasks call them: a client of their own each.

Each batch waits the per-host delay before its first request to a host (see
`extract.politeness`), so the delay holds across batches run one after
another. Batches of the same host must not run at the same time: per-host
concurrency is enforced within a batch, not across concurrent batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from core.settings import Settings, SiteProfile
from extract.discover import Discovery, discover
from extract.fetch import fetch_pages, make_client
from extract.hostpolicy import HostPolicy
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage
from extract.robots import RobotsRules


async def fetch_batch(
    urls: Iterable[str],
    *,
    settings: Settings,
    run_id: str,
    robots: Mapping[str, RobotsRules],
    policy: HostPolicy | None = None,
    previous: Mapping[str, LogEntry] | None = None,
) -> list[FetchedPage]:
    """Fetch `urls` into `settings.raw_dir`; one `FetchedPage` per distinct URL.

    `robots` and `policy` come from `Discovery` (robots.txt is not fetched
    again for hosts it covers); without `policy`, the hosts of
    `settings.source.start_urls` are the allowed ones. Conditional requests
    use `previous`, by default the fetch log of earlier runs read here (a flow
    with many batches over a long history may read it once and pass it on).
    """
    store = RawStore(settings.raw_dir)
    if policy is None:
        policy = await HostPolicy.build(
            [str(u) for u in settings.source.start_urls], settings.source
        )
    if previous is None:
        previous = store.latest_by_url(exclude_run=run_id)
    async with make_client(settings.crawl) as client:
        return await fetch_pages(
            client,
            urls,
            settings=settings.crawl,
            store=store,
            run_id=run_id,
            policy=policy,
            robots=robots,
            previous=previous,
        )


async def discover_site(
    settings: Settings,
    site: SiteProfile,
    *,
    run_id: str,
    previous: Mapping[str, LogEntry] | None = None,
) -> Discovery:
    """Discover the page URLs of one site's start URLs, recording what it fetched."""
    async with make_client(settings.crawl) as client:
        return await discover(
            client,
            [str(u) for u in site.start_urls],
            settings=settings.crawl,
            source=site,
            store=RawStore(settings.raw_dir),
            run_id=run_id,
            previous=previous,
        )
