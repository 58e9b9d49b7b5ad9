"""How a run is shown: JSON lines for log systems, live progress on a terminal, plain lines."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from extract.records import Outcome, PageOutcome
from flows.events import LOGGER_NAME, pages_done, stage_finished, stage_started, status
from flows.logs import ProgressHandler, attach_prefect_api_logs, configure_logging


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def parsed(url: str, outcome: Outcome = Outcome.PARSED) -> PageOutcome:
    return PageOutcome(url=url, outcome=outcome, status=200)


@pytest.fixture(autouse=True)
def restore_logger():
    loggers = [logging.getLogger(name) for name in (LOGGER_NAME, "httpx")]
    yield
    for logger in loggers:
        logger.handlers.clear()
        logger.propagate = True
        logger.setLevel(logging.NOTSET)


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


def test_crawl_bar_moves_with_each_response_and_agrees_with_the_batches():
    """httpx logs each request at INFO; the live bar counts them per page of the running
    stage, and a batch report never makes it count a page twice."""
    handler = configure_logging(quiet=False, log_format="text", stream=Terminal())
    assert isinstance(handler, ProgressHandler)
    httpx_log = logging.getLogger("httpx")
    with handler:
        stage_started("run-1", "crawl", total=3)
        for path in ("/1", "/2", "/2"):  # a retry of /2 is still one page
            httpx_log.info('HTTP Request: %s %s "%s %d %s"', "GET", f"http://a.test{path}",
                           "HTTP/1.1", 200, "OK")
        crawl = handler.progress.tasks[-1]
        assert (crawl.completed, crawl.total) == (2, 3)
        pages_done("run-1", "crawl", [parsed("http://a.test/1"), parsed("http://a.test/2")])
        assert handler.progress.tasks[-1].completed == 2
        pages_done("run-1", "crawl", [parsed("http://a.test/3")])  # disallowed: no request
        assert handler.progress.tasks[-1].completed == 3
        stage_finished("run-1", "crawl")
        assert handler.progress.tasks[-1].finished


def test_a_bar_without_a_total_finishes_at_its_count_and_a_failed_run_stops_the_rest():
    handler = configure_logging(quiet=False, log_format="text", stream=Terminal())
    assert isinstance(handler, ProgressHandler)
    httpx_log = logging.getLogger("httpx")

    def failing_run() -> None:
        with handler:
            stage_started("run-1", "discover")
            for n in range(4):
                httpx_log.info('HTTP Request: %s %s "%s %d %s"', "GET", f"http://a.test/s{n}",
                               "HTTP/1.1", 200, "OK")
            stage_finished("run-1", "discover")
            stage_started("run-1", "crawl", total=10)
            raise RuntimeError("the run failed")

    with pytest.raises(RuntimeError):
        failing_run()
    discover, crawl = handler.progress.tasks
    assert (discover.completed, discover.total, discover.finished) == (4, 4, True)
    assert crawl.finished  # ended...
    assert crawl.fields.get("stopped")  # ...marked as stopped


def test_json_lines_on_quiet_are_nothing_and_the_status_is_an_event():
    stream = io.StringIO()
    configure_logging(quiet=False, log_format="json", stream=stream)
    status("starting Prefect")
    (doc,) = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert (doc["event"], doc["message"]) == ("status", "starting Prefect")
    quiet = io.StringIO()
    configure_logging(quiet=True, log_format="json", stream=quiet)
    status("starting Prefect")
    stage_started("run-1", "crawl", total=3)
    assert quiet.getvalue() == ""


def test_project_records_outside_a_run_never_reach_the_prefect_api():
    """Prefect's own handler, told to raise for a record outside any run, is never asked:
    ours drops such records first (and is attached once, however often a run starts)."""
    from prefect.logging.handlers import APILogHandler
    from prefect.settings import PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW, temporary_settings

    attach_prefect_api_logs()
    attach_prefect_api_logs()
    logger = logging.getLogger(LOGGER_NAME)
    assert sum(isinstance(h, APILogHandler) for h in logger.handlers) == 1
    with temporary_settings({PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW: "error"}):
        stage_started("run-1", "crawl", total=3)  # no flow run here: dropped, no error
        plain = APILogHandler()
        with pytest.raises(Exception, match="flow run"):  # what Prefect's own would do
            plain.handle(logging.LogRecord(LOGGER_NAME, logging.INFO, __file__, 1, "x", (),
                                           None))
