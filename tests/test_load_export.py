"""The schema.org export, read back by our own JSON-LD reader to the same values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract.parse import parse_page
from load import read
from load.export import PER_YEAR, export_jsonld, published_amount
from tests.analyst_data import parsed, real_version, sample_versions
from transform.build import build_tables
from transform.money import PER_YEAR as TRANSFORM_PER_YEAR

ROOT = Path(__file__).resolve().parents[1]
# What an Occupation carries and our reader gives back; not representable in schema.org:
# growth, workers, environment, pay floors, and a skill item's kind (technical / people).
ROUND_TRIP = [
    "career_id", "url", "title", "category", "summary", "salary_low", "salary_median",
    "salary_high", "salary_currency", "salary_period", "salary_annualized", "education_level",
    "education_text", "soc_code", "soc_system",
]


@pytest.fixture(scope="module", params=["sample", "real"])
def data(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param) / "data"
    return sample_versions(folder) if request.param == "sample" else real_version(folder)


def as_page(node: dict[str, object]) -> str:
    script = json.dumps({"@context": "https://schema.org", **node})
    return f'<html><head><script type="application/ld+json">{script}</script></head></html>'


def test_the_export_reads_back_to_the_same_values(data: Path) -> None:
    _, result = export_jsonld(data)
    assert result.path is not None
    document = json.loads(result.path.read_text())
    nodes = document["@graph"]
    published = read("careers", data_dir=data).sort_values("career_id").reset_index(drop=True)
    assert len(nodes) == len(published) > 0
    assert all(n["@type"] == "Occupation" for n in nodes)

    pages = [(n["sameAs"], as_page(n)) for n in nodes]
    raw = [parse_page(html, url) for url, html in pages]
    assert {r.parser for r in raw} == {"jsonld/1"}
    back = build_tables(parsed(pages), run_id=result.version, default_currency="XXX")
    pd.testing.assert_frame_equal(back.careers[ROUND_TRIP], published[ROUND_TRIP],
                                  check_dtype=False)

    skills = read("career_skills", data_dir=data)
    items = (skills.assign(order=skills["kind"].map({"technical": 0, "people": 1}))
             .sort_values(["career_id", "order", "item_position"])
             .drop_duplicates(["career_id", "item_text"])
             .groupby("career_id")["item_text"].agg(list).to_dict())
    assert {r.url: list(r.technical_skills) for r in raw} == {
        n["sameAs"]: items.get(n["identifier"]["value"], []) for n in nodes
    }
    duties = read("career_duties", data_dir=data).sort_values(["career_id", "position"])
    steps = duties.groupby("career_id")["duty"].agg(list).to_dict()
    assert {r.url: list(r.duties) for r in raw} == {
        n["sameAs"]: steps.get(n["identifier"]["value"], []) for n in nodes
    }


def test_pay_is_exported_in_the_period_the_page_states(data: Path) -> None:
    text, _ = export_jsonld(data, output=Path("-"))
    nodes = {n["identifier"]["value"]: n for n in json.loads(text)["@graph"]}
    careers = read("careers", data_dir=data)
    hourly = careers[careers["salary_annualized"].fillna(False).astype(bool)]
    for row in hourly.itertuples():
        salary = nodes[row.career_id]["estimatedSalary"]
        assert salary["duration"] == "PT1H"
        assert salary["median"] * 2080 == row.salary_median
    yearly = careers[careers["salary_period"] == "year"]
    assert len(yearly) > 0
    for row in yearly.itertuples():
        assert nodes[row.career_id]["estimatedSalary"]["duration"] == "P1Y"


def test_annualizing_factors_are_transforms() -> None:
    assert PER_YEAR == TRANSFORM_PER_YEAR
    assert published_amount(58240.0, "hour", True) == 28.0
    assert published_amount(60.47 * 2080, "hour", True) == 60.47
    assert published_amount(125770.0, "year", False) == 125770.0


def test_export_command(tmp_path: Path) -> None:
    data = sample_versions(tmp_path / "data")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "load", "export", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    done = run("--format", "jsonld", "--data-dir", str(data), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert Path(summary["path"]) == data / "exports" / f"{summary['version']}.jsonld"
    assert summary["occupations"] == len(read("careers", data_dir=data))
    to_stdout = run("20261101T060000Z-aaaaaa", "-o", "-", "--data-dir", str(data))
    assert to_stdout.returncode == 0
    assert len(json.loads(to_stdout.stdout)["@graph"]) == summary["occupations"] + 2
    missing = run("20260101T060000Z-cccccc", "--data-dir", str(data))
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: no version 20260101T060000Z-cccccc in ")
    bad = run("--format", "csv", "--data-dir", str(data))
    assert bad.returncode == 2
    empty = tmp_path / "empty"
    (empty / "parquet").mkdir(parents=True)
    refused = run("--data-dir", str(empty))
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: nothing published yet in {empty / 'parquet'}"
    assert [p.name for p in empty.rglob("*")] == ["parquet"]
