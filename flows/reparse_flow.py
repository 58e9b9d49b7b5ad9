"""The reparse flow: rebuild every table from `data/raw/` with no network.

This is how a parser or normalizer fix reaches past data: the newest stored
body of every URL is parsed again and published as a new version whose
manifest names the fetch runs it was rebuilt from.

Run it with `python -m flows.reparse [--data-dir DIR] [--force]`.
"""

# No `from __future__ import annotations`: Prefect builds the flow's parameter model from
# the real annotations, and a deployment run validates its JSON parameters against it.

from collections import Counter
from collections.abc import Sequence

from prefect import flow

from core.settings import Settings
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage, Outcome, ParsedPage
from flows.events import pages_done, stage_started
from flows.ingest_flow import StageClock, finish_run
from flows.summary import RunSummary
from flows.tasks import parse_task
from load.runid import new_run_id


def stored_pages(entries: Sequence[LogEntry]) -> list[FetchedPage]:
    """The newest stored fetch of each URL, as pages to parse again."""
    return [
        FetchedPage(
            url=e.url,
            outcome=Outcome.PARSED,
            status=e.status,
            fetched_at=e.fetched_at,
            content_sha256=e.sha256,
            bytes=e.bytes,
            content_type=e.content_type,
            etag=e.etag,
            last_modified=e.last_modified,
            final_url=e.final_url,
        )
        for e in sorted(entries, key=lambda entry: entry.url)
    ]


@flow(name="reparse", log_prints=False)
async def reparse(settings: Settings, force: bool = False) -> RunSummary:
    """Parse every stored body again and publish the result as a new version."""
    run_id = new_run_id()
    clock = StageClock()
    entries = list(RawStore(settings.raw_dir).latest_by_url().values())
    pages = stored_pages(entries)
    stage_started(run_id, "reparse", total=len(pages))
    parsed: list[ParsedPage] = []
    with clock.stage("parse"):
        size = settings.crawl.batch_size
        for start in range(0, len(pages), size):
            done = parse_task(pages[start : start + size], settings)
            pages_done(run_id, "reparse", done)
            parsed.extend(done)
    fetch_runs = dict(sorted(Counter(e.run_id for e in entries).items()))
    return await finish_run(
        parsed, settings=settings, run_id=run_id, clock=clock, force=force,
        manifest_extra={"kind": "reparse", "reparse_of": fetch_runs},
    )
