"""The cells of the real OOH and NCS pages (reference/real), normalized, against expected.jsonl.

`fixtures/real_cells.jsonl` holds, per page, the Quick Facts cells as the page shows them
(text content, whitespace collapsed) beside the values a person reads off the page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from transform.careers import RAW_COLUMNS, normalize_careers

FIXTURE = Path(__file__).with_name("fixtures") / "real_cells.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def careers() -> pd.DataFrame:
    raw = pd.DataFrame(
        {
            "url": [r["url"] for r in ROWS],
            "title": "t",
            "parser": "p/1",
            "salary_median": [r["pay_cell"] for r in ROWS],
            "salary_text": [r["pay_text"] for r in ROWS],
            "currency_hint": [r["currency"] if r["url"].endswith("assistant") else None
                              for r in ROWS],
            "growth": [r["outlook_cell"] for r in ROWS],
            "workers": [r["jobs_cell"] for r in ROWS],
            "education": [r["education_cell"] for r in ROWS],
        },
        dtype="object",
    ).reindex(columns=list(RAW_COLUMNS))  # fmt: skip
    return normalize_careers(raw, "USD")


def _expected_median(row: dict[str, object]) -> float | None:
    if row["pay_annual"] is not None:
        return float(row["pay_annual"])  # type: ignore[arg-type]
    if row["pay_hourly"] is not None:
        return round(float(row["pay_hourly"]) * 2080, 2)  # type: ignore[arg-type]
    return None


def _values(series: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in series.astype("object")]


def test_every_real_page_matches_the_truth(careers: pd.DataFrame):
    has_pay = [r["pay_annual"] is not None or r["pay_hourly"] is not None for r in ROWS]
    result = pd.DataFrame(
        {
            "median": _values(careers["salary_median"]),
            "low": _values(careers["salary_low"]),
            "high": _values(careers["salary_high"]),
            "currency": _values(careers["salary_currency"]),
            "period": _values(careers["salary_period"]),
            "floor": _values(careers["salary_is_floor"]),
            "growth_pct": _values(careers["growth_pct"]),
            "growth_category": _values(careers["growth_category"]),
            "education": _values(careers["education_level"]),
            "workers": _values(careers["workers"]),
        }
    )
    expected = pd.DataFrame(
        {
            "median": [_expected_median(r) for r in ROWS],
            "low": [r["pay_low"] for r in ROWS],
            "high": [r["pay_high"] for r in ROWS],
            "currency": [
                r["currency"] if (p or r["pay_low"]) else None
                for r, p in zip(ROWS, has_pay, strict=True)
            ],
            "period": [
                ("year" if r["pay_annual"] is not None else "hour") if p
                else ("year" if r["pay_low"] else None)
                for r, p in zip(ROWS, has_pay, strict=True)
            ],
            "floor": [
                r["pay_at_least"] if (p or r["pay_low"]) else None
                for r, p in zip(ROWS, has_pay, strict=True)
            ],
            "growth_pct": [r["growth_pct"] for r in ROWS],
            "growth_category": [r["growth_category"] for r in ROWS],
            "education": [r["education"].lower() if r["education"] else None for r in ROWS],
            "workers": [r["workers"] for r in ROWS],
        }
    )  # fmt: skip
    pd.testing.assert_frame_equal(result.astype("object"), expected.astype("object"))


def test_projection_period_and_jobs_year(careers: pd.DataFrame):
    ooh = careers[careers["url"].str.contains("bls.gov") & careers["growth_pct"].notna()]
    assert len(ooh) == 29
    assert set(ooh["growth_period_start"]) == {2024}
    assert set(ooh["growth_period_end"]) == {2034}
    assert set(ooh["workers_year"]) == {2024}
