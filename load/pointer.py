"""The `_LATEST` pointer: moved only forward, by compare-and-set on its version tag.

Every move reads the pointer with its tag (an ETag on S3, a content hash on a
local folder), decides, and writes only if the tag is still the one it read
(`Store.swap`: If-Match on S3, a check under an flock locally); a writer that
lost the race reads again and decides again, so the newest run always wins.

"Forward" is judged against what the pointer names *and can be read*: a pointer
holding garbage, or naming a version whose manifest is gone or damaged (or a
run id from the future that was never published), names nothing, so it never
stops a new version from becoming the latest.
"""

from __future__ import annotations

from collections.abc import Callable

from core.errors import StorageError
from core.store import Stale, Step, ignore_step
from load.errors import CorruptVersion, VersionNotFound
from load.layout import LATEST_KEY, Layout
from load.versions import Latest, load_manifest, read_pointer, resolve_latest

_ATTEMPTS = 50


def _tag(layout: Layout) -> str | None:
    try:
        return layout.store.read(LATEST_KEY).etag
    except (FileNotFoundError, IsADirectoryError):
        return None


def _move(layout: Layout, choose: Callable[[], str | None], step: Step = ignore_step
          ) -> str | None:
    """Write the run id `choose` picks (None: leave the pointer be) by compare-and-set,
    choosing again whenever another writer moved the pointer in between."""
    for _ in range(_ATTEMPTS):
        etag = _tag(layout)
        target = choose()
        if target is None:
            return None
        try:
            layout.store.swap(LATEST_KEY, target.encode("ascii"), etag, owner=target,
                              step=lambda name: step(f"latest:{name}"))
        except Stale:
            continue  # moved meanwhile (412/409 on S3): read it again
        return target
    raise StorageError(f"{layout.where}/{LATEST_KEY} kept changing; {_ATTEMPTS} tries lost")


def advance_latest(layout: Layout, run_id: str, step: Step = ignore_step) -> str:
    """Point `_LATEST` at `run_id` unless it already names a newer intact run; return what
    it names.

    Run ids sort in time order, so a run that finishes after a newer one leaves
    the pointer where it is.
    """
    named: list[str | None] = [None]

    def choose() -> str | None:
        current = resolve_latest(layout)
        named[0] = current.run_id
        if current.run_id is not None and current.problem is None and current.run_id >= run_id:
            return None
        return run_id

    moved = _move(layout, choose, step)
    result = moved or named[0]
    assert result is not None
    return result


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
    found: list[Latest] = []

    def choose() -> str | None:
        found[:] = [intended_latest(layout)]
        named, _ = read_pointer(layout)
        target = found[0].run_id
        return target if target is not None and named != target else None

    _move(layout, choose)
    return found[0]


def point_back(layout: Layout, run_id: str) -> None:
    """Point `_LATEST` at an older intact version because the one it names is damaged.

    The only backward move: a damaged latest version must not stay what analysts
    read, and it stays on disk for a person to look at.
    """
    _move(layout, lambda: run_id)


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
