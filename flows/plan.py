"""Plan the crawl: per host, the batches of pages to fetch and the rules they are fetched under.

Batches of one host run one after another (its politeness limits hold across
them); hosts run at the same time. Sites that share a host share its batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.settings import SiteProfile
from extract.discover import Discovery
from extract.hostpolicy import HostPolicy


@dataclass(frozen=True, slots=True)
class HostCrawl:
    batches: list[list[str]]
    policy: HostPolicy


def sites_by_host(sites: Sequence[SiteProfile]) -> dict[str, list[SiteProfile]]:
    """Sites grouped by the host of their first start URL, in order."""
    groups: dict[str, list[SiteProfile]] = {}
    for site in sites:
        groups.setdefault(urlsplit(str(site.start_urls[0])).netloc, []).append(site)
    return groups


def plan_batches(urls: Iterable[str], size: int) -> dict[str, list[list[str]]]:
    """Per host, in order and without repeats, at most `size` URLs a batch."""
    by_host: dict[str, list[str]] = {}
    for url in dict.fromkeys(urls):
        by_host.setdefault(urlsplit(url).netloc, []).append(url)
    return {
        host: [host_urls[i : i + size] for i in range(0, len(host_urls), size)]
        for host, host_urls in by_host.items()
    }


def plan_crawl(discoveries: Sequence[Discovery], size: int) -> dict[str, HostCrawl]:
    """Each host's batches with the host policy of the sites that found it."""
    batches = plan_batches((url for d in discoveries for url in d.page_urls), size)
    return {
        host: HostCrawl(
            batches=host_batches,
            policy=HostPolicy.union(
                d.policy for d in discoveries
                if any(urlsplit(u).netloc == host for u in d.page_urls)
            ),
        )
        for host, host_batches in batches.items()
    }
