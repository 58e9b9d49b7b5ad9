"""Command line for the flows: options -> Settings, run, one-line errors, exit codes.

`careers-etl ingest|reparse|serve` and `python -m flows.ingest|flows.reparse` land here.
Exit codes: 0 published (or nothing changed), 1 the run failed its quality gate
or could not publish, 2 bad usage or configuration, 130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
from collections.abc import Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from typing import Any

from core.config import load_settings
from core.errors import CareersEtlError, StorageError, UserError
from core.settings import Settings
from core.store import data_dir_arg, open_store
from core.usage import UsageParser
from flows.logs import Output

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _add_settings_options(parser: argparse.ArgumentParser, *, sources: bool = True) -> None:
    """The options that make a run's Settings (shared by ingest, serve and reparse)."""
    parser.add_argument(
        "--data-dir", type=data_dir_arg,
        help="where raw/ and parquet/ live: a folder or s3://bucket/prefix (default: data)"
    )
    parser.add_argument("--config", type=Path, help="a TOML settings file (see README)")
    parser.add_argument(
        "--print-config", action="store_true", help="print the effective settings and exit"
    )
    parser.add_argument(
        "--allow-removals", action="store_true",
        help="publish even if the run removes more of the latest version's careers than "
        "quality.max_removed_share (default 20%%)",
    )
    if not sources:
        return
    parser.add_argument(
        "--start-url", action="append", dest="start_urls", metavar="URL",
        help="a profile page, an index page (links and pagination are followed) or a "
        "sitemap.xml; repeat for more (default: the bundled sample site)",
    )
    parser.add_argument(
        "--profile-pattern", metavar="REGEX", help="links matching this are profile pages"
    )
    parser.add_argument(
        "--delay", type=float, metavar="SECONDS", help="minimum delay between requests to a host"
    )
    parser.add_argument("--concurrency", type=int, metavar="N", help="requests at once per host")
    parser.add_argument("--max-pages", type=int, metavar="N", help="at most N pages per host")
    parser.add_argument("--user-agent", metavar="UA", help="User-Agent header to send")
    parser.add_argument(
        "--ignore-robots", action="store_true",
        help="do not obey robots.txt (only for sites you own)",
    )
    parser.add_argument(
        "--shards", type=int, metavar="N",
        help="split the hosts into N crawl-shard flow runs on a Prefect work pool (needs "
        "PREFECT_API_URL and workers; = crawl.shards, default 1: crawl in this process)",
    )
    parser.add_argument(
        "--work-pool", metavar="NAME",
        help="the work pool the shards run on (= crawl.work_pool, default careers-etl)",
    )
    parser.add_argument(
        "--replace-sources", action="store_true",
        help="this run's sites replace the dataset's: careers of hosts they do not name are "
        "dropped (by default they are kept)",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="publish a new version even if nothing changed"
    )
    parser.add_argument(
        "--quiet", action="store_true",
        help="print only the version id (or the one error line)",
    )
    parser.add_argument(
        "--log-format", choices=("text", "json"), default="text",
        help="json: every line one JSON object (run_id, stage, url, outcome, ...), ending "
        "with a summary event (version, counts, exit_code)",
    )


def build_ingest_parser(prog: str = "python -m flows.ingest") -> UsageParser:
    parser = UsageParser(
        prog=prog,
        description="Crawl career sites and publish a new versioned Parquet dataset. "
        "With no --start-url, serves the bundled sample career site on 127.0.0.1 and crawls it.",
    )
    _add_settings_options(parser)
    _add_output_options(parser)
    parser.add_argument(
        "--serve", action="store_true",
        help="serve a scheduled deployment of this ingest (schedule.cron in settings) on the "
        "Prefect server named by PREFECT_API_URL; runs until stopped (= careers-etl serve)",
    )
    parser.add_argument("--cron", metavar="EXPR", help="schedule for --serve (default daily 03:00)")
    return parser


def build_serve_parser(prog: str = "careers-etl serve") -> UsageParser:
    parser = UsageParser(
        prog=prog,
        description="Serve the `ingest` deployment on the Prefect server named by "
        "PREFECT_API_URL, on the schedule in settings (schedule.cron), and execute its runs "
        "until stopped. The options are those of `ingest`; each run uses them.",
    )
    _add_settings_options(parser)
    parser.add_argument("--cron", metavar="EXPR", help="the schedule (default daily 03:00 UTC)")
    return parser


