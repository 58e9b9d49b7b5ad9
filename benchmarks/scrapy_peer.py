"""The Scrapy peer of benchmarks/vs_scrapy.py: the pipeline a user would build with Scrapy.

    python benchmarks/scrapy_peer.py crawl --sitemap URL [--sitemap URL ...] --out DIR
        [--concurrency N] [--delay SECONDS] [--jitter FRACTION] [--ignore-robots]
    python benchmarks/scrapy_peer.py reparse --html-dir DIR --out DIR

`crawl` runs a `SitemapSpider` in a `CrawlerProcess` (what `scrapy runspider`
does); its parsel selectors read the OOH profile fields (title, category,
median pay, job outlook, number of jobs, entry-level education, the "typically
do the following" duties and the "Important Qualities" skills); an item
pipeline collects the items and, when the spider closes, normalizes them with
pandas (money to numbers, hourly pay to annual, growth percent and category,
worker counts, education as an ordered category, career ids from the URL) and
writes three Parquet files with pyarrow (careers, career_skills, career_duties).

`reparse` has no raw store: it reads saved pages (`urls.tsv`: file name, URL)
as plain, decompressed HTML files, wraps each in an `HtmlResponse` and runs the
same spider callback, pandas normalization and Parquet writing.

Settings (idiomatic for a local crawl, politeness as the project's run):
ROBOTSTXT_OBEY True (unless --ignore-robots), AUTOTHROTTLE_ENABLED False,
HTTPCACHE_ENABLED False, LOG_LEVEL WARNING, TELNETCONSOLE_ENABLED False,
CONCURRENT_REQUESTS_PER_DOMAIN = --concurrency (default 8, Scrapy's default),
CONCURRENT_REQUESTS = max(16, hosts x per-domain), DOWNLOAD_DELAY = --delay with
DOWNLOAD_DELAY_JITTER chosen so each gap falls in [delay, delay x (1 + jitter)]
like the project's (0 when --jitter is 0), RETRY and cookies as Scrapy ships
them. The last line printed is one JSON object: pages, careers, seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import HtmlResponse
from scrapy.spiders import SitemapSpider

EDUCATION_LEVELS = [
    "no formal educational credential",
    "high school diploma or equivalent",
    "some college, no degree",
    "postsecondary nondegree award",
    "associate's degree",
    "bachelor's degree",
    "master's degree",
    "doctoral or professional degree",
]
GROWTH_LEVELS = [
    "decline",
    "little or no change",
    "slower than average",
    "as fast as average",
    "faster than average",
    "much faster than average",
]
_SPACES = re.compile(r"\s+")


def squash(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip()
    return text or None


def text_of(sel: Any) -> str | None:
    """All the text under a selector, whitespace collapsed (what `::text` users write)."""
    return squash(" ".join(sel.css("::text").getall()))


def parse_profile(response: Any) -> dict[str, Any] | None:
    """One OOH profile page as an item (plain dict); None for a page that is not one."""
    title = text_of(response.css("h1"))
    if not title or not response.css("#panes a.tab_link, table#quickfacts"):
        return None  # not an OOH profile (no tabs, no Quick Facts)
    facts = response.css("table#quickfacts tr")
    item: dict[str, Any] = {"url": response.url, "title": title}
    crumbs = response.css(".global-breadcrumb li")
    item["category"] = text_of(crumbs[-1]) if len(crumbs) >= 4 else None
    for row in facts:
        label = (text_of(row.css("th")) or "").lower()
        value = text_of(row.css("td"))
        if "median pay" in label:
            item["salary_text"] = value
        elif "entry-level education" in label:
            item["education_text"] = value
        elif "number of jobs" in label:
            item["workers_text"] = value
        elif "job outlook" in label:
            item["growth_text"] = value
    duties: list[str] = []
    for intro in response.xpath("//p[contains(., 'the following')]"):
        for li in intro.xpath("following-sibling::*[1][self::ul or self::ol]/li"):
            if (duty := text_of(li)) is not None:
                duties.append(duty)
    item["duties"] = duties
    heading = response.xpath("//h3[normalize-space(.)='Important Qualities']")
    skills: list[str] = []
    for p in heading.xpath("following-sibling::*"):
        if p.root.tag in ("h2", "h3", "h4"):
            break
        lead = text_of(p.css("strong"))
        if lead:
            skills.append(lead.rstrip(". "))
    item["skills"] = skills
    return item


class OohSpider(SitemapSpider):
    name = "ooh"

    def __init__(self, sitemaps: list[str], **kwargs: Any) -> None:
        self.sitemap_urls = sitemaps
        super().__init__(**kwargs)

    def parse(self, response: Any) -> Any:  # type: ignore[override]
        item = parse_profile(response)
        if item is not None:
            yield item


class CollectPipeline:
    """Items in a list; normalized and written to Parquet when the spider closes."""

    out: Path
    items: list[dict[str, Any]]

    def open_spider(self, spider: scrapy.Spider | None = None) -> None:
        self.items = []

    def process_item(self, item: dict[str, Any], spider: scrapy.Spider | None = None) -> Any:
        self.items.append(item)
        return item

    def close_spider(self, spider: scrapy.Spider | None = None) -> None:
        write_parquet(self.items, self.out)


# -- normalize with pandas, write with pyarrow --------------------------------------------------

_MONEY = r"\$([\d,]+(?:\.\d+)?)"


def _money(text: pd.Series, unit: str) -> pd.Series:
    found = text.str.extract(_MONEY + r"\s*per\s+" + unit, expand=False)
    return pd.to_numeric(found.str.replace(",", "", regex=False), errors="coerce").astype("float64")


def normalize(items: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame(items)
    for column in ("salary_text", "education_text", "workers_text", "growth_text", "category"):
        if column not in frame:
            frame[column] = None
    parts = frame["url"].str.extract(r"^\w+://(?P<host>[^/:]+)(?::\d+)?(?P<path>/[^?#]*)")
    slug = parts["path"].str.rsplit("/", n=1).str[-1].str.replace(r"\.\w+$", "", regex=True)
    careers = pd.DataFrame(
        {
            "career_id": parts["host"].str.removeprefix("www.") + "/" + slug,
            "source": parts["host"],
            "url": frame["url"],
            "title": frame["title"],
            "category": frame["category"],
        }
    )
    pay = frame["salary_text"].astype("string")
    yearly, hourly = _money(pay, "year"), _money(pay, "hour")
    careers["salary_median"] = yearly.fillna(hourly * 2080)
    careers["salary_annualized"] = yearly.isna() & hourly.notna()
    careers["salary_is_floor"] = pay.str.contains("or greater", case=False, na=False)
    careers["salary_currency"] = pd.Series("USD", index=frame.index).where(pay.notna())
    careers["salary_text"] = pay
    growth = frame["growth_text"].astype("string")
    careers["growth_pct"] = pd.to_numeric(
        growth.str.extract(r"(-?\d+(?:\.\d+)?)\s*%", expand=False), errors="coerce"
    ).astype("float64")
    careers["growth_category"] = pd.Categorical(
        growth.str.extract(r"\(([^)]+)\)", expand=False).str.lower(),
        categories=GROWTH_LEVELS,
        ordered=True,
    )
    careers["growth_text"] = growth
    workers = frame["workers_text"].astype("string")
    careers["workers"] = pd.to_numeric(
        workers.str.replace(",", "", regex=False).str.extract(r"(\d+)", expand=False),
        errors="coerce",
    ).astype("Int64")
    careers["workers_text"] = workers
    education = frame["education_text"].astype("string")
    level = education.str.lower()
    careers["education_level"] = pd.Categorical(
        level.where(level.isin(EDUCATION_LEVELS)), categories=EDUCATION_LEVELS, ordered=True
    )
    careers["education_text"] = education
    ids = careers["career_id"]
    skills = (
        pd.DataFrame({"career_id": ids, "skill": frame["skills"]})
        .explode("skill")
        .dropna(subset=["skill"])
    )
    skills["item_position"] = skills.groupby("career_id").cumcount() + 1
    duties = (
        pd.DataFrame({"career_id": ids, "duty": frame["duties"]})
        .explode("duty")
        .dropna(subset=["duty"])
    )
    duties["position"] = duties.groupby("career_id").cumcount() + 1
    return {
        "careers": careers.drop_duplicates("career_id").sort_values("career_id"),
        "career_skills": skills.reset_index(drop=True),
        "career_duties": duties.reset_index(drop=True),
    }


def write_parquet(items: list[dict[str, Any]], out: Path) -> None:
    if not items:
        raise SystemExit("the peer scraped no careers")
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in normalize(items).items():
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), out / f"{name}.parquet")


# -- entry points -----------------------------------------------------------------------------


def crawl(args: argparse.Namespace) -> int:
    hosts = len({urlsplit(u).netloc for u in args.sitemap})
    delay, jitter = args.delay, args.jitter
    # The project waits delay x (1 + U(0, jitter)); Scrapy waits delay x (1 + U(-j, j)).
    scrapy_delay = delay * (1 + jitter / 2)
    scrapy_jitter = (jitter / 2) / (1 + jitter / 2)
    settings = {
        "ROBOTSTXT_OBEY": not args.ignore_robots,
        "AUTOTHROTTLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "CONCURRENT_REQUESTS": max(16, hosts * args.concurrency),
        "DOWNLOAD_DELAY": scrapy_delay,
        "DOWNLOAD_DELAY_JITTER": scrapy_jitter,
        "USER_AGENT": "careers-etl-benchmark-peer/1.0 (Scrapy)",
        "ITEM_PIPELINES": {CollectPipeline: 300},
    }
    CollectPipeline.out = args.out
    start = time.perf_counter()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(OohSpider)
    process.crawl(crawler, sitemaps=args.sitemap)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    pages = int(stats.get("response_received_count", 0))
    return _report(args.out, pages, time.perf_counter() - start)


def reparse(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    items: list[dict[str, Any]] = []
    pages = 0
    for line in (args.html_dir / "urls.tsv").read_text().splitlines():
        name, url = line.split("\t")
        body = (args.html_dir / name).read_bytes()
        pages += 1
        item = parse_profile(HtmlResponse(url=url, body=body, encoding="utf-8"))
        if item is not None:
            items.append(item)
    write_parquet(items, args.out)
    return _report(args.out, pages, time.perf_counter() - start)


def _report(out: Path, pages: int, seconds: float) -> int:
    path = out / "careers.parquet"
    careers = pq.ParquetFile(path).metadata.num_rows if path.exists() else 0
    print(json.dumps({"pages": pages, "careers": careers, "seconds": round(seconds, 3)}))
    return 0 if careers else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("crawl", help="crawl sitemaps with a SitemapSpider")
    c.add_argument("--sitemap", action="append", required=True)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--concurrency", type=int, default=8, help="requests at once per host")
    c.add_argument("--delay", type=float, default=0.0, help="seconds between requests per host")
    c.add_argument("--jitter", type=float, default=0.0, help="up to +this fraction of the delay")
    c.add_argument("--ignore-robots", action="store_true")
    r = sub.add_parser("reparse", help="parse saved HTML files")
    r.add_argument("--html-dir", type=Path, required=True)
    r.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    return crawl(args) if args.command == "crawl" else reparse(args)


if __name__ == "__main__":
    sys.exit(main())
