"""The bundled sample site: its data file, rendered pages, HTTP server and test truth."""

from __future__ import annotations

import dataclasses
import math
import re
import signal
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
from protego import Protego
from selectolax.lexbor import LexborHTMLParser

from extract.parse import parse_page
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS
from sample_site import RequestRecord, SampleSite
from sample_site.data import Career, load_site
from sample_site.render import index_page_count, profile_path, site_pages
from sample_site.truth import (
    disallowed_urls,
    expected_duties,
    expected_raw,
    expected_rows,
    expected_skills,
    index_urls,
    profile_urls,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = load_site()
BASE = "http://127.0.0.1:8765"
PAGES = site_pages(DATA, BASE)


@pytest.fixture(scope="module")
def site():
    with SampleSite() as running:
        yield running


@pytest.fixture
def client(site):
    with httpx.Client(base_url=site.base_url, timeout=5) as c:
        yield c


# --- the data file -----------------------------------------------------------------------------


def test_about_a_hundred_careers_in_at_least_ten_categories() -> None:
    assert 100 <= len(DATA.careers) <= 110
    categories = Counter(c.category for c in DATA.careers)
    assert len(categories) >= 10
    assert min(categories.values()) >= 5


def test_all_six_growth_categories_in_mixed_casing() -> None:
    growths = [c.growth for c in DATA.careers if c.growth is not None]
    assert {g.category for g in growths} == set(GROWTH_LEVELS)
    assert {g.casing for g in growths} == {"lower", "sentence", "upper", "title"}
    for g in growths:
        assert g.text.lower() == g.category
        assert g.text != g.category or g.casing == "lower"


def display_amount(text: str) -> float:
    """A reference reading of the site's own money styles (independent of transform/)."""
    m = re.fullmatch(r"\$([\d,]+(?:\.\d+)?)(k|K|/hr| per hour)?", text)
    assert m, text
    number = float(m.group(1).replace(",", ""))
    suffix = m.group(2)
    if suffix in ("k", "K"):
        return number * 1000
    if suffix in ("/hr", " per hour"):
        return number * 2080
    return number


def test_salary_texts_agree_with_their_true_annual_values() -> None:
    styles: Counter[str] = Counter()
    for c in DATA.careers:
        assert c.salary is not None
        assert c.salary.median is not None
        styles[c.salary.style] += 1
        amounts = [pay.annual for _, pay in c.salary.points()]
        assert amounts == sorted(amounts), c.slug
        for _, pay in c.salary.points():
            assert display_amount(pay.text) == pytest.approx(pay.annual, abs=1e-6), c.slug
        assert (c.salary.period == "hour") == (c.salary.style in ("hr", "per hour")), c.slug
    assert set(styles) == {"k", "K", "comma", "hr", "per hour"}
    texts = {pay.text for c in DATA.careers if c.salary for _, pay in c.salary.points()}
    assert {"$75k", "$115k", "$170k"} <= texts
    assert any(re.fullmatch(r"\$\d{2,3},\d{3}", t) for t in texts)
    assert any(re.fullmatch(r"\$\d+\.\d\d/hr", t) for t in texts)


def display_workers(text: str) -> int:
    m = re.fullmatch(r"([\d,]+(?:\.\d)?)([kKM]?)", text)
    assert m, text
    scale = {"": 1, "k": 1000, "K": 1000, "M": 1_000_000}[m.group(2)]
    return round(float(m.group(1).replace(",", "")) * scale)


def test_worker_counts_agree_with_their_values() -> None:
    workers = [c.workers for c in DATA.careers if c.workers is not None]
    for w in workers:
        assert display_workers(w.text) == w.value, w
    assert {w.style for w in workers} == {"K", "k", "M", "comma"}
    texts = {w.text for w in workers}
    assert "175K" in texts
    assert any(re.fullmatch(r"\d,\d00", t) for t in texts)  # like "8,400"
    assert any(re.fullmatch(r"\d\.\dM", w.text) for w in workers)


def test_education_is_free_text_with_a_contract_level() -> None:
    educations = {c.education.text: c.education.level for c in DATA.careers if c.education}
    assert set(educations.values()) == set(EDUCATION_LEVELS)
    assert educations["High school diploma or equivalent"] == "high school diploma or equivalent"
    assert educations["Associate's or bachelor's degree"] == "associate's degree"
    assert len(educations) >= 40


def test_aliases_map_to_canonical_skill_names() -> None:
    renamed = set()
    for c in DATA.careers:
        for item in c.technical_skills:
            shown = [t.strip() for g in re.findall(r"\(([^)]*)\)", item.text) for t in g.split(",")]
            tools = [s.name for s in item.skills if s.type == "tool"]
            assert len(shown) == len(tools), item
            renamed |= {(a, b) for a, b in zip(shown, tools, strict=True) if a != b}
    assert renamed == {
        ("Postgres", "PostgreSQL"),
        ("K8s", "Kubernetes"),
        ("JS", "JavaScript"),
        ("Golang", "Go"),
        ("NodeJS", "Node.js"),
        ("Photoshop", "Adobe Photoshop"),
        ("Illustrator", "Adobe Illustrator"),
        ("InDesign", "Adobe InDesign"),
    }


def test_items_hold_a_skill_head_and_their_tools() -> None:
    item = DATA.careers[0].technical_skills[5]
    assert item.text == "Containerization (Docker) and orchestration (Kubernetes)"
    assert [(s.name, s.type) for s in item.skills] == [
        ("Containerization and orchestration", "skill"),
        ("Docker", "tool"),
        ("Kubernetes", "tool"),
    ]


def missing(field: str) -> list[Career]:
    return [c for c in DATA.careers if getattr(c, field) in (None, ())]


@pytest.mark.parametrize(
    "field", ["growth", "workers", "education", "environment", "people_skills"]
)
def test_some_pages_leave_a_section_out(field: str) -> None:
    assert 1 <= len(missing(field)) <= 5


def test_some_salary_ranges_lack_an_end() -> None:
    assert any(c.salary and c.salary.high is None for c in DATA.careers)
    assert any(c.salary and c.salary.low is None for c in DATA.careers)


# --- the truth ---------------------------------------------------------------------------------


def test_truth_rows_line_up_with_the_raw_records() -> None:
    raw = expected_raw(BASE)
    rows = expected_rows(BASE)
    assert [r.url for r in raw] == [r["url"] for r in rows] == profile_urls(BASE)
    assert rows[0] == {
        "career_id": "127.0.0.1/back-end-developer",
        "source": "127.0.0.1",
        "url": BASE + "/careers/back-end-developer",
        "title": "Back-End Developer",
        "category": "Technology",
        "summary": DATA.careers[0].summary,
        "salary_low": 75000.0,
        "salary_median": 115000.0,
        "salary_high": 170000.0,
        "salary_currency": "USD",
        "salary_period": "year",
        "salary_annualized": False,
        "salary_is_floor": False,
        "salary_text": "Low $75k Median $115k High $170k",
        "growth_category": "faster than average",
        "growth_pct": None,
        "growth_text": "faster than average",
        "workers": 175000,
        "workers_text": "175K",
        "education_level": "bachelor's degree",
        "education_text": raw[0].education,
        "environment": "indoor",
        "parser": "sample/1",
        "soc_code": "15-1252",
        "soc_system": "US SOC 2018",
        "soc_code_text": "15-1252.00",
    }
    hourly = [r for r in rows if r["salary_period"] == "hour"]
    assert len(hourly) >= 10
    assert all(r["salary_annualized"] for r in hourly)
    assert len({r["career_id"] for r in rows}) == len(rows)


def test_truth_of_an_hourly_page() -> None:
    row = next(r for r in expected_rows(BASE) if r["title"] == "Home Health Aide")
    raw = next(r for r in expected_raw(BASE) if r.title == "Home Health Aide")
    assert (raw.salary_median, row["salary_median"]) == ("$16.75 per hour", 16.75 * 2080)
    assert (row["salary_period"], row["salary_annualized"]) == ("hour", True)
    welder = next(r for r in expected_raw(BASE) if r.title == "Welder")
    assert welder.salary_median == "$23.25/hr"


def test_truth_skills_are_atomic_canonical_and_unique_per_career() -> None:
    rows = expected_skills(BASE)
    first = [r for r in rows if r["career_id"].endswith("/back-end-developer")]
    assert first[:3] == [
        {
            "career_id": "127.0.0.1/back-end-developer",
            "kind": "technical",
            "item_position": 1,
            "item_text": "Server-side languages (Python, Java, Go, Node.js, C#)",
            "skill": skill,
            "skill_type": kind,
        }
        for skill, kind in (
            ("Server-side languages", "skill"),
            ("Python", "tool"),
            ("Java", "tool"),
        )
    ]
    people = [(r["item_position"], r["skill"]) for r in first if r["kind"] == "people"]
    # A people item is one skill; a parenthesized remark is not part of its name.
    assert people[2] == (3, "Written communication")
    keys = [(r["career_id"], r["skill"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert any(i.text.endswith(".") for c in DATA.careers for i in c.people_skills)
    assert not any(r["skill"].endswith(".") for r in rows)
    skills = {r["skill"] for r in rows}
    assert {"PostgreSQL", "Kubernetes", "JavaScript", "Go"} <= skills
    assert not {"Postgres", "K8s", "JS", "Golang"} & skills


def test_truth_skills_drop_repeats_within_a_career() -> None:
    repeated = [
        c
        for c in DATA.careers
        if len(names := [s.name for i in c.technical_skills for s in i.skills]) > len(set(names))
    ]
    assert repeated, "the data should exercise de-duplication"
    career_id = f"127.0.0.1/{repeated[0].slug}"
    names = [r["skill"] for r in expected_skills(BASE) if r["career_id"] == career_id]
    assert len(names) == len(set(names))


def test_truth_duties_are_numbered_from_one_without_their_numbers() -> None:
    rows = expected_duties(BASE)
    assert rows[0] == {
        "career_id": "127.0.0.1/back-end-developer",
        "position": 1,
        "duty": DATA.careers[0].duties[0],
    }
    assert len(rows) == sum(len(c.duties) for c in DATA.careers)
    assert not any(re.match(r"\d", r["duty"]) for r in rows)


# --- rendered pages ----------------------------------------------------------------------------


def text(path: str) -> str:
    return PAGES[path].body.decode("utf-8")


def test_profile_sections_come_in_the_reference_order() -> None:
    page = text("/careers/back-end-developer")
    markers = [
        "← Back to all jobs",
        'class="career-title"',
        'class="career-category',
        'class="career-summary"',
        "Salary Range",
        "10-Year Growth",
        "US Workers",
        ">Education<",
        "Environment",
        "Tools &amp; Technical Skills",
        "People &amp; Mindset Skills",
        "Learn the skills",
        "What you&#39;ll actually do",
        '<span class="duty-num">01</span>',
        '<span class="duty-num">06</span>',
        "Take the Quiz",
    ]
    positions = [page.index(m) for m in markers]
    assert positions == sorted(positions)


def links(path: str) -> list[str]:
    tree = LexborHTMLParser(text(path))
    return [a.attributes.get("href") or "" for a in tree.css("a[href]")]


def test_index_paginates_every_profile_and_the_draft() -> None:
    pages = index_page_count(DATA)
    assert pages == math.ceil((len(DATA.careers) + len(DATA.drafts)) / DATA.per_page) >= 5
    listed = []
    for url in index_urls(BASE):
        tree = LexborHTMLParser(text(url.removeprefix(BASE)))
        cards = [a.attributes.get("href") or "" for a in tree.css(".job-card a.job-link")]
        assert len(cards) <= DATA.per_page
        listed += cards
    expected = [profile_path(c.slug) for c in DATA.careers] + ["/drafts/prompt-whisperer"]
    assert sorted(listed) == sorted(expected)


def test_rel_next_links_walk_the_whole_index() -> None:
    path, seen = "/careers/", []
    while path:
        seen.append(path)
        tree = LexborHTMLParser(text(path))
        head_next = tree.css_first('link[rel="next"]')
        nav_next = tree.css_first('.pagination a[rel="next"]')
        assert (head_next is None) == (nav_next is None)
        path = (nav_next.attributes.get("href") or "") if nav_next else ""
        if head_next is not None:
            assert head_next.attributes["href"] == path
    assert [BASE + p for p in seen] == index_urls(BASE)
    numbered = [h for h in links("/careers/page/3/") if re.fullmatch(r"/careers/(page/\d/)?", h)]
    assert {"/careers/", "/careers/page/6/"} <= set(numbered)


def test_sitemap_lists_every_profile_page() -> None:
    root = ET.fromstring(PAGES["/sitemap.xml"].body)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert locs == profile_urls(BASE)
    assert len(root.findall("s:url/s:lastmod", ns)) == len(locs)


def test_robots_disallows_print_views_and_drafts_only() -> None:
    robots = Protego.parse(text("/robots.txt"))
    agent = "careers-etl"
    reachable = {u for p in PAGES for u in [BASE + p] if not p.startswith("/static/")}
    blocked = {u for u in reachable if not robots.can_fetch(u, agent)}
    assert blocked == set(disallowed_urls(BASE))
    assert len(blocked) == len(DATA.careers) + len(DATA.drafts)
    assert list(robots.sitemaps) == [BASE + "/sitemap.xml"]
    assert robots.crawl_delay(agent) is None


def test_every_profile_links_its_disallowed_print_view() -> None:
    for c in DATA.careers:
        assert f"/careers/{c.slug}/print" in links(profile_path(c.slug))


# --- the server --------------------------------------------------------------------------------


def test_every_profile_served_parses_to_the_truth(site, client) -> None:
    result = []
    for url in profile_urls(site.base_url):
        response = client.get(url)
        assert response.status_code == 200
        result.append(dataclasses.replace(parse_page(response.text, url), rules=()))
    assert result == expected_raw(site.base_url)


def test_base_url_is_loopback_with_an_ephemeral_port(site) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", site.base_url)
    assert site.url("/careers/") == site.base_url + "/careers/"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/careers/", "text/html; charset=utf-8"),
        ("/careers/back-end-developer", "text/html; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/static/site.css", "text/css; charset=utf-8"),
    ],
)
def test_pages_are_served_with_validators(site, client, path: str, content_type: str) -> None:
    response = client.get(path)
    page = site.pages[path]
    assert (response.status_code, response.headers["content-type"]) == (200, content_type)
    assert response.content == page.body
    assert response.headers["etag"] == page.etag
    assert not page.etag.startswith("W/")
    assert response.headers["last-modified"] == format_datetime(page.last_modified, usegmt=True)
    assert int(response.headers["content-length"]) == len(page.body)


def test_served_sitemap_and_robots_use_the_live_base_url(site, client) -> None:
    assert f"Sitemap: {site.base_url}/sitemap.xml" in client.get("/robots.txt").text
    assert (
        f"<loc>{site.base_url}/careers/back-end-developer</loc>" in client.get("/sitemap.xml").text
    )


def test_etags_differ_between_pages(site) -> None:
    etags = [p.etag for p in site.pages.values()]
    assert len(set(etags)) == len(etags)


PROFILE = "/careers/back-end-developer"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"If-None-Match": "{etag}"}, 304),
        ({"If-None-Match": 'W/"x", {etag}'}, 304),
        ({"If-None-Match": "W/{etag}"}, 304),
        ({"If-None-Match": "*"}, 304),
        ({"If-None-Match": '"stale"'}, 200),
        ({"If-Modified-Since": "{lm}"}, 304),
        ({"If-Modified-Since": "Thu, 01 Jan 2099 00:00:00 GMT"}, 304),
        ({"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, 200),
        ({"If-Modified-Since": "not a date"}, 200),
        ({"If-None-Match": '"stale"', "If-Modified-Since": "{lm}"}, 200),
        ({"If-None-Match": "{etag}", "If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, 304),
    ],
)
def test_conditional_requests(site, client, headers: dict[str, str], status: int) -> None:
    page = site.pages[PROFILE]
    lm = format_datetime(page.last_modified, usegmt=True)
    sent = {k: v.format(etag=page.etag, lm=lm) for k, v in headers.items()}
    response = client.get(PROFILE, headers=sent)
    assert response.status_code == status
    assert response.headers["etag"] == page.etag
    assert response.content == (b"" if status == 304 else page.body)


def test_unknown_paths_are_404_html(client) -> None:
    response = client.get("/careers/no-such-job")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "Page not found" in response.text
    assert "etag" not in response.headers


def test_query_strings_do_not_change_the_page(site, client) -> None:
    response = client.get(PROFILE, params={"utm_source": "newsletter"})
    assert response.content == site.pages[PROFILE].body


def test_head_has_headers_and_no_body(site, client) -> None:
    response = client.head(PROFILE)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) == len(site.pages[PROFILE].body)


def test_request_log_records_method_path_headers_and_status() -> None:
    with SampleSite() as site, httpx.Client(base_url=site.base_url) as client:
        etag = client.get(PROFILE, headers={"User-Agent": "careers-etl-test"}).headers["etag"]
        client.get(PROFILE, headers={"If-None-Match": etag, "User-Agent": "careers-etl-test"})
        client.head("/nope?x=1", headers={"User-Agent": "careers-etl-test"})
        log = site.requests
    assert [(r.method, r.path, r.status) for r in log] == [
        ("GET", PROFILE, 200),
        ("GET", PROFILE, 304),
        ("HEAD", "/nope?x=1", 404),
    ]
    assert all(isinstance(r, RequestRecord) for r in log)
    assert [r.header("User-Agent") for r in log] == ["careers-etl-test"] * 3
    assert (log[0].header("if-none-match"), log[1].header("If-None-Match")) == (None, etag)
    assert [r.time for r in log] == sorted(r.time for r in log)
    with pytest.raises(dataclasses.FrozenInstanceError):
        log[0].status = 500  # type: ignore[misc]


def test_concurrent_requests_are_all_logged() -> None:
    paths = [p for p in PAGES if p.startswith("/careers/")][:40]
    with SampleSite() as site, httpx.Client(base_url=site.base_url) as client:

        def fetch(path: str) -> int:
            return client.get(path).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(fetch, paths * 3))
        log = site.requests
    assert statuses == [200] * len(paths) * 3
    assert Counter(r.path for r in log) == Counter(paths * 3)


def test_close_releases_the_port_and_is_idempotent() -> None:
    site = SampleSite()
    port = int(site.base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    site.close()
    site.close()
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", port), timeout=2),
    ):
        pass


def test_python_dash_m_serves_until_interrupted() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "sample_site"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert base, first
        assert httpx.get(base.group(0) + "/careers/", timeout=5).status_code == 200
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert "stopped" in out
    assert err == ""
