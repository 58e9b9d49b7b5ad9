"""What a corpus page shows (`Facts`) and what the pipeline must publish for it (`Truth`).

Facts hold the values *and* the display decisions that change what a careful
person reads off the page (a growth band is no single percent; a percentile
column is no low/high; the annual figure wins when hourly pay is shown too).
Truth is computed from the facts alone, never from the rendered HTML or the
pipeline, by the rules of the issue:

- pay is annualized by 2,080 h, 260 d, 52 w, 12 m; when a yearly figure is
  shown beside another period, the yearly one is published; "or more" / "+" /
  "at least" set the floor flag; percentiles are not a range;
- growth_pct only where the page states one percent (a band is none);
  growth_category only where the page's words name a BLS category; a site's
  own rating goes to growth_outlook as its words ("N out of 5 stars" for stars);
- projection years and the workers' year only where the page states them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


@dataclass(frozen=True, slots=True)
class Locale:
    code: str  # US, UK, CA, AU, NZ
    currency: str  # ISO 4217
    lang: str  # BCP 47, e.g. en-AU
    symbol: str  # "$" or "£"
    prefixed: str  # the unambiguous symbol: US$, £, C$, A$, NZ$
    words: str  # "Australian dollars"
    domain: str  # a country domain for canonical links
    country: str  # "Australia"


LOCALES: dict[str, Locale] = {
    "US": Locale(
        "US", "USD", "en-US", "$", "US$", "US dollars", "careers.example.gov", "the United States"
    ),
    "UK": Locale(
        "UK", "GBP", "en-GB", "£", "£", "pounds sterling", "careers.example.org.uk", "the UK"
    ),
    "CA": Locale(
        "CA", "CAD", "en-CA", "$", "C$", "Canadian dollars", "jobs.example.gc.ca", "Canada"
    ),
    "AU": Locale(
        "AU", "AUD", "en-AU", "$", "A$", "Australian dollars", "careers.example.gov.au", "Australia"
    ),
    "NZ": Locale(
        "NZ",
        "NZD",
        "en-NZ",
        "$",
        "NZ$",
        "New Zealand dollars",
        "careers.example.govt.nz",
        "New Zealand",
    ),
}


@dataclass(frozen=True, slots=True)
class Pay:
    """Figures in one period as the page states them (amounts per `period`)."""

    period: str
    median: float | None = None
    low: float | None = None
    high: float | None = None
    percentiles: tuple[tuple[int, float], ...] = ()  # (10, x), (25, x), ...: shown, not a range


@dataclass(frozen=True, slots=True)
class Salary:
    currency: str
    shown: tuple[Pay, ...]  # every period the page shows, primary first
    floor: bool = False  # "$239,200 or more"
    number_style: str = "comma"  # comma | plain | k | K | cents
    symbol_style: str = "symbol"  # symbol | prefixed | code-before | code-after | words
    evidence: str = "none"  # how a "$" page says which dollar: lang, og-locale, canonical, ...

    def published(self) -> Pay:
        """The figures the dataset must hold: the yearly ones when shown, else the primary."""
        for pay in self.shown:
            if pay.period == "year":
                return pay
        return self.shown[0]


@dataclass(frozen=True, slots=True)
class Growth:
    style: str  # pct-cat | cat | prose | band | pct | rating | stars | rating+pct
    pct: float | None = None
    category: str | None = None  # the BLS category the words name
    band: tuple[int, int] | None = None
    years: tuple[int, int] | None = None  # shown projection period
    years_in: str | None = None  # label | value | None
    rating: str | None = None  # "Good", "Bright", ...
    stars: int | None = None  # of 5


@dataclass(frozen=True, slots=True)
class Workers:
    value: int
    style: str  # comma | K | million | about | words
    year: int | None = None
    year_in: str | None = None  # label | value | None


@dataclass(frozen=True, slots=True)
class Skills:
    technical: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()  # a separate tools/technology list: kind technical, type tool
    sentence_names: tuple[str, ...] = ()  # canonical skills of sentence items (people), if any


@dataclass(frozen=True, slots=True)
class Facts:
    """One page's content and display decisions."""

    slug: str
    locale: Locale
    title: str
    category: str | None
    summary: str
    salary: Salary | None
    growth: Growth | None
    workers: Workers | None
    education: tuple[str, str] | None  # (text as shown, level)
    environment: str | None
    duties: tuple[str, ...]
    skills: Skills = field(default_factory=Skills)

    def without(self, *names: str) -> Facts:
        """These facts with the named ones not shown by a layout."""
        empty: dict[str, Any] = {
            n: (Skills() if n == "skills" else () if n == "duties" else None) for n in names
        }
        return replace(self, **empty)


FIELDS: tuple[str, ...] = (
    "title",
    "category",
    "salary_low",
    "salary_median",
    "salary_high",
    "salary_currency",
    "salary_period",
    "salary_is_floor",
    "growth_pct",
    "growth_category",
    "growth_outlook",
    "growth_years",
    "workers",
    "workers_year",
    "education",
    "environment",
    "duties",
    "skills_technical",
    "skills_people",
    "skill_names",
)


def _annual(amount: float | None, period: str) -> float | None:
    return None if amount is None else round(amount * PER_YEAR[period], 2)


def truth(facts: Facts) -> dict[str, Any]:
    """FIELDS -> the value the published tables must hold (None: must be null)."""
    out: dict[str, Any] = dict.fromkeys(FIELDS)
    out["title"] = facts.title
    out["category"] = facts.category
    if facts.salary is not None:
        pay = facts.salary.published()
        out.update(
            salary_low=_annual(pay.low, pay.period),
            salary_median=_annual(pay.median, pay.period),
            salary_high=_annual(pay.high, pay.period),
            salary_currency=facts.salary.currency,
            salary_period=pay.period,
            salary_is_floor=facts.salary.floor,
        )
    g = facts.growth
    if g is not None:
        if g.style in {"pct-cat", "prose", "pct", "rating+pct"}:
            out["growth_pct"] = g.pct
        if g.style in {"pct-cat", "cat", "prose", "band"}:
            out["growth_category"] = g.category
        if g.style in {"rating", "rating+pct"}:
            out["growth_outlook"] = g.rating
        if g.style == "stars":
            out["growth_outlook"] = f"{g.stars} out of 5 stars"
        if g.years_in is not None and g.years is not None:
            out["growth_years"] = g.years
    if facts.workers is not None:
        out["workers"] = facts.workers.value
        if facts.workers.year_in is not None:
            out["workers_year"] = facts.workers.year
    if facts.education is not None:
        out["education"] = facts.education
    out["environment"] = facts.environment
    out["duties"] = facts.duties or None
    tech = facts.skills.technical + facts.skills.tools
    out["skills_technical"] = tech or None
    out["skills_people"] = facts.skills.people or None
    out["skill_names"] = facts.skills.sentence_names or None
    return out
