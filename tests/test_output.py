"""What a run prints, through the command (`careers-etl ingest`), in each output mode:
--quiet (the version id, or the one error line), --log-format json (every line one JSON
object, errors included, ending with a summary event), and live bars on a terminal (a
pty: a status line at once, then a bar per stage that moves per page and finishes)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from sample_site.server import SampleSite

pytestmark = pytest.mark.slow


def careers_etl(*args: str, env: dict[str, str], cwd: Path,
                merged: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.main", *args], cwd=cwd, env=env, text=True, timeout=600,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT if merged else subprocess.PIPE,
    )


def test_quiet_prints_only_the_version_id(prefect_api, tmp_path: Path):
    _, env = prefect_api
    result = careers_etl("ingest", "--quiet", "--data-dir", "data", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    assert result.stdout == f"{latest}\n"
    assert result.stderr == ""
    again = careers_etl("ingest", "--quiet", "--data-dir", "data", env=env, cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (0, f"{latest}\n", "")  # unchanged


def test_quiet_failure_is_the_one_error_line(tmp_path: Path):
    result = careers_etl("ingest", "--quiet", "--start-url", "example.org/careers",
                         env=dict(os.environ), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "did you mean 'https://example.org/careers'?" in line


def json_lines(text: str) -> list[dict]:
    docs = []
    for line in text.splitlines():
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"not a JSON line: {line!r}")
    return docs


def test_json_output_is_all_json_and_ends_with_a_summary_event(prefect_api, tmp_path: Path):
    _, env = prefect_api
    result = careers_etl("ingest", "--log-format", "json", "--data-dir", "data", env=env,
                         cwd=tmp_path, merged=True)
    assert result.returncode == 0, result.stdout[-3000:]
    docs = json_lines(result.stdout)
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    *events, summary = docs
    assert events[0]["event"] == "status"  # what is happening, before Prefect is up
    assert {(d.get("event"), d.get("stage")) for d in events} >= {
        ("run", None), ("stage", "discover"), ("stage_done", "discover"), ("stage", "crawl"),
        ("stage_done", "crawl"), ("stage", "normalize"), ("stage_done", "publish"),
    }
    assert len([d for d in events if d.get("event") == "page"]) >= 106
    assert summary["event"] == "summary"
    assert (summary["version"], summary["published"], summary["exit_code"]) == (latest, True, 0)
    assert summary["pages"]["parsed"] == 106
    assert summary["rows"]["careers"] == 106


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--bogus"], 2, "--bogus"),
        (["--start-url", "example.org"], 2, "did you mean 'https://example.org'"),
        (["--profile-pattern", "/nothing/$"], 1, "run failed: nothing to publish"),
    ],
)
def test_json_errors_are_json_too(prefect_api, tmp_path: Path, args, code, message):
    _, env = prefect_api
    with SampleSite() as site:
        start = ["--start-url", site.url("/careers/")] if code == 1 else []
        result = careers_etl("ingest", "--log-format", "json", "--data-dir", "data", "--delay",
                             "0", *start, *args, env=env, cwd=tmp_path, merged=True)
    assert result.returncode == code
    *events, summary = json_lines(result.stdout)
    errors = [d for d in events if d.get("event") == "error"]
    assert len(errors) == 1
    assert message in errors[0]["message"]
    assert (summary["event"], summary["version"], summary["exit_code"]) == ("summary", None, code)


# -- live bars on a terminal ----------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_on_a_terminal(argv: list[str], *, env: dict[str, str], cwd: Path,
                      timeout: float) -> list[tuple[float, str]]:
    """Run `argv` with a 160x50 pty as its terminal: (seconds since start, text) chunks."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                            env={**env, "TERM": "xterm-256color"}, close_fds=True)
    os.close(slave)
    chunks: list[tuple[float, str]] = []
    try:
        while time.monotonic() - started < timeout:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append((time.monotonic() - started, data.decode("utf-8", "replace")))
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert proc.returncode == 0, "".join(text for _, text in chunks)[-3000:]
    return chunks


def test_live_bars_move_per_page_and_all_finish(prefect_api, tmp_path: Path):
    _, env = prefect_api
    # A slower pace than the sample site's brisk default, so the crawl spans several frames.
    chunks = run_on_a_terminal(
        [sys.executable, "-m", "flows.main", "ingest", "--data-dir", "data", "--delay", "0.03"],
        env=env, cwd=tmp_path, timeout=600,
    )
    screen = ANSI.sub("", "".join(text for _, text in chunks))
    first_at, first = next((at, ANSI.sub("", text)) for at, text in chunks
                           if ANSI.sub("", text).strip())
    # The first thing on the terminal says what is happening, long before Prefect is up.
    assert "connecting to the Prefect server" in first
    assert first_at < 10  # a generous bound: it is printed before Prefect is even imported
    assert screen.index("connecting to the Prefect server") < screen.index("discover")

    crawl_counts = [int(n) for n in re.findall(r"crawl\s+\S*\s+(\d+)/107", screen)]
    assert len(set(crawl_counts)) >= 6, crawl_counts  # per page, not once per 100-page batch
    assert crawl_counts == sorted(crawl_counts)  # it only moves forward
    rows = {}
    for line in re.split(r"[\r\n]+", screen):
        found = re.match(r"\s*(\S)\s+(discover|crawl|normalize|publish)\b(.*)", line)
        if found:
            rows[found.group(2)] = (found.group(1), found.group(3))  # the last frame wins
    assert set(rows) == {"discover", "crawl", "normalize", "publish"}
    assert all(mark == "✓" for mark, _ in rows.values()), rows  # every bar finished
    assert re.search(r"\b107/107\b", rows["crawl"][1])
    assert re.search(r"\b113/113\b", rows["normalize"][1])
    assert "pages/s" in rows["crawl"][1]
    assert "eta" in screen
    assert re.search(r"\d+\.\d pages/s", screen)
    latest = (tmp_path / "data" / "parquet" / "_LATEST").read_text()
    assert f"Published version {latest}" in screen
