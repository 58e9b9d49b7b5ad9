"""How a person or a log system sees a run: live progress, plain lines, JSON lines, or
only the version id (`--quiet`); and the run's log lines in the Prefect UI.

The flow reports through `flows.events` (records on the `careers_etl` logger with
structured fields); `Output` decides, once per command, how they are shown:

- live: on a terminal, a status line at once ("starting Prefect ...") and a bar per
  stage that moves per page, with its rate and time left; every bar finishes.
- lines: elsewhere, one plain log line per event.
- json: every line on stdout and stderr is one JSON object, errors included; the last
  is the summary event (version, counts, exit code) on stdout.
- quiet: nothing but the version id on stdout, or the one error line on stderr.

Inside a flow run, the project's records also go to the Prefect API
(`attach_prefect_api_logs`), so the UI shows them in the flow run's logs.
"""

from __future__ import annotations

import itertools
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from core.errors import CareersEtlError
from flows.events import LOGGER_NAME

if TYPE_CHECKING:
    from flows.summary import RunSummary

LogFormat = Literal["text", "json"]
_FIELDS = ("run_id", "kind", "stage", "event", "url", "outcome", "status", "total", "count")

# The stages log under their module names (extract.fetch, load.read, ...): their warnings
# reach the same place as the run's own records, not Prefect's console handler.
PROJECT_LOGGERS = (LOGGER_NAME, "core", "extract", "transform", "load", "flows", "sample_site")
PREFECT_RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")
# Stages whose bar moves with each HTTP response (httpx logs one INFO record per request).
REQUEST_STAGES = ("discover", "crawl")


def _now() -> str:
    return datetime.now(UTC).isoformat()


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


class CurrentStderr:
    """`sys.stderr` as it is when a record is written, not when the handler was made (a
    test harness, or a caller, may swap it between runs)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


# -- live progress -------------------------------------------------------------------------


class _Mark(ProgressColumn):
    """A spinner while a row runs, then a tick (or a cross for a row a failure stopped)."""

    def __init__(self) -> None:
        super().__init__()
        self._spinner = SpinnerColumn()

    def render(self, task: Task) -> Text:
        if task.fields.get("stopped"):
            return Text("✗", style="red")
        if task.finished:
            return Text("✓", style="green")
        rendered = self._spinner.render(task)
        return rendered if isinstance(rendered, Text) else Text("…")


class _Rate(ProgressColumn):
    """Pages per second, over rich's recent samples (or the row's average once done)."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("pages", True):
            return Text("")
        speed = task.finished_speed or task.speed
        if speed is None and task.finished and task.elapsed:
            speed = task.completed / task.elapsed if task.elapsed > 0 else None
        return Text(f"{speed:6.1f} pages/s" if speed else " " * 13, style="cyan")


class _PagesOnly(ProgressColumn):
    """A column shown on stage rows only (not on the status row, which counts no pages)."""

    def __init__(self, column: ProgressColumn) -> None:
        super().__init__()
        self.column = column

    def render(self, task: Task) -> Any:
        return self.column.render(task) if task.fields.get("pages", True) else Text("")


@dataclass
class _Stage:
    task: TaskID
    total: int | None
    seen: set[str] = field(default_factory=set)  # URLs the stage has had a response for
    confirmed: int = 0  # pages the flow reported done
    done: bool = False

    @property
    def completed(self) -> int:
        done = max(len(self.seen), self.confirmed)
        return min(done, self.total) if self.total is not None else done


