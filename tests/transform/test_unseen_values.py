"""Transform on the raw forms the unseen-site readers emit (issue 10), and numbers as written
(issue 11: "1e309%" and "$1e309" are no values). Expected frames, as the other value tests."""

from __future__ import annotations

import pandas as pd
import pytest

from load.schema import GROWTH_LEVELS
from transform.education import normalize_education
from transform.growth import normalize_growth, normalize_outlook
from transform.keys import career_keys
from transform.money import normalize_salary, parse_money
from transform.skills import build_skills
from transform.workers import normalize_workers

NA = None


def _s(values: list[object]) -> pd.Series:
    return pd.Series(values, dtype="object")


# --- money: every period, currency words, context, numbers as written -----------------------------

MONEY = [
    # text -> (low, high, currency, period)
    ("$1e309", (NA, NA, NA, NA)),
    ("1.5e5", (NA, NA, NA, NA)),
    ("$30 per session", (NA, NA, NA, NA)),  # a period we cannot annualize: no amount
    ("$2,400 per fortnight", (62400.0, 62400.0, "USD", "fortnight")),
    ("£120 a day", (31200.0, 31200.0, "GBP", "day")),
    ("between £21,000 and £38,000", (21000.0, 38000.0, "GBP", "year")),
    ("from $40,000 to $90,000", (40000.0, 90000.0, "USD", "year")),
    ("$48K-$95K a year", (48000.0, 95000.0, "USD", "year")),
    ("52,000 Australian dollars", (52000.0, 52000.0, "AUD", "year")),
    ("12.97 Canadian dollars per hr", (26977.6, 26977.6, "CAD", "hour")),
    ("$52,000 AUD", (52000.0, 52000.0, "AUD", "year")),  # the code says which dollar
    ("$17.35 NZD-$32.75 NZD an hour", (36088.0, 68120.0, "NZD", "hour")),
    ("£220 – £450 (per day)", (57200.0, 117000.0, "GBP", "day")),
    # An amount that ends a sentence is an amount; a period inside digits is no end.
    ("most earning from CAD 41,000 to CAD 52,500.", (41000.0, 52500.0, "CAD", "year")),
    ("Pay is usually $61,730.", (61730.0, 61730.0, "USD", "year")),
    ("$1.5.3", (NA, NA, NA, NA)),
    ("$1,650 per week", (85800.0, 85800.0, "USD", "week")),
    # A range written as a rise (round 4): the start is the low, where it rises to the high.
    ("Starting around £24,000, rising to £40,000 with experience", (24000.0, 40000.0, "GBP",
                                                                    "year")),
    ("starting salaries are around £58100 per year, rising to £142680", (58100.0, 142680.0,
                                                                         "GBP", "year")),
    ("New entrants can expect $900 a week; with experience this can rise to $1,400",
     (46800.0, 72800.0, "USD", "week")),
    ("Salaries start at £20,000 and can reach £30,000 a year", (20000.0, 30000.0, "GBP",
                                                                "year")),
    ("NZ$19.06 an hour, increasing to NZ$38.52", (39644.8, 80121.6, "NZD", "hour")),
    ("GBP 44,170 New entrant to GBP 74,440 Experienced", (44170.0, 74440.0, "GBP", "year")),
    # Two figures a rise does not join stay the first figure.
    ("$30 an hour, and $40 for overtime", (62400.0, 62400.0, "USD", "hour")),
]  # fmt: skip


def test_parse_money_periods_currencies_and_numbers_as_written():
    text = _s([t for t, _ in MONEY])
    result = parse_money(text, pd.Series("USD", index=text.index))[
        ["low", "high", "currency", "period"]
    ]
    columns = list(zip(*[e for _, e in MONEY], strict=True))
    expected = pd.DataFrame(
        {
            "low": pd.Series(columns[0], dtype="float64"),
            "high": pd.Series(columns[1], dtype="float64"),
            "currency": pd.Series(columns[2], dtype="str"),
            "period": pd.Series(columns[3], dtype="str"),
        }
    )
    pd.testing.assert_frame_equal(result, expected)


