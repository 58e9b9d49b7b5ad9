"""Parse one HTML page into a `RawCareer`: pure functions, no I/O.

The page is parsed once with selectolax (lexbor), after `depth.bounded` has
flattened pathological nesting. For the label reader, what a browser shows but
the tree holds as no text is written out as elements (`_as_markup`: web
components' attributes, a print view's `<pre>`, an SVG chart's figures) and the
page parsed again when that changed it. Sources are tried in order, each filling only
the field groups the ones before it did not settle (see `draft.fill`), and
every value keeps the rule that found it in `rules`:

1. a site template that recognizes the page by its content (sample site,
   OOH, NCS) -- authoritative for what it settles;
2. schema.org Occupation/JobPosting: JSON-LD, then microdata/RDFa;
3. the label-based reader, for pages no template knows and for the fields a
   template's selectors no longer find (a redesign lowers accuracy a little
   instead of turning columns into nulls);
4. embedded page state (Next.js, Nuxt, `window.__STATE__` JSON, props in an attribute),
   for what the visible page does not show (a skeleton page shows nothing).

Then a site's own rules (`[[sites]]` `fields`, see `siterules.py`) override
the fields they name, and a page with pay but no stated currency gets the
currency its locale or domain implies, else the site's `default_currency`.

A page no template claims must show at least two career facts, not read as a
link list and not ask robots not to index it (a print view, a duplicate), or
it is a `NotACareerPage` (recorded as `skipped`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser

from extract.errors import NotACareerPage, ParseError
from extract.parse import (
    aria,
    attributes,
    charts,
    codes,
    columns,
    components,
    depth,
    embedded,
    inert,
    jsonld,
    labels,
    listing,
    meta,
    microdata,
    preformatted,
    siterules,
    transcript,
)
from extract.parse.draft import GROUPS, fill, settled_groups
from extract.parse.page import index_page
from extract.parse.siterules import SiteRules
from extract.records import RawCareer

log = logging.getLogger(__name__)


class TemplateParser(Protocol):
    """A parser for one site template.

    `parse` records a rule for every field it settles, also when it settles it
    as empty on purpose (e.g. an education placeholder), so the label fallback
    leaves that field alone; fields without a rule and without a value are
    open to the fallback. A template may also name, as `unpublished`, the field
    groups its site has no place for at all; those are not looked for elsewhere.
    """

    name: str
    version: str

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        """True when this template recognizes the page (by content, not only host)."""
        ...

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        """Read the career; raise `ParseError` naming the field when it cannot."""
        ...


def _parsers() -> tuple[TemplateParser, ...]:
    from extract.parse.ncs import PARSER as ncs
    from extract.parse.ooh import PARSER as ooh
    from extract.parse.sample import PARSER as sample

    return (sample, ooh, ncs)


def parse_page(
    html: str,
    url: str,
    *,
    templates: bool = True,
    structured: bool = True,
    site: SiteRules | None = None,
) -> RawCareer:
    """Parse `html` (served at `url`) into a `RawCareer`.

    `templates=False, structured=False` leaves the label reader alone (to
    measure it). `site` carries the site's own field rules and default currency.
    Raises `NotACareerPage` for listings and other non-profile pages and
    `ParseError` for profile pages that cannot be read; nothing else.
    """
    try:
        text = depth.bounded(html)
        tree = LexborHTMLParser(text)
    except Exception as exc:  # selectolax raises bare errors on hostile input
        raise ParseError(f"unreadable HTML: {exc}", url=url) from exc
    try:
        career = _with_code(
            _parse_tree(tree, url, templates=templates, structured=structured, site=site,
                        text=text),
            tree,
            url,
        )  # fmt: skip
    except ParseError as exc:
        log.debug("not parsed %s: %s", url, exc)
        raise
    except Exception as exc:
        # A parser bug on hostile markup must not take the batch down: it is this page's
        # parse failure, reported with its type so the bug can be found and fixed.
        raise ParseError(f"parser failed: {type(exc).__name__}: {exc}", url=url) from exc
    log.debug("parsed %s with %s: %s", url, career.parser, career.rules)
    return career


def _as_markup(html: str) -> str:
    """Web components, inert content (templates, noscript, srcdoc), words in attributes
    (abbreviations, read-only inputs, card metas), ARIA tables of divs, a print view's
    `<pre>`, a chart's figures and a transcript's cues as plain elements."""
    text = attributes.plain(inert.plain(components.plain(html)))
    return transcript.plain(charts.plain(preformatted.plain(aria.plain(text))))


def _for_labels(tree: LexborHTMLParser, text: str) -> LexborHTMLParser:
    """The tree the label reader reads: the page parsed again when `_as_markup` rewrites
    it (rare; a page a template settles pays nothing, not even the look), and columns of
    labels and values paired by order as a definition list."""
    plain = _as_markup(text) if text else text
    rewritten = tree if plain is text or plain == text else LexborHTMLParser(plain)
    return columns.paired(rewritten)


def _with_code(career: RawCareer, tree: LexborHTMLParser, url: str) -> RawCareer:
    """The career with the occupation code its page states or links, if any."""
    found = codes.occupation_code(tree, url)
    if found is None:
        return career
    return replace(
        career,
        occupation_code=found.code,
        occupation_code_system=found.system or None,
        rules=(*career.rules, ("occupation_code", f"codes:{found.rule}")),
    )


def _parse_tree(
    tree: LexborHTMLParser,
    url: str,
    *,
    templates: bool,
    structured: bool,
    site: SiteRules | None,
    text: str = "",
) -> RawCareer:
    career: RawCareer | None = None
    claimed = False
    done: frozenset[str] = frozenset()  # groups the claiming template publishes nowhere
    if templates:
        for parser in _parsers():
            if parser.matches(tree, url):
                career = parser.parse(tree, url)
                claimed = True
                done = getattr(parser, "unpublished", frozenset())
                if meta.generic_title(career.title):  # "Job profile": read the page's subject
                    career = replace(career, title=meta.title(tree))
                break
    if structured and (career is None or settled_groups(career) < set(GROUPS)):
        # (a page its template settles whole is not searched for data it would not take)
        for reader in (jsonld.read, microdata.read):
            found = reader(tree, url)
            if found is not None:
                career = found if career is None else fill(career, found)
    if career is None and listing.not_for_collection(tree):
        raise NotACareerPage("the page asks not to be indexed (print view, duplicate)", url=url)
    if career is None or settled_groups(career) | done < set(GROUPS):
        tree = _for_labels(tree, text)
        page = index_page(tree)
        wanted = None if career is None else frozenset(GROUPS) - settled_groups(career) - done
        by_labels = labels.read(tree, url, page, wanted)
        career = by_labels if career is None else _with_title(fill(career, by_labels), by_labels)
    if structured and settled_groups(career) | done < set(GROUPS):
        state = embedded.read(tree, url, not text or embedded.json_in_attributes(text))
        if state is not None:
            career = _with_title(fill(career, state), state)
            if state.title and (("title", "labels:title-tag") in career.rules or not career.title):
                career = replace(career, title=state.title)  # the data names it, not the tab
    if site is not None:
        career = siterules.apply(career, tree, url, site)
    structured_data = career.parser.startswith(("jsonld", "microdata"))
    if not (claimed or structured_data) and listing.looks_like_listing(
        tree, labels.evidence(career)
    ):
        raise NotACareerPage("no career profile found on this page", url=url)
    if not career.title:
        raise ParseError("career facts found but no title", url=url, field="title")
    return _with_currency(career, tree, url, site)


def _with_title(career: RawCareer, other: RawCareer) -> RawCareer:
    return career if career.title or not other.title else replace(career, title=other.title)


def _with_currency(
    career: RawCareer, tree: LexborHTMLParser, url: str, site: SiteRules | None
) -> RawCareer:
    """A page with pay and no stated currency: its locale's, else its site's default."""
    if career.currency_hint or not (
        career.salary_low or career.salary_median or career.salary_high or career.salary_text
    ):
        return career
    found = meta.currency_hint(tree, url)
    if found is None and site is not None and site.default_currency:
        found = (site.default_currency, "site:default_currency")
    if found is None:
        return career
    code, rule = found
    return replace(career, currency_hint=code, rules=(*career.rules, ("currency_hint", rule)))
