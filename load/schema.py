"""The published data contract: one explicit Arrow schema per table.

Analysts depend on these names and types. Changes are additive only, and bump
`SCHEMA_VERSION` with a note in the README's data dictionary.
"""

from __future__ import annotations

import json

import pyarrow as pa

SCHEMA_VERSION = 1

GROWTH_LEVELS: tuple[str, ...] = (
    "decline",
    "little or no change",
    "slower than average",
    "as fast as average",
    "faster than average",
    "much faster than average",
)

EDUCATION_LEVELS: tuple[str, ...] = (
    "no formal educational credential",
    "high school diploma or equivalent",
    "some college, no degree",
    "postsecondary nondegree award",
    "associate's degree",
    "bachelor's degree",
    "master's degree",
    "doctoral or professional degree",
)

OUTCOMES: tuple[str, ...] = (
    "parsed",
    "not_modified",
    "failed_fetch",
    "failed_parse",
    "disallowed",
    "skipped",
)


# An ordered dictionary: pandas reads it back as an ordered Categorical. The type holds
# no levels; CATEGORY_LEVELS says which each column carries (every file carries all).
ORDERED_CATEGORY = pa.dictionary(pa.int8(), pa.string(), ordered=True)


UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

LEVELS_KEY = b"levels"  # field metadata: the ordered levels, as a JSON list
DESCRIPTION_KEY = b"description"  # field and schema metadata: what the column or table holds


def _field(
    name: str,
    type_: pa.DataType,
    description: str,
    *,
    nullable: bool = True,
    levels: tuple[str, ...] | None = None,
) -> pa.Field:
    """A contract column with its description (and levels) in the Arrow field metadata,
    so every Parquet file says what its columns mean."""
    metadata = {DESCRIPTION_KEY: description.encode("utf-8")}
    if levels is not None:
        metadata[LEVELS_KEY] = json.dumps(list(levels)).encode("utf-8")
    return pa.field(name, type_, nullable=nullable, metadata=metadata)


def _schema(description: str, fields: list[pa.Field]) -> pa.Schema:
    return pa.schema(fields, metadata={DESCRIPTION_KEY: description.encode("utf-8")})


_VERSION = "the run id"
_GROWTH = " < ".join(GROWTH_LEVELS)
_EDUCATION = " < ".join(EDUCATION_LEVELS)

CAREERS = _schema(
    "One row per occupation page.",
    [
        _field("career_id", pa.string(),
               "stable across runs: source host + the distinctive part of the page path",
               nullable=False),
        _field("source", pa.string(), "the site's host", nullable=False),
        _field("url", pa.string(), "canonical page URL", nullable=False),
        _field("title", pa.string(), "occupation title as published", nullable=False),
        _field("category", pa.string(), "the site's category for the occupation"),
        _field("summary", pa.string(), "the page's summary paragraph"),
        _field("salary_low", pa.float64(),
               "low end of the pay range, annual, in `salary_currency`"),
        _field("salary_median", pa.float64(), "median pay, annual, in `salary_currency`"),
        _field("salary_high", pa.float64(),
               "high end of the pay range, annual, in `salary_currency`"),
        _field("salary_currency", pa.string(), "ISO 4217 code (USD, GBP, ...)"),
        _field("salary_period", pa.string(),
               "how the page states pay: `year` or `hour` "
               "(also `month`, `fortnight`, `week`, `day`)"),
        _field("salary_annualized", pa.bool_(),
               "annual figures were computed from hourly (2,080 h/yr), daily (260), weekly (52), "
               "fortnightly (26) or monthly (12) ones"),
        _field("salary_is_floor", pa.bool_(), 'the page says "equal to or greater than"'),
        _field("salary_text", pa.string(), "the raw text behind the salary columns"),
        _field("growth_category", ORDERED_CATEGORY, _GROWTH, levels=GROWTH_LEVELS),
        _field("growth_pct", pa.float64(), "projected 10-year change in percent"),
        _field("growth_text", pa.string(), "the raw growth text"),
        _field("workers", pa.int64(), 'number of workers or jobs ("175K" gives 175000)'),
        _field("workers_text", pa.string(), "the raw workers text"),
        _field("education_level", ORDERED_CATEGORY, _EDUCATION, levels=EDUCATION_LEVELS),
        _field("education_text", pa.string(), "the raw education text"),
        _field("environment", pa.string(),
               "work environment (indoor / outdoor / mixed), when published"),
        _field("fetched_at", UTC_TIMESTAMP,
               "when the page body was fetched; older than the run when a transient failure "
               "carried the row forward from the previous version"),
        _field("content_sha256", pa.string(),
               "sha256 of the raw page body (its key in `data/raw/`)"),
        _field("parser", pa.string(), "name and version of the parser that produced the row"),
        _field("version", pa.string(), _VERSION, nullable=False),
        # Projection period of `growth_pct` ("2024–34" -> 2024, 2034) and the reference
        # year of `workers` ("Number of Jobs, 2024: 1,579,800" -> 2024), when published.
        _field("growth_period_start", pa.int32(),
               'first year of the projection behind `growth_pct` ("2024–34" gives 2024)'),
        _field("growth_period_end", pa.int32(), "last year of that projection (2034)"),
        _field("workers_year", pa.int32(),
               'the year `workers` refers to ("Number of Jobs, 2024" gives 2024)'),
        # Added in contract v1 (additive): sortable ranks of the ordered levels, and the
        # occupation code the page states or links, to join other labour-market data.
        _field("education_rank", pa.int8(),
               "position of `education_level` in its levels, 1 = lowest (sorts in any reader)"),
        _field("growth_rank", pa.int8(),
               "position of `growth_category` in its levels, 1 = lowest (sorts in any reader)"),
        _field("soc_code", pa.string(),
               "occupation code the page states or links, in `soc_system` "
               '(O*NET "15-2011.00" gives SOC "15-2011")'),
        _field("soc_system", pa.string(),
               "the code system of `soc_code`: `US SOC 2018`, `UK SOC 2020` or `NOC 2021`"),
        _field("soc_code_text", pa.string(), "the code as published, before normalizing"),
        # A site's own outlook rating (added after v1, additive): not a growth category.
        _field("growth_outlook", pa.string(),
               'the site\'s own outlook rating in its words ("Bright", "Very strong"; star '
               'ratings as "3 out of 5 stars"); not one of the growth categories'),
    ],
)

