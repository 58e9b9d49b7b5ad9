"""An added column: old versions stay readable, all-version reads union by name."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds

from load import publish, read, read_arrow
from load.schema import CAREERS, GROWTH_LEVELS, TABLES
from tests.load_helpers import dataset

OLD, NEW = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
WIDER = CAREERS.insert(CAREERS.get_field_index("version"), pa.field("salary_source", pa.string()))


def two_schemas(tmp_path: Path) -> Path:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=OLD)
    wider = dataset(["a", "b"])
    wider["careers"] = wider["careers"].append_column("salary_source", pa.array(["page", None]))
    result = publish(wider, parquet_dir=parquet, run_id=NEW, schemas={**TABLES, "careers": WIDER})
    assert result.published
    return parquet


EXPECTED = [("careers.example/a", None, OLD), ("careers.example/a", "page", NEW),
            ("careers.example/b", None, NEW)]


def triples(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    frame = frame[["career_id", "salary_source", "version"]].astype(object)
    frame = frame.where(frame.notna(), None)
    return sorted(map(tuple, frame.to_numpy().tolist()), key=lambda row: (row[0], row[2]))


def test_old_version_reads_as_it_was(tmp_path: Path) -> None:
    two_schemas(tmp_path)
    assert "salary_source" not in read("careers", OLD, data_dir=tmp_path).columns
    assert read_arrow("careers", OLD, data_dir=tmp_path).schema == CAREERS
    assert read_arrow("careers", NEW, data_dir=tmp_path).schema == WIDER


def test_all_versions_with_our_reader(tmp_path: Path) -> None:
    two_schemas(tmp_path)
    frame = read("careers", "all", data_dir=tmp_path)
    assert triples(frame) == EXPECTED
    assert frame["growth_category"].cat.categories.tolist() == list(GROWTH_LEVELS)


def test_all_versions_with_duckdb_pyarrow_and_polars(tmp_path: Path) -> None:
    parquet = two_schemas(tmp_path)
    glob = f"{parquet}/careers/*/*.parquet"
    relation = duckdb.sql(
        f"SELECT * FROM read_parquet('{glob}', hive_partitioning=true, union_by_name=true)"
    )
    assert relation is not None
    from_duckdb = relation.df()
    files = sorted((parquet / "careers").glob("*/*.parquet"))
    schema = pa.unify_schemas([pa.parquet.read_schema(f) for f in files])
    from_pyarrow = ds.dataset(files, schema=schema).to_table().to_pandas()
    from_polars = pl.concat([pl.read_parquet(f) for f in files], how="diagonal_relaxed")
    for frame in (from_duckdb, from_pyarrow, from_polars.to_pandas()):
        assert triples(frame) == EXPECTED
