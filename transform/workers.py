"""Worker-count text to an integer, and the reference year when the page gives one.

Reads `175K`, `1.2M`, `8,400`, "33,600", "about 1.7 million" and
"Number of Jobs, 2024: 1,579,800" (2024 goes to `workers_year`, never into the count).
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
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\.\d)"
    r"(?:\s*(?P<mult>k|thousand|m|mn|million|b|bn|billion)\b)?"
)
# Larger than any workforce on Earth: a parse gone wrong, not a count (and int64-safe).
_MAX_WORKERS = 1e10

WORKERS_COLUMNS: tuple[str, ...] = ("workers", "workers_year")


def normalize_workers(text: pd.Series) -> pd.DataFrame:
    """WORKERS_COLUMNS (nullable Int64 count, Int32 year) for each worker-count text."""
    key = match_key(text)
    years = key.str.extract(_YEAR)
    year = years["y1"].fillna(years["y2"]).fillna(years["y3"])
    rest = key.str.replace(_YEAR, " ", regex=True)
    found = rest.str.extract(_COUNT)
    number = pd.to_numeric(found["num"].str.replace(",", "", regex=False), errors="coerce")
    factor = found["mult"].map(MULTIPLIERS).astype("float64").fillna(1.0)
    count = (number.astype("float64") * factor).round()
    count = count.where(np.isfinite(count) & (count < _MAX_WORKERS))
    return pd.DataFrame(
        {
            "workers": count.astype("Int64"),
            "workers_year": pd.to_numeric(year, errors="coerce").astype("Int32"),
        },
        index=text.index,
    )
