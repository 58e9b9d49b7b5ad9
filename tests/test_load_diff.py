"""Diffs between versions, compared as whole records."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from load import diff, publish
from load.diff import CareerChange, CareerRef, FieldChange, VersionDiff, diff_tables
from load.errors import VersionNotFound
from load.schema import DATA_TABLES, EDUCATION_LEVELS, GROWTH_LEVELS, TABLES
from load.tables import conform, same_content
from tests.load_helpers import career, career_id, dataset, duties, page, skills, tables, url

V1, V2 = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"


def before() -> dict[str, pa.Table]:
    return tables(
        [career("nurse"), career("welder"), career("baker"), career("pilot")],
        skills("nurse", ["Empathy", "Triage"]) + skills("welder", ["TIG", "MIG"]),
        duties("nurse", ["Care for patients", "Keep records"]),
    )


def after() -> dict[str, pa.Table]:
    later = datetime(2026, 11, 2, 6, tzinfo=UTC)
    return tables(
        [
            career("nurse", salary_median=95_000.0, growth_category="much faster than average",
                   fetched_at=later, content_sha256="new"),
            career("welder", workers=9_000, education_level=None, title="Welder & Cutter"),
            career("pilot", fetched_at=later, parser="sample/2"),  # provenance only
            career("chef"),
        ],
        skills("nurse", ["Empathy", "Charting"]) + skills("welder", ["TIG", "MIG"]),
        duties("nurse", ["Care for patients", "Teach families"]),
        pages=[page("nurse"), page("welder"), page("pilot"), page("chef"),
               page("baker", outcome="failed_fetch", status=410, error="HTTP 410")],
    )


EXPECTED = VersionDiff(
    old=V1,
    new=V2,
    added=(CareerRef(career_id("chef"), "Chef", url("chef")),),
    removed=(CareerRef(career_id("baker"), "Baker", url("baker"), "gone (HTTP 410)"),),
    changed=(
        CareerChange(
            career_id=career_id("nurse"),
            title="Nurse",
            fields=(
                FieldChange("salary_median", 90_000.0, 95_000.0),
                FieldChange("growth_category", "faster than average", "much faster than average"),
            ),
            skills_added=("Charting",),
            skills_removed=("Triage",),
            duties_added=("Teach families",),
            duties_removed=("Keep records",),
        ),
        CareerChange(
            career_id=career_id("welder"),
            title="Welder & Cutter",
            fields=(
                FieldChange("title", "Welder", "Welder & Cutter"),
                FieldChange("workers", 175_000, 9_000),
                FieldChange("education_level", "bachelor's degree", None),
            ),
        ),
    ),
)


def test_diff_of_published_versions(tmp_path: Path) -> None:
    publish(before(), parquet_dir=tmp_path / "parquet", run_id=V1)
    result = publish(after(), parquet_dir=tmp_path / "parquet", run_id=V2)
    assert result.diff == EXPECTED
    assert diff(V1, V2, data_dir=tmp_path) == EXPECTED
    assert diff(V1, "latest", data_dir=tmp_path) == EXPECTED
    assert EXPECTED.summary == f"1 added, 1 removed, 2 changed since {V1}"


def test_the_manifest_keeps_the_diff_as_json(tmp_path: Path) -> None:
    from load import read_manifest

    publish(before(), parquet_dir=tmp_path / "parquet", run_id=V1)
    publish(after(), parquet_dir=tmp_path / "parquet", run_id=V2)
    assert read_manifest(V2, data_dir=tmp_path).diff == EXPECTED.to_dict()
    assert EXPECTED.to_dict()["changed"][1]["fields"][2] == {
        "field": "education_level", "old": "bachelor's degree", "new": None}


@pytest.mark.parametrize(
    ("pages", "reason"),
    [
        ([page("b", outcome="failed_fetch", status=404, error="HTTP 404")], "gone (HTTP 404)"),
        ([page("b", outcome="failed_parse", status=200, error="no title")],
         "failed_parse: no title"),
        ([], "no longer listed"),
        (None, None),  # no crawl log: the reason is unknown
    ],
)
def test_why_a_career_was_removed(pages, reason) -> None:
    old = dataset(["a", "b"])
    new = dataset(["a"])
    if pages is None:
        del new["pages"]
    else:
        new["pages"] = tables([], pages=[page("a"), *pages])["pages"]
    result = diff_tables(old, new, old_id=V1, new_id=V2)
    assert result.removed == (CareerRef(career_id("b"), "B", url("b"), reason),)


def test_first_version_and_identical_versions() -> None:
    assert diff_tables(None, dataset(["a"]), old_id=None, new_id=V1).summary == (
        "1 added, 0 removed, 0 changed (first version)")
    same = diff_tables(dataset(["a", "b"]), dataset(["b", "a"]), old_id=V1, new_id=V2)
    assert (same.added, same.removed, same.changed) == ((), (), ())


def test_diff_of_an_unknown_version(tmp_path: Path) -> None:
    publish(dataset(["a"]), parquet_dir=tmp_path / "parquet", run_id=V1)
    with pytest.raises(VersionNotFound):
        diff(V1, V2, data_dir=tmp_path)


CHANGEABLE = {
    "title": st.text(min_size=1, max_size=12),
    "salary_median": st.one_of(st.none(), st.floats(5_000, 2_000_000)),
    "workers": st.one_of(st.none(), st.integers(0, 10**9)),
    "growth_category": st.one_of(st.none(), st.sampled_from(GROWTH_LEVELS)),
    "education_level": st.one_of(st.none(), st.sampled_from(EDUCATION_LEVELS)),
}


@settings(max_examples=40, deadline=None)
@given(
    changes=st.dictionaries(st.sampled_from(sorted(CHANGEABLE)), st.none(), max_size=5).flatmap(
        lambda keys: st.fixed_dictionaries({k: CHANGEABLE[k] for k in keys})),
    order=st.permutations(["a", "b", "c"]),
)
def test_diff_reports_exactly_the_changed_fields(changes, order) -> None:
    old = dataset(["a", "b", "c"])
    new = dataset(order, {"b": changes})
    result = diff_tables(old, new, old_id=V1, new_id=V2)
    base = career("b")
    expected = tuple(
        FieldChange(name, base[name], changes[name])
        for name in base if name in changes and changes[name] != base[name]
    )
    assert (result.added, result.removed) == ((), ())
    assert result.changed == ((CareerChange(career_id("b"), changes.get("title", "B"), expected),)
                              if expected else ())
    assert same_content(conform_all(new), conform_all(old), DATA_TABLES) == (not expected)


def conform_all(tables_: dict[str, pa.Table]) -> dict[str, pa.Table]:
    return {name: conform(t, TABLES[name], name=name, run_id=V1) for name, t in tables_.items()}


def _reference_diff(old, new):
    """The diff the plain way (every row a dict): the trusted reference for the
    vectorized one."""
    import pyarrow as pa

    def rows(table):
        fields = [pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
                  for f in table.schema]
        return {r["career_id"]: r for r in table.cast(pa.schema(fields)).to_pylist()}

    def grouped(table, value):
        out = {}
        for cid, item in zip(table.column("career_id").to_pylist(),
                             table.column(value).to_pylist(), strict=True):
            out.setdefault(cid, set()).add(item)
        return out

    from load.diff import NOT_COMPARED

    before, after = rows(old["careers"]), rows(new["careers"])
    sk_o, sk_n = grouped(old["career_skills"], "skill"), grouped(new["career_skills"], "skill")
    du_o, du_n = grouped(old["career_duties"], "duty"), grouped(new["career_duties"], "duty")
    changed = {}
    for cid in sorted(before.keys() & after.keys()):
        fields = tuple((n, before[cid][n], after[cid][n]) for n in before[cid]
                       if n not in NOT_COMPARED and before[cid][n] != after[cid][n])
        items = (tuple(sorted(sk_n.get(cid, set()) - sk_o.get(cid, set()))),
                 tuple(sorted(sk_o.get(cid, set()) - sk_n.get(cid, set()))),
                 tuple(sorted(du_n.get(cid, set()) - du_o.get(cid, set()))),
                 tuple(sorted(du_o.get(cid, set()) - du_n.get(cid, set()))))
        if fields or any(items):
            changed[cid] = (fields, items)
    return sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys()), changed


@pytest.mark.parametrize("seed", range(6))
def test_the_vectorized_diff_agrees_with_the_plain_one(seed: int) -> None:
    import random

    from load.schema import TABLES
    from load.tables import conform
    from tests.load_helpers import dataset as make

    rng = random.Random(seed)
    slugs = [f"c{i}" for i in range(60)]
    kept = [s for s in slugs if rng.random() > 0.1]
    new_slugs = kept + [f"n{i}" for i in range(rng.randint(0, 5))]
    edits = {}
    for s in rng.sample(kept, 10):
        choice = rng.choice(["title", "salary_median", "workers", "growth_category", "category"])
        value = {"title": "Renamed", "salary_median": 123_456.0, "workers": None,
                 "growth_category": "decline", "category": None}[choice]
        edits[s] = {choice: value}
    old = {k: conform(v, TABLES[k], name=k, run_id="20261101T000000Z-aaaaaa")
           for k, v in make(slugs).items()}
    new_raw = make(new_slugs, edits)
    skills = new_raw["career_skills"]
    drop = pa.array([rng.random() > 0.05 for _ in range(skills.num_rows)])
    new_raw["career_skills"] = skills.filter(drop)
    new = {k: conform(v, TABLES[k], name=k, run_id="20261102T000000Z-bbbbbb")
           for k, v in new_raw.items()}
    result = diff_tables(old, new, old_id="o", new_id="n")
    added, removed, changed = _reference_diff(old, new)
    assert [r.career_id for r in result.added] == added
    assert [r.career_id for r in result.removed] == removed
    assert {c.career_id: (tuple((f.field, f.old, f.new) for f in c.fields),
                          (c.skills_added, c.skills_removed, c.duties_added, c.duties_removed))
            for c in result.changed} == changed
