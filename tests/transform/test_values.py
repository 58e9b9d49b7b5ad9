"""Growth, workers, education, text, keys and duties: table-driven against expected frames."""

from __future__ import annotations

import pandas as pd

from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS
from transform.duties import build_duties, strip_numbering
from transform.education import normalize_education
from transform.growth import normalize_growth
from transform.keys import career_keys
from transform.text import normalize_text
from transform.workers import normalize_workers

NA = None


def _texts(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="object")


def test_growth():
    cases = [
        ("22% (Much faster than average)", "much faster than average", 22.0, NA, NA),
        ("-2% (Decline)", "decline", -2.0, NA, NA),
        ("projected to decline 5 percent", "decline", -5.0, NA, NA),
        ("a decrease of 2% over the decade", "decline", -2.0, NA, NA),
        ("employment will shrink by 3%", "decline", -3.0, NA, NA),
        ("−3% (Decline)", "decline", -3.0, NA, NA),
        ("faster than average", "faster than average", NA, NA, NA),
        ("Faster than the average", "faster than average", NA, NA, NA),
        ("DECLINE", "decline", NA, NA, NA),
        ("declining", "decline", NA, NA, NA),
        ("Little or no change", "little or no change", NA, NA, NA),
        ("0% (Little or no change)", "little or no change", 0.0, NA, NA),
        ("SLOWER THAN AVERAGE", "slower than average", NA, NA, NA),
        ("As Fast As Average", "as fast as average", NA, NA, NA),
        ("+15.8%", NA, 15.8, NA, NA),
        ("15 percent", NA, 15.0, NA, NA),
        ("Job Outlook, 2024–34: 3% (As fast as average)", "as fast as average", 3.0, 2024, 2034),
        ("2024-2034: 6% (Faster than average)", "faster than average", 6.0, 2024, 2034),
        ("N/A", NA, NA, NA, NA),
        ("", NA, NA, NA, NA),
        (None, NA, NA, NA, NA),
    ]
    result = normalize_growth(_texts([c[0] for c in cases]))
    expected = pd.DataFrame(
        {
            "growth_category": pd.Categorical(
                [c[1] for c in cases], categories=list(GROWTH_LEVELS), ordered=True
            ),
            "growth_pct": pd.Series([c[2] for c in cases], dtype="float64"),
            "growth_period_start": pd.Series([c[3] for c in cases], dtype="Int32"),
            "growth_period_end": pd.Series([c[4] for c in cases], dtype="Int32"),
        }
    )
    pd.testing.assert_frame_equal(result, expected)


def test_workers():
    cases = [
        ("175K", 175000, NA),
        ("1.2M", 1200000, NA),
        ("8,400", 8400, NA),
        ("33,600", 33600, NA),
        ("about 1.7 million", 1700000, NA),
        ("Number of Jobs, 2024: 1,579,800", 1579800, 2024),
        ("1,579,800 (2024)", 1579800, 2024),
        ("12.5k", 12500, NA),
        ("N/A", NA, NA),
        ("", NA, NA),
        (None, NA, NA),
    ]
    result = normalize_workers(_texts([c[0] for c in cases]))
    expected = pd.DataFrame(
        {
            "workers": pd.Series([c[1] for c in cases], dtype="Int64"),
            "workers_year": pd.Series([c[2] for c in cases], dtype="Int32"),
        }
    )
    pd.testing.assert_frame_equal(result, expected)


