"""Set up the pinned environment if needed, then run a project command.

    python3 run.py ingest [ARGS...]   full ingest (the bundled sample site when no --start-url)
    python3 run.py test [PYTEST ARGS] lint, type-check and the test suite
    python3 run.py COMMAND [ARGS...]  any `careers-etl` command: reparse, serve, versions,
                                      show, diff, gc, report, export, catalog
    python3 run.py MODULE [ARGS...]   any other entry point in the environment, e.g.
                                      flows.reparse, load, prefect

Only the standard library is used here, so it works on a machine that has just
Python 3.11: it creates `.venv/`, installs the hash-pinned lock file into it
(again only when the lock changes), installs the project itself into it
(editable, so `careers-etl` and `import flows` work anywhere, and edits need no
reinstall) and runs the command inside it. One environment serves both
commands: the test lock pins everything the runtime lock pins, the same
versions, so installing it satisfies the runtime lock too and switching between
`ingest` and `test` reinstalls nothing.

A project command replaces this process (exec): the process a user or a
scheduler started is the run, so Ctrl-C and SIGTERM reach it directly.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
PYPROJECT = ROOT / "pyproject.toml"
# The installed command's subcommands (flows/main.py; a test keeps the two lists equal).
COMMANDS = ("ingest", "reparse", "serve", "versions", "show", "diff", "gc", "report", "export",
            "catalog")
MODULES = ("flows.ingest", "flows.reparse", "load", "prefect")  # the README's entry points


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _pins(lock: Path) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock.read_text(), re.MULTILINE))


def _stamp(lock: Path) -> Path:
    return VENV / f".installed-{lock.name}"


def _digest(lock: Path) -> str:
    return hashlib.sha256(lock.read_bytes()).hexdigest()


def ensure_environment(lock: Path) -> Path:
    """Create the venv and install `lock` into it unless it (or a superset) is installed."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"careers-etl needs Python 3.11, this is {sys.version.split()[0]}")
    python = _venv_python()
    if not python.exists():
        _say(f"creating {VENV.relative_to(ROOT)}/ (first run; then installing about 150 "
             "pinned packages, a few minutes) ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not (_stamp(lock).exists() and _stamp(lock).read_text() == _digest(lock)):
        _install_lock(python, lock)
    _install_project(python)
    return python


def _install_lock(python: Path, lock: Path) -> None:
    _say(f"installing pinned dependencies from {lock.name} ...")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--require-hashes", "--no-deps", "-r", str(lock)],
        check=True,
    )
    installed = _pins(lock)
    for other in (RUNTIME_LOCK, DEV_LOCK):
        if other == lock:
            continue
        wanted = _pins(other)
        if wanted.items() <= installed.items():
            _stamp(other).write_text(_digest(other))  # a superset is installed: satisfied
        elif any(installed.get(name, pin) != pin for name, pin in wanted.items()):
            _stamp(other).unlink(missing_ok=True)  # a pin of it changed
    _stamp(lock).write_text(_digest(lock))


def _install_project(python: Path) -> None:
    """The project itself, editable, with no dependency fetched (the lock has them all, the
    build backend included): again only when pyproject.toml changes."""
    stamp = VENV / ".installed-project"
    script = python.parent / ("careers-etl.exe" if os.name == "nt" else "careers-etl")
    if script.exists() and stamp.exists() and stamp.read_text() == _digest(PYPROJECT):
        return
    _say("installing careers-etl itself (editable) ...")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--editable", str(ROOT)],
        check=True, stdout=subprocess.DEVNULL,
    )
    stamp.write_text(_digest(PYPROJECT))


def ensure_chromium() -> None:
    """The report tests look at the HTML report in a real browser: Debian's chromium,
    installed here when missing and this machine can (root, apt-get); else they skip."""
    if shutil.which("chromium") or os.environ.get("CAREERS_ETL_CHROMIUM"):
        return
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        print("no chromium: the browser tests will skip (apt-get install chromium)",
              file=sys.stderr, flush=True)
        return
    print("installing chromium for the browser tests ...", file=sys.stderr, flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def _call_forwarding_signals(command: list[str]) -> int:
    """Run a step, passing Ctrl-C and SIGTERM on to it, and return its exit code."""
    child = subprocess.Popen(command, cwd=ROOT)
    previous = {
        signum: signal.signal(signum, lambda sig, _frame: child.send_signal(sig))
        for signum in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        return child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _is_module(python: Path, name: str) -> bool:
    """Whether `python -m name` would find something to run (asked of the venv's Python)."""
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec(sys.argv[1]) is None)"
    found = subprocess.run([str(python), "-c", probe, name],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return found.returncode == 0


def unknown_command(word: str) -> str:
    choices = ["test", *COMMANDS, *MODULES]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return (f"run.py: error: unknown command {word!r}{hint}; commands: test, "
            f"{', '.join(COMMANDS)}, or a module to run (e.g. {', '.join(MODULES)})")


def _plainly_unknown(word: str) -> bool:
    """A word no module could be, or a typo of a command (`ingst`): said at once, before
    any environment is made, and not after a few minutes of installing."""
    if word.startswith("-") or not re.fullmatch(r"[A-Za-z_][\w.]*", word):
        return True
    if "." in word or (ROOT / word).exists():
        return False
    close = difflib.get_close_matches(word, ["test", *COMMANDS], n=1, cutoff=0.75)
    return bool(close) and close[0] not in word  # `pytest` is a module, not a typo of `test`


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    command, args = argv[0], argv[1:]
    if command not in {"test", *COMMANDS} and _plainly_unknown(command):
        _say(unknown_command(command))
        return 2
    if command == "test":
        python = ensure_environment(DEV_LOCK)
        ensure_chromium()
        steps = [
            [str(python), "-m", "ruff", "check", "."],
            [str(python), "-m", "mypy"],
            [str(python), "-m", "pytest", *args],
        ]
        for step in steps:
            print("$", " ".join(Path(step[0]).name if i == 0 else s for i, s in enumerate(step)),
                  file=sys.stderr, flush=True)
            code = _call_forwarding_signals(step)
            if code:
                return code
        return 0
    python = ensure_environment(RUNTIME_LOCK)
    env = dict(os.environ)
    if command in COMMANDS:
        argv = [str(python), "-m", "flows.main", command, *args]
    elif _is_module(python, command):
        argv = [str(python), "-m", command, *args]
        if command.split(".")[0] == "prefect":  # offline: no telemetry (see PREFECT.md)
            env.setdefault("DO_NOT_TRACK", "1")
            env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    else:
        _say(unknown_command(command))
        return 2
    # The command runs where the user stands: relative paths (--data-dir, --config) mean
    # what they mean there. The project is installed in the venv, so no PYTHONPATH.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(python, argv, env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
