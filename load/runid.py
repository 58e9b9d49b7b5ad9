"""Run ids: `20261128T060000Z-ab12cd`, a UTC second plus 6 random hex digits.

They sort as strings in time order, and neither DuckDB nor pandas mistakes them
for numbers or dates when they appear as hive partition values.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

from load.errors import InvalidRunId

RUN_ID_PATTERN = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")
_TIME_FORMAT = "%Y%m%dT%H%M%SZ"


def new_run_id(now: datetime | None = None) -> str:
    """A fresh run id for `now` (default: the current time); naive times are refused."""
    when = datetime.now(UTC) if now is None else now
    if when.tzinfo is None:
        raise ValueError("new_run_id needs a timezone-aware datetime")
    return f"{when.astimezone(UTC).strftime(_TIME_FORMAT)}-{secrets.token_hex(3)}"


def check_run_id(run_id: str) -> str:
    """Return `run_id` if it is well formed, else raise `InvalidRunId`."""
    if not RUN_ID_PATTERN.fullmatch(run_id):
        raise InvalidRunId(f"not a run id: {run_id!r} (expected e.g. 20261128T060000Z-ab12cd)")
    return run_id


def run_id_time(run_id: str) -> datetime:
    """The UTC time a run id was made at."""
    stamp = check_run_id(run_id).split("-", 1)[0]
    return datetime.strptime(stamp, _TIME_FORMAT).replace(tzinfo=UTC)
