"""The raw store: every fetched body, content-addressed and compressed, plus a fetch log.

Layout under `root` (normally `data/raw/`)::

    <host>/<sha256[:2]>/<sha256>.html.zst    one file per distinct body and host (zstd)
    _fetchlog/<run_id>.jsonl                 one JSON line per fetch of the run

Bodies are zstd-compressed (level 3: as small as gzip -9 within 5%, compressed
16 times faster and read 4 times faster); bodies stored by earlier versions
as `.html.gz` are read as they are.

`host` is the URL's `host[:port]` with ":" written as "_" (safe on every
filesystem). Bodies are written once, to a temporary name that is synced and
renamed into place, so a crash never leaves a half body under its final name; identical bodies are
stored once. Log lines are appended with one `write` on an O_APPEND file, so
batches of the same run may append at once. The log is what conditional GETs
(ETag / Last-Modified) and the reparse flow read; neither needs the network.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import tempfile
import threading
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import zstandard

from core.errors import StorageError
from extract.errors import ExtractError
from extract.records import Outcome
from extract.urls import origin

LOG_DIR = "_fetchlog"


class RawStoreError(ExtractError):
    """A body or log line could not be read back from the raw store."""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One fetch as recorded in the fetch log."""

    run_id: str
    url: str
    outcome: Outcome
    fetched_at: datetime | None  # when the stored body was downloaded (UTC)
    status: int | None = None
    sha256: str | None = None
    bytes: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None
    attempts: int = 1

    def to_json(self) -> str:
        data = asdict(self)
        data["outcome"] = self.outcome.value
        data["fetched_at"] = self.fetched_at.isoformat() if self.fetched_at else None
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> LogEntry:
        """Parse one log line; `ValueError` for anything that is not one (a torn write,
        garbage, a JSON value of the wrong shape or types)."""
        data = json.loads(line)
        if not isinstance(data, dict) or set(data) - _LOG_FIELDS:
            raise ValueError("not a fetch-log entry")
        for name, kinds in _LOG_TYPES.items():
            value = data.get(name)
            if (value is not None and not isinstance(value, kinds)) or isinstance(value, bool):
                raise ValueError(f"fetch-log entry with a bad {name}")
        if not isinstance(data.get("url"), str) or not isinstance(data.get("run_id"), str):
            raise ValueError("fetch-log entry without url or run_id")
        sha = data.get("sha256")
        if sha is not None and not _SHA256.fullmatch(sha):
            raise ValueError("fetch-log entry with a bad sha256")
        data["outcome"] = Outcome(data["outcome"])
        stamp = data.get("fetched_at")
        data["fetched_at"] = datetime.fromisoformat(stamp) if stamp else None
        return cls(**data)


_LOG_FIELDS = frozenset(
    {"run_id", "url", "outcome", "fetched_at", "status", "sha256", "bytes", "content_type",
     "etag", "last_modified", "final_url", "error", "attempts"}
)  # fmt: skip
_LOG_TYPES: dict[str, type | tuple[type, ...]] = {
    "run_id": str, "url": str, "outcome": str, "fetched_at": str, "status": int,
    "sha256": str, "bytes": int, "content_type": str, "etag": str, "last_modified": str,
    "final_url": str, "error": str, "attempts": int,
}  # fmt: skip
_SHA256 = re.compile(r"[0-9a-f]{64}")


ZSTD_SUFFIX = ".html.zst"
GZIP_SUFFIX = ".html.gz"  # bodies stored before zstd
_CODECS = threading.local()  # a zstd compressor is not safe to share between threads


def _compress(body: bytes) -> bytes:
    compressor = getattr(_CODECS, "compressor", None)
    if compressor is None:
        compressor = _CODECS.compressor = zstandard.ZstdCompressor(level=3)
    return compressor.compress(body)


