from datetime import UTC, datetime

from extract.rawstore import LogEntry
from extract.records import FetchedPage, Outcome, ParsedPage
from flows.carry import carried_urls

WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def failed(url: str, *, transient: bool, status: int | None = None) -> ParsedPage:
    page = FetchedPage(url=url, outcome=Outcome.FAILED_FETCH, status=status, transient=transient)
    return ParsedPage(page=page, outcome=Outcome.FAILED_FETCH, error="x")


def test_only_transient_failures_keep_rows_under_their_url_and_last_redirect_target():
    pages = [
        failed("http://a.test/503", transient=True, status=503),
        failed("http://a.test/timeout", transient=True),
        failed("http://a.test/moved", transient=True, status=502),
        failed("http://a.test/gone", transient=False, status=410),
        failed("http://a.test/too-large", transient=False),
        ParsedPage(page=FetchedPage(url="http://a.test/ok", outcome=Outcome.PARSED),
                   outcome=Outcome.PARSED),
    ]
    previous = {
        "http://a.test/moved": LogEntry(
            run_id="r1", url="http://a.test/moved", outcome=Outcome.PARSED, fetched_at=WHEN,
            final_url="http://a.test/careers/moved",
        )
    }
    assert carried_urls(pages, previous) == {
        "http://a.test/503",
        "http://a.test/timeout",
        "http://a.test/moved",
        "http://a.test/careers/moved",
    }


def test_a_sitemap_lost_to_a_blip_keeps_its_whole_host():
    def entry(url: str, final: str | None = None) -> LogEntry:
        return LogEntry(run_id="r1", url=url, outcome=Outcome.PARSED, fetched_at=WHEN,
                        final_url=final)

    previous = {
        "http://a.test/careers/1": entry("http://a.test/careers/1"),
        "http://a.test/careers/2": entry("http://a.test/careers/2", "http://a.test/careers/two"),
        "http://b.test/careers/1": entry("http://b.test/careers/1"),
    }
    sitemap_503 = FetchedPage(url="http://a.test/sitemap.xml", outcome=Outcome.FAILED_FETCH,
                              status=503, transient=True)
    sitemap_404 = FetchedPage(url="http://b.test/sitemap.xml", outcome=Outcome.FAILED_FETCH,
                              status=404, transient=False)
    assert carried_urls([], previous, [sitemap_503, sitemap_404]) == {
        "http://a.test/careers/1",
        "http://a.test/careers/2",
        "http://a.test/careers/two",
    }
