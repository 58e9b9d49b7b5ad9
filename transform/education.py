"""Education free text to the ordered level of contract v1.

"Bachelor's in CS or equivalent experience + ..." is a bachelor's degree;
"Associate's or bachelor's degree" takes the lowest level the text states (the
entry requirement); placeholders ("See How to Become One", "N/A", "varies") and
text naming no level give null, and the text is kept beside the level.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from load.schema import EDUCATION_LEVELS
from transform.text import match_key

# One pattern per level, lowest level first; the lowest level found wins.
# ("Some college, no degree" must not read as "no degree required": that needs "required".)
_LEVEL_PATTERNS: dict[str, str] = {
    "no formal educational credential": (
        r"no formal (?:educational )?(?:credential|education|qualification)"
        r"|no (?:formal )?(?:education|educational|degree|qualifications?|diploma)"
        r"(?: is| are)? (?:required|needed|necessary)"
        r"|none required"
    ),
    "high school diploma or equivalent": (
        r"high[- ]?school|\bged\b|secondary (?:school|education)|diploma or equivalent"
    ),
    "some college, no degree": r"some college",
    "postsecondary nondegree award": (
        r"post-?secondary non-?degree|non-?degree award|vocational (?:certificate|award|school)"
        r"|trade school|certificate program|post-?secondary\b(?! degree)"
        # Vocational certificates of Australia and New Zealand ("Certificate III or IV").
        r"|\bcertificate (?:i{1,3}|iv|[1-4])\b|\btrade certificate|\bnzqa level [1-6] certificate"
    ),
    "associate's degree": r"\bassociate'?s?(?: degree)?\b(?! (?:director|professor|editor))",
    "bachelor's degree": (
        r"bachelor|\bb\.?a\.?\b(?= |$|,)|\bb\.?sc?\.?\b(?= |$|,)|undergraduate degree"
        r"|(?:four|4)[- ]year (?:college )?degree|(?:college|university) degree"
    ),
    "master's degree": r"\bmaster'?s?\b|\bmba\b|\bm\.?sc\b|(?<!under)(?<!post)graduate degree",
    "doctoral or professional degree": (
        r"doctor(?:al|ate)|\bdoctor of\b|\bjuris doctor\b|\bph\.? ?d\b|professional degree"
        r"|\bmedical degree|\blaw degree|\bpharm\.? ?d\b|\b(?:dvm|dpt|dds|dmd|dnp)\b"
        r"|\bj\.?d\.?\b(?= |$|,)|\bm\.?d\.?\b(?= |$|,)"
    ),
}
# "A degree in ..." with no level named is a first degree; only used when nothing else matches.
_GENERIC_DEGREE = r"\b(?:a|an|relevant|related)\s+degree\b|\bdegree in\b"
assert tuple(_LEVEL_PATTERNS) == EDUCATION_LEVELS


def education_dtype() -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(EDUCATION_LEVELS), ordered=True)


def normalize_education(text: pd.Series) -> pd.Series:
    """The ordered education level for each text (categorical, null when none is stated)."""
    key = match_key(text).fillna("")
    conditions = [key.str.contains(rx, regex=True) for rx in _LEVEL_PATTERNS.values()]
    conditions.append(key.str.contains(_GENERIC_DEGREE, regex=True))
    choices = [*EDUCATION_LEVELS, "bachelor's degree"]
    level = np.select(conditions, choices, default="")
    return (
        pd.Series(level, index=text.index, name="education_level")
        .replace("", np.nan)
        .astype(education_dtype())
    )
