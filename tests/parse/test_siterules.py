"""A site's own field rules override the generic reader for that site only (issue 10)."""

from __future__ import annotations

import pickle

import pytest

from core.config import load_settings
from core.errors import UserError
from extract.parse import parse_page
from extract.parse.siterules import FieldRule, SiteRules, from_settings, rules_for

URL = "https://careers.acme.example/jobs/nurse"
# A page the generic reader gets wrong on purpose: two pay boxes with one label, the other
# job's first; the outlook under a label no vocabulary has; duties in a plain list.
PAGE = """<html lang="en"><head><title>Nurse | Acme</title></head><body><h1>Nurse</h1>
<div class="pay-box"><div class="other-job"><span>Pay</span> <b class="amount">$95,000</b></div>
<div class="this-job"><span>Pay</span> <b class="amount">$1,650</b></div></div>
<p class="lead">Weekly pay</p>
<dl><dt>Employment prospects</dt><dd>Strong</dd><dt>Number of jobs</dt><dd>96,100</dd></dl>
<ul id="what-you-do"><li>Assess patients</li><li>Give medicine</li></ul>
</body></html>"""
SITE = SiteRules(
    name="acme",
    hosts=("careers.acme.example",),
    fields=(
        FieldRule("salary_median", css=".pay-box .this-job .amount"),
        FieldRule("growth", label="Employment prospects"),
        FieldRule("duties", css="#what-you-do li"),
    ),
    default_currency="AUD",
)


def test_without_rules_the_generic_reader_gets_this_site_wrong() -> None:
    c = parse_page(PAGE, URL)
    assert c.salary_median != "$1,650"
    assert c.duties != ("Assess patients", "Give medicine")


def test_rules_override_field_by_field_and_say_so() -> None:
    c = parse_page(PAGE, URL, site=SITE)
    assert c.salary_median == "$1,650"
    assert (c.salary_low, c.salary_high) == (None, None)  # the pay group is the rule's
    assert c.growth == "Strong"
    assert c.duties == ("Assess patients", "Give medicine")
    assert c.workers == "96,100"  # fields without a rule: still the generic reader's
    assert c.currency_hint == "AUD"  # the page states none: the site's default
    rules = dict(c.rules)
    assert rules["salary_median"] == "site:css(.pay-box .this-job .amount)"
    assert rules["growth"] == "site:label(Employment prospects)"
    assert c.parser.endswith("+site/1")


def test_a_label_rule_for_pay_gives_its_label_as_the_context() -> None:
    site = SiteRules("acme", ("careers.acme.example",),
                     fields=(FieldRule("salary_median", label="Weekly pay"),))  # fmt: skip
    page = PAGE.replace('<p class="lead">Weekly pay</p>', "<p>Weekly pay</p><p>$1,650</p>")
    c = parse_page(page, URL, site=site)
    assert (c.salary_median, c.salary_context) == ("$1,650", "Weekly pay")


def test_a_rule_that_finds_nothing_empties_its_field() -> None:
    site = SiteRules("acme", ("careers.acme.example",), fields=(FieldRule("workers", css=".no"),))
    assert parse_page(PAGE, URL, site=site).workers is None


def test_rules_apply_to_their_site_only() -> None:
    other = SiteRules("other", ("other.example",), pattern=r"/x/")
    mine = SiteRules("acme", ("careers.acme.example",), pattern=r"/jobs/")
    shared = SiteRules("acme-blog", ("careers.acme.example",), pattern=r"/blog/")
    assert rules_for(URL, (other, shared, mine)) is mine
    assert rules_for("https://careers.acme.example/about", (shared, mine)) is shared  # first
    assert rules_for("https://elsewhere.example/jobs/nurse", (other, mine)) is None


def test_settings_become_plain_picklable_rules(tmp_path) -> None:
    config = tmp_path / "etl.toml"
    config.write_text(
        '[[sites]]\nname = "acme"\nstart_urls = ["https://careers.acme.example/sitemap.xml"]\n'
        'default_currency = "AUD"\nprofile_pattern = "/jobs/"\n'
        'fields.salary_median = { css = ".pay-box .this-job .amount" }\n'
        'fields.growth = { label = "Employment prospects" }\n'
        '[[sites]]\nname = "plain"\nstart_urls = ["https://plain.example/"]\n'
    )
    rules = from_settings(load_settings(config_file=config))
    assert rules == (
        SiteRules(
            "acme", ("careers.acme.example",), "/jobs/",
            (FieldRule("salary_median", css=".pay-box .this-job .amount"),
             FieldRule("growth", label="Employment prospects")),
            "AUD",
        ),
    )  # fmt: skip
    assert pickle.loads(pickle.dumps(rules)) == rules  # worker processes get them as values


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ('fields.pay = { css = "p" }', "sites.0.fields: unknown field 'pay'"),
        ('fields.growth = { css = "p", label = "x" }', "give exactly one of css or label"),
        ("fields.growth = {}", "give exactly one of css or label"),
        ('fields.growth = { css = "p[" }', "not a CSS selector"),
        ('fields.growth = { label = "" }', "sites.0.fields.growth.label"),
        ('default_currency = "aud"', "sites.0.default_currency"),
    ],
)
def test_bad_rules_are_one_line_naming_the_key(tmp_path, fields: str, message: str) -> None:
    config = tmp_path / "etl.toml"
    config.write_text(f'[[sites]]\nstart_urls = ["https://a.example/"]\n{fields}\n')
    with pytest.raises(UserError) as excinfo:
        load_settings(config_file=config)
    assert message in str(excinfo.value)
    assert "\n" not in str(excinfo.value)
