"""How a person or a log system sees a run: live progress, plain lines, or JSON lines."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from core.errors import CareersEtlError
from flows.events import LOGGER_NAME

LogFormat = Literal["text", "json"]
_FIELDS = ("run_id", "stage", "event", "url", "outcome", "status", "total", "count")


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record, with the run's structured fields when present."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in _FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                doc[name] = value
        if record.exc_info:
            doc["error"] = self.formatException(record.exc_info)
        return json.dumps(doc, default=str)


class ProgressHandler(logging.Handler):
    """Drives a rich progress bar per stage from `stage`/`advance` events."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self.progress = Progress(
            TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=console, transient=False,
        )
        self._tasks: dict[str, Any] = {}

    def emit(self, record: logging.LogRecord) -> None:
        event, stage = getattr(record, "event", None), getattr(record, "stage", None)
        if event == "stage" and stage is not None:
            self._tasks[stage] = self.progress.add_task(stage, total=getattr(record, "total", None))
        elif event == "advance" and stage in self._tasks:
            self.progress.advance(self._tasks[stage], getattr(record, "count", 1))
        elif record.levelno >= logging.WARNING:
            level = record.levelname.lower()
            self.progress.console.print(f"[yellow]{level}[/]: {record.getMessage()}")

    def __enter__(self) -> ProgressHandler:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


class OneLineProjectErrors(logging.Filter):
    """Prefect logs a failed run with its traceback; for our own errors one line says it all."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], CareersEtlError):
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()} {type(error).__name__}: {error}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


PREFECT_RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")


class CurrentStderr:
    """`sys.stderr` as it is when a record is written, not when the handler was made (a
    test harness, or a caller, may swap it between runs)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


class NotOnTheConsole(logging.Filter):
    """Keeps Prefect's flow- and task-run records off the terminal (they still reach the
    Prefect API, so the UI has them): there the command's own progress, summary and
    one-line error say what happened, once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(PREFECT_RUN_LOGGERS)


def _quiet_prefect_console() -> None:
    for handler in logging.getLogger().handlers:
        is_console = type(handler).__name__ == "PrefectConsoleHandler"
        if is_console and not any(isinstance(f, NotOnTheConsole) for f in handler.filters):
            handler.addFilter(NotOnTheConsole())


def configure_logging(
    *, quiet: bool, log_format: LogFormat, stream: Any = None
) -> ProgressHandler | None:
    """Attach the right handler to the project's logger; returns the progress handler if live."""
    stream = stream or CurrentStderr()
    _quiet_prefect_console()
    for name in PREFECT_RUN_LOGGERS:
        prefect_logger = logging.getLogger(name)
        if not any(isinstance(f, OneLineProjectErrors) for f in prefect_logger.filters):
            prefect_logger.addFilter(OneLineProjectErrors())
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    if log_format == "json":
        handler: logging.Handler = logging.StreamHandler(stream)
        handler.setFormatter(JsonLinesFormatter())
        logger.setLevel(logging.WARNING if quiet else logging.DEBUG)
        _route_project_logs(handler)
        return None
    if not quiet and stream.isatty():
        progress = ProgressHandler(Console(file=stream))
        _route_project_logs(progress)
        return progress
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _route_project_logs(handler)
    return None


# The stages log under their module names (extract.fetch, load.read, ...): their warnings
# reach the same place as the run's own records, not Prefect's console handler.
PROJECT_LOGGERS = (LOGGER_NAME, "core", "extract", "transform", "load", "flows", "sample_site")


def _route_project_logs(handler: logging.Handler) -> None:
    for name in PROJECT_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = False
        logger.addHandler(handler)
        if name != LOGGER_NAME:
            logger.setLevel(logging.WARNING)
