"""A real HTTP server for the sample site, on 127.0.0.1 and an ephemeral port.

    with SampleSite() as site:
        site.base_url            # "http://127.0.0.1:54321"
        site.url("/sitemap.xml")
        site.requests            # what the crawler asked for, in arrival order

The socket is bound and listening when the constructor returns, so clients may
connect at once (no sleeps); `close()` stops the serving thread and waits for it.
Pages carry a strong ETag and Last-Modified and answer conditional requests
with 304, like a well-behaved CMS; unknown paths get 404. Nothing is logged to
stderr.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from sample_site.data import SiteData, load_site
from sample_site.render import HTML, Page, render_not_found, site_pages

# Request headers kept in the log (lower-case names), enough to check a crawler's manners.
LOGGED_HEADERS = (
    "user-agent",
    "if-none-match",
    "if-modified-since",
    "accept",
    "accept-encoding",
)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request as the server saw it."""

    time: float  # time.monotonic() when the request line was read
    method: str
    path: str  # as requested, query string included
    headers: tuple[tuple[str, str], ...]  # the LOGGED_HEADERS present, lower-case names
    status: int

    def header(self, name: str) -> str | None:
        """The value of a logged request header, or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key == wanted), None)


class SampleSite:
    """The bundled career site, served from memory by a ThreadingHTTPServer in a daemon thread."""

    def __init__(self, data: SiteData | None = None, *, host: str = "127.0.0.1", port: int = 0):
        self._data = data if data is not None else load_site()
        self._log: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._server = _Server((host, port), _Handler)
        bound_host, bound_port = self._server.server_address[:2]
        self.base_url = f"http://{_host_str(bound_host)}:{bound_port}"
        self._server.site = self
        # Every served resource by path, rendered once for this base URL.
        try:
            self.pages: dict[str, Page] = site_pages(self._data, self.base_url)
        except BaseException:
            self._server.server_close()
            raise
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},  # how long close() may wait for the loop to notice
            name=f"sample-site {self.base_url}",
            daemon=True,
        )
        self._thread.start()

    def url(self, path: str) -> str:
        """The absolute URL of a site path ("/careers/" -> "http://127.0.0.1:port/careers/")."""
        return self.base_url + path

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of the request log, oldest first."""
        with self._lock:
            return list(self._log)

    def close(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()

    def __enter__(self) -> SampleSite:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._log.append(record)

    def _respond(self, handler: _Handler) -> None:
        started = time.monotonic()
        path = urlsplit(handler.path).path
        page = self.pages.get(path)
        if page is None:
            body = render_not_found(self._data, path).encode("utf-8")
            status = 404
            headers = [("Content-Type", HTML)]
        else:
            body = page.body
            status = 304 if _not_modified(handler, page) else 200
            headers = [
                ("Content-Type", page.content_type),
                ("ETag", page.etag),
                ("Last-Modified", format_datetime(page.last_modified, usegmt=True)),
                ("Cache-Control", "public, max-age=300"),
            ]
        self._record(
            RequestRecord(
                time=started,
                method=handler.command,
                path=handler.path,
                headers=tuple(
                    (name, value)
                    for name in LOGGED_HEADERS
                    if (value := handler.headers.get(name)) is not None
                ),
                status=status,
            )
        )
        handler.send_response(status)
        for name, value in headers:
            handler.send_header(name, value)
        if status == 304:
            handler.end_headers()
            return
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: SampleSite

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet about clients that hang up; report anything else as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    server_version = "CareerPathExplorer/1.0"
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls
    server: _Server

    def do_GET(self) -> None:
        self.server.site._respond(self)

    def do_HEAD(self) -> None:
        self.server.site._respond(self)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request line on stderr; `SampleSite.requests` keeps the log."""


def _not_modified(handler: BaseHTTPRequestHandler, page: Page) -> bool:
    """RFC 9110 order: If-None-Match decides when present, else If-Modified-Since."""
    inm = handler.headers.get("If-None-Match")
    if inm is not None:
        tags = {tag.strip().removeprefix("W/") for tag in inm.split(",")}
        return "*" in tags or page.etag in tags
    ims = handler.headers.get("If-Modified-Since")
    if ims is None:
        return False
    try:
        since: datetime = parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False  # an unreadable date is ignored, as the RFC says
    if since.tzinfo is None:
        return False
    return page.last_modified <= since


def _host_str(host: str | bytes | bytearray) -> str:
    text = host if isinstance(host, str) else bytes(host).decode()
    return f"[{text}]" if ":" in text else text
