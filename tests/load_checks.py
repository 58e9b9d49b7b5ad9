"""Assertions shared by the load tests about what is on disk."""

from __future__ import annotations

from pathlib import Path

from load.layout import Layout
from load.read import load_manifest


def expected_files(parquet: Path) -> set[str]:
    """Every file a clean parquet folder holds: committed data, manifests, pointer, its lock."""
    layout = Layout(parquet)
    files = {"_LATEST", "_locks/LATEST.lock"}
    for run_id in layout.committed_ids():
        files.add(f"_manifests/{run_id}.json")
        for entry in load_manifest(layout, run_id).tables.values():
            files.update(f.path for f in entry.files)
    return files


def actual_files(parquet: Path) -> set[str]:
    return {p.relative_to(parquet).as_posix() for p in parquet.rglob("*") if p.is_file()}


def assert_clean(parquet: Path) -> None:
    """No leftovers: no staging files, no uncommitted version folders, no run locks."""
    assert actual_files(parquet) == expected_files(parquet)
    layout = Layout(parquet)
    committed = set(layout.committed_ids())
    assert {run_id for run_id, _ in layout.version_dirs()} == committed
