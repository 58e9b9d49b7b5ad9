"""Money text to annual amounts with a currency, vectorized.

Reads what pay cells publish: `$75k`, `$75,000.50`, `75000`, `$38.50/hr`,
`$63.20 per hour`, `£13,000`, `$1.2M`, ranges (`$60k–$90k`, `$60,000 - $90,000`,
`£18,000 to £30,000`), floors ("equal to or greater than $239,200", `$X+`),
ceilings ("Up to $X"), both figures of a cell ("$125,770 per year $60.47 per hour":
the annual one wins) and placeholders ("N/A", "—", empty -> null).

Non-annual pay is annualized (2,080 h, 52 weeks, 26 fortnights, 12 months,
260 days a year) and flagged, so an analyst can tell a published annual figure
from a computed one. A number we cannot place is left null, never guessed:
"75" stays 75 and the validator rejects it as out of range rather than
inventing 75,000; "$30 per session" (a period we cannot annualize) has no
amount at all. Numbers are read as the page writes them (digits and thousands
separators): "$1e309" is no amount, never 1.0 or infinity.

The period and the currency come from the figure itself first, then from the
words the page puts around it (`context`: a label such as "Weekly pay", a
column header "$/hour", a note "wages in Australian dollars"), then from the
site's hint, then from the run's default currency. A context that names two
periods or two currencies names none.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from transform.text import MULTIPLIERS, match_key, normalize_text

HOURS_PER_YEAR = 2080
PER_YEAR: dict[str, int] = {
    "year": 1, "month": 12, "fortnight": 26, "week": 52, "day": 260, "hour": HOURS_PER_YEAR,
}  # fmt: skip
PERIODS: tuple[str, ...] = tuple(PER_YEAR)

_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
}
ISO_CODES: tuple[str, ...] = (
    "USD", "GBP", "EUR", "CAD", "AUD", "NZD", "CHF", "JPY", "INR", "SEK",
    "NOK", "DKK", "PLN", "ZAR", "SGD", "HKD", "MXN", "BRL", "CNY", "KRW",
)  # fmt: skip
# "$" alone is the site's own dollar when its currency is a dollar, else the US dollar.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD"})

_CODE = r"\b(?:" + "|".join(c.lower() for c in ISO_CODES) + r")\b"
_CUR = r"(?:us\$|ca?\$|au?\$|nz\$|hk\$|s\$|\$|£|€|¥|₹|" + _CODE + ")"
# Digits as written: never the mantissa of "1e309", never digits glued to a letter's exponent.
_NUM = (
    r"(?<![\d.,eE])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![eE][+-]?\d)"
)
_MULT = r"k|mn|m|thousand|million"
_UNIT = r"hour|hr|h|year|yr|annum|month|mo|fortnight|week|wk|day"
_ADVERB = (
    r"hourly|annually|annual|yearly|monthly|fortnightly|weekly|daily|p\.?a\b\.?|p/?h\b"
    r"|p\.?w\b\.?"
)
# Currencies named in words ("52,000 Australian dollars", "wages in NZ dollars").
CURRENCY_WORDS: dict[str, str] = {
    r"australian dollars?|aussie dollars?": "AUD",
    r"canadian dollars?": "CAD",
    r"new zealand dollars?|nz dollars?": "NZD",
    r"(?:us|u\.s\.|american|united states) dollars?": "USD",
    r"hong kong dollars?": "HKD",
    r"singapore dollars?": "SGD",
    r"pounds? sterling|british pounds?|sterling|pounds?|gbp": "GBP",
    r"euros?": "EUR",
    r"indian rupees?|rupees?": "INR",
    r"japanese yen|yen": "JPY",
}
# Between a range's ends: "-", "to", "and", or a rise in words ("starting around £24,000,
# rising to £40,000", "$900 a week; with experience this can rise to $1,400", "start at £X
# and can reach £Y").
_RISE = r"(?:ris(?:e|es|ing)|increas(?:e|es|ing)|go(?:es|ing)? up|grow(?:s|ing)?|climb(?:s|ing)?)"
_SEP = (
    rf"\s*(?:-|to|and|(?:,|;|and)?\s*(?:(?:with experience|later|over time),?\s*)?(?:(?:this|pay"
    rf"|it|salaries|earnings|wages)\s+)?(?:(?:can|could|may|will|might)\s+)?(?:{_RISE}\s+to"
    r"|reach(?:es|ing)?)(?:\s+(?:about|around|as much as|over|more than))?)\s*"
)
# Words a range puts beside its ends: NCS "£14,000 Starter to £30,000 Experienced".
_QUALIFIER = (
    r"(?:\s*\(?(?:starter|starting|new entrants?|entry[- ]level|entry|junior|trainee"
    r"|newly qualified|highly experienced|experienced|senior|minimum|maximum|min|max)\b\)?)?"
)

_UNITS: dict[str, str] = {
    "hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour", "ph": "hour",
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "annual": "year",
    "yearly": "year", "pa": "year",
    "month": "month", "mo": "month", "monthly": "month",
    "fortnight": "fortnight", "fortnightly": "fortnight",
    "week": "week", "wk": "week", "weekly": "week", "pw": "week",
    "day": "day", "daily": "day",
}  # fmt: skip
# A period stated as a word of the context: "Weekly pay", "Wages ($/hour)", "(a year)".
_CONTEXT_PERIOD = (
    r"(?:(?:(?:^|[^a-z])(?:per|an?|each) ?|/ ?)(?P<u>hour|hr|year|yr|annum|month|mo|fortnight"
    r"|week|wk|day)|(?:^|[^a-z])(?P<a>hourly|annually|annual|yearly|monthly|fortnightly|weekly"
    r"|daily))(?![a-z])"
)

_FLOOR = (
    r"equal to or (?:greater|more) than|\bat least\b|\bor (?:more|above|higher)\b"
    r"|\d\s*[km]?\s*(?:[a-z]{3}\s*)?\+"
)
_CEILING = r"\bup to\b|\bor less\b|\bat most\b"

MONEY_COLUMNS: tuple[str, ...] = (
    "low",
    "high",
    "currency",
    "period",
    "annualized",
    "is_floor",
    "is_ceiling",
)


def _amount(i: int, *, currency_required: bool) -> str:
    cur = f"(?P<c{i}>{_CUR})" + ("" if currency_required else "?")
    return (
        rf"{cur}\s*(?P<n{i}>{_NUM})(?!\d|\.\d)(?:\s*(?P<m{i}>{_MULT})\b)?"
        rf"(?:\s*(?P<k{i}>{_CODE}))?(?:\s*\+|\s+or (?:more|above|higher|over)\b)?"
    )


def _period(i: int) -> str:
    # x: "per session", "/visit": a period we cannot annualize, so the amount is unclear.
    return (
        rf"(?:\s*\(?\s*(?:(?:per|an|a|each|/)\s*(?P<u{i}>{_UNIT})\b|(?P<a{i}>{_ADVERB})"
        rf"|(?:per|each|/)\s*(?P<x{i}>[a-z]{{3,}})))"
    )


def _pattern(*, currency_required: bool) -> str:
    first = _amount(1, currency_required=currency_required) + _period(1) + "?" + _QUALIFIER
    second = _amount(2, currency_required=False) + _period(2) + "?"
    return f"{first}(?:{_SEP}{second})?"


_STRICT = _pattern(currency_required=True)
_LOOSE = _pattern(currency_required=False)
# An amount that says it is annual: preferred when a cell states both pay periods.
_ANNUAL = _amount(1, currency_required=True) + (
    r"\s*(?:(?:per|an|a|each|/)\s*(?P<u1>year|yr|annum)\b|(?P<a1>annually|annual|yearly|p\.?a\b\.?))"
)


def _to_number(digits: pd.Series, mult: pd.Series) -> pd.Series:
    values = pd.to_numeric(digits.str.replace(",", "", regex=False), errors="coerce")
    factor = mult.map(MULTIPLIERS).astype("float64").fillna(1.0)
    return values.astype("float64") * factor


def _iso(symbol: pd.Series, fallback: pd.Series, words: pd.Series) -> pd.Series:
    """The currency of each amount: its own symbol or code, else currency words in its
    text, else (for "$" or no symbol) the fallback; a bare "$" is a dollar either way."""
    sym = symbol.str.lower()
    iso = sym.map(_SYMBOLS)
    code = sym.str.upper().where(sym.str.fullmatch(r"[a-z]{3}", na=False))
    specific = iso.fillna(code)
    dollar_words = words.where(words.isin(_DOLLARS) | (sym != "$"))
    named = specific.fillna(dollar_words.where(sym.isna() | (sym == "$")))
    dollar_default = fallback.where(fallback.isin(_DOLLARS), "USD")
    dollar = dollar_default.where(sym == "$")
    return named.fillna(dollar)


_ANY_WORD = "(?:^|[^a-z])(?:" + "|".join(CURRENCY_WORDS) + ")(?![a-z])"
_SPECIFIC_SYMBOL = r"(us\$|ca?\$|au?\$|nz\$|hk\$|s\$|£|€|¥|₹)"


def named_currency(key: pd.Series, *, symbols: bool = True) -> pd.Series:
    """The one currency that lower-cased `key` names in words (and, with `symbols`, by an
    unambiguous symbol or an ISO code); null when it names none or several."""
    out = pd.Series(None, index=key.index, dtype="object")
    found: list[pd.Series] = []
    worded = key.str.contains(_ANY_WORD, regex=True, na=False)
    if worded.any():
        rows = key[worded]
        for pattern, iso in CURRENCY_WORDS.items():
            hit = rows.str.contains(f"(?:^|[^a-z])(?:{pattern})(?![a-z])", regex=True)
            found.append(rows.where(~hit, iso).where(hit))
    if symbols:
        found.append(key.str.extract(_SPECIFIC_SYMBOL)[0].map(_SYMBOLS))
        found.append(key.str.extract(f"({_CODE})")[0].str.upper())
    # Long form (row, name), in the order above: row-wise pandas over a wide frame is slow.
    named = [s.dropna() for s in found]
    named = [s for s in named if not s.empty]
    if not named:
        return out
    grouped = pd.concat(named).groupby(level=0, sort=False)
    one: pd.Series = grouped.first().where(grouped.nunique() == 1)
    return one.reindex(key.index).astype("object")


def _unit(word: pd.Series, adverb: pd.Series) -> pd.Series:
    return word.fillna(adverb).str.replace(r"[./]", "", regex=True).map(_UNITS)


def context_period(key: pd.Series) -> pd.Series:
    """The one pay period that lower-cased context text names; null for none or several."""
    found = key.str.extractall(_CONTEXT_PERIOD)
    if found.empty:
        return pd.Series(None, index=key.index, dtype="object")
    units = _unit(found["u"], found["a"]).droplevel(1)
    grouped = units.groupby(level=0)
    one = grouped.first().where(grouped.nunique() == 1)
    return one.reindex(key.index).astype("object")


_GROUPS = (
    "c1", "n1", "m1", "k1", "u1", "a1", "x1", "c2", "n2", "m2", "k2", "u2", "a2", "x2",
)  # fmt: skip


def _extract(key: pd.Series, pattern: str, rows: pd.Series) -> pd.DataFrame:
    """The pattern's groups for the `rows` of `key` that may match (others all-null).

    Regex passes dominate the cost, so they run only where they can find something.
    """
    found = key[rows].str.extract(pattern) if rows.any() else pd.DataFrame(index=key.index[:0])
    return found.reindex(index=key.index, columns=list(_GROUPS)).astype("object")


def _choose(mask: pd.Series, when_true: pd.DataFrame, otherwise: pd.DataFrame) -> pd.DataFrame:
    """Row-wise pick between two frames of the same shape."""
    picked = np.where(
        mask.to_numpy(dtype=bool)[:, None], when_true.to_numpy(), otherwise.to_numpy()
    )
    return pd.DataFrame(picked, index=when_true.index, columns=when_true.columns)


def _coded(key: pd.Series) -> pd.Series:
    """Currency words as ISO codes beside the amount ("12.97 canadian dollars per hour" ->
    "12.97 cad per hour"), so the period after them is still read; "52,000 dollars" is
    "$52,000"."""
    worded = key.str.contains(_ANY_WORD, regex=True, na=False)
    if not worded.any():
        return key
    rows = key[worded]
    for pattern, iso in CURRENCY_WORDS.items():
        rows = rows.str.replace(f"(?<![a-z])(?:{pattern})(?![a-z])", iso.lower(), regex=True)
    rows = rows.str.replace(r"(\d[\d,.]*)\s*dollars?(?![a-z])", r"$\1", regex=True)
    return key.where(~worded, rows)


def parse_money(
    text: pd.Series, fallback_currency: pd.Series, fallback_period: pd.Series | None = None
) -> pd.DataFrame:
    """Parse one pay cell per row into annual amounts.

    Returns MONEY_COLUMNS: `low`/`high` annual floats (equal for a single amount,
    null when the cell has none), ISO `currency` (symbol, code or currency words in
    the cell, else `fallback_currency`), `period` as stated (year/hour/month/
    fortnight/week/day; else `fallback_period`, else year), `annualized`, `is_floor`,
    `is_ceiling` (nullable booleans, null without an amount).
    """
    key = _coded(match_key(text))
    has_digit = key.str.contains("[0-9]", regex=True, na=False)
    strict = _extract(key, _STRICT, has_digit)
    loose = _extract(key, _LOOSE, has_digit & strict["n1"].isna())
    use = _choose(strict["n1"].notna(), strict, loose)

    # A cell that also states an annual amount gives that one ("$60.47 per hour ($125,770 per
    # year)"), unless its first match is already annual or a range.
    unit1 = _unit(use["u1"], use["a1"])
    may_prefer = (
        use["n1"].notna()
        & use["n2"].isna()
        & unit1.notna()
        & (unit1 != "year")
        & key.str.contains("year|yr|annum|annual|p[.]?a", regex=True, na=False)
    )
    annual = _extract(key, _ANNUAL, may_prefer)
    use = _choose(annual["n1"].notna(), annual, use)

    unit = _unit(use["u1"], use["a1"]).fillna(_unit(use["u2"], use["a2"]))
    unclear = unit.isna() & (use["x1"].notna() | use["x2"].notna())
    has = use["n1"].notna() & ~unclear
    default_period = (
        pd.Series("year", index=key.index, dtype="object")
        if fallback_period is None
        else fallback_period.astype("object").where(fallback_period.isin(PERIODS), "year")
    )
    period = unit.where(unit.notna(), default_period).where(has)

    first = _to_number(use["n1"], use["m1"])
    second = _to_number(use["n2"], use["m2"])
    # "$60-90k": the second figure's multiplier covers a bare first figure below it.
    shared = (
        use["m1"].isna()
        & use["m2"].notna()
        & (first < pd.to_numeric(use["n2"].str.replace(",", "", regex=False), errors="coerce"))
    )
    first = first.where(~shared, first * use["m2"].map(MULTIPLIERS).astype("float64"))

    factor = period.map(PER_YEAR).astype("float64")
    low = (first * factor).round(2)
    high = (second.fillna(first) * factor).round(2)
    finite = np.isfinite(low) & np.isfinite(high)
    low, high = low.where(finite), high.where(finite)
    swap = low > high
    low, high = low.where(~swap, high), high.where(~swap, low)

    # An ISO code beside the amount ("$52,000 AUD") says which dollar its "$" is.
    symbol = use["k1"].fillna(use["c1"]).fillna(use["k2"]).fillna(use["c2"])
    fallback = fallback_currency.astype("str")
    words = named_currency(key.where(has), symbols=False)
    currency = _iso(symbol, fallback, words).fillna(fallback).where(has)

    annualized = (period != "year").astype("boolean").where(has)
    is_floor = key.str.contains(_FLOOR, regex=True, na=False).astype("boolean").where(has)
    is_ceiling = key.str.contains(_CEILING, regex=True, na=False).astype("boolean").where(has)
    return pd.DataFrame(
        {
            "low": low.astype("float64"),
            "high": high.astype("float64"),
            "currency": currency.astype("str"),
            "period": period.astype("str"),
            "annualized": annualized,
            "is_floor": is_floor,
            "is_ceiling": is_ceiling,
        },
        index=text.index,
    )


SALARY_COLUMNS: tuple[str, ...] = (
    "salary_low",
    "salary_median",
    "salary_high",
    "salary_currency",
    "salary_period",
    "salary_annualized",
    "salary_is_floor",
    "salary_text",
)
CURRENCY_CONFLICT = "_salary_currency_conflict"


def _raw_salary_text(low: pd.Series, median: pd.Series, high: pd.Series) -> pd.Series:
    parts = [
        ("Low: " + normalize_text(low)).fillna(""),
        ("Median: " + normalize_text(median)).fillna(""),
        ("High: " + normalize_text(high)).fillna(""),
    ]
    joined = parts[0] + " | " + parts[1] + " | " + parts[2]
    joined = joined.str.replace(r"^(?: \| )+|(?: \| )+$", "", regex=True)
    joined = joined.str.replace(r"(?: \| ){2,}", " | ", regex=True)
    return joined.mask(joined == "")


def normalize_salary(
    low: pd.Series,
    median: pd.Series,
    high: pd.Series,
    text: pd.Series,
    currency_hint: pd.Series,
    default_currency: str | pd.Series,
    context: pd.Series | None = None,
) -> pd.DataFrame:
    """The salary columns of `careers` from the low/median/high cells and the page's pay text.

    Each cell is parsed on its own; when no cell holds an amount, the pay text is the
    fallback (a range gives low/high, "up to" gives high, one amount gives the median).
    A range in the median cell fills low/high when those cells are empty.
    The period, currency and flags come from the median, else low, else high.
    `context` (the words around the figures) supplies the period and the currency a
    cell does not state; then `currency_hint`, then `default_currency` (one code, or
    one per row). Besides SALARY_COLUMNS, CURRENCY_CONFLICT is True where the cells
    name different currencies (one currency column cannot hold them: the validator
    rejects the row).
    """
    default = (
        default_currency
        if isinstance(default_currency, pd.Series)
        else pd.Series(default_currency, index=low.index, dtype="object")
    )
    fallback = normalize_text(currency_hint).str.upper()
    fallback = fallback.where(fallback.str.fullmatch(r"[A-Z]{3}", na=False), default)
    period_hint = pd.Series(None, index=low.index, dtype="object")
    if context is not None:
        context_key = match_key(context)
        fallback = named_currency(context_key).fillna(fallback)
        period_hint = context_period(context_key.fillna(""))
    # One parse over all four texts: the regex passes dominate, not the row count.
    n = len(low)
    stacked = pd.concat([low, median, high, text], ignore_index=True)
    parsed = parse_money(
        stacked,
        pd.concat([fallback] * 4, ignore_index=True),
        pd.concat([period_hint] * 4, ignore_index=True),
    )
    lo, md, hi, tx = (parsed.iloc[i * n : (i + 1) * n].set_axis(low.index) for i in range(4))

    cells_empty = lo["low"].isna() & md["low"].isna() & hi["low"].isna()
    from_text = cells_empty & tx["low"].notna()
    text_range = from_text & (tx["low"] != tx["high"])
    text_ceiling = from_text & ~text_range & tx["is_ceiling"].fillna(False).astype(bool)
    text_single = from_text & ~text_range & ~text_ceiling

    md_range = md["low"].notna() & (md["low"] != md["high"])
    salary_low = lo["low"].fillna(md["low"].where(md_range)).where(~text_range, tx["low"])
    salary_high = (
        hi["high"]
        .fillna(md["high"].where(md_range))
        .where(~(text_range | text_ceiling), tx["high"])
    )
    salary_median = md["low"].where(~md_range).where(~text_single, tx["low"])

    def pick(column: str) -> pd.Series:
        value = md[column].where(md["low"].notna())
        value = value.fillna(lo[column].where(lo["low"].notna()))
        value = value.fillna(hi[column].where(hi["low"].notna()))
        return value.fillna(tx[column].where(from_text))

    has_any = ~cells_empty | from_text
    annualized = pd.concat(
        [lo["annualized"], md["annualized"], hi["annualized"], tx["annualized"].where(from_text)],
        axis=1,
    ).any(axis=1, skipna=True)
    floor_any = pd.concat([lo["is_floor"], md["is_floor"], hi["is_floor"]], axis=1).any(axis=1)
    text_floor = tx["is_floor"].fillna(False).astype(bool)
    currencies = [frame["currency"].where(frame["low"].notna()) for frame in (lo, md, hi)]
    conflict = pd.Series(False, index=low.index)
    for i, j in ((0, 1), (1, 2), (0, 2)):
        a, b = currencies[i], currencies[j]
        conflict |= (a.notna() & b.notna() & (a != b)).astype(bool)
    salary_text = normalize_text(text).fillna(_raw_salary_text(low, median, high))
    return pd.DataFrame(
        {
            "salary_low": salary_low.astype("float64"),
            "salary_median": salary_median.astype("float64"),
            "salary_high": salary_high.astype("float64"),
            "salary_currency": pick("currency").astype("str"),
            "salary_period": pick("period").astype("str"),
            "salary_annualized": annualized.astype("boolean").where(has_any),
            "salary_is_floor": (floor_any | text_floor).astype("boolean").where(has_any),
            "salary_text": salary_text.astype("str"),
            CURRENCY_CONFLICT: conflict,
        },
        index=low.index,
    )
