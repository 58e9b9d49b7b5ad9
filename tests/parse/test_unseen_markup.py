"""The reader on kinds of markup the round-3 held-out layouts showed it did not know (issue 10).

One test (or one parametrized set) per class of problem, on small pages written here: page
state in an attribute, the subject's column (or row) of a comparison table, labels that are only
attributes, cards of other jobs under any heading, paragraphs read sentence by sentence,
counts in prose, numbered and comma-separated lists, a list of one chip. None is a corpus
page; the corpus scores the same classes in `benchmarks/corpus_accuracy.py --round 3`.
"""

from __future__ import annotations

import json
from html import escape

import pytest

from extract.errors import NotACareerPage
from extract.parse import parse_page

URL = "https://careers.example.org/jobs/nurse"


def _parse(body: str, *, head: str = "", url: str = URL, title: str = "Nurse | Careers"):
    html = (f'<html lang="en"><head><title>{title}</title>{head}</head>'
            f"<body>{body}</body></html>")  # fmt: skip
    return parse_page(html, url)


# --- page state in an attribute -----------------------------------------------------------------

_STATE = {
    "occupationName": "Paramedic",
    "medianWage": {"value": 1480, "period": "week", "currency": "AUD"},
    "employment": {"count": 21500},
    "duties": ["Assess patients at the scene", "Drive the ambulance safely"],
    "softSkills": ["Calm under pressure", "Empathy"],
}


def _astro(value: object) -> object:
    if isinstance(value, dict):
        return [0, {k: _astro(v) for k, v in value.items()}]
    if isinstance(value, list):
        return [1, [_astro(v) for v in value]]
    return [0, value]


@pytest.mark.parametrize(
    "root",
    [
        f'<div data-react-class="Profile" data-react-props="{escape(json.dumps({"job": _STATE}))}">'
        "</div>",
        '<div id="app" data-page="'
        + escape(json.dumps({"component": "Jobs/Show", "props": {"job": _STATE}, "url": "/j"}))
        + '"></div>',
        f'<astro-island uid="A1" props="{escape(json.dumps({"job": _astro(_STATE)}))}" ssr>'
        "</astro-island>",
    ],
    ids=["react-props", "inertia-page", "astro-island"],
)
def test_page_state_in_an_attribute_is_read(root) -> None:
    c = _parse(root, title="Careers")
    assert c.title == "Paramedic"
    assert (c.salary_median, c.salary_context) == ("AUD 1480", "period: week | currency: AUD | "
                                                                "per week")  # fmt: skip
    assert c.workers == "21500"
    assert c.duties == ("Assess patients at the scene", "Drive the ambulance safely")
    assert c.people_skills == ("Calm under pressure", "Empathy")


def test_json_like_attributes_that_are_not_career_state_change_nothing() -> None:
    page = ('<div x-data="{ open: false }" data-config=\'{"theme": "dark", "tracking": true}\'>'
            "<p>Loading</p></div>")  # fmt: skip
    with pytest.raises(NotACareerPage):
        _parse(page, title="Careers")


# --- the subject's column of a comparison table -------------------------------------------------


def _comparison(heads: list[str], rows: list[tuple[str, list[str]]], corner: str) -> str:
    head = corner + "".join(f"<th>{h}</th>" for h in heads)
    body = "".join(
        f"<tr><th>{label}</th>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        for label, values in rows
    )
    return f"<h1>Nurse</h1><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@pytest.mark.parametrize(
    ("heads", "column"),
    [
        (["Nurses", "All occupations"], 0),
        (["National average", "This job"], 1),
        (["State average", "Nurse", "All jobs"], 1),
        (["Total, all occupations", "Registered nurse"], 1),  # no name match: the one non-average
    ],
    ids=["title-first", "this-job-second", "middle-of-three", "the-one-non-average"],
)
@pytest.mark.parametrize("corner", ["<td></td>", "<th></th>"])
def test_the_column_of_the_pages_occupation_is_read(heads, column, corner) -> None:
    def row(mine: str, other: str) -> list[str]:
        return [mine if i == column else other for i in range(len(heads))]

    rows = [
        ("Median pay (per year)", row("$77,600", "$49,500")),
        ("Projected growth", row("6%", "3%")),
        ("Number of jobs", row("3,300,000", "167,900,000")),
        ("Education", row("Bachelor's degree", "—")),
    ]
    c = _parse(_comparison(heads, rows, corner))
    assert (c.salary_median, c.growth, c.workers, c.education) == (
        "$77,600", "6%", "3,300,000", "Bachelor's degree")  # fmt: skip


@pytest.mark.parametrize("ours", ["Nurses", "This occupation"])
@pytest.mark.parametrize("first", [True, False], ids=["average-first", "ours-first"])
def test_the_row_of_the_pages_occupation_is_read(ours, first) -> None:
    """The same comparison turned: entities by row, facts by column."""
    lines = [("All occupations", "$49,500", "3%"), (ours, "$77,600", "6%")]
    body = "".join(f"<tr><th>{a}</th><td>{b}</td><td>{c}</td></tr>"
                   for a, b, c in (lines if first else lines[::-1]))  # fmt: skip
    c = _parse("<h1>Nurse</h1><table><tr><th></th><th>Median pay (per year)</th>"
               f"<th>Projected growth</th></tr>{body}</table>")  # fmt: skip
    assert (c.salary_median, c.growth, c.salary_context) == ("$77,600", "6%",
                                                             "Median pay (per year)")


