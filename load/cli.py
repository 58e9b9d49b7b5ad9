"""`python -m load` (and `careers-etl versions|show|diff|gc|report|export|catalog`): list,
show, diff and clean up published versions; report, export, catalog."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from rich import box
from rich.console import Console
from rich.table import Table

from core.errors import CareersEtlError, UserError
from core.store import data_dir_arg, open_store
from core.usage import UsageParser
from load.catalog import build_catalog, catalog_path
from load.diff import VersionDiff, diff
from load.errors import RunInProgress, VersionNotFound
from load.export import FORMATS, export_jsonld
from load.gc import GcResult, collect
from load.layout import Layout
from load.locks import run_lock
from load.manifest import Manifest
from load.outputs import describe_version, prune
from load.read import read_manifest, verify, versions
from load.report import write_report
from load.versions import LATEST


def _parser(prog: str = "python -m load") -> argparse.ArgumentParser:
    common = UsageParser(add_help=False)
    common.add_argument("--data-dir", type=data_dir_arg, default=Path("data"),
                        help="the data folder (or its parquet/ folder); default: data")
    common.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser = UsageParser(
        prog=prog,
        description="List, inspect, compare and clean up published dataset versions.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("versions", parents=[common], help="list published versions",
                        description="List published versions, oldest first (* = latest).")
    show = commands.add_parser("show", parents=[common], help="show one version's manifest",
                               description="Show a version: tables, files, fill rates, diff.")
    show.add_argument("version", nargs="?", default=LATEST,
                      help="a run id or 'latest' (default)")
    show.add_argument("--verify", action="store_true",
                      help="also check every file's size and sha256 against the manifest")
    compare = commands.add_parser(
        "diff", parents=[common], help="what changed between two versions",
        description="Careers added, removed and changed between OLD and NEW "
                    "(default: the two newest versions; NEW defaults to latest).",
    )
    compare.add_argument("old", nargs="?", help="the older run id")
    compare.add_argument("new", nargs="?", help="the newer run id or 'latest'")
    clean = commands.add_parser(
        "gc", parents=[common], help="remove crash leftovers and old versions",
        description="Remove what crashed runs left behind; with --keep-last/--keep-days also "
                    "remove old versions (a version is kept if any rule keeps it; the latest "
                    "always is).",
    )
    clean.add_argument("--keep-last", type=_positive_int, metavar="N",
                       help="keep the newest N versions")
    clean.add_argument("--keep-days", type=_positive_float, metavar="D",
                       help="keep versions younger than D days")
    clean.add_argument("--raw-keep-days", type=_positive_float, metavar="D",
                       help="also remove raw bodies no kept version needs and no fetch of the "
                            "last D days names, and older fetch logs")
    clean.add_argument("--dry-run", action="store_true", help="only say what would be removed")
    report = commands.add_parser(
        "report", parents=[common], help="write a version's HTML report",
        description="Write the self-contained HTML report of a version (counts, fill rates, "
                    "rejects, changes, charts) to <data-dir>/reports/<version>.html.",
    )
    report.add_argument("version", nargs="?", default=LATEST,
                        help="a run id or 'latest' (default)")
    export = commands.add_parser(
        "export", parents=[common], help="export a version as schema.org JSON-LD",
        description="Write one schema.org Occupation per career of a version, as JSON-LD, to "
                    "<data-dir>/exports/<version>.jsonld (or --output; '-' for stdout).",
    )
    export.add_argument("version", nargs="?", default=LATEST,
                        help="a run id or 'latest' (default)")
    export.add_argument("--format", choices=FORMATS, default="jsonld",
                        help="the export format (default: jsonld)")
    export.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="where to write it; '-' for stdout")
    commands.add_parser(
        "catalog", parents=[common], help="rebuild the DuckDB catalog",
        description="Rebuild <data-dir>/careers.duckdb (typed views over every published "
                    "version; also done after each publish), and every version's "
                    "datapackage.json.",
    )
    parser.set_defaults(_commands=commands.choices)  # each command's parser, for its errors
    return parser


def _parse(argv: Sequence[str], prog: str) -> argparse.Namespace:
    """Parse `argv`; an unknown option is reported by the command it was given to, with
    that command's options to suggest from (argparse reports it at the top level)."""
    args, unknown = _parser(prog).parse_known_args(argv)
    if unknown:
        args._commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError("must be a finite number more than 0")
    return value


def _print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, indent=2, default=str) + "\n")


