"""Storage: one small interface over a local folder or an S3 prefix, used by every stage.

    store = open_store("data/parquet")              # LocalStore: today's files, fsync, flock
    store = open_store("s3://bucket/prefix/parquet")  # S3Store: conditional writes, no locks

Keys are POSIX paths relative to the store's root ("_manifests/<run_id>.json").
The operations are the ones the publish protocol and the raw store need, and
nothing else:

    read(key)                    -> Blob(data, etag)      FileNotFoundError when absent
    write(key, fill)             a part: whole under its name or not there at all
    create(key, data)            only if absent (If-None-Match: *)   FileExistsError
    swap(key, data, etag)        compare-and-set a small file (If-Match)   Stale
    append(key, data)            local only (`appends`); S3 logs write one object per batch
    ls(prefix) / walk(prefix)    immediate children / every file below
    delete(key) / delete_tree(prefix)
    lease(key, holder, ttl)      a hold on a data dir or a host: flock / object with expiry
    claim(owner) / abandoned()   a publish in flight, as the sweeper sees it:
                                 flock held by a live process / parts younger than
                                 `stale_after`

The store classes translate their client's errors once, here: absent keys are
`FileNotFoundError`, create refusals `FileExistsError`, a lost compare-and-set
`Stale`, a held lease `Busy`, and any other failure an `OSError`, which the
stages turn into a one-line `StorageError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, runtime_checkable

from core.errors import StorageError

if TYPE_CHECKING:
    import pyarrow.fs as pafs

Step = Callable[[str], None]
Fill = Callable[[BinaryIO], None]
Where = str | os.PathLike[str]  # a local path, file://... or s3://bucket/prefix

def ignore_step(_: str) -> None:
    """The default step hook: does nothing."""


class Stale(Exception):
    """A compare-and-set lost: the file's tag is no longer the one it was read with."""


class Busy(StorageError):
    """A lease is held by someone else (the message says who, when it can)."""


@dataclass(frozen=True, slots=True)
class Blob:
    """A small file's bytes and its version tag (an ETag on S3, a content hash locally)."""

    data: bytes
    etag: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One child of a folder, as `ls` and `walk` give it."""

    key: str
    folder: bool
    size: int
    modified: datetime | None  # None for folders

    @property
    def name(self) -> str:
        return self.key.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Written:
    """What `write` put under a key: its size and sha256."""

    size: int
    sha256: str


@runtime_checkable
class Store(Protocol):
    """A root (folder or bucket prefix) holding files by key."""

    @property
    def url(self) -> str:
        """Where the store is, for messages and readers (a path, or s3://...)."""
        ...

    @property
    def appends(self) -> bool:
        """Whether `append` works (a local file); S3 objects cannot be appended to."""
        ...

    def child(self, name: str) -> Store: ...
    def local_root(self) -> Path: ...
    def ensure(self, *folders: str) -> None: ...
    def exists(self, key: str) -> bool: ...
    def is_folder(self, key: str) -> bool: ...
    def read(self, key: str) -> Blob: ...
    def write(self, key: str, fill: Fill, *, owner: str = "", step: Step = ignore_step
              ) -> Written: ...
    def create(self, key: str, data: bytes, *, owner: str = "", step: Step = ignore_step
               ) -> None: ...
    def swap(self, key: str, data: bytes, etag: str | None, *, owner: str = "",
             step: Step = ignore_step) -> str: ...
    def append(self, key: str, data: bytes) -> None: ...
    def touch(self, key: str) -> None: ...
    def ls(self, prefix: str = "") -> list[Entry]: ...
    def walk(self, prefix: str = "") -> Iterator[Entry]: ...
    def delete(self, key: str) -> None: ...
    def delete_tree(self, prefix: str) -> None: ...
    def guard(self, key: str) -> AbstractContextManager[None]: ...
    def lease(self, key: str, holder: Mapping[str, object], *, ttl: timedelta | None = None
              ) -> AbstractContextManager[None]: ...
    def claim(self, owner: str) -> AbstractContextManager[None]: ...
    def claimed(self) -> list[str]: ...
    def abandoned(self, owner: str, keys: Sequence[str], *, now: datetime, dry_run: bool
                  ) -> AbstractContextManager[bool]: ...
    def arrow(self) -> tuple[pafs.FileSystem, str]: ...


def _s3_store(url: str) -> Store:
    from core.store.s3 import S3Store  # s3fs and aiobotocore load only when used

    return S3Store(url)


# Object stores by URL scheme (as Scrapy's FEED_STORAGES); a path or file:// is local.
STORES: dict[str, Callable[[str], Store]] = {"s3": _s3_store}


def _scheme(text: str) -> str | None:
    return text.split("://", 1)[0] if "://" in text else None


def is_remote(where: Where | Store) -> bool:
    """Whether `where` names object storage (s3://) rather than a local folder."""
    text = where.url if isinstance(where, Store) else os.fspath(where)
    return _scheme(text) in STORES


def data_dir_arg(text: str) -> Path | str:
    """A `--data-dir` as given: an s3:// URL stays a string, anything else is a Path."""
    return text.rstrip("/") if is_remote(text) else local_path(text)


def local_path(where: Where) -> Path:
    """A local `where` as a Path (`file://` URLs too)."""
    text = os.fspath(where)
    return Path(text.removeprefix("file://")) if text.startswith("file://") else Path(text)


def open_store(where: Where | Store) -> Store:
    """The store for a path, a `file://` URL or an `s3://bucket/prefix` URL.

    S3 credentials, region and endpoint come from the standard AWS environment
    variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION,
    AWS_ENDPOINT_URL for MinIO, R2, moto ...), read by the client when the store opens.
    """
    if isinstance(where, Store):
        return where
    text = os.fspath(where)
    scheme = _scheme(text)
    if scheme in STORES:
        return STORES[scheme](text)
    from core.store.local import LocalStore

    return LocalStore(local_path(where))
