"""Publish latency: a local folder against S3 (moto_server on 127.0.0.1).

    python -m benchmarks.publish [--rounds N] [--careers N]

Publishes N versions of a hand-made dataset to each store and prints the
median and worst seconds per publish (write the parts, create the manifest,
move `_LATEST`, sweep), and the seconds to read the latest careers back.
moto keeps objects in memory, so the S3 figures are the protocol's round trips
and the client's overhead, not a network's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from load import new_run_id, publish, read
from tests.load_helpers import dataset
from tests.s3server import MotoServer


def measure(data_dir: str, rounds: int, careers: int) -> tuple[list[float], float]:
    seconds = []
    for i in range(rounds):
        tables = dataset([f"career-{i}-{n}" for n in range(careers)])
        start = time.perf_counter()
        publish(tables, parquet_dir=f"{data_dir}/parquet", run_id=new_run_id())
        seconds.append(time.perf_counter() - start)
    start = time.perf_counter()
    read("careers", data_dir=data_dir)
    return seconds, time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--careers", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, MotoServer() as server:
        os.environ.update(server.env)
        targets = {"local": str(Path(tmp) / "data"), "s3 (moto)": f"s3://{server.bucket()}/data"}
        print(f"{args.rounds} publishes of {args.careers} careers each")
        for name, where in targets.items():
            seconds, read_seconds = measure(where, args.rounds, args.careers)
            print(f"  {name:10} publish median {statistics.median(seconds):.3f}s"
                  f" max {max(seconds):.3f}s; read latest {read_seconds:.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
