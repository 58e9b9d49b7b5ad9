"""Field accuracy on the imitation corpus (tests/corpus), per layout and per field.

    python -m benchmarks.corpus_accuracy [--seeds 1 2 3] [--per-layout 6] [--held-out]
                                         [--in-process] [--misses N]

For each seed the corpus is rendered, served on 127.0.0.1 (one site per
layout, each with a sitemap) and ingested by the real Prefect flow into a
temporary data dir (a temporary Prefect home; Prefect's ephemeral server
starts once, ~20 s); the published tables are read back and scored by
`tests.corpus.scoring` against the truth computed from the corpus alone
(the quality gates are opened so that a rejected career counts as a miss
instead of stopping the run).
`--in-process` parses and transforms without HTTP or Prefect (a quick loop).
`--held-out` scores the held-out layouts (tests/corpus/heldout.py) instead;
`--round 2` the second set, written after the first was scored and fixed, `--round 3`
the third, written after the second was, `--round 4` the fourth (tests/corpus/heldout4.py),
`--round 5` the fifth (tests/corpus/heldout5.py), `--round 6` the sixth
(tests/corpus/heldout6.py), `--round 7` the seventh (tests/corpus/heldout7.py),
`--round 8` the eighth (tests/corpus/heldout8.py), `--round 9` the ninth
(tests/corpus/heldout9.py), `--round 10` the tenth (tests/corpus/heldout10.py).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from tests.corpus import IN_SAMPLE, build_corpus
from tests.corpus.build import Corpus
from tests.corpus.scoring import Check, Score, score_in_process, score_tables


def by_flow(corpus: Corpus, workdir: Path) -> Score:
    """Serve `corpus`, run the ingest flow on it, score what it published."""
    from core.config import load_settings
    from flows.ingest_flow import ingest
    from load import read
    from tests.corpus.site import CorpusSites

    data_dir = workdir / f"data-{corpus.seed}"
    with CorpusSites(corpus) as sites:
        settings = load_settings(
            overrides={
                "data_dir": data_dir,
                "sites": sites.site_entries(),
                "crawl.per_host_delay": 0.0,
                "crawl.delay_jitter": 0.0,
                # Score whatever a run gives: a rejected career is a miss, not a crash.
                "quality.max_reject_share": 1.0,
                "quality.max_failed_page_share": 1.0,
            }
        )
        summary = asyncio.run(ingest(settings))
        truth = sites.truth_by_url()
    if not summary.published or summary.version is None:
        raise SystemExit(f"the flow published nothing: {summary.reason}")
    v = summary.version
    return score_tables(
        read("careers", v, data_dir=data_dir),
        read("career_skills", v, data_dir=data_dir),
        read("career_duties", v, data_dir=data_dir),
        truth,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--per-layout", type=int, default=6)
    ap.add_argument("--held-out", action="store_true", help="score the held-out layouts")
    ap.add_argument(
        "--round",
        type=int,
        default=1,
        choices=(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        help="which held-out round (each written after the one before was fixed)",
    )
    ap.add_argument("--in-process", action="store_true", help="no HTTP, no Prefect")
    ap.add_argument("--misses", type=int, default=0, help="list up to N misses")
    args = ap.parse_args()
    if args.held_out:
        from tests.corpus.heldout import HELD_OUT, HELD_OUT_2, HELD_OUT_3
        from tests.corpus.heldout4 import HELD_OUT_4
        from tests.corpus.heldout5 import HELD_OUT_5
        from tests.corpus.heldout6 import HELD_OUT_6
        from tests.corpus.heldout7 import HELD_OUT_7
        from tests.corpus.heldout8 import HELD_OUT_8
        from tests.corpus.heldout9 import HELD_OUT_9
        from tests.corpus.heldout10 import HELD_OUT_10

        layouts = {
            1: HELD_OUT,
            2: HELD_OUT_2,
            3: HELD_OUT_3,
            4: HELD_OUT_4,
            5: HELD_OUT_5,
            6: HELD_OUT_6,
            7: HELD_OUT_7,
            8: HELD_OUT_8,
            9: HELD_OUT_9,
            10: HELD_OUT_10,
        }[args.round]
    else:
        layouts = IN_SAMPLE
    corpora = [build_corpus(s, args.per_layout, layouts) for s in args.seeds]
    pages = sum(len(c.pages) for c in corpora)
    start = time.perf_counter()
    if args.in_process:
        result = score_in_process(corpora)
        how = "in-process"
    else:
        from flows.prefect_env import apply_prefect_defaults

        checks: list[Check] = []
        with tempfile.TemporaryDirectory() as tmp:
            apply_prefect_defaults(home=Path(tmp) / "prefect-home")
            for corpus in corpora:
                checks.extend(by_flow(corpus, Path(tmp)).checks)
        result = Score(tuple(checks))
        how = "Prefect flow, pages over HTTP"
    secs = time.perf_counter() - start
    kind = "held-out" if args.held_out else "in-sample"
    title = (
        f"{kind} corpus: {len(layouts)} layouts, seeds {args.seeds}, {pages} pages "
        f"({how}, {secs:.0f} s)"
    )
    print(result.render(title, misses=args.misses))


if __name__ == "__main__":
    main()
