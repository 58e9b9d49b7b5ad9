"""The S3 store: conditional writes instead of rename, link and flock.

    create   put_object(IfNoneMatch="*")      a second creator gets 412: FileExistsError
    swap     put_object(IfMatch=etag)         a stale tag gets 412 (or 409): Stale
    write    put_object(IfNoneMatch="*")      parts, whole or absent, never overwritten
    read     get_object                       the bytes with their ETag

There is no rename, so nothing is staged: an object is whole under its key or
absent. There is no flock either: a publish in flight is told from a crashed one
by age (`stale_after`), and a run's hold on a data dir is a lease object
created only if absent, carrying its expiry, renewed by compare-and-set while
the run lives and taken over by compare-and-set once it expired.

The client is s3fs (aiobotocore); credentials, region and endpoint come from the
standard AWS environment variables, read by botocore.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from collections.abc import Coroutine, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs

from core.errors import StorageError
from core.store import Blob, Busy, Entry, Fill, Stale, Step, Written, ignore_step

STALE_AFTER = timedelta(hours=1)
LEASE_TTL = timedelta(minutes=2)
_CONFLICTS = {"PreconditionFailed", "ConditionalRequestConflict"}


def _split(url: str) -> tuple[str, str]:
    rest = url.removeprefix("s3://").strip("/")
    bucket, _, prefix = rest.partition("/")
    if not bucket:
        raise StorageError(f"{url} names no bucket (s3://bucket/prefix)")
    return bucket, prefix


class S3Store:
    """Objects under `s3://bucket/prefix`."""

    appends = False

    def __init__(self, url: str, *, fs: Any = None, stale_after: timedelta = STALE_AFTER,
                 lease_ttl: timedelta = LEASE_TTL) -> None:
        import s3fs

        self.bucket, self.prefix = _split(url)
        self.fs = fs if fs is not None else s3fs.S3FileSystem(use_listings_cache=False)
        self.stale_after = stale_after
        self.lease_ttl = lease_ttl

    def __repr__(self) -> str:
        return f"S3Store({self.url!r})"

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}".rstrip("/")

    def _key(self, key: str) -> str:
        return "/".join(p for p in (self.prefix, key.strip("/")) if p)

    def _relative(self, full: str) -> str:
        return full[len(self.prefix) + 1:] if self.prefix else full

    # -- the client, and its errors translated once --------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        from fsspec.asyn import sync

        return sync(self.fs.loop, lambda: coro)

    def _call(self, method: str, key: str | None = None, **kwargs: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError
        from s3fs.errors import translate_boto_error

        async def call() -> Any:
            client = await self.fs.set_session()
            args = {"Bucket": self.bucket, **kwargs}
            if key is not None:
                args["Key"] = self._key(key)
            try:
                response = await getattr(client, method)(**args)
                if "Body" in response:
                    async with response["Body"] as body:
                        response["Data"] = await body.read()
                return response
            except ClientError as exc:
                error = exc.response.get("Error", {})
                status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                if error.get("Code") in _CONFLICTS or status in (409, 412):
                    if "IfNoneMatch" in kwargs:
                        raise FileExistsError(f"{self.url}/{key} exists") from exc
                    raise Stale(key or "") from exc
                if error.get("Code") in ("NoSuchKey", "404") or status == 404:
                    raise FileNotFoundError(f"{self.url}/{key}") from exc
                raise translate_boto_error(exc) from exc
            except BotoCoreError as exc:  # no connection, bad credentials config ...
                raise OSError(f"{self.url}: {exc}") from exc

        return self._run(call())

    # -- the interface ---------------------------------------------------------------------------

    def child(self, name: str) -> S3Store:
        return S3Store(f"{self.url}/{name}", fs=self.fs, stale_after=self.stale_after,
                       lease_ttl=self.lease_ttl)

    def local_root(self) -> Path:
        raise StorageError(f"{self.url} is object storage; this needs a local data dir")

    def ensure(self, *folders: str) -> None:
        """Folders need not exist on S3; the bucket must."""

    def exists(self, key: str) -> bool:
        try:
            self._call("head_object", key)
        except FileNotFoundError:
            return False
        return True

    def is_folder(self, key: str) -> bool:
        prefix = self._key(key)
        response = self._call("list_objects_v2", Prefix=f"{prefix}/" if prefix else "",
                              MaxKeys=1)
        return bool(response.get("KeyCount", 0))

    def read(self, key: str) -> Blob:
        response = self._call("get_object", key)
        return Blob(response["Data"], response["ETag"])

    def write(self, key: str, fill: Fill, *, owner: str = "", step: Step = ignore_step) -> Written:
        """A part: filled in memory, then put create-only; steps: closed, uploaded."""
        buffer = io.BytesIO()
        fill(buffer)
        step("closed")
        data = buffer.getvalue()
        self._call("put_object", key, Body=data, IfNoneMatch="*")
        step("uploaded")
        return Written(len(data), hashlib.sha256(data).hexdigest())

    def create(self, key: str, data: bytes, *, owner: str = "", step: Step = ignore_step) -> None:
        self._call("put_object", key, Body=data, IfNoneMatch="*")
        step("created")

    def swap(self, key: str, data: bytes, etag: str | None, *, owner: str = "",
             step: Step = ignore_step) -> str:
        condition = {"IfNoneMatch": "*"} if etag is None else {"IfMatch": etag}
        try:
            response = self._call("put_object", key, Body=data, **condition)
        except FileExistsError:
            raise Stale(key) from None
        step("replaced")
        return str(response["ETag"])

    def append(self, key: str, data: bytes) -> None:
        raise StorageError(f"{self.url}: objects cannot be appended to")

    def touch(self, key: str) -> None:
        """Nothing: an object's time is when it was written."""

    def _pages(self, prefix: str, delimiter: str | None) -> Iterator[dict[str, Any]]:
        full = self._key(prefix)
        args: dict[str, Any] = {"Prefix": f"{full}/" if full else ""}
        if delimiter:
            args["Delimiter"] = delimiter
        while True:
            page = self._call("list_objects_v2", **args)
            yield page
            if not page.get("IsTruncated"):
                return
            args["ContinuationToken"] = page["NextContinuationToken"]

    @staticmethod
    def _modified(item: Mapping[str, Any]) -> datetime:
        stamp: datetime = item["LastModified"]
        return stamp.astimezone(UTC)

    def ls(self, prefix: str = "") -> list[Entry]:
        found = []
        for page in self._pages(prefix, "/"):
            for common in page.get("CommonPrefixes", []):
                found.append(Entry(self._relative(common["Prefix"]).rstrip("/"), True, 0, None))
            for item in page.get("Contents", []):
                found.append(Entry(self._relative(item["Key"]), False, item["Size"],
                                   self._modified(item)))
        return sorted(found, key=lambda e: e.key)

    def walk(self, prefix: str = "") -> Iterator[Entry]:
        for page in self._pages(prefix, None):
            for item in page.get("Contents", []):
                yield Entry(self._relative(item["Key"]), False, item["Size"],
                            self._modified(item))

    def delete(self, key: str) -> None:
        self._call("delete_object", key)

    def delete_tree(self, prefix: str) -> None:
        keys = [e.key for e in self.walk(prefix)]
        for start in range(0, len(keys), 1000):
            batch = [{"Key": self._key(k)} for k in keys[start:start + 1000]]
            self._call("delete_objects", Delete={"Objects": batch, "Quiet": True})

    def guard(self, key: str) -> AbstractContextManager[None]:
        """Nothing to hold: every change of `key` is a compare-and-set."""
        return nullcontext()

    # -- leases and claims -----------------------------------------------------------------------

    def _lease_body(self, holder: Mapping[str, object], ttl: timedelta) -> bytes:
        expires = datetime.now(UTC) + ttl
        return json.dumps({**holder, "expires": expires.isoformat()}, default=str).encode()

    @staticmethod
    def _expired(data: bytes) -> bool:
        try:
            return datetime.fromisoformat(json.loads(data)["expires"]) < datetime.now(UTC)
        except (ValueError, KeyError, TypeError):
            return True  # unreadable: nobody can be said to hold it

    @contextmanager
    def lease(self, key: str, holder: Mapping[str, object], *, ttl: timedelta | None = None
              ) -> Iterator[None]:
        """An object created only if absent, holding its expiry (`ttl`, by default the
        store's `lease_ttl`); renewed every third of it by compare-and-set while the block
        runs, deleted at its end. An expired lease (its holder died) is taken over by
        compare-and-set, so one taker wins."""
        from core.store.local import describe_holder

        life = ttl or self.lease_ttl

        try:
            self.create(key, self._lease_body(holder, life))
            etag = self.read(key).etag
        except FileExistsError:
            try:
                current = self.read(key)
            except FileNotFoundError:
                raise Busy("a run that was just finishing; try again") from None
            if not self._expired(current.data):
                raise Busy(describe_holder(current.data)) from None
            try:
                etag = self.swap(key, self._lease_body(holder, life), current.etag)
            except Stale:
                raise Busy("another run that took over an expired lease") from None
        stop = threading.Event()
        tags = [etag]

        def renew() -> None:
            while not stop.wait(max(life.total_seconds() / 3, 1.0)):
                try:
                    tags[0] = self.swap(key, self._lease_body(holder, life), tags[0])
                except (Stale, OSError, StorageError):
                    return  # lost or unreachable: the run goes on; the next one may take over

        thread = threading.Thread(target=renew, name=f"lease {key}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            try:
                if self.read(key).etag == tags[0]:
                    self.delete(key)
            except (FileNotFoundError, OSError):
                pass

    def claim(self, owner: str) -> AbstractContextManager[None]:
        """Nothing to hold: the sweeper spares parts younger than `stale_after`."""
        return nullcontext()

    def claimed(self) -> list[str]:
        return []

    @contextmanager
    def abandoned(self, owner: str, keys: Sequence[str], *, now: datetime, dry_run: bool
                  ) -> Iterator[bool]:
        """Whether every object under `keys` is older than `stale_after` at `now`."""
        newest: datetime | None = None
        for key in keys:
            stamps = [e.modified for e in self.walk(key) if e.modified is not None]
            try:
                head = self._call("head_object", key)
                stamps.append(head["LastModified"].astimezone(UTC))
            except FileNotFoundError:
                pass
            for stamp in stamps:
                newest = stamp if newest is None or stamp > newest else newest
        yield newest is None or now - newest >= self.stale_after

    def arrow(self) -> tuple[pafs.FileSystem, str]:
        """The same s3fs client, for pyarrow readers."""
        return (pafs.PyFileSystem(pafs.FSSpecHandler(self.fs)),
                f"{self.bucket}/{self.prefix}".rstrip("/"))
