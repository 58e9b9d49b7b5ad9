"""Table-level helpers: fit a table to its explicit schema, compare contents, fill rates."""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from load.errors import SchemaMismatch
from load.schema import CATEGORY_LEVELS, PROVENANCE_COLUMNS, RANK_COLUMNS

VERSION_COLUMN = "version"


def level_rank(levels: pa.Array | pa.ChunkedArray, field: pa.Field) -> pa.Array:
    """1-based positions of an ordered category's values in its levels (null stays null)."""
    if isinstance(levels, pa.ChunkedArray):
        levels = levels.combine_chunks()
    indices = levels.indices if isinstance(levels, pa.DictionaryArray) else levels
    return pc.add(indices.cast(pa.int16()), 1).cast(field.type)


def _encode_category(column: pa.ChunkedArray, field: pa.Field, levels: tuple[str, ...],
                     table: str) -> pa.Array:
    """Dictionary-encode against the full level list, so every file carries all levels."""
    values = column.cast(pa.string()) if not pa.types.is_string(column.type) else column
    indices = pc.index_in(values, value_set=pa.array(levels, pa.string()))
    unknown = pc.and_(pc.is_null(indices), pc.is_valid(values))
    if pc.any(unknown).as_py():
        bad = sorted(set(pc.filter(values, unknown).to_pylist()))[:3]
        raise SchemaMismatch(f"{table}.{field.name}: values outside the ordered levels: {bad}")
    index_type = field.type.index_type
    return pa.DictionaryArray.from_arrays(
        indices.combine_chunks().cast(index_type), pa.array(levels, pa.string()), ordered=True
    )


def conform(table: pa.Table | None, schema: pa.Schema, *, name: str, run_id: str) -> pa.Table:
    """`table` with exactly `schema`'s columns, types and order, stamped with `version`.

    A missing table is published empty. Columns the schema does not name are an
    error (the schema is the contract), as are nulls in non-nullable columns and
    values that do not cast. The `version` column is always set to `run_id`, and the
    rank columns (`RANK_COLUMNS`) to the positions of their level column's values.
    """
    if table is None:
        table = schema.empty_table()
    extra = sorted(set(table.column_names) - set(schema.names))
    if extra:
        raise SchemaMismatch(f"{name}: columns not in the schema: {extra}")
    rows = table.num_rows
    levels = CATEGORY_LEVELS.get(name, {})
    ranks = RANK_COLUMNS.get(name, {})
    arrays: list[pa.Array | pa.ChunkedArray] = []
    for field in schema:
        if field.name == VERSION_COLUMN:
            arrays.append(pa.array([run_id] * rows, field.type))
            continue
        if field.name in ranks:  # derived below, from the level column, like `version`
            arrays.append(pa.nulls(rows, field.type))
            continue
        if field.name not in table.column_names:
            if not field.nullable:
                raise SchemaMismatch(f"{name}: required column {field.name!r} is missing")
            arrays.append(pa.nulls(rows, field.type))
            continue
        column = table.column(field.name)
        if field.name in levels:
            arrays.append(_encode_category(column, field, levels[field.name], name))
            continue
        # Sub-microsecond digits (pandas' nanoseconds) are dropped, not an error.
        lossy_ok = pa.types.is_timestamp(field.type) and pa.types.is_timestamp(column.type)
        try:
            column = column.cast(field.type, safe=not lossy_ok)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise SchemaMismatch(
                f"{name}.{field.name}: cannot cast {column.type} to {field.type}: {exc}"
            ) from exc
        if not field.nullable and column.null_count:
            raise SchemaMismatch(
                f"{name}.{field.name}: {column.null_count} nulls in a required column"
            )
        arrays.append(column)
    for rank, level in ranks.items():
        if rank in schema.names and level in schema.names:
            index = schema.get_field_index(rank)
            arrays[index] = level_rank(arrays[schema.get_field_index(level)], schema.field(rank))
    return pa.Table.from_arrays(arrays, schema=schema)


def canonical(table: pa.Table) -> pa.Table:
    """The data of a table for comparisons: no provenance columns, categories as text,
    sorted rows."""
    table = table.drop_columns([c for c in PROVENANCE_COLUMNS if c in table.column_names])
    fields = [
        pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
        for f in table.schema
    ]
    table = table.cast(pa.schema(fields))
    if table.num_columns == 0 or table.num_rows == 0:
        return table
    return table.sort_by([(name, "ascending") for name in table.column_names])


def same_content(new: Mapping[str, pa.Table], old: Mapping[str, pa.Table],
                 tables: tuple[str, ...]) -> bool:
    """Whether the `tables` hold the same rows and columns in both (order and version aside)."""
    for name in tables:
        if name not in new or name not in old:
            return False
        left, right = canonical(new[name]), canonical(old[name])
        if left.schema.names != right.schema.names or not left.equals(right):
            return False
    return True


def fill_rates(table: pa.Table) -> dict[str, float | None]:
    """Share of non-null values per column (None for an empty table)."""
    rows = table.num_rows
    return {
        name: (None if rows == 0 else round(1 - table.column(name).null_count / rows, 6))
        for name in table.column_names
    }


def align(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` with `schema`'s columns: absent ones become nulls, extra ones are dropped."""
    arrays = [
        table.column(f.name).cast(f.type) if f.name in table.column_names
        else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)
