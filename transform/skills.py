"""Skill list items to one row per atomic skill, with one canonical spelling each.

How an item is represented (contract v1, `career_skills`):
- "Server-side languages (Python, Java, Go, Node.js, C#)" (a technical item): one row for
  the item itself, skill = its lead text "Server-side languages", skill_type `skill`; then
  one row per tool named in its parentheses (Python, Java, Go, Node.js, C#), type `tool`.
- "Containerization (Docker) and orchestration (Kubernetes)": the lead text with the
  parentheses taken out ("Containerization and orchestration"), then Docker, Kubernetes.
- A technical item that is only a comma list ("Python, SQL, and Tableau"): one `tool` row
  per name, no item row (there is no lead text to name).
- A plain item ("Logical and systems thinking", "Analytical skills."): one `skill` row,
  trailing periods and list markers stripped.
- People skills are never split: "Written communication (documentation)" is the skill
  "Written communication"; the parenthesis explains, it names no tool.
Every row keeps `item_text` (the whole item as published, whitespace-normalized) and
`item_position` (1-based place of the item in its list). Names go through the alias
table (transform/data/skill_aliases.csv, case-insensitive), then duplicates within one
career and kind are dropped (first kept, case-insensitive). A technical item that is
itself a known tool ("Docker", "K8s") is typed `tool`.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from transform.errors import TransformError
from transform.text import normalize_text

ALIASES_PATH = Path(__file__).with_name("data") / "skill_aliases.csv"

SKILL_COLUMNS: tuple[str, ...] = (
    "career_id",
    "kind",
    "item_position",
    "item_text",
    "skill",
    "skill_type",
)
# Patterns run on whitespace-normalized text (single spaces), and avoid \s, \d and \b so
# that pandas can run them in pyarrow's RE2 rather than Python's re, row by row.
_MARKER = r"^(?:[-•▸▪‣◦●○■□►▶➤✓✔*·–—]+|\(?[0-9]{1,2}[.):]) *"
_TRAILING = r"[ .;:,]+$"
_PARENS = r"\(([^()]*)\)"
_LIST_SPLIT = r" *(?:,? +(?:and|or|&) +|[,;]) *"
_LIST_NOISE = r"^(?:e\.?g\.?|i\.?e\.?|such as|including|like|for example)[:,]? *|(?:^| )etc\.?$"
_MAX_TOOL_WORDS = 4
_KIND_ORDER = {"technical": 0, "people": 1}


@dataclass(frozen=True, slots=True)
class Aliases:
    """The alias table: casefolded alias or canonical name -> canonical name, and which
    canonical names are tools (a technical item that is just "Docker" is a tool)."""

    names: Mapping[str, str]
    tools: frozenset[str]  # casefolded canonical names


@cache
def default_aliases() -> Aliases:
    """The table kept in the repo (transform/data/skill_aliases.csv), read once."""
    return load_aliases(ALIASES_PATH)


def load_aliases(path: Path) -> Aliases:
    """Read an alias CSV with columns alias, canonical, type (`tool` | `skill`)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise TransformError(f"cannot read skill aliases {path}: {exc}") from exc
    names: dict[str, str] = {}
    tools: set[str] = set()
    for line, row in enumerate(rows, start=2):
        alias = (row.get("alias") or "").strip()
        name = (row.get("canonical") or "").strip()
        kind = (row.get("type") or "").strip()
        if not alias or not name or kind not in {"tool", "skill"}:
            raise TransformError(f"{path}:{line}: need alias, canonical and type tool|skill")
        names[alias.casefold()] = name
        names.setdefault(name.casefold(), name)
        if kind == "tool":
            tools.add(name.casefold())
    return Aliases(names=names, tools=frozenset(tools))


def _clean(values: pd.Series) -> pd.Series:
    s = values.str.replace(_MARKER, "", regex=True).str.replace(_TRAILING, "", regex=True)
    s = s.str.replace(r"  +", " ", regex=True).str.strip()
    return s.mask(s == "")


