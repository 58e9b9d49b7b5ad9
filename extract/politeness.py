"""Per-host politeness: at most N requests in flight and a minimum gap between starts.

One `HostLimiter` per host for one fetch call (discovery or one batch). The
gap is `delay * (1 + jitter * U[0,1))`: jitter only ever adds, so the
configured delay is a true minimum. The first request of a limiter also waits
one gap, so the delay holds across batches and between discovery and the
first batch (each creates its own limiters).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager


class HostLimiter:
    def __init__(
        self,
        *,
        concurrency: int,
        delay: float,
        jitter: float,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.delay = delay
        self._jitter = jitter
        self._rand = rand
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
                loop = asyncio.get_running_loop()
                if self._next_start is None:
                    self._next_start = loop.time() + self._gap()
                wait = self._next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = loop.time() + self._gap()
            yield
