"""The version a run builds on: the newest *intact* version, read and checked once per run.

Carry-forward, the diff, the removal gate, fill-rate warnings and the sources of
the dataset all compare a run with the version before it. That version is read
here once, every file checked against its manifest's sha256, so a run never
builds on damaged input: when the latest version is damaged (a truncated part, a
manifest of the wrong shape, a pointer naming nothing), the newest older intact
version is the baseline instead, and `problems` says so in one line each. A
writer (`repair=True`) also points `_LATEST` back at it, so analysts stop
reading the damaged one; nothing is ever deleted here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from core.store import Store, Where
from load.errors import CorruptVersion, VersionNotFound
from load.layout import Layout
from load.manifest import Manifest
from load.pointer import point_back, repair_latest
from load.read import check_files, read_arrow_from
from load.schema import DATA_TABLES
from load.versions import Latest, load_manifest, resolve_latest


@dataclass(frozen=True)
class Baseline:
    """The data tables and manifest of the version a run builds on (empty before the first)."""

    run_id: str | None = None
    manifest: Manifest | None = None
    tables: Mapping[str, pa.Table] = field(default_factory=dict)
    problems: tuple[str, ...] = ()  # damaged versions passed over, pointer repairs
    pointer: str | None = None  # what `_LATEST` resolved to when this was read

    @property
    def sources(self) -> tuple[Mapping[str, Any], ...]:
        return self.manifest.sources if self.manifest is not None else ()

    def career_urls(self) -> list[str]:
        careers = self.tables.get("careers")
        return [] if careers is None else careers.column("url").to_pylist()

    def careers_by_host(self) -> Counter[str]:
        """Careers per page host (`host[:port]`, as crawls group them)."""
        return Counter(urlsplit(url).netloc for url in self.career_urls())

    def urls_of_hosts(self, hosts: Collection[str]) -> set[str]:
        """The career pages of these hosts in this version."""
        return {url for url in self.career_urls() if urlsplit(url).netloc in hosts}

    def fill_rates_of_hosts(self, hosts: Collection[str]) -> dict[str, float]:
        """Per-column fill rates of the careers of `hosts` (what a run of those hosts is
        compared with: the fill rates of unrelated sites say nothing about this one)."""
        careers = self.tables.get("careers")
        if careers is None:
            return {}
        mask = pa.array([urlsplit(u).netloc in hosts for u in careers.column("url").to_pylist()])
        rows = careers.filter(mask).drop_columns(["version"])
        if rows.num_rows == 0:
            return {}
        return {
            name: round(1 - rows.column(name).null_count / rows.num_rows, 6)
            for name in rows.column_names
        }


def intact_latest(layout: Layout, *, repair: bool) -> tuple[Latest, tuple[str, ...]]:
    """The newest version whose manifest reads and whose files match it (size, sha256),
    from what `_LATEST` resolves to down; and one line per problem met on the way.

    With `repair` (a writer: a run about to publish, gc), `_LATEST` is made to name it.
    """
    latest = repair_latest(layout) if repair else resolve_latest(layout)
    problems = [latest.problem] if latest.problem else []
    newest = latest.run_id
    older = [r for r in reversed(layout.committed_ids()) if newest is None or r < newest]
    for run_id in ([newest] if newest else []) + older:
        try:
            manifest = load_manifest(layout, run_id)
            check_files(layout, manifest)
        except (CorruptVersion, VersionNotFound) as exc:
            problems.append(f"version {run_id} is damaged and not built on: {exc}")
            continue
        if run_id != newest:
            if repair:
                point_back(layout, run_id)
            problems.append(f"{'_LATEST now names' if repair else 'using'} {run_id}, the newest"
                            " intact version")
        return Latest(run_id, manifest), tuple(problems)
    return Latest(None, None), tuple(problems)


def open_baseline(parquet_dir: Where | Store, *, repair: bool = False) -> Baseline:
    """The newest intact version under `parquet_dir` (an empty Baseline when there is none).

    `repair=True` (runs that are about to publish) also makes `_LATEST` name it.
    """
    layout = Layout(parquet_dir)
    if not layout.has_manifests():
        return Baseline()
    found, problems = intact_latest(layout, repair=repair)
    if found.run_id is None or found.manifest is None:
        return Baseline(problems=problems, pointer=resolve_latest(layout).run_id)
    tables = {
        name: read_arrow_from(layout, name, found.manifest)
        for name in (*DATA_TABLES, "pages")  # pages: what reparse parses again
        if name in found.manifest.tables
    }
    return Baseline(found.run_id, found.manifest, tables, problems,
                    resolve_latest(layout).run_id)
