"""URL canonicalization and validation: one spelling per page, so de-duplication is a set.

Canonical form: scheme and host lower-cased, default port dropped, fragment
dropped, an empty path written as "/", query parameters sorted (stable, so
repeated keys keep their relative order). Percent-encoding is left as the
site wrote it: re-encoding can change what a server returns.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from core.errors import UserError

_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadUrl(ValueError):
    """A URL we cannot fetch; the message is one readable line."""


def _split(url: str) -> SplitResult:
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a non-numeric or out-of-range port
    except ValueError as exc:
        raise BadUrl(f"not a valid URL: {url!r} ({exc})") from exc
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        raise BadUrl(f"not an http(s) URL: {url!r}")
    if not parts.hostname:
        raise BadUrl(f"URL has no host: {url!r}")
    if len(text.split(None, 1)) > 1:  # str.split knows every Unicode space, in C
        raise BadUrl(f"URL contains whitespace: {url!r}")
    del port
    return parts


def canonicalize(url: str) -> str:
    """The canonical spelling of an absolute http(s) URL; raises `BadUrl` if it is not one."""
    parts = _split(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        raise BadUrl(f"URL with credentials is not allowed: {url!r}")
    path = parts.path or "/"
    query = ""
    if parts.query:
        params = [p for p in parts.query.split("&") if p]
        query = "&".join(sorted(params, key=lambda p: p.partition("=")[0]))
    return urlunsplit((scheme, netloc, path, query, ""))


def validate_start_url(url: str) -> str:
    """A user-given start URL, canonical; a bad one is a `UserError` with one clear line."""
    try:
        return canonicalize(url)
    except BadUrl as exc:
        raise UserError(f"bad --start-url: {exc}") from exc


def origin(url: str) -> str:
    """`host[:port]` of a canonical URL: the unit of politeness, robots.txt and host rules."""
    return urlsplit(url).netloc


def resolve_link(base: str, href: str) -> str | None:
    """An href on page `base` as a canonical absolute URL, or None if it is not http(s)."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        return canonicalize(urljoin(base, href))
    except BadUrl:
        return None