class ProgressHandler(logging.Handler):
    """Drives the live display from the run's events: a status row, then a bar per stage.

    A stage's bar moves per page: for discover and crawl with each HTTP response of the
    stage (httpx's per-request record, see `RequestsToProgress`), reconciled with the
    pages the flow reports done per batch; for the others with the flow's reports.
    """

    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self.progress = Progress(
            _Mark(), TextColumn("{task.description:<12}"),
            _PagesOnly(BarColumn(bar_width=30)), _PagesOnly(MofNCompleteColumn()), _Rate(),
            TimeElapsedColumn(), _PagesOnly(TextColumn("[dim]eta[/]")),
            _PagesOnly(TimeRemainingColumn()),
            console=console, transient=False, refresh_per_second=8,
        )
        self._status: TaskID | None = None
        self._stages: dict[str, _Stage] = {}

    def emit(self, record: logging.LogRecord) -> None:
        event, stage = getattr(record, "event", None), getattr(record, "stage", None)
        if event == "status":
            self.status(record.getMessage())
        elif event == "run":
            kind, run_id = getattr(record, "kind", ""), getattr(record, "run_id", "")
            self._finish_status(f"{kind} run {run_id}")
        elif event == "stage" and stage is not None:
            self._start_stage(stage, getattr(record, "total", None))
        elif event == "advance" and stage in self._stages:
            self._stages[stage].confirmed += getattr(record, "count", 1)
            self._update(stage)
        elif event == "stage_done" and stage in self._stages:
            self._finish_stage(stage)
        elif record.levelno >= logging.WARNING:
            level = record.levelname.lower()
            self.progress.console.print(f"[yellow]{level}[/]: {record.getMessage()}",
                                        highlight=False, markup=True)

    def status(self, message: str) -> None:
        if self._status is None:
            self._status = self.progress.add_task(message, total=None, pages=False)
        else:
            self.progress.update(self._status, description=message)

    def _finish_status(self, description: str | None) -> None:
        if self._status is not None and not self.progress.tasks[0].finished:
            self.progress.update(self._status, total=1, completed=1)
            self.progress.stop_task(self._status)  # its clock stops: how long the wait took
        if self._status is not None and description is not None:
            self.progress.update(self._status, description=description)

    def response(self, url: str) -> None:
        """An HTTP response arrived: it counts for the running request-driven stage."""
        running = [s for s in REQUEST_STAGES if s in self._stages and not self._stages[s].done]
        if running:
            self._stages[running[-1]].seen.add(url)
            self._update(running[-1])

    def _start_stage(self, stage: str, total: int | None) -> None:
        self._finish_status(None)
        for name, state in self._stages.items():  # a stage starting ends the one before it
            if name != stage and not state.done:
                self._finish_stage(name)
        self._stages[stage] = _Stage(self.progress.add_task(stage, total=total), total)

    def _update(self, stage: str) -> None:
        self.progress.update(self._stages[stage].task, completed=self._stages[stage].completed)

    def _finish_stage(self, stage: str) -> None:
        state = self._stages[stage]
        state.done = True
        done = state.completed if state.total is None else state.total
        self.progress.update(state.task, total=done, completed=done)
        self.progress.stop_task(state.task)  # elapsed time and rate stay as they ended

    def stop_unfinished(self) -> None:
        """A run that failed or was interrupted: its open rows end, marked as stopped."""
        for task in self.progress.tasks:
            if not task.finished:
                self.progress.update(task.id, total=task.completed or 1,
                                     completed=task.completed or 1, stopped=True)
                self.progress.stop_task(task.id)

    def __enter__(self) -> ProgressHandler:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if any(e is not None for e in exc):
            self.stop_unfinished()
        self.progress.stop()


class RequestsToProgress(logging.Handler):
    """httpx logs each request it sends at INFO (`HTTP Request: GET <url> "HTTP/1.1 200
    OK"`): each is a page of the running stage for the live bars. Nothing is printed."""

    def __init__(self, progress: ProgressHandler) -> None:
        super().__init__(logging.INFO)
        self.target = progress

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if len(args) >= 2:
            self.target.response(str(args[1]))


# -- filters for Prefect's own records -----------------------------------------------------


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


