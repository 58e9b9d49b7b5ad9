"""Run events as log records: the flow reports, the entry point decides how to show them.

The flow never talks to a terminal. It logs to the `careers_etl` logger with
structured fields (`run_id`, `stage`, `url`, `outcome`, counts); the CLI attaches
a live progress bar, plain lines, or JSON lines (flows/logs.py), and a
scheduled run's records go wherever the operator's logging sends them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from extract.records import PageOutcome

LOGGER_NAME = "careers_etl"
log = logging.getLogger(LOGGER_NAME)


def stage_started(run_id: str, stage: str, total: int | None = None) -> None:
    log.info(
        "%s started%s", stage, f" ({total} pages)" if total is not None else "",
        extra={"run_id": run_id, "stage": stage, "event": "stage", "total": total},
    )


def pages_done(run_id: str, stage: str, pages: Sequence[PageOutcome]) -> None:
    """One record per page (url, outcome) plus the batch count that drives progress bars."""
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
