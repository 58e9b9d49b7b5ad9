"""Publish one immutable version: data files, then the manifest (the commit point), then `_LATEST`.

Every file is written whole or not at all (`Store.write`: staged, fsynced and
renamed on a local folder; put create-only on S3); the manifest is created only
if absent, so a run id is published at most once; `_LATEST` moves forward by
compare-and-set. A crash at any point leaves either no version (the sweep
removes the pieces) or a whole one. `on_step` is called at each durable step: a
no-op by default, it lets the crash tests stop the process at every point of a
publish.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from core.errors import StorageError
from core.store import Store, Where
from load.baseline import Baseline, open_baseline
from load.diff import VersionDiff, diff_tables
from load.errors import PublishConflict, RemovalRefused, SchemaMismatch
from load.gc import sweep
from load.layout import Layout
from load.manifest import FileEntry, Manifest, TableEntry
from load.pointer import advance_latest
from load.runid import check_run_id
from load.schema import CATEGORY_LEVELS, DATA_TABLES, SCHEMA_VERSION, TABLES
from load.tables import conform, fill_rates, same_content
from load.versions import resolve_latest

Step = Callable[[str], None]
COMPRESSION = "zstd"
log = logging.getLogger(__name__)


def _ignore(_: str) -> None:
    """The default step hook: does nothing."""


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What `publish` did. `published` is False when the data equalled the latest version's."""

    run_id: str
    published: bool
    reason: str
    row_counts: Mapping[str, int]
    path: Path | str  # the parquet folder (or s3:// URL) holding the version
    previous: str | None  # the version this one was compared with (the baseline)
    latest: str | None  # what `_LATEST` names afterwards (a newer concurrent run wins)
    diff: VersionDiff
    warnings: tuple[str, ...] = ()  # damaged versions passed over, pointer repairs

    @property
    def diff_summary(self) -> str:
        return self.diff.summary


def _write_table(layout: Layout, name: str, table: pa.Table, run_id: str, step: Step) -> TableEntry:
    key = layout.part_key(name, run_id)

    def fill(sink: BinaryIO) -> None:
        with pq.ParquetWriter(sink, table.schema, compression=COMPRESSION) as writer:
            writer.write_table(table)
            step(f"{name}:unclosed")

    written = layout.store.write(key, fill, owner=run_id, step=lambda s: step(f"{name}:{s}"))
    entry = FileEntry(key, written.size, written.sha256)
    return TableEntry(table.num_rows, (entry,), table.schema, CATEGORY_LEVELS.get(name, {}))


def _commit_manifest(layout: Layout, manifest: Manifest, step: Step) -> None:
    try:
        layout.store.create(layout.manifest_key(manifest.run_id),
                            manifest.to_json().encode("utf-8"), owner=manifest.run_id,
                            step=lambda s: step(f"manifest:{s}"))
    except FileExistsError:
        raise PublishConflict(f"version {manifest.run_id} is already published") from None


def _discard(layout: Layout, run_id: str, names: list[str]) -> None:
    """Remove this run's pieces after a failure, unless the manifest made them a version."""
    if layout.store.exists(layout.manifest_key(run_id)):
        return
    for name in names:
        layout.store.delete_tree(layout.version_key(name, run_id))


def _parser_versions(tables: Mapping[str, pa.Table]) -> tuple[str, ...]:
    found: set[str] = set()
    for table in tables.values():
        if "parser" in table.column_names:
            found.update(v for v in pc.unique(table.column("parser")).to_pylist() if v)
    return tuple(sorted(found))


def removal_failure(
    changes: VersionDiff, before: int, max_share: float, exempt: Collection[str] = ()
) -> str | None:
    """Why publishing `changes` would lose too many careers (None when it would not).

    Careers of `exempt` hosts (sources the run was told to replace) do not count. The
    message names each host that loses careers, how many, and why (the diff's
    reasons: gone, no longer listed, failed ...), so a person can tell an outage
    from a site that really dropped pages.
    """
    counted = [r for r in changes.removed if urlsplit(r.url or "").netloc not in exempt]
    removed = len(counted)
    if before == 0 or removed / before <= max_share:
        return None
    by_host: dict[str, Counter[str]] = {}
    for ref in counted:
        host = urlsplit(ref.url or "").netloc or "(no url)"
        reason = (ref.reason or "unknown").split(":", 1)[0]
        by_host.setdefault(host, Counter())[reason] += 1
    hosts = "; ".join(
        f"{host} loses {sum(why.values())} ("
        + ", ".join(f"{reason} {n}" for reason, n in why.most_common()) + ")"
        for host, why in sorted(by_host.items(), key=lambda item: -sum(item[1].values()))
    )
    return (
        f"it would remove {removed} of {before} careers ({removed / before:.0%}), above"
        f" quality.max_removed_share {max_share:.0%}: {hosts}"
    )


