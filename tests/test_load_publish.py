"""Publish and read back: round trips through four readers, no-op runs, the pointer, errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from core.store.local import sha256_file
from load import latest, publish, read, read_arrow, read_manifest, verify, versions
from load.errors import (
    DataDirNotFound,
    InvalidRunId,
    PublishConflict,
    SchemaMismatch,
    UnknownTable,
    VersionNotFound,
)
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS, TABLES
from tests.load_helpers import career, dataset, duties, skills, table, tables

V1, V2, V3 = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb", "20261103T060000Z-cccccc"


def with_nulls() -> dict[str, pa.Table]:
    """Three careers, one with every optional field empty."""
    empty = {name: None for name in (
        "category", "summary", "salary_low", "salary_median", "salary_high", "salary_currency",
        "salary_period", "salary_annualized", "salary_is_floor", "salary_text", "growth_category",
        "growth_pct", "growth_text", "workers", "workers_text", "education_level",
        "education_text", "environment", "fetched_at", "content_sha256", "parser")}
    return tables(
        [career("nurse", growth_category="much faster than average"),
         career("welder", salary_period="hour", salary_annualized=True, workers=8_400),
         career("blank", **empty)],
        skills("nurse", ["Empathy", "Triage"], kind="people") + skills("welder", ["TIG"]),
        duties("nurse", ["Care for patients"]),
    )


def sql(query: str) -> duckdb.DuckDBPyRelation:
    relation = duckdb.sql(query)
    assert relation is not None
    return relation


def rows(arrow: pa.Table) -> list[dict[str, object]]:
    """Rows as plain Python values, categories as text, in a stable order."""
    fields = [pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type)
              else pa.field(f.name, pa.string()) if pa.types.is_large_string(f.type) else f
              for f in arrow.schema]
    records = arrow.cast(pa.schema(fields)).to_pylist()
    return sorted(records, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_four_readers_give_the_same_rows(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(with_nulls(), parquet_dir=parquet, run_id=V1)
    folder = parquet / "careers" / f"version={V1}"
    expected = rows(read_arrow("careers", data_dir=tmp_path))
    assert len(expected) == 3
    assert {r["version"] for r in expected} == {V1}

    from_pandas = rows(pa.Table.from_pandas(read("careers", data_dir=tmp_path),
                                            preserve_index=False))
    from_pandas_direct = rows(pa.Table.from_pandas(pd.read_parquet(folder), preserve_index=False))
    from_pyarrow = rows(pq.read_table(folder))
    from_duckdb = rows(sql(
        f"SELECT * FROM read_parquet('{parquet}/careers/*/*.parquet', hive_partitioning=true,"
        " union_by_name=true)").to_arrow_table().select(expected[0].keys()))
    from_polars = rows(pl.read_parquet(f"{folder}/*.parquet").to_arrow())
    for result in (from_pandas, from_pandas_direct, from_pyarrow, from_duckdb, from_polars):
        assert result == expected


def test_read_types_and_all_category_levels(tmp_path: Path) -> None:
    publish(with_nulls(), parquet_dir=tmp_path / "parquet", run_id=V1)
    frame = read("careers", data_dir=tmp_path / "parquet")  # the parquet folder works too
    assert list(frame["growth_category"].cat.categories) == list(GROWTH_LEVELS)
    assert frame["growth_category"].cat.ordered
    assert list(frame["education_level"].cat.categories) == list(EDUCATION_LEVELS)
    assert str(frame["workers"].dtype) == "Int64"
    assert str(frame["salary_annualized"].dtype) == "boolean"
    assert str(frame["fetched_at"].dtype) == "datetime64[us, UTC]"
    assert list(frame.columns) == TABLES["careers"].names


def test_manifest_describes_every_file(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    extra = {"pages": {"parsed": 3}, "settings": {"per_host_delay": 1.0}}
    result = publish(with_nulls(), parquet_dir=parquet, run_id=V1, manifest_extra=extra)
    manifest = read_manifest(V1, data_dir=tmp_path)
    assert manifest.row_counts == dict(result.row_counts) == {
        "careers": 3, "career_skills": 3, "career_duties": 1, "pages": 3, "rejects": 0}
    for name, entry in manifest.tables.items():
        (file,) = entry.files
        path = parquet / file.path
        assert file.path == f"{name}/version={V1}/part-0.parquet"
        assert (file.bytes, file.sha256) == (path.stat().st_size, sha256_file(path))
        assert entry.schema == TABLES[name]
        assert pq.read_schema(path).remove_metadata() == TABLES[name]
    assert manifest.parser_versions == ("sample/1",)
    assert manifest.run == extra
    assert manifest.previous is None
    assert manifest.fill_rates["careers"]["salary_median"] == pytest.approx(2 / 3, abs=1e-6)
    assert manifest.fill_rates["careers"]["title"] == 1.0
    assert manifest.diff["summary"] == "3 added, 0 removed, 0 changed (first version)"
    document = json.loads((parquet / "_manifests" / f"{V1}.json").read_text())
    assert document["schema_version"] == 1
    growth = next(c for c in document["tables"]["careers"]["schema"]
                  if c["name"] == "growth_category")
    assert growth["levels"] == list(GROWTH_LEVELS)
    assert verify(V1, data_dir=tmp_path) == manifest
    assert (parquet / "_LATEST").read_bytes() == V1.encode()


def test_a_refetch_that_changes_only_provenance_is_not_new_data(tmp_path: Path) -> None:
    """A new fetch time, body hash (an ad, a timestamp) or parser version alone: no version."""
    parquet = tmp_path / "parquet"
    publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=V1)
    refetched = dataset(
        ["a", "b"],
        {
            "a": {"fetched_at": datetime(2026, 12, 1, tzinfo=UTC), "content_sha256": "f" * 64},
            "b": {"parser": "sample/2"},
        },
    )
    second = publish(refetched, parquet_dir=parquet, run_id=V2)
    changed = publish(dataset(["a", "b"], {"a": {"title": "A, retitled"}}), parquet_dir=parquet,
                      run_id=V3)
    assert (second.published, changed.published) == (False, True)


def test_unchanged_data_publishes_nothing_unless_forced(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    first = publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=V1)
    # Same rows in another order, pages and rejects differ: still unchanged.
    again = dataset(["b", "a"])
    again["pages"] = table("pages", [])
    second = publish(again, parquet_dir=parquet, run_id=V2)
    forced = publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=V3, force=True)
    assert (first.published, second.published, forced.published) == (True, False, True)
    assert second.reason == f"unchanged: same data as {V1}"
    assert (second.previous, second.latest) == (V1, V1)
    assert forced.reason.startswith("forced")
    assert [v.run_id for v in versions(tmp_path)] == [V1, V3]
    assert not (parquet / "careers" / f"version={V2}").exists()
    assert latest(tmp_path) == V3


def test_a_changed_value_publishes(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=V1)
    result = publish(dataset(["a"], {"a": {"workers": 1}}), parquet_dir=parquet, run_id=V2)
    assert result.published
    assert result.diff_summary == f"0 added, 0 removed, 1 changed since {V1}"
    assert read("careers", data_dir=tmp_path)["workers"].tolist() == [1]
    assert read("careers", V1, data_dir=tmp_path)["workers"].tolist() == [175_000]


def test_latest_never_moves_back(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=V3)
    older = publish(dataset(["b"]), parquet_dir=parquet, run_id=V1)
    assert older.published
    assert older.latest == V3
    assert latest(tmp_path) == V3
    assert [(v.run_id, v.is_latest) for v in versions(tmp_path)] == [(V1, False), (V3, True)]
    assert read("careers", data_dir=tmp_path)["career_id"].tolist() == ["careers.example/a"]


def test_publishing_a_run_id_twice_is_refused(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=V1)
    before = sha256_file(parquet / "_manifests" / f"{V1}.json")
    with pytest.raises(PublishConflict, match=V1):
        publish(dataset(["b"]), parquet_dir=parquet, run_id=V1, force=True)
    assert sha256_file(parquet / "_manifests" / f"{V1}.json") == before
    verify(V1, data_dir=tmp_path)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"careers": pa.table({"career_id": ["x"], "bogus": [1]})},
         r"not in the schema: \['bogus'\]"),
        ({"careers": pa.table({"source": ["s"], "url": ["u"], "title": ["t"]})},
         "required column 'career_id' is missing"),
        ({"careers": table("careers", [career("a", title=None)])},
         "careers.title: 1 nulls in a required column"),
        ({"careers": table("careers", [career("a")]).set_column(
            TABLES["careers"].get_field_index("workers"), "workers", pa.array(["many"]))},
         "careers.workers: cannot cast string to int64"),
        ({"careers": pa.Table.from_pylist([career("a", growth_category="booming")])},
         r"careers.growth_category: values outside the ordered levels: \['booming'\]"),
        ({"salaries": pa.table({"x": [1]})}, r"tables not in the schema: \['salaries'\]"),
    ],
)
def test_tables_that_break_the_schema_write_nothing(
    tmp_path: Path, given: dict[str, pa.Table], message: str
) -> None:
    with pytest.raises(SchemaMismatch, match=message):
        publish(given, parquet_dir=tmp_path / "parquet", run_id=V1)
    assert not (tmp_path / "parquet" / "careers").exists()


def test_string_categories_are_encoded_and_missing_tables_published_empty(tmp_path: Path) -> None:
    plain = pa.Table.from_pylist([career("a", education_level="master's degree")])
    publish({"careers": plain}, parquet_dir=tmp_path / "parquet", run_id=V1)
    careers = read_arrow("careers", data_dir=tmp_path)
    assert careers.schema == TABLES["careers"]
    assert careers.column("growth_category").to_pylist() == ["faster than average"]
    assert read_manifest(data_dir=tmp_path).row_counts == {
        "careers": 1, "career_skills": 0, "career_duties": 0, "pages": 0, "rejects": 0}
    assert read("rejects", data_dir=tmp_path).empty


def test_close_types_are_cast_to_the_contract(tmp_path: Path) -> None:
    """What a pandas transform hands over: int64 positions, nanosecond times, large strings."""
    frame = pd.DataFrame([career("a")]).astype({"workers": "int32"})
    frame["fetched_at"] = pd.to_datetime(["2026-11-01 06:00:00.123456789"], utc=True)
    skill_rows = pa.Table.from_pandas(pd.DataFrame(skills("a", ["SQL"])), preserve_index=False)
    assert skill_rows.schema.field("item_position").type == pa.int64()
    index = skill_rows.schema.get_field_index("skill")
    skill_rows = skill_rows.set_column(index, "skill", skill_rows.column("skill").cast(
        pa.large_string()))
    given = {"careers": pa.Table.from_pandas(frame, preserve_index=False),
             "career_skills": skill_rows}
    publish(given, parquet_dir=tmp_path / "parquet", run_id=V1)
    careers = read_arrow("careers", data_dir=tmp_path)
    assert careers.schema == TABLES["careers"]
    assert str(careers.column("fetched_at")[0]) == "2026-11-01 06:00:00.123456+00:00"
    assert read_arrow("career_skills", data_dir=tmp_path).schema == TABLES["career_skills"]


def test_version_column_is_stamped_with_the_run_id(tmp_path: Path) -> None:
    given = dataset(["a"])
    given["careers"] = given["careers"].append_column("version", pa.array(["stale"]))
    publish(given, parquet_dir=tmp_path / "parquet", run_id=V1)
    for name in TABLES:
        assert set(read_arrow(name, data_dir=tmp_path).column("version").to_pylist()) <= {V1}


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda d: read("careers", data_dir=d / "nowhere"), DataDirNotFound, "no parquet folder"),
        (lambda d: read("careers", V2, data_dir=d), VersionNotFound, f"no version {V2}"),
        (lambda d: read("salaries", data_dir=d), UnknownTable, "has no table 'salaries'"),
        (lambda d: read("careers", "../etc", data_dir=d), InvalidRunId, "not a run id"),
        (lambda d: versions(d / "nowhere"), DataDirNotFound, "nowhere"),
    ],
)
def test_reader_errors_are_one_readable_line(tmp_path: Path, call, error, message) -> None:
    publish(dataset(["a"]), parquet_dir=tmp_path / "parquet", run_id=V1)
    with pytest.raises(error, match=message) as caught:
        call(tmp_path)
    assert "\n" not in str(caught.value)


def test_nothing_published_yet(tmp_path: Path) -> None:
    (tmp_path / "parquet").mkdir()
    assert latest(tmp_path) is None
    assert versions(tmp_path) == []
    assert versions(tmp_path / "parquet") == []
    with pytest.raises(VersionNotFound, match="nothing published yet"):
        read("careers", data_dir=tmp_path)


def test_raw_readers_see_no_staging_files(tmp_path: Path) -> None:
    """Files being written are hidden from pyarrow's discovery and from *.parquet globs."""
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=V1)
    staging = parquet / "careers" / f"version={V1}" / f".part-1.{V1}.tmp"
    staging.write_bytes(b"half a file")
    assert ds.dataset(parquet / "careers", partitioning="hive").to_table().num_rows == 1
    assert sql(f"SELECT count(*) FROM '{parquet}/careers/*/*.parquet'").fetchall() == [(1,)]
