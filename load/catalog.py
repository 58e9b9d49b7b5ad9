"""The DuckDB catalog `data/careers.duckdb`: typed views over the published versions.

Never the source of truth: it holds views over the Parquet files the manifests
list, plus a small `versions` table, and is rebuilt from them after every publish
(`python -m load catalog` rebuilds it by hand; safe at any time). It is built
under a temporary name and renamed into place, so a reader opens either the old
catalog or the new one, never half of one.

    careers, career_skills, career_duties, pages, rejects   the latest version
    careers_all, ... rejects_all                            every published version
    careers_history, career_skills_history, ...             one row per career, field and
                                                            value, valid_from/valid_to_version
    versions                                                one row per published version

Ordered levels are DuckDB ENUM types (`education_level`, `growth_category`), so
`ORDER BY education_level` is in level order; rank columns are recomputed from
them for every version; every view and column carries its description as a
comment. View definitions hold absolute file paths: rebuild after moving the data.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from core.store.local import exclusive_lock, fsync_dir
from load.errors import CatalogError, CorruptVersion, VersionNotFound
from load.layout import Layout
from load.manifest import Manifest
from load.schema import (
    CATEGORY_LEVELS,
    DATA_TABLES,
    DESCRIPTION_KEY,
    PROVENANCE_COLUMNS,
    RANK_COLUMNS,
    TABLES,
)
from load.versions import load_manifest, resolve_latest

log = logging.getLogger(__name__)
CATALOG_NAME = "careers.duckdb"
HISTORY_SUFFIX = "_history"
ALL_SUFFIX = "_all"

# What `*_history` follows per table: content columns only (provenance changes on
# every fetch, ranks follow their level), keyed by career.
HISTORY_KEY = "career_id"
_NOT_HISTORY = frozenset({HISTORY_KEY, *PROVENANCE_COLUMNS})

_DUCK_TYPES: dict[pa.DataType, str] = {
    pa.string(): "VARCHAR",
    pa.large_string(): "VARCHAR",
    pa.float64(): "DOUBLE",
    pa.int64(): "BIGINT",
    pa.int32(): "INTEGER",
    pa.int8(): "TINYINT",
    pa.bool_(): "BOOLEAN",
}


def catalog_path(layout: Layout) -> Path:
    """Where the catalog of a parquet folder lives: beside it, `data/careers.duckdb`."""
    return layout.root.parent / CATALOG_NAME


def quote(name: str) -> str:
    """A DuckDB identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A DuckDB string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class Catalog:
    """The published versions a catalog is built from (oldest first) and their SQL."""

    layout: Layout
    manifests: tuple[Manifest, ...]

    @classmethod
    def of(cls, layout: Layout) -> Catalog:
        """Every intact published version of `layout`; VersionNotFound when there is none.

        A version whose manifest or files are damaged (a part missing, truncated, its
        footer unreadable or its row count not the manifest's) is left out, with one
        warning line: DuckDB would refuse to create a view over it.
        """
        manifests = []
        committed = layout.committed_ids()
        for run_id in committed:
            try:
                manifest = load_manifest(layout, run_id)
                _check_parts(layout, manifest)
            except VersionNotFound:  # removed by retention while we listed
                continue
            except CorruptVersion as exc:
                log.warning("catalog: version %s left out: %s", run_id, " ".join(str(exc).split()))
                continue
            manifests.append(manifest)
        if not manifests:
            what = "intact published" if committed else "published"
            raise VersionNotFound(f"no {what} versions in {layout.root}")
        return cls(layout, tuple(manifests))

    @property
    def latest(self) -> str:
        named = resolve_latest(self.layout).run_id
        ids = [m.run_id for m in self.manifests]
        return named if named in ids else ids[-1]

    def tables(self) -> list[str]:
        """Tables some version has, contract tables first."""
        found = {name for m in self.manifests for name in m.tables}
        return [t for t in TABLES if t in found] + sorted(found - set(TABLES))

    def columns(self, table: str) -> list[pa.Field]:
        """The table's columns over every version: the newest schema's, then older extras."""
        fields: dict[str, pa.Field] = {}
        for manifest in reversed(self.manifests):
            entry = manifest.tables.get(table)
            for field in entry.schema if entry is not None else ():
                fields.setdefault(field.name, field)
        contract = TABLES.get(table)
        if contract is not None:  # descriptions of the contract win over older files'
            fields = {n: contract.field(n) if n in contract.names else f
                      for n, f in fields.items()}
        return list(fields.values())

    def files(self, table: str) -> list[str]:
        return [
            str((self.layout.root / f.path).resolve())
            for m in self.manifests
            if table in m.tables
            for f in m.tables[table].files
        ]

    def statements(self) -> Iterator[str]:
        """The SQL that creates the whole catalog in an empty database."""
        for column, levels in _levels().items():
            values = ", ".join(literal(v) for v in levels)
            yield f"CREATE TYPE {quote(column)} AS ENUM ({values})"
        yield from self._versions_table()
        for table in self.tables():
            every = table + ALL_SUFFIX
            yield f"CREATE VIEW {quote(every)} AS {self._select_all(table)}"
            yield (
                f"CREATE VIEW {quote(table)} AS SELECT * FROM {quote(every)} "
                f"WHERE version = {literal(self.latest)}"
            )
            description = _table_description(table)
            yield from _comments(every, f"{description} Every published version.",
                                 self.columns(table))
            yield from _comments(table, f"{description} The latest version ({self.latest}).",
                                 self.columns(table))
        for table in (t for t in self.tables() if t in DATA_TABLES):
            name = table + HISTORY_SUFFIX
            yield f"CREATE VIEW {quote(name)} AS {self.history_sql(table)}"
            yield from _comments(name, HISTORY_DESCRIPTION.format(table=table), HISTORY_COLUMNS)

    def _versions_table(self) -> Iterator[str]:
        yield (
            "CREATE TABLE versions (version VARCHAR NOT NULL PRIMARY KEY, "
            "created_at TIMESTAMPTZ NOT NULL, previous VARCHAR, is_latest BOOLEAN NOT NULL, "
            "schema_version INTEGER NOT NULL, careers BIGINT, changes VARCHAR)"
        )
        rows = ", ".join(
            "(" + ", ".join((
                literal(m.run_id),
                f"TIMESTAMPTZ {literal(m.created_at.isoformat())}",
                literal(m.previous) if m.previous else "NULL",
                "true" if m.run_id == self.latest else "false",
                str(m.schema_version),
                str(m.row_counts.get("careers")) if "careers" in m.tables else "NULL",
                literal(str(m.diff.get("summary", ""))),
            )) + ")"
            for m in self.manifests
        )
        yield f"INSERT INTO versions VALUES {rows}"
        yield from _comments("versions", "Published versions, oldest first.", VERSION_COLUMNS,
                             kind="TABLE")

    def _select_all(self, table: str) -> str:
        levels = CATEGORY_LEVELS.get(table, {})
        ranks = {rank: level for rank, level in RANK_COLUMNS.get(table, {}).items()}
        present = {f.name for f in self.columns(table)}
        items = []
        for field in self.columns(table):
            name = quote(field.name)
            if field.name in levels:
                items.append(f"CAST({name} AS {quote(field.name)}) AS {name}")
            elif field.name in ranks and ranks[field.name] in present:
                level = quote(ranks[field.name])
                items.append(
                    f"CAST(enum_code(CAST({level} AS {level})) + 1 AS TINYINT) AS {name}"
                )
            else:
                items.append(name)
        files = ", ".join(literal(f) for f in self.files(table))
        return (
            f"SELECT {', '.join(items)} FROM read_parquet([{files}], union_by_name = true)"
        )

    def history_fields(self, table: str) -> list[str]:
        ranks = set(RANK_COLUMNS.get(table, {}))
        return [
            f.name for f in self.columns(table)
            if f.name not in _NOT_HISTORY and f.name not in ranks
        ]

    def history_sql(self, table: str) -> str:
        """One row per career, field and value over the versions, with the versions it
        held from (inclusive) and until (exclusive; null while it still holds)."""
        values = ", ".join(
            f"({literal(name)}, CAST(t.{quote(name)} AS VARCHAR))"
            for name in self.history_fields(table)
        )
        return f"""
            WITH numbered AS (
                SELECT version, row_number() OVER (ORDER BY version) AS n FROM versions
            ),
            long AS (
                SELECT DISTINCT t.{HISTORY_KEY} AS career_id, f.field, f.value, v.n
                FROM {quote(table + ALL_SUFFIX)} AS t
                JOIN numbered AS v USING (version)
                CROSS JOIN LATERAL (VALUES {values}) AS f(field, value)
            ),
            runs AS (
                SELECT *, n - row_number() OVER (
                    PARTITION BY career_id, field, value ORDER BY n) AS run
                FROM long
            ),
            spans AS (
                SELECT career_id, field, value, min(n) AS first_n, max(n) AS last_n
                FROM runs GROUP BY career_id, field, value, run
            )
            SELECT s.career_id, s.field, s.value,
                   f.version AS valid_from_version, u.version AS valid_to_version
            FROM spans AS s
            JOIN numbered AS f ON f.n = s.first_n
            LEFT JOIN numbered AS u ON u.n = s.last_n + 1
            ORDER BY s.career_id, s.field, s.first_n
        """


