"""The label reader on small pages in the shapes unknown sites use (none of them real fixtures)."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from extract.errors import NotACareerPage
from extract.parse import parse_page

FIELDS = (
    "title", "category", "salary_low", "salary_median", "salary_high", "growth", "outlook",
    "workers", "education", "environment", "technical_skills", "people_skills", "duties",
)  # fmt: skip

EMPTY = dict.fromkeys(FIELDS)
EMPTY.update(technical_skills=(), people_skills=(), duties=())

CASES = [
    pytest.param(
        """<h1>Data Analyst</h1>
        <table><tr><th>Median salary</th><td>$82,360 per year</td></tr>
        <tr><th>Job growth (2023-33)</th><td>23% (much faster than average)</td></tr>
        <tr><th>Employment, 2023</th><td>108,400</td></tr>
        <tr><th>Education required</th><td>Bachelor's degree</td></tr></table>
        <h2>Responsibilities</h2><ul><li>Clean data</li><li>Build dashboards</li></ul>""",
        {
            "title": "Data Analyst",
            "salary_median": "$82,360 per year",
            "growth": "23% (much faster than average)",
            "workers": "108,400",
            "education": "Bachelor's degree",
            "duties": ("Clean data", "Build dashboards"),
        },
        id="table-rows",
    ),
    pytest.param(
        """<main><h1>Electrician</h1><dl>
        <dt>Average salary:</dt><dd>£32,000</dd>
        <dt>Outlook</dt><dd>Growing</dd>
        <dt>Number of workers</dt><dd>1.2M</dd>
        <dt>Qualifications</dt><dd>Level 3 apprenticeship</dd>
        <dt>Work environment</dt><dd>indoor and outdoor</dd></dl>
        <h3>Key skills</h3><ul><li>Wiring regulations</li><li>Fault finding</li></ul></main>""",
        {
            "title": "Electrician",
            "salary_median": "£32,000",
            "outlook": "Growing",
            "workers": "1.2M",
            "education": "Level 3 apprenticeship",
            "environment": "indoor and outdoor",
            "people_skills": ("Wiring regulations", "Fault finding"),
        },
        id="definition-list",
    ),
    pytest.param(
        """<h1>Back-End Developer</h1><p>Technology</p>
        <div><h3>Salary Range</h3>
          <div><div>Low</div><div>$75k</div></div>
          <div><div>Median</div><div>$115k</div></div>
          <div><div>High</div><div>$170k</div></div></div>
        <div><h3>10-Year Growth</h3><p>faster than average</p></div>
        <div><h3>US Workers</h3><p>175K</p></div>
        <div><h3>Education</h3><p>Bachelor's in CS or equivalent experience</p></div>
        <div><h3>Environment</h3><p>indoor</p></div>
        <h2>Tools &amp; Technical Skills</h2><ul><li>Server-side languages (Python, Go)</li></ul>
        <h2>People &amp; Mindset Skills</h2><ul><li>Debugging persistence</li></ul>
        <h2>What you'll actually do</h2><ol><li>01Design APIs</li><li>02Write queries</li></ol>""",
        {
            "title": "Back-End Developer",
            "salary_low": "$75k",
            "salary_median": "$115k",
            "salary_high": "$170k",
            "growth": "faster than average",
            "workers": "175K",
            "education": "Bachelor's in CS or equivalent experience",
            "environment": "indoor",
            "technical_skills": ("Server-side languages (Python, Go)",),
            "people_skills": ("Debugging persistence",),
            "duties": ("01Design APIs", "02Write queries"),
        },
        id="sample-like-blocks",
    ),
    pytest.param(
        """<title>Nurse | Careers Portal</title><body><div class="card">
        <p><strong>Salary:</strong> $38.50/hr</p>
        <p><b>Job outlook:</b> 6% (faster than average)</p>
        <p><b>Jobs:</b> about 3.3 million</p>
        <p>Education: Associate's or bachelor's degree</p></div>
        <h4>Typical duties</h4><p>Nurses usually do these tasks:</p>
        <ul><li>Assess patients</li><li>Give medicine</li></ul>
        <p>Types of nurses include the following:</p><ul><li>ER nurse</li></ul></body>""",
        {
            "title": "Nurse",
            "salary_median": "$38.50/hr",
            "growth": "6% (faster than average)",
            "workers": "about 3.3 million",
            "education": "Associate's or bachelor's degree",
            "duties": ("Assess patients", "Give medicine"),
        },
        id="inline-labels-title-tag",
    ),
    pytest.param(
        """<h1>Chef</h1><section><div><h4>Weekly pay</h4><p>$1,650</p></div>
        <div><h4>Future growth</h4><p>Strong</p></div>
        <div><h4>Employment size</h4><p>96,100 workers</p></div></section>
        <h2>Education &amp; training</h2><p>Certificate III in Commercial Cookery</p>
        <h2>Tasks &amp; duties</h2><ul><li>Plan menus<ul><li>seasonal</li><li>budget</li></ul></li>
        <li>Cook food</li></ul>
        <h2>Skills &amp; knowledge</h2><ul><li>Food safety</li></ul>""",
        {
            "title": "Chef",
            "salary_median": "$1,650",
            "workers": "96,100 workers",
            "outlook": "Strong",
            "education": "Certificate III in Commercial Cookery",
            "duties": ("Plan menus seasonal budget", "Cook food"),
            "people_skills": ("Food safety",),
        },
        id="cards-ampersands-nested-list",
    ),
    pytest.param(
        """<h1>Welder</h1><div><span>Salary range</span><span>$40,000 - $65,000</span></div>
        <div><span>Growth</span><span>Little or no change</span></div>
        <h2>Important qualities</h2>
        <p><strong>Detail oriented.</strong> Welders check their work.</p>
        <p><em>Physical stamina</em>. Welders stand for hours.</p>""",
        {
            "title": "Welder",
            "salary_low": "$40,000 - $65,000",  # a range is both ends as written
            "salary_high": "$40,000 - $65,000",
            "growth": "Little or no change",
            "people_skills": ("Detail oriented", "Physical stamina"),
        },
        id="range-and-leadins",
    ),
]


