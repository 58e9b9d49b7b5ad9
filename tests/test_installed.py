"""The project as a new user gets it: `pip install .` into a fresh venv, then the
`careers-etl` command, from a folder that is not the repository.

No network: the venv sees the project venv's packages (its dependencies) through a .pth
line, and the project is built with the pinned setuptools already there
(`--no-deps --no-build-isolation --no-index`). The copy of the sources and the venv are
under pytest's temp dir.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pandas as pd
import pytest

from tests.prefect_server import artifacts_of, flow_runs_named, logs_of, wait_until

ROOT = Path(__file__).resolve().parents[1]
NOT_SHIPPED = {".venv", ".git", "data", "tests", "benchmarks", "docs", ".prefect", "build"}

pytestmark = pytest.mark.slow


def _ignore(folder: str, names: list[str]) -> set[str]:
    junk = {n for n in names if n in {"__pycache__", ".mypy_cache", ".ruff_cache"}
            or n.endswith(".egg-info")}
    return junk | (NOT_SHIPPED & set(names) if Path(folder) == ROOT else set())


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with `pip install <copy of the repository>` done: its bin/ folder."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=_ignore)
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    # The dependencies (and pip, setuptools) of the project venv, after the venv's own.
    Path(site.stdout.strip(), "project-deps.pth").write_text(sysconfig.get_paths()["purelib"])
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation",
         "--no-index", "--disable-pip-version-check", str(source)],
        capture_output=True, text=True, timeout=600, cwd=base,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return env_dir / "bin"


def command(bin_dir: Path, *args: str, cwd: Path, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "careers-etl"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_the_packages_and_their_data_come_from_the_install(installed: Path, tmp_path: Path):
    python = installed / "python"
    probe = ("import flows, core, extract, transform, load, sample_site, importlib.resources as r;"
             "print(flows.__file__);"
             "print(r.files('transform').joinpath('data/skill_aliases.csv').is_file());"
             "print(r.files('sample_site').joinpath('careers.json').is_file())")
    found = subprocess.run([str(python), "-c", probe], cwd=tmp_path, capture_output=True,
                           text=True, check=True)
    where, aliases, careers = found.stdout.split()
    assert Path(where).is_relative_to(installed.parent)  # not the repository's flows/
    assert (aliases, careers) == ("True", "True")


def test_help_lists_every_command(installed: Path, tmp_path: Path):
    result = command(installed, "--help", cwd=tmp_path)
    assert result.returncode == 0
    for name in ("ingest", "reparse", "serve", "versions", "show", "diff", "gc", "report",
                 "export", "catalog"):
        assert re.search(rf"^  {name} ", result.stdout, re.MULTILINE), name


def test_a_mistyped_command_or_option_says_what_was_meant(installed: Path, tmp_path: Path):
    typo = command(installed, "ingst", cwd=tmp_path)
    assert typo.returncode == 2
    assert "unknown command 'ingst' (did you mean 'ingest'?)" in typo.stderr
    assert "commands: ingest, reparse, serve, versions" in typo.stderr
    option = command(installed, "ingest", "--qiet", cwd=tmp_path)
    assert option.returncode == 2
    assert "--qiet (did you mean '--quiet'?)" in option.stderr
    for result in (typo, option):
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--start-url", "example.org/careers"], {},
         "did you mean 'https://example.org/careers'?"),
        ([], {"CAREERS_ETL_CRAWL__PER_HOST_DELY": "2"}, "did you mean 'per_host_delay'?"),
    ],
)
def test_bad_input_is_one_friendly_line(installed: Path, tmp_path: Path, args, env, message):
    import os

    result = command(installed, "ingest", *args, cwd=tmp_path, env={**os.environ, **env})
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_single_start_url_in_the_environment_works(installed: Path, tmp_path: Path):
    import json
    import os

    env = {**os.environ, "CAREERS_ETL_SOURCE__START_URLS": "https://example.org/sitemap.xml"}
    result = command(installed, "ingest", "--print-config", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"]["start_urls"] == ["https://example.org/sitemap.xml"]


def test_ingest_then_versions_through_the_installed_command(
    installed: Path, tmp_path: Path, prefect_api
):
    """The main job from an empty folder, on a real Prefect server: it publishes, the
    read hint works as printed, `versions` lists it, and the Prefect UI has the flow run,
    named after the version, with the project's log lines and the artifacts."""
    api, env = prefect_api
    result = command(installed, "ingest", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    version = re.search(r"Published version (\S+)", result.stdout)
    assert version, result.stdout
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    assert latest == version.group(1)
    assert len(pd.read_parquet(tmp_path / "data" / "parquet" / "careers" / f"version={latest}")
               ) == 106

    hint = re.search(r"read it: +(.+)", result.stdout)
    assert hint, result.stdout
    assert hint.group(1).startswith(str(installed / "python"))  # this venv's, not `python`
    shown = subprocess.run(hint.group(1), shell=True, cwd=tmp_path, capture_output=True,
                           text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "[106 rows x" in shown.stdout

    listed = command(installed, "versions", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    assert f"{latest} *" in listed.stdout

    (run,) = wait_until(lambda: flow_runs_named(api, latest), timeout=60,
                        what="the flow run named after the version")
    assert run.state.is_completed()
    expected = {f"ingest run {latest} started", "discover started", "crawl started (107 pages)",
                "normalize started (113 pages)", "publish done"}

    def project_lines() -> set[str]:
        found = {log.message for log in logs_of(api, run.id) if log.name == "careers_etl"}
        return found if expected <= found else set()

    lines = wait_until(project_lines, timeout=60, what="the project's log lines in the API")
    assert any(line.startswith("serving the bundled sample career site") for line in lines)
    artifacts = artifacts_of(api, run.id)
    assert {"careers-etl-counts", "careers-etl-diff", "careers-etl-fill-rates",
            "careers-etl-report"} <= artifacts.keys()


def test_python_dash_m_entry_points_keep_working(installed: Path, tmp_path: Path):
    python = installed / "python"
    for module in ("flows.ingest", "flows.reparse", "load"):
        result = subprocess.run([str(python), "-m", module, "--help"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (module, result.stderr)
    typo = subprocess.run([str(python), "-m", "load", "verions"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert typo.returncode == 2
    assert "unknown command 'verions' (did you mean 'versions'?)" in typo.stderr
