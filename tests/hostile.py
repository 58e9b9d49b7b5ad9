"""A page that keeps a parse worker busy for minutes, for the tests of the parse budget.

The reader itself is linear on hostile markup (tests/parse/test_depth.py), but
a site's own CSS rule is the site's: lexbor matches descendant combinators by
backtracking, so a rule such as `section div div div div p` on a page of 120
nested `div`s and no `section` takes minutes (6 s at a depth of 80, and
growing fast). That is the slow page a budget is for.
"""

from __future__ import annotations

from extract.parse.siterules import FieldRule, SiteRules

SLOW_SELECTOR = "section div div div div p"
SLOW_PAGE = (
    "<html><body><h1>Nurse</h1>" + "<div>" * 120 + "<p>Median pay: $80,000</p>" * 50
    + "</div>" * 120 + "</body></html>"
).encode()


def slow_rules(host: str) -> SiteRules:
    """A site on `host` whose growth rule backtracks on SLOW_PAGE."""
    return SiteRules(name="slow", hosts=(host,), fields=(FieldRule("growth", css=SLOW_SELECTOR),))


def slow_config(start_url: str) -> str:
    """The same site as an etl.toml `[[sites]]` entry."""
    return (
        f'[[sites]]\nname = "slow"\nstart_urls = ["{start_url}"]\n'
        f'fields.growth = {{ css = "{SLOW_SELECTOR}" }}\n'
    )
