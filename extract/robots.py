"""robots.txt rules per host, as a plain value that crosses Prefect task boundaries.

Status handling follows RFC 9309: a 2xx body is parsed (protego), its first
500 KiB (a bigger file is cut there, not refused); a 4xx (404, 410, 401, 403,
...) means "no rules", everything is allowed; a 5xx, a 429 or a network failure
after retries means the host is *unreachable*: nothing there is fetched this
run (the next run tries again), and its pages are failures of this run, not
disallowed pages, so their careers are kept. Redirects are followed across
hosts (RFC 9309 asks for at least five). Rules are fetched once per host per
run by discovery and handed to every fetch batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from protego import Protego

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: parse at least 500 KiB, ignore the rest


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt says, or why we could not read it."""

    origin: str  # host[:port], as `extract.urls.origin` spells it
    text: str | None = None  # the robots.txt body when it was fetched (2xx)
    status: int | None = None
    disallow_all: bool = False  # unreachable (5xx, network failure): fetch nothing there
    error: str | None = None

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if not self.text:
            return True
        return bool(_parser(self.text).can_fetch(url, product_token(user_agent)))

    def crawl_delay(self, user_agent: str) -> float | None:
        """The Crawl-delay for our agent in seconds, if the host asks for one."""
        if not self.text:
            return None
        delay = _parser(self.text).crawl_delay(product_token(user_agent))
        return float(delay) if delay is not None else None

    @property
    def unreachable(self) -> bool:
        """robots.txt could not be fetched: the host is not crawled this run (not disallowed)."""
        return self.disallow_all

    @property
    def reason(self) -> str:
        """Why a URL of this host was refused, for the crawl log."""
        if self.disallow_all:
            return (
                f"host unreachable: robots.txt of {self.origin} could not be fetched"
                f" ({self.error}); not crawled this run"
            )
        return f"disallowed by robots.txt of {self.origin}"


def product_token(user_agent: str) -> str:
    """`careers-etl/0.1 (+https://...)` -> `careers-etl`: what robots.txt groups name."""
    return user_agent.split("/", 1)[0].split(" ", 1)[0].strip() or user_agent


def rules_from_response(origin: str, status: int, body: bytes) -> RobotsRules:
    """Rules for a robots.txt response that arrived (redirects already followed)."""
    if 200 <= status < 300:
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return RobotsRules(origin=origin, text=text, status=status)
    if 400 <= status < 500:
        return RobotsRules(origin=origin, status=status)
    return RobotsRules(origin=origin, status=status, disallow_all=True, error=f"HTTP {status}")


def unreachable(origin: str, error: str, status: int | None = None) -> RobotsRules:
    """Rules for a host whose robots.txt could not be fetched at all: disallow all."""
    return RobotsRules(origin=origin, status=status, disallow_all=True, error=error)


def allow_all(origin: str) -> RobotsRules:
    """Rules when robots.txt is switched off in settings."""
    return RobotsRules(origin=origin)


@lru_cache(maxsize=256)
def _parser(text: str) -> Protego:
    return Protego.parse(text)
