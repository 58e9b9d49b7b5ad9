"""Published tables against the corpus truth: per layout and per field.

A check is one (page, field). Accuracy counts the checks whose expected value
is not null (the page shows it); an expected null must stay null, and a value
published there is *invented* (listed separately, never hidden in a rate).
A page with no careers row fails every field it shows. Pay amounts match
within a cent; lists match exactly, in page order.

`tables_in_process` parses the pages directly and builds the tables with the
real transform (a quick loop); the benchmark and the end-to-end test score
tables the Prefect flow published.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from extract.errors import NotACareerPage, ParseError
from extract.parse import parse_page
from extract.records import FetchedPage, Outcome, ParsedPage
from extract.urls import canonicalize
from tests.corpus.build import Corpus
from tests.corpus.model import FIELDS
from transform.build import build_tables
from transform.tables import Tables

_MONEY = ("salary_low", "salary_median", "salary_high")
_NO_ROW = "<no careers row>"


@dataclass(frozen=True, slots=True)
class Check:
    layout: str
    url: str
    field: str
    expected: Any
    published: Any

    @property
    def right(self) -> bool:
        e, p = self.expected, self.published
        if self.field in _MONEY and isinstance(e, float) and isinstance(p, float):
            return abs(e - p) < 0.011
        return bool(e == p)


@dataclass(frozen=True, slots=True)
class Score:
    checks: tuple[Check, ...]

    def valued(self, layout: str | None = None, field: str | None = None) -> list[Check]:
        return [
            c
            for c in self.checks
            if c.expected is not None and layout in (None, c.layout) and field in (None, c.field)
        ]

    def accuracy(self, layout: str | None = None, field: str | None = None) -> float:
        valued = self.valued(layout, field)
        return sum(c.right for c in valued) / len(valued) if valued else math.nan

    def invented(self, layout: str | None = None) -> list[Check]:
        return [
            c
            for c in self.checks
            if c.expected is None and c.published is not None and layout in (None, c.layout)
        ]

    def misses(self) -> list[Check]:
        return [c for c in self.valued() if not c.right]

    def layouts(self) -> list[str]:
        return list(dict.fromkeys(c.layout for c in self.checks))

    def render(self, title: str, *, misses: int = 0) -> str:
        lines = [title, f"{'layout':14s}{'right/values':>14s}{'accuracy':>10s}{'invented':>10s}"]
        for layout in self.layouts():
            v = self.valued(layout)
            lines.append(
                f"{layout:14s}{f'{sum(c.right for c in v)}/{len(v)}':>14s}"
                f"{self.accuracy(layout):>10.3f}{len(self.invented(layout)):>10d}"
            )
        v = self.valued()
        lines.append(
            f"{'all':14s}{f'{sum(c.right for c in v)}/{len(v)}':>14s}"
            f"{self.accuracy():>10.3f}{len(self.invented()):>10d}"
        )
        lines += ["", f"{'field':18s}{'right/values':>14s}{'accuracy':>10s}{'invented':>10s}"]
        for field in FIELDS:
            v = self.valued(field=field)
            inv = [c for c in self.invented() if c.field == field]
            acc = f"{self.accuracy(field=field):.3f}" if v else "-"
            lines.append(
                f"{field:18s}{f'{sum(c.right for c in v)}/{len(v)}':>14s}{acc:>10s}{len(inv):>10d}"
            )
        for c in self.misses()[:misses]:
            lines.append(
                f"  miss {c.layout} {c.url} {c.field}: expected {c.expected!r}, "
                f"published {c.published!r}"
            )
        for c in self.invented()[:misses]:
            lines.append(f"  invented {c.layout} {c.url} {c.field}: published {c.published!r}")
        return "\n".join(lines)


def _plain(value: Any) -> Any:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _items(frame: pd.DataFrame, kind: str, column: str) -> pd.Series:
    rows = frame[frame["kind"] == kind].drop_duplicates(["career_id", "item_position"])
    rows = rows.sort_values(["career_id", "item_position"], kind="stable")
    return rows.groupby("career_id")[column].agg(tuple)


def published_values(
    careers: pd.DataFrame, skills: pd.DataFrame, duties: pd.DataFrame
) -> dict[str, dict[str, Any]]:
    """Canonical URL -> FIELDS as the published tables give them."""
    duty_lists = (
        duties.sort_values(["career_id", "position"]).groupby("career_id")["duty"].agg(tuple)
    )
    technical = _items(skills, "technical", "item_text")
    people = _items(skills, "people", "item_text")
    people_names = _items(skills, "people", "skill")
    out: dict[str, dict[str, Any]] = {}
    for _, row in careers.iterrows():
        cid = row["career_id"]

        def get(c: str, row: pd.Series = row) -> Any:
            return _plain(row[c]) if c in row else None

        start, end = get("growth_period_start"), get("growth_period_end")
        text, level = get("education_text"), get("education_level")
        out[canonicalize(row["url"])] = {
            "title": get("title"),
            "category": get("category"),
            **{c: (float(get(c)) if get(c) is not None else None) for c in _MONEY},
            "salary_currency": get("salary_currency"),
            "salary_period": get("salary_period"),
            "salary_is_floor": get("salary_is_floor"),
            "growth_pct": get("growth_pct"),
            "growth_category": get("growth_category"),
            "growth_outlook": get("growth_outlook"),
            "growth_years": (start, end) if start is not None and end is not None else None,
            "workers": get("workers"),
            "workers_year": get("workers_year"),
            "education": (text, level) if text is not None or level is not None else None,
            "environment": get("environment"),
            "duties": duty_lists.get(cid),
            "skills_technical": technical.get(cid),
            "skills_people": people.get(cid),
            "skill_names": people_names.get(cid),
        }
    return out


def score_tables(
    careers: pd.DataFrame,
    skills: pd.DataFrame,
    duties: pd.DataFrame,
    truth: dict[str, tuple[str, dict[str, Any]]],
) -> Score:
    """Every (page, field) of the corpus (`truth`: canonical URL -> (layout, truth))."""
    published = published_values(careers, skills, duties)
    checks = []
    for url, (layout, expected) in truth.items():
        got = published.get(url)
        for field in FIELDS:
            exp = expected[field]
            if field == "skill_names" and exp is None:
                continue  # scored only where the page lists sentence skills
            # No row: wrong where the page shows a value, nothing invented where it shows none.
            value = (None if exp is None else _NO_ROW) if got is None else got[field]
            checks.append(Check(layout, url, field, exp, value))
    return Score(tuple(checks))


# -- in-process: parse directly, then the real transform -----------------------------------------

FIXED_TIME = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)


def local_urls(corpus: Corpus) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """Canonical URL -> (layout, html, truth), one 127.0.0.1 port per layout (as served)."""
    ports = {layout: 40000 + i for i, layout in enumerate(corpus.layouts())}
    return {
        canonicalize(f"http://127.0.0.1:{ports[p.layout]}{p.path}"): (p.layout, p.html, p.truth)
        for p in corpus.pages
    }


def _parsed(url: str, html: str, parse: Callable[[str, str], Any]) -> ParsedPage:
    page = FetchedPage(
        url=url,
        outcome=Outcome.PARSED,
        status=200,
        fetched_at=FIXED_TIME,
        content_sha256="0" * 64,
        bytes=len(html),
    )
    try:
        career = parse(html, url)
    except NotACareerPage as exc:
        return ParsedPage(page=page, outcome=Outcome.SKIPPED, error=str(exc))
    except ParseError as exc:
        return ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error=str(exc))
    return ParsedPage(page=page, outcome=Outcome.PARSED, career=career, parser=career.parser)


def tables_in_process(
    corpus: Corpus, parse: Callable[[str, str], Any] = parse_page, default_currency: str = "USD"
) -> tuple[Tables, dict[str, tuple[str, dict[str, Any]]]]:
    pages = local_urls(corpus)
    parsed = [_parsed(url, html, parse) for url, (_, html, _) in pages.items()]
    tables = build_tables(
        parsed, run_id="20261128T060000Z-000000", default_currency=default_currency
    )
    return tables, {url: (layout, truth) for url, (layout, _, truth) in pages.items()}


def score_in_process(corpora: Sequence[Corpus], **kwargs: Any) -> Score:
    checks: list[Check] = []
    for corpus in corpora:
        t, truth = tables_in_process(corpus, **kwargs)
        checks.extend(score_tables(t.careers, t.career_skills, t.career_duties, truth).checks)
    return Score(tuple(checks))


# -- the pay rule: no published figure in a wrong period or currency ------------------------------

_PAY_FIELDS = ("salary_low", "salary_median", "salary_high", "salary_currency", "salary_period")


def pay_violations(
    careers: pd.DataFrame, truth: dict[str, tuple[str, dict[str, Any]]]
) -> list[tuple[str, str, Any, Any]]:
    """(url, field, expected, published) for every published pay value that is not the page's:
    an amount, currency or period the page does not state. Nulls are no violation."""
    out = []
    for _, row in careers.iterrows():
        url = canonicalize(row["url"])
        if url not in truth:
            continue
        expected = truth[url][1]
        for field in _PAY_FIELDS:
            got, exp = _plain(row[field]), expected[field]
            if got is None:
                continue
            if field in _MONEY:
                wrong = exp is None or abs(float(got) - float(exp)) >= 0.011
            else:
                wrong = got != exp
            if wrong:
                out.append((url, field, exp, got))
    return out
