"""Each validation rule, through build_tables: the offending career leaves, a reject explains."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from extract.records import FetchedPage, Outcome, ParsedPage, RawCareer
from transform import build_tables
from transform.validate import SKILL_RULES, apply_rules


def _pages(**fields_by_slug: dict[str, object]) -> list[ParsedPage]:
    pages = []
    for slug, fields in fields_by_slug.items():
        url = f"https://x.org/jobs/{slug}"
        values = {"title": slug.title(), **fields}
        career = RawCareer(url=url, parser="p/1", **values)  # type: ignore[arg-type]
        page = FetchedPage(
            url=url, outcome=Outcome.PARSED, fetched_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
        pages.append(ParsedPage(page=page, outcome=Outcome.PARSED, career=career))
    return pages


def test_each_rule_rejects_its_rows():
    tables = build_tables(
        _pages(
            good={"salary_median": "$80,000", "duties": ("Work",), "people_skills": ("Tact",)},
            tiny={"salary_median": "$75", "duties": ("Work",), "people_skills": ("Tact",)},
            huge={"salary_high": "$2.5M"},
            order={"salary_low": "$90k", "salary_median": "$80k", "salary_high": "$100k"},
            growth={"growth": "1,500% (Much faster than average)"},
            mixed={"salary_low": "£18,000", "salary_high": "$30,000"},
            untitled={"title": "   "},
        ),
        run_id="r",
    )
    result = tables.rejects[["key", "rule", "column", "value", "raw"]]
    expected = pd.DataFrame(
        [
            ("x.org/growth", "growth_pct_range", "growth_pct", "1500.0",
             "1,500% (Much faster than average)"),
            ("x.org/huge", "salary_range", "salary_high", "2500000.0", "High: $2.5M"),
            ("x.org/mixed", "salary_currency_mixed", "salary_currency", "GBP",
             "Low: £18,000 | High: $30,000"),
            ("x.org/order", "salary_order", "salary_median", "80000.0",
             "Low: $90k | Median: $80k | High: $100k"),
            ("x.org/tiny", "salary_range", "salary_median", "75.0", "Median: $75"),
            ("x.org/untitled", "required", "title", None, None),
        ],
        columns=["key", "rule", "column", "value", "raw"],
        dtype="str",
    )  # fmt: skip
    pd.testing.assert_frame_equal(result, expected)
    assert tables.careers["career_id"].tolist() == ["x.org/good"]
    # the rejected career's skills and duties left with it
    assert tables.career_skills["career_id"].tolist() == ["x.org/good"]
    assert tables.career_duties["career_id"].tolist() == ["x.org/good"]
    assert tables.quality.careers_rejected == 6


def test_skill_rules_on_a_frame():
    skills = pd.DataFrame(
        {
            "career_id": ["c", "c", "c", "c"],
            "_row": [0, 0, 0, 0],  # one page's list
            "kind": ["technical", "technical", "soft", "people"],
            "item_position": [1, 2, 3, 4],
            "item_text": ["SQL", "sql", "x", "y"],
            "skill": ["SQL", "sql", "x", None],
            "skill_type": ["tool", "tool", "skill", "skill"],
        }
    )
    bad, rejects = apply_rules(skills, SKILL_RULES, "career_skills", "career_id")
    assert bad.tolist() == [False, True, True, True]
    assert sorted(rejects["rule"]) == ["allowed_values", "duplicate_key", "required"]
