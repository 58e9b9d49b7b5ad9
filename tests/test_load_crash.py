"""SIGKILL a publisher at every step of a publish; nothing committed may suffer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from load import collect, latest, publish, read, verify, versions
from tests.load_checks import assert_clean
from tests.load_helpers import dataset

ROOT = Path(__file__).resolve().parents[1]
BASE, CRASHED = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
NEXT = "20261103T060000Z-cccccc"


def files_of(parquet: Path) -> dict[str, bytes]:
    """Every file but the pointer and the locks, by relative path."""
    return {p.relative_to(parquet).as_posix(): p.read_bytes()
            for p in parquet.rglob("*")
            if p.is_file() and not p.name.endswith(".lock") and p.name != "_LATEST"}


def kill_at(parquet: Path, step: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.load_publisher", str(parquet), "--slugs", "x,y",
         "--run-id", CRASHED, "--kill-at", str(step)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )


def test_sigkill_at_every_step_of_a_publish(tmp_path: Path) -> None:
    template = tmp_path / "template" / "parquet"
    publish(dataset(["a", "b"]), parquet_dir=template, run_id=BASE)
    base_files = files_of(template)

    probe = tmp_path / "probe" / "parquet"
    shutil.copytree(template, probe)
    steps: list[str] = []
    publish(dataset(["x", "y"]), parquet_dir=probe, run_id=CRASHED, on_step=steps.append)
    assert len(set(steps)) == len(steps) >= 20, steps
    committed_from = steps.index("manifest:linked")
    pointer_from = steps.index("latest:replaced")

    folders = []
    for number in range(1, len(steps) + 1):
        folder = tmp_path / f"kill-{number:02d}" / "parquet"
        shutil.copytree(template, folder)
        folders.append(folder)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(kill_at, folders, range(1, len(steps) + 1)))

    for index, (folder, run) in enumerate(zip(folders, runs, strict=True)):
        where = f"killed at step {index + 1} ({steps[index]})"
        assert run.returncode == -9, (where, run.stderr)
        committed = index >= committed_from
        listed = [v.run_id for v in versions(folder)]
        assert listed == ([BASE, CRASHED] if committed else [BASE]), where
        assert latest(folder) == (CRASHED if index >= pointer_from else BASE), where
        current = files_of(folder)
        assert {k: current[k] for k in base_files} == base_files, where  # byte-identical
        assert read("careers", BASE, data_dir=folder)["career_id"].tolist() == [
            "careers.example/a", "careers.example/b"], where
        if committed:
            verify(CRASHED, data_dir=folder)

        if index % 2:  # the next run cleans up by itself ...
            assert publish(dataset(["z"]), parquet_dir=folder, run_id=NEXT).published, where
            assert_clean(folder)
        else:  # ... and so does gc, before the next run
            result = collect(folder)
            assert result.latest == (CRASHED if committed else BASE), where
            assert_clean(folder)
            assert publish(dataset(["z"]), parquet_dir=folder, run_id=NEXT).published, where
        assert latest(folder) == NEXT, where
        assert_clean(folder)