class NotOnTheConsole(logging.Filter):
    """Keeps Prefect's flow- and task-run records off the terminal (they still reach the
    Prefect API, so the UI has them): there the command's own progress, summary and
    one-line error say what happened, once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(PREFECT_RUN_LOGGERS)


class Nothing(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _prefect_console_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers
            if type(h).__name__ == "PrefectConsoleHandler"]


def _quiet_prefect_console(*, entirely: bool) -> None:
    """Prefect's console handler (on the root logger) shows none of its run records, or,
    for --quiet and JSON output, nothing at all."""
    wanted: type[logging.Filter] = Nothing if entirely else NotOnTheConsole
    for handler in _prefect_console_handlers():
        for old in [f for f in handler.filters if isinstance(f, NotOnTheConsole | Nothing)]:
            handler.removeFilter(old)
        handler.addFilter(wanted())
    for name in PREFECT_RUN_LOGGERS:
        prefect_logger = logging.getLogger(name)
        if not any(isinstance(f, OneLineProjectErrors) for f in prefect_logger.filters):
            prefect_logger.addFilter(OneLineProjectErrors())


# -- Prefect API logs ----------------------------------------------------------------------


def _api_handler_class() -> type[logging.Handler]:
    from prefect.context import get_run_context
    from prefect.exceptions import MissingContextError
    from prefect.logging.handlers import APILogHandler

    class RunLogsToPrefect(APILogHandler):
        """Prefect's API log handler for the project's loggers: records made inside a flow
        or task run go to that run's logs in the UI; records outside any run are dropped
        quietly (whatever PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW says)."""

        def emit(self, record: logging.LogRecord) -> None:
            if getattr(record, "flow_run_id", None) is None:
                try:
                    get_run_context()
                except MissingContextError:
                    return
            super().emit(record)

    return RunLogsToPrefect


def attach_prefect_api_logs() -> None:
    """Send the project's log records (INFO and up) to the Prefect API, inside flow runs.

    Called at the start of every run (`flows.events.run_started`), however the run was
    started: a command, a served deployment, a worker. Output already set up by a
    command stays as it is; a logger nobody configured (a worker's run) gets INFO.
    """
    handler_class = _api_handler_class()
    for name in PROJECT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, handler_class.__mro__[1]) for h in logger.handlers):
            handler = handler_class(logging.INFO)
            logger.addHandler(handler)
        if name == LOGGER_NAME and logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)


def _keep_api_handlers(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers
            if any(c.__name__ == "APILogHandler" for c in type(h).__mro__)]


def _route_project_logs(handler: logging.Handler | None, *, level: int) -> None:
    for name in PROJECT_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = _keep_api_handlers(logger)
        logger.propagate = False
        if handler is not None:
            logger.addHandler(handler)
        # The run's own records at `level`; the stages' records from their warnings up.
        logger.setLevel(level if name == LOGGER_NAME else logging.WARNING)


# -- the command's output ------------------------------------------------------------------


def configure_logging(
    *, quiet: bool, log_format: LogFormat, stream: Any = None
) -> ProgressHandler | None:
    """Attach the right handler to the project's loggers; returns the progress handler if
    the output is live (a terminal, text, not quiet)."""
    stream = stream or CurrentStderr()
    if log_format == "json":
        handler: logging.Handler = logging.StreamHandler(stream)
        handler.setFormatter(JsonLinesFormatter())
        handler.addFilter(NotOnTheConsole())
        if quiet:
            _route_project_logs(None, level=logging.INFO)
        else:
            _route_project_logs(handler, level=logging.DEBUG)
        root = logging.getLogger()
        for old in [h for h in root.handlers if isinstance(h.formatter, JsonLinesFormatter)]:
            root.removeHandler(old)
        if not quiet:  # other libraries' warnings, as JSON too
            root.addHandler(handler)
            logging.captureWarnings(True)
        return None
    if quiet:
        _route_project_logs(None, level=logging.INFO)
        return None
    if stream.isatty():
        # The stream itself, not CurrentStderr: while the live display runs, rich puts a
        # proxy in sys.stderr that writes through this console (a loop, otherwise).
        real = sys.stderr if isinstance(stream, CurrentStderr) else stream
        progress = ProgressHandler(Console(file=real, highlight=False))
        _route_project_logs(progress, level=logging.INFO)
        requests = logging.getLogger("httpx")
        requests.handlers = [RequestsToProgress(progress)]
        requests.setLevel(logging.INFO)
        requests.propagate = False
        return progress
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _route_project_logs(handler, level=logging.INFO)
    return None


def _json_line(doc: dict[str, Any]) -> str:
    return json.dumps({"time": _now(), **doc}, default=str)


class Output:
    """What one command prints, chosen from --quiet and --log-format (see the module doc)."""

    def __init__(self, *, quiet: bool, log_format: LogFormat, force: bool = False) -> None:
        self.quiet = quiet
        self.log_format = log_format
        self.force = force
        self._progress: ProgressHandler | None = None
        self._configured = False

    @classmethod
    def from_argv(cls, argv: Sequence[str]) -> Output:
        """A best guess before the options are parsed, so a usage error is shown the way
        the command line asked (`--log-format json` -> a JSON error event)."""
        args = list(argv)
        json_lines = "--log-format=json" in args or any(
            a == "--log-format" and b == "json" for a, b in itertools.pairwise(args)
        )
        return cls(quiet="--quiet" in args, log_format="json" if json_lines else "text")

    def _configure(self) -> None:
        if not self._configured:
            self._progress = configure_logging(quiet=self.quiet, log_format=self.log_format)
            self._configured = True

    def prefect_loaded(self) -> None:
        """Prefect (imported now) configured its console handler: it shows none of its run
        records (our output says what happened), and nothing at all for --quiet or JSON."""
        _quiet_prefect_console(entirely=self.quiet or self.log_format == "json")

    def status(self, message: str) -> None:
        """What is happening now, at once (before anything slow starts)."""
        from flows.events import status

        self._configure()
        if self._progress is not None and not self._progress.progress.live.is_started:
            self._progress.progress.start()
        status(message)

    @contextmanager
    def live(self) -> Iterator[None]:
        self._configure()
        progress = self._progress
        if progress is None:
            yield
            return
        if not progress.progress.live.is_started:
            progress.progress.start()
        try:
            yield
        except BaseException:
            progress.stop_unfinished()
            raise
        finally:
            progress.progress.stop()

    def result(self, summary: RunSummary) -> None:
        """The end of a run: the summary, the version id, or the summary event."""
        from flows.summary import render_text, summary_event

        if self.log_format == "json":
            self._flush()
            print(_json_line(summary_event(summary, exit_code=0)), flush=True)
        elif self.quiet:
            if summary.version is not None:
                print(summary.version, flush=True)
        else:
            print(render_text(summary), flush=True)

    def error(self, line: str, code: int) -> int:
        """A failed command: one line (or its JSON event, then the summary event)."""
        line = " ".join(line.split())  # one line, whatever newlines a library put in it
        if self.log_format == "json":
            self._flush()
            print(_json_line({"level": "error", "event": "error", "message": line,
                              "exit_code": code}), file=sys.stderr, flush=True)
            print(_json_line({"level": "error", "event": "summary", "published": False,
                              "version": None, "message": line, "exit_code": code}),
                  flush=True)
        else:
            print(line, file=sys.stderr, flush=True)
        return code

    def usage_error(self, line: str) -> None:
        """An option the parser refused (exit code 2 follows)."""
        self.error(line, 2)

    @staticmethod
    def _flush() -> None:
        for handler in logging.getLogger(LOGGER_NAME).handlers:
            handler.flush()
        sys.stderr.flush()
