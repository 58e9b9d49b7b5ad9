"""Discovery: sitemaps (index + gzipped child), paginated indexes, profile start URLs."""

from __future__ import annotations

import asyncio
import gzip
import re
from dataclasses import replace
from pathlib import Path

import pytest

from core.errors import UserError
from core.settings import CrawlSettings, SourceSettings
from extract.discover import Classified, Discovery, classify_html, read_sitemap
from extract.rawstore import RawStore
from extract.records import Outcome
from extract.session import CrawlSession
from tests.faultserver import FaultServer, Reply, html
from tests.fetch_helpers import DELAY, TOLERANCE, fast, gaps

SLUGS = [f"job-{i:02d}" for i in range(12)]
ROBOTS = Reply(body=b"User-agent: *\nDisallow: /secret\n")


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    ).encode()


def sitemap_index(urls: list[str]) -> bytes:
    locs = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>'
    ).encode()


NAV = '<nav><a href="/">Home</a><a href="/about">About</a><a href="/contact">Contact</a></nav>'


def index_page(page: int, pages: int, slugs: list[str]) -> Reply:
    links = "".join(f'<li><a href="/careers/{s}">{s}</a></li>' for s in slugs)
    numbers = "".join(f'<a href="/jobs?page={n}">{n}</a>' for n in range(1, pages + 1) if n != page)
    nxt = f'<a rel="next" href="/jobs?page={page + 1}">Next ›</a>' if page < pages else ""
    return html(f"<html><body>{NAV}<ul>{links}</ul><div>{numbers}{nxt}</div></body></html>")


def profile_page(slug: str) -> Reply:
    related = "".join(f'<a href="/careers/{s}">{s}</a>' for s in SLUGS[:3] if s != slug)
    return html(
        f"<html><body>{NAV}<h1>{slug}</h1><p>Salary $75k</p>"
        f'<aside>{related}<a href="/jobs">All jobs</a></aside></body></html>'
    )


def site(srv: FaultServer) -> None:
    srv.set("/robots.txt", ROBOTS)
    srv.set(
        "/sitemap.xml", Reply(body=sitemap_index([srv.url("/sm-a.xml"), srv.url("/sm-b.xml.gz")]))
    )
    srv.set(
        "/sm-a.xml",
        Reply(
            body=sitemap(
                [
                    srv.url("/careers/job-00"),
                    srv.url("/careers/job-00#dup"),
                    "http://elsewhere.example/careers/x",
                    srv.url("/careers/job-01"),
                ]
            ),
            headers={"Content-Type": "application/xml"},
        ),
    )
    srv.set(
        "/sm-b.xml.gz",
        Reply(
            body=gzip.compress(sitemap([srv.url("/careers/job-02"), srv.url("/secret/x")])),
            headers={"Content-Type": "application/gzip"},
        ),
    )
    chunks = [SLUGS[0:4], SLUGS[4:8], SLUGS[8:12]]
    srv.set("/jobs", index_page(1, 3, chunks[0]))
    for n, chunk in enumerate(chunks, start=1):
        srv.set(f"/jobs?page={n}", index_page(n, 3, chunk))
    for slug in SLUGS:
        srv.set(f"/careers/{slug}", profile_page(slug))


def run_discover(
    starts: list[str],
    root: Path,
    *,
    settings: CrawlSettings | None = None,
    source: SourceSettings | None = None,
    run_id: str = "r1",
) -> Discovery:
    async def go() -> Discovery:
        crawl = settings or fast()
        site = (source or SourceSettings()).model_copy(update={"start_urls": tuple(starts)})
        async with CrawlSession(crawl, RawStore(root), run_id) as session:
            return await session.discover(site)

    return asyncio.run(go())


