"""schema.org `Occupation` / `JobPosting` JSON-LD: structured data, read before labels.

Raw text forms emitted (transform parses these):
- salary: "<CUR> <amount>[ per <period>]", e.g. "USD 75000 per year", "GBP 13.5 per hour";
  a range given as minValue/maxValue becomes salary_low/salary_high, the median (or
  a single value) salary_median. Percentiles (`percentile10` ... `percentile90`) are
  not a low/high range: they stay in salary_text only. Amounts are the JSON numbers
  as written (no thousands separators); <period> is year, month, week, day or hour
  from `duration` (P1Y, P1M, P1W, P1D, PT1H) or `unitText` (YEAR, MONTH, WEEK, DAY,
  HOUR). salary_text joins the figures with "; " as "low USD 50000 per year;
  median ...; percentile90 ...".
- education: `educationRequirements` text, or a credential's name/credentialCategory.
- skills: `skills` items -> technical_skills (postings list competencies such as tools).
- duties: `responsibilities` items; a single string is split on newlines and bullets.
- category: `occupationalCategory` (a CategoryCode's name, else its text as published)
  unless it is only a code ("ANZSCO 254412", "15-1252": an occupation code, no section);
  else the last section of a JSON-LD `BreadcrumbList` that is not a site section.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from extract.errors import ParseError
from extract.parse import meta
from extract.parse.draft import Draft
from extract.parse.text import clean, scalar_text
from extract.records import RawCareer

NAME = "jsonld"
VERSION = "1"

_TYPES = frozenset({"occupation", "jobposting"})
_PERIODS = {
    "P1Y": "year", "YEAR": "year", "ANN": "year", "P1M": "month", "MONTH": "month",
    "MON": "month", "P1W": "week", "WEEK": "week", "WK": "week", "P1D": "day",
    "DAY": "day", "PT1H": "hour", "HOUR": "hour", "HUR": "hour",
}  # fmt: skip
_SPLIT = re.compile(r"\s*(?:\n|•|·|▪|\u2022|;\s)\s*")
_MAX_DEPTH = 12


class JsonLdParser:
    """Reads the first schema.org Occupation or JobPosting object on the page."""

    name = NAME
    version = VERSION

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        return find(tree) is not None

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        career = read(tree, url)
        if career is None:
            raise ParseError("no Occupation/JobPosting JSON-LD", url=url)
        return career


PARSER = JsonLdParser()


def find(tree: LexborHTMLParser) -> dict[str, Any] | None:
    """The first Occupation/JobPosting object in the page's JSON-LD blocks, if any."""
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "")
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data, 0):
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _TYPES for t in names):
                return obj
    return None


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "about", "hasOccupation", "relevantOccupation"):
            if key in data:
                yield from _objects(data[key], depth + 1)


def read(tree: LexborHTMLParser, url: str) -> RawCareer | None:
    """The career the JSON-LD states, or None when the page carries none."""
    obj = find(tree)
    if obj is None:
        return None
    return from_object(obj, url, f"{NAME}/{VERSION}", breadcrumb_names(tree))


# An occupational category that is only a code: "ANZSCO 254412", "SOC 15-1252", "2024".
_CODE_ONLY = re.compile(r"^(?:[A-Z][A-Za-z*-]{1,8}\s*)?\d[\d.-]*$")


def breadcrumb_names(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The item names of the page's JSON-LD BreadcrumbList, in order (() when none)."""
    for script in tree.css('script[type="application/ld+json"]')[:20]:
        try:
            data = json.loads(script.text(deep=True) or "")
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data, 0):
            if obj.get("@type") == "BreadcrumbList" and isinstance(
                obj.get("itemListElement"), list
            ):
                items = [i for i in obj["itemListElement"] if isinstance(i, dict)]
                items.sort(key=_position)
                names = [_name_of(i.get("name") or i.get("item")) for i in items]
                return tuple(n for n in names if n)
    return ()


def _position(item: dict[str, Any]) -> int:
    position = item.get("position")
    return position if isinstance(position, int) and not isinstance(position, bool) else 0


