"""pandas frames shaped exactly like the Arrow contract (load/schema.py).

One mapping from Arrow types to pandas dtypes, so every frame transform hands out
has the same columns, order and dtypes whatever the input, and converts to the
contract's Arrow schema without inference.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

from load.schema import CAREERS, RANK_COLUMNS
from load.schema import CATEGORY_LEVELS as _TABLE_LEVELS
from transform.errors import TransformError

CATEGORY_LEVELS = _TABLE_LEVELS["careers"]
assert all(pa.types.is_dictionary(CAREERS.field(name).type) for name in CATEGORY_LEVELS)


def pandas_dtype(field: pa.Field) -> Any:
    """The pandas dtype that holds `field` without loss (nullable where Arrow is)."""
    t = field.type
    if pa.types.is_dictionary(t):
        return pd.CategoricalDtype(list(CATEGORY_LEVELS[field.name]), ordered=True)
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "str"
    if pa.types.is_float64(t):
        return "float64"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_int64(t):
        return "Int64"
    if pa.types.is_int32(t):
        return "Int32"
    if pa.types.is_int8(t):
        return "Int8"
    if pa.types.is_timestamp(t):
        return pd.DatetimeTZDtype(unit=t.unit, tz=t.tz or "UTC")
    raise TransformError(f"no pandas dtype for column {field.name} of type {t}")


def conform(frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    """`frame` with exactly the schema's columns, in order, in their pandas dtypes.

    Missing columns are an error (a bug in transform), not silently filled; the rank
    columns are derived here from their level column (1 = lowest level), always.
    """
    for rank, level in RANK_COLUMNS["careers"].items():
        if rank in schema.names and level in frame.columns:
            codes = frame[level].astype(pandas_dtype(schema.field(level))).cat.codes
            frame = frame.assign(**{rank: (codes + 1).where(codes >= 0).astype("Int8")})
    missing = [name for name in schema.names if name not in frame.columns]
    if missing:
        raise TransformError(f"frame lacks contract columns {missing}")
    columns = {field.name: frame[field.name].astype(pandas_dtype(field)) for field in schema}
    return pd.DataFrame(columns).reset_index(drop=True)


def empty(schema: pa.Schema) -> pd.DataFrame:
    """A zero-row frame of the schema."""
    return pd.DataFrame({field.name: pd.Series([], dtype=pandas_dtype(field)) for field in schema})


def to_arrow_table(
    frame: pd.DataFrame, schema: pa.Schema, *, pandas_metadata: bool = False
) -> pa.Table:
    """Convert with the contract schema exactly (no inference).

    Ordered categories become dictionary arrays whose dictionary is the full level list.
    With `pandas_metadata`, the schema also carries pandas' own metadata, so that
    `pd.read_parquet` restores nullable Int64/boolean columns instead of float/object;
    without it, the schema is the contract's byte for byte.
    """
    frame = conform(frame, schema)
    try:
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        raise TransformError(f"cannot convert to the Arrow contract: {exc}") from exc
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise TransformError(f"column {field.name} holds nulls but the contract forbids them")
    return table if pandas_metadata else table.replace_schema_metadata(schema.metadata)
