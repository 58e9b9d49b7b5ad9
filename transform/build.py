"""The transform stage's entry point: parsed pages of one run to validated tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from core.settings import QualitySettings
from extract.records import Outcome, ParsedPage
from load.schema import CAREER_DUTIES, CAREER_SKILLS, CAREERS, PAGES, REJECTS
from transform.careers import RAW_COLUMNS, normalize_careers
from transform.duties import build_duties
from transform.frames import conform
from transform.quality import build_report, gate_failures
from transform.skills import build_skills
from transform.tables import Tables
from transform.text import normalize_text
from transform.validate import validate

_CAREER_OUTCOMES = frozenset({Outcome.PARSED, Outcome.NOT_MODIFIED})
_ROW = "_row"  # links skills and duties to the exact career row they came from


def _utc(values: list[object]) -> pd.Series:
    return pd.Series(pd.to_datetime(pd.Series(values, dtype="object"), utc=True))


def _pages_frame(pages: Sequence[ParsedPage]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "url": pd.Series([p.page.url for p in pages], dtype="str"),
            "status": pd.Series([p.page.status for p in pages], dtype="Int32"),
            "outcome": pd.Series([str(p.outcome) for p in pages], dtype="str"),
            "error": normalize_text(
                pd.Series([p.error or p.page.error for p in pages], dtype="object")
            ),
            "fetched_at": _utc([p.page.fetched_at for p in pages]),
            "bytes": pd.Series([p.page.bytes for p in pages], dtype="Int64"),
            "content_sha256": pd.Series([p.page.content_sha256 for p in pages], dtype="str"),
            "parser": pd.Series(
                [p.parser or (p.career.parser if p.career else None) for p in pages], dtype="str"
            ),
        }
    )


def _raw_frames(
    pages: Sequence[ParsedPage],
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(raw careers, skill items, duty items): strings as published, keyed by `_row`."""
    parsed = [p for p in pages if p.career is not None and p.outcome in _CAREER_OUTCOMES]
    careers = [p.career for p in parsed if p.career is not None]
    raw = pd.DataFrame(
        {
            name: pd.Series([getattr(c, name) for c in careers], dtype="object")
            for name in RAW_COLUMNS
        }
    )
    raw[_ROW] = range(len(careers))
    raw["fetched_at"] = _utc([p.page.fetched_at for p in parsed])
    raw["content_sha256"] = pd.Series([p.page.content_sha256 for p in parsed], dtype="str")

    # A tools list is technical; its items follow the technical skills' positions.
    skill_rows = [
        (row, kind, position, text)
        for row, career in enumerate(careers)
        for kind, items, first in (
            ("technical", career.technical_skills, 1),
            ("tools", career.tools, len(career.technical_skills) + 1),
            ("people", career.people_skills, 1),
        )
        for position, text in enumerate(items, start=first)
    ]
    skills = pd.DataFrame(skill_rows, columns=["career_id", "kind", "item_position", "item_text"])
    duty_rows = [
        (row, position, text)
        for row, career in enumerate(careers)
        for position, text in enumerate(career.duties, start=1)
    ]
    duties = pd.DataFrame(duty_rows, columns=["career_id", "position", "duty"])
    return raw, skills.astype({"career_id": "int64"}), duties.astype({"career_id": "int64"})


def _attach_ids(children: pd.DataFrame, careers: pd.DataFrame) -> pd.DataFrame:
    """Children keyed by career row number get that row's career_id (and keep `_row`)."""
    rows = children["career_id"].to_numpy()
    ids = careers["career_id"].to_numpy()[rows] if len(rows) else []
    return children.assign(**{_ROW: rows, "career_id": pd.Series(ids, dtype="str").to_numpy()})


def _note_rejections(
    pages: pd.DataFrame, careers: pd.DataFrame, kept: pd.DataFrame, rejects: pd.DataFrame
) -> pd.DataFrame:
    """A page whose career was rejected says so in `error` (the rules are in `rejects`)."""
    rejected = careers[~careers[_ROW].isin(kept[_ROW])]
    if rejected.empty:
        return pages
    rules = (
        rejects[rejects["table"] == "careers"]
        .groupby("key")["rule"]
        .agg(lambda r: ", ".join(sorted(set(r))))
    )
    reason = rejected.drop_duplicates("url").set_index("url")["career_id"].map(rules)
    note = ("career rejected: " + pages["url"].map(reason)).astype("str")
    return pages.assign(error=pages["error"].where(pages["error"].notna(), note))


def build_tables(
    pages: Sequence[ParsedPage],
    *,
    run_id: str,
    default_currency: str = "USD",
    quality: QualitySettings | None = None,
) -> Tables:
    """Normalize, validate and shape one run's pages into the five contract tables.

    Never raises for bad data: rows that break a rule go to `rejects`, and the report
    says whether the run passes its gates (call `quality.check_gates` before publishing).
    When several pages give the same career_id, the one with the smallest URL is kept
    and the others rejected. Output order is by career_id (pages by url), so the same
    pages in any order give the same tables.
    """
    settings = quality or QualitySettings()
    # URL order first: "the first page of a repeated career_id" must not depend on fetch order.
    pages = sorted(pages, key=lambda p: p.page.url)
    raw, skill_items, duty_items = _raw_frames(pages)
    careers = normalize_careers(raw, default_currency)
    skills = _attach_ids(build_skills(skill_items), careers)
    duties = _attach_ids(build_duties(duty_items), careers)
    page_frame = _pages_frame(pages)

    checked = validate(careers, skills, duties, page_frame, row=_ROW)

    careers_out = checked.careers.sort_values("career_id", kind="stable").assign(version=run_id)
    skills_out = checked.career_skills.sort_values("career_id", kind="stable").assign(
        version=run_id
    )
    duties_out = checked.career_duties.sort_values("career_id", kind="stable").assign(
        version=run_id
    )
    pages_out = _note_rejections(checked.pages, careers, checked.careers, checked.rejects)
    pages_out = pages_out.sort_values("url", kind="stable").assign(version=run_id)
    rejects_out = checked.rejects.sort_values(
        ["table", "key", "rule", "column"], kind="stable"
    ).assign(version=run_id)

    careers_final = conform(careers_out, CAREERS)
    pages_final = conform(pages_out, PAGES)
    rejects_final = conform(rejects_out, REJECTS)
    report = build_report(
        pages_final,
        careers_final,
        rejects_final,
        careers_parsed=len(careers),
        careers_rejected=checked.rejected_careers,
    )
    report = replace(report, gate_failures=gate_failures(report, settings))
    return Tables(
        careers=careers_final,
        career_skills=conform(skills_out, CAREER_SKILLS),
        career_duties=conform(duties_out, CAREER_DUTIES),
        pages=pages_final,
        rejects=rejects_final,
        quality=report,
    )
