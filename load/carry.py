"""Carry forward: a network blip must not make careers vanish from the new version.

Careers whose page failed *transiently* this run keep their rows from the
previous version (with their older `fetched_at`, which tells an analyst how
old they are). Pages that are gone (404/410), no longer listed, or failed for
a lasting reason are not carried, so they drop out and the diff names them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pyarrow as pa
import pyarrow.compute as pc

from load.tables import align

CHILD_TABLES = ("career_skills", "career_duties")


def _rows_where(table: pa.Table, column: str, values: Collection[str]) -> pa.Table:
    mask = pc.is_in(table.column(column), value_set=pa.array(sorted(values), pa.string()))
    return table.filter(pc.fill_null(mask, False))


def carry_forward(
    new: Mapping[str, pa.Table],
    previous: Mapping[str, pa.Table],
    keep_urls: Collection[str],
) -> dict[str, pa.Table]:
    """`new` plus the previous version's careers (and their skills and duties) for `keep_urls`.

    Only careers absent from `new` are carried, so a page that did parse this run
    always wins. Carried rows take `new`'s schema (columns added since are null);
    their `version` is re-stamped by `publish`. Other tables pass through.
    """
    result = dict(new)
    old_careers, new_careers = previous.get("careers"), new.get("careers")
    if not keep_urls or old_careers is None or new_careers is None:
        return result
    present = set(new_careers.column("url").to_pylist())
    carried = _rows_where(old_careers, "url", set(keep_urls) - present)
    carried_ids = set(carried.column("career_id").to_pylist()) - set(
        new_careers.column("career_id").to_pylist()
    )
    if not carried_ids:
        return result
    carried = _rows_where(carried, "career_id", carried_ids)
    result["careers"] = pa.concat_tables([new_careers, align(carried, new_careers.schema)])
    for name in CHILD_TABLES:
        old_child, new_child = previous.get(name), new.get(name)
        if old_child is None or new_child is None:
            continue
        rows = _rows_where(old_child, "career_id", carried_ids)
        result[name] = pa.concat_tables([new_child, align(rows, new_child.schema)])
    return result
