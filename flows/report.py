"""The run summary as Prefect artifacts, so the Prefect UI shows it per run."""

from __future__ import annotations

from collections.abc import Sequence

from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact

from flows.summary import RunSummary, count_rows, render_markdown
from transform.errors import QualityGateFailed

COUNTS_KEY = "careers-etl-counts"
REPORT_KEY = "careers-etl-report"


async def publish_report_artifacts(summary: RunSummary | None, quality: Sequence[str]) -> None:
    """A table of counts and a markdown report; a failed gate gets the report alone."""
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
    await acreate_markdown_artifact(
        key=REPORT_KEY, markdown=render_markdown(summary), description="careers-etl run report"
    )


async def refuse(reason: str) -> QualityGateFailed:
    """The gate error for a run that must not publish, its report left in the Prefect UI."""
    await publish_report_artifacts(None, [reason])
    return QualityGateFailed(reason)
