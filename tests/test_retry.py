"""The retry rule on in-memory values: no network, no clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extract.errors import DisallowedError, TerminalFetchError, TransientFetchError
from extract.retry import GiveUp, RetryPolicy, next_wait, parse_retry_after

POLICY = RetryPolicy(
    max_retries=4, backoff_base=0.5, backoff_max=3.0, budget=10.0, max_retry_after=60.0
)
URL = "http://x/"


def transient(retry_after: float | None = None) -> TransientFetchError:
    return TransientFetchError("HTTP 503", url=URL, status=503, retry_after=retry_after)


@pytest.mark.parametrize(
    ("attempt", "error", "elapsed", "rand", "expected"),
    [
        (1, transient(), 0.0, 0.0, 0.5),
        (2, transient(), 0.0, 0.0, 1.0),
        (3, transient(), 0.0, 0.0, 2.0),
        (3, transient(), 0.0, 0.999, 2.0 * 1.4995),
        (4, transient(), 0.0, 0.0, 3.0),  # capped at backoff_max
        (1, transient(), 0.0, 1.0, 0.75),  # jitter only adds
        (5, transient(), 0.0, 0.0, GiveUp("gave up after 5 attempts")),
        (1, transient(retry_after=7.0), 0.0, 0.0, 7.0),  # Retry-After beats the backoff
        (2, transient(retry_after=0.1), 0.0, 0.0, 1.0),  # ... but never shortens it
        (
            1,
            transient(retry_after=61.0),
            0.0,
            0.0,
            GiveUp("Retry-After 61s exceeds the cap of 60s"),
        ),
        (2, transient(), 9.5, 0.0, GiveUp("retry budget of 10s spent after 2 attempts")),
        (
            1,
            TerminalFetchError("HTTP 404", url=URL, status=404),
            0.0,
            0.0,
            GiveUp("terminal error"),
        ),
        (1, DisallowedError("robots", url=URL), 0.0, 0.0, GiveUp("terminal error")),
        (1, TerminalFetchError("body too large", url=URL), 0.0, 0.0, GiveUp("terminal error")),
    ],
)
def test_next_wait(attempt, error, elapsed, rand, expected) -> None:
    result = next_wait(POLICY, attempt=attempt, error=error, elapsed=elapsed, rand=lambda: rand)
    if isinstance(expected, float):
        assert result == pytest.approx(expected)
    else:
        assert result == expected


def test_gaps_grow_whatever_the_jitter() -> None:
    policy = RetryPolicy(max_retries=6, backoff_base=0.1, backoff_max=100, budget=1000)
    for low, high in [(0.0, 0.999), (0.999, 0.0), (0.5, 0.5)]:
        waits = [
            next_wait(
                policy,
                attempt=n,
                error=transient(),
                elapsed=0,
                rand=lambda n=n, low=low, high=high: low if n % 2 else high,
            )
            for n in range(1, 7)
        ]
        assert all(isinstance(w, float) for w in waits)
        assert waits == sorted(waits)
        assert len(set(waits)) == len(waits)


NOW = datetime(2026, 11, 28, 7, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Sat, 28 Nov 2026 07:00:30 GMT", 30.0),
        ("Sat, 28 Nov 2026 06:59:00 GMT", 0.0),  # in the past: now
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected
