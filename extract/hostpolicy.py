"""Which hosts and addresses a crawl may touch: only the hosts the sources name.

A plain frozen value (it crosses Prefect task boundaries). Private, loopback,
link-local and other non-public addresses are refused, host by host: a host
may be on one only if a start URL names that host and resolves to one (the
bundled sample site and the tests run on 127.0.0.1), or
`SiteProfile.allow_private_addresses` says so for the whole site. A public
host of a site with one local start URL still may not lead to a private
address.

Limitation: the address is checked by resolving the host just before the
request; a DNS answer that changes between our check and httpx's own lookup
(DNS rebinding) is not caught. Pinning the address would need a custom
transport; for the sites we crawl the check is a guard against mistakes and
hostile redirects, not against a hostile DNS server.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.settings import SiteProfile
from extract.errors import DisallowedError
from extract.urls import canonicalize, origin


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (a literal IP resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.hostname or "", parts.port or default


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """The hosts (`host[:port]`) a run may fetch and whether non-public addresses are ok."""

    allowed_origins: frozenset[str]
    allow_cross_host_redirects: bool = False
    allow_private: bool = False  # every host may be on a non-public address (set by the user)
    private_origins: frozenset[str] = frozenset()  # hosts that may: named and local

    @classmethod
    async def build(cls, start_urls: Iterable[str], source: SiteProfile) -> HostPolicy:
        """The policy for these sources; resolves their hosts once to find the local ones."""
        urls = [canonicalize(str(u)) for u in start_urls]
        local: set[str] = set()
        if source.allow_private_addresses is None:
            for url in urls:
                try:
                    addresses = await resolve(*_host_port(url))
                except OSError:
                    continue  # unresolvable now; the fetch will report it
                if any(not _is_public(a) for a in addresses):
                    local.add(origin(url))
        return cls(
            allowed_origins=frozenset(origin(u) for u in urls),
            allow_cross_host_redirects=source.allow_cross_host_redirects,
            allow_private=bool(source.allow_private_addresses),
            private_origins=frozenset(local),
        )

    @classmethod
    def union(cls, policies: Iterable[HostPolicy]) -> HostPolicy:
        """What several sources on the same host allow together (their hosts, their choices)."""
        policies = list(policies)
        return cls(
            allowed_origins=frozenset().union(*(p.allowed_origins for p in policies)),
            allow_cross_host_redirects=any(p.allow_cross_host_redirects for p in policies),
            allow_private=any(p.allow_private for p in policies),
            private_origins=frozenset().union(*(p.private_origins for p in policies)),
        )

    def check_host(self, url: str, *, redirected_from: str | None = None) -> None:
        """Raise `DisallowedError` if `url`'s host is not one the sources name.

        A redirect target on another host passes only when the source allows
        cross-host redirects.
        """
        if origin(url) in self.allowed_origins:
            return
        if redirected_from is not None and self.allow_cross_host_redirects:
            return
        if redirected_from is not None:
            raise DisallowedError(
                f"redirect from {redirected_from} to another host refused: {url}", url=url
            )
        raise DisallowedError(f"host {origin(url)} is not named by the sources", url=url)

    async def check_address(self, url: str) -> None:
        """Raise `DisallowedError` if `url`'s host resolves to a non-public address we refuse."""
        if self.allow_private or origin(url) in self.private_origins:
            return
        host, port = _host_port(url)
        try:
            addresses = await resolve(host, port)
        except OSError:
            return  # httpx reports the failure to connect, with its own message
        private = [a for a in addresses if not _is_public(a)]
        if private:
            raise DisallowedError(
                f"{host} resolves to a non-public address ({', '.join(private)}); refused",
                url=url,
            )
