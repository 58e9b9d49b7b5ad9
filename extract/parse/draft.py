"""Building one `RawCareer` while a parser reads a page, and filling its gaps from another.

Fields come in groups that must come from one source (a low salary from one
rule and a high one from another would be a made-up range). A parser *settles*
a group when its own rule looked at the place the value lives, even when it
found the value deliberately empty ("See How to Become One" is no education):
it records a rule for the field. Groups nobody settled get the next source's
turn; that is the field-level fallback.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from extract.records import RawCareer

GROUPS: dict[str, tuple[str, ...]] = {
    "category": ("category",),
    "summary": ("summary",),
    "salary": (
        "salary_low", "salary_median", "salary_high", "salary_text", "salary_context",
        "currency_hint",
    ),
    "growth": ("growth", "growth_context", "outlook"),
    "workers": ("workers", "workers_context"),
    "education": ("education",),
    "environment": ("environment",),
    # Each list on its own: a template that reads one list leaves the others open.
    "technical_skills": ("technical_skills",),
    "people_skills": ("people_skills",),
    "tools": ("tools",),
    "duties": ("duties",),
}
GROUP_OF: dict[str, str] = {f: g for g, members in GROUPS.items() for f in members}
_RECORD_FIELDS = frozenset(f.name for f in fields(RawCareer))

Value = str | tuple[str, ...] | None


class Draft:
    """The values and rules one parser has found so far on one page (local, never shared)."""

    def __init__(self, parser: str) -> None:
        self.parser = parser  # "<name>/<version>"
        self._name = parser.split("/", 1)[0]
        self.values: dict[str, Value] = {}
        self.rules: list[tuple[str, str]] = []

    def put(self, field: str, value: Value, rule: str) -> None:
        """Settle `field` with `value` (None or () for "the page has none here")."""
        if field not in _RECORD_FIELDS:
            raise ValueError(f"unknown RawCareer field {field!r}")
        self.values[field] = value if value not in ("", ()) else _empty(field)
        self.rules.append((field, f"{self._name}:{rule}"))

    def has(self, field: str) -> bool:
        return field in self.values

    def found(self, field: str) -> bool:
        """True when `field` holds a non-empty value."""
        return bool(self.values.get(field))

    def career(self, url: str, title: str) -> RawCareer:
        """Freeze what was found into a `RawCareer`."""
        kwargs: dict[str, Any] = dict(self.values)
        return RawCareer(
            url=url, title=title, parser=self.parser, rules=tuple(self.rules), **kwargs
        )


def _empty(field: str) -> Value:
    return () if field in {"technical_skills", "people_skills", "tools", "duties"} else None


def settled_groups(career: RawCareer) -> set[str]:
    """Groups that `career` settled: a rule names one of their fields, or a value is set."""
    done = {GROUP_OF[f] for f, _ in career.rules if f in GROUP_OF}
    for group, members in GROUPS.items():
        if any(getattr(career, f) for f in members):
            done.add(group)
    return done


_LISTS = ("technical_skills", "people_skills", "tools")


def _repeats(primary: RawCareer, fallback: RawCareer, group: str) -> bool:
    """A list the primary already has under another kind (one "Skills" list that JSON-LD
    calls technical and the labels call people) is not a second list."""
    if group not in _LISTS:
        return False
    offered = {i.casefold() for i in getattr(fallback, group)}
    held = {i.casefold() for f in _LISTS if f != group for i in getattr(primary, f)}
    return bool(offered) and len(offered & held) >= len(offered) / 2


def fill(primary: RawCareer, fallback: RawCareer | None) -> RawCareer:
    """`primary` with every group it did not settle taken from `fallback` (values and rules)."""
    if fallback is None:
        return primary
    missing = set(GROUPS) - settled_groups(primary)
    offered = {g for g in settled_groups(fallback) & missing if not _repeats(primary, fallback, g)}
    if not offered:
        return primary
    taken = {f for g in offered for f in GROUPS[g]}
    changes: dict[str, Any] = {f: getattr(fallback, f) for f in taken}
    rules = primary.rules + tuple(r for r in fallback.rules if r[0] in taken)
    parsers = primary.parser.split("+")
    if fallback.parser not in parsers:
        parsers.append(fallback.parser)
    return replace(primary, rules=rules, parser="+".join(parsers), **changes)
