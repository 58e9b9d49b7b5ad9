"""Skill items to atomic canonical skills (the example page's lists and the real sites')."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from transform.errors import TransformError
from transform.skills import build_skills, default_aliases, load_aliases

SERVER = "Server-side languages (Python, Java, Go, Node.js, C#)"
DATABASE = "Database design and query optimization (PostgreSQL, MySQL, Redis)"
CONTAINERS = "Containerization (Docker) and orchestration (Kubernetes)"


def _items(rows: list[tuple[str, str, int, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["career_id", "kind", "item_position", "item_text"])


def _expected(rows: list[tuple[str, str, int, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(
        rows, columns=["career_id", "kind", "item_position", "item_text", "skill", "skill_type"]
    )
    return frame.astype({c: "str" for c in frame.columns if c != "item_position"})


def test_example_page_lists():
    items = _items(
        [
            ("c", "technical", 1, SERVER),
            ("c", "technical", 2, DATABASE),
            ("c", "technical", 3, "RESTful and gRPC API design"),
            ("c", "technical", 4, CONTAINERS),
            ("c", "people", 1, "Logical and systems thinking"),
            ("c", "people", 2, "Written communication (documentation)"),
            ("c", "people", 3, "Analytical skills."),
        ]
    )
    expected = _expected(
        [
            ("c", "technical", 1, SERVER, "Server-side languages", "skill"),
            ("c", "technical", 1, SERVER, "Python", "tool"),
            ("c", "technical", 1, SERVER, "Java", "tool"),
            ("c", "technical", 1, SERVER, "Go", "tool"),
            ("c", "technical", 1, SERVER, "Node.js", "tool"),
            ("c", "technical", 1, SERVER, "C#", "tool"),
            ("c", "technical", 2, DATABASE, "Database design and query optimization", "skill"),
            ("c", "technical", 2, DATABASE, "PostgreSQL", "tool"),
            ("c", "technical", 2, DATABASE, "MySQL", "tool"),
            ("c", "technical", 2, DATABASE, "Redis", "tool"),
            ("c", "technical", 3, "RESTful and gRPC API design", "RESTful and gRPC API design",
             "skill"),
            ("c", "technical", 4, CONTAINERS, "Containerization and orchestration", "skill"),
            ("c", "technical", 4, CONTAINERS, "Docker", "tool"),
            ("c", "technical", 4, CONTAINERS, "Kubernetes", "tool"),
            ("c", "people", 1, "Logical and systems thinking", "Logical and systems thinking",
             "skill"),
            ("c", "people", 2, "Written communication (documentation)", "Written communication",
             "skill"),
            ("c", "people", 3, "Analytical skills.", "Analytical skills", "skill"),
        ]
    )  # fmt: skip
    pd.testing.assert_frame_equal(build_skills(items), expected)


def test_aliases_markers_lists_and_duplicates():
    items = _items(
        [
            ("b", "technical", 1, "Databases (e.g. Postgres, MongoDB, etc.)"),
            ("b", "technical", 2, "• PostgreSQL."),  # same canonical skill: dropped
            ("b", "technical", 3, "NodeJS, JS, and K8s"),  # a bare comma list: tools only
            ("b", "technical", 4, "Golang"),  # one known tool
            ("b", "technical", 5, "   "),  # empty item: nothing
            ("b", "people", 1, "Communication skills"),
            ("b", "people", 2, "communication skills"),  # case-insensitive duplicate
            ("a", "people", 1, "Decision- making skills"),  # as published, not "fixed"
        ]
    )
    lists = "NodeJS, JS, and K8s"
    expected = _expected(
        [
            ("a", "people", 1, "Decision- making skills", "Decision- making skills", "skill"),
            ("b", "technical", 1, "Databases (e.g. Postgres, MongoDB, etc.)", "Databases", "skill"),
            ("b", "technical", 1, "Databases (e.g. Postgres, MongoDB, etc.)", "PostgreSQL", "tool"),
            ("b", "technical", 1, "Databases (e.g. Postgres, MongoDB, etc.)", "MongoDB", "tool"),
            ("b", "technical", 3, lists, "Node.js", "tool"),
            ("b", "technical", 3, lists, "JavaScript", "tool"),
            ("b", "technical", 3, lists, "Kubernetes", "tool"),
            ("b", "technical", 4, "Golang", "Go", "tool"),
            ("b", "people", 1, "Communication skills", "Communication skills", "skill"),
        ]
    )
    pd.testing.assert_frame_equal(build_skills(items), expected)


def test_same_skill_in_both_kinds_is_kept_once_per_kind():
    items = _items([("c", "technical", 1, "Excel"), ("c", "people", 1, "Excel")])
    result = build_skills(items)
    assert list(zip(result["kind"], result["skill"], result["skill_type"], strict=True)) == [
        ("technical", "Excel", "tool"),
        ("people", "Excel", "skill"),
    ]


def test_alias_table_is_sane():
    aliases = default_aliases()
    assert len(aliases.names) >= 60
    for alias, canonical in [
        ("postgres", "PostgreSQL"),
        ("nodejs", "Node.js"),
        ("js", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("golang", "Go"),
    ]:
        assert aliases.names[alias] == canonical
    # every canonical name maps to itself, so the table is idempotent
    assert all(aliases.names[c.casefold()] == c for c in aliases.names.values())


@pytest.mark.parametrize(
    "content",
    ["alias,canonical,type\nPostgres,,tool\n", "alias,canonical,type\nPostgres,PostgreSQL,db\n"],
)
def test_bad_alias_table_is_a_transform_error(tmp_path: Path, content: str):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TransformError, match=r"aliases\.csv:2"):
        load_aliases(path)
