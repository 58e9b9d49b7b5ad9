"""What a run leaves for people: the artifact tables (diff, fill rates), the summary event
and the read hint, which must work as printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd

from flows.report import diff_rows, fill_rate_rows
from flows.summary import RunSummary, read_hint, summary_event

DIFF = {
    "summary": "1 added, 1 removed, 1 changed",
    "added": [{"career_id": "a/nurse", "title": "Nurse", "url": "u", "reason": None}],
    "removed": [{"career_id": "a/clerk", "title": "Clerk", "url": "u", "reason": "gone (404)"}],
    "changed": [{
        "career_id": "a/chef", "title": "Chef",
        "fields": [{"field": "salary_median", "old": 30000.0, "new": 32000.0},
                   {"field": "category", "old": None, "new": "Food"}],
        "skills_added": ["Knife work"], "skills_removed": [],
        "duties_added": [], "duties_removed": [],
    }],
}


def test_the_diff_artifact_has_a_row_per_career_and_changed_field():
    blank = {"field": "", "old": "", "new": ""}
    assert diff_rows(DIFF) == [
        {"change": "added", "career_id": "a/nurse", "title": "Nurse", **blank},
        {"change": "removed", "career_id": "a/clerk", "title": "Clerk",
         "field": "", "old": "gone (404)", "new": ""},
        {"change": "changed", "career_id": "a/chef", "title": "Chef",
         "field": "salary_median", "old": "30000.0", "new": "32000.0"},
        {"change": "changed", "career_id": "a/chef", "title": "Chef",
         "field": "category", "old": "", "new": "Food"},
        {"change": "changed", "career_id": "a/chef", "title": "Chef",
         "field": "skills", "old": "", "new": "Knife work"},
    ]


def test_the_fill_rate_artifact_is_a_row_per_table_and_column_in_percent():
    rates = {"careers": {"title": 1.0, "salary_low": 0.981, "growth_pct": None}}
    assert fill_rate_rows(rates) == [
        {"table": "careers", "column": "title", "filled %": 100.0},
        {"table": "careers", "column": "salary_low", "filled %": 98.1},
        {"table": "careers", "column": "growth_pct", "filled %": None},
    ]


def summary(parquet_dir: Path) -> RunSummary:
    return RunSummary(run_id="20261201T000000Z-abcdef", published=True, reason="published",
                      version="20261201T000000Z-abcdef", parquet_dir=parquet_dir,
                      pages_by_outcome={"parsed": 1}, rows={"careers": 1, "rejects": 0},
                      diff="1 added, 0 removed, 0 changed")


def test_the_summary_event_carries_version_counts_and_exit_code(tmp_path: Path):
    event = summary_event(summary(tmp_path), exit_code=0)
    assert (event["event"], event["version"], event["exit_code"]) == (
        "summary", "20261201T000000Z-abcdef", 0)
    assert (event["pages"], event["rows"]) == ({"parsed": 1}, {"careers": 1, "rejects": 0})


def test_the_read_hint_works_as_printed_even_in_an_awkward_folder(tmp_path: Path):
    # Printed by a command run here (its interpreter relative to here, if under it).
    folder = tmp_path / "it's here" / "parquet"
    version = folder / "careers" / "version=20261201T000000Z-abcdef"
    version.mkdir(parents=True)
    pd.DataFrame({"title": ["Nurse"]}).to_parquet(version / "part-0.parquet")
    shown = subprocess.run(read_hint(folder, "20261201T000000Z-abcdef"), shell=True,
                           cwd=Path.cwd(), capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "Nurse" in shown.stdout
