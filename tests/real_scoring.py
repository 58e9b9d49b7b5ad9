"""Published tables against expected.jsonl: the one scoring of the real pages.

Used by the end-to-end test (tables the Prefect flow published) and by
`benchmarks/real_accuracy.py` (tables built in-process, with or without the
template parsers). Expected values come from `tests.parse.golden.real_pages`,
so its ERRATA are applied here too and nowhere else.

What each expected field is, in the published tables (pages matched by URL
path, so a page served on 127.0.0.1 meets its real address):

- title, category, growth_pct, workers: the `careers` column of that name.
- growth_category: `careers.growth_category` as text.
- pay_annual: `salary_median` when `salary_period` is `year` (the page states
  annual pay); null otherwise.
- pay_hourly: the page's hourly median. Transform keeps one median per page:
  on an hourly-only page it is annualized (`salary_period` `hour`), so the
  hourly figure is `salary_median / 2080`, rounded to cents; on a page showing
  both figures the annual one wins and the hourly figure survives only in the
  published `salary_text`, where it is read ("$60.47 per hour"). It is not
  recomputed from the annual median: BLS rounds each figure on its own
  (tour guides: $36,660 a year, $17.63 an hour, 36660 / 2080 = 17.625).
- pay_at_least: `salary_is_floor`. pay_low / pay_high: `salary_low` /
  `salary_high`. currency: `salary_currency`.
- education: right when `education_text` is the phrase as shown *and*
  `education_level` is that phrase's level (the OOH phrases are the level
  names themselves, so the level must equal the lower-cased phrase).
  Expected null (a "See How to Become One" placeholder, NCS routes) means
  both columns null.
- n_tasks: the number of `career_duties` rows of the career (none: null).
- skills: the `career_skills` items (`item_text`, one per kind and
  item_position, people items before technical ones, in page order); an item
  split into several atomic skills still counts once. None: null.

Two expected fields describe a published amount and are not applicable on a
page that publishes none (fishers: empty pay cell; the military page):
`currency` and `pay_at_least` are scored as expected null there, so the
published tables must leave `salary_currency` and `salary_is_floor` null too.

Accuracy is over the (page, field) pairs whose expected value is not null;
the pairs whose expected value is null must be null in the tables ("no value
where the page has none"). A page with no `careers` row fails all its fields.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from extract.errors import NotACareerPage, ParseError
from extract.parse import parse_page
from extract.records import FetchedPage, Outcome, ParsedPage
from tests.parse.golden import REAL, RealPage, real_pages
from tests.realsite import LISTING_URLS
from transform.build import build_tables
from transform.money import HOURS_PER_YEAR
from transform.tables import Tables

FIELDS: tuple[str, ...] = (
    "title",
    "category",
    "currency",
    "pay_annual",
    "pay_hourly",
    "pay_at_least",
    "pay_low",
    "pay_high",
    "growth_pct",
    "growth_category",
    "education",
    "workers",
    "n_tasks",
    "skills",
)
_PAY = ("pay_annual", "pay_hourly", "pay_low", "pay_high")
_PER_AMOUNT = ("currency", "pay_at_least")
_HOURLY = re.compile(
    r"[$£€]\s*(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:per|an|a|/)\s*(?:hour|hr)\b", re.IGNORECASE
)
_KIND_ORDER = {"people": 0, "technical": 1}


@dataclass(frozen=True, slots=True)
class Check:
    """One (page, field): what expected.jsonl says and what the tables hold."""

    file: str
    field: str
    expected: Any
    published: Any

    @property
    def right(self) -> bool:
        return bool(self.expected == self.published)


@dataclass(frozen=True, slots=True)
class Score:
    """Every check of one set of tables; the accuracy and the failures are read off it."""

    checks: tuple[Check, ...]

    def valued(self) -> list[Check]:
        """Checks whose expected value is not null (the ones accuracy counts)."""
        return [c for c in self.checks if c.expected is not None]

    def accuracy(self) -> float:
        valued = self.valued()
        return sum(c.right for c in valued) / len(valued)

    def misses(self) -> list[Check]:
        """Expected a value, the tables hold another one (or none)."""
        return [c for c in self.valued() if not c.right]

    def invented(self) -> list[Check]:
        """The page has no value, the tables hold one anyway."""
        return [c for c in self.checks if c.expected is None and c.published is not None]

    def by_field(self) -> pd.DataFrame:
        """Per field: valued checks, right ones, accuracy, null checks, nulls kept null."""
        rows = []
        for name in FIELDS:
            mine = [c for c in self.checks if c.field == name]
            valued = [c for c in mine if c.expected is not None]
            nulls = [c for c in mine if c.expected is None]
            right = sum(c.right for c in valued)
            rows.append(
                {
                    "field": name,
                    "values": len(valued),
                    "right": right,
                    "accuracy": right / len(valued) if valued else math.nan,
                    "nulls": len(nulls),
                    "nulls_kept": sum(c.published is None for c in nulls),
                }
            )
        return pd.DataFrame(rows)

    def render(self, title: str) -> str:
        table = self.by_field()
        lines = [
            title,
            f"{'field':16s}{'right/values':>14s}{'accuracy':>10s}{'nulls kept':>12s}",
        ]
        for r in table.to_dict("records"):
            acc = "-" if math.isnan(r["accuracy"]) else f"{r['accuracy']:.3f}"
            right = f"{r['right']}/{r['values']}"
            kept = f"{r['nulls_kept']}/{r['nulls']}"
            lines.append(f"{r['field']:16s}{right:>14s}{acc:>10s}{kept:>12s}")
        valued = self.valued()
        lines.append(
            f"{'all':16s}{f'{sum(c.right for c in valued)}/{len(valued)}':>14s}"
            f"{self.accuracy():>10.3f}"
            f"{f'{table.nulls_kept.sum()}/{table.nulls.sum()}':>12s}"
        )
        lines += [
            f"  miss {c.file} {c.field}: expected {c.expected!r}, published {c.published!r}"
            for c in self.misses()
        ]
        lines += [
            f"  invented {c.file} {c.field}: published {c.published!r}" for c in self.invented()
        ]
        return "\n".join(lines)


def _plain(value: Any) -> Any:
    """A table cell as a plain Python value; every kind of null as None."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def expected_values(page: RealPage) -> dict[str, Any]:
    """expected.jsonl's values for the scored fields ([] and not-applicable as None)."""
    exp = page.expected
    out = {name: exp[name] for name in FIELDS}
    if all(exp[name] is None for name in _PAY):
        out.update(dict.fromkeys(_PER_AMOUNT))
    out["skills"] = tuple(exp["skills"]) if exp["skills"] else None
    out["n_tasks"] = exp["n_tasks"] or None
    return out


