"""Discovery: from start URLs to the page URLs to fetch, deciding by content what each is.

A start URL may be:

- a sitemap (`<urlset>`), a sitemap index (`<sitemapindex>`), either possibly
  gzipped (`.xml.gz` or a gzip body): every `<loc>` on the same host;
- an index page: its links to profile pages on the same host, and its
  pagination (`rel=next`, "Next", numbered page links), followed breadth-first;
- a profile page: anything that is neither. It was fetched already, so it is
  returned among `Discovery.pages` (outcome PARSED or NOT_MODIFIED) rather
  than fetched a second time.

Which links are profile pages: `SiteProfile.profile_pattern` (a regex
searched in the canonical URL) when given; a page whose own URL matches it
is a profile page. Without a pattern, a structural heuristic: the links are
grouped by their parent path (`/careers/nurse` -> `/careers/`); the largest
group, if it has at least `MIN_INDEX_LINKS` links and is not the page's own
parent (profile pages link to their siblings, index pages to their
children), makes the page an index; its profile links are that group plus
the other links in the same lists (`ul`, `ol`, `table`, `dl`), so a listed
page elsewhere on the site (a draft the robots.txt disallows) is still
recorded, while navigation links are not. Pages with
pagination are always indexes. Sites where this guesses wrong need a
`profile_pattern`.

robots.txt is fetched once per source host here and returned, so fetch
batches do not fetch it again. Everything discovery fetched is in the raw
store and the fetch log like any page.
"""

from __future__ import annotations

import asyncio
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit
from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from core.settings import SiteProfile
from extract.encoding import decode_body
from extract.fetch import Fetcher
from extract.hostpolicy import HostPolicy
from extract.rawstore import RawStoreError
from extract.records import FetchedPage, Outcome
from extract.robots import RobotsRules
from extract.urls import BadUrl, canonicalize, origin, resolve_link, validate_start_url

MIN_INDEX_LINKS = 5
_PAGE_PARAM = re.compile(r"[?&](?:page|p|pg|start|offset)=\d+(?:&|$)", re.IGNORECASE)
_PAGE_PATH = re.compile(r"/(?:page/)?\d{1,4}/?$", re.IGNORECASE)
_NEXT_TEXT = re.compile(r"^\W*(?:next|more)\b", re.IGNORECASE)
_PAGE_TEXT = re.compile(r"^\d{1,4}$")
_LIST_TAGS = frozenset({"ul", "ol", "table", "dl"})


@dataclass(frozen=True, slots=True)
class Discovery:
    """What discovery found and what it fetched on the way."""

    page_urls: tuple[str, ...]  # profile pages still to fetch: canonical, unique, capped per host
    pages: tuple[FetchedPage, ...]  # fetched here: indexes/sitemaps (SKIPPED), profile start
    # URLs (PARSED / NOT_MODIFIED), and start URLs or sitemaps that failed or were disallowed
    robots: Mapping[str, RobotsRules]  # per host: hand to every fetch batch
    policy: HostPolicy  # the hosts the sources name: hand to every fetch batch


@dataclass(frozen=True, slots=True)
class Classified:
    """What one fetched body turned out to be."""

    kind: str  # "sitemap", "sitemapindex", "index" or "profile"
    links: tuple[str, ...] = ()  # pages (sitemap, index) or child sitemaps (sitemapindex)
    pagination: tuple[str, ...] = ()  # further index pages


# -- classification (pure) ---------------------------------------------------------------------


def _maybe_gunzip(body: bytes, cap: int) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(body, cap + 1)
    except zlib.error:
        return body
    if len(out) > cap:
        raise ValueError(f"gzipped sitemap inflates past {cap} bytes")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def read_sitemap(body: bytes, *, cap: int) -> Classified:
    """A sitemap or sitemap index as `Classified`; `ValueError` says why the body is not one."""
    data = _maybe_gunzip(body, cap).lstrip()
    if not data.startswith(b"<") or b"<html" in data[:1024].lower():
        raise ValueError("it is an HTML page" if b"<html" in data[:1024].lower()
                         else "it is not XML")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"broken XML ({exc})") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise ValueError(f"its root element is <{kind}>, not <urlset> or <sitemapindex>")
    locs = [(el.text or "").strip() for el in root.iter() if _local(el.tag) == "loc" and el.text]
    return Classified(kind="sitemap" if kind == "urlset" else "sitemapindex", links=tuple(locs))


