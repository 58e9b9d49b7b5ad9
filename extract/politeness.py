"""Per-host politeness: at most N requests in flight and a minimum gap between them.

One `HostLimiter` per host for one fetch call (discovery or one batch). The
gap is `delay * (1 + jitter * U[0,1))`: jitter only ever adds, so the
configured delay is a true minimum. The first request of a limiter also waits
one gap, so the delay holds across batches and between discovery and the
first batch (each creates its own limiters).

With one request at a time (the default), the gap runs from the *end* of the
previous request to the start of the next. Measured from starts instead, a
request that spends its slot opening a connection (the first one to a host,
robots.txt) arrives late and the next, on the warm connection, arrives less
than a gap after it: the server would see the host's delay broken. From the
end, the server sees at least the delay between any two requests, by
construction. With N at a time, starts are spaced by the gap.

Time comes from a `Clock` (the event loop's by default) so the rules are tested
on fake time, without sockets or sleeps.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class LoopClock:
    """The running event loop's monotonic clock."""

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class HostLimiter:
    def __init__(
        self,
        *,
        concurrency: int,
        delay: float,
        jitter: float,
        rand: Callable[[], float] = random.random,
        clock: Clock | None = None,
    ) -> None:
        self.delay = delay
        self._jitter = jitter
        self._rand = rand
        self._clock = clock or LoopClock()
        self._serial = concurrency == 1
        self._slots = asyncio.Semaphore(concurrency)
        self._gate = asyncio.Lock()
        self._next_start: float | None = None

    def _gap(self) -> float:
        return self.delay * (1 + self._jitter * self._rand())

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the host's connections, entered no sooner than the gap allows."""
        async with self._slots:
            async with self._gate:
                if self._next_start is None:
                    self._next_start = self._clock.now() + self._gap()
                wait = self._next_start - self._clock.now()
                if wait > 0:
                    await self._clock.sleep(wait)
                if not self._serial:
                    self._next_start = self._clock.now() + self._gap()
            try:
                yield
            finally:
                if self._serial:
                    self._next_start = self._clock.now() + self._gap()
