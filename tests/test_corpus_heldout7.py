"""Round 7 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 7
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 7`).
"""

from __future__ import annotations

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout7 import HELD_OUT_7
from tests.corpus.onpage import assert_renders, assert_truth_on_page


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_7)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_7)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


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
