"""The reparse flow: rebuild every table from `data/raw/` with no network.

This is how a parser or normalizer fix reaches past data: the bodies behind
the latest published version (every page it logged with a body, and the
careers it carried forward) are parsed again and published as a new version
whose manifest names the fetch runs they came from. Pages the latest version
dropped (gone, no longer listed) stay dropped. Before the first version, the
newest stored body of every URL is used.

Run it with `python -m flows.reparse [--data-dir DIR] [--force]`.
"""

# No `from __future__ import annotations`: Prefect builds the flow's parameter model from
# the real annotations, and a deployment run validates its JSON parameters against it.

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from prefect import flow

from core.settings import Settings
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage, Outcome, ParsedPage
from flows.events import pages_done, stage_started
from flows.ingest_flow import StageClock, finish_run
from flows.summary import RunSummary
from flows.tasks import parse_task
from load import read
from load.errors import DataDirNotFound, VersionNotFound
from load.runid import new_run_id


def entries_to_reparse(store: RawStore, data_dir: Path) -> list[LogEntry]:
    """The fetch-log entries of the bodies behind the latest version (see module doc)."""
    try:
        pages = read("pages", data_dir=data_dir)
        careers = read("careers", data_dir=data_dir)
    except (DataDirNotFound, VersionNotFound):
        return list(store.latest_by_url().values())
    wanted = {
        (url, sha)
        for frame in (pages, careers)
        for url, sha in zip(frame["url"], frame["content_sha256"], strict=True)
        if isinstance(sha, str)
    }
    found: dict[tuple[str, str], LogEntry] = {}
    for entry in store.entries():  # oldest first: the newest log entry of a body wins
        if entry.sha256 is None:
            continue
        for url in (entry.url, entry.final_url):
            if url is not None and (url, entry.sha256) in wanted:
                found[(entry.url, entry.sha256)] = entry
    return list(found.values())


def stored_pages(entries: Sequence[LogEntry]) -> list[FetchedPage]:
    """Stored fetches as pages to parse again, in URL order."""
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
    entries = entries_to_reparse(RawStore(settings.raw_dir), settings.data_dir)
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
