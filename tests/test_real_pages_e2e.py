"""End to end on real pages: the Prefect flow crawls reference/real through a sitemap.

The 31 profile pages and 2 listing pages are served at their real paths on
127.0.0.1; the published `careers`, `career_skills` and `career_duties` are
read back with `load.read` and scored against expected.jsonl by
`tests.real_scoring` (issue 7: at least 98% of non-null expected fields
exactly right, and nothing where the page has nothing).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.config import load_settings
from load import read
from tests.parse.golden import real_pages
from tests.real_scoring import FIELDS, pay_violations, score_tables
from tests.realsite import LISTING_URLS, real_site

pytestmark = pytest.mark.slow


def test_real_pages_publish_at_least_98_percent_right(prefect_server, tmp_path: Path):
    from flows.ingest_flow import ingest

    data_dir = tmp_path / "data"
    with real_site() as server:
        settings = load_settings(
            overrides={
                "data_dir": data_dir,
                "source.start_urls": [server.url("/sitemap.xml")],
                "crawl.per_host_delay": 0.0,
                "crawl.delay_jitter": 0.0,
                "crawl.batch_size": 20,
            }
        )
        summary = asyncio.run(ingest(settings))
        asked = Counter(r.path for r in server.requests())

    assert summary.published, summary.reason
    profiles = [server.url(urlsplit(p.url).path) for p in real_pages()]
    listings = [server.url(urlsplit(u).path) for u in LISTING_URLS.values()]
    assert all(asked[path] == 1 for path in asked if path != "/robots.txt"), asked

    pages = read("pages", summary.version, data_dir=data_dir).set_index("url")
    assert pages.loc[listings, "outcome"].tolist() == ["skipped", "skipped"]
    assert (pages.loc[profiles, "outcome"] == "parsed").all()
    assert Counter(pages["outcome"]) == {"parsed": len(profiles), "skipped": len(listings) + 1}

    careers = read("careers", summary.version, data_dir=data_dir)
    assert sorted(careers["url"]) == sorted(profiles)  # no career from a listing page
    result = score_tables(
        careers,
        read("career_skills", summary.version, data_dir=data_dir),
        read("career_duties", summary.version, data_dir=data_dir),
    )
    report = result.render("published by the flow")
    assert len(result.checks) == len(real_pages()) * len(FIELDS)
    assert result.accuracy() >= 0.98, report
    assert result.invented() == [], report
    # No published pay in a period or currency the page does not state (issue 10).
    assert pay_violations(careers) == []
    # The projection period and the workers' year the OOH pages state in their labels.
    ooh = careers[careers["url"].str.contains("/ooh/")]
    dated = ooh["growth_period_start"].notna()
    assert dated.sum() == len(ooh) - 1  # the military page has no Quick Facts
    assert set(ooh.loc[dated, "growth_period_start"]) == {2024}
    assert set(ooh.loc[dated, "growth_period_end"]) == {2034}
    assert set(ooh.loc[dated, "workers_year"]) == {2024}
