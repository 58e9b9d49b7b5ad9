"""Politeness rules on fake time: gaps, concurrency, jitter, Crawl-delay, retries.

No sockets and no real sleeps: the limiter and the fetcher take a clock, and
these tests hand them one that moves only when asked. The real-socket tests in
test_fetch_faults.py and test_sample_site_faults.py prove the wiring.
"""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import httpx
import pytest

from core.settings import SourceSettings
from extract.fetch import Fetcher, make_client
from extract.hostpolicy import HostPolicy
from extract.politeness import HostLimiter
from extract.rawstore import RawStore
from extract.records import Outcome
from tests.fetch_helpers import fast


def reply(status: int, body: bytes = b"", **headers: str) -> httpx.Response:
    """A response whose body streams, as the fetcher reads bodies (raw, bounded)."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


class FakeClock:
    """Time that passes only when someone sleeps (or `advance`s it)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.t += seconds


def run_requests(limiter: HostLimiter, clock: FakeClock, n: int, work: float
                 ) -> list[tuple[float, float]]:
    """`n` requests through `limiter`, each busy `work` fake seconds: (start, end) each."""
    spans: list[tuple[float, float]] = []

    async def one() -> None:
        async with limiter.slot():
            start = clock.now()
            await clock.sleep(work)
            spans.append((start, clock.now()))

    async def go() -> None:
        await asyncio.gather(*(one() for _ in range(n)))

    asyncio.run(go())
    return sorted(spans)


def test_one_at_a_time_the_gap_runs_from_the_end_of_the_last_request() -> None:
    clock = FakeClock()
    created = clock.now()
    limiter = HostLimiter(concurrency=1, delay=1.0, jitter=0.0, clock=clock)
    spans = run_requests(limiter, clock, 5, work=0.3)
    assert spans[0][0] - created == pytest.approx(1.0)  # the first request waits one gap too
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start - end == pytest.approx(1.0)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert next_start >= end  # never two at once


def test_jitter_only_adds_to_the_delay() -> None:
    for draw in (0.0, 0.5, 0.999):
        clock = FakeClock()
        limiter = HostLimiter(concurrency=1, delay=2.0, jitter=0.25, rand=lambda d=draw: d,
                              clock=clock)
        spans = run_requests(limiter, clock, 3, work=0.0)
        gaps = [b[0] - a[1] for a, b in itertools.pairwise(spans)]
        assert gaps == pytest.approx([2.0 * (1 + 0.25 * draw)] * 2)


def test_n_at_a_time_starts_are_spaced_and_never_more_than_n_run() -> None:
    clock = FakeClock()
    limiter = HostLimiter(concurrency=2, delay=0.5, jitter=0.0, clock=clock)
    spans = run_requests(limiter, clock, 6, work=2.0)
    starts = [s for s, _ in spans]
    assert all(b - a >= 0.5 for a, b in itertools.pairwise(starts))
    for t in starts:
        assert sum(1 for s, e in spans if s <= t < e) <= 2


def test_a_new_delay_applies_to_the_next_gap() -> None:
    """Crawl-delay arrives with robots.txt, after the limiter was made."""
    clock = FakeClock()
    limiter = HostLimiter(concurrency=1, delay=0.1, jitter=0.0, clock=clock)
    first = run_requests(limiter, clock, 1, work=0.0)
    limiter.delay = 3.0
    second = run_requests(limiter, clock, 1, work=0.0)
    assert second[0][0] - first[0][1] == pytest.approx(0.1)  # set when the first ended
    third = run_requests(limiter, clock, 1, work=0.0)
    assert third[0][0] - second[0][1] == pytest.approx(3.0)


def test_a_slow_first_connection_does_not_shorten_the_gap_the_server_sees(tmp_path: Path):
    """The robots.txt request opens the connection inside its slot; the next request, on the
    warm connection, must still arrive at least a delay after it (server-side arrivals)."""
    clock = FakeClock()
    arrivals: list[tuple[str, float]] = []
    warm = False

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal warm
        if not warm:
            clock.advance(0.04)  # TCP and TLS set-up, paid by the first request only
            warm = True
        arrivals.append((request.url.path, clock.now()))
        clock.advance(0.005)  # the server's answer
        if request.url.path == "/robots.txt":
            return reply(200, b"User-agent: *\nAllow: /\n")
        return reply(200, b"<html><body>ok</body></html>", content_type="text/html")

    async def go() -> list[Outcome]:
        settings = fast(per_host_delay=0.05, delay_jitter=0.0)
        policy = HostPolicy(frozenset({"h.test"}), private_origins=frozenset({"h.test"}))
        async with make_client(settings, transport=httpx.MockTransport(handler)) as client:
            fetcher = Fetcher(client, settings=settings, store=RawStore(tmp_path), run_id="r",
                              policy=policy, clock=clock)
            pages = await fetcher.fetch_all([f"http://h.test/p{i}" for i in range(4)])
        return [p.outcome for p in pages]

    outcomes = asyncio.run(go())
    assert outcomes == [Outcome.PARSED] * 4
    assert [path for path, _ in arrivals] == ["/robots.txt", "/p0", "/p1", "/p2", "/p3"]
    times = [t for _, t in arrivals]
    assert all(b - a >= 0.05 for a, b in itertools.pairwise(times)), times


def test_retries_wait_their_backoff_and_retry_after_on_fake_time(tmp_path: Path):
    clock = FakeClock()
    arrivals: list[float] = []
    replies = iter([
        reply(503),
        reply(429, **{"Retry-After": "2"}),
        reply(200, b"<p>ok</p>", content_type="text/html"),
    ])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return reply(404)
        arrivals.append(clock.now())
        return next(replies)

    async def go() -> tuple[Outcome, int]:
        settings = fast(per_host_delay=0.0, backoff_base=0.5, max_retry_after=5.0)
        policy = HostPolicy(frozenset({"h.test"}), private_origins=frozenset({"h.test"}))
        async with make_client(settings, transport=httpx.MockTransport(handler)) as client:
            fetcher = Fetcher(client, settings=settings, store=RawStore(tmp_path), run_id="r",
                              policy=policy, clock=clock)
            page = await fetcher.fetch_page("http://h.test/p")
        return page.outcome, page.attempts

    assert asyncio.run(go()) == (Outcome.PARSED, 3)
    first, second = arrivals[1] - arrivals[0], arrivals[2] - arrivals[1]
    assert 0.5 <= first <= 0.5 * 1.5 + 1e-9  # backoff_base, with at most its jitter
    assert second >= 2.0  # Retry-After wins over a shorter backoff


def test_the_policy_of_a_source_names_its_hosts() -> None:
    policy = asyncio.run(HostPolicy.build(["http://127.0.0.1:1/"], SourceSettings()))
    assert policy.allowed_origins == {"127.0.0.1:1"}
