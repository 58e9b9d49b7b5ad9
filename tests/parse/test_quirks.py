"""Each OOH and NCS quirk, with the exact raw strings the parsers emit."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from extract.parse import parse_page
from extract.parse.text import leadin
from tests.parse.golden import real_pages

PAGES = {p.file.split("/")[-1].removesuffix(".html"): p for p in real_pages()}


def _parse(name: str, html: str | None = None, url: str | None = None):
    page = PAGES[name]
    return parse_page(html if html is not None else page.html, url or page.url)


@pytest.mark.parametrize(
    ("name", "median", "education", "workers", "growth"),
    [
        ("actuaries", "$125,770 per year $60.47 per hour", "Bachelor's degree", "33,600",
         "22% (Much faster than average)"),
        ("airline-and-commercial-pilots", "$198,100 per year", None, "155,400",
         "4% (As fast as average)"),
        ("announcers", "$21.69 per hour", None, "39,500", "-2% (Decline)"),
        ("physicians-and-surgeons",
         "This wage is equal to or greater than $239,200 per year or $115.00 per hour.",
         "Doctoral or professional degree", "839,000", "3% (As fast as average)"),
        ("fishers-and-related-fishing-workers", None, "No formal educational credential",
         "21,900", "-5% (Decline)"),
    ],
    ids=["both", "annual-only", "hourly-only", "floor", "empty-pay-cell"],
)  # fmt: skip
def test_quick_facts_raw_strings(name, median, education, workers, growth) -> None:
    c = _parse(name)
    assert (c.salary_median, c.salary_text, c.education, c.workers, c.growth) == (
        median, median, education, workers, growth,
    )  # fmt: skip
    assert c.currency_hint == ("USD" if median else None)
    assert c.salary_low is None
    assert c.salary_high is None


def test_placeholder_education_is_settled_so_no_fallback_invents_one() -> None:
    c = _parse("airline-and-commercial-pilots")
    assert c.education is None
    assert ("education", "ooh:quickfacts.education-placeholder") in c.rules
    assert c.parser == "ooh/1"


def test_page_without_quick_facts_has_no_pay_growth_workers_or_education() -> None:
    c = _parse("military-careers")
    assert (c.salary_median, c.salary_text, c.growth, c.workers, c.education) == (None,) * 5
    assert (c.category, len(c.duties), len(c.people_skills)) == ("Military", 8, 7)


def test_similar_occupations_and_chart_pay_are_never_this_occupations_pay() -> None:
    page = PAGES["actuaries"]
    without_qf = re.sub(r"<table[^>]*quickfacts.*?</table>", "", page.html, flags=re.S)
    assert "Similar Occupations" in without_qf
    assert "$" in without_qf
    similar = without_qf[without_qf.index('id="similar-occupations"') :]
    others = set(re.findall(r"\$\d[\d,]+", similar[: similar.index("</table>")]))
    assert len(others) >= 3
    c = parse_page(without_qf, page.url)
    # The label fallback may read the summary's own "Pay" sentence, never another job's pay.
    assert c.salary_median is not None
    assert "$125,770" in c.salary_median
    assert not any(o in c.salary_median for o in others - {"$125,770"})
    assert c.parser == "ooh/1+labels/2"


def test_duties_are_only_the_typically_do_the_following_items() -> None:
    c = _parse("fishers-and-related-fishing-workers")  # two lists: fishers, hunters
    assert len(c.duties) == 13
    c = _parse("electrical-and-electronics-installers-and-repairers")  # plus a "types of" list
    assert len(c.duties) == 7
    assert c.duties[0] == "Discuss problems and requirements with customers"


def test_qualities_are_people_skills_as_shown() -> None:
    c = _parse("tour-and-travel-guides")
    assert c.people_skills == (
        "Adaptability", "Customer-service skills", "Detail oriented", "Interpersonal skills",
        "Speaking and listening skills",
    )  # fmt: skip
    assert c.technical_skills == ()


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("https://www.bls.gov/ooh/math/actuaries.htm", "ooh:url-slug"),
        ("http://127.0.0.1:8123/ooh/math/actuaries.htm", "ooh:url-slug"),
    ],
)
def test_category_from_url_when_breadcrumbs_are_gone(url, rule) -> None:
    html = PAGES["actuaries"].html
    html = re.sub(r'class="global-breadcrumb"', "", html)
    html = re.sub(r'aria-label="[^"]*Back to[^"]*"', "", html)
    c = parse_page(html, url)
    assert c.category == "Math"
    assert ("category", rule) in c.rules


def test_page_served_from_a_mirror_is_read_by_content() -> None:
    c = _parse("carpenters", url="http://127.0.0.1:9999/bls_ooh/carpenters.html")
    assert (c.parser, c.category, c.workers) == ("ooh/1", "Construction and Extraction", "959,000")


def test_ncs_profile() -> None:
    c = _parse("admin-assistant_2019-06")
    assert (c.title, c.category, c.currency_hint) == ("Admin assistant", None, "GBP")
    assert (c.salary_low, c.salary_median, c.salary_high) == ("£14,000", None, "£30,000")
    assert c.salary_text == "£14,000 Starter to £30,000 Experienced (a year)"
    assert c.education is None
    assert ("education", "ncs:how-to-become.routes") in c.rules
    assert c.environment == "You could work in an office."
    assert c.duties[0] == "dealing with queries on the phone, by email and social media"
    assert len(c.people_skills) == 9
    assert c.parser.startswith("ncs/1")


def _mutate(name: str, old: str, new: str, count: int = 1) -> str:
    html = PAGES[name].html
    assert html.count(old) >= count, old
    return html.replace(old, new)


def test_qualities_wrapped_in_a_div_or_given_as_a_list() -> None:
    html = _mutate(
        "actuaries",
        "<h3>Important Qualities</h3>",
        "<h3>Important Qualities</h3><div><ul><li><strong>Grit.</strong> Keep going.</li></ul>",
    )
    html = html.replace("</em></strong> Actuaries quantify risk", "</em></strong> Actuaries q")
    c = parse_page(html, PAGES["actuaries"].url)
    assert c.people_skills[0] == "Grit"
    assert "Math skills" in c.people_skills


def test_duty_intro_wrapped_on_its_own() -> None:
    html = _mutate(
        "actuaries",
        "<p>Actuaries typically do the following:</p>",
        "<div><p>Actuaries typically do the following:</p></div>",
    )
    assert len(parse_page(html, PAGES["actuaries"].url).duties) == 6


def test_dash_in_quick_facts_is_no_value() -> None:
    html = _mutate("actuaries", "22% (Much faster than average)</td>", "—</td>")
    c = parse_page(html, PAGES["actuaries"].url)
    assert c.growth is None
    assert ("growth", "ooh:quickfacts.job-outlook") in c.rules  # settled: no fallback guess


def test_repeated_card_labels_are_not_this_careers_pay() -> None:
    cards = "".join(
        f"<li><span>Wage : </span> £{n},000.00 <span>Annually</span></li>" for n in (12, 13)
    )
    html = f"<h1>Clerk</h1><ul>{cards}</ul><dl><dt>Growth</dt><dd>2%</dd></dl>"
    html += "<dl><dt>Number of jobs</dt><dd>8,400</dd></dl>"
    c = parse_page(html, "https://example.org/clerk")
    assert (c.salary_median, c.salary_text, c.growth, c.workers) == (None, None, "2%", "8,400")


@pytest.mark.parametrize(
    ("html", "lead"),
    [
        ("<p><strong><em>Analytical skills.</em></strong> Actuaries ...</p>", "Analytical skills"),
        ("<p><em><strong>Dexterity</strong></em>. Workers ...</p>", "Dexterity"),
        ("<p><strong><em>Decision-</em><em>making</em><em> skills.</em></strong> X</p>",
         "Decision-making skills"),
        ("<p><strong>Decision-</strong><strong>making skills.</strong> X</p>",
         "Decision-making skills"),
        ("<p><strong>Patience. Teachers must stay calm.</strong> More.</p>", "Patience"),
        ("<p><em></em>The following are examples of qualities:</p>", ""),
        ("<p>Plain text <strong>bold later</strong></p>", ""),
    ],
)  # fmt: skip
def test_leadins(html, lead) -> None:
    p = LexborHTMLParser(html).css_first("p")
    assert p is not None
    assert leadin(p) == lead
