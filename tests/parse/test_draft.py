"""Field-level fallback: which groups a second source may fill, and the provenance it leaves."""

from __future__ import annotations

import pytest

from extract.parse.draft import Draft, fill, settled_groups
from extract.records import RawCareer


def _career(parser: str, **found: tuple[object, str]) -> RawCareer:
    d = Draft(parser)
    for field, (value, rule) in found.items():
        d.put(field, value, rule)  # type: ignore[arg-type]
    return d.career("https://example.org/x", "X")


FALLBACK = _career(
    "labels/1",
    education=("High school", "row"),
    growth=("5%", "row"),
    salary_median=("$1", "row"),
    salary_low=("$0.5", "row"),
    duties=(("a", "b"), "section"),
)


@pytest.mark.parametrize(
    ("primary", "expected", "taken"),
    [
        pytest.param(
            _career("ooh/1", education=(None, "placeholder")),
            {"education": None, "growth": "5%", "salary_median": "$1", "duties": ("a", "b")},
            {"growth", "salary_median", "salary_low", "duties"},
            id="settled-empty-is-kept",
        ),
        pytest.param(
            _career("ooh/1", salary_median=("$9", "qf")),
            {"education": "High school", "salary_median": "$9", "salary_low": None},
            {"education", "growth", "duties"},
            id="salary-group-not-mixed",
        ),
        pytest.param(
            RawCareer(url="u", title="T", parser="sample/1", growth="9%"),
            {"growth": "9%", "education": "High school"},
            {"education", "salary_median", "salary_low", "duties"},
            id="value-without-rule-counts-as-settled",
        ),
    ],
)
def test_fill(primary: RawCareer, expected: dict[str, object], taken: set[str]) -> None:
    merged = fill(primary, FALLBACK)
    assert {f: getattr(merged, f) for f in expected} == expected
    assert merged.parser == f"{primary.parser}+labels/1"
    assert {f for f, r in merged.rules if r.startswith("labels:")} == taken
    assert settled_groups(merged) >= settled_groups(primary)


def test_nothing_to_take_keeps_the_primary_as_is() -> None:
    primary = _career("ncs/1", growth=("1%", "x"))
    assert fill(primary, _career("labels/1", growth=("2%", "y"))) is primary
    assert fill(primary, None) is primary
