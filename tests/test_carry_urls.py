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
