"""One typed settings model for a run, built once at the entry point and passed down.

Precedence: defaults < TOML file (`--config`) < environment (`CAREERS_ETL_...`,
nested with `__`) < CLI flags. Unknown keys and bad values are errors that name
the key. Polite crawling defaults live here and only here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from core.store import is_remote, local_path

ENV_PREFIX = "CAREERS_ETL_"


class _Strict(BaseModel):
    # inf and nan are never a setting: `keep_days = inf` would overflow a date far later.
    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=True, allow_inf_nan=False
    )


def _start_urls(value: object) -> object:
    """A single URL where a list belongs is a list of one (`..._START_URLS=https://...`);
    a URL written without its scheme gets a hint instead of pydantic's "relative URL"."""
    urls = (value,) if isinstance(value, str) else value
    if isinstance(urls, list | tuple):
        for url in urls:
            if isinstance(url, str) and _SCHEMELESS.fullmatch(url):
                raise ValueError(f"{url!r} is not a URL: did you mean 'https://{url}'?")
    return urls


def _no_credentials(url: HttpUrl) -> HttpUrl:
    if url.username or url.password:
        raise ValueError("a URL with credentials (user:password@) is not allowed")
    return url


_SCHEMELESS = re.compile(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?]\S*)?")  # "example.org/jobs"
StartUrls = Annotated[tuple[HttpUrl, ...], BeforeValidator(_start_urls)]
_HEADER_TEXT = re.compile(r"[\x20-\x7e]+")  # printable ASCII: what an HTTP header may carry
_PREFECT_NAME_FORBIDDEN = re.compile(r"[/%&<>]")
# tcp:// or tls://, a host name, IPv4 or [IPv6] address, and a port.
_DASK_ADDRESS = re.compile(r"(tcp|tls)://([\w.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}")


def prefect_name(value: str) -> str:
    """A name Prefect takes for a deployment or a work pool."""
    if _PREFECT_NAME_FORBIDDEN.search(value):
        raise ValueError("must not contain / % & < or >")
    return value


class CrawlSettings(_Strict):
    """How we fetch: polite by default, each knob overridable."""

    user_agent: str = (
        "careers-etl/0.1 (+https://github.com/careers-etl/careers-etl; data pipeline for"
        " public career profiles)"
    )
    obey_robots: bool = True
    per_host_concurrency: Annotated[int, Field(ge=1, le=16)] = 1
    per_host_delay: Annotated[float, Field(ge=0, le=120)] = 1.0  # seconds between requests
    delay_jitter: Annotated[float, Field(ge=0, le=1)] = 0.2  # up to +fraction of the delay
    max_crawl_delay: Annotated[float, Field(ge=0, le=600)] = 30.0  # cap on robots Crawl-delay
    connect_timeout: Annotated[float, Field(gt=0, le=300)] = 10.0
    read_timeout: Annotated[float, Field(gt=0, le=300)] = 20.0
    total_timeout: Annotated[float, Field(gt=0, le=1800)] = 60.0  # per request, all bytes
    max_body_bytes: Annotated[int, Field(ge=1024)] = 5 * 1024 * 1024
    max_redirects: Annotated[int, Field(ge=0, le=30)] = 5
    max_retries: Annotated[int, Field(ge=0, le=20)] = 4
    backoff_base: Annotated[float, Field(ge=0, le=60)] = 0.5  # first retry gap, seconds
    backoff_max: Annotated[float, Field(ge=0, le=600)] = 30.0  # cap on one gap
    retry_budget: Annotated[float, Field(ge=0, le=3600)] = 120.0  # total retry wait per page
    max_retry_after: Annotated[float, Field(ge=0, le=3600)] = 60.0  # cap on Retry-After
    max_pages_per_host: Annotated[int, Field(ge=1)] = 10_000
    max_discovery_pages: Annotated[int, Field(ge=0)] = 500  # sitemaps + index pages per host
    batch_size: Annotated[int, Field(ge=1, le=5000)] = 100  # pages per Prefect task
    parse_workers: Annotated[int | None, Field(ge=1, le=256)] = None  # None: one per core
    parse_budget: Annotated[float, Field(gt=0, le=3600)] = 20.0  # seconds a page may take
    # Where reparse parses: "local" (the worker processes above) or "dask" (a Dask cluster:
    # the scheduler at dask_address, or a LocalCluster on this machine when it is None).
    task_runner: Literal["local", "dask"] = "local"
    dask_address: str | None = None  # tcp://host:port of a Dask scheduler
    # A sharded ingest (flows/shards.py): hosts split into `shards` crawl-shard flow runs
    # on the Prefect work pool `work_pool`; 1 crawls in the ingest's own process.
    shards: Annotated[int, Field(ge=1, le=1024)] = 1
    work_pool: Annotated[str, Field(min_length=1, max_length=100)] = "careers-etl"
    shard_heartbeat: Annotated[float, Field(ge=1, le=3600)] = 60.0  # silent this long: dead
    shard_attempts: Annotated[int, Field(ge=1, le=10)] = 2  # flow runs per shard, at most
    shard_start_timeout: Annotated[float, Field(ge=1, le=86400)] = 900.0  # wait for a worker

    _pool_name = field_validator("work_pool")(prefect_name)

    @field_validator("user_agent")
    @classmethod
    def _header_safe(cls, value: str) -> str:
        if not _HEADER_TEXT.fullmatch(value):
            raise ValueError("must be non-empty printable ASCII (no newline, tab or accents)")
        return value

    @field_validator("dask_address")
    @classmethod
    def _scheduler_address(cls, value: str | None) -> str | None:
        if value is not None and not _DASK_ADDRESS.fullmatch(value):
            raise ValueError(
                f"not a Dask scheduler address: {value!r} (e.g. 'tcp://10.0.0.5:8786')"
            )
        return value

    @model_validator(mode="after")
    def _address_needs_dask(self) -> CrawlSettings:
        if self.dask_address is not None and self.task_runner != "dask":
            raise ValueError("dask_address is set but task_runner is 'local' (set it to 'dask')")
        return self


