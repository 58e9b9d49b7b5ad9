"""What changed between two versions, career by career."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

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


def _text_categories(table: pa.Table) -> pa.Table:
    fields = [
        pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields))


def _rows_of(table: pa.Table | None, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The rows of `ids` as dicts (categories as text): only rows the diff reports."""
    wanted = sorted(set(ids))
    if table is None or not wanted:
        return {}
    rows = table.filter(pc.is_in(table.column("career_id"), pa.array(wanted, pa.string())))
    return {row["career_id"]: row for row in _text_categories(rows).to_pylist()}


def _ids(table: pa.Table | None) -> set[str]:
    return set() if table is None else set(table.column("career_id").to_pylist())


def _changed_ids(old: pa.Table, new: pa.Table, common: set[str]) -> set[str]:
    """Careers in both whose compared columns differ: one vectorized pass per column."""
    if not common:
        return set()
    keys = pa.array(sorted(common), pa.string())

    def aligned(table: pa.Table) -> pa.Table:
        rows = table.filter(pc.is_in(table.column("career_id"), keys))
        return _text_categories(rows).sort_by("career_id")

    a, b = aligned(old), aligned(new)
    columns = [c for c in dict.fromkeys([*a.column_names, *b.column_names])
               if c not in NOT_COMPARED]
    differs = pa.array([False] * len(keys))
    for name in columns:
        if name not in a.column_names or name not in b.column_names:
            column = a.column(name) if name in a.column_names else b.column(name)
            differs = pc.or_(differs, pc.is_valid(column))  # a value on one side only
            continue
        x, y = a.column(name), b.column(name)
        same = pc.fill_null(pc.equal(x, y), False)
        both_null = pc.and_(pc.is_null(x), pc.is_null(y))
        differs = pc.or_(differs, pc.invert(pc.or_(same, both_null)))
    return set(pc.filter(a.column("career_id"), differs).to_pylist())


def _item_changes(
    old: pa.Table | None, new: pa.Table | None, value: str, among: set[str]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """career_id -> (items added, items removed), for careers of `among` whose set of
    `value` items differs (a full outer join of the two sets of pairs)."""
    keys = pa.array(sorted(among), pa.string())

    def pairs(table: pa.Table | None, side: str) -> pa.Table:
        if table is None or value not in table.column_names:
            return pa.table({"career_id": pa.array([], pa.string()),
                             "item": pa.array([], pa.string()), side: pa.array([], pa.bool_())})
        rows = table.filter(pc.is_in(table.column("career_id"), keys))
        rows = pa.table({"career_id": rows.column("career_id"),
                         "item": rows.column(value).cast(pa.string())})
        unique = rows.group_by(["career_id", "item"]).aggregate([])
        return unique.append_column(side, pa.array([True] * unique.num_rows, pa.bool_()))

    both = pairs(old, "was").join(pairs(new, "is"), keys=["career_id", "item"],
                                  join_type="full outer")
    one_side = both.filter(pc.invert(pc.and_(pc.is_valid(both.column("was")),
                                             pc.is_valid(both.column("is")))))
    found: dict[str, tuple[list[str], list[str]]] = {}
    for row in one_side.to_pylist():
        added, removed = found.setdefault(row["career_id"], ([], []))
        (added if row["is"] else removed).append(row["item"])
    return {cid: (tuple(sorted(a)), tuple(sorted(r))) for cid, (a, r) in found.items()}


def _removal_reasons(pages: pa.Table | None, urls: Iterable[str]) -> dict[str, str] | None:
    """url -> why the page gave no row this run, from the run's crawl log (None: no log)."""
    if pages is None:
        return None
    wanted = pa.array(sorted({u for u in urls if u}), pa.string())
    rows = pages.filter(pc.is_in(pages.column("url"), wanted))
    reasons = {}
    for row in rows.select(["url", "status", "outcome", "error"]).to_pylist():
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
    """The diff of two sets of tables (careers, career_skills, career_duties, pages).

    Vectorized: which careers came, went or changed is found column by column over
    whole tables; only the rows it reports become Python objects.
    """
    old = old or {}
    old_careers, new_careers = old.get("careers"), new.get("careers")
    before_ids, after_ids = _ids(old_careers), _ids(new_careers)
    common = before_ids & after_ids
    fields_changed = (
        _changed_ids(old_careers, new_careers, common)
        if old_careers is not None and new_careers is not None else set()
    )
    skills = _item_changes(old.get("career_skills"), new.get("career_skills"), "skill", common)
    duties = _item_changes(old.get("career_duties"), new.get("career_duties"), "duty", common)
    changed_ids = fields_changed | set(skills) | set(duties)
    before = _rows_of(old_careers, (before_ids - after_ids) | changed_ids)
    after = _rows_of(new_careers, (after_ids - before_ids) | changed_ids)
    removed_ids = sorted(before_ids - after_ids)
    reasons = _removal_reasons(new.get("pages"), [str(before[c].get("url")) for c in removed_ids])
    added = tuple(
        CareerRef(cid, after[cid].get("title"), after[cid].get("url"))
        for cid in sorted(after_ids - before_ids)
    )
    removed = tuple(
        CareerRef(cid, before[cid].get("title"), before[cid].get("url"),
                  _reason(reasons, before[cid].get("url")))
        for cid in removed_ids
    )
    changed = []
    for cid in sorted(changed_ids):
        skills_added, skills_removed = skills.get(cid, ((), ()))
        duties_added, duties_removed = duties.get(cid, ((), ()))
        change = CareerChange(
            career_id=cid,
            title=after[cid].get("title"),
            fields=_field_changes(before[cid], after[cid]),
            skills_added=skills_added,
            skills_removed=skills_removed,
            duties_added=duties_added,
            duties_removed=duties_removed,
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
