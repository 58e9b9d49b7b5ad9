"""Parse speed and field accuracy over the real fixtures, the corpus and hostile pages.

    python -m benchmarks.parse [--rounds N] [--hostile]

Prints pages/second of `parse_page` (one selectolax parse per page) on the real
pages (templates, and the label reader alone) and on the imitation corpus
(tests/corpus, in-sample and held-out layouts), then the per-field accuracy
against expected.jsonl for the templates, the label reader alone, and the same
pages with ids/classes stripped or redesigned. `--hostile` adds the CPU seconds
of single 1 MB hostile pages (deep or unclosed nesting), which must stay
linear: time grows with size, not with its square.
"""

from __future__ import annotations

import argparse
import time
from contextlib import suppress

from extract.errors import ParseError
from extract.parse import parse_page
from tests.parse.golden import (
    CHECKS,
    accuracy,
    compare,
    real_pages,
    redesign,
    strip_ids_and_classes,
)

HOSTILE = {
    "nested divs": "<div>" * 200_000 + "<h1>Deep</h1><p>Salary: $1k</p>",
    "unclosed dl": "<h1>Nurse</h1>" + "<dl><dt>Median pay<dd>$50,000" * 40_000,
    "unclosed tables": "<h1>Nurse</h1>" + "<table><tr><th>Median pay<td>$50,000" * 30_000,
    "headings and lists": "<h1>Nurse</h1>" + "<h2>Duties</h2><p>x</p><ul><li>a<li>b" * 30_000,
    "nested lists": "<h1>Nurse</h1><h2>Skills</h2>" + "<ul><li>skill" * 60_000,
    "nested details": "<h1>Nurse</h1>" + "<details><summary>Tasks</summary><div>x" * 40_000,
    "nested spans": "<span>" * 150_000 + "<h1>Deep</h1>",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the 31 pages (default 5)")
    ap.add_argument("--hostile", action="store_true", help="also time 1 MB hostile pages")
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
    from tests.corpus import IN_SAMPLE, build_corpus
    from tests.corpus.heldout import HELD_OUT

    corpus = build_corpus(1, 6, (*IN_SAMPLE, *HELD_OUT)).pages
    start = time.perf_counter()
    for _ in range(args.rounds):
        for cp in corpus:
            with suppress(ParseError):
                parse_page(cp.html, "http://127.0.0.1:8000" + cp.path)
    secs = time.perf_counter() - start
    n = args.rounds * len(corpus)
    kib = sum(len(cp.html) for cp in corpus) / len(corpus) / 1024
    print(f"{'corpus':13s} {n / secs:7.1f} pages/s  {secs / n * 1000:5.1f} ms/page  "
          f"({kib:.0f} KiB/page avg, {len(corpus)} pages of 13 layouts)")  # fmt: skip
    if args.hostile:
        print()
        for name, html in HOSTILE.items():
            start = time.process_time()
            with suppress(ParseError):
                parse_page(html, "https://example.org/x")
            print(f"{name:24s} {len(html) / 1e6:4.2f} MB  {time.process_time() - start:6.2f} s CPU")
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
