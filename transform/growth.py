"""Job-outlook text to the ordered growth category, a percent and the projection period.

Reads "22% (Much faster than average)", "-2% (Decline)", "faster than the average",
"DECLINING", "+15.8%", "15 percent", "Job Outlook, 2024–34: 3% (As fast as average)",
"projected to grow 5 percent from 2024 to 2034".
The category comes only from the words on the page: thresholds between categories
change with each projection edition, so a bare percent is not turned into a category.
A band ("Faster than average (between 4% and 7%)", "11% or more") is no single
percent: its category is kept, `growth_pct` is null. Numbers are read as written:
"1e309%" is no percent. The projection years come from the text, else from its
label (`context`: "Job Outlook, 2024-34").

A site's own outlook rating ("Bright", "Good", "Strong", stars) names no BLS
category: `normalize_outlook` keeps its words for `growth_outlook`, and star
ratings as "N out of M stars".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from load.schema import GROWTH_LEVELS
from transform.text import match_key, normalize_text

# Tested in this order: the first rule that matches decides (more specific first).
_RULES: tuple[tuple[str, str], ...] = (
    ("much faster than average", r"much faster|far faster|significantly faster"),
    ("faster than average", r"faster|above[- ]average|above the average"),
    ("slower than average", r"slower|below[- ]average|below the average"),
    ("little or no change", r"little (?:or|to) no change|little change|no change|\bflat\b"),
    ("as fast as average", r"as fast as|about average|average growth|\baverage\b"),
    ("decline", r"declin|decreas|shrink|contract(?:ing|ion)|\bfall(?:ing)?\b"),
)
_PERIOD = (
    r"\b(?P<start>(?:19|20)\d{2})\s*(?:-|to|through|and)\s*(?P<end>(?:19|20)\d{2}|\d{2})\b"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PCT_UNIT = r"\s*(?:%|percent\b|per cent\b|pct\b)"
_PCT = (
    rf"(?<![\d.,eE])(?P<sign>[+-])?\s*(?P<pct>{_NUMBER})(?![eE][+-]?\d){_PCT_UNIT}"
)
# Two percents joined ("between 4% and 7%", "4-7%", "from 4% to 7%") or an open end
# ("11% or more", "more than 5%", "up to 3%"): a band, not the projection.
_BAND = (
    rf"(?:{_NUMBER})(?:{_PCT_UNIT})?\s*(?:-|to|and)\s*[+-]?\s*(?:{_NUMBER}){_PCT_UNIT}"
    rf"|(?:{_NUMBER}){_PCT_UNIT}\s*(?:or more|or higher|or above|or less|or lower|and over"
    rf"|and above|\+)"
    rf"|(?:more|less|greater|fewer|higher|lower) than\s*(?:{_NUMBER}){_PCT_UNIT}"
    rf"|(?:up to|at least|under|over)\s*(?:{_NUMBER}){_PCT_UNIT}"
)
_YEAR = r"(?<![\d.,])(?:19|20)\d{2}(?![\d,])"

GROWTH_COLUMNS: tuple[str, ...] = (
    "growth_category",
    "growth_pct",
    "growth_period_start",
    "growth_period_end",
)


_SHRINKING = r"\b(?:declin\w*|decreas\w*|shrink\w*|fall\w*|drop\w*|los[es]\w*)\b"


def growth_dtype() -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(GROWTH_LEVELS), ordered=True)


def normalize_growth(text: pd.Series, context: pd.Series | None = None) -> pd.DataFrame:
    """GROWTH_COLUMNS for each outlook text; null where the text does not say.

    `context` (the label the text stood under) supplies projection years the text lacks.
    """
    key = match_key(text).fillna("")
    conditions = [key.str.contains(rx, regex=True) for _, rx in _RULES]
    category = np.select(conditions, [level for level, _ in _RULES], default="")

    period = key.str.extract(_PERIOD)
    if context is not None:
        from_label = match_key(context).fillna("").str.extract(_PERIOD)
        period = period.where(period["start"].notna(), from_label)
    start = pd.to_numeric(period["start"], errors="coerce")
    end_raw = pd.to_numeric(period["end"], errors="coerce")
    # "2024-34": two digits continue the start's century; "2095-05" rolls into the next one.
    short = period["end"].str.len() == 2
    century = (start // 100) * 100
    end_short = century + end_raw + np.where(end_raw < start % 100, 100, 0)
    end = end_raw.where(~short, end_short)
    valid = end > start

    without_period = key.str.replace(_PERIOD, " ", regex=True)
    pct = without_period.str.extract(_PCT)
    band = without_period.str.contains(_BAND, regex=True)
    digits = pct["pct"].str.replace(",", "", regex=False)
    value = pd.to_numeric(digits, errors="coerce").astype("float64")
    value = value.where(pct["sign"] != "-", -value)
    # "projected to decline 5 percent", "a decrease of 2%": the words carry the sign.
    worded_decline = (pct["sign"] != "-") & (
        pd.Series(category, index=text.index).eq("decline")
        | key.str.contains(_SHRINKING, regex=True)
    ) & (pct["sign"] != "+")
    value = value.where(~worded_decline, -value.abs()).where(~band)

    return pd.DataFrame(
        {
            "growth_category": pd.Series(category, index=text.index)
            .replace("", np.nan)
            .astype(growth_dtype()),
            "growth_pct": value,
            "growth_period_start": start.where(valid).astype("Int32"),
            "growth_period_end": end.where(valid).astype("Int32"),
        },
        index=text.index,
    )


_STARS = r"^(?P<n>\d(?:\.\d)?)\s*(?:/|out of|of)\s*(?P<m>\d+)(?:\s*stars?)?$|^(?P<k>\d) stars?$"


def normalize_outlook(text: pd.Series) -> pd.Series:
    """A site's own outlook rating as published ("Good", "Very strong"); a star rating
    ("★★★☆☆", "3/5", "3 of 5 stars", "3 stars") as "3 out of 5 stars"; null for none."""
    words = normalize_text(text)
    filled = words.str.count("★").astype("Int64")
    empty = words.str.count("[☆✩]").astype("Int64")
    glyphs = words.str.fullmatch("[★☆✩ ]+", na=False) & (filled > 0)
    from_glyphs = filled.astype("str") + " out of " + (filled + empty).astype("str") + " stars"
    stars = match_key(words).str.extract(_STARS)
    out_of = stars["n"].str.replace(r"\.0$", "", regex=True) + " out of " + stars["m"] + " stars"
    alone = stars["k"] + " stars"
    rated = out_of.fillna(alone)
    result = words.where(~glyphs, from_glyphs).where(rated.isna(), rated)
    return result.astype("str").rename("growth_outlook")