HISTORY_DESCRIPTION = (
    "How each {table} value changed over the published versions: one row per career, "
    "field and value, valid from valid_from_version until valid_to_version (exclusive; "
    "null while it still holds)."
)
HISTORY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("career_id", "the career"),
    ("field", "the column of the table"),
    ("value", "its value, as text (null when the version had none)"),
    ("valid_from_version", "the first version with this value"),
    ("valid_to_version", "the first version without it; null while the latest has it"),
)
VERSION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("version", "the run id"),
    ("created_at", "when the version was published"),
    ("previous", "the latest version when it was published"),
    ("is_latest", "whether `_LATEST` names it"),
    ("schema_version", "the contract version of its tables"),
    ("careers", "rows in careers"),
    ("changes", "what changed since the previous version"),
)


def _levels() -> dict[str, tuple[str, ...]]:
    return {c: lv for levels in CATEGORY_LEVELS.values() for c, lv in levels.items()}


def _table_description(table: str) -> str:
    schema = TABLES.get(table)
    meta = (schema.metadata or {}) if schema is not None else {}
    return meta.get(DESCRIPTION_KEY, b"").decode("utf-8") or f"The {table} table."


def _comments(
    name: str,
    description: str,
    columns: Iterable[pa.Field] | Iterable[tuple[str, str]],
    *,
    kind: str = "VIEW",
) -> Iterator[str]:
    yield f"COMMENT ON {kind} {quote(name)} IS {literal(description)}"
    for column in columns:
        if isinstance(column, pa.Field):
            meta: Mapping[bytes, bytes] = column.metadata or {}
            text = meta.get(DESCRIPTION_KEY, b"").decode("utf-8")
            column_name = column.name
        else:
            column_name, text = column
        if text:
            yield f"COMMENT ON COLUMN {quote(name)}.{quote(column_name)} IS {literal(text)}"


