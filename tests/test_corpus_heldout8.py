"""Round 8 of the held-out corpus renders, and its truth is on the page.

Only the generator is checked here (every page renders, every truth value a
reader could copy is written on the page); how well the reader reads round 8
is the benchmark's business (`benchmarks.corpus_accuracy --held-out --round 8`).
"""

from __future__ import annotations

import json
import re

import pytest

from tests.corpus.build import build_corpus
from tests.corpus.heldout8 import HELD_OUT_8
from tests.corpus.onpage import assert_renders, assert_truth_on_page


@pytest.fixture(scope="module", params=[1, 2, 3])
def corpus(request: pytest.FixtureRequest):
    return build_corpus(request.param, 6, HELD_OUT_8)


def test_every_layout_renders_its_pages(corpus) -> None:
    assert_renders(corpus, HELD_OUT_8)


def test_truth_values_appear_on_the_page(corpus) -> None:
    assert_truth_on_page(corpus)


def test_markdown_pages_render_task_lists(corpus) -> None:
    for page in corpus.of("markdown"):
        assert 'class="markdown-body' in page.html
        assert "task-list-item-checkbox" in page.html


def test_insights_pages_state_unit_text_in_json_ld(corpus) -> None:
    for page in corpus.of("insights"):
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.html)
        assert found is not None
        graph = json.loads(found.group(1))["@graph"]
        occupation = next(x for x in graph if x["@type"] == "Occupation")
        if page.truth["salary_period"] is not None:
            amounts = occupation["estimatedSalary"]
            amounts = amounts if isinstance(amounts, list) else [amounts]
            units = {a.get("unitText") or a["value"]["unitText"] for a in amounts}
            assert page.truth["salary_period"].upper() in units


def test_versus_pages_name_this_job_first_in_the_title(corpus) -> None:
    for page in corpus.of("versus"):
        title = re.search(r"<title>(.*?)</title>", page.html)
        assert title is not None
        assert title.group(1).startswith(page.truth["title"] + " vs ")


def test_poster_pages_keep_the_facts_in_svg_text(corpus) -> None:
    for page in corpus.of("poster"):
        assert "<svg" in page.html
        assert "<tspan" in page.html


def test_bottomsheet_pages_hide_their_sheets(corpus) -> None:
    for page in corpus.of("bottomsheet"):
        assert page.html.count('role="dialog" aria-modal="true"') >= 2
        assert page.truth["category"] is None
