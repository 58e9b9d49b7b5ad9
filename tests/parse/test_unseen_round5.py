"""Kinds of page held-out round 5 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

import pytest

from extract.parse import parse_page
from extract.parse.charts import plain as charts
from extract.parse.components import plain
from extract.parse.preformatted import plain as preformatted
from extract.parse.text import clean

URL = "https://jobs.example.net/occupations/welder"


def _page(body: str, *, title: str = "Welder - Jobs") -> str:
    return (f'<html lang="en"><head><title>{title}</title></head><body><main>{body}</main>'
            "</body></html>")  # fmt: skip


# --- web components: words in attributes, slots and shadow roots --------------------------------


def test_facts_in_custom_element_attributes_are_read() -> None:
    body = (
        '<ui-title level="1" text="Welder"></ui-title>'
        '<ui-group heading="At a glance">'
        '<ui-fact label="Pay (per year)" value="$41,000 to $67,000"></ui-fact>'
        '<ui-fact label="Outlook" value="Good"></ui-fact>'
        '<ui-fact label="Workers" value="418,000"></ui-fact></ui-group>'
        '<ui-group heading="What you will do"><ul><li>Cut and join metal parts</li>'
        "<li>Read blueprints and weld symbols</li></ul></ui-group>"
        '<ui-group heading="Skills"><ui-pill label="Welding"></ui-pill>'
        '<ui-pill label="Blueprint reading"></ui-pill><ui-pill>Steady hands</ui-pill></ui-group>'
    )
    career = parse_page(_page(body), URL)
    assert career.title == "Welder"
    assert career.salary_low == "$41,000 to $67,000"  # a range stays raw: transform splits it
    assert career.outlook == "Good"
    assert career.workers == "418,000"
    assert career.duties == ("Cut and join metal parts", "Read blueprints and weld symbols")
    assert "Blueprint reading" in career.technical_skills + career.people_skills


def test_slotted_label_and_value_are_read_apart() -> None:
    body = (
        "<h1>Welder</h1>"
        '<x-stat value="$24.10" unit="per hour"><span slot="label">Median pay</span></x-stat>'
        '<x-stat heading="Outlook"><span slot="value">Good</span></x-stat>'
        '<x-stat heading="Pay"><span slot="value">$50K</span><span slot="unit">a year</span>'
        "</x-stat>"
    )
    career = parse_page(_page(body), URL)
    assert career.outlook == "Good"
    assert plain('<x-s heading="Pay"><b slot="a">1</b><b slot="b">2</b></x-s>').count(" <b") == 2


def test_a_declarative_shadow_root_is_read_in_place() -> None:
    fact = (
        '<x-fact><template shadowrootmode="open"><style>:host{{display:block}}</style>'
        '<div part="label">{}</div><div part="value">{}</div></template></x-fact>'
    )
    body = "<h1>Welder</h1>" + fact.format("Average pay", "$1,150 per week") + fact.format(
        "Job outlook", "Strong"
    )
    career = parse_page(_page(body), URL)
    assert career.outlook == "Strong"
    assert career.salary_median == "$1,150 per week"


def test_a_page_without_custom_elements_is_left_as_it_is() -> None:
    page = _page("<h1>Welder</h1><p>data-x</p>")
    assert plain(page) is page


# --- a print view: the whole profile in one <pre> -----------------------------------------------

_PRINTED = """Welder - printable profile
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Welders join metal for ships, bridges and pipelines.

AT A GLANCE
Median wage ........... $23.40 per hour
Outlook                 Good
Workers employed ...... 418,000
Job growth:
    Employment of welders is projected to grow 2 percent from 2024 to
    2034, about as fast as average.

