"""Stable career keys from page URLs: `career_id = "<host>/<slug>"`, `source = "<host>"`.

The host is the URL's host name (lower-cased; port, credentials and a leading
"www." dropped, so ids survive a new port) and the slug the last non-empty path
segment without its extension:
"https://www.bls.gov/ooh/math/actuaries.htm" -> "bls.gov/actuaries". A folder's
index page is named by its folder, and an id in the query ("?id=7") is kept.
"""

from __future__ import annotations

import pandas as pd

_URL = (
    r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^@/?#]*@)?(?P<host>[^/?#]*)(?P<path>[^?#]*)"
    r"(?:\?(?P<query>[^#]*))?"
)
_ID_PARAM = r"(?i)(?:^|(?<=&))((?:id|\w+_?id|job|career|occupation|code|soc|onet|slug)=[^&]*)"
# A folder's default document names the folder: "/jobs/nurse/index.html" is "nurse".
_DEFAULT_DOCUMENT = r"/(?:index|default)\.[A-Za-z0-9]{1,5}$"
KEY_COLUMNS: tuple[str, ...] = ("career_id", "source")


def career_keys(urls: pd.Series) -> pd.DataFrame:
    """KEY_COLUMNS for each URL; null where the URL has no host."""
    parts = urls.astype("str").str.extract(_URL)
    host = parts["host"].str.lower().str.replace(r"^www\.|:\d*$", "", regex=True)
    host = host.mask(host == "")
    path = parts["path"].fillna("").str.replace(_DEFAULT_DOCUMENT, "", regex=True, case=False)
    path = path.str.replace(r"/+$", "", regex=True)
    slug = path.str.rsplit("/", n=1).str[-1].fillna("")
    slug = slug.str.replace(r"\.[A-Za-z0-9]{1,5}$", "", regex=True)
    # Pages told apart only by an identifier in their query ("/career?id=7") keep it;
    # other parameters ("?print=1", "?utm_source=x") name the same career.
    ids = parts["query"].fillna("").str.findall(_ID_PARAM).str.join("&")
    slug = slug + ("?" + ids).where(ids != "", "")
    career_id = (host + "/" + slug).where(host.notna())
    return pd.DataFrame(
        {"career_id": career_id.astype("str"), "source": host.astype("str")}, index=urls.index
    )
