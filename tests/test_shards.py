"""A sharded ingest for real on one machine: `prefect server start`, a process work pool
with two `prefect worker start` processes, moto as the S3 store, four local hosts.

The ingest runs `--shards 2 --data-dir s3://...`; one worker is killed (SIGKILL, with
its flow run) in the middle of its shard. What must hold: every career of every host
is published, each host's requests (as its server logged them) are never closer than
its delay, and the dead shard was retried on the other worker.
"""

from __future__ import annotations

import contextlib
import dataclasses
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from load import read
from sample_site.data import load_site
from tests.faultserver import FaultServer
from tests.faultsite import sample_fault_site
from tests.fetch_helpers import gaps
from tests.prefect_server import api_call, stop, wait_until

pytestmark = pytest.mark.slow

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
CAREERS_PER_HOST = 16
DELAY = 0.3
TOLERANCE = 0.05  # the server stamps arrivals in its own threads
POOL = "shards-test"
SITE = dataclasses.replace(
    load_site(), careers=load_site().careers[:CAREERS_PER_HOST], drafts=()
)


@pytest.fixture
def hosts() -> Iterator[list[FaultServer]]:
    servers = [sample_fault_site({}, slow=0, data=SITE, host=h) for h in HOSTS]
    for server in servers:
        server.__enter__()
    try:
        yield servers
    finally:
        for server in servers:
            server.__exit__(None, None, None)


def start_worker(env: dict[str, str], name: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**env, "PREFECT_LOGGING_LEVEL": "INFO"}  # its log says when each run started
    with log.open("wb") as sink:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--type",
             "process", "--limit", "1", "--name", name],
            env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )


def kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """What a machine dying does: the worker and its flow runs go at once, nothing says so."""
    tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    for member in tree:
        with contextlib.suppress(psutil.NoSuchProcess):
            member.send_signal(signal.SIGKILL)
    proc.wait()


def running_a_flow(proc: subprocess.Popen[bytes]) -> bool:
    try:
        return any("prefect.engine" in " ".join(child.cmdline())
                   for child in psutil.Process(proc.pid).children(recursive=True))
    except psutil.Error:
        return False


def profile_requests(server: FaultServer) -> int:
    return sum(1 for r in server.requests() if r.path.startswith("/careers/"))


def test_sharded_ingest_survives_a_killed_worker(
    tmp_path: Path, prefect_api: tuple[str, dict[str, str]], s3_server: Any,
    hosts: list[FaultServer], monkeypatch: pytest.MonkeyPatch,
) -> None:
    api, prefect_env = prefect_api
    env = {**prefect_env, **s3_server.env, "PREFECT_WORKER_QUERY_SECONDS": "1",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "-m", "prefect", "work-pool", "create", POOL,
                    "--type", "process"], env=env, check=True, capture_output=True)
    config = tmp_path / "etl.toml"
    config.write_text(textwrap.dedent(f"""
        [crawl]
        per_host_delay = {DELAY}
        delay_jitter = 0
        shard_heartbeat = 15
        """) + "".join(
        f'\n[[sites]]\nname = "host-{i}"\nstart_urls = ["{s.url("/sitemap.xml")}"]\n'
        for i, s in enumerate(hosts)
    ))
    data_dir = f"s3://{s3_server.bucket()}/data"
    workers = [start_worker(env, f"w{i}", tmp_path / f"worker-{i}.log") for i in (1, 2)]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "flows.ingest", "--config", str(config), "--data-dir",
         data_dir, "--shards", "2", "--work-pool", POOL, "--quiet"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        # Mid-crawl: every host has been reached, and a worker is running its shard.
        wait_until(lambda: all(profile_requests(s) >= 2 for s in hosts), timeout=240,
                   what="the shards' first profile pages", proc=ingest)
        victim = wait_until(lambda: next((w for w in workers if running_a_flow(w)), None),
                            timeout=60, what="a worker running a shard")
        before = {s.origin: profile_requests(s) for s in hosts}
        kill_tree(victim)
        out, err = ingest.communicate(timeout=300)
    finally:
        for worker in workers:
            stop(worker, signal.SIGINT)
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err.decode()
    version = out.decode().strip()

    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    careers = read("careers", version, data_dir=data_dir)
    published = set(careers["url"])
    expected = {s.url(f"/careers/{c.slug}") for s in hosts for c in SITE.careers}
    assert published == expected
    assert any(n < CAREERS_PER_HOST for n in before.values()), before  # killed mid-crawl

    for server in hosts:
        assert min(gaps(server.requests())) >= DELAY - TOLERANCE, server.origin

    runs = _shard_runs(api)
    states = sorted(str(r.state.type.value) for r in runs)
    assert "CRASHED" in states, states  # the dead shard, marked so
    assert any(r.name.endswith("-attempt-2") for r in runs), [r.name for r in runs]
    assert len([s for s in states if s == "COMPLETED"]) == 2, states


def _shard_runs(api: str) -> list[Any]:
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    return list(api_call(api, lambda c: c.read_flow_runs(
        flow_filter=FlowFilter(name=FlowFilterName(any_=["crawl-shard"])))))


def test_a_missing_work_pool_is_one_line(
    tmp_path: Path, prefect_api: tuple[str, dict[str, str]]
) -> None:
    _, env = prefect_api
    done = subprocess.run(
        [sys.executable, "-m", "flows.ingest", "--data-dir", str(tmp_path / "data"),
         "--shards", "2", "--work-pool", "no-such-pool", "--quiet"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "error: no work pool 'no-such-pool' on the Prefect server: create it and start its"
        " workers (prefect worker start --pool no-such-pool --type process), or name another"
        " with --work-pool"
    ]


def test_shards_no_worker_takes_are_given_up_and_the_latest_version_stays(
    tmp_path: Path, prefect_api: tuple[str, dict[str, str]], hosts: list[FaultServer],
) -> None:
    """A pool with no worker: each shard waits `shard_start_timeout`, is given up, and
    its hosts count as unreachable: nothing to publish, the version before stays."""
    _, env = prefect_api
    subprocess.run([sys.executable, "-m", "prefect", "work-pool", "create", "idle-pool",
                    "--type", "process"], env=env, check=True, capture_output=True)
    config = tmp_path / "etl.toml"
    config.write_text("[crawl]\nper_host_delay = 0\nshard_start_timeout = 2\nshard_attempts = 1\n")
    data = tmp_path / "data"
    urls = [a for s in hosts[:2] for a in ("--start-url", s.url("/sitemap.xml"))]

    def ingest(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "flows.ingest", "--config", str(config), "--data-dir",
             str(data), "--quiet", *urls, *extra],
            env=env, capture_output=True, text=True, timeout=300,
        )

    first = ingest()
    assert first.returncode == 0, first.stderr
    sharded = ingest("--shards", "2", "--work-pool", "idle-pool")
    assert sharded.returncode == 1
    lines = sharded.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("run failed: nothing to publish: crawl shard "), lines[0]
    assert "no worker of pool 'idle-pool' took it in 2 s" in lines[0]
    assert (data / "parquet" / "_LATEST").read_text() == first.stdout.strip()
    assert not list((data / "_staging").iterdir())  # the run cleaned up after itself
