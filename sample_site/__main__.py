"""Serve the sample site until Ctrl-C: `python -m sample_site [--port N]`."""

from __future__ import annotations

import argparse
import threading

from sample_site.server import SampleSite


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m sample_site", description="Serve the bundled sample career site."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    args = parser.parse_args(argv)
    with SampleSite(host=args.host, port=args.port) as site:
        print(f"Sample career site at {site.base_url}/  (index {site.url('/careers/')},")
        print(f"sitemap {site.url('/sitemap.xml')}); press Ctrl-C to stop.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped")


if __name__ == "__main__":
    main()
