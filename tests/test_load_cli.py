"""`python -m load`: tables for people, JSON for programs, one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from load import diff, publish, read_manifest
from load.cli import main
from tests.load_helpers import dataset

ROOT = Path(__file__).resolve().parents[1]
V1, V2, V3 = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb", "20261103T060000Z-cccccc"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    parquet = tmp_path / "data" / "parquet"
    publish(dataset(["nurse", "welder"]), parquet_dir=parquet, run_id=V1)
    publish(dataset(["nurse", "baker"], {"nurse": {"salary_median": 99_000.0}}),
            parquet_dir=parquet, run_id=V2)
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_versions_table_and_json(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "versions", "--data-dir", str(data_dir))
    assert code == 0
    assert f"{V1} " in out
    assert f"{V2} *" in out
    assert "+1 -1 ~1" in out
    code, out, _ = run(capsys, "versions", "--data-dir", str(data_dir), "--json")
    listed = json.loads(out)
    assert [(v["run_id"], v["is_latest"], v["row_counts"]["careers"]) for v in listed] == [
        (V1, False, 2), (V2, True, 2)]


def test_show(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "show", V1, "--data-dir", str(data_dir), "--verify")
    assert code == 0
    assert f"Version {V1}" in out
    assert "Verified" in out
    assert "career_skills" in out
    code, out, _ = run(capsys, "show", "--data-dir", str(data_dir), "--json")
    assert json.loads(out) == json.loads(read_manifest(V2, data_dir=data_dir).to_json())


def test_diff_defaults_to_the_two_newest(data_dir: Path, capsys) -> None:
    publish(dataset(["baker"]), parquet_dir=data_dir / "parquet", run_id=V3)
    code, out, _ = run(capsys, "diff", "--data-dir", str(data_dir), "--json")
    assert code == 0
    assert json.loads(out) == diff(V2, V3, data_dir=data_dir).to_dict()
    code, out, _ = run(capsys, "diff", V1, V2, "--data-dir", str(data_dir))
    assert "1 added, 1 removed, 1 changed" in out
    assert "salary_median" in out
    assert "99000.0" in out
    assert "careers.example/baker" in out


def test_gc(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "gc", "--keep-last", "1", "--dry-run", "--data-dir", str(data_dir))
    assert code == 0
    assert f"Old versions would remove: {V1}" in out
    code, out, _ = run(capsys, "gc", "--keep-last", "1", "--data-dir", str(data_dir), "--json")
    assert json.loads(out) == {"swept": [], "expired": [V1], "kept": [V2], "latest": V2,
                               "dry_run": False, "notes": []}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", V3], f"error: no version {V3} in"),
        (["show", "march"], "error: not a run id: 'march'"),
        (["diff", V1, V3], f"error: no version {V3}"),
        (["versions", "--data-dir", "{tmp}/nowhere"], "error: no parquet folder at"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(data_dir: Path, capsys, argv, message) -> None:
    argv = [a.replace("{tmp}", str(data_dir.parent)) for a in argv]
    if "--data-dir" not in argv:
        argv += ["--data-dir", str(data_dir)]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert out == ""


def test_diff_needs_two_versions(tmp_path: Path, capsys) -> None:
    publish(dataset(["a"]), parquet_dir=tmp_path / "parquet", run_id=V1)
    code, _, err = run(capsys, "diff", "--data-dir", str(tmp_path))
    assert (code, err) == (2, "error: diff needs two published versions, found 1\n")


@pytest.mark.parametrize("command", ["versions", "show", "diff", "gc"])
def test_every_command_has_help(capsys, command) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--data-dir" in out
    assert "--json" in out


def test_module_entry_point(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "load", "show", "--data-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == f"error: no parquet folder at {tmp_path}/parquet (is --data-dir right?)\n"