def _fields(career) -> dict[str, object]:
    record = asdict(career)
    return {f: record[f] for f in FIELDS}


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_unknown_site_shapes(html, expected) -> None:
    career = parse_page(html, "https://careers.example.org/jobs/x")
    assert _fields(career) == {**EMPTY, **expected}
    assert career.parser == "labels/2"
    assert {f for f, _ in career.rules} >= {f for f, v in expected.items() if v and f != "title"}


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(
            """<h2>Median Pay</h2><p>The wage at which half of the workers in the occupation
            earned more than that amount and half earned less. In May 2024 it was $49,500 for all
            workers in the economy, which is a long sentence.</p>
            <h2>Job Outlook</h2><p>The percent change of employment for each occupation.</p>""",
            id="help-text-prose",
        ),
        pytest.param(
            """<table><tr><th>Occupation</th><th>Job Duties</th><th>Education</th>
            <th>Median Pay</th></tr><tr><td>A</td><td>x</td><td>BA</td><td>$1,000</td></tr>
            <tr><td>B</td><td>y</td><td>BA</td><td>$2,000</td></tr></table>""",
            id="comparison-table",
        ),
    ],
)
def test_prose_and_comparison_tables_are_not_values(html) -> None:
    with pytest.raises(NotACareerPage):
        parse_page(f"<h1>Something</h1>{html}", "https://example.org/a")


def test_link_list_is_a_listing() -> None:
    links = "".join(f'<li><a href="/jobs/{i}">Job number {i}</a></li>' for i in range(200))
    html = f"<h1>All jobs</h1><p>Median pay $50,000</p><ul>{links}</ul>"
    with pytest.raises(NotACareerPage):
        parse_page(html, "https://example.org/jobs")


def test_placeholder_in_a_table_is_settled_empty() -> None:
    html = """<h1>Pilot</h1><table><tr><th>Median pay</th><td>$198,100 per year</td></tr>
    <tr><th>Typical entry-level education</th><td>See How to Become One</td></tr>
    <tr><th>Job outlook</th><td>4% (As fast as average)</td></tr></table>"""
    career = parse_page(html, "https://example.org/pilot")
    assert career.education is None
    assert ("education", "labels:table-row(typical entry-level education)") in career.rules


def test_noindex_view_is_not_collected() -> None:
    page = """<html><head><meta name="robots" content="noindex"></head><body><h1>Cook</h1>
    <table><tr><th>Median pay</th><td>$35,000</td></tr><tr><th>Growth</th><td>5%</td></tr>
    </table></body></html>"""
    with pytest.raises(NotACareerPage):
        parse_page(page, "https://example.org/cook/print")
    assert parse_page(page.replace("noindex", "index"), "https://example.org/cook").growth == "5%"


_GAPS_PAGE = (
    "<html><head><meta name='description' content='Nurses care for patients.'></head><body>"
    "<h1>Nurse</h1><dl><dt>Median pay</dt><dd>$52,000 per year</dd></dl>"
    "<h2>What they do</h2><ul><li>Check patients</li><li>Give medicines</li></ul></body></html>"
)


@pytest.mark.parametrize(
    ("wanted", "salary", "duties", "summary"),
    [
        (None, "$52,000 per year", 2, True),
        (frozenset({"salary"}), "$52,000 per year", 0, False),
        (frozenset({"duties", "summary"}), None, 2, True),
    ],
)
def test_the_label_reader_reads_only_the_groups_asked_for(wanted, salary, duties, summary) -> None:
    """A template page with one gap pays for the readers of that gap only, and what is read
    is the same as a whole read's."""
    from selectolax.lexbor import LexborHTMLParser

    from extract.parse import labels

    tree = LexborHTMLParser(_GAPS_PAGE)
    career = labels.read(tree, "https://careers.example/nurse", None, wanted)
    assert career.title == "Nurse"
    assert career.salary_median == salary
    assert len(career.duties) == duties
    assert bool(career.summary) is summary
