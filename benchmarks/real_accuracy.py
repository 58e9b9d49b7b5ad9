"""Field accuracy of the published tables on the real pages (reference/real).

    python -m benchmarks.real_accuracy [--flow]

Prints one table per mode, scored by `tests.real_scoring` (the scoring the
end-to-end test asserts with): per field, expected values found exactly,
and expected nulls left null.

- pipeline: template parsers, JSON-LD and the label fallback, as ingest runs
  them; the pages parsed in-process and built by transform. With `--flow`,
  the real Prefect flow crawls the pages served on 127.0.0.1 through a
  sitemap instead (a temporary Prefect home; the first run starts Prefect's
  ephemeral server, ~20 s).
- labels alone: `parse_page(..., templates=False, structured=False)`, then
  the same transform and scoring.

`--variants` adds both modes on the pages with every id and class removed and
on the "redesign" of `tests/parse/golden.py` (ids, classes and the wording
the templates anchor on changed).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from tests.parse.golden import redesign, strip_ids_and_classes
from tests.real_scoring import Score, score, score_tables, tables_in_process


def _by_flow(workdir: Path) -> Score:
    from flows.prefect_env import apply_prefect_defaults

    apply_prefect_defaults(home=workdir / "prefect-home")
    from core.config import load_settings
    from flows.ingest_flow import ingest
    from load import read
    from tests.realsite import real_site

    data_dir = workdir / "data"
    with real_site() as server:
        settings = load_settings(
            overrides={
                "data_dir": data_dir,
                "source.start_urls": [server.url("/sitemap.xml")],
                "crawl.per_host_delay": 0.0,
                "crawl.delay_jitter": 0.0,
            }
        )
        summary = asyncio.run(ingest(settings))
    version = summary.version
    if not summary.published or version is None:
        raise SystemExit(f"the flow published nothing: {summary.reason}")
    return score_tables(
        read("careers", version, data_dir=data_dir),
        read("career_skills", version, data_dir=data_dir),
        read("career_duties", version, data_dir=data_dir),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--flow", action="store_true", help="run the Prefect flow for the pipeline")
    ap.add_argument("--variants", action="store_true", help="also on stripped/redesigned pages")
    args = ap.parse_args()
    if args.flow:
        with tempfile.TemporaryDirectory() as tmp:
            pipeline = _by_flow(Path(tmp))
        title = "pipeline (Prefect flow, pages over HTTP from a sitemap)"
    else:
        pipeline = score(tables_in_process())
        title = "pipeline (templates + JSON-LD + labels, in-process)"
    print(pipeline.render(title))
    print()
    print(score(tables_in_process(templates=False, structured=False)).render("labels alone"))
    if not args.variants:
        return
    for name, rewrite in (("no ids/classes", strip_ids_and_classes), ("redesign", redesign)):
        for mode, on in (("pipeline", True), ("labels alone", False)):
            print()
            tables = tables_in_process(templates=on, structured=on, rewrite=rewrite)
            print(score(tables).render(f"{mode}, {name}"))


if __name__ == "__main__":
    main()