def looks_like_sitemap(url: str, content_type: str | None, body: bytes) -> bool:
    """Whether a start URL is meant to be a sitemap: by its name, its type or its first bytes."""
    path = urlsplit(url).path.lower()
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    return (
        path.endswith((".xml", ".xml.gz"))
        or declared in {"application/xml", "text/xml", "application/x-gzip", "application/gzip"}
        or body.lstrip()[:5].lower() == b"<?xml"
    )


def _parent(url_or_path: str) -> str:
    """`/careers/nurse` -> `/careers/`: the directory a page sits in."""
    path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path
    stripped = path.rstrip("/")
    return stripped[: stripped.rfind("/") + 1] or "/"


def _is_page_of(url: str, target: str) -> bool:
    """Whether `target` has the shape of another page of the listing at `url`.

    Same path with a page-like query (`/jobs?page=2`), or a numbered path next
    to it (`/jobs/2`, `/jobs/page/2`). A "Next occupation" link from a profile
    page to a sibling profile does not qualify, so profile pages with such
    links are not mistaken for indexes.
    """
    here, there = urlsplit(url), urlsplit(target)
    if there.path == here.path and _PAGE_PARAM.search("?" + there.query):
        return True
    if not _PAGE_PATH.search(there.path):
        return False
    base = _PAGE_PATH.sub("", there.path).rstrip("/")
    return base == _PAGE_PATH.sub("", here.path).rstrip("/") or base == here.path.rstrip("/")


def _list_container(node: Node) -> int | None:
    """The nearest list-like ancestor of a link (its listing), as a node identity."""
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in _LIST_TAGS:
            return int(parent.mem_id)
        parent = parent.parent
    return None


def classify_html(html: str, url: str, *, profile_pattern: str | None) -> Classified:
    """An HTML page as an index (its profile links and pagination) or a profile page."""
    tree = LexborHTMLParser(html)
    host = origin(url)
    links: dict[str, int | None] = {}  # link -> its list container
    pagination: dict[str, None] = {}
    for node in tree.css("a[href], link[rel][href]"):
        target = resolve_link(url, node.attributes.get("href") or "")
        if target is None or origin(target) != host or target == url:
            continue
        rel = (node.attributes.get("rel") or "").lower().split()
        text = node.text(strip=True) if node.tag == "a" else ""
        says_page = "next" in rel or _NEXT_TEXT.match(text) or _PAGE_TEXT.match(text)
        if _is_page_of(url, target) and (says_page or _PAGE_PARAM.search(target)):
            pagination.setdefault(target, None)
        elif node.tag == "a" and target not in links:
            links[target] = _list_container(node)
    if profile_pattern:
        pattern = re.compile(profile_pattern)
        if pattern.search(url):
            return Classified(kind="profile")
        profiles = [u for u in links if pattern.search(u)]
        return Classified(kind="index", links=tuple(profiles), pagination=tuple(pagination))
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for link in links:
        path = urlsplit(link).path
        if path.rstrip("/"):
            groups[_parent(path)].append(link)
    best = max(groups.values(), key=len, default=[])
    is_index = len(best) >= MIN_INDEX_LINKS and _parent(best[0]) != _parent(url)
    if not (is_index or pagination):
        return Classified(kind="profile")
    # The listing is the dominant group plus whatever else shares its lists (a card
    # pointing elsewhere, e.g. /drafts/x in a /careers/ listing); site navigation is not
    # in those lists.
    members = set(best)
    containers = {links[u] for u in best} - {None}
    listed = [
        u for u, box in links.items() if u in members or (box is not None and box in containers)
    ]
    return Classified(kind="index", links=tuple(listed), pagination=tuple(pagination))


def classify(
    body: bytes,
    url: str,
    content_type: str | None,
    *,
    profile_pattern: str | None,
    cap: int,
    sitemap: bool = False,
) -> Classified:
    """A fetched discovery body: sitemap, sitemap index, index page or profile page.

    With `sitemap` (the body must be one: a child of a sitemap index, or a start URL
    that says it is), anything else is a `ValueError` naming what it is instead: an
    HTML error page or broken XML served as a sitemap must not read as "no pages".
    """
    if sitemap or looks_like_sitemap(url, content_type, body):
        try:
            return read_sitemap(body, cap=cap)
        except ValueError as exc:
            raise ValueError(f"sitemap {url} could not be read: {exc}") from None
    return classify_html(decode_body(body, content_type), url, profile_pattern=profile_pattern)


# -- the crawl of start URLs, sitemaps and index pages ----------------------------------------


