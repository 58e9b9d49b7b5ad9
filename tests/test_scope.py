"""What a run keeps of the version it builds on, and why a run that read nothing stops."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.settings import SiteProfile
from extract.discover import Discovery
from extract.hostpolicy import HostPolicy
from extract.rawstore import LogEntry
from extract.records import FetchedPage, Outcome, PageOutcome, ParsedPage, RawCareer
from flows.scope import (
    crawled_hosts,
    dataset_sources,
    keep_from_baseline,
    unreachable_hosts,
    why_no_careers,
)
from load import Baseline, open_baseline, publish
from tests.load_helpers import career, tables

WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def failed(url: str, *, transient: bool, status: int | None = None) -> PageOutcome:
    page = FetchedPage(url=url, outcome=Outcome.FAILED_FETCH, status=status, transient=transient)
    return PageOutcome.of(ParsedPage(page=page, outcome=Outcome.FAILED_FETCH, error="x"))


def parsed(url: str) -> PageOutcome:
    page = FetchedPage(url=url, outcome=Outcome.PARSED, content_sha256="0" * 64)
    career = RawCareer(url, "T", "p/1")
    return PageOutcome.of(ParsedPage(page=page, outcome=Outcome.PARSED, career=career))


def baseline_of(tmp_path: Path, urls: list[str]) -> Baseline:
    rows = [
        career(u.rsplit("/", 1)[1], url=u, career_id=u.split("//", 1)[1], source="x")
        for u in urls
    ]
    publish(tables(rows), parquet_dir=tmp_path / "parquet", run_id="20261101T060000Z-aaaaaa")
    return open_baseline(tmp_path / "parquet")


def discovery(*pages: FetchedPage, urls: tuple[str, ...] = ()) -> Discovery:
    return Discovery(page_urls=urls, pages=pages, robots={}, policy=HostPolicy(frozenset()))


def test_only_transient_failures_keep_rows_under_their_url_and_last_redirect_target(tmp_path):
    pages = [
        failed("http://a.test/503", transient=True, status=503),
        failed("http://a.test/timeout", transient=True),
        failed("http://a.test/moved", transient=True, status=502),
        failed("http://a.test/gone", transient=False, status=410),
        failed("http://a.test/too-large", transient=False),
        parsed("http://a.test/ok"),
    ]
    previous = {
        "http://a.test/moved": LogEntry(
            run_id="r1", url="http://a.test/moved", outcome=Outcome.PARSED, fetched_at=WHEN,
            final_url="http://a.test/careers/moved",
        )
    }
    keep = keep_from_baseline(
        pages, baseline=Baseline(), previous=previous, crawled=frozenset({"a.test"}),
        unreachable={}, replace_sources=False,
    )
    assert keep.urls == {
        "http://a.test/503",
        "http://a.test/timeout",
        "http://a.test/moved",
        "http://a.test/careers/moved",
    }
    assert keep.unreachable_pages == ()


def test_a_stored_body_that_cannot_be_read_keeps_its_rows():
    page = FetchedPage(url="http://a.test/x", outcome=Outcome.PARSED, transient=True,
                       final_url="http://a.test/careers/x")
    unreadable = PageOutcome.of(
        ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error="stored body ...")
    )
    keep = keep_from_baseline(
        [unreadable], baseline=Baseline(), previous={}, crawled=frozenset({"a.test"}),
        unreachable={}, replace_sources=False,
    )
    assert keep.urls == {"http://a.test/x", "http://a.test/careers/x"}


def test_an_unreachable_host_keeps_every_career_as_a_failed_page(tmp_path):
    base = baseline_of(tmp_path, ["http://a.test/careers/1", "http://a.test/careers/2",
                                  "http://b.test/careers/1"])
    sitemap_503 = FetchedPage(url="http://a.test/sitemap.xml", outcome=Outcome.FAILED_FETCH,
                              status=503, error="HTTP 503", transient=True)
    sitemap_404 = FetchedPage(url="http://b.test/sitemap.xml", outcome=Outcome.FAILED_FETCH,
                              status=404, error="HTTP 404", transient=False)
    lost = unreachable_hosts([discovery(sitemap_503, sitemap_404)])
    assert lost == {"a.test": "http://a.test/sitemap.xml: HTTP 503"}
    keep = keep_from_baseline(
        [], baseline=base, previous={}, crawled=frozenset({"a.test", "b.test"}),
        unreachable=lost, replace_sources=False,
    )
    assert keep.urls == {"http://a.test/careers/1", "http://a.test/careers/2"}
    rows = {p.page.url: p for p in keep.unreachable_pages}
    assert set(rows) == keep.urls
    row = rows["http://a.test/careers/1"]
    assert row.outcome is Outcome.FAILED_FETCH
    assert row.page.transient
    assert row.page.error == "not fetched: host unreachable (http://a.test/sitemap.xml: HTTP 503)"


def test_careers_of_hosts_the_sources_do_not_name_are_kept_unless_replaced(tmp_path):
    base = baseline_of(tmp_path, ["http://old.test/careers/1", "http://old.test/careers/2",
                                  "http://new.test/careers/1"])
    sites = (SiteProfile(name="new", start_urls=("http://new.test/sitemap.xml",)),)
    crawled = crawled_hosts(sites, [parsed("http://new.test/careers/1")])
    assert crawled == {"new.test"}
    kept = keep_from_baseline([parsed("http://new.test/careers/1")], baseline=base, previous={},
                              crawled=crawled, unreachable={}, replace_sources=False)
    assert kept.other_hosts == {"old.test": 2}
    assert kept.urls == {"http://old.test/careers/1", "http://old.test/careers/2"}
    replaced = keep_from_baseline([], baseline=base, previous={}, crawled=crawled,
                                  unreachable={}, replace_sources=True)
    assert replaced.other_hosts == {}
    assert replaced.urls == set()
    sources = dataset_sources(sites, base, kept.other_hosts)
    assert [s["hosts"] for s in sources] == [["new.test"], ["old.test"]]
    assert sources[0]["start_urls"] == ["http://new.test/sitemap.xml"]


def test_fill_rates_compare_only_the_hosts_a_run_crawled(tmp_path):
    rows = [
        career("a", url="http://a.test/careers/a", career_id="a.test/a", source="a.test"),
        career("b", url="http://b.test/careers/b", career_id="b.test/b", source="b.test",
               workers=None, workers_text=None),
    ]
    publish(tables(rows), parquet_dir=tmp_path / "parquet", run_id="20261101T060000Z-aaaaaa")
    base = open_baseline(tmp_path / "parquet")
    assert base.fill_rates_of_hosts({"a.test"})["workers"] == 1.0
    assert base.fill_rates_of_hosts({"b.test"})["workers"] == 0.0
    assert base.fill_rates_of_hosts({"c.test"}) == {}


START = "http://a.test/sitemap.xml"


@pytest.mark.parametrize(
    ("pages", "disc", "sites", "expected"),
    [
        pytest.param(
            [], [discovery(FetchedPage(url=START, outcome=Outcome.FAILED_FETCH,
                                       error="network error: refused", transient=True))],
            (), "no source could be reached (http://a.test/sitemap.xml: network error: refused)",
            id="unreachable",
        ),
        pytest.param(
            [], [discovery(FetchedPage(url=START, outcome=Outcome.SKIPPED))], (),
            "the sources' sitemaps or index pages listed no profile pages", id="empty sitemap",
        ),
        pytest.param(
            [], [discovery(FetchedPage(url=START, outcome=Outcome.SKIPPED))],
            (SiteProfile(start_urls=(START,), profile_pattern="/jobs/"),),
            "no link on the sources' sitemaps or index pages matched the profile pattern /jobs/",
            id="pattern matched nothing",
        ),
        pytest.param(
            [PageOutcome(url="http://a.test/x", outcome=Outcome.FAILED_PARSE, error="no title")],
            [discovery(FetchedPage(url=START, outcome=Outcome.SKIPPED),
                       urls=("http://a.test/x",))], (),
            "no page read as a career page (1 failed_parse); e.g. http://a.test/x: no title",
            id="nothing parsed",
        ),
    ],
)
def test_why_a_run_read_no_career(pages, disc, sites, expected):
    assert why_no_careers(pages, disc, sites) == expected


def test_one_career_is_enough():
    assert why_no_careers([parsed("http://a.test/x"), failed("http://a.test/y",
                                                             transient=True)]) is None
