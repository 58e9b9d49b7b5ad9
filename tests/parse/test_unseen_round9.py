"""Kinds of page held-out round 9 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from extract.parse import parse_page
from extract.parse.columns import paired
from extract.parse.text import clean

URL = "https://careers.example.org/profiles/plumber"


def _page(body: str, *, head: str = "", title: str = "Plumber | Careers") -> str:
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>{body}"
            "</main></body></html>")  # fmt: skip


def _column(cells: list[str], tag: str = "div") -> str:
    return f"<{tag} class=col>{''.join(f'<{tag}>{c}</{tag}>' for c in cells)}</{tag}>"


def test_label_and_value_columns_paired_by_order_are_read_as_pairs() -> None:
    labels = ["Average pay", "Employment", "Qualifications", "Daily tasks"]
    values = ["$61,000 a year", "12,300", "Certificate III",
              "<ul><li>Fit pipes</li><li>Find leaks</li></ul>"]  # fmt: skip
    body = f"<h1>Plumber</h1><div class=grid>{_column(labels)}{_column(values)}</div>"
    career = parse_page(_page(body), URL)
    assert career.salary_median == "$61,000 a year"
    assert career.workers == "12,300"
    assert career.education == "Certificate III"
    assert career.duties == ("Fit pipes", "Find leaks")


def test_two_columns_of_anything_else_stay_as_they_are() -> None:
    for left, right in ((["Home", "About", "Contact"], ["Blog", "Jobs", "Help"]),
                        (["Median pay", "Employment", "Education"], ["Pay", "Jobs", "Outlook"]),
                        (["Median pay", "Employment"], ["$61,000", "12,300"])):  # fmt: skip
        tree = LexborHTMLParser(f"<div>{_column(left)}{_column(right)}</div>")
        assert paired(tree) is tree


def test_a_forums_sections_are_no_category() -> None:
    crumbs = "<nav class=forum-crumbs><a href=/c>Community</a> › <a href=/j>Careers &amp; jobs</a>"
    facts = "<p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>"
    body = f"{crumbs}</nav><h1>Plumber</h1>{facts}"
    assert parse_page(_page(body), URL).category is None


def test_a_fact_written_value_first_is_read() -> None:
    facts = (
        "<ul><li><strong>$61,000</strong> typical pay (per year)</li>"
        "<li><b>12,300 in 2024</b> people employed</li><li><strong>38</strong> hours a week</li>"
        "<li><strong>1 in 5</strong> work part-time</li>"
        "<li><strong>Certificate III</strong> entry requirements</li></ul>"
    )
    slide = "<div><span>2/6</span><h3>Job outlook</h3><p>Good</p></div>"
    career = parse_page(_page(f"<h1>Plumber</h1>{facts}{slide}"), URL)
    assert career.salary_median == "$61,000"
    assert career.salary_context == "typical pay (per year)"
    assert career.workers == "12,300 in 2024"
    assert career.education == "Certificate III"
    assert career.outlook == "Good"  # a slide's counter is no value of its heading


def test_digit_groups_split_by_a_narrow_or_no_break_space_are_one_number() -> None:
    body = (
        "<h1>Plumber</h1><table><tr><th>Median salary</th><td>52\u202f000 $ a year</td></tr>"
        "<tr><th>People employed</th><td>Around 1\u00a0252\u2009409</td></tr></table>"
    )
    career = parse_page(_page(body), URL)
    assert career.salary_median == "52,000 $ a year"
    assert career.workers == "Around 1,252,409"
    assert clean("In 2024 120 joined") == "In 2024 120 joined"  # a plain space: two numbers
    assert clean("2024\u00a012 months") == "2024 12 months"  # not a group of three


def test_a_value_beside_its_meter_is_the_labels_value() -> None:
    gauge = (
        "<div class=gauge><label for=g>Median pay (per hour)</label><meter id=g min=0 max=100"
        " value=60></meter><span>$31.40</span><span class=marker>All jobs: $24.31</span></div>"
        "<div><label>Employment</label><progress value=20 max=100></progress><span>12,300</span>"
        "</div>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1>{gauge}"), URL)
    assert career.salary_median == "$31.40"
    assert career.workers == "12,300"


def test_a_table_of_facts_by_year_gives_the_latest_years() -> None:
    for years in ((2021, 2022, 2023, 2024), (2024, 2023, 2022, 2021)):
        rows = "".join(f"<tr><th>{y}</th><td>{10_000 + y:,}</td><td>+1%</td></tr>" for y in years)
        table = f"<table><tr><th>Year</th><th>Employment</th><th>Change</th></tr>{rows}</table>"
        body = f"<h1>Plumber</h1><p>Median pay: $61,000 a year</p>{table}"
        career = parse_page(_page(body), URL)
        assert career.workers == "12,024"
        assert career.workers_context == "Employment 2024"
