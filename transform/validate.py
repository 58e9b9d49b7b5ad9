"""Rules every row must keep before it is published; rows that break one become rejects.

A rule is a named, vectorized check that marks offending rows of one table (and the
column it looked at). Rejected rows leave their table and land in `rejects` with the
rule, the offending value and the raw text behind it, so nothing disappears silently.
A rejected career takes its skills and duties with it (the reject row explains why).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from load.schema import (
    CAREER_DUTIES,
    CAREER_SKILLS,
    CAREERS,
    EDUCATION_LEVELS,
    GROWTH_LEVELS,
    OUTCOMES,
    PAGES,
)
from transform.money import CURRENCY_CONFLICT, PERIODS

ROW = "_row"  # the column that links skills and duties to the exact career row they came from
MIN_ANNUAL_SALARY = 5_000.0
MAX_ANNUAL_SALARY = 2_000_000.0
MIN_GROWTH_PCT = -100.0
MAX_GROWTH_PCT = 1_000.0
SKILL_KINDS: tuple[str, ...] = ("technical", "people")
SKILL_TYPES: tuple[str, ...] = ("skill", "tool")
REJECT_COLUMNS: tuple[str, ...] = ("table", "key", "rule", "column", "value", "raw")

# Which raw text explains a derived column in a reject row.
_RAW_OF: dict[str, str] = {
    "career_id": "url",
    "salary_low": "salary_text",
    "salary_median": "salary_text",
    "salary_high": "salary_text",
    "salary_currency": "salary_text",
    "salary_period": "salary_text",
    "growth_category": "growth_text",
    "growth_pct": "growth_text",
    "workers": "workers_text",
    "education_level": "education_text",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check on one column: `bad(frame)` is True where a row breaks it."""

    name: str
    column: str
    bad: Callable[[pd.DataFrame], pd.Series]


def _required(column: str) -> Rule:
    return Rule("required", column, lambda f: f[column].isna())


def _outside(column: str, low: float, high: float, name: str) -> Rule:
    return Rule(name, column, lambda f: f[column].notna() & ~f[column].between(low, high))


def _not_member(column: str, allowed: tuple[str, ...], name: str = "allowed_values") -> Rule:
    return Rule(name, column, lambda f: f[column].notna() & ~f[column].astype("str").isin(allowed))


def _duplicate(columns: list[str], column: str, casefold: str | None = None) -> Rule:
    def bad(frame: pd.DataFrame) -> pd.Series:
        keys = frame[columns]
        if casefold is not None:
            keys = keys.assign(**{casefold: keys[casefold].str.casefold()})
        return keys.duplicated(keep="first")

    return Rule("duplicate_key", column, bad)


def _order(smaller: str, larger: str) -> Rule:
    return Rule(
        "salary_order",
        larger,
        lambda f: f[smaller].notna() & f[larger].notna() & (f[smaller] > f[larger]),
    )


DUPLICATE_CAREER = _duplicate(["career_id"], "career_id")  # needs every batch of a run
ROW_CAREER_RULES: tuple[Rule, ...] = (
    *(_required(f.name) for f in CAREERS if not f.nullable and f.name != "version"),
    *(
        _outside(c, MIN_ANNUAL_SALARY, MAX_ANNUAL_SALARY, "salary_range")
        for c in ("salary_low", "salary_median", "salary_high")
    ),
    _order("salary_low", "salary_median"),
    _order("salary_median", "salary_high"),
    _order("salary_low", "salary_high"),
    Rule(
        "currency_code",
        "salary_currency",
        lambda f: (
            f["salary_currency"].notna()
            & ~f["salary_currency"].astype("str").str.fullmatch(r"[A-Z]{3}", na=False)
        ),
    ),
    Rule(
        "salary_currency_mixed",
        "salary_currency",
        lambda f: (
            f[CURRENCY_CONFLICT].fillna(False).astype(bool)
            if CURRENCY_CONFLICT in f
            else pd.Series(False, index=f.index)
        ),
    ),
    _not_member("salary_period", PERIODS),
    _not_member("growth_category", GROWTH_LEVELS),
    _not_member("education_level", EDUCATION_LEVELS),
    _outside("growth_pct", MIN_GROWTH_PCT, MAX_GROWTH_PCT, "growth_pct_range"),
    _outside("workers", 0, np.iinfo(np.int64).max, "workers_range"),
)
CAREER_RULES: tuple[Rule, ...] = (*ROW_CAREER_RULES, DUPLICATE_CAREER)
SKILL_RULES: tuple[Rule, ...] = (
    *(_required(f.name) for f in CAREER_SKILLS if not f.nullable and f.name != "version"),
    _not_member("kind", SKILL_KINDS),
    _not_member("skill_type", SKILL_TYPES),
    # Repeats within one page's list: keyed by the career row, so two pages of one
    # career_id (one of which is rejected as a repeat) never clash over their items.
    _duplicate([ROW, "kind", "skill"], "skill", casefold="skill"),
)
DUTY_RULES: tuple[Rule, ...] = (
    *(_required(f.name) for f in CAREER_DUTIES if not f.nullable and f.name != "version"),
    _duplicate([ROW, "position"], "position"),
)
PAGE_RULES: tuple[Rule, ...] = (
    *(_required(f.name) for f in PAGES if not f.nullable and f.name != "version"),
    _not_member("outcome", OUTCOMES),
)


