"""build_tables end to end on a handful of parsed pages: values, rejects, contract, quality."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from core.settings import QualitySettings
from extract.records import FetchedPage, Outcome, ParsedPage, RawCareer
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS, TABLES
from transform import QualityGateFailed, build_tables, check_gates, fill_rate_warnings

RUN = "20261128T060000Z-ab12cd"
FETCHED = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
BACKEND = "http://127.0.0.1:8000/careers/back-end-developer"
ACTUARIES = "https://www.bls.gov/ooh/math/actuaries.htm"
PHYSICIANS = "https://www.bls.gov/ooh/healthcare/physicians-and-surgeons.htm"
ANNOUNCERS = "https://www.bls.gov/ooh/media-and-communication/announcers.htm"
NCS = "https://nationalcareers.service.gov.uk/job-profiles/admin-assistant"


def _page(url: str, career: RawCareer | None = None, **overrides: object) -> ParsedPage:
    outcome = overrides.pop("outcome", Outcome.PARSED)
    assert isinstance(outcome, Outcome)
    fetched = FetchedPage(
        url=url,
        outcome=Outcome.PARSED if outcome is not Outcome.FAILED_FETCH else outcome,
        status=overrides.pop("status", 200),  # type: ignore[arg-type]
        fetched_at=None if outcome is Outcome.FAILED_FETCH else FETCHED,
        content_sha256=None if outcome is Outcome.FAILED_FETCH else "ab" * 32,
        bytes=None if outcome is Outcome.FAILED_FETCH else 1000,
    )
    parser = career.parser if career else None
    return ParsedPage(
        page=fetched,
        outcome=outcome,
        career=career,
        parser=parser,
        error=overrides.pop("error", None),  # type: ignore[arg-type]
    )


def _career(url: str, title: str, parser: str = "ooh/1", **fields: object) -> RawCareer:
    return RawCareer(url=url, title=title, parser=parser, **fields)  # type: ignore[arg-type]


PAGES = [
    _page(
        BACKEND,
        _career(
            BACKEND,
            "Back-End Developer",
            parser="sample/1",
            category="Technology",
            summary="You build the invisible systems\n behind websites.",
            salary_low="$75k",
            salary_median="$115k",
            salary_high="$170k",
            growth="faster than average",
            workers="175K",
            education="Bachelor's in CS or equivalent experience + deep knowledge",
            environment="indoor",
            technical_skills=("Server-side languages (Python, Java, Go, Node.js, C#)",),
            people_skills=("Logical and systems thinking",),
            duties=("01Design and build APIs", "02Write database queries"),
        ),
    ),
    _page(
        ACTUARIES,
        _career(
            ACTUARIES,
            "Actuaries",
            category="Math",
            salary_median="$125,770 per year $60.47 per hour",
            growth="Job Outlook, 2024–34: 22% (Much faster than average)",
            workers="Number of Jobs, 2024: 33,600",
            education="Bachelor's degree",
            people_skills=("Analytical skills", "Communication skills"),
            duties=("Compile statistical data", "Estimate probability"),
        ),
    ),
    _page(
        PHYSICIANS,
        _career(
            PHYSICIANS,
            "Physicians and Surgeons",
            salary_median="$239,200 per year",
            salary_text=(
                "This wage is equal to or greater than $239,200 per year or $115.00 per hour."
            ),
            growth="3% (As fast as average)",
            workers="839,000",
            education="Doctoral or professional degree",
        ),
    ),
    _page(
        ANNOUNCERS,
        _career(
            ANNOUNCERS,
            "Announcers and DJs",
            salary_median="$21.69 per hour",
            growth="-2% (Decline)",
            workers="39,500",
            education="See How to Become One",
        ),
    ),
    _page(
        NCS,
        _career(
            NCS,
            "Admin assistant",
            parser="ncs/1",
            salary_low="£14,000 Starter",
            salary_high="£30,000 Experienced",
            currency_hint="GBP",
            people_skills=("administration skills",),
        ),
    ),
    # the same career again (a mirror URL): first kept, this one rejected
    _page(ACTUARIES + "?print=1", _career(ACTUARIES + "?print=1", "Actuaries (print)")),
    # an implausible salary: rejected with its skills and duties
    _page(
        "https://example.org/jobs/intern",
        _career(
            "https://example.org/jobs/intern",
            "Intern",
            parser="label/1",
            salary_median="$75",
            duties=("Make coffee",),
        ),
    ),
    _page("https://www.bls.gov/ooh/gone.htm", outcome=Outcome.FAILED_FETCH, status=404,
          error="HTTP 404"),
    _page("https://www.bls.gov/ooh/a-z/index.htm", outcome=Outcome.SKIPPED),
]  # fmt: skip


@pytest.fixture(scope="module")
def tables():
    return build_tables(PAGES, run_id=RUN)


def test_careers_values(tables):
    columns = [
        "career_id", "source", "title", "salary_low", "salary_median", "salary_high",
        "salary_currency", "salary_period", "salary_annualized", "salary_is_floor",
        "growth_category", "growth_pct", "growth_period_start", "growth_period_end",
        "workers", "workers_year", "education_level", "education_text", "parser", "version",
    ]  # fmt: skip
    nan = None
    rows = [
        ("127.0.0.1/back-end-developer", "127.0.0.1", "Back-End Developer",
         75000.0, 115000.0, 170000.0, "USD", "year", False, False,
         "faster than average", nan, nan, nan, 175000, nan, "bachelor's degree",
         "Bachelor's in CS or equivalent experience + deep knowledge", "sample/1", RUN),
        ("bls.gov/actuaries", "bls.gov", "Actuaries",
         nan, 125770.0, nan, "USD", "year", False, False,
         "much faster than average", 22.0, 2024, 2034, 33600, 2024, "bachelor's degree",
         "Bachelor's degree", "ooh/1", RUN),
        ("bls.gov/announcers", "bls.gov", "Announcers and DJs",
         nan, 45115.2, nan, "USD", "hour", True, False,
         "decline", -2.0, nan, nan, 39500, nan, nan, "See How to Become One", "ooh/1", RUN),
        ("bls.gov/physicians-and-surgeons", "bls.gov", "Physicians and Surgeons",
         nan, 239200.0, nan, "USD", "year", False, True,
         "as fast as average", 3.0, nan, nan, 839000, nan, "doctoral or professional degree",
         "Doctoral or professional degree", "ooh/1", RUN),
        ("nationalcareers.service.gov.uk/admin-assistant", "nationalcareers.service.gov.uk",
         "Admin assistant", 14000.0, nan, 30000.0, "GBP", "year", False, False,
         nan, nan, nan, nan, nan, nan, nan, nan, "ncs/1", RUN),
    ]  # fmt: skip
    expected = pd.DataFrame(rows, columns=columns).astype(tables.careers[columns].dtypes.to_dict())
    pd.testing.assert_frame_equal(tables.careers[columns], expected)
    backend = tables.careers.iloc[0]
    assert backend["summary"] == "You build the invisible systems behind websites."
    assert backend["salary_text"] == "Low: $75k | Median: $115k | High: $170k"
    assert backend["fetched_at"] == pd.Timestamp(FETCHED)


def test_children_follow_their_career(tables):
    skills = tables.career_skills
    assert skills["career_id"].unique().tolist() == [
        "127.0.0.1/back-end-developer",
        "bls.gov/actuaries",
        "nationalcareers.service.gov.uk/admin-assistant",
    ]
    backend = skills[skills["career_id"] == "127.0.0.1/back-end-developer"]
    assert backend["skill"].tolist() == [
        "Server-side languages", "Python", "Java", "Go", "Node.js", "C#",
        "Logical and systems thinking",
    ]  # fmt: skip
    duties = tables.career_duties
    expected = pd.DataFrame(
        {
            "career_id": ["127.0.0.1/back-end-developer"] * 2 + ["bls.gov/actuaries"] * 2,
            "position": pd.Series([1, 2, 1, 2], dtype="Int32"),
            "duty": [
                "Design and build APIs",
                "Write database queries",
                "Compile statistical data",
                "Estimate probability",
            ],
            "version": RUN,
        }
    ).astype({"career_id": "str", "duty": "str", "version": "str"})
    pd.testing.assert_frame_equal(duties, expected)


def test_rejects_and_pages(tables):
    expected = pd.DataFrame(
        {
            "table": ["careers", "careers"],
            "key": ["bls.gov/actuaries", "example.org/intern"],
            "rule": ["duplicate_key", "salary_range"],
            "column": ["career_id", "salary_median"],
            "value": ["bls.gov/actuaries", "75.0"],
            "raw": [ACTUARIES + "?print=1", "Median: $75"],
            "version": RUN,
        },
        dtype="str",
    )
    pd.testing.assert_frame_equal(tables.rejects, expected)
    pages = tables.pages
    assert len(pages) == len(PAGES)
    assert pages["url"].is_monotonic_increasing
    gone = pages[pages["url"].str.endswith("gone.htm")].iloc[0]
    assert (gone["status"], gone["outcome"], gone["error"]) == (404, "failed_fetch", "HTTP 404")
    assert pd.isna(gone["fetched_at"])
    # A page whose career was rejected says why, beside its outcome.
    errors = dict(zip(pages["url"], pages["error"], strict=True))
    assert errors[ACTUARIES + "?print=1"] == "career rejected: duplicate_key"
    assert sum(e == "career rejected: salary_range" for e in errors.values()) == 1
    assert pd.isna(errors[ACTUARIES])


def test_quality_report(tables):
    report = tables.quality
    assert (report.pages, report.failed_pages) == (9, 1)
    assert (report.careers_parsed, report.careers_rejected) == (7, 2)
    assert report.reject_share == pytest.approx(2 / 7)
    assert report.fill_rates["title"] == 1.0
    assert report.fill_rates["salary_low"] == pytest.approx(2 / 5)
    assert "version" not in report.fill_rates
    assert report.rejects_by_rule == {"careers.duplicate_key": 1, "careers.salary_range": 1}
    # 2 of 7 rejected is beyond the default 20%: the report says so, and the gate raises
    assert not report.passed
    with pytest.raises(QualityGateFailed, match=r"2 of 7 careers rejected \(28.6%\)"):
        check_gates(report, QualitySettings())
    check_gates(report, QualitySettings(max_reject_share=0.3))
    assert report.to_dict()["reject_share"] == round(2 / 7, 6)


def test_failed_page_gate():
    pages = [
        _page(f"https://x.org/{i}", outcome=Outcome.FAILED_FETCH, status=503) for i in range(3)
    ]
    pages.append(_page("https://x.org/a", _career("https://x.org/a", "A")))
    pages.append(_page("https://x.org/robots-only", outcome=Outcome.DISALLOWED, status=None))
    report = build_tables(pages, run_id=RUN).quality
    assert (report.pages, report.failed_pages) == (4, 3)  # disallowed pages were not attempted
    with pytest.raises(QualityGateFailed, match="3 of 4 pages failed"):
        check_gates(report, QualitySettings(max_failed_page_share=0.5))


def test_fill_rate_warnings():
    current = {"salary_median": 0.5, "workers": 0.95, "title": 1.0}
    # `version` is in the manifest's rates but stamped after this run's report: not compared.
    previous = {"salary_median": 0.9, "workers": 1.0, "title": 1.0, "version": 1.0}
    warnings = fill_rate_warnings(current, previous, 0.2)
    assert warnings == (
        "fill rate of careers.salary_median dropped from 90% to 50% (more than 20%):"
        " has the site changed its template?",
    )
    assert fill_rate_warnings(current, previous, 0.9) == ()


def test_to_arrow_matches_the_contract_exactly(tables, tmp_path: Path):
    arrow = tables.to_arrow()
    assert set(arrow) == set(TABLES)
    for name, table in arrow.items():
        assert table.schema.equals(TABLES[name], check_metadata=True), name
        assert table.num_rows == len(getattr(tables, name))
    careers = arrow["careers"]
    categories = (("growth_category", GROWTH_LEVELS), ("education_level", EDUCATION_LEVELS))
    for column, levels in categories:
        for chunk in careers.column(column).chunks:
            assert chunk.dictionary.to_pylist() == list(levels)
    path = tmp_path / "careers.parquet"
    pq.write_table(careers, path)
    back = pd.read_parquet(path)
    assert back["growth_category"].cat.ordered
    assert back["growth_category"].cat.categories.tolist() == list(GROWTH_LEVELS)
    assert back["education_level"].cat.categories.tolist() == list(EDUCATION_LEVELS)
    assert back["career_id"].tolist() == tables.careers["career_id"].tolist()


def test_page_order_does_not_change_the_tables(tables):
    again = build_tables(list(reversed(PAGES)), run_id=RUN)
    for name in ("careers", "career_skills", "career_duties", "pages"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(tables, name))


def test_no_pages_gives_empty_tables_of_the_contract():
    empty = build_tables([], run_id=RUN)
    for name, table in empty.to_arrow().items():
        assert table.num_rows == 0
        assert table.schema.equals(TABLES[name], check_metadata=True)
    assert empty.quality.reject_share == 0.0
    assert empty.quality.passed


def test_report_lines_and_previous_fill_rates(tables):
    report = tables.quality.with_previous({"summary": 0.9, "title": 1.0}, threshold=0.2)
    assert report.warnings[-1].startswith("fill rate of careers.summary dropped from 90% to 20%")
    lines = report.lines()
    assert lines[0] == "pages attempted: 9, failed: 1 (11.1%)"
    assert lines[1] == "careers parsed: 7, rejected: 2 (28.6%), reject rows: 2"
    assert any(line.startswith("gate failed: 2 of 7 careers rejected") for line in lines)
    assert tables.quality.with_previous(None, 0.2) is tables.quality


def test_pandas_metadata_restores_nullable_dtypes(tables, tmp_path: Path):
    careers = tables.to_arrow(pandas_metadata=True)["careers"]
    assert careers.schema.equals(TABLES["careers"])  # same fields and types
    path = tmp_path / "careers.parquet"
    pq.write_table(careers, path)
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, tables.careers)
