"""Nothing but ParseError (NotACareerPage included) ever escapes parse_page."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import ParseError
from extract.parse import parse_page
from extract.records import RawCareer
from tests.parse.golden import real_pages

PAGES = real_pages()
SAMPLE = [PAGES[0], PAGES[13], PAGES[18], PAGES[-1]]  # OOH, empty pay, no QF, NCS


def _survives(html: str, **kwargs: bool) -> None:
    try:
        result = parse_page(html, "https://example.org/p", **kwargs)
    except ParseError:
        return
    assert isinstance(result, RawCareer)
    assert isinstance(result.title, str)
    assert result.title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    _survives(text)


_TAGS = st.sampled_from(
    ["h1", "h2", "h3", "p", "div", "table", "tr", "th", "td", "dl", "dt", "dd", "ul", "li",
     "strong", "script", "span", "a"]
)  # fmt: skip
_BITS = st.sampled_from(
    ["Median pay", "Salary:", "$75k", "£14,000", "Job outlook", "22% (Much faster than average)",
     "Number of jobs", "33,600", "Education", "Bachelor's degree", "Duties", "Skills",
     "typically do the following:", "Quick Facts", "Important Qualities", "See How to Become One",
     '{"@type": "Occupation", "estimatedSalary": {"median": "x"}}', ":", "", "\x00", "&nbsp;"]
)  # fmt: skip


@st.composite
def _markup(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(_TAGS)
        attr = ' type="application/ld+json"' if tag == "script" else ""
        closed = draw(st.booleans())
        out.append(f"<{tag}{attr}>{draw(_BITS)}" + (f"</{tag}>" if closed else ""))
    return "".join(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_markup(), st.booleans())
def test_label_soup(html: str, templates: bool) -> None:
    _survives(html, templates=templates, structured=templates)


@pytest.mark.parametrize("page", SAMPLE, ids=lambda p: p.file)
def test_truncated_and_corrupted_real_pages(page) -> None:
    rng = random.Random(page.file)
    html = page.html
    for _ in range(12):
        _survives(html[: rng.randrange(len(html))])
    data = bytearray(html.encode())
    for _ in range(3):
        for _ in range(200):
            data[rng.randrange(len(data))] = rng.randrange(256)
        _survives(data.decode("utf-8", errors="replace"))


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * 20000 + "<h1>Deep</h1><p>Salary: $1k</p>", id="deep-nesting"),
        pytest.param(
            '<h1 title="' + "x" * 2_000_000 + '">Big</h1><dl><dt>Salary</dt><dd>$5</dd></dl>',
            id="huge-attribute",
        ),
        pytest.param("<table>" + "<tr><th>Median pay</th><td>$1</td></tr>" * 5000, id="wide"),
        pytest.param(
            '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>",
            id="deep-json",
        ),
        pytest.param("\ufeff\x00<h1>\udcff</h1>", id="odd-characters"),
        pytest.param("", id="empty"),
    ],
)
def test_hostile_shapes(html: str) -> None:
    _survives(html)
