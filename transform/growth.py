"""Job-outlook text to the ordered growth category, a percent and the projection period.

Reads "22% (Much faster than average)", "-2% (Decline)", "faster than the average",
"DECLINING", "+15.8%", "15 percent", "Job Outlook, 2024–34: 3% (As fast as average)".
The category comes only from the words on the page: thresholds between categories
change with each projection edition, so a bare percent is not turned into a category.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from load.schema import GROWTH_LEVELS
from transform.text import match_key

# Tested in this order: the first rule that matches decides (more specific first).
_RULES: tuple[tuple[str, str], ...] = (
    ("much faster than average", r"much faster|far faster|significantly faster"),
    ("faster than average", r"faster|above[- ]average|above the average"),
    ("slower than average", r"slower|below[- ]average|below the average"),
    ("little or no change", r"little (?:or|to) no change|little change|no change|stable|flat\b"),
    ("as fast as average", r"as fast as|about average|average growth|\baverage\b"),
    ("decline", r"declin|decreas|shrink|contract(?:ing|ion)|\bfall(?:ing)?\b"),
)
_PERIOD = r"\b(?P<start>(?:19|20)\d{2})\s*-\s*(?P<end>\d{4}|\d{2})\b"
_PCT = (
    r"(?<![\d.,])(?P<sign>[+-])?\s*(?P<pct>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?:%|percent\b|per cent\b|pct\b)"
)

GROWTH_COLUMNS: tuple[str, ...] = (
    "growth_category",
    "growth_pct",
    "growth_period_start",
    "growth_period_end",
)


_SHRINKING = r"\b(?:declin\w*|decreas\w*|shrink\w*|fall\w*|drop\w*|los[es]\w*)\b"


def growth_dtype() -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(GROWTH_LEVELS), ordered=True)


def normalize_growth(text: pd.Series) -> pd.DataFrame:
    """GROWTH_COLUMNS for each outlook text; null where the text does not say."""
    key = match_key(text).fillna("")
    conditions = [key.str.contains(rx, regex=True) for _, rx in _RULES]
    category = np.select(conditions, [level for level, _ in _RULES], default="")

    period = key.str.extract(_PERIOD)
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
    digits = pct["pct"].str.replace(",", "", regex=False)
    value = pd.to_numeric(digits, errors="coerce").astype("float64")
    value = value.where(pct["sign"] != "-", -value)
    # "projected to decline 5 percent", "a decrease of 2%": the words carry the sign.
    worded_decline = (pct["sign"] != "-") & (
        pd.Series(category, index=text.index).eq("decline")
        | key.str.contains(_SHRINKING, regex=True)
    ) & (pct["sign"] != "+")
    value = value.where(~worded_decline, -value.abs())

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