def publish(
    tables: Mapping[str, pa.Table],
    *,
    parquet_dir: Where | Store,
    run_id: str,
    manifest_extra: Mapping[str, Any] | None = None,
    force: bool = False,
    schemas: Mapping[str, pa.Schema] = TABLES,
    baseline: Baseline | None = None,
    max_removed_share: float | None = None,
    removal_exempt: Collection[str] = (),
    sources: Sequence[Mapping[str, Any]] = (),
    on_step: Step | None = None,
) -> PublishResult:
    """Publish `tables` as version `run_id` under `parquet_dir` (the `data/parquet` folder,
    or an `s3://bucket/prefix/parquet` URL).

    Each table is fitted to its explicit schema (`schemas`, the contract by
    default; a table not given is published empty) with `version` set to
    `run_id`. It is compared with `baseline` (the newest intact version, read
    here unless the caller read it already): if the data tables are equal (row
    order and `version` aside), nothing is written unless `force`; if more than
    `max_removed_share` of the baseline's careers would go (those of the
    `removal_exempt` hosts aside), `RemovalRefused` is raised before anything is
    written. `manifest_extra` (run statistics,
    settings) is stored in the manifest under "run", `sources` under "sources".
    """
    check_run_id(run_id)
    step = on_step or _ignore
    unknown = sorted(set(tables) - set(schemas))
    if unknown:
        raise SchemaMismatch(f"tables not in the schema: {unknown}")
    fitted = {
        name: conform(tables.get(name), schema, name=name, run_id=run_id)
        for name, schema in schemas.items()
    }
    layout = Layout(parquet_dir)
    try:
        return _publish(layout, fitted, run_id, manifest_extra, force, baseline,
                        (max_removed_share, removal_exempt), sources, step)
    except OSError as exc:  # a full disk, a read-only folder: one line, nothing half-written
        raise StorageError.from_os_error(f"version {run_id} in {layout.where}", exc) from exc


def _publish(
    layout: Layout,
    fitted: Mapping[str, pa.Table],
    run_id: str,
    manifest_extra: Mapping[str, Any] | None,
    force: bool,
    baseline: Baseline | None,
    removals: tuple[float | None, Collection[str]],
    sources: Sequence[Mapping[str, Any]],
    step: Step,
) -> PublishResult:
    layout.ensure()
    if layout.store.exists(layout.manifest_key(run_id)):
        raise PublishConflict(f"version {run_id} is already published")
    if baseline is None or baseline.pointer != resolve_latest(layout).run_id:
        baseline = open_baseline(layout.store, repair=True)  # first, or another run published
    previous = baseline.run_id
    before = dict(baseline.tables) if previous is not None else None
    changes = diff_tables(before, fitted, old_id=previous, new_id=run_id)
    counts = {name: table.num_rows for name, table in fitted.items()}
    max_share, exempt = removals
    if max_share is not None and before is not None and "careers" in before:
        refusal = removal_failure(changes, before["careers"].num_rows, max_share, exempt)
        if refusal is not None:
            raise RemovalRefused(f"refusing to publish: {refusal}")
    unchanged = before is not None and same_content(fitted, before, DATA_TABLES)
    if unchanged and not force:
        return PublishResult(
            run_id, False, f"unchanged: same data as {previous}", counts, _where(layout),
            previous, previous, changes, baseline.problems,
        )
    with layout.store.claim(run_id):
        step("run:locked")
        try:
            entries = {}
            for name, table in fitted.items():
                entries[name] = _write_table(layout, name, table, run_id, step)
            manifest = Manifest(
                run_id=run_id,
                created_at=datetime.now(UTC),
                schema_version=SCHEMA_VERSION,
                previous=previous,
                tables=entries,
                parser_versions=_parser_versions(fitted),
                fill_rates={name: fill_rates(table) for name, table in fitted.items()},
                diff=changes.to_dict(),
                run=dict(manifest_extra or {}),
                sources=tuple(sources),
            )
            _commit_manifest(layout, manifest, step)
        except BaseException:
            _discard(layout, run_id, list(fitted))
            raise
        try:
            latest = advance_latest(layout, run_id, step)
        except OSError as exc:
            raise StorageError(
                f"version {run_id} is published, but _LATEST could not be moved to it"
                f" ({exc.strerror or exc}); the next run or `load gc` moves it"
            ) from exc
    step("run:unlocked")
    try:
        sweep(layout)
    except OSError as exc:  # the version is published; gc can clean up later
        log.warning("could not remove leftovers of crashed runs: %s", exc)
    step("swept")
    reason = f"forced: same data as {previous}" if unchanged else "published"
    return PublishResult(
        run_id, True, reason, counts, _where(layout), previous, latest, changes,
        baseline.problems,
    )


def _where(layout: Layout) -> Path | str:
    """The parquet folder as a Path, or the store's URL on object storage."""
    try:
        return layout.root
    except StorageError:
        return layout.where
