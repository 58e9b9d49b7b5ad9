"""Checks every held-out round's generator test makes: its pages render, its truth is on them.

A round's truth must be something a careful person could copy off the page; these
checks find each truth value in the page's text or attribute values.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from tests.corpus.build import Corpus
from tests.corpus.layouts import Layout
from tests.corpus.model import FIELDS


def page_text(page: str) -> str:
    """The page's text and attribute values, entities decoded, spaces collapsed.

    Attribute values are decoded twice (an `<iframe srcdoc>` holds escaped HTML whose
    own text is escaped again) and their tags dropped too.
    """
    attrs = html.unescape(" ".join(re.findall(r'="([^"]*)"', page)))
    attrs = re.sub(r"<[^>]+>", " ", attrs)
    text = re.sub(r"<[^>]+>", " ", page)
    flat = html.unescape(text) + " " + html.unescape(attrs)
    return re.sub(r"\s+", " ", flat.replace("\u00a0", " ").replace("\u200b", " "))


def amount_forms(x: float) -> set[str]:
    forms = {f"{x:,.2f}", f"{x:.2f}"}
    if x == int(x):
        n = int(x)
        forms |= {f"{n:,}", str(n)}
        if n % 1000 == 0:
            forms |= {f"{n // 1000}K", f"{n // 1000}k"}
        if n % 100 == 0:
            forms |= {f"{n / 1000:.1f}K", f"{n / 1000:.1f}k"}
    return forms


def assert_renders(corpus: Corpus, layouts: Sequence[Layout]) -> None:
    """Every layout renders its pages: whole documents with one main, a full truth."""
    assert corpus.layouts() == [layout.name for layout in layouts]
    for page in corpus.pages:
        assert page.html.startswith("<!DOCTYPE html>")
        assert page.html.count("<main") == 1
        assert set(page.truth) == set(FIELDS)
        assert page.truth["title"]
    assert len({p.path for p in corpus.pages}) == len(corpus.pages)


def assert_truth_on_page(corpus: Corpus) -> None:
    """Every truth value a reader could copy is written on its page (text or attribute)."""
    for page in corpus.pages:
        text, t = page_text(page.html), page.truth
        where = f"{page.layout} {page.path}"
        assert t["title"] in text, where
        if t["category"] is not None:
            assert t["category"] in text, where
        if t["salary_period"] is not None:
            per = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}
            factor = per[t["salary_period"]]
            for name in ("salary_low", "salary_median", "salary_high"):
                if t[name] is not None:
                    shown = round(t[name] / factor, 2)
                    assert any(x in text for x in amount_forms(shown)), (where, name, shown)
        if t["education"] is not None:
            assert t["education"][0] in text, where
        if t["environment"] is not None:
            assert t["environment"] in text, where
        if t["growth_outlook"] is not None and "stars" not in t["growth_outlook"]:
            assert t["growth_outlook"] in text, where
        if t["growth_years"] is not None:
            assert str(t["growth_years"][0]) in text, where
        if t["workers_year"] is not None:
            assert str(t["workers_year"]) in text, where
        for name in ("duties", "skills_technical", "skills_people"):
            for item in t[name] or ():
                flat = re.sub(r"\s+", " ", item)
                assert flat in text, (where, name, item)
