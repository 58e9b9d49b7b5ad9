"""Published versions made from real pages, for the analysts' files (catalog, report, ...).

The pages go through the real parser, transform and publisher: the bundled sample
site's profiles (rendered in memory) and the saved real OOH/NCS pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from extract.errors import ExtractError
from extract.parse import parse_page
from extract.records import FetchedPage, Outcome, ParsedPage
from load import PublishResult, publish
from sample_site.data import load_site
from sample_site.render import profile_path, site_pages
from tests.parse.golden import real_pages
from transform.build import build_tables

SAMPLE_BASE = "http://127.0.0.1:8765"
FETCHED = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
V1, V2 = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
EXAMPLE = "back-end-developer"  # its median pay changes in V2 of the sample data
GONE = ("real-estate-agent", "supply-chain-analyst")


def sample_pages() -> list[tuple[str, str]]:
    """(url, html) of every profile page of the bundled sample site."""
    data = load_site()
    pages = site_pages(data, SAMPLE_BASE)
    return [
        (SAMPLE_BASE + profile_path(c.slug), pages[profile_path(c.slug)].body.decode("utf-8"))
        for c in data.careers
    ]


def real_fixture_pages() -> list[tuple[str, str]]:
    """(url, html) of the saved real profile pages (OOH and NCS)."""
    return [(p.url, p.html) for p in real_pages()]


def parsed(pages: Iterable[tuple[str, str]]) -> list[ParsedPage]:
    result = []
    for url, html in pages:
        body = html.encode("utf-8")
        fetched = FetchedPage(url, Outcome.PARSED, status=200, fetched_at=FETCHED,
                              content_sha256=hashlib.sha256(body).hexdigest(), bytes=len(body))
        try:
            career = parse_page(html, url)
        except ExtractError as exc:
            result.append(ParsedPage(fetched, Outcome.FAILED_PARSE, error=str(exc)))
            continue
        result.append(ParsedPage(fetched, Outcome.PARSED, career=career, parser=career.parser))
    return result


def publish_pages(parquet_dir: Path, run_id: str, pages: Iterable[tuple[str, str]],
                  currency: str = "USD") -> PublishResult:
    tables = build_tables(parsed(pages), run_id=run_id, default_currency=currency)
    return publish(tables.to_arrow(), parquet_dir=parquet_dir, run_id=run_id)


def edited(pages: list[tuple[str, str]], slug: str, change: Callable[[str], str]
           ) -> list[tuple[str, str]]:
    return [(u, change(h) if u.endswith(f"/careers/{slug}") else h) for u, h in pages]


def sample_versions(data_dir: Path) -> Path:
    """Two versions of the sample site: V2 drops two careers and raises one median pay."""
    parquet = data_dir / "parquet"
    pages = sample_pages()
    publish_pages(parquet, V1, pages)
    later = [(u, h) for u, h in pages if not u.endswith(GONE)]
    later = edited(later, EXAMPLE, lambda h: h.replace("$115k", "$121k", 1))
    publish_pages(parquet, V2, later)
    return data_dir


def real_version(data_dir: Path) -> Path:
    publish_pages(data_dir / "parquet", V1, real_fixture_pages())
    return data_dir


def real_versions(data_dir: Path) -> Path:
    """Two versions of the real pages: in V2 the actuaries' median pay is $131,000."""
    pages = real_fixture_pages()
    publish_pages(data_dir / "parquet", V1, pages)
    raised = [(u, h.replace("$125,770", "$131,000") if u.endswith("/actuaries.htm") else h)
              for u, h in pages]
    publish_pages(data_dir / "parquet", V2, raised)
    return data_dir
