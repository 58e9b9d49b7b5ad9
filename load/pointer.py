"""The `_LATEST` pointer: moved only forward, under a lock, by atomic replace.

"Forward" is judged against what the pointer names *and can be read*: a pointer
holding garbage, or naming a version whose manifest is gone or damaged (or a
run id from the future that was never published), names nothing, so it never
stops a new version from becoming the latest.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from load.atomic import fsync_dir, write_synced
from load.errors import CorruptVersion, VersionNotFound
from load.layout import Layout
from load.locks import exclusive_lock
from load.versions import Latest, load_manifest, read_pointer, resolve_latest

Step = Callable[[str], None]


def _ignore(_: str) -> None:
    """The default step hook: does nothing."""


def _write(layout: Layout, run_id: str, step: Step) -> None:
    if layout.latest_path.is_dir() and not layout.latest_path.is_symlink():
        layout.latest_path.rmdir()  # an empty folder in its place names nothing (OSError if full)
    tmp = layout.latest_tmp_path(run_id)
    write_synced(tmp, run_id.encode("ascii"))
    step("latest:written")
    os.replace(tmp, layout.latest_path)
    step("latest:replaced")
    fsync_dir(layout.root)


def advance_latest(layout: Layout, run_id: str, step: Step = _ignore) -> str:
    """Point `_LATEST` at `run_id` unless it already names a newer intact run; return what
    it names.

    Run ids sort in time order, so a run that finishes after a newer one leaves
    the pointer where it is.
    """
    with exclusive_lock(layout.latest_lock_path):
        step("latest:locked")
        current = resolve_latest(layout)
        if current.run_id is not None and current.problem is None and current.run_id >= run_id:
            return current.run_id
        _write(layout, run_id, step)
        return run_id


def intended_latest(layout: Layout) -> Latest:
    """What `_LATEST` should name: `resolve_latest`, moved forward to a newer intact
    version a crashed run committed but did not point at yet."""
    found = resolve_latest(layout)
    newer = _newest_intact_after(layout, found.run_id)
    return found if newer is None else newer


def repair_latest(layout: Layout) -> Latest:
    """Make `_LATEST` name the version readers should read, and say what was wrong.

    A run killed between its manifest and its pointer move left a whole version
    that `_LATEST` does not name yet: moving forward to it is what that run would
    have done. A pointer that names nothing readable is set to the newest intact
    version (the `problem` of the result says so). Nothing is deleted.
    """
    with exclusive_lock(layout.latest_lock_path):
        found = intended_latest(layout)
        named, _ = read_pointer(layout)
        if found.run_id is not None and named != found.run_id:
            _write(layout, found.run_id, _ignore)
        return found


def point_back(layout: Layout, run_id: str) -> None:
    """Point `_LATEST` at an older intact version because the one it names is damaged.

    The only backward move: a damaged latest version must not stay what analysts
    read, and it stays on disk for a person to look at.
    """
    with exclusive_lock(layout.latest_lock_path):
        _write(layout, run_id, _ignore)


def _newest_intact_after(layout: Layout, run_id: str | None) -> Latest | None:
    """The newest committed version newer than `run_id` whose manifest reads, if any."""
    for candidate in reversed(layout.committed_ids()):
        if run_id is not None and candidate <= run_id:
            return None
        try:
            return Latest(candidate, load_manifest(layout, candidate))
        except (VersionNotFound, CorruptVersion):
            continue
    return None
