"""The raw store: every fetched body, content-addressed and compressed, plus a fetch log.

Layout under its root (normally `data/raw/`, or `s3://bucket/prefix/raw`)::

    <host>/<sha256[:2]>/<sha256>.html.zst    one file per distinct body and host (zstd)
    _fetchlog/<run_id>.jsonl                 one JSON line per fetch of the run (local)
    _fetchlog/<run_id>/<time>-<token>.jsonl  the same, one object per batch (S3)

Bodies are zstd-compressed (level 3: as small as gzip -9 within 5%, compressed
16 times faster and read 4 times faster); bodies stored by earlier versions
as `.html.gz` are read as they are.

`host` is the URL's `host[:port]` with ":" written as "_" (safe on every
filesystem). Bodies are created only if absent (`Store.create`: a synced
staging file linked into place locally, If-None-Match: * on S3), so a crash
never leaves a half body under its final name and identical bodies are stored
once. On a local folder log lines are appended with one `write` on an O_APPEND
file, so batches of the same run may append at once; objects cannot be appended
to, so on S3 each batch is one object of its own. Readers read both. The log is
what conditional GETs (ETag / Last-Modified) and the reparse flow read; neither
needs the network.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import secrets
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import zstandard

from core.errors import StorageError
from core.store import Store, Where, open_store
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
        # Every field is a str, int, datetime, enum or None: no `asdict` deep copy needed.
        data = {name: getattr(self, name) for name in _LOG_FIELDS}
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


def _decompress(name: str, data: bytes) -> bytes:
    if name.endswith(GZIP_SUFFIX):
        return gzip.decompress(data)
    # One-shot frames carry their size; the bound is only for a frame that does not.
    return zstandard.ZstdDecompressor().decompress(data, max_output_size=1 << 30)


def _fill(sink: BinaryIO, data: bytes) -> None:
    sink.write(data)


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def host_dir(url_or_origin: str) -> str:
    """The directory name of a URL's host: `127.0.0.1:8080` -> `127.0.0.1_8080`."""
    host = origin(url_or_origin) if "://" in url_or_origin else url_or_origin
    return host.replace(":", "_").replace("[", "").replace("]", "")


