"""Kinds of page held-out round 4 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

import json

import pytest

from extract.parse import parse_page

URL = "https://careers.example.org/explore/nurse"
FACTS = "<dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"


def _page(body: str, *, head: str = "", title: str = "Careers") -> str:
    return (f'<html lang="en"><head><title>{title}</title>{head}</head><body>{body}</body>'
            "</html>")  # fmt: skip


# --- the title: what a headline says around the occupation --------------------------------------


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        ("What does a Dental Hygienist do?", "Dental Hygienist"),
        ("What is an electrician?", "electrician"),
        ("How to become an Actuary", "Actuary"),
        ("Plumber career guide", "Plumber"),
        ("Welder job description", "Welder"),
        ("Chef: salary, skills and outlook", "Chef"),
        ("Pay and prospects - Baker", "Baker"),
        ("Wages and outlook: Surveyor", "Surveyor"),
        ("Pilot: a day in the life", "Pilot"),
        ("Librarian in Canada", "Librarian"),
        ("Roofer (NOC 73110)", "Roofer"),
        ("Midwife - ANZSCO 254111", "Midwife"),
        ("How to become a nurse: salary and skills", "nurse"),
        # Occupations whose own names end in such words are left whole.
        ("Director of education", "Director of education"),
        ("Training and development manager", "Training and development manager"),
    ],
)
def test_headline_words_around_the_occupation_are_not_the_title(h1: str, title: str) -> None:
    assert parse_page(_page(f"<h1>{h1}</h1>{FACTS}"), URL).title == title


def test_the_current_page_in_a_breadcrumb_is_not_the_category() -> None:
    """A headline the reader cannot reduce to the title must not make the breadcrumb's
    current item (the page itself) the category."""
    crumbs = ('<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
              '<li><a href="/c">Careers</a></li><li aria-current="page">Nurse</li></ol></nav>')
    page = _page(f"{crumbs}<h1>Nurse, the inside story</h1>{FACTS}")
    assert parse_page(page, URL).category is None


@pytest.mark.parametrize("sep", [" › ", " &gt; ", " / ", " » "])
def test_a_breadcrumb_of_links_between_text_arrows(sep: str) -> None:
    crumbs = (f'<div class="breadcrumb"><a href="/">Home</a>{sep}<a href="/e">Explore careers</a>'
              f'{sep}<a href="/h">Healthcare</a>{sep}<span>Nurse</span></div>')  # fmt: skip
    assert parse_page(_page(f"{crumbs}<h1>Nurse</h1>{FACTS}"), URL).category == "Healthcare"
    no_section = crumbs.replace(f'<a href="/h">Healthcare</a>{sep}', "")
    assert parse_page(_page(f"{no_section}<h1>Nurse</h1>{FACTS}"), URL).category is None


# --- JSON-LD: a code is no category; the structured breadcrumb is -------------------------------


def _ld(graph: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(graph)}</script>'


@pytest.mark.parametrize("code", ["ANZSCO 254412", "SOC 15-1252", "31301", "NOC 2024"])
def test_an_occupational_category_that_is_a_code_is_no_category(code: str) -> None:
    occ = {"@type": "Occupation", "name": "Nurse", "occupationalCategory": code,
           "estimatedSalary": {"@type": "MonetaryAmountDistribution", "currency": "AUD",
                               "duration": "P1W", "median": 1650}}  # fmt: skip
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 3, "name": "Nurse"},
        {"@type": "ListItem", "position": 1, "name": "Home"},
        {"@type": "ListItem", "position": 2, "name": "Health care"}]}  # fmt: skip
    page = _page("<h1>Career profile</h1>", head=_ld({"@context": "https://schema.org",
                                                      "@graph": [crumbs, occ]}))  # fmt: skip
    career = parse_page(page, URL)
    assert (career.title, career.category) == ("Nurse", "Health care")
    alone = _page("<h1>Career profile</h1>", head=_ld({"@context": "https://schema.org", **occ}))
    assert parse_page(alone, URL).category is None


def test_an_occupational_category_that_names_a_section_is_kept() -> None:
    occ = {"@context": "https://schema.org", "@type": "Occupation", "name": "Nurse",
           "occupationalCategory": "Healthcare", "responsibilities": ["Assess patients"]}
    assert parse_page(_page("<h1>Nurse</h1>", head=_ld(occ)), URL).category == "Healthcare"


# --- page state in more frameworks' shapes ------------------------------------------------------

STATE = {
    "occupationName": "Registered Nurse",
    "industry": {"label": "Healthcare"},
    "pay": {"currencyCode": "NZD", "bands": [{"unit": "HOUR", "median": 40.5},
                                             {"unit": "YEAR", "low": 70000, "high": 98000}]},
    "prospects": {"rating": "Good", "growthPercent": 6, "projectionPeriod": "2024-2034"},
    "skills": {"softSkills": ["Empathy", "Patience"], "technicalSkills": ["Wound care"],
               "tools": ["Epic"]},
    "tasks": [{"text": "Assess patients"}, {"text": "Give medicine"}],
}  # fmt: skip
WANT = {
    "title": "Registered Nurse",
    "category": "Healthcare",
    "salary_low": "NZD 70000",  # the yearly band of the two
    "salary_high": "NZD 98000",
    "salary_median": None,
    "outlook": "Good",
    "growth": "6%",
    "growth_context": "2024-2034",
    "people_skills": ("Empathy", "Patience"),
    "technical_skills": ("Wound care",),
    "tools": ("Epic",),
    "duties": ("Assess patients", "Give medicine"),
}


def _skeleton(form: str) -> str:
    if form == "sveltekit":  # the fetched response's body is JSON written as a string
        body = json.dumps({"occupation": STATE})
        data = json.dumps({"status": 200, "headers": {}, "body": body})
        script = (f'<script type="application/json" data-sveltekit-fetched '
                  f'data-url="/api/nurse">{data}</script>')  # fmt: skip
    elif form == "angular":  # TransferState escapes quotes as &q;
        data = json.dumps({"occupation-nurse": STATE}).replace('"', "&q;")
        script = f'<script id="serverApp-state" type="application/json">{data}</script>'
    else:
        remix = {"state": {"loaderData": {"routes/careers.$slug": {"occupation": STATE}}}}
        script = f"<script>window.__remixContext = {json.dumps(remix)};</script>"
    return _page(f'<div id="app">Loading…</div>{script}')


@pytest.mark.parametrize("form", ["sveltekit", "angular", "remix"])
def test_page_state_of_more_frameworks_is_read(form: str) -> None:
    career = parse_page(_skeleton(form), URL)
    assert {k: getattr(career, k) for k in WANT} == WANT
