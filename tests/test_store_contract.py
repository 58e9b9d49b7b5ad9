"""The store contract, on both stores: a local folder and S3 (moto_server on 127.0.0.1).

Create-only refusals, the forward-only pointer by compare-and-set, racing
creators and racing compare-and-sets, leases, publishers racing each other,
SIGKILL at every step of a publish, the sweeper, and the raw store: every
promise of `core.store` and of the publish protocol, asserted the same way on
each implementation.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from threading import Barrier

import pytest

from core.store import Busy, Stale, Store, open_store
from core.store.s3 import S3Store
from extract.rawstore import LogEntry, RawStore
from extract.records import Outcome
from load import collect, latest, publish, read, verify, versions
from load.errors import PublishConflict, RunInProgress
from load.gc import sweep
from load.layout import Layout
from load.locks import run_lock
from tests.load_helpers import career_id, dataset

ROOT = Path(__file__).resolve().parents[1]
BASE, CRASHED = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
NEXT = "20261103T060000Z-cccccc"
LATER = datetime.now(UTC) + timedelta(days=1)  # past every S3 store's stale_after
RACERS = 8


@pytest.fixture(params=["local", "s3"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A data dir on each store: a folder under tmp_path, or s3://<new bucket>/data."""
    if request.param == "local":
        return str(tmp_path / "data")
    url: str = request.getfixturevalue("s3_url")
    return url


def store_at(where: str, *parts: str) -> Store:
    return open_store("/".join([where, *parts]))


def keys(store: Store) -> set[str]:
    """Every file but locks and leases, by key."""
    return {e.key for e in store.walk("") if not e.key.endswith(".lock")}


# -- the primitives ----------------------------------------------------------------------------


def test_create_refuses_an_existing_key(where: str) -> None:
    store = store_at(where)
    store.ensure()
    store.create("a/b.json", b"first")
    with pytest.raises(FileExistsError):
        store.create("a/b.json", b"second")
    assert store.read("a/b.json").data == b"first"
    assert keys(store) == {"a/b.json"}  # the refused write left nothing behind


def test_read_of_an_absent_key(where: str) -> None:
    store = store_at(where)
    store.ensure()
    with pytest.raises(FileNotFoundError):
        store.read("nothing")
    assert not store.exists("nothing")


def test_swap_is_compare_and_set(where: str) -> None:
    store = store_at(where)
    store.ensure()
    first = store.swap("_LATEST", b"one", None)  # None: only if absent
    with pytest.raises(Stale):
        store.swap("_LATEST", b"two", None)
    with pytest.raises(Stale):
        store.swap("_LATEST", b"two", "not-the-tag")
    assert store.read("_LATEST") .etag == first
    second = store.swap("_LATEST", b"two", first)
    with pytest.raises(Stale):
        store.swap("_LATEST", b"three", first)  # the tag it was read with is gone
    assert store.read("_LATEST").data == b"two"
    assert store.read("_LATEST").etag == second


def test_racing_creators_exactly_one_wins(where: str) -> None:
    store = store_at(where)
    store.ensure()
    barrier = Barrier(RACERS)

    def create(i: int) -> bool:
        barrier.wait()
        try:
            store.create("_manifests/x.json", f"{i}".encode())
        except FileExistsError:
            return False
        return True

    with ThreadPoolExecutor(RACERS) as pool:
        won = list(pool.map(create, range(RACERS)))
    assert won.count(True) == 1
    assert store.read("_manifests/x.json").data == str(won.index(True)).encode()


def test_racing_compare_and_sets_exactly_one_wins(where: str) -> None:
    store = store_at(where)
    store.ensure()
    tag = store.swap("_LATEST", b"start", None)
    barrier = Barrier(RACERS)

    def swap(i: int) -> bool:
        barrier.wait()
        try:
            store.swap("_LATEST", f"{i}".encode(), tag)
        except Stale:
            return False
        return True

    with ThreadPoolExecutor(RACERS) as pool:
        won = list(pool.map(swap, range(RACERS)))
    assert won.count(True) == 1
    assert store.read("_LATEST").data == str(won.index(True)).encode()


def test_a_lease_refuses_a_second_holder_and_names_the_first(where: str) -> None:
    store = store_at(where)
    store.ensure()
    holder = {"kind": "ingest", "run_id": BASE, "pid": 4242, "started": "2026-11-01T06:00:00"}
    with (
        run_lock(where, holder),
        pytest.raises(RunInProgress, match=f"ingest {BASE} \\(pid 4242"),
        run_lock(where, {**holder, "pid": 1}),
    ):
        pass
    with run_lock(where, holder):  # released at the end of the block
        pass


