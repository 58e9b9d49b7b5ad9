"""fetch_batch: what the Prefect task calls; the delay holds across batches and runs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from core.settings import Settings, SourceSettings
from extract.batch import fetch_batch
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome
from extract.robots import RobotsRules, rules_from_response
from tests.faultserver import FaultServer, Reply, html
from tests.fetch_helpers import DELAY, TOLERANCE, fast, gaps, max_overlap

PAGES = [f"/careers/c{i}" for i in range(6)]
LM = "Sat, 28 Nov 2026 05:00:00 GMT"


def settings_for(srv: FaultServer, root: Path) -> Settings:
    return Settings(
        data_dir=root,
        crawl=fast(),
        source=SourceSettings(start_urls=(srv.url("/careers/"),)),  # type: ignore[arg-type]
    )


def batch(
    urls: list[str], settings: Settings, run_id: str, robots: dict[str, RobotsRules]
) -> list[FetchedPage]:
    return asyncio.run(fetch_batch(urls, settings=settings, run_id=run_id, robots=robots))


def test_batches_keep_the_delay_and_a_second_run_downloads_nothing(tmp_path: Path) -> None:
    plan: dict[str, Reply] = {"/robots.txt": Reply(body=b"User-agent: *\nDisallow: /x\n")}
    plan |= {p: html(f"<h1>{p}</h1>", etag=f'"{p}"', last_modified=LM) for p in PAGES}
    with FaultServer(plan) as srv:
        settings = settings_for(srv, tmp_path)
        robots = {srv.origin: rules_from_response(srv.origin, 200, b"User-agent: *\nAllow: /\n")}
        urls = [srv.url(p) for p in PAGES]
        run1 = batch(urls[:3], settings, "20261128T060000Z-aaaaaa", robots)
        run1 += batch(urls[3:], settings, "20261128T060000Z-aaaaaa", robots)
        first_log = srv.requests()
        srv.clear_log()
        run2 = batch(urls[:3], settings, "20261128T070000Z-bbbbbb", robots)
        run2 += batch(urls[3:], settings, "20261128T070000Z-bbbbbb", robots)
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
    store = RawStore(settings.raw_dir)
    assert store.run_ids() == ["20261128T060000Z-aaaaaa", "20261128T070000Z-bbbbbb"]
    assert [e.url for e in store.entries("20261128T070000Z-bbbbbb")] == urls


def test_a_batch_fetches_robots_for_hosts_discovery_did_not_cover(tmp_path: Path) -> None:
    plan = {"/robots.txt": Reply(body=b"User-agent: *\nDisallow: /careers/c1\n")}
    plan |= {p: html("<h1>x</h1>") for p in PAGES[:3]}
    with FaultServer(plan) as srv:
        settings = settings_for(srv, tmp_path)
        pages = batch([srv.url(p) for p in PAGES[:3]], settings, "r1", {})
        paths = [r.path for r in srv.requests()]
    assert [p.outcome for p in pages] == [Outcome.PARSED, Outcome.DISALLOWED, Outcome.PARSED]
    assert paths == ["/robots.txt", "/careers/c0", "/careers/c2"]


def test_a_batch_only_fetches_the_source_hosts(tmp_path: Path) -> None:
    with FaultServer({"/a": html("a")}) as srv, FaultServer({"/a": html("a")}) as other:
        settings = settings_for(srv, tmp_path)
        robots = {h: rules_from_response(h, 404, b"") for h in (srv.origin, other.origin)}
        pages = batch([srv.url("/a"), other.url("/a")], settings, "r1", robots)
        assert other.requests() == []
    assert [p.outcome for p in pages] == [Outcome.PARSED, Outcome.DISALLOWED]


def test_the_delay_holds_from_one_batch_to_the_next(tmp_path: Path) -> None:
    with FaultServer({p: html("x") for p in PAGES[:2]}) as srv:
        settings = settings_for(srv, tmp_path).model_copy(
            update={"crawl": fast(per_host_delay=0.3, delay_jitter=0.0)}
        )
        robots = {srv.origin: rules_from_response(srv.origin, 404, b"")}
        batch([srv.url(PAGES[0])], settings, "r1", robots)
        batch([srv.url(PAGES[1])], settings, "r1", robots)
        log = srv.requests()
    assert [r.path for r in log] == PAGES[:2]
    assert gaps(log)[0] >= 0.3 - TOLERANCE
