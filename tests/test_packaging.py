"""The project as an installed package: one environment, the command, its usage errors.

The fresh `pip install .` is tests/test_installed.py; here: the project venv (run.py's),
the locks it is built from, and the command's dispatch and did-you-mean.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import distribution
from pathlib import Path

import pytest

from core.usage import UsageParser
from flows.main import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text()
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE))


def test_the_project_is_installed_in_the_environment_running_the_tests():
    dist = distribution("careers-etl")
    (script,) = [e for e in dist.entry_points if e.group == "console_scripts"]
    assert (script.name, script.value) == ("careers-etl", "flows.main:main")
    import flows

    assert Path(flows.__file__).is_relative_to(ROOT)  # editable: edits need no reinstall
    assert "pythonpath" not in PYPROJECT["tool"]["pytest"]["ini_options"]


def test_no_code_edits_sys_path():
    for path in [*ROOT.glob("benchmarks/*.py"), *ROOT.glob("tests/**/*.py"),
                 *ROOT.glob("flows/*.py"), ROOT / "run.py"]:
        if path != Path(__file__):
            assert "sys.path.insert" not in path.read_text(), path
            assert '"PYTHONPATH"' not in path.read_text(), path


@pytest.mark.parametrize(
    "name", ["normalize", "parse", "pipeline", "real_accuracy", "reparse_dask", "shards"]
)
def test_benchmarks_import_the_installed_packages(name: str):
    result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_runtime_lock_is_a_subset_of_the_test_lock_with_the_same_pins():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert runtime.items() <= dev.items(), {k: (v, dev.get(k)) for k, v in runtime.items()
                                            if dev.get(k) != v}


def test_both_locks_pin_the_build_backend_and_the_runtime_lock_the_analysts_readers():
    backend = PYPROJECT["build-system"]["requires"]
    assert backend == ["setuptools>=84,<85"]
    for lock in ("requirements.lock", "requirements-dev.lock"):
        assert pins(lock)["setuptools"].startswith("84."), lock
    runtime = pins("requirements.lock")
    assert {"duckdb", "polars"} <= runtime.keys()  # the README's readers, with `ingest` alone
    assert set(PYPROJECT["project"]["optional-dependencies"]["analysis"]) == {
        "duckdb>=2.0,<3", "polars>=2.1,<3"}


def test_run_py_knows_the_commands_of_careers_etl():
    source = (ROOT / "run.py").read_text()
    listed = re.search(r"^COMMANDS = \((.*?)\)", source, re.MULTILINE | re.DOTALL)
    assert listed is not None
    assert re.findall(r'"([a-z]+)"', listed.group(1)) == list(COMMANDS)


def run_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize(
    ("word", "meant"),
    [("ingst", "ingest"), ("verions", "versions"), ("flows.ingst", "flows.ingest")],
)
def test_run_py_answers_a_typo_with_did_you_mean(word: str, meant: str):
    result = run_py(word)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert f"unknown command {word!r} (did you mean {meant!r}?)" in line
    assert "commands: test, ingest, reparse" in line


def careers_etl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flows.main", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingst"], "unknown command 'ingst' (did you mean 'ingest'?); commands: ingest,"),
        (["serv"], "(did you mean 'serve'?)"),
        (["ingest", "--qiet"], "--qiet (did you mean '--quiet'?)"),
        (["reparse", "--forse"], "--forse (did you mean '--force'?)"),
        (["versions", "--jsn"], "--jsn (did you mean '--json'?)"),
        (["gc", "--keep-lst", "3"], "--keep-lst (did you mean '--keep-last'?)"),
        (["ingest", "--log-format", "jsn"], "unknown choice for --log-format 'jsn' (did you "
                                            "mean 'json'?)"),
    ],
)
def test_unknown_commands_and_options_are_exit_2_with_a_suggestion(args, message):
    result = careers_etl(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_no_command_shows_the_commands_and_exits_2():
    result = careers_etl()
    assert result.returncode == 2
    assert all(name in result.stderr for name in COMMANDS)


def test_every_subcommand_has_help():
    for name in COMMANDS:
        result = careers_etl(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.startswith(f"usage: careers-etl {name}"), (name, result.stdout)


def test_usage_parser_suggests_only_when_close(capsys: pytest.CaptureFixture[str]):
    parser = UsageParser(prog="x")
    parser.add_argument("--data-dir")
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["--zzz"])
    assert exited.value.code == 2
    line = capsys.readouterr().err.strip()
    assert line == "x: error: unrecognized arguments: --zzz; see `x --help` for the options"
