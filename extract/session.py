"""One run's fetching: one HTTP client, and per host one limiter, one robots.txt.

Discovery and every fetch batch of a run go through one `CrawlSession`, so
connections are kept alive across batches (one TLS handshake per host, not per
batch), a host's delay runs across batch boundaries without each batch waiting
a fresh gap, and robots.txt is fetched once per host even when several sites
share it. The fetch log of earlier runs (what conditional requests revalidate)
is read once, here, and never travels through task arguments.

Hosts of one session must be fetched by one batch at a time (the flow plans
them so): per-host concurrency is a limiter of the session, but two batches of
one host at once would interleave their URLs, not break the delay.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType

import httpx

from core.settings import CrawlSettings, SiteProfile
from extract.discover import Discovery, discover, start_urls_of
from extract.fetch import Fetcher, HostStates, make_client
from extract.hostpolicy import HostPolicy
from extract.politeness import Clock
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage


class CrawlSession:
    """Use as `async with CrawlSession(...) as session:`; safe for concurrent tasks."""

    def __init__(
        self,
        settings: CrawlSettings,
        store: RawStore,
        run_id: str,
        previous: Mapping[str, LogEntry] | None = None,
        *,
        clock: Clock | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.run_id = run_id
        self.previous = (
            previous if previous is not None else store.latest_by_url(exclude_run=run_id)
        )
        self.hosts = HostStates()
        self._clock = clock
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> CrawlSession:
        self._client = make_client(self.settings, transport=self._transport)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def fetcher(self, policy: HostPolicy) -> Fetcher:
        """A fetcher for hosts under `policy`, sharing the session's client and host state."""
        if self._client is None:
            raise RuntimeError("CrawlSession used outside `async with`")
        return Fetcher(
            self._client,
            settings=self.settings,
            store=self.store,
            run_id=self.run_id,
            policy=policy,
            previous=self.previous,
            clock=self._clock,
            hosts=self.hosts,
        )

    async def discover(self, site: SiteProfile) -> Discovery:
        """Discover one site's page URLs (see `extract.discover`)."""
        policy = await HostPolicy.build(start_urls_of(site), site)
        return await discover(self.fetcher(policy), site)

    async def fetch(self, urls: Iterable[str], policy: HostPolicy) -> list[FetchedPage]:
        """Fetch `urls` into the raw store; one `FetchedPage` per distinct URL, never raising
        for a page (a `StorageError` stops the run)."""
        return await self.fetcher(policy).fetch_all(urls)