def canonical(names: pd.Series, aliases: Aliases) -> pd.Series:
    """Each name's canonical spelling, or the name itself when the table does not know it."""
    return names.str.casefold().map(aliases.names).fillna(names).astype("str")


def build_skills(items: pd.DataFrame, aliases: Aliases | None = None) -> pd.DataFrame:
    """`career_skills` rows (SKILL_COLUMNS) from one row per published list item.

    `items` has career_id, kind (`technical` | `people`), item_position and item_text.
    """
    table = default_aliases() if aliases is None else aliases
    items = items.reset_index(drop=True)
    text = normalize_text(items["item_text"])
    items = items.assign(item_text=text)[text.notna()].reset_index(drop=True)
    cleaned = _clean(items["item_text"])
    technical = (items["kind"] == "technical").to_numpy()

    lead = _clean(cleaned.str.replace(r" *\([^()]*\)", "", regex=True))
    lead = lead.str.replace(r" +([,;])", r"\1", regex=True)
    lead = _clean(lead.str.replace(r"^(?:and|or) |[,;]? *(?:^| )(?:and|or)$", "", regex=True))

    # A technical item made only of a short comma list names tools, not a skill.
    parts = lead.str.split(_LIST_SPLIT, regex=True)
    n_parts = lead.str.count(_LIST_SPLIT).fillna(-1) + 1
    words = parts.explode().astype("str").str.count(" ") + 1
    longest = words.groupby(level=0).max().reindex(lead.index)
    has_parens = cleaned.str.contains(r"\([^()]*\)", regex=True, na=False).to_numpy()
    comma_list = (
        technical
        & ~has_parens
        & cleaned.str.contains(",", regex=False, na=False).to_numpy()
        & (n_parts >= 2).to_numpy()
        & (longest.fillna(99) <= _MAX_TOOL_WORDS).to_numpy()
    )

    base = items[["career_id", "kind", "item_position", "item_text"]]
    item_rows = base.assign(skill=lead, skill_type="skill", _sub=0)[
        lead.notna().to_numpy() & ~comma_list
    ]

    inside = cleaned[technical].str.extractall(_PARENS)[0]
    inside_rows = pd.DataFrame(
        {"_row": inside.index.get_level_values(0), "_group": inside.index.get_level_values(1)}
    ).assign(_part=inside.to_numpy())
    bare = pd.DataFrame({"_row": np.flatnonzero(comma_list), "_group": 0}).assign(
        _part=lead[comma_list].to_numpy()
    )
    groups = pd.concat([inside_rows, bare], ignore_index=True)
    groups["_part"] = groups["_part"].astype("str").str.split(_LIST_SPLIT, regex=True)
    tools = groups.explode("_part", ignore_index=True)
    tools["_part"] = _clean(
        tools["_part"].astype("str").str.replace(_LIST_NOISE, "", regex=True).str.strip()
    )
    tools = tools[tools["_part"].notna()]
    tools = tools.assign(_sub=np.arange(1, len(tools) + 1))
    tool_rows = (
        base.iloc[tools["_row"].to_numpy()]
        .reset_index(drop=True)
        .assign(skill=tools["_part"].to_numpy(), skill_type="tool", _sub=tools["_sub"].to_numpy())
    )

    rows = pd.concat([item_rows, tool_rows], ignore_index=True)
    rows["skill"] = canonical(rows["skill"].astype("str"), table)
    known_tool = rows["skill"].str.casefold().isin(table.tools) & (rows["kind"] == "technical")
    rows["skill_type"] = rows["skill_type"].where(~known_tool, "tool")
    rows = rows.assign(_kind=rows["kind"].map(_KIND_ORDER).fillna(len(_KIND_ORDER)))
    rows = rows.sort_values(["career_id", "_kind", "item_position", "_sub"], kind="stable")
    rows = rows.assign(_key=rows["skill"].str.casefold())
    rows = rows.drop_duplicates(["career_id", "kind", "_key"], keep="first")
    return rows[list(SKILL_COLUMNS)].reset_index(drop=True)
