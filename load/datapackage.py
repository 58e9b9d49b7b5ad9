"""A Frictionless Data Package (v2) descriptor per version: what its tables hold.

Why Frictionless: it is the open standard for describing tabular data files
(fields with types, descriptions, ordered categories, keys; resources with
paths, sizes and hashes; licences and sources), it names Parquet as a resource
format, and tools read it (frictionless-py validates it; CKAN, Zenodo and the R
and Python `frictionless` packages load it). DCAT or schema.org `Dataset` describe
a catalogue entry, not column types; a Parquet file's own footer describes only
itself.

    data/parquet/<run_id>.datapackage.json   one per published version
    data/parquet/datapackage.json            the latest version's (what a tool finds)

Both sit at the parquet folder's root, so each resource's `path` is relative to
the descriptor, as the standard requires. They are derived from the manifest and
rewritten at will (`write_datapackage`); the manifest stays the commit point.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from core.store.local import write_synced
from load.layout import Layout
from load.manifest import Manifest
from load.schema import DESCRIPTION_KEY, TABLES

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LATEST_NAME = "datapackage.json"
SUFFIX = ".datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"

# Licences of the sources we know, by host; other sources are listed without one
# (their terms are the site's own).
PUBLIC_DOMAIN_US = {
    "name": "public-domain-us-government",
    "title": "Public domain: a work of the US government (17 U.S.C. § 105)",
    "path": "https://www.usa.gov/government-copyright",
}
OGL_UK = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
KNOWN_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "bls.gov": ("US Bureau of Labor Statistics, Occupational Outlook Handbook",
                    PUBLIC_DOMAIN_US),
    "nationalcareers.service.gov.uk": ("UK National Careers Service", OGL_UK),
}

PRIMARY_KEYS: dict[str, list[str]] = {
    "careers": ["career_id"],
    "career_skills": ["career_id", "kind", "item_position", "skill"],
    "career_duties": ["career_id", "position"],
    "pages": ["url"],
}
CHILDREN = ("career_skills", "career_duties")


def descriptor_path(layout: Layout, run_id: str) -> Path:
    return layout.root / f"{run_id}{SUFFIX}"


def latest_descriptor_path(layout: Layout) -> Path:
    return layout.root / LATEST_NAME


def field_type(arrow: pa.DataType) -> str:
    """The Table Schema type of an Arrow type."""
    if pa.types.is_dictionary(arrow) or pa.types.is_string(arrow) \
            or pa.types.is_large_string(arrow):
        return "string"
    if pa.types.is_floating(arrow):
        return "number"
    if pa.types.is_integer(arrow):
        return "integer"
    if pa.types.is_boolean(arrow):
        return "boolean"
    if pa.types.is_timestamp(arrow):
        return "datetime"
    if pa.types.is_date(arrow):
        return "date"
    return "any"


def _field(field: pa.Field, levels: tuple[str, ...] | None) -> dict[str, Any]:
    meta: Mapping[bytes, bytes] = field.metadata or {}
    doc: dict[str, Any] = {"name": field.name, "type": field_type(field.type)}
    description = meta.get(DESCRIPTION_KEY, b"").decode("utf-8")
    if description:
        doc["description"] = description
    constraints: dict[str, Any] = {}
    if not field.nullable:
        constraints["required"] = True
    if levels is not None:
        doc["categories"] = list(levels)
        doc["categoriesOrdered"] = True
        constraints["enum"] = list(levels)
    if constraints:
        doc["constraints"] = constraints
    return doc


def _schema(name: str, schema: pa.Schema, levels: Mapping[str, tuple[str, ...]],
            tables: set[str]) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "fields": [_field(f, levels.get(f.name)) for f in schema],
    }
    key = PRIMARY_KEYS.get(name)
    if key and all(k in schema.names for k in key):
        doc["primaryKey"] = key
    if name in CHILDREN and "careers" in tables:
        doc["foreignKeys"] = [
            {"fields": ["career_id"], "reference": {"resource": "careers", "fields": ["career_id"]}}
        ]
    return doc


def _known(host: str) -> tuple[str, dict[str, str]] | None:
    return KNOWN_SOURCES.get(host) or KNOWN_SOURCES.get(host.removeprefix("www."))


def _sources(hosts: list[str]) -> list[dict[str, str]]:
    sources = []
    for host in hosts:
        title = (_known(host) or (host, {}))[0]
        sources.append({"title": title, "path": f"https://{host}/"})
    return sources


def _licenses(hosts: list[str]) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for host in hosts:
        licence = (_known(host) or ("", {}))[1]
        if licence and licence not in found:
            found.append(licence)
    return found


def source_hosts(careers: pa.Table | None) -> list[str]:
    """The distinct `source` hosts of a careers table, sorted."""
    if careers is None or "source" not in careers.column_names:
        return []
    return sorted({h for h in careers.column("source").to_pylist() if h})


def datapackage(manifest: Manifest, hosts: list[str]) -> dict[str, Any]:
    """The Data Package descriptor of one version (paths relative to the parquet folder)."""
    names = set(manifest.tables)
    resources = []
    for name, entry in manifest.tables.items():
        files = entry.files
        contract = TABLES.get(name)
        meta = (contract.metadata or {}) if contract is not None else {}
        description = meta.get(DESCRIPTION_KEY, b"").decode("utf-8")
        resource: dict[str, Any] = {
            "name": name,
            "type": "table",
            "path": [f.path for f in files] if len(files) != 1 else files[0].path,
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "bytes": sum(f.bytes for f in files),
            "rows": entry.rows,
            "schema": _schema(name, entry.schema, entry.levels, names),
        }
        if len(files) == 1:
            resource["hash"] = f"sha256:{files[0].sha256}"
        if description:
            resource["description"] = description
        resources.append(resource)
    unknown = [h for h in hosts if _known(h) is None]
    terms = (
        " Sources not named under licenses publish under their own terms: "
        + ", ".join(unknown) + "."
        if unknown else ""
    )
    doc: dict[str, Any] = {
        "$schema": PROFILE,
        "name": "careers-etl",
        "id": f"careers-etl/{manifest.run_id}",
        "title": f"Career profiles, version {manifest.run_id}",
        "description": (
            "Occupation profiles crawled from career sites and normalized into typed tables "
            f"(contract v{manifest.schema_version}). One immutable version of the dataset; "
            "`rows` gives each table's row count." + terms
        ),
        "version": manifest.run_id,
        "created": manifest.created_at.isoformat(),
        "sources": _sources(hosts),
        "resources": resources,
    }
    licenses = _licenses(hosts)
    if licenses:
        doc["licenses"] = licenses
    return doc


def write_datapackage(layout: Layout, manifest: Manifest, hosts: list[str], *,
                      latest: bool) -> Path:
    """Write the version's descriptor (and, when `latest`, `datapackage.json`) atomically."""
    text = (json.dumps(datapackage(manifest, hosts), indent=2, ensure_ascii=False) + "\n")
    targets = [descriptor_path(layout, manifest.run_id)]
    if latest:
        targets.append(latest_descriptor_path(layout))
    for target in targets:
        tmp = target.with_name(f".{target.name}.{os.getpid()}.writing")
        write_synced(tmp, text.encode("utf-8"))
        os.replace(tmp, target)
    return targets[0]


def stale_descriptors(layout: Layout) -> list[Path]:
    """Descriptors of versions that no longer exist (removed by retention)."""
    committed = set(layout.committed_ids())
    return [
        p for p in layout.root.glob(f"*{SUFFIX}")
        if p.name.removesuffix(SUFFIX) not in committed and p.name != LATEST_NAME
    ]
