"""The run summary as Prefect artifacts, so the Prefect UI shows it per run; and a failed
run's state message, which is the reason it failed.

Artifacts of a run: `careers-etl-counts` (pages by outcome, rows per table),
`careers-etl-diff` (each career added, removed or changed, a table),
`careers-etl-fill-rates` (the share of careers with each column filled, a table) and
`careers-etl-report` (markdown: quality, changes, notes, how to read it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from prefect import Flow
from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import FlowRun, State
from prefect.states import Failed

from core.errors import CareersEtlError
from flows.events import log
from flows.summary import RunSummary, count_rows, render_markdown
from load.errors import LoadError
from load.read import read_manifest
from transform.errors import QualityGateFailed

COUNTS_KEY = "careers-etl-counts"
DIFF_KEY = "careers-etl-diff"
FILL_RATES_KEY = "careers-etl-fill-rates"
REPORT_KEY = "careers-etl-report"
MAX_DIFF_ROWS = 500  # a site-wide change lists its first rows; the manifest has them all


def diff_rows(diff: Mapping[str, Any]) -> list[dict[str, str]]:
    """The manifest's diff as table rows: one per career added or removed, one per changed
    field (skills and duties as one row each)."""
    rows = [{"change": "added", "career_id": r["career_id"], "title": r.get("title") or "",
             "field": "", "old": "", "new": ""} for r in diff.get("added", ())]
    rows += [{"change": "removed", "career_id": r["career_id"], "title": r.get("title") or "",
              "field": "", "old": r.get("reason") or "", "new": ""}
             for r in diff.get("removed", ())]
    for change in diff.get("changed", ()):
        base = {"change": "changed", "career_id": change["career_id"],
                "title": change.get("title") or ""}
        rows += [{**base, "field": f["field"], "old": _text(f["old"]), "new": _text(f["new"])}
                 for f in change.get("fields", ())]
        for label in ("skills", "duties"):
            removed, added = change.get(f"{label}_removed", ()), change.get(f"{label}_added", ())
            if removed or added:
                rows.append({**base, "field": label, "old": "; ".join(removed),
                             "new": "; ".join(added)})
    return rows


def fill_rate_rows(fill_rates: Mapping[str, Mapping[str, float | None]]) -> list[dict[str, Any]]:
    """One row per table and column: the share of its rows with a value, in percent."""
    return [
        {"table": table, "column": column,
         "filled %": None if rate is None else round(100 * rate, 1)}
        for table, rates in fill_rates.items()
        for column, rate in rates.items()
    ]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


async def publish_report_artifacts(summary: RunSummary | None, quality: Sequence[str]) -> None:
    """The run's artifacts (see the module doc); a failed gate gets the report alone."""
    if summary is None:
        lines = "\n".join(f"- {line}" for line in quality)
        await acreate_markdown_artifact(
            key=REPORT_KEY,
            markdown=f"## Quality gate failed: nothing published\n{lines}",
            description="careers-etl run report",
        )
        return
    await acreate_table_artifact(
        key=COUNTS_KEY, table=count_rows(summary), description="pages by outcome, rows per table"
    )
    if summary.version is not None:
        await _version_tables(summary)
    await acreate_markdown_artifact(
        key=REPORT_KEY, markdown=render_markdown(summary), description="careers-etl run report"
    )


async def _version_tables(summary: RunSummary) -> None:
    """The diff and the fill rates, read from the manifest of the version the run left."""
    assert summary.version is not None
    try:
        manifest = read_manifest(summary.version, data_dir=summary.parquet_dir)
    except (LoadError, OSError) as exc:  # published: a report table is not worth a failed run
        log.warning("no diff or fill-rate artifact for %s: %s", summary.version, exc)
        return
    changes = diff_rows(manifest.diff) if summary.published else []
    what = manifest.diff.get("summary", "") if summary.published else "no changes: " + (
        summary.reason)
    await acreate_table_artifact(
        key=DIFF_KEY,
        table=changes[:MAX_DIFF_ROWS] or [{"change": "none", "career_id": "", "title": "",
                                           "field": "", "old": "", "new": ""}],
        description=f"careers added, removed and changed: {what}"
        + (f" (first {MAX_DIFF_ROWS} of {len(changes)} rows)"
           if len(changes) > MAX_DIFF_ROWS else ""),
    )
    await acreate_table_artifact(
        key=FILL_RATES_KEY,
        table=fill_rate_rows(manifest.fill_rates),
        description=f"share of rows with each column filled, version {summary.version}",
    )


async def refuse(reason: str) -> QualityGateFailed:
    """The gate error for a run that must not publish, its report left in the Prefect UI."""
    await publish_report_artifacts(None, [reason])
    return QualityGateFailed(reason)


async def failed_with_reason(flow: Flow[..., Any], flow_run: FlowRun, state: State) -> None:
    """`on_failure` hook of the flows: a run that failed for one of our reasons (a quality
    gate, the data dir in use, a full disk, ...) ends in a Failed state whose message is
    that reason, in one line, as the command prints it; not Prefect's "Flow run
    encountered an exception: transform.errors.QualityGateFailed: ..."."""
    error = await state.aresult(raise_on_failure=False)
    if not isinstance(error, CareersEtlError):
        return  # a bug: Prefect's message, with the exception's type, says more
    reason = " ".join(str(error).split())
    async with get_client() as client:
        await client.set_flow_run_state(
            flow_run.id, Failed(message=reason, data=state.data), force=True
        )
