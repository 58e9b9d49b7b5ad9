"""The HTML report of a version: its content, and what a browser draws of it, offline."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from load import read
from load.report import write_report
from load.schema import EDUCATION_LEVELS
from tests.analyst_data import EXAMPLE, GONE, V1, V2, real_version, sample_versions
from tests.browser import browser, colored_pixels

ROOT = Path(__file__).resolve().parents[1]
EMPTY = {"sample": (), "real": ("chart-top-tools",)}  # OOH and NCS pages list no tools
CHARTS = ("chart-pay-education", "chart-pay-growth", "chart-pay-category", "chart-top-skills",
          "chart-top-tools")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_versions(tmp_path_factory.mktemp("sample") / "data")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_version(tmp_path_factory.mktemp("real") / "data")


def figure(html: str, chart: str) -> str:
    """The inside of one chart's <figure>."""
    match = re.search(rf'<figure class="chart[ a-z]*" id="{chart}">(.*?)</figure>', html, re.S)
    assert match, chart
    return match.group(1)


def test_the_report_shows_counts_changes_and_rejects(sample: Path) -> None:
    html = write_report(sample, V2).read_text()
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    careers = read("careers", data_dir=sample)
    assert f"Version {V2}" in text
    assert f"previous version {V1}" in text
    assert re.search(rf"careers\s+{len(careers)}\b", text)
    assert f"0 added, {len(GONE)} removed, 1 changed since {V1}" in text
    for slug in GONE:
        assert f"127.0.0.1/{slug}" in text
    assert re.search(rf"127\.0\.0\.1/{EXAMPLE}\s+salary_median\s+115,000\s+121,000", text)
    assert "No row broke a quality rule." in text
    assert re.search(r"salary_median\s+100%", text)


def test_rejects_are_grouped_by_rule(tmp_path: Path) -> None:
    from tests.analyst_data import edited, publish_pages, sample_pages

    pages = edited(sample_pages(), EXAMPLE, lambda h: h.replace("$115k", "$1", 1))
    publish_pages(tmp_path / "data" / "parquet", V1, pages)
    rejects = read("rejects", data_dir=tmp_path / "data")
    assert len(rejects) > 0
    text = unescape(re.sub(r"<[^>]+>", " ", write_report(tmp_path / "data").read_text()))
    section = text.split("Rejects by rule", 2)[2]
    for rule, count in rejects.groupby("rule").size().items():
        assert re.search(rf"{re.escape(str(rule))}\s+\S*\s*{count}\b", section), rule


def test_the_charts_show_the_data(sample: Path) -> None:
    html = write_report(sample, V2).read_text()
    careers = read("careers", data_dir=sample)
    paid = careers[careers["salary_median"].notna()]
    bars = re.findall(r'<rect class="bar"[^>]*><title>([^<]*)</title>',
                      figure(html, "chart-pay-education"))
    medians = paid.groupby("education_level", observed=True)["salary_median"].median()
    expected = [f"{unescape(level)}" for level in EDUCATION_LEVELS if level in medians.index]
    assert [unescape(b).split(":")[0] for b in bars] == expected  # level order, lowest first
    for level, pay in medians.items():
        assert any(unescape(b).startswith(f"{level}: {round(pay / 1000):.0f}k") for b in bars)
    points = re.findall(r'<circle class="point"', figure(html, "chart-pay-growth"))
    assert len(points) == paid["growth_category"].notna().sum()
    boxes = re.findall(r'<rect class="box"', figure(html, "chart-pay-category"))
    assert len(boxes) == paid["category"].nunique()
    skills = read("career_skills", data_dir=sample)
    tools = skills[skills["skill_type"] == "tool"].groupby("skill")["career_id"].nunique()
    first = re.search(r'<rect class="bar"[^>]*><title>([^<]*)</title>',
                      figure(html, "chart-top-tools"))
    assert first
    assert unescape(first.group(1)) == f"{tools.idxmax()}: {tools.max()} careers"


