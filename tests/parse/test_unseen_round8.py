"""Kinds of page held-out round 8 showed the reader could not read (raw fields as read).

Every page here is written for the test, in markup of its own: none is a corpus page.
"""

from __future__ import annotations

from extract.parse import parse_page
from extract.parse.charts import plain
from extract.parse.transcript import plain as transcript_plain

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


def test_a_value_cell_that_reads_like_a_label_is_a_value() -> None:
    body = (
        "<h1>Plumber</h1><table><tr><th>Item</th><th>Figure</th><th>Where from</th></tr>"
        "<tr><td><b>Qualifications needed</b></td><td>Certificate III</td><td>VET survey</td></tr>"
        "<tr><td>Industry</td><td>Education</td><td>Survey of trades 2024</td></tr>"
        "<tr><td>Average pay</td><td>$61,000 a year</td><td>ABS</td></tr></table>"
    )
    career = parse_page(_page(body), URL)
    assert career.education == "Certificate III"  # not "Survey of trades 2024"


def test_headings_wrapped_with_a_permalink_open_and_close_their_sections() -> None:
    def heading(level: int, text: str) -> str:
        return (f"<div class='heading-wrapper'><h{level}>{text}</h{level}><a class=anchor "
                f"href='#x' aria-label='Permalink'><svg><path/></svg></a></div>")  # fmt: skip

    body = (
        f"<h1>Plumber</h1><p>Median pay: $61,000 a year</p>{heading(3, 'Tasks')}"
        "<ul><li>Fit pipes</li><li>Find leaks</li></ul>"
        f"{heading(3, 'Skills')}<ul><li>Patience</li><li>Problem solving</li></ul>"
        f"{heading(2, 'Revision history')}<ul><li>2024: new figures</li><li>2023: typos</li></ul>"
    )
    career = parse_page(_page(body), URL)
    assert career.duties == ("Fit pipes", "Find leaks")
    assert career.people_skills == ("Patience", "Problem solving")


def test_a_file_path_or_a_site_section_is_no_category() -> None:
    for crumbs in ("<a href='/o/r'>careers-data</a> / <a href='/o/r/t'>profiles</a>",
                   "<a href='/'>Home</a> › <a href='/salaries'>Salary guide</a>",
                   "<a href='/'>Home</a> › <a href='/stories'>Stories</a>"):  # fmt: skip
        body = (f"<nav aria-label='Breadcrumbs'>{crumbs} / <b>plumber.md</b></nav><h1>Plumber"
                "</h1><p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>")  # fmt: skip
        assert parse_page(_page(body), URL).category is None
    trades = "<nav aria-label='Breadcrumb'><a href='/'>Home</a> › <a href='/t'>Trades</a></nav>"
    body = f"{trades}<h1>Plumber</h1><p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>"
    assert parse_page(_page(body), URL).category == "Trades"


def test_what_everyone_earns_is_not_this_jobs_pay() -> None:
    for aside in ("The average full-time worker in the UK earns £33,860 per year.",
                  "The typical Australian earns $1,800 a week.",
                  "Across the economy, the national average is $61,000 a year."):  # fmt: skip
        body = (f"<h1>Plumber</h1><p>Employment: 12,300</p><p>Education: Certificate III</p>"
                f"<h3>Did you know?</h3><p>{aside}</p>")
        assert parse_page(_page(body), URL).salary_median is None
    own = "<h1>Plumber</h1><p>Employment: 12,300</p><p>Plumbers earn $61,000 a year.</p>"
    assert parse_page(_page(own), URL).salary_median == "Plumbers earn $61,000 a year."


FACTS = "<p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>"


def _named(og: str, tag: str, h1: str, crumb: str = "") -> str:
    head = f"<meta property='og:title' content='{og}'>"
    trail = f"<nav aria-label='Breadcrumb'><span aria-current='page'>{crumb}</span></nav>"
    return _page(f"{trail if crumb else ''}<h1>{h1}</h1>{FACTS}", head=head, title=tag)


def test_the_title_is_the_named_occupation_when_the_headline_is_about_something_else() -> None:
    cases = [
        (_named("Electrician", "Your results: Electrician | Quiz", "Your career matches"),
         "Electrician"),
        (_named("Chef", "Chef | Podcast", "Episode 12: A week in the kitchen with a chef"), "Chef"),
        (_named("Chef", "Chef | Podcast", "Cooking for a living", crumb="Chef"), "Chef"),
        (_named("Welder", "Welder | Careers", "How to become a welder"), "Welder"),
        (_named("Nurse", "Nurse | Careers", "Registered Nurse"), "Registered Nurse"),
        (_named("Nurse", "Nurse | Careers", "Nursing at home"), "Nursing at home"),
        (_named("Fun jobs", "Home | Site", "Plumber"), "Plumber"),  # nothing agrees with og
    ]  # fmt: skip
    for html, title in cases:
        assert parse_page(html, URL).title == title


