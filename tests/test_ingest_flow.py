"""End to end: the real Prefect flow crawls the sample site on 127.0.0.1 and publishes.

Every field of every page is checked against the truth generated from the
sample site's data file, and the published tables are read back with pandas,
pyarrow and DuckDB.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from core.config import load_settings
from core.settings import Settings
from flows.sources import SAMPLE_PROFILES
from sample_site.server import SampleSite
from sample_site.truth import expected_duties, expected_rows, expected_skills, profile_urls

pytestmark = pytest.mark.slow


def sample_settings(site: SampleSite, data_dir: Path, **overrides: Any) -> Settings:
    return load_settings(
        overrides={
            "data_dir": data_dir,
            "source.start_urls": [site.url("/careers/")],
            "source.profile_pattern": SAMPLE_PROFILES,
            "crawl.per_host_delay": 0.0,
            "crawl.delay_jitter": 0.0,
            "crawl.batch_size": 40,
            **overrides,
        }
    )


def run_ingest(settings: Settings, force: bool = False):
    from flows.ingest_flow import ingest

    return asyncio.run(ingest(settings, force=force))


def read_version(data_dir: Path, table: str, version: str) -> pd.DataFrame:
    frame = pd.read_parquet(data_dir / "parquet" / table / f"version={version}")
    return frame.drop(columns=["version"])


def as_plain(frame: pd.DataFrame, columns: list[str], keys: list[str]) -> pd.DataFrame:
    """Compare values, not dtypes: categoricals and nullable types as plain objects."""
    plain = frame[columns].astype(object).where(frame[columns].notna(), None)
    return plain.sort_values(keys).reset_index(drop=True)


def test_ingest_publishes_every_sample_page_exactly(prefect_server, tmp_path: Path):
    data_dir = tmp_path / "data"
    with SampleSite() as site:
        summary = run_ingest(sample_settings(site, data_dir))
        base = site.base_url

    assert summary.published
    version = summary.version
    pages = read_version(data_dir, "pages", version)
    outcomes = Counter(pages["outcome"])
    assert outcomes["parsed"] == len(profile_urls(base))
    assert outcomes["disallowed"] == 1  # the draft page robots.txt forbids
    assert set(outcomes) <= {"parsed", "disallowed", "skipped"}

    careers = read_version(data_dir, "careers", version)
    truth = pd.DataFrame(expected_rows(base))
    columns = list(truth.columns)
    pd.testing.assert_frame_equal(
        as_plain(careers, columns, ["career_id"]), as_plain(truth, columns, ["career_id"])
    )
    assert careers["fetched_at"].notna().all()
    assert careers["content_sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert (careers["parser"] == "sample/1").all()

    skills = read_version(data_dir, "career_skills", version)
    skills_truth = pd.DataFrame(expected_skills(base))
    keys = ["career_id", "kind", "item_position", "skill"]
    pd.testing.assert_frame_equal(
        as_plain(skills, list(skills_truth.columns), keys),
        as_plain(skills_truth, list(skills_truth.columns), keys),
    )
    duties = read_version(data_dir, "career_duties", version)
    duties_truth = pd.DataFrame(expected_duties(base))
    pd.testing.assert_frame_equal(
        as_plain(duties, list(duties_truth.columns), ["career_id", "position"]),
        as_plain(duties_truth, list(duties_truth.columns), ["career_id", "position"]),
    )

    # Analysts' other readers see the same rows.
    path = data_dir / "parquet" / "careers" / f"version={version}"
    by_arrow = pq.read_table(path).to_pandas().drop(columns=["version"])
    pd.testing.assert_frame_equal(
        as_plain(by_arrow, list(careers.columns), ["career_id"]),
        as_plain(careers, list(careers.columns), ["career_id"]),
    )
    by_duckdb = duckdb.sql(
        f"select * exclude (version) from read_parquet('{path}/*.parquet') order by career_id"
    ).df()
    pd.testing.assert_frame_equal(
        as_plain(by_duckdb, list(careers.columns), ["career_id"]),
        as_plain(careers, list(careers.columns), ["career_id"]),
    )


def test_rerun_on_unchanged_site_revalidates_and_publishes_nothing_new(
    prefect_server, tmp_path: Path
):
    data_dir = tmp_path / "data"
    with SampleSite() as site:
        first = run_ingest(sample_settings(site, data_dir))
        seen_before = len(site.requests)
        second = run_ingest(sample_settings(site, data_dir))
        later = site.requests[seen_before:]
        forced = run_ingest(sample_settings(site, data_dir), force=True)

    assert first.published
    assert not second.published
    assert second.version == first.version
    assert not [line for line in second.quality if "warning" in line]
    assert second.pages_by_outcome.get("not_modified") == len(profile_urls(site.base_url))
    profile_requests = [r for r in later if r.path in {p.split(site.base_url)[1] for p in
                                                       profile_urls(site.base_url)}]
    assert profile_requests
    assert all(r.header("If-None-Match") for r in profile_requests)
    assert all(r.status == 304 for r in profile_requests)

    assert forced.published
    for table in ("careers", "career_skills", "career_duties"):
        pd.testing.assert_frame_equal(
            read_version(data_dir, table, forced.version),
            read_version(data_dir, table, first.version),
        )


def test_failed_pages_are_recorded_and_the_rest_publish(prefect_server, tmp_path: Path):
    data_dir = tmp_path / "data"
    with SampleSite() as site:
        missing = site.url("/careers/no-such-career")
        settings = sample_settings(
            site, data_dir, **{"source.start_urls": [site.url("/careers/"), missing]}
        )
        summary = run_ingest(settings)
    pages = read_version(data_dir, "pages", summary.version)
    failed = pages[pages["url"] == missing].iloc[0]
    assert failed["outcome"] == "failed_fetch"
    assert failed["status"] == 404
    assert "404" in failed["error"]
    careers = read_version(data_dir, "careers", summary.version)
    assert len(careers) == len(profile_urls(site.base_url))


def test_reparse_rebuilds_the_same_tables_from_the_raw_store(
    prefect_server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    from flows.cli import run_reparse_cli
    from load import read_manifest

    data_dir = tmp_path / "data"
    with SampleSite() as site:
        first = run_ingest(sample_settings(site, data_dir))
    # The site is gone: reparse needs no network. As the README says to run it:
    assert run_reparse_cli(["--data-dir", str(data_dir)]) == 0
    assert "Nothing new published" in capsys.readouterr().out  # same data, no new version
    assert run_reparse_cli(["--data-dir", str(data_dir), "--force"]) == 0
    rebuilt = (data_dir / "parquet" / "_LATEST").read_text()
    assert rebuilt != first.version
    for table in ("careers", "career_skills", "career_duties"):
        pd.testing.assert_frame_equal(
            read_version(data_dir, table, rebuilt), read_version(data_dir, table, first.version)
        )
    run = read_manifest(rebuilt, data_dir=data_dir).run
    assert run["kind"] == "reparse"
    assert run["reparse_of"] == {first.run_id: len(profile_urls(site.base_url)) + 6}


def test_cli_exit_code_1_when_the_quality_gate_fails(
    prefect_server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    from flows.cli import run_ingest_cli

    config = tmp_path / "strict.toml"
    config.write_text("[quality]\nmax_failed_page_share = 0.0\n")
    with SampleSite() as site:
        code = run_ingest_cli([
            "--config", str(config), "--data-dir", str(tmp_path / "data"), "--delay", "0",
            "--start-url", site.url("/careers/"), "--start-url", site.url("/careers/gone"),
            "--profile-pattern", SAMPLE_PROFILES,
        ])
    err = capsys.readouterr().err
    assert code == 1
    assert "run failed: quality gate failed" in err
    assert "Traceback" not in err
    assert not (tmp_path / "data" / "parquet" / "_LATEST").exists()


def latest_artifact(key: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def read():
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                sort=ArtifactSort.CREATED_DESC,
                limit=1,
            )
        return found[0] if found else None

    return asyncio.run(read())


def test_quality_gate_stops_publishing_and_says_why(prefect_server, tmp_path: Path):
    from transform.errors import QualityGateFailed

    data_dir = tmp_path / "data"
    with SampleSite() as site:
        first = run_ingest(sample_settings(site, data_dir))
        strict = sample_settings(
            site,
            data_dir,
            **{
                "source.start_urls": [site.url("/careers/"), site.url("/careers/gone")],
                "quality.max_failed_page_share": 0.0,
            },
        )
        with pytest.raises(QualityGateFailed, match="above max_failed_page_share"):
            run_ingest(strict, force=True)
    assert (data_dir / "parquet" / "_LATEST").read_text() == first.version
    report = latest_artifact("careers-etl-report")
    assert report is not None
    assert "Quality gate failed" in report.data


def test_each_run_leaves_its_summary_as_prefect_artifacts(prefect_server, tmp_path: Path):
    with SampleSite() as site:
        summary = run_ingest(sample_settings(site, tmp_path / "data"))
    counts = latest_artifact("careers-etl-counts")
    report = latest_artifact("careers-etl-report")
    assert {"what": "rows careers", "count": summary.rows["careers"]} in json.loads(counts.data)
    assert f"Published version `{summary.run_id}`" in report.data
    assert "### Data quality" in report.data


def test_two_site_profiles_from_a_config_file_crawl_side_by_side(
    prefect_server, tmp_path: Path
):
    from flows.cli import run_ingest_cli
    from tests.realsite import real_site

    config = tmp_path / "sites.toml"
    with SampleSite() as sample, real_site() as real:
        config.write_text(
            f'[[sites]]\nname = "sample"\nstart_urls = ["{sample.url("/careers/")}"]\n'
            f"profile_pattern = '{SAMPLE_PROFILES}'\n"
            f'[[sites]]\nname = "ooh-mirror"\nstart_urls = ["{real.url("/sitemap.xml")}"]\n'
            "[crawl]\nper_host_delay = 0.0\n"
        )
        assert run_ingest_cli(["--config", str(config), "--data-dir", str(tmp_path / "data")]) == 0
        sample_base = sample.base_url
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    careers = read_version(tmp_path / "data", "careers", latest)
    from_sample = careers["url"].str.startswith(sample_base)
    assert from_sample.sum() == len(profile_urls(sample_base))
    assert (~from_sample).sum() == 31  # the real OOH and NCS pages
    assert set(careers.loc[~from_sample, "parser"].str.split("/").str[0]) == {"ooh", "ncs"}


def test_a_career_no_longer_listed_is_removed_and_reparse_does_not_revive_it(
    prefect_server, tmp_path: Path
):
    from dataclasses import replace

    from flows.reparse_flow import reparse
    from load import diff
    from sample_site.data import load_site

    data_dir = tmp_path / "data"
    full = load_site()
    dropped = full.careers[0]
    with SampleSite(full) as site:
        first = run_ingest(sample_settings(site, data_dir))
        port = int(site.base_url.rsplit(":", 1)[1])
    with SampleSite(replace(full, careers=full.careers[1:]), port=port) as site:
        second = run_ingest(sample_settings(site, data_dir))
    changes = diff(first.version, second.version, data_dir=data_dir)
    assert [c.career_id for c in changes.removed] == [f"127.0.0.1/{dropped.slug}"]
    assert changes.removed[0].reason == "no longer listed"

    rebuilt = asyncio.run(reparse(sample_settings(site, data_dir), force=True))
    careers = read_version(data_dir, "careers", rebuilt.version)
    assert f"127.0.0.1/{dropped.slug}" not in set(careers["career_id"])
    assert len(careers) == len(full.careers) - 1


def test_a_blip_keeps_last_good_rows_and_a_gone_page_is_removed(prefect_server, tmp_path: Path):
    """Issue 5: a transient failure never makes a career vanish; a 410 does, and says so."""
    from load import diff
    from tests.faultserver import Reply
    from tests.faultsite import sample_fault_site

    data_dir = tmp_path / "data"
    with sample_fault_site({}, slow=2.0) as srv:
        settings = load_settings(overrides={
            "data_dir": data_dir, "source.start_urls": [srv.url("/careers/")],
            "source.profile_pattern": SAMPLE_PROFILES, "crawl.per_host_delay": 0.0,
            "crawl.max_retries": 1, "crawl.backoff_base": 0.01,
        })
        first = run_ingest(settings)
        blip, gone = profile_urls(srv.url("").rstrip("/"))[:2]
        srv.set(blip.removeprefix(srv.url("").rstrip("/")), Reply(status=503))
        srv.set(gone.removeprefix(srv.url("").rstrip("/")), Reply(status=410))
        second = run_ingest(settings)

    before = read_version(data_dir, "careers", first.version).set_index("url")
    after = read_version(data_dir, "careers", second.version).set_index("url")
    assert blip in after.index  # kept, with the row and fetch time of the first run
    assert after.loc[blip, "fetched_at"] == before.loc[blip, "fetched_at"]
    assert after.loc[blip, "title"] == before.loc[blip, "title"]
    assert gone not in after.index
    assert len(after) == len(before) - 1
    removed = diff(first.version, second.version, data_dir=data_dir).removed
    assert [(r.reason) for r in removed] == ["gone (HTTP 410)"]
