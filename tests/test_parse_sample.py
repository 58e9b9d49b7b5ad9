"""The sample-site parser against every rendered page and the truth from careers.json."""

from __future__ import annotations

import dataclasses

import pytest

from extract.errors import NotACareerPage, ParseError
from extract.parse import parse_page
from extract.parse.sample import PARSER
from extract.records import RawCareer
from sample_site.data import load_site
from sample_site.render import (
    draft_path,
    index_page_count,
    index_path,
    print_path,
    profile_path,
    render_not_found,
    site_pages,
)
from sample_site.truth import expected_raw

BASE = "http://127.0.0.1:8765"
DATA = load_site()
PAGES = site_pages(DATA, BASE)
EXAMPLE = "/careers/back-end-developer"


def html(path: str) -> str:
    return PAGES[path].body.decode("utf-8")


def without_rules(record: RawCareer) -> RawCareer:
    return dataclasses.replace(record, rules=())


def test_every_profile_page_parses_to_the_truth() -> None:
    expected = expected_raw(BASE)
    result = [without_rules(parse_page(html(e.url.removeprefix(BASE)), e.url)) for e in expected]
    assert len(result) == len(DATA.careers) >= 100
    assert result == expected


def test_the_reference_page_reads_as_the_example_shows() -> None:
    result = without_rules(parse_page(html(EXAMPLE), BASE + EXAMPLE))
    expected = RawCareer(
        url=BASE + EXAMPLE,
        title="Back-End Developer",
        parser="sample/1",
        category="Technology",
        summary=(
            "You build the invisible systems behind websites and apps — APIs, databases,"
            " authentication, business logic — all the stuff users never see but would"
            " instantly notice if it stopped working. You'll spend your days writing server-side"
            " code, optimizing database queries, and explaining to front-end developers why the"
            " API can't just 'return everything.' You're the plumbing. Nobody appreciates"
            " plumbing until it breaks."
        ),
        salary_low="$75k",
        salary_median="$115k",
        salary_high="$170k",
        salary_text="Low $75k Median $115k High $170k",
        growth="faster than average",
        workers="175K",
        education=(
            "Bachelor's in CS or equivalent experience + deep knowledge of at least one"
            " server-side language"
        ),
        environment="indoor",
        technical_skills=(
            "Server-side languages (Python, Java, Go, Node.js, C#)",
            "Database design and query optimization (PostgreSQL, MySQL, Redis)",
            "RESTful and gRPC API design",
            "Message queues and event-driven architecture (Kafka, RabbitMQ)",
            "Authentication/authorization frameworks",
            "Containerization (Docker) and orchestration (Kubernetes)",
            "Monitoring and observability (Datadog, Grafana, Prometheus)",
        ),
        people_skills=(
            "Logical and systems thinking",
            "Debugging persistence",
            "Written communication (documentation)",
            "Collaboration with cross-functional teams",
            "Security-first mindset",
        ),
        duties=(
            "Design and build APIs that front-end developers will immediately ask you to change"
            " the response shape of",
            "Write database queries and optimize the ones that take 30 seconds to run because the"
            " ORM generated a 47-join monster",
            "Implement authentication and authorization systems because getting security wrong"
            " means the CEO is on CNN",
            "Debug production issues at 11 PM using logs, metrics, and the sinking feeling that it"
            " was your last deploy",
            "Design data models that balance normalization with 'we need this query to be fast'"
            " — pick one",
            "Write background jobs and message queue consumers that process millions of events"
            " without losing any",
        ),
        occupation_code="15-1252.00",  # from the page's link to O*NET OnLine
        occupation_code_system="O*NET-SOC",
    )
    assert result == expected


def test_entities_are_decoded() -> None:
    translator = html(profile_path("translator"))
    assert "&pound;" in translator
    assert "&#x27;" in html(EXAMPLE)
    assert "£ signs" in (parse_page(translator, BASE).summary or "")


