"""What the pipeline must produce for the sample site, computed from `careers.json` alone.

Nothing here calls the parsers or normalizers under test: each expected value
is read from the data file, where it is stored next to its displayed text.
Rules the truth encodes (and transform must follow):

- `career_id` is "<host>/<slug>"; `source` is the host (no port: stable across runs).
- Salaries are annual amounts in USD; hourly pages give hourly x 2,080 with
  `salary_period` "hour" and `salary_annualized` True. No page states a floor.
- Technical skill items split into atomic skills: the item's text outside
  parentheses is one `skill` ("Containerization and orchestration"), each
  comma-separated name inside parentheses is a `tool`, spelled canonically
  ("Postgres" -> "PostgreSQL", "K8s" -> "Kubernetes", "JS" -> "JavaScript",
  "Golang" -> "Go", "NodeJS" -> "Node.js"). A people item is one `skill`,
  never split: "Written communication (documentation)" is the skill
  "Written communication"; a trailing period is dropped.
- Within a career a skill appears once: its first occurrence (technical items
  before people items) is kept, with that item's position and text.
- Duties keep their order (`position` from 1, like the page's "01") without the "01" numbering.

`expected_raw` records carry `rules=()`: provenance belongs to the parser and is
not part of the truth, so compare with `dataclasses.replace(record, rules=())`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from extract.records import RawCareer
from sample_site.data import Career, SiteData, load_site
from sample_site.render import draft_path, index_page_count, index_path, print_path, profile_path

PARSER = "sample/1"


def expected_raw(base_url: str, data: SiteData | None = None) -> list[RawCareer]:
    """The record the parser must return for each published profile, in data-file order."""
    return [_raw(base_url, c) for c in _careers(data)]


def expected_rows(base_url: str, data: SiteData | None = None) -> list[dict[str, Any]]:
    """Rows of the `careers` table, minus the run columns (version, fetched_at, content_sha256)."""
    return [_row(base_url, c) for c in _careers(data)]


def expected_skills(base_url: str, data: SiteData | None = None) -> list[dict[str, Any]]:
    """Rows of `career_skills` (without `version`), in page order."""
    rows: list[dict[str, Any]] = []
    for career in _careers(data):
        career_id = _career_id(base_url, career)
        seen: set[str] = set()
        kinds = (("technical", career.technical_skills), ("people", career.people_skills))
        for kind, items in kinds:
            for position, item in enumerate(items, start=1):
                for skill in item.skills:
                    if skill.name in seen:
                        continue
                    seen.add(skill.name)
                    rows.append(
                        {
                            "career_id": career_id,
                            "kind": kind,
                            "item_position": position,
                            "item_text": item.text,
                            "skill": skill.name,
                            "skill_type": skill.type,
                        }
                    )
    return rows


def expected_duties(base_url: str, data: SiteData | None = None) -> list[dict[str, Any]]:
    """Rows of `career_duties` (without `version`), in page order."""
    return [
        {"career_id": _career_id(base_url, c), "position": position, "duty": duty}
        for c in _careers(data)
        for position, duty in enumerate(c.duties, start=1)
    ]


def profile_urls(base_url: str, data: SiteData | None = None) -> list[str]:
    """Every published profile page (exactly the sitemap's URLs)."""
    return [base_url + profile_path(c.slug) for c in _careers(data)]


def index_urls(base_url: str, data: SiteData | None = None) -> list[str]:
    """The "all jobs" index pages, page 1 first."""
    site = data if data is not None else load_site()
    return [base_url + index_path(n) for n in range(1, index_page_count(site) + 1)]


def disallowed_urls(base_url: str, data: SiteData | None = None) -> list[str]:
    """Pages a link-following crawler can reach but robots.txt forbids: print views, drafts."""
    site = data if data is not None else load_site()
    prints = [base_url + print_path(c.slug) for c in site.careers]
    return prints + [base_url + draft_path(d.slug) for d in site.drafts]


def _careers(data: SiteData | None) -> tuple[Career, ...]:
    return (data if data is not None else load_site()).careers


def _host(base_url: str) -> str:
    """The site host without port: career ids stay stable when the port changes."""
    return urlsplit(base_url).hostname or ""


def _career_id(base_url: str, career: Career) -> str:
    return f"{_host(base_url)}/{career.slug}"


def _raw(base_url: str, c: Career) -> RawCareer:
    salary = c.salary
    points = dict(salary.points()) if salary is not None else {}
    return RawCareer(
        url=base_url + profile_path(c.slug),
        title=c.title,
        parser=PARSER,
        category=c.category,
        summary=c.summary,
        salary_low=points["Low"].text if "Low" in points else None,
        salary_median=points["Median"].text if "Median" in points else None,
        salary_high=points["High"].text if "High" in points else None,
        salary_text=" ".join(f"{label} {pay.text}" for label, pay in points.items()) or None,
        currency_hint=None,
        growth=c.growth.text if c.growth else None,
        workers=c.workers.text if c.workers else None,
        education=c.education.text if c.education else None,
        environment=c.environment,
        technical_skills=tuple(i.text for i in c.technical_skills),
        people_skills=tuple(i.text for i in c.people_skills),
        duties=c.duties,
        occupation_code=c.onet,
        occupation_code_system="O*NET-SOC" if c.onet else None,
    )


def _row(base_url: str, c: Career) -> dict[str, Any]:
    salary = c.salary
    points = dict(salary.points()) if salary is not None else {}

    def annual(label: str) -> float | None:
        return points[label].annual if label in points else None

    return {
        "career_id": _career_id(base_url, c),
        "source": _host(base_url),
        "url": base_url + profile_path(c.slug),
        "title": c.title,
        "category": c.category,
        "summary": c.summary,
        "salary_low": annual("Low"),
        "salary_median": annual("Median"),
        "salary_high": annual("High"),
        "salary_currency": "USD" if salary is not None else None,
        "salary_period": salary.period if salary is not None else None,
        "salary_annualized": salary.period == "hour" if salary is not None else None,
        "salary_is_floor": False if salary is not None else None,
        "salary_text": " ".join(f"{label} {pay.text}" for label, pay in points.items()) or None,
        "growth_category": c.growth.category if c.growth else None,
        "growth_pct": None,
        "growth_text": c.growth.text if c.growth else None,
        "workers": c.workers.value if c.workers else None,
        "workers_text": c.workers.text if c.workers else None,
        "education_level": c.education.level if c.education else None,
        "education_text": c.education.text if c.education else None,
        "environment": c.environment,
        "parser": PARSER,
        "soc_code": c.onet[:7] if c.onet else None,  # O*NET-SOC 15-1252.00 is SOC 15-1252
        "soc_system": "US SOC 2018" if c.onet else None,
        "soc_code_text": c.onet,
    }
