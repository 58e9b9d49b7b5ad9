"""Per-site rules through the real flow: a `[[sites]]` entry's fields reach its pages only."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from core.config import load_settings
from load import read
from tests.faultserver import FaultServer, Reply

pytestmark = pytest.mark.slow

_HTML = {"Content-Type": "text/html; charset=utf-8"}


def _page(title: str, weekly: str) -> bytes:
    return f"""<html><head><title>{title} | Acme</title></head><body><h1>{title}</h1>
    <div class="pay-box"><div><span>Pay</span> <b class="amount">$95,000</b></div>
    <div><p>Weekly pay</p><p>{weekly}</p></div></div>
    <dl><dt>Employment prospects</dt><dd>Strong</dd><dt>Number of jobs</dt><dd>96,100</dd></dl>
    <ul id="what-you-do"><li>Assess patients</li><li>Give medicine</li></ul>
    </body></html>""".encode()


def _site(server: FaultServer, prefix: str = "") -> None:
    # Both servers are 127.0.0.1: distinct slugs keep their career ids apart.
    paths = {
        f"/jobs/{prefix}nurse": _page(f"{prefix.title().strip('-')} Nurse".strip(), "$1,650"),
        f"/jobs/{prefix}midwife": _page(f"{prefix.title().strip('-')} Midwife".strip(), "$1,800"),
    }
    for path, body in paths.items():
        server.set(path, Reply(body=body, headers=_HTML))
    locs = "".join(f"<url><loc>{server.url(p)}</loc></url>" for p in paths)
    server.set("/sitemap.xml", Reply(
        body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode(),
        headers={"Content-Type": "application/xml"},
    ))  # fmt: skip
    server.set("/robots.txt", Reply(body=b"User-agent: *\nDisallow:\n"))


def test_rules_fix_one_site_and_leave_the_other_to_the_reader(prefect_server, tmp_path: Path):
    from flows.ingest_flow import ingest

    with FaultServer() as acme, FaultServer() as plain:
        _site(acme)
        _site(plain, "plain-")
        settings = load_settings(
            overrides={
                "data_dir": tmp_path / "data",
                "crawl.per_host_delay": 0.0,
                "crawl.delay_jitter": 0.0,
                "sites": [
                    {
                        "name": "acme",
                        "start_urls": [acme.url("/sitemap.xml")],
                        "default_currency": "AUD",
                        "fields": {
                            "salary_median": {"label": "Weekly pay"},
                            "growth": {"label": "Employment prospects"},
                            "duties": {"css": "#what-you-do li"},
                        },
                    },
                    {"name": "plain", "start_urls": [plain.url("/sitemap.xml")]},
                ],
            }
        )
        summary = asyncio.run(ingest(settings))
        acme_urls = {acme.url("/jobs/nurse"), acme.url("/jobs/midwife")}
    assert summary.published, summary.reason
    careers = read("careers", summary.version, data_dir=tmp_path / "data").set_index("url")
    duties = read("career_duties", summary.version, data_dir=tmp_path / "data")
    mine = careers.loc[sorted(acme_urls)]
    others = careers.drop(index=sorted(acme_urls))
    assert len(others) == 2
    # acme: the rules read the weekly pay (annualized, in the site's currency), the outlook
    # under its own label, the duties list; and the parser column says so.
    assert mine["salary_median"].tolist() == [1800 * 52.0, 1650 * 52.0]  # midwife, nurse
    assert set(mine["salary_period"]) == {"week"}
    assert set(mine["salary_currency"]) == {"AUD"}
    assert set(mine["growth_text"]) == {"Strong"}
    assert mine["parser"].str.endswith("+site/1").all()
    acme_ids = set(mine["career_id"])
    assert len(duties[duties["career_id"].isin(acme_ids)]) == 4
    # plain: the generic reader, no rules, the run's default currency.
    assert not others["parser"].str.contains("site/").any()
    assert others["salary_median"].isna().all() or set(others["salary_currency"]) == {"USD"}