def _hourly(row: pd.Series) -> float | None:
    period, median = _plain(row["salary_period"]), _plain(row["salary_median"])
    if period == "hour" and median is not None:
        return round(float(median) / HOURS_PER_YEAR, 2)
    text = _plain(row["salary_text"])
    found = _HOURLY.search(text) if text else None
    return float(found.group(1).replace(",", "")) if found else None


def _education(row: pd.Series) -> Any:
    text, level = _plain(row["education_text"]), _plain(row["education_level"])
    if text is None and level is None:
        return None
    if text is not None and level == text.lower():
        return text
    return (text, level)  # a pair never equals an expected phrase: shown as the miss


def published_values(
    careers: pd.DataFrame, career_skills: pd.DataFrame, career_duties: pd.DataFrame
) -> dict[str, dict[str, Any]]:
    """URL path -> the scored fields as the published tables give them."""
    tasks = career_duties.groupby("career_id").size()
    items = career_skills.drop_duplicates(["career_id", "kind", "item_position"]).assign(
        _kind=lambda f: f["kind"].map(_KIND_ORDER)
    )
    items = items.sort_values(["career_id", "_kind", "item_position"], kind="stable")
    skills = items.groupby("career_id")["item_text"].agg(tuple)
    out: dict[str, dict[str, Any]] = {}
    for _, row in careers.iterrows():
        cid = row["career_id"]
        period = _plain(row["salary_period"])
        out[urlsplit(row["url"]).path] = {
            "title": _plain(row["title"]),
            "category": _plain(row["category"]),
            "currency": _plain(row["salary_currency"]),
            "pay_annual": _plain(row["salary_median"]) if period == "year" else None,
            "pay_hourly": _hourly(row),
            "pay_at_least": _plain(row["salary_is_floor"]),
            "pay_low": _plain(row["salary_low"]),
            "pay_high": _plain(row["salary_high"]),
            "growth_pct": _plain(row["growth_pct"]),
            "growth_category": _plain(row["growth_category"]),
            "education": _education(row),
            "workers": _plain(row["workers"]),
            "n_tasks": int(tasks[cid]) if cid in tasks.index else None,
            "skills": skills.get(cid),
        }
    return out


