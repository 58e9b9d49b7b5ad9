"""Stable career keys from page URLs: `career_id = "<host>/<slug>"`, `source = "<host>"`.

The host is the URL's host name (lower-cased; port, credentials and a leading
"www." dropped, so ids survive a new port) and the slug the last non-empty path
segment without its extension:
"https://www.bls.gov/ooh/math/actuaries.htm" -> "bls.gov/actuaries".
"""

from __future__ import annotations

import pandas as pd

_URL = r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^@/?#]*@)?(?P<host>[^/?#]*)(?P<path>[^?#]*)"
KEY_COLUMNS: tuple[str, ...] = ("career_id", "source")


def career_keys(urls: pd.Series) -> pd.DataFrame:
    """KEY_COLUMNS for each URL; null where the URL has no host."""
    parts = urls.astype("str").str.extract(_URL)
    host = parts["host"].str.lower().str.replace(r"^www\.|:\d*$", "", regex=True)
    host = host.mask(host == "")
    path = parts["path"].fillna("").str.replace(r"/+$", "", regex=True)
    slug = path.str.rsplit("/", n=1).str[-1].fillna("")
    slug = slug.str.replace(r"\.[A-Za-z0-9]{1,5}$", "", regex=True)
    career_id = (host + "/" + slug).where(host.notna())
    return pd.DataFrame(
        {"career_id": career_id.astype("str"), "source": host.astype("str")}, index=urls.index
    )
