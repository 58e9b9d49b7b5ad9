"""Money text to annual amounts: every format of issue 4 and of the real pages."""

from __future__ import annotations

import pandas as pd
import pytest

from transform.money import normalize_salary, parse_money

NA = None
# text -> (low, high, currency, period, annualized, is_floor, is_ceiling)
CASES: list[tuple[str | None, tuple[object, ...]]] = [
    ("$75k", (75000.0, 75000.0, "USD", "year", False, False, False)),
    ("$75K", (75000.0, 75000.0, "USD", "year", False, False, False)),
    ("$75,000", (75000.0, 75000.0, "USD", "year", False, False, False)),
    ("$75,000.50", (75000.5, 75000.5, "USD", "year", False, False, False)),
    ("75000", (75000.0, 75000.0, "USD", "year", False, False, False)),
    ("$38.50/hr", (80080.0, 80080.0, "USD", "hour", True, False, False)),
    ("$38.50 per hour", (80080.0, 80080.0, "USD", "hour", True, False, False)),
    ("$63.20     per hour", (131456.0, 131456.0, "USD", "hour", True, False, False)),
    ("£13,000", (13000.0, 13000.0, "GBP", "year", False, False, False)),
    ("&#163;13,000", (13000.0, 13000.0, "GBP", "year", False, False, False)),
    ("$1.2M", (1200000.0, 1200000.0, "USD", "year", False, False, False)),
    ("$60k–$90k", (60000.0, 90000.0, "USD", "year", False, False, False)),
    ("$60,000 - $90,000", (60000.0, 90000.0, "USD", "year", False, False, False)),
    ("$60,000 to $90,000", (60000.0, 90000.0, "USD", "year", False, False, False)),
    ("$60-90k", (60000.0, 90000.0, "USD", "year", False, False, False)),
    ("$20 - $25 per hour", (41600.0, 52000.0, "USD", "hour", True, False, False)),
    ("equal to or greater than $239,200", (239200.0, 239200.0, "USD", "year", False, True, False)),
    ("Up to $90,000", (90000.0, 90000.0, "USD", "year", False, False, True)),
    ("$150k+", (150000.0, 150000.0, "USD", "year", False, True, False)),
    ("$4,000 per month", (48000.0, 48000.0, "USD", "month", True, False, False)),
    ("$4,000 monthly", (48000.0, 48000.0, "USD", "month", True, False, False)),
    ("$900 weekly", (46800.0, 46800.0, "USD", "week", True, False, False)),
    ("$900 a week", (46800.0, 46800.0, "USD", "week", True, False, False)),
    ("£400 a day", (104000.0, 104000.0, "GBP", "day", True, False, False)),
    ("£25,000 p.a.", (25000.0, 25000.0, "GBP", "year", False, False, False)),
    ("USD 80,000", (80000.0, 80000.0, "USD", "year", False, False, False)),
    ("80,000 EUR", (80000.0, 80000.0, "EUR", "year", False, False, False)),
    ("€45,000", (45000.0, 45000.0, "EUR", "year", False, False, False)),
    # Real OOH and NCS cells.
    ("$125,770 per year $60.47 per hour", (125770.0, 125770.0, "USD", "year", False, False, False)),
    ("$21.69 per hour", (45115.2, 45115.2, "USD", "hour", True, False, False)),
    (
        "This wage is equal to or greater than $239,200 per year or $115.00 per hour.",
        (239200.0, 239200.0, "USD", "year", False, True, False),
    ),
    (
        "$60.47 per hour ($125,770 per year)",
        (125770.0, 125770.0, "USD", "year", False, False, False),
    ),
    ("£18,000 Starter", (18000.0, 18000.0, "GBP", "year", False, False, False)),
    ("£30,000 Experienced", (30000.0, 30000.0, "GBP", "year", False, False, False)),
    (
        "£14,000 Starter to £30,000 Experienced",
        (14000.0, 30000.0, "GBP", "year", False, False, False),
    ),
    ("2024 Median Pay: $125,770", (125770.0, 125770.0, "USD", "year", False, False, False)),
    # Placeholders: nothing.
    ("N/A", (NA,) * 7),
    ("—", (NA,) * 7),
    ("", (NA,) * 7),
    (None, (NA,) * 7),
]


