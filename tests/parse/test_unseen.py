"""The reader on small pages of its own (issue 10, one test per bullet): raw fields as read.

Every page here is written for the test; none is a real fixture or a corpus page.
What transform makes of the raw text is in tests/transform/test_unseen_values.py.
"""

from __future__ import annotations

import pytest

from extract.errors import NotACareerPage
from extract.parse import parse_page

URL = "https://careers.example.org/jobs/nurse"


def _parse(body: str, *, head: str = "", lang: str = "en", url: str = URL):
    html = (f'<html lang="{lang}"><head><title>Nurse | Careers</title>{head}</head>'
            f"<body>{body}</body></html>")
    return parse_page(html, url)


# --- pay in any period, and its context ---------------------------------------------------------


def test_period_in_the_label_is_the_pay_context() -> None:
    c = _parse("<h1>Nurse</h1><dl><dt>Weekly pay</dt><dd>$1,650</dd><dt>Outlook</dt><dd>Good</dd>"
               "</dl>")  # fmt: skip
    assert (c.salary_median, c.salary_context) == ("$1,650", "Weekly pay")


def test_period_in_a_note_beside_the_value() -> None:
    c = _parse("<h1>Nurse</h1><div><span>Median wage</span> <strong>$29.63</strong> "
               "<span>per hour</span></div><div><span>Employment</span> <span>33,600</span></div>")
    assert c.salary_median == "$29.63"
    assert "per hour" in (c.salary_context or "")


def test_footnote_about_all_pay_figures() -> None:
    c = _parse("<h1>Nurse</h1><div><p>Average earnings</p><p>$1,800</p></div>"
               "<p><small>* Figures are weekly earnings before tax.</small></p>"
               "<dl><dt>Employment</dt><dd>96,100</dd></dl>")  # fmt: skip
    assert "Figures are weekly earnings" in (c.salary_context or "")


def test_hourly_and_annual_shown_the_annual_is_read() -> None:
    c = _parse("<h1>Nurse</h1><table><tr><th>Hourly wage</th><td>$30.10</td></tr>"
               "<tr><th>Annual salary</th><td>$62,600</td></tr>"
               "<tr><th>Job outlook</th><td>5%</td></tr></table>")  # fmt: skip
    assert c.salary_median == "$62,600"
    assert "Hourly wage: $30.10" in (c.salary_text or "")  # the other figure stays in the text


def test_wage_table_with_period_rows_takes_the_yearly_row() -> None:
    table = (
        "<table><caption>Wages</caption><tr><th>Location</th><th>Pay period</th><th>Low</th>"
        "<th>Median</th><th>High</th></tr><tr><td>Canada</td><td>Hourly</td><td>$20.00</td>"
        "<td>$30.00</td><td>$40.00</td></tr><tr><td>Canada</td><td>Yearly</td><td>$41,600</td>"
        "<td>$62,400</td><td>$83,200</td></tr></table>"
    )
    c = _parse(f"<h1>Nurse</h1>{table}<dl><dt>Outlook</dt><dd>Good</dd></dl>")
    assert (c.salary_low, c.salary_median, c.salary_high) == ("$41,600", "$62,400", "$83,200")
    assert "Yearly" in (c.salary_context or "")


def test_percentile_columns_are_not_a_range() -> None:
    table = (
        "<table><tr><th>Area</th><th>10%</th><th>25%</th><th>Median</th><th>75%</th><th>90%</th>"
        "</tr><tr><td>United States</td><td>$40,000</td><td>$50,000</td><td>$62,000</td>"
        "<td>$75,000</td><td>$90,000</td></tr></table>"
    )
    c = _parse(f"<h1>Nurse</h1>{table}<dl><dt>Outlook</dt><dd>Good</dd></dl>")
    assert (c.salary_low, c.salary_median, c.salary_high) == (None, "$62,000", None)


def test_a_range_is_both_ends_as_written() -> None:
    c = _parse("<h1>Nurse</h1><p><b>Salary range:</b> $48K-$95K a year</p>"
               "<p><b>Job outlook:</b> 5%</p>")  # fmt: skip
    assert (c.salary_low, c.salary_median, c.salary_high) == (
        "$48K-$95K a year", None, "$48K-$95K a year",
    )  # fmt: skip


def test_a_pay_sentence_is_read_clause_by_clause() -> None:
    c = _parse("<h1>Nurse</h1><h3>How much does a nurse earn?</h3><p>Nurses earn a median of "
               "$77,600 a year (most earn between $60,000 and $98,000).</p>"
               "<h3>How many nurses are there?</h3><p>There are about 3,300,000 nurses.</p>")
    assert "$77,600" in (c.salary_median or "")
    assert c.salary_low == c.salary_high == "most earn between $60,000 and $98,000"
    assert c.workers == "There are about 3,300,000 nurses."