def test_education():
    cases = [
        (
            "Bachelor's in CS or equivalent experience + deep knowledge of at least one"
            " server-side language",
            "bachelor's degree",
        ),
        ("Associate's or bachelor's degree", "associate's degree"),
        ("Doctoral or professional degree", "doctoral or professional degree"),
        ("Postsecondary nondegree award", "postsecondary nondegree award"),
        ("High school diploma or equivalent", "high school diploma or equivalent"),
        ("No formal educational credential", "no formal educational credential"),
        ("Some college, no degree", "some college, no degree"),
        ("Master’s degree", "master's degree"),
        ("master's or doctoral degree", "master's degree"),
        ("High school diploma; bachelor's preferred", "high school diploma or equivalent"),
        ("A degree in computer science", "bachelor's degree"),
        ("PhD in physics", "doctoral or professional degree"),
        ("Doctor of Pharmacy (PharmD) + state license", "doctoral or professional degree"),
        ("Juris Doctor (JD) degree + passing the bar exam", "doctoral or professional degree"),
        ("DVM + state license", "doctoral or professional degree"),
        ("Postsecondary certificate in HVAC or an apprenticeship", "postsecondary nondegree award"),
        ("Postsecondary EMT certification + fire academy", "postsecondary nondegree award"),
        ("See How to Become One", NA),
        ("Varies", NA),
        ("N/A", NA),
        ("", NA),
        (None, NA),
    ]
    result = normalize_education(_texts([c[0] for c in cases]))
    expected = pd.Series(
        pd.Categorical([c[1] for c in cases], categories=list(EDUCATION_LEVELS), ordered=True),
        name="education_level",
    )
    pd.testing.assert_series_equal(result, expected)


def test_normalize_text():
    result = normalize_text(
        _texts(["  a&amp;b\u00a0 c ", "&amp;#163;13,000", "x\n\t y", "zero\u200bwidth", " ", None])
    )
    expected = pd.Series(["a&b c", "£13,000", "x y", "zerowidth", None, None], dtype="str")
    pd.testing.assert_series_equal(result, expected)


def test_career_keys():
    result = career_keys(
        _texts(
            [
                "https://www.bls.gov/ooh/math/actuaries.htm",
                "http://127.0.0.1:8123/careers/back-end-developer/",
                "https://nationalcareers.service.gov.uk/job-profiles/admin-assistant?x=1#top",
                "https://jobs.test/career?id=1",
                "https://jobs.test/career?id=2&utm_source=mail",
                "https://jobs.test/careers/nurse/index.html",
                "not a url",
            ]
        )
    )
    expected = pd.DataFrame(
        {
            "career_id": [
                "bls.gov/actuaries",
                "127.0.0.1/back-end-developer",
                "nationalcareers.service.gov.uk/admin-assistant",
                "jobs.test/career?id=1",
                "jobs.test/career?id=2",
                "jobs.test/nurse",
                None,
            ],
            "source": [
                "bls.gov", "127.0.0.1", "nationalcareers.service.gov.uk", *["jobs.test"] * 3, None
            ],
        },
        dtype="str",
    )
    pd.testing.assert_frame_equal(result, expected)


def test_strip_numbering():
    cases = [
        ("01Design and build APIs", "Design and build APIs"),
        ("02 Write queries", "Write queries"),
        ("1. Plan work", "Plan work"),
        ("2) Review plans", "Review plans"),
        ("• Bullet item", "Bullet item"),
        ("▸ Arrow item", "Arrow item"),
        ("- Dash item", "Dash item"),
        ("3D models are made", "3D models are made"),
        ("24/7 support", "24/7 support"),
        ("10 patients a day", "10 patients a day"),
        ("Compile data &amp; report", "Compile data & report"),
        ("—", None),
        ("", None),
    ]
    result = strip_numbering(_texts([c[0] for c in cases]))
    pd.testing.assert_series_equal(result, pd.Series([c[1] for c in cases], dtype="str"))


def test_build_duties_renumbers_within_a_career():
    duties = pd.DataFrame(
        {
            "career_id": ["b", "a", "a", "a"],
            "position": [1, 1, 2, 3],
            "duty": ["01Only", "01First", "•", "03Third"],
        }
    )
    expected = pd.DataFrame(
        {"career_id": ["a", "a", "b"], "position": [1, 2, 1], "duty": ["First", "Third", "Only"]}
    ).astype({"duty": "str"})
    pd.testing.assert_frame_equal(build_duties(duties), expected)