def _expected(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    columns = list(zip(*rows, strict=True))
    return pd.DataFrame(
        {
            "low": pd.Series(columns[0], dtype="float64"),
            "high": pd.Series(columns[1], dtype="float64"),
            "currency": pd.Series(columns[2], dtype="str"),
            "period": pd.Series(columns[3], dtype="str"),
            "annualized": pd.Series(columns[4], dtype="boolean"),
            "is_floor": pd.Series(columns[5], dtype="boolean"),
            "is_ceiling": pd.Series(columns[6], dtype="boolean"),
        }
    )


def test_parse_money_formats():
    text = pd.Series([t for t, _ in CASES], dtype="object")
    result = parse_money(text, pd.Series("USD", index=text.index))
    pd.testing.assert_frame_equal(result, _expected([e for _, e in CASES]))


@pytest.mark.parametrize(
    ("text", "fallback", "currency"),
    [
        ("$50,000", "CAD", "CAD"),  # a Canadian site's "$" is its own dollar
        ("$50,000", "GBP", "USD"),  # a bare "$" on a pound site is still a dollar
        ("50,000", "GBP", "GBP"),
        ("C$50,000", "USD", "CAD"),
        ("A$50,000", "USD", "AUD"),
        ("50,000 gbp", "USD", "GBP"),
    ],
)
def test_currency_from_symbol_code_or_fallback(text, fallback, currency):
    result = parse_money(pd.Series([text]), pd.Series([fallback]))
    assert result.loc[0, "currency"] == currency


def _salary(rows: list[dict[str, str | None]], default: str = "USD") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["low", "median", "high", "text", "hint"], dtype="object")
    return normalize_salary(
        frame["low"], frame["median"], frame["high"], frame["text"], frame["hint"], default
    )


def test_normalize_salary_cells_and_fallbacks():
    result = _salary(
        [
            # sample site: three cells
            {"low": "$75k", "median": "$115k", "high": "$170k"},
            # OOH: both figures in the median cell; annual wins, nothing computed
            {"median": "$125,770 per year $60.47 per hour"},
            # OOH: hourly only
            {"median": "$21.69 per hour"},
            # OOH: a floor stated in the pay text, not in the cell
            {
                "median": "$239,200 per year",
                "text": "equal to or greater than $239,200 per year",
            },
            # NCS: starter/experienced, currency from the site's hint
            {"low": "£18,000 Starter", "high": "£30,000 Experienced", "hint": "GBP"},
            # only a pay text with a range
            {"text": "Salaries range from $60,000 to $90,000"},
            # only a pay text with a ceiling
            {"text": "Up to $90k"},
            # a range in the median cell
            {"median": "$60k–$90k"},
            # no pay at all
            {"median": "N/A", "text": "—"},
            # currency hint used for a bare number
            {"median": "45,000", "hint": "EUR"},
            # cells in two currencies: flagged for the validator
            {"low": "£18,000", "high": "$30,000"},
        ]
    )
    nan = None
    columns = [
        "salary_low",
        "salary_median",
        "salary_high",
        "salary_currency",
        "salary_period",
        "salary_annualized",
        "salary_is_floor",
        "salary_text",
        "_salary_currency_conflict",
    ]
    rows = [
        (75000.0, 115000.0, 170000.0, "USD", "year", False, False,
         "Low: $75k | Median: $115k | High: $170k", False),
        (nan, 125770.0, nan, "USD", "year", False, False,
         "Median: $125,770 per year $60.47 per hour", False),
        (nan, 45115.2, nan, "USD", "hour", True, False, "Median: $21.69 per hour", False),
        (nan, 239200.0, nan, "USD", "year", False, True,
         "equal to or greater than $239,200 per year", False),
        (18000.0, nan, 30000.0, "GBP", "year", False, False,
         "Low: £18,000 Starter | High: £30,000 Experienced", False),
        (60000.0, nan, 90000.0, "USD", "year", False, False,
         "Salaries range from $60,000 to $90,000", False),
        (nan, nan, 90000.0, "USD", "year", False, False, "Up to $90k", False),
        (60000.0, nan, 90000.0, "USD", "year", False, False, "Median: $60k–$90k", False),
        (nan, nan, nan, nan, nan, nan, nan, "—", False),
        (nan, 45000.0, nan, "EUR", "year", False, False, "Median: 45,000", False),
        (18000.0, nan, 30000.0, "GBP", "year", False, False,
         "Low: £18,000 | High: $30,000", True),
    ]  # fmt: skip
    expected = pd.DataFrame(rows, columns=columns).astype(
        {
            "salary_low": "float64",
            "salary_median": "float64",
            "salary_high": "float64",
            "salary_currency": "str",
            "salary_period": "str",
            "salary_annualized": "boolean",
            "salary_is_floor": "boolean",
            "salary_text": "str",
            "_salary_currency_conflict": "bool",
        }
    )
    pd.testing.assert_frame_equal(result, expected)
