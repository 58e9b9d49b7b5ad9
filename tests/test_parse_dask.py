"""DaskParser on a LocalCluster gives, page for page, what the in-process ParsePool gives."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from extract.parse_dask import DaskParser
from extract.parse_pool import ParsePool
from extract.rawstore import RawStore
from extract.records import FetchedPage, Outcome, ParsedPage
from sample_site.data import load_site
from sample_site.render import profile_path, site_pages
from tests.test_parse_pool import BASE, stored

pytestmark = pytest.mark.timeout(300)


def test_dask_parser_equals_the_pool(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    site = load_site()
    pages = site_pages(site, BASE)
    fetched = [stored(store, profile_path(c.slug), pages[profile_path(c.slug)].body)
               for c in site.careers[:7]]
    fetched.insert(2, FetchedPage(url=BASE + "/gone", outcome=Outcome.FAILED_FETCH,
                                  status=404, error="HTTP 404"))
    fetched.append(FetchedPage(url=BASE + "/lost", outcome=Outcome.PARSED, status=200,
                               content_sha256="0" * 64, bytes=10))  # a body that is not there

    async def on_dask() -> list[ParsedPage]:
        # Chunks of 3: several Dask tasks, results put back in the pages' order.
        async with DaskParser.connect(str(store.root), address=None, workers=1,
                                      chunk=3) as parser:
            return await parser.parse(fetched)

    with ParsePool(store.root, workers=1, budget=20.0) as pool:
        expected = asyncio.run(pool.parse(fetched))
    result = asyncio.run(on_dask())
    assert result == expected
    assert [p.page.url for p in result] == [p.url for p in fetched]
    assert [p.outcome for p in result].count(Outcome.PARSED) == 7
    assert result[-1].outcome is Outcome.FAILED_PARSE
    assert result[-1].page.transient  # unreadable body: the career keeps its previous rows
