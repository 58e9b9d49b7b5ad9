"""Clean up: leftovers of crashed runs (the sweep), old versions and old raw bodies (retention).

A run holds a claim (`Store.claim`) from before its first file until after its
pointer move. On a local folder that is `_locks/run-<id>.lock`, an flock the
kernel drops when the process dies, even by SIGKILL: the sweep removes a run's
leftovers only when it can take that lock itself, so a concurrent run in
progress is never touched, and no grace period is needed. On S3 there is no
lock: the sweep removes the parts of a version without a manifest once they are
older than the store's `stale_after` (one hour by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from core.store import Entry, Store, Where
from core.store.local import staging_owner
from load.baseline import intact_latest
from load.errors import CorruptVersion, DataDirNotFound, VersionNotFound
from load.layout import LATEST_KEY, MANIFESTS, Layout
from load.runid import RUN_ID_PATTERN, run_id_time
from load.versions import load_manifest, resolve_latest


class RawTrimmed(Protocol):
    @property
    def bodies(self) -> int: ...

    @property
    def bytes(self) -> int: ...

    @property
    def logs(self) -> tuple[str, ...]: ...


class RawTrimmer(Protocol):
    """The raw store, as retention sees it (`extract.rawstore.RawStore` is one)."""

    def trim(
        self, *, keep_bodies: set[str], keep_runs: set[str], older_than: datetime, dry_run: bool
    ) -> RawTrimmed: ...


@dataclass(frozen=True, slots=True)
class GcResult:
    """What a collection did (or, with `dry_run`, would do)."""

    swept: tuple[str, ...]  # run ids whose uncommitted leftovers were removed
    expired: tuple[str, ...]  # published versions removed by retention
    kept: tuple[str, ...]  # published versions still there
    latest: str | None
    dry_run: bool = False
    notes: tuple[str, ...] = ()  # what was repaired or left alone, and why
    raw_bodies_removed: int = 0
    raw_bytes_removed: int = 0
    raw_logs_removed: tuple[str, ...] = ()


def _leftovers(layout: Layout) -> dict[str, list[Entry]]:
    """run id -> its files in flight, and its version folders when it has no manifest."""
    store = layout.store
    committed = set(layout.committed_ids())
    found: dict[str, list[Entry]] = {}
    for run_id, folder in layout.version_dirs():
        if run_id not in committed:
            found.setdefault(run_id, []).append(Entry(folder, True, 0, None))
            continue
        for child in store.ls(folder):
            if staging_owner(child.name) is not None:
                found.setdefault(run_id, []).append(child)
    for folder in (MANIFESTS, ""):
        for child in store.ls(folder):
            owner = staging_owner(child.name)
            if not child.folder and owner is not None and RUN_ID_PATTERN.fullmatch(owner):
                found.setdefault(owner, []).append(child)
    for owner in store.claimed():  # a claim left behind by a run that died before writing
        if RUN_ID_PATTERN.fullmatch(owner):
            found.setdefault(owner, [])
    return found


def sweep(layout: Layout, *, dry_run: bool = False, now: datetime | None = None
          ) -> tuple[str, ...]:
    """Remove what crashed runs left behind; return their run ids."""
    store = layout.store
    swept = []
    for run_id, entries in sorted(_leftovers(layout).items()):
        keys = [e.key for e in entries]
        with store.abandoned(run_id, keys, now=now or datetime.now(UTC),
                             dry_run=dry_run) as free:
            if not free:
                continue  # that run is alive
            committed = store.exists(layout.manifest_key(run_id))
            if not dry_run:
                for entry in entries:
                    if entry.folder:
                        if not committed:
                            store.delete_tree(entry.key)
                    else:
                        store.delete(entry.key)
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
    layout.store.delete(layout.manifest_key(run_id))
    for table in layout.tables():
        layout.store.delete_tree(layout.version_key(table, run_id))


def bodies_in_use(layout: Layout, run_ids: Sequence[str]) -> tuple[set[str], set[str]] | None:
    """(raw bodies, fetch runs) the versions `run_ids` were built from, or None when one of
    them cannot be read (then nobody can say which bodies are safe to remove)."""
    bodies: set[str] = set()
    runs: set[str] = set()
    filesystem, base = layout.store.arrow()
    for run_id in run_ids:
        try:
            manifest = load_manifest(layout, run_id)
            for name in ("pages", "careers"):
                if name not in manifest.tables:
                    continue
                for file in manifest.tables[name].files:
                    column = pq.read_table(f"{base}/{file.path}", columns=["content_sha256"],
                                           filesystem=filesystem)
                    bodies.update(v for v in column.column(0).to_pylist() if v)
        except (CorruptVersion, VersionNotFound, OSError, pa.ArrowException):
            return None
        runs.add(run_id)
        runs.update(str(r) for r in manifest.run.get("reparse_of", {}) or {})
    return bodies, runs


def collect(
    data_dir: Where | Store,
    *,
    keep_last: int | None = None,
    keep_days: float | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
    raw: RawTrimmer | None = None,
    raw_keep_days: float | None = None,
) -> GcResult:
    """Sweep crash leftovers, repair `_LATEST`, then apply retention.

    With `raw` and `raw_keep_days`, also trim the raw store: bodies no kept version
    needs and no fetch log of the last `raw_keep_days` names go, and those fetch logs
    (the caller must hold the data dir's run lock, so no run writes meanwhile). Creates
    nothing where nothing was published (`DataDirNotFound` names the path).
    """
    layout = Layout.for_reading(data_dir)
    if not layout.has_manifests():
        raise DataDirNotFound(f"no published versions in {layout.where} (is --data-dir right?)")
    if not dry_run:
        layout.ensure()
    swept = sweep(layout, dry_run=dry_run, now=now)
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
        with layout.store.guard(LATEST_KEY):
            # The pointer may have moved on meanwhile: never expire what it names now.
            current = resolve_latest(layout).run_id
            for run_id in expired:
                if run_id != current:
                    _remove_version(layout, run_id)
    kept = tuple(r for r in committed if r not in expired)
    result = GcResult(swept, expired, kept, found.run_id, dry_run, notes)
    if raw is None or raw_keep_days is None:
        return result
    in_use = bodies_in_use(layout, kept)
    if in_use is None:
        note = "raw store not trimmed: a kept version cannot be read, so its bodies are kept"
        return replace(result, notes=(*notes, note))
    cutoff = (now or datetime.now(UTC)) - timedelta(days=raw_keep_days)
    trimmed = raw.trim(keep_bodies=in_use[0], keep_runs=in_use[1], older_than=cutoff,
                       dry_run=dry_run)
    return replace(result, raw_bodies_removed=trimmed.bodies, raw_bytes_removed=trimmed.bytes,
                   raw_logs_removed=trimmed.logs)
