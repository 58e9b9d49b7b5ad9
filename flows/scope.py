"""What one run answers for, and what it keeps of the version it builds on.

A run speaks only for the pages it actually read. For everything else the
baseline (the latest intact version) still holds:

- a page that failed transiently (timeout, 429, 5xx, a cut-off body, a stored
  body that could not be read back) keeps its previous rows, under its URL and
  the URL it redirected to last time;
- a host whose robots.txt, sitemap or index could not be read this run (the
  host was unreachable) keeps all its careers, and each of them is a failed page
  of this run with that reason, so it counts in the failed-page share;
- careers of hosts the run's sources do not name at all (another site crawled
  into the same data dir earlier) are kept, unless the sources replace the
  dataset's (`source.replace_sources`, `--replace-sources`).

And a run that read no career at all is never a success: `why_no_careers`
says what happened (unreachable, an empty sitemap, nothing matched the
profile pattern) so the run can stop with that line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from core.settings import SiteProfile
from extract.discover import Discovery
from extract.rawstore import LogEntry
from extract.records import FetchedPage, Outcome, PageOutcome, ParsedPage
from load import Baseline

_CAREER_OUTCOMES = frozenset({Outcome.PARSED, Outcome.NOT_MODIFIED})
# A transient failure: the fetch may work next time, or the stored body could not be read.
_FAILED = frozenset({Outcome.FAILED_FETCH, Outcome.FAILED_PARSE})


def host_of(url: str) -> str:
    return urlsplit(url).netloc


@dataclass(frozen=True, slots=True)
class Keep:
    """What a run keeps from its baseline, and the page rows that say why."""

    urls: frozenset[str]  # career pages whose previous rows are kept
    unreachable_pages: tuple[ParsedPage, ...]  # failed pages of unreachable hosts, not tried
    other_hosts: Mapping[str, int]  # careers kept per host the sources do not name
    replaced_hosts: frozenset[str] = frozenset()  # hosts whose careers go by request

def unreachable_hosts(discoveries: Iterable[Discovery]) -> dict[str, str]:
    """Host -> why a listing of it (start URL, sitemap, index, robots.txt) failed
    transiently this run: the host's pages could not even be listed."""
    lost: dict[str, str] = {}
    for discovery in discoveries:
        for page in discovery.pages:
            if page.outcome is Outcome.FAILED_FETCH and page.transient:
                lost.setdefault(host_of(page.url), f"{page.url}: {page.error}")
    return lost


def crawled_hosts(sites: Sequence[SiteProfile], pages: Iterable[PageOutcome]) -> frozenset[str]:
    """Hosts this run answers for: those its sources name and those it fetched pages on."""
    hosts = {host_of(str(url)) for site in sites for url in site.start_urls}
    for page in pages:
        hosts.add(host_of(page.url))
        if page.final_url:
            hosts.add(host_of(page.final_url))
    return frozenset(hosts)


def keep_from_baseline(
    parsed: Sequence[PageOutcome],
    *,
    baseline: Baseline,
    previous: Mapping[str, LogEntry],
    crawled: frozenset[str],
    unreachable: Mapping[str, str],
    replace_sources: bool,
) -> Keep:
    """The careers this run keeps from `baseline`, by the rules in the module docstring."""
    urls: set[str] = set()
    for page in (p for p in parsed if p.outcome in _FAILED and p.transient):
        urls.add(page.url)
        last = previous.get(page.url)
        for final in (page.final_url, last.final_url if last is not None else None):
            if final:
                urls.add(final)
    seen = {p.url for p in parsed} | {p.final_url for p in parsed if p.final_url}
    lost = sorted(baseline.urls_of_hosts(unreachable) - seen)
    urls.update(lost)
    rows = tuple(
        ParsedPage(
            page=FetchedPage(
                url=url,
                outcome=Outcome.FAILED_FETCH,
                error=f"not fetched: host unreachable ({unreachable[host_of(url)]})",
                transient=True,
            ),
            outcome=Outcome.FAILED_FETCH,
        )
        for url in lost
    )
    others = Counter(
        {h: n for h, n in baseline.careers_by_host().items() if h not in crawled}
    )
    if replace_sources:
        return Keep(frozenset(urls), rows, {}, frozenset(others))
    urls.update(baseline.urls_of_hosts(others))
    return Keep(frozenset(urls), rows, dict(others))


def dataset_sources(
    sites: Sequence[SiteProfile], baseline: Baseline, kept_hosts: Iterable[str]
) -> list[dict[str, Any]]:
    """The manifest's `sources`: this run's sites, then the baseline's sites whose careers
    were kept (a site recorded before sources were, by its hosts alone)."""
    entries: list[dict[str, Any]] = [
        {
            "name": site.name,
            "start_urls": [str(url) for url in site.start_urls],
            "profile_pattern": site.profile_pattern,
            "hosts": sorted({host_of(str(url)) for url in site.start_urls}),
        }
        for site in sites
    ]
    kept = set(kept_hosts)
    for entry in baseline.sources:
        hosts = set(entry.get("hosts") or ())
        if hosts & kept:
            entries.append(dict(entry))
            kept -= hosts
    entries += [{"name": None, "start_urls": [], "profile_pattern": None, "hosts": [h]}
                for h in sorted(kept)]
    return entries


def why_no_careers(
    parsed: Sequence[PageOutcome],
    discoveries: Sequence[Discovery] = (),
    sites: Sequence[SiteProfile] = (),
) -> str | None:
    """None when the run read at least one career; else one line saying why it read none."""
    if any(p.has_career and p.outcome in _CAREER_OUTCOMES for p in parsed):
        return None
    listings = [page for d in discoveries for page in d.pages]
    failed = [p for p in listings if p.outcome is Outcome.FAILED_FETCH]
    if listings and len(failed) == len(listings):
        return f"no source could be reached ({failed[0].url}: {failed[0].error})"
    disallowed = [p for p in parsed if p.outcome is Outcome.DISALLOWED]
    profiles = [p for p in parsed if p.outcome not in (Outcome.SKIPPED, Outcome.DISALLOWED)]
    if discoveries and not any(d.page_urls for d in discoveries) and not profiles:
        patterns = {site.profile_pattern for site in sites if site.profile_pattern}
        if patterns:
            return ("no link on the sources' sitemaps or index pages matched the profile pattern"
                    f" {' or '.join(sorted(patterns))}")
        if disallowed and len(disallowed) == len(parsed):
            return f"robots.txt disallows every page ({disallowed[0].error})"
        return "the sources' sitemaps or index pages listed no profile pages"
    counts = Counter(str(p.outcome) for p in parsed)
    told = ", ".join(f"{n} {outcome}" for outcome, n in counts.most_common())
    first = next((p for p in parsed if p.error and p.outcome is not Outcome.SKIPPED), None)
    detail = f"; e.g. {first.url}: {first.error}" if first is not None else ""
    return f"no page read as a career page ({told}){detail}"
