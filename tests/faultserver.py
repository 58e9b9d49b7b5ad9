"""A fault-injecting HTTP server for fetch tests: real sockets on 127.0.0.1, port 0.

The plan is declarative: a path (with its query string) maps to one `Reply`
or a sequence of them; each request to the path takes the next reply, and
the last one repeats. Unknown paths get 404. Every request is logged with
monotonic arrival and end times, its path and headers, so tests prove
behaviour from the server's side: gaps between retries, per-host delay,
concurrency, conditional headers, what was never requested. A slow reply
whose client hangs up during the delay ends there (status None): the log's
`end` is when the client gave up, so an abandoned request does not look
like one still in flight.
"""

from __future__ import annotations

import gzip
import select
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One response, or one way of failing to give one."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before anything is sent (a slow server)
    fault: str | None = None  # "reset": RST, no response; "short": fewer bytes than Content-Length
    etag: str | None = None  # a matching If-None-Match gets 304
    last_modified: str | None = None  # an equal If-Modified-Since gets 304
    gzip: bool = False  # send the body gzip-compressed with Content-Encoding: gzip
    raw_gzip: bytes | None = None  # send these pre-compressed bytes as a gzip-encoded body
    chunks: Callable[[], Iterator[bytes]] | None = None  # chunked transfer, no Content-Length


def html(text: str, charset: str | None = "utf-8", **kw: Any) -> Reply:
    """An HTML reply; `charset=None` leaves the charset out of Content-Type."""
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    headers = {"Content-Type": ctype, **dict(kw.pop("headers", {}))}
    return Reply(body=text.encode(charset or "utf-8"), headers=headers, **kw)


@dataclass
class Request:
    """One request as the server saw it."""

    path: str
    headers: Mapping[str, str]  # lower-cased names
    start: float  # time.monotonic() when the request line had been read
    end: float | None = None  # when the server finished answering (or failed to)
    status: int | None = None  # None for a reset
    bytes_sent: int = 0  # body bytes actually written
    client_port: int = 0  # the client's side of the connection: one port, one connection


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        start = time.monotonic()
        reply = self.server.owner.next_reply(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        entry = Request(self.path, headers, start, client_port=self.client_address[1])
        self.server.owner.record(entry)
        status: int | None = None
        sent = 0
        try:
            if reply.delay and not self._client_waits(reply.delay):
                self.close_connection = True
                return
            if reply.fault == "reset":
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                self.connection.close()
                return
            status, sent = self._answer(reply, headers)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True
        finally:
            self.server.owner.finish(entry, status, sent)

    def _client_waits(self, seconds: float) -> bool:
        """Sleep `seconds`; False as soon as the client hangs up instead of waiting."""
        deadline = time.monotonic() + seconds
        readable, _, _ = select.select([self.connection], [], [], seconds)
        if not readable:
            return True
        try:
            gone = not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            gone = True
        if not gone:  # bytes of a next request already waiting: sleep out the delay
            time.sleep(max(0.0, deadline - time.monotonic()))
        return not gone

    def _answer(self, reply: Reply, headers: Mapping[str, str]) -> tuple[int, int]:
        validators = {}
        if reply.etag:
            validators["ETag"] = reply.etag
        if reply.last_modified:
            validators["Last-Modified"] = reply.last_modified
        if reply.status == 200 and (
            (reply.etag and headers.get("if-none-match") == reply.etag)
            or (reply.last_modified and headers.get("if-modified-since") == reply.last_modified)
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 304, 0
        body = reply.body
        extra = dict(reply.headers)
        if reply.raw_gzip is not None:
            body = reply.raw_gzip
            extra["Content-Encoding"] = "gzip"
        elif reply.gzip:
            body = gzip.compress(body)
            extra["Content-Encoding"] = "gzip"
        self.send_response(reply.status)
        for name, value in {**validators, **extra}.items():
            self.send_header(name, value)
        if reply.chunks is not None:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            sent = 0
            for chunk in reply.chunks():
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            self.wfile.write(b"0\r\n\r\n")
            return reply.status, sent
        if reply.fault == "short":
            self.send_header("Content-Length", str(len(body) + 100))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return reply.status, len(body)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return reply.status, len(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: FaultServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that hang up (a crawler dropping a connection mid-reply)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FaultServer:
    """Serve a plan on 127.0.0.1 (or another loopback address) in a background thread; use
    as a context manager. Two servers on 127.0.0.1 and 127.0.0.2 are two hosts."""

    def __init__(
        self, plan: Mapping[str, Reply | Sequence[Reply]] | None = None, *, host: str = "127.0.0.1"
    ) -> None:
        self._lock = threading.Lock()
        self._plan: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}
        self._log: list[Request] = []
        for path, replies in (plan or {}).items():
            self.set(path, replies)
        self._host = host
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def origin(self) -> str:
        return f"{self._host}:{self._httpd.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.origin}{path}"

    def set(self, path: str, replies: Reply | Sequence[Reply]) -> None:
        """(Re)plan a path; its reply sequence starts over."""
        seq = [replies] if isinstance(replies, Reply) else list(replies)
        with self._lock:
            self._plan[path] = seq
            self._served[path] = 0

    def next_reply(self, path: str) -> Reply:
        with self._lock:
            seq = self._plan.get(path)
            if not seq:
                return Reply(status=404, body=b"not found")
            index = min(self._served[path], len(seq) - 1)
            self._served[path] += 1
            return seq[index]

    def record(self, request: Request) -> None:
        with self._lock:
            self._log.append(request)

    def finish(self, entry: Request, status: int | None, sent: int) -> None:
        with self._lock:
            entry.end, entry.status, entry.bytes_sent = time.monotonic(), status, sent

    def requests(self, path: str | None = None) -> list[Request]:
        """The log so far, in arrival order; only `path`'s requests if given."""
        with self._lock:
            log = sorted(self._log, key=lambda r: r.start)
        return [r for r in log if path is None or r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()