def build_reparse_parser(prog: str = "python -m flows.reparse") -> UsageParser:
    parser = UsageParser(
        prog=prog,
        description="Rebuild every table from the raw store (data/raw/) with no network and "
        "publish it as a new version: how a parser or normalizer fix reaches past data.",
    )
    _add_settings_options(parser, sources=False)
    _add_output_options(parser)
    parser.add_argument(
        "--task-runner", choices=("local", "dask"),
        help="where pages are parsed: local worker processes (default) or a Dask cluster "
        "(= crawl.task_runner)",
    )
    parser.add_argument(
        "--dask-address", metavar="tcp://HOST:PORT",
        help="the Dask scheduler to parse on (implies --task-runner dask; without it, dask "
        "starts a LocalCluster on this machine)",
    )
    return parser


def settings_from_args(args: argparse.Namespace, environ: Mapping[str, str]) -> Settings:
    overrides: dict[str, Any] = {
        "data_dir": args.data_dir,
        "source.start_urls": getattr(args, "start_urls", None),
        "source.profile_pattern": getattr(args, "profile_pattern", None),
        "crawl.per_host_delay": getattr(args, "delay", None),
        "crawl.per_host_concurrency": getattr(args, "concurrency", None),
        "crawl.max_pages_per_host": getattr(args, "max_pages", None),
        "crawl.user_agent": getattr(args, "user_agent", None),
        "crawl.obey_robots": False if getattr(args, "ignore_robots", False) else None,
        "quality.allow_removals": True if args.allow_removals else None,
        "source.replace_sources": True if getattr(args, "replace_sources", False) else None,
        "schedule.cron": getattr(args, "cron", None),
        "crawl.shards": getattr(args, "shards", None),
        "crawl.work_pool": getattr(args, "work_pool", None),
        "crawl.dask_address": getattr(args, "dask_address", None),
        "crawl.task_runner": getattr(args, "task_runner", None)
        or ("dask" if getattr(args, "dask_address", None) else None),
    }
    return load_settings(config_file=args.config, environ=environ, overrides=overrides)


FlowCall = Callable[[Settings, bool], Coroutine[Any, Any, Any]]


def prepare_data_dir(path: Path | str, *, create: bool = True) -> None:
    """Fail early, in one line, when the data dir (or a store in it) cannot be written.

    `create=False` (reparse) never makes the folder: a missing one is a user error.
    """
    if isinstance(path, str):
        _probe_object_store(path, create=create)
        return
    if not create and not path.is_dir():
        raise UserError(f"no data dir at {path} (is --data-dir right?)")
    for folder in (path, path / "raw", path / "parquet"):
        if folder != path and not folder.is_dir():
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".write-probe"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise UserError(f"data dir {folder} is not writable: {exc.strerror or exc}") from exc


def check_shards(settings: Settings, environ: Mapping[str, str]) -> None:
    """A sharded crawl needs a Prefect server its workers poll: say so before starting."""
    if settings.crawl.shards > 1 and not environ.get("PREFECT_API_URL"):
        raise UserError(
            f"--shards {settings.crawl.shards} runs crawl-shard flow runs on the work pool"
            f" {settings.crawl.work_pool!r}: set PREFECT_API_URL to the Prefect server its"
            " workers poll (see the README, 'Many machines')"
        )


