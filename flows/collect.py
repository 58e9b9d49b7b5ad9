"""The pages of a run as they come from the parse workers, in memory that does not grow.

Each parsed batch is split at once: its pages' outcomes stay (small, one per page:
what carry-forward, the summary and progress read), its careers wait in a buffer
until `size` pages have come, and are then normalized in the parse pool, off
the event loop and beside the fetching. So at most one buffer of parsed records
is in memory at any time, and the run keeps only normalized, columnar batches.

The buffer is large on purpose: normalizing costs a fixed ~0.2 s of pandas
work per call whatever its size, so one call per few thousand pages keeps it
a rounding error, where one per parse batch would cost more than the parse.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence

from extract.parse_pool import ParsePool
from extract.records import PageOutcome, ParsedPage
from transform.build import Batch, normalize_batch

NORMALIZE_PAGES = 2000  # pages per normalization call


class RunPages:
    def __init__(
        self, pool: ParsePool, *, default_currency: str, size: int = NORMALIZE_PAGES
    ) -> None:
        self._pool = pool
        self._default_currency = default_currency
        self._size = size
        self._buffer: list[ParsedPage] = []
        self._batches: list[asyncio.Future[Batch]] = []
        self.outcomes: list[PageOutcome] = []

    def add(self, parsed: Iterable[ParsedPage]) -> list[PageOutcome]:
        """Take a parsed batch; return its pages' outcomes."""
        parsed = list(parsed)
        outcomes = [PageOutcome.of(p) for p in parsed]
        self.outcomes.extend(outcomes)
        self._buffer.extend(parsed)
        if len(self._buffer) >= self._size:
            self._flush()
        return outcomes

    async def take(self, parsed: Sequence[ParsedPage]) -> list[PageOutcome]:
        """`add`, as a parse task's sink (flows/tasks.py)."""
        return self.add(parsed)

    def _flush(self) -> None:
        if not self._buffer:
            return
        pages, self._buffer = self._buffer, []
        self._batches.append(asyncio.ensure_future(
            self._pool.run(normalize_batch, pages, default_currency=self._default_currency)
        ))

    async def batches(self, extra: Sequence[ParsedPage] = ()) -> list[Batch]:
        """Every batch, normalized (the buffer and `extra` pages too): the run's pages."""
        self.add(extra)
        self._flush()
        return list(await asyncio.gather(*self._batches))
