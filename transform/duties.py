"""Duty list items without their numbering or bullets, one row each, in page order."""

from __future__ import annotations

import pandas as pd

from transform.text import normalize_text

DUTY_COLUMNS: tuple[str, ...] = ("career_id", "position", "duty")

# "01Design ..." (zero-padded, glued to the text), "1. ", "2) ", "3: ", "(4) ", bullets.
# A bare leading number ("3D models", "24/7 support", "10 patients") is part of the duty.
_NUMBERING = (
    r"^(?:"
    r"0[0-9]{1,2}[.):]?(?![0-9])"
    r"|\(?[0-9]{1,3}[.):](?![0-9])"
    r"|(?:step|no\.?) *[0-9]{1,3}[.):]?(?= )"
    r"|[•▸▪‣◦●○■□►▶➤✓✔*·–—-]+"
    r") *"
)


def strip_numbering(values: pd.Series) -> pd.Series:
    """Normalized duty text with its list numbering or bullet removed (null when empty)."""
    s = normalize_text(values)
    s = s.str.replace(_NUMBERING, "", regex=True, case=False).str.strip()
    return s.mask(s == "")


def build_duties(duties: pd.DataFrame) -> pd.DataFrame:
    """`career_duties` rows (DUTY_COLUMNS) from one row per published item.

    `duties` has career_id, position (page order) and duty. Items that are empty once
    cleaned are dropped and the rest renumbered 1.. within each career.
    """
    cleaned = duties.assign(duty=strip_numbering(duties["duty"]))
    cleaned = cleaned[cleaned["duty"].notna()]
    cleaned = cleaned.sort_values(["career_id", "position"], kind="stable")
    position = cleaned.groupby("career_id", sort=False).cumcount() + 1
    return cleaned.assign(position=position)[list(DUTY_COLUMNS)].reset_index(drop=True)