def test_related_careers_cards_are_not_this_careers_pay() -> None:
    cards = "".join(
        f"<div><h3>Job {i}</h3><p><strong>Median pay:</strong> ${40 + i},000 a year</p></div>"
        for i in range(1)
    )
    c = _parse("<h1>Nurse</h1><p><strong>Median pay:</strong> $77,600 a year</p>"
               f"<aside><h2>Related careers</h2>{cards}</aside><p><b>Outlook:</b> Good</p>")
    assert c.salary_median == "$77,600 a year"


# --- currency from the page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "head", "url", "hint"),
    [
        ("en-AU", "", URL, "AUD"),
        ("en", '<meta property="og:locale" content="en_NZ">', URL, "NZD"),
        ("en", '<link rel="canonical" href="https://www.careers.example.gc.ca/x">', URL, "CAD"),
        ("en", '<link rel="alternate" hreflang="en-gb" href="https://e.org/nurse">', URL, "GBP"),
        ("en", "", "https://www.careers.example.com.au/jobs/nurse", "AUD"),
        ("en", "", URL, None),
    ],
    ids=["lang", "og-locale", "canonical-domain", "hreflang", "page-domain", "none"],
)
def test_currency_hint_from_locale_or_domain(lang, head, url, hint) -> None:
    c = _parse("<h1>Nurse</h1><dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd>"
               "</dl>", head=head, lang=lang, url=url)  # fmt: skip
    assert c.currency_hint == hint


def test_currency_in_the_pages_words_goes_to_the_context() -> None:
    c = _parse("<h1>Nurse</h1><dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd>"
               "</dl><p>All pay is shown in Canadian dollars.</p>")  # fmt: skip
    assert "Canadian dollars" in (c.salary_context or "")


# --- growth, outlook, years ---------------------------------------------------------------------


def test_a_rating_is_the_outlook_and_a_percent_is_growth() -> None:
    c = _parse("<h1>Nurse</h1><dl><dt>Job prospects</dt><dd>Very good</dd>"
               "<dt>Projected growth (2024-2034)</dt><dd>8%</dd><dt>Median pay</dt><dd>$60,000</dd>"
               "</dl>")  # fmt: skip
    assert (c.outlook, c.growth) == ("Very good", "8%")
    assert c.growth_context == "Projected growth (2024-2034)"


def test_stars_drawn_with_icons_are_read_by_their_accessible_name() -> None:
    stars = '<span role="img" aria-label="3 out of 5 stars">' + "<i></i>" * 5 + "</span>"
    c = _parse(f"<h1>Nurse</h1><dl><dt>Job outlook</dt><dd>{stars}</dd><dt>Median pay</dt>"
               "<dd>$60,000</dd></dl>")  # fmt: skip
    assert c.outlook == "3 out of 5 stars"


def test_growth_in_prose_under_a_heading() -> None:
    c = _parse("<h1>Nurse</h1><h2>Job outlook</h2><p>Employment of nurses is projected to grow 5 "
               "percent from 2024 to 2034, about as fast as the average.</p>"
               "<dl><dt>Median pay</dt><dd>$60,000</dd></dl>")  # fmt: skip
    assert c.growth is not None
    assert c.growth.startswith("Employment of nurses is projected to grow 5 percent")


def test_workers_label_year_is_the_workers_context() -> None:
    c = _parse("<h1>Nurse</h1><dl><dt>Number of jobs, 2024</dt><dd>3,300,000</dd>"
               "<dt>Median pay</dt><dd>$60,000</dd></dl>")  # fmt: skip
    assert (c.workers, c.workers_context) == ("3,300,000", "Number of jobs, 2024")


# --- the title is the occupation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("h1", "head", "title"),
    [
        ("Job profile", '<meta property="og:title" content="Registered nurse">',
         "Registered nurse"),
        ("Career report - Actors", "", "Actors"),
        ("Nurse: frequently asked questions", "", "Nurse"),
        ("Occupation summary", "", "Nurse"),  # from "<title>Nurse | Careers</title>"
    ],
)
def test_generic_headings_and_prefixes_are_not_the_title(h1, head, title) -> None:
    c = _parse(f"<h1>{h1}</h1><dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd>"
               "</dl>", head=head)  # fmt: skip
    assert c.title == title


def test_breadcrumb_site_sections_are_not_the_category() -> None:
    crumbs = ('<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
              '<li><a href="/x">Explore careers</a></li><li>Nurse</li></ol></nav>')  # fmt: skip
    facts = "<dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"
    assert _parse(f"{crumbs}<h1>Nurse</h1>{facts}").category is None
    with_section = crumbs.replace("<li>Nurse</li>", '<li><a href="/h">Healthcare</a></li>'
                                  "<li>Nurse</li>")  # fmt: skip
    assert _parse(f"{with_section}<h1>Nurse</h1>{facts}").category == "Healthcare"


