"""This project side by side with a Scrapy + parsel + pandas + pyarrow pipeline (issue 15).

    python benchmarks/vs_scrapy.py                      # the full run (long: it prints progress)
    python benchmarks/vs_scrapy.py --pages 2000 --rounds 1 --only reparse
    python benchmarks/vs_scrapy.py --only crawl --sizes 1000,3000 --pages 3000
    python benchmarks/vs_scrapy.py --only polite --polite-pages 2000 --polite-delay 0.5

Everything runs on 127.0.0.1 and under a temporary folder (`--workdir` to keep
it). Speed is measured and printed, never asserted.

The site. The 30 OOH profile pages of tests/fixtures/real/ replicated under
distinct URLs (`/ooh/<group>/<slug>-<n>.htm`, page n is fixture n mod 30),
each body made distinct by a comment `<!-- benchmark replica n -->` before
`</head>` (so no side can skip storing or parsing a repeated body), served
with robots.txt and one sitemap per host (`/sitemaps/<pages>-<hosts>.xml`) by
an asyncio HTTP/1.1 keep-alive server in one process per core, bodies built in
memory. Hosts are 127.0.0.1 ... 127.0.0.<hosts> on one port. Its capacity is
measured first with a plain asyncio client (16 keep-alive connections; the
client shares the cores, so the figure is a lower bound) and printed beside
the server's CPU per page.

The workloads (`--only`, comma-separated), interleaved A B A B for `--rounds`:
- reparse: `--pages` stored pages to Parquet. This project as a scheduled run
  runs it, `python -m flows.reparse --force` against a running
  `prefect server start` (PREFECT_API_URL), and the plain functions without
  Prefect (the parse pool over the raw store, `transform.build.build_tables`,
  `load.publish`, `load.outputs.refresh_outputs`). The data dir is the one the
  first `--pages` crawl published, copied fresh for every run. The peer has
  no raw store: it reads the same bodies as plain, decompressed HTML files
  and runs its parsel extraction, pandas and pyarrow on them (benchmarks/
  scrapy_peer.py reparse).
- crawl: `python -m flows.ingest` of a fresh data dir from one sitemap of
  each of `--sizes` pages (and `--pages`), politeness off (per-host delay 0,
  jitter 0, `--concurrency` requests at once per host, robots.txt obeyed),
  against the running Prefect server; the peer crawls the same sitemap. Pages
  per second (wall of the whole command), pages per CPU-second, and peak RSS
  at every size.
- polite: the same crawl of `--polite-pages` pages spread over `--hosts` hosts
  (one sitemap each), with `--polite-delay` seconds per host and
  `--polite-jitter` (one request at a time per host), against the polite
  limit hosts / delay.
- adhoc: the fixed start-up of an ad hoc run: `flows.reparse` of
  `--adhoc-pages` pages with no PREFECT_API_URL (Prefect's temporary server,
  its home warmed up once first) against the same run with the server and the
  plain functions.

How it measures. Each run is a child process; the script is a child
subreaper (PR_SET_CHILD_SUBREAPER), so a worker the run orphans (the parse
pool's forkserver and its workers) is re-parented here and reaped before the
run's figures are taken. CPU = user + system seconds from
getrusage(RUSAGE_CHILDREN) deltas around the run: the whole process tree,
every finished descendant included. Memory, two figures: the tree's peak, the
largest sum over the run's live processes of their proportional set size
(PSS, /proc/<pid>/smaps_rollup, so pages shared between forked workers count
once), sampled every `--sample` s; and the largest single process, from the
kernel's max RSS (wait4) and each process's VmHWM. The long-lived services
(this HTTP server and the Prefect server) are not part of any run's tree; the
Prefect server's CPU during each run is printed beside it.

The peer (benchmarks/scrapy_peer.py; its docstring lists its settings): a
SitemapSpider in a CrawlerProcess with parsel selectors for the OOH fields
(title, category, median pay, growth, workers, education, duties, skills),
items collected by an item pipeline, normalized with pandas and written to
Parquet with pyarrow. ROBOTSTXT_OBEY True, AUTOTHROTTLE off, HTTPCACHE off,
LOG_LEVEL WARNING, telnet console off, CONCURRENT_REQUESTS_PER_DOMAIN =
`--concurrency` (8, Scrapy's default; the project gets the same per-host
concurrency when politeness is off, 1 when on), CONCURRENT_REQUESTS =
max(16, hosts x per-domain), DOWNLOAD_DELAY 0 (politeness off) or the same
per-host delay and jitter range as the project (on).

Correctness guard: every run's published careers are counted (the project's
`careers` table of the version `_LATEST` names; the peer's careers.parquet);
a run that fails or publishes no career stops the script, and a count other
than the pages given is reported and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "real"
PEER = Path(__file__).resolve().with_name("scrapy_peer.py")
WORKLOADS = ("reparse", "crawl", "polite", "adhoc")
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
CLK_TCK = os.sysconf("SC_CLK_TCK")


# -- the corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Base:
    slug: str
    group: str
    head: bytes  # the body up to </head>
    tail: bytes


def load_bases() -> list[Base]:
    """The OOH profile fixtures (the peer is an OOH spider; the NCS page is left out)."""
    bases = []
    for line in (FIXTURES / "expected.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if not entry["file"].startswith("bls_ooh/"):
            continue
        body = (FIXTURES / entry["file"]).read_bytes()
        cut = body.find(b"</head>")
        cut = cut if cut >= 0 else 0
        _, group, page = entry["url"].rsplit("/", 2)
        bases.append(Base(page.removesuffix(".htm"), group, body[:cut], body[cut:]))
    if not bases:
        raise SystemExit(f"no OOH fixtures in {FIXTURES}")
    return bases


class Corpus:
    """Page n: fixture n mod 30 under a URL and a body of its own."""

    PAGE = re.compile(r"^/ooh/[a-z-]+/[a-z0-9-]+-(\d+)\.htm$")
    SITEMAP = re.compile(r"^/sitemaps/(\d+)-(\d+)\.xml$")

    def __init__(self) -> None:
        self.bases = load_bases()

    def path(self, n: int) -> str:
        base = self.bases[n % len(self.bases)]
        return f"/ooh/{base.group}/{base.slug}-{n}.htm"

    def body(self, n: int) -> bytes:
        base = self.bases[n % len(self.bases)]
        return base.head + b"<!-- benchmark replica %d -->\n" % n + base.tail

    def index(self, path: str) -> int | None:
        m = self.PAGE.match(path)
        if m is None:
            return None
        n = int(m.group(1))
        return n if path == self.path(n) else None


def host_addr(h: int) -> str:
    """Host h (0-based) of the site: 127.0.0.1, 127.0.0.2, ..."""
    return f"127.0.0.{h + 1}"


def sitemap_path(pages: int, hosts: int) -> str:
    return f"/sitemaps/{pages}-{hosts}.xml"


def sitemap_urls(port: int, pages: int, hosts: int) -> list[str]:
    """One sitemap per host; together they list pages 0 .. pages-1 (page n on host n mod hosts)."""
    return [f"http://{host_addr(h)}:{port}{sitemap_path(pages, hosts)}" for h in range(hosts)]


# -- the HTTP server (a child process: `vs_scrapy.py _serve`) ---------------------------------

_ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class _Site:
    def __init__(self, corpus: Corpus, port: int) -> None:
        self.corpus, self.port = corpus, port
        self.sitemaps: dict[tuple[str, str], bytes] = {}

    def reply(self, target: str, addr: str) -> tuple[bytes, bytes, bytes]:
        path = target.split("?", 1)[0]
        n = self.corpus.index(path)
        if n is not None:
            return b"200 OK", b"text/html; charset=utf-8", self.corpus.body(n)
        if path == "/robots.txt":
            return b"200 OK", b"text/plain", _ROBOTS
        m = Corpus.SITEMAP.match(path)
        if m is not None:
            key = (addr, path)
            if key not in self.sitemaps:
                pages, hosts = int(m.group(1)), int(m.group(2))
                h = int(addr.rsplit(".", 1)[1]) - 1
                locs = "".join(
                    f"<url><loc>{escape(f'http://{addr}:{self.port}{self.corpus.path(n)}')}</loc>"
                    "</url>"
                    for n in range(h, pages, hosts)
                )
                self.sitemaps[key] = (
                    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                    f'"http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n'
                ).encode()
            return b"200 OK", b"application/xml", self.sitemaps[key]
        return b"404 Not Found", b"text/plain", b"not found\n"


class _Http(asyncio.Protocol):
    """HTTP/1.1 with keep-alive and pipelining; GET and HEAD; no request bodies."""

    def __init__(self, site: _Site) -> None:
        self.site = site
        self.buf = b""
        self.transport: asyncio.Transport | None = None
        self.addr = "127.0.0.1"

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.addr = transport.get_extra_info("sockname")[0]

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buf += data
        while (end := self.buf.find(b"\r\n\r\n")) >= 0:
            head, self.buf = self.buf[:end], self.buf[end + 4 :]
            line, _, headers = head.partition(b"\r\n")
            parts = line.split()
            if len(parts) < 2:
                self.transport.close()
                return
            status, ctype, body = self.site.reply(parts[1].decode("latin-1"), self.addr)
            close = b"connection: close" in headers.lower()
            self.transport.writelines(
                [
                    b"HTTP/1.1 "
                    + status
                    + b"\r\nContent-Type: "
                    + ctype
                    + b"\r\nContent-Length: %d\r\n" % len(body)
                    + (b"Connection: close\r\n" if close else b"")
                    + b"\r\n",
                    b"" if parts[0] == b"HEAD" else body,
                ]
            )
            if close:
                self.transport.close()
                return


def _bind(hosts: int) -> tuple[int, list[socket.socket]]:
    """One listening socket per host address, all on one free port."""
    for _ in range(50):
        socks: list[socket.socket] = []
        try:
            port = 0
            for h in range(hosts):
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                socks.append(s)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host_addr(h), port))
                s.listen(1024)
                s.setblocking(False)
                port = s.getsockname()[1]
            return port, socks
        except OSError:
            for s in socks:
                s.close()
    raise SystemExit("could not bind the site's addresses to one port")


async def _serve_forever(site: _Site, socks: list[socket.socket]) -> None:
    loop = asyncio.get_running_loop()
    for s in socks:
        await loop.create_server(lambda: _Http(site), sock=s, backlog=1024)
    await asyncio.Event().wait()


def serve(hosts: int, workers: int) -> None:
    port, socks = _bind(hosts)
    corpus = Corpus()
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            _prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: go with the parent
            with contextlib.suppress(KeyboardInterrupt):
                asyncio.run(_serve_forever(_Site(corpus, port), socks))
            os._exit(0)
        children.append(pid)

    def stop(*_: object) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"READY {port}", flush=True)
    while True:
        signal.pause()


async def _client(host: str, port: int, paths: Sequence[str], seconds: float) -> tuple[int, int]:
    reader, writer = await asyncio.open_connection(host, port)
    done = size = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        path = paths[done % len(paths)]
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))  # type: ignore[union-attr]
        size += len(await reader.readexactly(length))
        done += 1
    writer.close()
    return done, size


def server_capacity(
    port: int,
    corpus: Corpus,
    pages: int,
    server_pid: int,
    connections: int = 16,
    seconds: float = 3.0,
) -> dict[str, float]:
    paths = [corpus.path(n) for n in range(0, pages, max(1, pages // 997))]

    async def all_clients() -> list[tuple[int, int]]:
        return await asyncio.gather(
            *(
                _client(host_addr(0), port, paths[i:] + paths[:i], seconds)
                for i in range(connections)
            )
        )

    cpu0, start = tree_cpu(server_pid), time.perf_counter()
    results = asyncio.run(all_clients())
    wall, cpu = time.perf_counter() - start, tree_cpu(server_pid) - cpu0
    requests = sum(r for r, _ in results)
    return {
        "requests_per_s": requests / wall,
        "mb_per_s": sum(b for _, b in results) / wall / 1e6,
        "server_cpu_ms_per_page": cpu / max(requests, 1) * 1000,
        "connections": connections,
    }


# -- process accounting -----------------------------------------------------------------------


def _prctl(option: int, arg: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, arg, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option}) failed")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # fields from 3 (state) on


def children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))) is not None:
            kids.setdefault(int(fields[1]), []).append(int(entry.name))
    return kids


def descendants(root: int, kids: dict[int, list[int]]) -> set[int]:
    found, todo = set(), [root]
    while todo:
        for child in kids.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def tree_cpu(pid: int) -> float:
    """CPU seconds of a live process and its live descendants (with what they reaped)."""
    total = 0
    for p in {pid} | descendants(pid, children_map()):
        fields = _stat_fields(p)
        if fields is not None:
            total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / CLK_TCK


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    peak_pss_mb: float
    peak_single_mb: float
    prefect_server_cpu: float | None
    log: Path
    careers: int = 0
    pages: int = 0
    stages: str = ""  # the project's own stage times, from its summary

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall

    @property
    def pages_per_cpu_s(self) -> float:
        return self.pages / self.cpu


@dataclass
class Services:
    pids: set[int] = field(default_factory=set)
    prefect_pid: int | None = None


def run_measured(
    label: str,
    cmd: Sequence[str],
    *,
    env: dict[str, str],
    log: Path,
    services: Services,
    sample: float,
) -> Run:
    """Run `cmd` to its end (and its orphans), with the process tree's CPU and memory."""
    me = os.getpid()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    prefect0 = tree_cpu(services.prefect_pid) if services.prefect_pid else None
    peak = {"pss": 0, "hwm": 0}
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(sample):
            kids = children_map()
            skip = set(services.pids)
            for pid in services.pids:
                skip |= descendants(pid, kids)
            tree = descendants(me, kids) - skip
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree)
            peak["pss"] = max(peak["pss"], pss)
            for p in tree:
                peak["hwm"] = max(peak["hwm"], _kb(f"/proc/{p}/status", "VmHWM:"))

    thread = threading.Thread(target=sampler, daemon=True)
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        thread.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        orphans = _reap_orphans(services)
    stop.set()
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
        raise SystemExit(f"{label} failed (exit {proc.returncode}); {log}:\n{tail}")
    if orphans:
        print(f"  note: {label} left {orphans} processes running; killed after 120 s")
    return Run(
        label=label,
        wall=wall,
        cpu=cpu,
        peak_pss_mb=peak["pss"] / 1024,
        peak_single_mb=max(usage.ru_maxrss, peak["hwm"]) / 1024,
        prefect_server_cpu=(tree_cpu(services.prefect_pid) - prefect0)
        if services.prefect_pid and prefect0 is not None
        else None,
        log=log,
    )


