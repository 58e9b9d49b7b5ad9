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


def hosts_of(sites: Sequence[SiteProfile]) -> set[str]:
    """Every host the sites' start URLs name."""
    return {urlsplit(str(url)).netloc for site in sites for url in site.start_urls}


def shard_sites(sites: Sequence[SiteProfile], shards: int) -> list[list[SiteProfile]]:
    """`sites` as at most `shards` groups of one-host sites, each host in exactly one group
    (one shard, one politeness limiter per host), hosts spread evenly.

    A site whose start URLs name several hosts is split into one site per host, which
    fetches only its own host's pages (its policy names no other), so no shard ever
    reaches into another's host.
    """
    by_host: dict[str, list[SiteProfile]] = {}
    for site in sites:
        for host, urls in _start_urls_by_host(site).items():
            piece = SiteProfile.model_validate(
                {**{k: getattr(site, k) for k in SiteProfile.model_fields}, "start_urls": urls}
            )
            by_host.setdefault(host, []).append(piece)
    groups: list[list[SiteProfile]] = [[] for _ in range(min(shards, len(by_host)))]
    for i, host in enumerate(sorted(by_host)):
        groups[i % len(groups)].extend(by_host[host])
    return groups


def _start_urls_by_host(site: SiteProfile) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for url in site.start_urls:
        found.setdefault(urlsplit(str(url)).netloc, []).append(str(url))
    return found


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
