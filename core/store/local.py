"""The local store: a folder, made durable with fsync, rename, link and flock.

Every write goes to a staging name first, `.<name>.<owner>.tmp` beside its
final name (the owner is the run writing it, so the sweeper knows whose
leftover it is), is fsynced, and only then takes its name: by rename (a part,
a pointer) or by link, which fails when the name exists (create-only). Locks
are advisory `fcntl.flock`s in `_locks/`, which the kernel drops when their
process dies, even by SIGKILL: that is how the sweeper tells a crashed run from
a running one, with no grace period.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.fs as pafs

from core.store import Blob, Busy, Entry, Fill, Stale, Step, Written, ignore_step

_CHUNK = 1 << 20
LOCKS_DIR = "_locks"
STAGING_SUFFIX = ".tmp"


# -- durable file primitives -------------------------------------------------------------------


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in `path` durable (a no-op where directories can't be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_synced(path: Path, data: bytes) -> None:
    """Write `data` to `path` (truncating) and fsync it."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_tree(path: Path) -> None:
    """Delete a folder: its files, then the folder (tolerates concurrent removal)."""
    if not path.exists():
        return
    for child in path.iterdir():
        if child.is_dir():
            remove_tree(child)
        else:
            child.unlink(missing_ok=True)
    with contextlib.suppress(FileNotFoundError):
        path.rmdir()


def staging_owner(name: str) -> str | None:
    """The owner written into a staging name `.<name>.<owner>.tmp`, if it is one."""
    if not (name.startswith(".") and name.endswith(STAGING_SUFFIX)):
        return None
    stem = name[1 : -len(STAGING_SUFFIX)]
    return stem.rsplit(".", 1)[1] if "." in stem else None


# -- flock -------------------------------------------------------------------------------------


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


def describe_holder(data: bytes) -> str:
    """A lease holder's JSON (kind, run id, pid, start time) in a few words."""
    try:
        holder = json.loads(data[:4096])
        return (f"{holder['kind']} {holder['run_id']} (pid {holder['pid']},"
                f" started {holder['started']})")
    except (ValueError, KeyError, TypeError):
        return "a run whose details could not be read"