# Fields a site's rules may read (`[[sites]]` `fields.<name>`): RawCareer's text fields.
SITE_RULE_FIELDS: tuple[str, ...] = (
    "title", "category", "summary", "salary_low", "salary_median", "salary_high", "growth",
    "outlook", "workers", "education", "environment", "duties", "technical_skills",
    "people_skills", "tools",
)  # fmt: skip


class FieldRule(_Strict):
    """Where one field's value is on a site's pages: a CSS selector, or a label to look for."""

    css: str | None = None
    label: Annotated[str, Field(min_length=1, max_length=80)] | None = None

    @model_validator(mode="after")
    def _one_way(self) -> FieldRule:
        if (self.css is None) == (self.label is None):
            raise ValueError("give exactly one of css or label")
        if self.css is not None:
            from selectolax.lexbor import LexborHTMLParser

            try:
                LexborHTMLParser("<p></p>").css(self.css)
            except Exception as exc:  # selectolax raises its own bare error
                raise ValueError(f"not a CSS selector: {self.css!r}") from exc
        return self


class SiteProfile(_Strict):
    """One site: where its pages come from, which links are profile pages, how to read them."""

    name: str | None = None
    start_urls: StartUrls = ()  # profile pages, index pages or sitemaps
    profile_pattern: str | None = None  # regex a link must match to count as a profile page
    allow_cross_host_redirects: bool = False
    allow_private_addresses: bool | None = None  # None: allowed only if the source is private
    # Currency of this site's "$" and bare amounts when its pages state none.
    default_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    # Per-field rules that override the generic reader on this site's pages.
    fields: dict[str, FieldRule] = {}

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: dict[str, FieldRule]) -> dict[str, FieldRule]:
        unknown = sorted(set(value) - set(SITE_RULE_FIELDS))
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r} (one of {', '.join(SITE_RULE_FIELDS)})")
        return value

    @field_validator("start_urls")
    @classmethod
    def _plain_urls(cls, value: tuple[HttpUrl, ...]) -> tuple[HttpUrl, ...]:
        return tuple(_no_credentials(url) for url in value)

    @field_validator("profile_pattern")
    @classmethod
    def _valid_regex(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value:
            raise ValueError("an empty pattern matches every link; leave it out instead")
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class SourceSettings(SiteProfile):
    """The sources given on the command line (or `[source]`), and run-wide source defaults."""

    # The run's default: amounts with no currency on pages of sites that set none.
    default_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    # The run's sites are the dataset's only sites: careers of hosts they do not name are
    # dropped instead of kept (--replace-sources).
    replace_sources: bool = False


class QualitySettings(_Strict):
    """Quality gates: a run beyond these shares fails without publishing."""

    max_reject_share: Annotated[float, Field(ge=0, le=1)] = 0.2
    max_failed_page_share: Annotated[float, Field(ge=0, le=1)] = 0.5
    # A version may drop at most this share of the latest version's careers...
    max_removed_share: Annotated[float, Field(ge=0, le=1)] = 0.2
    allow_removals: bool = False  # ...unless a person accepts it (--allow-removals)
    fill_rate_drop_warning: Annotated[float, Field(ge=0, le=1)] = 0.2


class LoadSettings(_Strict):
    """Where and how versions are kept."""

    keep_last: Annotated[int | None, Field(ge=1)] = None
    keep_days: Annotated[float | None, Field(gt=0)] = None
    # Raw bodies no kept version needs and no fetch of the last N days names are removed.
    raw_keep_days: Annotated[float | None, Field(gt=0)] = None


class ScheduleSettings(_Strict):
    """When the served deployment runs (`python -m flows.ingest --serve`)."""

    cron: str = "0 3 * * *"  # daily at 03:00
    timezone: str = "UTC"
    deployment_name: Annotated[str, Field(min_length=1, max_length=100)] = "careers-etl-scheduled"

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. 'UTC', 'Europe/London')") from None
        return value

    _deployment_name = field_validator("deployment_name")(prefect_name)

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        from cronsim import CronSim, CronSimError

        try:
            CronSim(value, datetime.now(UTC))
        except CronSimError as exc:
            raise ValueError(f"not a cron expression: {value!r} ({exc})") from exc
        return value


