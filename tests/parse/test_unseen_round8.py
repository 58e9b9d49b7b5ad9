"""Kinds of page held-out round 8 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

from extract.parse import parse_page
from extract.parse.charts import plain

URL = "https://careers.example.org/profiles/plumber"


def _page(body: str, *, head: str = "", title: str = "Plumber | Careers") -> str:
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>{body}"
            "</main></body></html>")  # fmt: skip


def _poster(size: str, unit: str, heading: str) -> str:
    def line(text: str, px: int, y: int) -> str:
        return f"<text x='20' y='{y}' style='font-size:{px}{unit}'>{text}</text>"

    fact = "".join(
        f"<g>{line(label, 12, 10)}{line(value, 12, 30)}</g>"
        for label, value in (("Typical salary", "£31,000 a year"), ("Number employed", "48,200"),
                             ("Entry route", "Apprenticeship"))
    )  # fmt: skip
    duties = "".join(line(d, 12, 200) for d in ("Fit pipes and boilers", "Find and fix leaks",
                                                "Test gas appliances"))  # fmt: skip
    return (
        f"<svg viewBox='0 0 600 900' role='img'><title>Plumber poster</title>"
        f"{line('Plumber', int(size), 5)}{fact}{line(heading, int(size), 150)}{duties}"
        f"{line('Source: survey of trades, 2025', 8, 880)}</svg>"
    )


def test_a_poster_drawn_in_svg_is_read_line_by_line() -> None:
    for size, unit, heading in (("24", "", "Daily tasks"), ("30", "px", "What you&#x27;ll do")):
        career = parse_page(_page(f"<h1>Plumber</h1>{_poster(size, unit, heading)}"), URL)
        assert career.salary_median == "£31,000 a year"
        assert career.workers == "48,200"
        assert career.duties == ("Fit pipes and boilers", "Find and fix leaks",
                                 "Test gas appliances")  # the source line is no duty


def test_a_bar_chart_is_still_a_chart_and_an_icon_stays_an_icon() -> None:
    chart = (
        "<svg><g><text>Median</text><text>Top 10%</text></g>"
        "<g><text>$52,000</text><text>$80,000</text><text>Plumbers</text></g>"
        "<g><text>$48,000</text><text>$75,000</text><text>All trades</text></g></svg>"
    )
    assert "data-chart" in plain(chart)
    assert "data-drawn" not in plain(chart)
    icon = "<svg><text>i</text></svg><p>Plumbers fit pipes.</p>"
    assert plain(icon) is icon


def test_a_source_line_under_a_run_of_items_does_not_end_the_list() -> None:
    facts = "<p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>"
    rows = "".join(f"<div>{d}</div>" for d in ("Fit pipes", "Find leaks", "Test appliances"))
    for note in ("<p><small>Figures rounded</small></p>", "<p>Source: ABS Census 2021.</p>"):
        career = parse_page(_page(f"<h1>Plumber</h1>{facts}<h2>Tasks</h2>{rows}{note}"), URL)
        assert career.duties == ("Fit pipes", "Find leaks", "Test appliances")
