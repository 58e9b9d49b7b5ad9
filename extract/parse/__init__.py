"""Parse one HTML page into a `RawCareer`: pure functions, no I/O.

The page is parsed once with selectolax (lexbor); each template parser says
whether it recognizes the tree, and the first that does reads it.
"""

from __future__ import annotations

from typing import Protocol

from selectolax.lexbor import LexborHTMLParser

from extract.errors import NotACareerPage, ParseError
from extract.records import RawCareer


class TemplateParser(Protocol):
    """A parser for one site template."""

    name: str
    version: str

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        """True when this template recognizes the page (by content, not only host)."""
        ...

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        """Read the career; raise `ParseError` naming the field when it cannot."""
        ...


def _parsers() -> tuple[TemplateParser, ...]:
    from extract.parse.sample import PARSER as sample

    return (sample,)


def parse_page(html: str, url: str) -> RawCareer:
    """Parse `html` (served at `url`) into a `RawCareer`.

    Raises `NotACareerPage` for listings and other non-profile pages and
    `ParseError` for profile pages that cannot be read.
    """
    try:
        tree = LexborHTMLParser(html)
    except Exception as exc:  # selectolax raises bare errors on hostile input
        raise ParseError(f"unreadable HTML: {exc}", url=url) from exc
    for parser in _parsers():
        if parser.matches(tree, url):
            return parser.parse(tree, url)
    raise NotACareerPage("no career profile found on this page", url=url)
