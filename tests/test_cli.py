"""The command lines as a user meets them: help, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_ingest_help_documents_every_option():
    result = run("-m", "flows.ingest", "--help")
    assert result.returncode == 0
    for option in (
        "--start-url", "--data-dir", "--config", "--profile-pattern", "--delay", "--concurrency",
        "--max-pages", "--user-agent", "--ignore-robots", "--force", "--quiet", "--log-format",
        "--serve", "--cron", "--print-config",
    ):
        assert option in result.stdout


def test_reparse_help():
    result = run("-m", "flows.reparse", "--help")
    assert result.returncode == 0
    assert "raw store" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--delay", "soon"], "argument --delay: invalid float value"),
        (["--start-url", "not a url"], "source.start_urls.0"),
        (["--start-url", "ftp://example.org/x"], "source.start_urls.0"),
        (["--delay", "-3"], "crawl.per_host_delay"),
        (["--config", "does-not-exist.toml"], "config file not found: does-not-exist.toml"),
        (["--cron", "every day"], "schedule.cron"),
    ],
)
def test_user_errors_are_one_line_with_exit_code_2(args: list[str], message: str):
    result = run("-m", "flows.ingest", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_data_dir_is_a_user_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run("-m", "flows.ingest", "--data-dir", str(blocker / "data"))
    assert result.returncode == 2
    assert f"data dir {blocker / 'data'} is not writable" in result.stderr
    assert "Traceback" not in result.stderr


def test_print_config_shows_effective_settings(tmp_path: Path):
    config = tmp_path / "etl.toml"
    config.write_text("[crawl]\nmax_retries = 2\n")
    result = run(
        "-m", "flows.ingest", "--config", str(config), "--delay", "4", "--print-config",
        env={"CAREERS_ETL_CRAWL__PER_HOST_CONCURRENCY": "3"},
    )
    assert result.returncode == 0, result.stderr
    effective = json.loads(result.stdout)
    assert effective["crawl"]["max_retries"] == 2
    assert effective["crawl"]["per_host_delay"] == 4.0
    assert effective["crawl"]["per_host_concurrency"] == 3


def test_serve_without_a_prefect_server_says_how_to_start_one(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "flows.ingest", "--serve", "--data-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 2
    assert "serving needs a Prefect server" in result.stderr
    assert "prefect server start" in result.stderr
