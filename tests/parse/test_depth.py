"""Nesting is bounded before lexbor parses, so a hostile page costs linear time (issue 10/11)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extract.errors import ParseError
from extract.parse import parse_page
from extract.parse.depth import MAX_DEPTH, bounded
from tests.parse.golden import real_pages


def _depth(html: str) -> int:
    """The deepest element of the parsed tree (iteratively: the tree may be deep)."""
    tree = LexborHTMLParser(html)
    deepest = 0
    stack = [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.iter())
    return deepest


def test_real_pages_are_left_as_they_are() -> None:
    for page in real_pages():
        assert bounded(page.html) is page.html


def test_deep_nesting_is_flattened_at_the_bound_keeping_every_element() -> None:
    html = "<div>" * 12_000 + "<p>Median pay: $50,000</p>" + "</div>" * 12_000
    out = bounded(html)
    assert out.count("<div>") == 12_000  # no element dropped: past the bound, siblings
    assert "<p>Median pay: $50,000</p>" in out
    assert _depth(out) <= MAX_DEPTH + 4
    assert _depth(html) > 11_000  # what lexbor would have built, for comparison


def test_unclosed_nesting_too_and_raw_text_is_not_read_as_tags() -> None:
    html = "<script>" + "<div>" * 3000 + "</script>" + "<section><span>" * 3000 + "tail"
    out = bounded(html)
    assert out.startswith("<script>" + "<div>" * 3000 + "</script>")  # script text untouched
    assert _depth(out) <= MAX_DEPTH + 4
    assert out.endswith("tail")


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * 200_000 + "<h1>Deep</h1><dl><dt>Median pay</dt><dd>$50,000</dd>"
                     "<dt>Job outlook</dt><dd>5%</dd></dl>", id="1MB-nested-divs"),
        pytest.param("<h1>Nurse</h1>" + "<dl><dt>Median pay<dd>$50,000" * 40_000,
                     id="1MB-unclosed-dl"),
        pytest.param("<h1>Nurse</h1>" + "<table><tr><th>Median pay<td>$50,000" * 30_000,
                     id="1MB-unclosed-tables"),
        pytest.param("<h1>Nurse</h1>" + "<h2>Duties</h2><p>x</p><ul><li>a<li>b" * 30_000,
                     id="1MB-headings-and-lists"),
        pytest.param("<h1>Nurse</h1><h2>Skills</h2>" + "<ul><li>skill" * 60_000,
                     id="1MB-nested-lists"),
    ],
)  # fmt: skip
def test_hostile_megabyte_pages_parse_in_bounded_work(html: str) -> None:
    """These took 34 s to over 9 minutes each before the bound (pytest's timeout fails them)."""
    try:
        career = parse_page(html, "https://example.org/x")
    except ParseError:
        return
    assert career.title


def test_a_deep_page_keeps_its_facts() -> None:
    """30,000 levels (75 times the bound, within the 50,000 elements a reader indexes)."""
    html = "<div>" * 30_000 + ("<h1>Deep</h1><dl><dt>Median pay</dt><dd>$50,000</dd>"
                               "<dt>Job outlook</dt><dd>5%</dd></dl>")  # fmt: skip
    career = parse_page(html, "https://example.org/deep")
    assert (career.title, career.salary_median, career.growth) == ("Deep", "$50,000", "5%")
