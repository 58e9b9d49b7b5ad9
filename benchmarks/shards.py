"""A sharded ingest of a 4-host local site: in-process vs 1 and 2 crawl shards on a work pool.

    python -m benchmarks.shards [--rounds 2] [--careers 400] [--delay 0.05] [--workers 2]

Starts `prefect server start`, a process work pool with `--workers` `prefect worker
start --limit 1` processes, and four copies of the bundled sample site on
127.0.0.1-4 (`--careers` each: its careers repeated under new slugs). Each round
runs, interleaved, the same ingest (a fresh data dir each time, so every page is
downloaded) two ways: in the ingest's own process (`--shards 1`) and as 2
crawl-shard flow runs on the pool, each with politeness off (delay 0) and on
(`--delay` seconds per host). Prints, for each run, wall seconds and pages per second of the whole
command and of its crawl stage alone (from the version's manifest: for shards,
from asking for the flow runs to the last shard's pages read back), and the polite
limit (4 hosts x 1/delay) beside the polite runs.

Read the shape, not the numbers, on a machine other jobs load: on one machine
the shards share its cores, and each flow run pays a worker's poll and a
process start (a few seconds); the gain of shards is the cores and network of
other machines.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from sample_site.data import SiteData, load_site
from sample_site.server import SampleSite

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
POOL = "bench-shards"


def ingest(env: dict[str, str], config: Path, data: Path, shards: int, delay: float
           ) -> tuple[float, float]:
    """Wall seconds of one ingest run (the command, as a scheduled run would start it), and
    of its crawl stage."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "flows.ingest", "--config", str(config), "--data-dir",
         str(data), "--shards", str(shards), "--work-pool", POOL, "--delay", str(delay),
         "--quiet"], env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"ingest --shards {shards} failed: {done.stderr.strip()}")
    wall = time.perf_counter() - start
    manifest = data / "parquet" / "_manifests" / f"{done.stdout.strip()}.json"
    return wall, float(json.loads(manifest.read_text())["run"]["stage_seconds"]["crawl"])


def site_of(careers: int) -> SiteData:
    """The sample site with `careers` careers: its own, then copies under new slugs."""
    base = load_site()
    own = base.careers
    copies = [dataclasses.replace(own[i % len(own)], slug=f"{own[i % len(own)].slug}-{i}")
              for i in range(len(own), careers)]
    return dataclasses.replace(base, careers=(*own[:careers], *copies), drafts=())


def line(pages: int, wall: float, crawl: float) -> str:
    return (f"command {wall:6.1f} s {pages / wall:6.1f} pages/s   crawl stage {crawl:6.1f} s"
            f" {pages / crawl:6.1f} pages/s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--careers", type=int, default=400, help="careers per host")
    parser.add_argument("--delay", type=float, default=0.05, help="polite delay per host, s")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from tests.prefect_server import real_prefect_server, stop

    site = site_of(args.careers)
    pages = len(site.careers) * len(HOSTS)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        work = Path(tmp)
        sites = [stack.enter_context(SampleSite(site, host=h)) for h in HOSTS]
        (work / "prefect").mkdir()
        api, env = stack.enter_context(real_prefect_server(work / "prefect"))
        env = {**env, "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}
        subprocess.run([sys.executable, "-m", "prefect", "work-pool", "create", POOL,
                        "--type", "process"], env=env, check=True, capture_output=True)
        workers = [subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--type",
             "process", "--limit", "1"], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL) for _ in range(args.workers)]
        try:
            config = work / "etl.toml"
            config.write_text("[crawl]\ndelay_jitter = 0\n" + "".join(
                f'\n[[sites]]\nstart_urls = ["{s.url("/sitemap.xml")}"]\n' for s in sites))
            print(f"{pages} pages on {len(HOSTS)} hosts; {args.workers} workers on pool {POOL};"
                  f" prefect server at {api}")
            ways = [(f"{label}, {name}", shards, delay)
                    for label, delay in (("politeness off", 0.0), (f"delay {args.delay}s",
                                                                   args.delay))
                    for name, shards in (("1 shard (in-process)", 1), ("2 shards", 2))]
            seconds: dict[str, list[tuple[float, float]]] = {w[0]: [] for w in ways}
            n = 0
            for round_ in range(1, args.rounds + 1):
                for label, shards, delay in ways:
                    n += 1
                    took = ingest(env, config, work / f"data-{n}", shards, delay)
                    seconds[label].append(took)
                    print(f"round {round_}  {label:32} {line(pages, *took)}", flush=True)
            print("\nmedians")
            for label, runs in seconds.items():
                wall = statistics.median(r[0] for r in runs)
                crawl = statistics.median(r[1] for r in runs)
                limit = (f"  (polite limit {len(HOSTS) / args.delay:.0f} pages/s)"
                         if "delay" in label else "")
                print(f"  {label:32} {line(pages, wall, crawl)}{limit}")
        finally:
            for worker in workers:
                stop(worker, signal.SIGINT)  # a worker waits out SIGTERM for 15 s


if __name__ == "__main__":
    main()