WHAT WELDERS DO
  - Cut and join metal parts
  - Read blueprints and weld
    symbols before starting
  - Inspect finished welds

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
"""


@pytest.mark.parametrize("tag", ["pre", "PRE"])
def test_a_profile_printed_in_one_pre_is_read(tag: str) -> None:
    career = parse_page(_page(f"<h1>Welder</h1><{tag}>{_PRINTED}</{tag}>"), URL)
    assert career.salary_median == "$23.40 per hour"
    assert career.outlook == "Good"
    assert career.workers == "418,000"
    assert career.growth == (
        "Employment of welders is projected to grow 2 percent from 2024 to 2034, about as fast as"
        " average."
    )
    assert career.duties == (
        "Cut and join metal parts",
        "Read blueprints and weld symbols before starting",
        "Inspect finished welds",
    )


def test_code_in_a_pre_is_left_alone() -> None:
    page = _page("<h1>Welder</h1><pre>x = 1\nif x:  print(x)\n</pre>")
    assert preformatted(page) == page


# --- footnote markers glued to labels and values ------------------------------------------------


def _facts(rows: str) -> str:
    return _page(f"<h1>Welder</h1><table>{rows}</table><p><small>1 Before tax.</small></p>")


def test_a_marker_in_a_sup_is_no_part_of_the_value_or_the_label() -> None:
    career = parse_page(
        _facts(
            "<tr><th>Median wage</th><td>CA$30.30 an hour<sup>1</sup></td></tr>"
            "<tr><th>Number of workers<sup>3</sup></th><td>41,500</td></tr>"
            '<tr><th>Job outlook<sup><a href="#fn2">[2]</a></sup></th><td>Good</td></tr>'
        ),
        URL,
    )
    assert career.salary_median == "CA$30.30 an hour"
    assert career.workers == "41,500"
    assert career.outlook == "Good"


def test_superscript_digits_are_dropped_but_not_a_units() -> None:
    career = parse_page(
        _facts(
            "<tr><th>Employment\u00b2</th><td>12,000</td></tr>"
            "<tr><th>Typical salary range\u00b9</th><td>$38,000-$52,000 per year\u00b9</td></tr>"
        ),
        URL,
    )
    assert career.workers == "12,000"
    assert career.salary_low == "$38,000-$52,000 per year"
    assert clean("a 50 m\u00b2 workshop") == "a 50 m\u00b2 workshop"


def test_a_link_to_a_note_is_dropped_but_real_digits_stay() -> None:
    rows = (
        '<tr><th>Workers*</th><td>1,200<a href="#n1">1</a></td></tr>'
        "<tr><th>Median pay</th><td>$52,100<sup>*</sup></td></tr>"
    )
    career = parse_page(_facts(rows), URL)
    assert career.workers == "1,200"
    assert career.salary_median == "$52,100"


# --- pay only in an SVG chart -------------------------------------------------------------------

_OUTLOOK = "<dl><dt>Outlook</dt><dd>Good</dd></dl>"
_LEGEND = ('<g><rect width="8" height="8"></rect><text x="10">Welder</text>'
           '<text x="90">All jobs</text></g>')  # fmt: skip


def _chart(svg_attrs: str, inside: str, caption: str) -> str:
    return _page(
        f"<h1>Welder</h1><h2>Wages</h2><figure><svg {svg_attrs}>{inside}</svg>"
        f"<figcaption>{caption}</figcaption></figure>{_OUTLOOK}"
    )


def test_figures_in_chart_text_are_read_for_the_occupations_series() -> None:
    bars = (
        '<g><rect height="90"></rect><text class="v">$48,200</text><text>$41,000</text>'
        "<text>Median</text></g>"
    )
    career = parse_page(_chart('role="group"', _LEGEND + bars, "Yearly wages in $"), URL)
    assert career.salary_median == "$48,200"
    assert career.salary_context is not None
    assert "Yearly wages in $" in career.salary_context


def test_figures_in_per_bar_labels_are_read() -> None:
    bars = (
        '<rect role="img" aria-label="Welder, Starting: $19.10"></rect>'
        '<rect role="img" aria-label="All jobs, Starting: $16.00"></rect>'
        '<rect role="img" aria-label="Welder, Experienced: $31.75"></rect>'
    )
    career = parse_page(_chart("", "<title>Hourly wages</title>" + bars, "Hourly wages"), URL)
    assert (career.salary_low, career.salary_high) == ("$19.10", "$31.75")
    assert career.salary_context is not None
    assert "Hourly" in career.salary_context


def test_a_charts_summary_label_is_read() -> None:
    label = "Weekly pay. Welder: median AUD 1,310. All jobs: median AUD 1,150."
    career = parse_page(_chart(f'role="img" aria-label="{label}"', "", "Pay"), URL)
    assert career.salary_median == "AUD 1,310"
    assert career.salary_context is not None
    assert "Weekly pay" in career.salary_context


def test_the_figure_caption_gives_the_period_of_its_hidden_table() -> None:
    page = _page(
        "<h1>Welder</h1><figure><svg></svg><figcaption>Hourly pay in $: welders and all jobs"
        '</figcaption></figure><table class="sr-only"><tr><td></td><th>Median</th></tr>'
        "<tr><th>Welder</th><td>$23.90</td></tr><tr><th>All jobs</th><td>$21.00</td></tr></table>"
        + _OUTLOOK
    )
    career = parse_page(page, URL)
    assert career.salary_median == "$23.90"
    assert career.salary_context is not None
    assert "Hourly pay in $" in career.salary_context


def test_an_icon_is_no_chart() -> None:
    page = '<p><svg aria-label="Share, Email: me"><text>Share</text></svg></p>'
    assert charts(page) == page


# --- a growth sentence alone in a table cell ----------------------------------------------------


def test_a_growth_sentence_spanning_a_table_row_is_read() -> None:
    rows = (
        '<tr><td colspan="2">Employment of welders is projected to grow 3 percent from 2024 to'
        " 2034, about as fast as the average.</td></tr><tr><th>Workers</th><td>418,000</td></tr>"
    )
    career = parse_page(_page(f"<h1>Welder</h1><table>{rows}</table>"), URL)
    assert career.growth is not None
    assert career.growth.startswith("Employment of welders is projected to grow 3 percent")
    assert career.workers == "418,000"


# --- skills and behaviours as code | text tables ------------------------------------------------


def _coded(heading: str, items: list[str], code: str, cell: str = "th") -> str:
    rows = "".join(
        f'<tr><{cell} scope="row">{code}{i}</{cell}><td>{item}</td></tr>'
        for i, item in enumerate(items, 1)
    )
    return f"<section><h2>{heading}</h2><table><tbody>{rows}</tbody></table></section>"


def test_the_item_of_a_code_and_text_table_is_the_text() -> None:
    body = (
        "<h1>Welder</h1><dl><dt>Median pay</dt><dd>$50,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"
        + _coded("Knowledge and technical skills", ["Metallurgy", "Weld symbols"], "K")
        + _coded("Behaviours", ["Works safely", "Takes ownership", "Team player"], "B", "td")
    )
    career = parse_page(_page(body), URL)
    assert career.technical_skills == ("Metallurgy", "Weld symbols")
    assert career.people_skills == ("Works safely", "Takes ownership", "Team player")


def test_a_table_of_skills_and_their_importance_keeps_the_first_column() -> None:
    rows = "".join(f"<tr><td>{s}</td><td>{n}</td></tr>" for s, n in (("Welding", "92"),
                                                                        ("Grinding", "80")))
    body = (
        "<h1>Welder</h1><dl><dt>Median pay</dt><dd>$50,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"
        f"<h2>Skills</h2><table><tr><th>Skill</th><th>Importance</th></tr>{rows}"
        "<tr><td>Reading</td><td>71</td></tr></table>"
    )
    assert parse_page(_page(body), URL).people_skills == ("Welding", "Grinding", "Reading")


# --- a table of places and shares is no list of duties ------------------------------------------

_SHARES = (
    "<h2>Where do they work?</h2><table><tr><th>State</th><th>Share of workers</th></tr>"
    "<tr><th>Ohio</th><td>31.5%</td></tr><tr><th>Texas</th><td>22%</td></tr>"
    "<tr><th>Utah</th><td>9.1%</td></tr></table>"
)
_FACTS = "<dl><dt>Median pay</dt><dd>$50,000</dd><dt>Outlook</dt><dd>Good</dd></dl>"


def test_a_heading_that_names_duties_beats_a_question_with_a_do() -> None:
    tasks = "<h2>Tasks</h2><ul><li>Cut metal</li><li>Join parts</li></ul>"
    body = f"<h1>Welder</h1>{_FACTS}{_SHARES}{tasks}"
    assert parse_page(_page(body), URL).duties == ("Cut metal", "Join parts")


def test_places_with_their_shares_are_not_duties() -> None:
    industries = "<h2>What do they do?</h2><ol><li>Mining 41%</li><li>Construction 22%</li></ol>"
    for shares in (_SHARES, industries):
        assert parse_page(_page(f"<h1>Welder</h1>{_FACTS}{shares}"), URL).duties == ()
