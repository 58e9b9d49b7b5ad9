"""The bundled sample career site: data, rendering, a local HTTP server and the test truth.

    from sample_site import SampleSite
    with SampleSite() as site:
        crawl(site.url("/sitemap.xml"))

`careers.json` is the one data file; `sample_site.truth` derives every expected
parse and table row from it. `python -m sample_site` serves the site until Ctrl-C.
"""

from sample_site.server import RequestRecord, SampleSite

__all__ = ["RequestRecord", "SampleSite"]
