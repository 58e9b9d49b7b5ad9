"""A publisher process for the crash and concurrency tests.

    python -m tests.load_publisher PARQUET_DIR --slugs a,b --run-id ID --kill-at N
    python -m tests.load_publisher PARQUET_DIR --repeat K --tag p1

`--gate FILE` makes several publishers start at the same moment.
`--kill-at N` sends this process SIGKILL at the N-th step of the publish (the
`on_step` hook of `load.publish`). `--repeat K` publishes K versions with fresh
run ids and prints one JSON line per version: run id and its career ids.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import signal
import sys
from pathlib import Path

from core.store import data_dir_arg
from load import new_run_id, publish
from tests.load_helpers import dataset


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("parquet_dir", type=data_dir_arg)
    parser.add_argument("--slugs", default="a,b")
    parser.add_argument("--run-id")
    parser.add_argument("--kill-at", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--tag", default="p")
    parser.add_argument("--gate", type=Path, help="print 'ready', then wait for this lock")
    args = parser.parse_args(argv)
    if args.gate is not None:
        print("ready", flush=True)
        with open(args.gate) as gate:
            fcntl.flock(gate, fcntl.LOCK_SH)  # the test holds it exclusively until all are ready
            fcntl.flock(gate, fcntl.LOCK_UN)
    steps = 0

    def on_step(name: str) -> None:
        nonlocal steps
        steps += 1
        if steps == args.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    for i in range(args.repeat):
        slugs = args.slugs.split(",") if args.repeat == 1 else [f"{args.tag}-{i}", "shared"]
        run_id = args.run_id or new_run_id()
        result = publish(dataset(slugs), parquet_dir=args.parquet_dir, run_id=run_id,
                         on_step=on_step)
        print(json.dumps({"run_id": run_id, "published": result.published, "slugs": slugs}),
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