def test_a_table_of_other_occupations_is_still_not_read() -> None:
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
                   for a, b, c in (("Midwives", "$61,000", "5%"), ("Paramedics", "$58,000", "4%")))
    c = _parse("<h1>Nurse</h1><dl><dt>Outlook</dt><dd>Good</dd><dt>Employment</dt><dd>33,600</dd>"
               "</dl><table><tr><th>Occupation</th><th>Median pay</th><th>Job growth</th></tr>"
               f"{body}</table>")  # fmt: skip
    assert (c.salary_median, c.growth) == (None, None)


def test_a_table_of_regions_is_not_read_as_a_comparison() -> None:
    """Columns that are places, none the page's subject: the wage-table rule (first column)."""
    rows = [("Median wage (hourly)", ["$30.00", "$31.50"])]
    c = _parse(_comparison(["Ontario", "Quebec"], rows, "<th>Area</th>")
               + "<dl><dt>Outlook</dt><dd>Good</dd></dl>")  # fmt: skip
    assert c.salary_median == "$30.00"


# --- labels only in attributes ------------------------------------------------------------------

_SVG = '<svg aria-hidden="true"><use href="#i"></use></svg>'


@pytest.mark.parametrize(
    "fact",
    [
        f'<li title="Median salary">{_SVG}<span>$52,000 a year</span></li>',
        '<li><div role="group" aria-label="Median salary"><img src="/i.svg" alt=""> '
        "<span>$52,000 a year</span></div></li>",
        '<li><span role="img" aria-label="Median salary" class="icon"></span> '
        "<span>$52,000 a year</span></li>",
        f'<li><span class="visually-hidden">Median salary</span>{_SVG} <b>$52,000 a year</b></li>',
    ],
    ids=["title", "group-aria-label", "icon-aria-label", "hidden-text-then-icon"],
)
def test_a_label_given_as_an_attribute_or_hidden_text(fact) -> None:
    other = '<li title="Job outlook"><span>Good</span></li>'
    c = _parse(f"<h1>Nurse</h1><ul>{fact}{other}</ul>")
    assert (c.salary_median, c.outlook) == ("$52,000 a year", "Good")


def test_an_icon_value_inside_a_labelled_element_and_glyph_stars() -> None:
    stars = '<span role="img" aria-label="4 out of 5 stars">' + "<i></i>" * 5 + "</span>"
    c = _parse(f'<h1>Nurse</h1><ul><li><div role="group" aria-label="Job prospects">{stars}</div>'
               '</li><li title="Employment">33,600</li></ul>')  # fmt: skip
    assert (c.outlook, c.workers) == ("4 out of 5 stars", "33,600")
    c = _parse('<h1>Nurse</h1><ul><li title="Job prospects">★★★★☆</li>'
               '<li title="Employment">33,600</li></ul>')  # fmt: skip
    assert c.outlook == "★★★★☆"  # not the label the element's own title gives


def test_attributes_that_name_no_field_are_no_labels() -> None:
    c = _parse('<h1>Nurse</h1><ul><li title="Average full-time hours">44 hours a week</li>'
               '<li title="Full-time share">78%</li><li title="Employment">33,600</li>'
               '<li title="Job outlook">Good</li></ul>')  # fmt: skip
    assert (c.salary_median, c.growth, c.workers) == (None, None, "33,600")


# --- cards of other jobs under any heading ------------------------------------------------------


def _cards(heading: str) -> str:
    """Three cards of other jobs; one labels its pay, the others show a bare figure."""
    cards = "".join(
        f'<li><a href="/jobs/{j.lower()}">{j}</a> <span>{label}${p},000 a year</span></li>'
        for j, p, label in (("Midwife", 61, "Median salary: "), ("Paramedic", 58, ""),
                            ("Dentist", 120, ""))
    )  # fmt: skip
    return f"<aside><h2>{heading}</h2><ul>{cards}</ul></aside>"


@pytest.mark.parametrize("heading", ["Jobs in Healthcare", "Browse jobs", "Healthcare careers"])
def test_cards_of_other_jobs_are_not_this_jobs_facts(heading) -> None:
    own = "<dl><dt>Median salary</dt><dd>$77,600 a year</dd><dt>Outlook</dt><dd>Good</dd></dl>"
    c = _parse(_cards(heading) + f"<h1>Nurse</h1>{own}")
    assert c.salary_median == "$77,600 a year"
    c = _parse(f"<h1>Nurse</h1>{_cards(heading)}<dl><dt>Outlook</dt><dd>Good</dd>"
               "<dt>Employment</dt><dd>33,600</dd></dl>")  # fmt: skip
    assert c.salary_median is None  # nothing of theirs stands in for the page's own


