"""Sharding without Prefect: how sites become shards, and how staging settles who counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import UserError
from core.settings import Settings, SiteProfile
from extract.discover import Discovery
from extract.hostpolicy import HostPolicy
from extract.records import FetchedPage, Outcome, ParsedPage, RawCareer
from flows.cli import check_shards
from flows.plan import hosts_of, shard_sites
from flows.shards import shard_settings
from flows.staging import RunStaging


def site(*urls: str, name: str | None = None) -> SiteProfile:
    return SiteProfile(name=name, start_urls=urls)  # type: ignore[arg-type]


def test_every_host_lands_in_exactly_one_shard_and_shards_are_even() -> None:
    sites = [site(f"http://h{i}.example/sitemap.xml") for i in range(7)]
    groups = shard_sites(sites, 3)
    hosts = [hosts_of(g) for g in groups]
    assert sorted(len(h) for h in hosts) == [2, 2, 3]
    assert set().union(*hosts) == hosts_of(sites)
    assert sum(len(h) for h in hosts) == 7  # no host twice


def test_sites_of_one_host_go_together_and_a_multi_host_site_is_split_by_host() -> None:
    a1 = site("http://a.example/jobs/", name="a-jobs")
    a2 = site("http://a.example/sitemap.xml", name="a-map")
    both = site("http://b.example/x", "http://c.example/y", name="bc")
    groups = shard_sites([a1, a2, both], 3)
    assert len(groups) == 3
    for group in groups:
        assert len(hosts_of(group)) == 1  # a piece of `both` per host
    with_a = next(g for g in groups if hosts_of(g) == {"a.example"})
    assert [s.name for s in with_a] == ["a-jobs", "a-map"]
    assert sorted(str(u) for g in groups for s in g for u in s.start_urls
                  if s.name == "bc") == ["http://b.example/x", "http://c.example/y"]


def test_never_more_shards_than_hosts() -> None:
    assert len(shard_sites([site("http://a.example/", "http://a.example/more")], 8)) == 1


def test_a_shards_settings_name_only_its_sites_and_an_absolute_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.model_validate({
        "data_dir": "data", "crawl": {"shards": 4},
        "source": {"start_urls": ["http://a.example/"], "default_currency": "GBP"},
        "sites": [{"start_urls": ["http://b.example/"]}],
    })
    piece = shard_sites(settings.sources, 4)[1]
    narrowed = shard_settings(settings, piece)
    assert [str(u) for s in narrowed.sources for u in s.start_urls] == ["http://b.example/"]
    assert narrowed.crawl.shards == 1
    assert narrowed.source.default_currency == "GBP"
    assert narrowed.data_dir == tmp_path / "data"


def test_shards_need_a_prefect_server() -> None:
    settings = Settings.model_validate({"crawl": {"shards": 2}})
    with pytest.raises(UserError, match="set PREFECT_API_URL"):
        check_shards(settings, {})
    check_shards(settings, {"PREFECT_API_URL": "http://127.0.0.1:4200/api"})


def parsed(url: str) -> ParsedPage:
    page = FetchedPage(url=url, outcome=Outcome.PARSED, status=200, content_sha256="ab" * 32)
    return ParsedPage(page=page, outcome=Outcome.PARSED,
                      career=RawCareer(url=url, title="Actors", parser="test/1"))


def discovery() -> Discovery:
    return Discovery(page_urls=("http://a.example/c/1",), pages=(), robots={},
                     policy=HostPolicy(allowed_origins=frozenset({"a.example"})))


def test_staged_batches_read_back_and_only_the_first_outcome_counts(tmp_path: Path) -> None:
    staging = RunStaging(tmp_path, "20261202T000000Z-abcdef")
    first, second = staging.writer(0, 1), staging.writer(0, 2)
    first.add([parsed("http://a.example/c/1")])
    first.add([parsed("http://a.example/c/2"), parsed("http://a.example/c/3")])
    second.add([parsed("http://a.example/c/1")])
    assert second.finish([discovery()])  # attempt 2 finished first: it counts
    assert not first.finish([discovery()])  # the slow attempt 1 finds the outcome taken
    outcome = staging.outcome(0)
    assert outcome is not None
    assert (outcome.attempt, outcome.failed) == (2, None)
    pages = [p for part in outcome.parts for p in staging.batch(outcome, part)]
    assert [p.page.url for p in pages] == ["http://a.example/c/1"]
    assert staging.discoveries(outcome)[0].page_urls == ("http://a.example/c/1",)
    staging.drop()
    assert not (tmp_path / "_staging" / "20261202T000000Z-abcdef").exists()


def test_giving_a_shard_up_fences_out_a_late_attempt(tmp_path: Path) -> None:
    staging = RunStaging(tmp_path, "20261202T000000Z-abcdef")
    late = staging.writer(1, 1)
    late.add([parsed("http://b.example/c/1")])
    closed = staging.give_up(1, 2, "went silent")
    assert closed.failed == "went silent"
    assert not late.finish([discovery()])  # it comes back after the run gave it up
    found = staging.outcome(1)
    assert found is not None
    assert found.failed == "went silent"


def test_giving_up_yields_to_an_attempt_that_finished_just_before(tmp_path: Path) -> None:
    staging = RunStaging(tmp_path, "20261202T000000Z-abcdef")
    writer = staging.writer(2, 1)
    writer.add([parsed("http://c.example/c/1")])
    assert writer.finish([discovery()])
    kept = staging.give_up(2, 1, "ended Crashed")
    assert kept.failed is None
    assert kept.parts == ("batch-00000.pkl.zst",)
