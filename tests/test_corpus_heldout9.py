"""Round 9 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 9
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 9`).
"""

from __future__ import annotations

import re

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout9 import HELD_OUT_9
from tests.corpus.onpage import assert_renders, assert_truth_on_page


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_9)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_9)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


def test_twocol_pages_pair_labels_and_values_only_by_order(corpus) -> None:
    for page in corpus.of("twocol"):
        assert 'class="col col-1"' in page.html
        assert 'class="col col-2"' in page.html
        assert page.truth["category"] is None


def test_srdl_labels_are_visually_hidden(corpus) -> None:
    for page in corpus.of("srdl"):
        found = re.search(r'<span class="([a-z-]+)">[^<]*</span></dt>', page.html)
        assert found is not None
        assert found.group(1) in {
            "visually-hidden",
            "sr-only",
            "govuk-visually-hidden",
            "screen-reader-text",
        }


def test_timeline_pages_state_the_latest_year_as_the_workers_year(corpus) -> None:
    for page in corpus.of("timeline"):
        if page.truth["workers"] is not None:
            assert page.truth["workers_year"] in (2023, 2024)
            row = f'<th scope="row">{page.truth["workers_year"]}</th><td>{page.truth["workers"]:,}'
            assert row in page.html


def test_spaced_pages_wrap_amounts_in_data_elements(corpus) -> None:
    for page in corpus.of("spaced"):
        if page.truth["salary_period"] is not None:
            assert "<data value=" in page.html
            assert not re.search(r">[^<]*\d,\d{3}[^<]*</data>", page.html)


def test_forum_pages_mark_one_accepted_answer(corpus) -> None:
    for page in corpus.of("forum"):
        assert page.html.count("is-accepted") == 1
