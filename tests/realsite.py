"""The real fixture pages (tests/fixtures/real) served at their real paths on 127.0.0.1.

    with real_site() as server:
        server.url("/sitemap.xml")   # lists every profile page and both listing pages

A `FaultServer` with a plain plan: each page's body is the saved file, byte for
byte, at the path of its real address (`/ooh/math/actuaries.htm`,
`/job-profiles/admin-assistant`); the two listing pages at the paths their
canonical links give; a sitemap and a robots.txt that names it. Everything
else is a 404.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from tests.faultserver import FaultServer, Reply
from tests.parse.golden import REAL, real_pages

# The listing pages' real addresses (from their <link rel="canonical">).
LISTING_URLS: dict[str, str] = {
    "listing/bls_ooh_index_occupational_outlook_handbook.html": (
        "https://www.bls.gov/ooh/a-z-index.htm"
    ),
    "listing/ncs_uk_category_administration_2019-06.html": (
        "https://nationalcareers.service.gov.uk/job-categories/administration"
    ),
}
_HTML = {"Content-Type": "text/html; charset=utf-8"}


def page_paths() -> dict[str, str]:
    """Served path -> fixture file (relative to tests/fixtures/real), profiles then listings."""
    paths = {urlsplit(p.url).path: p.file for p in real_pages()}
    paths.update({urlsplit(url).path: file for file, url in LISTING_URLS.items()})
    return paths


def _sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    ).encode()


def real_site() -> FaultServer:
    """A server (not started: use it as a context manager) for the real pages."""
    server = FaultServer()
    paths = page_paths()
    for path, file in paths.items():
        server.set(path, Reply(body=(REAL / file).read_bytes(), headers=_HTML))
    server.set(
        "/sitemap.xml",
        Reply(
            body=_sitemap([server.url(p) for p in paths]),
            headers={"Content-Type": "application/xml"},
        ),
    )
    robots = f"User-agent: *\nDisallow: /private/\n\nSitemap: {server.url('/sitemap.xml')}\n"
    server.set("/robots.txt", Reply(body=robots.encode(), headers={"Content-Type": "text/plain"}))
    return server
