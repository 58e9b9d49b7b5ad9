"""Prefect as an operator sees the runs, on a real `prefect server start`: a failed run's
state says why; the prefect.yaml deployments run on a process worker, beside `serve`."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sample_site.server import SampleSite
from tests.prefect_server import api_call, logs_of, stop, wait_until

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def careers_etl(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flows.main", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def latest_flow_run(api: str):
    from prefect.client.schemas.sorting import FlowRunSort

    (run,) = api_call(api, lambda c: c.read_flow_runs(sort=FlowRunSort.EXPECTED_START_TIME_DESC,
                                                      limit=1))
    return run


def test_a_failed_run_is_a_failed_state_whose_message_is_the_reason(prefect_api, tmp_path):
    api, env = prefect_api
    with SampleSite() as site:
        # A profile pattern nothing matches: the run reads no career, so it must not publish.
        result = careers_etl(
            "ingest", "--start-url", site.url("/careers/"), "--profile-pattern", "/nothing/$",
            "--data-dir", str(tmp_path / "data"), "--delay", "0", env=env, cwd=tmp_path,
        )
    assert result.returncode == 1, result.stderr[-2000:]
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("run failed: nothing to publish:"), line
    run = latest_flow_run(api)
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", run.name)  # named after its run id
    assert run.state.is_failed()
    assert run.state.message == line.removeprefix("run failed: ")


def test_prefect_yaml_deployments_run_on_a_process_worker_beside_serve(prefect_api, tmp_path):
    """`prefect deploy --all` from a folder holding prefect.yaml, `prefect worker start`, a
    run of `ingest/careers-etl` on request, while `careers-etl serve` serves the scheduled
    deployment on the same server."""
    api, env = prefect_api
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(ROOT / "prefect.yaml", folder / "prefect.yaml")
    prefect = [sys.executable, "-m", "prefect"]
    logs = tmp_path / "logs"
    logs.mkdir()

    def run(*args: str) -> None:
        done = subprocess.run([*prefect, *args], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    run("work-pool", "create", "careers-etl", "--type", "process", "--overwrite")
    run("--no-prompt", "deploy", "--all")

    with (logs / "serve.log").open("wb") as serve_log, (logs / "worker.log").open("wb") as wlog:
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows.main", "serve", "--data-dir", str(tmp_path / "served")],
            cwd=folder, env=env, stdout=serve_log, stderr=subprocess.STDOUT,
        )
        worker = subprocess.Popen(
            [*prefect, "worker", "start", "--pool", "careers-etl"], cwd=folder,
            env={**env, "PREFECT_WORKER_QUERY_SECONDS": "1"},
            stdout=wlog, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            names = ("ingest/careers-etl", "reparse/careers-etl", "crawl-shard/careers-etl",
                     "ingest/careers-etl-scheduled")

            def deployments() -> bool:
                async def read(client):
                    return [await client.read_deployment_by_name(n) for n in names]

                try:
                    api_call(api, read)
                except Exception:
                    return False
                return True

            wait_until(deployments, timeout=180, what="the four deployments", proc=serve)

            async def trigger(client):
                found = await client.read_deployment_by_name("ingest/careers-etl")
                # prefect.yaml's own parameters (`settings: {}`): the defaults, the sample site
                return await client.create_flow_run_from_deployment(found.id)

            flow_run = api_call(api, trigger)

            def final():
                state = api_call(api, lambda c: c.read_flow_run(flow_run.id)).state
                return state if state is not None and state.is_final() else None

            state = wait_until(final, timeout=400, what="the worker's flow run", proc=worker)
            assert state.is_completed(), (state, (logs / "worker.log").read_text()[-3000:])
        finally:
            stop(worker, signal.SIGINT)
            stop(serve)
    # The run started in the folder `prefect deploy` ran in: its data dir is ./data there.
    latest = (folder / "data" / "parquet" / "_LATEST").read_text()
    finished = api_call(api, lambda c: c.read_flow_run(flow_run.id))
    assert finished.name == latest
    started = f"ingest run {latest} started"
    wait_until(lambda: started in {log.message for log in logs_of(api, flow_run.id)},
               timeout=60, what="the run's own log lines in the API")
