"""A site's own field rules (`[[sites]]` `fields` in the config): overrides, no code.

    [[sites]]
    name = "acme"
    start_urls = ["https://careers.acme.example/sitemap.xml"]
    default_currency = "AUD"
    fields.salary_median = { css = ".pay-box .median" }
    fields.growth = { label = "Employment prospects" }
    fields.duties = { css = "#tasks li" }

A rule names where one field's value is on that site's pages: a CSS `css`
selector (a scalar field takes the first match's text, a list field every
match's text), or a `label` to look for (its value is read the way the label
reader reads any label: the `<dd>`, the next cell, the next element, the rest
of a "Label: value" line, or the list under it). A rule overrides whatever the
generic readers found for its field, also when the page has nothing there (the
field is then empty): the rule says where the value lives. A rule for any pay
field replaces the whole pay group (fields without a rule are emptied, so low,
median and high never come from different places); a label rule's label is
the pay's context (a "Weekly pay" label states the period).

Everything here is plain frozen data, picklable for worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.settings import SITE_RULE_FIELDS, Settings
from extract.parse.fields import normalize_label
from extract.parse.page import index_page
from extract.parse.sections import duty_items, sections_for, skill_items
from extract.parse.text import clean, next_element, text_of
from extract.records import RawCareer
from extract.urls import canonicalize

SCALAR_FIELDS: tuple[str, ...] = (
    "title", "category", "summary", "salary_low", "salary_median", "salary_high", "growth",
    "outlook", "workers", "education", "environment",
)  # fmt: skip
LIST_FIELDS: tuple[str, ...] = ("duties", "technical_skills", "people_skills", "tools")
FIELDS: tuple[str, ...] = SCALAR_FIELDS + LIST_FIELDS
assert set(FIELDS) == set(SITE_RULE_FIELDS)
_PAY = ("salary_low", "salary_median", "salary_high")


@dataclass(frozen=True, slots=True)
class FieldRule:
    field: str  # one of FIELDS
    css: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class SiteRules:
    """What one site's profile says about reading its pages."""

    name: str
    hosts: tuple[str, ...]  # host[:port] of its start URLs
    pattern: str | None = None  # its profile pattern: which of a shared host's pages are its
    fields: tuple[FieldRule, ...] = ()
    default_currency: str | None = None


def from_settings(settings: Settings) -> tuple[SiteRules, ...]:
    """The parse-time part of every configured site: plain frozen values for workers."""
    out = []
    for site in settings.sources:
        fields = tuple(
            FieldRule(field, rule.css, rule.label) for field, rule in site.fields.items()
        )
        currency = site.default_currency if site is not settings.source else None
        if not fields and currency is None:
            continue  # nothing to say beyond the generic reader and the run's default
        hosts = tuple(dict.fromkeys(urlsplit(canonicalize(str(u))).netloc for u in site.start_urls))
        out.append(SiteRules(site.name or hosts[0], hosts, site.profile_pattern, fields, currency))
    return tuple(out)


def rules_for(url: str, sites: Sequence[SiteRules]) -> SiteRules | None:
    """The site a page belongs to: by host, and by profile pattern when sites share a host."""
    host = urlsplit(url).netloc.lower()
    mine = [s for s in sites if host in s.hosts]
    for site in mine:
        if site.pattern and re.search(site.pattern, url):
            return site
    return mine[0] if mine else None


def apply(career: RawCareer, tree: LexborHTMLParser, url: str, site: SiteRules) -> RawCareer:
    """`career` with every field the site has a rule for read by that rule."""
    if not site.fields:
        return career
    changes: dict[str, Any] = {}
    rules: list[tuple[str, str]] = []
    contexts: list[str] = []
    for rule in site.fields:
        if rule.css is not None:
            nodes = tree.css(rule.css)
            how = f"site:css({rule.css})"
            if rule.field in LIST_FIELDS:
                value: Any = tuple(t for n in nodes if (t := text_of(n, 200)))
            else:
                value = text_of(nodes[0], 200) or None if nodes else None
        else:
            label = rule.label or ""
            how = f"site:label({label})"
            value = _by_label(tree, label, rule.field)
            if rule.field in _PAY:
                contexts.append(label)
        changes[rule.field] = value
        rules.append((rule.field, how))
    if any(f in changes for f in _PAY):
        for f in _PAY:
            changes.setdefault(f, None)
        shown = [changes[f] for f in _PAY if changes[f]]
        changes["salary_text"] = " | ".join(shown) or None
        changes["salary_context"] = " | ".join(contexts) or None
        changes["currency_hint"] = None
    if "title" in changes and not changes["title"]:
        changes.pop("title")  # a page still needs a title: keep the reader's
    kept = tuple(r for r in career.rules if r[0] not in changes)
    parsers = career.parser.split("+")
    if "site/1" not in parsers:
        parsers.append("site/1")
    return replace(career, **changes, rules=kept + tuple(rules), parser="+".join(parsers))


def _by_label(tree: LexborHTMLParser, label: str, field: str) -> str | tuple[str, ...] | None:
    """The value beside the first element whose text is `label` (case and punctuation aside)."""
    wanted = normalize_label(label)
    index = index_page(tree)
    for i, el in enumerate(index.elements):
        if index.sizes[i] > 12 or normalize_label(text_of(el, 12)) != wanted:
            continue
        if field in LIST_FIELDS:
            section = sections_for(el, index)
            items = duty_items(section) if field == "duties" else skill_items(section)
            if items:
                return items
            continue
        value = _beside(el)
        if value:
            return value
    return () if field in LIST_FIELDS else None


def _beside(el: LexborNode) -> str | None:
    if el.tag in {"th", "td"}:
        cell = next_element(el)
        return text_of(cell, 200) or None if cell is not None else None
    sib = next_element(el)
    if sib is not None and (el.tag != "dt" or sib.tag == "dd"):
        text = text_of(sib, 200)
        if text:
            return text
    parent = el.parent
    if parent is not None:
        whole, own = text_of(parent, 200), text_of(el, 12)
        if whole.startswith(own) and len(whole) > len(own):
            return clean(whole[len(own) :].lstrip(" :–—-")) or None
    return None