def test_labels_that_link_to_a_glossary_are_still_this_jobs_facts() -> None:
    facts = "".join(
        f'<li><a href="/glossary#{i}">{label}</a>: {value}</li>'
        for i, (label, value) in enumerate((("Median pay", "$77,600 a year"),
                                            ("Employment", "33,600")))
    )  # fmt: skip
    c = _parse(f"<h1>Nurse</h1><ul>{facts}</ul>")
    assert (c.salary_median, c.workers) == ("$77,600 a year", "33,600")


# --- paragraphs read sentence by sentence -------------------------------------------------------


def test_a_pay_sentence_beside_other_sentences_needs_no_label() -> None:
    c = _parse("<h1>Chef</h1><h2>Pay and conditions</h2><p>You may work split shifts. Chefs "
               "usually earn $24,450-$58,460/yr.</p><dl><dt>Outlook</dt><dd>Good</dd></dl>",
               title="Chef | Careers")  # fmt: skip
    assert c.salary_low == c.salary_high == "Chefs usually earn $24,450-$58,460/yr."
    c = _parse("<h1>Chef</h1><h2>What to expect</h2><p>Hours are long. The typical pay for a chef "
               "is $1,120 per week.</p><dl><dt>Outlook</dt><dd>Good</dd></dl>",
               title="Chef | Careers")  # fmt: skip
    assert c.salary_median == "The typical pay for a chef is $1,120 per week."


def test_an_aside_lends_no_period_to_the_pay() -> None:
    c = _parse("<h1>Nurse</h1><h2>Pay</h2><p>Nurses usually earn $52,000, with most earning "
               "between $41,000 and $70,000. Hours are usually 38 a week.</p>"
               "<dl><dt>Outlook</dt><dd>Good</dd></dl>")  # fmt: skip
    assert c.salary_median == "Nurses usually earn $52,000"
    assert c.salary_low == "most earning between $41,000 and $70,000."
    assert "week" not in (c.salary_context or "") + (c.salary_text or "")


def test_the_pay_of_all_workers_in_a_help_text_is_not_this_jobs() -> None:
    c = _parse("<h1>Nurse</h1><h2>Median pay</h2><p>The wage at which half of the workers earned "
               "more. In May 2024, the median annual wage for all workers was $49,500.</p>"
               "<dl><dt>Outlook</dt><dd>Good</dd><dt>Employment</dt><dd>33,600</dd></dl>")
    assert c.salary_median is None


@pytest.mark.parametrize(
    ("sentence", "workers"),
    [
        ("About 33,600 people work as nurses in Australia.", True),
        ("There were about 2,674 librarians in Canada in 2023.", True),
        ("About 9,900 openings for nurses are projected each year.", False),
        ("There are over 1,200 courses you can take.", False),
    ],
)
def test_a_count_stated_in_a_sentence(sentence, workers) -> None:
    c = _parse(f"<h1>Nurse</h1><h2>Outlook</h2><p>The outlook is <b>Good</b>.</p><p>{sentence}</p>"
               "<dl><dt>Median pay</dt><dd>$77,600</dd></dl>")  # fmt: skip
    assert c.workers == (sentence if workers else None)


# --- numbered, comma-separated and one-item lists -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "As a nurse you would: 1) assess patients; 2) give medicine; 3) update records.",
        "You would: (1) assess patients (2) give medicine (3) update records",
        "Typical tasks: 1. assess patients. 2. give medicine. 3. update records.",
    ],
    ids=["paren", "bracketed", "dotted"],
)
def test_duties_numbered_in_one_paragraph(text) -> None:
    c = _parse(f"<h1>Nurse</h1><h2>Duties</h2><p>{text}</p><dl><dt>Outlook</dt><dd>Good</dd></dl>")
    assert c.duties == ("assess patients", "give medicine", "update records")


def test_skills_written_as_one_comma_separated_line() -> None:
    c = _parse("<h1>Nurse</h1><h3>Skills</h3><p>Employers look for: patience, teamwork, "
               "attention to detail.</p><h3>Technical skills</h3><p>Electronic health records "
               "(Epic, Cerner), Phlebotomy, Medication administration</p>"
               "<dl><dt>Outlook</dt><dd>Good</dd></dl>")  # fmt: skip
    assert c.people_skills == ("patience", "teamwork", "attention to detail")
    assert c.technical_skills == (
        "Electronic health records (Epic, Cerner)", "Phlebotomy", "Medication administration")


def test_a_sentence_with_commas_is_no_skills_list() -> None:
    c = _parse("<h1>Nurse</h1><h3>Skills</h3><p>Nurses need patience, empathy, and the stamina "
               "to cope with long shifts on their feet.</p><dl><dt>Outlook</dt><dd>Good</dd>"
               "<dt>Employment</dt><dd>33,600</dd></dl>")  # fmt: skip
    assert c.people_skills == ()


def test_a_list_of_one_chip() -> None:
    c = _parse("<h1>Nurse</h1><section><h2>Tools</h2><div><span>Infusion pumps</span></div>"
               "</section><dl><dt>Outlook</dt><dd>Good</dd><dt>Employment</dt><dd>33,600</dd>"
               "</dl>")  # fmt: skip
    assert c.tools == ("Infusion pumps",)
