"""A sharded crawl: the ingest run's sites split into `crawl-shard` flow runs on a work pool.

    careers-etl ingest --config sites.toml --shards 4 --work-pool careers-etl

The run groups its sites so that every host is in one shard (flows/plan.py),
starts one flow run of the `crawl-shard/<pool>` deployment per shard
(`run_deployment`, registered on the pool if missing) and watches each:

- finished: its outcome file names its staged batches, read back into the
  run's pages (flows/staging.py) as each shard finishes;
- its flow run ended without an outcome, or it went silent (no heartbeat for
  `crawl.shard_heartbeat` seconds: the machine or worker died; its flow run is
  marked Crashed), or no worker took it in `crawl.shard_start_timeout`: a new
  attempt, up to `crawl.shard_attempts`; then the shard is given up and its
  hosts are unreachable for this run, so their careers keep their previous rows.

A retried shard takes over its hosts only when the dead one's leases have
lapsed (flows/shard_flow.py), so no host is crawled by two shards at once.
Everything after the crawl (normalize, gates, publish) happens once, here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.settings import CrawlSettings, Settings, SiteProfile
from extract.discover import Discovery
from flows.collect import RunPages
from flows.events import log, pages_done, stage_finished, stage_started
from flows.plan import hosts_of, shard_sites
from flows.staging import RunStaging, ShardOutcome

SHARD_FLOW = "crawl-shard"
SHARD_ENTRYPOINT = "flows.shard_flow:crawl_shard"
POLL_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class ShardedCrawl:
    """What the shards found: their discoveries, and the hosts of shards given up (why)."""

    discoveries: list[Discovery]
    lost_hosts: dict[str, str]


def shard_settings(settings: Settings, sites: Sequence[SiteProfile]) -> Settings:
    """`settings` for one shard: its sites (one-host pieces of the run's, flows/plan.py)
    and the run's defaults; the data dir absolute, as the shard runs wherever its worker
    does."""
    data = settings.model_dump(mode="json")
    data["source"]["start_urls"] = []
    data["sites"] = [s.model_dump(mode="json") for s in sites]
    data["crawl"]["shards"] = 1
    if not settings.remote:
        data["data_dir"] = str(Path(settings.data_dir).absolute())
    return Settings.model_validate(data)


async def crawl_in_shards(settings: Settings, run_id: str, pages: RunPages) -> ShardedCrawl:
    """Crawl `settings.sources` on the work pool, the shards' pages added to `pages`."""
    from prefect.client.orchestration import get_client

    groups = shard_sites(settings.sources, settings.crawl.shards)
    staging = RunStaging(settings.data_dir, run_id)
    for stale in await asyncio.to_thread(staging.sweep_others):
        log.info("removed the staging files of run %s, which did not finish", stale)
    stage_started(run_id, "crawl")
    log.info("crawling %d hosts in %d shards on work pool %s",
             len(hosts_of(settings.sources)), len(groups), settings.crawl.work_pool)
    found = ShardedCrawl([], {})

    async def shard(k: int, group: list[SiteProfile], deployment: str) -> None:
        outcome = await run_shard(client, deployment, staging, shard_settings(settings, group),
                                  run_id, k)
        if outcome.failed is not None:
            why = f"crawl shard {k} failed: {outcome.failed}"
            found.lost_hosts.update(dict.fromkeys(sorted(hosts_of(group)), why))
            return
        for part in outcome.parts:  # a batch at a time: memory stays one batch deep
            batch = await asyncio.to_thread(staging.batch, outcome, part)
            pages_done(run_id, "crawl", pages.add(batch))
        found.discoveries.extend(await asyncio.to_thread(staging.discoveries, outcome))

    try:
        async with get_client() as client:
            deployment = await shard_deployment(client, settings.crawl.work_pool)
            await asyncio.gather(*(shard(k, g, deployment) for k, g in enumerate(groups)))
    finally:
        await asyncio.to_thread(staging.drop)
    stage_finished(run_id, "crawl")
    return found


async def shard_deployment(client: Any, pool: str) -> str:
    """`crawl-shard/<pool>`, the deployment shards run from: registered on the work pool
    when it is not there yet (prefect.yaml declares the same one for `prefect deploy`)."""
    from prefect.exceptions import ObjectNotFound

    name = f"{SHARD_FLOW}/{pool}"
    try:
        await client.read_deployment_by_name(name)
        return name
    except ObjectNotFound:
        pass
    try:
        await client.read_work_pool(pool)
    except ObjectNotFound:
        raise UserError(
            f"no work pool {pool!r} on the Prefect server: create it and start its workers"
            f" (prefect worker start --pool {pool} --type process), or name another with"
            " --work-pool"
        ) from None
    from flows.shard_flow import crawl_shard

    flow_id = await client.create_flow_from_name(SHARD_FLOW)
    await client.create_deployment(
        flow_id=flow_id, name=pool, work_pool_name=pool, entrypoint=SHARD_ENTRYPOINT,
        # Run where this ingest runs (as `prefect deploy` records it), never a copy of it.
        pull_steps=[{"prefect.deployments.steps.set_working_directory":
                     {"directory": str(Path.cwd())}}],
        tags=["careers-etl"],
        parameter_openapi_schema=crawl_shard.parameters.model_dump(mode="json"),
        description="One shard of a sharded ingest (flows/shards.py).",
    )
    return name


async def run_shard(client: Any, deployment: str, staging: RunStaging, settings: Settings,
                    run_id: str, shard: int) -> ShardOutcome:
    """Run one shard to its outcome: attempts until one finishes, or the shard is given up."""
    from prefect.deployments import arun_deployment

    crawl = settings.crawl
    why = "not started"
    for attempt in range(1, crawl.shard_attempts + 1):
        name = f"{run_id}-shard-{shard}" + (f"-attempt-{attempt}" if attempt > 1 else "")
        flow_run = await arun_deployment(
            deployment, client=client, timeout=0, flow_run_name=name,
            parameters={"settings": settings.model_dump(mode="json"), "run_id": run_id,
                        "shard": shard, "attempt": attempt},
        )
        lost = await watch_shard(client, flow_run.id, staging, shard, attempt, crawl)
        if lost is None:
            outcome = await asyncio.to_thread(staging.outcome, shard)
            if outcome is not None:
                return outcome
            lost = "its outcome file vanished"
        why = lost
        log.warning("crawl shard %d (flow run %s) %s", shard, name, why)
    return await asyncio.to_thread(staging.give_up, shard, crawl.shard_attempts, why)


async def watch_shard(client: Any, flow_run_id: Any, staging: RunStaging, shard: int,
                      attempt: int, crawl: CrawlSettings) -> str | None:
    """Wait for the attempt: None when the shard's outcome is there, else why it is lost."""
    from prefect.states import Cancelled, Crashed

    waiting_since = time.monotonic()
    last_beat: str | None = None
    beat_seen = time.monotonic()
    while True:
        if await asyncio.to_thread(staging.outcome, shard) is not None:
            return None
        state = (await client.read_flow_run(flow_run_id)).state
        now = time.monotonic()
        if state is None or state.is_scheduled() or state.is_pending():
            beat_seen = now
            if now - waiting_since > crawl.shard_start_timeout:
                await client.set_flow_run_state(flow_run_id, Cancelled(
                    message="no worker took it in time"), force=True)
                return (f"no worker of pool {crawl.work_pool!r} took it in"
                        f" {crawl.shard_start_timeout:g} s")
        elif state.is_final():
            if await asyncio.to_thread(staging.outcome, shard) is not None:
                return None
            return f"ended {state.name}: {state.message or 'no reason given'}"
        else:
            beat = await asyncio.to_thread(staging.heartbeat, shard, attempt)
            if beat != last_beat:
                last_beat, beat_seen = beat, now
            elif now - beat_seen > crawl.shard_heartbeat:
                why = f"went silent: no heartbeat for {crawl.shard_heartbeat:g} s"
                await client.set_flow_run_state(flow_run_id, Crashed(message=why), force=True)
                return why
        await asyncio.sleep(POLL_SECONDS)
