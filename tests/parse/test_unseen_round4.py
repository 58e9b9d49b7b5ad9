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
    crumbs = (
        '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
        '<li><a href="/c">Careers</a></li><li aria-current="page">Nurse</li></ol></nav>'
    )
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
    occ = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": "Nurse",
        "occupationalCategory": "Healthcare",
        "responsibilities": ["Assess patients"],
    }
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


# --- lists: in table columns, in "a, b and c" sentences -----------------------------------------


@pytest.mark.parametrize(
    ("extra", "cell"),
    [
        ("How often", "<td>Daily</td>"),
        ("Importance", '<td><meter min="0" max="100" value="80"></meter></td>'),
        ("Level", "<td>Advanced</td>"),
    ],
)
def test_lists_as_the_first_column_of_a_table(extra: str, cell: str) -> None:
    def table(first: str, items: list[str]) -> str:
        rows = "".join(f"<tr><td>{i}</td>{cell}</tr>" for i in items)
        return (f"<table><thead><tr><th>{first}</th><th>{extra}</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")  # fmt: skip

    body = (
        f"<h1>Nurse</h1>{FACTS}<h2>What you'll do</h2>"
        + table("Task", ["Assess patients", "Give medicine, safely"])
        + "<h2>Technical skills</h2>"
        + table("Skill", ["Wound care", "Triage"])
    )
    career = parse_page(_page(body), URL)
    assert career.duties == ("Assess patients", "Give medicine, safely")
    assert career.technical_skills == ("Wound care", "Triage")


def test_a_table_of_facts_is_no_list() -> None:
    """A two-column table with long values in its second column is facts, not a list."""
    body = ("<h1>Nurse</h1><h2>Skills</h2><table><tr><th>Skill</th><th>Why it matters</th></tr>"
            "<tr><td>Empathy</td><td>Patients in pain need someone who listens to them</td></tr>"
            "<tr><td>Stamina</td><td>Twelve-hour shifts on your feet, most weeks of the year</td>"
            f"</tr></table>{FACTS}")  # fmt: skip
    assert parse_page(_page(body), URL).people_skills == ()


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "To do well you'll need Patience, Empathy and Attention to detail.",
            ("Patience", "Empathy", "Attention to detail"),
        ),
        ("You'll need patience, tact, and a steady hand.", ("patience", "tact", "a steady hand")),
        (
            "Employers look for Teamwork, Stamina and Calm under pressure.",
            ("Teamwork", "Stamina", "Calm under pressure"),
        ),
    ],
)
def test_a_sentence_that_lists_skills(text: str, items: tuple[str, ...]) -> None:
    body = f"<h1>Nurse</h1>{FACTS}<h2>What it's like</h2><p>Shifts are long.</p><p>{text}</p>"
    assert parse_page(_page(body), URL).people_skills == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # "and" inside one item's own name: the list is not split there.
        ("Attention to detail, Empathy for people in pain, Clear communication with patients"
         " and families.",
         ("Attention to detail", "Empathy for people in pain",
          "Clear communication with patients and families")),
        ("Logical and systems thinking, Patience, Curiosity and Drive",
         ("Logical and systems thinking", "Patience", "Curiosity and Drive")),
        ("Patience, Empathy and Attention to detail", ("Patience", "Empathy",
                                                       "Attention to detail")),
    ],
)  # fmt: skip
def test_and_in_a_comma_list_under_a_heading(text: str, items: tuple[str, ...]) -> None:
    body = f"<h1>Nurse</h1>{FACTS}<h3>Personal qualities</h3><p>{text}</p>"
    assert parse_page(_page(body), URL).people_skills == items


@pytest.mark.parametrize("heading", ["Skills employers ask for", "In-demand skills"])
def test_more_skill_headings(heading: str) -> None:
    body = (f'<h1>Nurse</h1>{FACTS}<h2>{heading}</h2><div><span class="chip">Empathy</span>'
            '<span class="chip">Stamina</span></div>')  # fmt: skip
    assert parse_page(_page(body), URL).people_skills == ("Empathy", "Stamina")


# --- pay in words; a rating that opens a sentence -----------------------------------------------


def _pay(paragraph: str) -> dict[str, str | None]:
    body = (
        f"<h1>Nurse</h1><h2>What you could earn</h2><p>{paragraph}</p><h2>Outlook</h2><p>Good</p>"
    )
    career = parse_page(_page(body), URL)
    return {k: getattr(career, k) for k in ("salary_low", "salary_median", "salary_high")}


def test_a_range_written_as_a_rise_is_low_and_high() -> None:
    """'Starting around £24,000, rising to £40,000' is a range, not a median; both ends
    go, as written, to low and high (transform takes the start and where it rises to)."""
    text = "Starting around £24,000, rising to £40,000 a year with experience."
    assert _pay(text) == {"salary_low": text, "salary_median": None, "salary_high": text}
    text = "New entrants can expect NZ$900 a week; with experience this can rise to NZ$1,400."
    assert _pay(text) == {"salary_low": text, "salary_median": None, "salary_high": text}


def test_a_median_sentence_beside_a_range_sentence() -> None:
    median = "Most nurses take home around £31,000 a year."
    spread = "Starting salaries are around £24,000 a year, rising to £40,000 with experience."
    got = _pay(f"{median} {spread} Most work 37 hours a week.")
    assert got == {"salary_low": spread, "salary_median": median, "salary_high": spread}


