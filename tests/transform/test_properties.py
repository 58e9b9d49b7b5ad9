"""Hypothesis properties: no normalizer raises, money round-trips, categories stay members."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.records import FetchedPage, Outcome, ParsedPage, RawCareer
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS, TABLES
from transform import build_tables
from transform.duties import strip_numbering
from transform.education import normalize_education
from transform.growth import normalize_growth
from transform.keys import career_keys
from transform.money import parse_money
from transform.skills import build_skills
from transform.text import match_key, normalize_text, per_distinct
from transform.workers import normalize_workers

# Arbitrary text, plus text built from the words these pages really use.
WORDS = st.sampled_from(
    [
        "$", "£", "€", "75k", "1.2M", "38.50", "/hr", "per hour", "to", "-", "–", "+", "%",
        "Much", "faster", "than", "average", "decline", "Bachelor's", "degree", "or", "(", ")",
        ",", "2024–34", "Number of Jobs, 2024:", "1,579,800", "about", "million", "&#163;",
        "&amp;", "N/A", "—", "\u00a0", "equal to or greater than", "Up to", "USD", "GBP",
        "01", "•", "e.g.", "high school", "no formal", "some college, no degree",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.lists(WORDS, max_size=8).map(" ".join),
    st.lists(WORDS, max_size=8).map("".join),
)
TEXTS = st.lists(TEXT, max_size=30).map(lambda xs: pd.Series(xs, dtype="object"))


@settings(max_examples=60, deadline=None, database=None)
@given(TEXTS)
def test_value_normalizers_never_raise(texts: pd.Series):
    n = len(texts)
    for result in (
        normalize_text(texts),
        match_key(texts),
        parse_money(texts, pd.Series(["USD"] * n, dtype="object")),
        normalize_growth(texts),
        normalize_workers(texts),
        normalize_education(texts),
        strip_numbering(texts),
        career_keys(texts),
    ):
        assert len(result) == n
        assert result.index.equals(texts.index)


@settings(max_examples=40, deadline=None, database=None)
@given(TEXTS.map(lambda s: pd.concat([s, s.iloc[::-1]], ignore_index=True)))
def test_per_distinct_equals_row_by_row(texts: pd.Series):
    for normalize in (normalize_growth, normalize_workers):
        pd.testing.assert_frame_equal(per_distinct(texts, normalize), normalize(texts))
    education = per_distinct(texts, normalize_education)
    pd.testing.assert_series_equal(education, normalize_education(texts))


@settings(max_examples=50, deadline=None, database=None)
@given(TEXTS)
def test_skill_splitting_never_raises(texts: pd.Series):
    items = pd.DataFrame(
        {
            "career_id": "c",
            "kind": ["technical", "people"] * (len(texts) // 2) + ["technical"] * (len(texts) % 2),
            "item_position": range(1, len(texts) + 1),
            "item_text": texts,
        }
    )
    result = build_skills(items)
    assert result["skill"].notna().all()
    assert not result.duplicated(["career_id", "kind", "skill"]).any()
    assert set(result["skill_type"]) <= {"skill", "tool"}


@settings(max_examples=60, deadline=None, database=None)
@given(TEXTS)
def test_categories_are_members_or_null(texts: pd.Series):
    growth = normalize_growth(texts)["growth_category"]
    education = normalize_education(texts)
    for values, levels in ((growth, GROWTH_LEVELS), (education, EDUCATION_LEVELS)):
        assert list(values.cat.categories) == list(levels)
        assert values.cat.ordered
        assert values.dropna().astype("str").isin(levels).all()


CENTS = st.integers(min_value=5_000_00, max_value=2_000_000_00)


def _styles(cents: int) -> list[str]:
    amount = cents / 100
    whole = cents // 100
    styles = [
        f"${amount:,.2f}",
        f"${amount:.2f}",
        f"USD {amount:,.2f}",
        f"{amount:,.2f} USD",
        f"US${amount:,.2f}",
        f"${amount:,.2f} per year",
        f"${amount:,.2f} a year",
        f"${amount:,.2f}/yr",
    ]
    if cents % 100 == 0:
        styles += [f"${whole:,}", f"{whole}", f"${whole:,} annually"]
    if whole % 1000 == 0 and cents % 100 == 0:
        styles += [f"${whole // 1000}k", f"${whole // 1000}K", f"${whole // 1000} thousand"]
    if whole % 100_000 == 0 and cents % 100 == 0:
        styles += [f"${whole / 1_000_000:g}M"]
    return styles


@settings(max_examples=40, deadline=None, database=None)
@given(st.lists(CENTS, min_size=1, max_size=25))
def test_money_round_trips_through_formatting(amounts: list[int]):
    styles = [style for cents in amounts for style in _styles(cents)]
    expected = [round(cents / 100, 2) for cents in amounts for _ in _styles(cents)]
    result = parse_money(pd.Series(styles), pd.Series(["USD"] * len(styles)))
    assert result["low"].tolist() == expected, result.assign(text=styles)
    assert result["high"].tolist() == expected
    assert (result["currency"] == "USD").all()
    assert (result["period"] == "year").all()
    assert not result["annualized"].any()


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.integers(min_value=100, max_value=50_000),
    st.sampled_from(["/hr", " per hour", "/hour", " an hour", " hourly"]),
)
def test_hourly_round_trips_to_2080_hours(cents: int, unit: str):
    text = f"£{cents / 100:,.2f}{unit}"
    result = parse_money(pd.Series([text]), pd.Series(["USD"])).iloc[0]
    assert result["low"] == round(cents / 100 * 2080, 2)
    assert (result["currency"], result["period"], result["annualized"]) == ("GBP", "hour", True)


@settings(max_examples=15, deadline=None, database=None)
@given(TEXTS.map(lambda s: [*s.tolist()]), st.lists(TEXT, max_size=4))
def test_build_tables_always_meets_the_contract(fields: list[str | None], items: list[str | None]):
    values = [*fields, *[None] * 10][:10]

    def careers() -> list[ParsedPage]:
        pages = []
        for i, url in enumerate(["https://x.org/a", "https://x.org/b", "http://y.org/c/"]):
            career = RawCareer(
                url=url,
                title=values[i] or "t",
                parser="p/1",
                salary_low=values[0],
                salary_median=values[1],
                salary_high=values[2],
                salary_text=values[3],
                growth=values[4],
                workers=values[5],
                education=values[6],
                category=values[7],
                technical_skills=tuple(x for x in items if x is not None),
                people_skills=tuple(x for x in items if x is not None),
                duties=tuple(x for x in items if x is not None),
            )
            page = FetchedPage(
                url=url, outcome=Outcome.PARSED, fetched_at=datetime(2026, 1, 1, tzinfo=UTC)
            )
            pages.append(ParsedPage(page=page, outcome=Outcome.PARSED, career=career))
        return pages

    tables = build_tables(careers(), run_id="r")
    for name, table in tables.to_arrow().items():
        assert table.schema.equals(TABLES[name], check_metadata=True)
    assert len(tables.careers) + tables.quality.careers_rejected == 3
