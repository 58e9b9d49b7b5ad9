"""Stable career keys from page URLs: `career_id = "<host>/<slug>"`, `source = "<host>"`.

The host is the URL's host name (lower-cased; port, credentials and a leading
"www." dropped, so ids survive a new port). The slug is the distinctive part of
the path: its last segment without the extension, after dropping the segments
that every profile of a site shares at the end of its URLs (a locale such as
"ca" or "en-gb", a view such as "overview", "summary", "details", "print", and
default documents such as "index.html"):

    https://www.bls.gov/ooh/math/actuaries.htm              -> bls.gov/actuaries
    https://example.gc.ca/marketreport/summary-occupation/21232/ca
        -> example.gc.ca/summary-occupation/21232
    https://careers.example.org/career/4030/truck-driver/overview
        -> careers.example.org/truck-driver

A slug that is only a number or a code ("21232", "15-2011.00") keeps the
segment before it, which says what the number counts. An identifier in the
query ("?id=7", "?onetcode=15201100", "?keyword=Actuaries") is kept; other
parameters ("?print=1", "?utm_source=x") name the same career.

A site's shared tail is not always a word we know ("/careers/nurse/snapshot"),
so when the page's title is given and the slug shares no word with it, the
path segment that does name the title is the slug ("nurse"). The id is a piece
of the URL either way, and the same for the same page in every run.
"""

from __future__ import annotations

import re

import pandas as pd

_URL = (
    r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^@/?#]*@)?(?P<host>[^/?#]*)(?P<path>[^?#]*)"
    r"(?:\?(?P<query>[^#]*))?"
)
_ID_PARAM = (
    r"(?i)(?:^|(?<=&))((?:id|\w+_?id|job|career|occupation|\w*code|soc|onet\w*|noc|anzsco"
    r"|slug|keyword)=[^&]*)"
)
# A folder's default document names the folder: "/jobs/nurse/index.html" is "nurse".
_DEFAULT_DOCUMENT = r"/(?:index|default)\.[A-Za-z0-9]{1,5}$"
# Trailing segments every profile of a site may share: a locale or a view of the page.
_SHARED_TAIL = (
    r"(?i)(?:/(?:[a-z]{2}(?:[-_][a-z]{2})?|overview|summary|details?|profile|main|about|info"
    r"|information|view|print|description|home|default|index|page|tab|facts|at-a-glance))+$"
)
# What stays must still name a page, not only a folder of profiles ("/careers/it").
_COLLECTION = (
    r"(?i)^(?:careers?|jobs?|occupations?|profiles?|job-profiles|explore|roles?|professions?"
    r"|en|fr)?$"
)
_CODE_SLUG = r"^[0-9][0-9.\-_]*$"
KEY_COLUMNS: tuple[str, ...] = ("career_id", "source")


def _text(values: pd.Series) -> pd.Series:
    """Strings with "" for missing ones (list lookups give float NaN when all miss)."""
    return values.astype("object").fillna("").astype("str")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) >= 3}


def _alike(a: set[str], b: set[str]) -> int:
    """Words of `a` that name a word of `b` (a plural or a prefix counts: nurse, nurses)."""
    return sum(1 for x in a if any(x == y or (min(len(x), len(y)) >= 4 and (
        x.startswith(y) or y.startswith(x))) for y in b))  # fmt: skip


def _titled_slug(path: str, slug: str, title: str) -> str:
    """The path segment that names `title`, when the rule's slug names nothing of it."""
    named = _words(title)
    if not named or _alike(_words(slug), named):
        return slug
    segments = [s for s in path.split("/") if s]
    scored = [(_alike(_words(s), named), i) for i, s in enumerate(segments)]
    best, at = max(scored, default=(0, -1))
    if best == 0:
        return slug
    return re.sub(r"\.[A-Za-z][A-Za-z0-9]{0,4}$", "", segments[at])


def career_keys(urls: pd.Series, titles: pd.Series | None = None) -> pd.DataFrame:
    """KEY_COLUMNS for each URL; null where the URL has no host."""
    parts = urls.astype("str").str.extract(_URL)
    host = parts["host"].str.lower().str.replace(r"^www\.|:\d*$", "", regex=True)
    host = host.mask(host == "")
    path = parts["path"].fillna("").str.replace(_DEFAULT_DOCUMENT, "", regex=True, case=False)
    path = path.str.replace(r"/+$", "", regex=True)
    trimmed = path.str.replace(_SHARED_TAIL, "", regex=True)
    last_of_trimmed = _text(trimmed.str.rsplit("/", n=1).str[-1])
    keep_tail = last_of_trimmed.str.fullmatch(_COLLECTION, na=True)
    path = path.where(keep_tail, trimmed)
    segments = path.str.rsplit("/", n=2)
    slug = _text(segments.str[-1])
    slug = slug.str.replace(r"\.[A-Za-z][A-Za-z0-9]{0,4}$", "", regex=True)  # not ".00"
    # A number or code alone says little: "summary-occupation/21232".
    before = _text(segments.str[-2])
    coded = slug.str.fullmatch(_CODE_SLUG, na=False) & (before != "")
    slug = slug.where(~coded, before + "/" + slug)
    if titles is not None:
        full = parts["path"].fillna("")
        pick = [
            _titled_slug(p, s, t) if isinstance(t, str) and not c else s
            for p, s, t, c in zip(full, slug, titles.astype("object"), coded, strict=True)
        ]
        slug = pd.Series(pick, index=slug.index, dtype="str")
    # Pages told apart only by an identifier in their query ("/career?id=7") keep it;
    # other parameters ("?print=1", "?utm_source=x") name the same career.
    ids = parts["query"].fillna("").str.findall(_ID_PARAM).str.join("&")
    slug = slug + ("?" + ids).where(ids != "", "")
    career_id = (host + "/" + slug).where(host.notna())
    return pd.DataFrame(
        {"career_id": career_id.astype("str"), "source": host.astype("str")}, index=urls.index
    )
