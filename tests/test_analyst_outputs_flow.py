"""The publish task writes the analysts' files, never fails a published run for them, and
the run summary names the report."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest

from core.settings import Settings
from flows.scope import Keep
from flows.summary import RunSummary, render_markdown, render_text
from flows.tasks import publish_task
from load import PublishResult
from load.baseline import open_baseline
from tests.analyst_data import V1, V2, parsed, sample_pages
from transform.build import build_tables


def tables(run_id: str, count: int):  # type: ignore[no-untyped-def]
    return build_tables(parsed(sample_pages()[:count]), run_id=run_id)


def publish(settings: Settings, run_id: str, count: int) -> PublishResult:
    """The publish task as the ingest flow calls it, on the latest version as its baseline."""
    baseline = open_baseline(settings.parquet_dir, repair=True)
    keep = Keep(urls=frozenset(), unreachable_pages=(), other_hosts={})
    return publish_task.fn(tables(run_id, count), settings, run_id, {}, False, baseline, keep,
                           [])


def test_publish_writes_report_descriptor_and_catalog(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    result = publish(settings, V1, 12)
    assert result.published
    data = tmp_path / "data"
    assert (data / "reports" / f"{V1}.html").is_file()
    assert (data / "parquet" / f"{V1}.datapackage.json").is_file()
    with duckdb.connect(str(data / "careers.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM careers").fetchone() == (12,)


def test_a_failing_analyst_file_only_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                           ) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    (tmp_path / "data" / "careers.duckdb").mkdir(parents=True)  # the catalog cannot go here
    with caplog.at_level(logging.WARNING):
        result = publish(settings, V1, 5)
    assert result.published
    assert result.latest == V1
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].startswith("published, but an analyst file was not written: catalog: ")
    assert (tmp_path / "data" / "reports" / f"{V1}.html").is_file()  # the other steps ran


def test_an_unchanged_run_writes_nothing_new(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    publish(settings, V1, 5)
    again = publish(settings, V2, 5)
    assert not again.published
    assert sorted(p.name for p in (tmp_path / "data" / "reports").iterdir()) == [f"{V1}.html"]


def summary(parquet_dir: Path, version: str | None) -> RunSummary:
    return RunSummary(run_id=V1, published=True, reason="published", version=version,
                      parquet_dir=parquet_dir, pages_by_outcome={"parsed": 5},
                      rows={"careers": 5})


def test_the_summary_names_the_report_when_there_is_one(tmp_path: Path) -> None:
    parquet = tmp_path / "data" / "parquet"
    assert "report:" not in render_text(summary(parquet, V1))
    report = tmp_path / "data" / "reports" / f"{V1}.html"
    report.parent.mkdir(parents=True)
    report.write_text("<html></html>")
    assert render_text(summary(parquet, V1)).splitlines()[-1] == f"  report:   {report}"
    assert f"Report: `{report}`" in render_markdown(summary(parquet, V1))
