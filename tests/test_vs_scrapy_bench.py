"""benchmarks/vs_scrapy.py runs end to end on a tiny site, both sides, so it cannot rot.

Speed is measured, not asserted: this checks that every workload ran on both
sides, that each side extracted one career per page, and that the table was
printed. Offline (everything on 127.0.0.1), writing only under tmp_path; it
uses the session's Prefect server as a scheduled run would use its server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


def test_vs_scrapy_runs_every_workload_on_both_sides(prefect_server, tmp_path: Path):
    from prefect.settings import PREFECT_API_URL

    work = tmp_path / "work"
    result = subprocess.run(
        [
            sys.executable, str(REPO / "benchmarks" / "vs_scrapy.py"),
            "--pages", "60", "--sizes", "", "--rounds", "1",
            "--only", "crawl,reparse,polite", "--hosts", "2", "--polite-delay", "0.05",
            "--workdir", str(work), "--prefect-api-url", str(PREFECT_API_URL.value()),
        ],
        cwd=tmp_path, capture_output=True, text=True, timeout=540, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "capacity" in output
    for label in (
        "r1 crawl 60: project", "r1 crawl 60: Scrapy peer",
        "r1 reparse 60: project flow", "r1 reparse 60: Scrapy peer (files)",
        "r1 reparse 60: project plain",
        "r1 polite 60/2 hosts: project", "r1 polite 60/2 hosts: Scrapy peer",
    ):  # fmt: skip
        lines = [line for line in output.splitlines() if line.strip().startswith(label)]
        assert len(lines) == 1, (label, output)
        assert "careers 60" in lines[0], lines[0]
    table = [line for line in output.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| work | this project | Scrapy peer | ratio |"), output
    works = [row.split(" | ")[0] for row in table[1:]]
    assert any(w.startswith("| reparse 60 stored pages") for w in works), works
    assert any(w.startswith("| crawl 60 local pages, politeness off, pages/s") for w in works)
    assert any(w.startswith("| polite crawl 60 pages, 2 hosts") for w in works), works
    assert any(w.startswith("| peak RSS of ingest") for w in works), works
