"""Parse a batch of fetched pages from the raw store: the step between fetch and transform.

Reads each stored body, decodes it, parses it, and settles the page's final
outcome. One bad page becomes a `failed_parse` (or `skipped`) record with its
reason; it never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from extract.encoding import decode_body
from extract.errors import ExtractError, NotACareerPage
from extract.parse import parse_page
from extract.parse.siterules import SiteRules, rules_for
from extract.rawstore import RawStore, RawStoreError
from extract.records import FetchedPage, Outcome, ParsedPage

log = logging.getLogger(__name__)


def parse_fetched_pages(
    pages: Sequence[FetchedPage], store: RawStore, *, sites: Sequence[SiteRules] = ()
) -> list[ParsedPage]:
    """Parse each stored body; `sites` are the configured sites' own reading rules."""
    return [parse_one(page, store, sites) for page in pages]


def parse_one(
    page: FetchedPage, store: RawStore | None, sites: Sequence[SiteRules] = ()
) -> ParsedPage:
    """One page's final record; `store` may be None for a page without a body."""
    if not page.has_body or page.content_sha256 is None or store is None:
        return ParsedPage(page=page, outcome=page.outcome, error=page.error)
    url = page.final_url or page.url
    try:
        body = store.get(page.content_sha256, host=page.url)
    except RawStoreError as exc:
        # Not the page's fault: the body was fetched but cannot be read back (deleted or
        # damaged on disk). Transient, so the career keeps its previous rows.
        return ParsedPage(
            page=replace(page, transient=True), outcome=Outcome.FAILED_PARSE,
            error=f"stored body unreadable: {exc}",
        )
    try:
        career = parse_page(decode_body(body, page.content_type), url, site=rules_for(url, sites))
    except NotACareerPage as exc:
        return ParsedPage(page=page, outcome=Outcome.SKIPPED, error=str(exc))
    except ExtractError as exc:
        return ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error=str(exc))
    except Exception as exc:  # a bug or a pathological page: this page fails, not the batch
        log.warning("unexpected error parsing %s", page.url, exc_info=True)
        error = f"parse failed: {type(exc).__name__}: {exc}"
        return ParsedPage(page=page, outcome=Outcome.FAILED_PARSE, error=error)
    log.debug("parsed %s with %s: %s", page.url, career.parser, dict(career.rules))
    outcome = Outcome.NOT_MODIFIED if page.outcome is Outcome.NOT_MODIFIED else Outcome.PARSED
    return ParsedPage(page=page, outcome=outcome, career=career, parser=career.parser)