CAREER_SKILLS = _schema(
    "One row per atomic skill of a career.",
    [
        _field("career_id", pa.string(), "the career (see `careers`)", nullable=False),
        _field("kind", pa.string(), "`technical` or `people`", nullable=False),
        _field("item_position", pa.int32(), "position of the list item on the page, from 1",
               nullable=False),
        _field("item_text", pa.string(), "the list item as published", nullable=False),
        _field("skill", pa.string(), "one canonical atomic skill or tool name", nullable=False),
        _field("skill_type", pa.string(), "`skill` or `tool`", nullable=False),
        _field("version", pa.string(), _VERSION, nullable=False),
    ],
)

CAREER_DUTIES = _schema(
    "The numbered \"what you'll actually do\" items of a career.",
    [
        _field("career_id", pa.string(), "the career", nullable=False),
        _field("position", pa.int32(), 'position on the page, from 1 (the page\'s "01")',
               nullable=False),
        _field("duty", pa.string(), "the duty, numbering removed", nullable=False),
        _field("version", pa.string(), _VERSION, nullable=False),
    ],
)

PAGES = _schema(
    "The crawl log of the run that made the version: one row per page.",
    [
        _field("url", pa.string(), "canonical page URL", nullable=False),
        _field("status", pa.int32(), "HTTP status, when there was a response"),
        _field("outcome", pa.string(),
               "`parsed`, `not_modified`, `failed_fetch`, `failed_parse`, `disallowed` or "
               "`skipped`", nullable=False),
        _field("error", pa.string(), "why the page failed, readable"),
        _field("fetched_at", UTC_TIMESTAMP, "when the body was fetched"),
        _field("bytes", pa.int64(), "body size"),
        _field("content_sha256", pa.string(), "sha256 of the body"),
        _field("parser", pa.string(), "the parser that read it"),
        _field("version", pa.string(), _VERSION, nullable=False),
    ],
)

REJECTS = _schema(
    "Rows that broke a quality rule and were left out.",
    [
        _field("table", pa.string(), "the table the row was meant for", nullable=False),
        _field("key", pa.string(), "its career_id (or url)", nullable=False),
        _field("rule", pa.string(), "the rule it broke", nullable=False),
        _field("column", pa.string(), "the offending column"),
        _field("value", pa.string(), "the offending value, as text"),
        _field("raw", pa.string(), "the raw text behind it"),
        _field("version", pa.string(), _VERSION, nullable=False),
    ],
)

TABLES: dict[str, pa.Schema] = {
    "careers": CAREERS,
    "career_skills": CAREER_SKILLS,
    "career_duties": CAREER_DUTIES,
    "pages": PAGES,
    "rejects": REJECTS,
}

CATEGORY_LEVELS: dict[str, dict[str, tuple[str, ...]]] = {
    "careers": {"growth_category": GROWTH_LEVELS, "education_level": EDUCATION_LEVELS},
}

# Where and when a row was read, not what it says: a re-fetch that changes only these
# is not a change of the data (no new version, not a change in a diff).
PROVENANCE_COLUMNS: tuple[str, ...] = ("version", "fetched_at", "content_sha256", "parser")

# Integer ranks of the ordered levels (1 = lowest), derived from the level column wherever a
# table is fitted to the contract, so they always agree with it.
RANK_COLUMNS: dict[str, dict[str, str]] = {
    "careers": {"education_rank": "education_level", "growth_rank": "growth_category"},
}

# Tables whose contents define "the data changed"; `pages` and `rejects` describe the run.
DATA_TABLES: tuple[str, ...] = ("careers", "career_skills", "career_duties")
