"""Parse speed and field accuracy over the real fixtures.

    python -m benchmarks.parse [--rounds N]

Prints pages/second of `parse_page` (one selectolax parse per page) and the
per-field accuracy against expected.jsonl for the templates, the label reader
alone, and the same pages with ids/classes stripped or redesigned.
"""

from __future__ import annotations

import argparse
import time

from extract.parse import parse_page
from tests.parse.golden import (
    CHECKS,
    accuracy,
    compare,
    real_pages,
    redesign,
    strip_ids_and_classes,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the 31 pages (default 5)")
    args = ap.parse_args()
    pages = real_pages()
    size = sum(len(p.html) for p in pages)
    for label, kwargs in (
        ("templates", {}),
        ("labels alone", {"templates": False, "structured": False}),
    ):
        start = time.perf_counter()
        for _ in range(args.rounds):
            for p in pages:
                parse_page(p.html, p.url, **kwargs)
        secs = time.perf_counter() - start
        n = args.rounds * len(pages)
        print(
            f"{label:13s} {n / secs:7.1f} pages/s  {secs / n * 1000:5.1f} ms/page  "
            f"({size / len(pages) / 1024:.0f} KiB/page avg)"
        )
    print()
    runs = {
        "templates": [compare(parse_page(p.html, p.url), p.expected) for p in pages],
        "labels alone": [
            compare(parse_page(p.html, p.url, templates=False, structured=False), p.expected)
            for p in pages
        ],
        "no ids/classes": [
            compare(parse_page(strip_ids_and_classes(p.html), p.url), p.expected) for p in pages
        ],
        "redesign": [compare(parse_page(redesign(p.html), p.url), p.expected) for p in pages],
    }
    fields = [*CHECKS, "all"]
    print(f"{'field':16s}" + "".join(f"{name:>16s}" for name in runs))
    accs = {name: accuracy(results) for name, results in runs.items()}
    for field in fields:
        print(f"{field:16s}" + "".join(f"{accs[name][field]:16.3f}" for name in runs))


if __name__ == "__main__":
    main()
