"""Advisory file locks (fcntl.flock) that survive the lock file being deleted.

A lock held by a process is released by the kernel when it dies, even by
SIGKILL, which is how the sweeper tells a crashed run from a running one.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from core.errors import StorageError
from load.errors import RunInProgress


def _open_locked(path: Path, *, blocking: bool) -> int | None:
    """An fd holding an exclusive lock on the file now at `path`, or None if busy.

    Another process may unlink the lock file between our open and our flock; then
    we hold a lock on a nameless inode, so re-check the name and retry.
    """
    flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


@contextmanager
def exclusive_lock(path: Path, *, unlink: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on `path` (waiting for it); optionally delete it on exit."""
    fd = _open_locked(path, blocking=True)
    assert fd is not None
    try:
        yield
    finally:
        if unlink:
            path.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def try_lock(path: Path, *, unlink: bool = False, create: bool = True) -> Iterator[bool]:
    """Try to take the lock without waiting; yields whether we got it.

    With `create=False` an absent lock file counts as free and is not created
    (for looking without touching, as a dry run does).
    """
    if not create and not path.exists():
        yield True
        return
    fd = _open_locked(path, blocking=False)
    try:
        yield fd is not None
    finally:
        if fd is not None:
            if unlink:
                path.unlink(missing_ok=True)
            os.close(fd)


RUN_LOCK_NAME = ".careers-etl-run.lock"


@contextmanager
def run_lock(data_dir: Path, holder: Mapping[str, object]) -> Iterator[None]:
    """Hold the data dir for one run (ingest or reparse); refuse if another run holds it.

    The lock is an flock on `<data_dir>/.careers-etl-run.lock`: the kernel drops it when
    its process dies (even by SIGKILL), so a killed run never blocks the next one. The
    file names the holder (`holder`: kind, run id, pid, start time) so the refusal can
    say who is running; a stale name in a file nobody locks means nothing.
    """
    path = Path(data_dir) / RUN_LOCK_NAME
    try:
        fd = _open_locked(path, blocking=False)
    except OSError as exc:
        raise StorageError.from_os_error(f"the run lock {path}", exc) from exc
    if fd is None:
        raise RunInProgress(f"another run is using {data_dir}: {_describe_holder(path)};"
                            " wait for it to finish, or use another --data-dir")
    try:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(dict(holder), default=str).encode("utf-8"), 0)
        except OSError:
            pass  # the name of the holder is a courtesy; the lock is what counts
        yield
    finally:
        os.close(fd)


def _describe_holder(path: Path) -> str:
    try:
        holder = json.loads(path.read_bytes()[:4096])
        return (f"{holder['kind']} {holder['run_id']} (pid {holder['pid']},"
                f" started {holder['started']})")
    except (OSError, ValueError, KeyError, TypeError):
        return "a run whose details could not be read"