def _cmd_versions(args: argparse.Namespace, console: Console) -> None:
    infos = versions(args.data_dir)
    if args.json:
        _print_json([asdict(info) for info in infos])
        return
    if not infos:
        console.print(f"No published versions in {Layout.for_reading(args.data_dir).where}")
        return
    root = Layout.for_reading(args.data_dir).where
    table = Table(title=f"Versions in {root}", box=box.SIMPLE_HEAD,
                  caption="* latest; changes: +added -removed ~changed careers")
    table.add_column("version", no_wrap=True)
    for column in ("careers", "skills", "duties", "pages"):
        table.add_column(column, justify="right")
    table.add_column("changes", no_wrap=True)
    for info in infos:
        if info.damaged:
            table.add_row(info.run_id, "", "", "", "", f"damaged: {info.damaged}")
            continue
        rows = info.row_counts
        table.add_row(
            info.run_id + (" *" if info.is_latest else ""),
            *(str(rows.get(name, "")) for name in
              ("careers", "career_skills", "career_duties", "pages")),
            f"+{info.added} -{info.removed} ~{info.changed}",
        )
    console.print(table)


def _show(manifest: Manifest, console: Console) -> None:
    created = manifest.created_at.strftime("%Y-%m-%d %H:%M:%S")
    console.print(f"[bold]Version {manifest.run_id}[/bold]  created {created} UTC, "
                  f"schema v{manifest.schema_version}, previous {manifest.previous or '-'}")
    files = Table(title="Tables (files: <table>/version=<run id>/)")
    for column in ("table", "rows", "bytes", "sha256"):
        files.add_column(column, justify="right" if column in ("rows", "bytes") else "left")
    for name, entry in manifest.tables.items():
        for file in entry.files:
            files.add_row(name, str(entry.rows), str(file.bytes), file.sha256[:16])
    console.print(files)
    rates = manifest.fill_rates.get("careers", {})
    partial = {c: r for c, r in rates.items() if r != 1}
    if partial:
        fill = Table(title="careers columns not always filled (all others 100%)")
        fill.add_column("column")
        fill.add_column("filled", justify="right")
        for column, rate in partial.items():
            fill.add_row(column, "-" if rate is None else f"{rate:.1%}")
        console.print(fill)
    elif rates:
        console.print("careers: every column filled in every row")
    console.print(f"Parsers: {', '.join(manifest.parser_versions) or '-'}")
    console.print(f"Changes: {manifest.diff.get('summary', '-')}")
    for key, value in manifest.run.items():
        text = json.dumps(value, default=str)
        console.print(f"Run {key}: {text if len(text) <= 120 else '(long; see --json)'}")


def _cmd_show(args: argparse.Namespace, console: Console) -> None:
    manifest = (verify if args.verify else read_manifest)(args.version, data_dir=args.data_dir)
    if args.json:
        _print_json(json.loads(manifest.to_json()))
        return
    _show(manifest, console)
    if args.verify:
        console.print("Verified: every file matches its size and sha256.")


def _diff_pair(args: argparse.Namespace) -> tuple[str, str]:
    if args.old is not None:
        return args.old, args.new or LATEST
    ids = [info.run_id for info in versions(args.data_dir) if not info.damaged]
    if len(ids) < 2:
        raise VersionNotFound(f"diff needs two intact published versions, found {len(ids)}")
    return ids[-2], ids[-1]


def _render_diff(result: VersionDiff, console: Console) -> None:
    console.print(f"[bold]Diff {result.old or '(nothing)'} -> {result.new}[/bold]")
    console.print(result.summary)
    for title, refs in (("Added", result.added), ("Removed", result.removed)):
        if not refs:
            continue
        table = Table(title=title)
        for column in ("career_id", "title", *(("reason",) if title == "Removed" else ())):
            table.add_column(column)
        for ref in refs:
            table.add_row(ref.career_id, ref.title or "",
                          *((ref.reason or "",) if title == "Removed" else ()))
        console.print(table)
    if result.changed:
        table = Table(title="Changed")
        for column in ("career_id", "field", "old", "new"):
            table.add_column(column)
        for change in result.changed:
            for field in change.fields:
                table.add_row(change.career_id, field.field, str(field.old), str(field.new))
            for label, old, new in (
                ("skills", change.skills_removed, change.skills_added),
                ("duties", change.duties_removed, change.duties_added),
            ):
                if old or new:
                    table.add_row(change.career_id, label, "- " + "; ".join(old) if old else "",
                                  "+ " + "; ".join(new) if new else "")
        console.print(table)


def _cmd_diff(args: argparse.Namespace, console: Console) -> None:
    old, new = _diff_pair(args)
    result = diff(old, new, data_dir=args.data_dir)
    if args.json:
        _print_json(result.to_dict())
    else:
        _render_diff(result, console)


if TYPE_CHECKING:
    from extract.rawstore import RawStore


def _cmd_gc(args: argparse.Namespace, console: Console) -> None:
    raw = None
    with ExitStack() as hold:
        if args.raw_keep_days is not None:
            raw = _raw_store_if_idle(args.data_dir, hold, console)
        result: GcResult = collect(args.data_dir, keep_last=args.keep_last,
                                   keep_days=args.keep_days, dry_run=args.dry_run, raw=raw,
                                   raw_keep_days=args.raw_keep_days)
    _print_gc(args, result, console)


