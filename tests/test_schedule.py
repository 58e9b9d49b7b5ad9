"""Scheduled runs as the README describes them: a real Prefect server, a served deployment."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
DEPLOYMENT = "ingest/careers-etl-scheduled"

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check, *, timeout: float, what: str, proc: subprocess.Popen[bytes]) -> None:
    """Poll `check` until it is true; fail early if `proc` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what}: process exited with {proc.returncode}")
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"{what}: not ready after {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def prefect_api(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """`prefect server start` on 127.0.0.1, as the README tells users to run it."""
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-server"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    api = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(healthy, timeout=120, what="prefect server", proc=server)
        yield api, {**env, "PREFECT_API_URL": api}
    finally:
        stop(server)
        log.close()


def test_served_deployment_runs_on_request_and_publishes(prefect_api, tmp_path: Path):
    api, env = prefect_api
    data_dir = tmp_path / "data"
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.ingest", "--serve", "--data-dir", str(data_dir),
         "--cron", "0 3 * * *"],
        cwd=ROOT, env={**env, "PREFECT_HOME": str(tmp_path / "prefect-client")},
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        from prefect.client.orchestration import PrefectClient

        async def deployment():
            async with PrefectClient(api) as client:
                return await client.read_deployment_by_name(DEPLOYMENT)

        def exists() -> bool:
            try:
                asyncio.run(deployment())
            except Exception:
                return False
            return True

        wait_until(exists, timeout=120, what="deployment", proc=serve)
        found = asyncio.run(deployment())
        assert [s.schedule.cron for s in found.schedules] == ["0 3 * * *"]
        # The deployment carries what the user set, not a frozen copy of every default.
        assert found.parameters["settings"]["data_dir"] == str(data_dir)
        assert "crawl" not in found.parameters["settings"]

        async def trigger():
            async with PrefectClient(api) as client:
                run = await client.create_flow_run_from_deployment(found.id)
                for _ in range(600):
                    state = (await client.read_flow_run(run.id)).state
                    if state is not None and state.is_final():
                        return state
                    await asyncio.sleep(0.5)
                return state

        state = asyncio.run(trigger())
        assert state is not None
        assert state.is_completed(), (state, (tmp_path / "serve.log").read_text()[-3000:])
    finally:
        stop(serve)
        log.close()

    latest = (data_dir / "parquet" / "_LATEST").read_text()
    import pandas as pd

    careers = pd.read_parquet(data_dir / "parquet" / "careers" / f"version={latest}")
    assert len(careers) == 106
