"""The DuckDB catalog and the history, on versions made from the sample site and real pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

from load import history, read
from load.catalog import build_catalog
from load.schema import CAREERS, DESCRIPTION_KEY, EDUCATION_LEVELS, GROWTH_LEVELS
from tests.analyst_data import EXAMPLE, GONE, SAMPLE_BASE, V1, V2, real_versions, sample_versions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ID = f"127.0.0.1/{EXAMPLE}"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = sample_versions(tmp_path_factory.mktemp("sample") / "data")
    build_catalog(data)
    return data


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = real_versions(tmp_path_factory.mktemp("real") / "data")
    build_catalog(data)
    return data


def connect(data: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(data / "careers.duckdb"), read_only=True)


@pytest.mark.parametrize("which", ["sample", "real"])
def test_views_hold_what_the_versions_hold(which: str, request: pytest.FixtureRequest) -> None:
    data = request.getfixturevalue(which)
    with connect(data) as con:
        for table in ("careers", "career_skills", "career_duties", "pages", "rejects"):
            latest = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            every = con.execute(f"SELECT count(*) FROM {table}_all").fetchone()
            assert latest == (len(read(table, data_dir=data)),), table
            assert every == (len(read(table, "all", data_dir=data)),), table
        ids = con.execute("SELECT career_id FROM careers ORDER BY career_id").df()["career_id"]
    expected = read("careers", data_dir=data).sort_values("career_id")["career_id"]
    assert ids.tolist() == expected.tolist()


@pytest.mark.parametrize("which", ["sample", "real"])
def test_order_by_a_level_is_level_order(which: str, request: pytest.FixtureRequest) -> None:
    data = request.getfixturevalue(which)
    with connect(data) as con:
        kinds = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                             "WHERE table_name = 'careers'").fetchall())
        levels = [r[0] for r in con.execute(
            "SELECT education_level FROM careers WHERE education_level IS NOT NULL "
            "ORDER BY education_level, career_id").fetchall()]
        growth = [r[0] for r in con.execute(
            "SELECT growth_category FROM careers WHERE growth_category IS NOT NULL "
            "ORDER BY growth_category DESC").fetchall()]
        ranks = con.execute("SELECT education_level, education_rank, growth_category, growth_rank "
                        "FROM careers_all").fetchall()
    assert kinds["education_level"].startswith("ENUM(")
    assert len(set(levels)) >= 3
    assert levels == sorted(levels, key=EDUCATION_LEVELS.index)
    assert growth == sorted(growth, key=GROWTH_LEVELS.index, reverse=True)
    assert levels != sorted(levels)  # alphabetical order would differ: the test can tell
    for level, rank, category, growth_rank in ranks:
        assert rank == (None if level is None else EDUCATION_LEVELS.index(level) + 1)
        assert growth_rank == (None if category is None else GROWTH_LEVELS.index(category) + 1)


def test_every_view_and_column_says_what_it_holds(sample: Path) -> None:
    with connect(sample) as con:
        comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() "
                                "WHERE table_name = 'careers'").fetchall())
        views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() "
                             "WHERE NOT internal").fetchall())
    assert comments == {f.name: f.metadata[DESCRIPTION_KEY].decode() for f in CAREERS}
    assert set(views) >= {"careers", "careers_all", "career_skills", "career_skills_all",
                          "career_duties", "pages", "rejects_all", "careers_history"}
    assert all(views.values())


def test_history_is_one_query_for_a_pay_change(sample: Path) -> None:
    query = ("SELECT value::DOUBLE AS pay, valid_from_version, valid_to_version "
             "FROM careers_history WHERE career_id = ? AND field = 'salary_median' "
             "ORDER BY valid_from_version")
    with connect(sample) as con:
        rows = con.execute(query, [EXAMPLE_ID]).fetchall()
        gone = con.execute("SELECT valid_from_version, valid_to_version FROM careers_history "
                           "WHERE career_id = ? AND field = 'title'",
                           [f"127.0.0.1/{GONE[0]}"]).fetchall()
        kept = con.execute("SELECT valid_from_version, valid_to_version FROM careers_history "
                           "WHERE career_id = ? AND field = 'title'", [EXAMPLE_ID]).fetchall()
    assert rows == [(115000.0, V1, V2), (121000.0, V2, None)]
    assert gone == [(V1, V2)]  # removed in V2: valid until V2, exclusive
    assert kept == [(V1, None)]


def test_how_did_the_median_pay_of_actuaries_change(real: Path) -> None:
    with connect(real) as con:
        rows = con.execute(
            "SELECT h.value::DOUBLE, h.valid_from_version, h.valid_to_version "
            "FROM careers_history AS h JOIN careers AS c USING (career_id) "
            "WHERE c.title = 'Actuaries' AND h.field = 'salary_median' "
            "ORDER BY h.valid_from_version").fetchall()
        codes = con.execute("SELECT soc_code, soc_system FROM careers "
                            "WHERE title = 'Actuaries'").fetchall()
    assert rows == [(125770.0, V1, V2), (131000.0, V2, None)]
    assert codes == [("15-2011", "US SOC 2018")]
    changes = history("careers", data_dir=real)
    unchanged = changes[(changes["field"] == "title")]
    assert unchanged["valid_to_version"].isna().all()
    assert len(unchanged) == len(read("careers", data_dir=real))


def test_load_history_gives_the_rows_of_the_view(sample: Path) -> None:
    result = history("careers", data_dir=sample)
    with connect(sample) as con:
        expected = con.execute("SELECT * FROM careers_history").df()
    pd.testing.assert_frame_equal(result, expected)
    pay = result[(result["career_id"] == EXAMPLE_ID) & (result["field"] == "salary_median")]
    assert pay["value"].tolist() == ["115000.0", "121000.0"]
    skills = history("career_skills", data_dir=sample)
    assert set(skills["field"]) == {"kind", "item_position", "item_text", "skill", "skill_type"}


def test_history_of_an_unknown_table_is_a_user_error(sample: Path) -> None:
    from load.errors import UnknownTable

    with pytest.raises(UnknownTable, match="pages"):
        history("pages", data_dir=sample)


def test_a_rebuild_replaces_the_catalog_whole_while_a_reader_has_it_open(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    from tests.analyst_data import publish_pages, sample_pages

    pages = sample_pages()
    publish_pages(data / "parquet", V1, pages[:10])
    path = build_catalog(data)
    reader = duckdb.connect(str(path), read_only=True)
    publish_pages(data / "parquet", V2, pages[:12])
    (data / ".careers.duckdb.999999.building").write_bytes(b"a build that crashed")
    assert build_catalog(data) == path
    try:
        assert reader.execute("SELECT count(*) FROM careers").fetchone() == (10,)  # its old file
    finally:
        reader.close()
    with connect(data) as con:
        assert con.execute("SELECT count(*) FROM careers").fetchone() == (12,)
        assert con.execute("SELECT version FROM versions WHERE is_latest").fetchone() == (V2,)
    assert sorted(p.name for p in data.iterdir()) == ["careers.duckdb", "parquet"]


def test_polars_keeps_the_level_order_with_enum(sample: Path, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    monkeypatch.chdir(sample.parent)
    latest = (sample / "parquet" / "_LATEST").read_text()
    levels = {"education_level": pl.Enum(EDUCATION_LEVELS),
              "growth_category": pl.Enum(GROWTH_LEVELS)}
    careers = pl.read_parquet(f"data/parquet/careers/version={latest}/*.parquet").cast(levels)
    ordered = careers.drop_nulls("education_level").sort("education_level")
    shown = ordered["education_level"].cast(pl.String).to_list()
    assert shown == sorted(shown, key=EDUCATION_LEVELS.index)
    assert shown != sorted(shown)
    by_rank = careers.drop_nulls("education_rank").sort("education_rank")
    assert by_rank["education_level"].cast(pl.String).to_list() == shown


def test_catalog_command_rebuilds_and_refuses_an_empty_data_dir(sample: Path, tmp_path: Path
                                                                ) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "load", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    done = run("catalog", "--data-dir", str(sample), "--json")
    assert done.returncode == 0, done.stderr
    assert str(sample / "careers.duckdb") in done.stdout
    empty = tmp_path / "empty"
    (empty / "parquet").mkdir(parents=True)
    refused = run("catalog", "--data-dir", str(empty))
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: no published versions in {empty / 'parquet'}"
    assert sorted(p.name for p in empty.rglob("*")) == ["parquet"]


def test_sample_urls_are_what_the_fixture_says(sample: Path) -> None:
    careers = read("careers", data_dir=sample)
    assert careers["url"].str.startswith(SAMPLE_BASE).all()
    assert len(read("careers", V1, data_dir=sample)) == len(careers) + len(GONE)


def test_gc_keeps_the_catalog_to_the_versions_left(tmp_path: Path) -> None:
    from load.outputs import refresh_outputs

    data = sample_versions(tmp_path / "data")
    refresh_outputs(data, V1)
    refresh_outputs(data, V2)
    done = subprocess.run(
        [sys.executable, "-m", "load", "gc", "--keep-last", "1", "--data-dir", str(data)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    with connect(data) as con:
        assert con.execute("SELECT DISTINCT version FROM careers_all").fetchall() == [(V2,)]
    assert sorted(p.name for p in (data / "reports").iterdir()) == [f"{V2}.html"]
    assert not (data / "parquet" / f"{V1}.datapackage.json").exists()


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_a_damaged_version_is_left_out_with_one_warning(tmp_path: Path, damage: str) -> None:
    data = sample_versions(tmp_path / "data")
    part = next((data / "parquet" / "career_skills").glob(f"version={V1}/*.parquet"))
    if damage == "missing":
        part.unlink()
    else:
        part.write_bytes(part.read_bytes()[:100])
    done = subprocess.run([sys.executable, "-m", "load", "catalog", "--data-dir", str(data)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"warning: catalog: version {V1} left out: career_skills/")
    with connect(data) as con:
        assert con.execute("SELECT DISTINCT version FROM careers_all").fetchall() == [(V2,)]
        assert con.execute("SELECT count(*) FROM careers").fetchone() == (
            len(read("careers", data_dir=data)),)