def _decompress(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.endswith(GZIP_SUFFIX):
        return gzip.decompress(data)
    # One-shot frames carry their size; the bound is only for a frame that does not.
    return zstandard.ZstdDecompressor().decompress(data, max_output_size=1 << 30)


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def host_dir(url_or_origin: str) -> str:
    """The directory name of a URL's host: `127.0.0.1:8080` -> `127.0.0.1_8080`."""
    host = origin(url_or_origin) if "://" in url_or_origin else url_or_origin
    return host.replace(":", "_").replace("[", "").replace("]", "")


class RawStore:
    """Content-addressed bodies and per-run fetch logs under one root directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def body_path(self, host: str, sha: str) -> Path:
        """Where a body is written (zstd)."""
        return self.root / host_dir(host) / sha[:2] / f"{sha}{ZSTD_SUFFIX}"

    def _stored(self, host: str, sha: str) -> tuple[Path, Path]:
        """Where a body may be: written now (zstd), or by an earlier version (gzip)."""
        zst = self.body_path(host, sha)
        return zst, zst.with_name(f"{sha}{GZIP_SUFFIX}")

    def put(self, url: str, body: bytes) -> str:
        """Store a body fetched from `url` (once per distinct content); returns its sha256.

        A file already there is trusted only if it reads back to this hash: a damaged
        one is replaced, never kept. A write that fails (a full disk) is a
        `StorageError` and leaves no file under the final name.
        """
        sha = sha256_hex(body)
        for stored in self._stored(url, sha):
            if self._intact(stored, sha):
                with contextlib.suppress(OSError):
                    os.utime(stored)  # fetched again now: not a body raw retention may trim
                return sha
        path = self.body_path(url, sha)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".gz")
        except OSError as exc:
            raise StorageError.from_os_error(f"the raw body of {url}", exc) from exc
        try:
            with os.fdopen(fd, "wb") as raw:
                raw.write(_compress(body))
                raw.flush()
                os.fsync(raw.fileno())  # durable before it takes its final name
            os.replace(tmp, path)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise StorageError.from_os_error(f"the raw body of {url}", exc) from exc
            raise
        return sha

    def has(self, host: str, sha: str) -> bool:
        return any(path.exists() for path in self._stored(host, sha))

    def intact(self, host: str, sha: str) -> bool:
        """Whether the body is stored and reads back to its hash (what a 304 may reuse)."""
        return any(self._intact(path, sha) for path in self._stored(host, sha))

    @staticmethod
    def _intact(path: Path, sha: str) -> bool:
        try:
            return sha256_hex(_decompress(path)) == sha
        except (OSError, EOFError, zlib.error, zstandard.ZstdError):
            return False

    def get(self, sha: str, *, host: str | None = None) -> bytes:
        """The body with this sha256; `host` (or a URL of it) makes the lookup direct.

        Without `host` every host directory is searched. The content is checked
        against its hash, so a damaged file is an error, not silently wrong data.
        """
        if host is not None:
            candidates = list(self._stored(host, sha))
        else:
            candidates = sorted(self.root.glob(f"*/{sha[:2]}/{sha}.html.*"))
        for path in candidates:
            try:
                body = _decompress(path)
            except FileNotFoundError:
                continue
            except (OSError, EOFError, zlib.error, zstandard.ZstdError) as exc:
                raise RawStoreError(f"raw body {path} is unreadable: {exc}") from exc
            if sha256_hex(body) != sha:
                raise RawStoreError(f"raw body {path} does not match its sha256")
            return body
        raise RawStoreError(f"no raw body with sha256 {sha}" + (f" for {host}" if host else ""))

    # -- fetch log -------------------------------------------------------------------------

    def log_path(self, run_id: str) -> Path:
        return self.root / LOG_DIR / f"{run_id}.jsonl"

    def append_log(self, entries: list[LogEntry]) -> None:
        """Append entries to their runs' logs (one write per line, O_APPEND).

        A line that cannot be written whole (a full disk) is a `StorageError`; what part
        of it reached the disk is a torn line, which readers skip.
        """
        for entry in entries:
            path = self.log_path(entry.run_id)
            line = (entry.to_json() + "\n").encode("utf-8")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    if os.write(fd, line) != len(line):
                        raise OSError(28, "No space left on device (short write)", str(path))
                finally:
                    os.close(fd)
            except OSError as exc:
                raise StorageError.from_os_error(f"the fetch log {path}", exc) from exc

    def run_ids(self) -> list[str]:
        """Runs with a fetch log, oldest first (run ids sort as strings)."""
        return sorted(p.stem for p in (self.root / LOG_DIR).glob("*.jsonl"))

    def entries(self, run_id: str | None = None) -> Iterator[LogEntry]:
        """Every logged fetch, oldest run first, in the order it was written.

        A torn last line (a crash mid-write) and any line that is not a well-formed
        entry (garbage, wrong types) is skipped: the fetch it described simply did not
        happen as far as the store is concerned.
        """
        for rid in [run_id] if run_id is not None else self.run_ids():
            path = self.log_path(rid)
            if not path.exists():
                continue
            # Garbage is skipped line by line, bytes that are not UTF-8 included.
            with path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.endswith("\n"):
                        continue
                    try:
                        yield LogEntry.from_json(line)
                    except (ValueError, TypeError, KeyError):
                        continue

    def trim(
        self,
        *,
        keep_bodies: set[str],
        keep_runs: set[str],
        older_than: datetime,
        dry_run: bool = False,
    ) -> RawTrim:
        """Remove bodies nothing needs any more, and old fetch logs (raw retention).

        A body stays if `keep_bodies` names it (a kept version needs it to reparse),
        if a fetch log that stays names it, or if it was written or fetched again
        after `older_than`. Fetch logs of runs before `older_than` go, except those of
        `keep_runs`. Call it only while no run writes to the store.
        """
        return _trim(self, keep_bodies=keep_bodies, keep_runs=keep_runs,
                     older_than=older_than, dry_run=dry_run)

    def latest_by_url(
        self, *, with_body: bool = True, exclude_run: str | None = None
    ) -> dict[str, LogEntry]:
        """The newest log entry per URL.

        `with_body=True` (the default) keeps only entries whose body is in the
        store: what a conditional GET revalidates and what reparse rebuilds
        from. `with_body=False` gives the newest entry of any outcome, so a
        caller can tell a page that is gone (404/410 last time) from one that
        only failed transiently. `exclude_run` skips the logs of one run (the
        current one).
        """
        latest: dict[str, LogEntry] = {}
        for entry in self.entries():
            if exclude_run is not None and entry.run_id == exclude_run:
                continue
            if with_body and not (entry.sha256 and self.has(entry.url, entry.sha256)):
                continue
            latest[entry.url] = entry
        return latest


@dataclass(frozen=True, slots=True)
class RawTrim:
    """What `RawStore.trim` removed (or, with `dry_run`, would remove)."""

    bodies: int
    bytes: int
    logs: tuple[str, ...]  # run ids whose fetch logs went


def _trim(
    store: RawStore,
    *,
    keep_bodies: set[str],
    keep_runs: set[str],
    older_than: datetime,
    dry_run: bool,
) -> RawTrim:
    cutoff = older_than.timestamp()
    old_runs = [r for r in store.run_ids() if r not in keep_runs and _run_time(r) < older_than]
    recent = {e.sha256 for r in store.run_ids() if r not in old_runs for e in store.entries(r)}
    bodies = size = 0
    for path in store.root.glob("*/*/*.html.*"):
        sha = path.name.split(".", 1)[0]
        if sha in keep_bodies or sha in recent:
            continue
        try:
            stat = path.stat()
            if stat.st_mtime >= cutoff:
                continue
            if not dry_run:
                path.unlink()
        except FileNotFoundError:
            continue
        bodies += 1
        size += stat.st_size
    if not dry_run:
        for run_id in old_runs:
            store.log_path(run_id).unlink(missing_ok=True)
    return RawTrim(bodies, size, tuple(old_runs))


def _run_time(run_id: str) -> datetime:
    try:
        return datetime.strptime(run_id.split("-", 1)[0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)  # not a run id we know: never "old"
