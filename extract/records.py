"""Typed records that extract hands on: to the raw store, to transform, to the crawl log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Outcome(StrEnum):
    """What happened to one page in one run (the `pages.outcome` column)."""

    PARSED = "parsed"
    NOT_MODIFIED = "not_modified"  # 304: the stored body was reused and parsed
    FAILED_FETCH = "failed_fetch"
    FAILED_PARSE = "failed_parse"
    DISALLOWED = "disallowed"
    SKIPPED = "skipped"  # fetched, but not a career page (a listing, an index)


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The result of fetching one URL: a stored body, or the reason there is none.

    `outcome` is one of PARSED (meaning: body fetched, not yet parsed),
    NOT_MODIFIED, FAILED_FETCH or DISALLOWED; parsing settles the final outcome.
    """

    url: str
    outcome: Outcome
    status: int | None = None
    error: str | None = None
    fetched_at: datetime | None = None  # when the stored body was downloaded (UTC)
    content_sha256: str | None = None
    bytes: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None  # after redirects, when different from `url`
    attempts: int = 1
    transient: bool = False  # a FAILED_FETCH that a later retry may fix (timeout, 503, ...)

    @property
    def has_body(self) -> bool:
        return self.content_sha256 is not None and self.outcome in {
            Outcome.PARSED,
            Outcome.NOT_MODIFIED,
        }


@dataclass(frozen=True, slots=True)
class RawCareer:
    """One career page as published: strings and lists exactly as the page shows them.

    Nothing here is converted; transform turns text into numbers and keeps the
    text beside them. `rules` records which rule of which parser found each
    field (provenance for debugging).
    """

    url: str
    title: str
    parser: str  # "<name>/<version>", e.g. "sample/1"
    category: str | None = None
    summary: str | None = None
    salary_low: str | None = None
    salary_median: str | None = None
    salary_high: str | None = None
    salary_text: str | None = None  # all the salary text of the page, as one string
    # The words the page puts around its pay figures, as published ("Weekly pay",
    # "Wages ($/hour)", "All pay is shown in Australian dollars"), " | "-joined: where
    # transform reads a period or currency the figures themselves do not state.
    salary_context: str | None = None
    currency_hint: str | None = None  # ISO code the site states or implies, if any
    growth: str | None = None
    growth_context: str | None = None  # the growth label as published ("Job Outlook, 2024-34")
    outlook: str | None = None  # the site's own rating ("Good", "Very strong", "★★★☆☆")
    workers: str | None = None
    workers_context: str | None = None  # the label as published ("Number of Jobs, 2024")
    education: str | None = None
    environment: str | None = None
    technical_skills: tuple[str, ...] = ()
    people_skills: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()  # items of a tools / technology / software list
    duties: tuple[str, ...] = ()
    rules: tuple[tuple[str, str], ...] = field(default=())  # (field, rule) pairs
    # The occupation code(s) the page states or links, as published ("15-2011.00"), and
    # what the page says of their system ("O*NET-SOC", "SOC Code"); see extract/parse/codes.py.
    occupation_code: str | None = None
    occupation_code_system: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A fetched page after parsing: its crawl-log facts and, when it is one, the career."""

    page: FetchedPage
    outcome: Outcome
    career: RawCareer | None = None
    error: str | None = None
    parser: str | None = None


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What a run keeps of a page after parsing: its final state, without the career.

    Small, so a run of any size holds one per page (the careers go on, normalized, in
    batches): carry-forward, the summary and progress need nothing more.
    """

    url: str
    outcome: Outcome
    status: int | None = None
    error: str | None = None
    final_url: str | None = None
    transient: bool = False  # a failure that a later run may not meet (see FetchedPage)
    has_career: bool = False

    @classmethod
    def of(cls, parsed: ParsedPage) -> PageOutcome:
        page = parsed.page
        return cls(
            url=page.url,
            outcome=parsed.outcome,
            status=page.status,
            error=parsed.error or page.error,
            final_url=page.final_url,
            transient=page.transient,
            has_career=parsed.career is not None,
        )
