"""Split discovered URLs into fetch batches: per host, in order, at most `size` pages each.

Batches of one host run one after another (its politeness limits hold across
them); batches of different hosts run at the same time.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit


def plan_batches(urls: Iterable[str], size: int) -> dict[str, list[list[str]]]:
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).netloc, []).append(url)
    return {
        host: [host_urls[i : i + size] for i in range(0, len(host_urls), size)]
        for host, host_urls in by_host.items()
    }
