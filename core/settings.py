"""One typed settings model for a run, built once at the entry point and passed down.

Precedence: defaults < TOML file (`--config`) < environment (`CAREERS_ETL_...`,
nested with `__`) < CLI flags. Unknown keys and bad values are errors that name
the key. Polite crawling defaults live here and only here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

ENV_PREFIX = "CAREERS_ETL_"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


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
    start_urls: tuple[HttpUrl, ...] = ()  # profile pages, index pages or sitemaps
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


class SourceSettings(SiteProfile):
    """The sources given on the command line (or `[source]`), and run-wide source defaults."""

    # The run's default: amounts with no currency on pages of sites that set none.
    default_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"


class QualitySettings(_Strict):
    """Quality gates: a run beyond these shares fails without publishing."""

    max_reject_share: Annotated[float, Field(ge=0, le=1)] = 0.2
    max_failed_page_share: Annotated[float, Field(ge=0, le=1)] = 0.5
    fill_rate_drop_warning: Annotated[float, Field(ge=0, le=1)] = 0.2


class LoadSettings(_Strict):
    """Where and how versions are kept."""

    keep_last: Annotated[int | None, Field(ge=1)] = None
    keep_days: Annotated[float | None, Field(gt=0)] = None


class ScheduleSettings(_Strict):
    """When the served deployment runs (`python -m flows.ingest --serve`)."""

    cron: str = "0 3 * * *"  # daily at 03:00
    timezone: str = "UTC"
    deployment_name: str = "careers-etl-scheduled"

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

    data_dir: Path = Path("data")
    crawl: CrawlSettings = CrawlSettings()
    source: SourceSettings = SourceSettings()
    quality: QualitySettings = QualitySettings()
    load: LoadSettings = LoadSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    sites: tuple[SiteProfile, ...] = ()  # site profiles (`[[sites]]` in the config file)

    @property
    def sources(self) -> tuple[SiteProfile, ...]:
        """Every site to crawl: the command line's start URLs, then the configured profiles."""
        return tuple(s for s in (self.source, *self.sites) if s.start_urls)

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def parquet_dir(self) -> Path:
        return self.data_dir / "parquet"
