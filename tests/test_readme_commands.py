"""The README's commands, as printed: each names a real command with real options, each
that talks to a Prefect server says which (PREFECT_API_URL), and the everyday ones run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from flows.main import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def readme_command_lines() -> list[str]:
    """Every `python3 run.py ...` / `careers-etl ...` line of the README's shell blocks, and
    the inline ones (in backticks), comments and line breaks removed."""
    lines, prose, fenced = [], [], False
    for line in README.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif fenced:
            lines.append(line.split("  #")[0].strip())
        else:
            prose.append(line)
    inline = [" ".join(code.split()) for code in re.findall(r"`([^`]+)`", "\n".join(prose))]
    pattern = re.compile(r"^(PREFECT_API_URL=\S+ )?(python3 run\.py|careers-etl)( |$)")
    return sorted({line for line in [*lines, *inline] if pattern.match(line)})


LINES = readme_command_lines()


def test_the_readme_has_the_commands_this_checks():
    words = {_words(line)[0] for line in LINES if _words(line)}
    assert {"ingest", "test", "reparse", "versions", "serve", "prefect"} <= words


def _words(line: str) -> list[str]:
    words = shlex.split(line.replace("[", " ").replace("]", " "))
    if words[0].startswith("PREFECT_API_URL="):
        words = words[1:]
    return words[2:] if words[0] == "python3" else words[1:]


@cache
def help_of(*command: str) -> str:
    found = subprocess.run([sys.executable, "-m", *command, "--help"], capture_output=True,
                           text=True, timeout=120, cwd=ROOT)
    assert found.returncode == 0, (command, found.stderr[-2000:])
    return found.stdout


@pytest.mark.parametrize("line", LINES)
def test_each_command_exists_with_the_options_it_shows(line: str):
    words = _words(line)
    if not words or words[0] in {"--help", "COMMAND", "MODULE"}:
        assert help_of("flows.main")  # the command's own help, or a placeholder line
        return
    name, args = words[0], words[1:]
    if name == "test":
        return  # run.py's own: CI runs it as printed (.ci/run)
    if name in COMMANDS:
        text = help_of("flows.main", name)
    else:  # a module's command line, e.g. `prefect --no-prompt deploy --all`
        subcommands = [a for a in args if re.fullmatch(r"[a-z][a-z-]*", a)][:2]
        text = help_of(name) + help_of(name, *subcommands)
    for option in (a.split("=")[0] for a in args if a.startswith("--")):
        assert option in text, (line, option)


@pytest.mark.parametrize("line", [line for line in LINES if re.search(
    r"run\.py (serve|prefect (deploy|worker|deployment|work-pool|--no-prompt))", line)])
def test_commands_that_need_a_prefect_server_name_it(line: str):
    assert line.startswith("PREFECT_API_URL=http://127.0.0.1:4200/api "), line


@pytest.mark.slow
def test_the_everyday_commands_run_as_printed(prefect_api, tmp_path: Path):
    """From a folder of one's own: the main job, then the version commands on its data."""
    _, env = prefect_api

    def run_py(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, str(ROOT / "run.py"), *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, (args, done.stderr[-3000:])
        return done

    first = run_py("ingest")
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    assert f"Published version {latest}" in first.stdout
    assert latest in run_py("versions").stdout
    assert latest in run_py("show", latest).stdout
    assert (tmp_path / "data" / "reports" / f"{latest}.html").is_file()
    run_py("report")
    run_py("export", "--format", "jsonld")
    assert (tmp_path / "data" / "exports" / f"{latest}.jsonld").is_file()
    run_py("catalog")
    run_py("gc", "--dry-run")
    again = run_py("ingest")
    assert "Nothing new published: unchanged" in again.stdout
