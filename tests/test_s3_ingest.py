"""End to end on object storage: ingest and reparse with `--data-dir s3://bucket/prefix`.

A real Prefect flow crawls a small local site into moto_server on 127.0.0.1 (a
real S3 API), then reparses from the S3 raw store; the published versions are
read back with the project's reader, pandas, pyarrow, polars and DuckDB (through
a registered s3fs filesystem: DuckDB's httpfs cannot be installed offline).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
import s3fs

from core.store import open_store
from flows.cli import run_ingest_cli, run_reparse_cli
from load import latest, read, verify, versions
from sample_site.data import load_site
from tests.faultserver import FaultServer
from tests.faultsite import sample_fault_site

SMALL = dataclasses.replace(load_site(), careers=load_site().careers[:10], drafts=())
CONFIG = "[crawl]\nper_host_delay = 0\ndelay_jitter = 0\nmax_retries = 1\n"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[FaultServer]:
    with sample_fault_site({}, slow=0, data=SMALL) as server:
        yield server


def test_ingest_and_reparse_on_s3(prefect_server, site: FaultServer, s3_url: str,
                                  tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "etl.toml"
    config.write_text(CONFIG)
    args = ["--config", str(config), "--data-dir", s3_url, "--quiet"]
    assert run_ingest_cli([*args, "--start-url", site.url("/sitemap.xml")]) == 0, \
        capsys.readouterr().err
    first = latest(s3_url)
    assert first is not None
    assert run_reparse_cli([*args, "--force"]) == 0, capsys.readouterr().err
    second = latest(s3_url)
    assert [v.run_id for v in versions(s3_url)] == [first, second]
    verify(second, data_dir=s3_url)

    ours = read("careers", data_dir=s3_url)
    assert len(ours) == 10
    store = open_store(s3_url)
    assert not store.exists(".careers-etl-run.lock")  # the run's lease was let go
    assert store.is_folder("raw/_fetchlog")
    assert [e for e in store.walk("raw") if e.key.endswith(".html.zst")]

    parquet = f"{s3_url}/parquet"
    pointer = store.read("parquet/_LATEST").data.decode()
    assert pointer == second
    frame = pd.read_parquet(f"{parquet}/careers/version={pointer}")
    table = pq.read_table(f"{parquet}/careers/version={pointer}")
    polars = pl.scan_parquet(f"{parquet}/careers/version={pointer}/*.parquet").collect()
    con = duckdb.connect()
    con.register_filesystem(s3fs.S3FileSystem())
    every = con.sql("SELECT version, count(*) AS n FROM read_parquet("
                    f"'{parquet}/careers/*/*.parquet', union_by_name=true)"
                    " GROUP BY version ORDER BY version").fetchall()
    assert len(frame) == table.num_rows == polars.height == 10
    assert every == [(first, 10), (second, 10)]
    assert sorted(frame["career_id"]) == sorted(ours["career_id"])
