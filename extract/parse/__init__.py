"""Parse one HTML page into a `RawCareer`: pure functions, no I/O.

The page is parsed once with selectolax (lexbor). Sources are tried in order,
each filling only the field groups the ones before it did not settle (see
`draft.fill`), and every value keeps the rule that found it in `rules`:

1. a site template that recognizes the page by its content (sample site,
   OOH, NCS) -- authoritative for what it settles;
2. schema.org Occupation/JobPosting JSON-LD, wherever the page carries it;
3. the label-based reader, for pages no template knows and for the fields a
   template's selectors no longer find (a redesign lowers accuracy a little
   instead of turning columns into nulls).

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
from extract.parse import codes, jsonld, labels, listing
from extract.parse.draft import GROUPS, fill, settled_groups
from extract.records import RawCareer

log = logging.getLogger(__name__)


class TemplateParser(Protocol):
    """A parser for one site template.

    `parse` records a rule for every field it settles, also when it settles it
    as empty on purpose (e.g. an education placeholder), so the label fallback
    leaves that field alone; fields without a rule and without a value are
    open to the fallback.
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
    html: str, url: str, *, templates: bool = True, structured: bool = True
) -> RawCareer:
    """Parse `html` (served at `url`) into a `RawCareer`.

    `templates=False, structured=False` leaves the label reader alone (to
    measure it). Raises `NotACareerPage` for listings and other non-profile
    pages and `ParseError` for profile pages that cannot be read; nothing else.
    """
    try:
        tree = LexborHTMLParser(html)
    except Exception as exc:  # selectolax raises bare errors on hostile input
        raise ParseError(f"unreadable HTML: {exc}", url=url) from exc
    try:
        career = _with_code(_parse_tree(tree, url, templates=templates, structured=structured),
                            tree, url)
    except ParseError as exc:
        log.debug("not parsed %s: %s", url, exc)
        raise
    except Exception as exc:
        # A parser bug on hostile markup must not take the batch down: it is this page's
        # parse failure, reported with its type so the bug can be found and fixed.
        raise ParseError(f"parser failed: {type(exc).__name__}: {exc}", url=url) from exc
    log.debug("parsed %s with %s: %s", url, career.parser, career.rules)
    return career


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
    tree: LexborHTMLParser, url: str, *, templates: bool, structured: bool
) -> RawCareer:
    career: RawCareer | None = None
    if templates:
        for parser in _parsers():
            if parser.matches(tree, url):
                career = parser.parse(tree, url)
                break
    if structured:
        found = jsonld.read(tree, url)
        if found is not None:
            career = found if career is None else fill(career, found)
    if career is not None and settled_groups(career) >= set(GROUPS):
        return career
    if career is None and listing.not_for_collection(tree):
        raise NotACareerPage("the page asks not to be indexed (print view, duplicate)", url=url)
    by_labels = labels.read(tree, url)
    if career is not None:
        career = fill(career, by_labels)
        if not career.title:
            if not by_labels.title:
                raise ParseError("no title", url=url, field="title")
            career = replace(career, title=by_labels.title)
        return career
    if listing.looks_like_listing(tree, labels.evidence(by_labels)):
        raise NotACareerPage("no career profile found on this page", url=url)
    if not by_labels.title:
        raise ParseError("career facts found but no title", url=url, field="title")
    return by_labels
