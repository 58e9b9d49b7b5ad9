"""The resilient fetcher: polite per host, bounded in every dimension, never raising per page.

Public surface:

- `make_client(settings) -> httpx.AsyncClient`: one per run (or per batch).
- `Fetcher(client, settings=..., store=..., run_id=..., policy=..., robots=..., previous=...)`
  holds what one fetch call shares: robots rules, one `HostLimiter` per host,
  the raw store and the previous fetch log. `await fetcher.fetch_page(url)`
  returns a `FetchedPage` for any URL, whatever happens.
- `await fetcher.fetch_all(urls)`: many pages, many hosts in parallel, each host
  within its own limits. A run shares one client and one `HostStates` across all
  its fetchers (`extract.session.CrawlSession`).

httpx exceptions are translated once, here, into `TransientFetchError`
(worth a retry) or `TerminalFetchError` (never retried); `extract.retry`
decides what to do with them. Redirects are followed here, not by httpx, so
every hop passes the host rules, robots.txt, the per-host limiter and the
loop and count limits. Bodies are decompressed here too (gzip/deflate only
are advertised), in bounded steps, so a body that inflates past the cap is
stopped after at most `max_body_bytes + 1` decoded bytes, never buffered whole.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from core.errors import StorageError
from core.settings import CrawlSettings
from extract.errors import (
    DisallowedError,
    FetchError,
    HostUnreachable,
    TerminalFetchError,
    TransientFetchError,
)
from extract.hostpolicy import HostPolicy
from extract.politeness import Clock, HostLimiter, LoopClock
from extract.rawstore import LogEntry, RawStore
from extract.records import FetchedPage, Outcome
from extract.retry import GiveUp, RetryPolicy, next_wait, parse_retry_after
from extract.robots import (
    MAX_ROBOTS_BYTES,
    RobotsRules,
    allow_all,
    rules_from_response,
    unreachable,
)
from extract.urls import BadUrl, canonicalize, origin, resolve_link

log = logging.getLogger(__name__)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_STATUSES = frozenset({408, 429})
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


_LIMITS = httpx.Limits(max_connections=64, max_keepalive_connections=32)
_MAX_HEADER_LINE = 16 * 1024  # what h11 allows; aiohttp's own default is 8 KiB


def make_client(
    settings: CrawlSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The run's HTTP client: our User-Agent, timeouts, no automatic redirects.

    `Accept-Encoding` names only what `BoundedInflater` decodes, so the size cap
    counts decoded bytes. `transport` is for tests (`httpx.MockTransport`).
    """
    return httpx.AsyncClient(
        transport=transport or wire_transport(),
        headers={
            "User-Agent": settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        ),
        follow_redirects=False,
        limits=_LIMITS,
    )


def wire_transport() -> httpx.AsyncBaseTransport:
    """httpx on aiohttp's connection pool and C HTTP parser (httpx-aiohttp).

    httpx's own transport (httpcore, h11, anyio) spent about 60% of the crawl
    process's Python time (`benchmarks/vs_scrapy.py`), most of it scanning its
    pool for expired connections on every request; this one keeps httpx's API,
    timeouts and errors for everything above the socket. The session keeps no
    cookies of its own (httpx's jar is the one) and reads proxies from the
    environment as httpx does.
    """

    def session() -> aiohttp.ClientSession:  # made on first use, inside the run's loop
        connector = aiohttp.TCPConnector(
            limit=_LIMITS.max_connections or 0, keepalive_timeout=_LIMITS.keepalive_expiry
        )
        wire = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=True,
            max_line_size=_MAX_HEADER_LINE,
            max_field_size=_MAX_HEADER_LINE,
        )
        # No silent resend of a request whose kept-alive connection dropped: every
        # attempt goes through `extract.retry` and the host's limiter (aiohttp's own
        # test client turns it off the same way; it has no public switch).
        wire._retry_connection = False
        return wire

    return AiohttpTransport(limits=_LIMITS, client=session)