class Settings(_Strict):
    """Everything one run needs. Build with `core.config.load_settings`."""

    data_dir: Path | str = Path("data")  # a folder, or s3://bucket/prefix (kept a string)
    crawl: CrawlSettings = CrawlSettings()
    source: SourceSettings = SourceSettings()
    quality: QualitySettings = QualitySettings()
    load: LoadSettings = LoadSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    sites: tuple[SiteProfile, ...] = ()  # site profiles (`[[sites]]` in the config file)

    @field_validator("data_dir", mode="before")
    @classmethod
    def _usable_path(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError("must not be empty")
        if "\x00" in str(value):
            raise ValueError("must not contain a NUL character")
        if isinstance(value, str) and "://" in value:
            if is_remote(value):
                if not value.removeprefix("s3://").strip("/"):
                    raise ValueError("an s3:// data dir needs a bucket: s3://bucket/prefix")
                return value.rstrip("/")
            if not value.startswith("file://"):
                raise ValueError(f"unknown scheme in {value!r} (a path, file:// or s3://)")
        return local_path(value) if isinstance(value, str | Path) else value

    @field_validator("sites")
    @classmethod
    def _complete_sites(cls, value: tuple[SiteProfile, ...]) -> tuple[SiteProfile, ...]:
        names = [site.name for site in value if site.name]
        for i, site in enumerate(value):
            if not site.start_urls:
                raise ValueError(f"site {i} ({site.name or 'unnamed'}) has no start_urls")
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"site names must be unique: {', '.join(repeated)}")
        return value

    @property
    def sources(self) -> tuple[SiteProfile, ...]:
        """Every site to crawl: the command line's start URLs, then the configured profiles."""
        return tuple(s for s in (self.source, *self.sites) if s.start_urls)

    @property
    def remote(self) -> bool:
        """Whether the data dir is object storage (s3://)."""
        return is_remote(self.data_dir)

    @property
    def raw_dir(self) -> Path | str:
        return self._under("raw")

    @property
    def parquet_dir(self) -> Path | str:
        return self._under("parquet")

    def _under(self, name: str) -> Path | str:
        if isinstance(self.data_dir, str):
            return f"{self.data_dir}/{name}"
        return self.data_dir / name
