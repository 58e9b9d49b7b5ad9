"""Kinds of page held-out round 7 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

import pytest

from extract.parse import parse_page
from extract.parse.attributes import plain

URL = "https://careers.example.org/profiles/plumber"
DUTIES = "<h2>Daily tasks</h2><ul><li>Install water pipes</li><li>Fix leaking taps</li></ul>"


def _page(body: str, *, head: str = "", title: str = "Plumber | Careers") -> str:
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>{body}"
            "</main></body></html>")  # fmt: skip


def test_abbreviated_labels_read_as_their_titles() -> None:
    body = (
        "<h1>Plumber</h1><table><tr><th><abbr title='Average earnings'>Avg. earn.</abbr></th>"
        "<td>$58,400 a year</td></tr><tr><th><abbr title='Number of workers'>No. wkrs.</abbr>"
        "</th><td>12,300</td></tr><tr><th><abbr title='Typical qualification'>Typ. qual.</abbr>"
        f"</th><td>Certificate III</td></tr></table>{DUTIES}"
    )
    career = parse_page(_page(body), URL)
    assert career.salary_median == "$58,400 a year"
    assert career.workers == "12,300"
    assert career.education == "Certificate III"
    acronym = "<p>Pay in <abbr title='Australian dollars'>AUD</abbr></p>"
    assert plain(acronym) is acronym  # an acronym is shown as itself


def test_a_prefilled_calculators_read_only_values_are_read() -> None:
    body = (
        "<h1>Plumber</h1><form><h2>Your numbers</h2>"
        "<p><label for=a>Average salary</label><input id=a readonly value='$58,400 a year'></p>"
        "<p><label for=b>Employment</label> <input id=b type=text readonly='' value=\"12,300\">"
        "</p><p><label for=c>Hours per week</label><input id=c type=number value=38></p>"
        f"<button>Recalculate</button></form>{DUTIES}"
    )
    career = parse_page(_page(body), URL)
    assert career.salary_median == "$58,400 a year"
    assert career.workers == "12,300"
    search = "<form><input name=q value='plumber'><button>Go</button></form>"
    assert plain(search) is search  # a form with no read-only value stays a form


def test_a_twitter_cards_label_and_data_pairs_are_read() -> None:
    head = (
        '<meta property="og:title" content="Plumber">'
        '<meta name="twitter:label1" content="Median pay"><meta name="twitter:data1"'
        ' content="$58,400 a year"><meta name="twitter:label2" content="Employment">'
        '<meta name="twitter:data2" content="12,300">'
    )
    career = parse_page(_page(f"<div id=app></div>{DUTIES}", head=head), URL)
    assert career.title == "Plumber"
    assert career.salary_median == "$58,400 a year"
    assert career.workers == "12,300"
    one = (
        '<meta name="twitter:label1" content="Reading time">'
        '<meta name="twitter:data1" content="3 min">'
    )
    assert plain(f"<html><head>{one}</head><body></body></html>").count("<dl") == 0


@pytest.mark.parametrize(
    ("h1", "og", "title"),
    [
        ("Chat with Ana: Plumber", "Plumber", "Plumber"),
        ("This week: Career of the week – Plumber", "Plumber", "Plumber"),
        ("Plumber compared with similar occupations", "Plumber", "Plumber"),
        ("Registered Plumber", "Plumber", "Registered Plumber"),
        ("Plumber Supervisor", "Plumber", "Plumber Supervisor"),
    ],
)
def test_a_headline_that_wraps_the_pages_own_name_gives_the_name(h1, og, title) -> None:
    head = f'<meta property="og:title" content="{og}">'
    body = f"<h1>{h1}</h1><p><strong>Salary:</strong> $58,400 a year</p>{DUTIES}"
    career = parse_page(_page(body, head=head, title=f"{og} | Careers"), URL)
    assert career.title == title


def test_an_aria_grid_of_divs_is_read_as_a_table() -> None:
    def row(cells: list[str], head: bool = False) -> str:
        role = "columnheader" if head else "gridcell"
        first = "columnheader" if head else "rowheader"
        rest = "".join(f'<div role="{role}">{c}</div>' for c in cells[1:])
        return f'<div role="row"><div role="{first}">{cells[0]}</div>{rest}</div>'

    grid = (
        '<div role="grid" aria-label="Plumbers and other trades"><div class="head">'
        + row(["Occupation", "Median pay", "Employment"], head=True)
        + '</div><div role="rowgroup">'
        + row(["Electrician", "$61,000 a year", "20,100"])
        + row(["Plumber", "$58,400 a year", "12,300"])
        + "</div></div>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1>{grid}{DUTIES}"), URL)
    assert career.salary_median == "$58,400 a year"
    assert career.workers == "12,300"
    from extract.parse.aria import plain as aria

    page = f"<div role=grid><div class=wrap>{row(['a', 'b'])}</div></div>"
    assert "wrap" not in aria(page)  # a wrapper between rows is dropped, not fostered out
    assert aria("<div role=region><div>x</div></div>").count("<div") == 2


@pytest.mark.parametrize(
    ("mark", "own"),
    [('aria-current="true"', True), ('class="row is-highlighted"', True),
     ('aria-selected="true"', True), ('class="row"', False)],
)  # fmt: skip
def test_a_comparison_of_similar_jobs_that_marks_this_ones_row_is_read(mark, own) -> None:
    table = (
        "<h2>Similar occupations</h2><table><tr><th>Occupation</th><th>Median pay</th>"
        "<th>Employment</th></tr><tr><th scope=row><a href=/electrician>Electrician</a></th>"
        f"<td>$61,000 a year</td><td>20,100</td></tr><tr {mark}><th scope=row>"
        "<a href=/plumber>Plumber</a></th><td>$58,400 a year</td><td>12,300</td></tr></table>"
    )
    facts = "<p><strong>Qualification:</strong> Certificate III</p>"
    career = parse_page(_page(f"<h1>Plumber</h1>{facts}{DUTIES}{table}"), URL)
    assert career.salary_median == ("$58,400 a year" if own else None)
    assert career.workers == ("12,300" if own else None)


def test_the_chosen_option_of_a_region_drop_down_is_read_as_shown() -> None:
    def page(chosen: str) -> str:
        options = "".join(
            f"<option{' selected' if i == 1 else ''}>{text}</option>"
            for i, text in enumerate(("Queensland: Median pay $55,000 a year", chosen,
                                      "Tasmania: Median pay $48,000 a year"))
        )  # fmt: skip
        body = f"<h1>Plumber</h1><label for=r>Your area</label><select id=r>{options}</select>"
        return _page(f"{body}<p>Employment: 12,300</p>{DUTIES}")

    assert parse_page(page("Australia — Median pay A$61,000 a year"), URL).salary_median == (
        "A$61,000 a year")  # fmt: skip
    both = parse_page(page("Australia — Starting pay $40,000 a year · Senior pay $90,000 a year"),
                      URL)  # fmt: skip
    assert (both.salary_low, both.salary_high) == ("$40,000 a year", "$90,000 a year")
    ranged = parse_page(page("National: Pay range from $40k to $80k a year"), URL)
    assert ranged.salary_low == "from $40k to $80k a year"
    language = "<select><option selected>English</option><option>Français</option></select>"
    assert plain(language) is language  # a choice with no figure shows nothing to read


def test_bulleted_lines_under_a_heading_in_the_same_cell_are_a_list() -> None:
    cells = (
        "<table><tr><td><h3>Daily tasks</h3>&bull;&nbsp;Install water pipes<br>"
        "&bull;&nbsp;Fix leaking taps<br>&bull;&nbsp;Test gas boilers</td></tr>"
        "<tr><td><h3>Skills</h3>- Patience<br>- Problem solving</td></tr></table>"
    )
    body = f"<h1>Plumber</h1><p>Median pay: $58,400 a year</p><p>Employment: 12,300</p>{cells}"
    career = parse_page(_page(body), URL)
    assert career.duties == ("Install water pipes", "Fix leaking taps", "Test gas boilers")
    assert career.people_skills == ("Patience", "Problem solving")


def test_a_region_of_similar_jobs_ends_with_its_list_or_a_wrapped_heading() -> None:
    similar = (
        "<h2>Similar occupations</h2><p>Select a column to sort.</p><table><tr><th>Job</th>"
        "<th>Pay</th></tr><tr><td><a href=/gasfitter>Gasfitter</a></td><td>$70,000 a year</td>"
        "</tr><tr><td><a href=/roofer>Roofer</a></td><td>$52,000 a year</td></tr></table>"
    )
    after = (
        "<p><strong>Work setting:</strong> Indoor</p><span><section><h2>Daily tasks</h2><ul>"
        "<li>Install water pipes</li><li>Fix leaking taps</li></ul></section></span>"
    )
    body = f"<h1>Plumber</h1><p>Median pay: $58,400 a year</p>{similar}{after}"
    career = parse_page(_page(body), URL)
    assert career.environment == "Indoor"
    assert career.duties == ("Install water pipes", "Fix leaking taps")
    assert career.salary_median == "$58,400 a year"  # the table's rows stay other jobs'