def score_tables(
    careers: pd.DataFrame,
    career_skills: pd.DataFrame,
    career_duties: pd.DataFrame,
    pages: Sequence[RealPage] | None = None,
) -> Score:
    """Every (page, field) of the real pages against the published tables."""
    published = published_values(careers, career_skills, career_duties)
    checks = []
    for page in pages if pages is not None else real_pages():
        got = published.get(urlsplit(page.url).path)
        for name, expected in expected_values(page).items():
            if got is None:  # no row at all: wrong whatever was expected
                checks.append(Check(page.file, name, expected, "<no careers row>"))
            else:
                checks.append(Check(page.file, name, expected, got[name]))
    return Score(tuple(checks))


# -- the same pages without HTTP or Prefect: parse in-process, then the real transform -----

FIXED_TIME = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
RUN_ID = "20261128T060000Z-000000"


def _parsed(url: str, html: str, *, templates: bool, structured: bool) -> ParsedPage:
    page = FetchedPage(
        url=url, outcome=Outcome.PARSED, status=200, fetched_at=FIXED_TIME,
        content_sha256="0" * 64, bytes=len(html.encode()),
    )  # fmt: skip
    try:
        career = parse_page(html, url, templates=templates, structured=structured)
    except NotACareerPage as exc:
        return ParsedPage(page=page, outcome=Outcome.SKIPPED, error=str(exc))
    except ParseError as exc:
        return ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error=str(exc))
    return ParsedPage(page=page, outcome=Outcome.PARSED, career=career, parser=career.parser)


def tables_in_process(
    *,
    templates: bool = True,
    structured: bool = True,
    rewrite: Callable[[str], str] | None = None,
) -> Tables:
    """The real pages and listings parsed directly and built into tables by transform.

    `rewrite` changes each page's HTML first (e.g. `golden.strip_ids_and_classes`).
    """
    bodies = [(p.url, p.html) for p in real_pages()]
    bodies += [(url, (REAL / f).read_text(encoding="utf-8")) for f, url in LISTING_URLS.items()]
    parsed = [
        _parsed(url, rewrite(html) if rewrite else html, templates=templates, structured=structured)
        for url, html in bodies
    ]
    return build_tables(parsed, run_id=RUN_ID)


def score(tables: Tables) -> Score:
    return score_tables(tables.careers, tables.career_skills, tables.career_duties)


def pay_violations(careers: pd.DataFrame) -> list[tuple[str, str, Any, Any]]:
    """(page, field, expected, published) for every published pay value that is not what the
    real page states: an amount in another period (an hourly figure as a salary), another
    currency, or a figure the page does not show. Nulls are no violation."""
    pages = {urlsplit(p.url).path: p for p in real_pages()}
    out = []
    for _, row in careers.iterrows():
        page = pages.get(urlsplit(row["url"]).path)
        if page is None:
            continue
        e = page.expected
        period, median = _plain(row["salary_period"]), _plain(row["salary_median"])
        if period is not None and period not in {"year", "hour"}:
            out.append((page.file, "salary_period", "year or hour", period))
        if median is not None:
            if period == "year" and median != e["pay_annual"]:
                out.append((page.file, "salary_median", e["pay_annual"], median))
            if period == "hour" and round(median / HOURS_PER_YEAR, 2) != e["pay_hourly"]:
                out.append((page.file, "salary_median", e["pay_hourly"], median))
        for field, key in (("salary_low", "pay_low"), ("salary_high", "pay_high")):
            got = _plain(row[field])
            if got is not None and got != e[key]:
                out.append((page.file, field, e[key], got))
        currency = _plain(row["salary_currency"])
        if currency is not None and currency != e["currency"]:
            out.append((page.file, "salary_currency", e["currency"], currency))
    return out