def test_yearly_range_in_words_wins_over_a_daily_one() -> None:
    yearly = "Starting around £32,840, rising to £60,640 a year with experience."
    daily = "Put another way: starting pay is around £130 a day, rising to £270."
    assert _pay(f"{yearly} {daily}")["salary_low"] == yearly


@pytest.mark.parametrize("rest", ["Demand is steadiest in the cities.", "Few jobs open each year."])
def test_a_rating_that_opens_a_sentence_is_the_outlook(rest: str) -> None:
    facts = "<dl><dt>Median pay</dt><dd>$60,000</dd></dl>"
    body = f"<h1>Nurse</h1>{facts}<p><strong>Outlook:</strong> Limited. {rest}</p>"
    assert parse_page(_page(body), URL).outlook == "Limited"


# --- pay in a period switch, and split across elements -------------------------------------------


def _switch(selected: str, panels: dict[str, str]) -> str:
    buttons = "".join(
        f'<button role="tab" aria-controls="p-{p}" aria-selected="{str(p == selected).lower()}">'
        f"{p}</button>"
        for p in panels
    )
    bodies = "".join(
        f'<div role="tabpanel" id="p-{p}"{"" if p == selected else " hidden"}>{body}</div>'
        for p, body in panels.items()
    )
    return (
        f'<h1>Nurse</h1><section><h2>Pay</h2><div role="tablist">{buttons}</div>{bodies}</section>'
    )


def test_a_range_labelled_range_in_each_panel_takes_the_yearly_one() -> None:
    page = _switch("Annual", {
        "Monthly": "<p><span>Range</span> <strong>$5,000-$10,300 a month</strong></p>",
        "Annual": "<p><span>Range</span> <strong>from $60,000 to $124,000 yearly</strong></p>",
    })  # fmt: skip
    career = parse_page(_page(page + FACTS.replace("Median pay", "Job")), URL)
    assert career.salary_low == career.salary_high == "from $60,000 to $124,000 yearly"


def test_no_yearly_figure_the_open_panels_period_is_taken() -> None:
    """Hourly and weekly both shown, the weekly panel open: the weekly figure, not the
    hidden hourly one that comes first in the markup."""
    page = _switch("Weekly", {
        "Hourly": "<p><span>Average earnings</span> <strong>$32.75/hr</strong></p>",
        "Weekly": "<p><span>Median earnings</span> <strong>$1,310/week</strong></p>",
    })  # fmt: skip
    assert parse_page(_page(page + FACTS.replace("Median pay", "Job")), URL).salary_median == (
        "$1,310/week"
    )


def test_a_range_split_across_elements_is_one_range() -> None:
    salary = ("<div><h2>Average salary <span>(a year)</span></h2><p><span>$46,010</span> "
              "<span>Starter</span></p><span>to</span><p><span>$77,270</span> "
              "<span>Experienced</span></p></div>")  # fmt: skip
    career = parse_page(_page(f"<h1>Nurse</h1>{salary}<h2>Outlook</h2><p>Good</p>"), URL)
    assert (career.salary_low, career.salary_median) != (None, "$46,010 Starter")
    assert "$77,270" in (career.salary_high or "")


def test_a_uk_style_profile_in_another_currency_is_not_pounds() -> None:
    """The NCS layout's headings on a page whose amounts are dollars: the template reads
    both ends and does not call them pounds; the page's own words say which dollar."""
    body = ("<h1>Nurse</h1><div><h2>Average salary <span>(a year)</span></h2><p>$55k Starter</p>"
            "<span>to</span><p>$122k Experienced</p></div><div><h2>Typical hours <span>(a week)"
            "</span></h2><p>37 to 40</p></div><h2>What it takes</h2><ul><li>Patience</li></ul>"
            "<p><small>All pay is shown in New Zealand dollars.</small></p>")  # fmt: skip
    career = parse_page(_page(body), URL)
    assert (career.salary_low or "").startswith("$55k")
    assert (career.salary_high or "").startswith("$122k")
    assert career.currency_hint is None
    assert "New Zealand dollars" in (career.salary_context or "")


# --- tables: labels as column headers, one fact by region ---------------------------------------


def test_a_row_of_values_under_a_row_of_labels() -> None:
    """Labels as the column headers of a one-row table: each column is its fact (no
    column is 'the occupation's' among entity columns)."""
    table = ("<table><thead><tr><th>Pay</th><th>Number of workers</th><th>Entry requirements"
             "</th><th>Category</th></tr></thead><tbody><tr><td>$68K to $141K</td><td>3,166"
             "</td><td>Bachelor's degree</td><td>Business</td></tr></tbody></table>")  # fmt: skip
    career = parse_page(_page(f"<h1>Nurse</h1>{table}"), URL)
    got = (career.workers, career.education, career.category, career.salary_low)
    assert got == ("3,166", "Bachelor's degree", "Business", "$68K to $141K")


@pytest.mark.parametrize(("first", "rating"), [("Canada", "Good"), ("Region A", "Fair")])
def test_one_fact_by_region_is_the_countrys_row(first: str, rating: str) -> None:
    """'Region | Outlook' with a row per province: the country's row, else the first."""
    table = ("<table><thead><tr><th>Region</th><th>Outlook</th></tr></thead><tbody>"
             f"<tr><th>{first}</th><td>{rating}</td></tr><tr><th>Ontario</th><td>Limited</td>"
             "</tr><tr><th>Quebec</th><td>Very good</td></tr></tbody></table>")  # fmt: skip
    page = _page(f"<h1>Nurse</h1>{table}<dl><dt>Median pay</dt><dd>$60,000</dd></dl>")
    assert parse_page(page, URL).outlook == rating
