"""Batches: normalizing pages batch by batch, then combining, gives the tables of one pass."""

from __future__ import annotations

import random
from dataclasses import replace

import pandas as pd
import pytest

from extract.parse import parse_page
from extract.records import FetchedPage, Outcome, ParsedPage
from sample_site.data import load_site
from sample_site.render import profile_path, site_pages
from transform.build import build_tables, combine, normalize_batch

RUN = "20261128T060000Z-ab12cd"
BASE = "http://careers.test"


def sample_pages() -> list[ParsedPage]:
    """The sample site's profiles parsed, a failed fetch, a skipped page, and one career
    twice: under its URL and under a second URL that gives the same career_id."""
    site = load_site()
    pages = site_pages(site, BASE)
    parsed = []
    for career in site.careers[:30]:
        url = BASE + profile_path(career.slug)
        body = pages[profile_path(career.slug)].body.decode()
        page = FetchedPage(url=url, outcome=Outcome.PARSED, status=200, content_sha256="a" * 64)
        parsed.append(ParsedPage(page=page, outcome=Outcome.PARSED, career=parse_page(body, url)))
    twin = parsed[5]
    again = BASE + profile_path(site.careers[5].slug) + "?ref=index"  # same career_id, later URL
    parsed.append(replace(twin, page=replace(twin.page, url=again),
                          career=replace(twin.career, url=again) if twin.career else None))
    parsed.append(ParsedPage(page=FetchedPage(url=BASE + "/gone", outcome=Outcome.FAILED_FETCH,
                                              status=404, error="HTTP 404"),
                             outcome=Outcome.FAILED_FETCH, error="HTTP 404"))
    parsed.append(ParsedPage(page=FetchedPage(url=BASE + "/careers/", outcome=Outcome.PARSED),
                             outcome=Outcome.SKIPPED, error="an index"))
    return parsed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_batches_in_any_order_give_the_one_pass_tables(seed: int) -> None:
    pages = sample_pages()
    whole = build_tables(pages, run_id=RUN)
    shuffled = pages[:]
    random.Random(seed).shuffle(shuffled)
    cuts = sorted(random.Random(seed).sample(range(1, len(shuffled)), 4))
    batches = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)], strict=True)]
    combined = combine([normalize_batch(b) for b in batches], run_id=RUN)
    for name, frame in whole.frames().items():
        pd.testing.assert_frame_equal(combined.frames()[name], frame, obj=name)
    assert combined.quality == whole.quality
    dup = combined.rejects[combined.rejects["rule"] == "duplicate_key"]
    assert list(dup["key"]) == [whole.careers["career_id"].iloc[0].split("/")[0] + "/"
                                + load_site().careers[5].slug]


def test_no_batch_at_all_is_an_empty_run() -> None:
    tables = combine([normalize_batch([])], run_id=RUN)
    assert [len(f) for f in tables.frames().values()] == [0, 0, 0, 0, 0]