def test_a_comparison_page_reads_its_own_careers_column_and_lists() -> None:
    def part(name: str, items: tuple[str, ...]) -> str:
        return f"<div><h4>{name}</h4><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul></div>"

    body = (
        "<h1>Compare Plumber and Electrician</h1><table><tr><td></td><th>Plumber</th>"
        "<th>Electrician</th></tr><tr><th>Median pay</th><td>$61,000 a year</td>"
        "<td>$66,000 a year</td></tr><tr><th>Employment</th><td>12,300</td><td>20,100</td></tr>"
        "</table><h3>Skills</h3><div class=cols>"
        f"{part('Plumber', ('Patience', 'Dexterity'))}{part('Electrician', ('Focus', 'Care'))}"
        "</div>"
    )
    head = "<meta property='og:title' content='Plumber'>"
    career = parse_page(_page(body, head=head, title="Plumber vs Electrician"), URL)
    assert career.title == "Plumber"
    assert career.salary_median == "$61,000 a year"
    assert career.people_skills == ("Patience", "Dexterity")


def test_a_sheet_that_a_row_of_the_page_opens_is_read_and_a_pop_up_is_not() -> None:
    rows = (
        "<a href='#pay' role=button>Pay <span>from $52,000</span></a>"
        "<button aria-controls='tasks'>Tasks (3)</button>"
    )
    sheets = (
        "<div id=pay role=dialog hidden><h2>Pay</h2><div><b>Median pay</b> $61,000 a year</div>"
        "<div><b>Employment</b> 12,300</div></div>"
        "<dialog id=tasks><h2>Tasks</h2><ul><li>Fit pipes</li><li>Find leaks</li></ul></dialog>"
        "<div role=dialog id=promo><p>Median pay: $99,000 a year in our partner jobs</p></div>"
        "<div role=dialog id=cookie-consent><p>Employment: 999</p></div>"
    )
    html = _page(f"<h1>Plumber</h1>{rows}{sheets}<a href='#cookie-consent'>Cookies</a>")
    career = parse_page(html, URL)
    assert career.salary_median == "$61,000 a year"
    assert career.workers == "12,300"  # the cookie dialog is furniture, even when opened
    assert career.duties == ("Fit pipes", "Find leaks")


def test_a_label_said_again_on_its_values_line_is_not_part_of_the_value() -> None:
    for line in ("<b>Education required</b> Certificate III",
                 "<strong>Education required</strong>: Certificate III"):  # fmt: skip
        body = (
            "<h1>Plumber</h1><h2>Median pay</h2><p>$61,000 a year</p><a href='#e' class=row>"
            "<span>Education required</span> <span>Certificate III</span></a>"
            f"<div id=e><h2>Education required</h2><div>{line}</div></div>"
        )
        assert parse_page(_page(body), URL).education == "Certificate III"


def test_a_transcripts_cues_are_read_as_what_was_said() -> None:
    def cue(time: str, who: str, said: str) -> str:
        stamp = f"<span class=t>{time}</span> " if time else ""
        return f"<li>{stamp}<strong>{who}:</strong> {said}</li>"

    lines = [
        cue("(00:12)", "Host", "Welcome, today we meet a plumber."),
        cue("(01:40)", "Host", "So, the typical salary? About $61,000 a year."),
        cue("(02:05)", "Priya", "I started on $38,000 a year, mind you."),
        cue("(03:10)", "Host", "Number employed: 12,300."),
        cue("", "Priya", "And what about qualifications? A Certificate III."),
    ]
    career = parse_page(_page(f"<h1>Plumber</h1><h2>Transcript</h2><ul>{''.join(lines)}</ul>"),
                        URL)  # fmt: skip
    assert career.salary_median == "About $61,000 a year"
    assert career.workers == "12,300"
    assert career.education == "A Certificate III"
    labelled = "<p><b>Salary:</b> $61,000 a year</p><p><b>Employment:</b> 12,300</p><p>x</p>"
    assert transcript_plain(labelled) is labelled  # field labels, no speakers: no transcript


def test_a_source_columns_year_is_no_year_of_the_value() -> None:
    table = (
        "<table><tr><th>Fact</th><th>Value</th><th>Source</th></tr>"
        "<tr><td>Median pay</td><td>$61,000 a year</td><td>ABS 2021</td></tr>"
        "<tr><td>People employed</td><td>12,300</td><td>Job Bank 2023</td></tr></table>"
        "<table><tr><td>Employment</td><td>12,300</td><td>2024</td></tr></table>"
    )
    first, second = table.split("</table>")[:2]
    career = parse_page(_page(f"<h1>Plumber</h1>{first}</table>"), URL)
    assert career.workers == "12,300"
    assert career.workers_context is None
    dated = parse_page(_page(f"<h1>Plumber</h1><p>Median pay: $61,000</p>{second}</table>"), URL)
    assert dated.workers_context == "Employment 2024"  # a note column still dates the value


def test_a_structured_breadcrumb_of_site_sections_leaves_the_category_to_the_page() -> None:
    trail = ('{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": ['
             '{"@type": "ListItem", "position": 1, "name": "Salaries"}, {"@type": "ListItem",'
             ' "position": 2, "name": "Plumber"}]}')  # fmt: skip
    job = '{"@context": "https://schema.org", "@type": "Occupation", "name": "Plumber"}'
    head = "".join(f"<script type='application/ld+json'>{x}</script>" for x in (trail, job))
    crumbs = ("<nav aria-label=Breadcrumb><ol><li><a href=/>Home</a></li><li><a href=/t>Trades"
              "</a></li><li aria-current=page>Plumber</li></ol></nav>")  # fmt: skip
    body = f"{crumbs}<h1>Plumber</h1><p>Median pay: $61,000 a year</p><p>Employment: 12,300</p>"
    assert parse_page(_page(body, head=head), URL).category == "Trades"