@dataclass(frozen=True, slots=True)
class Response:
    """What one GET produced after its redirects: a 2xx body or a 304."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None


class BoundedInflater:
    """Decodes a Content-Encoding in bounded steps (at most `room` bytes out per call)."""

    def __init__(self, encoding: str, url: str) -> None:
        self._url = url
        enc = encoding.strip().lower()
        if enc in ("", "identity"):
            self._zlib = None
        elif enc in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)  # gzip or zlib header
        else:
            raise TerminalFetchError(f"unsupported Content-Encoding {encoding!r}", url=url)

    def feed(self, data: bytes, room: int) -> bytes:
        if self._zlib is None:
            return data
        try:
            # Returns at most `room` bytes; if it returns fewer, all input was consumed.
            return self._zlib.decompress(data, room)
        except zlib.error as exc:
            raise TerminalFetchError(
                f"body could not be decompressed: {exc}", url=self._url
            ) from exc

    def finish(self) -> None:
        """Raise if a compressed body stopped before its end marker (a cut-off transfer)."""
        if self._zlib is not None and not self._zlib.eof:
            raise TransientFetchError(
                "compressed body ended early (transfer cut off)", url=self._url
            )


def _too_large(url: str, cap: int, what: str) -> TerminalFetchError:
    return TerminalFetchError(f"body too large: {what} exceeds the cap of {cap} bytes", url=url)


def _status_error(resp: httpx.Response, url: str) -> FetchError | None:
    """The error a non-success status means, or None for 2xx/304."""
    status = resp.status_code
    if 200 <= status < 300 or status == 304:
        return None
    if status in TRANSIENT_STATUSES or status >= 500:
        retry_after = parse_retry_after(resp.headers.get("retry-after"))
        return TransientFetchError(
            f"HTTP {status}", url=url, status=status, retry_after=retry_after
        )
    return TerminalFetchError(f"HTTP {status}", url=url, status=status)


def _transport_reason(exc: httpx.TransportError) -> str:
    """"timeout: ReadTimeout" for a timeout, else "network error: <what the wire said>".

    httpx-aiohttp files every aiohttp connection error (a reset, a server that hung
    up) under `ConnectTimeout`; what it came from tells whether time really ran out.
    """
    cause = exc.__cause__
    timed_out = cause is None or isinstance(cause, TimeoutError)
    if isinstance(exc, httpx.TimeoutException) and timed_out:
        return f"timeout: {type(exc).__name__}"
    detail = str(cause or exc) or type(cause or exc).__name__
    return f"network error: {detail}"


async def _read_capped(resp: httpx.Response, url: str, cap: int, *, cut: bool = False) -> bytes:
    """The decoded body, stopping as soon as it passes `cap` bytes (an error, or with `cut`
    the first `cap` bytes: robots.txt past 500 KiB is read that far and no further)."""
    declared = resp.headers.get("content-length")
    expected = int(declared) if declared and declared.strip().isdigit() else None
    encoding = resp.headers.get("content-encoding", "").strip().lower()
    if expected is not None and expected > cap and encoding in ("", "identity") and not cut:
        raise _too_large(url, cap, f"Content-Length {expected}")
    inflater = BoundedInflater(encoding, url)
    body = bytearray()
    raw_bytes = 0
    async for chunk in resp.aiter_raw():
        raw_bytes += len(chunk)
        body += inflater.feed(chunk, cap + 1 - len(body))
        if len(body) > cap:
            if cut:
                return bytes(body[:cap])
            raise _too_large(url, cap, "the decoded body")
    if expected is not None and raw_bytes < expected:
        raise TransientFetchError(
            f"short body: {raw_bytes} of {expected} bytes (connection closed early)",
            url=url,
            status=resp.status_code,
        )
    inflater.finish()
    return bytes(body)


@dataclass
class HostStates:
    """Per-host state that outlives one fetch call: every fetch of a run shares it (see
    `extract.session`), so a host keeps one limiter, one robots.txt, one address check."""

    limiters: dict[str, HostLimiter] = field(default_factory=dict)
    robots: dict[str, RobotsRules] = field(default_factory=dict)
    robots_locks: defaultdict[str, asyncio.Lock] = field(
        default_factory=lambda: defaultdict(asyncio.Lock)
    )
    address_ok: dict[tuple[str, HostPolicy], DisallowedError | None] = field(default_factory=dict)


class Fetcher:
    """Everything one fetch call shares; `fetch_page` is safe to call concurrently.

    Given `hosts`, the per-host state is that of the whole run (limiters that keep the
    delay across batches, robots.txt fetched once per host); else its own.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        settings: CrawlSettings,
        store: RawStore,
        run_id: str,
        policy: HostPolicy,
        robots: Mapping[str, RobotsRules] | None = None,
        previous: Mapping[str, LogEntry] | None = None,
        clock: Clock | None = None,
        hosts: HostStates | None = None,
    ) -> None:
        self.client = client
        self.clock = clock or LoopClock()
        self.hosts = hosts or HostStates()
        self.settings = settings
        self.store = store
        self.run_id = run_id
        self.policy = policy
        self.robots = self.hosts.robots
        self.robots.update(robots or {})
        self.previous = previous or {}
        self.retry = RetryPolicy.from_settings(settings)

    # -- per-host state --------------------------------------------------------------------

    def host_delay(self, host: str) -> float:
        """The gap between requests to `host`: our delay or its Crawl-delay (capped)."""
        delay = self.settings.per_host_delay
        rules = self.robots.get(host)
        if rules is not None and self.settings.obey_robots:
            asked = rules.crawl_delay(self.settings.user_agent)
            if asked is not None:
                delay = max(delay, min(asked, self.settings.max_crawl_delay))
        return delay

    def limiter(self, host: str) -> HostLimiter:
        limiters = self.hosts.limiters
        if host not in limiters:
            limiters[host] = HostLimiter(
                concurrency=self.settings.per_host_concurrency,
                delay=self.host_delay(host),
                jitter=self.settings.delay_jitter,
                clock=self.clock,
            )
        return limiters[host]

    async def robots_for(self, host: str, scheme: str = "https") -> RobotsRules:
        """The host's rules: given by discovery, or fetched here once per fetch call."""
        if not self.settings.obey_robots:
            return allow_all(host)
        async with self.hosts.robots_locks[host]:
            if host not in self.robots:
                self.robots[host] = await self._fetch_robots(host, scheme)
                self.limiter(host).delay = self.host_delay(host)
            return self.robots[host]

    async def _fetch_robots(self, host: str, scheme: str) -> RobotsRules:
        url = f"{scheme}://{host}/robots.txt"
        result, _ = await self._get_with_retries(url, {}, robots_file=True)
        if isinstance(result, Response):
            return rules_from_response(host, result.status, result.body)
        if result.status is not None and 400 <= result.status < 500 and not result.transient:
            return rules_from_response(host, result.status, b"")
        return unreachable(host, str(result), result.status)

    async def _check_address(self, url: str) -> None:
        key = (origin(url), self.policy)
        known = self.hosts.address_ok
        if key not in known:
            try:
                await self.policy.check_address(url)
                known[key] = None
            except DisallowedError as exc:
                known[key] = exc
        refused = known[key]
        if refused is not None:
            raise DisallowedError(str(refused), url=url)

    # -- one request -----------------------------------------------------------------------

    async def _send(
        self, url: str, headers: Mapping[str, str], *, robots_file: bool = False
    ) -> tuple[int, httpx.Headers, bytes]:
        """One HTTP exchange, errors translated; returns status, headers and decoded body."""
        cap = MAX_ROBOTS_BYTES if robots_file else self.settings.max_body_bytes
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                async with self.client.stream("GET", url, headers=dict(headers)) as resp:
                    if resp.status_code in REDIRECT_STATUSES or resp.status_code == 304:
                        return resp.status_code, resp.headers, b""
                    error = _status_error(resp, url)
                    if error is not None:
                        raise error
                    body = await _read_capped(resp, url, cap, cut=robots_file)
                    return resp.status_code, resp.headers, body
        except TimeoutError as exc:
            raise TransientFetchError(
                f"no complete response within {self.settings.total_timeout:g}s", url=url
            ) from exc
        except httpx.TransportError as exc:  # connect/read errors, resets, protocol errors
            raise TransientFetchError(_transport_reason(exc), url=url) from exc
        except aiohttp.ClientError as exc:  # one httpx-aiohttp does not translate (a bad header)
            detail = str(exc) or type(exc).__name__
            raise TransientFetchError(f"network error: {detail}", url=url) from exc
        except httpx.HTTPError as exc:
            raise TerminalFetchError(f"HTTP error: {exc}", url=url) from exc

    async def get(
        self, url: str, headers: Mapping[str, str], *, robots_file: bool = False
    ) -> Response:
        """GET with redirects followed under our rules (one attempt, no retries).

        `robots_file`: this is a robots.txt request, which is not itself subject to
        robots rules, may redirect to another host (RFC 9309) and is cut at 500 KiB.
        """
        chain = [url]
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if current != url and not robots_file:
                self.policy.check_host(current, redirected_from=chain[-2])
                await self._check_robots(current)
            await self._check_address(current)
            async with self.limiter(origin(current)).slot():
                status, resp_headers, body = await self._send(
                    current, headers, robots_file=robots_file
                )
            if status not in REDIRECT_STATUSES:
                return Response(
                    url=url,
                    final_url=current,
                    status=status,
                    body=body,
                    content_type=resp_headers.get("content-type"),
                    etag=resp_headers.get("etag"),
                    last_modified=resp_headers.get("last-modified"),
                )
            target = resolve_link(current, resp_headers.get("location", ""))
            if target is None:
                raise TerminalFetchError(f"HTTP {status} without a usable Location", url=url)
            if target in chain:
                loop = " -> ".join([*chain[chain.index(target) :], target])
                raise TerminalFetchError(f"redirect loop: {loop}", url=url, status=status)
            chain.append(target)
            current = target
        raise TerminalFetchError(
            f"more than {self.settings.max_redirects} redirects: {' -> '.join(chain)}",
            url=url,
        )

    async def _check_robots(self, url: str) -> None:
        """Raise unless robots.txt lets us fetch `url` (`HostUnreachable` when it could not
        be read at all, `DisallowedError` when it says no)."""
        rules = await self.robots_for(origin(url), url.split(":", 1)[0])
        if rules.unreachable:
            raise HostUnreachable(rules.reason, url=url, status=rules.status)
        if not rules.allowed(url, self.settings.user_agent):
            raise DisallowedError(rules.reason, url=url)

    async def _get_with_retries(
        self, url: str, headers: Mapping[str, str], *, robots_file: bool = False
    ) -> tuple[Response | FetchError, int]:
        """`get` retried per `extract.retry`: the response or the final error, and attempts."""
        started = self.clock.now()
        attempt = 0
        while True:
            attempt += 1
            try:
                return await self.get(url, headers, robots_file=robots_file), attempt
            except FetchError as exc:
                decision = next_wait(
                    self.retry, attempt=attempt, error=exc, elapsed=self.clock.now() - started
                )
                if isinstance(decision, GiveUp):
                    if exc.transient:
                        exc.args = (f"{exc} ({decision.reason})",)
                    return exc, attempt
                await self.clock.sleep(decision)

    # -- one page --------------------------------------------------------------------------

    def _conditional(self, url: str) -> tuple[dict[str, str], LogEntry | None]:
        prev = self.previous.get(url)
        if prev is None or not prev.sha256 or not self.store.has(url, prev.sha256):
            return {}, None
        headers = {}
        if prev.etag:
            headers["If-None-Match"] = prev.etag
        if prev.last_modified:
            headers["If-Modified-Since"] = prev.last_modified
        return headers, (prev if headers else None)

    async def fetch_page(self, url: str, *, canonical: bool = False) -> FetchedPage:
        """Fetch one page to the raw store; every outcome is a `FetchedPage`, logged.

        `canonical`: `url` is already `canonicalize`d (as `fetch_all` has them)."""
        try:
            page = await self._fetch_page(url if canonical else canonicalize(url))
        except (FetchError, BadUrl) as exc:
            page = self._failed(url, exc)
        except StorageError:
            raise  # the disk, not the page: the run stops
        except Exception as exc:  # one page must never stop the run
            page = FetchedPage(
                url=url,
                outcome=Outcome.FAILED_FETCH,
                error=f"unexpected error: {type(exc).__name__}: {exc}",
            )
        self.store.append_log([_log_entry(self.run_id, page)])
        return page

    def _failed(self, url: str, exc: Exception, attempts: int = 0) -> FetchedPage:
        outcome = Outcome.DISALLOWED if isinstance(exc, DisallowedError) else Outcome.FAILED_FETCH
        return FetchedPage(
            url=url,
            outcome=outcome,
            status=getattr(exc, "status", None),
            error=str(exc),
            attempts=attempts,
            transient=bool(getattr(exc, "transient", False)),
        )

    async def _fetch_page(self, url: str) -> FetchedPage:
        self.policy.check_host(url)
        await self._check_address(url)
        await self._check_robots(url)
        headers, prev = self._conditional(url)
        resp, attempts = await self._get_with_retries(url, headers)
        if (
            prev is not None and prev.sha256 is not None
            and isinstance(resp, Response) and resp.status == 304
            and not await asyncio.to_thread(self.store.intact, url, prev.sha256)
        ):
            # The stored body is damaged or gone: "not modified" would reuse nothing.
            log.warning("stored body of %s is damaged; fetching it again", url)
            prev = None
            resp, more = await self._get_with_retries(url, {})
            attempts += more
        if isinstance(resp, FetchError):
            return self._failed(url, resp, attempts)
        final_url = resp.final_url if resp.final_url != url else None
        if resp.status == 304:
            if prev is None:
                raise TerminalFetchError(
                    "HTTP 304 to an unconditional request", url=url, status=304
                )
            return FetchedPage(
                url=url,
                outcome=Outcome.NOT_MODIFIED,
                status=304,
                fetched_at=prev.fetched_at,
                content_sha256=prev.sha256,
                bytes=prev.bytes,
                content_type=prev.content_type,
                etag=resp.etag or prev.etag,
                last_modified=resp.last_modified or prev.last_modified,
                final_url=final_url,
                attempts=attempts,
            )
        # Compressing a large body takes a while: keep the other hosts' requests moving.
        sha = await asyncio.to_thread(self.store.put, url, resp.body)
        return FetchedPage(
            url=url,
            outcome=Outcome.PARSED,
            status=resp.status,
            fetched_at=datetime.now(UTC),
            content_sha256=sha,
            bytes=len(resp.body),
            content_type=resp.content_type,
            etag=resp.etag,
            last_modified=resp.last_modified,
            final_url=final_url,
            attempts=attempts,
        )

    async def fetch_all(self, urls: Iterable[str]) -> list[FetchedPage]:
        """Fetch pages, hosts in parallel, each host through its own limiter.

        Duplicates (after canonicalization) are fetched once; the result has
        one page per distinct URL, in first-seen order.
        """
        ordered: dict[str, None] = {}
        bad: set[str] = set()  # not URLs we can fetch: fetch_page settles them as failures
        for raw in urls:
            try:
                ordered.setdefault(canonicalize(raw), None)
            except BadUrl:
                ordered.setdefault(raw, None)
                bad.add(raw)
        queues: defaultdict[str, deque[str]] = defaultdict(deque)
        for url in ordered:
            queues[_safe_origin(url)].append(url)
        results: dict[str, FetchedPage] = {}

        async def worker(queue: deque[str]) -> None:
            while queue:
                url = queue.popleft()
                results[url] = await self.fetch_page(url, canonical=url not in bad)

        try:
            async with asyncio.TaskGroup() as group:
                for queue in queues.values():
                    for _ in range(min(self.settings.per_host_concurrency, len(queue))):
                        group.create_task(worker(queue))
        except ExceptionGroup as failed:  # fetch_page raises nothing but StorageError
            raise failed.exceptions[0] from None
        return [results[url] for url in ordered]


def _safe_origin(url: str) -> str:
    try:
        return origin(url)
    except ValueError:
        return ""


def _log_entry(run_id: str, page: FetchedPage) -> LogEntry:
    return LogEntry(
        run_id=run_id,
        url=page.url,
        outcome=page.outcome,
        fetched_at=page.fetched_at,
        status=page.status,
        sha256=page.content_sha256,
        bytes=page.bytes,
        content_type=page.content_type,
        etag=page.etag,
        last_modified=page.last_modified,
        final_url=page.final_url,
        error=page.error,
        attempts=page.attempts,
    )