def _check_parts(layout: Layout, manifest: Manifest) -> None:
    """Each listed part opens as Parquet (its footer) and holds the rows the manifest says."""
    for name, entry in manifest.tables.items():
        rows = 0
        for file in entry.files:
            path = layout.root / file.path
            try:
                rows += pq.read_metadata(path).num_rows
            except (OSError, pa.ArrowException) as exc:
                raise CorruptVersion(f"{file.path}: {exc}") from exc
        if rows != entry.rows:
            raise CorruptVersion(f"{name} holds {rows} rows, its manifest says {entry.rows}")


def connect_memory(layout: Layout) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection holding the catalog's views (nothing written)."""
    catalog = Catalog.of(layout)
    con = duckdb.connect(":memory:")
    try:
        _create(con, catalog)
    except BaseException:
        con.close()
        raise
    return con


def _create(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    try:
        for statement in catalog.statements():
            con.execute(statement)
    except duckdb.Error as exc:
        raise CatalogError("cannot build the catalog: " + " ".join(str(exc).split())) from exc


def build_catalog(data_dir: Path) -> Path:
    """(Re)build the catalog of the versions in `data_dir`; return its path.

    Written under a temporary name and renamed over the old one while holding a
    lock, so concurrent builds end with the newest state and readers never see a
    half-built file. Raises VersionNotFound when nothing is published.
    """
    layout = Layout.for_reading(data_dir)
    if not layout.committed_ids():  # nothing published: say so before creating anything
        raise VersionNotFound(f"no published versions in {layout.root}")
    target = catalog_path(layout)
    lock = layout.root / "_locks" / "catalog.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(lock):
        catalog = Catalog.of(layout)
        for leftover in target.parent.glob(f".{target.name}.*.building*"):
            _remove(leftover)  # a build that crashed; we hold the lock, so none is running
        tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
        try:
            try:
                con = duckdb.connect(str(tmp))
                try:
                    _create(con, catalog)
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
            except duckdb.Error as exc:  # a full disk, an unwritable folder
                raise CatalogError(f"cannot write {tmp}: {' '.join(str(exc).split())}") from exc
            os.replace(tmp, target)
        finally:
            _remove(tmp)
        fsync_dir(target.parent)
    return target


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
