"""Set up the pinned environment if needed, then run a project command.

    python3 run.py ingest [ARGS...]   full ingest (the bundled sample site when no --start-url)
    python3 run.py test [PYTEST ARGS] lint, type-check and the test suite
    python3 run.py <module> [ARGS...] any other entry point, e.g. flows.reparse, load

Only the standard library is used here, so it works on a machine that has just
Python 3.11: it creates `.venv/`, installs the hash-pinned lock file into it
(again only when the lock changes) and runs the command inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment(lock: Path) -> Path:
    """Create the venv and install `lock` into it unless it is already installed."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"careers-etl needs Python 3.11, this is {sys.version.split()[0]}")
    python = _venv_python()
    if not python.exists():
        print(f"creating {VENV.relative_to(ROOT)}/ ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    stamp = VENV / f".installed-{lock.name}"
    if stamp.exists() and stamp.read_text() == digest:
        return python
    print(f"installing pinned dependencies from {lock.name} ...", file=sys.stderr)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--require-hashes", "--no-deps", "-r", str(lock)],
        check=True,
    )
    for other in VENV.glob(".installed-*"):
        other.unlink()  # one lock at a time: installing one may change the other's pins
    stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    command, args = argv[0], argv[1:]
    if command == "test":
        python = ensure_environment(DEV_LOCK)
        steps = [
            [str(python), "-m", "ruff", "check", "."],
            [str(python), "-m", "mypy"],
            [str(python), "-m", "pytest", *args],
        ]
        for step in steps:
            print("$", " ".join(Path(step[0]).name if i == 0 else s for i, s in enumerate(step)),
                  file=sys.stderr, flush=True)
            code = subprocess.call(step, cwd=ROOT)
            if code:
                return code
        return 0
    python = ensure_environment(RUNTIME_LOCK)
    module = "flows.ingest" if command == "ingest" else command
    # Relative paths (--data-dir, --config) mean what they mean where the user stands.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )}
    return subprocess.call([str(python), "-m", module, *args], env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