def _cap_per_host(urls: Iterable[str], cap: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first `cap` URLs of each host, and the ones over the cap."""
    counts: Counter[str] = Counter()
    kept: list[str] = []
    over: list[str] = []
    for url in urls:
        host = origin(url)
        counts[host] += 1
        (kept if counts[host] <= cap else over).append(url)
    return tuple(kept), tuple(over)


def start_urls_of(site: SiteProfile) -> list[str]:
    """The site's start URLs, canonical and without repeats; a bad one is a `UserError`."""
    return list(dict.fromkeys(validate_start_url(str(u)) for u in site.start_urls))


async def discover(fetcher: Fetcher, source: SiteProfile) -> Discovery:
    """Fetch robots.txt once per source host, then the start URLs, sitemaps and indexes.

    `fetcher` carries the site's host policy and the run's client, raw store and
    previous fetch log (so discovery requests are conditional too). A bad start
    URL is a `UserError` (one line), raised before any request (the settings
    model has already checked `profile_pattern`); everything that goes wrong on
    the network is recorded in `Discovery.pages` instead. At most
    `max_discovery_pages` sitemaps and index pages are fetched per host.
    """
    starts = start_urls_of(source)
    settings, store, policy = fetcher.settings, fetcher.store, fetcher.policy
    hosts = {origin(url): urlsplit(url).scheme for url in starts}
    await asyncio.gather(*(fetcher.robots_for(host, scheme) for host, scheme in hosts.items()))

    found: dict[str, None] = {}
    settled: dict[str, FetchedPage] = {}
    seen: set[str] = set(starts)
    budget: Counter[str] = Counter()
    unvisited: dict[str, None] = {}  # index/sitemap pages over the discovery budget
    frontier = starts
    is_start = set(starts)
    children: set[str] = set()  # listed by a sitemap index: must be sitemaps themselves
    cap = settings.max_body_bytes
    while frontier:
        pages = await fetcher.fetch_all(frontier)
        next_round: list[str] = []
        for page in pages:
            if not page.has_body or page.content_sha256 is None:
                settled[page.url] = page
                continue
            try:
                body = store.get(page.content_sha256, host=page.url)
            except RawStoreError as exc:
                settled[page.url] = replace(page, outcome=Outcome.FAILED_FETCH, error=str(exc))
                continue
            try:
                what = classify(
                    body,
                    page.final_url or page.url,
                    page.content_type,
                    profile_pattern=source.profile_pattern,
                    cap=cap,
                    sitemap=page.url in children,
                )
            except ValueError as exc:
                # Transient as far as the data goes: the listing may be back next run, and
                # until then the host's careers are kept, not "no longer listed".
                settled[page.url] = replace(
                    page, outcome=Outcome.FAILED_FETCH, error=str(exc), transient=True
                )
                continue
            if what.kind == "profile" and page.url in is_start:
                settled[page.url] = page
                continue
            settled[page.url] = replace(page, outcome=Outcome.SKIPPED)
            host = origin(page.url)
            links = [u for u in (_canon(x) for x in what.links) if u and origin(u) == host]
            if what.kind == "sitemapindex":
                follow = links
                children.update(links)
            else:
                for link in links:
                    found.setdefault(link, None)
                follow = [u for u in (_canon(x) for x in what.pagination) if u]
            for link in follow:
                if link in seen or origin(link) != host:
                    continue
                if budget[host] >= settings.max_discovery_pages:
                    unvisited.setdefault(link, None)
                    continue
                seen.add(link)
                budget[host] += 1
                next_round.append(link)
        frontier = next_round
    page_urls, over_cap = _cap_per_host(
        [u for u in found if u not in settled], settings.max_pages_per_host
    )
    # Nothing found is dropped silently: what the caps leave out is logged as skipped.
    not_crawled = [
        *(FetchedPage(url=u, outcome=Outcome.SKIPPED,
                      error=f"not fetched: over max_pages_per_host "
                            f"({settings.max_pages_per_host})") for u in over_cap),
        *(FetchedPage(url=u, outcome=Outcome.SKIPPED,
                      error=f"not fetched: over max_discovery_pages "
                            f"({settings.max_discovery_pages})")
          for u in unvisited if u not in seen),
    ]
    return Discovery(
        page_urls=page_urls,
        pages=(*settled.values(), *not_crawled),
        robots=dict(fetcher.robots),
        policy=policy,
    )


def _canon(url: str) -> str | None:
    try:
        return canonicalize(url)
    except BadUrl:
        return None
