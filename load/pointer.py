"""The `_LATEST` pointer: moved only forward, under a lock, by atomic replace."""

from __future__ import annotations

import os
from collections.abc import Callable

from load.atomic import fsync_dir, write_synced
from load.layout import Layout
from load.locks import exclusive_lock
from load.read import latest_id

Step = Callable[[str], None]


def _ignore(_: str) -> None:
    """The default step hook: does nothing."""


def advance_latest(layout: Layout, run_id: str, step: Step = _ignore) -> str:
    """Point `_LATEST` at `run_id` unless it already names a newer run; return what it names.

    Run ids sort in time order, so a run that finishes after a newer one leaves
    the pointer where it is.
    """
    with exclusive_lock(layout.latest_lock_path):
        step("latest:locked")
        current = latest_id(layout)
        if current is not None and current >= run_id:
            return current
        tmp = layout.latest_tmp_path(run_id)
        write_synced(tmp, run_id.encode("ascii"))
        step("latest:written")
        os.replace(tmp, layout.latest_path)
        step("latest:replaced")
        fsync_dir(layout.root)
        return run_id


def repair_latest(layout: Layout) -> str | None:
    """Move `_LATEST` up to the newest committed version, if a crash left it behind.

    A run killed between its manifest and its pointer move left a whole version
    that `_LATEST` does not name yet; moving forward to it is what that run would
    have done (and a concurrent run that is about to do it loses nothing).
    """
    committed = layout.committed_ids()
    if not committed:
        return latest_id(layout)
    return advance_latest(layout, committed[-1])