def test_discover_sitemaps_indexes_and_profiles(tmp_path: Path) -> None:
    with FaultServer() as srv:
        site(srv)
        starts = [
            srv.url("/sitemap.xml"),
            srv.url("/jobs"),
            srv.url("/careers/job-05"),
            srv.url("/missing"),
        ]
        found = run_discover(starts, tmp_path)
        log = srv.requests()
    u = srv.url
    assert (
        found.page_urls
        == (
            *[u(f"/careers/{s}") for s in SLUGS[:4]],  # from /jobs, in the first round
            # then the sitemaps: job-00..02 known already, the #dup and elsewhere.example dropped;
            # /secret/x is kept: the fetcher records it as disallowed, without a request
            u("/secret/x"),
            *[u(f"/careers/{s}") for s in SLUGS[4:12] if s != "job-05"],  # pages 2 and 3
        )
    )
    assert len(found.page_urls) == len(set(found.page_urls))
    assert {p.url: (p.outcome, p.status) for p in found.pages} == {
        u("/sitemap.xml"): (Outcome.SKIPPED, 200),
        u("/jobs"): (Outcome.SKIPPED, 200),
        u("/careers/job-05"): (Outcome.PARSED, 200),  # a profile start URL: fetched once, here
        u("/missing"): (Outcome.FAILED_FETCH, 404),
        u("/sm-a.xml"): (Outcome.SKIPPED, 200),
        u("/sm-b.xml.gz"): (Outcome.SKIPPED, 200),
        u("/jobs?page=2"): (Outcome.SKIPPED, 200),
        u("/jobs?page=3"): (Outcome.SKIPPED, 200),
        u("/jobs?page=1"): (Outcome.SKIPPED, 200),
    }
    paths = [r.path for r in log]
    assert paths.count("/robots.txt") == 1
    assert {p for p in paths if p.startswith(("/careers/", "/secret"))} == {"/careers/job-05"}
    assert min(gaps(log)) >= DELAY - TOLERANCE
    assert found.robots[srv.origin].allowed(u("/careers/x"), "careers-etl/0.1")
    assert not found.robots[srv.origin].allowed(u("/secret/x"), "careers-etl/0.1")


def test_caps_on_pages_and_on_index_pages(tmp_path: Path) -> None:
    with FaultServer() as srv:
        site(srv)
        settings = fast(max_pages_per_host=3, max_discovery_pages=1)
        found = run_discover([srv.url("/jobs")], tmp_path, settings=settings)
        paths = [r.path for r in srv.requests()]
    assert len(found.page_urls) == 3
    assert paths == ["/robots.txt", "/jobs", "/jobs?page=2"]
    # What the caps left out is recorded, not silently dropped.
    not_fetched = {p.url: p.error for p in found.pages if p.outcome is Outcome.SKIPPED
                   and p.error and p.error.startswith("not fetched")}
    assert not_fetched[srv.url("/jobs?page=3")] == "not fetched: over max_discovery_pages (1)"
    over = [u for u, e in not_fetched.items() if "max_pages_per_host" in e]
    assert over
    assert not set(over) & set(found.page_urls)


def test_profile_pattern_decides_which_links_are_profiles(tmp_path: Path) -> None:
    with FaultServer() as srv:
        site(srv)
        source = SourceSettings(profile_pattern=r"/careers/job-0[0-2]$")
        found = run_discover(
            [srv.url("/jobs"), srv.url("/careers/job-01")], tmp_path, source=source
        )
    assert found.page_urls == (srv.url("/careers/job-00"), srv.url("/careers/job-02"))
    assert {p.url: p.outcome for p in found.pages}[srv.url("/careers/job-01")] is Outcome.PARSED


def test_robots_unavailable_means_nothing_is_discovered(tmp_path: Path) -> None:
    """RFC 9309: nothing is fetched, and the start URL is a transient failure (the host was
    unreachable), not a disallowed page, so its careers are kept."""
    with FaultServer() as srv:
        site(srv)
        srv.set("/robots.txt", Reply(status=500))
        found = run_discover([srv.url("/jobs")], tmp_path, settings=fast(max_retries=0))
        paths = [r.path for r in srv.requests()]
    assert paths == ["/robots.txt"]
    assert found.page_urls == ()
    [page] = found.pages
    assert page.outcome is Outcome.FAILED_FETCH
    assert page.transient
    assert (page.error or "").startswith("host unreachable: robots.txt of")
    assert found.robots[srv.origin].unreachable


def test_second_discovery_revalidates_and_downloads_nothing(tmp_path: Path) -> None:
    with FaultServer() as srv:
        site(srv)
        for path in [
            "/sitemap.xml",
            "/sm-a.xml",
            "/sm-b.xml.gz",
            "/jobs",
            "/jobs?page=2",
            "/jobs?page=3",
            "/jobs?page=1",
        ]:
            [reply] = [srv.next_reply(path)]
            srv.set(path, replace(reply, etag=f'"{path}"'))
        starts = [srv.url("/sitemap.xml"), srv.url("/jobs")]
        first = run_discover(starts, tmp_path, run_id="r1")
        srv.clear_log()
        second = run_discover(starts, tmp_path, run_id="r2")
        log = [r for r in srv.requests() if r.path != "/robots.txt"]
    assert second.page_urls == first.page_urls
    assert len(log) == 7
    assert {(r.status, r.bytes_sent) for r in log} == {(304, 0)}
    assert {p.outcome for p in second.pages} == {Outcome.SKIPPED}


