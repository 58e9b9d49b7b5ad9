"""The sample site served by the fault server: its own rendered pages, some failing once.

    with sample_fault_site(faults, slow=2.0) as srv:   # faults: {path: kind}, see `pick_faults`
        srv.url("/careers/")
    with FaultSiteProcess(faults, slow=2.0) as srv:    # the same, served by a child process
        srv.requests()

Every path of `sample_site.render.site_pages` is served with its bytes,
Content-Type, ETag and Last-Modified (so a second crawl gets 304s); a path in
`faults` answers its first request with that kind of transient failure and
every later one normally. The site is rendered for the fault server's own
base URL, so the truth in `sample_site.truth` holds for it. `SampleSite`
stays as it is: the fault server already keeps the log these tests read
(start and end of every request, body bytes sent).

`FaultSiteProcess` runs the server in a child process. A server thread in
the crawler's own process stamps arrivals only when it gets the GIL, which a
busy crawl (Prefect's threads, parsing) holds for tens of ms at times: the
log then shows gaps the crawler never made. A process of its own keeps the
stamps within a few ms of the real arrivals.
"""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Mapping, Sequence
from email.utils import format_datetime
from multiprocessing.connection import Connection
from types import TracebackType

from sample_site.data import SiteData, load_site
from sample_site.render import Page, site_pages
from tests.faultserver import FaultServer, Reply, Request

# The transient failures a first request may meet (first-attempt status in the log: None = none).
KINDS = ("503", "500", "429", "reset", "slow", "short")


def page_reply(page: Page) -> Reply:
    """The page as the sample site serves it, validators included."""
    return Reply(
        body=page.body,
        headers={"Content-Type": page.content_type},
        etag=page.etag,
        last_modified=format_datetime(page.last_modified, usegmt=True),
    )


def fault_reply(kind: str, page: Page, *, slow: float) -> Reply:
    """One transient failure of `kind` in front of `page`; `slow` must exceed the read timeout."""
    ctype = {"Content-Type": page.content_type}
    if kind in ("503", "500"):
        return Reply(status=int(kind), body=b"try again later", headers=ctype)
    if kind == "429":
        return Reply(status=429, body=b"slow down", headers={**ctype, "Retry-After": "1"})
    if kind == "reset":
        return Reply(fault="reset")
    if kind == "slow":
        return Reply(body=page.body, headers=ctype, delay=slow)
    if kind == "short":
        return Reply(body=page.body[: len(page.body) // 2], headers=ctype, fault="short")
    raise ValueError(f"unknown fault kind {kind!r}")


def pick_faults(paths: Sequence[str], *, share: float, seed: int) -> dict[str, str]:
    """A seeded `share` of `paths`, each given a kind; the kinds are dealt round-robin (mixed)."""
    rng = random.Random(seed)
    chosen = rng.sample(sorted(paths), round(share * len(paths)))
    return {path: KINDS[i % len(KINDS)] for i, path in enumerate(chosen)}


def sample_fault_site(
    faults: Mapping[str, str],
    *,
    slow: float,
    data: SiteData | None = None,
    host: str = "127.0.0.1",
) -> FaultServer:
    """A fault server (not yet started) serving the sample site with `faults` planned."""
    server = FaultServer(host=host)
    pages = site_pages(data if data is not None else load_site(), f"http://{server.origin}")
    unknown = set(faults) - set(pages)
    if unknown:
        raise ValueError(f"fault planned for paths the site does not serve: {sorted(unknown)}")
    for path, page in pages.items():
        good = page_reply(page)
        kind = faults.get(path)
        server.set(path, good if kind is None else [fault_reply(kind, page, slow=slow), good])
    return server


class FaultSiteProcess:
    """`sample_fault_site` served by a child process; its log is fetched over a pipe."""

    START_TIMEOUT = 30.0  # a spawned interpreter imports the sample site first

    def __init__(self, faults: Mapping[str, str], *, slow: float) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process running threads
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, dict(faults), slow), name="fault-site", daemon=True
        )
        self._process.start()
        child.close()
        if not self._conn.poll(self.START_TIMEOUT):
            self._process.kill()
            raise RuntimeError("the fault site process did not start")
        self.origin: str = self._conn.recv()

    def url(self, path: str = "/") -> str:
        return f"http://{self.origin}{path}"

    def requests(self) -> list[Request]:
        """The child's request log so far, in arrival order."""
        self._conn.send("log")
        log: list[Request] = self._conn.recv()
        return log

    def close(self) -> None:
        if self._process.is_alive():
            self._conn.send("stop")
            self._process.join(timeout=10)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._conn.close()
        self._process.close()

    def __enter__(self) -> FaultSiteProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _serve(conn: Connection, faults: dict[str, str], slow: float) -> None:
    """The child: serve until told to stop, answering "log" with the request log."""
    with sample_fault_site(faults, slow=slow) as server:
        conn.send(server.origin)
        while conn.recv() == "log":
            conn.send(server.requests())
    conn.close()
