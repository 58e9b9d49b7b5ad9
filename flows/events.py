"""Run events as log records: the flow reports, the entry point decides how to show them.

The flow never talks to a terminal. It logs to the `careers_etl` logger with
structured fields (`run_id`, `stage`, `url`, `outcome`, counts); the CLI attaches
a live progress bar, plain lines, or JSON lines (flows/logs.py), and inside a flow
run the same records go to the Prefect API, so the UI shows them in the run's logs.

A run reports, in order: `run_started`, then per stage `stage_started`, `pages_done`
(as pages finish; any number of pages at a time) and `stage_finished`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from extract.records import PageOutcome

LOGGER_NAME = "careers_etl"
log = logging.getLogger(LOGGER_NAME)


def status(message: str) -> None:
    """What the command is doing before a run has started (e.g. starting Prefect)."""
    log.info("%s", message, extra={"event": "status"})


async def run_started(run_id: str, kind: str) -> None:
    """The run has its id: name its Prefect flow run after it, and send the project's log
    records to that flow run's logs in the Prefect UI (see flows/logs.py)."""
    from flows.logs import attach_prefect_api_logs

    attach_prefect_api_logs()
    await _name_flow_run(run_id)
    log.info("%s run %s started", kind, run_id,
             extra={"run_id": run_id, "kind": kind, "event": "run"})


async def _name_flow_run(name: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        return  # called outside a flow run (a plain function call in a test)
    try:
        async with get_client() as client:
            await client.update_flow_run(context.flow_run.id, name=name)
    except Exception as exc:  # the name is for people: a server hiccup must not stop the run
        log.warning("could not name the Prefect flow run %s: %s", name, exc)
        return
    context.flow_run.name = name


def stage_started(run_id: str, stage: str, total: int | None = None) -> None:
    log.info(
        "%s started%s", stage, f" ({total} pages)" if total is not None else "",
        extra={"run_id": run_id, "stage": stage, "event": "stage", "total": total},
    )


def pages_done(run_id: str, stage: str, pages: Sequence[PageOutcome]) -> None:
    """One record per page (url, outcome) plus the count that drives progress bars."""
    for page in pages:
        log.debug(
            "%s %s%s", page.outcome, page.url, f": {page.error}" if page.error else "",
            extra={"run_id": run_id, "stage": stage, "event": "page", "url": page.url,
                   "outcome": str(page.outcome), "status": page.status},
        )
    log.info(
        "%s: %d more pages done", stage, len(pages),
        extra={"run_id": run_id, "stage": stage, "event": "advance", "count": len(pages)},
    )


def stage_finished(run_id: str, stage: str) -> None:
    """The stage is over: its bar ends full, whatever the count it reached."""
    log.info("%s done", stage, extra={"run_id": run_id, "stage": stage, "event": "stage_done"})
