"""The manifest: what a version is made of. Its existence is the version's commit point."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

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
        }
        return json.dumps(document, indent=2, sort_keys=False, default=str) + "\n"

    @classmethod
    def from_json(cls, text: str, *, source: str = "manifest") -> Manifest:
        try:
            doc = json.loads(text)
            if doc.get("format") != FORMAT:
                raise ValueError(f"unknown format {doc.get('format')!r}")
            tables = {
                name: TableEntry(
                    rows=int(t["rows"]),
                    files=tuple(
                        FileEntry(f["path"], int(f["bytes"]), f["sha256"]) for f in t["files"]
                    ),
                    schema=pa.ipc.read_schema(pa.py_buffer(base64.b64decode(t["arrow_schema"]))),
                    levels={
                        c["name"]: tuple(c["levels"]) for c in t["schema"] if "levels" in c
                    },
                )
                for name, t in doc["tables"].items()
            }
            return cls(
                run_id=doc["run_id"],
                created_at=datetime.fromisoformat(doc["created_at"]),
                schema_version=int(doc["schema_version"]),
                previous=doc["previous"],
                tables=tables,
                parser_versions=tuple(doc["parser_versions"]),
                fill_rates=doc["fill_rates"],
                diff=doc["diff"],
                run=doc["run"],
            )
        except (ValueError, KeyError, TypeError, pa.ArrowInvalid) as exc:
            raise CorruptVersion(f"unreadable {source}: {exc}") from exc