@pytest.mark.parametrize(
    ("text", "floor"),
    [("£42K+ per annum", True), ("$24.34 or more an hour", True), ("at least $90,000", True),
     ("5,900 New Zealand dollars+ monthly", True), ("$90,000", False)],
)  # fmt: skip
def test_floors(text, floor):
    result = parse_money(_s([text]), _s(["USD"]))
    assert bool(result.loc[0, "is_floor"]) is floor
    assert result.loc[0, "period"] in {"year", "hour", "month"}


def _salary(median: list[str | None], context: list[str | None], hint: list[str | None]):
    n = len(median)
    return normalize_salary(
        _s([None] * n), _s(median), _s([None] * n), _s([None] * n), _s(hint), "USD", _s(context)
    )[["salary_median", "salary_currency", "salary_period"]]


def test_context_states_the_period_and_currency_a_figure_does_not():
    result = _salary(
        ["$1,650", "27.00", "$52,000", "$30", "A$1,200", "$60,000"],
        ["Weekly pay", "Wages ($/hour) | Wages are in Canadian dollars", "Median pay",
         "Hourly | Annual", "Pay (per week) | All pay is in NZD", None],
        [None, None, "AUD", None, None, "NZD"],
    )  # fmt: skip
    expected = pd.DataFrame(
        {
            "salary_median": [85800.0, 56160.0, 52000.0, 30.0, 62400.0, 60000.0],
            # the figure's own A$ beats the context's NZD; a hint is for "$" without words
            "salary_currency": ["USD", "CAD", "AUD", "USD", "AUD", "NZD"],
            # a context naming two periods names none: the bare "$30" stays yearly and the
            # yearly range check rejects it (never published as a salary)
            "salary_period": ["week", "hour", "year", "year", "week", "year"],
        }
    ).astype({"salary_currency": "str", "salary_period": "str"})
    pd.testing.assert_frame_equal(result, expected)


def test_a_range_in_both_cells_gives_each_its_end():
    text = "between £21,000 and £38,000 a year"
    result = normalize_salary(_s([text]), _s([None]), _s([text]), _s([None]), _s([None]), "USD")
    assert (result.loc[0, "salary_low"], result.loc[0, "salary_high"]) == (21000.0, 38000.0)
    assert result.loc[0, "salary_currency"] == "GBP"


# --- growth and outlook --------------------------------------------------------------------------


def test_growth_bands_prose_years_context_and_numbers_as_written():
    cases = [
        ("1e309%", None, NA, NA, NA, NA),
        ("Faster than average (between 4% and 7%)", None, "faster than average", NA, NA, NA),
        ("11% or more", None, NA, NA, NA, NA),
        ("4-7%", None, NA, NA, NA, NA),
        ("Employment of nurses is projected to grow 5 percent from 2024 to 2034, about as fast as "
         "the average for all occupations.", None, "as fast as average", 5.0, 2024, 2034),
        ("+7%", "Projected growth (2023-2033)", NA, 7.0, 2023, 2033),
        ("22% (Much faster than average)", "Job Outlook, 2024-34", "much faster than average",
         22.0, 2024, 2034),
        ("Stable", None, NA, NA, NA, NA),  # a rating, not "little or no change"
    ]  # fmt: skip
    result = normalize_growth(_s([c[0] for c in cases]), _s([c[1] for c in cases]))
    expected = pd.DataFrame(
        {
            "growth_category": pd.Categorical(
                [c[2] for c in cases], categories=list(GROWTH_LEVELS), ordered=True
            ),
            "growth_pct": pd.Series([c[3] for c in cases], dtype="float64"),
            "growth_period_start": pd.Series([c[4] for c in cases], dtype="Int32"),
            "growth_period_end": pd.Series([c[5] for c in cases], dtype="Int32"),
        }
    )
    pd.testing.assert_frame_equal(result, expected)


def test_outlook_keeps_the_ratings_words_and_writes_stars_one_way():
    result = normalize_outlook(
        _s(["Very good", "  Bright ", "★★★☆☆", "3/5", "4 of 5 stars", "2 stars", None])
    )
    expected = pd.Series(
        ["Very good", "Bright", "3 out of 5 stars", "3 out of 5 stars", "4 out of 5 stars",
         "2 stars", NA], dtype="str", name="growth_outlook",
    )  # fmt: skip
    pd.testing.assert_series_equal(result, expected)


