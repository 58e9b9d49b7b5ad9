"""The real pages parsed in-process and built by transform, scored like the end-to-end run.

Also proves the scoring can fail: each case spoils the published tables in one
way and names exactly the (page, field) checks that must turn wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd
import pytest

from tests.real_scoring import Score, score, tables_in_process
from transform.tables import Tables

ACTUARIES = "bls_ooh/actuaries.html"
ANNOUNCERS = "bls_ooh/announcers.html"
ARBITRATORS = "bls_ooh/arbitrators-mediators-and-conciliators.html"
CARPENTERS = "bls_ooh/carpenters.html"
PILOTS = "bls_ooh/airline-and-commercial-pilots.html"
GUIDES = "bls_ooh/tour-and-travel-guides.html"
FISHERS = "bls_ooh/fishers-and-related-fishing-workers.html"
NCS = "ncs_uk/admin-assistant_2019-06.html"


@pytest.fixture(scope="module")
def tables() -> Tables:
    return tables_in_process()


@pytest.fixture(scope="module")
def labels_alone() -> Tables:
    return tables_in_process(templates=False, structured=False)


def test_templates_meet_the_target_and_invent_nothing(tables: Tables):
    result = score(tables)
    assert result.accuracy() >= 0.98, result.render("templates")
    assert result.invented() == [], result.render("templates")


def test_labels_alone_stay_accurate_and_invent_nothing(labels_alone: Tables):
    result = score(labels_alone)
    assert (labels_alone.careers["parser"] == "labels/2").all()
    assert result.accuracy() >= 0.95, result.render("labels alone")
    assert result.invented() == [], result.render("labels alone")


@pytest.mark.parametrize("fixture", ["tables", "labels_alone"])
def test_listing_pages_are_skipped_not_careers(fixture: str, request: pytest.FixtureRequest):
    built: Tables = request.getfixturevalue(fixture)
    pages = built.pages.set_index("url")
    listings = [u for u in pages.index if "a-z-index" in u or "job-categories" in u]
    assert len(listings) == 2
    assert (pages.loc[listings, "outcome"] == "skipped").all()
    assert not set(listings) & set(built.careers["url"])


def _where(frame: pd.DataFrame, column: str, needle: str) -> pd.Series:
    return frame[column].astype("str").str.contains(needle, regex=False)


def _set(table: str, key: str, column: str, value: object) -> Callable[[Tables], Tables]:
    def spoil(t: Tables) -> Tables:
        frame = getattr(t, table).copy()
        frame[column] = frame[column].astype("object")
        frame.loc[_where(frame, "career_id", key), column] = value
        return replace(t, **{table: frame})

    return spoil


def _drop(table: str, key: str, first_only: bool = False) -> Callable[[Tables], Tables]:
    def spoil(t: Tables) -> Tables:
        frame = getattr(t, table)
        hit = _where(frame, "career_id", key)
        if first_only:
            hit = hit & ~hit.duplicated()
        return replace(t, **{table: frame[~hit]})

    return spoil


def _respell(key: str, old: str, new: str) -> Callable[[Tables], Tables]:
    def spoil(t: Tables) -> Tables:
        skills = t.career_skills.copy()
        hit = _where(skills, "career_id", key) & (skills["item_text"] == old)
        assert hit.sum() == 1
        skills.loc[hit, "item_text"] = new
        return replace(t, career_skills=skills)

    return spoil


def _wrong(result: Score) -> set[tuple[str, str]]:
    return {(c.file, c.field) for c in result.misses()}


def _invented(result: Score) -> set[tuple[str, str]]:
    return {(c.file, c.field) for c in result.invented()}


SPOILED = [
    # (case, spoil, wrong checks, invented checks)
    ("annual median off by ten", _set("careers", "/actuaries", "salary_median", 125780.0),
     {(ACTUARIES, "pay_annual")}, set()),
    ("hourly pay read as annual", _set("careers", "/announcers", "salary_period", "year"),
     set(), {(ANNOUNCERS, "pay_annual")}),
    ("hourly figure lost from the text", _set("careers", "/tour-and", "salary_text",
                                              "$36,660 per year"),
     {(GUIDES, "pay_hourly")}, set()),
    ("placeholder kept as education", _set("careers", "/airline", "education_text",
                                           "See How to Become One"),
     set(), {(PILOTS, "education")}),
    ("education level disagrees with its text", _set("careers", "/actuaries",
                                                     "education_level", "master's degree"),
     {(ACTUARIES, "education")}, set()),
    ("currency on a page with no pay", _set("careers", "/fishers", "salary_currency", "USD"),
     set(), {(FISHERS, "currency")}),
    ("floor flag on a page with no pay", _set("careers", "/fishers", "salary_is_floor", False),
     set(), {(FISHERS, "pay_at_least")}),
    ("NCS range end missing", _set("careers", "/admin-assistant", "salary_high", None),
     {(NCS, "pay_high")}, set()),
    ("one duty lost", _drop("career_duties", "/carpenters", first_only=True),
     {(CARPENTERS, "n_tasks")}, set()),
    ("the errata's wrong spelling published", _respell("/arbitrators", "Decision-making skills",
                                                      "Decision- making skills"),
     {(ARBITRATORS, "skills")}, set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("spoil", "wrong", "invented"),
    [pytest.param(s, w, i, id=case) for case, s, w, i in SPOILED],
)
def test_scoring_names_exactly_the_spoiled_checks(
    tables: Tables,
    spoil: Callable[[Tables], Tables],
    wrong: set[tuple[str, str]],
    invented: set[tuple[str, str]],
):
    assert _wrong(score(tables)) == set()
    result = score(spoil(tables))
    assert (_wrong(result), _invented(result)) == (wrong, invented)


def test_a_missing_career_row_fails_every_field_of_its_page(tables: Tables):
    result = score(_drop("careers", "/carpenters")(tables))
    assert {f for f, _ in _wrong(result)} == {CARPENTERS}
    assert {c.field for c in result.misses()} >= {"title", "skills", "n_tasks"}
    assert all(c.published == "<no careers row>" for c in result.checks if c.file == CARPENTERS)


def test_ooh_projection_years_and_workers_year_come_from_the_quick_facts_labels(tables: Tables):
    """"Job Outlook, 2024-34" and "Number of Jobs, 2024" (issue 10: empty on main)."""
    ooh = tables.careers[tables.careers["url"].str.contains("/ooh/")]
    dated = ooh[ooh["growth_pct"].notna()]
    assert len(dated) == len(ooh) - 1  # the military page has no Quick Facts
    assert set(dated["growth_period_start"]) == {2024}
    assert set(dated["growth_period_end"]) == {2034}
    assert set(dated["workers_year"]) == {2024}