# --- lists in any markup ------------------------------------------------------------------------

FACTS = "<dl><dt>Median pay</dt><dd>$60,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"


def test_duties_under_a_bold_intro_line() -> None:
    c = _parse(f"<h1>Nurse</h1>{FACTS}<p><strong>In this role you will:</strong></p>"
               "<ul><li>Assess patients</li><li>Give medicine</li></ul>")  # fmt: skip
    assert c.duties == ("Assess patients", "Give medicine")


def test_lists_of_divs_chips_and_dds() -> None:
    c = _parse(f"<h1>Nurse</h1>{FACTS}<h2>Tasks</h2><div><div>Assess patients</div>"
               "<div>Give medicine</div></div><h2>Skills</h2><div><span>Empathy</span>"
               "<span>Patience</span></div><dl><dt>Tools and technology</dt><dd>Epic</dd>"
               "<dd>Infusion pumps</dd></dl>")  # fmt: skip
    assert c.duties == ("Assess patients", "Give medicine")
    assert c.people_skills == ("Empathy", "Patience")
    assert c.tools == ("Epic", "Infusion pumps")


@pytest.mark.parametrize(
    "hide", [" hidden", ' style="display: none;"', ' aria-hidden="true"'], ids=str.strip
)
def test_tab_panels_hidden_until_opened_are_read(hide: str) -> None:
    tabs = ('<div role="tablist"><button role="tab" aria-controls="p1">Overview</button>'
            '<button role="tab" aria-controls="p2">Responsibilities</button></div>'
            f'<div id="p1" role="tabpanel">{FACTS}</div>'
            f'<div id="p2" role="tabpanel"{hide}><ul><li>Assess patients</li></ul></div>')
    c = _parse(f"<h1>Nurse</h1>{tabs}")
    assert c.duties == ("Assess patients",)
    assert c.salary_median == "$60,000"


def test_accordion_details_lists() -> None:
    c = _parse(f"<h1>Nurse</h1>{FACTS}<details><summary>Technical skills</summary>"
               "<ul><li>Wound care</li></ul></details>")  # fmt: skip
    assert c.technical_skills == ("Wound care",)


def test_question_headings_name_their_lists() -> None:
    c = _parse(f"<h1>Nurse</h1>{FACTS}<h3>What does a nurse do?</h3><ul><li>Assess patients</li>"
               "</ul><h3>What skills do I need?</h3><ul><li>Empathy</li></ul>")  # fmt: skip
    assert (c.duties, c.people_skills) == (("Assess patients",), ("Empathy",))


# --- what is not a career -----------------------------------------------------------------------


def test_cookie_banner_and_menus_are_not_facts() -> None:
    page = ("<div role='dialog' aria-label='Cookies'><p>Salary: $1,000,000</p></div>"
            "<nav><ul><li><a href='/pay'>Median pay</a></li><li><a href='/x'>$5</a></li></ul></nav>"
            "<h1>Nurse</h1><p>Text only.</p>")  # fmt: skip
    with pytest.raises(NotACareerPage):
        _parse(page)


def test_figures_captioned_after_their_value() -> None:
    figs = ('<figure><data value="1">$62,400 a year</data><figcaption>Median salary</figcaption>'
            '</figure><figure><data value="2">Good</data><figcaption>Job prospects</figcaption>'
            "</figure>")  # fmt: skip
    c = _parse(f"<h1>Nurse</h1>{figs}")
    assert (c.salary_median, c.outlook) == ("$62,400 a year", "Good")


def test_a_label_and_its_value_are_no_caption() -> None:
    grid = ('<div role="row"><div role="rowheader">Education</div><div role="cell">Bachelor\'s'
            ' degree</div></div><div role="row"><div role="rowheader">Career area</div>'
            '<div role="cell">Education</div></div>')  # fmt: skip
    c = _parse(f"<h1>Teacher</h1>{grid}{FACTS}")
    assert (c.education, c.category) == ("Bachelor's degree", "Education")


def test_lines_of_a_paragraph_and_a_typical_day() -> None:
    c = _parse(f"<h1>Nurse</h1>{FACTS}<h3>A typical day</h3><p>• Assess patients<br>• Give "
               "medicine</p><h3>Skills employers want</h3><div><a href='/s/1'>Empathy</a> "
               "<a href='/s/2'>Patience</a></div>")  # fmt: skip
    assert c.duties == ("Assess patients", "Give medicine")
    assert c.people_skills == ("Empathy", "Patience")
