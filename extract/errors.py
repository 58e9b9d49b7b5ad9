"""Errors of the extract stage, each marked transient (worth a retry) or terminal."""

from __future__ import annotations

from core.errors import CareersEtlError


class ExtractError(CareersEtlError):
    """Base of discovery, fetch and parse errors."""


class FetchError(ExtractError):
    """A page could not be fetched. `transient` says whether a retry may help."""

    transient: bool = False

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class TransientFetchError(FetchError):
    """Timeouts, connection errors, 408, 429 and 5xx: retried with backoff."""

    transient = True

    def __init__(
        self,
        message: str,
        *,
        url: str,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class HostUnreachable(TransientFetchError):
    """The host's robots.txt could not be fetched (network error, timeout, 5xx, 429): RFC 9309
    says crawl nothing there this run. Transient, so the host's careers are kept."""


class TerminalFetchError(FetchError):
    """404, 410, too large, refused redirect, ...: never retried."""


class DisallowedError(TerminalFetchError):
    """robots.txt or the source's host rules forbid this URL."""


class ParseError(ExtractError):
    """A page could not be read as a career page; names the field and the URL."""

    def __init__(self, message: str, *, url: str, field: str | None = None) -> None:
        where = f"{url}" + (f" [{field}]" if field else "")
        super().__init__(f"{message} ({where})")
        self.url = url
        self.field = field


class NotACareerPage(ParseError):
    """A listing, index or other non-profile page: recorded as `skipped`."""
