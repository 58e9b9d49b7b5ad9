"""The transform stage's entry point: parsed pages of one run to validated tables.

In two halves, so the work follows the pages: `normalize_batch` does everything a
batch of pages needs no other batch for (normalizing, every row rule), where the
batch was parsed; `combine` does what needs them all (one career_id from one
page, order, the quality report). `build_tables` is both, for one batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
from transform.validate import DUPLICATE_CAREER, ROW, ROW_CAREER_RULES, apply_rules, validate

_CAREER_OUTCOMES = frozenset({Outcome.PARSED, Outcome.NOT_MODIFIED})
_ROW = ROW  # links skills and duties to the exact career row they came from
_PAGE_URL = "_page_url"  # the URL the career's page was fetched at: decides repeated ids


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
    raw[_PAGE_URL] = pd.Series([p.page.url for p in parsed], dtype="str")
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
    pages: pd.DataFrame, rejected: pd.DataFrame, rejects: pd.DataFrame
) -> pd.DataFrame:
    """A page whose career was rejected says so in `error` (the rules are in `rejects`)."""
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


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class Batch:
    """One batch of pages normalized and checked row by row (see the module doc).

    Small and self-contained, so it crosses process boundaries (a parse worker hands it
    back) instead of the parsed pages: `careers` holds the rows that kept every row
    rule, `rejected` the url and career_id of those that did not.
    """

    careers: pd.DataFrame
    career_skills: pd.DataFrame
    career_duties: pd.DataFrame
    pages: pd.DataFrame
    rejects: pd.DataFrame
    rejected: pd.DataFrame
    parsed: int  # career rows before any rule

    @property
    def rows(self) -> int:
        return len(self.careers) + len(self.career_skills) + len(self.career_duties)


def normalize_batch(
    pages: Sequence[ParsedPage], *, default_currency: str = "USD"
) -> Batch:
    """Normalize and check one batch of parsed pages (every rule that needs no other batch)."""
    # URL order first: "the first page of a repeated career_id" must not depend on fetch order.
    pages = sorted(pages, key=lambda p: p.page.url)
    raw, skill_items, duty_items = _raw_frames(pages)
    careers = normalize_careers(raw, default_currency)
    skills = _attach_ids(build_skills(skill_items), careers)
    duties = _attach_ids(build_duties(duty_items), careers)
    checked = validate(careers, skills, duties, _pages_frame(pages), row=_ROW,
                       career_rules=ROW_CAREER_RULES)
    rejected = careers.loc[~careers[_ROW].isin(checked.careers[_ROW]), ["url", "career_id"]]
    return Batch(
        careers=checked.careers,
        career_skills=checked.career_skills,
        career_duties=checked.career_duties,
        pages=checked.pages,
        rejects=checked.rejects,
        rejected=rejected,
        parsed=len(careers),
    )


def combine(
    batches: Sequence[Batch], *, run_id: str, quality: QualitySettings | None = None
) -> Tables:
    """One run's five contract tables from its batches, in any order.

    Never raises for bad data: rows that break a rule go to `rejects`, and the report
    says whether the run passes its gates (call `quality.check_gates` before publishing).
    When several pages give the same career_id, the one with the smallest URL is kept
    and the others rejected. Output order is by career_id (pages by url), so the same
    pages in any order and any batches give the same tables.
    """
    settings = quality or QualitySettings()
    offset = 0
    parts: list[Batch] = []
    for batch in batches:  # row numbers of the run, not of the batch
        def shift(frame: pd.DataFrame, by: int = offset) -> pd.DataFrame:
            return frame.assign(**{_ROW: frame[_ROW] + by}) if _ROW in frame else frame

        parts.append(replace(batch, careers=shift(batch.careers),
                             career_skills=shift(batch.career_skills),
                             career_duties=shift(batch.career_duties)))
        offset += batch.parsed
    careers = _concat([b.careers for b in parts]).sort_values(_PAGE_URL, kind="stable")
    repeated, repeat_rejects = apply_rules(careers, (DUPLICATE_CAREER,), "careers", "career_id")
    gone = careers.loc[repeated, _ROW]
    careers = careers[~repeated]
    skills = _concat([b.career_skills for b in parts])
    duties = _concat([b.career_duties for b in parts])
    skills, duties = skills[~skills[_ROW].isin(gone)], duties[~duties[_ROW].isin(gone)]
    rejects = _concat([*(b.rejects for b in parts), repeat_rejects])
    rejected = _concat([*(b.rejected for b in parts),
                        careers_of(gone, _concat([b.careers for b in parts]))])
    pages = _note_rejections(_concat([b.pages for b in parts]), rejected, rejects)

    careers_final = conform(
        careers.sort_values("career_id", kind="stable").assign(version=run_id), CAREERS
    )
    pages_final = conform(pages.sort_values("url", kind="stable").assign(version=run_id), PAGES)
    rejects_final = conform(
        rejects.sort_values(["table", "key", "rule", "column"], kind="stable").assign(
            version=run_id
        ),
        REJECTS,
    )
    report = build_report(
        pages_final,
        careers_final,
        rejects_final,
        careers_parsed=sum(b.parsed for b in parts),
        careers_rejected=len(rejected),
    )
    report = replace(report, gate_failures=gate_failures(report, settings))
    return Tables(
        careers=careers_final,
        career_skills=conform(
            skills.sort_values("career_id", kind="stable").assign(version=run_id), CAREER_SKILLS
        ),
        career_duties=conform(
            duties.sort_values("career_id", kind="stable").assign(version=run_id), CAREER_DUTIES
        ),
        pages=pages_final,
        rejects=rejects_final,
        quality=report,
    )


def careers_of(rows: pd.Series, careers: pd.DataFrame) -> pd.DataFrame:
    """The url and career_id of the career rows numbered `rows`."""
    return careers.loc[careers[_ROW].isin(rows), ["url", "career_id"]]


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def build_tables(
    pages: Sequence[ParsedPage],
    *,
    run_id: str,
    default_currency: str = "USD",
    quality: QualitySettings | None = None,
) -> Tables:
    """Normalize, validate and shape one run's pages into the five contract tables
    (`normalize_batch` then `combine`, for one batch: see `combine`)."""
    return combine(
        [normalize_batch(pages, default_currency=default_currency)], run_id=run_id,
        quality=quality,
    )
