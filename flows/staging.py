"""How a crawl shard hands its parsed pages to the ingest run: files in the data dir's store.

A shard runs on another machine, so what it parsed comes back through storage,
never through Prefect results (which would carry every page through the API):

    _staging/<run_id>/shard-<k>/a<attempt>/batch-<n>.pkl.zst   one per parse batch
    _staging/<run_id>/shard-<k>/a<attempt>/discoveries.pkl.zst  what discovery found
    _staging/<run_id>/shard-<k>/a<attempt>/heartbeat            a counter, while it lives
    _staging/<run_id>/shard-<k>.json                            the shard's outcome

Every batch file is created only if absent, and so is the outcome file: the
first attempt to finish (or the ingest run giving the shard up) writes it, and
any other attempt, a slow one the run already took for dead, finds it there and
stops without effect. The run reads only the parts the outcome names.

The files are pickles of the project's own records, written and read by the
same release within one run, and deleted when the run ends (`drop`).
"""

from __future__ import annotations

import asyncio
import json
import pickle
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import zstandard

from core.store import Store, open_store
from extract.discover import Discovery
from extract.records import PageOutcome, ParsedPage

STAGING_DIR = "_staging"
FORMAT = 1  # bumped when the pickled records change shape


@dataclass(frozen=True, slots=True)
class ShardOutcome:
    """What a shard's outcome file says: the attempt that counts and its parts, or why
    the run gave the shard up."""

    shard: int
    attempt: int
    parts: tuple[str, ...] = ()
    failed: str | None = None  # None: the shard finished and `parts` hold its pages

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "shard": self.shard, "attempt": self.attempt,
                           "parts": list(self.parts), "failed": self.failed}).encode()

    @classmethod
    def from_json(cls, data: bytes) -> ShardOutcome:
        raw = json.loads(data)
        if raw.get("format") != FORMAT:
            raise ValueError(f"staging format {raw.get('format')!r}, this release reads {FORMAT}")
        return cls(int(raw["shard"]), int(raw["attempt"]), tuple(raw["parts"]), raw["failed"])


def _pack(value: Any) -> bytes:
    return zstandard.ZstdCompressor(level=1).compress(
        pickle.dumps((FORMAT, value), protocol=pickle.HIGHEST_PROTOCOL)
    )


def _unpack(data: bytes, key: str) -> Any:
    version, value = pickle.loads(zstandard.ZstdDecompressor().decompress(data))
    if version != FORMAT:
        raise ValueError(f"{key}: staging format {version}, this release reads {FORMAT}")
    return value


class RunStaging:
    """One ingest run's staging area in the data dir's store."""

    def __init__(self, data_dir: Any, run_id: str) -> None:
        self.store: Store = open_store(data_dir)
        self.run_id = run_id
        self.root = f"{STAGING_DIR}/{run_id}"

    def attempt_dir(self, shard: int, attempt: int) -> str:
        return f"{self.root}/shard-{shard}/a{attempt}"

    def outcome_key(self, shard: int) -> str:
        return f"{self.root}/shard-{shard}.json"

    def heartbeat_key(self, shard: int, attempt: int) -> str:
        return f"{self.attempt_dir(shard, attempt)}/heartbeat"

    # -- the shard's side -------------------------------------------------------------------

    def writer(self, shard: int, attempt: int) -> ShardWriter:
        return ShardWriter(self, shard, attempt)

    def beat(self, shard: int, attempt: int, count: int, etag: str | None) -> str:
        """Move the attempt's heartbeat on to `count`; the new tag for the next beat."""
        key = self.heartbeat_key(shard, attempt)
        return self.store.swap(key, str(count).encode(), etag)

    # -- the run's side ---------------------------------------------------------------------

    def heartbeat(self, shard: int, attempt: int) -> str | None:
        """The attempt's last heartbeat (None before its first): it lives while this moves."""
        try:
            return self.store.read(self.heartbeat_key(shard, attempt)).data.decode()
        except FileNotFoundError:
            return None

    def outcome(self, shard: int) -> ShardOutcome | None:
        try:
            return ShardOutcome.from_json(self.store.read(self.outcome_key(shard)).data)
        except FileNotFoundError:
            return None

    def give_up(self, shard: int, attempt: int, why: str) -> ShardOutcome:
        """Close the shard as failed, unless an attempt finished first (its outcome is
        returned then): from here on no attempt of it counts."""
        closed = ShardOutcome(shard, attempt, failed=why)
        try:
            self.store.create(self.outcome_key(shard), closed.to_json())
        except FileExistsError:
            found = self.outcome(shard)
            if found is not None:
                return found
        return closed

    def discoveries(self, outcome: ShardOutcome) -> list[Discovery]:
        key = f"{self.attempt_dir(outcome.shard, outcome.attempt)}/discoveries.pkl.zst"
        return list(_unpack(self.store.read(key).data, key))

    def batch(self, outcome: ShardOutcome, part: str) -> list[ParsedPage]:
        """One staged batch (one of `outcome.parts`) of parsed pages."""
        key = f"{self.attempt_dir(outcome.shard, outcome.attempt)}/{part}"
        return list(_unpack(self.store.read(key).data, key))

    def sweep_others(self) -> list[str]:
        """Remove the staging areas of earlier runs (a run killed before its `drop`); safe
        because the run lock keeps any other ingest off this data dir meanwhile."""
        gone = [e.name for e in self.store.ls(STAGING_DIR) if e.folder and e.name != self.run_id]
        for name in gone:
            self.store.delete_tree(f"{STAGING_DIR}/{name}")
        return gone

    def drop(self) -> None:
        """The run is over: its staging area goes (what a late attempt adds, gc sweeps)."""
        self.store.delete_tree(self.root)


class ShardWriter:
    """One attempt of one shard: stages parsed batches, then its outcome."""

    def __init__(self, staging: RunStaging, shard: int, attempt: int) -> None:
        self._staging = staging
        self._shard = shard
        self._attempt = attempt
        self._folder = staging.attempt_dir(shard, attempt)
        self._parts: list[str] = []
        self._naming = threading.Lock()  # batches of several hosts are staged at once

    @property
    def parts(self) -> int:
        return len(self._parts)

    async def take(self, parsed: Sequence[ParsedPage]) -> list[PageOutcome]:
        """As a parse task's sink: `add`, off the event loop (fetches go on meanwhile)."""
        return await asyncio.to_thread(self.add, parsed)

    def add(self, parsed: Sequence[ParsedPage]) -> list[PageOutcome]:
        """Stage a parsed batch (create-only); its pages' outcomes, for progress."""
        data = _pack(list(parsed))
        with self._naming:
            name = f"batch-{len(self._parts):05d}.pkl.zst"
            self._parts.append(name)
        self._staging.store.create(f"{self._folder}/{name}", data)
        return [PageOutcome.of(p) for p in parsed]

    def finish(self, discoveries: Sequence[Discovery]) -> bool:
        """Stage what discovery found and claim the shard's outcome; False when another
        attempt (or the run giving up) claimed it first, and this attempt counts for nothing."""
        slim = [replace(d, robots={}) for d in discoveries]  # the run needs pages and URLs only
        self._staging.store.create(f"{self._folder}/discoveries.pkl.zst", _pack(slim))
        outcome = ShardOutcome(self._shard, self._attempt, tuple(self._parts))
        try:
            self._staging.store.create(self._staging.outcome_key(self._shard), outcome.to_json())
        except FileExistsError:
            return False
        return True

