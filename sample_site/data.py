"""The sample site's content, read from `careers.json` into frozen records.

`careers.json` is the single source of truth: the pages are rendered from it
and the test truth is computed from it. Each value is stored twice, as the
page displays it (`text`) and as its true, canonical value, so the expected
output of every pipeline stage is known without running the pipeline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from core.errors import CareersEtlError
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS

T = TypeVar("T")

DATA_FILE = Path(__file__).with_name("careers.json")

ENVIRONMENTS = ("indoor", "outdoor", "mixed")
SALARY_STYLES = ("k", "K", "comma", "hr", "per hour")
WORKER_STYLES = ("K", "k", "M", "comma")
SKILL_TYPES = ("skill", "tool")


class SampleDataError(CareersEtlError):
    """`careers.json` does not hold what the sample site needs; names the entry."""


@dataclass(frozen=True, slots=True)
class Pay:
    """One salary figure: `text` as displayed ("$38.50/hr"), `annual` the true yearly amount."""

    annual: float
    text: str


@dataclass(frozen=True, slots=True)
class Salary:
    """The salary block. `period` is how the page states pay: "year" or "hour"."""

    period: str
    style: str  # one of SALARY_STYLES: how the figures are written
    low: Pay | None
    median: Pay | None
    high: Pay | None

    def points(self) -> tuple[tuple[str, Pay], ...]:
        """The published figures in page order, labelled as on the page."""
        pairs = (("Low", self.low), ("Median", self.median), ("High", self.high))
        return tuple((label, pay) for label, pay in pairs if pay is not None)


@dataclass(frozen=True, slots=True)
class Growth:
    category: str  # one of load.schema.GROWTH_LEVELS
    text: str  # as displayed, e.g. "MUCH FASTER THAN AVERAGE"
    casing: str  # lower | sentence | upper | title


@dataclass(frozen=True, slots=True)
class Workers:
    value: int
    text: str  # as displayed: "175K", "1.2M", "8,400"
    style: str  # one of WORKER_STYLES


@dataclass(frozen=True, slots=True)
class Education:
    text: str  # free text as displayed
    level: str  # one of load.schema.EDUCATION_LEVELS (the lowest level the text states)


@dataclass(frozen=True, slots=True)
class Skill:
    name: str  # canonical atomic name ("PostgreSQL" for an item that says "Postgres")
    type: str  # "skill" or "tool"


@dataclass(frozen=True, slots=True)
class SkillItem:
    """A list item as published and the canonical atomic skills it contains, in order."""

    text: str
    skills: tuple[Skill, ...]


@dataclass(frozen=True, slots=True)
class Career:
    """One occupation profile; `None` / `()` means the page does not publish that section."""

    slug: str
    title: str
    category: str
    summary: str
    updated: date  # the page's Last-Modified date
    salary: Salary | None
    growth: Growth | None
    workers: Workers | None
    education: Education | None
    environment: str | None
    technical_skills: tuple[SkillItem, ...]
    people_skills: tuple[SkillItem, ...]
    duties: tuple[str, ...]
    onet: str | None = None  # the O*NET-SOC code the page links to, when it has one


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the site serves: published careers and unpublished drafts."""

    name: str
    per_page: int
    careers: tuple[Career, ...]
    drafts: tuple[Career, ...]  # listed in the index but disallowed by robots.txt

    @property
    def updated(self) -> date:
        """The newest page date: Last-Modified of the index, sitemap and other pages."""
        return max(c.updated for c in (*self.careers, *self.drafts))


def load_site(path: Path = DATA_FILE) -> SiteData:
    """Read and validate `careers.json`."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    site = raw["site"]
    data = SiteData(
        name=str(site["name"]),
        per_page=int(site["per_page"]),
        careers=tuple(_career(c) for c in raw["careers"]),
        drafts=tuple(_career(c) for c in raw["drafts"]),
    )
    slugs = [c.slug for c in (*data.careers, *data.drafts)]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise SampleDataError(f"duplicate slugs in {path}: {duplicates}")
    return data


def _career(raw: Mapping[str, Any]) -> Career:
    slug = str(raw["slug"])
    try:
        career = Career(
            slug=slug,
            title=str(raw["title"]),
            category=str(raw["category"]),
            summary=str(raw["summary"]),
            updated=date.fromisoformat(raw["updated"]),
            salary=_salary(raw["salary"]),
            growth=_opt(raw["growth"], lambda g: Growth(g["category"], g["text"], g["casing"])),
            workers=_opt(raw["workers"], lambda w: Workers(int(w["value"]), w["text"], w["style"])),
            education=_opt(raw["education"], lambda e: Education(e["text"], e["level"])),
            environment=raw["environment"],
            technical_skills=tuple(_item(i) for i in raw["technical_skills"]),
            people_skills=tuple(_item(i) for i in raw["people_skills"]),
            duties=tuple(str(d) for d in raw["duties"]),
            onet=None if raw.get("onet") is None else str(raw["onet"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SampleDataError(f"career {slug!r}: bad or missing {exc}") from exc
    _check(career)
    return career


def _opt(value: Mapping[str, Any] | None, build: Callable[[Mapping[str, Any]], T]) -> T | None:
    return None if value is None else build(value)


def _salary(raw: Mapping[str, Any] | None) -> Salary | None:
    if raw is None:
        return None

    def pay(key: str) -> Pay | None:
        p = raw[key]
        return None if p is None else Pay(float(p["annual"]), str(p["text"]))

    return Salary(raw["period"], raw["style"], pay("low"), pay("median"), pay("high"))


def _item(raw: Mapping[str, Any]) -> SkillItem:
    return SkillItem(
        text=str(raw["text"]),
        skills=tuple(Skill(str(s["name"]), str(s["type"])) for s in raw["skills"]),
    )


def _check(c: Career) -> None:
    """Refuse values outside the contract, so a typo in the data cannot become the truth."""
    problems = []
    if c.onet is not None and not re.fullmatch(r"\d{2}-\d{4}\.\d{2}", c.onet):
        problems.append(f"O*NET-SOC code {c.onet!r}")
    if c.salary is not None:
        if c.salary.period not in ("year", "hour") or c.salary.style not in SALARY_STYLES:
            problems.append(f"salary period/style {c.salary.period}/{c.salary.style}")
        if not c.salary.points():
            problems.append("salary block without figures")
    if c.growth is not None and c.growth.category not in GROWTH_LEVELS:
        problems.append(f"growth {c.growth.category!r}")
    if c.workers is not None and c.workers.style not in WORKER_STYLES:
        problems.append(f"workers style {c.workers.style!r}")
    if c.education is not None and c.education.level not in EDUCATION_LEVELS:
        problems.append(f"education level {c.education.level!r}")
    if c.environment is not None and c.environment not in ENVIRONMENTS:
        problems.append(f"environment {c.environment!r}")
    for item in (*c.technical_skills, *c.people_skills):
        if not item.skills or any(s.type not in SKILL_TYPES for s in item.skills):
            problems.append(f"skill item {item.text!r}")
    if not 4 <= len(c.duties) <= 8:
        problems.append(f"{len(c.duties)} duties")
    if problems:
        raise SampleDataError(f"career {c.slug!r}: " + "; ".join(problems))
