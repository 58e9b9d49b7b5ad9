"""Where a version's pieces live in the parquet store (a folder, or an S3 prefix).

    <root>/<table>/version=<run_id>/part-0.parquet     data (hive-partitioned by version)
    <root>/_manifests/<run_id>.json                    the commit point of a version
    <root>/_LATEST                                     newest run id, no trailing newline

On a local folder every write is staged first under `.<name>.<run_id>.tmp` beside
its final name, and locks live in `<root>/_locks/` (`LATEST.lock`,
`run-<run_id>.lock`); on S3 nothing is staged (conditional writes) and nothing
is locked (see `core.store`). Everything in flight starts with "." and ends in
".tmp", and every folder that is not a table starts with "_", so pyarrow's
dataset discovery and the `*/*.parquet` globs of DuckDB and polars never see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.store import Store, Where, open_store
from load.errors import DataDirNotFound
from load.runid import RUN_ID_PATTERN

VERSION_PREFIX = "version="
MANIFEST_SUFFIX = ".json"
MANIFESTS = "_manifests"
LATEST_KEY = "_LATEST"


def parquet_store(data_dir: Where | Store) -> Store:
    """The parquet store for `data_dir`, which may be `data/` or `data/parquet/` itself.

    `data_dir/parquet` when that exists; else `data_dir` itself if it looks like a
    parquet folder (it holds `_manifests` or `_LATEST`, or is named `parquet`).
    """
    store = open_store(data_dir)
    nested = store.child("parquet")
    if nested.is_folder(""):
        return nested
    looks_like_root = store.is_folder(MANIFESTS) or store.exists(LATEST_KEY)
    named_parquet = store.url.rstrip("/").rsplit("/", 1)[-1] == "parquet"
    return store if looks_like_root or named_parquet else nested


@dataclass(frozen=True, slots=True)
class Layout:
    """Keys of one parquet store; no I/O except listing."""

    store: Store

    def __init__(self, where: Where | Store) -> None:
        object.__setattr__(self, "store", open_store(where))

    @classmethod
    def for_reading(cls, data_dir: Where | Store) -> Layout:
        store = parquet_store(data_dir)
        if not store.is_folder(""):
            raise DataDirNotFound(f"no parquet folder at {store.url} (is --data-dir right?)")
        return cls(store)

    @property
    def root(self) -> Path:
        """The local folder (a `StorageError` on object storage: local-only outputs)."""
        return self.store.local_root()

    @property
    def where(self) -> str:
        """The store's path or URL, for messages."""
        return self.store.url

    @staticmethod
    def manifest_key(run_id: str) -> str:
        return f"{MANIFESTS}/{run_id}{MANIFEST_SUFFIX}"

    @staticmethod
    def version_key(table: str, run_id: str) -> str:
        return f"{table}/{VERSION_PREFIX}{run_id}"

    @staticmethod
    def part_key(table: str, run_id: str, index: int = 0) -> str:
        return f"{table}/{VERSION_PREFIX}{run_id}/part-{index}.parquet"

    def ensure(self) -> None:
        """Create the root and its bookkeeping folders (idempotent; nothing on S3)."""
        self.store.ensure(MANIFESTS, "_locks")

    def has_manifests(self) -> bool:
        return self.store.is_folder(MANIFESTS)

    def committed_ids(self) -> list[str]:
        """Run ids that have a manifest, oldest first."""
        ids = (
            e.name.removesuffix(MANIFEST_SUFFIX)
            for e in self.store.ls(MANIFESTS)
            if not e.folder and e.name.endswith(MANIFEST_SUFFIX) and not e.name.startswith(".")
        )
        return sorted(i for i in ids if RUN_ID_PATTERN.fullmatch(i))

    def tables(self) -> Iterator[str]:
        """Folders that hold a table's versions (anything not starting with `_` or `.`)."""
        for entry in self.store.ls(""):
            if entry.folder and not entry.name.startswith(("_", ".")):
                yield entry.name

    def version_dirs(self) -> Iterator[tuple[str, str]]:
        """(run id, key of the folder) of every version folder, committed or not."""
        for table in self.tables():
            for entry in self.store.ls(table):
                run_id = entry.name.removeprefix(VERSION_PREFIX)
                if (
                    entry.folder
                    and entry.name.startswith(VERSION_PREFIX)
                    and RUN_ID_PATTERN.fullmatch(run_id)
                ):
                    yield run_id, entry.key
