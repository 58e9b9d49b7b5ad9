"""Raw career fields to the typed `careers` columns, all vectorized over a batch."""

from __future__ import annotations

import pandas as pd

from transform.codes import normalize_codes
from transform.education import normalize_education
from transform.growth import normalize_growth, normalize_outlook
from transform.keys import career_keys
from transform.money import normalize_salary
from transform.text import normalize_text, per_distinct, per_distinct_pair
from transform.workers import normalize_workers

# The RawCareer fields a raw careers frame carries (one column each, strings or null).
RAW_COLUMNS: tuple[str, ...] = (
    "url",
    "title",
    "parser",
    "category",
    "summary",
    "salary_low",
    "salary_median",
    "salary_high",
    "salary_text",
    "salary_context",
    "currency_hint",
    "growth",
    "growth_context",
    "outlook",
    "workers",
    "workers_context",
    "education",
    "environment",
    "occupation_code",
    "occupation_code_system",
)


def normalize_careers(raw: pd.DataFrame, default_currency: str | pd.Series) -> pd.DataFrame:
    """Typed careers columns (contract v1 minus `version`) for a frame of RAW_COLUMNS.

    `default_currency` is one ISO code, or one per row (a site's own default).
    Other columns of `raw` (fetched_at, content_sha256, helper keys) pass through.
    """
    url = normalize_text(raw["url"])
    keys = career_keys(url, normalize_text(raw["title"]))
    salary = normalize_salary(
        raw["salary_low"],
        raw["salary_median"],
        raw["salary_high"],
        raw["salary_text"],
        raw["currency_hint"],
        default_currency,
        raw["salary_context"],
    )
    growth = per_distinct_pair(raw["growth"], raw["growth_context"], normalize_growth)
    workers = per_distinct_pair(raw["workers"], raw["workers_context"], normalize_workers)
    passthrough = raw.drop(columns=list(RAW_COLUMNS))
    return pd.concat(
        [
            keys,
            pd.DataFrame(
                {
                    "url": url,
                    "title": normalize_text(raw["title"]),
                    "category": normalize_text(raw["category"]),
                    "summary": normalize_text(raw["summary"]),
                }
            ),
            salary,
            growth[["growth_category", "growth_pct"]],
            normalize_text(raw["growth"]).rename("growth_text"),
            workers[["workers"]],
            normalize_text(raw["workers"]).rename("workers_text"),
            per_distinct(raw["education"], normalize_education),
            normalize_text(raw["education"]).rename("education_text"),
            normalize_text(raw["environment"]).rename("environment"),
            normalize_text(raw["parser"]).rename("parser"),
            growth[["growth_period_start", "growth_period_end"]],
            workers[["workers_year"]],
            normalize_codes(raw["occupation_code"], raw["occupation_code_system"]),
            per_distinct(raw["outlook"], normalize_outlook),
            passthrough,
        ],
        axis=1,
    )
