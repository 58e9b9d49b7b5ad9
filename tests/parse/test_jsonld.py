"""schema.org JSON-LD: Occupation and JobPosting, alone and beside labels or a template."""

from __future__ import annotations

import json

import pytest

from extract.parse import parse_page
from tests.parse.golden import real_pages


def _page(obj: object, body: str = "") -> str:
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(obj)}</script></head>'
        f"<body>{body}</body></html>"
    )


OCCUPATION = {
    "@context": "https://schema.org",
    "@type": "Occupation",
    "name": "Software Developer",
    "description": "<p>Builds software.</p>",
    "occupationalCategory": {"@type": "CategoryCode", "codeValue": "15-1252", "name": "Computer"},
    "estimatedSalary": [
        {
            "@type": "MonetaryAmountDistribution",
            "currency": "USD",
            "duration": "P1Y",
            "percentile10": 77020,
            "percentile25": 98000,
            "median": 133080.0,
            "percentile90": 211450,
        }
    ],
    "educationRequirements": {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "Bachelor's degree",
    },
    "skills": ["Python", {"@type": "DefinedTerm", "name": "SQL"}],
    "responsibilities": "Design software\nTest software\n• Fix bugs",
}


def test_occupation_fields_and_raw_salary_form() -> None:
    c = parse_page(_page(OCCUPATION), "https://example.org/dev")
    assert (c.title, c.category, c.summary) == (
        "Software Developer",
        "Computer",
        "Builds software.",
    )
    # Percentiles are not a low/high range: they stay in the pay text only.
    assert (c.salary_low, c.salary_median, c.salary_high) == (None, "USD 133080 per year", None)
    assert c.salary_text == (
        "median USD 133080 per year; percentile10 USD 77020 per year; percentile25 USD 98000"
        " per year; percentile90 USD 211450 per year"
    )
    assert (c.currency_hint, c.education) == ("USD", "Bachelor's degree")
    assert c.technical_skills == ("Python", "SQL")
    assert c.duties == ("Design software", "Test software", "Fix bugs")
    assert c.parser == "jsonld/1"


def test_job_posting_in_a_graph_with_an_hourly_range() -> None:
    posting = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "ignored"},
            {
                "@type": ["JobPosting"],
                "title": "Barista",
                "baseSalary": {
                    "@type": "MonetaryAmount",
                    "currency": "GBP",
                    "value": {"@type": "QuantitativeValue", "minValue": 11.5, "maxValue": 13,
                              "unitText": "HOUR"},
                },
                "responsibilities": ["Make coffee", "Serve customers"],
            },
        ],
    }  # fmt: skip
    c = parse_page(_page(posting), "https://example.org/barista")
    assert (c.salary_low, c.salary_median, c.salary_high) == (
        "GBP 11.5 per hour",
        None,
        "GBP 13 per hour",
    )
    assert c.duties == ("Make coffee", "Serve customers")


def test_labels_fill_what_the_json_ld_lacks() -> None:
    body = "<h1>Software Developer</h1><table><tr><th>Job outlook</th><td>15%</td></tr></table>"
    c = parse_page(_page(OCCUPATION, body), "https://example.org/dev")
    assert (c.growth, c.salary_median) == ("15%", "USD 133080 per year")
    assert c.parser == "jsonld/1+labels/2"


def test_template_stays_authoritative_and_json_ld_fills_its_gaps() -> None:
    page = next(p for p in real_pages() if p.file.endswith("military-careers.html"))
    html = page.html.replace("</head>", _page(OCCUPATION).split("<body>")[0][6:-7] + "</head>")
    c = parse_page(html, page.url)
    assert c.title == "Military Careers"
    assert c.category == "Military"
    assert c.salary_median == "USD 133080 per year"  # the page's Quick Facts are missing
    assert c.parser == "ooh/1+jsonld/1"


@pytest.mark.parametrize(
    "script",
    ["{not json", "[]", '{"@type": "Person", "name": "x"}', json.dumps([[[[{"@type": 5}]]]])],
)
def test_broken_or_foreign_json_ld_is_ignored(script) -> None:
    html = f'<script type="application/ld+json">{script}</script><h1>Welder</h1>'
    html += "<dl><dt>Salary</dt><dd>$40,000</dd><dt>Growth</dt><dd>2%</dd></dl>"
    c = parse_page(html, "https://example.org/welder")
    assert (c.parser, c.salary_median, c.growth) == ("labels/2", "$40,000", "2%")
