"""How a run is shown: JSON lines for log systems, live progress on a terminal, plain lines."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from extract.records import Outcome, PageOutcome
from flows.events import LOGGER_NAME, pages_done, stage_started
from flows.logs import ProgressHandler, configure_logging


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def parsed(url: str, outcome: Outcome = Outcome.PARSED) -> PageOutcome:
    return PageOutcome(url=url, outcome=outcome, status=200)


@pytest.fixture(autouse=True)
def restore_logger():
    logger = logging.getLogger(LOGGER_NAME)
    yield
    logger.handlers.clear()
    logger.propagate = True


def test_json_lines_carry_run_stage_url_and_outcome():
    stream = io.StringIO()
    configure_logging(quiet=False, log_format="json", stream=stream)
    stage_started("run-1", "crawl", total=2)
    pages = [parsed("http://a.test/x"), parsed("http://a.test/y", Outcome.SKIPPED)]
    pages_done("run-1", "crawl", pages)
    docs = [json.loads(line) for line in stream.getvalue().splitlines()]
    events = [d for d in docs if d.get("event") == "page"]
    assert [(d["run_id"], d["stage"], d["url"], d["outcome"]) for d in events] == [
        ("run-1", "crawl", "http://a.test/x", "parsed"),
        ("run-1", "crawl", "http://a.test/y", "skipped"),
    ]
    assert all({"time", "level", "message"} <= d.keys() for d in docs)


def test_a_terminal_gets_a_progress_bar_that_follows_the_run():
    stream = Terminal()
    handler = configure_logging(quiet=False, log_format="text", stream=stream)
    assert isinstance(handler, ProgressHandler)
    with handler:
        stage_started("run-1", "crawl", total=3)
        pages_done("run-1", "crawl", [parsed("http://a.test/1"), parsed("http://a.test/2")])
        (task,) = handler.progress.tasks
        assert (task.description, task.completed, task.total) == ("crawl", 2, 3)
    assert "crawl" in stream.getvalue()


def test_plain_lines_when_not_a_terminal_and_nothing_when_quiet():
    stream = io.StringIO()
    assert configure_logging(quiet=False, log_format="text", stream=stream) is None
    stage_started("run-1", "crawl", total=3)
    assert "crawl started (3 pages)" in stream.getvalue()

    quiet = io.StringIO()
    configure_logging(quiet=True, log_format="text", stream=quiet)
    stage_started("run-1", "crawl", total=3)
    pages_done("run-1", "crawl", [parsed("http://a.test/1")])
    assert quiet.getvalue() == ""


@pytest.mark.slow
def test_cli_run_with_json_logs(prefect_server, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from flows.cli import run_ingest_cli
    from flows.sources import SAMPLE_PROFILES
    from sample_site.server import SampleSite

    with SampleSite() as site:
        code = run_ingest_cli([
            "--start-url", site.url("/careers/"), "--profile-pattern", SAMPLE_PROFILES,
            "--data-dir", str(tmp_path / "data"), "--delay", "0", "--log-format", "json",
        ])
    captured = capsys.readouterr()
    assert code == 0
    docs = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    page_events = [d for d in docs if d.get("event") == "page"]
    assert len(page_events) >= 106
    assert {d["run_id"] for d in page_events} == {latest}
    assert "Published version" in captured.out