def test_an_expired_s3_lease_is_taken_over(s3_url: str) -> None:
    live = S3Store(s3_url)
    expired = datetime.now(UTC) - timedelta(minutes=1)  # its run was killed a while ago
    stale = {"kind": "ingest", "run_id": BASE, "pid": 1, "started": "-",
             "expires": expired.isoformat()}
    live.create("run.lock", json.dumps(stale).encode())
    with (
        live.lease("run.lock", {"kind": "reparse", "run_id": NEXT, "pid": 2, "started": "-"}),
        pytest.raises(Busy, match="reparse"),
        live.lease("run.lock", {"kind": "x", "run_id": "-", "pid": 3, "started": "-"}),
    ):
        pass
    assert not live.exists("run.lock")  # let go at the end


# -- the publish protocol ----------------------------------------------------------------------


def test_publish_and_read_back(where: str) -> None:
    publish(dataset(["a", "b"]), parquet_dir=f"{where}/parquet", run_id=BASE)
    publish(dataset(["a", "c"]), parquet_dir=f"{where}/parquet", run_id=NEXT)
    assert [v.run_id for v in versions(where)] == [BASE, NEXT]
    assert latest(where) == NEXT
    assert read("careers", BASE, data_dir=where)["career_id"].tolist() == [
        career_id("a"), career_id("b")]
    assert len(read("careers", "all", data_dir=where)) == 4
    verify(NEXT, data_dir=where)
    with pytest.raises(PublishConflict):
        publish(dataset(["z"]), parquet_dir=f"{where}/parquet", run_id=NEXT)


def test_the_pointer_only_moves_forward(where: str) -> None:
    parquet = f"{where}/parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=NEXT)
    result = publish(dataset(["b"]), parquet_dir=parquet, run_id=BASE)  # an older run, late
    assert result.published
    assert result.latest == NEXT
    assert latest(where) == NEXT
    assert store_at(where, "parquet").read("_LATEST").data == NEXT.encode()


def test_a_damaged_part_is_not_built_on(where: str) -> None:
    parquet = f"{where}/parquet"
    publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=BASE)
    publish(dataset(["a", "c"]), parquet_dir=parquet, run_id=CRASHED)
    store = store_at(where, "parquet")
    part = Layout.part_key("careers", CRASHED)
    store.delete(part)
    store.create(part, b"PAR1 truncated")
    result = publish(dataset(["a", "d"]), parquet_dir=parquet, run_id=NEXT)
    assert result.previous == BASE  # the damaged latest was passed over
    assert latest(where) == NEXT


def test_publishers_racing(where: str, tmp_path: Path) -> None:
    """Two publisher processes at once, several versions each: every version whole,
    nothing lost, `_LATEST` the newest."""
    parquet = f"{where}/parquet"
    publish(dataset(["seed"]), parquet_dir=parquet, run_id="20260101T000000Z-000000")
    gate = tmp_path / "gate"
    gate.touch()
    repeat = 4
    with open(gate) as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.load_publisher", parquet, "--repeat", str(repeat),
                 "--tag", tag, "--gate", str(gate)],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for tag in ("left", "right")
        ]
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
    runs = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        runs += [json.loads(line) for line in out.splitlines()]
    run_ids = sorted(run["run_id"] for run in runs)
    assert len(run_ids) == 2 * repeat
    assert all(run["published"] for run in runs)
    assert [v.run_id for v in versions(where)] == ["20260101T000000Z-000000", *run_ids]
    assert latest(where) == run_ids[-1]
    for run in runs:
        verify(run["run_id"], data_dir=where)
        careers = read("careers", run["run_id"], data_dir=where)
        assert sorted(careers["career_id"]) == sorted(career_id(s) for s in run["slugs"])


def _steps_of_a_publish(where: str) -> list[str]:
    parquet = f"{where}/probe/parquet"
    publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=BASE)
    steps: list[str] = []
    publish(dataset(["x", "y"]), parquet_dir=parquet, run_id=CRASHED, on_step=steps.append)
    return steps


