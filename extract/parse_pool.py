"""Parse off the event loop: worker processes, and a time budget for every page.

Parsing is CPU work (lexbor plus our Python). Run on the flow's event loop it
stalls every other host's fetches and keeps Ctrl-C waiting; threads would share
one GIL. So pages are parsed in worker processes (pebble), which read the
bodies from the raw store themselves: only small records cross the boundary.

Pages go to the workers in chunks (one task per few dozen pages keeps the
per-task cost far below a parse). A chunk that runs past `budget` seconds has
its worker killed and replaced; its pages are then tried one by one, each
with the budget to itself, and a page that still runs out of time is
`failed_parse` with the reason. One hostile page (a megabyte of nested
unclosed tags) costs one budget, never the run.

Workers ignore SIGINT (the process group's Ctrl-C is the parent's to handle)
and are stopped at once when the pool closes, also on cancellation.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from types import TracebackType
from typing import Any, Protocol, TypeVar, cast

from pebble import ProcessExpired, ProcessPool

from core.store import Where
from extract.parse.siterules import SiteRules
from extract.parse_pages import parse_fetched_pages, parse_one
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome, ParsedPage

T = TypeVar("T")
CHUNK = 25  # pages per worker task
_store: RawStore | None = None  # the worker's raw store, set by its initializer
_sites: Sequence[SiteRules] = ()  # the configured sites' own reading rules, likewise


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(raw_dir: str, sites: Sequence[SiteRules], env: dict[str, str]) -> None:
    global _store, _sites
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(env)
    _store = RawStore(raw_dir)
    _sites = sites


def _store_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The variables an object store's client reads (AWS_*: keys, region, endpoint)."""
    return {key: value for key, value in environ.items() if key.startswith("AWS_")}


def _parse_chunk(pages: Sequence[FetchedPage]) -> list[ParsedPage]:
    assert _store is not None, "worker started without its raw store"
    return parse_fetched_pages(pages, _store, sites=_sites)


def _forkserver() -> multiprocessing.context.BaseContext:
    """Workers forked from a forkserver, never from a parent that runs Prefect's threads.

    The forkserver imports this module (the parsers, the raw store, pyarrow) before it
    forks a worker, so each worker starts with them loaded instead of importing them
    again. The list is read when the forkserver starts (a process's first pool);
    `__main__` is multiprocessing's own default.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", __name__])
    return context


class Parser(Protocol):
    """Where a run's pages are parsed: this machine's `ParsePool`, or a Dask cluster
    (`extract.parse_dask.DaskParser`). The flow's parse task awaits one of them."""

    async def parse(self, pages: Sequence[FetchedPage]) -> list[ParsedPage]:
        """The pages parsed, in order; a page's failure is its record, never an exception."""
        ...


async def parse_in_chunks(
    pages: Sequence[FetchedPage],
    size: int,
    parse_chunk: Callable[[list[FetchedPage]], Awaitable[list[ParsedPage]]],
) -> list[ParsedPage]:
    """`pages` parsed in order: those with a stored body in chunks of `size` (all at once,
    each through `parse_chunk`), the others (errors, redirects, 304s) settled here."""
    with_body = [i for i, page in enumerate(pages) if page.has_body]
    done: dict[int, ParsedPage] = {
        i: parse_one(page, None) for i, page in enumerate(pages) if not page.has_body
    }
    chunks = [with_body[i : i + size] for i in range(0, len(with_body), size)]
    results = await asyncio.gather(*(parse_chunk([pages[i] for i in c]) for c in chunks))
    for chunk, parsed in zip(chunks, results, strict=True):
        done.update(zip(chunk, parsed, strict=True))
    return [done[i] for i in range(len(pages))]


def failed(page: FetchedPage, why: str) -> ParsedPage:
    return ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error=why)


def out_of_time(page: FetchedPage, budget: float) -> ParsedPage:
    return failed(page, f"parse took longer than {budget:g}s (crawl.parse_budget); left out")


class ParsePool:
    """The run's parse workers; `await pool.parse(pages)` from any task of the flow."""

    def __init__(
        self,
        raw_dir: Where,
        *,
        workers: int | None = None,
        budget: float,
        sites: Sequence[SiteRules] = (),
    ) -> None:
        self.budget = budget
        self._pool = ProcessPool(
            max_workers=workers or default_workers(),
            initializer=_start_worker,
            # The run's object-store credentials, as the run sees them now: the forkserver
            # (one per process, started by its first pool) may predate them.
            initargs=(str(raw_dir), tuple(sites), _store_env(os.environ)),
            context=_forkserver(),
        )

    async def parse(self, pages: Sequence[FetchedPage]) -> list[ParsedPage]:
        """The pages parsed, in order; never raises for a page (see the module doc)."""
        return await parse_in_chunks(pages, CHUNK, self._chunk)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` in a worker (a pure function of picklable values), awaited:
        other CPU work of the run (normalizing a batch) stays off the event loop too."""
        future = self._pool.schedule(fn, args=args, kwargs=kwargs)
        try:
            return cast(T, await asyncio.wrap_future(future))
        except asyncio.CancelledError:
            future.cancel()  # type: ignore[no-untyped-call]
            raise

    async def _chunk(self, pages: list[FetchedPage]) -> list[ParsedPage]:
        try:
            return await self._run(pages)
        except FutureTimeout:
            if len(pages) == 1:
                return [out_of_time(pages[0], self.budget)]
        except ProcessExpired as exc:  # the worker died under it (out of memory, a crash)
            if len(pages) == 1:
                return [failed(pages[0], f"the parser's worker died ({exc})")]
        # One page of the chunk ran out of time (or killed its worker): each on its own.
        return [p for page in pages for p in await self._chunk([page])]

    async def _run(self, pages: list[FetchedPage]) -> list[ParsedPage]:
        future = self._pool.schedule(_parse_chunk, args=(pages,), timeout=self.budget)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # type: ignore[no-untyped-call]
            raise

    def close(self) -> None:
        """Stop the workers now (a page being parsed is abandoned) and wait for them."""
        self._pool.stop()  # type: ignore[no-untyped-call]
        self._pool.join(timeout=10)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
