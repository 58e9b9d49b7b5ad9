"""Read published versions. A version exists only if its manifest does.

`data_dir` may be the `data/` folder (as in settings and the CLI) or the
parquet folder itself, a local path or an `s3://bucket/prefix` URL; see
`layout.parquet_store`. Readers only open files a
manifest lists, so a half-written version is never seen.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from core.store import Store, Where
from load.errors import CorruptVersion, DataDirNotFound, UnknownTable, VersionNotFound
from load.layout import Layout
from load.manifest import Manifest
from load.runid import run_id_time
from load.versions import LATEST, load_manifest, resolve_latest

ALL = "all"
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One published version, as `versions()` lists it."""

    run_id: str
    created_at: datetime
    schema_version: int
    previous: str | None
    row_counts: Mapping[str, int]
    diff_summary: str
    is_latest: bool
    added: int = 0
    removed: int = 0
    changed: int = 0
    damaged: str | None = None  # why the version cannot be read, when it cannot

    @classmethod
    def of_damaged(cls, run_id: str, reason: str) -> VersionInfo:
        return cls(run_id, run_id_time(run_id), 0, None, {}, "", False, damaged=reason)


def latest(data_dir: Where | Store) -> str | None:
    """The newest published run id, or None if nothing was published yet.

    That is what `_LATEST` names; when the pointer is broken (garbage, or a version
    without an intact manifest), the newest intact version, with a warning logged.
    """
    found = resolve_latest(Layout.for_reading(data_dir))
    if found.problem:
        log.warning("%s", found.problem)
    return found.run_id


def read_manifest(version: str = LATEST, *, data_dir: Where | Store) -> Manifest:
    """The manifest of a published version."""
    return load_manifest(Layout.for_reading(data_dir), version)


def latest_fill_rates(table: str, *, data_dir: Where | Store) -> dict[str, float] | None:
    """Per-column fill rates of `table` in the latest version (None before the first)."""
    try:
        manifest = resolve_latest(Layout.for_reading(data_dir)).manifest
    except DataDirNotFound:
        return None
    if manifest is None:
        return None
    rates = manifest.fill_rates.get(table) or {}
    return {column: rate for column, rate in rates.items() if rate is not None}


def versions(data_dir: Where | Store) -> list[VersionInfo]:
    """Every published version, oldest first; a damaged one says so in `damaged`."""
    layout = Layout.for_reading(data_dir)
    newest = resolve_latest(layout)
    if newest.problem:
        log.warning("%s", newest.problem)
    infos = []
    for run_id in layout.committed_ids():
        try:
            manifest = load_manifest(layout, run_id)
        except VersionNotFound:  # removed by retention while we listed
            continue
        except CorruptVersion as exc:
            infos.append(VersionInfo.of_damaged(run_id, str(exc)))
            continue
        infos.append(
            VersionInfo(
                run_id=run_id,
                created_at=manifest.created_at,
                schema_version=manifest.schema_version,
                previous=manifest.previous,
                row_counts=manifest.row_counts,
                diff_summary=str(manifest.diff.get("summary", "")),
                is_latest=run_id == newest.run_id,
                added=len(manifest.diff.get("added", ())),
                removed=len(manifest.diff.get("removed", ())),
                changed=len(manifest.diff.get("changed", ())),
            )
        )
    return infos


def _entry(manifest: Manifest, table: str) -> tuple[list[str], pa.Schema]:
    try:
        entry = manifest.tables[table]
    except KeyError:
        known = ", ".join(sorted(manifest.tables))
        raise UnknownTable(
            f"version {manifest.run_id} has no table {table!r} (it has: {known})"
        ) from None
    return [f.path for f in entry.files], entry.schema


def _dataset(layout: Layout, paths: list[str], schema: pa.Schema) -> pa.Table:
    filesystem, base = layout.store.arrow()
    missing = [p for p in paths if not _is_file(layout.store, p)]
    if missing:
        raise CorruptVersion(f"missing data file {layout.where}/{missing[0]}")
    files = [f"{base}/{p}" for p in paths]
    try:
        return ds.dataset(files, schema=schema, format="parquet",
                          filesystem=filesystem).to_table()
    except (pa.ArrowException, OSError) as exc:  # truncated or overwritten parts
        raise CorruptVersion(f"unreadable data file: {' '.join(str(exc).split())}") from exc