def _raw_store_if_idle(data_dir: Path | str, hold: ExitStack, console: Console
                       ) -> RawStore | None:
    """The raw store, held for this gc, unless a run is writing to it (then left alone)."""
    from extract.rawstore import RawStore  # the data dir's other store: this command cleans both

    store = open_store(data_dir)
    if not store.is_folder("raw"):
        return None
    try:
        hold.enter_context(run_lock(store, {"kind": "gc", "run_id": "-",
                                            "pid": os.getpid(), "started": "-"}))
    except RunInProgress as exc:
        console.print(f"Raw store not trimmed: {exc}")
        return None
    return RawStore(store.child("raw"))


def _print_gc(args: argparse.Namespace, result: GcResult, console: Console) -> None:
    if args.json:
        _print_json(asdict(result))
        if result.expired and not result.dry_run:
            _refresh_after_gc(args.data_dir)
        return
    verb = "would remove" if result.dry_run else "removed"
    for note in result.notes:
        console.print(f"Repaired: {note}")
    console.print(f"Crash leftovers {verb}: {', '.join(result.swept) or 'none'}")
    console.print(f"Old versions {verb}: {', '.join(result.expired) or 'none'}")
    console.print(f"Versions kept: {len(result.kept)} (latest {result.latest or '-'})")
    if args.raw_keep_days is not None:
        console.print(f"Raw bodies {verb}: {result.raw_bodies_removed} "
                      f"({result.raw_bytes_removed} bytes); fetch logs {verb}: "
                      f"{len(result.raw_logs_removed)}")
    if result.expired and not result.dry_run:
        _refresh_after_gc(args.data_dir)


def _refresh_after_gc(data_dir: Path | str) -> None:
    """Versions went: the catalog must stop naming their files, their descriptors and
    reports go too. Derived local files, so a failure only warns (none on object storage)."""
    if isinstance(data_dir, str):
        return
    try:
        prune(data_dir)
        if catalog_path(Layout.for_reading(data_dir)).exists():
            build_catalog(data_dir)
    except (CareersEtlError, OSError, duckdb.Error) as exc:
        print(f"warning: the catalog still names removed versions: {exc}", file=sys.stderr)


def _cmd_report(args: argparse.Namespace, console: Console) -> None:
    path = write_report(args.data_dir, args.version)
    if args.json:
        _print_json({"version": path.stem, "report": str(path)})
    else:
        console.print(f"Report written: {path}", soft_wrap=True)


def _cmd_export(args: argparse.Namespace, console: Console) -> None:
    text, result = export_jsonld(args.data_dir, args.version, output=args.output)
    if result.path is None:
        sys.stdout.write(text)
    elif args.json:
        _print_json({"version": result.version, "path": str(result.path),
                     "occupations": result.occupations})
    else:
        console.print(f"Exported {result.occupations} occupations of {result.version}: "
                      f"{result.path}", soft_wrap=True)


def _cmd_catalog(args: argparse.Namespace, console: Console) -> None:
    for info in versions(args.data_dir):
        describe_version(args.data_dir, info.run_id)
    path = build_catalog(args.data_dir)
    if args.json:
        _print_json({"catalog": str(path)})
    else:
        console.print(f"Catalog rebuilt: {path} (open it with duckdb.connect('{path}'))",
                      soft_wrap=True)


COMMANDS = {
    "versions": _cmd_versions, "show": _cmd_show, "diff": _cmd_diff, "gc": _cmd_gc,
    "report": _cmd_report, "export": _cmd_export, "catalog": _cmd_catalog,
}


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m load COMMAND ...`; see `run_command`."""
    return run_command(sys.argv[1:] if argv is None else argv)


def run_command(argv: Sequence[str], prog: str = "python -m load") -> int:
    """Run one command; user errors print one line and return 2, other load errors 1."""
    args = _parse(argv, prog)
    console = Console(highlight=False)
    _warnings_as_lines()
    try:
        COMMANDS[args.command](args, console)
    except UserError as exc:
        _error(str(exc))
        return 2
    except CareersEtlError as exc:
        _error(str(exc))
        return 1
    except OSError as exc:  # a read-only or vanished folder, a full disk
        where = f" ({exc.filename})" if exc.filename else ""
        _error(f"{exc.strerror or exc}{where}")
        return 1
    return 0


def _error(message: str) -> None:
    print("error: " + " ".join(message.split()), file=sys.stderr)  # one line, always


def _warnings_as_lines() -> None:
    """What the readers log as warnings (a repaired pointer, a damaged version passed
    over) goes to stderr as one `warning:` line each."""
    logger = logging.getLogger("load")
    if not any(isinstance(h, _StderrLines) for h in logger.handlers):
        logger.addHandler(_StderrLines(logging.WARNING))
        logger.propagate = False


class _StderrLines(logging.Handler):
    """`warning: <message>` on whatever sys.stderr is when the record comes."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"warning: {record.getMessage()}\n")
