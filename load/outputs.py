"""What is derived from the published versions after each publish, for analysts.

    data/parquet/<run_id>.datapackage.json, datapackage.json   the version's description
    data/reports/<run_id>.html                                 its report
    data/careers.duckdb                                        the catalog of every version

None of these is the source of truth: each is rebuilt from the manifests and
files at will, so a failure here never undoes or fails a publish. Each step runs
even when another failed, and says what went wrong in `problems`. Descriptors and
reports of versions that retention removed are removed too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from load.catalog import build_catalog
from load.datapackage import source_hosts, stale_descriptors, write_datapackage
from load.layout import Layout
from load.read import read_arrow_from
from load.report import report_path, reports_dir, write_report
from load.versions import load_manifest, resolve_latest

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outputs:
    """The files `refresh_outputs` wrote (None where a step failed) and what failed."""

    datapackage: Path | None
    report: Path | None
    catalog: Path | None
    problems: tuple[str, ...] = ()


def describe_version(data_dir: Path, version: str = "latest") -> Path:
    """Write the Data Package descriptor of `version`; return its path."""
    layout = Layout.for_reading(data_dir)
    manifest = load_manifest(layout, version)
    careers = read_arrow_from(layout, "careers", manifest) if "careers" in manifest.tables \
        else None
    return write_datapackage(layout, manifest, source_hosts(careers),
                             latest=manifest.run_id == resolve_latest(layout).run_id)


def prune(data_dir: Path) -> list[Path]:
    """Remove descriptors and reports of versions that no longer exist; return them."""
    layout = Layout.for_reading(data_dir)
    committed = set(layout.committed_ids())
    stale = stale_descriptors(layout)
    folder = reports_dir(layout)
    if folder.is_dir():
        stale += [p for p in folder.glob("*.html") if p.stem not in committed]
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return stale


def refresh_outputs(data_dir: Path, version: str = "latest") -> Outputs:
    """After publishing `version`: its descriptor and report, the catalog, the pruning."""
    problems: list[str] = []

    def attempt(step: str, action: Callable[[], T]) -> T | None:
        try:
            return action()
        except Exception as exc:  # derived files: report the failure, never fail the publish
            problems.append(f"{step}: {type(exc).__name__}: {' '.join(str(exc).split())}")
            return None

    descriptor = attempt("datapackage", lambda: describe_version(data_dir, version))
    report = attempt("report", lambda: write_report(data_dir, version))
    catalog = attempt("catalog", lambda: build_catalog(data_dir))
    attempt("prune", lambda: prune(data_dir))
    return Outputs(descriptor, report, catalog, tuple(problems))


def existing_report(parquet_dir: Path | str, version: str) -> Path | None:
    """The report file of `version` if it was written (never, on object storage)."""
    if isinstance(parquet_dir, str):
        return None
    path = report_path(Layout(parquet_dir), version)
    return path if path.is_file() else None
