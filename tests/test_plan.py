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
