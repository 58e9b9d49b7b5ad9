"""The analysts' snippets in the README run as written and agree with each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from load import publish
from load.schema import TABLES
from tests.load_helpers import dataset

DOC = Path(__file__).resolve().parents[1] / "README.md"
OLDER, NEWER = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(), flags=re.DOTALL)


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
