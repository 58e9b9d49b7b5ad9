"""The manifest: what a version is made of. Its existence is the version's commit point.

Reading one trusts nothing: the document is checked field by field against its
expected shape (a list, a number where a path belongs, a path that leaves the
version's folder, bytes that are not UTF-8), and every failure is one
`CorruptVersion` line naming the file, never an `AttributeError` in a reader.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from load.errors import CorruptVersion

FORMAT = "careers-etl-manifest/1"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One data file, by its path relative to the parquet folder."""

    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True, slots=True)
class TableEntry:
    """One table of a version: row count, files and exact Arrow schema."""

    rows: int
    files: tuple[FileEntry, ...]
    schema: pa.Schema
    levels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def schema_json(self) -> list[dict[str, Any]]:
        """The schema in a form a person can read in the JSON."""
        return [
            {"name": f.name, "type": str(f.type), "nullable": f.nullable}
            | ({"levels": list(self.levels[f.name])} if f.name in self.levels else {})
            for f in self.schema
        ]


@dataclass(frozen=True, slots=True)
class Manifest:
    """Everything a reader needs to trust a version, and what made it."""

    run_id: str
    created_at: datetime
    schema_version: int
    previous: str | None
    tables: Mapping[str, TableEntry]
    parser_versions: tuple[str, ...]
    fill_rates: Mapping[str, Mapping[str, float | None]]
    diff: Mapping[str, Any]
    run: Mapping[str, Any]
    # What the version's careers were crawled from: one entry per site (name, start_urls,
    # profile_pattern, hosts), including sites kept from earlier versions.
    sources: tuple[Mapping[str, Any], ...] = ()

    @property
    def row_counts(self) -> dict[str, int]:
        return {name: entry.rows for name, entry in self.tables.items()}

    def to_json(self) -> str:
        document = {
            "format": FORMAT,
            "run_id": self.run_id,
            "created_at": self.created_at.isoformat(),
            "schema_version": self.schema_version,
            "previous": self.previous,
            "row_counts": self.row_counts,
            "tables": {
                name: {
                    "rows": entry.rows,
                    "files": [
                        {"path": f.path, "bytes": f.bytes, "sha256": f.sha256}
                        for f in entry.files
                    ],
                    "schema": entry.schema_json(),
                    "arrow_schema": base64.b64encode(
                        entry.schema.serialize().to_pybytes()
                    ).decode("ascii"),
                }
                for name, entry in self.tables.items()
            },
            "parser_versions": list(self.parser_versions),
            "fill_rates": self.fill_rates,
            "diff": self.diff,
            "run": self.run,
            "sources": list(self.sources),
        }
        return json.dumps(document, indent=2, sort_keys=False, default=str) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str = "manifest") -> Manifest:
        """Parse a manifest; anything but a well-formed one is `CorruptVersion`."""
        try:
            doc = _Document.model_validate_json(text)
            tables = {name: t.entry(name, doc.run_id) for name, t in doc.tables.items()}
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "document"
            raise CorruptVersion(f"unreadable {source}: {where}: {first['msg']}") from None
        except (ValueError, pa.ArrowInvalid) as exc:
            raise CorruptVersion(f"unreadable {source}: {exc}") from None
        return cls(
            run_id=doc.run_id,
            created_at=doc.created_at,
            schema_version=doc.schema_version,
            previous=doc.previous,
            tables=tables,
            parser_versions=tuple(doc.parser_versions),
            fill_rates=doc.fill_rates,
            diff=doc.diff,
            run=doc.run,
            sources=tuple(doc.sources),
        )


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _FileDoc(_Doc):
    path: str
    bytes: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class _ColumnDoc(_Doc):
    name: str
    levels: list[str] | None = None


class _TableDoc(_Doc):
    rows: int = Field(ge=0)
    files: list[_FileDoc]
    columns: list[_ColumnDoc] = Field(alias="schema")
    arrow_schema: str

    def entry(self, name: str, run_id: str) -> TableEntry:
        folder = f"{name}/version={run_id}/"
        for file in self.files:
            inside = file.path.startswith(folder) and "/" not in file.path[len(folder) :]
            if not inside or ".." in file.path:
                raise ValueError(f"table {name}: file {file.path!r} is outside {folder}")
        try:
            raw = base64.b64decode(self.arrow_schema, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"table {name}: arrow_schema is not base64: {exc}") from None
        return TableEntry(
            rows=self.rows,
            files=tuple(FileEntry(f.path, f.bytes, f.sha256) for f in self.files),
            schema=pa.ipc.read_schema(pa.py_buffer(raw)),
            levels={c.name: tuple(c.levels) for c in self.columns if c.levels is not None},
        )


class _Document(_Doc):
    format: Literal["careers-etl-manifest/1"]
    run_id: str = Field(pattern=r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")
    created_at: datetime
    schema_version: int
    previous: str | None
    tables: dict[str, _TableDoc]
    parser_versions: list[str]
    fill_rates: dict[str, dict[str, float | None]]
    diff: dict[str, Any]
    run: dict[str, Any]
    sources: list[dict[str, Any]] = []