# --- workers -----------------------------------------------------------------------------------


def test_workers_year_from_the_label_and_numbers_as_written():
    result = normalize_workers(
        _s(["33,600", "1e6", "About 96,100", "There were about 2,674 librarians in 2023."]),
        _s(["Number of Jobs, 2024", "Jobs, 2024", "2024-34 projections", None]),
    )
    expected = pd.DataFrame(
        {
            "workers": pd.Series([33600, NA, 96100, 2674], dtype="Int64"),
            "workers_year": pd.Series([2024, NA, NA, 2023], dtype="Int32"),
        }
    )
    pd.testing.assert_frame_equal(result, expected)


# --- career ids --------------------------------------------------------------------------------


def test_career_id_is_the_distinctive_part_of_the_path():
    urls = _s([
        "https://www.jobbank.gc.ca/marketreport/summary-occupation/21232/ca",
        "https://www.jobbank.gc.ca/marketreport/summary-occupation/31301/ca",
        "https://careers.example.org/career/4030/truck-driver/overview",
        "https://careers.example.org/careers/paramedic/snapshot",
        "https://www.onetonline.org/link/summary/15-2011.00",
        "https://www.onetonline.org/link/summary/15-2011.01",
        "https://c.example/profile.aspx?onetcode=15201100&print=1",
        "https://www.bls.gov/ooh/math/actuaries.htm",
    ])  # fmt: skip
    titles = _s(["Software engineers", "Registered nurses", "Truck Driver", "Paramedic",
                 "Actuaries", "Insurance Appraisers", "Actuaries", "Actuaries"])  # fmt: skip
    result = career_keys(urls, titles)["career_id"].tolist()
    assert result == [
        "jobbank.gc.ca/summary-occupation/21232",
        "jobbank.gc.ca/summary-occupation/31301",
        "careers.example.org/truck-driver",
        "careers.example.org/paramedic",
        "onetonline.org/summary/15-2011.00",
        "onetonline.org/summary/15-2011.01",
        "c.example/profile?onetcode=15201100",
        "bls.gov/actuaries",
    ]
    # The same page in another run, on another port, gives the same id.
    again = career_keys(_s([urls[0].replace("www.", "www.") + "/"]), titles.iloc[:1])
    assert again["career_id"].tolist() == [result[0]]


# --- skills ------------------------------------------------------------------------------------


def test_tools_lists_sentences_and_one_spelling_per_compound():
    items = pd.DataFrame(
        [
            ("c", "tools", 3, "Microsoft Excel"),
            ("c", "technical", 1, "Spreadsheet modelling"),
            ("c", "people", 1, "to be thorough and pay attention to detail"),
            ("c", "people", 2, "excellent verbal communication skills"),
            ("c", "people", 3, "customer service skills"),
            ("d", "people", 1, "Customer-service skills"),
            ("d", "people", 2, "the ability to use your initiative"),
        ],
        columns=["career_id", "kind", "item_position", "item_text"],
    )
    result = build_skills(items)[["career_id", "kind", "item_position", "skill", "skill_type"]]
    expected = pd.DataFrame(
        [
            ("c", "technical", 1, "Spreadsheet modelling", "skill"),
            ("c", "technical", 3, "Excel", "tool"),  # the alias table spells it so
            ("c", "people", 1, "Attention to detail", "skill"),
            ("c", "people", 2, "Verbal communication skills", "skill"),
            ("c", "people", 3, "Customer service skills", "skill"),
            ("d", "people", 1, "Customer service skills", "skill"),
            ("d", "people", 2, "Initiative", "skill"),
        ],
        columns=["career_id", "kind", "item_position", "skill", "skill_type"],
    ).astype({"career_id": "str", "kind": "str", "skill": "str", "skill_type": "str"})
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected)


def test_vocational_certificates_are_nondegree_awards():
    result = normalize_education(_s(["Certificate III or IV", "A trade certificate"])).tolist()
    assert result == ["postsecondary nondegree award"] * 2
