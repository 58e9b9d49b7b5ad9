"""What a run reports at its end: counts, quality, diff and timings, for people and for the UI."""

from __future__ import annotations

import re
import shlex
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.records import PageOutcome
from load.outputs import existing_report


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    published: bool
    reason: str  # why published or not, one line
    version: str | None  # the version readers should use: the new one, or the unchanged latest
    parquet_dir: Path | str  # a folder, or an s3:// URL
    pages_by_outcome: Mapping[str, int]
    rows: Mapping[str, int]
    quality: Sequence[str] = ()  # the data-quality summary, one line each
    diff: str | None = None
    stage_seconds: Mapping[str, float] = field(default_factory=dict)
    notes: Sequence[str] = ()  # what the run kept or repaired on the way, one line each

    @property
    def rejects(self) -> int:
        return self.rows.get("rejects", 0)


def count_outcomes(pages: Sequence[PageOutcome]) -> dict[str, int]:
    return dict(Counter(str(p.outcome) for p in pages).most_common())


def _python() -> str:
    """How to call the interpreter running us from here: `.venv/bin/python` after run.py,
    the installed command's own interpreter (absolute) elsewhere; never a bare `python`,
    which may be another one, without pandas."""
    try:
        return shlex.quote(str(Path(sys.executable).relative_to(Path.cwd())))
    except ValueError:
        return shlex.quote(sys.executable)


def read_hint(parquet_dir: Path | str, version: str) -> str:
    """A shell command that prints the version's careers, working as printed."""
    careers = f"{parquet_dir}/careers/version={version}"  # a folder or an s3:// URL
    if re.fullmatch(r"[\w./=:@+-]+", careers):  # the common case, as a person would type it
        return f"{_python()} -c \"import pandas as pd; print(pd.read_parquet('{careers}'))\""
    code = f"import pandas as pd; print(pd.read_parquet({careers!r}))"
    return f"{_python()} -c {shlex.quote(code)}"


def render_text(summary: RunSummary) -> str:
    """The end-of-run summary a person reads in the terminal."""
    if summary.published:
        lines = [f"Published version {summary.run_id}"]
    else:
        lines = [f"Nothing new published: {summary.reason}"]
    outcomes = ", ".join(f"{k} {v}" for k, v in summary.pages_by_outcome.items()) or "none"
    lines.append(f"  pages:    {outcomes}")
    lines.append("  rows:     " + ", ".join(f"{k} {v}" for k, v in summary.rows.items()))
    if summary.diff:
        lines.append(f"  changes:  {summary.diff}")
    lines += [f"  note:     {line}" for line in summary.notes]
    lines += [f"  quality:  {line}" for line in summary.quality]
    if summary.stage_seconds:
        timing = ", ".join(f"{k} {v:.1f}s" for k, v in summary.stage_seconds.items())
        lines.append(f"  time:     {timing} (total {sum(summary.stage_seconds.values()):.1f}s)")
    if summary.version is not None:
        lines.append(f"  version:  {summary.version}")
        lines.append(f"  files:    {summary.parquet_dir}/<table>/version={summary.version}/")
        lines.append(f"  read it:  {read_hint(summary.parquet_dir, summary.version)}")
        report = existing_report(summary.parquet_dir, summary.version)
        if report is not None:
            lines.append(f"  report:   {report}")
    return "\n".join(lines)


def render_markdown(summary: RunSummary) -> str:
    """The same summary for the Prefect UI: quality and changes first."""
    head = (
        f"## Published version `{summary.run_id}`"
        if summary.published
        else f"## Nothing new published\n{summary.reason}"
    )
    parts = [head, "### Data quality", *[f"- {line}" for line in summary.quality]]
    if summary.diff:
        parts += ["### Changes", f"- {summary.diff}"]
    if summary.notes:
        parts += ["### Notes", *[f"- {line}" for line in summary.notes]]
    if summary.version is not None:
        parts += ["### Read it", f"`{read_hint(summary.parquet_dir, summary.version)}`"]
        report = existing_report(summary.parquet_dir, summary.version)
        if report is not None:
            parts.append(f"Report: `{report}`")
    return "\n".join(parts)


def summary_event(summary: RunSummary, *, exit_code: int) -> dict[str, Any]:
    """The last JSON line of a run (`--log-format json`): what it published and counted."""
    return {
        "level": "info",
        "event": "summary",
        "message": render_text(summary).splitlines()[0],
        "run_id": summary.run_id,
        "published": summary.published,
        "reason": summary.reason,
        "version": summary.version,
        "pages": dict(summary.pages_by_outcome),
        "rows": dict(summary.rows),
        "changes": summary.diff,
        "quality": list(summary.quality),
        "notes": list(summary.notes),
        "stage_seconds": dict(summary.stage_seconds),
        "files": None if summary.version is None
        else f"{summary.parquet_dir}/<table>/version={summary.version}/",
        "exit_code": exit_code,
    }


def count_rows(summary: RunSummary) -> list[dict[str, str | int]]:
    """Rows of the counts table artifact: pages by outcome, rows per table."""
    counts = [(f"pages {k}", v) for k, v in summary.pages_by_outcome.items()]
    counts += [(f"rows {k}", v) for k, v in summary.rows.items()]
    return [{"what": what, "count": count} for what, count in counts]
