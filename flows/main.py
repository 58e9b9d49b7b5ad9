"""`careers-etl COMMAND [ARGS...]`: the installed command, one entry point for every job.

Each command runs the same code as its module entry point (`python -m flows.ingest`,
`python -m flows.reparse`, `python -m load ...`), which keep working. Kept free of heavy
imports, so `--help` and a mistyped command answer at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from core.usage import EXIT_USAGE, did_you_mean

PROG = "careers-etl"

# name -> (what it does, "module:function" taking (argv, prog) and returning an exit code)
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("crawl the sources (default: the bundled sample site) and publish a version",
               "flows.cli:run_ingest_cli"),
    "reparse": ("rebuild every table from the raw store, with no network, as a new version",
                "flows.cli:run_reparse_cli"),
    "serve": ("serve the scheduled ingest deployment on a Prefect server (PREFECT_API_URL)",
              "flows.cli:run_serve_cli"),
    "versions": ("list published versions, newest marked *", "load.cli:run_command"),
    "show": ("show a version's manifest: files, sha256, rows, fill rates, diff",
             "load.cli:run_command"),
    "diff": ("careers added, removed and changed between two versions", "load.cli:run_command"),
    "gc": ("remove crash leftovers and old versions (and old raw bodies)",
           "load.cli:run_command"),
    "report": ("write a version's HTML report", "load.cli:run_command"),
    "export": ("export a version as schema.org JSON-LD", "load.cli:run_command"),
    "catalog": ("rebuild the DuckDB catalog (data/careers.duckdb)", "load.cli:run_command"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [
        f"usage: {PROG} COMMAND [ARGS...]",
        "",
        "Career profile pages in, versioned Parquet out.",
        "",
        "commands:",
        *(f"  {name:<{width}}  {summary}" for name, (summary, _) in COMMANDS.items()),
        "",
        f"`{PROG} COMMAND --help` lists a command's options.",
    ]
    return "\n".join(lines)


def unknown_command(word: str, prog: str = PROG) -> str:
    """The one line for a command that does not exist, with the list of those that do."""
    return (f"{prog}: error: unknown command {word!r}{did_you_mean(word, COMMANDS)}; "
            f"commands: {', '.join(COMMANDS)}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{PROG} {version(PROG)}"
    except PackageNotFoundError:  # run from a source tree that was never installed
        return f"{PROG} (not installed)"


def _handler(spec: str) -> Callable[[Sequence[str], str], int]:
    module, _, function = spec.partition(":")
    handler: Callable[[Sequence[str], str], int] = getattr(import_module(module), function)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(usage(), file=sys.stderr)
        return EXIT_USAGE
    first, rest = args[0], args[1:]
    if first in {"-h", "--help", "help"}:
        print(usage())
        return 0
    if first == "--version":
        print(_version())
        return 0
    if first not in COMMANDS:
        print(unknown_command(first), file=sys.stderr)
        return EXIT_USAGE
    prog = f"{PROG} {first}"
    spec = COMMANDS[first][1]
    if spec == "load.cli:run_command":
        return _handler(spec)([first, *rest], PROG)
    return _handler(spec)(rest, prog)


if __name__ == "__main__":
    raise SystemExit(main())
