from __future__ import annotations

import pytest

from extract.robots import RobotsRules, product_token, rules_from_response

UA = "careers-etl/0.1 (+https://github.com/careers-etl/careers-etl)"
TEXT = b"""User-agent: *
Disallow: /private
Crawl-delay: 2

User-agent: careers-etl
Disallow: /no-bots
Crawl-delay: 1.5
"""


def test_rules_for_our_agent() -> None:
    rules = rules_from_response("h", 200, TEXT)
    assert rules.allowed("http://h/ok", UA)
    assert not rules.allowed("http://h/no-bots/x", UA)
    assert rules.allowed("http://h/private", UA)  # our own group replaces the * group
    assert rules.crawl_delay(UA) == 1.5
    assert not rules.allowed("http://h/private", "otherbot/1.0")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, RobotsRules(origin="h", status=404)),
        (410, RobotsRules(origin="h", status=410)),
        (403, RobotsRules(origin="h", status=403)),
        (500, RobotsRules(origin="h", status=500, disallow_all=True, error="HTTP 500")),
        (503, RobotsRules(origin="h", status=503, disallow_all=True, error="HTTP 503")),
    ],
)
def test_status_rules(status: int, expected: RobotsRules) -> None:
    rules = rules_from_response("h", status, b"")
    assert rules == expected
    assert rules.allowed("http://h/x", UA) is not expected.disallow_all
    assert rules.crawl_delay(UA) is None


def test_product_token() -> None:
    assert product_token(UA) == "careers-etl"
    assert product_token("plainbot") == "plainbot"
