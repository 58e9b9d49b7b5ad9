"""The sweep (crash leftovers) and retention (old versions)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.store.local import LocalStore, exclusive_lock
from load import collect, latest, publish, read, verify, versions
from load.gc import GcResult, plan_retention, sweep
from load.layout import Layout
from tests.load_checks import actual_files, assert_clean
from tests.load_helpers import dataset

IDS = [f"202611{day:02d}T060000Z-aaaaaa" for day in (1, 2, 3, 4, 5)]
NOW = datetime(2026, 11, 5, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("keep_last", "keep_days", "latest_id", "expired"),
    [
        (None, None, IDS[-1], ()),
        (2, None, IDS[-1], tuple(IDS[:3])),
        (5, None, IDS[-1], ()),
        (None, 2.0, IDS[-1], tuple(IDS[:3])),  # 3 Nov 06:00 is older than 2 days
        (None, 2.3, IDS[-1], tuple(IDS[:2])),
        (4, 1.0, IDS[-1], (IDS[0],)),  # kept if any rule keeps it
        (1, 2.3, IDS[-1], tuple(IDS[:2])),
        (3, 0.5, IDS[-1], tuple(IDS[:2])),
        (1, None, IDS[1], (IDS[0], IDS[2], IDS[3])),  # the latest is never removed
        (None, 0.01, IDS[-1], tuple(IDS[:4])),
    ],
)
def test_plan_retention(keep_last, keep_days, latest_id, expired) -> None:
    assert plan_retention(IDS, latest=latest_id, keep_last=keep_last, keep_days=keep_days,
                          now=NOW) == expired


def publish_all(parquet: Path) -> None:
    for i, run_id in enumerate(IDS):
        publish(dataset([f"career-{i}"]), parquet_dir=parquet, run_id=run_id)


def test_retention_removes_old_versions_and_keeps_the_rest_readable(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish_all(parquet)
    result = collect(tmp_path, keep_last=2, now=NOW)
    assert result == GcResult(swept=(), expired=tuple(IDS[:3]), kept=tuple(IDS[3:]),
                              latest=IDS[-1])
    assert [v.run_id for v in versions(tmp_path)] == IDS[3:]
    assert not any(f"version={r}" in path for r in IDS[:3] for path in actual_files(parquet))
    assert read("careers", IDS[3], data_dir=tmp_path)["career_id"].tolist() == [
        "careers.example/career-3"]
    assert_clean(parquet)


def test_retention_never_removes_the_latest(tmp_path: Path) -> None:
    publish_all(tmp_path / "parquet")
    far_future = datetime(2030, 1, 1, tzinfo=UTC)
    result = collect(tmp_path, keep_days=1, now=far_future)
    assert result.expired == tuple(IDS[:-1])
    assert [v.run_id for v in versions(tmp_path)] == [IDS[-1]]
    assert latest(tmp_path) == IDS[-1]


def test_dry_run_removes_nothing(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish_all(parquet)
    stale = parquet / Layout.version_key("careers", "20261106T060000Z-dddddd")
    stale.mkdir()
    before = actual_files(parquet) | {stale.name}
    result = collect(tmp_path, keep_last=1, now=NOW, dry_run=True)
    assert (result.swept, result.expired, result.dry_run) == (
        ("20261106T060000Z-dddddd",), tuple(IDS[:4]), True)
    assert actual_files(parquet) | {stale.name} == before
    assert stale.is_dir()


def test_the_manifest_goes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If deleting files fails half-way, the version is already invisible; gc finishes later."""
    parquet = tmp_path / "parquet"
    publish_all(parquet)

    def broken(path: Path) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(LocalStore, "delete_tree", lambda self, prefix: broken(self.path(prefix)))
    with pytest.raises(OSError, match="disk went away"):
        collect(tmp_path, keep_last=4, now=NOW)
    assert [v.run_id for v in versions(tmp_path)] == IDS[1:]
    monkeypatch.undo()
    assert collect(tmp_path, now=NOW).swept == (IDS[0],)
    assert_clean(parquet)


def test_sweep_spares_a_run_in_progress(tmp_path: Path) -> None:
    """A run holding its lock is alive: its staging files stay until it dies or finishes."""
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=IDS[0])
    layout = Layout(parquet)
    store = LocalStore(parquet)
    running, crashed = IDS[1], IDS[2]

    def part_tmp(run_id: str) -> Path:
        return store.staging_path(Layout.part_key("careers", run_id), run_id)

    def manifest_tmp(run_id: str) -> Path:
        return store.staging_path(Layout.manifest_key(run_id), run_id)

    for run_id in (running, crashed):
        part_tmp(run_id).parent.mkdir(parents=True)
        part_tmp(run_id).write_bytes(b"PAR1 half")
        manifest_tmp(run_id).write_text("{")
    latest_tmp = store.staging_path("_LATEST", crashed)
    latest_tmp.write_text(crashed)
    with exclusive_lock(store.lock_path(f"run-{running}")):
        assert sweep(layout) == (crashed,)
        assert part_tmp(running).exists()
        assert manifest_tmp(running).exists()
        assert not (parquet / Layout.version_key("careers", crashed)).exists()
        assert not latest_tmp.exists()
    assert sweep(layout) == (running,)
    assert_clean(parquet)


def test_gc_moves_latest_forward_after_a_crash_before_the_pointer(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=IDS[0])
    publish(dataset(["b"]), parquet_dir=parquet, run_id=IDS[1])
    (parquet / "_LATEST").write_text(IDS[0])  # as if killed between manifest and pointer
    assert collect(tmp_path).latest == IDS[1]
    assert latest(tmp_path) == IDS[1]


def test_publish_repairs_a_pointer_left_behind(tmp_path: Path) -> None:
    parquet = tmp_path / "parquet"
    publish(dataset(["a"]), parquet_dir=parquet, run_id=IDS[0])
    publish(dataset(["b"]), parquet_dir=parquet, run_id=IDS[1])
    (parquet / "_LATEST").write_text(IDS[0])
    result = publish(dataset(["b"]), parquet_dir=parquet, run_id=IDS[2])
    assert (result.published, result.previous) == (False, IDS[1])
    assert latest(tmp_path) == IDS[1]


def test_gc_at_every_step_of_a_publish_is_safe(tmp_path: Path) -> None:
    """gc (sweep, pointer repair, retention keeping one) between any two steps of a publish
    in progress: the publish completes, its version is whole and the latest, and no
    version anyone could read was removed while it was the latest."""
    parquet = tmp_path / "parquet"
    publish(dataset(["a", "b"]), parquet_dir=parquet, run_id=IDS[0])
    steps: list[str] = []

    def gc_now(step: str) -> None:
        steps.append(step)
        if step.startswith("latest:"):
            return  # the publisher holds the pointer's lock here; gc would wait its turn
        before = latest(tmp_path)
        result = collect(tmp_path, keep_last=1)
        assert result.latest is not None
        assert verify(result.latest, data_dir=tmp_path).run_id == result.latest
        assert before in (result.latest, IDS[0])
        assert result.swept == ()  # the publisher's own lock keeps its pieces safe

    result = publish(dataset(["a", "b", "c"]), parquet_dir=parquet, run_id=IDS[1],
                     on_step=gc_now)
    assert result.published
    assert len(steps) > 10
    assert latest(tmp_path) == IDS[1]
    verify(IDS[1], data_dir=tmp_path)
    assert len(read("careers", data_dir=tmp_path)) == 3
    assert [v.run_id for v in versions(tmp_path)] == [IDS[1]]  # retention, once it was safe
