"""The crawl session: what the Prefect tasks call; one client and host state per run."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from core.settings import CrawlSettings, SourceSettings
from extract.hostpolicy import HostPolicy
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome
from extract.robots import RobotsRules, rules_from_response
from extract.session import CrawlSession
from tests.faultserver import FaultServer, Reply, html
from tests.fetch_helpers import DELAY, TOLERANCE, fast, gaps, max_overlap

PAGES = [f"/careers/c{i}" for i in range(6)]
LM = "Sat, 28 Nov 2026 05:00:00 GMT"


def crawl(
    batches: Sequence[Sequence[str]],
    root: Path,
    run_id: str,
    robots: dict[str, RobotsRules],
    *,
    sources: Sequence[str] | None = None,
    settings: CrawlSettings | None = None,
) -> list[FetchedPage]:
    """Fetch `batches` one after another through one session, as one run's flow does."""

    async def go() -> list[FetchedPage]:
        urls = [u for b in batches for u in b]
        policy = await HostPolicy.build(list(sources or urls), SourceSettings())
        pages: list[FetchedPage] = []
        async with CrawlSession(settings or fast(), RawStore(root), run_id) as session:
            session.hosts.robots.update(robots)
            for urls_of_batch in batches:
                pages += await session.fetch(urls_of_batch, policy)
        return pages

    return asyncio.run(go())


def test_batches_keep_the_delay_and_a_second_run_downloads_nothing(tmp_path: Path) -> None:
    plan: dict[str, Reply] = {"/robots.txt": Reply(body=b"User-agent: *\nDisallow: /x\n")}
    plan |= {p: html(f"<h1>{p}</h1>", etag=f'"{p}"', last_modified=LM) for p in PAGES}
    with FaultServer(plan) as srv:
        robots = {srv.origin: rules_from_response(srv.origin, 200, b"User-agent: *\nAllow: /\n")}
        urls = [srv.url(p) for p in PAGES]
        run1 = crawl([urls[:3], urls[3:]], tmp_path, "20261128T060000Z-aaaaaa", robots)
        first_log = srv.requests()
        srv.clear_log()
        run2 = crawl([urls[:3], urls[3:]], tmp_path, "20261128T070000Z-bbbbbb", robots)
        second_log = srv.requests()
    assert [p.outcome for p in run1] == [Outcome.PARSED] * 6
    assert [p.outcome for p in run2] == [Outcome.NOT_MODIFIED] * 6
    # robots.txt came from discovery: the batches never asked for it
    assert [r.path for r in first_log] == PAGES
    assert min(gaps(first_log)) >= DELAY - TOLERANCE  # across the batch boundary too
    assert max_overlap(first_log) == 1
    assert [(r.path, r.status, r.bytes_sent) for r in second_log] == [(p, 304, 0) for p in PAGES]
    assert all(r.headers.get("if-none-match") == f'"{r.path}"' for r in second_log)
    assert [p.fetched_at for p in run2] == [p.fetched_at for p in run1]
    store = RawStore(tmp_path)
    assert store.run_ids() == ["20261128T060000Z-aaaaaa", "20261128T070000Z-bbbbbb"]
    assert [e.url for e in store.entries("20261128T070000Z-bbbbbb")] == urls


def test_a_batch_fetches_robots_for_hosts_discovery_did_not_cover(tmp_path: Path) -> None:
    plan = {"/robots.txt": Reply(body=b"User-agent: *\nDisallow: /careers/c1\n")}
    plan |= {p: html("<h1>x</h1>") for p in PAGES[:4]}
    with FaultServer(plan) as srv:
        pages = crawl([[srv.url(p) for p in PAGES[:3]], [srv.url(PAGES[3])]], tmp_path, "r1", {})
        paths = [r.path for r in srv.requests()]
    assert [p.outcome for p in pages] == [
        Outcome.PARSED, Outcome.DISALLOWED, Outcome.PARSED, Outcome.PARSED
    ]
    # Fetched once per host for the whole session, not once per batch.
    assert paths == ["/robots.txt", "/careers/c0", "/careers/c2", "/careers/c3"]


def test_a_batch_only_fetches_the_source_hosts(tmp_path: Path) -> None:
    with FaultServer({"/a": html("a")}) as srv, FaultServer({"/a": html("a")}) as other:
        robots = {h: rules_from_response(h, 404, b"") for h in (srv.origin, other.origin)}
        pages = crawl([[srv.url("/a"), other.url("/a")]], tmp_path, "r1", robots,
                      sources=[srv.url("/")])
        assert other.requests() == []
    assert [p.outcome for p in pages] == [Outcome.PARSED, Outcome.DISALLOWED]


def test_the_delay_holds_from_one_batch_to_the_next_and_across_sessions(tmp_path: Path):
    with FaultServer({p: html("x") for p in PAGES[:3]}) as srv:
        settings = fast(per_host_delay=0.3, delay_jitter=0.0)
        robots = {srv.origin: rules_from_response(srv.origin, 404, b"")}
        crawl([[srv.url(PAGES[0])], [srv.url(PAGES[1])]], tmp_path, "r1", robots,
              settings=settings)
        crawl([[srv.url(PAGES[2])]], tmp_path, "r1", robots, settings=settings)
        log = srv.requests()
    assert [r.path for r in log] == PAGES[:3]
    assert min(gaps(log)) >= 0.3 - TOLERANCE


def test_one_session_keeps_its_connection_across_batches(tmp_path: Path) -> None:
    """One client for the run: the server sees one connection for a host's batches."""
    with FaultServer({p: html("x") for p in PAGES}) as srv:
        robots = {srv.origin: rules_from_response(srv.origin, 404, b"")}
        urls = [srv.url(p) for p in PAGES]
        crawl([urls[:2], urls[2:4], urls[4:]], tmp_path, "r1", robots,
              settings=fast(per_host_delay=0.0))
        log = srv.requests()
    assert len({r.client_port for r in log}) == 1