def prefect_status(environ: Mapping[str, str]) -> str:
    """What the wait before the first stage is: a line a person can read at once."""
    api = environ.get("PREFECT_API_URL")
    if api:
        return f"connecting to the Prefect server at {api}"
    home = Path(environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    if (home / "prefect.db").exists():
        return "starting Prefect's temporary local server (about 15 s)"
    return "starting Prefect's temporary local server (first run: creating its database, ~30 s)"


def _probe_object_store(url: str, *, create: bool) -> None:
    """The same check on S3: the bucket answers, and takes (and lets go of) an object."""
    try:
        store = open_store(url)
        if not create and not store.is_folder(""):
            raise UserError(f"no data dir at {url} (is --data-dir right?)")
        if create:
            probe = f".write-probe-{secrets.token_hex(4)}"
            store.create(probe, b"")
            store.delete(probe)
    except (OSError, StorageError) as exc:
        raise UserError(f"data dir {url} is not usable: {' '.join(str(exc).split())}") from exc


def _run_flow(output: Output, settings: Settings, flow_call: Callable[[], FlowCall]) -> int:
    output.status(prefect_status(os.environ))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # our progress, not its chatter
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # nor a LocalCluster's
    with output.live():
        call = flow_call()  # imports Prefect and the flow: the status line is already shown
        output.prefect_loaded()
        summary = asyncio.run(_interruptible(call(settings, output.force)))
    output.result(summary)
    return EXIT_OK


async def _interruptible(run: Coroutine[Any, Any, Any]) -> Any:
    """Await `run`, cancelling it on Ctrl-C or SIGTERM so it stops within seconds.

    Cancellation unwinds the flow before its publish step commits anything;
    what was fetched stays in the raw store for the next run.
    """
    task = asyncio.ensure_future(run)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)
    try:
        return await task
    except asyncio.CancelledError:
        raise KeyboardInterrupt from None
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def _guarded(output: Output, body: Callable[[], int]) -> int:
    """Run a CLI body: user errors and failed runs become one line and an exit code."""
    try:
        return body()
    except UserError as exc:
        return output.error(f"error: {exc}", EXIT_USAGE)
    except CareersEtlError as exc:
        return output.error(f"run failed: {exc}", EXIT_FAILED)
    except OSError as exc:  # disk full, permissions changed mid-run, ...
        return output.error(f"run failed: {exc}", EXIT_FAILED)
    except KeyboardInterrupt:
        return output.error(
            "interrupted: nothing was published; the next run resumes from the raw store",
            EXIT_INTERRUPTED,
        )


def _parse(parser: UsageParser, argv: Sequence[str]) -> tuple[argparse.Namespace, Output]:
    """Parse `argv`; a usage error is written the way the output asked for (JSON or text)."""
    output = Output.from_argv(argv)
    parser.on_error = output.usage_error
    args = parser.parse_args(argv)
    return args, Output(quiet=args.quiet, log_format=args.log_format, force=args.force)


def run_ingest_cli(argv: Sequence[str], prog: str = "python -m flows.ingest") -> int:
    args, output = _parse(build_ingest_parser(prog), argv)

    def body() -> int:
        settings = settings_from_args(args, os.environ)
        if args.print_config:
            print(settings.model_dump_json(indent=2))
            return EXIT_OK
        if args.serve:
            return _serve(settings)
        prepare_data_dir(settings.data_dir)
        check_shards(settings, os.environ)

        def flow() -> FlowCall:
            from flows.ingest_flow import ingest

            return lambda s, force: ingest(s, force=force)

        return _run_flow(output, settings, flow)

    return _guarded(output, body)


def run_serve_cli(argv: Sequence[str], prog: str = "careers-etl serve") -> int:
    args = build_serve_parser(prog).parse_args(argv)
    output = Output(quiet=False, log_format="text")

    def body() -> int:
        settings = settings_from_args(args, os.environ)
        if args.print_config:
            print(settings.model_dump_json(indent=2))
            return EXIT_OK
        return _serve(settings)

    return _guarded(output, body)


def _serve(settings: Settings) -> int:
    from flows.serve import serve_ingest

    serve_ingest(settings, environ=os.environ)
    return EXIT_OK


def run_reparse_cli(argv: Sequence[str], prog: str = "python -m flows.reparse") -> int:
    args, output = _parse(build_reparse_parser(prog), argv)

    def body() -> int:
        settings = settings_from_args(args, os.environ)
        if args.print_config:
            print(settings.model_dump_json(indent=2))
            return EXIT_OK
        prepare_data_dir(settings.data_dir, create=False)
        from extract.rawstore import RawStore
        from flows.reparse_flow import check_raw_store

        check_raw_store(RawStore(settings.raw_dir))  # before Prefect starts: one line, exit 2

        def flow() -> FlowCall:
            from flows.reparse_flow import reparse

            return lambda s, force: reparse(s, force=force)

        return _run_flow(output, settings, flow)

    return _guarded(output, body)
