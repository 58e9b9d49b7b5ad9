"""Never publish a broken dataset: outages, empty or broken sitemaps, other sources, one run
at a time. Each case runs the real ingest command line (in-process, real Prefect flow) on
real local sites: host A on 127.0.0.1 and host B on 127.0.0.2, ten careers each.

What every case checks, besides its own point: the exit code, one line on stderr for a
refusal (no traceback), and that the latest version an analyst reads is whole.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from flows.cli import run_ingest_cli, run_reparse_cli
from load import read, versions
from sample_site.data import load_site
from tests.faultserver import FaultServer, Reply
from tests.faultsite import sample_fault_site

SMALL = dataclasses.replace(load_site(), careers=load_site().careers[:10], drafts=())
ROBOTS_OPEN = Reply(body=b"User-agent: *\nAllow: /\n")
CONFIG = textwrap.dedent(
    """
    [crawl]
    per_host_delay = 0
    delay_jitter = 0
    max_retries = 1
    backoff_base = 0.05
    read_timeout = 1.0
    total_timeout = 3.0
    retry_budget = 2.0
    """
)

pytestmark = pytest.mark.slow


@pytest.fixture
def sites() -> Iterator[tuple[FaultServer, FaultServer]]:
    with sample_fault_site({}, slow=0, data=SMALL) as a, sample_fault_site(
        {}, slow=0, data=SMALL, host="127.0.0.2"
    ) as b:
        yield a, b


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "etl.toml"
    path.write_text(CONFIG)
    return path


def ingest(capsys, config: Path, data: Path, *urls: str, extra: tuple[str, ...] = ()):
    code = run_ingest_cli(
        ["--config", str(config), "--data-dir", str(data), "--quiet",
         *(a for url in urls for a in ("--start-url", url)), *extra]
    )
    out, err = capsys.readouterr()
    return code, out, err


def sitemaps(*servers: FaultServer) -> tuple[str, ...]:
    return tuple(s.url("/sitemap.xml") for s in servers)


def one_line_refusal(err: str, needle: str) -> None:
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1, lines
    assert lines[0].startswith("run failed: "), lines
    assert needle in lines[0], lines[0]


def careers_by_host(data: Path) -> dict[str, int]:
    careers = read("careers", data_dir=data)
    hosts = careers["url"].str.extract(r"//([^/]+)/")[0]
    return {str(k): int(v) for k, v in hosts.value_counts().items()}


def pages_of(data: Path, host: str) -> pd.DataFrame:
    pages = read("pages", data_dir=data)
    return pages[pages["url"].str.contains(f"//{host}/", regex=False)]


# -- B is unreachable or its listing is unreadable: B's careers stay -----------------------------

HUGE = b"User-agent: *\nAllow: /\n" + b"# padding\n" * 700_000  # about 7 MB


@pytest.mark.parametrize(
    ("path", "reply", "why"),
    [
        ("/robots.txt", Reply(status=500), "robots.txt of 127.0.0.2"),
        ("/robots.txt", Reply(status=503, body=b"busy"), "HTTP 503"),
        ("/robots.txt", Reply(body=b"x", delay=5.0), "robots.txt of 127.0.0.2"),
        ("/sitemap.xml", Reply(body=b"<html><body>Maintenance</body></html>",
                               headers={"Content-Type": "text/html"}), "an HTML page"),
        ("/sitemap.xml", Reply(body=b"<?xml version='1.0'?><urlset><url><loc>",
                               headers={"Content-Type": "application/xml"}), "broken XML"),
        ("/sitemap.xml", Reply(status=502), "HTTP 502"),
    ],
    ids=["robots 500", "robots 503", "robots too slow", "sitemap is HTML", "sitemap broken",
         "sitemap 502"],
)
def test_a_host_that_cannot_be_listed_keeps_its_careers(
    prefect_server, sites, config, tmp_path, capsys, path, reply, why
):
    a, b = sites
    data = tmp_path / "data"
    code, _, err = ingest(capsys, config, data, *sitemaps(a, b))
    assert code == 0, err
    first = careers_by_host(data)
    assert first == {a.origin: 10, b.origin: 10}
    b.set(path, reply)
    code, _out, err = ingest(capsys, config, data, *sitemaps(a, b), extra=("--force",))
    assert code == 0, err
    assert careers_by_host(data) == first  # nothing "removed"
    lost = pages_of(data, b.origin)
    assert set(lost["outcome"]) == {"failed_fetch"}  # not "disallowed": failures, counted
    assert len(lost) == 11  # the sitemap and the 10 careers kept from the previous version
    assert all(why in e for e in lost["error"]), list(lost["error"])[:2]
    assert "not fetched: host unreachable" in " ".join(lost["error"])


def test_a_huge_robots_txt_is_read_up_to_500_kib(prefect_server, sites, config, tmp_path,
                                                 capsys):
    a, b = sites
    b.set("/robots.txt", Reply(body=HUGE))
    code, _, err = ingest(capsys, config, tmp_path / "data", *sitemaps(a, b))
    assert code == 0, err
    assert careers_by_host(tmp_path / "data") == {a.origin: 10, b.origin: 10}


def test_robots_txt_may_redirect_to_another_host(prefect_server, sites, config, tmp_path,
                                                 capsys):
    a, b = sites
    a.set("/robots.txt", ROBOTS_OPEN)
    b.set("/robots.txt", Reply(status=301, headers={"Location": a.url("/robots.txt")}))
    code, _, err = ingest(capsys, config, tmp_path / "data", *sitemaps(a, b))
    assert code == 0, err
    assert "Traceback" not in err
    assert careers_by_host(tmp_path / "data") == {a.origin: 10, b.origin: 10}


# -- removals need consent ---------------------------------------------------------------------


def test_an_empty_sitemap_does_not_remove_a_host_without_consent(
    prefect_server, sites, config, tmp_path, capsys
):
    a, b = sites
    data = tmp_path / "data"
    assert ingest(capsys, config, data, *sitemaps(a, b))[0] == 0
    latest = versions(data)[-1].run_id
    b.set("/sitemap.xml", Reply(body=b'<?xml version="1.0"?><urlset/>',
                                headers={"Content-Type": "application/xml"}))
    code, _, err = ingest(capsys, config, data, *sitemaps(a, b))
    assert code == 1
    one_line_refusal(
        err, f"it would remove 10 of 20 careers (50%), above quality.max_removed_share 20%:"
        f" {b.origin} loses 10 (no longer listed 10)"
    )
    assert versions(data)[-1].run_id == latest
    code, _, err = ingest(capsys, config, data, *sitemaps(a, b), extra=("--allow-removals",))
    assert code == 0, err
    assert careers_by_host(data) == {a.origin: 10}


def test_a_first_run_that_reaches_nothing_fails(prefect_server, config, tmp_path, capsys):
    with FaultServer() as gone:
        url = gone.url("/sitemap.xml")
    code, _, err = ingest(capsys, config, tmp_path / "data", url)  # nobody listens there now
    assert code == 1
    one_line_refusal(err, "nothing to publish: no source could be reached (http://127.0.0.1:")
    assert not (tmp_path / "data" / "parquet" / "_LATEST").exists()


def test_a_site_that_went_down_leaves_the_latest_version_alone(
    prefect_server, config, tmp_path, capsys
):
    data = tmp_path / "data"
    with sample_fault_site({}, slow=0, data=SMALL) as a:
        url = a.url("/sitemap.xml")
        assert ingest(capsys, config, data, url)[0] == 0
    latest = versions(data)[-1].run_id
    code, _, err = ingest(capsys, config, data, url)
    assert code == 1
    one_line_refusal(err, "nothing to publish: no source could be reached")
    assert [v.run_id for v in versions(data)][-1] == latest
    assert len(read("careers", data_dir=data)) == 10


def test_a_sitemap_with_nothing_in_it_is_not_a_success(prefect_server, config, tmp_path, capsys):
    with FaultServer({"/robots.txt": ROBOTS_OPEN,
                      "/sitemap.xml": Reply(body=b"<?xml version='1.0'?><urlset/>")}) as srv:
        code, _, err = ingest(capsys, config, tmp_path / "data", srv.url("/sitemap.xml"))
    assert code == 1
    one_line_refusal(err, "the sources' sitemaps or index pages listed no profile pages")


def test_a_profile_pattern_that_matches_nothing_says_so(prefect_server, sites, config, tmp_path,
                                                        capsys):
    a, _ = sites
    code, _, err = ingest(capsys, config, tmp_path / "data", a.url("/careers/"),
                          extra=("--profile-pattern", "/jobs/"))
    assert code == 1
    one_line_refusal(err, "matched the profile pattern /jobs/")


# -- sources are part of the dataset -----------------------------------------------------------


def test_crawling_another_site_into_the_same_data_dir_keeps_the_first(
    prefect_server, sites, config, tmp_path, capsys
):
    a, b = sites
    data = tmp_path / "data"
    assert ingest(capsys, config, data, *sitemaps(a))[0] == 0
    code, out, err = ingest(capsys, config, data, *sitemaps(b))
    assert code == 0, err
    assert careers_by_host(data) == {a.origin: 10, b.origin: 10}
    assert "fill rate" not in out + err  # two unrelated sites are not compared
    manifest_sources = read_manifest_sources(data)
    assert [s["hosts"] for s in manifest_sources] == [[b.origin], [a.origin]]
    code, _, err = ingest(capsys, config, data, *sitemaps(b), extra=("--replace-sources",))
    assert code == 0, err  # replacing the sources is consent to drop theirs
    assert careers_by_host(data) == {b.origin: 10}


def test_the_summary_names_the_sources_it_kept(prefect_server, sites, config, tmp_path, capsys):
    a, b = sites
    data = tmp_path / "data"
    assert ingest(capsys, config, data, *sitemaps(a))[0] == 0
    code = run_ingest_cli(["--config", str(config), "--data-dir", str(data),
                           "--start-url", b.url("/sitemap.xml")])
    out = capsys.readouterr().out
    assert code == 0
    assert f"note:     kept 10 careers of {a.origin}, which this run's sources do not name" in out


def read_manifest_sources(data: Path) -> list[dict[str, object]]:
    from load import read_manifest

    return [dict(s) for s in read_manifest(data_dir=data).sources]


# -- one run per data dir; reparse never creates what it reads ---------------------------------


def test_a_second_run_on_the_same_data_dir_is_refused_and_a_killed_one_blocks_nothing(
    prefect_server, sites, config, tmp_path, capsys
):
    a, _ = sites
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from load.locks import run_lock
            with run_lock({str(data)!r}, {{"kind": "ingest", "run_id": "20261201T000000Z-abcdef",
                                          "pid": 4242, "started": "2026-12-01T00:00:00+00:00"}}):
                print("held", flush=True)
                time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        code, _, err = ingest(capsys, config, data, *sitemaps(a))
        assert code == 1
        one_line_refusal(err, f"another run is using {data}: ingest 20261201T000000Z-abcdef"
                              " (pid 4242, started 2026-12-01T00:00:00+00:00)")
        assert run_reparse_cli(["--data-dir", str(data), "--quiet"]) in (1, 2)
        capsys.readouterr()
    finally:
        holder.kill()  # SIGKILL: the kernel drops its lock
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    code, _, err = ingest(capsys, config, data, *sitemaps(a))
    assert code == 0, err


def test_reparse_on_a_mistyped_data_dir_creates_nothing(tmp_path: Path, capsys) -> None:
    typo = tmp_path / "dta"
    assert run_reparse_cli(["--data-dir", str(typo)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: no data dir at {typo} (is --data-dir right?)"
    assert not typo.exists()
    typo.mkdir()
    assert run_reparse_cli(["--data-dir", str(typo)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: no raw store at {typo / 'raw'} (is --data-dir right?)"
    )
    assert list(typo.iterdir()) == []
