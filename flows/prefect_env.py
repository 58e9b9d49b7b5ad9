"""Prefect settings that make a fresh, offline machine work without the user setting anything.

Measured on these machines (see the README): without them the first run times
out creating its database, and telemetry fails DNS with a traceback. Only
defaults are set: a user's own `PREFECT_*` values (e.g. `PREFECT_API_URL` for
their server) always win.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def default_home() -> Path:
    """Prefect's home for our runs: `.prefect/` of the source tree when running from one
    (run.py's editable install), else a folder of the user's own (an installed package's
    folder is site-packages, no place for a database)."""
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "run.py").is_file():
        return PROJECT_ROOT / ".prefect"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "careers-etl" / "prefect"


def prefect_defaults(home: Path) -> dict[str, str]:
    return {
        "PREFECT_HOME": str(home),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
        "PREFECT_UI_ENABLED": "false",
    }


def apply_prefect_defaults(
    environ: MutableMapping[str, str] | None = None, *, home: Path | None = None
) -> None:
    """Set Prefect's offline defaults in `environ` (os.environ) unless already set.

    Must run before `import prefect`, which reads its settings at import time.
    """
    target = os.environ if environ is None else environ
    for key, value in prefect_defaults(home or default_home()).items():
        target.setdefault(key, value)
