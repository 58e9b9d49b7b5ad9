"""The retry rule, and only the rule: given what happened, wait how long or give up.

Pure and clock-free so it is tested on in-memory values. The fetcher asks
`next_wait` after every failed attempt and sleeps what it says.

- Only transient errors (`FetchError.transient`) are retried.
- At most `max_retries` retries after the first attempt.
- Backoff grows exponentially: `backoff_base * 2**(n-1)` for the n-th retry,
  times a jitter factor in [1, 1.5), capped at `backoff_max`. The jitter only
  adds, so successive gaps still grow (1.5 < 2) until the cap.
- A `Retry-After` from the server is honoured: we wait at least that long. If
  it exceeds `max_retry_after` we give up rather than retry early against the
  server's explicit wish.
- The total time spent on one page (`elapsed` plus the next wait) stays within
  `retry_budget`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from core.settings import CrawlSettings
from extract.errors import FetchError, TransientFetchError

JITTER = 0.5


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    budget: float = 120.0
    max_retry_after: float = 60.0

    @classmethod
    def from_settings(cls, crawl: CrawlSettings) -> RetryPolicy:
        return cls(
            max_retries=crawl.max_retries,
            backoff_base=crawl.backoff_base,
            backoff_max=crawl.backoff_max,
            budget=crawl.retry_budget,
            max_retry_after=crawl.max_retry_after,
        )


@dataclass(frozen=True, slots=True)
class GiveUp:
    """The decision not to retry, with the reason the crawl log shows."""

    reason: str


def next_wait(
    policy: RetryPolicy,
    *,
    attempt: int,
    error: FetchError,
    elapsed: float,
    rand: Callable[[], float] = random.random,
) -> float | GiveUp:
    """Seconds to wait before attempt `attempt + 1`, or `GiveUp`.

    `attempt` counts the attempts made so far (1 after the first failure);
    `elapsed` is the time spent on this page since its first attempt.
    """
    if not error.transient:
        return GiveUp("terminal error")
    if attempt > policy.max_retries:
        return GiveUp(f"gave up after {attempt} attempts")
    backoff = min(policy.backoff_max, policy.backoff_base * 2.0 ** (attempt - 1))
    wait = min(policy.backoff_max, backoff * (1 + JITTER * rand()))
    retry_after = error.retry_after if isinstance(error, TransientFetchError) else None
    if retry_after is not None:
        if retry_after > policy.max_retry_after:
            return GiveUp(
                f"Retry-After {retry_after:g}s exceeds the cap of {policy.max_retry_after:g}s"
            )
        wait = max(wait, retry_after)
    if elapsed + wait > policy.budget:
        return GiveUp(f"retry budget of {policy.budget:g}s spent after {attempt} attempts")
    return wait


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now: delta-seconds or an HTTP date; None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())
