"""Make the run's sources live: with no start URLs, serve the bundled sample site.

This runs inside the flow, so an ad hoc run and a scheduled deployment run
behave the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from core.settings import Settings
from flows.events import log
from sample_site.server import SampleSite

# The bundled sample site is ours and local: crawl it briskly, politely all the same.
SAMPLE_SITE_CRAWL = {"per_host_delay": 0.01, "delay_jitter": 0.0}
# Its "all jobs" index links profiles (and a draft robots.txt forbids) among nav links.
SAMPLE_PROFILES = r"/(careers|drafts)/[a-z0-9-]+$"


# The bundled site prefers one port, so its URLs (and so its data) are the same from one
# run to the next and a re-run revalidates instead of re-downloading; any free port will do
# when that one is taken.
SAMPLE_SITE_PORT = 47817


def _serve_sample_site() -> SampleSite:
    try:
        return SampleSite(port=SAMPLE_SITE_PORT)
    except OSError:
        return SampleSite()


@contextmanager
def live_sources(settings: Settings) -> Iterator[Settings]:
    """Yield settings whose sources can be crawled now."""
    if settings.sources:
        yield settings
        return
    with _serve_sample_site() as site:
        log.info("serving the bundled sample career site at %s", site.base_url)
        data = settings.model_dump()
        data["source"].update(start_urls=[site.url("/careers/")], profile_pattern=SAMPLE_PROFILES)
        # Brisk defaults for our own local site, unless the user chose a pace.
        chosen = settings.crawl.model_fields_set
        data["crawl"].update({k: v for k, v in SAMPLE_SITE_CRAWL.items() if k not in chosen})
        yield Settings.model_validate(data)
