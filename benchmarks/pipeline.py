"""Throughput of the pipeline's own code, stage by stage, on the bundled sample site.

    python -m benchmarks.pipeline [--rounds N] [--delay SECONDS]

Runs discovery, fetch (real HTTP on 127.0.0.1), parse, normalize and publish
as plain functions, without Prefect, so the figures are ours and not the
orchestrator's. Round 1 downloads every page; later rounds revalidate with
conditional requests (304s), as a nightly run on an unchanged site does.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from core.config import load_settings
from extract.parse_pages import parse_fetched_pages
from extract.rawstore import RawStore
from extract.session import CrawlSession
from flows.sources import SAMPLE_PROFILES
from load import new_run_id, publish
from sample_site.server import SampleSite
from transform.build import build_tables


async def one_round(site: SampleSite, data_dir: Path, delay: float) -> dict[str, float]:
    settings = load_settings(
        overrides={
            "data_dir": data_dir,
            "source.start_urls": [site.url("/careers/")],
            "source.profile_pattern": SAMPLE_PROFILES,
            "crawl.per_host_delay": delay,
            "crawl.delay_jitter": 0.0,
        }
    )
    run_id = new_run_id()
    seconds: dict[str, float] = {}
    async with CrawlSession(settings.crawl, RawStore(settings.raw_dir), run_id) as session:
        start = time.perf_counter()
        discovery = await session.discover(settings.source)
        seconds["discover"] = time.perf_counter() - start
        start = time.perf_counter()
        fetched = await session.fetch(discovery.page_urls, discovery.policy)
        seconds["fetch"] = time.perf_counter() - start
    start = time.perf_counter()
    parsed = parse_fetched_pages(fetched, RawStore(settings.raw_dir))
    seconds["parse"] = time.perf_counter() - start
    start = time.perf_counter()
    tables = build_tables(parsed, run_id=run_id)
    seconds["normalize"] = time.perf_counter() - start
    start = time.perf_counter()
    publish(tables.to_arrow(), parquet_dir=settings.parquet_dir, run_id=run_id, force=True)
    seconds["publish"] = time.perf_counter() - start
    seconds["pages"] = len(fetched)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.0, help="per-host delay (s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, SampleSite() as site:
        for round_no in range(1, args.rounds + 1):
            result = asyncio.run(one_round(site, Path(tmp) / "data", args.delay))
            pages = result.pop("pages")
            total = sum(result.values())
            stages = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result.items())
            kind = "full download" if round_no == 1 else "all 304"
            print(
                f"round {round_no} ({kind}): {pages:.0f} pages in {total:.2f} s"
                f" = {pages / total:.0f} pages/s  [{stages}]"
            )


if __name__ == "__main__":
    main()
