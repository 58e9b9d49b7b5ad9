"""Raw retention: gc trims bodies nothing needs, never one a kept version needs to reparse."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from extract.rawstore import RawStore
from flows.cli import run_ingest_cli, run_reparse_cli
from load import collect, read, versions
from load.cli import main as load_cli
from load.locks import run_lock
from sample_site.data import load_site
from sample_site.render import profile_path
from tests.faultsite import sample_fault_site

SMALL = dataclasses.replace(load_site(), careers=load_site().careers[:6], drafts=())
CHANGED = profile_path(SMALL.careers[0].slug)

pytestmark = pytest.mark.slow


def bodies(raw: Path) -> set[str]:
    return {p.name.split(".", 1)[0] for p in raw.glob("*/*/*.html.*")}


@pytest.fixture
def two_versions(prefect_server, tmp_path: Path, capsys):
    """v1, then v2 in which one page changed: its v1 body is needed only by v1."""
    data = tmp_path / "data"
    config = tmp_path / "etl.toml"
    config.write_text("[crawl]\nper_host_delay = 0\ndelay_jitter = 0\n")
    with sample_fault_site({}, slow=0, data=SMALL) as site:
        args = ["--config", str(config), "--data-dir", str(data), "--quiet",
                "--start-url", site.url("/sitemap.xml")]
        assert run_ingest_cli(args) == 0
        old_bodies = bodies(data / "raw")
        page = site.next_reply(CHANGED)
        site.set(CHANGED, dataclasses.replace(
            page, body=page.body.replace(b"</h1>", b" (revised)</h1>", 1),
            etag='"revised"', last_modified=None))
        assert run_ingest_cli(args) == 0
    capsys.readouterr()
    return data, old_bodies


def test_gc_trims_what_no_kept_version_needs_and_reparse_still_works(two_versions, capsys):
    data, old_bodies = two_versions
    first, second = (v.run_id for v in versions(data))
    only_v1 = old_bodies - set(read("pages", second, data_dir=data)["content_sha256"].dropna())
    assert len(only_v1) == 1  # the changed page's first body
    later = datetime.now(UTC) + timedelta(days=30)  # everything on disk is old by then
    result = collect(data, keep_last=1, raw=RawStore(data / "raw"), raw_keep_days=7, now=later)
    assert result.expired == (first,)
    assert result.raw_bodies_removed == 1
    assert bodies(data / "raw") == (old_bodies - only_v1) | set(
        read("pages", second, data_dir=data)["content_sha256"].dropna()
    )
    assert result.raw_logs_removed == (first,)  # v2's own fetch log stays
    before = read("careers", second, data_dir=data).drop(columns=["version"])
    assert run_reparse_cli(["--data-dir", str(data), "--quiet", "--force"]) == 0
    rebuilt = read("careers", data_dir=data).drop(columns=["version"])
    assert rebuilt.equals(before)  # every body the kept version needs is still there
    capsys.readouterr()


def test_nothing_recent_is_trimmed(two_versions):
    data, _ = two_versions
    before = bodies(data / "raw")
    result = collect(data, keep_last=1, raw=RawStore(data / "raw"), raw_keep_days=7)
    assert result.raw_bodies_removed == 0  # written minutes ago, named by recent fetch logs
    assert bodies(data / "raw") == before


def test_a_kept_version_that_cannot_be_read_keeps_every_body(two_versions):
    data, _ = two_versions
    latest = versions(data)[-1].run_id
    part = data / "parquet" / "pages" / f"version={latest}" / "part-0.parquet"
    part.write_bytes(b"damaged")
    before = bodies(data / "raw")
    later = datetime.now(UTC) + timedelta(days=30)
    result = collect(data, raw=RawStore(data / "raw"), raw_keep_days=7, now=later)
    assert result.raw_bodies_removed == 0
    assert any("raw store not trimmed" in note for note in result.notes)
    assert bodies(data / "raw") == before


def test_gc_leaves_the_raw_store_alone_while_a_run_holds_the_data_dir(two_versions, capsys):
    data, _ = two_versions
    before = bodies(data / "raw")
    holder = {"kind": "ingest", "run_id": "20261201T000000Z-abcdef", "pid": 1,
              "started": "2026-12-01T00:00:00+00:00"}
    with run_lock(data, holder):
        assert load_cli(["gc", "--raw-keep-days", "0.0001", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Raw store not trimmed: another run is using" in out
    assert bodies(data / "raw") == before


def test_a_body_fetched_again_is_fresh_for_retention(tmp_path: Path):
    store = RawStore(tmp_path / "raw")
    sha = store.put("http://a.test/x", b"<html>same</html>")
    path = store.body_path("http://a.test/x", sha)
    old = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    os.utime(path, (old, old))
    store.put("http://a.test/x", b"<html>same</html>")  # the same body, downloaded again
    assert path.stat().st_mtime > old
    assert store.get(sha, host="http://a.test/x") == b"<html>same</html>"
