"""Entry point: `python -m flows.reparse` (see `--help`); the flow is in flows/reparse_flow.py.

Kept free of heavy imports so `--help` and user errors answer at once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from flows.cli import run_reparse_cli

    return run_reparse_cli(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    raise SystemExit(main())
