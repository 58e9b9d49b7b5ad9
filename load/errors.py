"""Errors of the load stage.

    CareersEtlError
    └── LoadError
        ├── InvalidRunId       (also a UserError) not of the form 20261128T060000Z-ab12cd
        ├── DataDirNotFound    (also a UserError) no parquet folder where we looked
        ├── VersionNotFound    (also a UserError) no manifest for that version
        ├── UnknownTable       (also a UserError) the version has no such table
        ├── SchemaMismatch     a table does not fit its Arrow schema: nothing is written
        ├── PublishConflict    that run id is already published
        ├── RemovalRefused     the version would drop too many careers: nothing is written
        ├── RunInProgress      another ingest or reparse holds the data dir
        ├── CorruptVersion     a committed file is missing or its bytes changed
        └── CatalogError       DuckDB could not build the catalog (data/careers.duckdb)

Messages are one readable line; the CLI prints them as they are.
"""

from __future__ import annotations

from core.errors import CareersEtlError, UserError


class LoadError(CareersEtlError):
    """Base of every error the load stage raises on purpose."""


class InvalidRunId(LoadError, UserError):
    """A run id that does not match the run id format (also keeps paths safe)."""


class DataDirNotFound(LoadError, UserError):
    """The data folder (or its parquet folder) does not exist."""


class VersionNotFound(LoadError, UserError):
    """No published version by that id: it has no manifest, so it does not exist."""


class UnknownTable(LoadError, UserError):
    """The version does not hold a table by that name."""


class SchemaMismatch(LoadError):
    """A table handed to `publish` does not conform to its explicit Arrow schema."""


class PublishConflict(LoadError):
    """A version with this run id was already committed; versions are immutable."""


class RemovalRefused(LoadError):
    """Publishing would remove more of the latest version's careers than allowed."""


class RunInProgress(LoadError):
    """Another run (ingest or reparse) is using the data dir; one at a time."""


class CorruptVersion(LoadError):
    """A committed version's file is missing or differs from its manifest."""


class CatalogError(LoadError):
    """DuckDB refused to build the catalog; the published versions are untouched."""
