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
- A tools list (kind `tools` on input: "Tools and technology", "Software") is technical;
  its plain items are `tool` rows.
- Sentences name a skill: an item written as a clause ("to be thorough and pay attention
  to detail", "the ability to use your initiative", "excellent verbal communication
  skills"; it starts lower-case or with a lead-in such as "the ability to") is matched
  against transform/data/skill_phrases.csv (regex, first match wins: "Attention to
  detail", "Initiative"); one that matches none loses its lead-in and adjectives and is
  capitalized ("Verbal communication skills").
- One compound, one spelling: "Customer-service skills" and "customer service skills"
  are the skill "Customer service skills" (a hyphen between two words before "skills"
  is a space).
Every row keeps `item_text` (the whole item as published, whitespace-normalized) and
`item_position` (1-based place of the item in its list). Names go through the alias
table (transform/data/skill_aliases.csv, case-insensitive), then duplicates within one
career and kind are dropped (first kept, case-insensitive). A technical item that is
itself a known tool ("Docker", "K8s") is typed `tool`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from transform.errors import TransformError
from transform.text import normalize_text

ALIASES_PATH = Path(__file__).with_name("data") / "skill_aliases.csv"
PHRASES_PATH = Path(__file__).with_name("data") / "skill_phrases.csv"

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
# A clause rather than a name: lower-case first word, or a lead-in ("The ability to ...").
_SENTENCE = (
    r"^(?:[a-z]|(?:to|the ability|an ability|ability to|able to|you'?ll need|you need|be able)"
    r" )"
)
_LEAD_IN = (
    r"(?i)^(?:(?:to be able to|be able to|the ability to|an ability to|ability to|able to"
    r"|you'?ll need|you need|to have|to be|to enjoy|enjoy|have|be|a|an) +)+"
)
_ADJECTIVES = r"(?i)^(?:(?:excellent|good|strong|great|sound|solid|effective|very good) +)+"
_COMPOUND = r"\b([A-Za-z][a-z]+)-([a-z]+)(?= skills?\b)"


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


@cache
def default_phrases() -> tuple[tuple[str, str], ...]:
    """The sentence table kept in the repo (transform/data/skill_phrases.csv), read once."""
    return load_phrases(PHRASES_PATH)


def load_phrases(path: Path) -> tuple[tuple[str, str], ...]:
    """Read a phrase CSV with columns pattern (a regex on lower-cased text), canonical."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise TransformError(f"cannot read skill phrases {path}: {exc}") from exc
    out = []
    for line, row in enumerate(rows, start=2):
        pattern, name = (row.get("pattern") or "").strip(), (row.get("canonical") or "").strip()
        if not pattern or not name:
            raise TransformError(f"{path}:{line}: need pattern and canonical")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise TransformError(f"{path}:{line}: bad pattern: {exc}") from exc
        out.append((pattern, name))
    return tuple(out)


def named_skill(
    names: pd.Series, sentence: pd.Series, phrases: tuple[tuple[str, str], ...]
) -> pd.Series:
    """The skill a name states: sentences through the phrase table or stripped of their
    lead-in; every "X-y skills" compound with a space."""
    out = names.str.replace(_COMPOUND, r"\1 \2", regex=True)
    rows = out[sentence.to_numpy(dtype=bool) & out.notna().to_numpy()]
    if rows.empty:
        return out
    key = rows.str.lower()
    phrased = pd.Series(None, index=rows.index, dtype="object")
    for pattern, name in phrases:
        hit = phrased.isna() & key.str.contains(pattern, regex=True)
        phrased = phrased.where(~hit, name)
    plain = rows.str.replace(_LEAD_IN, "", regex=True).str.replace(_ADJECTIVES, "", regex=True)
    plain = plain.str.slice(0, 1).str.upper() + plain.str.slice(1)
    plain = plain.mask(plain.str.strip() == "", rows)
    return out.where(~out.index.isin(rows.index), phrased.fillna(plain).reindex(out.index))


def _clean(values: pd.Series) -> pd.Series:
    s = values.str.replace(_MARKER, "", regex=True).str.replace(_TRAILING, "", regex=True)
    s = s.str.replace(r"  +", " ", regex=True).str.strip()
    return s.mask(s == "")


def canonical(names: pd.Series, aliases: Aliases) -> pd.Series:
    """Each name's canonical spelling, or the name itself when the table does not know it."""
    return names.str.casefold().map(aliases.names).fillna(names).astype("str")


def build_skills(
    items: pd.DataFrame,
    aliases: Aliases | None = None,
    phrases: tuple[tuple[str, str], ...] | None = None,
) -> pd.DataFrame:
    """`career_skills` rows (SKILL_COLUMNS) from one row per published list item.

    `items` has career_id, kind (`technical` | `tools` | `people`), item_position and
    item_text; `tools` items come out as `technical`.
    """
    table = default_aliases() if aliases is None else aliases
    sentences = default_phrases() if phrases is None else phrases
    items = items.reset_index(drop=True)
    text = normalize_text(items["item_text"])
    items = items.assign(item_text=text)[text.notna()].reset_index(drop=True)
    listed_tool = (items["kind"] == "tools").to_numpy()
    items = items.assign(kind=items["kind"].where(~listed_tool, "technical"))
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

    sentence = cleaned.str.contains(_SENTENCE, regex=True, na=False)
    lead = named_skill(lead, sentence, sentences)
    base = items[["career_id", "kind", "item_position", "item_text"]]
    item_type = np.where(listed_tool & ~has_parens, "tool", "skill")
    item_rows = base.assign(skill=lead, skill_type=item_type, _sub=0)[
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