def _is_file(store: Store, key: str) -> bool:
    return store.exists(key) and not store.is_folder(key)


def read_arrow_from(layout: Layout, table: str, manifest: Manifest) -> pa.Table:
    """One table of one version as Arrow, with the schema the manifest recorded."""
    paths, schema = _entry(manifest, table)
    return _dataset(layout, paths, schema)


def _manifests_of(layout: Layout, table: str, version: str) -> list[Manifest]:
    """The manifests `version` names: one, or with "all" every version that has `table`."""
    if version != ALL:
        return [load_manifest(layout, version)]
    manifests = []
    for run_id in layout.committed_ids():
        try:
            manifests.append(load_manifest(layout, run_id))
        except (CorruptVersion, VersionNotFound) as exc:  # removed meanwhile, or damaged
            log.warning("skipping version %s: %s", run_id, exc)
    having = [m for m in manifests if table in m.tables]
    if not having:
        raise UnknownTable(f"no published version has a table {table!r} in {layout.where}")
    return having


def _read_tables(layout: Layout, table: str, manifests: list[Manifest]) -> pa.Table:
    """The table across `manifests`, columns unified by name (added columns null before)."""
    entries = [_entry(m, table) for m in manifests]
    schema = pa.unify_schemas([schema for _, schema in entries])
    return _dataset(layout, [p for paths, _ in entries for p in paths], schema)


def read_arrow(table: str, version: str = LATEST, *, data_dir: Where | Store) -> pa.Table:
    """Like `read`, as a pyarrow Table. `version="all"` unions every version by column name."""
    layout = Layout.for_reading(data_dir)
    return _read_tables(layout, table, _manifests_of(layout, table, version))


def _pandas_type(arrow_type: pa.DataType) -> object | None:
    """Nullable pandas dtypes for ints and bools, so a null does not turn them into floats."""
    mapping: dict[pa.DataType, object] = {
        pa.int64(): pd.Int64Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int8(): pd.Int8Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    return mapping.get(arrow_type)


def to_pandas(table: pa.Table, levels: Mapping[str, tuple[str, ...]]) -> pd.DataFrame:
    """A DataFrame whose ordered categories carry all their levels, not only those present."""
    frame: pd.DataFrame = table.to_pandas(types_mapper=_pandas_type)
    for column, column_levels in levels.items():
        if column in frame.columns:
            dtype = pd.CategoricalDtype(list(column_levels), ordered=True)
            frame[column] = frame[column].astype(dtype)
    return frame


def read(table: str, version: str = LATEST, *, data_dir: Where | Store) -> pd.DataFrame:
    """One table of a published version ("latest", a run id, or "all") as a DataFrame.

    Ints and bools come back as nullable pandas dtypes, strings as pandas strings,
    timestamps in UTC, and ordered categories with every level of the contract.
    """
    layout = Layout.for_reading(data_dir)
    manifests = _manifests_of(layout, table, version)
    levels: dict[str, tuple[str, ...]] = {}
    for manifest in manifests:
        if table in manifest.tables:
            levels.update(manifest.tables[table].levels)
    return to_pandas(_read_tables(layout, table, manifests), levels)


def check_files(layout: Layout, manifest: Manifest) -> None:
    """Raise `CorruptVersion` unless every file of `manifest` has its recorded size and sha256."""
    for entry in manifest.tables.values():
        for file in entry.files:
            try:
                data = layout.store.read(file.path).data
            except (FileNotFoundError, IsADirectoryError):
                raise CorruptVersion(f"{manifest.run_id}: missing file {file.path}") from None
            if len(data) != file.bytes or hashlib.sha256(data).hexdigest() != file.sha256:
                raise CorruptVersion(f"{manifest.run_id}: {file.path} differs from its manifest")


def verify(version: str = LATEST, *, data_dir: Where | Store) -> Manifest:
    """Check every file of a version against its manifest (size and sha256)."""
    layout = Layout.for_reading(data_dir)
    manifest = load_manifest(layout, version)
    check_files(layout, manifest)
    return manifest
