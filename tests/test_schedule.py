"""Scheduled runs as the README describes them: a real Prefect server, a served deployment."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.prefect_server import real_prefect_server, stop, wait_until

ROOT = Path(__file__).resolve().parents[1]
DEPLOYMENT = "ingest/careers-etl-scheduled"

pytestmark = pytest.mark.slow


@pytest.fixture
def prefect_api(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A server of this test's own (not the session's): the deployment it finds is this one."""
    with real_prefect_server(tmp_path) as found:
        yield found


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
