"""Round 7 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 7
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 7`).
"""

from __future__ import annotations

import html
import re

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout7 import HELD_OUT_7
from tests.corpus.model import FIELDS


def _text(page: str) -> str:
    """The page's text and attribute values, entities decoded, spaces collapsed.

    Attribute values are decoded twice (an `<iframe srcdoc>` holds escaped HTML whose
    own text is escaped again) and their tags dropped too.
    """
    attrs = html.unescape(" ".join(re.findall(r'="([^"]*)"', page)))
    attrs = re.sub(r"<[^>]+>", " ", attrs)
    text = re.sub(r"<[^>]+>", " ", page)
    flat = html.unescape(text) + " " + html.unescape(attrs)
    return re.sub(r"\s+", " ", flat.replace("\u00a0", " ").replace("\u200b", " "))


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
    return build_corpus(request.param, 6, HELD_OUT_7)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert corpus.layouts() == [layout.name for layout in HELD_OUT_7]
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


def test_abbr_pages_abbreviate_their_row_headers(corpus) -> None:
    for page in corpus.of("abbr"):
        assert "<abbr title=" in page.html


def test_regionselect_pages_select_the_national_option(corpus) -> None:
    for page in corpus.of("regionselect"):
        if page.truth["salary_period"] is not None:
            assert page.html.count("<option") >= 4
            assert page.html.count(" selected>") == 1


def test_calculator_pages_prefill_readonly_inputs(corpus) -> None:
    for page in corpus.of("calculator"):
        assert "readonly" in page.html


def test_grid_pages_mark_the_current_row(corpus) -> None:
    for page in corpus.of("grid"):
        assert 'role="grid"' in page.html
        assert (
            sum(
                x in page.html
                for x in ('aria-current="true"', 'aria-selected="true"', "is-current")
            )
            == 1
        )


def test_metacard_pages_have_no_lists(corpus) -> None:
    for page in corpus.of("metacard"):
        assert 'name="twitter:label1"' in page.html or page.truth["salary_period"] is None
        assert page.truth["duties"] is None
        assert page.truth["skills_technical"] is None