def _as_text(values: pd.Series) -> pd.Series:
    text = values.astype("object").where(values.notna())
    return text.map(str, na_action="ignore").astype("str")


def apply_rules(
    frame: pd.DataFrame, rules: tuple[Rule, ...], table: str, key: str
) -> tuple[pd.Series, pd.DataFrame]:
    """(rows that break any rule, their reject rows) for one table.

    `key` names the column that identifies a row to an analyst (career_id or url).
    """
    bad_any = pd.Series(False, index=frame.index)
    found: list[pd.DataFrame] = []
    for rule in rules:
        bad = rule.bad(frame).fillna(True).astype(bool)
        if not bad.any():
            continue
        bad_any |= bad
        rows = frame[bad]
        raw_column = _RAW_OF.get(rule.column)
        raw = rows[raw_column] if raw_column in rows else rows[rule.column]
        found.append(
            pd.DataFrame(
                {
                    "table": table,
                    "key": rows[key].astype("str").fillna("<missing>"),
                    "rule": rule.name,
                    "column": rule.column,
                    "value": _as_text(rows[rule.column]),
                    "raw": _as_text(raw),
                }
            )
        )
    if not found:
        return bad_any, pd.DataFrame({c: pd.Series([], dtype="str") for c in REJECT_COLUMNS})
    return bad_any, pd.concat(found).sort_index(kind="stable").reset_index(drop=True)


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class Validated:
    """The tables after validation, and every rejected row with its reason."""

    careers: pd.DataFrame
    career_skills: pd.DataFrame
    career_duties: pd.DataFrame
    pages: pd.DataFrame
    rejects: pd.DataFrame
    rejected_careers: int


def validate(
    careers: pd.DataFrame,
    career_skills: pd.DataFrame,
    career_duties: pd.DataFrame,
    pages: pd.DataFrame,
    *,
    row: str = ROW,
    career_rules: tuple[Rule, ...] = CAREER_RULES,
) -> Validated:
    """Apply every table's rules; drop offending rows and the children of rejected careers.

    `row` names a column present in careers, skills and duties that links children to
    the exact career row (career_id alone cannot: a duplicate id is itself a reject).
    """
    bad_careers, career_rejects = apply_rules(careers, career_rules, "careers", "career_id")
    dropped = careers.loc[bad_careers, row]
    skills = career_skills[~career_skills[row].isin(dropped)]
    duties = career_duties[~career_duties[row].isin(dropped)]
    bad_skills, skill_rejects = apply_rules(skills, SKILL_RULES, "career_skills", "career_id")
    bad_duties, duty_rejects = apply_rules(duties, DUTY_RULES, "career_duties", "career_id")
    bad_pages, page_rejects = apply_rules(pages, PAGE_RULES, "pages", "url")
    rejects = pd.concat(
        [career_rejects, skill_rejects, duty_rejects, page_rejects], ignore_index=True
    )
    return Validated(
        careers=careers[~bad_careers],
        career_skills=skills[~bad_skills],
        career_duties=duties[~bad_duties],
        pages=pages[~bad_pages],
        rejects=rejects,
        rejected_careers=int(bad_careers.sum()),
    )
