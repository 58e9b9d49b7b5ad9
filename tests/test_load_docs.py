"""The analysts' snippets in the README run as written and agree with each other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from load import publish
from load.schema import TABLES
from tests.load_helpers import dataset

DOC = Path(__file__).resolve().parents[1] / "README.md"
OLDER, NEWER = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
READERS, TOOLS = DOC.read_text().split("### Catalog, report, history, export", 1)
BLOCKS = re.findall(r"```python\n(.*?)```", READERS, flags=re.DOTALL)
TOOL_BLOCKS = re.findall(r"```python\n(.*?)```", TOOLS, flags=re.DOTALL)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    parquet = tmp_path / "data" / "parquet"
    publish(dataset(["a", "b", "c"]), parquet_dir=parquet, run_id=OLDER)
    publish(dataset(["a", "d"]), parquet_dir=parquet, run_id=NEWER)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_there_is_a_snippet_per_reader() -> None:
    joined = "\n".join(BLOCKS)
    assert len(BLOCKS) == 5
    for reader in ("from load import read", "pd.read_parquet", "pq.read_table", "duckdb.sql",
                   "pl.read_parquet"):
        assert reader in joined


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.split("\n")[1][:30])
def test_snippet_runs(repo: Path, block: str) -> None:
    names: dict[str, object] = {}
    exec(compile(block, str(DOC), "exec"), names)
    assert len(names["careers"]) == 2  # type: ignore[arg-type]
    assert len(names["older"]) == 3  # type: ignore[arg-type]
    if "every" in names:
        assert len(names["every"]) == 5  # type: ignore[arg-type]


def test_the_data_dictionary_names_every_column() -> None:
    text = DOC.read_text()
    for table, schema in TABLES.items():
        section = text.split(f"`{table}`: ", 1)[1].split("|---|---|---|\n", 1)[1]
        rows = section.split("\n\n", 1)[0].splitlines()
        documented = [row.split(" | ", 1)[0].removeprefix("| ") for row in rows]
        assert documented == [*schema.names], table


def test_the_data_dictionary_says_what_the_files_say() -> None:
    """Each column's meaning in the README is the description its Parquet field carries."""
    text = DOC.read_text()
    for table, schema in TABLES.items():
        section = text.split(f"`{table}`: ", 1)[1].split("|---|---|---|\n", 1)[1]
        rows = section.split("\n\n", 1)[0].splitlines()
        documented = {
            cells[0]: cells[2]
            for row in rows
            if (cells := row.removeprefix("| ").removesuffix(" |").split(" | "))
        }
        carried = {f.name: f.metadata[b"description"].decode() for f in schema}
        assert documented == carried, table


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two versions of the bundled sample site (the back-end developer's pay rises in the
    second) and the files a publish writes for analysts."""
    from load.outputs import refresh_outputs
    from tests.analyst_data import V1, V2, sample_versions

    root = tmp_path_factory.mktemp("analysed")
    data = sample_versions(root / "data")
    refresh_outputs(data, V1)
    refresh_outputs(data, V2)
    return root


def test_there_is_a_snippet_per_tool() -> None:
    joined = "\n".join(TOOL_BLOCKS)
    assert len(TOOL_BLOCKS) == 3
    for tool in ("duckdb.connect(\"data/careers.duckdb\"", "history(\"careers\"", "export_jsonld("):
        assert tool in joined


@pytest.mark.parametrize("block", TOOL_BLOCKS, ids=lambda b: b.split("\n")[-2][:30])
def test_tool_snippet_runs(analysed: Path, block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from load.schema import EDUCATION_LEVELS
    from tests.analyst_data import V1, V2

    monkeypatch.chdir(analysed)
    names: dict[str, Any] = {}
    exec(compile(block, str(DOC), "exec"), names)
    if "by_education" in names:
        levels = [v for v in names["by_education"]["education_level"] if isinstance(v, str)]
        assert len(levels) >= 5
        assert levels == sorted(levels, key=EDUCATION_LEVELS.index)
    if "pay_history" in names:
        rows = names["pay_history"]
        assert rows["valid_from_version"].tolist() == [V1, V2]
        pay = rows["salary_median"] if "salary_median" in rows else rows["value"].astype(float)
        assert pay.tolist() == [115000.0, 121000.0]
    if "occupations" in names:
        assert len(names["occupations"]) == 104
        assert {o["@type"] for o in names["occupations"]} == {"Occupation"}


def test_the_readme_shows_the_report_screenshot() -> None:
    shot = re.search(r"!\[[^]]*\]\((docs/[^)]+\.png)\)", TOOLS)
    assert shot
    image = DOC.parent / shot.group(1)
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


S3_BLOCKS = re.findall(r"```python s3\n(.*?)```", DOC.read_text(), flags=re.DOTALL)
S3_EXAMPLE = "s3://my-bucket/careers"


def test_there_is_an_s3_snippet_per_reader() -> None:
    joined = "\n".join(S3_BLOCKS)
    assert len(S3_BLOCKS) == 5
    for reader in ("from load import read", "pd.read_parquet", "pq.read_table",
                   "register_filesystem", "pl.scan_parquet"):
        assert reader in joined


@pytest.mark.parametrize("block", S3_BLOCKS, ids=lambda b: b.split("\n")[0][:30])
def test_s3_snippet_runs(s3_url: str, block: str) -> None:
    """The s3:// snippets, with the example bucket replaced by one on moto_server."""
    publish(dataset(["a", "b", "c"]), parquet_dir=f"{s3_url}/parquet", run_id=OLDER)
    publish(dataset(["a", "d"]), parquet_dir=f"{s3_url}/parquet", run_id=NEWER)
    names: dict[str, object] = {}
    exec(compile(block.replace(S3_EXAMPLE, s3_url), str(DOC), "exec"), names)
    assert len(names["careers"]) == 2  # type: ignore[arg-type]
    assert len(names["older"]) == 3  # type: ignore[arg-type]
    if "every" in names:
        assert len(names["every"]) == 5  # type: ignore[arg-type]
