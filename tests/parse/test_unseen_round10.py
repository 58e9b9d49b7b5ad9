"""Kinds of page held-out round 10 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

from extract.parse import parse_page
from extract.parse.preformatted import plain

URL = "https://careers.example.org/profiles/plumber"
HEAD = "<meta property='og:title' content='Plumber'>"


def _page(body: str, *, head: str = HEAD, title: str = "Plumber | Careers") -> str:
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>{body}"
            "</main></body></html>")  # fmt: skip


def test_a_data_sample_in_a_pre_is_read_as_a_table_of_its_records() -> None:
    json_sample = (
        '[{"job": "Plumber", "Median pay": "$61,000 a year", "Employment": "12,300"},'
        ' {"job": "All occupations", "Median pay": "$48,000 a year", "Employment": "9,000,000"}]'
    )
    csv_sample = (
        "job,Median pay,Employment\nPlumber,\"$61,000 a year\",\"12,300\"\n"
        "All occupations,\"$48,000 a year\",\"9,000,000\""
    )
    for sample in (json_sample, csv_sample):
        body = f"<h1>Plumber - occupation data</h1><pre><code>{sample}</code></pre>"
        career = parse_page(_page(body), URL)
        assert career.title == "Plumber"
        assert career.salary_median == "$61,000 a year"
        assert career.workers == "12,300"
    code = "<pre>for x in range(3):\n    print(x)</pre>"
    assert plain(code) == code  # code is no data sample


def test_a_sentence_that_marks_its_value_is_read() -> None:
    facts = (
        "<p>Across all jobs, the average is <mark>$48,000 a year</mark>.</p>"
        "<p><span aria-hidden=true>*</span>When it comes to typical pay, it's "
        "<mark>$61,000 a year</mark>.</p>"
        "<p><mark>About 12,300</mark> – that's the employment size.</p>"
        "<p>The workplace for a plumber is <mark>mostly outdoors</mark>.</p>"
        "<p>Did you know? <mark>1 in 6</mark> plumbers work part-time.</p>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1><h2>Did you know?</h2>{facts}"), URL)
    assert career.salary_median == "$61,000 a year"  # not everyone's average
    assert career.workers == "About 12,300"
    assert career.environment == "mostly outdoors"


def test_a_pay_label_run_into_its_amount_is_read() -> None:
    legend = (
        "<p class=legend><span><i class=swatch></i>Average earnings AUD 88k annually</span></p>"
        "<p class=legend><span>All jobs AUD 79k yr</span> | <span>Top 10% AUD 153k</span></p>"
        "<p>Employment: 12,300</p>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1>{legend}"), URL)
    assert career.salary_median == "AUD 88k annually"
    headed = "<div><h3>Salary (a year)</h3><p>from £50,970 to £108,460</p></div>"
    ranged = parse_page(_page(f"<h1>Plumber</h1>{headed}<p>Employment: 12,300</p>"), URL)
    assert ranged.salary_low == ranged.salary_high == "from £50,970 to £108,460"


def test_a_table_of_merged_cells_is_read_as_the_grid_it_shows() -> None:
    table = (
        "<table><thead><tr><td colspan=2 rowspan=2></td><th colspan=2>2025 figures</th></tr>"
        "<tr><th>Plumber</th><th>All occupations</th></tr></thead><tbody>"
        "<tr><th rowspan=2>Earnings</th><th>Median pay</th><td>$61,000 a year</td>"
        "<td>$48,000 a year</td></tr><tr><th>Top pay</th><td>$90,000 a year</td>"
        "<td>$80,000 a year</td></tr>"
        "<tr><th colspan=2>Employment</th><td>12,300</td><td>9,000,000</td></tr></tbody></table>"
    )
    career = parse_page(_page(f"<h1>Plumber</h1>{table}"), URL)
    assert career.salary_median == "$61,000 a year"
    assert career.salary_high == "$90,000 a year"
    assert career.workers == "12,300"
