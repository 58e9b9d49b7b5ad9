"""What a run reports at its end: counts, quality, diff and timings, as text for people."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.records import ParsedPage


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    published: bool
    reason: str  # why published or not, one line
    version: str | None  # the version readers should use: the new one, or the unchanged latest
    parquet_dir: Path
    pages_by_outcome: Mapping[str, int]
    rows: Mapping[str, int]
    warnings: Sequence[str] = ()
    diff: str | None = None
    stage_seconds: Mapping[str, float] = field(default_factory=dict)


def count_outcomes(pages: Sequence[ParsedPage]) -> dict[str, int]:
    return dict(Counter(str(p.outcome) for p in pages).most_common())


def render_text(summary: RunSummary) -> str:
    lines = []
    if summary.published:
        lines.append(f"Published version {summary.run_id}")
    else:
        lines.append(f"Nothing new published ({summary.reason})")
    outcomes = ", ".join(f"{k} {v}" for k, v in summary.pages_by_outcome.items()) or "none"
    lines.append(f"  pages:    {outcomes}")
    rows = ", ".join(f"{k} {v}" for k, v in summary.rows.items())
    lines.append(f"  rows:     {rows}")
    if summary.diff:
        lines.append(f"  changes:  {summary.diff}")
    for warning in summary.warnings:
        lines.append(f"  warning:  {warning}")
    if summary.stage_seconds:
        timing = ", ".join(f"{k} {v:.1f}s" for k, v in summary.stage_seconds.items())
        lines.append(f"  time:     {timing}")
    if summary.version is not None:
        careers = summary.parquet_dir / "careers" / f"version={summary.version}"
        lines.append(f"  version:  {summary.version}")
        lines.append(f"  files:    {summary.parquet_dir}/<table>/version={summary.version}/")
        lines.append(
            f"  read it:  python -c \"import pandas as pd; print(pd.read_parquet('{careers}'))\""
        )
    return "\n".join(lines)
