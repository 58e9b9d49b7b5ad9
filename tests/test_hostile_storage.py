"""Hostile storage: every command, on every kind of damage, gives one line or recovers.

A pristine data dir (two versions of a small local site, its raw store and fetch
logs) is built once, copied for each case, damaged one way, and handed to each
command as a user would run it: `ingest`, `reparse`, `versions`, `show`, `diff`,
`gc`. Whatever a command does, it never prints a traceback, never deletes or
changes a good version, and never publishes a version built on damaged input:
a version it publishes verifies and holds every career.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flows.cli import run_ingest_cli, run_reparse_cli
from load import latest, read, verify, versions
from load.cli import main as load_cli
from sample_site.data import load_site
from tests.faultserver import FaultServer
from tests.faultsite import sample_fault_site

SMALL = dataclasses.replace(load_site(), careers=load_site().careers[:10], drafts=())
CAREERS = 10
CONFIG = "[crawl]\nper_host_delay = 0\ndelay_jitter = 0\nmax_retries = 1\n"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[FaultServer]:
    with sample_fault_site({}, slow=0, data=SMALL) as server:
        yield server


@pytest.fixture(scope="module")
def pristine(prefect_server, site, tmp_path_factory) -> Path:
    """Two published versions (the second forced) of the small site, with raw store."""
    root = tmp_path_factory.mktemp("pristine")
    (root / "etl.toml").write_text(CONFIG)
    for extra in ([], ["--force"]):
        assert run_ingest_cli(_ingest_args(root / "data", root / "etl.toml", site, *extra)) == 0
    assert [len(v.run_id) for v in versions(root / "data")] == [23, 23]
    return root


def _ingest_args(data: Path, config: Path, site: FaultServer, *extra: str) -> list[str]:
    return ["--config", str(config), "--data-dir", str(data), "--quiet",
            "--start-url", site.url("/sitemap.xml"), *extra]


# -- damage ------------------------------------------------------------------------------------


def _parquet(data: Path) -> Path:
    return data / "parquet"


def _latest(data: Path) -> str:
    found = latest(data)
    assert found is not None
    return found


def _manifest(data: Path) -> Path:
    return _parquet(data) / "_manifests" / f"{_latest(data)}.json"


def _part(data: Path) -> Path:
    return _parquet(data) / "careers" / f"version={_latest(data)}" / "part-0.parquet"


def _one_body(data: Path) -> Path:
    return sorted((data / "raw").glob("*/*/*.html.*"))[0]


def _flip_middle(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(b ^ 0xFF for b in raw[middle : middle + 64])
    path.write_bytes(bytes(raw))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage_fetch_log(data: Path) -> None:
    for log in (data / "raw" / "_fetchlog").glob("*.jsonl"):
        with log.open("ab") as fh:
            fh.write(b"\xff\xfe\x00garbage\n[1, 2, 3]\n{\"url\": 5, \"run_id\": []}\n"
                     b'{"url": "http://x.test/", "run_id": "r", "outcome": "parsed",'
                     b' "sha256": "../../etc/passwd"}\nnot json at all\n')


DAMAGE: dict[str, Callable[[Path], object]] = {
    "manifest is a JSON list": lambda d: _manifest(d).write_text("[]"),
    "manifest is not UTF-8": lambda d: _manifest(d).write_bytes(b"\xff\xfe{\x00\x00"),
    "manifest truncated": lambda d: _truncate(_manifest(d)),
    "manifest of the wrong types": lambda d: _manifest(d).write_text(
        '{"format": "careers-etl-manifest/1", "run_id": 7, "tables": "x"}'
    ),
    "manifest deleted": lambda d: _manifest(d).unlink(),
    "parquet part truncated": lambda d: _truncate(_part(d)),
    "parquet part corrupted": lambda d: _flip_middle(_part(d)),
    "parquet part missing": lambda d: _part(d).unlink(),
    "_LATEST is garbage": lambda d: (_parquet(d) / "_LATEST").write_bytes(b"garbage\x00\n"),
    "_LATEST names a future version": lambda d: (_parquet(d) / "_LATEST").write_text(
        "29991231T235959Z-ffffff"
    ),
    "_LATEST is a directory": lambda d: (
        (_parquet(d) / "_LATEST").unlink(), (_parquet(d) / "_LATEST").mkdir()
    ),
    "fetch log has garbage lines": _garbage_fetch_log,
    "a raw body is missing": lambda d: _one_body(d).unlink(),
    "a raw body is corrupt": lambda d: _one_body(d).write_bytes(b"(\xb5/\xfdnot really zstd"),
    "the fetch log is gone": lambda d: shutil.rmtree(d / "raw" / "_fetchlog"),
}


def _fingerprint(data: Path) -> dict[str, str]:
    """sha256 of every file of every intact version (manifest and parts)."""
    prints: dict[str, str] = {}
    for info in versions(data):
        if info.damaged:
            continue
        try:
            manifest = verify(info.run_id, data_dir=data)
        except Exception:  # damaged below the manifest: not a good version
            continue
        paths = [_parquet(data) / "_manifests" / f"{info.run_id}.json"]
        paths += [_parquet(data) / f.path for t in manifest.tables.values() for f in t.files]
        for path in paths:
            prints[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


@pytest.fixture
def damaged(pristine: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    data = tmp_path / "data"
    shutil.copytree(pristine / "data", data)
    shutil.copy(pristine / "etl.toml", tmp_path / "etl.toml")
    DAMAGE[request.param](data)
    return data


def _no_traceback(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    problems = [
        line for line in err.splitlines()
        if not line.startswith("warning: ") and " WARNING " not in line
    ]
    assert len(problems) <= 1, problems  # at most the one line of a refusal
    return out, err


CASES = sorted(DAMAGE)


@pytest.mark.parametrize("damaged", CASES, indirect=True)
def test_ingest_recovers_on_damaged_storage(damaged: Path, site, capsys):
    good = _fingerprint(damaged)
    config = damaged.parent / "etl.toml"
    code = run_ingest_cli(_ingest_args(damaged, config, site, "--force"))
    _no_traceback(capsys)
    assert code == 0
    new = _latest(damaged)
    verify(new, data_dir=damaged)  # whole, and what analysts now read
    assert len(read("careers", new, data_dir=damaged)) == CAREERS
    after = _fingerprint(damaged)
    assert {k: v for k, v in after.items() if k in good} == good  # no good version touched


@pytest.mark.parametrize("damaged", CASES, indirect=True)
def test_reparse_recovers_or_refuses_on_damaged_storage(damaged: Path, capsys):
    good = _fingerprint(damaged)
    before = {v.run_id for v in versions(damaged)}
    code = run_reparse_cli(["--data-dir", str(damaged), "--quiet", "--force"])
    _no_traceback(capsys)
    assert code == 0
    new = sorted({v.run_id for v in versions(damaged)} - before)
    assert len(new) == 1
    verify(new[0], data_dir=damaged)
    assert len(read("careers", new[0], data_dir=damaged)) == CAREERS  # none lost
    assert {k: v for k, v in _fingerprint(damaged).items() if k in good} == good


@pytest.mark.parametrize("command", [["versions"], ["show"], ["show", "--verify"], ["diff"],
                                     ["gc"], ["gc", "--keep-last", "1"], ["versions", "--json"]])
@pytest.mark.parametrize("damaged", CASES, indirect=True)
def test_read_and_gc_commands_on_damaged_storage(damaged: Path, command: list[str], capsys):
    good = _fingerprint(damaged)
    code = load_cli([*command, "--data-dir", str(damaged)])
    _out, err = _no_traceback(capsys)
    assert code in (0, 1, 2), err  # 2: nothing left to diff, say
    if code:
        assert err.splitlines()[-1].startswith("error: ")
    kept = _fingerprint(damaged)
    if command[:1] == ["gc"] and "--keep-last" in command:
        assert set(kept) <= set(good) or not good  # retention removes only whole versions
        assert any(_latest(damaged) in path for path in kept)  # ...never the latest
    else:
        assert {k: v for k, v in kept.items() if k in good} == good


# -- read-only and full disks ------------------------------------------------------------------


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` read-only for this process, root included (a read-only bind mount)."""
    if os.geteuid() != 0:
        for p in [path, *path.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        try:
            yield
        finally:
            for p in [path, *path.rglob("*")]:
                p.chmod(p.stat().st_mode | 0o200)
        return
    subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_every_command_on_a_read_only_data_dir(pristine: Path, tmp_path: Path, site, capsys):
    data = tmp_path / "data"
    shutil.copytree(pristine / "data", data)
    good = _fingerprint(data)
    config = pristine / "etl.toml"
    with read_only(data):
        assert run_ingest_cli(_ingest_args(data, config, site, "--force")) == 2
        _, err = _no_traceback(capsys)
        assert "is not writable" in err
        assert run_reparse_cli(["--data-dir", str(data), "--quiet"]) == 2
        _no_traceback(capsys)
        for command in (["versions"], ["show", "--verify"], ["diff"]):
            assert load_cli([*command, "--data-dir", str(data)]) == 0
            _no_traceback(capsys)
        assert load_cli(["gc", "--keep-last", "1", "--data-dir", str(data)]) == 1
        _, err = _no_traceback(capsys)
        assert "Read-only file system" in err
    assert _fingerprint(data) == good


@contextlib.contextmanager
def small_disk(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `path` (root only: the one way to meet ENOSPC for real)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    path.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                   check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill `disk` up, leaving about `leave` bytes free; returns the filler file."""
    filler = disk / "filler"
    # Unbuffered: a buffered file would retry its unwritten tail on close, and fail there.
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        chunk = b"\0" * 65536
        with contextlib.suppress(OSError):
            while os.write(fd, chunk) > 0:
                pass
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


FREE_BYTES = [0, 4096, 12288, 24576, 40960, 65536, 98304]


def test_a_full_disk_never_breaks_the_dataset(pristine: Path, tmp_path: Path, site, capsys):
    """At every fill level from 0 to 96 KB free, ingest and reparse either publish a whole
    version or stop with one line; the versions before stay as they were."""
    with small_disk(tmp_path / "disk", "16m") as disk:
        data = disk / "data"
        shutil.copytree(pristine / "data", data)
        config = pristine / "etl.toml"
        outcomes = []
        for free in FREE_BYTES:
            for command in ("ingest", "reparse"):
                good = _fingerprint(data)
                filler = fill(disk, free)
                if command == "ingest":
                    code = run_ingest_cli(_ingest_args(data, config, site, "--force"))
                else:
                    code = run_reparse_cli(["--data-dir", str(data), "--quiet", "--force"])
                filler.unlink()
                _, err = _no_traceback(capsys)
                outcomes.append((free, command, code))
                assert code in (0, 1), (free, command, err)
                if code == 1:
                    assert "No space left on device" in err, err
                latest_now = _latest(data)
                verify(latest_now, data_dir=data)
                assert len(read("careers", latest_now, data_dir=data)) == CAREERS
                assert {k: v for k, v in _fingerprint(data).items() if k in good} == good
        assert any(code == 1 for _, _, code in outcomes)  # the disk really was full...
        assert run_ingest_cli(_ingest_args(data, config, site, "--force")) == 0  # ...and after
        capsys.readouterr()
