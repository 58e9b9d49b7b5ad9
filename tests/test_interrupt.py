"""Ctrl-C during an ad hoc run: it stops in seconds, publishes nothing, and the next run resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.sources import SAMPLE_PROFILES
from sample_site.server import SampleSite
from sample_site.truth import profile_urls
from tests.faultserver import FaultServer, Reply
from tests.hostile import SLOW_PAGE, slow_config

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def ingest_cmd(site: SampleSite, data_dir: Path, delay: float) -> list[str]:
    return [
        sys.executable, "-m", "flows.ingest", "--start-url", site.url("/careers/"),
        "--profile-pattern", SAMPLE_PROFILES, "--data-dir", str(data_dir),
        "--delay", str(delay),
    ]


def logged_fetches(data_dir: Path) -> int:
    logs = list((data_dir / "raw" / "_fetchlog").glob("*.jsonl"))
    return sum(len(p.read_text().splitlines()) for p in logs)


def test_ctrl_c_stops_quickly_publishes_nothing_and_the_next_run_resumes(tmp_path: Path):
    data_dir = tmp_path / "data"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    with SampleSite() as site:
        run = subprocess.Popen(
            ingest_cmd(site, data_dir, delay=0.2), cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 120
        while logged_fetches(data_dir) < 15:  # mid-crawl: some pages are in the raw store
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the crawl never got going"
            time.sleep(0.1)
        interrupted_at = time.monotonic()
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=60)
        stopped_after = time.monotonic() - interrupted_at

        assert run.returncode == 130, err
        assert stopped_after < 10
        assert "Traceback" not in err
        assert "Crash" not in err  # no Prefect crash report either
        assert err.strip().splitlines()[-1] == (
            "interrupted: nothing was published; the next run resumes from the raw store"
        )
        assert "Published" not in out
        assert not (data_dir / "parquet" / "_LATEST").exists()
        fetched_before = logged_fetches(data_dir)
        seen = len(site.requests)

        resumed = subprocess.run(
            ingest_cmd(site, data_dir, delay=0.0), cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=300,
        )
        assert resumed.returncode == 0, resumed.stderr
        assert "Published version" in resumed.stdout
        profiles = {url.removeprefix(site.base_url) for url in profile_urls(site.base_url)}
        revalidated = [
            r for r in site.requests[seen:] if r.path in profiles and r.header("If-None-Match")
        ]
    assert fetched_before >= 15
    assert revalidated, "pages fetched before Ctrl-C are revalidated, not downloaded again"
    assert all(r.status == 304 for r in revalidated)


def test_ctrl_c_while_a_page_is_being_parsed_stops_the_run_in_seconds(tmp_path: Path):
    """The parse runs in a worker process, so the flow's event loop hears the signal."""
    config = tmp_path / "etl.toml"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    robots = Reply(body=b"User-agent: *\nAllow: /\n")
    page = Reply(body=SLOW_PAGE, headers={"Content-Type": "text/html"})
    with FaultServer({"/robots.txt": robots, "/careers/nurse": page}) as srv:
        # The site's CSS rule keeps the page's worker busy for minutes (tests/hostile.py).
        config.write_text(
            "[crawl]\nparse_budget = 600\n\n" + slow_config(srv.url("/careers/nurse"))
        )
        run = subprocess.Popen(
            [sys.executable, "-m", "flows.ingest", "--config", str(config),
             "--data-dir", str(tmp_path / "data")],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 120
            while not srv.requests("/careers/nurse"):
                assert run.poll() is None, run.communicate()
                assert time.monotonic() < deadline, "the page was never fetched"
                time.sleep(0.1)
            time.sleep(2.0)  # well into the parse
            interrupted_at = time.monotonic()
            run.send_signal(signal.SIGINT)
            _, err = run.communicate(timeout=60)
            stopped_after = time.monotonic() - interrupted_at
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err
    assert stopped_after < 10
    assert "Traceback" not in err
    assert_group_gone(run.pid)


def assert_group_gone(pgid: int) -> None:
    """No process of the run's process group is left (no parse worker, no server child)."""
    deadline = time.monotonic() + 10
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        assert time.monotonic() < deadline, f"processes of group {pgid} outlived the run"
        time.sleep(0.1)


def test_sigterm_to_the_run_py_process_stops_the_run(tmp_path: Path):
    """run.py replaces itself with the command: the pid a user started is the run."""
    data_dir = tmp_path / "data"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    with SampleSite() as site:
        run = subprocess.Popen(
            [sys.executable, str(ROOT / "run.py"), "flows.ingest", "--start-url",
             site.url("/careers/"), "--profile-pattern", SAMPLE_PROFILES, "--data-dir",
             str(data_dir), "--delay", "0.2"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 180
            while logged_fetches(data_dir) < 5:
                assert run.poll() is None, run.communicate()
                assert time.monotonic() < deadline, "the crawl never got going"
                time.sleep(0.1)
            run.send_signal(signal.SIGTERM)
            _, err = run.communicate(timeout=60)
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err
    assert "interrupted: nothing was published" in err
    assert_group_gone(run.pid)
