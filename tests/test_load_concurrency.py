"""Two publishers at once, many times: every version whole, `_LATEST` the newest."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path

from load import collect, latest, publish, read, verify, versions
from tests.load_checks import assert_clean
from tests.load_helpers import career_id, dataset

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 15


def test_two_publishers_at_once(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["seed"]), parquet_dir=parquet, run_id="20260101T000000Z-000000")
    gate = tmp_path / "gate"
    gate.touch()
    with open(gate) as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.load_publisher", str(parquet), "--repeat",
                 str(REPEAT), "--tag", tag, "--gate", str(gate)],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for tag in ("left", "right")
        ]
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
    runs = []  # the gate is open: both publish at once
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        runs += [json.loads(line) for line in out.splitlines()]

    assert len(runs) == 2 * REPEAT
    assert all(run["published"] for run in runs)  # each run's data differs from any other's
    run_ids = sorted(run["run_id"] for run in runs)
    listed = [v.run_id for v in versions(tmp_path)]
    assert listed == ["20260101T000000Z-000000", *run_ids]  # nothing lost
    assert latest(tmp_path) == run_ids[-1]
    for run in runs:
        verify(run["run_id"], data_dir=tmp_path)  # whole: every file as its manifest says
        careers = read("careers", run["run_id"], data_dir=tmp_path)
        assert sorted(careers["career_id"]) == sorted(career_id(s) for s in run["slugs"])
    assert collect(tmp_path).swept == ()
    assert_clean(parquet)
