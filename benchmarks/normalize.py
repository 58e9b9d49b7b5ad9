"""Benchmark: normalize N synthetic raw career records and print records per second.

    python -m benchmarks.normalize [--records 100000] [--seed 7]

Records mix every published format transform reads (pay cells in several styles,
growth phrases with and without percents, worker counts, free-text education, skill
lists with tools, numbered duties). Two timings: the value normalizers alone
(`normalize_careers` on a raw frame), and the whole stage (`build_tables`: skills,
duties, validation, quality, Arrow conversion included).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime

import pandas as pd

from extract.records import FetchedPage, Outcome, ParsedPage, RawCareer
from transform.build import build_tables
from transform.careers import RAW_COLUMNS, normalize_careers


def _pay(rng: random.Random, annual: float, sign: str) -> str:
    """One pay figure in one of the styles sites publish, in the record's currency."""
    hourly = annual / 2080
    style = rng.randrange(8)
    if style == 0:
        return f"{sign}{annual / 1000:.0f}k"
    if style == 1:
        return f"{sign}{annual:,.0f}"
    if style == 2:
        return f"{annual:.0f}"
    if style == 3:
        return f"{sign}{hourly:.2f}/hr"
    if style == 4:
        return f"{sign}{hourly:.2f}     per hour"
    if style == 5:
        return f"{sign}{annual:,.0f} per year {sign}{hourly:.2f} per hour"
    if style == 6:
        return f"{'&#163;' if sign == '£' else '&#36;'}{annual:,.0f}"
    return f"{sign}{annual / 1e6:.2f}M" if annual > 1e6 else f"{sign}{annual:,.2f}"


def _salary(rng: random.Random) -> dict[str, str | None]:
    median = rng.randrange(25_000, 300_000)
    sign = "£" if rng.random() < 0.2 else "$"
    shape = rng.randrange(5)
    if shape == 0:  # sample-site style: three cells
        low, high = median * rng.uniform(0.5, 0.9), median * rng.uniform(1.1, 1.8)
        return {
            "salary_low": _pay(rng, low, sign),
            "salary_median": _pay(rng, median, sign),
            "salary_high": _pay(rng, high, sign),
            "currency_hint": "GBP" if sign == "£" else None,
        }
    if shape == 1:  # OOH style: one median cell
        return {"salary_median": _pay(rng, median, sign)}
    if shape == 2:  # a floor
        text = f"This wage is equal to or greater than {sign}{median:,} per year"
        return {"salary_median": f"{sign}{median:,} per year", "salary_text": text}
    if shape == 3:  # a range in the pay text only
        return {"salary_text": f"{sign}{median * 0.8 / 1000:.0f}k–{sign}{median * 1.2 / 1000:.0f}k"}
    return {"salary_median": rng.choice(["N/A", "—", ""])}


def _growth(rng: random.Random) -> str:
    pct = rng.randrange(-10, 30)
    phrase = rng.choice(
        ["Much faster than average", "faster than the average", "DECLINE", "declining",
         "Little or no change", "slower than average", "As fast as average"]
    )  # fmt: skip
    style = rng.randrange(5)
    if style == 0:
        return f"{pct}% ({phrase})"
    if style == 1:
        return phrase
    if style == 2:
        return f"{pct:+.1f}%"
    if style == 3:
        return f"{abs(pct)} percent"
    return f"Job Outlook, 2024–34: {pct}% ({phrase})"


def _workers(rng: random.Random) -> str:
    n = rng.randrange(1_000, 5_000_000)
    style = rng.randrange(5)
    if style == 0:
        return f"{n / 1000:.0f}K"
    if style == 1:
        return f"{n / 1e6:.1f}M"
    if style == 2:
        return f"{n:,}"
    if style == 3:
        return f"about {n / 1e6:.1f} million"
    return f"Number of Jobs, 2024: {n:,}"


EDUCATION = [
    "Bachelor's in CS or equivalent experience + deep knowledge of one server-side language",
    "Associate's or bachelor's degree",
    "Doctoral or professional degree",
    "Postsecondary nondegree award",
    "High school diploma or equivalent",
    "No formal educational credential",
    "Some college, no degree",
    "See How to Become One",
]
TECH = [
    "Server-side languages (Python, Java, Go, Node.js, C#)",
    "Database design and query optimization (Postgres, MySQL, Redis)",
    "RESTful and gRPC API design",
    "Containerization (Docker) and orchestration (K8s)",
    "Excel, SQL, and Tableau",
]
PEOPLE = ["Logical and systems thinking", "Analytical skills.", "Written communication (docs)"]
DUTIES = ["01Design and build APIs", "02 Write queries", "1. Plan work", "• Review code"]
FETCHED = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)


def synthetic_pages(n: int, seed: int) -> list[ParsedPage]:
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        url = f"https://careers{i % 7}.example.org/careers/job-{i}"
        career = RawCareer(
            url=url,
            title=f"Job {i}",
            parser="bench/1",
            category=rng.choice(["Technology", "Health", "Math"]),
            summary="You do things.\n  Many things.",
            growth=_growth(rng),
            workers=_workers(rng),
            education=rng.choice(EDUCATION),
            environment="indoor",
            technical_skills=tuple(rng.sample(TECH, 3)),
            people_skills=tuple(rng.sample(PEOPLE, 2)),
            duties=tuple(rng.sample(DUTIES, 3)),
            **_salary(rng),  # type: ignore[arg-type]
        )
        page = FetchedPage(url=url, outcome=Outcome.PARSED, status=200, fetched_at=FETCHED)
        pages.append(ParsedPage(page=page, outcome=Outcome.PARSED, career=career))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    pages = synthetic_pages(args.records, args.seed)
    raw = pd.DataFrame(
        {
            name: pd.Series([getattr(p.career, name) for p in pages], dtype="object")
            for name in RAW_COLUMNS
        }
    )

    start = time.perf_counter()
    careers = normalize_careers(raw, "USD")
    values_seconds = time.perf_counter() - start

    start = time.perf_counter()
    tables = build_tables(pages, run_id="20261128T060000Z-bench0")
    tables.to_arrow()
    stage_seconds = time.perf_counter() - start

    n = args.records
    print(f"records: {n:,}")
    print(
        f"value normalizers (normalize_careers): {values_seconds:.2f} s,"
        f" {n / values_seconds:,.0f} records/s"
    )
    print(
        f"whole stage (build_tables + to_arrow): {stage_seconds:.2f} s,"
        f" {n / stage_seconds:,.0f} records/s"
    )
    print(
        f"rows: careers {len(tables.careers):,}, skills {len(tables.career_skills):,},"
        f" duties {len(tables.career_duties):,}, rejects {len(tables.rejects):,}"
        f" (normalized salaries: {careers['salary_median'].notna().sum():,})"
    )


if __name__ == "__main__":
    main()
