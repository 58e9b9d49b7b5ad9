"""The fetcher against a misbehaving server: behaviour proven from the server's own log."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import SourceSettings
from extract.encoding import decode_body
from extract.fetch import BoundedInflater, Fetcher, make_client
from extract.hostpolicy import HostPolicy
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome
from tests.faultserver import FaultServer, Reply, html
from tests.fetch_helpers import DELAY, TOLERANCE, fast, fetch, gaps, max_overlap

OK = html("<html><body><h1>Nurse</h1></body></html>")
ROBOTS_OPEN = Reply(body=b"User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})


def page_requests(server: FaultServer) -> list:
    return [r for r in server.requests() if r.path != "/robots.txt"]


def only(pages: list[FetchedPage]) -> FetchedPage:
    assert len(pages) == 1
    return pages[0]


def test_transient_burst_is_retried_with_growing_gaps(tmp_path: Path) -> None:
    burst = [Reply(status=500), Reply(status=503), Reply(status=502), OK]
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": burst}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path, settings=fast(backoff_base=0.1)))
        log = srv.requests("/p")
    assert (page.outcome, page.status, page.attempts) == (Outcome.PARSED, 200, 4)
    assert [r.status for r in log] == [500, 503, 502, 200]
    g = gaps(log)
    assert g[0] >= 0.1 - TOLERANCE  # backoff_base
    assert g[0] < g[1] < g[2], f"gaps did not grow: {g}"


def test_retries_are_bounded_and_the_reason_is_kept(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": Reply(status=503)}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path, settings=fast(max_retries=2)))
        log = srv.requests("/p")
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.status == 503
    assert page.attempts == 3
    assert page.error == "HTTP 503 (gave up after 3 attempts)"
    assert page.transient  # its careers keep their last good rows
    assert len(log) == 3


def test_429_retry_after_seconds_is_honoured(tmp_path: Path) -> None:
    plan = [Reply(status=429, headers={"Retry-After": "1"}), OK]
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": plan}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path))
        log = srv.requests("/p")
    assert (page.outcome, page.attempts) == (Outcome.PARSED, 2)
    assert gaps(log)[0] >= 1.0 - TOLERANCE


def test_retry_after_beyond_the_cap_gives_up_at_once(tmp_path: Path) -> None:
    plan = [Reply(status=503, headers={"Retry-After": "3600"}), OK]
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": plan}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path))
        log = srv.requests("/p")
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.error == "HTTP 503 (Retry-After 3600s exceeds the cap of 2s)"
    assert len(log) == 1


@pytest.mark.parametrize(
    ("first", "kind"),
    [
        (Reply(fault="reset"), "connection reset"),
        (Reply(body=b"<html>cut", fault="short"), "short body"),
        (Reply(delay=0.8, body=b"late"), "slower than the read timeout"),
        (Reply(status=408), "408"),
    ],
)
def test_transient_faults_recover_on_retry(tmp_path: Path, first: Reply, kind: str) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": [first, OK]}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path, settings=fast(read_timeout=0.3)))
        assert len(srv.requests("/p")) == 2, kind
    assert (page.outcome, page.attempts, page.status) == (Outcome.PARSED, 2, 200), kind
    assert page.content_sha256 is not None
    assert RawStore(tmp_path).get(page.content_sha256) == OK.body


def test_a_server_slower_than_every_timeout_fails_with_a_reason(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": Reply(delay=0.6)}) as srv:
        settings = fast(read_timeout=0.2, max_retries=1)
        page = only(fetch([srv.url("/p")], tmp_path, settings=settings))
        assert len(srv.requests("/p")) == 2
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.error == "timeout: ReadTimeout (gave up after 2 attempts)"
    assert page.transient


def test_total_timeout_stops_a_trickling_body(tmp_path: Path) -> None:
    def trickle() -> Iterator[bytes]:
        import time

        for _ in range(20):
            time.sleep(0.1)  # server side: each chunk beats the read timeout, the total is late
            yield b"x" * 10

    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": Reply(chunks=trickle)}) as srv:
        settings = fast(read_timeout=0.5, total_timeout=0.5, max_retries=0)
        page = only(fetch([srv.url("/p")], tmp_path, settings=settings))
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.error == "no complete response within 0.5s (gave up after 1 attempts)"


@pytest.mark.parametrize("status", [404, 410, 403])
def test_terminal_statuses_are_not_retried(tmp_path: Path, status: int) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": Reply(status=status)}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path))
        assert len(srv.requests("/p")) == 1
    assert page == FetchedPage(
        url=srv.url("/p"),
        outcome=Outcome.FAILED_FETCH,
        status=status,
        error=f"HTTP {status}",
        attempts=1,
    )


def test_gzip_bomb_is_stopped_at_the_cap(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/bomb": Reply(raw_gzip=bomb)}) as srv:
        page = only(fetch([srv.url("/bomb")], tmp_path, settings=fast(max_body_bytes=1 << 20)))
        assert len(srv.requests("/bomb")) == 1
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.error == "body too large: the decoded body exceeds the cap of 1048576 bytes"
    assert not page.transient  # no status, but lasting: its rows are not carried
    assert not list(tmp_path.glob("127.0.0.1_*/*/*.gz"))


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (html("<p>Café</p>", charset=None), "no charset, UTF-8 body"),
        (
            Reply(body="<p>Café</p>".encode("cp1252"), headers={"Content-Type": "text/html"}),
            "no charset, windows-1252 body",
        ),
        (
            Reply(
                body="<p>Café</p>".encode(),
                headers={"Content-Type": "text/html; charset=iso-8859-1"},
            ),
            "Latin-1 declared, UTF-8 body",
        ),
        (
            Reply(
                body="<p>Café</p>".encode("cp1252"),
                headers={"Content-Type": "text/html; charset=utf-8"},
            ),
            "UTF-8 declared, windows-1252 body",
        ),
    ],
)
def test_wrong_or_missing_charset_still_reads(tmp_path: Path, reply: Reply, why: str) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/c": reply}) as srv:
        page = only(fetch([srv.url("/c")], tmp_path))
    body = RawStore(tmp_path).get(page.content_sha256 or "")
    assert decode_body(body, page.content_type) == "<p>Café</p>", why


def test_gzip_body_within_the_cap_is_decoded(tmp_path: Path) -> None:
    body = b"<html>" + b"caf\xc3\xa9 " * 10_000 + b"</html>"
    reply = Reply(body=body, gzip=True, headers={"Content-Type": "text/html; charset=utf-8"})
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/z": reply}) as srv:
        page = only(fetch([srv.url("/z")], tmp_path))
    assert page.outcome is Outcome.PARSED
    assert page.bytes == len(body)
    assert RawStore(tmp_path).get(page.content_sha256 or "") == body


def test_a_5mb_page_passes_under_a_6mb_cap_and_is_refused_under_a_4mb_cap(tmp_path: Path) -> None:
    big = b"<html>" + b"a" * (5 * 1024 * 1024) + b"</html>"
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/big": Reply(body=big)}) as srv:
        ok = only(fetch([srv.url("/big")], tmp_path, settings=fast(max_body_bytes=6 << 20)))
        refused = only(fetch([srv.url("/big")], tmp_path, settings=fast(max_body_bytes=4 << 20)))
        assert len(srv.requests("/big")) == 2
    assert (ok.outcome, ok.bytes) == (Outcome.PARSED, len(big))
    assert RawStore(tmp_path).get(ok.content_sha256 or "") == big
    assert refused.outcome is Outcome.FAILED_FETCH
    assert refused.error == (
        f"body too large: Content-Length {len(big)} exceeds the cap of {4 << 20} bytes"
    )


def test_body_without_length_is_cut_off_while_streaming(tmp_path: Path) -> None:
    total = 64 * 1024 * 1024

    def endless() -> Iterator[bytes]:
        chunk = b"a" * 65536
        for _ in range(total // len(chunk)):
            yield chunk

    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/s": Reply(chunks=endless)}) as srv:
        page = only(fetch([srv.url("/s")], tmp_path, settings=fast(max_body_bytes=1 << 20)))
        assert page.outcome is Outcome.FAILED_FETCH
        assert page.error == "body too large: the decoded body exceeds the cap of 1048576 bytes"
        # The server could not write the whole body: the client stopped reading early.
        [req] = srv.requests("/s")
    assert req.status is None or req.bytes_sent < total


def test_redirect_loop_is_detected(tmp_path: Path) -> None:
    with FaultServer() as srv:
        srv.set("/robots.txt", ROBOTS_OPEN)
        srv.set("/a", Reply(status=302, headers={"Location": "/b"}))
        srv.set("/b", Reply(status=301, headers={"Location": srv.url("/a#x")}))
        page = only(fetch([srv.url("/a")], tmp_path))
        assert [r.path for r in page_requests(srv)] == ["/a", "/b"]
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.error == f"redirect loop: {srv.url('/a')} -> {srv.url('/b')} -> {srv.url('/a')}"
    assert page.attempts == 1


def test_redirects_are_followed_up_to_the_limit(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/r5": OK}) as srv:
        for i in range(5):
            srv.set(f"/r{i}", Reply(status=307, headers={"Location": f"/r{i + 1}"}))
        followed = only(fetch([srv.url("/r2")], tmp_path, settings=fast(max_redirects=3)))
        too_many = only(fetch([srv.url("/r0")], tmp_path, settings=fast(max_redirects=3)))
    assert (followed.outcome, followed.final_url) == (Outcome.PARSED, srv.url("/r5"))
    assert too_many.outcome is Outcome.FAILED_FETCH
    assert (too_many.error or "").startswith("more than 3 redirects: ")


def test_cross_host_redirect_is_refused_unless_allowed(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/there": OK}) as other, FaultServer() as srv:
        srv.set("/robots.txt", ROBOTS_OPEN)
        srv.set("/go", Reply(status=302, headers={"Location": other.url("/there")}))
        refused = only(fetch([srv.url("/go")], tmp_path))
        assert other.requests() == []
        allowed = only(
            fetch(
                [srv.url("/go")],
                tmp_path,
                # The other host is local but named by no start URL: allowed only when said.
                source=SourceSettings(
                    allow_cross_host_redirects=True, allow_private_addresses=True
                ),
            )
        )
        assert [r.path for r in other.requests()] == ["/robots.txt", "/there"]
    assert refused.outcome is Outcome.DISALLOWED
    assert refused.error == (
        f"redirect from {srv.url('/go')} to another host refused: {other.url('/there')}"
    )
    assert (allowed.outcome, allowed.final_url) == (Outcome.PARSED, other.url("/there"))


def test_robots_disallow_is_obeyed_and_crawl_delay_honoured(tmp_path: Path) -> None:
    robots = Reply(body=b"User-agent: *\nDisallow: /private\nCrawl-delay: 0.2\n")
    plan = {"/robots.txt": robots, "/private/x": OK, "/a": OK, "/b": OK, "/c": OK}
    with FaultServer(plan) as srv:
        urls = [srv.url(p) for p in ("/a", "/private/x", "/b", "/c")]
        pages = fetch(urls, tmp_path)
        log = srv.requests()
    assert [p.outcome for p in pages] == [
        Outcome.PARSED,
        Outcome.DISALLOWED,
        Outcome.PARSED,
        Outcome.PARSED,
    ]
    assert pages[1].error == f"disallowed by robots.txt of {srv.origin}"
    assert [r.path for r in log] == ["/robots.txt", "/a", "/b", "/c"]
    assert min(gaps(log[1:])) >= 0.2 - TOLERANCE


def test_crawl_delay_is_capped(tmp_path: Path) -> None:
    robots = Reply(body=b"User-agent: *\nCrawl-delay: 100\n")
    with FaultServer({"/robots.txt": robots, "/a": OK, "/b": OK}) as srv:
        pages = fetch([srv.url("/a"), srv.url("/b")], tmp_path, settings=fast(max_crawl_delay=0.2))
        g = gaps(srv.requests()[1:])
    assert all(p.outcome is Outcome.PARSED for p in pages)
    assert 0.2 - TOLERANCE <= g[0] < 0.2 * 1.2 + 0.3


@pytest.mark.parametrize(
    ("robots", "outcome"),
    [
        (Reply(status=404), Outcome.PARSED),  # no robots.txt: everything allowed
        (Reply(status=503), Outcome.FAILED_FETCH),  # unreachable: nothing this run
        (Reply(status=429), Outcome.FAILED_FETCH),  # rate-limited: unreachable too
    ],
)
def test_robots_status_rules(tmp_path: Path, robots: Reply, outcome: Outcome) -> None:
    with FaultServer({"/robots.txt": robots, "/a": OK, "/b": OK}) as srv:
        pages = fetch([srv.url("/a"), srv.url("/b")], tmp_path, settings=fast(max_retries=1))
        paths = [r.path for r in srv.requests()]
    assert [p.outcome for p in pages] == [outcome, outcome]
    if outcome is Outcome.FAILED_FETCH:
        assert paths == ["/robots.txt", "/robots.txt"]  # retried once, then nothing
        assert all(p.transient for p in pages)  # unreachable, not disallowed: careers kept
        assert "host unreachable: robots.txt of" in (pages[0].error or "")
    else:
        assert paths == ["/robots.txt", "/a", "/b"]


def test_per_host_delay_and_concurrency_hold_while_hosts_run_in_parallel(tmp_path: Path) -> None:
    plan = {"/robots.txt": ROBOTS_OPEN, **{f"/p{i}": OK for i in range(8)}}
    with FaultServer(plan) as one, FaultServer(plan) as two:
        urls = [s.url(f"/p{i}") for i in range(8) for s in (one, two)]
        pages = fetch(urls, tmp_path)
        logs = [one.requests(), two.requests()]
    assert [p.outcome for p in pages] == [Outcome.PARSED] * 16
    for log in logs:
        assert min(gaps(log)) >= DELAY - TOLERANCE
        assert max_overlap(log) == 1
    # The hosts ran side by side: host two was busy between host one's first and last request.
    first, last = logs[0][0].start, logs[0][-1].start
    assert any(first < r.start < last for r in logs[1])


def test_per_host_concurrency_above_one_is_respected(tmp_path: Path) -> None:
    slow = html("<p>slow</p>", delay=0.15)
    plan = {"/robots.txt": ROBOTS_OPEN, **{f"/p{i}": slow for i in range(6)}}
    with FaultServer(plan) as srv:
        settings = fast(per_host_concurrency=2, per_host_delay=0.01)
        pages = fetch([srv.url(f"/p{i}") for i in range(6)], tmp_path, settings=settings)
        log = page_requests(srv)
    assert all(p.outcome is Outcome.PARSED for p in pages)
    assert max_overlap(log) == 2


def test_second_run_sends_conditional_requests_and_downloads_nothing(tmp_path: Path) -> None:
    lm = "Sat, 28 Nov 2026 06:00:00 GMT"
    plan = {
        "/robots.txt": ROBOTS_OPEN,
        "/etag": html("<p>one</p>", etag='"v1"'),
        "/lm": html("<p>two</p>", last_modified=lm),
        "/both": html("<p>three</p>", etag='"v3"', last_modified=lm),
    }
    with FaultServer(plan) as srv:
        urls = [srv.url(p) for p in ("/etag", "/lm", "/both")]
        first = fetch(urls, tmp_path, run_id="20261128T060000Z-aaaaaa")
        srv.clear_log()
        store = RawStore(tmp_path)
        second = fetch(
            urls, tmp_path, run_id="20261128T070000Z-bbbbbb", previous=store.latest_by_url()
        )
        log = page_requests(srv)
    assert [p.outcome for p in first] == [Outcome.PARSED] * 3
    assert [p.outcome for p in second] == [Outcome.NOT_MODIFIED] * 3
    assert [(r.status, r.bytes_sent) for r in log] == [(304, 0)] * 3
    sent = {r.path: r.headers for r in log}
    assert sent["/etag"].get("if-none-match") == '"v1"'
    assert sent["/lm"].get("if-modified-since") == lm
    assert (sent["/both"].get("if-none-match"), sent["/both"].get("if-modified-since")) == (
        '"v3"',
        lm,
    )
    for old, new in zip(first, second, strict=True):
        assert (new.content_sha256, new.fetched_at, new.bytes) == (
            old.content_sha256,
            old.fetched_at,
            old.bytes,
        )
        assert new.status == 304
    logged = [e.outcome for e in store.entries("20261128T070000Z-bbbbbb")]
    assert logged == [Outcome.NOT_MODIFIED] * 3


def test_changed_page_is_downloaded_again(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": html("<p>v1</p>", etag='"1"')}) as srv:
        first = only(fetch([srv.url("/p")], tmp_path, run_id="r1"))
        srv.set("/p", html("<p>v2</p>", etag='"2"'))
        second = only(
            fetch(
                [srv.url("/p")], tmp_path, run_id="r2", previous=RawStore(tmp_path).latest_by_url()
            )
        )
    assert second.outcome is Outcome.PARSED
    assert second.etag == '"2"'
    assert second.content_sha256 != first.content_sha256


def test_hosts_not_named_by_the_sources_are_never_requested(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/a": OK}) as srv, FaultServer() as stranger:
        pages = fetch([srv.url("/a"), stranger.url("/a")], tmp_path, sources=[srv.url("/")])
        assert stranger.requests() == []
    assert [p.outcome for p in pages] == [Outcome.PARSED, Outcome.DISALLOWED]
    assert pages[1].error == f"host {stranger.origin} is not named by the sources"


def test_private_addresses_are_refused_unless_the_source_is_private(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/a": OK}) as srv:
        refused = only(
            fetch(
                [srv.url("/a")],
                tmp_path,
                source=SourceSettings(allow_private_addresses=False),
                robots={},
            )
        )
        assert srv.requests() == []
        allowed = only(fetch([srv.url("/a")], tmp_path))  # the source itself is on 127.0.0.1
    assert refused.outcome is Outcome.DISALLOWED
    assert refused.error is not None
    assert "resolves to a non-public address (127.0.0.1)" in refused.error
    assert allowed.outcome is Outcome.PARSED


def test_a_fifth_of_first_requests_failing_loses_no_page(tmp_path: Path) -> None:
    faults = [
        Reply(status=503),
        Reply(fault="reset"),
        Reply(body=b"<html>cut", fault="short"),
        Reply(status=429, headers={"Retry-After": "0"}),
    ]
    plan: dict[str, Reply | list[Reply]] = {"/robots.txt": ROBOTS_OPEN}
    for i in range(20):
        plan[f"/p{i}"] = [faults[i // 5], OK] if i % 5 == 0 else OK
    with FaultServer(plan) as srv:
        pages = fetch([srv.url(f"/p{i}") for i in range(20)], tmp_path)
        log = srv.requests()
    assert [p.outcome for p in pages] == [Outcome.PARSED] * 20
    assert sum(p.attempts for p in pages) == 24
    assert min(gaps(log)) >= DELAY - TOLERANCE
    assert max_overlap(log) == 1


def test_duplicate_urls_are_fetched_once(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p?a=1&b=2": OK}) as srv:
        urls = [srv.url("/p?b=2&a=1"), srv.url("/p?a=1&b=2#top"), srv.url("/p?a=1&b=2")]
        pages = fetch(urls, tmp_path)
        assert len(srv.requests("/p?a=1&b=2")) == 1
    assert [p.url for p in pages] == [srv.url("/p?a=1&b=2")]


def test_every_fetch_is_in_the_log(tmp_path: Path) -> None:
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/a": OK, "/gone": Reply(status=410)}) as srv:
        pages = fetch([srv.url("/a"), srv.url("/gone")], tmp_path, run_id="r1")
    entries = list(RawStore(tmp_path).entries("r1"))
    assert [(e.url, e.outcome, e.status, e.sha256) for e in entries] == [
        (p.url, p.outcome, p.status, p.content_sha256) for p in pages
    ]
    assert set(RawStore(tmp_path).latest_by_url()) == {srv.url("/a")}
    assert RawStore(tmp_path).latest_by_url(with_body=False)[srv.url("/gone")].status == 410


def test_inflater_never_returns_more_than_the_room_it_is_given() -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))
    inflater = BoundedInflater("gzip", "http://x/")
    assert len(inflater.feed(bomb, 1000)) == 1000


def test_gzip_bomb_memory_stays_near_the_cap(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/bomb": Reply(raw_gzip=bomb)}) as srv:
        tracemalloc.start()
        try:
            page = only(fetch([srv.url("/bomb")], tmp_path, settings=fast(max_body_bytes=1 << 20)))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert page.outcome is Outcome.FAILED_FETCH
    assert peak < 8 * (1 << 20), f"peak {peak} bytes while reading a bomb capped at 1 MiB"


def test_limiter_holds_concurrency_for_concurrent_callers(tmp_path: Path) -> None:
    slow = html("<p>slow</p>", delay=0.1)
    plan = {"/robots.txt": ROBOTS_OPEN, **{f"/p{i}": slow for i in range(5)}}

    async def go(srv: FaultServer) -> list[FetchedPage]:
        urls = [srv.url(f"/p{i}") for i in range(5)]
        crawl = fast(per_host_delay=0.0)
        policy = await HostPolicy.build(urls, SourceSettings())
        async with make_client(crawl) as client:
            fetcher = Fetcher(
                client, settings=crawl, store=RawStore(tmp_path), run_id="r", policy=policy
            )
            return list(await asyncio.gather(*(fetcher.fetch_page(u) for u in urls)))

    with FaultServer(plan) as srv:
        pages = asyncio.run(go(srv))
        log = srv.requests()
    assert [p.outcome for p in pages] == [Outcome.PARSED] * 5
    assert [r.path for r in log].count("/robots.txt") == 1  # fetched once for five callers
    assert max_overlap(log) == 1


def test_a_gzip_body_cut_off_mid_stream_is_a_transient_failure(tmp_path: Path) -> None:
    """Chunked, so no Content-Length gives it away: only the missing gzip trailer does."""
    whole = gzip.compress(b"<html><body>" + b"career " * 2000 + b"</body></html>")
    cut = Reply(chunks=lambda: iter([whole[: len(whole) // 2]]),
                headers={"Content-Encoding": "gzip"})
    with FaultServer({"/robots.txt": ROBOTS_OPEN, "/p": [cut, cut]}) as srv:
        page = only(fetch([srv.url("/p")], tmp_path, settings=fast(max_retries=1)))
        assert len(srv.requests("/p")) == 2  # retried: a cut-off transfer may work next time
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.transient
    assert page.error is not None
    assert page.error.startswith("compressed body ended early")


def test_private_addresses_are_allowed_per_host_not_per_site() -> None:
    """One local start URL lets that host be local, not every host of the site: a public
    host of the same site may not redirect the crawler to a link-local address."""
    from extract.errors import DisallowedError
    from extract.hostpolicy import HostPolicy

    async def go() -> None:
        policy = await HostPolicy.build(
            ["http://127.0.0.1:8000/careers/", "http://careers.invalid/"],
            SourceSettings(allow_cross_host_redirects=True),
        )
        assert policy.private_origins == {"127.0.0.1:8000"}
        await policy.check_address("http://127.0.0.1:8000/careers/nurse")
        with pytest.raises(DisallowedError, match="non-public address"):
            await policy.check_address("http://169.254.169.254/latest/meta-data")
        with pytest.raises(DisallowedError, match="non-public address"):
            await policy.check_address("http://127.0.0.1:9999/admin")
        everywhere = await HostPolicy.build(
            ["http://careers.invalid/"], SourceSettings(allow_private_addresses=True)
        )
        await everywhere.check_address("http://169.254.169.254/latest/meta-data")

    asyncio.run(go())
