"""Round 6 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 6
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 6`).
"""

from __future__ import annotations

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout6 import HELD_OUT_6
from tests.corpus.onpage import assert_renders, assert_truth_on_page


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_6)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_6)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


def test_legacy_pages_use_old_markup(corpus) -> None:
    for page in corpus.of("legacy"):
        assert "<FONT" in page.html
        assert "spacer.gif" in page.html


def test_responsive_pages_render_the_facts_twice(corpus) -> None:
    for page in corpus.of("responsive"):
        assert "National average" in page.html
        assert 'class="card"' in page.html


def test_deferred_pages_ship_content_inert(corpus) -> None:
    for page in corpus.of("deferred"):
        assert any(x in page.html for x in ("<template", "<noscript>", "srcdoc="))
        assert "Loading career information" in page.html
