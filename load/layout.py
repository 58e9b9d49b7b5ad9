"""Where a version's pieces live under the parquet folder.

    <root>/<table>/version=<run_id>/part-0.parquet     data (hive-partitioned by version)
    <root>/<table>/version=<run_id>/.part-0.<run_id>.tmp  a part being written
    <root>/_manifests/<run_id>.json                    the commit point of a version
    <root>/_manifests/.<run_id>.json.tmp               a manifest being written
    <root>/_LATEST                                     newest run id, no trailing newline
    <root>/.LATEST.<run_id>.tmp                        a pointer being written
    <root>/_locks/LATEST.lock, _locks/run-<run_id>.lock

Everything in flight starts with "." and ends in ".tmp", and every folder that
is not a table starts with "_", so pyarrow's dataset discovery and the
`*/*.parquet` globs of DuckDB and polars never see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from load.errors import DataDirNotFound
from load.runid import RUN_ID_PATTERN

VERSION_PREFIX = "version="
MANIFEST_SUFFIX = ".json"


def parquet_root(data_dir: Path) -> Path:
    """The parquet folder for `data_dir`, which may be `data/` or `data/parquet/` itself.

    `data_dir/parquet` when that exists; else `data_dir` itself if it looks like a
    parquet folder (it holds `_manifests` or `_LATEST`, or is named `parquet`).
    """
    data_dir = Path(data_dir)
    nested = data_dir / "parquet"
    if nested.is_dir():
        return nested
    looks_like_root = (data_dir / "_manifests").is_dir() or (data_dir / "_LATEST").exists()
    return data_dir if looks_like_root or data_dir.name == "parquet" else nested


@dataclass(frozen=True, slots=True)
class Layout:
    """Paths of one parquet folder; no I/O except listing."""

    root: Path

    @classmethod
    def for_reading(cls, data_dir: Path) -> Layout:
        root = parquet_root(data_dir)
        if not root.is_dir():
            raise DataDirNotFound(f"no parquet folder at {root} (is --data-dir right?)")
        return cls(root)

    @property
    def manifests_dir(self) -> Path:
        return self.root / "_manifests"

    @property
    def locks_dir(self) -> Path:
        return self.root / "_locks"

    @property
    def latest_path(self) -> Path:
        return self.root / "_LATEST"

    @property
    def latest_lock_path(self) -> Path:
        return self.locks_dir / "LATEST.lock"

    def latest_tmp_path(self, run_id: str) -> Path:
        return self.root / f".LATEST.{run_id}.tmp"

    def run_lock_path(self, run_id: str) -> Path:
        return self.locks_dir / f"run-{run_id}.lock"

    def manifest_path(self, run_id: str) -> Path:
        return self.manifests_dir / f"{run_id}{MANIFEST_SUFFIX}"

    def manifest_tmp_path(self, run_id: str) -> Path:
        return self.manifests_dir / f".{run_id}{MANIFEST_SUFFIX}.tmp"

    def version_dir(self, table: str, run_id: str) -> Path:
        return self.root / table / f"{VERSION_PREFIX}{run_id}"

    def part_path(self, table: str, run_id: str, index: int = 0) -> Path:
        return self.version_dir(table, run_id) / f"part-{index}.parquet"

    def part_tmp_path(self, table: str, run_id: str, index: int = 0) -> Path:
        return self.version_dir(table, run_id) / f".part-{index}.{run_id}.tmp"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def ensure(self) -> None:
        """Create the root and its bookkeeping folders (idempotent)."""
        for folder in (self.root, self.manifests_dir, self.locks_dir):
            folder.mkdir(parents=True, exist_ok=True)

    def committed_ids(self) -> list[str]:
        """Run ids that have a manifest, oldest first."""
        if not self.manifests_dir.is_dir():
            return []
        ids = (
            p.name.removesuffix(MANIFEST_SUFFIX)
            for p in self.manifests_dir.iterdir()
            if p.name.endswith(MANIFEST_SUFFIX) and not p.name.startswith(".")
        )
        return sorted(i for i in ids if RUN_ID_PATTERN.fullmatch(i))

    def table_dirs(self) -> Iterator[Path]:
        """Folders that hold a table's versions (anything not starting with `_` or `.`)."""
        if not self.root.is_dir():
            return
        for entry in sorted(self.root.iterdir()):
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                yield entry

    def version_dirs(self) -> Iterator[tuple[str, Path]]:
        """(run id, folder) of every version folder on disk, committed or not."""
        for table_dir in self.table_dirs():
            for entry in sorted(table_dir.iterdir()):
                run_id = entry.name.removeprefix(VERSION_PREFIX)
                if (
                    entry.is_dir()
                    and entry.name.startswith(VERSION_PREFIX)
                    and RUN_ID_PATTERN.fullmatch(run_id)
                ):
                    yield run_id, entry
