"""The real pages and their expected values, loaded by one helper, and the field checks.

`expected.jsonl` holds partly normalized values (125770.0, "much faster than
average"); a parser keeps raw text, so each check asks whether the raw text
*carries* the expected value the way a normalizer will read it: "$125,770" in
the salary text, "22%" and the category phrase in the outlook, "33,600" as the
number of jobs. Titles, categories, education and skill lists are compared
exactly; duties by count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.records import RawCareer

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"

# Known slips in expected.jsonl, each checked by hand against the page:
# the arbitrators page shows "Decision-making skills" (the word is split over
# three <em> tags with no space between them); the file has "Decision- making".
ERRATA: dict[tuple[str, str], Any] = {
    ("bls_ooh/arbitrators-mediators-and-conciliators.html", "skills"): [
        "Analytical skills",
        "Communication skills",
        "Critical-thinking skills",
        "Decision-making skills",
        "Detail oriented",
        "Interpersonal skills",
    ],
}


@dataclass(frozen=True, slots=True)
class RealPage:
    file: str
    url: str
    html: str
    expected: dict[str, Any]


@cache
def real_pages() -> tuple[RealPage, ...]:
    """Every profile page of the real fixtures with its expected values (errata applied)."""
    pages = []
    for line in (REAL / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        exp = json.loads(line)
        for (file, field), value in ERRATA.items():
            if file == exp["file"]:
                exp[field] = value
        html = (REAL / exp["file"]).read_text(encoding="utf-8")
        pages.append(RealPage(exp["file"], exp["url"], html, exp))
    return tuple(pages)


def listing_pages() -> tuple[tuple[str, str], ...]:
    return tuple(
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((REAL / "listing").glob("*.html"))
    )


def _money(x: float, cents: bool) -> str:
    return f"${x:,.2f}" if cents else f"${x:,.0f}"


def _salary_text(c: RawCareer) -> str:
    return " ".join(v for v in (c.salary_text, c.salary_median, c.salary_low, c.salary_high) if v)


def _pay(key: str, cents: bool) -> Callable[[RawCareer, dict[str, Any]], bool]:
    def check(c: RawCareer, e: dict[str, Any]) -> bool:
        text = _salary_text(c)
        if e[key] is None:
            if e["pay_low"] is not None or e["pay_high"] is not None:
                return c.salary_median is None  # a range, no median
            if e["pay_annual"] is None and e["pay_hourly"] is None:
                return not text
            return ("per hour" if cents else "per year") not in text
        return _money(e[key], cents) in text

    return check


def _gbp(key: str, attr: str) -> Callable[[RawCareer, dict[str, Any]], bool]:
    def check(c: RawCareer, e: dict[str, Any]) -> bool:
        value = getattr(c, attr)
        if e[key] is None:
            return value is None or e["currency"] != "GBP"
        return value is not None and f"£{e[key]:,.0f}" in value

    return check


def _floor(c: RawCareer, e: dict[str, Any]) -> bool:
    return ("equal to or greater than" in _salary_text(c).lower()) == bool(e["pay_at_least"])


def _growth_pct(c: RawCareer, e: dict[str, Any]) -> bool:
    if e["growth_pct"] is None:
        return c.growth is None
    pct = f"{e['growth_pct']:g}%"
    return c.growth is not None and re.search(rf"(^|[^\d.]){re.escape(pct)}", c.growth) is not None


def _growth_cat(c: RawCareer, e: dict[str, Any]) -> bool:
    if e["growth_category"] is None:
        return c.growth is None
    return c.growth is not None and f"({e['growth_category']})" in c.growth.lower()


def _workers(c: RawCareer, e: dict[str, Any]) -> bool:
    if e["workers"] is None:
        return c.workers is None
    return c.workers == f"{e['workers']:,}"


CHECKS: dict[str, Callable[[RawCareer, dict[str, Any]], bool]] = {
    "title": lambda c, e: c.title == e["title"],
    "category": lambda c, e: c.category == e["category"],
    "pay_annual": _pay("pay_annual", cents=False),
    "pay_hourly": _pay("pay_hourly", cents=True),
    "pay_at_least": _floor,
    "pay_low": _gbp("pay_low", "salary_low"),
    "pay_high": _gbp("pay_high", "salary_high"),
    "growth_pct": _growth_pct,
    "growth_category": _growth_cat,
    "education": lambda c, e: c.education == e["education"],
    "workers": _workers,
    "n_tasks": lambda c, e: len(c.duties) == e["n_tasks"],
    "skills": lambda c, e: list(c.people_skills + c.technical_skills) == e["skills"],
}


def compare(career: RawCareer, expected: dict[str, Any]) -> dict[str, bool]:
    """Field name -> whether the parsed career carries the expected value."""
    return {field: check(career, expected) for field, check in CHECKS.items()}


def accuracy(results: list[dict[str, bool]]) -> dict[str, float]:
    """Per-field share of pages right, plus "all" over every (page, field)."""
    out = {f: sum(r[f] for r in results) / len(results) for f in CHECKS}
    out["all"] = sum(sum(r.values()) for r in results) / (len(results) * len(CHECKS))
    return out


def strip_ids_and_classes(html: str) -> str:
    """The page as a redesign that dropped every id and class would serve it."""
    return re.sub(r"""\s(?:id|class)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", "", html, flags=re.I)


def redesign(html: str) -> str:
    """Ids and classes gone and the wording the templates anchor on changed too."""
    html = strip_ids_and_classes(html)
    for old, new in (
        ("Quick Facts", "At a Glance"),
        ("Important Qualities", "Qualities"),
        ("typically do the following", "typically handle these"),
        ("Skills and knowledge", "Skills"),
        ("Day-to-day tasks", "Tasks"),
        ("Average salary", "Salary"),
        ("Typical hours", "Hours"),
    ):
        html = html.replace(old, new)
    return html