def from_object(
    obj: dict[str, Any], url: str, parser: str, trail: tuple[str, ...] = ()
) -> RawCareer:
    """The career a schema.org Occupation/JobPosting object states (JSON-LD or microdata);
    `trail` is the page's structured breadcrumb, for the category."""
    d = Draft(parser)
    title = _text(obj.get("name")) or _text(obj.get("title"))
    if _text(obj.get("description")):
        d.put("summary", _strip_tags(_text(obj.get("description"))), "description")
    category = _name_of(obj.get("occupationalCategory"))
    if category and not _CODE_ONLY.match(category):
        d.put("category", category, "occupationalCategory")
    elif trail and (section := meta.section(list(trail), title.lower())):
        d.put("category", section, "BreadcrumbList")  # only site sections: the page's own say
    _salary(obj, d)
    education = _name_of(obj.get("educationRequirements"))
    if education:
        d.put("education", education, "educationRequirements")
    skills = _items(obj.get("skills"))
    if skills:
        d.put("technical_skills", skills, "skills")
    duties = _items(obj.get("responsibilities"))
    if duties:
        d.put("duties", duties, "responsibilities")
    return d.career(url, title)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return scalar_text(value)
    return ""


def _strip_tags(text: str) -> str:
    return clean(re.sub(r"<[^>]{0,500}>", " ", text))


def _name_of(value: Any) -> str:
    """Text of a string, or the name/category of an object, or of the first list item."""
    if isinstance(value, list):
        names = [n for v in value if (n := _name_of(v))]
        return "; ".join(names)
    if isinstance(value, dict):
        for key in ("name", "credentialCategory", "codeValue", "description"):
            text = _name_of(value.get(key))
            if text:
                return text
        return ""
    return _strip_tags(_text(value))


def _items(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(n for v in value if (n := _name_of(v)))
    if isinstance(value, dict):
        name = _name_of(value)
        return (name,) if name else ()
    if isinstance(value, str):
        raw = re.sub(r"<li[^>]{0,200}>", "\n", value, flags=re.I)
        return tuple(t for part in _SPLIT.split(raw) if (t := _strip_tags(part)))
    return ()


def _salary(obj: dict[str, Any], d: Draft) -> None:
    money = obj.get("estimatedSalary") or obj.get("baseSalary")
    if isinstance(money, list):  # one per period: the yearly one, else the first
        entries = [m for m in money if isinstance(m, dict)]
        yearly = [m for m in entries if _PERIODS.get(_text(m.get("duration")).upper()) == "year"]
        money = (yearly or entries)[0] if entries else None
    if not isinstance(money, dict):
        return
    currency = _text(money.get("currency")) or _text(obj.get("salaryCurrency"))
    value = money.get("value")
    spread: dict[str, Any] = value if isinstance(value, dict) else money
    if isinstance(value, list):  # one entry per period: the yearly one
        entries = [v for v in value if isinstance(v, dict)]
        yearly = [v for v in entries if _PERIODS.get(_text(v.get("unitText")).upper()) == "year"]
        spread = (yearly or entries or [money])[0]
    period = _PERIODS.get(
        (_text(spread.get("unitText")) or _text(money.get("duration"))).upper(), ""
    )

    def amount(*keys: str) -> str | None:
        for key in keys:
            num = scalar_text(spread.get(key))
            if num and re.fullmatch(r"-?\d+(\.\d+)?", num):
                cur = f"{currency} " if currency else ""
                per = f" per {period}" if period else ""
                return f"{cur}{num}{per}"
        return None

    low = amount("minValue")
    median = amount("median", "value")
    high = amount("maxValue")
    percentiles = [(k, amount(k)) for k in ("percentile10", "percentile25", "percentile75",
                                             "percentile90")]  # fmt: skip
    if not (low or median or high):
        return
    d.put("salary_low", low, "salary.low")
    d.put("salary_median", median, "salary.median")
    d.put("salary_high", high, "salary.high")
    shown = [("low", low), ("median", median), ("high", high), *percentiles]
    text = "; ".join(f"{k} {v}" for k, v in shown if v)
    d.put("salary_text", text, "salary")
    d.put(
        "currency_hint",
        currency.upper() if re.fullmatch(r"[A-Za-z]{3}", currency) else None,
        "salary.currency",
    )
