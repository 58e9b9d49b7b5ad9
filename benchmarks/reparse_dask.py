"""Reparse's parse stage: in-process worker pool vs a Dask LocalCluster of 1 and 2 workers.

    python -m benchmarks.reparse_dask [--pages 5000] [--data-dir DIR_OR_S3_URL]

Stores `--pages` distinct bodies (the imitation corpus of tests/corpus, each copy
made distinct by a comment) in a raw store, then parses them all, as the reparse
flow does (parse-batch tasks of `crawl.batch_size` pages, all at once), through
each `Parser`: `ParsePool` (one process per core) and `DaskParser` on a
LocalCluster of 1 and 2 single-threaded workers. Prints wall seconds, pages/s and
the CPU seconds of this process and all its children (workers included) for the
parse alone; the cluster's start-up is printed apart, and last the wall time of
one empty Dask task (the per-task overhead). With an s3:// data dir the workers
read the bodies from S3 (AWS_* variables).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from datetime import UTC, datetime
from typing import Any

import psutil

from extract.parse_dask import DaskParser, parse_on_worker
from extract.parse_pool import ParsePool, Parser
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome

BATCH = 100  # crawl.batch_size's default: pages per parse-batch task of the flow


def store_pages(raw: RawStore, n: int) -> list[FetchedPage]:
    from tests.corpus import IN_SAMPLE, build_corpus

    corpus = build_corpus(1, 6, IN_SAMPLE).pages
    now = datetime.now(UTC)
    pages = []
    for i in range(n):
        cp = corpus[i % len(corpus)]
        url = f"http://127.0.0.1:8000{cp.path}{'&' if '?' in cp.path else '?'}copy={i}"
        body = f"{cp.html}<!-- copy {i} -->".encode()
        sha = raw.put(url, body)
        pages.append(FetchedPage(url=url, outcome=Outcome.PARSED, status=200, fetched_at=now,
                                 content_sha256=sha, bytes=len(body),
                                 content_type="text/html; charset=utf-8"))
    return pages


def cpu_seconds() -> float:
    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        with suppress(psutil.NoSuchProcess):  # a worker that just ended
            total += sum(child.cpu_times()[:2])
    return total


@asynccontextmanager
async def in_process(raw_dir: str) -> Any:
    with ParsePool(raw_dir, budget=20.0) as pool:
        yield pool


async def measure(label: str, opened: Callable[[], AbstractAsyncContextManager[Parser]],
                  pages: Sequence[FetchedPage]) -> None:
    start = time.perf_counter()
    async with opened() as parser:
        ready = time.perf_counter()
        cpu, wall = cpu_seconds(), time.perf_counter()
        batches = [pages[i : i + BATCH] for i in range(0, len(pages), BATCH)]
        results = await asyncio.gather(*(parser.parse(b) for b in batches))
        secs, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    parsed = sum(1 for r in results for p in r if p.career is not None)
    print(f"{label:22s} {len(pages) / secs:7.1f} pages/s  {secs:6.1f} s wall  {cpu:6.1f} s CPU"
          f"  (start {ready - start:4.1f} s; {parsed} careers)", flush=True)


async def task_overhead(raw_dir: str, rounds: int = 100) -> None:
    """Wall time of one Dask task that parses nothing, awaited one after another."""
    from distributed import Client, LocalCluster

    async with (
        LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None,
                     asynchronous=True) as cluster,
        Client(cluster, asynchronous=True) as client,
    ):
        await client.submit(parse_on_worker, [], raw_dir, (), pure=False)  # warm up
        start = time.perf_counter()
        for _ in range(rounds):
            await client.submit(parse_on_worker, [], raw_dir, (), pure=False)
        secs = time.perf_counter() - start
    print(f"{'dask task overhead':22s} {secs / rounds * 1000:7.1f} ms per task "
          f"(empty chunk, {rounds} in a row)", flush=True)


async def run(raw_dir: str, pages: Sequence[FetchedPage]) -> None:
    await measure("in-process pool", lambda: in_process(raw_dir), pages)
    for workers in (1, 2):
        await measure(f"dask, {workers} worker{'s' if workers > 1 else ''}",
                      lambda w=workers: DaskParser.connect(raw_dir, address=None, workers=w),
                      pages)
    await task_overhead(raw_dir)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000, help="stored pages to parse (5000)")
    ap.add_argument("--data-dir", help="where the raw store goes (default: a temp folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        raw_dir = f"{args.data_dir or scratch}/raw"
        start = time.perf_counter()
        pages = store_pages(RawStore(raw_dir), args.pages)
        print(f"{len(pages)} pages stored in {raw_dir} in {time.perf_counter() - start:.1f} s; "
              f"{psutil.cpu_count()} cores", flush=True)
        asyncio.run(run(raw_dir, pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
