"""One self-contained HTML report per version: counts, fill rates, rejects, changes, charts.

    data/reports/<version>.html      written after each publish; `python -m load report`

`render_report` is pure (tables and manifest in, HTML out); `write_report` reads
a version and writes its file atomically. The file has no script and loads
nothing: styles are inline and the charts are SVG (`load.charts`), so it renders
offline, forever, in any browser, and prints.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from core.store.local import write_synced
from load.charts import (
    ACCENT,
    BAR,
    Box,
    Point,
    box_plots,
    horizontal_bars,
    money,
    scatter,
    vertical_bars,
)
from load.layout import Layout
from load.manifest import Manifest
from load.read import read_arrow_from, to_pandas
from load.schema import EDUCATION_LEVELS, GROWTH_LEVELS
from load.versions import load_manifest

REPORTS_DIR = "reports"
TOP_SKILLS = 15
MIN_PCT_POINTS = 3  # fewer careers with a growth percent: plot growth by category instead


def reports_dir(layout: Layout) -> Path:
    """`data/reports/`, beside the parquet folder."""
    return layout.root.parent / REPORTS_DIR


def report_path(layout: Layout, run_id: str) -> Path:
    return reports_dir(layout) / f"{run_id}.html"


@dataclass(frozen=True, eq=False)
class ReportInputs:
    """What a report shows: one version's manifest and tables (pandas, typed)."""

    manifest: Manifest
    careers: pd.DataFrame
    career_skills: pd.DataFrame
    pages: pd.DataFrame
    rejects: pd.DataFrame


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart of the report: its anchor, heading, what it shows, and its SVG."""

    id: str
    title: str
    caption: str
    svg: str  # "" when there is nothing to draw; the caption says why


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def main_currency(careers: pd.DataFrame) -> str | None:
    """The currency most careers with a median are paid in (charts compare like with like)."""
    paid = careers[careers["salary_median"].notna()]
    counts = paid["salary_currency"].dropna().value_counts()
    return str(counts.index[0]) if len(counts) else None


def _paid(careers: pd.DataFrame, currency: str | None) -> pd.DataFrame:
    paid = careers[careers["salary_median"].notna()]
    return paid[paid["salary_currency"] == currency] if currency else paid.iloc[0:0]


def _others_note(careers: pd.DataFrame, currency: str | None) -> str:
    paid = careers[careers["salary_median"].notna()]
    others = int((paid["salary_currency"] != currency).sum()) if currency else 0
    return f" {others} careers paid in other currencies are left out." if others else ""


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


NO_PAY = "No career of this version has a median pay."


def pay_by_education(careers: pd.DataFrame) -> Chart:
    currency = main_currency(careers)
    paid = _paid(careers, currency)
    if paid.empty:
        return Chart("chart-pay-education", "Median pay by education level", NO_PAY, "")
    values: list[float | None] = []
    notes = []
    for level in EDUCATION_LEVELS:
        pay = paid.loc[paid["education_level"] == level, "salary_median"]
        values.append(float(pay.median()) if len(pay) else None)
        notes.append(f"{len(pay)} careers")
    svg = vertical_bars(
        "Median pay by education level", EDUCATION_LEVELS, values, notes,
        y_label=f"median annual pay ({currency or '-'})",
    )
    caption = (
        f"The median of the careers' median annual pay, per typical entry-level education, "
        f"lowest level first ({len(paid)} careers in {currency or 'no currency'}; careers "
        f"without an education level are not shown).{_others_note(careers, currency)}"
    )
    return Chart("chart-pay-education", "Median pay by education level", caption, svg)


def pay_vs_growth(careers: pd.DataFrame) -> Chart:
    currency = main_currency(careers)
    paid = _paid(careers, currency)
    if paid.empty:
        return Chart("chart-pay-growth", "Pay vs projected growth", NO_PAY, "")
    with_pct = paid[paid["growth_pct"].notna()]
    if len(with_pct) >= MIN_PCT_POINTS:
        points = [
            Point(float(r["growth_pct"]), float(r["salary_median"]),
                  f"{r['title']}: {money(float(r['salary_median']))}, {r['growth_pct']:+g}%")
            for r in _records(with_pct)
        ]
        svg = scatter("Pay vs projected growth", points, x_label="projected growth (%)",
                      y_label=f"median annual pay ({currency})")
        shown = f"{len(points)} careers with a growth percent"
    else:
        rated = paid[paid["growth_category"].notna()]
        points = []
        for position, r in enumerate(_records(rated.sort_values("career_id"))):
            band = GROWTH_LEVELS.index(str(r["growth_category"]))
            spread = ((position * 37) % 19) / 19 - 0.5  # spread within the band, reproducibly
            points.append(Point(band + spread * 0.6, float(r["salary_median"]),
                                f"{r['title']}: {money(float(r['salary_median']))}, "
                                f"{r['growth_category']}"))
        svg = scatter("Pay vs projected growth", points, x_label="growth",
                      y_label=f"median annual pay ({currency or '-'})", x_bands=GROWTH_LEVELS)
        shown = f"{len(points)} careers by growth category (the site gives no percent)"
    caption = (f"Each dot is a career: its median annual pay against its projected 10-year "
               f"growth; {shown}.{_others_note(careers, currency)}")
    return Chart("chart-pay-growth", "Pay vs projected growth", caption, svg)


def pay_by_category(careers: pd.DataFrame) -> Chart:
    currency = main_currency(careers)
    paid = _paid(careers, currency)
    paid = paid[paid["category"].notna()]
    if paid.empty:
        return Chart("chart-pay-category", "Pay distribution by category", NO_PAY, "")
    groups = [
        (str(name), tuple(float(v) for v in group["salary_median"]))
        for name, group in paid.groupby("category", sort=True)
    ]
    groups.sort(key=lambda g: (-pd.Series(g[1]).median(), g[0]))
    svg = box_plots("Pay distribution by category", [Box(n, v) for n, v in groups],
                    x_label=f"median annual pay ({currency or '-'})")
    caption = (f"Per category: the box spans the middle half of its careers' median pay, the "
               f"orange line is the median, whiskers reach the lowest and highest, each dot is "
               f"a career; highest-paid category first.{_others_note(careers, currency)}")
    return Chart("chart-pay-category", "Pay distribution by category", caption, svg)


def top_skills(skills: pd.DataFrame, skill_type: str) -> tuple[list[str], list[float]]:
    """The most demanded skills of one type: (names, careers asking), most first."""
    chosen = skills[skills["skill_type"] == skill_type]
    counts = chosen.groupby("skill")["career_id"].nunique()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:TOP_SKILLS]
    return [str(k) for k, _ in ranked], [float(v) for _, v in ranked]


def skills_chart(skills: pd.DataFrame, skill_type: str) -> Chart:
    names, counts = top_skills(skills, skill_type)
    plural = "skills" if skill_type == "skill" else "tools"
    if not names:
        return Chart(f"chart-top-{plural}", f"Most demanded {plural}",
                     f"No career of this version lists {plural}.", "")
    svg = horizontal_bars(f"Most demanded {plural}", names, counts,
                          color=BAR if skill_type == "skill" else ACCENT, unit=" careers")
    caption = (f"The {len(names)} {plural} the most careers ask for (careers asking; a "
               f"{skill_type} counts once per career).")
    return Chart(f"chart-top-{plural}", f"Most demanded {plural}", caption, svg)


def charts(inputs: ReportInputs) -> list[Chart]:
    return [
        pay_by_education(inputs.careers),
        pay_vs_growth(inputs.careers),
        pay_by_category(inputs.careers),
        skills_chart(inputs.career_skills, "skill"),
        skills_chart(inputs.career_skills, "tool"),
    ]


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], *,
           numeric: Iterable[int] = ()) -> str:
    right = set(numeric)
    head = "".join(f"<th{' class=num' if i in right else ''}>{_e(h)}</th>"
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(
            f"<td{' class=num' if i in right else ''}>{_e(v)}</td>" for i, v in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _counts(inputs: ReportInputs) -> str:
    m = inputs.manifest
    rows = [(name, entry.rows) for name, entry in m.tables.items()]
    outcomes = Counter(str(o) for o in inputs.pages["outcome"].dropna())
    pages = [(outcome, count) for outcome, count in outcomes.most_common()]
    sources = inputs.careers["source"].value_counts()
    return (
        "<div class=grid>"
        f"<div><h3>Rows per table</h3>{_table(['table', 'rows'], rows, numeric=[1])}</div>"
        f"<div><h3>Pages by outcome</h3>{_table(['outcome', 'pages'], pages, numeric=[1])}</div>"
        "<div><h3>Careers per source</h3>"
        f"{_table(['source', 'careers'], list(sources.items()), numeric=[1])}</div>"
        "</div>"
    )


def _fill_rates(manifest: Manifest) -> str:
    rates = manifest.fill_rates.get("careers", {})
    rows = []
    for column, rate in rates.items():
        share = 0.0 if rate is None else float(rate)
        bar = (f'<span class=meter><span style="width:{share * 100:.1f}%"></span></span>'
               f" {share:.0%}" if rate is not None else "-")
        rows.append(f"<tr><td>{_e(column)}</td><td>{bar}</td></tr>")
    return ("<table class=fill><thead><tr><th>careers column</th><th>filled</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _examples(keys: pd.Series) -> str:
    return ", ".join(sorted(map(str, keys))[:3])


def _rejects(rejects: pd.DataFrame) -> str:
    if rejects.empty:
        return "<p>No row broke a quality rule.</p>"
    grouped = (
        rejects.groupby(["table", "rule", "column"], dropna=False)["key"]
        .agg(["count", _examples])
        .reset_index()
        .sort_values(["count", "rule"], ascending=[False, True])
    )
    rows = [(r.iloc[0], r.iloc[1], "" if pd.isna(r.iloc[2]) else r.iloc[2], r.iloc[3], r.iloc[4])
            for _, r in grouped.iterrows()]
    return _table(["table", "rule", "column", "rows", "for example"], rows, numeric=[3])


def _changes(diff: Mapping[str, Any]) -> str:
    parts = [f"<p>{_e(diff.get('summary', ''))}</p>"]
    added, removed = diff.get("added") or [], diff.get("removed") or []
    if added:
        parts.append(_fold(f"Added ({len(added)})", len(added), _table(
            ["career", "title"], [(a["career_id"], a.get("title") or "") for a in added])))
    if removed:
        parts.append(_fold(f"Removed ({len(removed)})", len(removed), _table(
            ["career", "title", "why"],
            [(r["career_id"], r.get("title") or "", r.get("reason") or "") for r in removed])))
    changed = diff.get("changed") or []
    if changed:
        parts.append(f"<h3>Changed ({len(changed)} careers)</h3>")
        rows = []
        for change in changed:
            for field in change.get("fields", []):
                rows.append((change["career_id"], field["field"], _value(field["old"]),
                             _value(field["new"])))
            for label, gone, new in (
                ("skills", change.get("skills_removed"), change.get("skills_added")),
                ("duties", change.get("duties_removed"), change.get("duties_added")),
            ):
                if gone or new:
                    rows.append((change["career_id"], label,
                                 "- " + "; ".join(gone) if gone else "",
                                 "+ " + "; ".join(new) if new else ""))
        parts.append(_table(["career", "field", "before", "after"], rows))
    return "".join(parts)


def _fold(title: str, count: int, html: str) -> str:
    """A heading and its table; long lists start folded (a <details>, no script)."""
    if count <= 20:
        return f"<h3>{_e(title)}</h3>{html}"
    return f"<details><summary><b>{_e(title)}</b></summary>{html}</details>"


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return f"{value:,.2f}".removesuffix(".00")
    return str(value)


_CSS = """
body{font:14px/1.45 system-ui,sans-serif;color:#1f2933;margin:0;background:#f5f7fa}
main{max-width:1040px;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 8px;border-bottom:1px solid
#e4e7eb;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
.meta{color:#52606d;margin:0 0 12px}nav a{margin-right:14px}
table{border-collapse:collapse;margin:4px 0 12px;font-size:13px}
th,td{padding:3px 10px 3px 0;text-align:left;vertical-align:top;border-bottom:1px solid #eef0f3}
.num{text-align:right}.grid{display:flex;gap:40px;flex-wrap:wrap}
.meter{display:inline-block;width:120px;height:9px;background:#e4e7eb;vertical-align:middle}
.meter span{display:block;height:9px;background:#2f6fab}
figure.chart{margin:18px 0 28px}figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{color:#52606d;font-size:13px;max-width:720px}
"""


def render_report(inputs: ReportInputs) -> str:
    """The report of one version as one HTML document (no script, nothing external)."""
    m = inputs.manifest
    drawn = charts(inputs)
    figures = "".join(
        f'<figure class="chart{"" if c.svg else " empty"}" id="{c.id}"><h3>{_e(c.title)}</h3>'
        f"{c.svg}<figcaption>{_e(c.caption)}</figcaption></figure>"
        for c in drawn
    )
    sections = [
        ("counts", "Counts", _counts(inputs)),
        ("charts", "Charts", figures),
        ("changes", "Changes since the previous version", _changes(m.diff)),
        ("rejects", "Rejects by rule", _rejects(inputs.rejects)),
        ("fill", "Fill rates", _fill_rates(m)),
    ]
    nav = "".join(f'<a href="#{key}">{_e(title)}</a>' for key, title, _ in sections)
    body = "".join(f'<section id="{key}"><h2>{_e(title)}</h2>{html}</section>'
                   for key, title, html in sections)
    created = m.created_at.strftime("%Y-%m-%d %H:%M UTC")
    careers = m.row_counts.get("careers", 0)
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>careers-etl report {_e(m.run_id)}</title><style>{_CSS}</style></head>"
        f"<body><main><h1>Version {_e(m.run_id)}</h1>"
        f"<p class=meta>{careers} careers · published {_e(created)} · previous version "
        f"{_e(m.previous or 'none (first version)')} · contract v{m.schema_version} · parsers "
        f"{_e(', '.join(m.parser_versions) or '-')}</p><nav>{nav}</nav>{body}</main></body>"
        "</html>\n"
    )


def report_inputs(layout: Layout, version: str) -> ReportInputs:
    """Read what the report of `version` ("latest" or a run id) shows."""
    manifest = load_manifest(layout, version)

    def frame(name: str) -> pd.DataFrame:
        return to_pandas(read_arrow_from(layout, name, manifest),
                         manifest.tables[name].levels)

    return ReportInputs(manifest, frame("careers"), frame("career_skills"), frame("pages"),
                        frame("rejects"))


def write_report(data_dir: Path, version: str = "latest") -> Path:
    """Write `data/reports/<version>.html` (atomically) and return its path."""
    layout = Layout.for_reading(data_dir)
    inputs = report_inputs(layout, version)
    target = report_path(layout, inputs.manifest.run_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.writing")
    write_synced(tmp, render_report(inputs).encode("utf-8"))
    os.replace(tmp, target)
    return target