def _reap_orphans(services: Services, timeout: float = 120.0) -> int:
    """Wait for the run's orphans (re-parented here) so their CPU is in RUSAGE_CHILDREN."""
    me, deadline, killed = os.getpid(), time.monotonic() + timeout, 0
    while True:
        left = [p for p in children_map().get(me, []) if p not in services.pids]
        if not left:
            return killed
        for pid in left:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        if time.monotonic() > deadline:
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                    killed += 1
            deadline = float("inf")
        time.sleep(0.05)


# -- the sides --------------------------------------------------------------------------------


def prefect_env(home: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CAREERS_ETL_"))}
    env.update(
        {
            "PREFECT_HOME": str(home),
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
            "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
            "PREFECT_UI_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def start_prefect_server(home: Path, log: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    prefect = Path(sys.executable).with_name("prefect")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=prefect_env(home, None),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    while time.perf_counter() - start < 240:
        if proc.poll() is not None:
            raise SystemExit(f"prefect server start exited {proc.returncode}; see {log}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            if r.status == 200:
                return proc, url, time.perf_counter() - start
        time.sleep(0.5)
    raise SystemExit(f"the Prefect server was not ready after 240 s; see {log}")


def stop_group(proc: subprocess.Popen[bytes]) -> None:
    """Stop a service this script started in its own session (its process group)."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def write_config(path: Path, *, delay: float, jitter: float, concurrency: int, pages: int) -> Path:
    path.write_text(
        "[crawl]\n"
        f"per_host_delay = {delay}\n"
        f"delay_jitter = {jitter}\n"
        f"per_host_concurrency = {concurrency}\n"
        f"max_pages_per_host = {max(pages, 1) * 2}\n"
        "obey_robots = true\n"
    )
    return path


_STAGES = re.compile(r"^  time: +(.+)$", re.MULTILINE)
_RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]+")


def project_careers(data_dir: Path) -> int:
    """Rows of the `careers` table of the version `_LATEST` names (0 when there is none)."""
    import pyarrow.parquet as pq

    latest = data_dir / "parquet" / "_LATEST"
    m = _RUN_ID.search(latest.read_text()) if latest.is_file() else None
    if m is None:
        return 0
    parts = sorted((data_dir / "parquet" / "careers" / f"version={m.group()}").glob("*.parquet"))
    return sum(pq.ParquetFile(p).metadata.num_rows for p in parts)


def peer_careers(out: Path) -> int:
    import pyarrow.parquet as pq

    path = out / "careers.parquet"
    return pq.ParquetFile(path).metadata.num_rows if path.is_file() else 0


def copy_data_dir(src: Path, dst: Path) -> Path:
    """A fresh data dir: raw bodies hard-linked (written once, replaced never), the rest copied."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src / "raw", dst / "raw", copy_function=os.link)
    for item in src.iterdir():
        if item.name == "raw":
            continue
        if item.is_dir():
            shutil.copytree(item, dst / item.name)
        else:
            shutil.copy2(item, dst / item.name)
    return dst


def write_html_dir(corpus: Corpus, pages: int, port: int, dst: Path) -> Path:
    """The bodies the peer reparses: the bytes the server sent (and the project stored)."""
    dst.mkdir(parents=True, exist_ok=True)
    lines = []
    for n in range(pages):
        name = f"{n}.html"
        (dst / name).write_bytes(corpus.body(n))
        lines.append(f"{name}\thttp://{host_addr(0)}:{port}{corpus.path(n)}")
    (dst / "urls.tsv").write_text("\n".join(lines) + "\n")
    return dst


# -- the plain functions (a child process: `vs_scrapy.py _plain-reparse`) ---------------------


def plain_reparse(data_dir: Path, serial: bool) -> None:
    """Reparse the raw store with the project's public functions, without Prefect."""
    from extract.parse_pages import parse_fetched_pages
    from extract.parse_pool import ParsePool
    from extract.rawstore import RawStore
    from extract.records import FetchedPage, Outcome, ParsedPage
    from load import new_run_id, publish
    from transform.build import build_tables

    store = RawStore(data_dir / "raw")
    entries = sorted(store.latest_by_url().values(), key=lambda e: e.url)
    pages = [
        FetchedPage(
            url=e.url,
            outcome=Outcome.PARSED,
            status=e.status,
            fetched_at=e.fetched_at,
            content_sha256=e.sha256,
            bytes=e.bytes,
            content_type=e.content_type,
            etag=e.etag,
            last_modified=e.last_modified,
            final_url=e.final_url,
        )
        for e in entries
    ]
    if serial:
        parsed = parse_fetched_pages(pages, store)
    else:

        async def parse_all(pool: ParsePool) -> list[ParsedPage]:
            batches = [pages[i : i + 100] for i in range(0, len(pages), 100)]
            done = await asyncio.gather(*(pool.parse(batch) for batch in batches))
            return [p for batch in done for p in batch]

        with ParsePool(store.root, budget=20.0) as pool:
            parsed = asyncio.run(parse_all(pool))
    run_id = new_run_id()
    tables = build_tables(parsed, run_id=run_id)
    result = publish(tables.to_arrow(), parquet_dir=data_dir / "parquet", run_id=run_id, force=True)
    try:
        from load.outputs import refresh_outputs
    except ImportError:
        refresh = "none"
    else:
        problems = refresh_outputs(data_dir, result.run_id).problems
        refresh = "; ".join(problems) or "ok"
    print(
        json.dumps(
            {
                "pages": len(pages),
                "published": result.published,
                "version": result.run_id,
                "outputs": refresh,
            }
        )
    )


# -- the benchmark ----------------------------------------------------------------------------


def med(values: Iterable[float]) -> float:
    return statistics.median(list(values))


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.corpus = Corpus()
        self.services = Services()
        self.runs: dict[str, list[Run]] = {}
        self.mismatches: list[str] = []
        self.port = 0
        self.api_url: str | None = args.prefect_api_url
        self.reparse_src: Path | None = None
        self.adhoc_src: Path | None = None
        self.html_dir: Path | None = None
        self.seq = 0
        self.py = sys.executable

    # - setup -

    def start_site(self) -> subprocess.Popen[bytes]:
        hosts = self.args.hosts if "polite" in self.args.only else 1
        proc = subprocess.Popen(
            [
                self.py,
                __file__,
                "_serve",
                "--hosts",
                str(hosts),
                "--workers",
                str(self.args.server_workers),
            ],
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()
        if not line.startswith("READY "):
            raise SystemExit(f"the site did not start: {line!r}")
        self.port = int(line.split()[1])
        self.services.pids.add(proc.pid)
        cap = server_capacity(self.port, self.corpus, max(self.args.pages, 30), proc.pid)
        print(
            f"site: {hosts} host(s) on port {self.port}, {self.args.server_workers} server"
            f" processes; capacity {cap['requests_per_s']:.0f} pages/s"
            f" ({cap['mb_per_s']:.0f} MB/s) with {cap['connections']} keep-alive connections"
            f" from one Python client (a lower bound: the client shares the cores);"
            f" server CPU {cap['server_cpu_ms_per_page']:.2f} ms per page",
            flush=True,
        )
        self.capacity = cap["requests_per_s"]
        return proc

    def start_prefect(self) -> subprocess.Popen[bytes] | None:
        if self.api_url:
            print(f"prefect: using the server at {self.api_url}")
            return None
        proc, url, secs = start_prefect_server(
            self.work / "prefect-server-home", self.work / "prefect-server.log"
        )
        self.api_url = url
        self.services.pids.add(proc.pid)
        self.services.prefect_pid = proc.pid
        print(f"prefect: `prefect server start` ready at {url} after {secs:.1f} s", flush=True)
        return proc

    # - one run -

    def measure(
        self,
        key: str,
        label: str,
        cmd: Sequence[str],
        *,
        pages: int,
        count: Callable[[], int],
        env: dict[str, str] | None = None,
    ) -> Run:
        self.seq += 1
        log = self.work / "logs" / f"{self.seq:03d}-{re.sub(r'[^a-z0-9]+', '-', label)}.log"
        log.parent.mkdir(exist_ok=True)
        env = env or prefect_env(self.work / "prefect-client-home", self.api_url)
        run = run_measured(
            label, cmd, env=env, log=log, services=self.services, sample=self.args.sample
        )
        run.pages, run.careers = pages, count()
        if run.careers == 0:
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
            raise SystemExit(f"{label} published no career from {pages} pages; {log}:\n{tail}")
        if run.careers != pages:
            self.mismatches.append(f"{label}: {run.careers} careers from {pages} pages")
        self.runs.setdefault(key, []).append(run)
        stages = _STAGES.search(log.read_text(errors="replace"))
        if stages is not None:
            run.stages = f"; its stages {stages.group(1)}"
        prefect = (
            f", Prefect server {run.prefect_server_cpu:.1f} CPU-s"
            if run.prefect_server_cpu is not None
            else ""
        )
        print(
            f"  {label:34s} {run.wall:7.1f} s wall {run.cpu:7.1f} CPU-s"
            f" {run.pages_per_s:7.1f} pages/s {run.pages_per_cpu_s:7.1f} pages/CPU-s"
            f"  peak tree {run.peak_pss_mb:6.0f} MB (largest process {run.peak_single_mb:.0f} MB)"
            f"  careers {run.careers}{prefect}{run.stages}",
            flush=True,
        )
        return run

    def project_ingest(
        self,
        key: str,
        label: str,
        urls: list[str],
        *,
        pages: int,
        delay: float,
        jitter: float,
        concurrency: int,
    ) -> tuple[Run, Path]:
        data = self.work / "data" / f"{self.seq + 1:03d}"
        shutil.rmtree(data, ignore_errors=True)
        config = write_config(
            self.work / f"etl-{self.seq + 1:03d}.toml",
            delay=delay,
            jitter=jitter,
            concurrency=concurrency,
            pages=pages,
        )
        cmd = [self.py, "-m", "flows.ingest", "--data-dir", str(data), "--config", str(config)]
        for url in urls:
            cmd += ["--start-url", url]
        run = self.measure(key, label, cmd, pages=pages, count=lambda: project_careers(data))
        return run, data

    def peer_crawl(
        self,
        key: str,
        label: str,
        urls: list[str],
        *,
        pages: int,
        delay: float,
        jitter: float,
        concurrency: int,
    ) -> Run:
        out = self.work / "peer" / f"{self.seq + 1:03d}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [
            self.py,
            str(PEER),
            "crawl",
            "--out",
            str(out),
            "--concurrency",
            str(concurrency),
            "--delay",
            str(delay),
            "--jitter",
            str(jitter),
        ]
        for url in urls:
            cmd += ["--sitemap", url]
        run = self.measure(key, label, cmd, pages=pages, count=lambda: peer_careers(out))
        shutil.rmtree(out, ignore_errors=True)
        return run

    def setup_ingest(self, pages: int) -> Path:
        """A data dir with `pages` crawled and published (for reparse when crawl did not run)."""
        print(f"setup: crawling {pages} pages for the reparse data dir", flush=True)
        _, data = self.project_ingest(
            "setup",
            f"setup ingest {pages}",
            sitemap_urls(self.port, pages, 1)[:1],
            pages=pages,
            delay=0.0,
            jitter=0.0,
            concurrency=self.args.concurrency,
        )
        return self.snapshot(data, f"src-{pages}")

    def snapshot(self, data: Path, name: str) -> Path:
        dst = self.work / name
        shutil.rmtree(dst, ignore_errors=True)
        data.rename(dst)
        return dst

    # - workloads -

    def crawl_round(self, r: int) -> None:
        a = self.args
        for n in sorted({*a.sizes, a.pages}):
            urls = sitemap_urls(self.port, n, 1)[:1]
            run, data = self.project_ingest(
                f"crawl/project/{n}",
                f"r{r} crawl {n}: project",
                urls,
                pages=n,
                delay=0.0,
                jitter=0.0,
                concurrency=a.concurrency,
            )
            if n == a.pages and self.reparse_src is None and "reparse" in a.only:
                self.reparse_src = self.snapshot(data, f"src-{n}")
            shutil.rmtree(data, ignore_errors=True)
            peer = self.peer_crawl(
                f"crawl/peer/{n}",
                f"r{r} crawl {n}: Scrapy peer",
                urls,
                pages=n,
                delay=0.0,
                jitter=0.0,
                concurrency=a.concurrency,
            )
            print(
                f"  r{r} crawl {n}: ratio pages/s {run.pages_per_s / peer.pages_per_s:.2f},"
                f" pages/CPU-s {run.pages_per_cpu_s / peer.pages_per_cpu_s:.2f}",
                flush=True,
            )

    def reparse_round(self, r: int) -> None:
        a = self.args
        if self.reparse_src is None:
            self.reparse_src = self.setup_ingest(a.pages)
        if self.html_dir is None:
            self.html_dir = write_html_dir(self.corpus, a.pages, self.port, self.work / "html")
        n = a.pages
        data = copy_data_dir(self.reparse_src, self.work / "reparse-data")
        flow = self.measure(
            "reparse/flow",
            f"r{r} reparse {n}: project flow",
            [self.py, "-m", "flows.reparse", "--data-dir", str(data), "--force"],
            pages=n,
            count=lambda: project_careers(data),
        )
        out = self.work / "peer-reparse"
        shutil.rmtree(out, ignore_errors=True)
        peer = self.measure(
            "reparse/peer",
            f"r{r} reparse {n}: Scrapy peer (files)",
            [self.py, str(PEER), "reparse", "--html-dir", str(self.html_dir), "--out", str(out)],
            pages=n,
            count=lambda: peer_careers(out),
        )
        data = copy_data_dir(self.reparse_src, self.work / "reparse-data")
        plain_cmd = [self.py, __file__, "_plain-reparse", "--data-dir", str(data)]
        plain = self.measure(
            "reparse/plain",
            f"r{r} reparse {n}: project plain",
            plain_cmd + (["--serial"] if a.plain_serial else []),
            pages=n,
            count=lambda: project_careers(data),
        )
        shutil.rmtree(data, ignore_errors=True)
        per = peer.pages_per_cpu_s
        print(
            f"  r{r} reparse {n}: ratio pages/CPU-s flow {flow.pages_per_cpu_s / per:.2f},"
            f" plain {plain.pages_per_cpu_s / per:.2f}; Prefect's share of the flow's wall"
            f" {1 - plain.wall / flow.wall:.0%}",
            flush=True,
        )

    def polite_round(self, r: int) -> None:
        a = self.args
        n, hosts = a.polite_pages, a.hosts
        urls = sitemap_urls(self.port, n, hosts)
        run, data = self.project_ingest(
            "polite/project",
            f"r{r} polite {n}/{hosts} hosts: project",
            urls,
            pages=n,
            delay=a.polite_delay,
            jitter=a.polite_jitter,
            concurrency=1,
        )
        shutil.rmtree(data, ignore_errors=True)
        peer = self.peer_crawl(
            "polite/peer",
            f"r{r} polite {n}/{hosts} hosts: Scrapy peer",
            urls,
            pages=n,
            delay=a.polite_delay,
            jitter=a.polite_jitter,
            concurrency=1,
        )
        limit = hosts / a.polite_delay
        print(
            f"  r{r} polite: limit {limit:.0f} pages/s; project {run.pages_per_s / limit:.0%},"
            f" peer {peer.pages_per_s / limit:.0%} of it",
            flush=True,
        )

    def adhoc_round(self, r: int) -> None:
        a = self.args
        n = a.adhoc_pages
        if self.adhoc_src is None:
            self.adhoc_src = self.setup_ingest(n)
            data = copy_data_dir(self.adhoc_src, self.work / "adhoc-data")
            print(
                "setup: warming up the temporary server's home (first run creates its database)",
                flush=True,
            )
            self.measure(
                "adhoc/warmup",
                "ad hoc warm-up (fresh home)",
                [self.py, "-m", "flows.reparse", "--data-dir", str(data), "--force"],
                pages=n,
                count=lambda: project_careers(data),
                env=prefect_env(self.work / "prefect-adhoc-home", None),
            )
        for key, label, env in (
            (
                "adhoc/adhoc",
                "ad hoc (temporary server)",
                prefect_env(self.work / "prefect-adhoc-home", None),
            ),
            ("adhoc/server", "against the running server", None),
        ):
            data = copy_data_dir(self.adhoc_src, self.work / "adhoc-data")
            self.measure(
                key,
                f"r{r} reparse {n}: {label}",
                [self.py, "-m", "flows.reparse", "--data-dir", str(data), "--force"],
                pages=n,
                count=lambda data=data: project_careers(data),
                env=env,
            )
        data = copy_data_dir(self.adhoc_src, self.work / "adhoc-data")
        self.measure(
            "adhoc/plain",
            f"r{r} reparse {n}: plain functions",
            [self.py, __file__, "_plain-reparse", "--data-dir", str(data)],
            pages=n,
            count=lambda: project_careers(data),
        )

    def run(self) -> int:
        a = self.args
        site = self.start_site()
        prefect = None
        try:
            prefect = self.start_prefect()
            rounds: list[tuple[str, Callable[[int], None]]] = [
                ("crawl", self.crawl_round),
                ("reparse", self.reparse_round),
                ("polite", self.polite_round),
                ("adhoc", self.adhoc_round),
            ]
            for r in range(1, a.rounds + 1):
                for name, body in rounds:
                    if name in a.only:
                        print(f"round {r}/{a.rounds}: {name}", flush=True)
                        body(r)
        finally:
            if prefect is not None:
                stop_group(prefect)
            stop_group(site)
        self.report()
        if self.mismatches:
            print("\nFAILED: a side did not extract one career per page:")
            for line in self.mismatches:
                print(f"  {line}")
            return 1
        return 0

    # - the table -

    def report(self) -> None:
        a, R = self.args, self.runs
        print(
            "\n## Medians of",
            a.rounds,
            "interleaved round(s) on",
            os.cpu_count(),
            "cores;",
            f"site capacity >= {self.capacity:.0f} pages/s\n",
        )
        rows: list[tuple[str, str, str, str, str, str]] = []

        def ratio_med(ka: str, kb: str, attr: str) -> float:
            return med(getattr(x, attr) / getattr(y, attr) for x, y in zip(R[ka], R[kb]))  # noqa: B905

        def yes(ok: bool) -> str:
            return "yes" if ok else "no"

        n = a.pages
        if "reparse" in a.only and R.get("reparse/flow"):
            flow = med(r.pages_per_cpu_s for r in R["reparse/flow"])
            plain = med(r.pages_per_cpu_s for r in R["reparse/plain"])
            peer = med(r.pages_per_cpu_s for r in R["reparse/peer"])
            rf = ratio_med("reparse/flow", "reparse/peer", "pages_per_cpu_s")
            rp = ratio_med("reparse/plain", "reparse/peer", "pages_per_cpu_s")
            rows.append(
                (
                    f"reparse {n:,} stored pages to Parquet, pages per CPU-second",
                    f"{flow:.0f} (flow), {plain:.0f} (plain functions)",
                    f"{peer:.0f}",
                    f"{rf:.2f} (flow), {rp:.2f} (plain)",
                    "flow >= 2x the peer",
                    yes(rf >= 2),
                )
            )
            fw = med(r.wall for r in R["reparse/flow"])
            pw = med(r.wall for r in R["reparse/plain"])
            share = med(1 - p.wall / f.wall for f, p in zip(R["reparse/flow"], R["reparse/plain"]))  # noqa: B905
            rows.append(
                (
                    f"reparse {n:,} pages: wall, flow vs the same plain functions",
                    f"{fw:.1f} s vs {pw:.1f} s (Prefect's share {share:.0%})",
                    f"{med(r.wall for r in R['reparse/peer']):.1f} s",
                    "-",
                    "Prefect's share < 10% of the wall",
                    yes(share < 0.10),
                )
            )
            pcpu = [
                r.prefect_server_cpu for r in R["reparse/flow"] if r.prefect_server_cpu is not None
            ]
            if pcpu:
                rows.append(
                    (
                        "reparse flow: the Prefect server's CPU during the run",
                        f"{med(pcpu):.1f} CPU-s (not in the tree above)",
                        "-",
                        "-",
                        "-",
                        "-",
                    )
                )
        if "crawl" in a.only and R.get(f"crawl/project/{n}"):
            kp, kq = f"crawl/project/{n}", f"crawl/peer/{n}"
            rows.append(
                (
                    f"crawl {n:,} local pages, politeness off, pages/s",
                    f"{med(r.pages_per_s for r in R[kp]):.1f}",
                    f"{med(r.pages_per_s for r in R[kq]):.1f}",
                    f"{ratio_med(kp, kq, 'pages_per_s'):.2f}",
                    "-",
                    "-",
                )
            )
            rc = ratio_med(kp, kq, "pages_per_cpu_s")
            rows.append(
                (
                    f"crawl {n:,} local pages, politeness off, pages per CPU-second",
                    f"{med(r.pages_per_cpu_s for r in R[kp]):.1f}",
                    f"{med(r.pages_per_cpu_s for r in R[kq]):.1f}",
                    f"{rc:.2f}",
                    ">= 2x the peer",
                    yes(rc >= 2),
                )
            )
            sizes = sorted({*a.sizes, n})

            def rss(side: str, attr: str) -> list[float]:
                return [med(getattr(r, attr) for r in R[f"crawl/{side}/{s}"]) for s in sizes]

            p, q = rss("project", "peak_pss_mb"), rss("peer", "peak_pss_mb")
            ps, qs = rss("project", "peak_single_mb"), rss("peer", "peak_single_mb")
            label = " -> ".join(f"{s:,}" for s in sizes)
            slope = ((p[-1] - p[0]) / (sizes[-1] - sizes[0]) * 1000) if len(sizes) > 1 else 0.0
            growth = p[-1] / p[0] - 1
            rows.append(
                (
                    f"peak RSS of ingest, process tree (PSS), {label} pages",
                    " -> ".join(f"{v:.0f}" for v in p) + f" MB ({slope:+.0f} MB per 1,000)",
                    " -> ".join(f"{v:.0f}" for v in q) + " MB",
                    f"{growth:+.0%} 1st->last",
                    "largest size within 15% of the smallest",
                    yes(growth <= 0.15),
                )
            )
            rows.append(
                (
                    f"peak RSS of ingest, largest single process, {label} pages",
                    " -> ".join(f"{v:.0f}" for v in ps) + " MB",
                    " -> ".join(f"{v:.0f}" for v in qs) + " MB",
                    "-",
                    "-",
                    "-",
                )
            )
        if "polite" in a.only and R.get("polite/project"):
            limit = a.hosts / a.polite_delay
            pp = med(r.pages_per_s for r in R["polite/project"])
            qp = med(r.pages_per_s for r in R["polite/peer"])
            rows.append(
                (
                    f"polite crawl {a.polite_pages:,} pages, {a.hosts} hosts, delay"
                    f" {a.polite_delay:g} s (jitter {a.polite_jitter:g}), pages/s"
                    f" vs the limit {limit:.0f}",
                    f"{pp:.1f} ({pp / limit:.0%})",
                    f"{qp:.1f} ({qp / limit:.0%})",
                    f"{ratio_med('polite/project', 'polite/peer', 'pages_per_s'):.2f}",
                    ">= 90% of the limit",
                    yes(pp / limit >= 0.9),
                )
            )
        if "adhoc" in a.only and R.get("adhoc/adhoc"):
            adhoc, server, plain = R["adhoc/adhoc"], R["adhoc/server"], R["adhoc/plain"]
            dw = med(x.wall - y.wall for x, y in zip(adhoc, server))  # noqa: B905
            dc = med(x.cpu - y.cpu for x, y in zip(adhoc, server))  # noqa: B905
            sw = med(x.wall - y.wall for x, y in zip(server, plain))  # noqa: B905
            sc = med(x.cpu - y.cpu for x, y in zip(server, plain))  # noqa: B905
            warm = R.get("adhoc/warmup", [])
            first = f"; first run on a fresh home {warm[0].wall:.1f} s" if warm else ""
            rows.append(
                (
                    f"ad hoc run (temporary Prefect server) vs a running server,"
                    f" reparse of {a.adhoc_pages} pages",
                    f"+{dw:.1f} s wall, +{dc:.1f} CPU-s per run ({med(x.wall for x in adhoc):.1f}"
                    f" s vs {med(x.wall for x in server):.1f} s{first})",
                    "-",
                    "-",
                    "-",
                    "-",
                )
            )
            rows.append(
                (
                    f"running server vs plain functions, reparse of {a.adhoc_pages} pages",
                    f"+{sw:.1f} s wall, +{sc:.1f} CPU-s per run",
                    "-",
                    "-",
                    "-",
                    "-",
                )
            )
        careers = [f"{k} {v[0].careers}/{v[0].pages}" for k, v in sorted(R.items()) if k != "setup"]
        header = ("work", "this project", "Scrapy peer", "ratio", "target (Done when)", "holds")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print(
            "\nNotes: CPU is the run's whole process tree (user + system, RUSAGE_CHILDREN,"
            " orphaned workers reaped here); peak RSS is the largest sampled sum of PSS over"
            " the tree, every",
            a.sample,
            "s; pages/s is pages over the wall of the whole"
            " command. The peer reparses the bodies as plain decompressed HTML files (it has no"
            " raw store); the project reads its own raw store. Careers extracted (first run"
            " of each, careers/pages): " + ", ".join(careers) + ".",
        )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--pages",
        type=int,
        default=10_000,
        help="pages of the reparse and of the main crawl (default 10000)",
    )
    ap.add_argument(
        "--sizes",
        default="1000,3000",
        help="more crawl sizes for peak RSS, comma-separated (default 1000,3000;"
        " --pages is always one)",
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--only",
        default=",".join(WORKLOADS),
        help=f"workloads, comma-separated, of {', '.join(WORKLOADS)} (rss = crawl)",
    )
    ap.add_argument("--hosts", type=int, default=20, help="hosts of the polite crawl")
    ap.add_argument("--polite-pages", type=int, help="pages of the polite crawl (default --pages)")
    ap.add_argument("--polite-delay", type=float, default=0.5, help="per-host delay, seconds")
    ap.add_argument(
        "--polite-jitter",
        type=float,
        default=0.0,
        help="up to +this fraction of the delay (the project's delay_jitter)",
    )
    ap.add_argument(
        "--concurrency",
        type=int,
        default=8,
        help="requests at once per host with politeness off, both sides (default 8)",
    )
    ap.add_argument("--adhoc-pages", type=int, default=100)
    ap.add_argument(
        "--plain-serial",
        action="store_true",
        help="plain reparse parses in this process, not the parse pool",
    )
    ap.add_argument(
        "--prefect-api-url", help="use this running Prefect server instead of starting one"
    )
    ap.add_argument("--server-workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--sample", type=float, default=0.2, help="memory sampling interval, s")
    ap.add_argument("--workdir", type=Path, help="keep everything here (default: a temp dir)")
    args = ap.parse_args(argv)
    args.only = {"crawl" if w.strip() == "rss" else w.strip() for w in args.only.split(",")}
    if not args.only <= set(WORKLOADS):
        ap.error(f"--only: unknown workload(s) {sorted(args.only - set(WORKLOADS))}")
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.polite_pages = args.polite_pages or args.pages
    if args.hosts > 250 or args.hosts < 1:
        ap.error("--hosts: 1 to 250")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_serve"]:
        hosts = int(argv[argv.index("--hosts") + 1])
        workers = int(argv[argv.index("--workers") + 1])
        serve(hosts, workers)
        return 0
    if argv[:1] == ["_plain-reparse"]:
        plain_reparse(Path(argv[argv.index("--data-dir") + 1]), "--serial" in argv)
        return 0
    args = parse_args(argv)
    _prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: the runs' orphaned workers are reaped here
    print(
        f"vs_scrapy: {sorted(args.only)}, {args.rounds} round(s), {args.pages} pages;"
        f" project at {REPO}",
        flush=True,
    )
    with _workdir(args.workdir) as work:
        print(f"work dir: {work}", flush=True)
        return Bench(args, work).run()


@contextlib.contextmanager
def _workdir(path: Path | None) -> Iterator[Path]:
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="vs-scrapy-") as tmp:
        yield Path(tmp)


if __name__ == "__main__":
    sys.exit(main())
