"""Round 5 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 5
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 5`).
"""

from __future__ import annotations

import html
import re

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout5 import HELD_OUT_5
from tests.corpus.model import FIELDS


def _text(page: str) -> str:
    """The page's text and attribute values, entities decoded, spaces collapsed."""
    attrs = " ".join(re.findall(r'="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(text + " " + attrs)).replace("\u00a0", " ")


def _amount_forms(x: float) -> set[str]:
    forms = {f"{x:,.2f}", f"{x:.2f}"}
    if x == int(x):
        n = int(x)
        forms |= {f"{n:,}", str(n)}
        if n % 1000 == 0:
            forms |= {f"{n // 1000}K", f"{n // 1000}k"}
        if n % 100 == 0:
            forms |= {f"{n / 1000:.1f}K", f"{n / 1000:.1f}k"}
    return forms


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_5)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert corpus.layouts() == [layout.name for layout in HELD_OUT_5]
    for page in corpus.pages:
        assert page.html.startswith("<!DOCTYPE html>")
        assert page.html.count("<main") == 1
        assert set(page.truth) == set(FIELDS)
        assert page.truth["title"]
    assert len({p.path for p in corpus.pages}) == len(corpus.pages)


def test_truth_values_appear_on_the_page(corpus) -> None:
    for page in corpus.pages:
        text, t = _text(page.html), page.truth
        where = f"{page.layout} {page.path}"
        assert t["title"] in text, where
        if t["category"] is not None:
            assert t["category"] in text, where
        if t["salary_period"] is not None:
            # The published figures are in the published period: find them as shown.
            per = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}
            factor = per[t["salary_period"]]
            for name in ("salary_low", "salary_median", "salary_high"):
                if t[name] is not None:
                    shown = round(t[name] / factor, 2)
                    assert any(x in text for x in _amount_forms(shown)), (where, name, shown)
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


def test_bilingual_pages_show_french_beside_the_english_truth(corpus) -> None:
    for page in corpus.of("bilingual"):
        assert 'lang="fr"' in page.html
        assert "Français" in page.html


def test_apprenticeship_pages_state_no_growth_or_workers(corpus) -> None:
    for page in corpus.of("apprenticeship"):
        assert page.truth["growth_pct"] is None
        assert page.truth["growth_outlook"] is None
        assert page.truth["workers"] is None
