"""Worker-count text to an integer, and the reference year when the page gives one.

Reads `175K`, `1.2M`, `8,400`, "33,600", "about 1.7 million" and
"Number of Jobs, 2024: 1,579,800" (2024 goes to `workers_year`, never into the count).
The year may also come from the label the count stood under (`context`: "Number of
Jobs, 2024", "Employment (2023)"), when the label names one year. Numbers are read
as written: "1e6" is no count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from transform.text import MULTIPLIERS, match_key

# A year is a label's year ("Jobs, 2024:", "(2024)", "in 2024"), not a count of 2,024 workers.
_YEAR = (
    r"(?:\b(?:in|as of|for)\s+(?P<y1>(?:19|20)\d{2})\b)"
    r"|(?:\(\s*(?P<y2>(?:19|20)\d{2})\s*\))"
    r"|(?:\b(?P<y3>(?:19|20)\d{2})\s*:)"
)
_COUNT = (
    r"(?<![\d.,eE])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\.\d)"
    r"(?![eE][+-]?\d)(?:\s*(?P<mult>k|thousand|m|mn|million|b|bn|billion)\b)?"
)
# One year in the label, not a projection range ("2024-34").
_LABEL_YEAR = r"(?<![\d.,-])(?P<y>(?:19|20)\d{2})(?![\d,]|\s*(?:-|to)\s*\d)"
# Larger than any workforce on Earth: a parse gone wrong, not a count (and int64-safe).
_MAX_WORKERS = 1e10

WORKERS_COLUMNS: tuple[str, ...] = ("workers", "workers_year")


def normalize_workers(text: pd.Series, context: pd.Series | None = None) -> pd.DataFrame:
    """WORKERS_COLUMNS (nullable Int64 count, Int32 year) for each worker-count text."""
    key = match_key(text)
    years = key.str.extract(_YEAR)
    year = years["y1"].fillna(years["y2"]).fillna(years["y3"])
    if context is not None:
        label = match_key(context)
        label_years = label.str.extractall(_LABEL_YEAR)["y"]
        one = (
            label_years.groupby(level=0).agg(["first", "nunique"]) if len(label_years) else None
        )
        if one is not None:
            label_year = one["first"].where(one["nunique"] == 1).reindex(key.index)
            year = year.fillna(label_year.where(key.notna()))
    rest = key.str.replace(_YEAR, " ", regex=True)
    found = rest.str.extract(_COUNT)
    number = pd.to_numeric(found["num"].str.replace(",", "", regex=False), errors="coerce")
    factor = found["mult"].map(MULTIPLIERS).astype("float64").fillna(1.0)
    count = (number.astype("float64") * factor).round()
    count = count.where(np.isfinite(count) & (count < _MAX_WORKERS))
    if context is not None:
        year = year.where(count.notna() | years["y1"].notna() | years["y2"].notna()
                          | years["y3"].notna())  # fmt: skip
    return pd.DataFrame(
        {
            "workers": count.astype("Int64"),
            "workers_year": pd.to_numeric(year, errors="coerce").astype("Int32"),
        },
        index=text.index,
    )
