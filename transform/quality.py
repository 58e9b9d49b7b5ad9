"""The data-quality summary of a run, and the gates that stop a bad run from publishing.

`build_tables` always returns a report; whoever publishes calls `check_gates` first,
so a failed run can still show its summary. `fill_rate_warnings` compares this run's
per-column fill rates with the previous version's (from its manifest): a sharp drop is
the first sign that a site changed its template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from core.settings import QualitySettings
from transform.errors import QualityGateFailed

FAILED_OUTCOMES: frozenset[str] = frozenset({"failed_fetch", "failed_parse"})
# Pages we never tried to read do not count for or against the failed-page share.
NOT_ATTEMPTED: frozenset[str] = frozenset({"disallowed"})


@dataclass(frozen=True)
class QualityReport:
    """Counts, shares and warnings of one run; `to_dict()` is what the manifest stores."""

    pages: int
    failed_pages: int
    careers_parsed: int  # career rows before validation
    careers_rejected: int
    reject_rows: int
    fill_rates: Mapping[str, float] = field(default_factory=dict)
    rejects_by_rule: Mapping[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    gate_failures: tuple[str, ...] = ()  # as judged by build_tables with its settings

    @property
    def passed(self) -> bool:
        return not self.gate_failures

    @property
    def reject_share(self) -> float:
        """Share of parsed careers that were rejected (0 when nothing was parsed)."""
        return self.careers_rejected / self.careers_parsed if self.careers_parsed else 0.0

    @property
    def failed_page_share(self) -> float:
        """Share of attempted pages that failed to fetch or parse (0 when none attempted)."""
        return self.failed_pages / self.pages if self.pages else 0.0

    def with_previous(
        self, previous_fill_rates: Mapping[str, float] | None, threshold: float
    ) -> QualityReport:
        """This report plus warnings for columns whose fill rate fell against the previous."""
        if not previous_fill_rates:
            return self
        extra = fill_rate_warnings(self.fill_rates, previous_fill_rates, threshold)
        return replace(self, warnings=(*self.warnings, *extra))

    def lines(self) -> list[str]:
        """A short human-readable summary for the end of a run."""
        out = [
            f"pages attempted: {self.pages}, failed: {self.failed_pages}"
            f" ({self.failed_page_share:.1%})",
            f"careers parsed: {self.careers_parsed}, rejected: {self.careers_rejected}"
            f" ({self.reject_share:.1%}), reject rows: {self.reject_rows}",
        ]
        sparse = [f"{c} {r:.0%}" for c, r in self.fill_rates.items() if r < 1.0]
        if sparse:
            out.append("fill rates below 100%: " + ", ".join(sparse))
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"gate failed: {g}" for g in self.gate_failures]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "failed_pages": self.failed_pages,
            "failed_page_share": round(self.failed_page_share, 6),
            "careers_parsed": self.careers_parsed,
            "careers_rejected": self.careers_rejected,
            "reject_share": round(self.reject_share, 6),
            "reject_rows": self.reject_rows,
            "rejects_by_rule": dict(self.rejects_by_rule),
            "fill_rates": dict(self.fill_rates),
            "warnings": list(self.warnings),
            "gate_failures": list(self.gate_failures),
        }


def fill_rates(frame: pd.DataFrame) -> dict[str, float]:
    """Share of non-null values per column (0.0 for every column of an empty frame)."""
    if frame.empty:
        return {str(column): 0.0 for column in frame.columns}
    rates = frame.notna().mean()
    return {str(column): round(float(rate), 6) for column, rate in rates.items()}


def fill_rate_warnings(
    current: Mapping[str, float], previous: Mapping[str, float], threshold: float
) -> tuple[str, ...]:
    """One warning per column whose fill rate dropped by more than `threshold` (absolute).

    Only columns both runs measured are compared (the published `version` column, for
    one, is stamped after this report is made).
    """
    warnings = []
    for column, before in sorted(previous.items()):
        if column not in current:
            continue
        now = current[column]
        if before - now > threshold:
            warnings.append(
                f"fill rate of careers.{column} dropped from {before:.0%} to {now:.0%}"
                f" (more than {threshold:.0%}): has the site changed its template?"
            )
    return tuple(warnings)


def build_report(
    pages: pd.DataFrame,
    careers: pd.DataFrame,
    rejects: pd.DataFrame,
    *,
    careers_parsed: int,
    careers_rejected: int,
) -> QualityReport:
    """The report for one run from its final tables."""
    attempted = pages[~pages["outcome"].isin(NOT_ATTEMPTED)]
    failed = int(attempted["outcome"].isin(FAILED_OUTCOMES).sum())
    by_rule = (rejects["table"].astype("str") + "." + rejects["rule"].astype("str")).value_counts()
    rejects_by_rule = {str(key): int(n) for key, n in by_rule.items()}
    warnings = [
        f"{n} {key.split('.')[0]} row(s) rejected by rule {key.split('.')[1]}"
        for key, n in sorted(rejects_by_rule.items())
    ]
    data_columns = careers.drop(columns=["version"], errors="ignore")
    return QualityReport(
        pages=len(attempted),
        failed_pages=failed,
        careers_parsed=careers_parsed,
        careers_rejected=careers_rejected,
        reject_rows=len(rejects),
        fill_rates=fill_rates(data_columns),
        rejects_by_rule=rejects_by_rule,
        warnings=tuple(warnings),
    )


def gate_failures(report: QualityReport, settings: QualitySettings) -> tuple[str, ...]:
    """Why this run must not publish (empty when it may)."""
    reasons = []
    if report.reject_share > settings.max_reject_share:
        reasons.append(
            f"{report.careers_rejected} of {report.careers_parsed} careers rejected"
            f" ({report.reject_share:.1%}), above max_reject_share"
            f" {settings.max_reject_share:.1%}"
        )
    if report.failed_page_share > settings.max_failed_page_share:
        reasons.append(
            f"{report.failed_pages} of {report.pages} pages failed to fetch or parse"
            f" ({report.failed_page_share:.1%}), above max_failed_page_share"
            f" {settings.max_failed_page_share:.1%}"
        )
    return tuple(reasons)


def check_gates(report: QualityReport, settings: QualitySettings) -> None:
    """Raise QualityGateFailed, naming every exceeded threshold, when the run must not publish."""
    reasons = gate_failures(report, settings)
    if reasons:
        raise QualityGateFailed("quality gate failed: " + "; ".join(reasons))
