"""Clean up: leftovers of crashed runs (the sweep) and old versions (retention).

A run holds `_locks/run-<id>.lock` from before its first file until after its
pointer move; the kernel drops that lock when the process dies, even by
SIGKILL. So the sweep removes a run's leftovers only when it can take that
lock itself: a concurrent run in progress is never touched, and no grace
period is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from load.atomic import fsync_dir, remove_tree
from load.baseline import intact_latest
from load.errors import DataDirNotFound
from load.layout import Layout
from load.locks import exclusive_lock, try_lock
from load.runid import RUN_ID_PATTERN, run_id_time
from load.versions import resolve_latest

_TMP_SUFFIX = ".tmp"


@dataclass(frozen=True, slots=True)
class GcResult:
    """What a collection did (or, with `dry_run`, would do)."""

    swept: tuple[str, ...]  # run ids whose uncommitted leftovers were removed
    expired: tuple[str, ...]  # published versions removed by retention
    kept: tuple[str, ...]  # published versions still there
    latest: str | None
    dry_run: bool = False
    notes: tuple[str, ...] = ()  # what was wrong with `_LATEST`, when it was repaired


def _id_between(name: str, prefix: str, suffix: str) -> str | None:
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    run_id = name[len(prefix) : len(name) - len(suffix)]
    return run_id if RUN_ID_PATTERN.fullmatch(run_id) else None


def _leftovers(layout: Layout) -> dict[str, list[Path]]:
    """run id -> its files in flight, and its version folders when it has no manifest."""
    committed = set(layout.committed_ids())
    found: dict[str, list[Path]] = {}
    for run_id, folder in layout.version_dirs():
        if run_id not in committed:
            found.setdefault(run_id, []).append(folder)
            continue
        for child in folder.iterdir():
            if child.name.startswith(".") and child.name.endswith(_TMP_SUFFIX):
                found.setdefault(run_id, []).append(child)
    places = [
        (layout.manifests_dir, ".", ".json.tmp"),
        (layout.root, ".LATEST.", _TMP_SUFFIX),
        (layout.locks_dir, "run-", ".lock"),
    ]
    for folder, prefix, suffix in places:
        if not folder.is_dir():
            continue
        for child in folder.iterdir():
            owner = _id_between(child.name, prefix, suffix)
            if owner is not None:
                paths = found.setdefault(owner, [])
                if suffix != ".lock":
                    paths.append(child)
    return found


def sweep(layout: Layout, *, dry_run: bool = False) -> tuple[str, ...]:
    """Remove what crashed runs left behind; return their run ids."""
    swept = []
    for run_id, paths in sorted(_leftovers(layout).items()):
        lock = layout.run_lock_path(run_id)
        with try_lock(lock, unlink=not dry_run, create=not dry_run) as free:
            if not free:
                continue  # that run is alive
            committed = layout.manifest_path(run_id).exists()
            if not dry_run:
                for path in paths:
                    if path.is_dir():
                        if not committed:
                            remove_tree(path)
                    else:
                        path.unlink(missing_ok=True)
            swept.append(run_id)
    return tuple(swept)


def plan_retention(
    run_ids: Sequence[str],
    *,
    latest: str | None,
    keep_last: int | None,
    keep_days: float | None,
    now: datetime,
) -> tuple[str, ...]:
    """The versions retention removes: those no rule keeps. The latest is always kept.

    A version is kept if it is among the last `keep_last` or younger than
    `keep_days` (age from its run id); with neither rule, everything is kept.
    """
    ordered = sorted(run_ids)
    if keep_last is None and keep_days is None:
        return ()
    keep = set(ordered[-keep_last:]) if keep_last else set()
    if keep_days is not None:
        cutoff = now - timedelta(days=keep_days)
        keep |= {r for r in ordered if run_id_time(r) >= cutoff}
    if latest is not None:
        keep.add(latest)
    return tuple(r for r in ordered if r not in keep)


def _remove_version(layout: Layout, run_id: str) -> None:
    """Manifest first, so the version vanishes at once; then its files."""
    layout.manifest_path(run_id).unlink(missing_ok=True)
    fsync_dir(layout.manifests_dir)
    for table_dir in layout.table_dirs():
        remove_tree(table_dir / f"version={run_id}")


def collect(
    data_dir: Path,
    *,
    keep_last: int | None = None,
    keep_days: float | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> GcResult:
    """Sweep crash leftovers, repair `_LATEST`, then apply retention.

    Creates nothing where nothing was published (`DataDirNotFound` names the path).
    """
    layout = Layout.for_reading(data_dir)
    if not layout.manifests_dir.is_dir():
        raise DataDirNotFound(f"no published versions in {layout.root} (is --data-dir right?)")
    if not dry_run:
        layout.locks_dir.mkdir(exist_ok=True)
    swept = sweep(layout, dry_run=dry_run)
    committed = layout.committed_ids()
    # Retention keeps the newest *intact* version: a damaged latest must not be the only
    # one left when the good versions before it expire.
    found, notes = intact_latest(layout, repair=not dry_run)
    expired = plan_retention(
        committed,
        latest=found.run_id,
        keep_last=keep_last,
        keep_days=keep_days,
        now=now or datetime.now(UTC),
    )
    if not dry_run and expired:
        with exclusive_lock(layout.latest_lock_path):
            # The pointer may have moved on meanwhile: never expire what it names now.
            current = resolve_latest(layout).run_id
            for run_id in expired:
                if run_id != current:
                    _remove_version(layout, run_id)
    kept = tuple(r for r in committed if r not in expired)
    return GcResult(swept, expired, kept, found.run_id, dry_run, notes)
