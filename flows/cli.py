"""Command line for the flows: options -> Settings, run, one-line errors, exit codes.

Exit codes: 0 published (or nothing changed), 1 the run failed its quality gate
or could not publish, 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from core.config import load_settings
from core.errors import CareersEtlError, UserError
from core.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 with usage; keep that, one line
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m flows.ingest",
        description="Crawl career sites and publish a new versioned Parquet dataset. "
        "With no --start-url, serves the bundled sample career site on 127.0.0.1 and crawls it.",
    )
    parser.add_argument(
        "--start-url", action="append", dest="start_urls", metavar="URL",
        help="a profile page, an index page (links and pagination are followed) or a "
        "sitemap.xml; repeat for more (default: the bundled sample site)",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="where raw/ and parquet/ live (default: data)"
    )
    parser.add_argument("--config", type=Path, help="a TOML settings file")
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
        "--force", action="store_true", help="publish a new version even if nothing changed"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress and no log lines")
    parser.add_argument(
        "--log-format", choices=("text", "json"), default="text",
        help="json: one JSON object per log line (run_id, stage, url, outcome)",
    )
    parser.add_argument(
        "--serve", action="store_true",
        help="serve a scheduled deployment of this ingest (schedule.cron in settings) on the "
        "Prefect server named by PREFECT_API_URL; runs until stopped",
    )
    parser.add_argument("--cron", metavar="EXPR", help="schedule for --serve (default daily 03:00)")
    parser.add_argument(
        "--print-config", action="store_true", help="print the effective settings and exit"
    )
    return parser


def settings_from_args(args: argparse.Namespace, environ: dict[str, str]) -> Settings:
    overrides: dict[str, Any] = {
        "data_dir": args.data_dir,
        "source.start_urls": args.start_urls,
        "source.profile_pattern": args.profile_pattern,
        "crawl.per_host_delay": args.delay,
        "crawl.per_host_concurrency": args.concurrency,
        "crawl.max_pages_per_host": args.max_pages,
        "crawl.user_agent": args.user_agent,
        "crawl.obey_robots": False if args.ignore_robots else None,
        "schedule.cron": args.cron,
    }
    return load_settings(config_file=args.config, environ=environ, overrides=overrides)


def run_ingest_cli(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from_args(args, dict(os.environ))
        if args.print_config:
            print(settings.model_dump_json(indent=2))
            return EXIT_OK
        if args.serve:
            from flows.serve import serve_ingest

            serve_ingest(settings, environ=os.environ)
            return EXIT_OK
        from flows.ingest import ingest
        from flows.logs import configure_logging
        from flows.summary import render_text

        progress = configure_logging(quiet=args.quiet, log_format=args.log_format)
        with progress or nullcontext():
            summary = asyncio.run(ingest(settings, force=args.force))
        if not args.quiet:
            print(render_text(summary))
        return EXIT_OK
    except KeyboardInterrupt:
        print(
            "interrupted: nothing was published; the next run resumes from the raw store",
            file=sys.stderr,
        )
        return 130
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CareersEtlError as exc:
        print(f"run failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
