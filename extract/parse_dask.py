"""Parse on a Dask cluster: the `Parser` behind `reparse --task-runner dask`.

The contract is `ParsePool.parse`'s (pages in, their records out, in order, never
an exception for a page); only the place changes. Pages with a body go to the
cluster in chunks of `CHUNK`, one Dask task each, and every worker reads the
bodies from the raw store itself (an s3:// prefix, with the AWS variables in the
worker's environment, or a folder every worker mounts): only `FetchedPage`
records and the store's address cross the network, never a body.

The chunks go straight to a `distributed.Client`, not through prefect-dask's
`DaskTaskRunner`. The flow's parse-batch task still runs, and is recorded by
Prefect, in the flow's process, and awaits its chunks there; the workers run a
plain function. So a worker needs no Prefect server and no Prefect import, and
a chunk costs Dask's few milliseconds instead of the 150-670 ms Prefect spends
rebuilding its context per task on a worker (measured with prefect 3.9,
prefect-dask 0.3.7, on 2 cores).

What the in-process pool does and this does not: `crawl.parse_budget`. A Dask
task is a thread in its worker and cannot be killed, so a page that parses for
minutes holds that thread for minutes (the parsers are linear in the page, so it
ends). A chunk whose worker dies is rerun by Dask on another worker (its
`allowed-failures`); if that fails too, its pages are tried one by one, and a
page that still kills its worker is `failed_parse` with the reason.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from core.errors import UserError
from extract.parse.siterules import SiteRules
from extract.parse_pages import parse_fetched_pages
from extract.parse_pool import default_workers, failed, parse_in_chunks
from extract.rawstore import RawStore
from extract.records import FetchedPage, ParsedPage

CHUNK = 100  # pages per Dask task: ~0.4 s of parsing against a few ms of Dask per task
CONNECT_SECONDS = 30.0  # to reach the scheduler
WORKER_SECONDS = 60.0  # for its first worker to join

_stores: dict[str, RawStore] = {}  # per worker process: one raw store per address


def parse_on_worker(
    pages: Sequence[FetchedPage], raw_dir: str, sites: Sequence[SiteRules]
) -> list[ParsedPage]:
    """A chunk parsed on a Dask worker, its bodies read from the raw store at `raw_dir`."""
    store = _stores.get(raw_dir)
    if store is None:
        store = _stores[raw_dir] = RawStore(raw_dir)
    return parse_fetched_pages(pages, store, sites=sites)


class DaskParser:
    """Parse through a connected Dask `Client` (see `connect`)."""

    def __init__(
        self, client: Any, raw_dir: str, *, sites: Sequence[SiteRules] = (), chunk: int = CHUNK
    ) -> None:
        self._client = client
        self._raw_dir = raw_dir
        self._sites = tuple(sites)
        self._size = chunk

    @classmethod
    @asynccontextmanager
    async def connect(
        cls,
        raw_dir: str,
        *,
        address: str | None,
        workers: int | None = None,
        sites: Sequence[SiteRules] = (),
        chunk: int = CHUNK,
    ) -> AsyncIterator[DaskParser]:
        """A parser on the scheduler at `address`, or, with None, on a LocalCluster of
        `workers` single-threaded worker processes (one per core by default) started here
        and stopped on exit. Parsing holds the GIL: one thread per worker process.
        `chunk`: pages per Dask task."""
        from distributed import Client, LocalCluster

        if address is None:
            async with (
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers or default_workers(), threads_per_worker=1,
                    processes=True, dashboard_address=None, asynchronous=True,
                ) as cluster,
                Client(cluster, asynchronous=True) as client,  # type: ignore[no-untyped-call]
            ):
                yield cls(client, raw_dir, sites=sites, chunk=chunk)
            return
        try:
            client = await Client(  # type: ignore[no-untyped-call]
                address, asynchronous=True, timeout=CONNECT_SECONDS
            )
        except (OSError, TimeoutError) as exc:
            raise UserError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            try:
                await client.wait_for_workers(1, timeout=WORKER_SECONDS)
            except TimeoutError:
                raise UserError(
                    f"no Dask worker joined the scheduler at {address} within "
                    f"{WORKER_SECONDS:g} s (start some with `dask worker {address}`)"
                ) from None
            yield cls(client, raw_dir, sites=sites, chunk=chunk)
        finally:
            await client.close()

    async def parse(self, pages: Sequence[FetchedPage]) -> list[ParsedPage]:
        """The pages parsed, in order; never raises for a page (see the module doc)."""
        return await parse_in_chunks(pages, self._size, self._chunk)

    async def _chunk(self, pages: list[FetchedPage]) -> list[ParsedPage]:
        from distributed import KilledWorker

        future = self._client.submit(
            parse_on_worker, pages, self._raw_dir, self._sites, pure=False
        )
        try:
            parsed: list[ParsedPage] = await future
            return parsed
        except KilledWorker as exc:  # its workers died under it, more than Dask retries
            if len(pages) == 1:
                return [failed(pages[0], f"the parser's Dask worker died ({exc})")]
        return [p for page in pages for p in await self._chunk([page])]
