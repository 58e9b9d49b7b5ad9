"""Kinds of page held-out round 6 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

from html import escape

import pytest

from extract.parse import parse_page
from extract.parse.inert import plain as inert

URL = "https://careers.example.org/profiles/plumber"

FACTS = (
    "<h2>Quick facts</h2><dl><dt>Average salary</dt><dd>$58,400 a year</dd>"
    "<dt>Employment</dt><dd>12,300</dd><dt>Qualification</dt><dd>Certificate III</dd></dl>"
    "<h2>Daily tasks</h2><ul><li>Install water pipes</li><li>Fix leaking taps</li></ul>"
)


def _page(body: str, *, title: str = "Plumber | Careers") -> str:
    return (f"<html lang='en'><head><title>{title}</title></head><body><main>{body}</main>"
            "</body></html>")  # fmt: skip


# --- content shipped inert: template, noscript, iframe srcdoc ------------------------------------


@pytest.mark.parametrize(
    "shipped",
    [
        f"<div id=app><p>Loading…</p></div><template id=tpl>{FACTS}</template>",
        f"<div class=skeleton aria-busy=true></div><NOSCRIPT>{FACTS}</NOSCRIPT>",
        '<div class="spinner"></div><iframe title="Profile" srcdoc="'
        + escape(f"<!doctype html><html><head><title>x</title></head><body>{FACTS}</body></html>")
        + '"></iframe>',
        "<iframe srcdoc='" + escape(FACTS, quote=True) + "' loading=lazy></iframe>",
    ],
    ids=["template", "noscript", "srcdoc-document", "srcdoc-fragment"],
)
def test_content_shipped_inert_is_read_where_it_shows(shipped: str) -> None:
    career = parse_page(_page(f"<h1>Plumber</h1><p>Plumbers fix pipes.</p>{shipped}"), URL)
    assert career.salary_median == "$58,400 a year"
    assert career.workers == "12,300"
    assert career.education == "Certificate III"
    assert career.duties == ("Install water pipes", "Fix leaking taps")


def test_inert_markup_that_is_no_content_is_left_alone() -> None:
    pixel = '<noscript><img src="/px.gif" alt=""></noscript><noscript>Enable JavaScript</noscript>'
    assert inert(pixel) is pixel  # unchanged: nothing to show
    shadow = '<x-card><template shadowrootmode="open"><p>x</p></template></x-card>'
    assert inert(shadow) is shadow  # a shadow root is the components reader's
    plain_page = "<p>No inert content</p>"
    assert inert(plain_page) is plain_page
    nested = inert("<template><template><p>a</p></template></template><p>b</p>")
    assert nested.count("<div data-template>") == 2
    assert "</template>" not in nested


# --- a career ladder: the next role's pay, a title that names the page -------------------------


@pytest.mark.parametrize(
    "heading", ["Next step: Plumbing supervisor", "Next role - Site manager", "Next steps to Lead"]
)
def test_the_next_roles_pay_is_not_this_careers(heading: str) -> None:
    body = (
        "<h1>Plumber</h1><p>Plumbers earn a median salary of $58,400 a year.</p>"
        f"<div><h3>{heading}</h3><p>Supervisors typically earn $91,000 a year.</p></div>"
        + FACTS.replace("<dt>Average salary</dt><dd>$58,400 a year</dd>", "")
    )
    career = parse_page(_page(body), URL)
    assert "58,400" in (career.salary_median or "")
    assert "91,000" not in (career.salary_text or "") + (career.salary_median or "")


@pytest.mark.parametrize(
    "h1", ["Plumber: career path", "Plumber – career pathway", "Plumber | Career progression"]
)
def test_a_heading_that_names_the_page_gives_the_occupation(h1: str) -> None:
    career = parse_page(_page(f"<h1>{h1}</h1>{FACTS}"), URL)
    assert career.title == "Plumber"


# --- old markup: <br> lines inside font and small ------------------------------------------------


@pytest.mark.parametrize("wrapper", ["FONT FACE=Arial SIZE=2", "small", "font color=#333"])
def test_br_lines_inside_an_inline_wrapper_are_a_list(wrapper: str) -> None:
    tag = wrapper.split()[0]
    body = (
        "<H1>Plumber</H1><TABLE><TR><TD><B>Salary:</B></TD><TD>$58,400 a year</TD></TR></TABLE>"
        f"<P><FONT SIZE=3><B>MAIN DUTIES</B></FONT><BR><{wrapper}>Install water pipes<BR>"
        f"Fix leaking taps<BR>Read building plans</{tag}></P>"
    )
    career = parse_page(_page(body), URL)
    assert career.duties == ("Install water pipes", "Fix leaking taps", "Read building plans")


# --- a converted PDF: one element per line -------------------------------------------------------


def _lines(*lines: str) -> str:
    return "".join(f'<div class="t y{i}">{line}</div>' for i, line in enumerate(lines))


def test_wrapped_bulleted_lines_are_joined_and_the_run_ends_at_the_next_label() -> None:
    body = (
        "<h1>Plumber</h1>"
        + _lines("Salary", "$58,400 a year")
        + "<div class=page>"
        + _lines(
            "Key skills",
            "• Clear communication with customers and",
            "their families",
            "• Working safely at heights",
            "• Reading technical drawings (plans,",
            "Elevations, sections)",
            "Page 1 of 2 · Plumber",
            "Tools and equipment",
            "• Pipe cutters",
        )
        + "</div>"
    )
    career = parse_page(_page(body), URL)
    assert career.people_skills + career.technical_skills == (
        "Clear communication with customers and their families",
        "Working safely at heights",
        "Reading technical drawings (plans, Elevations, sections)",
    ) or career.people_skills == (
        "Clear communication with customers and their families",
        "Working safely at heights",
        "Reading technical drawings (plans, Elevations, sections)",
    )


def test_wrapped_lines_without_bullets_are_joined() -> None:
    body = (
        "<h1>Plumber</h1>"
        + _lines("Salary", "$58,400 a year")
        + "<div class=page>"
        + _lines(
            "What you will do",
            "Install and repair water, gas and drainage",
            "systems",
            "Fix leaking taps and replace the worn out washers and",
            "seals on old fittings",
            "Quote for jobs before the work starts",
        )
        + "</div>"
    )
    career = parse_page(_page(body), URL)
    assert career.duties == (
        "Install and repair water, gas and drainage systems",
        "Fix leaking taps and replace the worn out washers and seals on old fittings",
        "Quote for jobs before the work starts",
    )


def test_items_that_start_in_lower_case_stay_apart() -> None:
    """UK-style skill lists write every item in lower case: none is a wrapped line."""
    body = (
        "<h1>Plumber</h1><p><strong>Salary:</strong> $58,400 a year</p><h2>Skills</h2>"
        "<div><div>the ability to work well with your hands</div><div>problem-solving skills</div>"
        "<div>to be thorough and pay attention to detail</div><div>patience</div></div>"
    )
    career = parse_page(_page(body), URL)
    items = career.people_skills + career.technical_skills
    assert "problem-solving skills" in items
    assert len(items) == 4


def test_a_duty_label_repeated_per_level_gives_all_their_duties() -> None:
    rungs = "".join(
        f"<li><h3>{level} plumber</h3><p>At this stage you will:</p><ul>"
        + "".join(f"<li>{d}</li>" for d in duties)
        + "</ul></li>"
        for level, duties in (
            ("Apprentice", ("Carry tools and materials", "Cut pipe to length")),
            ("Qualified", ("Install water pipes",)),
            ("Master", ("Plan whole installations", "Train apprentices")),
        )
    )
    facts = FACTS.split("<h2>Daily tasks")[0]
    body = f"<h1>Plumber</h1>{facts}<h2>How you progress</h2><ol>{rungs}</ol>"
    career = parse_page(_page(body), URL)
    assert career.duties == (
        "Carry tools and materials", "Cut pipe to length", "Install water pipes",
        "Plan whole installations", "Train apprentices",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "median"),
    [
        ("<strong>Pay for plumbers:</strong> median $58,400 a year; range $41,000 to $77,000"
         " a year; $28.10 an hour.", "$58,400"),
        ("<b>Salary as a plumber:</b> $28.10 per hour; £48,000 per year", "£48,000"),
        ("<strong>Pay for all occupations:</strong> $49,500 a year", None),
        ("<strong>Pay for apprentices:</strong> $31,000 a year", None),
    ],
)
def test_a_pay_line_for_the_subject_is_read_part_by_part(line: str, median: str | None) -> None:
    body = f"<h1>Plumber</h1><p>{line}</p>" + FACTS.replace(
        "<dt>Average salary</dt><dd>$58,400 a year</dd>", ""
    )
    career = parse_page(_page(body), URL)
    if median is None:
        assert career.salary_median is None
    else:
        assert median in (career.salary_median or "")


# --- wiki and docs headings: edit links and permalinks; an infobox's sectors ---------------------


@pytest.mark.parametrize(
    "tail",
    [
        '<span class="mw-editsection">[<a href="?action=edit&amp;section=3">edit</a>]</span>',
        '<span class="mw-editsection">[ <a href="?action=edit">edit source</a> ]</span>',
        '<a class="headerlink" href="#tasks" title="Permanent link">¶</a>',
        '<a class="hash-link" href="#tasks">#</a>',
    ],
)
def test_a_heading_with_an_edit_link_or_permalink_names_its_list(tail: str) -> None:
    body = (
        "<h1>Plumber</h1><table class=infobox><tr><th>Activity sectors</th><td>Construction</td>"
        "</tr><tr><th>Average salary</th><td>$58,400 a year</td></tr>"
        "<tr><th>Employment</th><td>12,300</td></tr></table>"
        f"<h2><span class=mw-headline>Main tasks</span>{tail}</h2>"
        "<ul><li>Install water pipes</li><li>Fix leaking taps</li></ul>"
    )
    career = parse_page(_page(body), URL)
    assert career.duties == ("Install water pipes", "Fix leaking taps")
    assert career.category == "Construction"


def test_in_a_bulleted_run_a_lower_case_line_goes_on_with_its_item() -> None:
    body = (
        "<h1>Plumber</h1>"
        + _lines("Salary", "$58,400 a year", "Employment", "12,300")
        + "<div class=page>"
        + _lines(
            "Main tasks",
            "• Install water and gas pipes in new",
            "homes and offices",
            "• Fix leaking taps",
            "Skills",
        )
        + "</div>"
    )
    career = parse_page(_page(body), URL)
    assert career.duties == (
        "Install water and gas pipes in new homes and offices",
        "Fix leaking taps",
    )


# --- facts said twice: carousel clones, desktop and mobile copies -------------------------------


def test_a_looping_carousels_cloned_slides_are_not_items() -> None:
    slides = ["Pipe fitting", "Soldering", "Reading plans"]
    carousel = (
        f'<div class="slide" aria-hidden="true">{slides[-1]}</div>'
        + "".join(f'<div class="slide">{s}</div>' for s in slides)
        + f'<div class="slide" aria-hidden="true">{slides[0]}</div>'
    )
    body = f"<h1>Plumber</h1>{FACTS}<h2>Technical skills</h2><div><div>{carousel}</div></div>"
    career = parse_page(_page(body), URL)
    assert career.technical_skills == tuple(slides)


def test_a_fact_worded_twice_with_the_same_figures_is_one_fact() -> None:
    cards = (
        "<div hidden class=mobile><div class=card><p>Employment is projected to grow 7 percent"
        " from 2024 to 2034.</p></div></div>"
    )
    table = (
        "<table><tr><td colspan=2>Overall employment of plumbers is projected to grow 7 percent"
        " from 2024 to 2034, faster than average.</td></tr></table>"
    )
    other_jobs = (  # the same sentence with other figures is still another job's
        "<p>Employment is projected to grow 3 percent from 2024 to 2034.</p>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1>{cards}{table}{FACTS}"), URL)
    assert "7 percent" in (career.growth or "")
    career = parse_page(_page(f"<h1>Plumber</h1>{cards}{other_jobs}{FACTS}"), URL)
    assert career.growth is None


def test_parts_of_a_pay_line_that_name_their_own_level_are_that_level() -> None:
    line = (
        "<strong>Pay for plumbers:</strong> entry level $18.00/hr; median salary $24.50 hourly;"
        " highly experienced $33.00 an hour."
    )
    body = f"<h1>Plumber</h1><p>{line}</p>" + FACTS.replace(
        "<dt>Average salary</dt><dd>$58,400 a year</dd>", ""
    )
    career = parse_page(_page(body), URL)
    assert "24.50" in (career.salary_median or "")
    assert "18.00" in (career.salary_low or "")
    assert "33.00" in (career.salary_high or "")


@pytest.mark.parametrize(
    "label", ["Job outlook, 2023–2033:", "JOB OUTLOOK, 2024-2034 :", "Job outlook 2024 to 2034:"]
)
def test_a_label_that_ends_in_its_years_and_a_colon_is_still_its_field(label: str) -> None:
    from extract.parse.fields import normalize_label

    assert normalize_label(label) == "job outlook"
    body = (
        f"<H1>Plumber</H1><TABLE><TR><TD><B>Pay range:</B></TD><TD>$41,000 to $77,000</TD></TR>"
        f"<TR><TD><B>{label}</B></TD><TD>25% (Much faster than average)</TD></TR>"
        "<TR><TD><B>Workers employed:</B></TD><TD>70,229</TD></TR></TABLE>"
    )
    career = parse_page(_page(body), URL)
    assert career.growth == "25% (Much faster than average)"


def test_a_pay_statement_written_with_spans_between_its_words_still_gives_the_period() -> None:
    gap = '<span class="_ _0"> </span>'
    statement = gap.join(["*", "Figures", "are", "weekly", "earnings", "before", "tax."])
    body = (
        "<h1>Plumber</h1>"
        + _lines("Pay range", "$900 – $1,450", "Employment", "12,300", statement)
        + FACTS.replace("<dt>Average salary</dt><dd>$58,400 a year</dd>", "")
    )
    career = parse_page(_page(body), URL)
    assert "weekly" in (career.salary_context or "")
