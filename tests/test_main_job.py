"""The README's first command, as a user runs it: `python -m flows.ingest` with no arguments."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_main_job_crawls_the_bundled_site_and_publishes(tmp_path: Path):
    data_dir = tmp_path / "data"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "flows.ingest", "--data-dir", str(data_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "Traceback" not in result.stderr
    version = re.search(r"Published version (\S+)", out)
    assert version, out
    assert re.search(r"pages: +.*parsed 106", out), out
    assert re.search(r"rows: +careers 106", out), out
    assert str(data_dir / "parquet") in out
    hint = re.search(r"read it: +(.+)", out)
    assert hint, out
    shown = subprocess.run(hint.group(1), shell=True, cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    assert shown.returncode == 0, shown.stderr  # the hint works as printed
    assert "[106 rows x" in shown.stdout

    latest = (data_dir / "parquet" / "_LATEST").read_text()
    assert latest == version.group(1)
    careers = pd.read_parquet(data_dir / "parquet" / "careers" / f"version={latest}")
    assert len(careers) == 106
    # The analysts' files, written after the publish; the summary names the report.
    report = re.search(r"report: +(\S+)", out)
    assert report, out
    assert Path(report.group(1)) == data_dir / "reports" / f"{latest}.html"
    assert "Median pay by education level" in Path(report.group(1)).read_text()
    assert (data_dir / "parquet" / "datapackage.json").is_file()
    with duckdb.connect(str(data_dir / "careers.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM careers").fetchone() == (106,)
    assert (data_dir / "raw" / "_fetchlog").is_dir()
