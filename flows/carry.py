"""Which careers a run keeps from the previous version: those whose page failed transiently.

The fetcher marks each failure transient (timeout, 429, 5xx, a cut-off body) or
not (404, 410, too large, refused); only the transient ones keep their rows. A
page that redirected last time has its rows under the URL it redirected to, so
that URL (from the fetch log) is kept too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from extract.rawstore import LogEntry
from extract.records import FetchedPage, Outcome, ParsedPage


def carried_urls(
    pages: Sequence[ParsedPage],
    previous: Mapping[str, LogEntry],
    lost_listings: Sequence[FetchedPage] = (),
) -> frozenset[str]:
    """URLs whose careers keep their previous rows. A sitemap or index page that failed
    transiently hides its whole host's pages this run, so they all keep theirs."""
    hosts = {urlsplit(p.url).netloc for p in lost_listings if p.transient}
    urls: set[str] = {url for url in previous if urlsplit(url).netloc in hosts}
    urls |= {e.final_url for url, e in previous.items() if url in urls and e.final_url}
    for parsed in pages:
        page = parsed.page
        if parsed.outcome is Outcome.FAILED_FETCH and page.transient:
            urls.add(page.url)
            last = previous.get(page.url)
            if last is not None and last.final_url:
                urls.add(last.final_url)
    return frozenset(urls)
