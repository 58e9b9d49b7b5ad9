"""Occupation codes as published to `soc_code` and `soc_system` (see extract/parse/codes.py).

- US codes ("15-2011", O*NET-SOC "15-2011.00"/"15-2011.01") become the SOC 2018 detailed
  or broad code, "15-2011": O*NET-SOC 2019 is built on SOC 2018, and BLS data is keyed
  by it. Several linked codes make one `soc_code` only when they are one SOC occupation
  (13-1041.00 and 13-1041.01); a page covering several occupations gets none.
- Four digits named as UK SOC (or "SOC 2020") are UK SOC 2020 (2010 when it says so);
  NOC codes are NOC 2021 with five digits, NOC 2016 with four.
- Anything else stays null, with the text kept in `soc_code_text`.
"""

from __future__ import annotations

import re

import pandas as pd

from transform.text import normalize_text

US_SOC_2018 = "US SOC 2018"
US_SOC_2010 = "US SOC 2010"
UK_SOC_2020 = "UK SOC 2020"
UK_SOC_2010 = "UK SOC 2010"
NOC_2021 = "NOC 2021"
NOC_2016 = "NOC 2016"
SYSTEMS: tuple[str, ...] = (US_SOC_2018, US_SOC_2010, UK_SOC_2020, UK_SOC_2010, NOC_2021, NOC_2016)

CODE_COLUMNS: tuple[str, ...] = ("soc_code", "soc_system", "soc_code_text")

_US = re.compile(r"\d{2}-\d{4}(?:\.\d{2})?")
_DIGITS = re.compile(r"\d{4,5}")


def normalize_code(text: str | None, system: str | None) -> tuple[str | None, str | None]:
    """(soc_code, soc_system) for one published code text and its system hint."""
    codes = list(dict.fromkeys(c.strip() for c in (text or "").split(";") if c.strip()))
    if not codes:
        return None, None
    hint = (system or "").lower()
    if all(_US.fullmatch(c) for c in codes):
        soc = {c[:7] for c in codes}
        if len(soc) != 1:
            return None, None  # the page covers several occupations
        return soc.pop(), US_SOC_2010 if "2010" in hint else US_SOC_2018
    if len(codes) != 1 or not _DIGITS.fullmatch(codes[0]):
        return None, None
    code = codes[0]
    if "noc" in hint or "esdc" in hint:
        return code, NOC_2021 if len(code) == 5 else NOC_2016
    if "soc" in hint and len(code) == 4:
        return code, UK_SOC_2010 if "2010" in hint else UK_SOC_2020
    return None, None


def normalize_codes(text: pd.Series, system: pd.Series) -> pd.DataFrame:
    """CODE_COLUMNS for each (code text, system hint) pair; computed once per distinct pair."""
    raw = normalize_text(text)
    hint = normalize_text(system)
    pairs = list(zip(raw.astype("object"), hint.astype("object"), strict=True))
    known = {
        pair: normalize_code(*(None if pd.isna(v) else str(v) for v in pair))
        for pair in dict.fromkeys(pairs)
    }
    result = [known[pair] for pair in pairs]
    return pd.DataFrame(
        {
            "soc_code": pd.Series([r[0] for r in result], index=text.index, dtype="str"),
            "soc_system": pd.Series([r[1] for r in result], index=text.index, dtype="str"),
            "soc_code_text": raw,
        },
        index=text.index,
    )