class RawStore:
    """Content-addressed bodies and per-run fetch logs in one store (a folder or S3 prefix)."""

    def __init__(self, root: Where | Store) -> None:
        self.store = open_store(root)

    @property
    def root(self) -> Path:
        """The local folder (a `StorageError` on object storage)."""
        return self.store.local_root()

    @property
    def where(self) -> str:
        return self.store.url

    @staticmethod
    def body_key(host: str, sha: str) -> str:
        """Where a body is written (zstd)."""
        return f"{host_dir(host)}/{sha[:2]}/{sha}{ZSTD_SUFFIX}"

    def body_path(self, host: str, sha: str) -> Path:
        return self.root / self.body_key(host, sha)

    def _stored(self, host: str, sha: str) -> tuple[str, str]:
        """Where a body may be: written now (zstd), or by an earlier version (gzip)."""
        zst = self.body_key(host, sha)
        return zst, zst.removesuffix(ZSTD_SUFFIX) + GZIP_SUFFIX

    def put(self, url: str, body: bytes) -> str:
        """Store a body fetched from `url` (once per distinct content); returns its sha256.

        A file already there is trusted only if it reads back to this hash: a damaged
        one is replaced, never kept. A write that fails (a full disk) is a
        `StorageError` and leaves no file under the final name.
        """
        sha = sha256_hex(body)
        for stored in self._stored(url, sha):
            if self._intact(stored, sha):
                self.store.touch(stored)  # fetched again now: not a body raw retention may trim
                return sha
        key = self.body_key(url, sha)
        try:
            data = _compress(body)
            try:
                self.store.create(key, data)  # create-only: identical bodies are stored once
            except FileExistsError:
                if not self._intact(key, sha):  # a damaged one: replaced whole
                    self.store.write(key, lambda sink: _fill(sink, data))
        except OSError as exc:
            raise StorageError.from_os_error(f"the raw body of {url}", exc) from exc
        return sha

    def has(self, host: str, sha: str) -> bool:
        return any(self.store.exists(key) for key in self._stored(host, sha))

    def intact(self, host: str, sha: str) -> bool:
        """Whether the body is stored and reads back to its hash (what a 304 may reuse)."""
        return any(self._intact(key, sha) for key in self._stored(host, sha))

    def _intact(self, key: str, sha: str) -> bool:
        try:
            return sha256_hex(_decompress(key, self.store.read(key).data)) == sha
        except (OSError, EOFError, zlib.error, zstandard.ZstdError):
            return False

    def _hosts(self) -> list[str]:
        return [e.name for e in self.store.ls("") if e.folder and e.name != LOG_DIR]

    def get(self, sha: str, *, host: str | None = None) -> bytes:
        """The body with this sha256; `host` (or a URL of it) makes the lookup direct.

        Without `host` every host directory is searched. The content is checked
        against its hash, so a damaged file is an error, not silently wrong data.
        """
        if host is not None:
            candidates = list(self._stored(host, sha))
        else:
            candidates = [key for h in self._hosts() for key in self._stored(h, sha)]
        for key in candidates:
            where = f"{self.where}/{key}"
            try:
                body = _decompress(key, self.store.read(key).data)
            except FileNotFoundError:
                continue
            except (OSError, EOFError, zlib.error, zstandard.ZstdError) as exc:
                raise RawStoreError(f"raw body {where} is unreadable: {exc}") from exc
            if sha256_hex(body) != sha:
                raise RawStoreError(f"raw body {where} does not match its sha256")
            return body
        raise RawStoreError(f"no raw body with sha256 {sha}" + (f" for {host}" if host else ""))

    # -- fetch log -------------------------------------------------------------------------

    @staticmethod
    def log_key(run_id: str) -> str:
        return f"{LOG_DIR}/{run_id}.jsonl"

    def log_path(self, run_id: str) -> Path:
        return self.root / self.log_key(run_id)

    def append_log(self, entries: list[LogEntry]) -> None:
        """Add entries to their runs' logs: appended (one write per line, O_APPEND) on a
        local folder, one new object per run and batch on S3.

        A line that cannot be written whole (a full disk) is a `StorageError`; what part
        of it reached the disk is a torn line, which readers skip.
        """
        by_run: dict[str, list[bytes]] = {}
        for entry in entries:
            by_run.setdefault(entry.run_id, []).append((entry.to_json() + "\n").encode("utf-8"))
        for run_id, lines in by_run.items():
            try:
                if self.store.appends:
                    for line in lines:
                        self.store.append(self.log_key(run_id), line)
                else:
                    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                    key = f"{LOG_DIR}/{run_id}/{stamp}-{secrets.token_hex(4)}.jsonl"
                    self.store.create(key, b"".join(lines))
            except OSError as exc:
                raise StorageError.from_os_error(
                    f"the fetch log {self.where}/{self.log_key(run_id)}", exc) from exc

    def run_ids(self) -> list[str]:
        """Runs with a fetch log, oldest first (run ids sort as strings)."""
        found = {e.name.removesuffix(".jsonl") for e in self.store.ls(LOG_DIR)
                 if (e.folder and not e.name.startswith(".")) or e.name.endswith(".jsonl")}
        return sorted(found)

    def _log_keys(self, run_id: str) -> list[str]:
        """The objects of a run's log, in the order they were written."""
        batches = sorted(e.key for e in self.store.ls(f"{LOG_DIR}/{run_id}")
                         if not e.folder and e.name.endswith(".jsonl"))
        return [self.log_key(run_id), *batches]

    def entries(self, run_id: str | None = None) -> Iterator[LogEntry]:
        """Every logged fetch, oldest run first, in the order it was written.

        A torn last line (a crash mid-write) and any line that is not a well-formed
        entry (garbage, wrong types) is skipped: the fetch it described simply did not
        happen as far as the store is concerned.
        """
        for rid in [run_id] if run_id is not None else self.run_ids():
            for key in self._log_keys(rid):
                try:
                    data = self.store.read(key).data
                except (FileNotFoundError, IsADirectoryError):
                    continue
                # Garbage is skipped line by line, bytes that are not UTF-8 included.
                for line in data.decode("utf-8", errors="replace").splitlines(keepends=True):
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
    old_runs = [r for r in store.run_ids() if r not in keep_runs and _run_time(r) < older_than]
    recent = {e.sha256 for r in store.run_ids() if r not in old_runs for e in store.entries(r)}
    bodies = size = 0
    for entry in store.store.walk(""):
        parts = entry.key.split("/")
        if len(parts) != 3 or parts[0] == LOG_DIR or entry.name.startswith("."):
            continue
        if ".html." not in entry.name:
            continue
        sha = entry.name.split(".", 1)[0]
        if sha in keep_bodies or sha in recent:
            continue
        if entry.modified is not None and entry.modified >= older_than:
            continue
        if not dry_run:
            store.store.delete(entry.key)
        bodies += 1
        size += entry.size
    if not dry_run:
        for run_id in old_runs:
            store.store.delete(store.log_key(run_id))
            store.store.delete_tree(f"{LOG_DIR}/{run_id}")
    return RawTrim(bodies, size, tuple(old_runs))


def _run_time(run_id: str) -> datetime:
    try:
        return datetime.strptime(run_id.split("-", 1)[0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)  # not a run id we know: never "old"
