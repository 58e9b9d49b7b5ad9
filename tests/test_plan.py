from flows.plan import plan_batches


def test_batches_are_per_host_in_order_and_bounded():
    urls = [f"http://a.test/{i}" for i in range(5)] + ["http://b.test:8080/x", "http://a.test/5"]
    result = plan_batches(urls, size=2)
    expected = {
        "a.test": [
            ["http://a.test/0", "http://a.test/1"],
            ["http://a.test/2", "http://a.test/3"],
            ["http://a.test/4", "http://a.test/5"],
        ],
        "b.test:8080": [["http://b.test:8080/x"]],
    }
    assert result == expected


def test_no_urls_no_batches():
    assert plan_batches([], size=100) == {}


def test_sites_sharing_a_host_share_its_batches_and_rules():
    from extract.discover import Discovery
    from extract.hostpolicy import HostPolicy
    from extract.robots import allow_all
    from flows.plan import HostCrawl, plan_crawl

    jobs = Discovery(
        page_urls=("http://a.test/jobs/1", "http://a.test/jobs/2"),
        pages=(),
        robots={"a.test": allow_all("a.test")},
        policy=HostPolicy(allowed_origins=frozenset({"a.test"})),
    )
    careers = Discovery(
        page_urls=("http://a.test/careers/1", "http://a.test/jobs/2", "http://b.test/x"),
        pages=(),
        robots={"b.test": allow_all("b.test")},
        policy=HostPolicy(
            allowed_origins=frozenset({"a.test", "b.test"}), allow_cross_host_redirects=True
        ),
    )
    result = plan_crawl([jobs, careers], size=2)
    assert result == {
        "a.test": HostCrawl(
            batches=[["http://a.test/jobs/1", "http://a.test/jobs/2"], ["http://a.test/careers/1"]],
            policy=HostPolicy(
                allowed_origins=frozenset({"a.test", "b.test"}), allow_cross_host_redirects=True
            ),
        ),
        "b.test": HostCrawl(batches=[["http://b.test/x"]], policy=careers.policy),
    }


def test_sites_on_one_host_are_discovered_one_after_another():
    from core.config import load_settings
    from flows.plan import sites_by_host

    settings = load_settings(
        overrides={
            "sites": [
                {"name": "jobs", "start_urls": ["http://a.test/jobs/"]},
                {"name": "other", "start_urls": ["http://b.test/sitemap.xml"]},
                {"name": "careers", "start_urls": ["http://a.test/careers/"]},
            ]
        }
    )
    groups = sites_by_host(settings.sources)
    assert {host: [s.name for s in sites] for host, sites in groups.items()} == {
        "a.test": ["jobs", "careers"],
        "b.test": ["other"],
    }
