"""Occupation codes: read where a page states or links one, normalized to soc_code."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from selectolax.lexbor import LexborHTMLParser

from extract.parse import parse_page
from extract.parse.codes import OccupationCode, occupation_code
from sample_site.data import load_site
from tests.analyst_data import parsed, real_fixture_pages, sample_pages
from tests.parse.golden import real_pages
from transform.build import build_tables
from transform.codes import normalize_code

# What each real page states, read off its "Employment projections data" table (the
# first row is the page's own occupation) or, where that row shows "—" because the page
# covers several occupations, the O*NET codes it links. None: no code on the page.
MULTIPLE = None
EXPECTED_SOC: dict[str, str | None] = {
    "bls_ooh/actuaries.html": "15-2011",
    "bls_ooh/agricultural-engineers.html": "17-2021",
    "bls_ooh/airline-and-commercial-pilots.html": "53-2010",
    "bls_ooh/announcers.html": MULTIPLE,  # 27-3011 and 27-2091
    "bls_ooh/arbitrators-mediators-and-conciliators.html": "23-1022",
    "bls_ooh/architectural-and-engineering-managers.html": "11-9041",
    "bls_ooh/assemblers-and-fabricators.html": MULTIPLE,
    "bls_ooh/biological-technicians.html": "19-4021",
    "bls_ooh/career-and-technical-education-teachers.html": MULTIPLE,
    "bls_ooh/carpenters.html": "47-2031",
    "bls_ooh/compliance-officers.html": "13-1041",
    "bls_ooh/computer-support-specialists.html": "15-1230",
    "bls_ooh/electrical-and-electronics-installers-and-repairers.html": MULTIPLE,
    "bls_ooh/fishers-and-related-fishing-workers.html": "45-3031",
    "bls_ooh/food-preparation-workers.html": "35-2021",
    "bls_ooh/janitors-and-building-cleaners.html": "37-2011",
    "bls_ooh/metal-and-plastic-machine-workers.html": MULTIPLE,
    "bls_ooh/middle-school-teachers.html": "25-2022",
    "bls_ooh/military-careers.html": None,
    "bls_ooh/musicians-and-singers.html": "27-2042",
    "bls_ooh/network-and-computer-systems-administrators.html": "15-1244",
    "bls_ooh/physicians-and-surgeons.html": MULTIPLE,
    "bls_ooh/police-fire-and-ambulance-dispatchers.html": "43-5031",
    "bls_ooh/private-detectives-and-investigators.html": "33-9021",
    "bls_ooh/quality-control-inspectors.html": "51-9061",
    "bls_ooh/retail-sales-workers.html": MULTIPLE,
    "bls_ooh/set-and-exhibit-designers.html": "27-1027",
    "bls_ooh/social-workers.html": "21-1020",
    "bls_ooh/teacher-assistants.html": "25-9045",
    "bls_ooh/tour-and-travel-guides.html": "39-7010",
    "ncs_uk/admin-assistant_2019-06.html": None,
}
LINKED = {  # pages whose table shows "—": every O*NET code they link, in page order
    "bls_ooh/announcers.html": "27-3011.00; 27-2091.00",
    "bls_ooh/retail-sales-workers.html": "41-2022.00; 41-2031.00",
}


def tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def test_real_pages_give_the_code_they_state() -> None:
    pages = {p.file: p for p in real_pages()}
    assert set(EXPECTED_SOC) == set(pages)
    raw = {f: parse_page(p.html, p.url) for f, p in pages.items()}
    for file, code in LINKED.items():
        assert raw[file].occupation_code == code
        assert raw[file].occupation_code_system == "O*NET-SOC"
    assert raw["bls_ooh/actuaries.html"].occupation_code == "15-2011"
    assert raw["bls_ooh/actuaries.html"].occupation_code_system == "SOC Code"
    assert ("occupation_code", "codes:table:soc-code") in raw["bls_ooh/actuaries.html"].rules

    careers = build_tables(parsed(real_fixture_pages()), run_id="20261101T060000Z-aaaaaa"
                           ).careers.set_index("url")
    result = {p.file: careers.loc[p.url, "soc_code"] for p in pages.values()}
    assert {f: (None if pd.isna(v) else v) for f, v in result.items()} == EXPECTED_SOC
    systems = {careers.loc[p.url, "soc_system"] for f, p in pages.items() if EXPECTED_SOC[f]}
    assert systems == {"US SOC 2018"}
    text = careers.loc[pages["bls_ooh/physicians-and-surgeons.html"].url, "soc_code_text"]
    assert text.startswith("29-1229.01; 29-1211.00; ")  # kept as linked, though not one code


def test_the_sample_site_gives_the_codes_it_links_and_makes_none_up() -> None:
    data = load_site()
    linked = {c.slug: c.onet for c in data.careers}
    assert 20 < sum(code is not None for code in linked.values()) < len(linked)
    pages = sample_pages()
    codes = {url.rsplit("/", 1)[1]: parse_page(html, url).occupation_code for url, html in pages}
    assert codes == linked
    careers = build_tables(parsed(pages), run_id="20261101T060000Z-aaaaaa").careers
    soc = dict(zip(careers["career_id"].str.rsplit("/", n=1).str[1],
                   careers["soc_code"].astype("object").where(careers["soc_code"].notna(), None),
                   strict=True))
    assert soc == {slug: code[:7] if code else None for slug, code in linked.items()}
    assert set(careers["soc_system"].dropna()) == {"US SOC 2018"}


def jsonld_page(category: object) -> str:
    data = {"@context": "https://schema.org", "@type": "Occupation", "name": "Actuary",
            "occupationalCategory": category}
    return f'<script type="application/ld+json">{json.dumps(data)}</script><h1>Actuary</h1>'


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ({"@type": "CategoryCode", "codeValue": "15-2011.00",
          "inCodeSet": {"@type": "CategoryCodeSet", "name": "O*NET-SOC 2019"}},
         OccupationCode("15-2011.00", "O*NET-SOC 2019", "jsonld:CategoryCode")),
        ("15-1252.00 Software Developers",
         OccupationCode("15-1252.00", "", "jsonld:occupationalCategory")),
        (["Finance", {"@type": "CategoryCode", "termCode": "21231", "inCodeSet": "NOC 2021"}],
         OccupationCode("21231", "NOC 2021", "jsonld:CategoryCode")),
        ("Finance", None),
    ],
)
def test_jsonld_occupational_category(category: object, expected: OccupationCode | None
                                      ) -> None:
    assert occupation_code(tree(jsonld_page(category)), "https://example.org/a") == expected


def test_links_to_noc_and_hostile_links() -> None:
    html = (
        '<a href="http://[broken/15-2011.00">x</a>'
        '<a href="https://noc.esdc.gc.ca/Structure/NocProfile?code=21231&version=2021.0">NOC</a>'
        '<a href="https://www.onetonline.org/find/">O*NET search</a>'
    )
    assert occupation_code(tree(html), "https://example.ca/a") == OccupationCode(
        "21231", "NOC 2021.0", "links:noc")


def test_a_table_whose_own_row_has_no_code_defers_to_links() -> None:
    html = (
        "<table><thead><tr><th>Occupational Title</th><th>SOC Code</th></tr></thead>"
        "<tbody><tr><th>Pilots</th><td>—</td></tr><tr><th>Airline</th><td>53-2011</td></tr>"
        '</tbody></table><a href="https://www.onetonline.org/link/summary/53-2011.00">a</a>'
    )
    assert occupation_code(tree(html), "https://example.org/a") == OccupationCode(
        "53-2011.00", "O*NET-SOC", "links:onet")


@pytest.mark.parametrize(
    ("text", "system", "expected"),
    [
        ("15-2011.00", "O*NET-SOC", ("15-2011", "US SOC 2018")),
        ("13-1041.00; 13-1041.01; 13-1041.03", "O*NET-SOC", ("13-1041", "US SOC 2018")),
        ("27-3011.00; 27-2091.00", "O*NET-SOC", (None, None)),
        ("21-1020", "SOC Code", ("21-1020", "US SOC 2018")),
        ("15-1132", "SOC 2010", ("15-1132", "US SOC 2010")),
        ("2136", "UK SOC 2020", ("2136", "UK SOC 2020")),
        ("2136", "SOC2010", ("2136", "UK SOC 2010")),
        ("21231", "NOC 2021.0", ("21231", "NOC 2021")),
        ("2174", "NOC", ("2174", "NOC 2016")),
        ("2136", "", (None, None)),
        ("Finance", "", (None, None)),
        (None, None, (None, None)),
    ],
)
def test_normalize_code(text: str | None, system: str | None,
                        expected: tuple[str | None, str | None]) -> None:
    assert normalize_code(text, system) == expected
