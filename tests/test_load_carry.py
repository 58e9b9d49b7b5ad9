"""Carry forward: transient failures keep their last good rows, gone pages drop out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from load import carry_forward, open_baseline, publish, read_arrow
from tests.load_helpers import career, duties, page, skills, tables, url

OLD_FETCH = datetime(2026, 10, 1, tzinfo=UTC)
NEW_FETCH = datetime(2026, 11, 1, tzinfo=UTC)


def previous() -> dict[str, pa.Table]:
    slugs = ["nurse", "welder", "baker"]
    return tables(
        [career(s, fetched_at=OLD_FETCH) for s in slugs],
        [r for s in slugs for r in skills(s, [f"{s} skill"])],
        [r for s in slugs for r in duties(s, [f"{s} duty"])],
    )


def this_run() -> dict[str, pa.Table]:
    """nurse parsed; welder hit a 503; baker is gone (410)."""
    return tables(
        [career("nurse", fetched_at=NEW_FETCH, workers=1)],
        skills("nurse", ["nurse skill"]),
        duties("nurse", ["nurse duty"]),
        pages=[page("nurse"),
               page("welder", outcome="failed_fetch", status=503, error="HTTP 503"),
               page("baker", outcome="failed_fetch", status=410, error="HTTP 410")],
    )


def by_id(arrow: pa.Table) -> dict[str, dict[str, object]]:
    return {row["career_id"]: row for row in arrow.to_pylist()}


def test_transient_failures_keep_their_rows_and_gone_pages_drop() -> None:
    new = this_run()
    result = carry_forward(new, previous(), {url("welder")})
    careers = by_id(result["careers"])
    assert sorted(careers) == ["careers.example/nurse", "careers.example/welder"]
    assert careers["careers.example/welder"] == by_id(previous()["careers"])[
        "careers.example/welder"]  # the old row, with its older fetched_at
    assert careers["careers.example/nurse"]["workers"] == 1  # this run's row wins
    assert sorted(result["career_skills"].column("skill").to_pylist()) == [
        "nurse skill", "welder skill"]
    assert sorted(result["career_duties"].column("duty").to_pylist()) == [
        "nurse duty", "welder duty"]
    assert result["pages"] is new["pages"]
    assert result["careers"].schema == new["careers"].schema


def test_a_page_that_parsed_this_run_is_never_replaced() -> None:
    new = this_run()
    result = carry_forward(new, previous(), {url("nurse")})
    assert result["careers"].to_pylist() == new["careers"].to_pylist()
    assert result["career_skills"].num_rows == 1


def test_nothing_to_carry_returns_the_new_tables() -> None:
    new = this_run()
    assert carry_forward(new, {}, {url("welder")}) == new
    assert carry_forward(new, previous(), set()) == new


def test_carried_rows_take_the_new_schema() -> None:
    """A column added since the previous version is null in carried rows."""
    new = this_run()
    new["careers"] = new["careers"].append_column("salary_source", pa.array(["page"]))
    result = carry_forward(new, previous(), {url("welder")})
    assert by_id(result["careers"])["careers.example/welder"]["salary_source"] is None


def test_carried_careers_survive_into_the_published_version(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    assert open_baseline(parquet).tables == {}  # nothing published yet
    keep = {url("welder")}  # the fetcher marked its 503 transient
    publish(previous(), parquet_dir=parquet, run_id="20261001T060000Z-aaaaaa")
    baseline = open_baseline(parquet)
    assert baseline.run_id == "20261001T060000Z-aaaaaa"
    result = publish(carry_forward(this_run(), baseline.tables, keep), parquet_dir=parquet,
                     run_id="20261101T060000Z-bbbbbb", baseline=baseline)
    assert [r.career_id for r in result.diff.removed] == ["careers.example/baker"]
    assert result.diff.removed[0].reason == "gone (HTTP 410)"
    assert [c.career_id for c in result.diff.changed] == ["careers.example/nurse"]
    welder = by_id(read_arrow("careers", data_dir=tmp_path))["careers.example/welder"]
    assert welder["fetched_at"] == OLD_FETCH
    assert welder["version"] == "20261101T060000Z-bbbbbb"
    assert read_arrow("career_skills", data_dir=tmp_path).num_rows == 2
