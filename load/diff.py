"""What changed between two versions, career by career."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from load.layout import Layout
from load.read import read_arrow_from
from load.schema import PROVENANCE_COLUMNS, RANK_COLUMNS
from load.versions import load_manifest

# Provenance, not content: a re-fetch or a parser rename alone is not a change. Ranks
# follow their level column, whose change is reported already.
NOT_COMPARED = frozenset({"career_id", *PROVENANCE_COLUMNS, *RANK_COLUMNS["careers"]})
GONE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True, slots=True)
class CareerRef:
    """A career added or removed; `reason` says why a removed one went, when known."""

    career_id: str
    title: str | None
    url: str | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class CareerChange:
    """A career in both versions whose values, skills or duties differ."""

    career_id: str
    title: str | None
    fields: tuple[FieldChange, ...] = ()
    skills_added: tuple[str, ...] = ()
    skills_removed: tuple[str, ...] = ()
    duties_added: tuple[str, ...] = ()
    duties_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VersionDiff:
    old: str | None
    new: str
    added: tuple[CareerRef, ...]
    removed: tuple[CareerRef, ...]
    changed: tuple[CareerChange, ...]

    @property
    def summary(self) -> str:
        counts = (
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        )
        return f"{counts} (first version)" if self.old is None else f"{counts} since {self.old}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (timestamps as ISO strings), as stored in the manifest."""
        return {
            "old": self.old,
            "new": self.new,
            "summary": self.summary,
            "added": [_ref_dict(r) for r in self.added],
            "removed": [_ref_dict(r) for r in self.removed],
            "changed": [
                {
                    "career_id": c.career_id,
                    "title": c.title,
                    "fields": [
                        {"field": f.field, "old": _jsonable(f.old), "new": _jsonable(f.new)}
                        for f in c.fields
                    ],
                    "skills_added": list(c.skills_added),
                    "skills_removed": list(c.skills_removed),
                    "duties_added": list(c.duties_added),
                    "duties_removed": list(c.duties_removed),
                }
                for c in self.changed
            ],
        }


def _ref_dict(ref: CareerRef) -> dict[str, Any]:
    return {"career_id": ref.career_id, "title": ref.title, "url": ref.url, "reason": ref.reason}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _rows_by_id(table: pa.Table | None) -> dict[str, dict[str, Any]]:
    if table is None:
        return {}
    return {row["career_id"]: row for row in _text_categories(table).to_pylist()}


def _text_categories(table: pa.Table) -> pa.Table:
    fields = [
        pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields))


def _grouped(table: pa.Table | None, value: str) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    if table is None or value not in table.column_names:
        return groups
    for career_id, item in zip(
        table.column("career_id").to_pylist(), table.column(value).to_pylist(), strict=True
    ):
        groups.setdefault(career_id, set()).add(item)
    return groups


def _removal_reasons(pages: pa.Table | None) -> dict[str, str] | None:
    """url -> why the page gave no row this run, from the run's crawl log (None: no log)."""
    if pages is None:
        return None
    reasons = {}
    for row in pages.select(["url", "status", "outcome", "error"]).to_pylist():
        if row["status"] in GONE_STATUSES:
            reasons[row["url"]] = f"gone (HTTP {row['status']})"
        else:
            detail = f": {row['error']}" if row["error"] else ""
            reasons[row["url"]] = f"{row['outcome']}{detail}"
    return reasons


def _reason(reasons: dict[str, str] | None, url: str | None) -> str | None:
    if reasons is None:
        return None
    return reasons.get(url or "", "no longer listed")


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    names = [n for n in dict.fromkeys([*old, *new]) if n not in NOT_COMPARED]
    return tuple(
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name)
    )


def diff_tables(
    old: Mapping[str, pa.Table] | None,
    new: Mapping[str, pa.Table],
    *,
    old_id: str | None,
    new_id: str,
) -> VersionDiff:
    """The diff of two sets of tables (careers, career_skills, career_duties, pages)."""
    old = old or {}
    before, after = _rows_by_id(old.get("careers")), _rows_by_id(new.get("careers"))
    reasons = _removal_reasons(new.get("pages"))
    old_skills, new_skills = _grouped(old.get("career_skills"), "skill"), _grouped(
        new.get("career_skills"), "skill"
    )
    old_duties, new_duties = _grouped(old.get("career_duties"), "duty"), _grouped(
        new.get("career_duties"), "duty"
    )
    added = tuple(
        CareerRef(cid, after[cid].get("title"), after[cid].get("url"))
        for cid in sorted(after.keys() - before.keys())
    )
    removed = tuple(
        CareerRef(
            cid,
            before[cid].get("title"),
            before[cid].get("url"),
            _reason(reasons, before[cid].get("url")),
        )
        for cid in sorted(before.keys() - after.keys())
    )
    changed = []
    for cid in sorted(before.keys() & after.keys()):
        skills_old, skills_new = old_skills.get(cid, set()), new_skills.get(cid, set())
        duties_old, duties_new = old_duties.get(cid, set()), new_duties.get(cid, set())
        change = CareerChange(
            career_id=cid,
            title=after[cid].get("title"),
            fields=_field_changes(before[cid], after[cid]),
            skills_added=tuple(sorted(skills_new - skills_old)),
            skills_removed=tuple(sorted(skills_old - skills_new)),
            duties_added=tuple(sorted(duties_new - duties_old)),
            duties_removed=tuple(sorted(duties_old - duties_new)),
        )
        if (change.fields or change.skills_added or change.skills_removed
                or change.duties_added or change.duties_removed):
            changed.append(change)
    return VersionDiff(old_id, new_id, added, removed, tuple(changed))


DIFF_TABLES = ("careers", "career_skills", "career_duties", "pages")


def diff(old: str, new: str, *, data_dir: Path) -> VersionDiff:
    """The changes from version `old` to version `new` (run ids or "latest")."""
    layout = Layout.for_reading(data_dir)
    old_manifest, new_manifest = load_manifest(layout, old), load_manifest(layout, new)
    tables = [
        {name: read_arrow_from(layout, name, m) for name in DIFF_TABLES if name in m.tables}
        for m in (old_manifest, new_manifest)
    ]
    return diff_tables(
        tables[0], tables[1], old_id=old_manifest.run_id, new_id=new_manifest.run_id
    )