def test_pay_vs_growth_uses_percents_when_the_pages_give_them(real: Path) -> None:
    html = write_report(real).read_text()
    careers = read("careers", data_dir=real)
    usd = careers[(careers["salary_currency"] == "USD") & careers["salary_median"].notna()]
    chart = figure(html, "chart-pay-growth")
    assert "projected growth (%)" in chart
    assert "No career of this version lists tools." in figure(html, "chart-top-tools")
    assert len(re.findall(r'<circle class="point"', chart)) == usd["growth_pct"].notna().sum()
    assert f"({len(usd)} careers in USD;" in figure(html, "chart-pay-education")


def test_a_version_without_pay_says_so_instead_of_drawing_empty_charts(tmp_path: Path) -> None:
    from tests.analyst_data import publish_pages, sample_pages

    pages = [(u, re.sub(r"\$\d[\d,.]*(?:k|K)?(?:/hr| per hour)?", "N/A", h))
             for u, h in sample_pages()[:8]]
    publish_pages(tmp_path / "data" / "parquet", V1, pages)
    assert read("careers", data_dir=tmp_path / "data")["salary_median"].isna().all()
    html = write_report(tmp_path / "data").read_text()
    for chart in CHARTS[:3]:
        assert "No career of this version has a median pay." in figure(html, chart)
        assert "<svg" not in figure(html, chart)


def test_the_report_needs_nothing_from_outside(sample: Path) -> None:
    html = write_report(sample).read_text()
    assert "<script" not in html
    assert "<link" not in html
    assert "@import" not in html
    links = re.findall(r"""\b(?:src|href)=["']?([^"' >]*)""", html)
    assert links
    assert all(link.startswith("#") for link in links)
    assert "url(" not in html


@pytest.mark.parametrize("which", ["sample", "real"])
def test_a_browser_draws_every_chart_offline(which: str, request: pytest.FixtureRequest,
                                             tmp_path: Path) -> None:
    data = request.getfixturevalue(which)
    path = write_report(data)
    with browser(tmp_path / "profile") as page:
        page.open(path.as_uri())
        boxes = page.evaluate(
            "[...document.querySelectorAll('figure.chart svg')].map(s => {"
            "const r = s.getBoundingClientRect(); return {id: s.closest('figure').id,"
            " x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height}})"
        )
        assert [b["id"] for b in boxes] == [c for c in CHARTS if c not in EMPTY[which]]
        drawn = {}
        for box in boxes:
            assert box["w"] > 300, box
            assert box["h"] > 100, box
            image = page.screenshot(box["x"], box["y"], box["w"], box["h"])
            drawn[box["id"]] = colored_pixels(image)
        errors, requested = page.console_errors(), page.requested()
    assert all(count > 300 for count in drawn.values()), drawn
    assert errors == []
    assert requested == [path.as_uri()]  # the page itself, nothing else


def test_the_pixel_check_sees_a_chart_that_did_not_draw(tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_text('<!DOCTYPE html><html><body><figure class="chart" id="x">'
                     '<svg width="720" height="300" viewBox="0 0 720 300"></svg>'
                     "</figure></body></html>")
    with browser(tmp_path / "profile") as page:
        page.open(blank.as_uri())
        box = page.evaluate("(() => {const r = document.querySelector('svg')"
                            ".getBoundingClientRect(); return [r.x, r.y, r.width, r.height]})()")
        image = page.screenshot(*box)
        page.evaluate("console.error('broken')")
        page.call("Runtime.evaluate", expression="1")
        errors = page.console_errors()
    assert colored_pixels(image) == 0
    assert len(errors) == 1


def test_report_command(sample: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "load", "report", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    done = run(V1, "--data-dir", str(sample))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Report written: {sample / 'reports' / f'{V1}.html'}"
    empty = tmp_path / "data"
    (empty / "parquet").mkdir(parents=True)
    refused = run("--data-dir", str(empty))
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: nothing published yet in {empty / 'parquet'}"
    assert [p.name for p in empty.rglob("*")] == ["parquet"]
    missing = run("--data-dir", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert str(tmp_path / "nowhere") in missing.stderr
    assert not (tmp_path / "nowhere").exists()
