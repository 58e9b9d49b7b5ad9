"""Round 5 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 5
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 5`).
"""

from __future__ import annotations

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout5 import HELD_OUT_5
from tests.corpus.onpage import assert_renders, assert_truth_on_page


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_5)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_5)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


def test_bilingual_pages_show_french_beside_the_english_truth(corpus) -> None:
    for page in corpus.of("bilingual"):
        assert 'lang="fr"' in page.html
        assert "Français" in page.html


def test_apprenticeship_pages_state_no_growth_or_workers(corpus) -> None:
    for page in corpus.of("apprenticeship"):
        assert page.truth["growth_pct"] is None
        assert page.truth["growth_outlook"] is None
        assert page.truth["workers"] is None