def test_rules_name_the_selector_of_every_published_field() -> None:
    result = parse_page(html(EXAMPLE), BASE + EXAMPLE)
    fields = [field for field, _ in result.rules]
    assert fields == [
        "title",
        "category",
        "summary",
        "growth",
        "workers",
        "education",
        "environment",
        "salary_low",
        "salary_median",
        "salary_high",
        "salary_text",
        "technical_skills",
        "people_skills",
        "duties",
        "occupation_code",
    ]
    assert dict(result.rules)["duties"] == "css:.duties li.duty .duty-text"
    assert dict(result.rules)["occupation_code"] == "codes:links:onet"


def test_missing_sections_have_no_rule() -> None:
    career = next(c for c in DATA.careers if c.environment is None)
    result = parse_page(html(profile_path(career.slug)), BASE)
    assert result.environment is None
    assert "environment" not in dict(result.rules)


def non_profile_paths() -> list[str]:
    paths = [index_path(n) for n in range(1, index_page_count(DATA) + 1)]
    paths += ["/", "/quiz", print_path(DATA.careers[0].slug)]
    return paths


@pytest.mark.parametrize("path", non_profile_paths())
def test_listing_and_other_pages_are_not_career_pages(path: str) -> None:
    with pytest.raises(NotACareerPage):
        parse_page(html(path), BASE + path)


def test_the_not_found_page_is_not_a_career_page() -> None:
    with pytest.raises(NotACareerPage):
        parse_page(render_not_found(DATA, "/careers/nope"), BASE + "/careers/nope")


def test_a_draft_is_still_a_profile_by_content() -> None:
    path = draft_path(DATA.drafts[0].slug)
    assert parse_page(html(path), BASE + path).title == DATA.drafts[0].title


def test_matching_is_by_content_not_host() -> None:
    page = html(EXAMPLE)
    url = "file:///mirror/saved/back-end-developer.html"
    result = parse_page(page, url)
    assert (result.url, result.title) == (url, "Back-End Developer")


def test_a_profile_without_title_raises_parse_error_naming_field_and_url() -> None:
    page = html(EXAMPLE).replace('<h1 class="career-title">Back-End Developer</h1>', "")
    url = BASE + EXAMPLE
    with pytest.raises(ParseError) as info:
        parse_page(page, url)
    assert not isinstance(info.value, NotACareerPage)
    assert (info.value.field, info.value.url) == ("title", url)
    assert url in str(info.value)


def test_whitespace_is_normalized_but_text_kept() -> None:
    page = (
        html(EXAMPLE)
        .replace(">Back-End Developer</h1>", ">\n   Back-End\n\t Developer  </h1>")
        .replace("<dd>$75k</dd>", "<dd>\n  $75k\n</dd>")
        .replace(">Debugging persistence<", ">  Debugging\u00a0  persistence\n<")
    )
    result = parse_page(page, BASE)
    assert (result.title, result.salary_low, result.people_skills[1]) == (
        "Back-End Developer",
        "$75k",
        "Debugging persistence",
    )
    assert result.salary_text == "Low $75k Median $115k High $170k"


def test_empty_sections_give_none_and_empty_tuples() -> None:
    page = (
        '<html><body><article class="career-profile"><h1 class="career-title">X</h1>'
        '<section class="career-stats"></section></article></body></html>'
    )
    assert parse_page(page, BASE) == RawCareer(
        url=BASE, title="X", parser="sample/1", rules=(("title", "css:h1.career-title"),)
    )


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.3, 0.45, 0.5, 0.6, 0.8, 0.95])
def test_truncated_pages_give_a_record_or_a_parse_error(fraction: float) -> None:
    page = html(EXAMPLE)
    cut = page[: int(len(page) * fraction)]
    try:
        result = parse_page(cut, BASE)
    except ParseError:
        return
    assert result.title == "Back-End Developer"


def test_parser_identity() -> None:
    assert (PARSER.name, PARSER.version) == ("sample", "1")