def _kill_at(parquet: str, step: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.load_publisher", parquet, "--slugs", "x,y",
         "--run-id", CRASHED, "--kill-at", str(step)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


def test_sigkill_at_every_step_of_a_publish(where: str) -> None:
    """Killed at any step, a publish leaves the version before it untouched and either
    no new version or a whole one; the sweeper (the next run, or gc) removes the rest."""
    steps = _steps_of_a_publish(where)
    assert len(set(steps)) == len(steps), steps
    committed_from = next(i for i, s in enumerate(steps)
                          if s in ("manifest:linked", "manifest:created"))
    pointer_from = steps.index("latest:replaced")
    folders = [f"{where}/kill-{n:02d}" for n in range(1, len(steps) + 1)]
    for folder in folders:
        publish(dataset(["a", "b"]), parquet_dir=f"{folder}/parquet", run_id=BASE)
    base_keys = keys(store_at(folders[0], "parquet"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(_kill_at, [f"{f}/parquet" for f in folders],
                             range(1, len(steps) + 1)))

    for index, (folder, run) in enumerate(zip(folders, runs, strict=True)):
        at = f"killed at step {index + 1} ({steps[index]})"
        assert run.returncode == -9, (at, run.stderr)
        committed = index >= committed_from
        assert [v.run_id for v in versions(folder)] == (
            [BASE, CRASHED] if committed else [BASE]), at
        assert latest(folder) == (CRASHED if index >= pointer_from else BASE), at
        verify(BASE, data_dir=folder)
        assert read("careers", BASE, data_dir=folder)["career_id"].tolist() == [
            career_id("a"), career_id("b")], at
        if committed:
            verify(CRASHED, data_dir=folder)
        result = collect(folder, now=LATER)  # the sweeper; on S3 leftovers go by age
        assert result.latest == (CRASHED if committed else BASE), at
        parquet = store_at(folder, "parquet")
        expected = set(base_keys)
        if committed:
            layout = Layout(parquet)
            expected |= {layout.manifest_key(CRASHED)} | {
                Layout.part_key(t, CRASHED) for t in layout.tables()}
        assert keys(parquet) == expected, at  # no leftovers
        assert publish(dataset(["z"]), parquet_dir=f"{folder}/parquet", run_id=NEXT).published
        assert latest(folder) == NEXT, at


def test_the_s3_sweeper_spares_young_parts_and_removes_old_ones(s3_url: str) -> None:
    parquet = f"{s3_url}/parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=BASE)
    store = open_store(parquet)
    store.create(Layout.part_key("careers", CRASHED), b"PAR1 half")  # a run died here
    layout = Layout(store)
    assert sweep(layout) == ()  # young: maybe a run still writing
    assert store.exists(Layout.part_key("careers", CRASHED))
    assert sweep(layout, now=LATER) == (CRASHED,)
    assert not store.exists(Layout.part_key("careers", CRASHED))
    assert [v.run_id for v in versions(s3_url)] == [BASE]


# -- the raw store -----------------------------------------------------------------------------


def _entry(run_id: str, url: str, sha: str) -> LogEntry:
    return LogEntry(run_id=run_id, url=url, outcome=Outcome.PARSED,
                    fetched_at=datetime(2026, 11, 1, tzinfo=UTC), status=200, sha256=sha)


def test_raw_bodies_are_stored_once_and_logs_read_back_in_order(where: str) -> None:
    raw = RawStore(f"{where}/raw")
    sha = raw.put("http://a.test/x", b"<html>one</html>")
    assert raw.put("http://a.test/x", b"<html>one</html>") == sha  # dedup: nothing new
    assert raw.get(sha, host="http://a.test/x") == b"<html>one</html>"
    assert raw.get(sha) == b"<html>one</html>"
    bodies = [e for e in raw.store.walk("") if e.key.endswith(".html.zst")]
    assert len(bodies) == 1
    raw.append_log([_entry(BASE, "http://a.test/x", sha), _entry(BASE, "http://a.test/y", sha)])
    raw.append_log([_entry(BASE, "http://a.test/z", sha)])
    raw.append_log([_entry(NEXT, "http://a.test/x", sha)])
    assert raw.run_ids() == [BASE, NEXT]
    assert [e.url for e in raw.entries(BASE)] == [
        "http://a.test/x", "http://a.test/y", "http://a.test/z"]
    assert raw.latest_by_url()["http://a.test/x"].run_id == NEXT
    if where.startswith("s3://"):  # no appends on S3: one object per batch
        logs = [e.key for e in raw.store.walk("_fetchlog")]
        assert len(logs) == 3
        assert all(k.startswith(f"_fetchlog/{BASE}/") for k in logs[:2])
    trimmed = raw.trim(keep_bodies=set(), keep_runs=set(), older_than=LATER)
    assert trimmed.logs == (BASE, NEXT)
    assert trimmed.bodies == 1
    assert raw.run_ids() == []
