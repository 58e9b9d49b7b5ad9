"""The published data contract: one explicit Arrow schema per table.

Analysts depend on these names and types. Changes are additive only, and bump
`SCHEMA_VERSION` with a note in the README's data dictionary.
"""

from __future__ import annotations

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

CAREERS = pa.schema(
    [
        pa.field("career_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string(), nullable=False),
        pa.field("title", pa.string(), nullable=False),
        pa.field("category", pa.string()),
        pa.field("summary", pa.string()),
        pa.field("salary_low", pa.float64()),
        pa.field("salary_median", pa.float64()),
        pa.field("salary_high", pa.float64()),
        pa.field("salary_currency", pa.string()),
        pa.field("salary_period", pa.string()),
        pa.field("salary_annualized", pa.bool_()),
        pa.field("salary_is_floor", pa.bool_()),
        pa.field("salary_text", pa.string()),
        pa.field("growth_category", ORDERED_CATEGORY),
        pa.field("growth_pct", pa.float64()),
        pa.field("growth_text", pa.string()),
        pa.field("workers", pa.int64()),
        pa.field("workers_text", pa.string()),
        pa.field("education_level", ORDERED_CATEGORY),
        pa.field("education_text", pa.string()),
        pa.field("environment", pa.string()),
        pa.field("fetched_at", UTC_TIMESTAMP),
        pa.field("content_sha256", pa.string()),
        pa.field("parser", pa.string()),
        pa.field("version", pa.string(), nullable=False),
        # Projection period of `growth_pct` ("2024–34" -> 2024, 2034) and the reference
        # year of `workers` ("Number of Jobs, 2024: 1,579,800" -> 2024), when published.
        pa.field("growth_period_start", pa.int32()),
        pa.field("growth_period_end", pa.int32()),
        pa.field("workers_year", pa.int32()),
        # A site's own outlook rating, in its words ("Bright", "Very strong"; stars as
        # "3 out of 5 stars"): not one of the growth categories (added after v1, additive).
        pa.field("growth_outlook", pa.string()),
    ]
)

CAREER_SKILLS = pa.schema(
    [
        pa.field("career_id", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),  # technical | people
        pa.field("item_position", pa.int32(), nullable=False),
        pa.field("item_text", pa.string(), nullable=False),
        pa.field("skill", pa.string(), nullable=False),
        pa.field("skill_type", pa.string(), nullable=False),  # skill | tool
        pa.field("version", pa.string(), nullable=False),
    ]
)

CAREER_DUTIES = pa.schema(
    [
        pa.field("career_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),
        pa.field("duty", pa.string(), nullable=False),
        pa.field("version", pa.string(), nullable=False),
    ]
)

PAGES = pa.schema(
    [
        pa.field("url", pa.string(), nullable=False),
        pa.field("status", pa.int32()),
        pa.field("outcome", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("fetched_at", UTC_TIMESTAMP),
        pa.field("bytes", pa.int64()),
        pa.field("content_sha256", pa.string()),
        pa.field("parser", pa.string()),
        pa.field("version", pa.string(), nullable=False),
    ]
)

REJECTS = pa.schema(
    [
        pa.field("table", pa.string(), nullable=False),
        pa.field("key", pa.string(), nullable=False),  # career_id (or url) of the rejected row
        pa.field("rule", pa.string(), nullable=False),
        pa.field("column", pa.string()),
        pa.field("value", pa.string()),  # the offending value, as text
        pa.field("raw", pa.string()),  # the raw text behind it
        pa.field("version", pa.string(), nullable=False),
    ]
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

# Tables whose contents define "the data changed"; `pages` and `rejects` describe the run.
DATA_TABLES: tuple[str, ...] = ("careers", "career_skills", "career_duties")
