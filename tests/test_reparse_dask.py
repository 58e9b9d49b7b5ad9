"""Reparse on a real Dask cluster gives the same tables as an in-process reparse.

A `dask scheduler` and two `dask worker` processes run on 127.0.0.1 (free ports),
with the S3 variables of moto_server in their environment and no Prefect
setting at all: the workers read the bodies from the s3:// raw store themselves
and never talk to Prefect (see extract/parse_dask.py). The sample site is
ingested into the bucket, then reparsed once in-process and once on the
cluster, and every table of the two versions is compared whole.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client

from extract import parse_dask
from flows.cli import run_ingest_cli, run_reparse_cli
from load import latest, read, read_manifest
from sample_site.data import load_site
from tests.faultserver import FaultServer
from tests.faultsite import sample_fault_site
from tests.prefect_server import free_port, stop, wait_until

SMALL = dataclasses.replace(load_site(), careers=load_site().careers[:12], drafts=())
# Batches of 5 pages: several Dask tasks, for both workers to take some.
CONFIG = "[crawl]\nper_host_delay = 0\ndelay_jitter = 0\nmax_retries = 1\nbatch_size = 5\n"
TABLES = ("careers", "career_skills", "career_duties", "pages")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def site() -> Iterator[FaultServer]:
    with sample_fault_site({}, slow=0, data=SMALL) as server:
        yield server


@pytest.fixture
def dask_cluster(s3_url: str, tmp_path: Path) -> Iterator[str]:
    """`dask scheduler` + two single-threaded `dask worker`s on 127.0.0.1: the address."""
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs: list[subprocess.Popen[bytes]] = []

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        with (logs / f"{name}.log").open("wb") as log:
            proc = subprocess.Popen([dask, *args], cwd=tmp_path, env=env, stdout=log,
                                    stderr=subprocess.STDOUT)
        procs.append(proc)
        return proc

    try:
        scheduler = start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                          "--no-dashboard", "--no-show")
        for n in range(2):
            start(f"worker-{n}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                  "--nworkers", "1", "--no-dashboard", "--name", f"w{n}",
                  "--local-directory", str(tmp_path / f"worker-{n}"))

        def both_workers() -> bool:
            try:
                with Client(address, timeout=10) as client:
                    client.wait_for_workers(2, timeout=10)
                    return True
            except (OSError, TimeoutError):
                return False

        # A loaded 2-core machine may take a minute to import distributed three times.
        wait_until(both_workers, timeout=240, what="dask scheduler and two workers",
                   proc=scheduler)
        yield address
    finally:
        for proc in reversed(procs):  # workers first, then the scheduler
            stop(proc)


def tables_of(version: str, data_dir: str) -> dict[str, pd.DataFrame]:
    """Each table of `version` with the version column dropped and rows in a fixed order."""
    out = {}
    for name in TABLES:
        frame = read(name, version, data_dir=data_dir).drop(columns=["version"])
        keys = [c for c in ("url", "career_id", "skill", "duty", "position") if c in frame]
        out[name] = frame.sort_values(keys or list(frame.columns)).reset_index(drop=True)
    return out


def test_reparse_on_dask_equals_in_process(prefect_server, site: FaultServer, s3_url: str,
                                           dask_cluster: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "etl.toml"
    config.write_text(CONFIG)
    args = ["--config", str(config), "--data-dir", s3_url, "--quiet"]
    assert run_ingest_cli([*args, "--start-url", site.url("/sitemap.xml")]) == 0, \
        capsys.readouterr().err
    assert run_reparse_cli([*args, "--force"]) == 0, capsys.readouterr().err
    local = latest(s3_url)
    assert local is not None
    assert run_reparse_cli([*args, "--force", "--task-runner", "dask",
                            "--dask-address", dask_cluster]) == 0, capsys.readouterr().err
    on_dask = latest(s3_url)
    assert on_dask is not None
    assert on_dask != local

    expected = tables_of(local, s3_url)
    result = tables_of(on_dask, s3_url)
    assert len(result["careers"]) == len(SMALL.careers)
    for name in TABLES:
        pd.testing.assert_frame_equal(result[name], expected[name], obj=name)
    # The cluster parsed: its workers opened the s3:// raw store themselves.
    with Client(dask_cluster, timeout=30) as client:
        opened = client.run(lambda: sorted(parse_dask._stores))
    assert set(map(tuple, opened.values())) <= {(), (f"{s3_url}/raw",)}, opened
    assert any(opened.values()), opened
    run = read_manifest(on_dask, data_dir=s3_url).run
    assert run["kind"] == "reparse"
    assert run["settings"]["crawl"]["task_runner"] == "dask"


def test_unreachable_scheduler_is_one_line(prefect_server, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A scheduler nobody runs is a usage error, before any page is parsed."""
    data = tmp_path / "data"
    (data / "raw" / "_fetchlog").mkdir(parents=True)
    (data / "raw" / "_fetchlog" / "x.jsonl").write_text("")
    address = f"tcp://127.0.0.1:{free_port()}"
    code = run_reparse_cli(["--data-dir", str(data), "--dask-address", address, "--quiet"])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: cannot reach the Dask scheduler at {address}: "), err