def _etag(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


# -- the store ---------------------------------------------------------------------------------


class LocalStore:
    """Files under a local folder."""

    appends = True

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"LocalStore({str(self.root)!r})"

    @property
    def url(self) -> str:
        return str(self.root)

    def path(self, key: str) -> Path:
        return self.root / key if key else self.root

    def staging_path(self, key: str, owner: str = "") -> Path:
        """Where `key` is written before it takes its name."""
        path = self.path(key)
        return path.with_name(f".{path.name}.{owner or secrets.token_hex(4)}{STAGING_SUFFIX}")

    def lock_path(self, name: str) -> Path:
        return self.root / LOCKS_DIR / f"{name}.lock"

    def child(self, name: str) -> LocalStore:
        return LocalStore(self.root / name)

    def local_root(self) -> Path:
        return self.root

    def ensure(self, *folders: str) -> None:
        for folder in ("", *folders):
            self.path(folder).mkdir(parents=True, exist_ok=True)

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def is_folder(self, key: str) -> bool:
        return self.path(key).is_dir()

    def read(self, key: str) -> Blob:
        data = self.path(key).read_bytes()
        return Blob(data, _etag(data))

    def write(self, key: str, fill: Fill, *, owner: str = "", step: Step = ignore_step) -> Written:
        """Write through a synced staging file renamed into place; steps: mkdir, closed,
        synced, renamed, dir-synced (`fill` may add its own between)."""
        final = self.path(key)
        folder = final.parent
        folder.mkdir(parents=True, exist_ok=True)
        fsync_dir(folder.parent)  # the new folder's name must outlive a power cut too
        step("mkdir")
        tmp = self.staging_path(key, owner)
        with open(tmp, "wb") as handle:
            fill(handle)
        step("closed")
        fsync_file(tmp)
        step("synced")
        os.rename(tmp, final)
        step("renamed")
        fsync_dir(folder)
        step("dir-synced")
        return Written(final.stat().st_size, sha256_file(final))

    def create(self, key: str, data: bytes, *, owner: str = "", step: Step = ignore_step) -> None:
        """Create-only: a synced staging file linked to its name (FileExistsError if taken);
        steps: written, linked, tmp-removed, dir-synced."""
        final = self.path(key)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.staging_path(key, owner)
        try:
            write_synced(tmp, data)
            step("written")
            os.link(tmp, final)  # fails if present: create-only-if-absent
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        step("linked")
        tmp.unlink()
        step("tmp-removed")
        fsync_dir(final.parent)
        step("dir-synced")

    def swap(self, key: str, data: bytes, etag: str | None, *, owner: str = "",
             step: Step = ignore_step) -> str:
        """Replace `key` if its tag is still `etag` (None: absent), under a flock on
        `_locks/<name>.lock`; `Stale` otherwise. Steps: locked, written, replaced."""
        final = self.path(key)
        lock = self.lock_path(final.name.lstrip("_"))
        lock.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(lock):
            step("locked")
            if self._tag(final) != etag:
                raise Stale(key)
            if final.is_dir() and not final.is_symlink():
                final.rmdir()  # an empty folder in its place names nothing (OSError if full)
            tmp = self.staging_path(key, owner)
            write_synced(tmp, data)
            step("written")
            os.replace(tmp, final)
            step("replaced")
            fsync_dir(final.parent)
        return _etag(data)

    @staticmethod
    def _tag(path: Path) -> str | None:
        try:
            return _etag(path.read_bytes())
        except (FileNotFoundError, IsADirectoryError):
            return None

    def append(self, key: str, data: bytes) -> None:
        """One `write` on an O_APPEND file (a short write is an ENOSPC OSError)."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if os.write(fd, data) != len(data):
                raise OSError(28, "No space left on device (short write)", str(path))
        finally:
            os.close(fd)

    def touch(self, key: str) -> None:
        with contextlib.suppress(OSError):
            os.utime(self.path(key))

    def _entry(self, path: Path) -> Entry | None:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        key = path.relative_to(self.root).as_posix()
        if path.is_dir():
            return Entry(key, True, 0, None)
        return Entry(key, False, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC))

    def ls(self, prefix: str = "") -> list[Entry]:
        folder = self.path(prefix)
        if not folder.is_dir():
            return []
        found = (self._entry(child) for child in sorted(folder.iterdir()))
        return [e for e in found if e is not None]

    def walk(self, prefix: str = "") -> Iterator[Entry]:
        for entry in self.ls(prefix):
            if entry.folder:
                yield from self.walk(entry.key)
            else:
                yield entry

    def delete(self, key: str) -> None:
        path = self.path(key)
        path.unlink(missing_ok=True)
        fsync_dir(path.parent)

    def delete_tree(self, prefix: str) -> None:
        remove_tree(self.path(prefix))

    def guard(self, key: str) -> contextlib.AbstractContextManager[None]:
        """The lock `swap` of `key` takes: held, the file does not change."""
        lock = self.lock_path(self.path(key).name.lstrip("_"))
        return exclusive_lock(lock)

    @contextmanager
    def lease(self, key: str, holder: Mapping[str, object], *, ttl: timedelta | None = None
              ) -> Iterator[None]:
        """Hold `key` as an flock for as long as the block runs (the kernel drops it when
        the process dies, so `ttl` has no use here); `Busy` naming the holder when another
        process holds it."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = _open_locked(path, blocking=False)
        if fd is None:
            try:
                who = describe_holder(path.read_bytes())
            except OSError:
                who = "a run whose details could not be read"
            raise Busy(who)
        try:
            try:
                os.ftruncate(fd, 0)
                os.pwrite(fd, json.dumps(dict(holder), default=str).encode("utf-8"), 0)
            except OSError:
                pass  # the name of the holder is a courtesy; the lock is what counts
            yield
        finally:
            os.close(fd)

    def claim(self, owner: str) -> contextlib.AbstractContextManager[None]:
        """`_locks/run-<owner>.lock`, held while `owner` writes (removed after)."""
        return exclusive_lock(self.lock_path(f"run-{owner}"), unlink=True)

    def claimed(self) -> list[str]:
        """Owners whose claim file is there (held, or left by a process that died)."""
        return [e.name[len("run-"):-len(".lock")] for e in self.ls(LOCKS_DIR)
                if e.name.startswith("run-") and e.name.endswith(".lock")]

    def abandoned(self, owner: str, keys: Sequence[str], *, now: datetime, dry_run: bool
                  ) -> contextlib.AbstractContextManager[bool]:
        """Whether `owner` is gone: its claim can be taken (and is, while the block runs)."""
        return try_lock(self.lock_path(f"run-{owner}"), unlink=not dry_run, create=not dry_run)

    def arrow(self) -> tuple[pafs.FileSystem, str]:
        return pafs.LocalFileSystem(), str(self.root)
