"""Small hand-made tables that conform to `load.schema`, for the load tests."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from load.schema import TABLES

FETCHED = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
HOST = "careers.example"


def career_id(slug: str) -> str:
    return f"{HOST}/{slug}"


def url(slug: str) -> str:
    return f"https://{HOST}/careers/{slug}"


def career(slug: str, **values: Any) -> dict[str, Any]:
    """A full careers row; keyword arguments override single fields."""
    row: dict[str, Any] = {
        "career_id": career_id(slug),
        "source": HOST,
        "url": url(slug),
        "title": slug.replace("-", " ").title(),
        "category": "Technology",
        "summary": f"What a {slug} does.",
        "salary_low": 60_000.0,
        "salary_median": 90_000.0,
        "salary_high": 120_000.0,
        "salary_currency": "USD",
        "salary_period": "year",
        "salary_annualized": False,
        "salary_is_floor": False,
        "salary_text": "$60k - $90k - $120k",
        "growth_category": "faster than average",
        "growth_pct": 8.0,
        "growth_text": "Faster than average",
        "workers": 175_000,
        "workers_text": "175K",
        "education_level": "bachelor's degree",
        "education_text": "Bachelor's degree",
        "environment": "indoor",
        "fetched_at": FETCHED,
        "content_sha256": hashlib.sha256(slug.encode()).hexdigest(),
        "parser": "sample/1",
    }
    row.update(values)
    return row


def skills(slug: str, names: Iterable[str], kind: str = "technical") -> list[dict[str, Any]]:
    return [
        {"career_id": career_id(slug), "kind": kind, "item_position": i, "item_text": name,
         "skill": name, "skill_type": "tool"}
        for i, name in enumerate(names)
    ]


def duties(slug: str, texts: Iterable[str]) -> list[dict[str, Any]]:
    return [
        {"career_id": career_id(slug), "position": i, "duty": text}
        for i, text in enumerate(texts)
    ]


def page(slug: str, outcome: str = "parsed", status: int | None = 200,
         error: str | None = None) -> dict[str, Any]:
    return {"url": url(slug), "status": status, "outcome": outcome, "error": error,
            "fetched_at": FETCHED, "bytes": 1234, "content_sha256": None, "parser": "sample/1"}


def table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with the contract's schema, minus `version` (publish stamps it)."""
    schema = TABLES[name]
    schema = schema.remove(schema.get_field_index("version"))
    return pa.Table.from_pylist(rows, schema=schema)


def tables(
    careers: list[dict[str, Any]],
    career_skills: list[dict[str, Any]] | None = None,
    career_duties: list[dict[str, Any]] | None = None,
    pages: list[dict[str, Any]] | None = None,
) -> dict[str, pa.Table]:
    """A run's tables; pages default to one parsed page per career."""
    if pages is None:
        pages = [page(row["career_id"].split("/", 1)[1]) for row in careers]
    return {
        "careers": table("careers", careers),
        "career_skills": table("career_skills", career_skills or []),
        "career_duties": table("career_duties", career_duties or []),
        "pages": table("pages", pages),
        "rejects": table("rejects", []),
    }


def dataset(slugs: Iterable[str], overrides: Mapping[str, Mapping[str, Any]] | None = None,
            ) -> dict[str, pa.Table]:
    """Careers for `slugs`, each with two skills and two duties; `overrides` by slug."""
    overrides = overrides or {}
    slugs = list(slugs)
    return tables(
        [career(s, **overrides.get(s, {})) for s in slugs],
        [row for s in slugs for row in skills(s, ["Python", "SQL"])],
        [row for s in slugs for row in duties(s, [f"Plan {s} work", f"Review {s} work"])],
    )
