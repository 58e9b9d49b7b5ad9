"""Round 10 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 10
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 10`).
"""

from __future__ import annotations

import re

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout10 import HELD_OUT_10
from tests.corpus.onpage import assert_renders, assert_truth_on_page, page_text


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_10)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_10)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


def test_didyouknow_pages_mark_their_figures(corpus) -> None:
    for page in corpus.of("didyouknow"):
        assert "<mark>" in page.html
        assert "Did you know?" in page.html


def test_opendata_pages_hold_a_sample_with_an_all_occupations_record(corpus) -> None:
    for page in corpus.of("opendata"):
        assert re.search(r'<pre><code class="language-(csv|json)">', page.html)
        assert "All occupations" in page.html


def test_merged_tables_merge_cells(corpus) -> None:
    for page in corpus.of("merged"):
        assert 'colspan="2"' in page.html
        assert "All occupations" in page.html


def test_pipes_pages_separate_pay_with_pipes(corpus) -> None:
    for page in corpus.of("pipes"):
        if page.truth["salary_period"] is not None:
            assert "|" in page_text(page.html)


def test_detailsdl_pages_group_facts_in_details(corpus) -> None:
    for page in corpus.of("detailsdl"):
        assert "<details" in page.html
        assert "<summary>" in page.html
        assert "<dl>" in page.html


def test_allcaps_labels_are_uppercased_by_css(corpus) -> None:
    for page in corpus.of("allcaps"):
        assert '<span style="text-transform:uppercase">' in page.html


def test_fortnight_pages_publish_the_annual_figure_from_the_footnote(corpus) -> None:
    for page in corpus.of("fortnight"):
        if page.truth["salary_period"] is not None:
            assert page.truth["salary_period"] == "year"
            assert "equivalent to" in page.html


def test_jobfamily_pages_expand_only_their_own_row(corpus) -> None:
    for page in corpus.of("jobfamily"):
        assert page.html.count('aria-expanded="true"') == 1
        assert len(re.findall(r'class="detail-row" id="[^"]*"><td', page.html)) == 1
