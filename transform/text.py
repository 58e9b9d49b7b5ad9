"""Whitespace and HTML-entity normalization, applied to every text column.

Parsers hand over strings as published; some still carry entities (`&#163;13,000`,
`&amp;`) or layout whitespace (non-breaking spaces, newlines, runs of spaces).
Normalized text is what analysts see, and what the value normalizers read.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Only well-formed references are decoded; a stray "&" stays as it is.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width characters and the soft hyphen vanish; every other Unicode space becomes " ".
_INVISIBLE = r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
_SPACES = r"\s+"


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def normalize_text(values: pd.Series) -> pd.Series:
    """Decode entities, collapse whitespace, strip; empty strings become null.

    Returns a pandas string series (`str` dtype) aligned with `values`.
    """
    s = values.astype("str")
    # Entities twice: `&amp;#163;` is a double-encoded pound sign that sites do publish.
    for _ in range(2):
        s = s.str.replace(_ENTITY, _unescape, regex=True)
    s = s.str.replace(_INVISIBLE, "", regex=True)
    s = s.str.replace(_SPACES, " ", regex=True).str.strip()
    return s.mask(s == "")


def match_key(values: pd.Series) -> pd.Series:
    """A lower-cased form for keyword matching: typographic quotes and dashes made plain.

    Never published; only used to decide categories and numbers.
    """
    s = normalize_text(values).str.lower()
    s = s.str.replace(r"[\u2018\u2019\u02bc\u0060\u00b4]", "'", regex=True)
    s = s.str.replace(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-", regex=True)
    return s
