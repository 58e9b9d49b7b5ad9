"""Career facts from data the page carries rather than shows: page state JSON, microdata, RDFa."""

from __future__ import annotations

import json

import pytest

from extract.parse import parse_page

URL = "https://careers.example.org/explore/nurse"
CAREER = {
    "occupationTitle": "Registered Nurse",
    "careerArea": "Healthcare",
    "wages": [
        {"median": 30.0, "frequency": "HOUR", "currency": "AUD"},
        {"median": 62400, "frequency": "annual", "currency": "AUD"},
    ],
    "jobProspects": "Very strong",
    "projectedGrowth": {"percent": 8.0, "startYear": 2024, "endYear": 2034},
    "employment": {"count": 320100, "year": 2024},
    "typicalEducation": "Bachelor degree or higher",
    "tasks": ["Assess patients", "Give medicine"],
    "technicalSkills": [{"name": "Wound care"}, "Medication administration"],
    "personalQualities": ["Empathy"],
    "software": ["Epic"],
    "related": [{"title": "Midwife", "medianSalary": 99000}],
}
WANT = {
    "title": "Registered Nurse",
    "category": "Healthcare",
    "salary_median": "AUD 62400",  # the yearly entry of the two
    "outlook": "Very strong",
    "growth": "8%",
    "growth_context": "2024-2034",
    "workers": "320100",
    "workers_context": "2024",
    "education": "Bachelor degree or higher",
    "duties": ("Assess patients", "Give medicine"),
    "technical_skills": ("Wound care", "Medication administration"),
    "people_skills": ("Empathy",),
    "tools": ("Epic",),
}


def _devalue(value: object) -> list[object]:
    """Nuxt 3's payload: a flat array whose objects and arrays hold indexes into it."""
    out: list[object] = []

    def put(v: object) -> int:
        i = len(out)
        out.append(None)
        if isinstance(v, dict):
            out[i] = {k: put(x) for k, x in v.items()}
        elif isinstance(v, list):
            out[i] = [put(x) for x in v]
        else:
            out[i] = v
        return i

    put(value)
    return out


def _skeleton(script: str) -> str:
    return (f"<html><head><title>Careers</title></head><body><div id='app'></div>{script}"
            "</body></html>")  # fmt: skip


PAGES = {
    "next-data": _skeleton(
        '<script id="__NEXT_DATA__" type="application/json">'
        + json.dumps({"props": {"pageProps": {"career": CAREER}}, "page": "/x"})
        + "</script>"
    ),
    "nuxt-devalue": _skeleton(
        '<script type="application/json" id="__NUXT_DATA__">'
        + json.dumps(_devalue({"data": {"career-nurse": CAREER}}))
        + "</script>"
    ),
    "window-state": _skeleton(
        "<script>window.__INITIAL_STATE__ = " + json.dumps({"entities": {"career": CAREER}})
        + ";</script>"
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_skeleton_page_is_read_from_its_embedded_state(name: str) -> None:
    c = parse_page(PAGES[name], URL)
    assert {k: getattr(c, k) for k in WANT} == WANT
    assert c.parser == "labels/2+embedded/1"
    assert "currency: AUD" in (c.salary_context or "")
    assert "per year" in (c.salary_context or "")


def test_a_normalized_cache_is_followed_through_its_links() -> None:
    state = {
        "Salary:1": {"__typename": "Salary", "median": 56480, "period": "YEAR", "currency": "GBP"},
        "Task:1": {"__typename": "Task", "text": "Assess patients"},
        "Career:7": {"__typename": "Career", "title": "Nurse", "salary": {"__ref": "Salary:1"},
                     "tasks": [{"__ref": "Task:1"}], "outlook": "Good",
                     "projectedGrowthPercent": 5, "self": {"__ref": "Career:7"}},
        "ROOT_QUERY": {"career": {"__ref": "Career:7"}},
    }  # fmt: skip
    c = parse_page(_skeleton(f"<script>window.__APOLLO_STATE__={json.dumps(state)};</script>"), URL)
    assert (c.title, c.salary_median, c.duties, c.outlook, c.growth) == (
        "Nurse", "GBP 56480", ("Assess patients",), "Good", "5%",
    )  # fmt: skip


def test_page_state_fills_only_what_the_visible_page_lacks() -> None:
    html = PAGES["next-data"].replace(
        "<div id='app'></div>",
        "<h1>Registered Nurse</h1><dl><dt>Median pay</dt><dd>$70,000</dd></dl>",
    )
    c = parse_page(html, URL)
    assert c.salary_median == "$70,000"  # what the page shows wins
    assert c.duties == ("Assess patients", "Give medicine")  # what it does not, the state gives


MICRODATA = """<html><body><h1>Occupation summary</h1>
<div itemscope itemtype="https://schema.org/Occupation">
  <h2 itemprop="name">Registered Nurse</h2>
  <span itemprop="occupationalCategory">Healthcare</span>
  <div itemprop="estimatedSalary" itemscope itemtype="https://schema.org/MonetaryAmountDistribution">
    <span itemprop="median" content="62400">$62,400</span>
    <meta itemprop="percentile10" content="41000"><meta itemprop="currency" content="CAD">
    <meta itemprop="duration" content="P1Y"></div>
  <span itemprop="educationRequirements">Bachelor's degree</span>
  <ul><li itemprop="responsibilities">Assess patients</li><li itemprop="responsibilities">Give
  medicine</li></ul><ul><li itemprop="skills">Empathy</li></ul>
</div></body></html>"""


@pytest.mark.parametrize("form", ["microdata", "rdfa"])
def test_microdata_and_rdfa_are_read_like_json_ld(form: str) -> None:
    html = MICRODATA
    if form == "rdfa":
        html = (html.replace('itemscope itemtype="https://schema.org/', 'typeof="')
                .replace("itemprop=", "property=")
                .replace('<div typeof="Occupation"', '<div vocab="https://schema.org/" '
                         'typeof="Occupation"'))  # fmt: skip
    c = parse_page(html, URL)
    assert (c.title, c.category, c.education) == ("Registered Nurse", "Healthcare",
                                                  "Bachelor's degree")  # fmt: skip
    assert (c.salary_low, c.salary_median, c.salary_high) == (None, "CAD 62400 per year", None)
    assert c.duties == ("Assess patients", "Give medicine")
    assert c.technical_skills == ("Empathy",)
    assert c.people_skills == ()  # the one skills list is not read twice
    assert c.parser.startswith("microdata/1")
