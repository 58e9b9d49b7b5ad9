"""Every Parquet column carries its description; each version has a Data Package descriptor."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from load.outputs import describe_version, prune, refresh_outputs
from load.read import read_manifest
from load.schema import CATEGORY_LEVELS, DESCRIPTION_KEY, LEVELS_KEY, TABLES
from tests.analyst_data import V1, V2, real_version, sample_versions


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = sample_versions(tmp_path_factory.mktemp("sample") / "data")
    refresh_outputs(data, V1)
    refresh_outputs(data, V2)
    return data


def test_each_parquet_column_carries_its_description(sample: Path) -> None:
    for table, schema in TABLES.items():
        path = next((sample / "parquet" / table).glob(f"version={V2}/*.parquet"))
        stored = pq.read_schema(path)
        for field in schema:
            meta = stored.field(field.name).metadata
            assert meta[DESCRIPTION_KEY] == field.metadata[DESCRIPTION_KEY], (table, field.name)
        for column, levels in CATEGORY_LEVELS.get(table, {}).items():
            assert json.loads(stored.field(column).metadata[LEVELS_KEY]) == list(levels)
        assert stored.metadata[DESCRIPTION_KEY] == schema.metadata[DESCRIPTION_KEY]


def test_the_descriptor_describes_the_version(sample: Path) -> None:
    root = sample / "parquet"
    descriptor = json.loads((root / f"{V1}.datapackage.json").read_text())
    latest = json.loads((root / "datapackage.json").read_text())
    assert latest == json.loads((root / f"{V2}.datapackage.json").read_text())
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["version"] == V1
    manifest = read_manifest(V1, data_dir=sample)
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(manifest.tables)
    for name, resource in resources.items():
        assert resource["rows"] == manifest.tables[name].rows
        file = root / resource["path"]  # relative to the descriptor, as the standard says
        assert file.is_file()
        assert not resource["path"].startswith(("/", ".."))
        assert resource["bytes"] == file.stat().st_size
        assert resource["hash"] == "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()
        assert resource["format"] == "parquet"
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == TABLES[name].names
        for f in fields:
            field = TABLES[name].field(f["name"])
            assert f["description"] == field.metadata[DESCRIPTION_KEY].decode()
            assert f.get("constraints", {}).get("required", False) == (not field.nullable)
    education = next(f for f in resources["careers"]["schema"]["fields"]
                     if f["name"] == "education_level")
    assert education["categories"] == list(CATEGORY_LEVELS["careers"]["education_level"])
    assert education["categoriesOrdered"] is True
    kinds = {f["name"]: f["type"] for f in resources["careers"]["schema"]["fields"]}
    assert kinds["salary_median"] == "number"
    assert kinds["workers"] == "integer"
    assert kinds["fetched_at"] == "datetime"
    assert kinds["salary_is_floor"] == "boolean"
    assert resources["career_skills"]["schema"]["foreignKeys"][0]["reference"] == {
        "resource": "careers", "fields": ["career_id"]}
    assert descriptor["sources"] == [{"title": "127.0.0.1", "path": "https://127.0.0.1/"}]
    assert "licenses" not in descriptor
    assert "127.0.0.1" in descriptor["description"]


def test_real_sources_name_their_licences(tmp_path: Path) -> None:
    data = real_version(tmp_path / "data")
    descriptor = json.loads(describe_version(data).read_text())
    assert [s["path"] for s in descriptor["sources"]] == [
        "https://bls.gov/", "https://nationalcareers.service.gov.uk/"]
    assert [lic["name"] for lic in descriptor["licenses"]] == [
        "public-domain-us-government", "OGL-UK-3.0"]


def test_files_of_removed_versions_are_pruned(tmp_path: Path) -> None:
    data = sample_versions(tmp_path / "data")
    outputs = refresh_outputs(data, V2)
    assert outputs.problems == ()
    describe_version(data, V1)
    (data / "parquet" / "_manifests" / f"{V1}.json").unlink()  # as retention does first
    removed = prune(data)
    assert sorted(p.name for p in removed) == [f"{V1}.datapackage.json"]
    assert (data / "parquet" / "datapackage.json").is_file()
