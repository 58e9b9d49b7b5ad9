"""The parse pool: pages parsed in worker processes, one hostile page costs one budget."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from extract.parse_pool import ParsePool
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome
from sample_site.data import load_site
from sample_site.render import profile_path, site_pages
from tests.hostile import SLOW_PAGE as HOSTILE
from tests.hostile import slow_rules

BASE = "http://careers.test"
SITES = (slow_rules("careers.test"),)  # its CSS rule keeps HOSTILE's worker busy for minutes


def stored(store: RawStore, path: str, body: bytes) -> FetchedPage:
    url = BASE + path
    sha = store.put(url, body)
    return FetchedPage(url=url, outcome=Outcome.PARSED, status=200, content_sha256=sha,
                       bytes=len(body), content_type="text/html; charset=utf-8")


def test_a_hostile_page_fails_alone_within_its_budget(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    site = load_site()
    pages = site_pages(site, BASE)
    profiles = [profile_path(career.slug) for career in site.careers[:8]]
    fetched = [stored(store, p, pages[p].body) for p in profiles]
    fetched.insert(3, stored(store, "/careers/hostile", HOSTILE))
    fetched.append(FetchedPage(url=BASE + "/gone", outcome=Outcome.FAILED_FETCH, status=404,
                               error="HTTP 404"))
    started = time.monotonic()
    with ParsePool(store.root, workers=2, budget=2.0, sites=SITES) as pool:
        parsed = asyncio.run(pool.parse(fetched))
    elapsed = time.monotonic() - started
    assert [p.page.url for p in parsed] == [f.url for f in fetched]  # order kept
    by_url = {p.page.url: p for p in parsed}
    hostile = by_url[BASE + "/careers/hostile"]
    assert hostile.outcome is Outcome.FAILED_PARSE
    assert hostile.error == "parse took longer than 2s (crawl.parse_budget); left out"
    assert [by_url[BASE + p].outcome for p in profiles] == [Outcome.PARSED] * 8
    assert all(by_url[BASE + p].career is not None for p in profiles)
    assert by_url[BASE + "/gone"].outcome is Outcome.FAILED_FETCH  # no body: not sent anywhere
    assert elapsed < 60  # a few budgets, not the minutes the page would take


def test_cancelling_a_parse_abandons_the_page_at_once(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    page = stored(store, "/careers/hostile", HOSTILE)

    async def cancel_soon(pool: ParsePool) -> None:
        task = asyncio.ensure_future(pool.parse([page]))
        await asyncio.sleep(0.5)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return
        raise AssertionError("the parse was not cancelled")

    pool = ParsePool(store.root, workers=1, budget=600.0, sites=SITES)
    asyncio.run(cancel_soon(pool))
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 15  # the worker is stopped, not waited for