def test_bad_start_url_is_a_user_error_before_any_request(tmp_path: Path) -> None:
    message = "bad --start-url: not an http(s) URL: 'ftp://x.test/'"
    with pytest.raises(UserError, match=re.escape(message)):
        run_discover(["ftp://x.test/"], tmp_path, source=SourceSettings())
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_a_bad_profile_pattern_never_reaches_discovery() -> None:
    """The settings model refuses it, so no site profile carries one."""
    with pytest.raises(ValueError, match="profile_pattern"):
        SourceSettings(profile_pattern="(unclosed")


# -- pure classification ---------------------------------------------------------------------


BASE = "http://h.test"


@pytest.mark.parametrize(
    ("url", "body", "expected"),
    [
        (
            "/careers/",
            NAV + "".join(f'<a href="/careers/c{i}">c{i}</a>' for i in range(5)),
            Classified("index", links=tuple(f"{BASE}/careers/c{i}" for i in range(5))),
        ),
        (  # only four children, no pagination: too few to call it an index
            "/careers/",
            "".join(f'<a href="/careers/c{i}">c{i}</a>' for i in range(4)),
            Classified("profile"),
        ),
        (  # a profile page linking many siblings is still a profile page
            "/careers/c9",
            "".join(f'<a href="/careers/c{i}">c{i}</a>' for i in range(8)),
            Classified("profile"),
        ),
        (
            "/all?page=2",
            '<a href="/c/a">a</a><link rel="next" href="/all?page=3"><a href="/all?page=1">1</a>',
            Classified(
                "index",
                links=(f"{BASE}/c/a",),
                pagination=(f"{BASE}/all?page=3", f"{BASE}/all?page=1"),
            ),
        ),
        (  # a card in the same list pointing elsewhere is listed too; the nav is not
            "/careers/",
            NAV
            + "<ul>"
            + "".join(f'<li><a href="/careers/c{i}">c{i}</a></li>' for i in range(5))
            + '<li><a href="/drafts/d1">d1</a></li></ul><p><a href="/about/team">team</a></p>',
            Classified(
                "index",
                links=(*(f"{BASE}/careers/c{i}" for i in range(5)), f"{BASE}/drafts/d1"),
            ),
        ),
        (  # "Next occupation" and a year are not pagination: still a profile page
            "/careers/c9",
            '<a rel="next" href="/careers/c10">Next occupation ›</a><a href="/data/2024">2024</a>'
            '<a href="/careers/c8">c8</a>',
            Classified("profile"),
        ),
        (  # numbered paths are pagination too
            "/all-jobs/",
            '<a href="/c/a">a</a><a href="/all-jobs/page/2/">2</a><a href="/all-jobs/3">3</a>',
            Classified(
                "index",
                links=(f"{BASE}/c/a",),
                pagination=(f"{BASE}/all-jobs/page/2/", f"{BASE}/all-jobs/3"),
            ),
        ),
        (  # other hosts' links are never followed
            "/list",
            "".join(f'<a href="http://other.test/c/{i}">{i}</a>' for i in range(9)),
            Classified("profile"),
        ),
    ],
)
def test_classify_html(url: str, body: str, expected: Classified) -> None:
    assert (
        classify_html(f"<html><body>{body}</body></html>", BASE + url, profile_pattern=None)
        == expected
    )


def test_read_sitemap_reads_plain_and_gzipped_and_says_why_others_are_not() -> None:
    body = sitemap(["http://h.test/a", "http://h.test/b"])
    expected = Classified("sitemap", links=("http://h.test/a", "http://h.test/b"))
    assert read_sitemap(body, cap=10_000) == expected
    assert read_sitemap(gzip.compress(body), cap=10_000) == expected
    for text, why in [
        (b"<html><body>x</body></html>", "it is an HTML page"),
        (b"not xml", "it is not XML"),
        (b"<urlset><url><loc>http://h.test/a</loc></url>", "broken XML"),
        (b"<rss><channel/></rss>", "its root element is <rss>"),
    ]:
        with pytest.raises(ValueError, match=re.escape(why)):
            read_sitemap(text, cap=10_000)
    with pytest.raises(ValueError, match="inflates past 100 bytes"):
        read_sitemap(gzip.compress(b"<urlset>" + b" " * 1000 + b"</urlset>"), cap=100)