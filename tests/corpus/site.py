"""A corpus served on 127.0.0.1: one server (one site) per layout, each with a sitemap.

    with CorpusSites(corpus) as sites:
        overrides = sites.settings_overrides()   # one [[sites]] entry per layout
        sites.truth_by_url()                      # canonical page URL -> (layout, truth)

Each server answers its pages at their paths (query strings included), a
sitemap listing them and a robots.txt naming it; anything else is a 404.
"""

from __future__ import annotations

from contextlib import ExitStack
from types import TracebackType
from typing import Any
from xml.sax.saxutils import escape

from extract.urls import canonicalize
from tests.corpus.build import Corpus
from tests.faultserver import FaultServer, Reply

_HTML = {"Content-Type": "text/html; charset=utf-8"}


class CorpusSites:
    """Context manager: start one server per layout of `corpus`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.servers: dict[str, FaultServer] = {}
        self._stack = ExitStack()

    def __enter__(self) -> CorpusSites:
        for layout in self.corpus.layouts():
            server = self._stack.enter_context(FaultServer())
            pages = self.corpus.of(layout)
            for page in pages:
                server.set(page.path, Reply(body=page.html.encode("utf-8"), headers=_HTML))
            locs = "".join(f"<url><loc>{escape(server.url(p.path))}</loc></url>" for p in pages)
            sitemap = (
                '<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            )
            server.set(
                "/sitemap.xml",
                Reply(body=sitemap.encode(), headers={"Content-Type": "application/xml"}),
            )
            robots = (
                f"User-agent: *\nDisallow: /private/\n\nSitemap: {server.url('/sitemap.xml')}\n"
            )
            server.set(
                "/robots.txt", Reply(body=robots.encode(), headers={"Content-Type": "text/plain"})
            )
            self.servers[layout] = server
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stack.close()

    def site_entries(self, extra: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """One `[[sites]]` entry per layout (plus `extra[layout]` keys)."""
        return [
            {
                "name": layout,
                "start_urls": [server.url("/sitemap.xml")],
                **(extra or {}).get(layout, {}),
            }
            for layout, server in self.servers.items()
        ]

    def truth_by_url(self) -> dict[str, tuple[str, dict[str, Any]]]:
        out = {}
        for page in self.corpus.pages:
            url = canonicalize(self.servers[page.layout].url(page.path))
            out[url] = (page.layout, page.truth)
        return out
