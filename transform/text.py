"""Whitespace and HTML-entity normalization, applied to every text column.

Parsers hand over strings as published; some still carry entities (`&#163;13,000`,
`&amp;`) or layout whitespace (non-breaking spaces, newlines, runs of spaces).
Normalized text is what analysts see, and what the value normalizers read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

FrameOrSeries = TypeVar("FrameOrSeries", pd.DataFrame, pd.Series)

# Only well-formed references are decoded; a stray "&" stays as it is.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width characters and the soft hyphen vanish; every other Unicode space becomes " ".
# The classes hold the characters themselves (no "\\s", no "\\u" escapes) so that pandas
# runs them in pyarrow's RE2 instead of falling back to Python's re, row by row.
_INVISIBLE = "[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
_SPACES = "[ \t\n\r\f\v\x1c-\x1f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
_QUOTES = "[\u2018\u2019\u02bc\u0060\u00b4]"
_DASHES = "[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def normalize_text(values: pd.Series) -> pd.Series:
    """Decode entities, collapse whitespace, strip; empty strings become null.

    Returns a pandas string series (`str` dtype) aligned with `values`.
    """
    s = values.astype("str")
    # Entities twice: `&amp;#163;` is a double-encoded pound sign that sites do publish.
    # Only rows holding "&" take the (Python) entity pass.
    for _ in range(2):
        has_entity = s.str.contains("&", regex=False, na=False)
        if has_entity.any():
            s = s.where(~has_entity, s[has_entity].str.replace(_ENTITY, _unescape, regex=True))
    s = s.str.replace(_INVISIBLE, "", regex=True)
    s = s.str.replace(_SPACES, " ", regex=True).str.strip()
    return s.mask(s == "")


def match_key(values: pd.Series) -> pd.Series:
    """A lower-cased form for keyword matching: typographic quotes and dashes made plain.

    Never published; only used to decide categories and numbers.
    """
    s = normalize_text(values).str.lower()
    s = s.str.replace(_QUOTES, "'", regex=True)
    s = s.str.replace(_DASHES, "-", regex=True)
    return s


def per_distinct(
    values: pd.Series, normalize: Callable[[pd.Series], FrameOrSeries]
) -> FrameOrSeries:
    """`normalize(values)`, computed once per distinct value and spread back.

    Published texts repeat a lot (a site has a handful of growth phrases and education
    levels), and the regex passes cost per row, so this is the same result for less work.
    """
    codes, uniques = pd.factorize(values.astype("object"), use_na_sentinel=True)
    # One row per distinct value, and a last (null) row for the null inputs.
    distinct = pd.concat([pd.Series(uniques, dtype="object"), pd.Series([None], dtype="object")])
    distinct = distinct.reset_index(drop=True)
    result = normalize(distinct)
    rows = np.where(codes < 0, len(uniques), codes)
    spread = result.iloc[rows]
    return spread.set_axis(values.index)


def per_distinct_pair(
    values: pd.Series,
    context: pd.Series,
    normalize: Callable[[pd.Series, pd.Series], FrameOrSeries],
) -> FrameOrSeries:
    """`normalize(values, context)`, computed once per distinct (value, context) pair."""
    pairs = pd.Series(
        list(zip(values.astype("object"), context.astype("object"), strict=True)),
        index=values.index,
        dtype="object",
    )
    codes, uniques = pd.factorize(pairs)
    firsts = pd.Series([u[0] for u in uniques], dtype="object")
    seconds = pd.Series([u[1] for u in uniques], dtype="object")
    result = normalize(firsts.where(firsts.notna()), seconds.where(seconds.notna()))
    return result.iloc[codes].set_axis(values.index)


# Magnitude words and suffixes of published amounts: "$75k", "1.2M", "about 1.7 million".
MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
